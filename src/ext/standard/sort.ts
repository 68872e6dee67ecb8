// ext/standard/array.c, the sorting half: sort/rsort/usort/asort/arsort/uasort/ksort/krsort/uksort,
// natsort/natcasesort, array_multisort, with PHP's sort flags; plus strnatcmp (ext/standard/strnatcmp.c).
//
// PHP 8's sorts are stable: ties keep their original order. The element order PHP produces for an
// inconsistent comparison (mixed types, a user callback) depends on the algorithm, so the general path
// runs the same hybrid insertion sort / quicksort as Zend/zend_sort.c. Comparisons that are known to be
// consistent (all numbers, all non-numeric strings, int keys) take V8's native sort instead.

import type { Registry } from '../../engine/extension.js';
import { PhpArray, Key } from '../../runtime/array.js';
import { Ref } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { compare, compareStrings } from '../../runtime/operators.js';
import { toStr, toFloat, toInt, readNumeric } from '../../runtime/convert.js';
import { callBound, resolveCallable, Bound } from '../../runtime/calls.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';

export const SORT_REGULAR = 0, SORT_NUMERIC = 1, SORT_STRING = 2, SORT_DESC = 3, SORT_ASC = 4;
export const SORT_LOCALE_STRING = 5, SORT_NATURAL = 6, SORT_FLAG_CASE = 8;

export type Cmp = (a: any, b: any) => number;

// ───────────── natural order (strnatcmp.c) ─────────────

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/**
 * Natural order comparison of two byte strings ("img12" > "img10"), as PHP's strnatcmp_ex:
 * leading zeros skipped once at the start, whitespace runs skipped, digit runs compared by value
 * (right-aligned) or, when one starts with 0, digit by digit (left-aligned, as fractions).
 * Returns -1, 0 or 1.
 */
export function strnatcmp(a: string, b: string, foldCase = false): number {
  const an = a.length, bn = b.length;
  if (an === 0 || bn === 0) return an === bn ? 0 : an > bn ? 1 : -1;
  // past the end reads as NUL, like the C string's terminator
  const at = (s: string, i: number, n: number) => (i < n ? s.charCodeAt(i) : 0);
  let i = 0, j = 0;
  let leading = true;
  for (;;) {
    let ca = at(a, i, an), cb = at(b, j, bn);
    if (leading) {
      while (ca === 48 && i + 1 < an && isDigit(a.charCodeAt(i + 1))) ca = a.charCodeAt(++i);
      while (cb === 48 && j + 1 < bn && isDigit(b.charCodeAt(j + 1))) cb = b.charCodeAt(++j);
      leading = false;
    }
    while (isSpace(ca)) ca = at(a, ++i, an);
    while (isSpace(cb)) cb = at(b, ++j, bn);
    if (isDigit(ca) && isDigit(cb)) {
      let r = 0;
      if (ca === 48 || cb === 48) {
        // left-aligned: the first difference decides
        for (;; i++, j++) {
          const da = i < an && isDigit(a.charCodeAt(i)), db = j < bn && isDigit(b.charCodeAt(j));
          if (!da && !db) break;
          if (!da) return -1;
          if (!db) return 1;
          const x = a.charCodeAt(i), y = b.charCodeAt(j);
          if (x !== y) return x < y ? -1 : 1;
        }
      } else {
        // right-aligned: the longer run wins, else the first difference
        for (;; i++, j++) {
          const da = i < an && isDigit(a.charCodeAt(i)), db = j < bn && isDigit(b.charCodeAt(j));
          if (!da && !db) break;
          if (!da) return -1;
          if (!db) return 1;
          if (r === 0) {
            const x = a.charCodeAt(i), y = b.charCodeAt(j);
            if (x !== y) r = x < y ? -1 : 1;
          }
        }
        if (r !== 0) return r;
      }
      if (i >= an && j >= bn) return 0;
      if (i >= an) return -1;
      if (j >= bn) return 1;
      ca = a.charCodeAt(i);
      cb = b.charCodeAt(j);
    }
    if (foldCase) {
      ca = upper(ca);
      cb = upper(cb);
    }
    if (ca !== cb) return ca < cb ? -1 : 1;
    i++;
    j++;
    if (i >= an && j >= bn) return 0;
    if (i >= an) return -1;
    if (j >= bn) return 1;
  }
}

// ───────────── comparison functions by sort flag ─────────────

/** zend_binary_strcasecmp: ASCII case-insensitive byte comparison (the C locale). */
export function strcasecmpBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return x < y ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function cmpDouble(x: number, y: number): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * php_array_data_compare_unstable_i: enum cases are uncomparable, yet sorting (array_unique) must group
 * equal cases, so they order by identity, after everything else.
 */
const cmpRegular: Cmp = (a, b) => {
  const r = compare(a, b);
  if (r === 1) {
    if (b instanceof Ref) b = b.v;
    if (isEnumCase(b)) {
      if (a instanceof Ref) a = a.v;
      if (isEnumCase(a)) return a === b ? 0 : (a as PhpObject).id < (b as PhpObject).id ? -1 : 1;
      return -1;
    }
  }
  return r;
};
function isEnumCase(v: any): boolean {
  return v instanceof PhpObject && v.cls.isEnum;
}
const cmpNumeric: Cmp = (a, b) => cmpDouble(toFloat(a), toFloat(b));
const cmpString: Cmp = (a, b) => {
  const x = typeof a === 'string' ? a : toStr(a);
  const y = typeof b === 'string' ? b : toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const cmpStringCase: Cmp = (a, b) => strcasecmpBytes(typeof a === 'string' ? a : toStr(a), typeof b === 'string' ? b : toStr(b));
const cmpNatural: Cmp = (a, b) => strnatcmp(typeof a === 'string' ? a : toStr(a), typeof b === 'string' ? b : toStr(b), false);
const cmpNaturalCase: Cmp = (a, b) => strnatcmp(typeof a === 'string' ? a : toStr(a), typeof b === 'string' ? b : toStr(b), true);

/** php_get_data_compare_func: the value comparison for a sort flag (unknown flags sort regularly). */
export function dataCompare(flags: number): Cmp {
  switch (flags & ~SORT_FLAG_CASE) {
    case SORT_NUMERIC:
      return cmpNumeric;
    case SORT_STRING:
      return flags & SORT_FLAG_CASE ? cmpStringCase : cmpString;
    case SORT_NATURAL:
      return flags & SORT_FLAG_CASE ? cmpNaturalCase : cmpNatural;
    case SORT_LOCALE_STRING:
      return cmpString; // strcoll in the C locale
    default:
      return cmpRegular;
  }
}

/** php_array_key_compare (SORT_REGULAR on keys): ints numerically, strings smartly, mixed by <=>. */
const keyRegular: Cmp = (a: Key, b: Key) => {
  const ta = typeof a, tb = typeof b;
  if (ta !== 'string' && tb !== 'string') return a > b ? 1 : a < b ? -1 : 0;
  if (ta === 'string' && tb === 'string') return compareStrings(a as string, b as string, false);
  return compare(a, b);
};
const keyNumeric: Cmp = (a: Key, b: Key) => {
  if (typeof a === 'number' && typeof b === 'number') return a > b ? 1 : a < b ? -1 : 0;
  return cmpDouble(keyToFloat(a), keyToFloat(b));
};
function keyToFloat(k: Key): number {
  if (typeof k === 'number') return k;
  if (typeof k === 'bigint') return Number(k);
  return toFloat(k);
}
const keyString: Cmp = (a: Key, b: Key) => {
  const x = typeof a === 'string' ? a : String(a), y = typeof b === 'string' ? b : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const keyStringCase: Cmp = (a: Key, b: Key) => strcasecmpBytes(String(a), String(b));
const keyNatural: Cmp = (a: Key, b: Key) => strnatcmp(String(a), String(b), false);
const keyNaturalCase: Cmp = (a: Key, b: Key) => strnatcmp(String(a), String(b), true);

/** php_get_key_compare_func */
export function keyCompare(flags: number): Cmp {
  switch (flags & ~SORT_FLAG_CASE) {
    case SORT_NUMERIC:
      return keyNumeric;
    case SORT_STRING:
      return flags & SORT_FLAG_CASE ? keyStringCase : keyString;
    case SORT_NATURAL:
      return flags & SORT_FLAG_CASE ? keyNaturalCase : keyNatural;
    case SORT_LOCALE_STRING:
      return keyString;
    default:
      return keyRegular;
  }
}

// ───────────── zend_sort ─────────────

/**
 * Sorts `a` in place with `cmp` (which must break ties itself for stability), using the algorithm of
 * Zend/zend_sort.c: insertion sort up to 16 elements, else quicksort with a median-of-3 (or 5) pivot.
 */
export function zendSort<T>(a: T[], cmp: (x: T, y: T) => number): void {
  zsort(a, 0, a.length, cmp);
}

function swap<T>(a: T[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

function sort2<T>(a: T[], i: number, j: number, cmp: (x: T, y: T) => number): void {
  if (cmp(a[i], a[j]) > 0) swap(a, i, j);
}
function sort3<T>(a: T[], i: number, j: number, k: number, cmp: (x: T, y: T) => number): void {
  if (cmp(a[i], a[j]) <= 0) {
    if (cmp(a[j], a[k]) <= 0) return;
    swap(a, j, k);
    if (cmp(a[i], a[j]) > 0) swap(a, i, j);
    return;
  }
  if (cmp(a[k], a[j]) <= 0) {
    swap(a, i, k);
    return;
  }
  swap(a, i, j);
  if (cmp(a[j], a[k]) > 0) swap(a, j, k);
}
function sort4<T>(a: T[], i: number, j: number, k: number, l: number, cmp: (x: T, y: T) => number): void {
  sort3(a, i, j, k, cmp);
  if (cmp(a[k], a[l]) > 0) {
    swap(a, k, l);
    if (cmp(a[j], a[k]) > 0) {
      swap(a, j, k);
      if (cmp(a[i], a[j]) > 0) swap(a, i, j);
    }
  }
}
function sort5<T>(a: T[], i: number, j: number, k: number, l: number, m: number, cmp: (x: T, y: T) => number): void {
  sort4(a, i, j, k, l, cmp);
  if (cmp(a[l], a[m]) > 0) {
    swap(a, l, m);
    if (cmp(a[k], a[l]) > 0) {
      swap(a, k, l);
      if (cmp(a[j], a[k]) > 0) {
        swap(a, j, k);
        if (cmp(a[i], a[j]) > 0) swap(a, i, j);
      }
    }
  }
}

/** zend_insert_sort on a[start, start+n) */
function insertSort<T>(a: T[], start: number, n: number, cmp: (x: T, y: T) => number): void {
  switch (n) {
    case 0:
    case 1:
      return;
    case 2:
      sort2(a, start, start + 1, cmp);
      return;
    case 3:
      sort3(a, start, start + 1, start + 2, cmp);
      return;
    case 4:
      sort4(a, start, start + 1, start + 2, start + 3, cmp);
      return;
    case 5:
      sort5(a, start, start + 1, start + 2, start + 3, start + 4, cmp);
      return;
  }
  const end = start + n;
  const sentry = start + 6;
  // first six: plain linear insertion
  for (let i = start + 1; i < sentry; i++) {
    let j = i - 1;
    if (cmp(a[j], a[i]) <= 0) continue;
    while (j !== start) {
      j--;
      if (cmp(a[j], a[i]) <= 0) {
        j++;
        break;
      }
    }
    const x = a[i];
    for (let k = i; k > j; k--) a[k] = a[k - 1];
    a[j] = x;
  }
  // the rest: insertion probing two at a time
  for (let i = sentry; i < end; i++) {
    let j = i - 1;
    if (cmp(a[j], a[i]) <= 0) continue;
    for (;;) {
      j -= 2;
      if (cmp(a[j], a[i]) <= 0) {
        j++;
        if (cmp(a[j], a[i]) <= 0) j++;
        break;
      }
      if (j === start) break;
      if (j === start + 1) {
        j--;
        if (cmp(a[i], a[j]) > 0) j++;
        break;
      }
    }
    const x = a[i];
    for (let k = i; k > j; k--) a[k] = a[k - 1];
    a[j] = x;
  }
}

function zsort<T>(a: T[], start: number, n: number, cmp: (x: T, y: T) => number): void {
  for (;;) {
    if (n <= 16) {
      insertSort(a, start, n, cmp);
      return;
    }
    const end = start + n;
    const offset = n >>> 1;
    let pivot = start + offset;
    if (n >= 1024) {
      const delta = offset >>> 1;
      sort5(a, start, start + delta, pivot, pivot + delta, end - 1, cmp);
    } else {
      sort3(a, start, pivot, end - 1, cmp);
    }
    swap(a, start + 1, pivot);
    pivot = start + 1;
    let i = pivot + 1;
    let j = end - 1;
    outer: for (;;) {
      while (cmp(a[pivot], a[i]) > 0) {
        i++;
        if (i === j) break outer;
      }
      j--;
      if (j === i) break;
      while (cmp(a[j], a[pivot]) > 0) {
        j--;
        if (j === i) break outer;
      }
      swap(a, i, j);
      i++;
      if (i === j) break;
    }
    swap(a, pivot, i - 1);
    if (i - 1 - start < end - i) {
      zsort(a, start, i - start - 1, cmp);
      n = end - i;
      start = i;
    } else {
      zsort(a, i, end - i, cmp);
      n = i - start - 1;
    }
  }
}

// ───────────── sorting a PhpArray ─────────────

/** The live elements of an array, unpacked: keys, stored values (Refs kept) and plain values. */
interface Parts {
  keys: Key[] | null; // null: packed 0..n-1
  raw: any[];
  vals: any[];
}

function parts(a: PhpArray): Parts {
  if (a.keys === null) {
    const raw = a.vals;
    return { keys: null, raw, vals: a.hasRefs ? raw.map((v) => (v instanceof Ref ? v.v : v)) : raw };
  }
  const n = a.size;
  const keys: Key[] = new Array(n), raw: any[] = new Array(n);
  let k = 0;
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
    keys[k] = a.keyAt(i);
    raw[k++] = a.rawAt(i);
  }
  return { keys, raw, vals: a.hasRefs ? raw.map((v) => (v instanceof Ref ? v.v : v)) : raw };
}

function identity(n: number): number[] {
  const idx: number[] = new Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/** Builds the sorted array from the element order `idx`. */
function rebuild(src: PhpArray, p: Parts, idx: number[], renumber: boolean): PhpArray {
  const n = idx.length;
  const raw = p.raw;
  let out: PhpArray;
  if (renumber || p.keys === null && isIdentity(idx)) {
    const vals: any[] = new Array(n);
    for (let i = 0; i < n; i++) vals[i] = raw[idx[i]];
    out = new PhpArray(vals);
    if (!renumber) out.nextFree = src.nextFree;
  } else {
    // the keys are unique already: each set() adds one (a stored Ref stays the element's reference)
    const keys = p.keys;
    out = new PhpArray();
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      out.set(keys === null ? j : keys[j], raw[j]);
    }
    out.nextFree = src.nextFree;
  }
  out.hasRefs = src.hasRefs;
  out.pos = 0;
  return out;
}

function isIdentity(idx: number[]): boolean {
  for (let i = 0; i < idx.length; i++) if (idx[i] !== i) return false;
  return true;
}

/** All values plain JS numbers (ints and non-integral floats) and none NaN: numeric order is total. */
function allNumbers(vals: any[]): boolean {
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (typeof v !== 'number' || v !== v) return false;
  }
  return true;
}

/** All values strings that are not numeric: PHP's string comparison is then plain byte order. */
function allPlainStrings(vals: any[]): boolean {
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (typeof v !== 'string') return false;
    const c = v.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 32 || (c >= 9 && c <= 13)) {
      if (readNumeric(v).kind === 1) return false;
    }
  }
  return true;
}

function allStrings(vals: any[]): boolean {
  for (let i = 0; i < vals.length; i++) if (typeof vals[i] !== 'string') return false;
  return true;
}

function allIntKeys(keys: Key[]): boolean {
  for (let i = 0; i < keys.length; i++) if (typeof keys[i] !== 'number') return false;
  return true;
}

/**
 * Sorts an array by value (byKey false) or key, with a comparison for a flag, optionally reversed;
 * ties keep their original order. Returns the new array (the input is not modified).
 */
export function sortArray(a: PhpArray, cmp: Cmp, byKey: boolean, reverse: boolean, renumber: boolean, flags: number): PhpArray {
  const n = a.size;
  if (n <= 1 && !(renumber && n > 0)) return a;
  const p = parts(a);
  const sortVals = byKey ? (p.keys ?? identity(n)) : p.vals;
  const kind = flags & ~SORT_FLAG_CASE;
  const sgn = reverse ? -1 : 1;
  // plain values that are interchangeable when equal: sort the values themselves
  if (!byKey && renumber && !a.hasRefs) {
    if ((kind === SORT_REGULAR || kind === SORT_NUMERIC) && allNumbers(sortVals)) {
      const f = Float64Array.from(sortVals).sort();
      if (reverse) f.reverse();
      return new PhpArray(Array.from(f));
    }
    const caseless = (flags & SORT_FLAG_CASE) === 0;
    if ((caseless && (kind === SORT_STRING || kind === SORT_LOCALE_STRING) && allStrings(sortVals)) || (kind === SORT_REGULAR && allPlainStrings(sortVals))) {
      const v = sortVals.slice().sort();
      if (reverse) v.reverse();
      return new PhpArray(v);
    }
  }
  const idx = identity(n);
  let consistent = false;
  if (byKey) consistent = (kind === SORT_REGULAR || kind === SORT_NUMERIC) && (p.keys === null || allIntKeys(p.keys));
  else if (kind === SORT_REGULAR || kind === SORT_NUMERIC) consistent = allNumbers(sortVals) || (kind === SORT_REGULAR && allPlainStrings(sortVals));
  else if ((kind === SORT_STRING || kind === SORT_LOCALE_STRING) && (flags & SORT_FLAG_CASE) === 0) consistent = allStrings(sortVals);
  if (consistent && byKey && (kind === SORT_REGULAR || kind === SORT_NUMERIC)) {
    // int keys: distinct numbers
    const ks = sortVals as number[];
    idx.sort(reverse ? (x, y) => ks[y] - ks[x] : (x, y) => ks[x] - ks[y]);
  } else if (consistent && typeof sortVals[0] === 'number') {
    const vs = sortVals as number[];
    idx.sort(reverse ? (x, y) => vs[y] - vs[x] : (x, y) => vs[x] - vs[y]); // stable: ties keep their order
  } else if (consistent) {
    const vs = sortVals as string[];
    idx.sort((x, y) => {
      const s = vs[x], t = vs[y];
      return s < t ? -sgn : s > t ? sgn : x - y;
    });
  } else {
    zendSort(idx, (x, y) => {
      const r = cmp(sortVals[x], sortVals[y]);
      if (r !== 0) return reverse ? (r > 0 ? -1 : 1) : r;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return rebuild(a, p, idx, renumber);
}

// ───────────── user comparisons ─────────────

let deprecationShown = false;

/** Each sorting call shows the bool-result deprecation once. */
export function resetCompareDeprecation(): void {
  deprecationShown = false;
}

function resolveCb(cb: any): Bound {
  const scope = rt.top.self instanceof PhpObject ? rt.top.self.cls : rt.top.self instanceof PhpClass ? rt.top.self : null;
  const b = resolveCallable(cb, scope);
  if (!b) rt.throwError('Error', 'Value not callable');
  return b;
}

/** A fast caller for a resolved callable with one argument (no by-reference parameters to feed). */
export function call1(b: Bound): (x: any) => any {
  if (b.info.refMask === 0) {
    const f = b.fn, self = b.self;
    return (x) => f.call(self, x);
  }
  return (x) => callBound(b, [x]);
}

/** The same with two arguments. */
export function call2(b: Bound): (x: any, y: any) => any {
  if (b.info.refMask === 0) {
    const f = b.fn, self = b.self;
    return (x, y) => f.call(self, x, y);
  }
  return (x, y) => callBound(b, [x, y]);
}

/** A comparison calling a PHP callback, as php_array_user_compare (bool results deprecated). */
export function userCompare(fname: string, cb: any): Cmp {
  const call = call2(resolveCb(cb));
  return (x, y) => {
    const r = call(x, y);
    if (r === false || r === true) {
      if (!deprecationShown) {
        deprecationShown = true;
        rt.deprecated(`${fname}(): Returning bool from comparison function is deprecated, return an integer less than, equal to, or greater than zero`);
      }
      if (r === false) {
        const r2 = retToInt(call(y, x));
        return r2 > 0 ? -1 : r2 < 0 ? 1 : 0;
      }
    }
    return retToInt(r);
  };
}

function retToInt(r: any): number {
  if (typeof r === 'number' && Number.isInteger(r)) return r > 0 ? 1 : r < 0 ? -1 : 0;
  const n = toInt(r);
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/** Stable sort with a user comparison, in Zend's algorithm (the callback sees PHP's call order). */
function userSort(a: PhpArray, cmp: Cmp, byKey: boolean, renumber: boolean): PhpArray {
  const n = a.size;
  if (n === 0) return a;
  if (n <= 1 && !renumber) return a;
  const p = parts(a);
  const sortVals = byKey ? (p.keys ?? identity(n)) : p.vals;
  const idx = identity(n);
  zendSort(idx, (x, y) => {
    const r = cmp(sortVals[x], sortVals[y]);
    if (r !== 0) return r;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return rebuild(a, p, idx, renumber);
}

// ───────────── array_multisort ─────────────

function multisort(first: Ref, rest: any[]): boolean {
  const args: any[] = [first, ...rest];
  const arrays: Ref[] = [];
  const cmps: Cmp[] = [];
  let order = SORT_ASC, type = SORT_REGULAR;
  let orderAllowed = false, typeAllowed = false;
  const argName = (i: number) => (i === 0 ? 'Argument #1 ($array)' : `Argument #${i + 1}`);
  const finish = () => {
    const base = dataCompare(type);
    cmps[arrays.length - 1] = order !== SORT_ASC ? (x, y) => -base(x, y) : base;
  };
  for (let i = 0; i < args.length; i++) {
    const r = args[i];
    const v = r instanceof Ref ? r.v : r;
    if (v instanceof PhpArray) {
      if (i > 0) finish();
      order = SORT_ASC;
      type = SORT_REGULAR;
      arrays.push(r instanceof Ref ? r : new Ref(v));
      orderAllowed = typeAllowed = true;
    } else if (typeof v === 'number' && Number.isInteger(v)) {
      switch (v & ~SORT_FLAG_CASE) {
        case SORT_ASC:
        case SORT_DESC:
          if (!orderAllowed) rt.throwError('TypeError', `array_multisort(): ${argName(i)} must be an array or a sort flag that has not already been specified`);
          order = v === SORT_DESC ? SORT_DESC : SORT_ASC;
          orderAllowed = false;
          break;
        case SORT_REGULAR:
        case SORT_NUMERIC:
        case SORT_STRING:
        case SORT_NATURAL:
        case SORT_LOCALE_STRING:
          if (!typeAllowed) rt.throwError('TypeError', `array_multisort(): ${argName(i)} must be an array or a sort flag that has not already been specified`);
          type = v;
          typeAllowed = false;
          break;
        default:
          rt.throwError('ValueError', `array_multisort(): ${argName(i)} must be a valid sort flag`);
      }
    } else {
      rt.throwError('TypeError', `array_multisort(): ${argName(i)} must be an array or a sort flag`);
    }
  }
  finish();
  const size = (arrays[0].v as PhpArray).size;
  for (let i = 1; i < arrays.length; i++) {
    if ((arrays[i].v as PhpArray).size !== size) rt.throwError('ValueError', 'Array sizes are inconsistent');
  }
  if (size < 1) return true;
  const ps = arrays.map((r) => parts(r.v as PhpArray));
  const idx = identity(size);
  const m = arrays.length;
  zendSort(idx, (x, y) => {
    for (let r = 0; r < m; r++) {
      const vals = ps[r].vals;
      const c = cmps[r](vals[x], vals[y]);
      if (c !== 0) return c > 0 ? 1 : -1;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let r = 0; r < m; r++) {
    const src = arrays[r].v as PhpArray;
    const p = ps[r];
    const out = new PhpArray();
    for (let i = 0; i < size; i++) {
      const j = idx[i];
      const k = p.keys === null ? j : p.keys[j];
      if (typeof k === 'string') out.set(k, p.raw[j]);
      else out.append(p.raw[j]);
    }
    out.hasRefs = src.hasRefs;
    out.nextFree = size;
    arrays[r].v = out;
  }
  return true;
}

// ───────────── registration ─────────────

export function registerSort(r: Registry): void {
  const byFlag = (byKey: boolean, reverse: boolean, renumber: boolean) => (ref: Ref, flags: number) => {
    const a = ref.v as PhpArray;
    const s = sortArray(a, byKey ? keyCompare(flags) : dataCompare(flags), byKey, reverse, renumber, flags);
    if (s !== a) ref.v = s;
    return true;
  };
  const byUser = (fname: string, byKey: boolean, renumber: boolean) => (ref: Ref, cb: any) => {
    const a = ref.v as PhpArray;
    deprecationShown = false;
    const s = userSort(a, userCompare(fname, cb), byKey, renumber);
    if (s !== a) ref.v = s;
    return true;
  };
  r.functions({
    'sort(array &$array, int $flags = SORT_REGULAR): true': byFlag(false, false, true),
    'rsort(array &$array, int $flags = SORT_REGULAR): true': byFlag(false, true, true),
    'asort(array &$array, int $flags = SORT_REGULAR): true': byFlag(false, false, false),
    'arsort(array &$array, int $flags = SORT_REGULAR): true': byFlag(false, true, false),
    'ksort(array &$array, int $flags = SORT_REGULAR): true': byFlag(true, false, false),
    'krsort(array &$array, int $flags = SORT_REGULAR): true': byFlag(true, true, false),
    'usort(array &$array, callable $callback): true': byUser('usort', false, true),
    'uasort(array &$array, callable $callback): true': byUser('uasort', false, false),
    'uksort(array &$array, callable $callback): true': byUser('uksort', true, false),
    'natsort(array &$array): bool': (ref: Ref) => {
      const a = ref.v as PhpArray;
      const s = sortArray(a, cmpNatural, false, false, false, SORT_NATURAL);
      if (s !== a) ref.v = s;
      return true;
    },
    'natcasesort(array &$array): bool': (ref: Ref) => {
      const a = ref.v as PhpArray;
      const s = sortArray(a, cmpNaturalCase, false, false, false, SORT_NATURAL | SORT_FLAG_CASE);
      if (s !== a) ref.v = s;
      return true;
    },
    'array_multisort(&$array, &...$rest): bool': multisort,
  });
}

