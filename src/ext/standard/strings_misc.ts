// ext/standard: the smaller string functions — slashes (string.c), natural order (strnatcmp.c),
// similar_text/levenshtein/soundex, hashes (md5.c, sha1.c, crc32.c), base64.c, uuencode.c,
// quot_print.c, paths (basename/dirname/pathinfo), locale functions (C locale only), uniqid.c.

import { mtRandRange } from './math_rand.js';
import type { Registry } from '../../engine/extension.js';
/** node:crypto's createHash, loaded on first use (start-up does not pay for node:crypto) */
const createHash = (algo: string) => process.getBuiltinModule('node:crypto').createHash(algo);
import * as fs from 'node:fs';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { Ref, mkFloat } from '../../runtime/values.js';
import { toStr } from '../../runtime/convert.js';
import { binFromCodes, charMask, clampInt, isCSpace } from './string.js';
import { stripTags } from './strip_tags.js';
import { metaphone } from './metaphone.js';
import { fsPath, absPath, errText } from './streams.js';

// ───────────── slashes ─────────────

export function addslashes(s: string): string {
  return s.replace(/[\\'"\0]/g, (c) => (c === '\0' ? '\\0' : '\\' + c));
}

export function stripslashes(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  const out: string[] = [];
  const n = s.length;
  let last = 0;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) === 92) {
      out.push(s.slice(last, i));
      i++;
      if (i < n) out.push(s[i] === '0' ? '\0' : s[i]);
      last = i + 1;
    }
  }
  if (last < n) out.push(s.slice(last));
  return out.join('');
}

const CESC: Record<number, string> = { 10: 'n', 9: 't', 13: 'r', 7: 'a', 11: 'v', 8: 'b', 12: 'f' };

export function addcslashes(s: string, chars: string): string {
  if (s === '') return s;
  const mask = charMask(chars, 'addcslashes');
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!mask[c]) continue;
    if (i > last) out.push(s.slice(last, i));
    last = i + 1;
    if (c < 32 || c > 126) out.push('\\' + (CESC[c] ?? c.toString(8).padStart(3, '0')));
    else out.push('\\' + s[i]);
  }
  if (last === 0) return s;
  out.push(s.slice(last));
  return out.join('');
}

const isOct = (c: number) => c >= 48 && c <= 55;
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

export function stripcslashes(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  const out: string[] = [];
  const end = s.length;
  for (let i = 0; i < end; i++) {
    const ch = s[i];
    if (ch !== '\\' || i + 1 >= end) {
      out.push(ch);
      continue;
    }
    i++;
    const c = s[i];
    const simple = SIMPLE_UNESC[c];
    if (simple !== undefined) {
      out.push(simple);
      continue;
    }
    if (c === 'x' && i + 1 < end && isHex(s.charCodeAt(i + 1))) {
      let h = s[++i];
      if (i + 1 < end && isHex(s.charCodeAt(i + 1))) h += s[++i];
      out.push(String.fromCharCode(parseInt(h, 16)));
      continue;
    }
    let j = 0;
    let num = '';
    while (i < end && isOct(s.charCodeAt(i)) && j < 3) {
      num += s[i++];
      j++;
    }
    if (j) {
      out.push(String.fromCharCode(parseInt(num, 8) & 255));
      i--;
    } else out.push(s[i]);
  }
  return out.join('');
}

const SIMPLE_UNESC: Record<string, string> = { n: '\n', r: '\r', a: '\x07', t: '\t', v: '\v', b: '\b', f: '\f', '\\': '\\' };

// ───────────── natural order (strnatcmp.c) ─────────────

const isDigit = (c: number) => c >= 48 && c <= 57;

/** strnatcmp_ex: natural-order comparison, -1/0/1. Exported for natsort()/natcasesort()/SORT_NATURAL. */
export function natCompare(a: string, b: string, ci: boolean): number {
  const al = a.length, bl = b.length;
  if (al === 0 || bl === 0) return al === bl ? 0 : al > bl ? 1 : -1;
  const A = (i: number) => (i < al ? a.charCodeAt(i) : 0);
  const B = (i: number) => (i < bl ? b.charCodeAt(i) : 0);
  let ap = 0, bp = 0;
  let leading = true;
  for (;;) {
    let ca = A(ap), cb = B(bp);
    while (leading && ca === 48 && ap + 1 < al && isDigit(A(ap + 1))) ca = A(++ap);
    while (leading && cb === 48 && bp + 1 < bl && isDigit(B(bp + 1))) cb = B(++bp);
    leading = false;
    while (isCSpace(ca)) ca = A(++ap);
    while (isCSpace(cb)) cb = B(++bp);
    if (isDigit(ca) && isDigit(cb)) {
      const fractional = ca === 48 || cb === 48;
      let result = 0;
      if (fractional) {
        for (;; ap++, bp++) {
          const da = ap < al && isDigit(A(ap)), db = bp < bl && isDigit(B(bp));
          if (!da && !db) { result = 0; break; }
          if (!da) { result = -1; break; }
          if (!db) { result = 1; break; }
          if (A(ap) < B(bp)) { result = -1; break; }
          if (A(ap) > B(bp)) { result = 1; break; }
        }
      } else {
        let bias = 0;
        for (;; ap++, bp++) {
          const da = ap < al && isDigit(A(ap)), db = bp < bl && isDigit(B(bp));
          if (!da && !db) { result = bias; break; }
          if (!da) { result = -1; break; }
          if (!db) { result = 1; break; }
          if (A(ap) < B(bp)) { if (!bias) bias = -1; }
          else if (A(ap) > B(bp)) { if (!bias) bias = 1; }
        }
      }
      if (result !== 0) return result;
      if (ap >= al && bp >= bl) return 0;
      if (ap >= al) return -1;
      if (bp >= bl) return 1;
      ca = A(ap);
      cb = B(bp);
    }
    if (ci) {
      if (ca >= 97 && ca <= 122) ca -= 32;
      if (cb >= 97 && cb <= 122) cb -= 32;
    }
    if (ca < cb) return -1;
    if (ca > cb) return 1;
    ap++;
    bp++;
    if (ap >= al && bp >= bl) return 0;
    if (ap >= al) return -1;
    if (bp >= bl) return 1;
  }
}

// ───────────── similarity ─────────────

function similarChar(s1: string, o1: number, l1: number, s2: string, o2: number, l2: number): number {
  let max = 0, count = 0, pos1 = 0, pos2 = 0;
  for (let p = 0; p < l1; p++) {
    for (let q = 0; q < l2; q++) {
      let l = 0;
      while (p + l < l1 && q + l < l2 && s1.charCodeAt(o1 + p + l) === s2.charCodeAt(o2 + q + l)) l++;
      if (l > max) {
        max = l;
        count++;
        pos1 = p;
        pos2 = q;
      }
    }
  }
  let sum = max;
  if (sum) {
    if (pos1 && pos2 && count > 1) sum += similarChar(s1, o1, pos1, s2, o2, pos2);
    if (pos1 + max < l1 && pos2 + max < l2) sum += similarChar(s1, o1 + pos1 + max, l1 - pos1 - max, s2, o2 + pos2 + max, l2 - pos2 - max);
  }
  return sum;
}

function similarText(a: string, b: string, percent: Ref | undefined): number {
  if (a.length + b.length === 0) {
    if (percent) percent.v = mkFloat(0);
    return 0;
  }
  const sim = similarChar(a, 0, a.length, b, 0, b.length);
  if (percent) percent.v = mkFloat((sim * 2 * 100) / (a.length + b.length));
  return sim;
}

function levenshtein(a: string, b: string, ins: number, rep: number, del: number): number {
  const l1 = a.length, l2 = b.length;
  if (l1 === 0) return l2 * ins;
  if (l2 === 0) return l1 * del;
  let p1 = new Array<number>(l2 + 1), p2 = new Array<number>(l2 + 1);
  for (let i = 0; i <= l2; i++) p1[i] = i * ins;
  for (let i1 = 0; i1 < l1; i1++) {
    p2[0] = p1[0] + del;
    const c1 = a.charCodeAt(i1);
    for (let i2 = 0; i2 < l2; i2++) {
      let c0 = p1[i2] + (c1 === b.charCodeAt(i2) ? 0 : rep);
      const x = p1[i2 + 1] + del;
      if (x < c0) c0 = x;
      const y = p2[i2] + ins;
      if (y < c0) c0 = y;
      p2[i2 + 1] = c0;
    }
    const t = p1;
    p1 = p2;
    p2 = t;
  }
  return p1[l2];
}

const SOUNDEX = '01230120022455012623010202';

function soundex(s: string): string {
  const out: string[] = [];
  let last = '';
  for (let i = 0; i < s.length && out.length < 4; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) continue;
    const code = SOUNDEX[c - 65];
    if (out.length === 0) {
      out.push(String.fromCharCode(c));
      last = code;
    } else if (code !== last) {
      if (code !== '0') out.push(code);
      last = code;
    }
  }
  while (out.length < 4) out.push('0');
  return out.join('');
}

// ───────────── hashes and encodings ─────────────

function hashStr(algo: string, s: string, binary: boolean): string {
  const h = createHash(algo).update(Buffer.from(s, 'latin1'));
  return binary ? h.digest().toString('latin1') : h.digest('hex');
}

let crcTable: Int32Array | null = null;
export function crc32(s: string): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < s.length; i++) crc = crcTable[(crc ^ s.charCodeAt(i)) & 255] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function bin2hex(s: string): string {
  return Buffer.from(s, 'latin1').toString('hex');
}

function hex2bin(s: string): string | false {
  if (s.length % 2 !== 0) {
    rt.warn('hex2bin(): Hexadecimal input string must have an even length');
    return false;
  }
  if (!/^[0-9a-fA-F]*$/.test(s)) {
    rt.warn('hex2bin(): Input string must be hexadecimal string');
    return false;
  }
  return Buffer.from(s, 'hex').toString('latin1');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64REV = (() => {
  const t = new Int8Array(256).fill(-2);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  for (const c of [9, 10, 13, 32]) t[c] = -1;
  return t;
})();

export function base64Decode(s: string, strict: boolean): string | false {
  const out: number[] = [];
  let i = 0, padding = 0, cur = 0;
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (code === 61) {
      padding++;
      continue;
    }
    const ch = B64REV[code];
    if (!strict) {
      if (ch < 0) continue;
    } else {
      if (ch === -1) continue;
      if (ch === -2 || padding) return false;
    }
    switch (i % 4) {
      case 0:
        cur = (ch << 2) & 255;
        break;
      case 1:
        out.push(cur | (ch >> 4));
        cur = ((ch & 0x0f) << 4) & 255;
        break;
      case 2:
        out.push(cur | (ch >> 2));
        cur = ((ch & 0x03) << 6) & 255;
        break;
      case 3:
        out.push(cur | ch);
        break;
    }
    i++;
  }
  if (strict && i % 4 === 1) return false;
  if (strict && padding && (padding > 2 || (i + padding) % 4 !== 0)) return false;
  return binFromCodes(out);
}

function qpDecode(s: string): string {
  const out: string[] = [];
  const n = s.length;
  const at = (k: number) => (k < n ? s.charCodeAt(k) : 0);
  let i = 0;
  while (i < n && at(i) !== 0) {
    const c = s[i];
    if (c === '=') {
      if (at(i + 1) && at(i + 2) && isHex(at(i + 1)) && isHex(at(i + 2))) {
        out.push(String.fromCharCode(parseInt(s.substr(i + 1, 2), 16)));
        i += 3;
      } else {
        let k = 1;
        while (at(i + k) === 32 || at(i + k) === 9) k++;
        if (!at(i + k)) i += k;
        else if (at(i + k) === 13 && at(i + k + 1) === 10) i += k + 2;
        else if (at(i + k) === 13 || at(i + k) === 10) i += k + 1;
        else out.push(s[i++]);
      }
    } else out.push(s[i++]);
  }
  return out.join('');
}

const HEXU = '0123456789ABCDEF';
function qpEncode(s: string): string {
  const out: string[] = [];
  let lp = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (c === 13 && next === 10 && i + 1 < n) {
      out.push('\r\n');
      i++;
      lp = 0;
    } else if (c < 32 || c === 0x7f || c & 0x80 || c === 61 || (c === 32 && next === 13)) {
      lp += 3;
      if ((lp > 75 && c <= 0x7f) || (c > 0x7f && c <= 0xdf && lp + 3 > 75) || (c > 0xdf && c <= 0xef && lp + 6 > 75) || (c > 0xef && c <= 0xf4 && lp + 9 > 75)) {
        out.push('=\r\n');
        lp = 3;
      }
      out.push('=' + HEXU[c >> 4] + HEXU[c & 15]);
    } else {
      if (++lp > 75) {
        out.push('=\r\n');
        lp = 1;
      }
      out.push(s[i]);
    }
  }
  return out.join('');
}

const uuEnc = (c: number) => (c ? (c & 0o77) + 32 : 96);

function uuencode(src: string): string {
  const e = src.length;
  const B = (i: number) => (i < e ? src.charCodeAt(i) : 0);
  const out: number[] = [];
  let s = 0;
  let len = 45;
  while (s + 3 < e) {
    let ee = s + len;
    if (ee > e) {
      ee = e;
      len = ee - s;
      if (len % 3) ee = s + Math.floor(len / 3) * 3;
    }
    out.push(uuEnc(len));
    while (s < ee) {
      out.push(uuEnc(B(s) >> 2), uuEnc(((B(s) << 4) & 0o60) | ((B(s + 1) >> 4) & 0o17)), uuEnc(((B(s + 1) << 2) & 0o74) | ((B(s + 2) >> 6) & 0o3)), uuEnc(B(s + 2) & 0o77));
      s += 3;
    }
    if (len === 45) out.push(10);
  }
  if (s < e) {
    if (len === 45) {
      out.push(uuEnc(e - s));
      len = 0;
    }
    out.push(uuEnc(B(s) >> 2), uuEnc(((B(s) << 4) & 0o60) | ((B(s + 1) >> 4) & 0o17)));
    out.push(e - s > 1 ? uuEnc(((B(s + 1) << 2) & 0o74) | ((B(s + 2) >> 6) & 0o3)) : uuEnc(0));
    out.push(e - s > 2 ? uuEnc(B(s + 2) & 0o77) : uuEnc(0));
  }
  if (len < 45) out.push(10);
  out.push(uuEnc(0), 10);
  return binFromCodes(out);
}

function uudecode(src: string): string | false {
  const n = src.length;
  if (n === 0) return false;
  const D = (i: number) => ((i < n ? src.charCodeAt(i) : 0) - 32) & 0o77;
  const out: number[] = [];
  let s = 0, total = 0, len = 0;
  const fail = () => {
    rt.warn('convert_uudecode(): Argument #1 ($data) is not a valid uuencoded string');
    return false as const;
  };
  while (s < n) {
    len = D(s++);
    if (len === 0) break;
    if (len > n) return fail();
    total += len;
    const ee = s + (len === 45 ? 60 : Math.floor(len * 1.33));
    if (ee > n) return fail();
    while (s < ee) {
      if (s + 4 > n) return fail();
      out.push(((D(s) << 2) | (D(s + 1) >> 4)) & 255, ((D(s + 1) << 4) | (D(s + 2) >> 2)) & 255, ((D(s + 2) << 6) | D(s + 3)) & 255);
      s += 4;
    }
    if (len < 45) break;
    s++;
  }
  if (total > out.length) {
    out.push(((D(s) << 2) | (D(s + 1) >> 4)) & 255);
    if (total > 1) {
      out.push(((D(s + 1) << 4) | (D(s + 2) >> 2)) & 255);
      if (total > 2) out.push(((D(s + 2) << 6) | D(s + 3)) & 255);
    }
  }
  out.length = total;
  return binFromCodes(out);
}

function utf8Decode(s: string): string {
  rt.deprecated('Function utf8_decode() is deprecated');
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out.push(s[i++]);
      continue;
    }
    // php_next_utf8_char: decode one sequence, '?' on error (consuming as php does)
    let cp = -1, len = 1;
    const c1 = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    const c2 = i + 2 < n ? s.charCodeAt(i + 2) : -1;
    const c3 = i + 3 < n ? s.charCodeAt(i + 3) : -1;
    const cont = (x: number) => x >= 0x80 && x <= 0xbf;
    if (c < 0xc2) len = 1;
    else if (c < 0xe0) {
      if (cont(c1)) {
        cp = ((c & 0x1f) << 6) | (c1 & 0x3f);
        len = 2;
      }
    } else if (c < 0xf0) {
      if (i + 2 >= n + 0 && !(cont(c1) && cont(c2))) len = c1 >= 0 && cont(c1) ? 2 : 1;
      else if (cont(c1) && cont(c2)) {
        cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
        len = 3;
        if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) cp = -1;
      } else len = cont(c1) ? 2 : 1;
    } else if (c < 0xf5) {
      if (cont(c1) && cont(c2) && cont(c3)) {
        cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
        len = 4;
        if (cp < 0x10000) cp = -1;
      } else len = !cont(c1) ? 1 : !cont(c2) ? 2 : 3;
    }
    i += len;
    out.push(cp >= 0 && cp < 256 ? String.fromCharCode(cp) : '?');
  }
  return out.join('');
}

// ───────────── paths ─────────────

export function basename(s: string, suffix: string = ''): string {
  let end = s.length - 1;
  while (end >= 0 && s[end] === '/') end--;
  if (end < 0) return '';
  let start = end;
  end++;
  while (start > 0 && s[start - 1] !== '/') start--;
  if (suffix && suffix.length < end - start && s.slice(end - suffix.length, end) === suffix) end -= suffix.length;
  return s.slice(start, end);
}

/** zend_dirname */
export function dirnameOnce(path: string): string {
  const len = path.length;
  if (len === 0) return '';
  let end = len - 1;
  while (end >= 0 && path[end] === '/') end--;
  if (end < 0) return '/';
  while (end >= 0 && path[end] !== '/') end--;
  if (end < 0) return '.';
  while (end >= 0 && path[end] === '/') end--;
  if (end < 0) return '/';
  return path.slice(0, end + 1);
}

function dirname(path: string, levels: number): string {
  if (levels === 1) return dirnameOnce(path);
  if (levels < 1) rt.throwError('ValueError', 'dirname(): Argument #2 ($levels) must be greater than or equal to 1');
  let cur = path;
  let prevLen = cur.length;
  while (levels-- > 0) {
    const next = dirnameOnce(cur);
    const shrank = next.length < prevLen;
    cur = next;
    if (!shrank) break;
    prevLen = next.length;
  }
  return cur;
}

function pathinfo(path: string, opt: number): any {
  const a = new PhpArray();
  if (opt & 1) {
    const d = dirnameOnce(path);
    if (d) a.set('dirname', d);
  }
  const have = (opt & 2) === 2;
  let base = '';
  if (have || opt & 4 || opt & 8) base = basename(path);
  if (have) a.set('basename', base);
  if (opt & 4) {
    const p = base.lastIndexOf('.');
    if (p >= 0) a.set('extension', base.slice(p + 1));
  }
  if (opt & 8) {
    const p = base.lastIndexOf('.');
    a.set('filename', p >= 0 ? base.slice(0, p) : base);
  }
  if (opt === 15) return a;
  const i = a.nextSlot(0);
  return i < a.slotCount ? a.valAt(i) : '';
}

// ───────────── locale (C only) ─────────────

// glibc's categories in its order (its composite LC_ALL name lists them all); PHP's LC_* constants index the first six
const GLIBC_CATEGORIES = ['LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES', 'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT', 'LC_IDENTIFICATION'];
const LC_ALL = 6;

/** The locales of the request: php-src starts with LC_CTYPE at C.UTF-8 (zend_reset_lc_ctype_locale), the rest at C. */
function locales(): string[] {
  return (rt.ext.locales ??= ['C.UTF-8', ...Array(GLIBC_CATEGORIES.length - 1).fill('C')]);
}

/** The name setlocale would install, or null: only the C locales exist here. */
function availableLocale(name: string): string | null {
  if (name === 'C' || name === 'POSIX') return 'C';
  if (/^C\.(UTF-8|utf8)$/.test(name)) return name;
  return null;
}

/** setlocale(cat, "") takes the name from the environment: LC_ALL, then the category's variable, then LANG. */
function localeFromEnv(cat: number): string {
  const env = rt.core.env(rt);
  return env.LC_ALL || env[GLIBC_CATEGORIES[cat]] || env.LANG || 'C';
}

function currentLocale(cat: number): string {
  const l = locales();
  if (cat !== LC_ALL) return l[cat];
  return l.every((n) => n === l[0]) ? l[0] : l.map((n, i) => `${GLIBC_CATEGORIES[i]}=${n}`).join(';');
}

function installLocale(cat: number, name: string): string | null {
  const l = locales();
  if (cat === LC_ALL) {
    const names = l.map((_, i) => availableLocale(name === '' ? localeFromEnv(i) : name));
    if (names.some((n) => n === null)) return null;
    names.forEach((n, i) => (l[i] = n!));
    return currentLocale(LC_ALL);
  }
  const n = availableLocale(name === '' ? localeFromEnv(cat) : name);
  if (n !== null) l[cat] = n;
  return n;
}

function setlocale(cat: number, locales: any, rest: any[]): string | false {
  // glibc refuses an unknown category
  if (cat < 0 || cat > LC_ALL) return false;
  const tryOne = (v: any): string | null => {
    const s = toStr(v);
    if (s === '0') return currentLocale(cat);
    if (s.length >= 255) {
      rt.warn('setlocale(): Specified locale name is too long');
      return null;
    }
    return installLocale(cat, s);
  };
  for (const arg of [locales, ...rest]) {
    if (arg instanceof PhpArray) {
      for (const v of arg.values()) {
        const r = tryOne(v);
        if (r !== null) return r;
      }
    } else {
      const r = tryOne(arg);
      if (r !== null) return r;
    }
  }
  return false;
}

function localeconv(): PhpArray {
  return PhpArray.fromEntries([
    ['decimal_point', '.'], ['thousands_sep', ''], ['int_curr_symbol', ''], ['currency_symbol', ''],
    ['mon_decimal_point', ''], ['mon_thousands_sep', ''], ['positive_sign', ''], ['negative_sign', ''],
    ['int_frac_digits', 127], ['frac_digits', 127], ['p_cs_precedes', 127], ['p_sep_by_space', 127],
    ['n_cs_precedes', 127], ['n_sep_by_space', 127], ['p_sign_posn', 127], ['n_sign_posn', 127],
    ['grouping', new PhpArray()], ['mon_grouping', new PhpArray()],
  ]);
}

// ───────────── str_getcsv (php_fgetcsv on a string) ─────────────

export function parseCsvLine(str: string, delim: string, enc: string, esc: string | null): PhpArray {
  const out = new PhpArray();
  // strip the trailing line break
  let buf = str;
  if (buf.endsWith('\r\n')) buf = buf.slice(0, -2);
  else if (buf.endsWith('\n') || buf.endsWith('\r')) buf = buf.slice(0, -1);
  const n = buf.length;
  if (n === 0) {
    out.append(null);
    return out;
  }
  let i = 0;
  for (;;) {
    // skip leading whitespace (not the delimiter)
    let j = i;
    while (j < n && buf[j] !== delim && (buf[j] === ' ' || buf[j] === '\t')) j++;
    if (j < n && buf[j] === enc && enc !== '') {
      // enclosed field
      const parts: string[] = [];
      let k = j + 1;
      let segStart = k;
      let escaped = false;
      for (;;) {
        if (k >= n) {
          parts.push(buf.slice(segStart, k));
          break;
        }
        const c = buf[k];
        if (escaped) {
          escaped = false;
          k++;
          continue;
        }
        if (esc !== null && c === esc && esc !== enc) {
          escaped = true;
          k++;
          continue;
        }
        if (c === enc) {
          if (k + 1 < n && buf[k + 1] === enc) {
            parts.push(buf.slice(segStart, k + 1));
            k += 2;
            segStart = k;
            continue;
          }
          parts.push(buf.slice(segStart, k));
          k++;
          break;
        }
        k++;
      }
      // text after the closing enclosure up to the delimiter is appended
      let m = k;
      while (m < n && buf[m] !== delim) m++;
      parts.push(buf.slice(k, m));
      out.append(parts.join(''));
      if (m >= n) break;
      i = m + 1;
    } else {
      let m = i;
      while (m < n && buf[m] !== delim) m++;
      out.append(buf.slice(i, m));
      if (m >= n) break;
      i = m + 1;
    }
  }
  return out;
}

// ───────────── uniqid ─────────────

let lastUniq = 0;
function uniqid(prefix: string, more: boolean): string {
  let t = Date.now() * 1000 + Number(process.hrtime.bigint() % 1000n);
  if (t <= lastUniq) t = lastUniq + 1;
  lastUniq = t;
  const sec = Math.floor(t / 1e6), usec = t % 1e6;
  let s = prefix + sec.toString(16).padStart(8, '0') + usec.toString(16).padStart(5, '0');
  if (more) s += (Math.random() * 10).toFixed(8); // "%.8F" of php_combined_lcg() * 10
  return s;
}

function hebrev(s: string, maxChars: number): string {
  // logical → visual Hebrew (ISO-8859-8): without Hebrew characters, the text is kept as is
  if (s === '') return '';
  void maxChars;
  return s;
}

export function registerStringsMisc(r: Registry): void {
  r.constants({
    PATHINFO_DIRNAME: 1, PATHINFO_BASENAME: 2, PATHINFO_EXTENSION: 4, PATHINFO_FILENAME: 8, PATHINFO_ALL: 15,
    LC_CTYPE: 0, LC_NUMERIC: 1, LC_TIME: 2, LC_COLLATE: 3, LC_MONETARY: 4, LC_MESSAGES: 5, LC_ALL: 6,
    ABDAY_1: 0x20000, ABDAY_2: 0x20001, ABDAY_3: 0x20002, ABDAY_4: 0x20003, ABDAY_5: 0x20004, ABDAY_6: 0x20005, ABDAY_7: 0x20006,
    DAY_1: 0x20007, DAY_2: 0x20008, DAY_3: 0x20009, DAY_4: 0x2000a, DAY_5: 0x2000b, DAY_6: 0x2000c, DAY_7: 0x2000d,
    ABMON_1: 0x2000e, ABMON_2: 0x2000f, ABMON_3: 0x20010, ABMON_4: 0x20011, ABMON_5: 0x20012, ABMON_6: 0x20013, ABMON_7: 0x20014,
    ABMON_8: 0x20015, ABMON_9: 0x20016, ABMON_10: 0x20017, ABMON_11: 0x20018, ABMON_12: 0x20019,
    MON_1: 0x2001a, MON_2: 0x2001b, MON_3: 0x2001c, MON_4: 0x2001d, MON_5: 0x2001e, MON_6: 0x2001f, MON_7: 0x20020,
    MON_8: 0x20021, MON_9: 0x20022, MON_10: 0x20023, MON_11: 0x20024, MON_12: 0x20025,
    AM_STR: 0x20026, PM_STR: 0x20027, D_T_FMT: 0x20028, D_FMT: 0x20029, T_FMT: 0x2002a, T_FMT_AMPM: 0x2002b, ERA: 0x2002c,
    ERA_D_FMT: 0x2002e, ALT_DIGITS: 0x2002f, ERA_D_T_FMT: 0x20030, ERA_T_FMT: 0x20031, CODESET: 14, CRNCYSTR: 0x4000f,
    RADIXCHAR: 0x10000, THOUSEP: 0x10001, YESEXPR: 0x50000, NOEXPR: 0x50001,
  });
  r.functions({
    'addslashes(string $string): string': addslashes,
    'stripslashes(string $string): string': stripslashes,
    'addcslashes(string $string, string $characters): string': addcslashes,
    'stripcslashes(string $string): string': stripcslashes,
    'quotemeta(string $string): string': (s: string) => s.replace(/[.\\+*?[^\]$()]/g, '\\$&'),
    'strip_tags(string $string, array|string|null $allowed_tags = null): string': stripTags,
    'strnatcmp(string $string1, string $string2): int': (a: string, b: string) => natCompare(a, b, false),
    'strnatcasecmp(string $string1, string $string2): int': (a: string, b: string) => natCompare(a, b, true),
    'strcoll(string $string1, string $string2): int': (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0),
    'similar_text(string $string1, string $string2, &$percent = null): int': similarText,
    'levenshtein(string $string1, string $string2, int $insertion_cost = 1, int $replacement_cost = 1, int $deletion_cost = 1): int': (a: string, b: string, i: any, rp: any, d: any) =>
      levenshtein(a, b, clampInt(i), clampInt(rp), clampInt(d)),
    'soundex(string $string): string': soundex,
    'metaphone(string $string, int $max_phonemes = 0): string': (s: string, m: any) => {
      const n = clampInt(m);
      if (n < 0) rt.throwError('ValueError', 'metaphone(): Argument #2 ($max_phonemes) must be greater than or equal to 0');
      return metaphone(s, n);
    },
    'md5(string $string, bool $binary = false): string': (s: string, b: boolean) => hashStr('md5', s, b),
    'sha1(string $string, bool $binary = false): string': (s: string, b: boolean) => hashStr('sha1', s, b),
    'md5_file(string $filename, bool $binary = false): string|false': (f: string, b: boolean) => hashFile('md5', f, b, 'md5_file'),
    'sha1_file(string $filename, bool $binary = false): string|false': (f: string, b: boolean) => hashFile('sha1', f, b, 'sha1_file'),
    'crc32(string $string): int': crc32,
    'bin2hex(string $string): string': bin2hex,
    'hex2bin(string $string): string|false': hex2bin,
    'base64_encode(string $string): string': (s: string) => Buffer.from(s, 'latin1').toString('base64'),
    'base64_decode(string $string, bool $strict = false): string|false': base64Decode,
    'str_rot13(string $string): string': (s: string) =>
      s.replace(/[a-zA-Z]/g, (c) => {
        const x = c.charCodeAt(0);
        const base = x >= 97 ? 97 : 65;
        return String.fromCharCode(((x - base + 13) % 26) + base);
      }),
    'str_shuffle(string $string): string': (s: string) => {
      // php_string_shuffle: the same Mt19937 draws as PHP, so seeded output matches
      const a = s.split('');
      for (let left = a.length - 1; left > 0; left--) {
        const j = Number(mtRandRange(0, left));
        if (j !== left) {
          const t = a[left];
          a[left] = a[j];
          a[j] = t;
        }
      }
      return a.join('');
    },
    'quoted_printable_decode(string $string): string': qpDecode,
    'quoted_printable_encode(string $string): string': qpEncode,
    'convert_uuencode(string $string): string': uuencode,
    'convert_uudecode(string $string): string|false': uudecode,
    'utf8_encode(string $string): string': (s: string) => {
      rt.deprecated('Function utf8_encode() is deprecated');
      return Buffer.from(s, 'utf8').toString('latin1');
    },
    'utf8_decode(string $string): string': utf8Decode,
    'basename(string $path, string $suffix = ""): string': basename,
    'dirname(string $path, int $levels = 1): string': (p: string, l: any) => dirname(p, clampInt(l)),
    'pathinfo(string $path, int $flags = PATHINFO_ALL): array|string': (p: string, f: any) => pathinfo(p, clampInt(f)),
    'setlocale(int $category, $locales, ...$rest): string|false': setlocale,
    'localeconv(): array': localeconv,
    'nl_langinfo(int $item): string|false': (item: number) => {
      const v = LANGINFO[item];
      if (v === undefined) {
        rt.warn(`nl_langinfo(): Item '${item}' is not valid`);
        return false;
      }
      return v;
    },
    'str_getcsv(string $string, string $separator = ",", string $enclosure = "\\"", string $escape = "\\\\"): array': (s: string, d: string, e: string, x: string) => {
      if (d.length !== 1) rt.throwError('ValueError', 'str_getcsv(): Argument #2 ($separator) must be a single character');
      if (e.length !== 1) rt.throwError('ValueError', 'str_getcsv(): Argument #3 ($enclosure) must be a single character');
      if (x.length > 1) rt.throwError('ValueError', 'str_getcsv(): Argument #4 ($escape) must be empty or a single character');
      return parseCsvLine(s, d, e, x === '' ? null : x);
    },
    'uniqid(string $prefix = "", bool $more_entropy = false): string': uniqid,
    'hebrev(string $string, int $max_chars_per_line = 0): string': (s: string, m: any) => hebrev(s, clampInt(m)),
  });
  void addcslashes;
}

function hashFile(algo: string, f: string, binary: boolean, fname: string): string | false {
  if (f === '') rt.throwError('ValueError', 'Path cannot be empty');
  if (f.includes('\0')) rt.throwError('ValueError', `${fname}(): Argument #1 ($filename) must not contain any null bytes`);
  let data: Buffer;
  try {
    data = fs.readFileSync(fsPath(absPath(f)));
  } catch (e: any) {
    rt.warn(`${fname}(${f}): Failed to open stream: ${errText(e)}`);
    return false;
  }
  const h = createHash(algo).update(data);
  return binary ? h.digest().toString('latin1') : h.digest('hex');
}

// nl_langinfo() items of the C locale (glibc numbering)
const LANGINFO: Record<number, string> = (() => {
  const t: Record<number, string> = {};
  const abday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const day = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const abmon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const mon = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  abday.forEach((d, i) => (t[0x20000 + i] = d));
  day.forEach((d, i) => (t[0x20007 + i] = d));
  abmon.forEach((d, i) => (t[0x2000e + i] = d));
  mon.forEach((d, i) => (t[0x2001a + i] = d));
  Object.assign(t, { 0x20026: 'AM', 0x20027: 'PM', 0x20028: '%a %b %e %H:%M:%S %Y', 0x20029: '%m/%d/%y', 0x2002a: '%H:%M:%S', 0x2002b: '%I:%M:%S %p',
    0x2002c: '', 0x2002e: '', 0x2002f: '', 0x20030: '', 0x20031: '', 0x10000: '.', 0x10001: '', 0x50000: '^[yY]', 0x50001: '^[nN]', 14: 'ANSI_X3.4-1968', 0x4000f: '-' });
  return t;
})();
