// Signature and property compatibility between a class and what it inherits (zend_inheritance.c):
// an overriding method must accept at least what its prototype accepts (contravariant parameters)
// and return no more than it promises (covariant return type); a redeclared typed property keeps its
// type (checked as covariance both ways). A check that needs a class not loaded yet is "unresolved":
// the early binding at the start of a file then leaves the class to its declaring statement, where
// the missing classes are autoloaded and the check is made again — or PHP's "Could not check
// compatibility" error is reported.

import { PhpClass, PhpMethod, FunctionInfo, Vis, ParamInfo, PropInfo, TypeCheck } from './object.js';
import { rt } from './request.js';
import { splitTopLevel } from './types.js';

const OK = 0, ERROR = 1, UNRESOLVED = 2;
type Status = 0 | 1 | 2;

/** A declared type as zend_type holds it: builtin members, class members (an array is an intersection). */
interface VType {
  mask: Set<string>;
  classes: (string | string[])[];
  /** the whole type is one intersection (A&B) */
  inter: boolean;
}

const BUILTINS = new Set(['int', 'float', 'string', 'bool', 'false', 'true', 'null', 'array', 'void', 'never', 'mixed', 'object', 'callable', 'static', 'iterable']);

const parsed = new WeakMap<TypeCheck, VType>();

function vtype(t: TypeCheck): VType {
  let v = parsed.get(t);
  if (!v) parsed.set(t, (v = parseVType(t.text)));
  return v;
}

function parseVType(text: string): VType {
  const out: VType = { mask: new Set(), classes: [], inter: false };
  let t = text.trim();
  if (t.startsWith('?')) {
    out.mask.add('null');
    t = t.slice(1);
  }
  const parts = splitTopLevel(t, '|').map((p) => p.trim());
  for (let p of parts) {
    if (p.startsWith('(')) p = p.slice(1, -1);
    if (p.includes('&')) {
      out.classes.push(p.split('&').map((s) => s.trim().replace(/^\\/, '')));
      continue;
    }
    const lc = p.toLowerCase();
    if (lc === 'iterable') {
      out.mask.add('array');
      out.classes.push('Traversable');
    } else if (lc === 'bool') {
      out.mask.add('false');
      out.mask.add('true');
    } else if (BUILTINS.has(lc)) {
      out.mask.add(lc);
    } else out.classes.push(p.replace(/^\\/, ''));
  }
  out.inter = parts.length === 1 && out.classes.length === 1 && Array.isArray(out.classes[0]) && out.mask.size === 0;
  return out;
}

const MIXED_MASK = ['int', 'float', 'string', 'false', 'true', 'null', 'array', 'object', 'callable', 'static', 'mixed'];

function isMixed(t: VType): boolean {
  return t.mask.has('mixed') && t.classes.length === 0;
}

// ───────────── class lookup while linking ─────────────

/** The class being linked (not registered yet) and the classes a check could not find. */
let linking: PhpClass | null = null;
let unresolved: string[] = [];

function lookupClass(scope: PhpClass, name: string): PhpClass | null {
  const lc = name.toLowerCase();
  const c = rt.classes.get(lc) ?? rt.core.builtinClasses.get(lc);
  if (c) return c;
  if (scope.lcname === lc) return scope;
  if (linking && linking.lcname === lc) return linking;
  if (!unresolved.includes(name)) unresolved.push(name);
  return null;
}

/** resolve_class_name: self/parent in a type mean the scope's class / its parent. */
function resolveName(scope: PhpClass, name: string): string {
  const lc = name.toLowerCase();
  if (lc === 'parent' && scope.parent) return scope.parent.name;
  if (lc === 'self') return scope.name;
  return name;
}

function instanceOf(a: PhpClass, b: PhpClass): boolean {
  return a === b || a.isSubclassOf(b);
}

// ───────────── zend_perform_covariant_type_check ─────────────

function typePermitsSelf(t: VType, scope: PhpClass, self: PhpClass): boolean {
  if (t.mask.has('object')) return true;
  for (const c of t.classes) {
    if (typeof c !== 'string') continue;
    const ce = lookupClass(self, resolveName(scope, c));
    if (ce && instanceOf(self, ce)) return true;
  }
  return false;
}

/** Is class `feName` (from feScope) a subtype of proto? */
function classSubtypeOfType(feScope: PhpClass, feName: string, protoScope: PhpClass, proto: VType): Status {
  let haveUnresolved = false;
  if (proto.mask.has('object')) {
    if (lookupClass(feScope, feName)) return OK;
    haveUnresolved = true;
  }
  const isInter = proto.inter;
  const members = isInter ? (proto.classes[0] as string[]) : proto.classes;
  for (const m of members) {
    if (typeof m !== 'string') {
      const s = classSubtypeOfType(feScope, feName, protoScope, { mask: new Set(), classes: [m], inter: true });
      if (s === ERROR) continue;
      if (s === UNRESOLVED) haveUnresolved = true;
      else return OK;
      continue;
    }
    const protoName = resolveName(protoScope, m);
    if (protoName.toLowerCase() === feName.toLowerCase()) {
      if (!isInter) return OK;
      continue;
    }
    const fe = lookupClass(feScope, feName);
    const pc = lookupClass(protoScope, protoName);
    if (!fe || !pc) {
      haveUnresolved = true;
      continue;
    }
    if (instanceOf(fe, pc)) {
      if (!isInter) return OK;
    } else if (isInter) return ERROR;
  }
  if (haveUnresolved) return UNRESOLVED;
  return isInter ? OK : ERROR;
}

/** Is the intersection `fe` a subtype of the class protoName? */
function interSubtypeOfClass(feScope: PhpClass, fe: string[], protoScope: PhpClass, protoName: string): Status {
  let haveUnresolved = false;
  for (const n of fe) {
    const feName = resolveName(feScope, n);
    if (feName.toLowerCase() === protoName.toLowerCase()) return OK;
    const pc = lookupClass(protoScope, protoName);
    const fc = lookupClass(feScope, feName);
    if (!fc || !pc) {
      haveUnresolved = true;
      continue;
    }
    if (instanceOf(fc, pc)) return OK;
  }
  return haveUnresolved ? UNRESOLVED : ERROR;
}

/** Is the intersection `fe` a subtype of proto? */
function interSubtypeOfType(feScope: PhpClass, fe: string[], protoScope: PhpClass, proto: VType): Status {
  let haveUnresolved = false;
  // any class satisfies object: it is enough that one member is loadable
  if (proto.mask.has('object')) {
    for (const n of fe) if (lookupClass(feScope, resolveName(feScope, n))) return OK;
    return UNRESOLVED;
  }
  const early = proto.inter ? ERROR : OK;
  const members = proto.inter ? (proto.classes[0] as string[]) : proto.classes;
  for (const m of members) {
    const s = typeof m !== 'string'
      ? interSubtypeOfType(feScope, fe, protoScope, { mask: new Set(), classes: [m], inter: true })
      : interSubtypeOfClass(feScope, fe, protoScope, resolveName(protoScope, m));
    if (s === early) return s;
    if (s === UNRESOLVED) haveUnresolved = true;
  }
  if (haveUnresolved) return UNRESOLVED;
  return early === ERROR ? OK : ERROR;
}

function covariant(feScope: PhpClass, fe: VType, protoScope: PhpClass, proto: VType): Status {
  // everything but void is a subtype of mixed
  if (isMixed(proto) && !fe.mask.has('void')) return OK;
  const protoMask = isMixed(proto) ? new Set(MIXED_MASK) : proto.mask;
  let added = [...fe.mask].filter((b) => !protoMask.has(b) && !(b === 'mixed' && isMixed(proto)));
  if (fe.mask.has('mixed')) added = MIXED_MASK.filter((b) => !protoMask.has(b));
  if (added.includes('static') && typePermitsSelf(proto, protoScope, feScope)) added = added.filter((b) => b !== 'static');
  if (added.length === 1 && added[0] === 'never') return OK;
  if (added.length) return ERROR;
  let haveUnresolved = false;
  let early: Status;
  if (fe.inter) return interSubtypeOfType(feScope, fe.classes[0] as string[], protoScope, proto);
  {
    early = ERROR;
    for (const m of fe.classes) {
      const s = typeof m !== 'string'
        ? interSubtypeOfType(feScope, m, protoScope, proto)
        : classSubtypeOfType(feScope, resolveName(feScope, m), protoScope, proto);
      if (s === early) return s;
      if (s === UNRESOLVED) haveUnresolved = true;
    }
  }
  if (haveUnresolved) return UNRESOLVED;
  return early === ERROR ? OK : ERROR;
}

// ───────────── methods (zend_do_perform_implementation_check) ─────────────

function paramAt(info: FunctionInfo, i: number): ParamInfo | null {
  if (i < info.params.length) return info.params[i];
  const last = info.params[info.params.length - 1];
  return last && last.variadic ? last : null;
}

function argTypeCheck(feScope: PhpClass, fe: ParamInfo, protoScope: PhpClass, proto: ParamInfo): Status {
  if (!fe.type || isMixed(vtype(fe.type))) return OK;
  if (!proto.type) return ERROR;
  // contravariance: the prototype's type must be a subtype of the child's
  return covariant(protoScope, vtype(proto.type), feScope, vtype(fe.type));
}

function implementationCheck(fe: PhpMethod, feScope: PhpClass, proto: PhpMethod, protoScope: PhpClass): Status {
  const c = fe.info, p = proto.info;
  if (p.required < c.required) return ERROR;
  if (p.returnsRef && !c.returnsRef) return ERROR;
  if (p.variadic && !c.variadic) return ERROR;
  const n = Math.max(p.params.length, c.params.length);
  let status: Status = OK;
  for (let i = 0; i < n; i++) {
    const pp = paramAt(p, i);
    const cp = paramAt(c, i);
    if (!pp) continue;
    if (!cp) return ERROR;
    const s = argTypeCheck(feScope, cp, protoScope, pp);
    if (s === ERROR) return ERROR;
    if (s === UNRESOLVED) status = UNRESOLVED;
    if (cp.byRef !== pp.byRef) return ERROR;
  }
  if (p.returnType) {
    if (!c.returnType) return ERROR;
    const s = covariant(feScope, vtype(c.returnType), protoScope, vtype(p.returnType));
    if (s !== OK) return s;
  }
  return status;
}

/** A default value as zend_get_function_declaration prints it. */
function defaultShown(text: string): string {
  if (text.startsWith("'")) {
    const raw = text.slice(1, -1).replace(/\\(['\\])/g, '$1');
    return "'" + (raw.length > 10 ? raw.slice(0, 10) + '...' : raw) + "'";
  }
  const lc = text.toLowerCase();
  if (lc === 'null' || lc === 'true' || lc === 'false') return lc;
  return text;
}

/** zend_get_function_declaration: self/parent in types named after the scope's classes. */
export function declarationText(m: PhpMethod, scope: PhpClass = m.cls): string {
  const info = m.info;
  const typeText = (t: TypeCheck) => t.text.replace(/\b(self|parent)\b/gi, (w) => (w.toLowerCase() === 'self' ? scope.name : scope.parent?.name ?? w));
  const params = info.params.map((p) => {
    let s = p.type ? typeText(p.type) + ' ' : '';
    if (p.byRef) s += '&';
    if (p.variadic) s += '...';
    s += '$' + p.name;
    if (p.optional && !p.variadic && p.defaultText !== undefined) s += ' = ' + defaultShown(p.defaultText);
    return s;
  });
  return `${info.returnsRef ? '& ' : ''}${m.cls.name}::${m.name}(${params.join(', ')})${info.returnType ? ': ' + typeText(info.returnType) : ''}`;
}

/** The class `self` means inside a method: the using class for methods copied from a trait. */
function methodScope(m: PhpMethod, cls: PhpClass): PhpClass {
  return m.cls.isTrait ? cls : m.cls;
}

interface Pending {
  child: PhpMethod;
  parent: PhpMethod;
}

function checkPair(cls: PhpClass, child: PhpMethod, parent: PhpMethod, pending: Pending[]): void {
  const s = implementationCheck(child, methodScope(child, cls), parent, methodScope(parent, cls));
  if (s === OK) return;
  if (s === UNRESOLVED) {
    pending.push({ child, parent });
    return;
  }
  incompatible(child, parent);
}

function incompatible(child: PhpMethod, parent: PhpMethod, cls?: PhpClass): never {
  if (child.info.line) rt.top.line = child.info.line;
  const scope = (m: PhpMethod) => (cls ? methodScope(m, cls) : m.cls);
  return rt.throwError('\0fatal', `Declaration of ${declarationText(child, scope(child))} must be compatible with ${declarationText(parent, scope(parent))}`);
}

/** The prototypes a method of cls must be compatible with: the parent's method and interface methods. */
function prototypesOf(cls: PhpClass, m: PhpMethod): PhpMethod[] {
  const out: PhpMethod[] = [];
  let pm = cls.parent?.methods.get(m.lcname);
  // a constructor answers only to an abstract (or interface) constructor further up
  if (pm && m.lcname === '__construct') pm = abstractCtor(cls.parent!) ?? undefined;
  if (pm && pm !== m && m.cls === cls) out.push(pm);
  for (const iface of cls.interfaces) {
    const im = iface.methods.get(m.lcname);
    if (im && im !== m && im !== pm && !out.includes(im)) out.push(im);
  }
  return out;
}

function abstractCtor(c: PhpClass | null): PhpMethod | null {
  for (; c; c = c.parent) {
    const m = c.methods.get('__construct');
    if (m && (m.isAbstract || m.cls.isInterface)) return m;
  }
  return null;
}

function needsCheck(m: PhpMethod, p: PhpMethod): boolean {
  if (p.info.isBuiltin || p.cls.isInternal) return false;
  if (p.vis === Vis.Private && !p.isAbstract) return false;
  // constructors are only checked against abstract or interface prototypes
  if (m.lcname === '__construct' && !p.isAbstract && !p.cls.isInterface) return false;
  return true;
}

// ───────────── properties (property_types_compatible) ─────────────

function propertyTypesCompatible(parent: PropInfo, child: PropInfo): Status {
  if (!parent.type || !child.type) return parent.type || child.type ? ERROR : OK;
  if (parent.type.text === child.type.text && !/\b(self|parent)\b/i.test(parent.type.text)) return OK;
  const a = covariant(child.cls, vtype(child.type), parent.cls, vtype(parent.type));
  const b = covariant(parent.cls, vtype(parent.type), child.cls, vtype(child.type));
  if (a === OK && b === OK) return OK;
  if (a === ERROR || b === ERROR) return ERROR;
  return UNRESOLVED;
}

/** The type as zend_type_to_string_resolved prints it: self/parent named after the classes. */
function resolvedTypeText(t: TypeCheck, scope: PhpClass): string {
  return t.text.replace(/\b(self|parent)\b/gi, (w) => (w.toLowerCase() === 'self' ? scope.name : scope.parent?.name ?? w));
}

function checkProperties(cls: PhpClass, final: boolean): boolean {
  const parent = cls.parent;
  if (!parent) return true;
  let ok = true;
  for (const child of [...cls.props.values(), ...[...cls.staticProps.values()].map((s) => s.info)]) {
    if (child.cls !== cls) continue;
    const p = child.isStatic ? parent.staticProps.get(child.name)?.info : parent.props.get(child.name);
    if (!p || p.vis === Vis.Private) continue;
    if (!p.type && child.type) {
      rt.throwError('\0fatal', `Type of ${cls.name}::$${child.name} must not be defined (as in class ${p.cls.name})`);
    }
    if (!p.type) continue;
    const s = propertyTypesCompatible(p, child);
    if (s === ERROR || (s === UNRESOLVED && final)) rt.throwError('\0fatal', `Type of ${cls.name}::$${child.name} must be ${resolvedTypeText(p.type, p.cls)} (as in class ${p.cls.name})`);
    if (s === UNRESOLVED) ok = false;
  }
  return ok;
}

// ───────────── entry ─────────────

export function checkInheritance(cls: PhpClass, final: boolean, autoload: (name: string) => void): boolean {
  // the first (non-final) pass runs for every class: internal prototypes are checked there, once
  if (!final) checkTentativeReturnTypes(cls);
  linking = cls;
  try {
    const tried = new Set<string>();
    for (;;) {
      unresolved = [];
      const pending: Pending[] = [];
      const propsOk = checkProperties(cls, false);
      for (const m of cls.methods.values()) {
        for (const p of prototypesOf(cls, m)) {
          if (needsCheck(m, p)) checkPair(cls, m, p, pending);
          else if (!final && m.cls === cls && p.cls.isInterface && p.cls.isInternal) checkInternalArity(cls, m, p);
        }
      }
      if (!pending.length && propsOk) return true;
      if (!final) return false;
      // autoload the classes the checks missed, in the order they were needed, and check again
      const missing = unresolved.filter((n) => !tried.has(n.toLowerCase()));
      if (missing.length) {
        for (const n of missing) {
          tried.add(n.toLowerCase());
          autoload(n);
        }
        continue;
      }
      checkProperties(cls, true);
      if (!pending.length) return true;
      const { child, parent } = pending[0];
      unresolved = [];
      implementationCheck(child, methodScope(child, cls), parent, methodScope(parent, cls));
      if (child.info.line) rt.top.line = child.info.line;
      return rt.throwError('\0fatal', `Could not check compatibility between ${declarationText(child)} and ${declarationText(parent)}, because class ${unresolved[0]} is not available`);
    }
  } finally {
    linking = null;
  }
}

/**
 * A method implementing a built-in interface's method: the parameters it must accept (their count,
 * by-reference passing). Types against internal prototypes are left to checkTentativeReturnTypes.
 */
function checkInternalArity(cls: PhpClass, m: PhpMethod, p: PhpMethod): void {
  const c = m.info, pi = p.info;
  let bad = pi.required < c.required || (pi.variadic && !c.variadic);
  for (let i = 0; !bad && i < pi.params.length; i++) {
    const cp = paramAt(c, i);
    bad = !cp || cp.byRef !== pi.params[i].byRef;
  }
  if (bad) incompatible(m, p, cls);
}

/** do_inheritance_check_on_method: modifiers, then the signature (an unresolved check passes here). */
function checkOnMethod(cls: PhpClass, child: PhpMethod, parent: PhpMethod, checkVisibility: boolean): void {
  if (parent.vis === Vis.Private && !parent.isAbstract && parent.lcname !== '__construct') return;
  const where = (m: PhpMethod) => m.cls.name;
  if (parent.isFinal) classFatal(child, `Cannot override final method ${where(parent)}::${child.name}()`);
  if (child.isStatic !== parent.isStatic) {
    classFatal(child, child.isStatic
      ? `Cannot make non static method ${where(parent)}::${child.name}() static in class ${where(child)}`
      : `Cannot make static method ${where(parent)}::${child.name}() non static in class ${where(child)}`);
  }
  if (child.isAbstract && !parent.isAbstract) classFatal(child, `Cannot make non abstract method ${where(parent)}::${child.name}() abstract in class ${where(child)}`);
  if (checkVisibility && child.vis > parent.vis) {
    const vis = parent.vis === Vis.Private ? 'private' : parent.vis === Vis.Protected ? 'protected' : 'public';
    classFatal(child, `Access level to ${where(child)}::${child.name}() must be ${vis} (as in class ${where(parent)})${parent.vis === Vis.Public ? '' : ' or weaker'}`);
  }
  linking = cls;
  try {
    const s = implementationCheck(child, methodScope(child, cls), parent, methodScope(parent, cls));
    if (s === ERROR) incompatible(child, parent, cls);
  } finally {
    linking = null;
  }
}

function classFatal(at: PhpMethod, message: string): never {
  if (at.info.line) rt.top.line = at.info.line;
  return rt.throwError('\0fatal', message);
}

/** An abstract method of a trait, satisfied by a method the class already has: their signatures must agree. */
export function checkTraitAbstract(cls: PhpClass, existing: PhpMethod, abstract: PhpMethod): void {
  checkOnMethod(cls, existing, abstract, false);
}

/** A trait method replacing an inherited (or abstract trait) method must be compatible with it. */
export function checkTraitOverride(cls: PhpClass, traitMethod: PhpMethod, existing: PhpMethod): void {
  checkOnMethod(cls, traitMethod, existing, true);
}

/** Do a trait's property and the class's property of the same name have the same type? */
export function propertyTypesAgree(a: PropInfo, b: PropInfo): boolean {
  return propertyTypesCompatible(a, b) === OK;
}

// ───────────── tentative return types of internal methods ─────────────

/**
 * Internal methods' return types are tentative (PHP 8.1): a user method overriding one without a
 * compatible return type is deprecated, unless it carries #[\ReturnTypeWillChange].
 */
function checkTentativeReturnTypes(cls: PhpClass): void {
  // php-src walks the parent's method table, then each interface's, so notices come in the prototypes' order
  const done = new Set<PhpMethod>();
  for (const source of cls.parent ? [cls.parent, ...cls.interfaces] : cls.interfaces) {
    for (const p of source.methods.values()) {
      if (!(p.info.isBuiltin || p.cls.isInternal)) continue;
      const m = cls.methods.get(p.lcname);
      if (!m || m.cls !== cls || done.has(p) || !prototypesOf(cls, m).includes(p)) continue;
      done.add(p);
      checkTentativeReturnType(cls, m, p);
    }
  }
}

function checkTentativeReturnType(cls: PhpClass, m: PhpMethod, p: PhpMethod): void {
  const pt = p.info.returnType;
  // __toString's string type is real (and implied on user methods); constructors have none
  if (!pt || m.info.isBuiltin || m.lcname === '__construct' || m.lcname === '__tostring') return;
  const ct = m.info.returnType;
  if (ct && covariant(methodScope(m, cls), vtype(ct), methodScope(p, cls), vtype(pt)) !== ERROR) return;
  if (hasAttribute(m.info.attrs, 'returntypewillchange')) return;
  const prev = rt.top.line;
  rt.top.line = m.info.line ?? prev;
  rt.deprecated(`Return type of ${declarationText(m)} should either be compatible with ${declarationText(p)}, or the #[\\ReturnTypeWillChange] attribute should be used to temporarily suppress the notice`);
  rt.top.line = prev;
}

function hasAttribute(attrs: any, lcname: string): boolean {
  if (!attrs) return false;
  const groups = typeof attrs === 'string' ? JSON.parse(attrs) : attrs;
  if (!Array.isArray(groups)) return false;
  return groups.some((g: any) => (g.attrs ?? []).some((a: any) => String(a.resolved ?? a.name?.name ?? a.name ?? '').replace(/^\\/, '').toLowerCase() === lcname));
}
