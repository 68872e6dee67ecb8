// ReflectionClass, ReflectionObject, ReflectionEnum, ReflectionEnumUnitCase, ReflectionEnumBackedCase.

import type { Registry } from '../../engine/extension.js';
import { PhpArray, share } from '../../runtime/array.js';
import { PhpObject, PhpClass, PhpMethod, PropInfo, ClassFlags, Vis } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { UNINIT, Ref } from '../../runtime/values.js';
import { findClass, readClassConst as classConst } from '../../runtime/objects.js';
import { instantiate, enumCase } from '../../runtime/classdecl.js';
import { staticPropSet, prepareDefaultsChain } from '../../runtime/props.js';
import { invokeArgs, takeNamedArgs } from '../../runtime/functions.js';
import { argsFromArray, paramMustBeRef } from '../../runtime/calls.js';
import { mkRefl, nativeOf, reflError, nsOf, shortOf, factories } from './util.js';
import { methodObj, methodModifiers, functionString, extensionOfClass } from './function.js';
import { propObj, constObj, findPropInfo, propModifiers, propDefault, propertyString, constString, ConstState } from './property.js';
import { typeFromText } from './type.js';
import { attributesOf, TARGET_CLASS } from './attribute.js';

interface ClassState {
  cls: PhpClass;
  obj: PhpObject | null;
}

const IS_IMPLICIT_ABSTRACT = 16, IS_EXPLICIT_ABSTRACT = 64, IS_FINAL = 32, IS_READONLY = 65536;

function cs(o: PhpObject): ClassState {
  return nativeOf<ClassState>(o);
}

export function classObj(cls: PhpClass, obj: PhpObject | null = null): PhpObject {
  return mkRefl('ReflectionClass', { cls, obj } as ClassState, { name: cls.name });
}

function lookup(v: any): PhpClass {
  if (v instanceof PhpObject) return v.cls;
  const name = String(v);
  const c = findClass(name, true);
  if (!c) reflError(`Class "${name}" does not exist`, -1);
  return c;
}

/** Methods in PHP's function_table order: the class's own first, then inherited ones. */
function methodList(cls: PhpClass): PhpMethod[] {
  const own: PhpMethod[] = [], inherited: PhpMethod[] = [];
  for (const m of cls.methods.values()) (m.cls === cls ? own : inherited).push(m);
  return [...own, ...inherited];
}

/** Declared properties (instance then static), own first; private ones of ancestors left out. */
function propList(cls: PhpClass): PropInfo[] {
  const all: PropInfo[] = [];
  for (const p of cls.props.values()) if (!(p.vis === Vis.Private && p.cls !== cls)) all.push(p);
  for (const sp of cls.staticProps.values()) if (!(sp.info.vis === Vis.Private && sp.info.cls !== cls)) all.push(sp.info);
  const own = all.filter((p) => p.cls === cls);
  const rest = all.filter((p) => p.cls !== cls);
  return [...own, ...rest];
}

function isAbstractClass(c: PhpClass): boolean {
  if (c.isAbstract) return true;
  if (c.isInterface || c.isTrait) {
    for (const m of c.methods.values()) if (m.isAbstract) return true;
    return false;
  }
  return false;
}

function classModifiers(c: PhpClass): number {
  let f = 0;
  if (c.isAbstract) f |= IS_EXPLICIT_ABSTRACT;
  if (c.isFinal || c.isEnum) f |= IS_FINAL;
  if (c.flags & ClassFlags.Readonly) f |= IS_READONLY;
  return f;
}

function constList(cls: PhpClass, filter: number | null): [string, ConstState][] {
  const out: [string, ConstState][] = [];
  for (const [n, c] of cls.consts) {
    if (c.vis === Vis.Private && c.cls !== cls) continue;
    if (filter !== null) {
      const mods = (c.vis === Vis.Private ? 4 : c.vis === Vis.Protected ? 2 : 1) | (c.final ? 32 : 0);
      if (!(mods & filter)) continue;
    }
    out.push([n, { cls, c }]);
  }
  return out;
}

function newInstanceWith(cls: PhpClass, positional: any[], named: [string, any][] | null): PhpObject {
  if (cls.isInterface || cls.isTrait || cls.isAbstract || cls.isEnum) {
    const what = cls.isInterface ? 'interface' : cls.isTrait ? 'trait' : cls.isEnum ? 'enum' : 'abstract class';
    rt.throwError('Error', `Cannot instantiate ${what} ${cls.name}`);
  }
  const ctor = cls.ctor;
  if (ctor && ctor.vis !== Vis.Public) reflError(`Access to non-public constructor of class ${cls.name}`);
  const o = instantiate(cls);
  if (cls.dtor) rt.destructibles.push(o);
  if (!ctor) {
    if (positional.length || (named && named.length)) reflError(`Class ${cls.name} does not have a constructor, so you cannot pass any constructor arguments`);
    return o;
  }
  const refMask = ctor.info.refMask;
  if (refMask !== 0) {
    for (let i = 0; i < positional.length; i++) {
      if ((refMask & (1 << Math.min(i, 30))) !== 0 && !(positional[i] instanceof Ref)) {
        paramMustBeRef(ctor.info, i);
        positional[i] = new Ref(share(positional[i]));
      }
    }
  }
  invokeArgs({ fn: ctor.fn, info: ctor.info }, o, positional, named, null);
  return o;
}

export function classString(cls: PhpClass, obj: PhpObject | null, indent: string): string {
  let s = '';
  if (!cls.isInternal && cls.docComment) s += `${indent}${cls.docComment}\n`;
  const kind = cls.isInterface ? 'Interface' : cls.isTrait ? 'Trait' : 'Class';
  s += obj ? `${indent}Object of class [ ` : `${indent}${kind} [ `;
  s += cls.isInternal ? `<internal:${extensionOfClass(cls)}>` : '<user>';
  s += ' ';
  const trav = rt.core.builtinClasses.get('traversable');
  if (trav && cls.isSubclassOf(trav)) s += '<iterateable> ';
  if (cls.isInterface) s += 'interface ';
  else if (cls.isTrait) s += 'trait ';
  else {
    if (isAbstractClass(cls) || [...cls.methods.values()].some((m) => m.isAbstract)) s += 'abstract ';
    if (cls.isFinal || cls.isEnum) s += 'final ';
    if (cls.flags & ClassFlags.Readonly) s += 'readonly ';
    s += 'class ';
  }
  s += cls.name;
  if (cls.parent) s += ' extends ' + cls.parent.name;
  const ifaces = cls.interfaces;
  if (ifaces.length) s += (cls.isInterface ? ' extends ' : ' implements ') + ifaces.map((i) => i.name).join(', ');
  s += ' ] {\n';
  if (!cls.isInternal) s += `${indent}  @@ ${cls.file} ${cls.line}-${cls.endLine}\n`;
  const sub = indent + '    ';
  const consts = constList(cls, null);
  s += `\n${indent}  - Constants [${consts.length}] {\n`;
  for (const [, c] of consts) s += constString(c, sub);
  s += `${indent}  }\n`;
  const props = propList(cls);
  const statics = props.filter((p) => p.isStatic);
  s += `\n${indent}  - Static properties [${statics.length}] {\n`;
  for (const p of statics) s += propertyString({ cls, info: p, name: p.name }, sub);
  s += `${indent}  }\n`;
  const methods = methodList(cls).filter((m) => !(m.vis === Vis.Private && m.cls !== cls));
  const sm = methods.filter((m) => m.isStatic);
  s += `\n${indent}  - Static methods [${sm.length}] {`;
  if (sm.length) {
    s += '\n';
    for (const m of sm) s += '\n' + functionString({ info: m.info, fn: m.fn, method: m, cls, closure: null }, sub, cls);
  } else s += '\n';
  s += `${indent}  }\n`;
  const inst = props.filter((p) => !p.isStatic);
  s += `\n${indent}  - Properties [${inst.length}] {\n`;
  for (const p of inst) s += propertyString({ cls, info: p, name: p.name }, sub);
  s += `${indent}  }\n`;
  if (obj) {
    const dyn = Object.keys(obj.p).filter((k) => k.charCodeAt(0) !== 0 && !cls.props.has(k));
    s += `\n${indent}  - Dynamic properties [${dyn.length}] {\n`;
    for (const k of dyn) s += propertyString({ cls, info: null, name: k }, sub);
    s += `${indent}  }\n`;
  }
  const im = methods.filter((m) => !m.isStatic);
  s += `\n${indent}  - Methods [${im.length}] {`;
  if (im.length) {
    s += '\n';
    s += im.map((m) => functionString({ info: m.info, fn: m.fn, method: m, cls, closure: null }, sub, cls)).join('\n');
  } else s += '\n';
  s += `${indent}  }\n`;
  s += `${indent}}\n`;
  return s;
}

export function registerClasses(r: Registry): void {
  factories.cls = classObj;
  const methods: Record<string, Function> = {
    'private __clone(): void': function () {},
    'public __construct(object|string $objectOrClass)': function (this: PhpObject, v: any) {
      const cls = lookup(v);
      this.native = { cls, obj: v instanceof PhpObject ? v : null } as ClassState;
      this.p['name'] = cls.name;
    },
    'public __toString(): string': function (this: PhpObject) {
      const s = cs(this);
      return classString(s.cls, this.cls.name === 'ReflectionObject' || this.cls.parent?.name === 'ReflectionObject' ? s.obj : null, '');
    },
    'public getName(): string': function (this: PhpObject) {
      return cs(this).cls.name;
    },
    'public isInternal(): bool': function (this: PhpObject) {
      return cs(this).cls.isInternal;
    },
    'public isUserDefined(): bool': function (this: PhpObject) {
      return !cs(this).cls.isInternal;
    },
    'public isAnonymous(): bool': function (this: PhpObject) {
      return cs(this).cls.isAnonymous;
    },
    'public isInstantiable(): bool': function (this: PhpObject) {
      const c = cs(this).cls;
      if (c.isInterface || c.isTrait || c.isAbstract || c.isEnum) return false;
      return !c.ctor || c.ctor.vis === Vis.Public;
    },
    'public isCloneable(): bool': function (this: PhpObject) {
      const c = cs(this).cls;
      if (c.isInterface || c.isTrait || c.isAbstract || c.isEnum || c.ext.uncloneable) return false;
      if (c.cloner) return c.cloner.vis === Vis.Public;
      const g = c.lcname;
      if (g === 'generator' || g === 'weakreference' || g.startsWith('reflection')) return false;
      return true;
    },
    'public getFileName(): string|false': function (this: PhpObject) {
      const c = cs(this).cls;
      return c.isInternal ? false : c.file ?? false;
    },
    'public getStartLine(): int|false': function (this: PhpObject) {
      const c = cs(this).cls;
      return c.isInternal ? false : c.line;
    },
    'public getEndLine(): int|false': function (this: PhpObject) {
      const c = cs(this).cls;
      return c.isInternal ? false : c.endLine;
    },
    'public getDocComment(): string|false': function (this: PhpObject) {
      return cs(this).cls.docComment ?? false;
    },
    'public getConstructor(): ?ReflectionMethod': function (this: PhpObject) {
      const c = cs(this).cls;
      return c.ctor ? methodObj(c, c.ctor) : null;
    },
    'public hasMethod(string $name): bool': function (this: PhpObject, name: string) {
      const s = cs(this);
      if (s.cls.methods.has(name.toLowerCase())) return true;
      return !!(s.obj && s.obj.native?.closure && name.toLowerCase() === '__invoke');
    },
    'public getMethod(string $name): ReflectionMethod': function (this: PhpObject, name: string) {
      const c = cs(this).cls;
      const m = c.methods.get(name.toLowerCase());
      if (!m) reflError(`Method ${c.name}::${name}() does not exist`);
      return methodObj(c, m);
    },
    'public getMethods(?int $filter = null): array': function (this: PhpObject, filter: number | null) {
      const c = cs(this).cls;
      const a = new PhpArray();
      for (const m of methodList(c)) {
        if (m.vis === Vis.Private && m.cls !== c) continue;
        if (filter !== null && filter !== undefined && !(methodModifiers(m) & filter)) continue;
        a.append(methodObj(c, m));
      }
      return a;
    },
    'public hasProperty(string $name): bool': function (this: PhpObject, name: string) {
      const s = cs(this);
      const p = findPropInfo(s.cls, name);
      if (p && !(p.vis === Vis.Private && p.cls !== s.cls)) return true;
      return !!(s.obj && name in s.obj.p && s.obj.p[name] !== undefined);
    },
    'public getProperty(string $name): ReflectionProperty': function (this: PhpObject, name: string) {
      const s = cs(this);
      const p = findPropInfo(s.cls, name);
      if (p && !(p.vis === Vis.Private && p.cls !== s.cls)) return propObj(s.cls, p, name);
      if (s.obj && name in s.obj.p) return propObj(s.cls, null, name);
      const at = name.indexOf('::');
      let owner = s.cls;
      let prop = name;
      if (at > 0) {
        const cname = name.slice(0, at).toLowerCase();
        prop = name.slice(at + 2);
        const other = findClass(cname, true);
        if (!other) reflError(`Class "${cname}" does not exist`, -1);
        if (!s.cls.isSubclassOf(other!)) reflError(`Fully qualified property name ${other!.name}::$${prop} does not specify a base class of ${s.cls.name}`, -1);
        owner = other!;
        const op = owner.props.get(prop);
        if (op && (op.vis !== Vis.Private || op.cls === owner)) return propObj(owner, op, op.name);
      }
      return reflError(`Property ${owner.name}::$${prop} does not exist`);
    },
    'public getProperties(?int $filter = null): array': function (this: PhpObject, filter: number | null) {
      const s = cs(this);
      const a = new PhpArray();
      for (const p of propList(s.cls)) {
        if (filter !== null && filter !== undefined && !(propModifiers(p) & filter)) continue;
        a.append(propObj(s.cls, p, p.name));
      }
      if (s.obj && (filter === null || filter === undefined || filter & 1)) {
        for (const k of Object.keys(s.obj.p)) {
          if (k.charCodeAt(0) === 0 || s.cls.props.has(k)) continue;
          a.append(propObj(s.cls, null, k));
        }
      }
      return a;
    },
    'public hasConstant(string $name): bool': function (this: PhpObject, name: string) {
      return cs(this).cls.consts.has(name);
    },
    'public getConstants(?int $filter = null): array': function (this: PhpObject, filter: number | null) {
      const c = cs(this).cls;
      const a = new PhpArray();
      for (const [n, k] of constList(c, filter ?? null)) a.set(n, share(classConst(k.c.cls.isEnum ? k.c.cls : c, n, k.c.cls)));
      return a;
    },
    'public getReflectionConstants(?int $filter = null): array': function (this: PhpObject, filter: number | null) {
      const c = cs(this).cls;
      return PhpArray.fromList(constList(c, filter ?? null).map(([, k]) => constObj(c, k.c)));
    },
    'public getConstant(string $name): mixed': function (this: PhpObject, name: string) {
      const c = cs(this).cls;
      const k = c.consts.get(name);
      if (!k) return false;
      return classConst(k.cls.isEnum ? k.cls : c, name, k.cls);
    },
    'public getReflectionConstant(string $name): ReflectionClassConstant|false': function (this: PhpObject, name: string) {
      const c = cs(this).cls;
      const k = c.consts.get(name);
      return k ? constObj(c, k) : false;
    },
    'public getInterfaces(): array': function (this: PhpObject) {
      const a = new PhpArray();
      for (const i of cs(this).cls.interfaces) a.set(i.name, classObj(i));
      return a;
    },
    'public getInterfaceNames(): array': function (this: PhpObject) {
      return PhpArray.fromList(cs(this).cls.interfaces.map((i) => i.name));
    },
    'public isInterface(): bool': function (this: PhpObject) {
      return cs(this).cls.isInterface;
    },
    'public getTraits(): array': function (this: PhpObject) {
      const a = new PhpArray();
      for (const t of cs(this).cls.traits) a.set(t.name, classObj(t));
      return a;
    },
    'public getTraitNames(): array': function (this: PhpObject) {
      return PhpArray.fromList(cs(this).cls.traits.map((t) => t.name));
    },
    'public getTraitAliases(): array': function (this: PhpObject) {
      const c = cs(this).cls;
      const a = new PhpArray();
      for (const m of c.methods.values()) {
        const t = (m as any).trait as PhpClass | undefined;
        if ((m as any).fromTrait && t && m.cls === c) {
          const orig = m.origin ?? [...t.methods.values()].find((x) => x.fn === m.fn);
          if (orig && orig.lcname !== m.lcname) a.set(m.name, `${t.name}::${orig.name}`);
        }
      }
      return a;
    },
    'public isTrait(): bool': function (this: PhpObject) {
      return cs(this).cls.isTrait;
    },
    'public isEnum(): bool': function (this: PhpObject) {
      return cs(this).cls.isEnum;
    },
    'public isAbstract(): bool': function (this: PhpObject) {
      const c = cs(this).cls;
      return isAbstractClass(c) || [...c.methods.values()].some((m) => m.isAbstract);
    },
    'public isFinal(): bool': function (this: PhpObject) {
      const c = cs(this).cls;
      return c.isFinal || c.isEnum;
    },
    'public isReadOnly(): bool': function (this: PhpObject) {
      return (cs(this).cls.flags & ClassFlags.Readonly) !== 0;
    },
    'public getModifiers(): int': function (this: PhpObject) {
      return classModifiers(cs(this).cls);
    },
    'public isInstance(object $object): bool': function (this: PhpObject, o: PhpObject) {
      return o.cls.isSubclassOf(cs(this).cls);
    },
    'public newInstance(mixed ...$args): object': function (this: PhpObject, args: any[]) {
      const named = takeNamedArgs();
      return newInstanceWith(cs(this).cls, args, named ? [...named.entries()].map(([k, v]) => [String(k), v]) : null);
    },
    'public newInstanceWithoutConstructor(): object': function (this: PhpObject) {
      const c = cs(this).cls;
      if (c.isInternal && c.isFinal) reflError(`Class ${c.name} is an internal class marked as final that cannot be instantiated without invoking its constructor`);
      if (c.isInterface || c.isTrait || c.isAbstract || c.isEnum) {
        const what = c.isInterface ? 'interface' : c.isTrait ? 'trait' : c.isEnum ? 'enum' : 'abstract class';
        rt.throwError('Error', `Cannot instantiate ${what} ${c.name}`);
      }
      const o = instantiate(c);
      if (c.dtor) rt.destructibles.push(o);
      return o;
    },
    'public newInstanceArgs(array $args = []): ?object': function (this: PhpObject, args: PhpArray) {
      const cls = cs(this).cls;
      if (!cls.ctor) return newInstanceWith(cls, args.size ? [undefined] : [], null);
      const { positional, named } = argsFromArray(cls.ctor.info, args);
      return newInstanceWith(cls, positional, named);
    },
    'public getParentClass(): ReflectionClass|false': function (this: PhpObject) {
      const p = cs(this).cls.parent;
      return p ? classObj(p) : false;
    },
    'public isSubclassOf(ReflectionClass|string $class): bool': function (this: PhpObject, v: any) {
      const other = v instanceof PhpObject ? cs(v).cls : lookup(v);
      const c = cs(this).cls;
      return c !== other && c.isSubclassOf(other);
    },
    'public getStaticProperties(): array': function (this: PhpObject) {
      const c = cs(this).cls;
      prepareDefaultsChain(c);
      const a = new PhpArray();
      for (const [n, sp] of c.staticProps) {
        if (sp.info.vis === Vis.Private && sp.info.cls !== c) continue;
        if (sp.ref.v === UNINIT) continue;
        a.setRef(n, sp.ref);
      }
      return a;
    },
    'public getStaticPropertyValue(string $name, mixed $default = UNKNOWN): mixed': function (this: PhpObject, name: string, def: any) {
      const c = cs(this).cls;
      prepareDefaultsChain(c);
      const sp = c.staticProps.get(name);
      if (!sp || (sp.info.vis === Vis.Private && sp.info.cls !== c)) {
        if (def !== undefined) return def;
        return reflError(`Property ${c.name}::$${name} does not exist`);
      }
      if (sp.ref.v === UNINIT) rt.throwError('Error', `Typed static property ${sp.info.cls.name}::$${name} must not be accessed before initialization`);
      return sp.ref.v;
    },
    'public setStaticPropertyValue(string $name, mixed $value): void': function (this: PhpObject, name: string, v: any) {
      const c = cs(this).cls;
      const sp = c.staticProps.get(name);
      if (!sp || (sp.info.vis === Vis.Private && sp.info.cls !== c)) reflError(`Class ${c.name} does not have a property named ${name}`);
      staticPropSet(c, name, v, sp.info.cls);
    },
    'public getDefaultProperties(): array': function (this: PhpObject) {
      const c = cs(this).cls;
      prepareDefaultsChain(c);
      const a = new PhpArray();
      const ordered = propList(c);
      for (const p of [...ordered.filter((x) => x.isStatic), ...ordered.filter((x) => !x.isStatic)]) {
        if (p.isStatic) {
          const sp = c.staticProps.get(p.name)!;
          if (sp.ref.v !== UNINIT) a.set(p.name, share(sp.ref.v));
          continue;
        }
        if (!p.hasDefault) continue;
        a.set(p.name, share(propDefault(p)));
      }
      return a;
    },
    'public isIterable(): bool': function (this: PhpObject) {
      const c = cs(this).cls;
      if (c.isInterface || c.isTrait || c.isAbstract) return false;
      const t = rt.core.builtinClasses.get('traversable')!;
      return c.isSubclassOf(t);
    },
    'public implementsInterface(ReflectionClass|string $interface): bool': function (this: PhpObject, v: any) {
      const other = v instanceof PhpObject ? cs(v).cls : findClass(String(v), true);
      if (!other) return reflError(`Interface "${v}" does not exist`, -1);
      if (!other.isInterface) reflError(`${other.name} is not an interface`);
      return cs(this).cls.isSubclassOf(other);
    },
    'public getExtension(): ?ReflectionExtension': function () {
      return null;
    },
    'public getExtensionName(): string|false': function (this: PhpObject) {
      const c = cs(this).cls;
      return c.isInternal ? extensionOfClass(c) : false;
    },
    'public inNamespace(): bool': function (this: PhpObject) {
      return cs(this).cls.name.includes('\\');
    },
    'public getNamespaceName(): string': function (this: PhpObject) {
      return nsOf(cs(this).cls.name);
    },
    'public getShortName(): string': function (this: PhpObject) {
      return shortOf(cs(this).cls.name);
    },
    'public getAttributes(?string $name = null, int $flags = 0): array': function (this: PhpObject, name: string | null, flags: number) {
      const c = cs(this).cls;
      return attributesOf(c.attrs, TARGET_CLASS, { scope: c, ns: nsOf(c.name) }, name, flags, 'ReflectionClass::getAttributes');
    },
  };
  methods['public isIterateable(): bool'] = methods['public isIterable(): bool'];
  r.class({
    name: 'ReflectionClass',
    interfaces: ['Reflector'],
    consts: [['IS_IMPLICIT_ABSTRACT', IS_IMPLICIT_ABSTRACT], ['IS_EXPLICIT_ABSTRACT', IS_EXPLICIT_ABSTRACT], ['IS_FINAL', IS_FINAL], ['IS_READONLY', IS_READONLY]].map(([n, v]) => ({ name: n as string, flags: 1, init: () => v })),
    props: [{ name: 'name', flags: 1, type: 'string' }],
    nativeMethods: methods,
  });
  r.class({
    name: 'ReflectionObject',
    parent: 'ReflectionClass',
    nativeMethods: {
      'public __construct(object $object)': function (this: PhpObject, o: PhpObject) {
        this.native = { cls: o.cls, obj: o } as ClassState;
        this.p['name'] = o.cls.name;
      },
    },
  });

  // ───────────── enums ─────────────

  const caseObj = (cls: PhpClass, name: string) => {
    const k = cls.consts.get(name)!;
    return constObj(cls, k, cls.enumBacking ? 'ReflectionEnumBackedCase' : 'ReflectionEnumUnitCase');
  };
  r.class({
    name: 'ReflectionEnum',
    parent: 'ReflectionClass',
    nativeMethods: {
      'public __construct(object|string $objectOrClass)': function (this: PhpObject, v: any) {
        const cls = lookup(v);
        if (!cls.isEnum) reflError(`Class "${cls.name}" is not an enum`, -1);
        this.native = { cls, obj: null } as ClassState;
        this.p['name'] = cls.name;
      },
      'public hasCase(string $name): bool': function (this: PhpObject, name: string) {
        return !!cs(this).cls.consts.get(name)?.isCase;
      },
      'public getCase(string $name): ReflectionEnumUnitCase': function (this: PhpObject, name: string) {
        const c = cs(this).cls;
        const k = c.consts.get(name);
        if (!k) reflError(`Case ${c.name}::${name} does not exist`);
        if (!k.isCase) reflError(`${c.name}::${name} is not a case`);
        return caseObj(c, name);
      },
      'public getCases(): array': function (this: PhpObject) {
        const c = cs(this).cls;
        const a = new PhpArray();
        for (const [n, k] of c.consts) if (k.isCase) a.append(caseObj(c, n));
        return a;
      },
      'public isBacked(): bool': function (this: PhpObject) {
        return !!cs(this).cls.enumBacking;
      },
      'public getBackingType(): ?ReflectionNamedType': function (this: PhpObject) {
        const b = cs(this).cls.enumBacking;
        return b ? typeFromText(b) : null;
      },
    },
  });
  const caseCtor = (backed: boolean) =>
    function (this: PhpObject, c: any, name: string) {
      const cls = lookup(c);
      const k = cls.consts.get(name);
      if (!k) reflError(`Constant ${cls.name}::${name} does not exist`);
      if (!k.isCase) reflError(`Constant ${cls.name}::${name} is not a case`);
      if (backed && !cls.enumBacking) reflError(`Enum case ${cls.name}::${name} is not a backed case`);
      this.native = { cls, c: k } as ConstState;
      this.p['name'] = name;
      this.p['class'] = k.cls.name;
    };
  r.class({
    name: 'ReflectionEnumUnitCase',
    parent: 'ReflectionClassConstant',
    nativeMethods: {
      'public __construct(object|string $class, string $constant)': caseCtor(false),
      'public getEnum(): ReflectionEnum': function (this: PhpObject) {
        const s = nativeOf<ConstState>(this);
        return mkRefl('ReflectionEnum', { cls: s.c.cls, obj: null } as ClassState, { name: s.c.cls.name });
      },
      'public getValue(): UnitEnum': function (this: PhpObject) {
        const s = nativeOf<ConstState>(this);
        return enumCase(s.c.cls, s.c.name);
      },
    },
  });
  r.class({
    name: 'ReflectionEnumBackedCase',
    parent: 'ReflectionEnumUnitCase',
    nativeMethods: {
      'public __construct(object|string $class, string $constant)': caseCtor(true),
      'public getBackingValue(): int|string': function (this: PhpObject) {
        const s = nativeOf<ConstState>(this);
        return enumCase(s.c.cls, s.c.name).p['value'];
      },
    },
  });
  void Ref;
}
