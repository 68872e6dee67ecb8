// Helpers compiled code uses for classes and objects: lookup with autoloading, declaration, new,
// method and static-method resolution, class constants, instanceof, clone, casts to array/object.

import { PhpClass, PhpObject, Vis, ClassFlags, privateKey, PhpMethod, FunctionInfo } from './object.js';
import { PhpArray, Key, share } from './array.js';
import { Ref, UNINIT, dropRef } from './values.js';
import { rt } from './request.js';
import { findMethodForCall, findStaticMethod, visible, visName, Bound, callBound, displayClassName, resolveCallable } from './calls.js';
import { declareClass as linkClass, ClassDecl, instantiate, enumCase, checkAbstracts } from './classdecl.js';
import { typeName, toStr } from './convert.js';
import { FatalSignal } from './errors.js';
import { propRef, findProp, propGet, propSet, staticPropRef, refToOverloaded } from './props.js';
import { checkInheritance } from './inheritance.js';
import { addTypeSource, delTypeSource, typeSources, verifyPropAssignableByRef, currentStrict } from './typedref.js';
import { esc } from './refcount.js';

// ───────────── lookup ─────────────

/** A class by name (no leading backslash), autoloading when allowed. */
export function findClass(name: string, autoload = true): PhpClass | null {
  if (name.charCodeAt(0) === 92) name = name.slice(1);
  const lc = name.toLowerCase();
  let c = rt.classes.get(lc) ?? rt.core.builtinClasses.get(lc);
  if (c) return c;
  if (!autoload || rt.autoloaders.length === 0) return null;
  if (!isValidClassName(name)) return null;
  if (rt.autoloading.has(lc)) return null;
  rt.autoloading.add(lc);
  try {
    for (const loader of rt.autoloaders.slice()) {
      callAutoloader(loader, name);
      c = rt.classes.get(lc);
      if (c) return c;
    }
  } finally {
    rt.autoloading.delete(lc);
  }
  return null;
}

/**
 * An autoloader given as [$object, 'method'] is called as its class calls it: PHP resolves the callable
 * when it is registered (from within the class, a private method is fine) and keeps it so.
 */
function callAutoloader(loader: any, name: string): void {
  const self = loader instanceof PhpArray && loader.size === 2 ? loader.get(0) : null;
  const b = self instanceof PhpObject ? resolveCallable(loader, self.cls) : null;
  if (b) callBound(b, [name]);
  else rt.core.callValue(loader, [name]);
}

function isValidClassName(name: string): boolean {
  return /^[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*(\\[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)*$/.test(name);
}

/** `Foo::...`, `new Foo`: the class or PHP's Error. */
export function cls(name: string): PhpClass {
  const c = findClass(name, true);
  if (c) return c;
  return rt.throwError('Error', `Class "${name}" not found`);
}

/** `$x::...`, `new $x`: a class from a string or an object. */
export function clsOf(v: any): PhpClass {
  if (v instanceof PhpObject) return v.cls;
  if (typeof v === 'string') return cls(v);
  return rt.throwError('Error', 'Class name must be a valid object or a string');
}

export function classNameOf(v: any): string {
  if (v instanceof PhpObject) return v.cls.name;
  return rt.throwError('TypeError', `Cannot use "::class" on value of type ${typeName(v)}`);
}

// ───────────── context: $this, self, static, parent ─────────────

export function thisObj(self: any): PhpObject {
  if (self instanceof PhpObject) return self;
  return rt.throwError('Error', 'Using $this when not in object context');
}

export function thisOrNull(self: any): PhpObject | null {
  return self instanceof PhpObject ? self : null;
}

/** static:: — the called class. */
export function staticOf(self: any): PhpClass {
  if (self instanceof PhpObject) return self.cls;
  if (self instanceof PhpClass) return self;
  return rt.throwError('Error', 'Cannot access "static" when no class scope is active');
}

/** The called class of code running with `self` as this, or undefined outside classes. */
export function calledClassOf(self: any): PhpClass | undefined {
  if (self instanceof PhpObject) return self.cls;
  if (self instanceof PhpClass) return self;
  return undefined;
}

export function parentOf(c: PhpClass): PhpClass {
  if (c.parent) return c.parent;
  return rt.throwError('Error', 'Cannot access "parent" when current class scope has no parent');
}

/** self::class / parent::class / static::class (ZEND_FETCH_CLASS_NAME): `scope` is the code's class. */
export function scopeClassName(kind: string, scope: PhpClass | null, self: any): string {
  if (kind === 'static') {
    if (self instanceof PhpObject) return self.cls.name;
    if (self instanceof PhpClass) return self.name;
    scope = null;
  }
  if (!scope) return rt.throwError('Error', `Cannot use "${kind}" in the global scope`);
  if (kind === 'parent') {
    if (!scope.parent) rt.throwError('Error', 'Cannot use "parent" when current class scope has no parent');
    return scope.parent!.name;
  }
  return scope.name;
}

/** self inside a trait method: the class that uses the trait (found from $this / the called class). */
export function traitScope(self: any, trait: PhpClass): PhpClass {
  let c: PhpClass | null = self instanceof PhpObject ? self.cls : self instanceof PhpClass ? self : null;
  for (; c; c = c.parent) if (c === trait || c.allTraits.includes(trait)) return c;
  return trait;
}

/** Whether `c` uses `trait`, directly or through the traits it uses. */
function usesTrait(c: PhpClass, trait: PhpClass): boolean {
  for (const t of c.traits) if (t === trait || usesTrait(t, trait)) return true;
  return false;
}

/** The scope class of the closure running with `self` as this (set by mkClosure's calls). */
export function closureScope(self: any): PhpClass | null {
  const n = rt.closureScopes.length;
  if (n !== 0) return rt.closureScopes[n - 1];
  if (self instanceof PhpObject) return self.cls;
  if (self instanceof PhpClass) return self;
  return null;
}

export function selfOfClosure(self: any): PhpClass {
  const s = closureScope(self);
  if (s) return s;
  return rt.throwError('Error', 'Cannot access "self" when no class scope is active');
}

export function parentOfClosure(self: any): PhpClass {
  const s = closureScope(self);
  if (!s) return rt.throwError('Error', 'Cannot access "parent" when no class scope is active');
  return parentOf(s);
}

export function closureClassName(self: any): string {
  const s = closureScope(self);
  return s ? s.name : '';
}

// ───────────── declaration ─────────────

function autoloadForLink(name: string): void {
  findClass(name, true);
}

/** zend_exception_uncaught_error: an exception escaping an autoload the inheritance checks needed is fatal. */
function autoloadDuringInheritance(c: PhpClass, name: string): void {
  const line = rt.top.line;
  try {
    findClass(name, true);
  } catch (e) {
    if (!(e instanceof PhpObject)) throw e;
    const text = toStr(callMethodByName(e, '__toString', []));
    rt.top.line = line;
    rt.throwError('\0fatal', `During inheritance of ${c.name}, while autoloading ${name}: Uncaught ${text}`);
  }
}

function lookupForLink(name: string): PhpClass | null {
  return findClass(name, true);
}

export function declareClass(decl: ClassDecl): PhpClass {
  const lc = decl.name.toLowerCase();
  const prevLine = rt.top.line;
  if (decl.line) rt.top.line = decl.line;
  if (!(decl.flags! & ClassFlags.Anonymous) && (rt.classes.has(lc) || rt.core.builtinClasses.has(lc))) {
    throw new FatalSignal(`Cannot declare ${kindWord(decl.flags ?? 0)} ${decl.name}, because the name is already in use`, decl.file ?? rt.top.file, decl.line ?? 0);
  }
  const c = linkClass(decl, lookupForLink, false);
  if (!checkInheritance(c, false, autoloadForLink)) {
    if (hoisting) throw DEFER;
    // the class is visible (not yet fully checked) while the classes its signatures name autoload
    rt.classes.set(lc, c);
    try {
      checkInheritance(c, true, (n) => autoloadDuringInheritance(c, n));
    } catch (e) {
      rt.classes.delete(lc);
      throw e;
    }
  }
  // zend_verify_abstract_class comes after the methods' compatibility checks
  try {
    checkAbstracts(c);
  } catch (e) {
    rt.classes.delete(lc);
    throw e;
  }
  rt.classes.set(lc, c);
  const serializable = rt.core.builtinClasses.get('serializable');
  if (serializable && c.isSubclassOf(serializable) && !c.isInterface && !(c.flags & ClassFlags.Abstract) && (!c.methods.has('__serialize') || !c.methods.has('__unserialize'))) {
    rt.deprecated(`${c.name} implements the Serializable interface, which is deprecated. Implement __serialize() and __unserialize() instead (or in addition, if support for old PHP versions is necessary)`);
  }
  if (c.isEnum && serializable && c.isSubclassOf(serializable)) {
    rt.classes.delete(lc);
    rt.throwError('\0fatal', `Enum ${c.name} cannot implement the Serializable interface`);
  }
  rt.top.line = prevLine;
  return c;
}

/** An anonymous class: declared once, by its (unique) name, however many times its code runs. */
export function declareAnonClass(decl: ClassDecl): PhpClass {
  return rt.classes.get(decl.name.toLowerCase()) ?? declareClass(decl);
}

function kindWord(flags: number): string {
  return flags & ClassFlags.Interface ? 'interface' : flags & ClassFlags.Trait ? 'trait' : flags & ClassFlags.Enum ? 'enum' : 'class';
}

export interface Hoisted {
  cls: PhpClass | null;
  declare(): PhpClass;
  name: string;
  deps: string;
}

/** Set while early binding: a class whose signatures need classes not loaded yet is left to its statement. */
let hoisting = false;
const DEFER = { deferred: true };

/** Early binding at the start of a file: declares the class now if what it extends is already known. */
export function hoistClass(h: Hoisted): void {
  const deps: string[] = JSON.parse(h.deps);
  for (const d of deps) if (!findClass(d, false)) return;
  if (rt.classes.has(h.name.toLowerCase())) return; // the statement will report the duplicate
  hoisting = true;
  try {
    h.declare();
  } catch (e) {
    if (e !== DEFER) throw e;
  } finally {
    hoisting = false;
  }
}

export function declareHoisted(h: Hoisted): PhpClass {
  return h.cls ?? h.declare();
}

// ───────────── constants ─────────────

/** `A::NAME` in code: the constant's value; a trait's constants are reached only through a using class. */
export function classConst(c: PhpClass, name: string, scope: PhpClass | null): any {
  if (c.isTrait && c.consts.has(name)) rt.throwError('Error', `Cannot access trait constant ${c.name}::${name} directly`);
  return readClassConst(c, name, scope);
}

/** How many constant expressions are being evaluated (see readClassConst). */
let constExprDepth = 0;

/** `A::NAME` inside a constant expression: `written` is the class as the expression names it (self, Foo). */
export function constExprClassConst(c: PhpClass, name: string, scope: PhpClass | null, written: string): any {
  if (c.isTrait && c.consts.has(name)) rt.throwError('Error', `Cannot access trait constant ${c.name}::${name} directly`);
  return readClassConst(c, name, scope, written);
}

/** A class constant's value (evaluated on first access), for code and reflection alike. */
export function readClassConst(c: PhpClass, name: string, scope: PhpClass | null, written?: string): any {
  const k = c.consts.get(name);
  if (!k) return rt.throwError('Error', `Undefined constant ${written ?? displayClassName(c)}::${name}`);
  if (k.vis !== Vis.Public && !visible(k.vis, k.cls, scope)) {
    rt.throwError('Error', `Cannot access ${visName(k.vis)} constant ${c.name}::${name}`);
  }
  if (k.isCase) return enumCase(k.cls.isEnum ? k.cls : c, name);
  if (k.value === undefined) {
    if (k.init === null) return null;
    if ((k as any).evaluating) rt.throwError('Error', `Cannot declare self-referencing constant ${written ?? k.cls.name}::${name}`);
    // PHP marks a constant visited only when a constant expression reaches it (zend_get_class_constant_ex),
    // not when code reads it: the cycle is reported at the first constant reached twice that way
    const mark = constExprDepth > 0;
    if (mark) (k as any).evaluating = true;
    constExprDepth++;
    try {
      k.value = k.init.call(k.cls);
    } finally {
      constExprDepth--;
      if (mark) (k as any).evaluating = false;
    }
    k.init = null;
  }
  return k.value;
}

/** One `A::NAME` site's cache: a class constant's value never changes once evaluated. */
export interface ClassConstSite {
  cls: PhpClass | null;
  scope: PhpClass | null;
  v: any;
}

export function newClassConstSite(): ClassConstSite {
  return { cls: null, scope: null, v: undefined };
}

export function ccget(site: ClassConstSite, c: PhpClass, name: string, scope: PhpClass | null): any {
  if (site.cls === c && site.scope === scope) return site.v;
  const v = classConst(c, name, scope);
  site.cls = c;
  site.scope = scope;
  site.v = v;
  return v;
}

// ───────────── instances ─────────────

export function newInstance(c: PhpClass, scope: PhpClass | null): PhpObject {
  void scope;
  if (c.flags & (ClassFlags.Interface | ClassFlags.Trait | ClassFlags.Abstract | ClassFlags.Enum | ClassFlags.EngineOnly)) {
    if (c.flags & ClassFlags.EngineOnly) rt.throwError('Error', `The "${c.name}" class is reserved for internal use and cannot be manually instantiated`);
    const what = c.isInterface ? 'interface' : c.isTrait ? 'trait' : c.isEnum ? 'enum' : 'abstract class';
    rt.throwError('Error', `Cannot instantiate ${what} ${c.name}`);
  }
  const o = instantiate(c);
  if (c.dtor) rt.destructibles.push(o);
  return o;
}

/** The constructor to call for `new`, or null when the class has none. */
export function ctorOf(o: PhpObject, scope: PhpClass | null): PhpMethod | null {
  const m = o.cls.ctor;
  if (!m) return null;
  if (m.vis !== Vis.Public && !visible(m.vis, m.cls, scope)) {
    // Closure's get_constructor handler refuses `new Closure` itself
    if (m.info.isBuiltin && m.cls.lcname === 'closure') rt.throwError('Error', 'Instantiation of class Closure is not allowed');
    rt.throwError('Error', `Call to ${visName(m.vis)} ${m.cls.name}::__construct() from ${scope ? 'scope ' + scope.name : 'global scope'}`);
  }
  return m;
}

/** Arguments to `new` for a class without constructor are evaluated and ignored. */
export function noCtorArgs(..._args: any[]): number {
  return 0;
}

// ───────────── methods ─────────────

export function meth(o: any, name: string, scope: PhpClass | null): Bound {
  if (o instanceof PhpObject) return findMethodForCall(o, name, scope);
  return rt.throwError('Error', `Call to a member function ${name}() on ${typeName(o)}`);
}

/**
 * One `$obj->name(...)` or `A::name(...)` call site with a literal name, as compiled code uses it: the
 * method found for the last receiver class and calling scope, reused while they stay the same. The
 * call expression reads `fn` and `self` before it evaluates the arguments, so a re-entry of the same
 * site from an argument cannot change the call already under way.
 */
export interface CallSite extends Bound {
  cls: PhpClass | null;
  scope: PhpClass | null;
  /** the receiver's class is `this` (a static method called through an instance, __callStatic) */
  selfIsClass: boolean;
  /** the method bound to a forwarded called class (smcallFwd) */
  fwd: Bound | null;
}

export function newCallSite(): CallSite {
  return { fn: noMethod, self: null, info: null as unknown as FunctionInfo, cls: null, scope: null, selfIsClass: false, fwd: null };
}

function noMethod(): never {
  throw new Error('phpts internal error: call site used before lookup');
}

/** $o->name(...) through a call site. */
export function mcall(site: CallSite, o: any, name: string, scope: PhpClass | null): Bound {
  if (o instanceof PhpObject && o.cls === site.cls && scope === site.scope) {
    site.self = site.selfIsClass ? o.cls : o;
    return site;
  }
  return mcallMiss(site, o, name, scope);
}

function mcallMiss(site: CallSite, o: any, name: string, scope: PhpClass | null): Bound {
  const b = meth(o, name, scope);
  // __call fallbacks are not cached: a fiber needs the magic method behind them (Bound.magic)
  // a closure's __invoke is the closure itself: not shared by the class's objects
  if ((b.self !== o && b.self !== o.cls) || b.magic || o.native?.closure === true) return b;
  site.fn = b.fn;
  site.info = b.info;
  site.selfIsClass = b.self !== o;
  site.self = b.self;
  site.cls = o.cls;
  site.scope = scope;
  return site;
}

/** A::name(...) through a call site: cached for calls without a $this to forward. */
export function smcall(site: CallSite, c: PhpClass, name: string, scope: PhpClass | null, thisObj: PhpObject | null): Bound {
  if (thisObj === null && c === site.cls && scope === site.scope) return site;
  const b = findStaticMethod(c, name, scope, thisObj);
  if (thisObj !== null || b.magic) return b;
  site.fn = b.fn;
  site.info = b.info;
  site.self = b.self;
  site.cls = c;
  site.scope = scope;
  return site;
}

/**
 * parent::name(...) / self::name(...) through a call site. `self` is the caller's `this`: in a static
 * method the called class, which a static method called so gets as its own (late static binding is
 * forwarded, ZEND_INIT_STATIC_METHOD_CALL).
 */
export function smcallFwd(site: CallSite, c: PhpClass, name: string, scope: PhpClass | null, self: any): Bound {
  if (!(self instanceof PhpClass)) return smcall(site, c, name, scope, self instanceof PhpObject ? self : null);
  const b = smcall(site, c, name, scope, null);
  if (b.magic) return forwardMagic(b, self, c);
  if (self === b.self || !b.info.isStatic || !self.isSubclassOf(c)) return b;
  const f = site.fwd ??= { fn: b.fn, self, info: b.info };
  f.fn = b.fn;
  f.self = self;
  f.info = b.info;
  return f;
}

/** `A::__construct()`: a class without a constructor has none to call. */
export function staticCtorCall(c: PhpClass, scope: PhpClass | null, thisObj: PhpObject | null): Bound {
  if (!c.ctor) rt.throwError('Error', 'Cannot call constructor');
  return findStaticMethod(c, '__construct', scope, thisObj);
}

export function smeth(c: PhpClass, name: string, scope: PhpClass | null, thisObj: PhpObject | null): Bound {
  return findStaticMethod(c, name, scope, thisObj);
}

/** parent::m(), self::m(), static::m(): $this and the called class are forwarded. */
export function smethFwd(c: PhpClass, name: string, scope: PhpClass | null, self: any): Bound {
  const b = findStaticMethod(c, name, scope, self instanceof PhpObject ? self : null);
  if (!(self instanceof PhpClass)) return b;
  if (b.magic) return forwardMagic(b, self, c);
  if (self === b.self || !b.info.isStatic || !self.isSubclassOf(c)) return b;
  return { fn: b.fn, self, info: b.info };
}

/** parent::missing() from a static method: __callStatic runs with the forwarded called class. */
function forwardMagic(b: Bound, self: PhpClass, c: PhpClass): Bound {
  if (!(b.self instanceof PhpClass) || b.self === self || !self.isSubclassOf(c)) return b;
  return { fn: b.fn, self, info: b.info, magicName: b.magicName, magic: b.magic };
}

export function methodNameOf(v: any): string {
  if (typeof v === 'string') return v;
  return rt.throwError('Error', 'Method name must be a string');
}

export function callMethodByName(o: PhpObject, name: string, args: any[]): any {
  const b = findMethodForCall(o, name, o.cls);
  return callBound(b, args);
}

// ───────────── instanceof ─────────────

export function instanceOfName(v: any, name: string): boolean {
  if (!(v instanceof PhpObject)) return false;
  const c = findClass(name, false);
  return c !== null && v.cls.isSubclassOf(c);
}

export function instanceOfCls(v: any, c: PhpClass): boolean {
  return v instanceof PhpObject && v.cls.isSubclassOf(c);
}

export function instanceOfDyn(v: any, c: any): boolean {
  if (c instanceof PhpObject) return instanceOfCls(v, c.cls);
  if (typeof c === 'string') return instanceOfName(v, c);
  return rt.throwError('Error', 'Class name must be a valid object or a string');
}

// ───────────── clone ─────────────

export function cloneObj(v: any, scope: PhpClass | null): PhpObject {
  if (!(v instanceof PhpObject)) return rt.throwError('Error', '__clone method called on non-object');
  const c = v.cls;
  if (c.isEnum) rt.throwError('Error', `Trying to clone an uncloneable object of class ${c.name}`);
  if (c.ext.uncloneable) rt.throwError('Error', `Trying to clone an uncloneable object of class ${c.name}`);
  if (c.cloner && c.cloner.vis !== Vis.Public && !visible(c.cloner.vis, c.cloner.cls, scope)) {
    rt.throwError('Error', `Call to ${visName(c.cloner.vis)} ${c.name}::__clone() from ${scope ? 'scope ' + scope.name : 'global scope'}`);
  }
  const o = new PhpObject(c);
  for (const k in v.p) {
    const val = v.p[k];
    // references stay shared between the copies (PHP copies the reference, not the value, when refcount > 1)
    o.p[k] = share(val);
  }
  if (v.unsetKeys) o.unsetKeys = new Set(v.unsetKeys);
  if (c.handlers?.clone) c.handlers.clone(v, o);
  else o.native = v.native;
  if (c.dtor) rt.destructibles.push(o);
  if (c.cloner) {
    (o as any).cloning = true;
    try {
      c.cloner.fn.call(o);
    } finally {
      (o as any).cloning = false;
    }
  }
  return o;
}

// ───────────── casts ─────────────

/** (array)$v */
export function toArray(v: any): PhpArray {
  if (v instanceof PhpArray) return v;
  if (v === null || v === undefined) return new PhpArray();
  if (v instanceof PhpObject) {
    // ZEND_CAST: a closure becomes an array holding it
    if (v.native !== null && v.native.closure === true) return PhpArray.fromList([esc(v)]);
    return objectToArray(v);
  }
  return PhpArray.fromList([v]);
}

/** (array)$obj: property names mangled as PHP does ("\0*\0prot", "\0Class\0priv"). */
export function objectToArray(o: PhpObject): PhpArray {
  if (o.cls.handlers?.debugInfo && o.cls.ext.arrayCast) return o.cls.ext.arrayCast(o);
  const a = new PhpArray();
  const protectedNames = new Set<string>();
  for (const info of o.cls.allSlots) if (info.vis === Vis.Protected) protectedNames.add(info.key);
  for (const k in o.p) {
    const v = o.p[k];
    if (v === UNINIT) continue;
    const key = protectedNames.has(k) ? '\0*\0' + k : k;
    if (v instanceof Ref) a.setRef(propKeyToArrayKey(key), v);
    else a.set(propKeyToArrayKey(key), share(v));
  }
  return a;
}

function propKeyToArrayKey(k: string): Key {
  return /^(0|-?[1-9][0-9]{0,17})$/.test(k) ? Number(k) : k;
}

/** (object)$v */
export function toObject(v: any): PhpObject {
  if (v instanceof PhpObject) return v;
  const std = rt.core.builtinClasses.get('stdclass')!;
  const o = instantiate(std);
  if (v instanceof PhpArray) {
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      const raw = v.rawAt(i);
      o.p[String(v.keyAt(i))] = raw instanceof Ref ? raw : share(raw);
    }
  } else if (v !== null && v !== undefined) {
    o.p['scalar'] = v;
  }
  return o;
}

// ───────────── property helpers for compound assignment and references ─────────────

export function propSlot(o: any, name: string, scope: PhpClass | null, strict = false): { v: any } {
  return {
    get v() {
      return propGet(o, name, scope);
    },
    set v(x: any) {
      propSet(o, name, x, scope, strict);
    },
  };
}

export function propBindRef(o: any, name: string, r: Ref, scope: PhpClass | null): Ref {
  if (!(o instanceof PhpObject)) return rt.throwError('Error', `Attempt to modify property "${name}" on ${typeName(o)}`);
  if (o.cls.getter !== null) refToOverloaded(o, name, scope);
  const info = findProp(o.cls, name, scope);
  if (info && info.readonly) rt.throwError('Error', `Cannot modify readonly property ${info.cls.name}::$${name}`);
  const key = info ? info.key : name;
  const old = o.p[key];
  if (info && info.vis !== Vis.Public && !visible(info.vis, info.cls, scope)) {
    rt.throwError('Error', `Cannot access ${visName(info.vis)} property ${o.cls.name}::$${name}`);
  }
  if (info && info.type) {
    // zend_assign_to_typed_property_reference
    verifyPropAssignableByRef(info, r, currentStrict());
    if (old instanceof Ref) delTypeSource(old, info);
  }
  if (old !== r) {
    dropRef(old);
    r.n++;
  }
  o.p[key] = r;
  if (info && info.type) addTypeSource(r, info);
  return r;
}

export function staticPropQuiet(c: PhpClass, name: string, scope: PhpClass | null): any {
  const sp = c.staticProps.get(name);
  if (!sp || !(sp.info.vis === Vis.Public || visible(sp.info.vis, sp.info.cls, scope))) return undefined;
  const r = staticPropRef(c, name, scope);
  return r.v === UNINIT ? undefined : r.v;
}

export function staticPropBind(c: PhpClass, name: string, r: Ref, scope: PhpClass | null): Ref {
  staticPropRef(c, name, scope);
  const sp = c.staticProps.get(name)!;
  if (sp.info.type) {
    verifyPropAssignableByRef(sp.info, r, currentStrict());
    delTypeSource(sp.ref, sp.info);
    if (!typeSources(r).includes(sp.info)) addTypeSource(r, sp.info);
  }
  if (sp.ref !== r) r.n++;
  sp.ref = r;
  // subclasses that inherited the same slot see the new binding too
  for (const other of rt.classes.values()) {
    const osp = other.staticProps.get(name);
    if (osp && osp.info === sp.info) osp.ref = r;
  }
  return r;
}

/** The object of `$x->p = v` : PHP 8 never auto-creates it. */
export function objW(v: any): any {
  return v;
}

export function propU(o: any, name: string, scope: PhpClass | null): any {
  if (!(o instanceof PhpObject)) return undefined;
  const r = propRef(o, name, scope);
  if (r.v instanceof PhpArray && r.v.rc > 0) r.v = r.v.sep();
  return r.v;
}

export { privateKey, toStr };
