// ext/standard/string.c: case mapping, trimming, splitting/joining, substrings, searching, replacing,
// padding and the other byte-string functions. Strings are binary JS strings (one char = one byte).
// Further parts of the string library live beside it: string_search.ts (strpos family, str_replace,
// strtr), strings_misc.ts, sprintf.ts, html.ts, pack.ts, scanf.ts; registerString() registers them all.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray, share } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { toStr } from '../../runtime/convert.js';
import { givenType } from '../../runtime/types.js';
import { registerStringSearch } from './string_search.js';
import { registerStringsMisc } from './strings_misc.js';
import { registerSprintf } from './sprintf.js';
import { registerHtml } from './html.js';
import { registerPack } from './pack.js';
import { registerScanf } from './scanf.js';
import { registerCrypt } from './crypt.js';

/** ASCII-only case mapping, as PHP 8 does (locale-independent). */
export function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** C-locale isspace(). */
export function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * php_charmask: the byte set named by a character list with `a..z` ranges. Warnings (prefixed with
 * the function name) for malformed ranges.
 */
export function charMask(chars: string, fname: string): Uint8Array {
  const mask = new Uint8Array(256);
  const end = chars.length;
  for (let i = 0; i < end; i++) {
    const c = chars.charCodeAt(i);
    if (i + 3 < end && chars.charCodeAt(i + 1) === 46 && chars.charCodeAt(i + 2) === 46 && chars.charCodeAt(i + 3) >= c) {
      mask.fill(1, c, chars.charCodeAt(i + 3) + 1);
      i += 3;
    } else if (i + 1 < end && c === 46 && chars.charCodeAt(i + 1) === 46) {
      if (i === 0) rt.warn(`${fname}(): Invalid '..'-range, no character to the left of '..'`);
      else if (i + 2 >= end) rt.warn(`${fname}(): Invalid '..'-range, no character to the right of '..'`);
      else if (chars.charCodeAt(i - 1) > chars.charCodeAt(i + 2)) rt.warn(`${fname}(): Invalid '..'-range, '..'-range needs to be incrementing`);
      else rt.warn(`${fname}(): Invalid '..'-range`);
      continue;
    } else {
      mask[c] = 1;
    }
  }
  return mask;
}

const WS_MASK = (() => {
  const m = new Uint8Array(256);
  for (const c of [32, 9, 10, 13, 11, 0]) m[c] = 1;
  return m;
})();
const DEFAULT_TRIM = ' \n\r\t\v\0';

/** php_trim: mode 1 left, 2 right, 3 both. */
export function phpTrim(s: string, chars: string, mode: number, fname = 'trim'): string {
  let mask: Uint8Array;
  if (chars === DEFAULT_TRIM) mask = WS_MASK;
  else if (chars.length === 1) {
    const c = chars;
    let start = 0, end = s.length;
    if (mode & 1) while (start < end && s[start] === c) start++;
    if (mode & 2) while (end > start && s[end - 1] === c) end--;
    return start === 0 && end === s.length ? s : s.slice(start, end);
  } else mask = charMask(chars, fname);
  let start = 0, end = s.length;
  if (mode & 1) while (start < end && mask[s.charCodeAt(start)]) start++;
  if (mode & 2) while (end > start && mask[s.charCodeAt(end - 1)]) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** A value of an array as implode() and friends convert it. */
export function implodeItem(v: any): string {
  if (typeof v === 'string') return v;
  return toStr(v);
}

export function implode(sep: string, arr: PhpArray): string {
  const parts: string[] = [];
  for (let i = arr.nextSlot(0); i < arr.slotCount; i = arr.nextSlot(i + 1)) parts.push(implodeItem(arr.valAt(i)));
  return parts.join(sep);
}

function implodeFn(sep: any, arr: any, fname = 'implode'): string {
  if (arr === null || arr === undefined) {
    if (!(sep instanceof PhpArray)) rt.throwError('TypeError', `${fname}(): Argument #1 ($array) must be of type array, ${givenType(sep)} given`);
    return implode('', sep);
  }
  if (sep instanceof PhpArray) {
    if (arr instanceof PhpArray) rt.throwError('TypeError', `${fname}(): Argument #1 ($separator) must be of type string, array given`);
    if (typeof arr === 'string') return implode(arr, sep);
    rt.throwError('TypeError', `${fname}(): Argument #2 ($array) must be of type ?array, ${givenType(arr)} given`);
  }
  if (!(arr instanceof PhpArray)) rt.throwError('TypeError', `${fname}(): Argument #2 ($array) must be of type ?array, ${givenType(arr)} given`);
  return implode(toStr(sep), arr);
}

export function substr(s: string, offset: number, length: number | null): string {
  const len = s.length;
  if (offset > len) return '';
  if (offset < 0) offset = Math.max(0, len + offset);
  let l: number;
  if (length === null) l = len - offset;
  else if (length < 0) {
    l = len - offset + length;
    if (l < 0) l = 0;
  } else l = Math.min(length, len - offset);
  return offset === 0 && l === len ? s : s.substr(offset, l);
}

function ucwords(s: string, delims: string): string {
  if (!s) return s;
  const mask = charMask(delims, 'ucwords');
  const out: string[] = [];
  let last = 0;
  let prevDelim = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (prevDelim && c >= 97 && c <= 122) {
      if (i > last) out.push(s.slice(last, i));
      out.push(String.fromCharCode(c - 32));
      last = i + 1;
    }
    prevDelim = mask[c] === 1;
  }
  if (last === 0) return s;
  out.push(s.slice(last));
  return out.join('');
}

function explode(sep: string, s: string, limit: number | bigint): PhpArray {
  if (sep === '') rt.throwError('ValueError', 'explode(): Argument #1 ($separator) cannot be empty');
  const lim = typeof limit === 'bigint' ? (limit > 0n ? Infinity : -Infinity) : limit;
  if (s === '') return lim >= 0 ? PhpArray.fromList(['']) : new PhpArray();
  if (lim > 1 || lim === Infinity) {
    const parts: string[] = [];
    let pos = 0;
    while (parts.length < lim - 1) {
      const i = s.indexOf(sep, pos);
      if (i < 0) break;
      parts.push(s.slice(pos, i));
      pos = i + sep.length;
    }
    parts.push(s.slice(pos));
    return PhpArray.fromList(parts);
  }
  if (lim < 0) {
    const parts = s.split(sep);
    if (lim === -Infinity || -lim >= parts.length) return new PhpArray();
    parts.length += lim;
    return PhpArray.fromList(parts);
  }
  return PhpArray.fromList([s]);
}

function strPad(s: string, length: number, pad: string, type: number): string {
  const len = s.length;
  if (length < 0 || length <= len) return s;
  if (pad === '') rt.throwError('ValueError', 'str_pad(): Argument #3 ($pad_string) must be a non-empty string');
  if (type < 0 || type > 2) rt.throwError('ValueError', 'str_pad(): Argument #4 ($pad_type) must be STR_PAD_LEFT, STR_PAD_RIGHT, or STR_PAD_BOTH');
  const total = length - len;
  let left = 0, right = 0;
  if (type === 0) left = total;
  else if (type === 1) right = total;
  else {
    left = total >> 1;
    right = total - left;
  }
  const mk = (n: number) => (n === 0 ? '' : pad.repeat(Math.ceil(n / pad.length)).slice(0, n));
  return mk(left) + s + mk(right);
}

function strSplit(s: string, n: number): PhpArray {
  if (n < 1) rt.throwError('ValueError', 'str_split(): Argument #2 ($length) must be greater than 0');
  if (s === '') return new PhpArray();
  if (s.length <= n) return PhpArray.fromList([s]);
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += n) parts.push(s.slice(i, i + n));
  return PhpArray.fromList(parts);
}

function strrev(s: string): string {
  const n = s.length;
  if (n < 2) return s;
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[n - 1 - i] = s.charCodeAt(i);
  return binFromCodes(codes);
}

/** A binary string from byte values (chunked to stay clear of argument limits). */
export function binFromCodes(codes: ArrayLike<number>): string {
  const n = codes.length;
  if (n < 8192) return String.fromCharCode.apply(null, codes as number[]);
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8192) {
    const sub = Array.prototype.slice.call(codes, i, i + 8192) as number[];
    parts.push(String.fromCharCode.apply(null, sub));
  }
  return parts.join('');
}

function nl2br(s: string, xhtml: boolean): string {
  const br = xhtml ? '<br />' : '<br>';
  return s.replace(/\r\n|\n\r|\r|\n/g, (m) => br + m);
}

function wordwrap(text: string, width: number, brk: string, cut: boolean): string {
  if (text === '') return '';
  if (brk === '') rt.throwError('ValueError', 'wordwrap(): Argument #3 ($break) cannot be empty');
  if (width === 0 && cut) rt.throwError('ValueError', 'wordwrap(): Argument #4 ($cut_long_words) cannot be true when argument #2 ($width) is 0');
  const textLen = text.length, bl = brk.length;
  // Special case: single-char break and no cutting: modify in place semantics.
  if (bl === 1 && !cut) {
    const chars = text.split('');
    const bc = brk;
    let laststart = 0, lastspace = 0;
    for (let current = 0; current < textLen; current++) {
      if (chars[current] === bc) {
        laststart = lastspace = current + 1;
      } else if (chars[current] === ' ') {
        if (current - laststart >= width) {
          chars[current] = bc;
          laststart = current + 1;
        }
        lastspace = current;
      } else if (current - laststart >= width && laststart !== lastspace) {
        chars[lastspace] = bc;
        laststart = lastspace + 1;
      }
    }
    return chars.join('');
  }
  const out: string[] = [];
  let current = 0, laststart = 0, lastspace = 0;
  for (current = 0; current < textLen; current++) {
    const ch = text[current];
    // a break already present
    if (ch === brk[0] && current + bl < textLen && text.startsWith(brk, current)) {
      out.push(text.slice(laststart, current + bl));
      current += bl - 1;
      laststart = lastspace = current + 1;
    } else if (ch === ' ') {
      if (current - laststart >= width) {
        out.push(text.slice(laststart, current), brk);
        laststart = current + 1;
      }
      lastspace = current;
    } else if (current - laststart >= width && cut && laststart >= lastspace) {
      out.push(text.slice(laststart, current), brk);
      laststart = lastspace = current;
    } else if (current - laststart >= width && laststart < lastspace) {
      out.push(text.slice(laststart, lastspace), brk);
      laststart = lastspace = lastspace + 1;
    }
  }
  if (laststart !== current) out.push(text.slice(laststart, current));
  return out.join('');
}

function chunkSplit(s: string, n: number, end: string): string {
  if (n < 1) rt.throwError('ValueError', 'chunk_split(): Argument #2 ($length) must be greater than 0');
  if (n > s.length) return s + end;
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += n) parts.push(s.slice(i, i + n), end);
  return parts.join('');
}

// strtok() state, per request
let tokStr = '';
let tokPos = 0;
let tokReq: unknown = null;

function strtok(a: string, b: string | null): string | false {
  let token: string;
  if (b === null) {
    token = a;
    if (tokReq !== rt) {
      tokReq = rt;
      tokStr = '';
      tokPos = 0;
    }
  } else {
    tokStr = a;
    tokPos = 0;
    tokReq = rt;
    token = b;
  }
  const s = tokStr;
  if (tokPos >= s.length) return false;
  const mask = new Uint8Array(256);
  for (let i = 0; i < token.length; i++) mask[token.charCodeAt(i)] = 1;
  let p = tokPos;
  while (p < s.length && mask[s.charCodeAt(p)]) p++;
  if (p >= s.length) {
    tokPos = s.length;
    return false;
  }
  const start = p;
  while (p < s.length && !mask[s.charCodeAt(p)]) p++;
  tokPos = p < s.length ? p + 1 : p;
  return s.slice(start, p);
}

function strWordCount(s: string, format: number, chars: string | null): any {
  if (format !== 0 && format !== 1 && format !== 2) rt.throwError('ValueError', 'str_word_count(): Argument #2 ($format) must be a valid format value');
  const mask = chars ? charMask(chars, 'str_word_count') : null;
  const isW = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (mask !== null && mask[c] === 1);
  let p = 0, e = s.length;
  // the first character cannot be ' or -, unless explicitly allowed
  if (p < e && (s[p] === "'" || s[p] === '-') && !(mask && mask[s.charCodeAt(p)])) p++;
  if (e > p && s[e - 1] === '-' && !(mask && mask[45])) e--;
  let count = 0;
  const out = format ? new PhpArray() : null;
  while (p < e) {
    const start = p;
    while (p < e) {
      const c = s.charCodeAt(p);
      if (isW(c) || c === 39 || c === 45) p++;
      else break;
    }
    if (p > start) {
      if (format === 1) out!.append(s.slice(start, p));
      else if (format === 2) out!.set(start, s.slice(start, p));
      count++;
    } else p++;
  }
  return out ?? count;
}

function countChars(s: string, mode: number): any {
  if (mode < 0 || mode > 4) rt.throwError('ValueError', 'count_chars(): Argument #2 ($mode) must be between 0 and 4 (inclusive)');
  const counts = new Array<number>(256).fill(0);
  for (let i = 0; i < s.length; i++) counts[s.charCodeAt(i)]++;
  if (mode < 3) {
    const a = new PhpArray();
    for (let c = 0; c < 256; c++) {
      if (mode === 0 || (mode === 1 && counts[c]) || (mode === 2 && !counts[c])) a.set(c, counts[c]);
    }
    return a;
  }
  const codes: number[] = [];
  for (let c = 0; c < 256; c++) if ((mode === 3) === counts[c] > 0) codes.push(c);
  return binFromCodes(codes);
}

export function registerString(r: Registry): void {
  r.constants({ STR_PAD_LEFT: 0, STR_PAD_RIGHT: 1, STR_PAD_BOTH: 2 });
  r.functions({
    'strtoupper(string $string): string': asciiUpper,
    'strtolower(string $string): string': asciiLower,
    'str_repeat(string $string, int $times): string': (s: string, n: number) => {
      if (n < 0) rt.throwError('ValueError', 'str_repeat(): Argument #2 ($times) must be greater than or equal to 0');
      if (n === 0 || s === '') return '';
      return s.repeat(n);
    },
    'ucfirst(string $string): string': (s: string) => {
      const c = s.charCodeAt(0);
      return c >= 97 && c <= 122 ? String.fromCharCode(c - 32) + s.slice(1) : s;
    },
    'lcfirst(string $string): string': (s: string) => {
      const c = s.charCodeAt(0);
      return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) + s.slice(1) : s;
    },
    'ucwords(string $string, string $separators = " \t\r\n\f\v"): string': ucwords,
    'chr(int $codepoint): string': (c: number | bigint) => String.fromCharCode(Number(BigInt.asUintN(8, BigInt(c)))),
    'ord(string $character): int': (s: string) => (s.length ? s.charCodeAt(0) : 0),
    'trim(string $string, string $characters = " \n\r\t\v\0"): string': (s: string, c: string) => phpTrim(s, c, 3, 'trim'),
    'ltrim(string $string, string $characters = " \n\r\t\v\0"): string': (s: string, c: string) => phpTrim(s, c, 1, 'ltrim'),
    'rtrim(string $string, string $characters = " \n\r\t\v\0"): string': (s: string, c: string) => phpTrim(s, c, 2, 'rtrim'),
    'chop(string $string, string $characters = " \n\r\t\v\0"): string': (s: string, c: string) => phpTrim(s, c, 2, 'chop'),
    'explode(string $separator, string $string, int $limit = PHP_INT_MAX): array': explode,
    'implode(array|string $separator, ?array $array = null): string': (a: any, b: any) => implodeFn(a, b, 'implode'),
    'join(array|string $separator, ?array $array = null): string': (a: any, b: any) => implodeFn(a, b, 'join'),
    'substr(string $string, int $offset, ?int $length = null): string': (s: string, o: number | bigint, l: number | bigint | null) =>
      substr(s, clampInt(o), l === null ? null : clampInt(l)),
    'str_pad(string $string, int $length, string $pad_string = " ", int $pad_type = STR_PAD_RIGHT): string': (s: string, n: any, p: string, t: any) =>
      strPad(s, clampInt(n), p, clampInt(t)),
    'str_split(string $string, int $length = 1): array': (s: string, n: any) => strSplit(s, clampInt(n)),
    'strrev(string $string): string': strrev,
    'nl2br(string $string, bool $use_xhtml = true): string': nl2br,
    'wordwrap(string $string, int $width = 75, string $break = "\n", bool $cut_long_words = false): string': (s: string, w: any, b: string, c: boolean) =>
      wordwrap(s, clampInt(w), b, c),
    'chunk_split(string $string, int $length = 76, string $separator = "\r\n"): string': (s: string, n: any, e: string) => chunkSplit(s, clampInt(n), e),
    'strtok(string $string, ?string $token = null): string|false': strtok,
    'str_word_count(string $string, int $format = 0, ?string $characters = null): array|int': (s: string, f: any, c: string | null) =>
      strWordCount(s, clampInt(f), c),
    'count_chars(string $string, int $mode = 0): array|string': (s: string, m: any) => countChars(s, clampInt(m)),
  });
  registerStringSearch(r);
  registerStringsMisc(r);
  registerSprintf(r);
  registerHtml(r);
  registerPack(r);
  registerScanf(r);
  registerCrypt(r);
  void share;
  void PhpObject;
}

/** An int argument as a JS number, saturated (bigints beyond 2^53 only matter as "huge"). */
export function clampInt(v: number | bigint): number {
  if (typeof v === 'number') return v;
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}
