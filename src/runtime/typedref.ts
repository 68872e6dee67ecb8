// Typed references (zend_reference type sources, Zend/zend_execute.c): a reference that a typed property
// holds only takes values every such property's type accepts, whoever writes through it.
//
// Plain Refs keep `v` as a data field, so the common path is untouched. A Ref becomes typed the first time
// a typed property binds to it: its `v` turns into an accessor (on that object only) whose setter checks
// the value against the property types; code writing `r.v = x` anywhere (compiled code, builtins filling
// by-reference arguments) goes through it.

import { Ref, PhpFloat } from './values.js';
import { PropInfo, NO_MATCH } from './object.js';
import { rt } from './request.js';
import { givenType, typeTextIn } from './types.js';
import { strictEq, incdecOverflow } from './operators.js';

interface TypedRef extends Ref {
  /** the value behind the accessor */
  _v: any;
  /** the typed properties holding the reference (one entry per holder: a property may hold it twice) */
  sources: PropInfo[];
}

const accessor: PropertyDescriptor = {
  get(this: TypedRef) {
    return this._v;
  },
  set(this: TypedRef, v: any) {
    this._v = this.sources.length === 0 ? v : assignToTypedRef(this, v);
  },
  configurable: true,
  enumerable: true,
};

/** The typed properties holding r (empty for a plain reference). */
export function typeSources(r: Ref): readonly PropInfo[] {
  return (r as TypedRef).sources ?? NONE;
}
const NONE: PropInfo[] = [];

export function hasTypeSources(r: Ref): boolean {
  const s = (r as TypedRef).sources;
  return s !== undefined && s.length > 0;
}

/** ZEND_REF_ADD_TYPE_SOURCE */
/** Whether any reference ever got a type source (objects freed before that have none to release). */
export let typedRefsMade = false;

export function addTypeSource(r: Ref, info: PropInfo): void {
  const t = r as TypedRef;
  typedRefsMade = true;
  if (t.sources === undefined) {
    const v = r.v;
    t.sources = [info];
    t._v = v;
    Object.defineProperty(r, 'v', accessor);
  } else t.sources.push(info);
}

/** ZEND_REF_DEL_TYPE_SOURCE */
export function delTypeSource(r: Ref, info: PropInfo): void {
  const s = (r as TypedRef).sources;
  if (s === undefined) return;
  const i = s.indexOf(info);
  if (i >= 0) s.splice(i, 1);
}

/**
 * An object is freed: the references its typed properties held lose those properties as type sources
 * (zend_object_std_dtor). For whoever knows when an object dies (reference counting).
 */
export function releaseTypedSlots(o: { p: Record<string, any>; cls: { allSlots: readonly PropInfo[] } }): void {
  for (const info of o.cls.allSlots) {
    if (!info.type) continue;
    const v = o.p[info.key];
    if (v instanceof Ref) delTypeSource(v, info);
  }
}

/** Sets the value of a typed reference without checks (the value was checked against its sources). */
export function setRefRaw(r: Ref, v: any): void {
  const t = r as TypedRef;
  if (t.sources === undefined) r.v = v;
  else t._v = v;
}

function propLabel(info: PropInfo): string {
  const c = info.cls;
  return `${c.isAnonymous ? c.anonymousDebugName() : c.name}::$${info.name}`;
}

function typeLabel(info: PropInfo): string {
  return typeTextIn(info.type!, info.cls);
}

/** The strict_types mode of the code running now (the assignment's). */
function currentStrict(): boolean {
  const fr = rt.top;
  if (!fr) return false;
  return fr.info ? !!fr.info.strictTypes : fr.strict;
}

/** i_zend_verify_type_assignable_zval: 1 accepted as is, 0 refused, -1 accepted after coercion. */
function assignable(info: PropInfo, v: any, strict: boolean): number {
  const exact = info.type!.check(v, true, null, info.cls);
  if (exact !== NO_MATCH) return exact === v ? 1 : -1;
  if (strict || v === null) return 0;
  return -1;
}

function coerce(info: PropInfo, v: any): any {
  return info.type!.check(v, false, null, info.cls);
}

function refTypeError(info: PropInfo, v: any): never {
  return rt.throwError('TypeError', `Cannot assign ${givenType(v)} to reference held by property ${propLabel(info)} of type ${typeLabel(info)}`);
}

function conflictingCoercion(a: PropInfo, b: PropInfo, v: any): never {
  return rt.throwError(
    'TypeError',
    `Cannot assign ${givenType(v)} to reference held by property ${propLabel(a)} of type ${typeLabel(a)} and property ${propLabel(b)} of type ${typeLabel(b)}, as this would result in an inconsistent type conversion`,
  );
}

/**
 * zend_verify_ref_assignable_zval: the value every source accepts, coerced the same way for all of them,
 * or a TypeError.
 */
export function verifyRefAssignable(r: Ref, v: any, strict: boolean): any {
  let first: PropInfo | null = null;
  let coerced: any = NO_MATCH;
  for (const info of (r as TypedRef).sources) {
    const res = assignable(info, v, strict);
    if (res === 0) refTypeError(info, v);
    if (res < 0) {
      const c = coerce(info, v);
      if (c === NO_MATCH) refTypeError(info, v);
      if (first === null) {
        first = info;
        coerced = c;
      } else if (coerced === NO_MATCH || !strictEq(coerced, c)) conflictingCoercion(first, info, v);
    } else if (first === null) first = info;
    else if (coerced !== NO_MATCH) conflictingCoercion(first, info, v);
  }
  return coerced === NO_MATCH ? v : coerced;
}

function isIntValue(v: any): boolean {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

/** The setter's work: ++/-- past the int range is its own error (zend_incdec_typed_ref), else the checks. */
function assignToTypedRef(r: TypedRef, v: any): any {
  if (v instanceof PhpFloat && v === incdecOverflow.last && isIntValue(r._v)) {
    incdecOverflow.last = null;
    for (const info of r.sources) {
      if (info.type!.check(v, true, null, info.cls) === NO_MATCH) {
        const up = v.v > 0;
        rt.throwError(
          'TypeError',
          `Cannot ${up ? 'increment' : 'decrement'} a reference held by property ${propLabel(info)} of type ${typeLabel(info)} past its ${up ? 'maximal' : 'minimal'} value`,
        );
      }
    }
  }
  return verifyRefAssignable(r, v, currentStrict());
}

/**
 * zend_verify_prop_assignable_by_ref: binding a typed property to reference r. A plain reference's value
 * is coerced to the property's type (in place); one that is already typed must hold a value the property
 * takes as is.
 */
export function verifyPropAssignableByRef(info: PropInfo, r: Ref, strict: boolean): void {
  const v = r.v;
  if (hasTypeSources(r)) {
    const res = assignable(info, v, strict);
    if (res > 0) return;
    if (res < 0 && coerce(info, v) !== NO_MATCH) {
      const other = (r as TypedRef).sources[0];
      rt.throwError(
        'TypeError',
        `Reference with value of type ${givenType(v)} held by property ${propLabel(other)} of type ${typeLabel(other)} is not compatible with property ${propLabel(info)} of type ${typeLabel(info)}`,
      );
    }
  } else {
    const c = info.type!.check(v, strict, null, info.cls);
    if (c !== NO_MATCH) {
      if (c !== v) r.v = c;
      return;
    }
  }
  rt.throwError('TypeError', `Cannot assign ${givenType(v)} to property ${propLabel(info)} of type ${typeLabel(info)}`);
}

export { currentStrict };
