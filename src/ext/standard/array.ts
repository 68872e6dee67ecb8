// ext/standard/array.c: the array functions. Sorting lives in sort.ts, the diff/intersect family in
// array_set.ts; this file registers them all.

import type { Registry } from '../../engine/extension.js';
import { PhpArray, Key, share, normStrKey } from '../../runtime/array.js';
import { Ref, PhpFloat, PhpResource, mkFloat } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { looseEq, strictEq, compare, add, mul } from '../../runtime/operators.js';
import { toStr, toInt, toFloat, toBool, readNumeric, formatFloat } from '../../runtime/convert.js';
import { givenType } from '../../runtime/types.js';
import { callBound, resolveCallable, Bound } from '../../runtime/calls.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { toKey } from '../../runtime/dims.js';
import { objectToArray, toArray, callMethodByName } from '../../runtime/objects.js';
import { propGetQuiet } from '../../runtime/props.js';
import { mtRandRange } from './math_rand.js';
import { registerSort, SORT_STRING, SORT_REGULAR, dataCompare, zendSort, call1, call2 } from './sort.js';
import { registerArraySet } from './array_set.js';

const HT_MAX_SIZE = 0x40000000;

// php-src's stubs write `= UNKNOWN` for an optional parameter without a default value; the signature
// parser does not know that word yet, so such parameters get this unique default instead.
const UNKNOWN_TEXT = '"\\0phpts:unknown\\0"';
const UNKNOWN_VALUE = '\0phpts:unknown\0';
function given(v: any): boolean {
  return v !== undefined && v !== UNKNOWN_VALUE;
}

/** The class scope of the PHP code calling the builtin (for callbacks and property access). */
export function callerScope(): PhpClass | null {
  const self = rt.top.self;
  return self instanceof PhpObject ? self.cls : self instanceof PhpClass ? self : null;
}

/** Resolves a callable the wrapper has already checked, once, for repeated calls. */
export function bindCallable(cb: any): Bound {
  const why = { reason: '' };
  const b = resolveCallable(cb, callerScope(), why);
  if (!b) rt.throwError('Error', `Value not callable: ${why.reason}`);
  return b;
}

function deref(v: any): any {
  return v instanceof Ref ? v.v : v;
}

/** The stored element for a copy: a Ref stays a Ref (PHP keeps references that have other holders). */
function rawShared(a: PhpArray, i: number): any {
  const v = a.rawAt(i);
  return v instanceof Ref ? v : share(v);
}
function putRaw(out: PhpArray, k: Key, v: any): void {
  if (v instanceof Ref) out.setRef(k, v);
  else out.set(k, v);
}
function pushRaw(out: PhpArray, v: any): void {
  if (v instanceof Ref) out.setRef(out.nextKey(), v);
  else out.append(v);
}

function num(v: number | bigint): number {
  return typeof v === 'number' ? v : Number(v);
}

/** A copy without references: each element's current value (arrays shared). */
function plainCopy(a: PhpArray): PhpArray {
  if (!a.hasRefs) return a.clone();
  const out = new PhpArray();
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) out.set(a.keyAt(i), share(a.valAt(i)));
  out.nextFree = a.nextFree;
  return out;
}

/** A key from a PHP value the way array_combine/array_fill_keys do it: ints stay, the rest as strings. */
function strOrIntKey(v: any): Key {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string') return normStrKey(v);
  return normStrKey(toStr(v));
}

// ───────────── count ─────────────

function countValue(v: any, mode: number | bigint): number {
  if (mode !== 0 && mode !== 1) rt.throwError('ValueError', 'count(): Argument #2 ($mode) must be either COUNT_NORMAL or COUNT_RECURSIVE');
  if (v instanceof PhpArray) {
    if (mode === 0) return v.size;
    return countRecursive(v, new Set());
  }
  if (v instanceof PhpObject) {
    const h = v.cls.handlers?.count;
    if (h) return h(v);
    const countable = rt.core.builtinClasses.get('countable');
    if (countable && v.cls.isSubclassOf(countable)) return num(toInt(callMethodByName(v, 'count', [])));
  }
  return rt.throwError('TypeError', `count(): Argument #1 ($value) must be of type Countable|array, ${givenType(v)} given`);
}

function countRecursive(a: PhpArray, seen: Set<PhpArray>): number {
  if (seen.has(a)) {
    rt.warn('count(): Recursion detected');
    return 0;
  }
  let n = a.size;
  seen.add(a);
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
    const v = a.valAt(i);
    if (v instanceof PhpArray) n += countRecursive(v, seen);
  }
  seen.delete(a);
  return n;
}

// ───────────── searching ─────────────

/** The slot of the first element equal to the needle, or -1. */
function search(needle: any, a: PhpArray, strict: boolean): number {
  const n = a.slotCount;
  if (a.keys === null && !a.hasRefs) {
    const vals = a.vals;
    if (strict) {
      if (typeof needle === 'string' || (typeof needle === 'number' && Number.isInteger(needle)) || typeof needle === 'boolean' || needle === null) {
        return vals.indexOf(needle);
      }
      for (let i = 0; i < n; i++) if (strictEq(vals[i], needle)) return i;
      return -1;
    }
    if (typeof needle === 'string') {
      for (let i = 0; i < n; i++) {
        const v = vals[i];
        if (v === needle || (typeof v !== 'string' || maybeNumericPair(v, needle)) && looseEq(v, needle)) return i;
      }
      return -1;
    }
    if (typeof needle === 'number') {
      for (let i = 0; i < n; i++) {
        const v = vals[i];
        if (typeof v === 'number' ? v === needle : looseEq(v, needle)) return i;
      }
      return -1;
    }
    for (let i = 0; i < n; i++) if (looseEq(vals[i], needle)) return i;
    return -1;
  }
  for (let i = a.nextSlot(0); i < n; i = a.nextSlot(i + 1)) {
    const v = a.valAt(i);
    if (strict ? strictEq(v, needle) : looseEq(v, needle)) return i;
  }
  return -1;
}

/** Two different strings can only be == when both look numeric. */
function maybeNumericPair(a: string, b: string): boolean {
  const c = a.charCodeAt(0), d = b.charCodeAt(0);
  return maybeNum(c) && maybeNum(d);
}
function maybeNum(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 32 || (c >= 9 && c <= 13);
}

// ───────────── building blocks ─────────────

/** Appends the elements of src to dest: string keys overwrite, int keys are renumbered. */
function mergeInto(dest: PhpArray, src: PhpArray): void {
  for (let i = src.nextSlot(0); i < src.slotCount; i = src.nextSlot(i + 1)) {
    const k = src.keyAt(i);
    const v = rawShared(src, i);
    if (v instanceof Ref) {
      if (typeof k === 'string') dest.setRef(k, v);
      else dest.setRef(dest.nextKey(), v);
    } else if (typeof k === 'string') dest.set(k, v);
    else if (!dest.append(v)) rt.throwError('Error', 'Cannot add element to the array as the next element is already occupied');
  }
}

function mergeRecursive(dest: PhpArray, src: PhpArray, active: Set<PhpArray>): void {
  for (let i = src.nextSlot(0); i < src.slotCount; i = src.nextSlot(i + 1)) {
    const k = src.keyAt(i);
    let sv = src.valAt(i);
    if (typeof k !== 'string' || !dest.has(k)) {
      if (typeof k === 'string') dest.set(k, share(sv));
      else if (!dest.append(share(sv))) rt.throwError('Error', 'Cannot add element to the array as the next element is already occupied');
      continue;
    }
    const dv = dest.get(k);
    if (dv instanceof PhpArray && active.has(dv)) rt.throwError('Error', 'Recursion detected');
    let d: PhpArray;
    if (dv instanceof PhpArray) d = dv.sep();
    else if (dv === null) d = PhpArray.fromList([null]);
    else d = dv instanceof PhpObject ? objectToArray(dv) : PhpArray.fromList([dv]);
    if (sv instanceof PhpObject) sv = objectToArray(sv);
    if (sv instanceof PhpArray) {
      if (dv instanceof PhpArray) active.add(dv);
      mergeRecursive(d, sv, active);
      if (dv instanceof PhpArray) active.delete(dv);
    } else if (!d.append(share(sv))) {
      rt.throwError('Error', 'Cannot add element to the array as the next element is already occupied');
    }
    dest.set(k, d);
  }
}

function replaceRecursive(dest: PhpArray, src: PhpArray, active: Set<PhpArray>): void {
  for (let i = src.nextSlot(0); i < src.slotCount; i = src.nextSlot(i + 1)) {
    const k = src.keyAt(i);
    const sv = src.valAt(i);
    const dv = sv instanceof PhpArray ? dest.get(k) : undefined;
    if (!(sv instanceof PhpArray) || !(dv instanceof PhpArray)) {
      dest.set(k, share(sv));
      continue;
    }
    if (active.has(dv) || active.has(sv)) rt.throwError('Error', 'Recursion detected');
    const d = plainCopy(dv);
    active.add(dv);
    active.add(sv);
    replaceRecursive(d, sv, active);
    active.delete(dv);
    active.delete(sv);
    dest.set(k, d);
  }
}

/** A list of the array's values (no references). */
function valuesOf(a: PhpArray): any[] {
  if (a.keys === null && !a.hasRefs) return a.vals;
  const out: any[] = new Array(a.size);
  let j = 0;
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) out[j++] = a.valAt(i);
  return out;
}

/** Keys (in order) of an array. */
function keysOf(a: PhpArray): Key[] {
  return a.keyList();
}

/** Renumbered copy: int keys 0.., string keys kept (array_shift/unshift/splice/pad). */
function appendRenumbered(out: PhpArray, a: PhpArray, from = 0, to = Infinity): void {
  let n = 0;
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1), n++) {
    if (n < from) continue;
    if (n >= to) break;
    const k = a.keyAt(i);
    const raw = a.rawAt(i);
    if (typeof k === 'string') {
      if (raw instanceof Ref) out.setRef(k, raw);
      else out.set(k, raw);
    } else if (raw instanceof Ref) {
      out.setRef(out.nextKey(), raw);
    } else out.append(raw);
  }
}

// ───────────── slicing ─────────────

function clampSlice(count: number, offset: number, length: number | null): [number, number] | null {
  let len = length === null ? count : length;
  if (offset > count) return null;
  if (offset < 0 && (offset = count + offset) < 0) offset = 0;
  if (len < 0) len = count - offset + len;
  else if (offset + len > count) len = count - offset;
  if (len <= 0) return null;
  return [offset, len];
}

function arraySlice(a: PhpArray, offset: number | bigint, length: number | bigint | null, preserve: boolean): PhpArray {
  const r = clampSlice(a.size, num(offset), length === null ? null : num(length));
  if (!r) return new PhpArray();
  const [off, len] = r;
  if (a.keys === null && !a.hasRefs) {
    const vals = a.vals.slice(off, off + len);
    for (let i = 0; i < vals.length; i++) share(vals[i]);
    if (!preserve || off === 0) return new PhpArray(vals);
    const out = new PhpArray();
    for (let i = 0; i < vals.length; i++) out.set(off + i, vals[i]);
    return out;
  }
  const out = new PhpArray();
  let n = 0;
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1), n++) {
    if (n < off) continue;
    if (n >= off + len) break;
    const k = a.keyAt(i);
    const v = rawShared(a, i);
    if (typeof k === 'string' || preserve) putRaw(out, k, v);
    else pushRaw(out, v);
  }
  return out;
}

function arraySplice(ref: Ref, offset: number | bigint, length: number | bigint | null, replacement: any): PhpArray {
  const a = ref.v as PhpArray;
  const count = a.size;
  let off = num(offset);
  let len = length === null ? count : num(length);
  if (off > count) off = count;
  else if (off < 0 && (off = count + off) < 0) off = 0;
  if (len < 0) len = count - off + len;
  else if (off + len > count) len = count - off;
  if (len < 0) len = 0;
  const repl: PhpArray | null = replacement instanceof PhpArray ? replacement : replacement === undefined ? null : toArray(replacement);
  const removed = new PhpArray();
  const out = new PhpArray();
  let n = 0;
  let inserted = false;
  const insert = () => {
    inserted = true;
    if (repl) for (let j = repl.nextSlot(0); j < repl.slotCount; j = repl.nextSlot(j + 1)) out.append(share(repl.valAt(j)));
  };
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1), n++) {
    if (n === off && !inserted) insert();
    const k = a.keyAt(i);
    const raw = a.rawAt(i);
    if (n >= off && n < off + len) {
      const v = deref(raw);
      if (typeof k === 'string') removed.set(k, v);
      else removed.append(v);
      continue;
    }
    if (typeof k === 'string') {
      if (raw instanceof Ref) out.setRef(k, raw);
      else out.set(k, raw);
    } else if (raw instanceof Ref) out.setRef(out.nextKey(), raw);
    else out.append(raw);
  }
  if (!inserted) insert();
  if (a.rc > 0) {
    // the elements we kept are now also held by the new array
    for (let i = out.nextSlot(0); i < out.slotCount; i = out.nextSlot(i + 1)) share(out.rawAt(i));
  }
  ref.v = out;
  return removed;
}

// ───────────── range ─────────────

function fmtRangeEnd(x: number): string {
  if (!Number.isFinite(x)) return x !== x ? 'nan' : 'inf';
  return x.toFixed(0);
}

function range(start: any, end: any, step: any): PhpArray {
  const isStepDouble = step instanceof PhpFloat || (typeof step === 'number' && !Number.isInteger(step));
  let stepF = toFloat(step);
  if (stepF < 0) stepF = -stepF;
  const err = (): never => rt.throwError('ValueError', 'range(): Argument #3 ($step) must not exceed the specified range');
  let mode: 'double' | 'long' | null = null;
  if (typeof start === 'string' && typeof end === 'string' && start.length >= 1 && end.length >= 1) {
    const t1 = numType(start), t2 = numType(end);
    if (t1 === 2 || t2 === 2 || isStepDouble) mode = 'double';
    else if (t1 === 1 || t2 === 1) mode = 'long';
    else {
      let low = start.charCodeAt(0);
      const high = end.charCodeAt(0);
      const lstep = truncStep(stepF);
      const out: string[] = [];
      if (low > high) {
        if (low - high < lstep || lstep <= 0) err();
        for (; low >= high; low -= lstep) {
          out.push(String.fromCharCode(low));
          if (low - lstep < 0) break;
        }
      } else if (high > low) {
        if (high - low < lstep || lstep <= 0) err();
        for (; low <= high; low += lstep) {
          out.push(String.fromCharCode(low));
          if (low + lstep > 255) break;
        }
      } else {
        out.push(String.fromCharCode(low));
      }
      return new PhpArray(out);
    }
  }
  if (mode === null) {
    mode = isFloatVal(start) || isFloatVal(end) || isStepDouble ? 'double' : 'long';
  }
  if (mode === 'double') {
    const low = toFloat(start), high = toFloat(end);
    if (!Number.isFinite(low) && low === low || !Number.isFinite(high) && high === high) {
      rt.throwError('ValueError', `Invalid range supplied: start=${fmtRangeEnd(low)} end=${fmtRangeEnd(high)}`);
    }
    const out: any[] = [];
    if (low > high || high > low) {
      const lo = Math.min(low, high), hi = Math.max(low, high);
      if (hi - lo < stepF || stepF <= 0) err();
      const calc = (hi - lo) / stepF + 1;
      if (calc >= HT_MAX_SIZE) {
        rt.throwError('ValueError', `The supplied range exceeds the maximum array size: start=${fmtRangeEnd(lo)} end=${fmtRangeEnd(hi)}`);
      }
      const size = Math.floor(calc + 0.5);
      if (low > high) {
        for (let i = 0, e = low; i < size && e >= high; ++i, e = low - i * stepF) out.push(mkFloat(e));
      } else {
        for (let i = 0, e = low; i < size && e <= high; ++i, e = low + i * stepF) out.push(mkFloat(e));
      }
    } else {
      out.push(mkFloat(low));
    }
    return new PhpArray(out);
  }
  // integers
  const low = toInt(start), high = toInt(end);
  if (stepF <= 0) err();
  if (typeof low === 'number' && typeof high === 'number' && stepF < 2 ** 53) {
    const lstep = Math.trunc(stepF);
    const out: number[] = [];
    if (low > high) {
      if (low - high < lstep) err();
      const calc = Math.floor((low - high) / lstep);
      if (calc >= HT_MAX_SIZE - 1) rt.throwError('ValueError', `The supplied range exceeds the maximum array size: start=${high} end=${low}`);
      for (let i = 0; i <= calc; i++) out.push(low - i * lstep);
    } else if (high > low) {
      if (high - low < lstep) err();
      const calc = Math.floor((high - low) / lstep);
      if (calc >= HT_MAX_SIZE - 1) rt.throwError('ValueError', `The supplied range exceeds the maximum array size: start=${low} end=${high}`);
      for (let i = 0; i <= calc; i++) out.push(low + i * lstep);
    } else {
      out.push(low);
    }
    return new PhpArray(out);
  }
  // beyond 2^53: exact 64-bit arithmetic
  const bl = BigInt(low), bh = BigInt(high);
  const bstep = stepF >= 18446744073709551616 ? 18446744073709551615n : BigInt(Math.trunc(stepF));
  const out: any[] = [];
  const toVal = (b: bigint) => (b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b);
  if (bl !== bh) {
    const lo = bl < bh ? bl : bh, hi = bl < bh ? bh : bl;
    if (hi - lo < bstep) err();
    const calc = (hi - lo) / bstep;
    if (calc >= BigInt(HT_MAX_SIZE - 1)) rt.throwError('ValueError', `The supplied range exceeds the maximum array size: start=${lo} end=${hi}`);
    for (let i = 0n; i <= calc; i++) out.push(toVal(bl > bh ? bl - i * bstep : bl + i * bstep));
  } else out.push(toVal(bl));
  return new PhpArray(out);
}

function truncStep(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? 0 : -1; // (zend_long)INF is undefined; PHP ends up rejecting it
  return Math.trunc(x);
}

/** 0: not numeric, 1: integer, 2: float (is_numeric_string without errors allowed). */
function numType(s: string): number {
  const r = readNumeric(s);
  if (r.kind !== 1) return 0;
  const v = r.value;
  return v instanceof PhpFloat || (typeof v === 'number' && !Number.isInteger(v)) ? 2 : 1;
}

function isFloatVal(v: any): boolean {
  return v instanceof PhpFloat || (typeof v === 'number' && !Number.isInteger(v));
}

// ───────────── array_walk ─────────────

function walk(holder: Ref, b: Bound, extra: any, hasExtra: boolean, recursive: boolean, active: Set<PhpArray>): void {
  if (holder.v instanceof PhpObject) {
    walkObject(holder.v, b, extra, hasExtra);
    return;
  }
  let a = (holder.v as PhpArray).sep();
  holder.v = a;
  const hadRefs = a.hasRefs;
  active.add(a);
  try {
    for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
      const was = a.rawAt(i);
      const r = was instanceof Ref ? was : a.refAtSlot(i);
      const k = a.keyAt(i);
      if (recursive && r.v instanceof PhpArray) {
        if (active.has(r.v)) rt.throwError('Error', 'Recursion detected');
        walk(r, b, extra, hasExtra, true, active);
      } else {
        callBound(b, hasExtra ? [r, k, extra] : [r, k]);
      }
      if (holder.v !== a) {
        if (!(holder.v instanceof PhpArray)) break;
        a = holder.v;
      } else if (!(was instanceof Ref) && a.vals[i] === r) {
        a.vals[i] = r.v;
      }
    }
  } finally {
    active.delete(a);
  }
  if (!hadRefs && a === holder.v) {
    let refs = false;
    for (let i = 0; i < a.vals.length; i++) if (a.vals[i] instanceof Ref) { refs = true; break; }
    a.hasRefs = refs;
  }
}

function walkObject(o: PhpObject, b: Bound, extra: any, hasExtra: boolean): void {
  for (const k of Object.keys(o.p)) {
    let v = o.p[k];
    if (typeof v === 'symbol') continue;
    const r = v instanceof Ref ? v : new Ref(v);
    callBound(b, hasExtra ? [r, normStrKey(k), extra] : [r, normStrKey(k)]);
    if (!(v instanceof Ref)) o.p[k] = r.v;
  }
}

// ───────────── internal pointer ─────────────

const objectPointers = new WeakMap<PhpObject, number>();

function pointerTarget(fname: string, v: any): PhpArray | null {
  if (v instanceof PhpArray) return v;
  rt.deprecated(`${fname}(): Calling ${fname}() on an object is deprecated`);
  return null;
}

function objectProps(o: PhpObject): PhpArray {
  const a = objectToArray(o);
  a.pos = objectPointers.get(o) ?? 0;
  return a;
}

function currentOf(a: PhpArray): any {
  const i = a.nextSlot(a.pos);
  return i < a.slotCount ? share(a.valAt(i)) : false;
}

function keyOf(a: PhpArray): any {
  const i = a.nextSlot(a.pos);
  return i < a.slotCount ? a.keyAt(i) : null;
}

/** Moves the pointer of the array in a by-reference argument (separating it first). */
function movePointer(fname: string, ref: Ref, move: (a: PhpArray) => void): any {
  const v = ref.v;
  if (v instanceof PhpObject) {
    pointerTarget(fname, v);
    const a = objectProps(v);
    move(a);
    objectPointers.set(v, a.pos);
    return currentOf(a);
  }
  let a = v as PhpArray;
  if (a.rc > 0) {
    a = a.sep();
    ref.v = a;
  }
  move(a);
  return currentOf(a);
}

function forward(a: PhpArray): void {
  const i = a.nextSlot(a.pos);
  if (i < a.slotCount) a.pos = a.nextSlot(i + 1);
}

function backward(a: PhpArray): void {
  let i = a.nextSlot(a.pos);
  if (i >= a.slotCount) return;
  while (i > 0) {
    i--;
    if (!a.isHole(i)) {
      a.pos = i;
      return;
    }
  }
  a.pos = a.slotCount;
}

function toEnd(a: PhpArray): void {
  const i = a.prevSlot(a.slotCount - 1);
  a.pos = i < 0 ? a.slotCount : i;
}

// ───────────── the functions ─────────────

export function registerArray(r: Registry): void {
  r.constants({
    EXTR_OVERWRITE: 0, EXTR_SKIP: 1, EXTR_PREFIX_SAME: 2, EXTR_PREFIX_ALL: 3, EXTR_PREFIX_INVALID: 4,
    EXTR_PREFIX_IF_EXISTS: 5, EXTR_IF_EXISTS: 6, EXTR_REFS: 256,
    SORT_ASC: 4, SORT_DESC: 3, SORT_REGULAR: 0, SORT_NUMERIC: 1, SORT_STRING: 2, SORT_LOCALE_STRING: 5,
    SORT_NATURAL: 6, SORT_FLAG_CASE: 8,
    CASE_LOWER: 0, CASE_UPPER: 1, COUNT_NORMAL: 0, COUNT_RECURSIVE: 1,
    ARRAY_FILTER_USE_BOTH: 1, ARRAY_FILTER_USE_KEY: 2,
  });
  registerSort(r);
  registerArraySet(r);

  const defs: Record<string, (...args: any[]) => any> = {
    'count(mixed $value, int $mode = COUNT_NORMAL): int': countValue,

    'in_array(mixed $needle, array $haystack, bool $strict = false): bool': (needle: any, a: PhpArray, strict: boolean) => search(needle, a, strict) >= 0,
    'array_search(mixed $needle, array $haystack, bool $strict = false): int|string|false': (needle: any, a: PhpArray, strict: boolean) => {
      const i = search(needle, a, strict);
      return i < 0 ? false : a.keyAt(i);
    },

    'array_keys(array $array, mixed $filter_value = UNKNOWN, bool $strict = false): array': (a: PhpArray, filter: any, strict: boolean) => {
      if (!given(filter)) return new PhpArray(keysOf(a));
      const out: Key[] = [];
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const v = a.valAt(i);
        if (strict ? strictEq(v, filter) : looseEq(v, filter)) out.push(a.keyAt(i));
      }
      return new PhpArray(out);
    },
    'array_values(array $array): array': (a: PhpArray) => {
      if (a.keys === null && !a.hasRefs) return share(a);
      const vals = valuesOf(a);
      const out = new PhpArray(vals === a.vals ? vals.slice() : vals);
      for (let i = 0; i < out.vals.length; i++) share(out.vals[i]);
      return out;
    },
    'array_key_first(array $array): int|string|null': (a: PhpArray) => {
      const i = a.nextSlot(0);
      return i < a.slotCount ? a.keyAt(i) : null;
    },
    'array_key_last(array $array): int|string|null': (a: PhpArray) => {
      const i = a.prevSlot(a.slotCount - 1);
      return i >= 0 ? a.keyAt(i) : null;
    },
    'array_key_exists($key, array $array): bool': (k: any, a: PhpArray) => {
      if (typeof k === 'number' && Number.isInteger(k)) return a.has(k);
      if (typeof k === 'string') return a.has(normStrKey(k));
      if (k instanceof PhpArray || k instanceof PhpObject) rt.throwError('TypeError', 'Illegal offset type');
      return a.has(toKey(k));
    },
    'array_is_list(array $array): bool': (a: PhpArray) => {
      if (a.keys === null) return true;
      let n = 0;
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) if (a.keyAt(i) !== n++) return false;
      return true;
    },

    'array_merge(array ...$arrays): array': (arrays: PhpArray[]) => {
      if (arrays.length === 0) return new PhpArray();
      for (let i = 0; i < arrays.length; i++) checkArrayArg('array_merge', arrays[i], i);
      if (arrays.length === 1 && arrays[0].keys === null && !arrays[0].hasRefs) return share(arrays[0]);
      if (arrays.every((x) => x.keys === null && !x.hasRefs)) {
        const vals: any[] = [];
        for (const x of arrays) for (let i = 0; i < x.vals.length; i++) vals.push(share(x.vals[i]));
        return new PhpArray(vals);
      }
      const out = new PhpArray();
      for (const x of arrays) mergeInto(out, x);
      return out;
    },
    'array_merge_recursive(array ...$arrays): array': (arrays: PhpArray[]) => {
      if (arrays.length === 0) return new PhpArray();
      for (let i = 0; i < arrays.length; i++) checkArrayArg('array_merge_recursive', arrays[i], i);
      const out = new PhpArray();
      mergeInto(out, arrays[0]);
      for (let i = 1; i < arrays.length; i++) mergeRecursive(out, arrays[i], new Set());
      return out;
    },
    'array_replace(array $array, array ...$replacements): array': (a: PhpArray, rest: PhpArray[]) => {
      for (let i = 0; i < rest.length; i++) checkArrayArg('array_replace', rest[i], i + 1);
      const out = plainCopy(a);
      for (const x of rest) {
        for (let i = x.nextSlot(0); i < x.slotCount; i = x.nextSlot(i + 1)) out.set(x.keyAt(i), share(x.valAt(i)));
      }
      return out;
    },
    'array_replace_recursive(array $array, array ...$replacements): array': (a: PhpArray, rest: PhpArray[]) => {
      for (let i = 0; i < rest.length; i++) checkArrayArg('array_replace_recursive', rest[i], i + 1);
      const out = plainCopy(a);
      for (const x of rest) replaceRecursive(out, x, new Set());
      return out;
    },

    'array_combine(array $keys, array $values): array': (keys: PhpArray, values: PhpArray) => {
      if (keys.size !== values.size) {
        rt.throwError('ValueError', 'array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements');
      }
      const out = new PhpArray();
      const ks = valuesOf(keys), vs = valuesOf(values);
      for (let i = 0; i < ks.length; i++) out.set(strOrIntKey(ks[i]), share(vs[i]));
      return out;
    },
    'array_flip(array $array): array': (a: PhpArray) => {
      const out = new PhpArray();
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const v = a.valAt(i);
        if (typeof v === 'number' && Number.isInteger(v) || typeof v === 'bigint') out.set(v, a.keyAt(i));
        else if (typeof v === 'string') out.set(normStrKey(v), a.keyAt(i));
        else rt.warn('array_flip(): Can only flip string and integer values, entry skipped');
      }
      return out;
    },
    'array_fill(int $start_index, int $count, mixed $value): array': (start: number | bigint, count: number | bigint, value: any) => {
      if (count < 0) rt.throwError('ValueError', 'array_fill(): Argument #2 ($count) must be greater than or equal to 0');
      if (count == 0) return new PhpArray();
      if (count > 2147483647) rt.throwError('ValueError', 'array_fill(): Argument #2 ($count) is too large');
      const n = num(count);
      if (BigInt(start) > 9223372036854775807n - BigInt(n) + 1n) {
        rt.throwError('Error', 'Cannot add element to the array as the next element is already occupied');
      }
      if (start === 0) {
        const vals = new Array(n);
        for (let i = 0; i < n; i++) vals[i] = share(value);
        return new PhpArray(vals);
      }
      // keys start, start+1, ... (after a negative start too, as PHP 8.2's new arrays count from it)
      const out = new PhpArray();
      if (typeof start === 'number' && Number.isSafeInteger(start + n)) {
        for (let i = 0; i < n; i++) out.set(start + i, share(value));
      } else {
        const b = BigInt(start);
        for (let i = 0; i < n; i++) {
          const k = b + BigInt(i);
          out.set(k >= -9007199254740991n && k <= 9007199254740991n ? Number(k) : k, share(value));
        }
      }
      return out;
    },
    'array_fill_keys(array $keys, mixed $value): array': (keys: PhpArray, value: any) => {
      const out = new PhpArray();
      for (let i = keys.nextSlot(0); i < keys.slotCount; i = keys.nextSlot(i + 1)) out.set(strOrIntKey(keys.valAt(i)), share(value));
      return out;
    },
    'array_pad(array $array, int $length, mixed $value): array': (a: PhpArray, length: number | bigint, value: any) => {
      const size = a.size;
      const len = num(length);
      const abs = Math.abs(len);
      if (size >= abs) return share(a);
      const pads = abs - size;
      if (pads > 1048576) rt.throwError('ValueError', 'array_pad(): Argument #2 ($length) must be less than or equal to 1048576');
      const out = new PhpArray();
      if (len < 0) for (let i = 0; i < pads; i++) out.append(share(value));
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const k = a.keyAt(i);
        const v = share(a.valAt(i));
        if (typeof k === 'string') out.set(k, v);
        else out.append(v);
      }
      if (len > 0) for (let i = 0; i < pads; i++) out.append(share(value));
      return out;
    },
    'array_chunk(array $array, int $length, bool $preserve_keys = false): array': (a: PhpArray, length: number | bigint, preserve: boolean) => {
      if (length < 1) rt.throwError('ValueError', 'array_chunk(): Argument #2 ($length) must be greater than 0');
      const size = num(length);
      const out = new PhpArray();
      let chunk: PhpArray | null = null;
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        if (!chunk) chunk = new PhpArray();
        const v = rawShared(a, i);
        if (preserve) putRaw(chunk, a.keyAt(i), v);
        else pushRaw(chunk, v);
        if (chunk.size >= size) {
          out.append(chunk);
          chunk = null;
        }
      }
      if (chunk) out.append(chunk);
      return out;
    },
    'array_slice(array $array, int $offset, ?int $length = null, bool $preserve_keys = false): array': arraySlice,
    'array_splice(array &$array, int $offset, ?int $length = null, mixed $replacement = []): array': (ref: Ref, offset: any, length: any, repl: any) => arraySplice(ref, offset, length, repl),

    'array_map(?callable $callback, array $array, array ...$arrays): array': (cb: any, a: PhpArray, rest: any[]) => {
      for (let i = 0; i < rest.length; i++) {
        if (!(rest[i] instanceof PhpArray)) rt.throwError('TypeError', `array_map(): Argument #${i + 3} must be of type array, ${givenType(rest[i])} given`);
      }
      if (rest.length === 0) {
        if (cb === null) return share(a);
        const f = call1(bindCallable(cb));
        if (a.keys === null && !a.hasRefs) {
          const vals = a.vals;
          const n = vals.length;
          const out: any[] = new Array(n);
          for (let i = 0; i < n; i++) out[i] = f(vals[i]);
          return new PhpArray(out);
        }
        const out = new PhpArray();
        for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
          const k = a.keyAt(i);
          out.set(k, f(a.valAt(i)));
        }
        return out;
      }
      const arrays: PhpArray[] = [a, ...rest];
      const lists = arrays.map(valuesOf);
      let max = 0;
      for (const l of lists) if (l.length > max) max = l.length;
      const out: any[] = new Array(max);
      const b = cb === null ? null : bindCallable(cb);
      for (let i = 0; i < max; i++) {
        const args = lists.map((l) => (i < l.length ? share(l[i]) : null));
        out[i] = b === null ? new PhpArray(args) : callBound(b, args);
      }
      return new PhpArray(out);
    },
    'array_filter(array $array, ?callable $callback = null, int $mode = 0): array': (a: PhpArray, cb: any, mode: number) => {
      const out = new PhpArray();
      if (cb === null) {
        for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
          const v = a.valAt(i);
          if (toBool(v)) putRaw(out, a.keyAt(i), rawShared(a, i));
        }
        out.nextFree = a.nextFree;
        return out;
      }
      const b = bindCallable(cb);
      const f1 = call1(b), f2 = call2(b);
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const k = a.keyAt(i);
        const v = a.valAt(i);
        const keep = mode === 2 ? f1(k) : mode === 1 ? f2(v, k) : f1(v);
        if (toBool(keep)) putRaw(out, k, rawShared(a, i));
        if (i >= a.slotCount) break;
      }
      return out;
    },
    'array_reduce(array $array, callable $callback, mixed $initial = null): mixed': (a: PhpArray, cb: any, initial: any) => {
      const f = call2(bindCallable(cb));
      let carry = initial;
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) carry = f(carry, a.valAt(i));
      return carry;
    },
    'array_walk(array|object &$array, callable $callback, mixed $arg = UNKNOWN): true': (ref: Ref, cb: any, extra: any) => {
      walk(ref, bindCallable(cb), extra, given(extra), false, new Set());
      return true;
    },
    'array_walk_recursive(array|object &$array, callable $callback, mixed $arg = UNKNOWN): true': (ref: Ref, cb: any, extra: any) => {
      walk(ref, bindCallable(cb), extra, given(extra), true, new Set());
      return true;
    },

    'array_column(array $array, string|int|null $column_key, string|int|null $index_key = null): array': (a: PhpArray, col: any, idx: any) => {
      const scope = callerScope();
      const fetch = (row: any, k: any): any => {
        if (row instanceof PhpArray) return row.get(typeof k === 'string' ? normStrKey(k) : k);
        if (row instanceof PhpObject) {
          const v = propGetQuiet(row, toStr(k), scope);
          return v;
        }
        return undefined;
      };
      const out = new PhpArray();
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const row = a.valAt(i);
        const v = col === null ? row : fetch(row, col);
        if (v === undefined) continue;
        const kv = idx === null ? undefined : fetch(row, idx);
        if (kv === undefined) out.append(share(v));
        else out.set(toKey(kv), share(v));
      }
      return out;
    },
    'array_unique(array $array, int $flags = SORT_STRING): array': (a: PhpArray, flags: number) => {
      if (a.size <= 1) return share(a);
      if (flags === SORT_STRING) {
        const seen = new Set<string>();
        const out = new PhpArray();
        for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
          const v = a.valAt(i);
          const s = typeof v === 'string' ? v : toStr(v);
          if (seen.has(s)) continue;
          seen.add(s);
          out.set(a.keyAt(i), share(v));
        }
        return out;
      }
      const cmp = dataCompare(flags);
      const keys = keysOf(a);
      const vals = valuesOf(a);
      const idx = keys.map((_, i) => i);
      zendSort(idx, (x, y) => cmp(vals[x], vals[y]) || (x < y ? -1 : x > y ? 1 : 0));
      const drop = new Uint8Array(keys.length);
      let last = idx[0];
      for (let j = 1; j < idx.length; j++) {
        const cur = idx[j];
        if (cmp(vals[last], vals[cur]) !== 0) last = cur;
        else if (last > cur) {
          drop[last] = 1;
          last = cur;
        } else drop[cur] = 1;
      }
      const out = new PhpArray();
      for (let i = 0; i < keys.length; i++) if (!drop[i]) out.set(keys[i], share(vals[i]));
      out.nextFree = a.nextFree;
      return out;
    },
    'array_count_values(array $array): array': (a: PhpArray) => {
      const out = new PhpArray();
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const v = a.valAt(i);
        let k: Key;
        if (typeof v === 'number' && Number.isInteger(v) || typeof v === 'bigint') k = v;
        else if (typeof v === 'string') k = normStrKey(v);
        else {
          rt.warn('array_count_values(): Can only count string and integer values, entry skipped');
          continue;
        }
        const c = out.get(k);
        out.set(k, c === undefined ? 1 : c + 1);
      }
      return out;
    },
    'array_sum(array $array): int|float': (a: PhpArray) => {
      let sum: any = 0;
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const v = a.valAt(i);
        if (typeof v === 'number' && typeof sum === 'number' && Number.isInteger(v) && Number.isInteger(sum)) {
          const s = sum + v;
          if (Number.isSafeInteger(s)) {
            sum = s;
            continue;
          }
        }
        if (v instanceof PhpArray || v instanceof PhpObject) continue;
        sum = add(sum, scalarToNumber(v));
      }
      return sum;
    },
    'array_product(array $array): int|float': (a: PhpArray) => {
      let p: any = 1;
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const v = a.valAt(i);
        if (v instanceof PhpArray || v instanceof PhpObject) continue;
        p = mul(p, scalarToNumber(v));
      }
      return p;
    },
    'array_rand(array $array, int $num = 1): int|string|array': (a: PhpArray, numReq: number | bigint) => {
      const avail = a.size;
      if (avail === 0) rt.throwError('ValueError', 'array_rand(): Argument #1 ($array) cannot be empty');
      const keys = keysOf(a);
      if (numReq == 1) {
        return keys[num(mtRandRange(0, avail - 1))];
      }
      if (numReq <= 0 || numReq > avail) {
        rt.throwError('ValueError', 'array_rand(): Argument #2 ($num) must be between 1 and the number of elements in argument #1 ($array)');
      }
      let want = num(numReq);
      let negative = false;
      if (want > avail >> 1) {
        negative = true;
        want = avail - want;
      }
      const bits = new Uint8Array(avail);
      while (want > 0) {
        const r = num(mtRandRange(0, avail - 1));
        if (!bits[r]) {
          bits[r] = 1;
          want--;
        }
      }
      const out: Key[] = [];
      for (let i = 0; i < avail; i++) if (!!bits[i] !== negative) out.push(keys[i]);
      return new PhpArray(out);
    },
    'shuffle(array &$array): true': (ref: Ref) => {
      const a = ref.v as PhpArray;
      const n = a.size;
      const vals: any[] = [];
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) vals.push(a.rawAt(i));
      if (a.rc > 0) for (const v of vals) share(v instanceof Ref ? null : v);
      for (let left = n - 1; left > 0; left--) {
        const j = num(mtRandRange(0, left));
        if (j !== left) {
          const t = vals[left];
          vals[left] = vals[j];
          vals[j] = t;
        }
      }
      const out = new PhpArray(vals);
      out.hasRefs = a.hasRefs;
      ref.v = out;
      return true;
    },
    'range($start, $end, int|float $step = 1): array': range,

    'array_push(array &$array, mixed ...$values): int': (ref: Ref, values: any[]) => {
      const a = (ref.v as PhpArray).sep();
      ref.v = a;
      for (const v of values) {
        if (!a.append(share(v))) rt.throwError('Error', 'Cannot add element to the array as the next element is already occupied');
      }
      return a.size;
    },
    'array_pop(array &$array): mixed': (ref: Ref) => {
      const src = ref.v as PhpArray;
      if (src.size === 0) return null;
      const a = src.sep();
      ref.v = a;
      const i = a.prevSlot(a.slotCount - 1);
      const k = a.keyAt(i);
      const v = a.valAt(i);
      a.delete(k);
      if (typeof k !== 'string' && typeof a.nextFree === typeof k && (a.nextFree as any) - (typeof k === 'bigint' ? 1n : 1 as any) === k) {
        a.nextFree = typeof k === 'bigint' ? (k as bigint) : (k as number);
        if (typeof a.nextFree === 'bigint' && a.nextFree <= 9007199254740991n) a.nextFree = Number(a.nextFree);
      }
      a.pos = a.nextSlot(0);
      return v;
    },
    'array_shift(array &$array): mixed': (ref: Ref) => {
      const a = ref.v as PhpArray;
      if (a.size === 0) return null;
      const first = a.nextSlot(0);
      const v = a.valAt(first);
      let out: PhpArray;
      if (a.keys === null) {
        out = new PhpArray(a.vals.slice(1));
        out.hasRefs = a.hasRefs;
      } else {
        out = new PhpArray();
        appendRenumbered(out, a, 1);
      }
      if (a.rc > 0) for (let i = 0; i < out.vals.length; i++) share(out.vals[i]);
      ref.v = out;
      return v;
    },
    'array_unshift(array &$array, mixed ...$values): int': (ref: Ref, values: any[]) => {
      const a = ref.v as PhpArray;
      let out: PhpArray;
      if (a.keys === null) {
        const vals = values.map(share);
        for (let i = 0; i < a.vals.length; i++) vals.push(a.rc > 0 ? share(a.vals[i]) : a.vals[i]);
        out = new PhpArray(vals);
        out.hasRefs = a.hasRefs;
      } else {
        out = new PhpArray(values.map(share));
        appendRenumbered(out, a);
        if (a.rc > 0) for (let i = values.length; i < out.vals.length; i++) share(out.vals[i]);
      }
      ref.v = out;
      return out.size;
    },

    'current(array|object $array): mixed': (v: any) => {
      const a = pointerTarget('current', v);
      return currentOf(a ?? objectProps(v));
    },
    'pos(array|object $array): mixed': (v: any) => {
      const a = pointerTarget('pos', v);
      return currentOf(a ?? objectProps(v));
    },
    'key(array|object $array): int|string|null': (v: any) => {
      const a = pointerTarget('key', v);
      return keyOf(a ?? objectProps(v));
    },
    'next(array|object &$array): mixed': (ref: Ref) => movePointer('next', ref, forward),
    'prev(array|object &$array): mixed': (ref: Ref) => movePointer('prev', ref, backward),
    'reset(array|object &$array): mixed': (ref: Ref) => movePointer('reset', ref, (a) => (a.pos = a.nextSlot(0))),
    'end(array|object &$array): mixed': (ref: Ref) => movePointer('end', ref, toEnd),

    'array_reverse(array $array, bool $preserve_keys = false): array': (a: PhpArray, preserve: boolean) => {
      if (a.keys === null && !a.hasRefs && !preserve) {
        const vals = a.vals.slice().reverse();
        for (let i = 0; i < vals.length; i++) share(vals[i]);
        return new PhpArray(vals);
      }
      const out = new PhpArray();
      for (let i = a.prevSlot(a.slotCount - 1); i >= 0; i = a.prevSlot(i - 1)) {
        const k = a.keyAt(i);
        const v = rawShared(a, i);
        if (typeof k === 'string' || preserve) putRaw(out, k, v);
        else pushRaw(out, v);
      }
      return out;
    },
    'array_change_key_case(array $array, int $case = CASE_LOWER): array': (a: PhpArray, mode: number) => {
      const out = new PhpArray();
      for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
        const k = a.keyAt(i);
        const v = share(a.valAt(i));
        if (typeof k !== 'string') out.set(k, v);
        else out.set(mode ? asciiUpper(k) : asciiLower(k), v);
      }
      return out;
    },

    'min(mixed $value, mixed ...$values): mixed': (v: any, rest: any[]) => minmax('min', v, rest, -1),
    'max(mixed $value, mixed ...$values): mixed': (v: any, rest: any[]) => minmax('max', v, rest, 1),
  };
  for (const sig of Object.keys(defs)) r.function(sig.replace(/= UNKNOWN\b/g, '= ' + UNKNOWN_TEXT), defs[sig]);
  r.alias('sizeof', 'count');
  r.alias('key_exists', 'array_key_exists');
}

function checkArrayArg(fname: string, v: any, i: number): void {
  if (!(v instanceof PhpArray)) {
    rt.throwError('TypeError', `${fname}(): Argument #${i + 1}${i === 0 ? ' ($array)' : ''} must be of type array, ${givenType(v)} given`);
  }
}

/** convert_scalar_to_number: strings silently by their numeric prefix, null/bool to int. */
function scalarToNumber(v: any): any {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof PhpFloat) return v;
  if (typeof v === 'string') {
    const r = readNumeric(v);
    return r.kind === 0 ? 0 : r.value;
  }
  if (v === null || v === false) return 0;
  if (v === true) return 1;
  if (v instanceof PhpResource) return v.id;
  return toInt(v);
}

function minmax(fname: string, v: any, rest: any[], dir: number): any {
  if (rest.length === 0) {
    if (!(v instanceof PhpArray)) rt.throwError('TypeError', `${fname}(): Argument #1 ($value) must be of type array, ${givenType(v)} given`);
    const a = v as PhpArray;
    let i = a.nextSlot(0);
    if (i >= a.slotCount) rt.throwError('ValueError', `${fname}(): Argument #1 ($value) must contain at least one element`);
    let best = a.valAt(i);
    for (i = a.nextSlot(i + 1); i < a.slotCount; i = a.nextSlot(i + 1)) {
      const x = a.valAt(i);
      if (dir < 0 ? compare(best, x) > 0 : compare(best, x) < 0) best = x;
    }
    return share(best);
  }
  let best = v;
  for (const x of rest) {
    if (dir < 0 ? compare(x, best) < 0 : !(compare(x, best) <= 0)) best = x;
  }
  return best;
}

function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}
function asciiUpper(s: string): string {
  return /[a-z]/.test(s) ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s;
}

export { SORT_REGULAR, formatFloat };
