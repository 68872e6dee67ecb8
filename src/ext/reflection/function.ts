// ReflectionFunctionAbstract, ReflectionFunction, ReflectionMethod, ReflectionParameter.

import type { Registry } from '../../engine/extension.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject, PhpClass, PhpMethod, FunctionInfo, ParamInfo, Vis } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { findClass } from '../../runtime/objects.js';
import { callBound, argsFromArray } from '../../runtime/calls.js';
import { mkClosure, closureBound, ClosureNative, invokeArgs, takeNamedArgs, argsWithNamed } from '../../runtime/functions.js';
import { mkRefl, nativeOf, reflError, nsOf, shortOf, factories, FnState, evalDefaultText, defaultConstantName, formatDefaultText } from './util.js';
import { typeObj, typeFromText } from './type.js';
import { attributesOf, TARGET_FUNCTION, TARGET_METHOD, TARGET_PARAMETER } from './attribute.js';

export const M_PUBLIC = 1, M_PROTECTED = 2, M_PRIVATE = 4, M_STATIC = 16, M_FINAL = 32, M_ABSTRACT = 64;

interface ParamState {
  fs: FnState;
  idx: number;
  p: ParamInfo;
}

function fnState(o: PhpObject): FnState {
  return nativeOf<FnState>(o);
}

function isUser(info: FunctionInfo): boolean {
  return !info.isBuiltin;
}

function fullName(fs: FnState): string {
  return fs.method ? `${fs.method.cls.name}::${fs.method.name}` : fs.info.name;
}

export function methodModifiers(m: PhpMethod): number {
  let f = m.vis === Vis.Private ? M_PRIVATE : m.vis === Vis.Protected ? M_PROTECTED : M_PUBLIC;
  if (m.isStatic) f |= M_STATIC;
  if (m.isFinal) f |= M_FINAL;
  if (m.isAbstract) f |= M_ABSTRACT;
  return f;
}

/** The namespace context of a function or method (for constants and attribute names). */
function ctxOf(fs: FnState): { scope: PhpClass | null; ns: string } {
  const scope = fs.method ? fs.method.cls : fs.info.cls ?? null;
  return { scope, ns: scope ? nsOf(scope.name) : fs.info.isClosure ? '' : nsOf(fs.info.name) };
}

// ───────────── factories ─────────────

export function methodObj(cls: PhpClass, m: PhpMethod, as?: PhpClass): PhpObject {
  const fs: FnState = { info: m.info, fn: m.fn, method: m, cls, closure: null };
  return mkRefl(as ?? 'ReflectionMethod', fs, { name: m.name, class: m.cls.name });
}

function functionObj(info: FunctionInfo, fn: Function, closure: PhpObject | null): PhpObject {
  return mkRefl('ReflectionFunction', { info, fn, method: null, cls: null, closure } as FnState, { name: info.name });
}

function paramObj(fs: FnState, idx: number): PhpObject {
  const p = fs.info.params[idx];
  return mkRefl('ReflectionParameter', { fs, idx, p } as ParamState, { name: p.name });
}

// ───────────── lookups ─────────────

function lookupMethod(cls: PhpClass, name: string): PhpMethod {
  const m = cls.methods.get(name.toLowerCase());
  if (!m) reflError(`Method ${cls.name}::${name}() does not exist`);
  return m;
}

function classArg(v: any): PhpClass {
  if (v instanceof PhpObject) return v.cls;
  const c = findClass(String(v), true);
  if (!c) reflError(`Class "${v}" does not exist`, -1);
  return c;
}

/** The method this one overrides or implements (zend_function.prototype). */
export function prototypeOf(m: PhpMethod): PhpMethod | null {
  const lc = m.lcname;
  const cands: PhpMethod[] = [];
  const parent = m.cls.parent;
  if (parent) {
    const pm = parent.methods.get(lc);
    if (pm && pm.vis !== Vis.Private && pm !== m) {
      if (lc !== '__construct' || pm.isAbstract || pm.cls.isInterface) cands.push(pm);
    }
  }
  if (!cands.length) {
    for (const i of m.cls.interfaces) {
      const im = i.methods.get(lc);
      if (im && im.cls === i) {
        cands.push(im);
        break;
      }
    }
  }
  if (!cands.length) return null;
  const p = cands[0];
  if (p.cls.isInterface) return p;
  return prototypeOf(p) ?? p;
}

// ───────────── __toString ─────────────

export function paramString(fs: FnState, i: number): string {
  const p = fs.info.params[i];
  const required = i < fs.info.required;
  let s = `Parameter #${i} [ ${required ? '<required>' : '<optional>'} `;
  if (p.type) s += p.type.text + ' ';
  if (p.byRef) s += '&';
  if (p.variadic) s += '...';
  s += '$' + p.name;
  if (!required && !p.variadic) {
    if (!isUser(fs.info)) s += ' = ' + (p.defaultText !== undefined && p.defaultText !== 'UNKNOWN' ? p.defaultText : '<default>');
    else if (p.defaultText !== undefined) s += ' = ' + formatDefaultText(p.defaultText);
  }
  return s + ' ]';
}

export function functionString(fs: FnState, indent: string, scope: PhpClass | null): string {
  const info = fs.info;
  const m = fs.method;
  let s = '';
  if (isUser(info) && info.docComment) s += `${indent}${info.docComment}\n`;
  s += indent + (info.isClosure || fs.closure ? 'Closure [ ' : m ? 'Method [ ' : 'Function [ ');
  s += isUser(info) ? '<user' : '<internal';
  if (info.deprecated) s += ', deprecated';
  // an internal method of a user class (an enum's cases()) or a closure's __invoke has no module
  if (!isUser(info) && !(m && (!m.cls.isInternal || (m.cls.lcname === 'closure' && m.lcname === '__invoke')))) {
    s += ':' + (m ? extensionOfClass(m.cls) : 'standard');
  }
  if (scope && m) {
    if (m.cls !== scope) s += `, inherits ${m.cls.name}`;
    else if (m.cls.parent) {
      const ow = m.cls.parent.methods.get(m.lcname);
      if (ow && ow.cls !== m.cls && ow.vis !== Vis.Private) s += `, overwrites ${ow.cls.name}`;
    }
  }
  if (m) {
    const proto = prototypeOf(m);
    if (proto) s += `, prototype ${proto.cls.name}`;
    if (m.lcname === '__construct') s += ', ctor';
  }
  s += '> ';
  if (m) {
    if (m.isAbstract) s += 'abstract ';
    if (m.isFinal) s += 'final ';
    if (m.isStatic) s += 'static ';
    s += m.vis === Vis.Private ? 'private ' : m.vis === Vis.Protected ? 'protected ' : 'public ';
    s += 'method ';
  } else {
    if (info.isClosure && info.isStatic) s += 'static ';
    s += 'function ';
  }
  if (info.returnsRef) s += '&';
  s += `${m ? m.name : info.name} ] {\n`;
  if (isUser(info)) s += `${indent}  @@ ${info.file} ${info.line ?? 0} - ${info.endLine ?? 0}\n`;
  const pi = indent + '  ';
  if (info.params.length || !isUser(info) || info.returnType) {
    s += `\n${pi}- Parameters [${info.params.length}] {\n`;
    for (let i = 0; i < info.params.length; i++) s += `${pi}  ${paramString(fs, i)}\n`;
    s += `${pi}}\n`;
  }
  if (info.returnType) s += `${pi}- ${!isUser(info) && m ? 'Tentative return' : 'Return'} [ ${info.returnType.text} ]\n`;
  s += `${indent}}\n`;
  return s;
}

export function extensionOfClass(c: PhpClass): string {
  const ext = c.ext.extensionName ?? (c as any).extension;
  if (typeof ext === 'string') return rt.core.extensionDisplayNames.get(ext.toLowerCase()) ?? ext;
  return /^Reflect/.test(c.name) ? 'Reflection' : 'Core';
}

// ───────────── invocation ─────────────

function invokeFn(fs: FnState, args: any[]): any {
  if (fs.closure) return callBound(closureBound(fs.closure), args);
  return callBound({ fn: fs.fn, self: undefined, info: fs.info }, args);
}

function invokeMethod(this: PhpObject, obj: PhpObject | null, args: any[]): any {
  const fs = fnState(this);
  const m = fs.method!;
  if (m.isAbstract) reflError(`Trying to invoke abstract method ${m.cls.name}::${m.name}()`);
  if (m.isStatic) return callBound({ fn: m.fn, self: obj ? obj.cls : fs.cls ?? m.cls, info: m.info }, args);
  if (!obj) reflError(`Trying to invoke non static method ${m.cls.name}::${m.name}() without an object`);
  if (!obj.cls.isSubclassOf(m.cls)) reflError('Given object is not an instance of the class this method was declared in');
  if (obj.native && obj.native.closure && m.lcname === '__invoke') return callBound(closureBound(obj), args);
  return callBound({ fn: m.fn, self: obj, info: m.info }, args);
}

// ───────────── registration ─────────────

export function registerFunctions(r: Registry): void {
  factories.method = (c, m) => methodObj(c, m);
  factories.fn = functionObj;

  const abs = {
    'private __clone(): void': function () {},
    'public inNamespace(): bool': function (this: PhpObject) {
      const fs = fnState(this);
      return !fs.method && !fs.info.isClosure && fs.info.name.includes('\\');
    },
    'public isClosure(): bool': function (this: PhpObject) {
      return !!fnState(this).info.isClosure;
    },
    'public isDeprecated(): bool': function (this: PhpObject) {
      return !!fnState(this).info.deprecated;
    },
    'public isInternal(): bool': function (this: PhpObject) {
      return !!fnState(this).info.isBuiltin;
    },
    'public isUserDefined(): bool': function (this: PhpObject) {
      return !fnState(this).info.isBuiltin;
    },
    'public isGenerator(): bool': function (this: PhpObject) {
      return !!fnState(this).info.isGenerator;
    },
    'public isVariadic(): bool': function (this: PhpObject) {
      return !!fnState(this).info.variadic;
    },
    'public isStatic(): bool': function (this: PhpObject) {
      const fs = fnState(this);
      return fs.method ? fs.method.isStatic : !!fs.info.isStatic;
    },
    'public getClosureThis(): ?object': function (this: PhpObject) {
      const fs = fnState(this);
      return fs.closure ? (fs.closure.native as ClosureNative).self ?? null : null;
    },
    'public getClosureScopeClass(): ?ReflectionClass': function (this: PhpObject) {
      const fs = fnState(this);
      const sc = fs.closure ? (fs.closure.native as ClosureNative).scope : null;
      return sc ? factories.cls(sc) : null;
    },
    'public getClosureCalledClass(): ?ReflectionClass': function (this: PhpObject) {
      const fs = fnState(this);
      if (!fs.closure) return null;
      const n = fs.closure.native as ClosureNative;
      const c = n.self ? n.self.cls : n.scope;
      return c ? factories.cls(c) : null;
    },
    'public getClosureUsedVariables(): array': function () {
      return new PhpArray();
    },
    'public getDocComment(): string|false': function (this: PhpObject) {
      return fnState(this).info.docComment ?? false;
    },
    'public getEndLine(): int|false': function (this: PhpObject) {
      const i = fnState(this).info;
      return isUser(i) ? i.endLine ?? false : false;
    },
    'public getExtension(): ?ReflectionExtension': function () {
      return null;
    },
    'public getExtensionName(): string|false': function (this: PhpObject) {
      const fs = fnState(this);
      if (isUser(fs.info)) return false;
      return fs.method ? extensionOfClass(fs.method.cls) : 'standard';
    },
    'public getFileName(): string|false': function (this: PhpObject) {
      const i = fnState(this).info;
      return isUser(i) ? i.file ?? false : false;
    },
    'public getName(): string': function (this: PhpObject) {
      const fs = fnState(this);
      return fs.method ? fs.method.name : fs.info.name;
    },
    'public getNamespaceName(): string': function (this: PhpObject) {
      const fs = fnState(this);
      return fs.method || fs.info.isClosure ? '' : nsOf(fs.info.name);
    },
    'public getNumberOfParameters(): int': function (this: PhpObject) {
      return fnState(this).info.params.length;
    },
    'public getNumberOfRequiredParameters(): int': function (this: PhpObject) {
      return fnState(this).info.required;
    },
    'public getParameters(): array': function (this: PhpObject) {
      const fs = fnState(this);
      return PhpArray.fromList(fs.info.params.map((_, i) => paramObj(fs, i)));
    },
    'public getShortName(): string': function (this: PhpObject) {
      const fs = fnState(this);
      return fs.method ? fs.method.name : shortOf(fs.info.name);
    },
    'public getStartLine(): int|false': function (this: PhpObject) {
      const i = fnState(this).info;
      return isUser(i) ? i.line ?? false : false;
    },
    'public getStaticVariables(): array': function (this: PhpObject) {
      const fs = fnState(this);
      const a = new PhpArray();
      const statics = fs.closure ? (fs.closure.native as ClosureNative).statics : fs.method ? null : null;
      if (statics) for (const [k, ref] of statics) a.set(k, ref.v);
      return a;
    },
    'public returnsReference(): bool': function (this: PhpObject) {
      return fnState(this).info.returnsRef;
    },
    'public hasReturnType(): bool': function (this: PhpObject) {
      const fs = fnState(this);
      return !!fs.info.returnType && !(fs.method && fs.info.isBuiltin);
    },
    'public getReturnType(): ?ReflectionType': function (this: PhpObject) {
      const fs = fnState(this);
      if (fs.method && fs.info.isBuiltin) return null;
      return typeObj(fs.info.returnType);
    },
    'public hasTentativeReturnType(): bool': function (this: PhpObject) {
      const fs = fnState(this);
      return !!fs.info.returnType && !!fs.method && fs.info.isBuiltin;
    },
    'public getTentativeReturnType(): ?ReflectionType': function (this: PhpObject) {
      const fs = fnState(this);
      return fs.method && fs.info.isBuiltin ? typeObj(fs.info.returnType) : null;
    },
    'public getAttributes(?string $name = null, int $flags = 0): array': function (this: PhpObject, name: string | null, flags: number) {
      const fs = fnState(this);
      return attributesOf(fs.info.attrs, fs.method ? TARGET_METHOD : TARGET_FUNCTION, ctxOf(fs), name, flags, `${this.cls.name}::getAttributes`);
    },
  };
  r.class({ name: 'ReflectionFunctionAbstract', flags: 16, interfaces: ['Reflector'], props: [{ name: 'name', flags: 1, type: 'string' }], nativeMethods: abs });

  r.class({
    name: 'ReflectionFunction',
    parent: 'ReflectionFunctionAbstract',
    consts: [{ name: 'IS_DEPRECATED', flags: 1, init: () => 2048 }],
    nativeMethods: {
      'public __construct(Closure|string $function)': function (this: PhpObject, f: any) {
        if (f instanceof PhpObject) {
          const n = f.native as ClosureNative;
          this.native = { info: n.info, fn: n.fn, method: null, cls: null, closure: f } as FnState;
          this.p['name'] = n.info.name;
          return;
        }
        const name = String(f).replace(/^\\/, '');
        const callee = rt.findFunction(name.toLowerCase());
        if (!callee) reflError(`Function ${name}() does not exist`);
        this.native = { info: callee.info, fn: callee.fn, method: null, cls: null, closure: null } as FnState;
        this.p['name'] = callee.info.name;
      },
      'public __toString(): string': function (this: PhpObject) {
        return functionString(fnState(this), '', null);
      },
      'public isAnonymous(): bool': function (this: PhpObject) {
        return !!fnState(this).info.isClosure;
      },
      'public isDisabled(): bool': function () {
        rt.deprecated('Method ReflectionFunction::isDisabled() is deprecated');
        return false;
      },
      'public invoke(mixed ...$args): mixed': function (this: PhpObject, args: any[]) {
        const named = takeNamedArgs();
        if (named) {
          const fs = fnState(this);
          return invokeWithArray(fs.closure ? closureBound(fs.closure) : { fn: fs.fn, self: undefined, info: fs.info }, argsWithNamed(args, named));
        }
        return invokeFn(fnState(this), args);
      },
      'public invokeArgs(array $args = []): mixed': function (this: PhpObject, args: PhpArray) {
        const fs = fnState(this);
        return invokeWithArray(fs.closure ? closureBound(fs.closure) : { fn: fs.fn, self: undefined, info: fs.info }, args);
      },
      'public getClosure(): Closure': function (this: PhpObject) {
        const fs = fnState(this);
        if (fs.closure) return fs.closure;
        return mkClosure(fs.info, fs.fn, undefined, null);
      },
    },
  });

  r.class({
    name: 'ReflectionMethod',
    parent: 'ReflectionFunctionAbstract',
    consts: [
      ['IS_STATIC', M_STATIC], ['IS_PUBLIC', M_PUBLIC], ['IS_PROTECTED', M_PROTECTED], ['IS_PRIVATE', M_PRIVATE], ['IS_ABSTRACT', M_ABSTRACT], ['IS_FINAL', M_FINAL],
    ].map(([n, v]) => ({ name: n as string, flags: 1, init: () => v })),
    props: [{ name: 'class', flags: 1, type: 'string' }],
    nativeMethods: {
      'public __construct(object|string $objectOrMethod, ?string $method = null)': function (this: PhpObject, om: any, method: string | null) {
        let cls: PhpClass;
        if (method === null || method === undefined) {
          if (typeof om !== 'string' || !om.includes('::')) {
            rt.throwError('ReflectionException', `ReflectionMethod::__construct(): Argument #1 ($objectOrMethod) must be a valid method name`);
          }
          const at = om.indexOf('::');
          cls = classArg(om.slice(0, at));
          method = om.slice(at + 2);
        } else cls = classArg(om);
        if (om instanceof PhpObject && om.native && om.native.closure && method.toLowerCase() === '__invoke') {
          const n = om.native as ClosureNative;
          const fake: PhpMethod = { name: '__invoke', lcname: '__invoke', fn: n.fn, vis: Vis.Public, isStatic: false, isAbstract: false, isFinal: false, cls: om.cls, info: n.info };
          this.native = { info: n.info, fn: n.fn, method: fake, cls: om.cls, closure: om } as FnState;
          this.p['name'] = '__invoke';
          this.p['class'] = om.cls.name;
          return;
        }
        const m = lookupMethod(cls, method);
        this.native = { info: m.info, fn: m.fn, method: m, cls, closure: null } as FnState;
        this.p['name'] = m.name;
        this.p['class'] = m.cls.name;
      },
      'public __toString(): string': function (this: PhpObject) {
        const fs = fnState(this);
        return functionString(fs, '', fs.cls);
      },
      'public isPublic(): bool': function (this: PhpObject) {
        return fnState(this).method!.vis === Vis.Public;
      },
      'public isPrivate(): bool': function (this: PhpObject) {
        return fnState(this).method!.vis === Vis.Private;
      },
      'public isProtected(): bool': function (this: PhpObject) {
        return fnState(this).method!.vis === Vis.Protected;
      },
      'public isAbstract(): bool': function (this: PhpObject) {
        return fnState(this).method!.isAbstract;
      },
      'public isFinal(): bool': function (this: PhpObject) {
        return fnState(this).method!.isFinal;
      },
      'public isConstructor(): bool': function (this: PhpObject) {
        return fnState(this).method!.lcname === '__construct';
      },
      'public isDestructor(): bool': function (this: PhpObject) {
        return fnState(this).method!.lcname === '__destruct';
      },
      'public getClosure(?object $object = null): Closure': function (this: PhpObject, obj: PhpObject | null) {
        const fs = fnState(this);
        const m = fs.method!;
        if (fs.closure) return fs.closure;
        if (m.isStatic) return mkClosure(m.info, m.fn, fs.cls ?? m.cls, m.cls);
        if (!obj) rt.throwError('ArgumentCountError', `ReflectionMethod::getClosure(): Argument #1 ($object) must be an object, none given`);
        if (!obj.cls.isSubclassOf(m.cls)) reflError('Given object is not an instance of the class this method was declared in');
        return mkClosure(m.info, m.fn, obj, m.cls);
      },
      'public getModifiers(): int': function (this: PhpObject) {
        return methodModifiers(fnState(this).method!);
      },
      'public invoke(?object $object = null, mixed ...$args): mixed': function (this: PhpObject, obj: PhpObject | null, args: any[]) {
        const named = takeNamedArgs();
        if (named) return invokeMethodArgs(this, obj ?? null, argsWithNamed(args, named));
        return invokeMethod.call(this, obj ?? null, args);
      },
      'public invokeArgs(?object $object = null, array $args = []): mixed': function (this: PhpObject, obj: PhpObject | null, args: PhpArray) {
        return invokeMethodArgs(this, obj, args);
      },
      'public getDeclaringClass(): ReflectionClass': function (this: PhpObject) {
        return factories.cls(fnState(this).method!.cls);
      },
      'public getPrototype(): ReflectionMethod': function (this: PhpObject) {
        const m = fnState(this).method!;
        const p = prototypeOf(m);
        if (!p) reflError(`Method ${fnState(this).cls!.name}::${m.name} does not have a prototype`);
        return methodObj(p.cls, p);
      },
      'public hasPrototype(): bool': function (this: PhpObject) {
        return prototypeOf(fnState(this).method!) !== null;
      },
      'public setAccessible(bool $accessible): void': function () {},
    },
  });

  r.class({
    name: 'ReflectionParameter',
    interfaces: ['Reflector'],
    props: [{ name: 'name', flags: 1, type: 'string' }],
    nativeMethods: {
      'private __clone(): void': function () {},
      'public __construct($function, int|string $param)': function (this: PhpObject, f: any, param: number | string) {
        let fs: FnState;
        if (f instanceof PhpArray) {
          const c = f.get(0), mn = f.get(1);
          if (c === undefined || mn === undefined) reflError('Expected array($object, $method) or array($classname, $method)');
          const cls = classArg(c);
          const m = cls.methods.get(String(mn).toLowerCase());
          if (!m) reflError(`Method ${cls.name}::${mn}() does not exist`);
          fs = { info: m.info, fn: m.fn, method: m, cls, closure: null };
        } else if (f instanceof PhpObject) {
          if (f.native && f.native.closure) {
            const n = f.native as ClosureNative;
            fs = { info: n.info, fn: n.fn, method: null, cls: null, closure: f };
          } else {
            const m = f.cls.methods.get('__invoke');
            if (!m) reflError('Method ' + f.cls.name + '::__invoke() does not exist');
            fs = { info: m.info, fn: m.fn, method: m, cls: f.cls, closure: null };
          }
        } else if (typeof f === 'string') {
          const callee = rt.findFunction(f.replace(/^\\/, '').toLowerCase());
          if (!callee) reflError(`Function ${f}() does not exist`);
          fs = { info: callee.info, fn: callee.fn, method: null, cls: null, closure: null };
        } else {
          return rt.throwError('TypeError', `ReflectionParameter::__construct(): Argument #1 ($function) must be a string, an array(class, method), or a callable object, ${typeof f === 'number' ? 'int' : 'null'} given`);
        }
        let idx: number;
        if (typeof param === 'number') {
          if (param < 0 || param >= fs.info.params.length) reflError('The parameter specified by its offset could not be found');
          idx = param;
        } else {
          idx = fs.info.params.findIndex((p) => p.name === param);
          if (idx < 0) reflError('The parameter specified by its name could not be found');
        }
        this.native = { fs, idx, p: fs.info.params[idx] } as ParamState;
        this.p['name'] = fs.info.params[idx].name;
      },
      'public __toString(): string': function (this: PhpObject) {
        const s = nativeOf<ParamState>(this);
        return paramString(s.fs, s.idx);
      },
      'public getName(): string': function (this: PhpObject) {
        return nativeOf<ParamState>(this).p.name;
      },
      'public isPassedByReference(): bool': function (this: PhpObject) {
        return nativeOf<ParamState>(this).p.byRef;
      },
      'public canBePassedByValue(): bool': function (this: PhpObject) {
        return !nativeOf<ParamState>(this).p.byRef;
      },
      'public getDeclaringFunction(): ReflectionFunctionAbstract': function (this: PhpObject) {
        const { fs } = nativeOf<ParamState>(this);
        if (fs.method && !fs.closure) return methodObj(fs.cls ?? fs.method.cls, fs.method);
        return mkRefl('ReflectionFunction', { ...fs }, { name: fs.info.name });
      },
      'public getDeclaringClass(): ?ReflectionClass': function (this: PhpObject) {
        const { fs } = nativeOf<ParamState>(this);
        if (fs.method) return factories.cls(fs.method.cls);
        if (fs.closure) {
          const sc = (fs.closure.native as ClosureNative).scope;
          return sc ? factories.cls(sc) : null;
        }
        return null;
      },
      'public getClass(): ?ReflectionClass': function (this: PhpObject) {
        rt.deprecated('Method ReflectionParameter::getClass() is deprecated');
        const s = nativeOf<ParamState>(this);
        const t = s.p.type;
        if (!t) return null;
        let name = t.text.replace(/^\?/, '');
        if (name.includes('|')) name = name.split('|').find((x) => x.toLowerCase() !== 'null') ?? name;
        const lc = name.toLowerCase();
        if (['int', 'float', 'string', 'bool', 'array', 'callable', 'iterable', 'mixed', 'object', 'null', 'false', 'true', 'void', 'never', 'static'].includes(lc)) return null;
        let c: PhpClass | null;
        const scope = s.fs.method ? s.fs.method.cls : null;
        if (lc === 'self') c = scope;
        else if (lc === 'parent') {
          c = scope?.parent ?? null;
          if (!c) reflError('Parameter uses "parent" as type but function is not a class member');
        } else c = findClass(name, true);
        if (!c) reflError(`Class "${name}" does not exist`, -1);
        return factories.cls(c);
      },
      'public hasType(): bool': function (this: PhpObject) {
        return !!nativeOf<ParamState>(this).p.type;
      },
      'public getType(): ?ReflectionType': function (this: PhpObject) {
        const s = nativeOf<ParamState>(this);
        if (!s.p.type) return null;
        return typeFromText((s.p.type as any).reflectText ?? s.p.type.text);
      },
      'public isArray(): bool': function (this: PhpObject) {
        rt.deprecated('Method ReflectionParameter::isArray() is deprecated');
        const t = nativeOf<ParamState>(this).p.type;
        return !!t && /^\??array$|^array\|null$|^null\|array$/i.test(t.text);
      },
      'public isCallable(): bool': function (this: PhpObject) {
        rt.deprecated('Method ReflectionParameter::isCallable() is deprecated');
        const t = nativeOf<ParamState>(this).p.type;
        return !!t && /^\??callable$|^callable\|null$|^null\|callable$/i.test(t.text);
      },
      'public allowsNull(): bool': function (this: PhpObject) {
        const t = nativeOf<ParamState>(this).p.type;
        return !t || t.allowsNull;
      },
      'public getPosition(): int': function (this: PhpObject) {
        return nativeOf<ParamState>(this).idx;
      },
      'public isOptional(): bool': function (this: PhpObject) {
        const s = nativeOf<ParamState>(this);
        return s.idx >= s.fs.info.required;
      },
      'public isDefaultValueAvailable(): bool': function (this: PhpObject) {
        return defaultAvailable(nativeOf<ParamState>(this));
      },
      'public getDefaultValue(): mixed': function (this: PhpObject) {
        const s = nativeOf<ParamState>(this);
        if (!defaultAvailable(s)) reflError('Internal error: Failed to retrieve the default value');
        if (typeof (s.p as any).defaultFn === 'function') return (s.p as any).defaultFn();
        const c = ctxOf(s.fs);
        return evalDefaultText(s.p.defaultText!, c.scope, c.ns);
      },
      'public isDefaultValueConstant(): bool': function (this: PhpObject) {
        const s = nativeOf<ParamState>(this);
        if (!defaultAvailable(s)) reflError('Internal error: Failed to retrieve the default value');
        return defaultConstantName(s.p.defaultText!) !== null;
      },
      'public getDefaultValueConstantName(): ?string': function (this: PhpObject) {
        const s = nativeOf<ParamState>(this);
        if (!defaultAvailable(s)) reflError('Internal error: Failed to retrieve the default value');
        const n = defaultConstantName(s.p.defaultText!);
        if (n === null) return null;
        const c = ctxOf(s.fs);
        if (!n.includes('::') && !n.includes('\\') && c.ns && rt.findConstant(c.ns + '\\' + n) !== undefined) return c.ns + '\\' + n;
        if (/^self::/i.test(n) && c.scope) return n;
        return n;
      },
      'public isVariadic(): bool': function (this: PhpObject) {
        return nativeOf<ParamState>(this).p.variadic;
      },
      'public isPromoted(): bool': function (this: PhpObject) {
        return !!nativeOf<ParamState>(this).p.promoted;
      },
      'public getAttributes(?string $name = null, int $flags = 0): array': function (this: PhpObject, name: string | null, flags: number) {
        const s = nativeOf<ParamState>(this);
        return attributesOf((s.p as any).attrs, TARGET_PARAMETER, ctxOf(s.fs), name, flags, 'ReflectionParameter::getAttributes');
      },
    },
  });
}

function defaultAvailable(s: ParamState): boolean {
  const t = s.p.defaultText;
  return t !== undefined && t !== 'UNKNOWN' && !s.p.variadic;
}

/** invokeArgs: positional (int keys) and named (string keys) arguments from an array. */
function invokeWithArray(b: { fn: Function; self: any; info: FunctionInfo }, args: PhpArray): any {
  const { positional, named } = argsFromArray(b.info, args);
  if (!named) return callBound(b, positional);
  return invokeArgs({ fn: b.fn, info: b.info }, b.self, positional, named, null);
}

/** ReflectionMethod::invokeArgs(): the method called on `obj` (or statically) with the array's arguments. */
function invokeMethodArgs(self: PhpObject, obj: PhpObject | null, args: PhpArray): any {
  const fs = fnState(self);
  const m = fs.method!;
  if (m.isAbstract) reflError(`Trying to invoke abstract method ${m.cls.name}::${m.name}()`);
  if (m.isStatic) return invokeWithArray({ fn: m.fn, self: obj ? obj.cls : fs.cls ?? m.cls, info: m.info }, args);
  if (!obj) reflError(`Trying to invoke non static method ${m.cls.name}::${m.name}() without an object`);
  if (!obj.cls.isSubclassOf(m.cls)) reflError('Given object is not an instance of the class this method was declared in');
  return invokeWithArray({ fn: m.fn, self: obj, info: m.info }, args);
}
