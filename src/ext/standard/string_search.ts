// ext/standard/string.c: searching (strpos family, strstr family, strspn/strcspn, substr_count,
// substr_compare) and replacing (str_replace/str_ireplace, strtr, substr_replace).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray, share } from '../../runtime/array.js';
import { Ref } from '../../runtime/values.js';
import { toStr, toInt } from '../../runtime/convert.js';
import { asciiLower, clampInt, substr } from './string.js';

function offsetError(fname: string): never {
  return rt.throwError('ValueError', `${fname}(): Argument #3 ($offset) must be contained in argument #1 ($haystack)`);
}

function strposImpl(fname: string, ci: boolean) {
  return (h: string, n: string, off: number | bigint) => {
    let o = clampInt(off);
    if (o < 0) o += h.length;
    if (o < 0 || o > h.length) offsetError(fname);
    if (ci) {
      h = asciiLower(h);
      n = asciiLower(n);
    }
    const i = h.indexOf(n, o);
    return i < 0 ? false : i;
  };
}

function strrposImpl(fname: string, ci: boolean) {
  return (h: string, n: string, off: number | bigint) => {
    const o = clampInt(off);
    const len = h.length, nl = n.length;
    if (ci) {
      h = asciiLower(h);
      n = asciiLower(n);
    }
    let i: number;
    if (o >= 0) {
      if (o > len) offsetError(fname);
      i = h.lastIndexOf(n);
      if (i < o) return false;
    } else {
      if (-o > len) offsetError(fname);
      const maxStart = -o < nl ? len - nl : len + o;
      if (maxStart < 0) return false;
      i = h.lastIndexOf(n, maxStart);
    }
    return i < 0 ? false : i;
  };
}

function strstrImpl(ci: boolean) {
  return (h: string, n: string, before: boolean) => {
    const i = ci ? asciiLower(h).indexOf(asciiLower(n)) : h.indexOf(n);
    if (i < 0) return false;
    return before ? h.slice(0, i) : h.slice(i);
  };
}

function spanImpl(fname: string, accept: boolean) {
  return (s: string, chars: string, off: number | bigint, len: number | bigint | null) => {
    const sl = s.length;
    let o = clampInt(off);
    if (o < 0) {
      o += sl;
      if (o < 0) o = 0;
    } else if (o > sl) return 0;
    let l: number;
    if (len === null) l = sl - o;
    else {
      l = clampInt(len);
      if (l < 0) {
        l += sl - o;
        if (l < 0) l = 0;
      } else if (l > sl - o) l = sl - o;
    }
    const mask = new Uint8Array(256);
    for (let i = 0; i < chars.length; i++) mask[chars.charCodeAt(i)] = 1;
    if (chars === '' && !accept) mask[0] = 1;
    const want = accept ? 1 : 0;
    let i = o;
    const end = o + l;
    while (i < end && mask[s.charCodeAt(i)] === want) i++;
    void fname;
    return i - o;
  };
}

function substrCount(h: string, n: string, off: number | bigint, len: number | bigint | null): number {
  if (n === '') rt.throwError('ValueError', 'substr_count(): Argument #2 ($needle) cannot be empty');
  let o = clampInt(off);
  if (o < 0) o += h.length;
  if (o < 0 || o > h.length) rt.throwError('ValueError', 'substr_count(): Argument #3 ($offset) must be contained in argument #1 ($haystack)');
  let end = h.length;
  if (len !== null) {
    let l = clampInt(len);
    if (l < 0) l += h.length - o;
    if (l < 0 || l > h.length - o) rt.throwError('ValueError', 'substr_count(): Argument #4 ($length) must be contained in argument #1 ($haystack)');
    end = o + l;
  }
  let count = 0;
  let i = h.indexOf(n, o);
  while (i >= 0 && i + n.length <= end) {
    count++;
    i = h.indexOf(n, i + n.length);
  }
  return count;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function substrCompare(h: string, n: string, off: number | bigint, len: number | bigint | null, ci: boolean): number {
  let o = clampInt(off);
  let l: number | null = null;
  if (len !== null) {
    l = clampInt(len);
    if (l < 0) rt.throwError('ValueError', 'substr_compare(): Argument #4 ($length) must be greater than or equal to 0');
    if (l === 0) return 0;
  }
  if (o < 0) {
    o += h.length;
    if (o < 0) o = 0;
  }
  if (o > h.length) rt.throwError('ValueError', 'substr_compare(): Argument #3 ($offset) must be contained in argument #1 ($haystack)');
  const cmpLen = l === null ? Math.max(h.length - o, n.length) : l;
  let a = h.substr(o, cmpLen), b = n.slice(0, cmpLen);
  if (ci) {
    a = asciiLower(a);
    b = asciiLower(b);
  }
  // zend_binary_strncmp: byte difference or length difference
  const m = Math.min(a.length, b.length);
  for (let i = 0; i < m; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d) return d;
  }
  const d = Math.min(cmpLen, a.length) - Math.min(cmpLen, b.length);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

// ───────────── str_replace ─────────────

/** Replaces `search` by `rep` in s (case-insensitively with ci); adds to counter.n. */
function replaceOne(s: string, search: string, rep: string, ci: boolean, counter: { n: number }, lowS?: string): string {
  if (search === '' || s.length < search.length) return s;
  if (!ci) {
    let i = s.indexOf(search);
    if (i < 0) return s;
    const out: string[] = [];
    let last = 0;
    while (i >= 0) {
      out.push(s.slice(last, i), rep);
      counter.n++;
      last = i + search.length;
      i = s.indexOf(search, last);
    }
    out.push(s.slice(last));
    return out.join('');
  }
  const ls = lowS ?? asciiLower(s);
  const ln = asciiLower(search);
  let i = ls.indexOf(ln);
  if (i < 0) return s;
  const out: string[] = [];
  let last = 0;
  while (i >= 0) {
    out.push(s.slice(last, i), rep);
    counter.n++;
    last = i + ln.length;
    i = ls.indexOf(ln, last);
  }
  out.push(s.slice(last));
  return out.join('');
}

function replaceInSubject(search: any, replace: any, subject: string, ci: boolean, counter: { n: number }): string {
  if (!(search instanceof PhpArray)) return replaceOne(subject, search as string, replace as string, ci, counter);
  let s = subject;
  const reps = replace instanceof PhpArray ? replace : null;
  let ri = reps ? reps.nextSlot(0) : 0;
  for (let i = search.nextSlot(0); i < search.slotCount; i = search.nextSlot(i + 1)) {
    const se = toStr(search.valAt(i));
    let rep: string;
    if (reps) {
      if (ri < reps.slotCount) {
        rep = toStr(reps.valAt(ri));
        ri = reps.nextSlot(ri + 1);
      } else rep = '';
    } else rep = replace as string;
    s = replaceOne(s, se, rep, ci, counter);
    if (s === '') break;
  }
  return s;
}

function strReplace(fname: string, ci: boolean) {
  return (search: any, replace: any, subject: any, count: Ref | undefined) => {
    if (typeof search === 'string' && replace instanceof PhpArray) {
      rt.throwError('TypeError', `${fname}(): Argument #2 ($replace) must be of type string when argument #1 ($search) is a string`);
    }
    const counter = { n: 0 };
    let result: any;
    if (subject instanceof PhpArray) {
      const out = new PhpArray();
      for (let i = subject.nextSlot(0); i < subject.slotCount; i = subject.nextSlot(i + 1)) {
        const v = subject.valAt(i);
        out.set(subject.keyAt(i), replaceInSubject(search, replace, toStr(v), ci, counter));
      }
      result = out;
    } else {
      result = replaceInSubject(search, replace, subject as string, ci, counter);
    }
    if (count) count.v = counter.n;
    return result;
  };
}

// ───────────── strtr ─────────────

export function strtrChars(s: string, from: string, to: string): string {
  const n = Math.min(from.length, to.length);
  if (n === 0 || s === '') return s;
  if (n === 1) return s.split(from[0]).join(to[0]);
  const map = new Array<number>(256);
  for (let i = 0; i < 256; i++) map[i] = i;
  for (let i = 0; i < n; i++) map[from.charCodeAt(i)] = to.charCodeAt(i);
  const codes = new Array<number>(s.length);
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = map[c];
    if (m !== c) changed = true;
    codes[i] = m;
  }
  if (!changed) return s;
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode.apply(null, codes.slice(i, i + 8192)));
  return parts.join('');
}

export function strtrArray(s: string, pairs: PhpArray): string {
  if (pairs.size === 0 || s === '') return s;
  const map = new Map<string, string>();
  let minLen = Infinity, maxLen = 0;
  const first = new Uint8Array(256);
  for (let i = pairs.nextSlot(0); i < pairs.slotCount; i = pairs.nextSlot(i + 1)) {
    const k = String(pairs.keyAt(i));
    if (k === '') {
      rt.warn('strtr(): Ignoring replacement of empty string');
      continue;
    }
    map.set(k, toStr(pairs.valAt(i)));
    if (k.length < minLen) minLen = k.length;
    if (k.length > maxLen) maxLen = k.length;
    first[k.charCodeAt(0)] = 1;
  }
  if (map.size === 0) return s;
  if (map.size === 1) {
    const [[k, v]] = map;
    return s.split(k).join(v);
  }
  const out: string[] = [];
  let last = 0;
  const n = s.length;
  for (let i = 0; i <= n - minLen; ) {
    if (!first[s.charCodeAt(i)]) {
      i++;
      continue;
    }
    let found = false;
    for (let l = Math.min(maxLen, n - i); l >= minLen; l--) {
      const v = map.get(s.substr(i, l));
      if (v !== undefined) {
        if (i > last) out.push(s.slice(last, i));
        out.push(v);
        i += l;
        last = i;
        found = true;
        break;
      }
    }
    if (!found) i++;
  }
  if (last === 0) return s;
  out.push(s.slice(last));
  return out.join('');
}

function strtr(s: string, from: any, to: string | null): string {
  if (to === null) {
    if (!(from instanceof PhpArray)) rt.throwError('TypeError', 'strtr(): Argument #2 ($from) must be of type array, string given');
    return strtrArray(s, from);
  }
  if (from instanceof PhpArray) rt.throwError('TypeError', 'strtr(): Argument #2 ($from) must be of type string, array given');
  return strtrChars(s, from as string, to);
}

// ───────────── substr_replace ─────────────

function substrReplaceOne(s: string, rep: string, f: number, l: number | null): string {
  const len = s.length;
  if (f < 0) {
    f += len;
    if (f < 0) f = 0;
  } else if (f > len) f = len;
  let ll = l === null ? len : l;
  if (ll < 0) {
    ll = len - f + ll;
    if (ll < 0) ll = 0;
  }
  if (ll > len - f) ll = len - f;
  return s.slice(0, f) + rep + s.slice(f + ll);
}

function substrReplace(str: any, rep: any, from: any, len: any): any {
  const toN = (v: any) => clampInt(toInt(v));
  if (typeof str === 'string') {
    if (from instanceof PhpArray) rt.throwError('TypeError', 'substr_replace(): Argument #3 ($offset) cannot be an array when working on a single string');
    if (len instanceof PhpArray) rt.throwError('TypeError', 'substr_replace(): Argument #4 ($length) cannot be an array when working on a single string');
    let r: string;
    if (rep instanceof PhpArray) {
      const i = rep.nextSlot(0);
      r = i < rep.slotCount ? toStr(rep.valAt(i)) : '';
    } else r = rep;
    return substrReplaceOne(str, r, toN(from), len === null ? null : toN(len));
  }
  const arr = str as PhpArray;
  const out = new PhpArray();
  let fi = from instanceof PhpArray ? from.nextSlot(0) : 0;
  let li = len instanceof PhpArray ? len.nextSlot(0) : 0;
  let ri = rep instanceof PhpArray ? rep.nextSlot(0) : 0;
  for (let i = arr.nextSlot(0); i < arr.slotCount; i = arr.nextSlot(i + 1)) {
    const s = toStr(arr.valAt(i));
    let f: number;
    if (from instanceof PhpArray) {
      if (fi < from.slotCount) {
        f = toN(from.valAt(fi));
        fi = from.nextSlot(fi + 1);
      } else f = 0;
    } else f = toN(from);
    let l: number | null;
    if (len instanceof PhpArray) {
      if (li < len.slotCount) {
        l = toN(len.valAt(li));
        li = len.nextSlot(li + 1);
      } else l = s.length;
    } else l = len === null ? s.length : toN(len);
    let r: string;
    if (rep instanceof PhpArray) {
      if (ri < rep.slotCount) {
        r = toStr(rep.valAt(ri));
        ri = rep.nextSlot(ri + 1);
      } else r = '';
    } else r = rep;
    out.set(arr.keyAt(i), substrReplaceOne(s, r, f, l));
  }
  return out;
}

export function registerStringSearch(r: Registry): void {
  r.functions({
    'strpos(string $haystack, string $needle, int $offset = 0): int|false': strposImpl('strpos', false),
    'stripos(string $haystack, string $needle, int $offset = 0): int|false': strposImpl('stripos', true),
    'strrpos(string $haystack, string $needle, int $offset = 0): int|false': strrposImpl('strrpos', false),
    'strripos(string $haystack, string $needle, int $offset = 0): int|false': strrposImpl('strripos', true),
    'strstr(string $haystack, string $needle, bool $before_needle = false): string|false': strstrImpl(false),
    'strchr(string $haystack, string $needle, bool $before_needle = false): string|false': strstrImpl(false),
    'stristr(string $haystack, string $needle, bool $before_needle = false): string|false': strstrImpl(true),
    'strrchr(string $haystack, string $needle): string|false': (h: string, n: string) => {
      // the needle's first byte; an empty needle is its C terminator, NUL
      const i = h.lastIndexOf(n === '' ? '\0' : n[0]);
      return i < 0 ? false : h.slice(i);
    },
    'strpbrk(string $string, string $characters): string|false': (s: string, chars: string) => {
      if (chars === '') rt.throwError('ValueError', 'strpbrk(): Argument #2 ($characters) must be a non-empty string');
      const mask = new Uint8Array(256);
      for (let i = 0; i < chars.length; i++) mask[chars.charCodeAt(i)] = 1;
      for (let i = 0; i < s.length; i++) if (mask[s.charCodeAt(i)]) return s.slice(i);
      return false;
    },
    'str_contains(string $haystack, string $needle): bool': (h: string, n: string) => h.includes(n),
    'str_starts_with(string $haystack, string $needle): bool': (h: string, n: string) => h.startsWith(n),
    'str_ends_with(string $haystack, string $needle): bool': (h: string, n: string) => h.endsWith(n),
    'strspn(string $string, string $characters, int $offset = 0, ?int $length = null): int': spanImpl('strspn', true),
    'strcspn(string $string, string $characters, int $offset = 0, ?int $length = null): int': spanImpl('strcspn', false),
    'substr_count(string $haystack, string $needle, int $offset = 0, ?int $length = null): int': substrCount,
    'substr_compare(string $haystack, string $needle, int $offset, ?int $length = null, bool $case_insensitive = false): int': substrCompare,
    'str_replace(array|string $search, array|string $replace, string|array $subject, &$count = null): string|array': strReplace('str_replace', false),
    'str_ireplace(array|string $search, array|string $replace, string|array $subject, &$count = null): string|array': strReplace('str_ireplace', true),
    'strtr(string $string, array|string $from, ?string $to = null): string': strtr,
    'substr_replace(array|string $string, array|string $replace, array|int $offset, array|int|null $length = null): string|array': substrReplace,
  });
  void cmp;
  void substr;
}
