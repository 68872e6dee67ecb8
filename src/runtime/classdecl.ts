// Class declarations and linking (zend_do_inheritance, zend_do_implement_interface, traits).
// Built-in classes (registered by extensions at MINIT) and user classes (emitted by the compiler) are
// described by the same ClassDecl and linked by the same code.

import { PhpClass, PhpObject, PhpMethod, PropInfo, ClassConst, ClassFlags, Vis, FunctionInfo, ObjectHandlers, privateKey, TypeCheck, ModuleOrigin, NO_MATCH } from './object.js';
import { Ref, UNINIT } from './values.js';
import { PhpArray, share } from './array.js';
import { rt } from './request.js';
import { makeBuiltin, buildWrapper } from './builtin.js';
import { parseTypeText, DeclaredType, givenType, typeTextIn } from './types.js';
import { visName } from './calls.js';
import { bindTraits } from './traits.js';

export interface MethodDecl {
  name: string;
  flags: number; // Modifier bits: Public 1, Protected 2, Private 4, Static 8, Abstract 16, Final 32
  fn: Function | null;
  /** trait methods: makes the method for a using class (`scope`) with that copy's FunctionInfo */
  mk?: (scope: PhpClass, info: FunctionInfo) => Function;
  info?: FunctionInfo;
  /** builtin classes: the PHP signature, e.g. "getMessage(): string" */
  signature?: string;
}

export interface PropDecl {
  name: string;
  flags: number;
  type?: TypeCheck | string | null;
  /** evaluates the default (constant expression); absent = no default */
  default?: () => any;
  meta?: any;
}

export interface ConstDecl {
  name: string;
  flags: number;
  init: () => any;
  isCase?: boolean;
  meta?: any;
}

export interface TraitRule {
  kind: 'insteadof' | 'alias';
  trait: string | null;
  method: string;
  insteadof?: string[];
  alias?: string | null;
  vis?: number | null;
}

export interface ClassDecl {
  name: string;
  /** ClassFlags bits */
  flags?: number;
  parent?: string | null;
  interfaces?: string[];
  traits?: string[];
  traitRules?: TraitRule[];
  consts?: ConstDecl[];
  props?: PropDecl[];
  methods?: MethodDecl[];
  enumBacking?: 'int' | 'string' | null;
  /** #[AllowDynamicProperties] */
  allowDynamic?: boolean;
  /** instances cannot be cloned (a builtin without clone_obj); subclasses inherit this */
  uncloneable?: boolean;
  /** builtin classes: methods as signature → implementation (`this` is the object or the class) */
  nativeMethods?: Record<string, Function>;
  createNative?: (o: PhpObject) => void;
  handlers?: ObjectHandlers;
  file?: string | null;
  line?: number;
  endLine?: number;
  docComment?: string | null;
  attrs?: any;
  /** where a compiled class's declarer lives (see ModuleOrigin): lets another thread declare it too */
  moduleDef?: ModuleOrigin | null;
}

const M_PUBLIC = 1, M_PROTECTED = 2, M_PRIVATE = 4, M_STATIC = 8, M_ABSTRACT = 16, M_FINAL = 32, M_READONLY = 64;

function visOf(flags: number): Vis {
  return flags & M_PRIVATE ? Vis.Private : flags & M_PROTECTED ? Vis.Protected : Vis.Public;
}

/** Class-level fatal errors (PHP reports them as compile-time "Fatal error"). */
export function classError(message: string): never {
  if (!rt) throw new Error('builtin class declaration: ' + message);
  return rt.throwError('\0fatal', message);
}

/** A class-level fatal error reported at a member's line. */
function classErrorAt(line: number | undefined, message: string): never {
  if (line && rt) rt.top.line = line;
  return classError(message);
}

/** A constant named in a builtin method's default value (resolved on first call, when all are registered). */
function methodConstant(name: string): any {
  const core = rt.core;
  if (name.includes('::')) {
    const [c, k] = name.split('::');
    const cls = core.builtinClasses.get(c.toLowerCase().replace(/^\\/, ''));
    const kc = cls?.consts.get(k);
    if (kc) return kc.value ?? kc.init?.();
  }
  const v = core.constants.get(name);
  if (v === undefined) throw new Error('unknown constant in builtin default: ' + name);
  return v;
}

/** Parses `[final] [public|protected|private] [static] [abstract] name(params): type` for builtin methods. */
function nativeMethodDecl(sig: string, impl: Function, cls: PhpClass): MethodDecl {
  let flags = 0;
  let rest = sig.trim();
  for (;;) {
    const m = /^(final|public|protected|private|static|abstract)\s+/.exec(rest);
    if (!m) break;
    flags |= { final: M_FINAL, public: M_PUBLIC, protected: M_PROTECTED, private: M_PRIVATE, static: M_STATIC, abstract: M_ABSTRACT }[m[1]]!;
    rest = rest.slice(m[0].length);
  }
  // builtin methods get the same generated argument checks as builtin functions (built on first call)
  const b = makeBuiltin(rest, impl as any);
  b.info.cls = cls;
  b.info.isStatic = (flags & M_STATIC) !== 0;
  let wrapped: Function | null = null;
  const fn = function (this: any) {
    wrapped ??= buildWrapper(b, false, methodConstant);
    return wrapped.apply(this, arguments as any);
  };
  (fn as any).phpInfo = b.info;
  return { name: b.info.name, flags, fn, info: b.info };
}

/** Creates and links a class from its declaration; registers it in `table` (lowercase name → class). */
export function declareClass(decl: ClassDecl, lookup: (name: string) => PhpClass | null, builtin: boolean): PhpClass {
  const cls = new PhpClass(decl.name);
  cls.flags = decl.flags ?? 0;
  if (builtin) cls.flags |= ClassFlags.Internal;
  cls.file = decl.file ?? null;
  cls.line = decl.line ?? 0;
  cls.endLine = decl.endLine ?? 0;
  cls.docComment = decl.docComment ?? null;
  cls.attrs = decl.attrs ?? null;
  cls.moduleDef = decl.moduleDef ?? null;
  cls.enumBacking = decl.enumBacking ?? null;
  if (decl.createNative) cls.createNative = decl.createNative;
  if (decl.allowDynamic) cls.ext.allowDynamic = true;
  if (decl.uncloneable) cls.ext.uncloneable = true;
  if (decl.handlers) cls.handlers = decl.handlers;

  if (cls.flags & ClassFlags.Enum) {
    // enums implement UnitEnum (BackedEnum when backed) and have readonly $name (and $value)
    const extra = decl.enumBacking ? ['UnitEnum', 'BackedEnum'] : ['UnitEnum'];
    decl = { ...decl, interfaces: [...extra, ...(decl.interfaces ?? [])] };
    const props: PropDecl[] = [{ name: 'name', flags: M_PUBLIC | M_READONLY, type: 'string' }];
    if (decl.enumBacking) props.push({ name: 'value', flags: M_PUBLIC | M_READONLY, type: decl.enumBacking });
    decl.props = [...props, ...(decl.props ?? [])];
  }
  if (decl.parent) {
    const parent = lookup(decl.parent);
    if (!parent) notFound('Class', decl.parent);
    if (parent.isInterface) classError(`Class ${decl.name} cannot extend interface ${parent.name}`);
    if (parent.isTrait) classError(`Class ${decl.name} cannot extend trait ${parent.name}`);
    if (parent.isFinal) classError(`Class ${decl.name} cannot extend final class ${parent.name}`);
    if (parent.isEnum) classError(`Class ${decl.name} cannot extend final class ${parent.name}`);
    if (!builtin && (parent.flags & ClassFlags.Readonly) !== (cls.flags & ClassFlags.Readonly)) {
      classError(cls.flags & ClassFlags.Readonly
        ? `Readonly class ${decl.name} cannot extend non-readonly class ${parent.name}`
        : `Non-readonly class ${decl.name} cannot extend readonly class ${parent.name}`);
    }
    inheritFrom(cls, parent);
  }
  for (const iname of decl.interfaces ?? []) {
    const iface = lookup(iname);
    if (!iface) notFound('Interface', iname);
    if (!iface.isInterface) {
      classError(cls.isInterface ? `${decl.name} cannot implement ${iface.name} - it is not an interface` : `${decl.name} cannot implement ${iface.name} - it is not an interface`);
    }
    if (cls.ownInterfaces.includes(iface)) classError(`${kindUc(cls)} ${cls.name} cannot implement previously implemented interface ${iface.name}`);
    cls.ownInterfaces.push(iface);
    addInterface(cls, iface);
  }
  if (decl.interfaces?.length) checkIteratorKinds(cls);
  if (!builtin && !cls.isInterface) checkThrowable(cls);

  // own members
  for (const c of decl.consts ?? []) addConst(cls, c);
  for (const p of decl.props ?? []) addProp(cls, p);
  for (const m of decl.methods ?? []) addMethod(cls, m, cls);
  if (decl.nativeMethods) {
    for (const [sig, fn] of Object.entries(decl.nativeMethods)) addMethod(cls, nativeMethodDecl(sig, fn, cls), cls);
  }
  // an enum's cases()/from()/tryFrom() are its own methods (a trait's methods of those names lose)
  if (cls.isEnum) {
    for (const iface of cls.interfaces) {
      for (const [lc, m] of iface.methods) if (!cls.methods.has(lc)) cls.methods.set(lc, { ...m, cls, isAbstract: false, info: { ...m.info, cls } });
    }
  }
  for (const tname of decl.traits ?? []) {
    const t = lookup(tname);
    if (!t) notFound('Trait', tname);
    if (!t.isTrait) classError(`${decl.name} cannot use ${t.name} - it is not a trait`);
    cls.traits.push(t);
  }
  if (cls.traits.length) bindTraits(cls, decl.traitRules ?? [], lookup);
  if (cls.isEnum && !builtin) verifyEnum(cls);

  // interface constants and methods
  for (const iface of cls.interfaces) {
    const checked = !(cls.parent && cls.parent.interfaces.includes(iface));
    for (const [n, c] of iface.consts) {
      const existing = cls.consts.get(n);
      if (existing === undefined) cls.consts.set(n, c);
      else if (checked && existing !== c) checkInterfaceConst(cls, existing, c);
    }
    if (!cls.isInterface) {
      for (const [lc, m] of iface.methods) if (!cls.methods.has(lc)) cls.methods.set(lc, m);
    } else {
      for (const [lc, m] of iface.methods) if (!cls.methods.has(lc)) cls.methods.set(lc, m);
    }
  }
  if (cls.parent) ownMethodsFirst(cls, decl);
  resolveMagic(cls);
  // a user class's abstract methods are checked after its inheritance (see objects.ts declareClass)
  if (cls.isEnum) setupEnum(cls);
  return cls;
}

/**
 * A class's method table lists its own methods first, in declaration order, then what it inherited
 * (zend_do_inheritance appends the parent's methods): get_class_methods() and reflection show that order.
 */
function ownMethodsFirst(cls: PhpClass, decl: ClassDecl): void {
  const order: string[] = [];
  for (const m of decl.methods ?? []) order.push(m.name.toLowerCase());
  if (order.length === 0) return;
  const all = [...cls.methods];
  cls.methods.clear();
  for (const lc of order) {
    const m = all.find(([k]) => k === lc);
    if (m && m[1].cls === cls) cls.methods.set(lc, m[1]);
  }
  for (const [lc, m] of all) if (!cls.methods.has(lc)) cls.methods.set(lc, m);
}

/** do_inherit_constant_check: a class constant meeting one of an interface of the same name. */
function checkInterfaceConst(cls: PhpClass, existing: ClassConst, c: ClassConst): void {
  if (c.final && existing.cls !== c.cls) classError(`${existing.cls.name}::${c.name} cannot override final constant ${c.cls.name}::${c.name}`);
  if (existing.cls !== c.cls && existing.cls !== cls) {
    classError(`${kindUc(cls)} ${cls.name} inherits both ${existing.cls.name}::${c.name} and ${c.cls.name}::${c.name}, which is ambiguous`);
  }
}

/** zend_implement_throwable: only descendants of Exception or Error may be Throwable. */
function checkThrowable(cls: PhpClass): void {
  if (!cls.interfaces.some((i) => i.lcname === 'throwable')) return;
  let root = cls;
  while (root.parent) root = root.parent;
  if (root.lcname === 'exception' || root.lcname === 'error') return;
  classError(cls.isEnum
    ? `Enum ${cls.name} cannot implement interface Throwable`
    : `${kindUc(cls)} ${cls.name} cannot implement interface Throwable, extend Exception or Error instead`);
}

/** zend_implement_iterator / zend_implement_aggregate: a class iterates one way only. */
function checkIteratorKinds(cls: PhpClass): void {
  let iterator = false, aggregate = false;
  for (const i of cls.interfaces) {
    const lc = i.name.toLowerCase();
    if (lc === 'iterator') iterator = true;
    else if (lc === 'iteratoraggregate') aggregate = true;
  }
  if (iterator && aggregate) classError(`Class ${cls.name} cannot implement both Iterator and IteratorAggregate at the same time`);
}

/** A class, interface or trait a declaration names is missing: PHP throws an Error. */
function notFound(kind: string, name: string): never {
  // a missing parent or interface is an Error; a missing trait is fatal (ZEND_FETCH_CLASS_TRAIT)
  return rt.throwError(kind === 'Trait' ? '\0fatal' : 'Error', `${kind} "${name}" not found`);
}

function kindUc(cls: PhpClass): string {
  return cls.isInterface ? 'Interface' : cls.isTrait ? 'Trait' : cls.isEnum ? 'Enum' : 'Class';
}

const ENUM_FORBIDDEN_MAGIC = ['__construct', '__destruct', '__clone', '__get', '__set', '__unset', '__isset', '__tostring', '__debuginfo', '__serialize', '__unserialize', '__sleep', '__wakeup', '__set_state'];

/** zend_verify_enum: what traits brought in must fit an enum too. */
function verifyEnum(cls: PhpClass): void {
  for (const p of [...cls.props.values(), ...[...cls.staticProps.values()].map((x) => x.info)]) {
    if (p.name !== 'name' && p.name !== 'value') classError(`Enum ${cls.name} cannot include properties`);
  }
  for (const m of cls.methods.values()) {
    if (m.cls === cls && ENUM_FORBIDDEN_MAGIC.includes(m.lcname)) classError(`Enum ${cls.name} cannot include magic method ${m.name}`);
  }
}

function inheritFrom(cls: PhpClass, parent: PhpClass): void {
  cls.parent = parent;
  for (const i of parent.interfaces) if (!cls.interfaces.includes(i)) cls.interfaces.push(i);
  for (const [n, c] of parent.consts) if (c.vis !== Vis.Private) cls.consts.set(n, c);
  for (const [n, p] of parent.props) if (p.vis !== Vis.Private) cls.props.set(n, p);
  cls.allSlots = parent.allSlots.slice();
  for (const [n, sp] of parent.staticProps) if (sp.info.vis !== Vis.Private) cls.staticProps.set(n, sp);
  for (const [lc, m] of parent.methods) cls.methods.set(lc, m);
  if (parent.createNative && !cls.createNative) cls.createNative = parent.createNative;
  if (parent.handlers && !cls.handlers) cls.handlers = parent.handlers;
  if (parent.ext.uncloneable) cls.ext.uncloneable = true;
  if (parent.enumBacking) cls.enumBacking = parent.enumBacking;
}

function addInterface(cls: PhpClass, iface: PhpClass): void {
  if (!cls.interfaces.includes(iface)) cls.interfaces.push(iface);
  for (const i of iface.interfaces) if (!cls.interfaces.includes(i)) cls.interfaces.push(i);
}

function addConst(cls: PhpClass, d: ConstDecl): void {
  const existing = cls.consts.get(d.name);
  const at = d.meta?.line;
  if (existing && existing.cls === cls) classErrorAt(at, `Cannot redefine class constant ${cls.name}::${d.name}`);
  if ((d.flags & M_FINAL) !== 0 && visOf(d.flags) === Vis.Private) {
    classErrorAt(at, `Private constant ${cls.name}::${d.name} cannot be final as it is not visible to other classes`);
  }
  if (existing && existing.final && existing.cls !== cls) {
    classErrorAt(at, `${cls.name}::${d.name} cannot override final constant ${existing.cls.name}::${d.name}`);
  }
  if (existing && existing.cls !== cls && existing.vis !== Vis.Private && visOf(d.flags) > existing.vis) {
    // found while inheriting: reported at the class
    classError(`Access level to ${cls.name}::${d.name} must be ${visName(existing.vis)} (as in class ${existing.cls.name})${existing.vis === Vis.Public ? '' : ' or weaker'}`);
  }
  const c: ClassConst = {
    name: d.name,
    vis: visOf(d.flags),
    final: (d.flags & M_FINAL) !== 0,
    cls,
    value: undefined,
    init: d.init,
    isCase: !!d.isCase,
    meta: d.meta,
  };
  cls.consts.set(d.name, c);
}

export function addProp(cls: PhpClass, d: PropDecl): void {
  const vis = visOf(d.flags);
  const isStatic = (d.flags & M_STATIC) !== 0;
  const type = typeof d.type === 'string' ? parseTypeText(d.type) : d.type ?? null;
  if (type instanceof DeclaredType) type.selfClass = cls;
  const info: PropInfo = {
    name: d.name,
    key: vis === Vis.Private ? privateKey(cls, d.name) : d.name,
    vis,
    isStatic,
    readonly: (d.flags & M_READONLY) !== 0 || (cls.flags & ClassFlags.Readonly) !== 0,
    cls,
    type,
    hasDefault: d.default !== undefined,
    default: d.default,
    meta: d.meta,
  };
  const inherited = cls.staticProps.get(d.name)?.info ?? cls.props.get(d.name);
  if (inherited && inherited.cls !== cls && inherited.vis !== Vis.Private) {
    if (inherited.isStatic !== isStatic) {
      classError(isStatic
        ? `Cannot redeclare non static ${inherited.cls.name}::$${d.name} as static ${cls.name}::$${d.name}`
        : `Cannot redeclare static ${inherited.cls.name}::$${d.name} as non static ${cls.name}::$${d.name}`);
    }
    if (inherited.readonly !== info.readonly) {
      const word = (r: boolean) => (r ? 'readonly' : 'non-readonly');
      classError(`Cannot redeclare ${word(inherited.readonly)} property ${inherited.cls.name}::$${d.name} as ${word(info.readonly)} ${cls.name}::$${d.name}`);
    }
    if (vis > inherited.vis || (inherited.vis === Vis.Public && vis !== Vis.Public)) {
      classError(`Access level to ${cls.name}::$${d.name} must be ${visName(inherited.vis)} (as in class ${inherited.cls.name})${inherited.vis === Vis.Protected ? ' or weaker' : ''}`);
    }
  }
  if (isStatic) {
    cls.staticProps.set(d.name, { info, ref: new Ref(undefined) });
    return;
  }
  if (vis !== Vis.Private || true) cls.props.set(d.name, info);
  // a redeclared (non-private) property keeps its parent's slot position
  const at = inherited && inherited.vis !== Vis.Private ? cls.allSlots.indexOf(inherited) : -1;
  if (at >= 0) cls.allSlots[at] = info;
  else cls.allSlots.push(info);
}

/** A builtin abstract method's FunctionInfo from its PHP signature (reflection and inheritance checks read it). */
function signatureInfo(signature: string): FunctionInfo {
  return makeBuiltin(signature, () => undefined).info;
}

function addMethod(cls: PhpClass, d: MethodDecl, declaring: PhpClass): void {
  const lc = d.name.toLowerCase();
  const existing = cls.methods.get(lc);
  const at = d.info?.line;
  if (existing && existing.cls === cls && !existing.info.isBuiltin && declaring === cls && !(existing as any).fromTrait) {
    classErrorAt(at, `Cannot redeclare ${cls.name}::${d.name}()`);
  }
  if (existing && existing.cls !== cls && existing.isFinal && !existing.cls.isTrait && existing.vis !== Vis.Private) {
    classErrorAt(at, `Cannot override final method ${existing.cls.name}::${existing.name}()`);
  }
  const info: FunctionInfo = d.info ?? (d.signature ? signatureInfo(d.signature) : { name: d.name, params: [], refMask: 0, required: 0, variadic: false, returnType: null, returnsRef: false, isBuiltin: false });
  info.cls = cls;
  info.isStatic = (d.flags & M_STATIC) !== 0;
  const m: PhpMethod = {
    name: d.name,
    lcname: lc,
    fn: d.mk ? d.mk(cls, info) : d.fn ?? abstractStub(cls, d.name),
    vis: visOf(d.flags),
    isStatic: (d.flags & M_STATIC) !== 0,
    isAbstract: (d.flags & M_ABSTRACT) !== 0 || cls.isInterface,
    isFinal: (d.flags & M_FINAL) !== 0,
    cls,
    info,
  };
  if (existing && existing.cls !== cls && existing.vis !== Vis.Private) {
    if (existing.isStatic && !m.isStatic) classErrorAt(at, `Cannot make static method ${existing.cls.name}::${existing.name}() non static in class ${cls.name}`);
    if (!existing.isStatic && m.isStatic) classErrorAt(at, `Cannot make non static method ${existing.cls.name}::${existing.name}() static in class ${cls.name}`);
  }
  if (existing && existing.cls !== cls && existing.vis !== Vis.Private && m.vis > existing.vis) {
    // a constructor answers only to an abstract (or interface) prototype, named in the message
    const proto = lc === '__construct' ? abstractCtorAbove(existing) : existing;
    if (proto) classErrorAt(at, `Access level to ${cls.name}::${d.name}() must be ${visName(existing.vis)} (as in class ${proto.cls.name})${existing.vis === Vis.Protected ? ' or weaker' : ''}`);
  }
  if (d.mk) m.mk = d.mk;
  cls.methods.set(lc, m);
}

function abstractCtorAbove(m: PhpMethod): PhpMethod | null {
  for (let c: PhpClass | null = m.cls; c; c = c.parent) {
    const own = c.methods.get('__construct');
    if (own && own.cls === c && own.isAbstract) return own;
    for (const i of c.interfaces) {
      const im = i.methods.get('__construct');
      if (im) return im;
    }
  }
  return null;
}

function abstractStub(cls: PhpClass, name: string): Function {
  return function () {
    rt.throwError('Error', `Cannot call abstract method ${cls.name}::${name}()`);
  };
}

function resolveMagic(cls: PhpClass): void {
  const get = (n: string) => cls.methods.get(n) ?? null;
  cls.getter = get('__get');
  cls.setter = get('__set');
  cls.issetter = get('__isset');
  cls.unsetter = get('__unset');
  cls.caller = get('__call');
  cls.staticCaller = get('__callstatic');
  cls.ctor = get('__construct');
  cls.dtor = get('__destruct');
  cls.toStringMethod = get('__tostring');
  cls.invoker = get('__invoke');
  cls.cloner = get('__clone');
  if (cls.toStringMethod && !cls.isTrait) {
    const stringable = rt?.core?.builtinClasses.get('stringable');
    if (stringable && !cls.interfaces.includes(stringable)) cls.interfaces.push(stringable);
  }
}

/** zend_verify_abstract_class: an explicitly abstract class must still implement private abstract (trait) methods. */
export function checkAbstracts(cls: PhpClass): void {
  if (cls.isInterface || cls.isTrait) return;
  const explicit = cls.isAbstract;
  const missing: string[] = [];
  for (const m of cls.methods.values()) {
    if (m.isAbstract && (!explicit || m.vis === Vis.Private)) missing.push(`${m.cls.name}::${m.name}`);
  }
  if (!missing.length) return;
  const n = missing.length;
  const list = missing.slice(0, 3).join(', ') + (n > 3 ? ', ...' : '');
  const kind = cls.isEnum ? 'Enum' : 'Class';
  classError(!explicit && !cls.isEnum
    ? `${kind} ${cls.name} contains ${n} abstract method${n === 1 ? '' : 's'} and must therefore be declared abstract or implement the remaining methods (${list})`
    : `${kind} ${cls.name} must implement ${n} abstract private method${n === 1 ? '' : 's'} (${list})`);
}

// ───────────── enums ─────────────

function setupEnum(cls: PhpClass): void {
  cls.enumCases = new Map();
}

/** The case object of an enum (created on first access, as PHP does). */
export function enumCase(cls: PhpClass, name: string): PhpObject {
  let o = cls.enumCases!.get(name);
  if (o) return o;
  const c = cls.consts.get(name)!;
  const table = cls.enumBacking ? backedEnumTable(cls) : null;
  o = new PhpObject(cls);
  o.p['name'] = name;
  if (table) o.p['value'] = (c as any).caseValue;
  cls.enumCases!.set(name, o);
  return o;
}

/**
 * zend_enum_build_backed_enum_table: a backed enum's case values (evaluated together on first use)
 * by value. Two cases with one value make every use fail.
 */
export function backedEnumTable(cls: PhpClass): Map<any, string> {
  let table: Map<any, string> | undefined = cls.ext.enumTable;
  if (table) return table;
  table = new Map();
  for (const [name, c] of cls.consts) {
    if (!c.isCase || c.cls !== cls) continue;
    const v = (c as any).caseValue ??= c.init!.call(cls);
    const other = table.get(v);
    if (other !== undefined) rt.throwError('Error', `Duplicate value in enum ${cls.name} for cases ${other} and ${name}`);
    table.set(v, name);
  }
  return (cls.ext.enumTable = table);
}

// ───────────── instances ─────────────

/** Evaluates the default values of a class's properties once (constant expressions). */
export function prepareDefaults(cls: PhpClass): void {
  if (cls.defaultsReady) return;
  if (cls.parent && !cls.parent.defaultsReady) prepareDefaults(cls.parent);
  for (const info of cls.allSlots) {
    if (typeof info.default === 'function') {
      const thunk = info.default as () => any;
      const v = defaultOfType(info, thunk.call(info.cls));
      info.default = v;
      (info as any).evaluated = true;
    }
  }
  for (const [, sp] of cls.staticProps) {
    if (sp.info.cls === cls && sp.ref.v === undefined) {
      const d = sp.info.default;
      sp.ref.v = typeof d === 'function' ? defaultOfType(sp.info, d.call(cls)) : sp.info.hasDefault ? d : sp.info.type ? UNINIT : null;
    }
  }
  cls.defaultsReady = true;
}

/** A default computed from a constant expression must fit the property's type (checked strictly). */
function defaultOfType(info: PropInfo, v: any): any {
  if (!info.type) return v;
  const r = info.type.check(v, true, null, info.cls);
  if (r === NO_MATCH) rt.throwError('TypeError', `Cannot assign ${givenType(v)} to property ${info.cls.name}::$${info.name} of type ${typeTextIn(info.type, info.cls)}`);
  return r;
}

/** A new object with its properties at their defaults (no constructor call). */
export function instantiate(cls: PhpClass): PhpObject {
  if (!cls.defaultsReady) prepareDefaults(cls);
  const o = new PhpObject(cls);
  const p = o.p;
  const slots = cls.allSlots;
  for (let i = 0; i < slots.length; i++) {
    const info = slots[i];
    p[info.key] = info.hasDefault ? share(info.default) : info.type ? UNINIT : null;
  }
  if (cls.createNative) cls.createNative(o);
  return o;
}

export { M_PUBLIC, M_PROTECTED, M_PRIVATE, M_STATIC, M_ABSTRACT, M_FINAL, M_READONLY };
export type { PhpArray };
