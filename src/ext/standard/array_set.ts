// ext/standard/array.c, the set operations: array_diff / array_intersect and their _key, _assoc and
// user-callback (u*) variants. The callback variants run PHP's own algorithm (sort every array with the
// comparison, then walk the sorted lists together), so inconsistent callbacks give PHP's results.

import type { Registry } from '../../engine/extension.js';
import { PhpArray, Key, share } from '../../runtime/array.js';
import { rt } from '../../runtime/request.js';
import { Ref } from '../../runtime/values.js';
import { toStr } from '../../runtime/convert.js';
import { givenType } from '../../runtime/types.js';
import { callBound, resolveCallable, Bound } from '../../runtime/calls.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { zendSort, userCompare, resetCompareDeprecation, Cmp } from './sort.js';

/** string_compare_function: both sides as strings, byte order. */
const strCmp: Cmp = (a, b) => {
  const x = typeof a === 'string' ? a : toStr(a);
  const y = typeof b === 'string' ? b : toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

function scope(): PhpClass | null {
  const self = rt.top.self;
  return self instanceof PhpObject ? self.cls : self instanceof PhpClass ? self : null;
}

/** Splits off the trailing callbacks and checks them (ZPP "+f" / "+ff"). */
function takeCallbacks(fname: string, first: PhpArray, rest: any[], n: number): { arrays: any[]; cbs: any[] } {
  const total = rest.length + 1;
  if (total < n + 1) rt.throwError('ArgumentCountError', `${fname}() expects at least ${n + 1} arguments, ${total} given`);
  const arrays = [first, ...rest.slice(0, rest.length - n)];
  const cbs = rest.slice(rest.length - n);
  for (let j = 0; j < n; j++) {
    const why = { reason: '' };
    if (!resolveCallable(cbs[j], scope(), why)) {
      rt.throwError('TypeError', `${fname}(): Argument #${arrays.length + j + 1} must be a valid callback, ${why.reason}`);
    }
  }
  return { arrays, cbs };
}

function checkArrays(fname: string, arrays: any[]): void {
  for (let i = 0; i < arrays.length; i++) {
    if (!(arrays[i] instanceof PhpArray)) {
      rt.throwError('TypeError', `${fname}(): Argument #${i + 1}${i === 0 ? ' ($array)' : ''} must be of type array, ${givenType(arrays[i])} given`);
    }
  }
}

/** The value comparison calling a PHP callback without the bool deprecation (zval_user_compare). */
function plainUserCompare(cb: any): Cmp {
  const b: Bound = resolveCallable(cb, scope())!;
  return (x, y) => {
    const r = callBound(b, [x, y]);
    const n = typeof r === 'number' && Number.isInteger(r) ? r : Number(toIntLoose(r));
    return n > 0 ? 1 : n < 0 ? -1 : 0;
  };
}

function toIntLoose(v: any): number | bigint {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'bigint') return v;
  const s = typeof v === 'string' ? v : toStr(v);
  const n = parseFloat(s);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** The result starts as a duplicate of the first array. */
function dup(a: PhpArray): PhpArray {
  // zend_array_dup: references with other holders stay references
  return a.clone();
}

interface List {
  keys: Key[];
  vals: any[];
}

function listOf(a: PhpArray): List {
  const keys: Key[] = [], vals: any[] = [];
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
    keys.push(a.keyAt(i));
    vals.push(a.valAt(i));
  }
  return { keys, vals };
}

const NORMAL = 1, KEY = 2, ASSOC = 6; // ASSOC includes the KEY bit, as in php-src

/**
 * php_array_intersect / php_array_diff: sorts a list per array (by value for NORMAL, by key
 * otherwise) and walks them together, deleting from a copy of the first array.
 */
function sortedSetOp(arrays: PhpArray[], behavior: number, dataCmp: Cmp, keyCmp: Cmp, diff: boolean): PhpArray {
  const lists: { keys: Key[]; vals: any[] }[] = [];
  for (const a of arrays) {
    const l = listOf(a);
    if (l.keys.length > 1) {
      const idx = l.keys.map((_, i) => i);
      if (behavior === NORMAL) zendSort(idx, (x, y) => dataCmp(l.vals[x], l.vals[y]));
      else zendSort(idx, (x, y) => keyCmp(l.keys[x], l.keys[y]));
      lists.push({ keys: idx.map((i) => l.keys[i]), vals: idx.map((i) => l.vals[i]) });
    } else lists.push(l);
  }
  const out = dup(arrays[0]);
  const L0 = lists[0];
  const n0 = L0.keys.length;
  const ptrs = new Array(arrays.length).fill(0);
  let p0 = 0;
  const dCmp = (li: number, x: number, y: number) => dataCmp(L0.vals[x], lists[li].vals[y]);
  const kCmp = (li: number, x: number, y: number) => keyCmp(L0.keys[x], lists[li].keys[y]);
  let c = 0;
  if (!diff) {
    outer: while (p0 < n0) {
      let i = 1;
      for (; i < arrays.length; i++) {
        const Li = lists[i], ni = Li.keys.length;
        if (behavior === NORMAL) {
          while (ptrs[i] < ni && 0 < (c = dCmp(i, p0, ptrs[i]))) ptrs[i]++;
        } else {
          while (ptrs[i] < ni && 0 < (c = kCmp(i, p0, ptrs[i]))) ptrs[i]++;
          if (!c && ptrs[i] < ni && behavior === ASSOC) {
            if (dCmp(i, p0, ptrs[i]) !== 0) c = 1;
          }
        }
        if (ptrs[i] >= ni) {
          for (; p0 < n0; p0++) out.delete(L0.keys[p0]);
          break outer;
        }
        if (c) break;
        ptrs[i]++;
      }
      if (c) {
        for (;;) {
          out.delete(L0.keys[p0]);
          if (++p0 >= n0) break outer;
          if (behavior === NORMAL) {
            if (0 <= dCmp(i, p0, ptrs[i])) break;
          } else break;
        }
      } else {
        for (;;) {
          if (++p0 >= n0) break outer;
          if (behavior === NORMAL) {
            if (dataCmp(L0.vals[p0 - 1], L0.vals[p0])) break;
          } else break;
        }
      }
    }
    return out;
  }
  outer: while (p0 < n0) {
    c = 1;
    for (let i = 1; i < arrays.length; i++) {
      const Li = lists[i], ni = Li.keys.length;
      let ptr = ptrs[i];
      if (behavior === NORMAL) {
        while (ptrs[i] < ni && 0 < (c = dCmp(i, p0, ptrs[i]))) ptrs[i]++;
      } else {
        while (ptr < ni && 0 !== (c = kCmp(i, p0, ptr))) ptr++;
      }
      if (!c) {
        if (behavior === NORMAL) {
          if (ptrs[i] < ni) ptrs[i]++;
          break;
        } else if (behavior === ASSOC) {
          if (ptr < ni) {
            if (dCmp(i, p0, ptr) !== 0) c = -1;
            else break;
          }
        } else break;
      }
    }
    if (!c) {
      for (;;) {
        out.delete(L0.keys[p0]);
        if (++p0 >= n0) break outer;
        if (behavior === NORMAL) {
          if (dataCmp(L0.vals[p0 - 1], L0.vals[p0])) break;
        } else break;
      }
    } else {
      for (;;) {
        if (++p0 >= n0) break outer;
        if (behavior === NORMAL) {
          if (dataCmp(L0.vals[p0 - 1], L0.vals[p0])) break;
        } else break;
      }
    }
  }
  return out;
}

/** php_array_intersect_key / php_array_diff_key: lookups by key, optional value comparison. */
function keyedSetOp(arrays: PhpArray[], dataCmp: Cmp | null, diff: boolean): PhpArray {
  const a = arrays[0];
  const out = new PhpArray();
  for (let s = a.nextSlot(0); s < a.slotCount; s = a.nextSlot(s + 1)) {
    const k = a.keyAt(s);
    const v = a.valAt(s);
    let ok = true;
    for (let i = 1; i < arrays.length; i++) {
      const other = arrays[i];
      if (diff) {
        if (other.has(k) && (!dataCmp || dataCmp(v, other.get(k)) === 0)) {
          ok = false;
          break;
        }
      } else if (!other.has(k) || (dataCmp && dataCmp(v, other.get(k)) !== 0)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      const raw = a.rawAt(s);
      if (raw instanceof Ref) out.setRef(k, raw);
      else out.set(k, share(v));
    }
  }
  return out;
}

/** array_diff: values compared as strings, through a set of the other arrays' values. */
function arrayDiff(a: PhpArray, rest: any[]): PhpArray {
  checkArrays('array_diff', [a, ...rest]);
  if (a.size === 0) return new PhpArray();
  let total = 0;
  for (const x of rest) total += (x as PhpArray).size;
  if (total === 0) return share(a);
  const exclude = new Set<string>();
  for (const x of rest as PhpArray[]) {
    for (let i = x.nextSlot(0); i < x.slotCount; i = x.nextSlot(i + 1)) {
      const v = x.valAt(i);
      exclude.add(typeof v === 'string' ? v : toStr(v));
    }
  }
  const out = new PhpArray();
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
    const v = a.valAt(i);
    if (!exclude.has(typeof v === 'string' ? v : toStr(v))) out.set(a.keyAt(i), share(v));
  }
  return out;
}

export function registerArraySet(r: Registry): void {
  const user = (fname: string, cb: any) => {
    resetCompareDeprecation();
    return userCompare(fname, cb);
  };
  r.functions({
    'array_diff(array $array, array ...$arrays): array': arrayDiff,
    'array_diff_key(array $array, array ...$arrays): array': (a: PhpArray, rest: any[]) => {
      checkArrays('array_diff_key', [a, ...rest]);
      return keyedSetOp([a, ...rest], null, true);
    },
    'array_diff_assoc(array $array, array ...$arrays): array': (a: PhpArray, rest: any[]) => {
      checkArrays('array_diff_assoc', [a, ...rest]);
      return keyedSetOp([a, ...rest], strCmp, true);
    },
    'array_udiff_assoc(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_udiff_assoc', a, rest, 1);
      checkArrays('array_udiff_assoc', arrays);
      return keyedSetOp(arrays, plainUserCompare(cbs[0]), true);
    },
    'array_udiff(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_udiff', a, rest, 1);
      checkArrays('array_udiff', arrays);
      return sortedSetOp(arrays, NORMAL, user('array_udiff', cbs[0]), strCmp, true);
    },
    'array_diff_ukey(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_diff_ukey', a, rest, 1);
      checkArrays('array_diff_ukey', arrays);
      return sortedSetOp(arrays, KEY, strCmp, user('array_diff_ukey', cbs[0]), true);
    },
    'array_diff_uassoc(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_diff_uassoc', a, rest, 1);
      checkArrays('array_diff_uassoc', arrays);
      return sortedSetOp(arrays, ASSOC, strCmp, user('array_diff_uassoc', cbs[0]), true);
    },
    'array_udiff_uassoc(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_udiff_uassoc', a, rest, 2);
      checkArrays('array_udiff_uassoc', arrays);
      resetCompareDeprecation();
      return sortedSetOp(arrays, ASSOC, userCompare('array_udiff_uassoc', cbs[0]), userCompare('array_udiff_uassoc', cbs[1]), true);
    },

    'array_intersect(array $array, array ...$arrays): array': (a: PhpArray, rest: any[]) => {
      checkArrays('array_intersect', [a, ...rest]);
      return sortedSetOp([a, ...rest], NORMAL, strCmp, strCmp, false);
    },
    'array_intersect_key(array $array, array ...$arrays): array': (a: PhpArray, rest: any[]) => {
      checkArrays('array_intersect_key', [a, ...rest]);
      return keyedSetOp([a, ...rest], null, false);
    },
    'array_intersect_assoc(array $array, array ...$arrays): array': (a: PhpArray, rest: any[]) => {
      checkArrays('array_intersect_assoc', [a, ...rest]);
      return keyedSetOp([a, ...rest], strCmp, false);
    },
    'array_uintersect_assoc(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_uintersect_assoc', a, rest, 1);
      checkArrays('array_uintersect_assoc', arrays);
      return keyedSetOp(arrays, plainUserCompare(cbs[0]), false);
    },
    'array_uintersect(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_uintersect', a, rest, 1);
      checkArrays('array_uintersect', arrays);
      return sortedSetOp(arrays, NORMAL, user('array_uintersect', cbs[0]), strCmp, false);
    },
    'array_intersect_ukey(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_intersect_ukey', a, rest, 1);
      checkArrays('array_intersect_ukey', arrays);
      return sortedSetOp(arrays, KEY, strCmp, user('array_intersect_ukey', cbs[0]), false);
    },
    'array_intersect_uassoc(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_intersect_uassoc', a, rest, 1);
      checkArrays('array_intersect_uassoc', arrays);
      return sortedSetOp(arrays, ASSOC, strCmp, user('array_intersect_uassoc', cbs[0]), false);
    },
    'array_uintersect_uassoc(array $array, ...$rest): array': (a: PhpArray, rest: any[]) => {
      const { arrays, cbs } = takeCallbacks('array_uintersect_uassoc', a, rest, 2);
      checkArrays('array_uintersect_uassoc', arrays);
      resetCompareDeprecation();
      return sortedSetOp(arrays, ASSOC, userCompare('array_uintersect_uassoc', cbs[0]), userCompare('array_uintersect_uassoc', cbs[1]), false);
    },
  });
}
