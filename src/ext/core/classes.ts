// The engine's own classes and interfaces (Zend/zend_interfaces.c, zend_closures.c, zend_generators.c,
// zend_enum.c, zend_weakrefs.c, zend_attributes.c): stdClass, Traversable & co, Closure, Generator,
// UnitEnum/BackedEnum, WeakReference/WeakMap, the attribute classes.

import { noteWeakMapKey, noteWeakTarget } from '../../runtime/refcount.js';
import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass, ClassFlags, Vis } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { Ref } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { ClosureNative, closureBound, mkClosure, resolveCall, fakeClosure, takeNamedArgs, argsWithNamed } from '../../runtime/functions.js';
import { GeneratorState, GeneratorIter } from '../../runtime/generator.js';
import { callBound, resolveCallable, isCallable } from '../../runtime/calls.js';
import { findClass } from '../../runtime/objects.js';
import { enumCase, backedEnumTable } from '../../runtime/classdecl.js';
import { toKey } from '../../runtime/dims.js';
import { typeName } from '../../runtime/convert.js';

const I = ClassFlags.Interface;
const F = ClassFlags.Final;

export function registerCoreClasses(r: Registry): void {
  r.class({ name: 'stdClass' });
  r.class({ name: 'Traversable', flags: I });
  // Zend/zend_interfaces.stub.php: these return types are tentative (a user method without one is deprecated)
  r.class({ name: 'Iterator', flags: I, interfaces: ['Traversable'], methods: abstractMethods(['current(): mixed', 'next(): void', 'key(): mixed', 'valid(): bool', 'rewind(): void']) });
  r.class({ name: 'IteratorAggregate', flags: I, interfaces: ['Traversable'], methods: abstractMethods(['getIterator(): Traversable']) });
  r.class({
    name: 'ArrayAccess',
    flags: I,
    methods: abstractMethods(['offsetExists(mixed $offset): bool', 'offsetGet(mixed $offset): mixed', 'offsetSet(mixed $offset, mixed $value): void', 'offsetUnset(mixed $offset): void']),
  });
  r.class({ name: 'Countable', flags: I, methods: abstractMethods(['count(): int']) });
  r.class({ name: 'Stringable', flags: I, methods: abstractMethods(['__toString(): string']) });
  r.class({ name: 'Serializable', flags: I, methods: abstractMethods(['serialize()', 'unserialize(string $data)']) });
  r.class({ name: 'InternalIterator', flags: F | ClassFlags.Final, interfaces: ['Iterator'] });
  registerClosure(r);
  registerGenerator(r);
  registerEnums(r);
  registerWeak(r);
  registerAttributes(r);
}

/** Abstract public methods, each a name or a PHP signature ("count(): int"). */
function abstractMethods(names: string[]) {
  return names.map((sig) => {
    const name = sig.replace(/\(.*$/, '');
    return sig.includes('(') ? { name, flags: 1 | 16, fn: null, signature: sig } : { name, flags: 1 | 16, fn: null };
  });
}

// ───────────── Closure ─────────────

function closureOf(o: PhpObject): ClosureNative {
  return o.native as ClosureNative;
}

/** Closure::bind / bindTo (do_closure_bind): a copy with a new $this and scope, or null after a warning. */
function bindClosure(o: PhpObject, newThis: any, scopeArg: any, hasScope: boolean): PhpObject | null {
  const n = closureOf(o);
  let scope = n.scope;
  if (hasScope) {
    if (scopeArg instanceof PhpObject) scope = scopeArg.cls;
    else if (scopeArg === null) scope = null;
    else {
      const name = String(scopeArg);
      if (name === 'static') scope = functionScope(n);
      else {
        const c = findClass(name, true);
        if (!c) {
          rt.warn(`Class "${name}" not found`);
          return null;
        }
        scope = c;
      }
    }
  }
  if (!validBinding(n, newThis instanceof PhpObject ? newThis : null, scope)) return null;
  return rebound(n, newThis instanceof PhpObject ? newThis : null, scope);
}

/** A copy of the closure bound to `newThis` (called scope: its class, else `scope`) and `scope`. */
function rebound(n: ClosureNative, newThis: PhpObject | null, scope: PhpClass | null): PhpObject {
  // zend_create_closure: an object bound without a scope gets the dummy scope Closure
  if (scope === null && newThis !== null) scope = closureClass();
  const c = mkClosure(n.info, n.fn, newThis ?? (scope ?? undefined), scope, n.usedNames, n.usedValues);
  const cn = closureOf(c);
  cn.self = newThis ?? undefined;
  cn.scope = scope;
  cn.target = n.target;
  if (n.statics) cn.statics = new Map([...n.statics].map(([k, v]) => [k, new Ref(v.v)]));
  return c;
}

function closureClass(): PhpClass {
  return rt.core.builtinClasses.get('closure')!;
}

/** A closure made from a function or method (fromCallable, first-class callable syntax): ZEND_ACC_FAKE_CLOSURE. */
function isFake(n: ClosureNative): boolean {
  return !n.info.isClosure;
}

/** func.common.scope: a fake closure's method class, a real closure's bound scope. */
function functionScope(n: ClosureNative): PhpClass | null {
  return isFake(n) ? (n.info.cls ?? null) : n.scope;
}

/** zend_valid_closure_binding: may the closure take this $this and scope? Warns when not. */
function validBinding(n: ClosureNative, newThis: PhpObject | null, scope: PhpClass | null): boolean {
  const fake = isFake(n);
  const fnScope = functionScope(n);
  if (newThis !== null) {
    if (n.info.isStatic) {
      rt.warn('Cannot bind an instance to a static closure');
      return false;
    }
    if (fake && fnScope !== null && !newThis.cls.isSubclassOf(fnScope)) {
      rt.warn(`Cannot bind method ${fnScope.name}::${n.info.name}() to object of class ${newThis.cls.name}`);
      return false;
    }
  } else if (fake && fnScope !== null && !n.info.isStatic) {
    rt.warn('Cannot unbind $this of method');
    return false;
  } else if (!fake && n.self !== undefined && n.info.usesThis === true) {
    rt.warn('Cannot unbind $this of closure using $this');
    return false;
  }
  if (scope !== null && scope !== fnScope && scope.isInternal) {
    rt.warn(`Cannot bind closure to scope of internal class ${scope.name}`);
    return false;
  }
  if (fake && scope !== fnScope) {
    rt.warn(`Cannot rebind scope of closure created from ${fnScope === null ? 'function' : 'method'}`);
    return false;
  }
  return true;
}

/** zend_closure_compare: closures made from the same function or method, for the same $this and called scope, are equal. */
function compareClosures(a: PhpObject, b: any): number {
  const UNCOMPARABLE = 1;
  if (!(b instanceof PhpObject) || b.cls !== a.cls) return UNCOMPARABLE;
  const l = closureOf(a);
  const r = closureOf(b);
  if (!isFake(l) || !isFake(r)) return UNCOMPARABLE;
  if (l.self !== r.self || l.called !== r.called) return UNCOMPARABLE;
  if (l.info.isBuiltin !== r.info.isBuiltin || functionScope(l) !== functionScope(r)) return UNCOMPARABLE;
  return l.info.name === r.info.name ? 0 : UNCOMPARABLE;
}

function registerClosure(r: Registry): void {
  r.class({
    name: 'Closure',
    flags: F,
    nativeMethods: {
      'private __construct()': function () {
        rt.throwError('Error', 'Instantiation of class Closure is not allowed');
      },
      'public static bind(Closure $closure, ?object $newThis, object|string|null $newScope = "static"): ?Closure': function (c: PhpObject, newThis: any, scope: any) {
        return bindClosure(c, newThis, scope, arguments.length > 2 || true);
      },
      'public bindTo(?object $newThis, object|string|null $newScope = "static"): ?Closure': function (this: PhpObject, newThis: any, scope: any) {
        return bindClosure(this, newThis, scope, true);
      },
      'public call(object $newThis, mixed ...$args): mixed': function (this: PhpObject, newThis: PhpObject, args: any[]) {
        const n = closureOf(this);
        const named = takeNamedArgs();
        if (!validBinding(n, newThis, newThis.cls)) return null;
        const bound = rebound(n, newThis, newThis.cls);
        return named ? rt.core.callWithArray(bound, argsWithNamed(args, named)) : callBound(closureBound(bound), args);
      },
      // zend_create_closure_from_callable checks the callable itself (its own message)
      'public static fromCallable(mixed $callback): Closure': function (cb: any) {
        if (cb instanceof PhpObject && cb.cls.lcname === 'closure') return cb;
        const scope = rt.callerScope();
        if (!isCallable(cb)) {
          const why = { reason: '' };
          resolveCallable(cb, scope, why);
          rt.throwError('TypeError', `Failed to create closure from callable: ${why.reason}`);
        }
        const b = resolveCall(cb, scope);
        return fakeClosure(b, b.self instanceof PhpObject ? b.self.cls : b.self instanceof PhpClass ? b.self : null);
      },
      'public __invoke(mixed ...$args): mixed': function (this: PhpObject, args: any[]) {
        const named = takeNamedArgs();
        if (named) return rt.core.callWithArray(this, argsWithNamed(args, named));
        return callBound(closureBound(this), args);
      },
    },
    handlers: {
      clone(src: PhpObject, dst: PhpObject) {
        dst.native = { ...src.native };
      },
      debugInfo(o: PhpObject) {
        return closureDebugInfo(o);
      },
      compare: compareClosures,
    },
  });
  rt; // keep import
}

function closureDebugInfo(o: PhpObject): [string, any][] {
  const n = closureOf(o);
  const out: [string, any][] = [];
  // a closure made from a named function or method (first-class callable, fromCallable) names it
  if (!n.info.isClosure && n.info.name !== '{closure}' && n.info.name !== '__call') {
    out.push(['function', n.info.cls ? `${n.info.cls.name}::${n.info.name}` : n.info.name]);
  }
  const used = n.usedNames ?? [];
  if (n.usedValues?.some((v) => v !== undefined) || (n.statics && n.statics.size)) {
    const a = new PhpArray();
    used.forEach((name, i) => {
      const v = n.usedValues![i];
      // an arrow function captures only the variables that were defined
      if (v === undefined) return;
      if (v instanceof Ref) a.setRef(name, v);
      else a.set(name, v);
    });
    if (n.statics) for (const [k, v] of n.statics) a.set(k.replace(/#\d+$/, ''), v.v);
    out.push(['static', a]);
  }
  if (n.self) out.push(['this', n.self]);
  if (n.info.params.length) {
    const a = new PhpArray();
    for (const p of n.info.params) a.set((p.byRef ? '&' : '') + '$' + p.name, p.optional ? '<optional>' : '<required>');
    out.push(['parameter', a]);
  }
  return out;
}

// ───────────── Generator ─────────────

function gen(o: PhpObject): GeneratorState {
  return o.native as GeneratorState;
}

function registerGenerator(r: Registry): void {
  r.class({
    name: 'Generator',
    flags: F | ClassFlags.EngineOnly,
    uncloneable: true,
    interfaces: ['Iterator'],
    nativeMethods: {
      'public current(): mixed': function (this: PhpObject) {
        return gen(this).current();
      },
      'public key(): mixed': function (this: PhpObject) {
        return gen(this).key();
      },
      'public next(): void': function (this: PhpObject) {
        gen(this).next();
      },
      'public valid(): bool': function (this: PhpObject) {
        return gen(this).valid();
      },
      'public rewind(): void': function (this: PhpObject) {
        gen(this).rewind();
      },
      'public send(mixed $value): mixed': function (this: PhpObject, v: any) {
        return gen(this).send(v);
      },
      'public throw(Throwable $exception): mixed': function (this: PhpObject, e: PhpObject) {
        return gen(this).throwInto(e);
      },
      'public getReturn(): mixed': function (this: PhpObject) {
        return gen(this).getReturn();
      },
    },
    handlers: {
      iterate(o: PhpObject, byRef: boolean) {
        return new GeneratorIter(gen(o), byRef);
      },
    } as any,
  });
}

// ───────────── enums ─────────────

function registerEnums(r: Registry): void {
  r.class({
    name: 'UnitEnum',
    flags: I,
    nativeMethods: {
      'public static cases(): array': function (this: PhpClass) {
        return enumCases(this);
      },
    },
  });
  r.class({
    name: 'BackedEnum',
    flags: I,
    interfaces: ['UnitEnum'],
    nativeMethods: {
      'public static from(int|string $value): static': function (this: PhpClass, v: any) {
        return enumFrom(this, v, false);
      },
      'public static tryFrom(int|string $value): ?static': function (this: PhpClass, v: any) {
        return enumFrom(this, v, true);
      },
    },
  });
}

export function enumCases(cls: PhpClass): PhpArray {
  const out = new PhpArray();
  for (const [name, c] of cls.consts) if (c.isCase && c.cls === cls) out.append(enumCase(cls, name));
  return out;
}

function enumFrom(cls: PhpClass, v: any, tryOnly: boolean): any {
  if (cls.enumBacking === 'int' && typeof v === 'string') {
    const k = toKey(v);
    if (typeof k !== 'number') rt.throwError('TypeError', `${cls.name}::${tryOnly ? 'tryFrom' : 'from'}(): Argument #1 ($value) must be of type int, string given`);
    v = k;
  }
  if (cls.enumBacking === 'string' && typeof v !== 'string') v = String(v);
  const name = backedEnumTable(cls).get(v);
  if (name !== undefined) return enumCase(cls, name);
  if (tryOnly) return null;
  const shown = typeof v === 'string' ? `"${v}"` : String(v);
  return rt.throwError('ValueError', `${shown} is not a valid backing value for enum ${cls.name.includes('\\') ? cls.name : cls.name}`);
}

/** Enums implement UnitEnum (and BackedEnum when backed) automatically; their cases are read-only. */
export function linkEnum(cls: PhpClass): void {
  void cls;
}

// ───────────── weak references ─────────────

function registerWeak(r: Registry): void {
  r.class({
    name: 'WeakReference',
    flags: F,
    nativeMethods: {
      'public __construct()': function () {
        rt.throwError('Error', 'Direct instantiation of WeakReference is not allowed, use WeakReference::create instead');
      },
      'public static create(object $object): WeakReference': function (obj: PhpObject) {
        const map: Map<PhpObject, PhpObject> = (rt.ext.weakrefs ??= new Map());
        let w = map.get(obj);
        if (!w) {
          w = new PhpObject(rt.core.builtinClasses.get('weakreference')!);
          w.native = { target: obj };
          map.set(obj, w);
          noteWeakTarget();
        }
        return w;
      },
      'public get(): ?object': function (this: PhpObject) {
        const t = this.native.target as PhpObject | null;
        return t && !t.destructed ? t : null;
      },
    },
  });
  r.class({
    name: 'WeakMap',
    flags: F,
    interfaces: ['ArrayAccess', 'Countable', 'IteratorAggregate'],
    createNative(o: PhpObject) {
      o.native = new Map<PhpObject, any>();
    },
    nativeMethods: {
      'public offsetGet($object): mixed': function (this: PhpObject, k: any) {
        const m = weakKey(this, k);
        if (!this.native.has(m)) rt.throwError('Error', `Object ${m.cls.name}#${m.id} not contained in WeakMap`);
        return valueOf(this.native.get(m));
      },
      'public offsetSet($object, mixed $value): void': function (this: PhpObject, k: any, v: any) {
        const key = weakKey(this, k);
        this.native.set(key, v);
        noteWeakMapKey(key, this.native);
      },
      'public offsetExists($object): bool': function (this: PhpObject, k: any) {
        const m = weakKey(this, k);
        return this.native.has(m) && valueOf(this.native.get(m)) !== null;
      },
      'public offsetUnset($object): void': function (this: PhpObject, k: any) {
        this.native.delete(weakKey(this, k));
      },
      'public count(): int': function (this: PhpObject) {
        return this.native.size;
      },
      'public getIterator(): Iterator': function (this: PhpObject) {
        return weakMapIterator(this);
      },
    },
    handlers: {
      iterate(o: PhpObject) {
        const entries = [...(o.native as Map<PhpObject, any>).entries()];
        let i = 0;
        return {
          k: null as any,
          v: null as any,
          next() {
            if (i >= entries.length) return false;
            const [k, v] = entries[i++];
            this.k = k;
            this.v = valueOf(v);
            return true;
          },
          end() {},
          ref() {
            return storedRef(o.native, this.k);
          },
        };
      },
      count(o: PhpObject) {
        return (o.native as Map<any, any>).size;
      },
      // zend_weakmap_get_properties_for: each entry as ['key' => object, 'value' => value]
      debugInfo(o: PhpObject) {
        const out: [number, any][] = [];
        let i = 0;
        for (const [k, v] of o.native as Map<PhpObject, any>) {
          const e = new PhpArray();
          e.set('key', k);
          if (v instanceof Ref && v.n > 1) e.setRef('value', v);
          else e.set('value', valueOf(v));
          out.push([i++, e]);
        }
        return out;
      },
      // zend_weakmap_read_dimension for writing: the entry itself ($map[$o][] = v, $map[$o]++)
      dimRef(o: PhpObject, k: any) {
        const key = weakKey(o, k);
        if (!o.native.has(key)) rt.throwError('Error', `Object ${key.cls.name}#${key.id} not contained in WeakMap`);
        return storedRef(o.native, key);
      },
    } as any,
  });
}

/** A WeakMap value; entries written through (dimRef, foreach by reference) are kept as Refs. */
function valueOf(v: any): any {
  return v instanceof Ref ? v.v : v;
}

function storedRef(map: Map<PhpObject, any>, key: PhpObject): Ref {
  let v = map.get(key);
  if (!(v instanceof Ref)) map.set(key, (v = new Ref(v)));
  return v;
}

function weakKey(_m: PhpObject, k: any): PhpObject {
  if (!(k instanceof PhpObject)) rt.throwError('TypeError', 'WeakMap key must be an object');
  return k;
}

function weakMapIterator(m: PhpObject): PhpObject {
  void m;
  return rt.throwError('Error', 'WeakMap::getIterator() is not supported yet');
}

// ───────────── attributes ─────────────

function registerAttributes(r: Registry): void {
  r.constants({
    'Attribute::TARGET_CLASS': 1,
  });
  r.class({
    name: 'Attribute',
    flags: F,
    consts: [
      ['TARGET_CLASS', 1], ['TARGET_FUNCTION', 2], ['TARGET_METHOD', 4], ['TARGET_PROPERTY', 8], ['TARGET_CLASS_CONSTANT', 16],
      ['TARGET_PARAMETER', 32], ['TARGET_ALL', 63], ['IS_REPEATABLE', 64],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    props: [{ name: 'flags', flags: 1, type: 'int' }],
    nativeMethods: {
      'public __construct(int $flags = Attribute::TARGET_ALL)': function (this: PhpObject, flags: number) {
        this.p['flags'] = flags;
      },
    },
  });
  for (const name of ['ReturnTypeWillChange', 'AllowDynamicProperties', 'SensitiveParameter']) {
    r.class({ name, flags: F, nativeMethods: { 'public __construct()': function () {} } });
  }
  r.class({
    name: 'SensitiveParameterValue',
    flags: F,
    props: [{ name: 'value', flags: 4 | 64, type: 'mixed' }],
    nativeMethods: {
      'public __construct(mixed $value)': function (this: PhpObject, v: any) {
        this.p[this.cls.props.get('value')!.key] = v;
      },
      'public getValue(): mixed': function (this: PhpObject) {
        return this.p[this.cls.props.get('value')!.key];
      },
      // var_dump() and print_r() show nothing of the value
      'public __debugInfo(): array': function () {
        return new PhpArray();
      },
    },
  });

  void typeName;
}
