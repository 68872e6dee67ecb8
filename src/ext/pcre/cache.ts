// Compiling PHP regex strings ("/pattern/flags") and the compiled-pattern cache
// (php_pcre.c: pcre_get_compiled_regex_cache).

import { translate, PcreCompileError, type TranslateOptions } from './translate.js';

export interface CompiledRegex {
  re: RegExp;
  /** number of capturing groups */
  groupCount: number;
  /** group number → name */
  names: (string | null)[];
  /** PCRE group number → JS group number */
  jsGroup: number[];
  /** the u modifier: subject is UTF-8 */
  utf: boolean;
  anchored: boolean;
  /** the translated pattern and options, for building the not-empty variant lazily */
  pattern: string;
  opts: TranslateOptions;
  notEmpty?: { re: RegExp; jsGroup: number[] };
}

/** The variant that rejects an empty match at the start position, anchored (the retry after an
 *  empty match in global matching). */
export function notEmptyVariant(c: CompiledRegex): { re: RegExp; jsGroup: number[] } {
  if (!c.notEmpty) {
    const t = translate(c.pattern, { ...c.opts, notEmpty: true });
    c.notEmpty = { re: new RegExp(t.source, t.flags.replace('g', '') + 'y'), jsGroup: t.jsGroup };
  }
  return c.notEmpty;
}

/** A failed compilation: the warning PHP prints (without the "func(): " prefix). */
export class RegexError {
  constructor(public readonly message: string) {}
}

const cache = new Map<string, CompiledRegex | RegexError>();
const CACHE_MAX = 4096;

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Returns the compiled pattern, or the error message. Results (errors too) are cached by pattern. */
export function compileRegex(regex: string): CompiledRegex | RegexError {
  let c = cache.get(regex);
  if (c === undefined) {
    c = compileUncached(regex);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(regex, c);
  }
  return c;
}

function compileUncached(regex: string): CompiledRegex | RegexError {
  let p = 0;
  const len = regex.length;
  while (p < len && isSpace(regex.charCodeAt(p))) p++;
  if (p >= len) return new RegexError('Empty regular expression');
  const delim = regex.charCodeAt(p);
  if (isAlnum(delim) || delim === 92 || delim === 0) return new RegexError('Delimiter must not be alphanumeric, backslash, or NUL');
  p++;
  const start = p;
  const open = String.fromCharCode(delim);
  const closeIdx = '([{<'.indexOf(open);
  let end: number;
  if (closeIdx < 0) {
    while (p < len) {
      const ch = regex.charCodeAt(p);
      if (ch === 92 && p + 1 < len) { p += 2; continue; }
      if (ch === delim) break;
      p++;
    }
    if (p >= len) return new RegexError(`No ending delimiter '${open}' found`);
    end = p;
  } else {
    const close = ')]}>'.charCodeAt(closeIdx);
    let depth = 1;
    while (p < len) {
      const ch = regex.charCodeAt(p);
      if (ch === 92 && p + 1 < len) { p += 2; continue; }
      if (ch === close && --depth === 0) break;
      if (ch === delim) depth++;
      p++;
    }
    if (p >= len) return new RegexError(`No ending matching delimiter '${String.fromCharCode(close)}' found`);
    end = p;
  }
  const body = regex.slice(start, end);
  const opts: TranslateOptions = {};
  for (p = end + 1; p < len; p++) {
    const m = regex[p];
    switch (m) {
      case 'i': opts.i = true; break;
      case 'm': opts.m = true; break;
      case 's': opts.s = true; break;
      case 'x': opts.x = true; break;
      case 'A': opts.A = true; break;
      case 'D': opts.D = true; break;
      case 'S': break;
      case 'U': opts.U = true; break;
      case 'X': break;
      case 'J': opts.J = true; break;
      case 'u': opts.u = true; break;
      case 'n': opts.n = true; break;
      case ' ': case '\n': case '\r': break;
      case 'e': return new RegexError('The /e modifier is no longer supported, use preg_replace_callback instead');
      case '\0': return new RegexError('NUL is not a valid modifier');
      default: return new RegexError(`Unknown modifier '${m}'`);
    }
  }
  let pattern = body;
  if (opts.u) {
    const d = decodeUtf8(body);
    if (d === null) return new RegexError(`Compilation failed: UTF-8 error: ${utf8ErrorText(body)} at offset ${utf8ErrorOffset(body)}`);
    pattern = d;
  }
  try {
    const t = translate(pattern, opts);
    let re: RegExp;
    try {
      re = new RegExp(t.source, t.flags + (t.anchored ? 'y' : ''));
    } catch (e) {
      return new RegexError(`Compilation failed: ${(e as Error).message.replace(/^Invalid regular expression: /, '')} at offset 0`);
    }
    return { re, groupCount: t.groupCount, names: t.names, jsGroup: t.jsGroup, utf: !!opts.u, anchored: t.anchored, pattern, opts };
  } catch (e) {
    if (e instanceof PcreCompileError) {
      let off = e.offset;
      if (opts.u) off = Buffer.byteLength(pattern.slice(0, off), 'utf8');
      return new RegexError(`Compilation failed: ${e.text} at offset ${off}`);
    }
    throw e;
  }
}

// ───────────── UTF-8 ─────────────

/** Strictly decodes a binary string as UTF-8 (no overlongs, no surrogates); null when invalid. */
export function decodeUtf8(s: string): string | null {
  // fast path: ASCII
  let i = 0;
  const n = s.length;
  while (i < n && s.charCodeAt(i) < 0x80) i++;
  if (i === n) return s;
  return utf8ErrorOffset(s) < 0 ? Buffer.from(s, 'latin1').toString('utf8') : null;
}

/** The byte offset of the first invalid UTF-8 sequence, or -1. */
export function utf8ErrorOffset(s: string): number {
  return utf8Check(s).offset;
}
function utf8ErrorText(s: string): string {
  return utf8Check(s).text;
}

function utf8Check(s: string): { offset: number; text: string } {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) { i++; continue; }
    let need: number, min: number, cp: number;
    if (c >= 0xc0 && c <= 0xdf) { need = 1; min = 0x80; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf7) { need = 3; min = 0x10000; cp = c & 0x07; }
    else if (c >= 0xfe) return { offset: i, text: 'illegal byte (0xfe or 0xff)' };
    else if (c >= 0xf8) return { offset: i, text: '5-byte and 6-byte characters are not allowed (RFC 3629)' };
    else return { offset: i, text: 'isolated byte with 0x80 bit set' };
    if (i + need > n - 1) {
      const missing = need - (n - 1 - i);
      return { offset: i, text: `${missing} byte${missing > 1 ? 's' : ''} missing at end` };
    }
    for (let k = 1; k <= need; k++) {
      const cc = s.charCodeAt(i + k);
      if ((cc & 0xc0) !== 0x80) return { offset: i, text: `byte ${k + 1} top bits not 0x80` };
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min) return { offset: i, text: 'overlong 2-byte sequence' };
    if (cp >= 0xd800 && cp <= 0xdfff) return { offset: i, text: 'code points 0xd800-0xdfff are not defined' };
    if (cp > 0x10ffff) return { offset: i, text: 'code points greater than 0x10ffff are not defined' };
    i += need + 1;
  }
  return { offset: -1, text: '' };
}
