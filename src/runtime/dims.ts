// Array element access $c[$k] for every kind of container (zend_fetch_dimension_*): arrays, strings
// (offsets), objects (ArrayAccess and built-in handlers), null/false auto-vivification, scalars — with
// PHP 8.2's exact warnings and errors. Keys are normalised here (PHP's key rules).

import { esc } from './refcount.js';
import { PhpArray, Key, normStrKey } from './array.js';
import { PhpObject } from './object.js';
import { PhpFloat, PhpResource, Ref, dropRef } from './values.js';
import { rt } from './request.js';
import { toStr, toBool, typeName, floatToInt, readNumeric, formatFloat } from './convert.js';
import { callMethodByName } from './objects.js';

// ───────────── keys ─────────────

/** A PHP value as an array key (int or string), or throws for illegal key types. */
export function toKey(k: any): Key {
  switch (typeof k) {
    case 'number':
      if (Number.isInteger(k)) return k;
      return floatKey(k);
    case 'string':
      return normStrKey(k);
    case 'boolean':
      return k ? 1 : 0;
    case 'bigint':
      return k;
    case 'object':
      if (k === null) return '';
      if (k instanceof PhpFloat) return floatKey(k.v);
      if (k instanceof PhpResource) {
        rt.warn(`Resource ID#${k.id} used as offset, casting to integer (${k.id})`);
        return k.id;
      }
  }
  if (k === undefined) return '';
  return rt.throwError('TypeError', 'Illegal offset type');
}

function floatKey(d: number): Key {
  const i = floatToInt(d);
  if (!Number.isFinite(d) || d !== Number(i)) {
    rt.deprecated(`Implicit conversion from float ${formatFloat(d, -1)} to int loses precision`);
  }
  return i;
}

function keyForMessage(k: Key): string {
  return typeof k === 'string' ? `"${k}"` : String(k);
}

// ───────────── reading ─────────────

/**
 * The slot of key k in array a, for keys whose slot is found without normalising them: ints (packed
 * index or the direct int index of the hash layout) and strings that cannot be numeric (they start or
 * end above '9'); -1 for everything else (absent keys, numeric strings, other types).
 */
function plainSlot(a: PhpArray, k: any): number {
  if (typeof k === 'number') {
    if (a.keys === null) return (k | 0) === k && k < a.vals.length ? k : -1;
    const s = a.idx![k];
    return s === undefined ? -1 : s;
  }
  if (typeof k === 'string' && a.map !== null && k.length > 0 && (k.charCodeAt(0) > 57 || k.charCodeAt(k.length - 1) > 57)) {
    const s = a.map.get(k);
    return s === undefined ? -1 : s;
  }
  return -1;
}

/**
 * $c[$k] read as compiled code calls it: an existing element of an array without references is
 * taken here, everything else goes to dimGet. Small, so that V8 inlines it into a hot loop while
 * a big function that runs once stays quick to compile (compiled code used to inline this test at
 * every site: ary2's twenty sites made its optimized compile three times slower).
 */
export function dimR(c: any, k: any): any {
  if (c instanceof PhpArray && !c.hasRefs) {
    const s = plainSlot(c, k);
    if (s >= 0) {
      const v = c.vals[s];
      if (v !== undefined) return v;
    }
  }
  return dimGet(c, k);
}

/** $c[$k] in a read context (warnings for missing keys and bad containers). */
export function dimGet(c: any, k: any): any {
  if (c instanceof PhpArray) {
    const key = typeof k === 'number' && Number.isInteger(k) ? k : typeof k === 'string' ? normStrKey(k) : toKey(k);
    const v = c.get(key);
    if (v !== undefined) return v;
    rt.warn(`Undefined array key ${keyForMessage(key)}`);
    return null;
  }
  // a byte of a string at an int offset within it
  if (typeof c === 'string' && typeof k === 'number' && (k | 0) === k && k >= 0 && k < c.length) return c[k];
  return dimGetSlow(c, k, false);
}

function dimGetSlow(c: any, k: any, quiet: boolean): any {
  if (typeof c === 'string') return stringOffset(c, k, quiet);
  if (c instanceof PhpObject) return objectDimRead(c, k);
  if (c instanceof Ref) return quiet ? dimQ(c.v, k) : dimGet(c.v, k);
  if (c === null || c === undefined || typeof c === 'boolean' || typeof c === 'number' || typeof c === 'bigint' || c instanceof PhpFloat || c instanceof PhpResource) {
    if (!quiet) rt.warn(`Trying to access array offset on value of type ${c === undefined ? 'null' : typeName(c)}`);
    return quiet ? undefined : null;
  }
  return null;
}

/** $c[$k] for isset()/??: no warnings; undefined when absent. */
export function dimQ(c: any, k: any): any {
  if (c instanceof PhpArray) {
    if (k === null || k === undefined) return c.get('');
    if (typeof k === 'object' && !(k instanceof PhpFloat) && !(k instanceof PhpResource)) {
      if (k instanceof PhpArray || k instanceof PhpObject) rt.throwError('TypeError', 'Illegal offset type in isset or empty');
    }
    return c.get(toKey(k));
  }
  if (c === null || c === undefined) return undefined;
  if (c instanceof PhpObject) {
    if (!objectDimExists(c, k, false)) return undefined;
    return objectDimRead(c, k);
  }
  if (typeof c === 'string') {
    const off = stringOffsetIndex(c, k, true);
    return off === null ? undefined : c[off];
  }
  return undefined;
}

export function issetDim(c: any, k: any): boolean {
  if (c instanceof PhpArray) {
    const v = dimQ(c, k);
    return v !== undefined && v !== null;
  }
  if (c instanceof PhpObject) return objectDimExists(c, k, false);
  if (typeof c === 'string') return stringOffsetIndex(c, k, true) !== null;
  return false;
}

/** empty($c[$k]): value for the emptiness test (objects use offsetExists then offsetGet). */
export function dimEmptyOperand(c: any, k: any): any {
  // objects answer "set and not empty" in one has_dimension call
  if (c instanceof PhpObject) return objectDimExists(c, k, true) ? true : null;
  return dimQ(c, k);
}

function stringOffsetIndex(s: string, k: any, quiet: boolean): number | null {
  let i: number;
  if (typeof k === 'number' && Number.isInteger(k)) i = k;
  else if (typeof k === 'string') {
    const r = readNumeric(k);
    if (r.kind !== 1 || typeof r.value !== 'number' || !Number.isInteger(r.value) || /^\s|\s$/.test(k)) {
      if (quiet) return null;
      if (r.kind === 0) rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
      if (r.kind === 2 || (r.kind === 1 && /^\s|\s$/.test(k))) {
        if (typeof r.value === 'number' && Number.isInteger(r.value)) {
          rt.warn(`Illegal string offset "${k}"`);
          i = r.value;
        } else {
          rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
        }
      } else {
        rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
      }
      i = i!;
    } else i = r.value;
  } else if (typeof k === 'boolean' || k === null) {
    // isset()/empty() take null, bools and floats as ints without a word (zend_isset_dim_slow)
    if (!quiet) rt.warn(`String offset cast occurred`);
    i = k ? 1 : 0;
  } else if (typeof k === 'number' || k instanceof PhpFloat) {
    const d = typeof k === 'number' ? k : k.v;
    if (!quiet) rt.warn(`String offset cast occurred`);
    else if (!Number.isInteger(d)) rt.deprecated(`Implicit conversion from float ${formatFloat(d, -1)} to int loses precision`);
    const n = floatToInt(d);
    if (typeof n === 'bigint') {
      if (quiet) return null;
      missingOffset = n;
      return -1;
    }
    i = n;
  } else {
    if (quiet) return null;
    return rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
  }
  const j = i < 0 ? i + s.length : i;
  if (j < 0 || j >= s.length) {
    if (quiet) return null;
    missingOffset = i;
    return -1;
  }
  return j;
}

/** The offset (as an int) stringOffsetIndex last found outside the string. */
let missingOffset: number | bigint = 0;

function stringOffset(s: string, k: any, quiet: boolean): any {
  const i = stringOffsetIndex(s, k, quiet);
  if (i === null) return quiet ? undefined : '';
  if (i < 0) {
    rt.warn(`Uninitialized string offset ${missingOffset}`);
    return '';
  }
  return s[i];
}

// ───────────── objects as containers ─────────────

function arrayAccessClass() {
  return rt.core.builtinClasses.get('arrayaccess')!;
}

/**
 * A key given to an object's dimension handlers or ArrayAccess methods: they may keep it, so an object
 * key escapes (src/runtime/refcount.ts), except for a WeakMap, which refers to its keys weakly.
 */
function dimKey(o: PhpObject, k: any): any {
  if (k instanceof PhpObject && o.cls.lcname !== 'weakmap') esc(k);
  return k;
}

export function objectDimRead(o: PhpObject, k: any): any {
  k = dimKey(o, k);
  const h = o.cls.handlers;
  if (h && h.readDim) return h.readDim(o, k);
  if (o.cls.isSubclassOf(arrayAccessClass())) return callMethodByName(o, 'offsetGet', [k === undefined ? null : k]);
  return rt.throwError('Error', `Cannot use object of type ${o.cls.name} as array`);
}

/**
 * $o[k] fetched for a nested write or a reference (read_dimension with BP_VAR_W): an offsetGet()
 * returning by reference gives its Ref; otherwise the value, with PHP's notice when writing
 * through it can't reach the object.
 */
function objectDimFetch(o: PhpObject, k: any): { ref: Ref | null; v: any } {
  const h = o.cls.handlers;
  if (h && h.dimRef) {
    const r = h.dimRef(o, k);
    if (r !== null) return { ref: r, v: r.v };
  }
  if (h && h.readDim) {
    const v = h.readDim(o, k);
    return { ref: null, v };
  }
  if (!o.cls.isSubclassOf(arrayAccessClass())) return rt.throwError('Error', `Cannot use object of type ${o.cls.name} as array`);
  const m = o.cls.methods.get('offsetget');
  rt.retRef = null;
  const v = callMethodByName(o, 'offsetGet', [k === undefined ? null : k]);
  const rr: Ref | null = m && m.info.returnsRef ? (rt.retRef as Ref | null) : null;
  rt.retRef = null;
  if (rr !== null && rr.v === v) return { ref: rr, v };
  return { ref: null, v };
}

function indirectNotice(o: PhpObject, v: any): void {
  if (!(v instanceof PhpObject)) rt.notice(`Indirect modification of overloaded element of ${o.cls.name} has no effect`);
}

/** The container a nested write through $o[k] (or $o[]) continues in. */
function objectDimW(o: PhpObject, k: any): any {
  const { ref, v } = objectDimFetch(o, k);
  if (ref !== null) {
    if (ref.v instanceof PhpArray) return ref.v.rc === 0 ? ref.v : (ref.v = ref.v.sep());
    if (ref.v === null || ref.v === undefined) return (ref.v = new PhpArray());
    return wArr(ref.v);
  }
  // a built-in class's read_dimension gives the stored value itself (ArrayObject's storage)
  if (o.cls.handlers && o.cls.handlers.readDim) return v;
  indirectNotice(o, v);
  if (v instanceof PhpArray) return v.clone();
  if (v === null || v === undefined) return new PhpArray();
  return v;
}

function objectDimExists(o: PhpObject, k: any, checkEmpty: boolean): boolean {
  k = dimKey(o, k);
  const h = o.cls.handlers;
  if (h && h.hasDim) return h.hasDim(o, k, checkEmpty);
  if (o.cls.isSubclassOf(arrayAccessClass())) {
    const r = callMethodByName(o, 'offsetExists', [k]);
    const exists = !!r && r !== 0 && r !== '' && r !== '0';
    // zend_std_has_dimension: empty() also needs offsetGet()'s value to be truthy
    if (!exists || !checkEmpty) return exists;
    return toBool(callMethodByName(o, 'offsetGet', [k]));
  }
  return rt.throwError('Error', `Cannot use object of type ${o.cls.name} as array`);
}

function objectDimWrite(o: PhpObject, k: any, v: any): void {
  k = dimKey(o, k);
  const h = o.cls.handlers;
  if (h && h.writeDim) return h.writeDim(o, k, v);
  if (o.cls.isSubclassOf(arrayAccessClass())) {
    callMethodByName(o, 'offsetSet', [k === undefined ? null : k, v]);
    return;
  }
  rt.throwError('Error', `Cannot use object of type ${o.cls.name} as array`);
}

function objectDimUnset(o: PhpObject, k: any): void {
  k = dimKey(o, k);
  const h = o.cls.handlers;
  if (h && h.unsetDim) return h.unsetDim(o, k);
  if (o.cls.isSubclassOf(arrayAccessClass())) {
    callMethodByName(o, 'offsetUnset', [k]);
    return;
  }
  rt.throwError('Error', `Cannot use object of type ${o.cls.name} as array`);
}

// ───────────── writing ─────────────

/** The value of a variable made ready for $v[...] = ...: a writable array, an object, or a string. */
export function wArr(v: any): any {
  if (v instanceof PhpArray) return v.rc === 0 ? v : v.sep();
  if (v === undefined || v === null) return new PhpArray();
  if (v instanceof PhpObject) return v;
  if (v === false) {
    rt.deprecated('Automatic conversion of false to array is deprecated');
    return new PhpArray();
  }
  // a string (even an empty one) stays a string: its offsets are written by assignStringOffset
  if (typeof v === 'string') return v;
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

export function wArrRef(r: Ref): any {
  return (r.v = wArr(r.v));
}

/** A variable of a dictionary scope as the container of a read-modify-write: undefined warns first. */
export function wArrRefRW(r: Ref, name: string): any {
  if (r.v === undefined) rt.warn(`Undefined variable $${name}`);
  return (r.v = wArr(r.v));
}

/** A temporary used as a write container: writes are lost (function results). */
export function wArrTemp(v: any): any {
  if (v instanceof PhpArray) return v.clone();
  return wArr(v);
}

/** For unset($a[k][j]): the container, separated, but never created. */
/** The base variable of unset($x[k]...) (FETCH_DIM_UNSET): an undefined one warns (`name` given). */
export function uArr(v: any, name?: string): any {
  if (v instanceof PhpArray) return v.rc === 0 ? v : v.sep();
  if (v === undefined && name !== undefined) rt.warn(`Undefined variable $${name}`);
  return v;
}
export function uArrRef(r: Ref | undefined, name?: string): any {
  if (!r || r.v === undefined) {
    if (name !== undefined) rt.warn(`Undefined variable $${name}`);
    return undefined;
  }
  return (r.v = uArr(r.v));
}
export function dimU(c: any, k: any): any {
  if (c instanceof PhpArray) {
    const key = toKey(k);
    const raw = c.getRaw(key);
    if (raw instanceof Ref) return (raw.v = uArr(raw.v));
    if (raw instanceof PhpArray && raw.rc > 0) {
      const copy = raw.sep();
      c.set(key, copy);
      return copy;
    }
    return raw;
  }
  if (c instanceof PhpObject) return objectDimRead(c, k);
  if (typeof c === 'string') wrongStringOffset(k, 'Cannot use string offset as an array');
  nonArrayUnset(c);
  return undefined;
}

/** unset() through a scalar: false is deprecated (and nothing happens), true and numbers can't. */
function nonArrayUnset(c: any): void {
  if (c === false) rt.deprecated('Automatic conversion of false to array is deprecated');
  else if (c === true || typeof c === 'number' || typeof c === 'bigint' || c instanceof PhpFloat) {
    rt.throwError('Error', 'Cannot unset offset in a non-array variable');
  }
}

/**
 * A string offset used as a container (zend_check_string_offset, then zend_wrong_string_offset): an
 * offset that is no integer is a TypeError first.
 */
/** A write/reference through a string offset: the offset is checked (zend_check_string_offset), then the error. */
function wrongStringOffset(k: any, message: string): never {
  if (typeof k === 'string') {
    const r = readNumeric(k);
    if (r.kind === 0 || typeof r.value !== 'number' || !Number.isInteger(r.value)) rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
    if (r.kind === 2) rt.warn(`Illegal string offset "${k}"`);
  } else if (k instanceof PhpArray || k instanceof PhpObject) {
    rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
  } else if (k !== undefined && typeof k !== 'number' && typeof k !== 'bigint') {
    rt.warn('String offset cast occurred');
  } else if (typeof k === 'number' && !Number.isInteger(k)) {
    rt.warn('String offset cast occurred');
  }
  return rt.throwError('Error', message);
}

/** The writable child array at key k of a writable container (nested writes $a[k][...] = v). */
export function dimW(c: any, k: any): any {
  if (c instanceof PhpArray) {
    const key = toKey(k);
    const raw = c.getRaw(key);
    if (raw instanceof PhpArray) {
      if (raw.rc === 0) return raw;
      const copy = raw.sep();
      c.set(key, copy);
      return copy;
    }
    if (raw instanceof Ref) return (raw.v = wArr(raw.v));
    if (raw === undefined || raw === null) {
      const a = new PhpArray();
      c.set(key, a);
      return a;
    }
    if (raw instanceof PhpObject) return raw;
    const w = wArr(raw);
    if (w !== raw) c.set(key, w);
    if (typeof w === 'string') rt.throwError('Error', 'Cannot use string offset as an array');
    return w;
  }
  if (c instanceof PhpObject) return objectDimW(c, k);
  if (typeof c === 'string') return wrongStringOffset(k, 'Cannot use string offset as an array');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

/** $a[][...] = v: appends a new array and returns it. */
/** dimW for a read-modify-write ($a[k][j] .= x: FETCH_DIM_RW): a missing element warns before it is created. */
export function dimRW(c: any, k: any): any {
  if (c instanceof PhpArray) {
    const key = toKey(k);
    if (c.getRaw(key) === undefined) rt.warn(`Undefined array key ${keyForMessage(key)}`);
  }
  return dimW(c, k);
}

export function dimWAppend(c: any): any {
  if (c instanceof PhpArray) {
    const a = new PhpArray();
    if (!c.append(a)) nextElementOccupied();
    return a;
  }
  // $o[][...] = v: read_dimension with no offset (offsetGet(null))
  if (c instanceof PhpObject) return objectDimW(c, undefined);
  if (typeof c === 'string') return rt.throwError('Error', '[] operator not supported for strings');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

/** $c[$k] as the object of a property write ($a[k]->p = v: FETCH_DIM_W): a missing element is created as null. */
export function dimFetchW(c: any, k: any): any {
  if (c instanceof PhpArray) {
    const key = toKey(k);
    const raw = c.getRaw(key);
    if (raw instanceof Ref) return raw.v;
    if (raw !== undefined) return raw;
    c.set(key, null);
    return null;
  }
  if (c instanceof PhpObject) return objectDimRead(c, k);
  if (typeof c === 'string') return rt.throwError('Error', 'Cannot use string offset as an object');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

/** $c[]->p = v: appends null and yields it. */
export function dimFetchWAppend(c: any): any {
  if (c instanceof PhpArray) {
    if (!c.append(null)) nextElementOccupied();
    return null;
  }
  if (c instanceof PhpObject) return objectDimRead(c, undefined);
  if (typeof c === 'string') return rt.throwError('Error', '[] operator not supported for strings');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

function nextElementOccupied(): void {
  rt.throwError('Error', 'Cannot add element to the array as the next element is already occupied');
}

/** $c[$k] = v on a writable container; returns v. */
export function assignDim(c: any, k: any, v: any): any {
  if (c instanceof PhpArray) {
    c.set(toKey(k), v);
    return v;
  }
  if (c instanceof PhpObject) {
    objectDimWrite(c, k, v);
    return v;
  }
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

/** The write of $c[$k]++: an object's element was a copy (see dimOpGet), nothing is written back. */
export function assignDimIncDec(c: any, k: any, v: any): any {
  if (c instanceof PhpObject) {
    // a class giving its elements for writing (WeakMap) is changed in place
    const h = c.cls.handlers;
    if (h && h.dimRef) {
      const r = h.dimRef(c, k);
      if (r !== null) r.v = v;
    }
    return v;
  }
  return assignDim(c, k, v);
}

/** $c[] = v on a writable container; returns v. */
export function appendDim(c: any, v: any): any {
  if (c instanceof PhpArray) {
    if (!c.append(v)) nextElementOccupied();
    return v;
  }
  if (c instanceof PhpObject) {
    objectDimWrite(c, undefined, v);
    return v;
  }
  if (typeof c === 'string') return rt.throwError('Error', '[] operator not supported for strings');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

/**
 * $p[$pk][$k] = v: when $p[$pk] holds a string, the string with the offset replaced is stored back
 * (strings are values); otherwise the element is fetched for writing as usual.
 */
export function assignDimIn(p: any, pk: any, k: any, v: any): any {
  if (p instanceof PhpArray) {
    const key = toKey(pk);
    const raw = p.getRaw(key);
    const cur = raw instanceof Ref ? raw.v : raw;
    if (typeof cur === 'string') {
      const ns = assignStringOffset(cur, k, v);
      if (raw instanceof Ref) raw.v = ns;
      else p.set(key, ns);
      return v;
    }
  }
  return assignDim(dimW(p, pk), k, v);
}

/** $r[$k] = v for a location held in a Ref (static properties): a string is rebuilt in place. */
export function assignDimInRef(r: Ref, k: any, v: any): any {
  if (typeof r.v === 'string') {
    r.v = assignStringOffset(r.v, k, v);
    return v;
  }
  return assignDim(wArrRef(r), k, v);
}

/** $var[$k] = v for a plain local: returns the variable's new value (arrays in place, strings rebuilt). */
/**
 * `$x = dimSet($x, k, v)`: $x[k] = v for a container in a local, as compiled code calls it: an existing
 * element of an unshared array without references is written here, everything else (new keys,
 * copies, strings, objects) goes to assignDimTo. The container to store back is returned.
 */
export function dimSet(cur: any, k: any, v: any): any {
  if (cur instanceof PhpArray && cur.rc === 0 && !cur.hasRefs) {
    const s = plainSlot(cur, k);
    if (s >= 0) {
      cur.vals[s] = v;
      return cur;
    }
  }
  return assignDimTo(cur, k, v);
}

export function assignDimTo(cur: any, k: any, v: any): any {
  if (cur instanceof PhpArray && cur.rc === 0) {
    if (cur.keys === null && k === cur.vals.length) {
      // appending to a list ($a[$i] = v with $i counting up)
      cur.vals.push(v);
      cur.size++;
      if (k >= cur.nextFree) cur.nextFree = k + 1;
      return cur;
    }
    cur.set(typeof k === 'number' && Number.isInteger(k) ? k : toKey(k), v);
    return cur;
  }
  const c = wArr(cur);
  if (typeof c === 'string') return assignStringOffset(c, k, v);
  assignDim(c, k, v);
  return c;
}

/** $c[$k] = (array) $v: an object keeping its elements elsewhere learns the value was cast (pthreads keeps it an array). */
export function assignDimCastArray(c: any, k: any, v: any): any {
  const h = c instanceof PhpObject ? c.cls.handlers : null;
  if (h !== null && h.writeDim !== undefined) {
    h.writeDim(c, dimKey(c, k), v, true);
    return v;
  }
  return assignDim(c, k, v);
}

export function assignDimCastArrayTo(cur: any, k: any, v: any): any {
  if (cur instanceof PhpObject) {
    assignDimCastArray(cur, k, v);
    return cur;
  }
  return assignDimTo(cur, k, v);
}

export function appendTo(cur: any, v: any): any {
  if (cur instanceof PhpArray && cur.rc === 0) {
    if (!cur.append(v)) nextElementOccupied();
    return cur;
  }
  const c = wArr(cur);
  if (typeof c === 'string') return rt.throwError('Error', '[] operator not supported for strings');
  appendDim(c, v);
  return c;
}

export function assignStringOffset(s: string, k: any, v: any): string {
  let i: number;
  if (typeof k === 'number' && Number.isInteger(k)) i = k;
  else if (typeof k === 'string') {
    const r = readNumeric(k);
    if (r.kind !== 1 || typeof r.value !== 'number' || !Number.isInteger(r.value)) {
      if (r.kind === 2 && typeof r.value === 'number') {
        rt.warn(`Illegal string offset "${k}"`);
        i = r.value;
      } else return rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
    } else i = r.value;
  } else if (k === undefined) {
    return rt.throwError('Error', '[] operator not supported for strings');
  } else if (k instanceof PhpArray || k instanceof PhpObject || k instanceof PhpResource) {
    return rt.throwError('TypeError', `Cannot access offset of type ${typeName(k)} on string`);
  } else {
    rt.warn('String offset cast occurred');
    i = Math.trunc(typeof k === 'number' ? k : k instanceof PhpFloat ? k.v : k ? 1 : 0);
  }
  if (i < -s.length) {
    rt.warn(`Illegal string offset ${i}`);
    return s;
  }
  if (i < 0) i += s.length;
  let c = toStr(v);
  if (c.length === 0) return rt.throwError('Error', 'Cannot assign an empty string to a string offset');
  if (c.length > 1) {
    rt.warn('Only the first byte will be assigned to the string offset');
    c = c[0];
  }
  if (i >= s.length) return s + ' '.repeat(i - s.length) + c;
  return s.slice(0, i) + c + s.slice(i + 1);
}

// ───────────── references into containers ─────────────

export function dimRef(c: any, k: any): Ref {
  if (c instanceof PhpArray) return c.refAt(toKey(k));
  if (c instanceof PhpObject) {
    const { ref, v } = objectDimFetch(c, k);
    if (ref !== null) return ref;
    indirectNotice(c, v);
    return new Ref(v);
  }
  if (typeof c === 'string') return wrongStringOffset(k, 'Cannot create references to/from string offsets');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

export function dimRefAppend(c: any): Ref {
  if (c instanceof PhpArray) {
    const r = c.appendRef();
    if (!r) {
      nextElementOccupied();
      return new Ref(null);
    }
    return r;
  }
  if (c instanceof PhpObject) {
    const v = objectDimRead(c, undefined);
    rt.notice(`Indirect modification of overloaded element of ${c.cls.name} has no effect`);
    return new Ref(v);
  }
  if (typeof c === 'string') return rt.throwError('Error', '[] operator not supported for strings');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

/** The location of `$c[] op= v`: a new element of an array; offsetGet(null) / offsetSet(null, ...) of an object. */
export function dimSlotAppend(c: any): { v: any } {
  if (c instanceof PhpObject) return new ObjectDimSlot(c, undefined);
  return dimRefAppend(c);
}

/** The key of a compound assignment or ++/-- on $c[$k], normalised once (its warnings once) for arrays. */
export function dimOpKey(c: any, k: any): any {
  if (c instanceof PhpArray) return typeof k === 'number' && Number.isInteger(k) ? k : toKey(k);
  return k;
}

/** The current value of $c[$k] for a compound assignment or ++/-- (the write follows with assignDim). */
export function dimOpGet(c: any, k: any, incDec?: boolean): any {
  if (c instanceof PhpArray) {
    const key = typeof k === 'number' && Number.isInteger(k) ? k : toKey(k);
    const v = c.get(key);
    if (v !== undefined) return v;
    rt.warn(`Undefined array key ${keyForMessage(key)}`);
    return null;
  }
  if (c instanceof PhpObject) {
    const v = objectDimRead(c, k);
    // ++/-- fetch the element for writing: offsetGet's value is a copy (zend_fetch_dimension_address)
    // (internal classes with their own element handlers, like ArrayObject, give the element itself)
    if (incDec && !(v instanceof PhpObject) && c.cls.handlers?.readDim === undefined && c.cls.handlers?.dimRef === undefined) rt.notice(`Indirect modification of overloaded element of ${c.cls.name} has no effect`);
    return v;
  }
  if (typeof c === 'string') return rt.throwError('Error', incDec ? 'Cannot increment/decrement string offsets' : 'Cannot use assign-op operators with string offsets');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

/** A handle to $c[$k] for compound assignment: reads and writes go to the element. */
export function dimSlot(c: any, k: any): { v: any } {
  if (c instanceof PhpArray) {
    const key = toKey(k);
    return new ElementSlot(c, key);
  }
  if (c instanceof PhpObject) return new ObjectDimSlot(c, k);
  if (typeof c === 'string') return rt.throwError('Error', 'Cannot use assign-op operators with string offsets');
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

class ElementSlot {
  constructor(private readonly a: PhpArray, private readonly k: Key) {}
  get v(): any {
    const v = this.a.get(this.k);
    if (v === undefined) {
      rt.warn(`Undefined array key ${keyForMessage(this.k)}`);
      return null;
    }
    return v;
  }
  set v(x: any) {
    this.a.set(this.k, x);
  }
}

class ObjectDimSlot {
  constructor(private readonly o: PhpObject, private readonly k: any) {}
  get v(): any {
    return objectDimRead(this.o, this.k);
  }
  set v(x: any) {
    objectDimWrite(this.o, this.k, x);
  }
}

export function setRef(c: any, k: any, r: Ref): Ref {
  if (c instanceof PhpArray) {
    const key = toKey(k);
    if (c.hasRefs) {
      const old = c.getRaw(key);
      if (old === r) return r;
      dropRef(old);
    }
    r.n++;
    c.setRef(key, r);
    return r;
  }
  if (c instanceof PhpObject) {
    rt.throwError('Error', `Cannot assign by reference to an array dimension of an object`);
  }
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

export function appendRef(c: any, r: Ref): Ref {
  if (c instanceof PhpArray) {
    if (!c.append(r)) nextElementOccupied();
    else {
      c.hasRefs = true;
      r.n++;
    }
    return r;
  }
  return rt.throwError('Error', 'Cannot use a scalar value as an array');
}

// ───────────── unset ─────────────

export function unsetDim(c: any, k: any): void {
  if (c instanceof PhpArray) {
    if (k instanceof PhpArray || k instanceof PhpObject) rt.throwError('TypeError', 'Illegal offset type in unset');
    c.delete(toKey(k));
    return;
  }
  if (c instanceof PhpObject) {
    objectDimUnset(c, k);
    return;
  }
  if (typeof c === 'string') rt.throwError('Error', 'Cannot unset string offsets');
  nonArrayUnset(c);
}

// ───────────── list() ─────────────

/** list($a, $b) = $v: element k of v (null with a warning when missing; null for non-arrays). */
export function listGet(v: any, k: any): any {
  if (v instanceof PhpArray) {
    const key = toKey(k);
    const r = v.get(key);
    if (r === undefined) {
      rt.warn(`Undefined array key ${keyForMessage(key)}`);
      return null;
    }
    return r;
  }
  if (v instanceof PhpObject) return objectDimRead(v, k);
  return null;
}

export function listRef(v: any, k: any): Ref {
  if (v instanceof PhpArray) return v.refAt(toKey(k));
  if (typeof v === 'string') return wrongStringOffset(k, 'Cannot create references to/from string offsets');
  return new Ref(null);
}

// ───────────── array literals ─────────────

export function arraySet(a: PhpArray, k: any, v: any): void {
  a.set(toKey(k), v);
}

export function arrayPush(a: PhpArray, v: any): void {
  if (!a.append(v)) rt.throwError('Error', 'Cannot add element to the array as the next element is already occupied');
}

/** [...$x] inside an array literal: arrays and Traversables; string keys kept (PHP 8.1). */
export function arrayUnpack(a: PhpArray, v: any): void {
  if (v instanceof PhpArray) {
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      const k = v.keyAt(i);
      const val = v.valAt(i);
      if (typeof k === 'string') a.set(k, shareVal(val));
      else arrayPush(a, shareVal(val));
    }
    return;
  }
  if (v instanceof PhpObject) {
    const traversable = rt.core.builtinClasses.get('traversable')!;
    if (v.cls.isSubclassOf(traversable)) {
      iterateObject(v, (k, val) => {
        // a numeric string key is an integer key: renumbered like one
        if (typeof k === 'string' && typeof normStrKey(k) === 'string') a.set(k, val);
        else if (typeof k === 'string') arrayPush(a, val);
        else if (typeof k === 'number' || typeof k === 'bigint') arrayPush(a, val);
        else rt.throwError('Error', 'Keys must be of type int|string during array unpacking');
        return true;
      });
      return;
    }
  }
  rt.throwError('Error', 'Only arrays and Traversables can be unpacked');
}

function shareVal(v: any): any {
  if (v instanceof PhpArray) v.rc++;
  return v;
}

/** Iterates a Traversable object with its PHP iteration protocol; cb returns false to stop. */
export function iterateObject(o: PhpObject, cb: (k: any, v: any) => boolean): void {
  const it = rt.core.iterate(o);
  while (it.next()) if (!cb(it.k, it.v)) break;
  it.end();
}

export { toStr };
