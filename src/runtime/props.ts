// Property access (zend_std_read_property & co.): visibility, __get/__set/__isset/__unset with their
// recursion guards, typed properties (coercion, uninitialized state), readonly, dynamic properties.

import { PhpObject, PhpClass, PropInfo, Vis, NO_MATCH } from './object.js';
import { Ref, UNINIT } from './values.js';
import { PhpArray, share } from './array.js';
import { rt } from './request.js';
import { visible, visName } from './calls.js';
import { typeName, toStr } from './convert.js';
import { givenType, typeTextIn } from './types.js';
import { prepareDefaults } from './classdecl.js';
import { inc as incOp, dec as decOp } from './operators.js';
import { PhpFloat } from './values.js';
import { assignDim, assignStringOffset } from './dims.js';
import { addTypeSource, delTypeSource, hasTypeSources, typeSources, verifyPropAssignableByRef } from './typedref.js';

/**
 * The declared property `name` as seen from `scope`, or undefined for a dynamic one. `silent`: a static
 * property of that name is not reported (zend_get_property_offset is silent where the magic method
 * for the access exists).
 */
export function findProp(cls: PhpClass, name: string, scope: PhpClass | null, silent = false): PropInfo | undefined {
  if (scope !== null && scope !== cls) {
    const own = scope.props.get(name);
    if (own && own.vis === Vis.Private && own.cls === scope && cls.isSubclassOf(scope)) return own;
  }
  const info = cls.props.get(name);
  if (info === undefined && !silent && (cls.staticProps.size !== 0 || (scope !== null && scope.staticProps.size !== 0))) staticAsInstance(cls, name, scope);
  return info;
}

/** `$obj->x` naming a static property: an error when it isn't visible, else a notice (then it's dynamic). */
function staticAsInstance(cls: PhpClass, name: string, scope: PhpClass | null): void {
  // zend_get_property_offset: the scope's own private static of that name is the one meant (it is
  // inherited, invisibly); another class's private is no property at all; else visibility decides
  const own = scope !== null ? scope.staticProps.get(name)?.info : undefined;
  if (!(own && own.vis === Vis.Private && own.cls === scope && cls.isSubclassOf(scope!))) {
    const sp = cls.staticProps.get(name)?.info;
    if (sp === undefined) return;
    if (sp.vis !== Vis.Public && sp.cls !== scope) {
      if (sp.vis === Vis.Private && sp.cls !== cls) return;
      if (!accessible(sp, scope)) cannotAccess(sp);
    }
  }
  rt.notice(`Accessing static property ${cls.name}::$${name} as non static`);
}

function accessible(info: PropInfo, scope: PhpClass | null): boolean {
  return info.vis === Vis.Public || visible(info.vis, info.cls, scope);
}

function cannotAccess(info: PropInfo): never {
  return rt.throwError('Error', `Cannot access ${visName(info.vis)} property ${info.cls.name}::$${info.name}`);
}

/** Runs a magic accessor unless already inside one for this name (then falls back to the plain access). */
function guarded<T>(o: PhpObject, name: string, kind: number, fn: () => T): T | typeof NO_MATCH {
  const g = (o.guards ??= new Map());
  const key = name;
  const cur = g.get(key) ?? 0;
  if (cur & kind) return NO_MATCH;
  g.set(key, cur | kind);
  try {
    return fn();
  } finally {
    g.set(key, g.get(key)! & ~kind);
  }
}
const G_GET = 1, G_SET = 2, G_ISSET = 4, G_UNSET = 8;

/** May __get/__set/__isset/__unset handle an uninitialized declared property? Only once it was unset(). */
function magicOk(o: PhpObject, info: PropInfo): boolean {
  return !info.type || (o.unsetKeys !== null && o.unsetKeys.has(info.key));
}

/**
 * verify_readonly_initialization_access: a readonly property is initialized (or unset) from its
 * declaring class, or from a parent class that declared it first.
 */
function readonlyInitAllowed(info: PropInfo, o: PhpObject, scope: PhpClass | null): boolean {
  if (info.cls === scope) return true;
  if (scope && o.cls !== scope && o.cls.isSubclassOf(scope)) {
    const p = scope.props.get(info.name);
    if (p && p.cls === scope) return true;
  }
  return false;
}

function readonlyScopeError(info: PropInfo, scope: PhpClass | null, operation: string): never {
  return rt.throwError('Error', `Cannot ${operation} readonly property ${info.cls.name}::$${info.name} from ${scope ? 'scope ' + scope.name : 'global scope'}`);
}

// ───────────── read ─────────────

/** `$o->name` in a constant expression: of objects, only enums (name, value) can be read there. */
export function constExprPropGet(o: any, name: string, scope: PhpClass | null): any {
  if (o instanceof PhpObject && !o.cls.isEnum) rt.throwError('Error', 'Fetching properties on non-enums in constant expressions is not allowed');
  return propGet(o, name, scope);
}

export function propGet(o: any, name: string, scope: PhpClass | null): any {
  if (!(o instanceof PhpObject)) return propOfNonObject(o, name);
  const h = o.cls.handlers;
  if (h !== null && h.readProp !== undefined) return h.readProp(o, name, scope, false);
  const info = findProp(o.cls, name, scope, o.cls.getter !== null);
  let v: any;
  if (info !== undefined) {
    if (!accessible(info, scope)) {
      if (o.cls.getter) {
        const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
        if (r !== NO_MATCH) return r;
      }
      cannotAccess(info);
    }
    v = o.p[info.key];
    if (v === UNINIT) {
      if (o.cls.getter && magicOk(o, info)) {
        const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
        if (r !== NO_MATCH) return info.type ? typedMagicGet(o, info, r) : r;
      }
      if (info.type) rt.throwError('Error', `Typed property ${info.cls.name}::$${name} must not be accessed before initialization`);
      rt.warn(`Undefined property: ${o.cls.name}::$${name}`);
      return null;
    }
  } else {
    v = o.p[name];
    if (v === undefined) {
      if (o.cls.getter) {
        const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
        if (r !== NO_MATCH) return r;
      }
      rt.warn(`Undefined property: ${o.cls.name}::$${name}`);
      return null;
    }
  }
  return v instanceof Ref ? v.v : v;
}

/** What __get gave for an unset typed property must fit its type (a reference it returned is coerced). */
function typedMagicGet(o: PhpObject, info: PropInfo, r: any): any {
  const ref = getterRef(o, r) ?? new Ref(r);
  verifyPropAssignableByRef(info, ref, !!o.cls.getter!.info.strictTypes);
  return ref.v;
}

/** The current value of $o->p for a compound assignment or ++/-- (the write follows with propSet). */
export function propOpGet(o: any, name: string, scope: PhpClass | null): any {
  if (!(o instanceof PhpObject)) return rt.throwError('Error', `Attempt to assign property "${name}" on ${typeName(o)}`);
  return propGet(o, name, scope);
}

function propOfNonObject(o: any, name: string): any {
  rt.warn(`Attempt to read property "${name}" on ${typeName(o)}`);
  return null;
}

// ───────────── write ─────────────

/** Checks a value against a typed property and coerces it (TypeError when it does not fit). */
export function checkPropType(info: PropInfo, v: any, strict = false): any {
  if (!info.type) return v;
  const r = info.type.check(v, strict, null, info.cls);
  if (r === NO_MATCH) {
    rt.throwError('TypeError', `Cannot assign ${givenType(v)} to property ${info.cls.name}::$${info.name} of type ${typeTextIn(info.type, info.cls)}`);
  }
  return r;
}

function readonlyError(info: PropInfo, scope: PhpClass | null, initialized: boolean): never {
  if (initialized) rt.throwError('Error', `Cannot modify readonly property ${info.cls.name}::$${info.name}`);
  return readonlyScopeError(info, scope, 'initialize');
}

/** `$o->name = v`; `strict`: the assigning code declared strict_types=1. */
export function propSet(o: any, name: string, v: any, scope: PhpClass | null, strict = false): any {
  if (!(o instanceof PhpObject)) {
    return rt.throwError('Error', `Attempt to assign property "${name}" on ${typeName(o)}`);
  }
  const h = o.cls.handlers;
  if (h !== null && h.writeProp !== undefined) {
    h.writeProp(o, name, v, scope);
    return v;
  }
  const info = findProp(o.cls, name, scope, o.cls.setter !== null);
  if (info !== undefined) {
    const cur = o.p[info.key];
    if (!accessible(info, scope)) {
      if (o.cls.setter) {
        const r = guarded(o, name, G_SET, () => o.cls.setter!.fn.call(o, name, share(v)));
        if (r !== NO_MATCH) return v;
      }
      if (info.readonly && info.vis !== Vis.Private && cur === UNINIT) readonlyError(info, scope, false);
      if (info.readonly && cur !== UNINIT) readonlyError(info, scope, true);
      cannotAccess(info);
    }
    if (cur === UNINIT && o.cls.setter && magicOk(o, info)) {
      const r = guarded(o, name, G_SET, () => o.cls.setter!.fn.call(o, name, share(v)));
      if (r !== NO_MATCH) return v;
    }
    if (info.readonly) {
      if (cur !== UNINIT) readonlyError(info, scope, true);
      if (!readonlyInitAllowed(info, o, scope)) readonlyError(info, scope, false);
    }
    if (info.type) v = checkPropType(info, v, strict);
    if (cur instanceof Ref) cur.v = share(v);
    else o.p[info.key] = share(v);
    return v;
  }
  const cur = o.p[name];
  if (cur === undefined) {
    if (o.cls.setter) {
      const r = guarded(o, name, G_SET, () => o.cls.setter!.fn.call(o, name, share(v)));
      if (r !== NO_MATCH) return v;
    }
    dynamicPropCheck(o, name);
    o.p[name] = share(v);
  } else if (cur instanceof Ref) cur.v = share(v);
  else o.p[name] = share(v);
  return v;
}

/**
 * $o->p = (array) $v. An object keeping its properties elsewhere learns that the value was cast:
 * pthreads keeps such an array as an array where it would otherwise make it a Volatile object.
 */
export function propSetCastArray(o: any, name: string, v: any, scope: PhpClass | null): any {
  if (o instanceof PhpObject) {
    const h = o.cls.handlers;
    if (h !== null && h.writeProp !== undefined) {
      h.writeProp(o, name, v, scope, true);
      return v;
    }
  }
  return propSet(o, name, v, scope);
}

/** Internal classes declared @strict-properties (ZEND_ACC_NO_DYNAMIC_PROPERTIES), and their subclasses. */
const STRICT_PROPERTIES = new Set([
  'closure', 'generator', 'weakreference', 'weakmap', 'fiber', 'sensitiveparametervalue', 'internaliterator', 'reflectionreference',
  'curlhandle', 'curlmultihandle', 'curlsharehandle', 'gdimage', 'gdfont', 'socket', 'addressinfo', 'xmlparser', 'shmop',
  'opensslcertificate', 'opensslcertificatesigningrequest', 'opensslasymmetrickey', 'deflatecontext', 'inflatecontext',
  'sysvmessagequeue', 'sysvsemaphore', 'sysvsharedmemory',
]);

function refusesDynamic(cls: PhpClass): boolean {
  for (let k: PhpClass | null = cls; k; k = k.parent) if (k.isInternal && STRICT_PROPERTIES.has(k.lcname)) return true;
  return false;
}

/** PHP 8.2: creating a dynamic property is deprecated unless the class allows it. */
function dynamicPropCheck(o: PhpObject, name: string): void {
  const cls = o.cls;
  if (cls.isEnum) rt.throwError('Error', `Cannot create dynamic property ${cls.name}::$${name}`);
  if (cls.flags & 64 /* readonly class */) rt.throwError('Error', `Cannot create dynamic property ${cls.name}::$${name}`);
  if (refusesDynamic(cls)) rt.throwError('Error', `Cannot create dynamic property ${cls.name}::$${name}`);
  if (allowsDynamic(cls)) return;
  rt.deprecated(`Creation of dynamic property ${cls.isAnonymous ? cls.anonymousDebugName() : cls.name}::$${name} is deprecated`);
}

function allowsDynamic(cls: PhpClass): boolean {
  for (let c: PhpClass | null = cls; c; c = c.parent) {
    if (c.lcname === 'stdclass') return true;
    if (c.ext.allowDynamic) return true;
  }
  return false;
}

/** The reference a `function &__get()` returned with value r, or null (a value, or __get not by reference). */
function getterRef(o: PhpObject, r: any): Ref | null {
  if (!o.cls.getter!.info.returnsRef) return null;
  const rr = rt.retRef;
  rt.retRef = null;
  return rr && rr.v === r ? rr : null;
}

/** The Ref of a property (for `&$o->p`, foreach by reference, by-ref arguments); turns the slot into a Ref. */
export function propRef(o: any, name: string, scope: PhpClass | null): Ref {
  if (!(o instanceof PhpObject)) return rt.throwError('Error', `Attempt to modify property "${name}" on ${typeName(o)}`);
  const h = o.cls.handlers;
  // a property kept outside the object cannot be referenced: the reference holds a copy
  if (h !== null && h.readProp !== undefined) return new Ref(h.readProp(o, name, scope, true) ?? null);
  const info = findProp(o.cls, name, scope, o.cls.getter !== null);
  const key = info ? info.key : name;
  if (info && !accessible(info, scope)) cannotAccess(info);
  let cur = o.p[key];
  if (cur instanceof Ref) return cur;
  if (cur === undefined || cur === UNINIT) {
    if (o.cls.getter && !(info && cur === UNINIT && !magicOk(o, info))) {
      const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
      if (r !== NO_MATCH) {
        const rr = getterRef(o, r);
        if (rr !== null && info && info.type) verifyPropAssignableByRef(info, rr, !!o.cls.getter.info.strictTypes);
        if (rr !== null) return rr;
        rt.notice(`Indirect modification of overloaded property ${o.cls.name}::$${name} has no effect`);
        return new Ref(r);
      }
    }
    if (info && info.readonly) rt.throwError('Error', `Cannot modify readonly property ${info.cls.name}::$${name}`);
    if (!info) dynamicPropCheck(o, name);
    cur = info && info.type ? UNINIT : null;
  } else if (info && info.readonly) {
    // an object may be changed through the reference, but the property keeps pointing at it
    if (cur instanceof PhpObject) return new Ref(cur);
    rt.throwError('Error', `Cannot modify readonly property ${info.cls.name}::$${name}`);
  }
  if (cur === UNINIT && info && info.type && info.type.check(null, true) === NO_MATCH) uninitByRef(info);
  const r = new Ref(cur === UNINIT ? null : cur);
  o.p[key] = r;
  if (info && info.type) addTypeSource(r, info);
  return r;
}

/**
 * The property's value as the object of a nested property write ($o->p->q = 1, $o->p->q++: FETCH_OBJ_W):
 * the container must be an object, a missing property is created as null, and a __get result that
 * is not an object can't be written through.
 */
export function propFetchW(o: any, name: string, scope: PhpClass | null): any {
  if (!(o instanceof PhpObject)) return rt.throwError('Error', `Attempt to modify property "${name}" on ${typeName(o)}`);
  if (o.cls.handlers !== null && o.cls.handlers.readProp !== undefined) return propGet(o, name, scope);
  const info = findProp(o.cls, name, scope, o.cls.getter !== null);
  const cur = info && !accessible(info, scope) ? undefined : o.p[info ? info.key : name];
  if (cur instanceof Ref) return cur.v;
  if (cur !== undefined && cur !== UNINIT) return cur;
  if (o.cls.getter) {
    const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
    if (r !== NO_MATCH) {
      const rr = getterRef(o, r);
      if (rr !== null) return rr.v;
      if (!(r instanceof PhpObject)) rt.notice(`Indirect modification of overloaded property ${o.cls.name}::$${name} has no effect`);
      return r;
    }
  }
  if (info && !accessible(info, scope)) cannotAccess(info);
  if (info && info.type) return propGet(o, name, scope);
  if (!info) dynamicPropCheck(o, name);
  o.p[info ? info.key : name] = null;
  return null;
}

/**
 * $o->p =& ...: a property only __get can answer (inaccessible or missing) can't be bound
 * (zend_fetch_property_address gets a value from read_property, not a slot).
 */
export function refToOverloaded(o: any, name: string, scope: PhpClass | null): void {
  if (!(o instanceof PhpObject) || o.cls.getter === null || o.cls.handlers !== null) return;
  const info = findProp(o.cls, name, scope, true);
  const cur = info && !accessible(info, scope) ? undefined : o.p[info ? info.key : name];
  if (cur !== undefined && !(cur === UNINIT && !(info && info.type))) return;
  const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
  if (r === NO_MATCH) return;
  if (getterRef(o, r) === null && !(r instanceof PhpObject)) rt.notice(`Indirect modification of overloaded property ${o.cls.name}::$${name} has no effect`);
  rt.throwError('Error', 'Cannot assign by reference to overloaded object');
}

/** propFetchW for unset($o->p->q): a non-object container is quietly nothing. */
export function propFetchUnset(o: any, name: string, scope: PhpClass | null): any {
  return o instanceof PhpObject ? propFetchW(o, name, scope) : null;
}

/** $o->p[$k] = v: a property holding a string gets the string with the offset replaced (strings are values). */
export function assignDimInProp(o: any, name: string, scope: PhpClass | null, k: any, v: any, strict = false): any {
  if (o instanceof PhpObject && o.cls.handlers === null) {
    const info = findProp(o.cls, name, scope, true);
    let cur = info === undefined ? o.p[name] : accessible(info, scope) ? o.p[info.key] : undefined;
    if (cur instanceof Ref) cur = cur.v;
    if (typeof cur === 'string') {
      propSet(o, name, assignStringOffset(cur, k, v), scope, strict);
      return v;
    }
  }
  return assignDim(propW(o, name, scope), k, v);
}

/** zend_throw_access_uninit_prop_by_ref_error */
export function uninitByRef(info: PropInfo): never {
  return rt.throwError('Error', `Cannot access uninitialized non-nullable property ${info.cls.name}::$${info.name} by reference`);
}

/** The property's value prepared for a nested write ($o->p[] = 1, $o->p->q = 1): arrays separated and stored back. */
export function propW(o: any, name: string, scope: PhpClass | null): any {
  if (!(o instanceof PhpObject)) {
    return rt.throwError('Error', `Attempt to modify property "${name}" on ${typeName(o)}`);
  }
  const h = o.cls.handlers;
  if (h !== null && h.propForWrite !== undefined) return h.propForWrite(o, name, scope);
  const info = findProp(o.cls, name, scope, o.cls.getter !== null);
  const key = info ? info.key : name;
  let cur = info && !accessible(info, scope) ? undefined : o.p[key];
  if (cur instanceof Ref) {
    const v = cur.v;
    if (v instanceof PhpArray) return (cur.v = v.sep());
    if (v === null || v === undefined) return (cur.v = new PhpArray());
    return v;
  }
  if (cur instanceof PhpArray) {
    if (info && info.readonly) rt.throwError('Error', `Cannot modify readonly property ${info.cls.name}::$${name}`);
    return cur.rc === 0 ? cur : (o.p[key] = cur.sep());
  }
  if (cur instanceof PhpObject) return cur;
  if (cur === undefined || cur === UNINIT) {
    if (info && !accessible(info, scope) && !o.cls.getter) cannotAccess(info);
    if (o.cls.getter) {
      const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
      if (r !== NO_MATCH) {
        // a __get returning by reference gives the location itself
        const rr = getterRef(o, r);
        if (rr !== null) return rr.v instanceof PhpArray ? (rr.v = rr.v.sep()) : rr.v == null ? (rr.v = new PhpArray()) : rr.v;
        if (r instanceof PhpArray) rt.notice(`Indirect modification of overloaded property ${o.cls.name}::$${name} has no effect`);
        return r instanceof PhpArray ? r.clone() : r;
      }
    }
    if (info && info.readonly && cur === UNINIT) rt.throwError('Error', `Cannot indirectly modify readonly property ${info.cls.name}::$${name}`);
    if (info && info.type && !info.type.check(new PhpArray(), false)) {
      rt.throwError('TypeError', `Cannot auto-initialize an array inside property ${info.cls.name}::$${name} of type ${typeTextIn(info.type, info.cls)}`);
    }
    if (!info) dynamicPropCheck(o, name);
    return (o.p[key] = new PhpArray());
  }
  if (cur === null) {
    if (info && info.readonly) rt.throwError('Error', `Cannot modify readonly property ${info.cls.name}::$${name}`);
    return (o.p[key] = new PhpArray());
  }
  if (info && info.readonly) rt.throwError('Error', `Cannot modify readonly property ${info.cls.name}::$${name}`);
  return cur;
}

/**
 * `$o->p++` / `--$o->p`: a readonly property can't change, and an int property that would overflow to
 * float (which its type doesn't take) is an error rather than a conversion.
 */
export function propIncDec(o: any, name: string, scope: PhpClass | null, inc: boolean, post: boolean, strict = false): any {
  if (!(o instanceof PhpObject)) return rt.throwError('Error', `Attempt to increment/decrement property "${name}" on ${typeName(o)}`);
  const info = findProp(o.cls, name, scope, o.cls.getter !== null);
  if (info && info.readonly && accessible(info, scope) && o.p[info.key] !== UNINIT) readonlyError(info, scope, true);
  const slot = info && accessible(info, scope) ? o.p[info.key] : undefined;
  if (slot instanceof Ref && hasTypeSources(slot)) {
    // a typed reference checks the result against all its holders' types (zend_incdec_typed_ref)
    const old = slot.v;
    const nv = inc ? incOp(old) : decOp(old);
    slot.v = nv;
    return post ? old : nv;
  }
  const old = propGet(o, name, scope);
  const nv = inc ? incOp(old) : decOp(old);
  if (info && info.type && (typeof old === 'number' || typeof old === 'bigint') && nv instanceof PhpFloat && info.type.check(nv, true) === NO_MATCH) {
    rt.throwError('TypeError', `Cannot ${inc ? 'increment' : 'decrement'} property ${info.cls.name}::$${name} of type ${typeTextIn(info.type, info.cls)} past its ${inc ? 'maximal' : 'minimal'} value`);
  }
  propSet(o, name, nv, scope, strict);
  return post ? old : nv;
}

// ───────────── isset / unset ─────────────

/** isset($o->{expr}): the name is converted only for an object (ZEND_ISSET_ISEMPTY_PROP_OBJ). */
export function propIssetDyn(o: any, name: any, scope: PhpClass | null): boolean {
  return o instanceof PhpObject && propIsset(o, toStr(name), scope);
}

export function propIsset(o: any, name: string, scope: PhpClass | null): boolean {
  if (!(o instanceof PhpObject)) return false;
  const h = o.cls.handlers;
  if (h !== null && h.hasProp !== undefined) return h.hasProp(o, name, scope);
  const info = findProp(o.cls, name, scope, true);
  let v: any;
  if (info !== undefined && accessible(info, scope)) v = o.p[info.key];
  else if (info === undefined) v = o.p[name];
  if (v !== undefined && v !== UNINIT) {
    if (v instanceof Ref) v = v.v;
    return v !== null;
  }
  if (v === UNINIT && !magicOk(o, info!)) return false;
  if (o.cls.issetter) {
    const r = guarded(o, name, G_ISSET, () => o.cls.issetter!.fn.call(o, name));
    if (r !== NO_MATCH) return !!r && r !== '' && r !== 0 && r !== '0';
  }
  return false;
}

/** Reads a property for isset($o->p[...]) / empty(): no warnings, __isset then __get. */
export function propGetQuiet(o: any, name: string, scope: PhpClass | null): any {
  if (!(o instanceof PhpObject)) return undefined;
  const h = o.cls.handlers;
  if (h !== null && h.readProp !== undefined) return h.readProp(o, name, scope, true);
  const info = findProp(o.cls, name, scope, true);
  let v: any;
  if (info !== undefined && accessible(info, scope)) v = o.p[info.key];
  else if (info === undefined) v = o.p[name];
  if (v !== undefined && v !== UNINIT) return v instanceof Ref ? v.v : v;
  if (o.cls.issetter && o.cls.getter) {
    const has = guarded(o, name, G_ISSET, () => o.cls.issetter!.fn.call(o, name));
    if (has === NO_MATCH || !has) return undefined;
    const r = guarded(o, name, G_GET, () => o.cls.getter!.fn.call(o, name));
    return r === NO_MATCH ? undefined : r;
  }
  return undefined;
}

export function propUnset(o: any, name: string, scope: PhpClass | null): void {
  if (!(o instanceof PhpObject)) return;
  const h = o.cls.handlers;
  if (h !== null && h.unsetProp !== undefined) return h.unsetProp(o, name, scope);
  const info = findProp(o.cls, name, scope, o.cls.unsetter !== null);
  if (info !== undefined) {
    if (!accessible(info, scope)) {
      if (o.cls.unsetter) {
        const r = guarded(o, name, G_UNSET, () => o.cls.unsetter!.fn.call(o, name));
        if (r !== NO_MATCH) return;
      }
      cannotAccess(info);
    }
    const cur = o.p[info.key];
    if (cur !== UNINIT) {
      if (info.readonly) rt.throwError('Error', `Cannot unset readonly property ${info.cls.name}::$${name}`);
    } else if (!magicOk(o, info)) {
      // never initialized: no __unset, but from now on the magic methods apply
      if (info.readonly && !readonlyInitAllowed(info, o, scope)) readonlyScopeError(info, scope, 'unset');
      (o.unsetKeys ??= new Set()).add(info.key);
      return;
    } else if (o.cls.unsetter) {
      const r = guarded(o, name, G_UNSET, () => o.cls.unsetter!.fn.call(o, name));
      if (r !== NO_MATCH) return;
    }
    if (cur instanceof Ref && info.type) delTypeSource(cur, info);
    o.p[info.key] = UNINIT;
    if (info.type) (o.unsetKeys ??= new Set()).add(info.key);
    return;
  }
  if (o.p[name] === undefined) {
    if (o.cls.unsetter) guarded(o, name, G_UNSET, () => o.cls.unsetter!.fn.call(o, name));
    return;
  }
  delete o.p[name];
}

// ───────────── static properties ─────────────

export function staticPropRef(cls: PhpClass, name: string, scope: PhpClass | null): Ref {
  if (!cls.defaultsReady) prepareDefaultsChain(cls);
  const sp = cls.staticProps.get(name) ?? (scope && cls.isSubclassOf(scope) ? scope.staticProps.get(name) : undefined);
  if (!sp) {
    // an ancestor's private static is inherited, invisibly
    for (let p = cls.parent; p; p = p.parent) {
      const hidden = p.staticProps.get(name);
      if (hidden && hidden.info.vis === Vis.Private && hidden.info.cls === p) rt.throwError('Error', `Cannot access private property ${cls.name}::$${name}`);
    }
    return rt.throwError('Error', `Access to undeclared static property ${cls.name}::$${name}`);
  }
  if (!(sp.info.vis === Vis.Public || visible(sp.info.vis, sp.info.cls, scope))) {
    rt.throwError('Error', `Cannot access ${visName(sp.info.vis)} property ${cls.name}::$${name}`);
  }
  if (cls.isTrait) rt.deprecated(`Accessing static trait property ${cls.name}::$${name} is deprecated, it should only be accessed on a class using the trait`);
  if (sp.ref.v === UNINIT) {
    // read before initialization of a typed static property
    (sp.ref as any).uninitInfo = sp.info;
  }
  return sp.ref;
}

/** `&A::$p`: a typed static property's slot becomes a typed reference once it is handed out. */
export function staticPropRefW(cls: PhpClass, name: string, scope: PhpClass | null): Ref {
  const r = staticPropRef(cls, name, scope);
  const sp = cls.staticProps.get(name) ?? scope?.staticProps.get(name);
  if (sp && sp.info.type && !typeSources(r).includes(sp.info)) {
    if (r.v === UNINIT) {
      if (sp.info.type.check(null, true) === NO_MATCH) uninitByRef(sp.info);
      r.v = null;
    }
    addTypeSource(r, sp.info);
  }
  return r;
}

export function prepareDefaultsChain(cls: PhpClass): void {
  if (cls.parent && !cls.parent.defaultsReady) prepareDefaultsChain(cls.parent);
  prepareDefaults(cls);
}

export function staticPropGet(cls: PhpClass, name: string, scope: PhpClass | null): any {
  const r = staticPropRef(cls, name, scope);
  if (r.v === UNINIT) {
    const sp = cls.staticProps.get(name)!;
    rt.throwError('Error', `Typed static property ${sp.info.cls.name}::$${name} must not be accessed before initialization`);
  }
  return r.v;
}

export function staticPropSet(cls: PhpClass, name: string, v: any, scope: PhpClass | null, strict = false): any {
  const r = staticPropRef(cls, name, scope);
  const sp = cls.staticProps.get(name) ?? scope?.staticProps.get(name);
  if (sp && sp.info.type) v = checkPropType(sp.info, v, strict);
  r.v = share(v);
  return v;
}

// ───────────── instance properties: access sites ─────────────

/**
 * The cache of one `$o->name` site (literal name) in compiled code: for the receiver class and scope it
 * was resolved for, the key of the property in the bag and whether plain reads/writes may skip the
 * checks (accessible, no magic needed while the value is set; writes also: not readonly, untyped).
 * A declared property's key and visibility depend only on the class and the scope.
 */
export interface PropSite {
  cls: PhpClass | null;
  scope: PhpClass | null;
  key: string;
  /** plain writes allowed on a hit (the slot holds a value that is not a Ref) */
  writable: boolean;
}

export function newPropSite(): PropSite {
  return { cls: null, scope: null, key: '', writable: false };
}

function fillPropSite(site: PropSite, o: PhpObject, name: string, scope: PhpClass | null): void {
  const info = findProp(o.cls, name, scope, true);
  if (info !== undefined && !accessible(info, scope)) {
    site.cls = null;
    return;
  }
  site.cls = o.cls;
  site.scope = scope;
  site.key = info !== undefined ? info.key : name;
  site.writable = info === undefined || (!info.readonly && info.type === null);
}

/** $o->name read through a site. */
export function pget(site: PropSite, o: any, name: string, scope: PhpClass | null): any {
  if (o instanceof PhpObject && o.cls === site.cls && scope === site.scope) {
    const v = o.p[site.key];
    if (v !== undefined && v !== UNINIT) return v instanceof Ref ? v.v : v;
  }
  const v = propGet(o, name, scope);
  if (o instanceof PhpObject) fillPropSite(site, o, name, scope);
  return v;
}

/** $o->name = v through a site; yields v (as coerced by a typed property). */
export function pset(site: PropSite, o: any, name: string, v: any, scope: PhpClass | null, strict = false): any {
  if (o instanceof PhpObject && o.cls === site.cls && scope === site.scope && site.writable) {
    const cur = o.p[site.key];
    if (cur !== undefined && cur !== UNINIT && !(cur instanceof Ref)) {
      o.p[site.key] = share(v);
      return v;
    }
  }
  const r = propSet(o, name, v, scope, strict);
  if (o instanceof PhpObject) fillPropSite(site, o, name, scope);
  return r;
}

/** ++/-- on $o->name through a site: the runtime's propIncDec, then the site learns the property. */
export function pIncDec(site: PropSite, o: any, name: string, scope: PhpClass | null, inc: boolean, post: boolean, strict = false): any {
  const r = propIncDec(o, name, scope, inc, post, strict);
  if (o instanceof PhpObject) fillPropSite(site, o, name, scope);
  return r;
}

/** $o->name's value for a compound assignment or ++/-- through a site (the write follows with pset). */
export function pgetOp(site: PropSite, o: any, name: string, scope: PhpClass | null): any {
  if (o instanceof PhpObject && o.cls === site.cls && scope === site.scope) {
    const v = o.p[site.key];
    if (v !== undefined && v !== UNINIT) return v instanceof Ref ? v.v : v;
  }
  return propOpGet(o, name, scope);
}

/** isset($o->name) through a site. */
export function pisset(site: PropSite, o: any, name: string, scope: PhpClass | null): boolean {
  if (o instanceof PhpObject && o.cls === site.cls && scope === site.scope) {
    const v = o.p[site.key];
    if (v !== undefined && v !== UNINIT) return (v instanceof Ref ? v.v : v) !== null;
  }
  const r = propIsset(o, name, scope);
  if (o instanceof PhpObject) fillPropSite(site, o, name, scope);
  return r;
}

/** $o->name for empty() and ?? through a site: undefined when absent. */
export function pquiet(site: PropSite, o: any, name: string, scope: PhpClass | null): any {
  if (o instanceof PhpObject && o.cls === site.cls && scope === site.scope) {
    const v = o.p[site.key];
    if (v !== undefined && v !== UNINIT) return v instanceof Ref ? v.v : v;
  }
  const r = propGetQuiet(o, name, scope);
  if (o instanceof PhpObject) fillPropSite(site, o, name, scope);
  return r;
}

// ───────────── static properties: access sites ─────────────

/**
 * The cache of one `A::$p` access site in compiled code: the class and scope it was last resolved for,
 * and the property's slot. Visibility depends only on the class and the scope, and a class's slots are
 * fixed once it is declared (rebinding with =& replaces the slot's Ref, not the slot), so a hit skips
 * the lookup and the checks.
 */
export interface StaticPropSite {
  cls: PhpClass | null;
  scope: PhpClass | null;
  sp: { info: PropInfo; ref: Ref } | null;
}

export function newStaticPropSite(): StaticPropSite {
  return { cls: null, scope: null, sp: null };
}

function resolveStaticPropSite(site: StaticPropSite, cls: PhpClass, name: string, scope: PhpClass | null): void {
  staticPropRef(cls, name, scope);
  const sp = cls.staticProps.get(name) ?? (scope && cls.isSubclassOf(scope) ? scope.staticProps.get(name) : undefined);
  if (!sp) return;
  site.cls = cls;
  site.scope = scope;
  site.sp = sp;
}

export function spGet(site: StaticPropSite, cls: PhpClass, name: string, scope: PhpClass | null): any {
  if (site.cls === cls && site.scope === scope) {
    const v = site.sp!.ref.v;
    if (v !== UNINIT) return v;
  }
  const v = staticPropGet(cls, name, scope);
  resolveStaticPropSite(site, cls, name, scope);
  return v;
}

export function spSet(site: StaticPropSite, cls: PhpClass, name: string, v: any, scope: PhpClass | null, strict = false): any {
  if (site.cls === cls && site.scope === scope && site.sp!.info.type === null) {
    site.sp!.ref.v = share(v);
    return v;
  }
  const r = staticPropSet(cls, name, v, scope, strict);
  resolveStaticPropSite(site, cls, name, scope);
  return r;
}

export function spQuiet(site: StaticPropSite, cls: PhpClass, name: string, scope: PhpClass | null): any {
  if (site.cls === cls && site.scope === scope) {
    const v = site.sp!.ref.v;
    return v === UNINIT ? undefined : v;
  }
  const sp = cls.staticProps.get(name);
  if (!sp || !(sp.info.vis === Vis.Public || visible(sp.info.vis, sp.info.cls, scope))) return undefined;
  const v = staticPropRef(cls, name, scope).v;
  resolveStaticPropSite(site, cls, name, scope);
  return v === UNINIT ? undefined : v;
}

export { toStr };

/** unset(A::$x): static properties can't be unset (zend_std_unset_static_property). */
export function unsetStaticProp(cls: PhpClass, name: string): never {
  return rt.throwError('Error', `Attempt to unset static property ${cls.name}::$${name}`);
}
