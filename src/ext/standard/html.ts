// ext/standard/html.c: htmlspecialchars, htmlentities, html_entity_decode, htmlspecialchars_decode,
// get_html_translation_table; the entity tables of HTML 4.01, XHTML, XML 1 and HTML5 (html_tables.ts).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { HTML5_DECODE, HTML5_ENCODE, HTML401_ENCODE } from './html_tables.js';

const ENT_COMPAT = 2, ENT_QUOTES = 3, ENT_NOQUOTES = 0, ENT_IGNORE = 4, ENT_SUBSTITUTE = 8, ENT_DISALLOWED = 128;
const ENT_HTML401 = 0, ENT_XML1 = 16, ENT_XHTML = 32, ENT_HTML5 = 48;
const QUOTE_DOUBLE = 2, QUOTE_SINGLE = 1;
const DOC_MASK = 48;

// ───────────── tables ─────────────

interface EncTable {
  /** code point → entity name (single code point entities) */
  single: Map<number, string>;
  /** first code point → (second code point → name) */
  pairs: Map<number, Map<number, string>>;
  /** [code points, name] in table order */
  order: [number[], string][];
}

function parseTable(src: string): [string, number[]][] {
  return src.split(';').map((e) => {
    const c = e.lastIndexOf(':');
    return [e.slice(0, c), e.slice(c + 1).split(',').map((h) => parseInt(h, 16))];
  });
}

let html5Enc: EncTable | null = null;
let html4Enc: EncTable | null = null;
let html5Dec: Map<string, number[]> | null = null;
let html4Dec: Map<string, number[]> | null = null;

function buildEnc(src: string): EncTable {
  const t: EncTable = { single: new Map(), pairs: new Map(), order: [] };
  for (const [name, cps] of parseTable(src)) {
    t.order.push([cps, name]);
    if (cps.length === 1) t.single.set(cps[0], name);
    else {
      let m = t.pairs.get(cps[0]);
      if (!m) t.pairs.set(cps[0], (m = new Map()));
      m.set(cps[1], name);
    }
  }
  return t;
}

function encTable(doctype: number): EncTable {
  if (doctype === ENT_HTML5) return (html5Enc ??= buildEnc(HTML5_ENCODE));
  return (html4Enc ??= buildEnc(HTML401_ENCODE));
}

const BASIC_DEC = new Map<string, number[]>([['amp', [38]], ['lt', [60]], ['gt', [62]], ['quot', [34]]]);
const BASIC_DEC_APOS = new Map<string, number[]>([...BASIC_DEC, ['apos', [39]]]);

/** unescape_inverse_map */
function decTable(all: boolean, doctype: number): Map<string, number[]> {
  if (all) {
    if (doctype === ENT_HTML401 || doctype === ENT_XHTML) {
      if (!html4Dec) {
        html4Dec = new Map();
        for (const [name, cps] of parseTable(HTML401_ENCODE)) if (name[0] !== '#') html4Dec.set(name, cps);
      }
      return html4Dec;
    }
    if (doctype === ENT_HTML5) return (html5Dec ??= new Map(parseTable(HTML5_DECODE)));
    return BASIC_DEC_APOS;
  }
  return doctype === ENT_HTML401 ? BASIC_DEC : BASIC_DEC_APOS;
}

// ───────────── charsets ─────────────

const enum Cs {
  Utf8,
  Latin1,
  Latin15,
  Cp1252,
  Cp1251,
  Iso88595,
  Cp866,
  Koi8r,
  MacRoman,
  MultiByte,
}

/** charset_map of html.c: the names htmlentities() and friends accept. */
const CHARSETS: Record<string, Cs> = {
  'utf-8': Cs.Utf8, 'iso-8859-1': Cs.Latin1, 'iso8859-1': Cs.Latin1, 'iso-8859-15': Cs.Latin15, 'iso8859-15': Cs.Latin15,
  'cp1252': Cs.Cp1252, 'windows-1252': Cs.Cp1252, '1252': Cs.Cp1252,
  'cp1251': Cs.Cp1251, 'windows-1251': Cs.Cp1251, 'win-1251': Cs.Cp1251, 'iso8859-5': Cs.Iso88595, 'iso-8859-5': Cs.Iso88595,
  'cp866': Cs.Cp866, '866': Cs.Cp866, 'ibm866': Cs.Cp866, 'koi8-r': Cs.Koi8r, 'koi8-ru': Cs.Koi8r, 'koi8r': Cs.Koi8r, 'macroman': Cs.MacRoman,
  'big5': Cs.MultiByte, '950': Cs.MultiByte, 'gb2312': Cs.MultiByte, '936': Cs.MultiByte, 'big5-hkscs': Cs.MultiByte,
  'shift_jis': Cs.MultiByte, 'sjis': Cs.MultiByte, '932': Cs.MultiByte, 'sjis-win': Cs.MultiByte, 'cp932': Cs.MultiByte,
  'eucjp': Cs.MultiByte, 'euc-jp': Cs.MultiByte, 'eucjp-win': Cs.MultiByte,
};

/** determine_charset: the named charset, or default_charset when none is named. */
function charsetOf(name: string | null, fname: string): Cs {
  if (name === null || name === '') {
    const def = rt.iniGet('default_charset') ?? '';
    return def === '' ? Cs.Utf8 : CHARSETS[def.toLowerCase()] ?? Cs.Utf8;
  }
  const cs = CHARSETS[name.toLowerCase()];
  if (cs !== undefined) return cs;
  rt.warn(`${fname}(): Charset "${name}" is not supported, assuming UTF-8`);
  return Cs.Utf8;
}

/** The upper halves (0x80-0xff) of the other single-byte charsets, from Node's WHATWG decoders. */
const WEB_NAMES: Partial<Record<Cs, string>> = { [Cs.Cp1251]: 'windows-1251', [Cs.Iso88595]: 'iso-8859-5', [Cs.Cp866]: 'ibm866', [Cs.Koi8r]: 'koi8-r', [Cs.MacRoman]: 'macintosh' };
const upperHalves = new Map<Cs, Int32Array>();
function upperHalf(cs: Cs): Int32Array {
  let t = upperHalves.get(cs);
  if (!t) {
    t = new Int32Array(128);
    const dec = new TextDecoder(WEB_NAMES[cs]);
    for (let b = 0; b < 128; b++) t[b] = dec.decode(new Uint8Array([b + 128])).codePointAt(0) ?? -1;
    // php's cp1251 table leaves 0x98 unassigned
    if (cs === Cs.Cp1251) t[0x18] = -1;
    upperHalves.set(cs, t);
  }
  return t;
}

const CP1252_HI = [0x20ac, -1, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, -1, 0x17d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, -1, 0x17e, 0x178];
const LATIN15_DIFF: Record<number, number> = { 0xa4: 0x20ac, 0xa6: 0x160, 0xa8: 0x161, 0xb4: 0x17d, 0xb8: 0x17e, 0xbc: 0x152, 0xbd: 0x153, 0xbe: 0x178 };

/** Byte of a single-byte charset → code point (-1: no mapping). */
function byteToCp(b: number, cs: Cs): number {
  if (cs === Cs.Latin1) return b;
  if (cs === Cs.Latin15) return LATIN15_DIFF[b] ?? b;
  if (cs === Cs.Cp1252) return b >= 0x80 && b < 0xa0 ? CP1252_HI[b - 0x80] : b;
  if (b < 0x80) return b;
  return cs === Cs.MultiByte || cs === Cs.Utf8 ? -1 : upperHalf(cs)[b - 0x80];
}

function cpToByte(cp: number, cs: Cs): number {
  if (cs === Cs.Utf8) return cp;
  if (cp < 0x80) return cp;
  if (cs === Cs.Latin1) return cp <= 0xff ? cp : -1;
  for (let b = 0x80; b < 0x100; b++) if (byteToCp(b, cs) === cp) return b;
  return -1;
}

const isTrail = (c: number) => c >= 0x80 && c <= 0xbf;
const isLead = (c: number) => c < 0x80 || (c >= 0xc2 && c <= 0xf4);

/**
 * php_next_utf8_char: decodes the UTF-8 sequence at pos. Returns the code point (or -1 when invalid)
 * and sets next.pos to the position after it (advancing past the bytes PHP's decoder skips).
 */
export function nextUtf8(s: string, pos: number, next: { pos: number }): number {
  const n = s.length;
  const c = s.charCodeAt(pos);
  const at = (k: number) => s.charCodeAt(k);
  if (c < 0x80) {
    next.pos = pos + 1;
    return c;
  }
  const fail = (adv: number) => {
    next.pos = pos + adv;
    return -1;
  };
  if (c < 0xc2) return fail(1);
  if (c < 0xe0) {
    if (n - pos < 2) return fail(1);
    if (!isTrail(at(pos + 1))) return fail(isLead(at(pos + 1)) ? 1 : 2);
    next.pos = pos + 2;
    return ((c & 0x1f) << 6) | (at(pos + 1) & 0x3f);
  }
  const avail = n - pos;
  if (c < 0xf0) {
    if (avail < 3 || !isTrail(at(pos + 1)) || !isTrail(at(pos + 2))) {
      if (avail < 2 || isLead(at(pos + 1))) return fail(1);
      if (avail < 3 || isLead(at(pos + 2))) return fail(2);
      return fail(3);
    }
    const cp = ((c & 0x0f) << 12) | ((at(pos + 1) & 0x3f) << 6) | (at(pos + 2) & 0x3f);
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return fail(3);
    next.pos = pos + 3;
    return cp;
  }
  if (c < 0xf5) {
    if (avail < 4 || !isTrail(at(pos + 1)) || !isTrail(at(pos + 2)) || !isTrail(at(pos + 3))) {
      if (avail < 2 || isLead(at(pos + 1))) return fail(1);
      if (avail < 3 || isLead(at(pos + 2))) return fail(2);
      if (avail < 4 || isLead(at(pos + 3))) return fail(3);
      return fail(4);
    }
    const cp = ((c & 0x07) << 18) | ((at(pos + 1) & 0x3f) << 12) | ((at(pos + 2) & 0x3f) << 6) | (at(pos + 3) & 0x3f);
    if (cp < 0x10000 || cp > 0x10ffff) return fail(4);
    next.pos = pos + 4;
    return cp;
  }
  return fail(1);
}

export function utf8Bytes(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/** numeric_entity_is_allowed: which numeric entities may stay as they are (less strict than cpAllowed). */
function numericEntityAllowed(cp: number, doctype: number): boolean {
  switch (doctype) {
    case ENT_HTML401:
      return cp <= 0x10ffff;
    case ENT_HTML5:
      return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0x09 && cp <= 0x0c && cp !== 0x0b) ||
        (cp >= 0xa0 && cp <= 0x10ffff && (cp & 0xffff) < 0xfffe && (cp < 0xfdd0 || cp > 0xfdef));
    default:
      return cpAllowed(cp, doctype);
  }
}

/** unicode_cp_is_allowed: the characters a document of this type may contain. */
function cpAllowed(cp: number, doctype: number): boolean {
  switch (doctype) {
    case ENT_HTML401:
      return (cp >= 0x20 && cp <= 0x7e) || cp === 0x0a || cp === 0x09 || cp === 0x0d || (cp >= 0xa0 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0x10ffff);
    case ENT_HTML5:
      return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0x09 && cp <= 0x0d && cp !== 0x0b) || (cp >= 0xa0 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0x10ffff && (cp & 0xffff) < 0xfffe && (cp < 0xfdd0 || cp > 0xfdef));
    default:
      return (cp >= 0x20 && cp <= 0xd7ff) || cp === 0x0a || cp === 0x09 || cp === 0x0d || (cp >= 0xe000 && cp <= 0x10ffff && cp !== 0xfffe && cp !== 0xffff);
  }
}

// ───────────── entity parsing ─────────────

/** At s[p] === '&': the entity `&...;` starting there, or null. Returns [code points, end index]. */
function parseEntityAt(s: string, p: number, table: Map<string, number[]>): { numeric: boolean; cps: number[] | null; end: number; name: string } | null {
  const n = s.length;
  if (s[p + 1] === '#') {
    let k = p + 2;
    const hex = s[k] === 'x' || s[k] === 'X';
    if (hex) k++;
    const start = k;
    while (k < n && (hex ? /[0-9a-fA-F]/.test(s[k]) : s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57)) k++;
    if (k === start || s[k] !== ';') return null;
    const code = parseInt(s.slice(start, k), hex ? 16 : 10);
    if (!(code <= 0x10ffff)) return null;
    return { numeric: true, cps: [code], end: k + 1, name: '' };
  }
  let k = p + 1;
  while (k < n) {
    const c = s.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) k++;
    else break;
  }
  if (s[k] !== ';' || k === p + 1) return null;
  const name = s.slice(p + 1, k);
  return { numeric: false, cps: table.get(name) ?? null, end: k + 1, name };
}

// ───────────── escaping ─────────────

function escapeHtml(s: string, all: boolean, flags: number, charsetName: string | null, doubleEncode: boolean, fname: string): string {
  let cs = charsetOf(charsetName, fname);
  const doctype = flags & DOC_MASK;
  if (all && cs === Cs.MultiByte) {
    rt.notice(`${fname}(): Only basic entities substitution is supported for multi-byte encodings other than UTF-8; functionality is equivalent to htmlspecialchars`);
    all = false;
  }
  const quoteDouble = (flags & QUOTE_DOUBLE) !== 0, quoteSingle = (flags & QUOTE_SINGLE) !== 0;
  const aposEnt = doctype === ENT_HTML401 || (all && doctype === ENT_XHTML) ? '&#039;' : '&apos;';
  const basic = (c: number): string | null => {
    switch (c) {
      case 38:
        return '&amp;';
      case 60:
        return '&lt;';
      case 62:
        return '&gt;';
      case 34:
        return quoteDouble ? '&quot;' : null;
      case 39:
        return quoteSingle ? aposEnt : null;
    }
    return null;
  };
  // fast path: ASCII text and htmlspecialchars with double encoding
  const ascii = !/[\x80-\xff]/.test(s);
  if (!all && doubleEncode && (ascii || cs !== Cs.Utf8) && !(flags & ENT_DISALLOWED)) {
    return s.replace(/[&<>"']/g, (m) => basic(m.charCodeAt(0)) ?? m);
  }
  const table = all ? encTable(doctype) : null;
  const invMap = doubleEncode ? null : decTable(true, doctype);
  const out: string[] = [];
  const next = { pos: 0 };
  const n = s.length;
  let pos = 0;
  while (pos < n) {
    const start = pos;
    let cp: number;
    if (cs === Cs.Utf8) {
      cp = nextUtf8(s, pos, next);
      pos = next.pos;
      if (cp < 0) {
        if (flags & ENT_IGNORE) continue;
        if (flags & ENT_SUBSTITUTE) {
          out.push('\xef\xbf\xbd');
          continue;
        }
        return '';
      }
    } else {
      const b = s.charCodeAt(pos++);
      cp = byteToCp(b, cs);
      if (cp < 0) {
        out.push(s[start]);
        continue;
      }
    }
    if (cp === 38) {
      if (doubleEncode) {
        out.push('&amp;');
        continue;
      }
      const ent = parseEntityAt(s, start, invMap!);
      let valid = false;
      if (ent) {
        if (ent.numeric) valid = !(flags & ENT_DISALLOWED) || numericEntityAllowed(ent.cps![0], doctype);
        else valid = ent.cps !== null || (doctype === ENT_XHTML && ent.name === 'apos');
      }
      if (valid) {
        // a valid entity is kept whole: its '#' and ';' are not encoded either
        out.push(s.slice(start, ent!.end));
        pos = ent!.end;
      } else out.push('&amp;');
      continue;
    }
    if (cp < 128) {
      const b = basic(cp);
      if (b !== null) {
        out.push(b);
        continue;
      }
      if (cp === 39 || cp === 34) {
        out.push(s.slice(start, pos));
        continue;
      }
    }
    if (table) {
      const pair = table.pairs.get(cp);
      if (pair) {
        // a two-code-point entity?
        let cp2 = -1;
        const nx = { pos: 0 };
        if (pos < n) cp2 = cs === Cs.Utf8 ? nextUtf8(s, pos, nx) : byteToCp(s.charCodeAt(pos), cs);
        const name2 = cp2 >= 0 ? pair.get(cp2) : undefined;
        if (name2 !== undefined) {
          out.push('&' + name2 + ';');
          pos = cs === Cs.Utf8 ? nx.pos : pos + 1;
          continue;
        }
      }
      const name = table.single.get(cp);
      if (name !== undefined) {
        out.push(name[0] === '#' ? '&' + name + ';' : '&' + name + ';');
        continue;
      }
    }
    if (flags & ENT_DISALLOWED && !cpAllowed(cp, doctype)) {
      out.push(cs === Cs.Utf8 ? '\xef\xbf\xbd' : '&#xFFFD;');
      continue;
    }
    out.push(s.slice(start, pos));
  }
  return out.join('');
}

// ───────────── decoding ─────────────

function decodeHtml(s: string, all: boolean, flags: number, charsetName: string | null, fname: string): string {
  if (s.indexOf('&') < 0 || s.length < 3) return s;
  let cs = charsetOf(charsetName, fname);
  if (cs === Cs.MultiByte && all) cs = Cs.Latin1;
  const doctype = flags & DOC_MASK;
  const table = decTable(all, doctype);
  const out: string[] = [];
  let last = 0;
  let p = s.indexOf('&');
  while (p >= 0 && p < s.length - 2) {
    const ent = parseEntityAt(s, p, table);
    let done = false;
    if (ent) {
      let cps = ent.cps;
      if (ent.numeric) {
        const code = cps![0];
        if (!all && (code > 63 || ![34, 38, 39, 60, 62].includes(code))) cps = null;
        else if (!cpAllowed(code, doctype) || (doctype === ENT_HTML5 && code === 0x0d)) cps = null;
      } else if (!cps && doctype === ENT_XHTML && ent.name === 'apos') cps = [39];
      if (cps) {
        const code = cps[0];
        if ((code === 39 && !(flags & QUOTE_SINGLE)) || (code === 34 && !(flags & QUOTE_DOUBLE))) cps = null;
      }
      if (cps) {
        let bytes = '';
        if (cs === Cs.Utf8) bytes = cps.map(utf8Bytes).join('');
        else {
          const b = cps.length === 1 ? cpToByte(cps[0], cs) : -1;
          bytes = b < 0 ? '' : String.fromCharCode(b);
        }
        if (bytes) {
          out.push(s.slice(last, p), bytes);
          last = ent.end;
          p = s.indexOf('&', ent.end);
          done = true;
        }
      }
    }
    if (!done) p = s.indexOf('&', p + 1);
  }
  if (last === 0) return s;
  out.push(s.slice(last));
  return out.join('');
}

function translationTable(table: number, flags: number, charsetName: string): PhpArray {
  const cs = charsetOf(charsetName, 'get_html_translation_table');
  const doctype = flags & DOC_MASK;
  const a = new PhpArray();
  const enc = (cps: number[]): string | null => {
    if (cs === Cs.Utf8) return cps.map(utf8Bytes).join('');
    if (cps.length !== 1) return null;
    const b = cpToByte(cps[0], cs);
    return b < 0 ? null : String.fromCharCode(b);
  };
  if (table === 1 && cs !== Cs.MultiByte) {
    // HTML_ENTITIES
    if (doctype === ENT_XML1) return translationTable(0, flags, charsetName);
    const t = encTable(doctype);
    for (const [cps, name] of t.order) {
      if (cps[0] === 39) {
        if (!(flags & QUOTE_SINGLE)) continue;
        a.set("'", doctype === ENT_HTML401 || doctype === ENT_XHTML ? '&#039;' : '&apos;');
        continue;
      }
      if (cps[0] === 34 && !(flags & QUOTE_DOUBLE)) continue;
      const k = enc(cps);
      if (k !== null) a.set(k, '&' + name + ';');
    }
    if (doctype === ENT_XHTML && flags & QUOTE_SINGLE && !a.has("'")) a.set("'", '&#039;');
    return a;
  }
  // HTML_SPECIALCHARS, in code point order
  if (flags & QUOTE_DOUBLE) a.set('"', '&quot;');
  a.set('&', '&amp;');
  if (flags & QUOTE_SINGLE) a.set("'", doctype === ENT_HTML401 ? '&#039;' : '&apos;');
  a.set('<', '&lt;');
  a.set('>', '&gt;');
  return a;
}

export function registerHtml(r: Registry): void {
  r.constants({
    HTML_SPECIALCHARS: 0, HTML_ENTITIES: 1, ENT_COMPAT, ENT_QUOTES, ENT_NOQUOTES, ENT_IGNORE, ENT_SUBSTITUTE, ENT_DISALLOWED,
    ENT_HTML401, ENT_XML1, ENT_XHTML, ENT_HTML5,
  });
  r.functions({
    'htmlspecialchars(string $string, int $flags = ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401, ?string $encoding = null, bool $double_encode = true): string': (
      s: string, f: number, e: string | null, d: boolean,
    ) => escapeHtml(s, false, f, e, d, 'htmlspecialchars'),
    'htmlentities(string $string, int $flags = ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401, ?string $encoding = null, bool $double_encode = true): string': (
      s: string, f: number, e: string | null, d: boolean,
    ) => escapeHtml(s, true, f, e, d, 'htmlentities'),
    'htmlspecialchars_decode(string $string, int $flags = ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401): string': (s: string, f: number) =>
      decodeHtml(s, false, f, null, 'htmlspecialchars_decode'),
    'html_entity_decode(string $string, int $flags = ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401, ?string $encoding = null): string': (s: string, f: number, e: string | null) =>
      decodeHtml(s, true, f, e, 'html_entity_decode'),
    'get_html_translation_table(int $table = HTML_SPECIALCHARS, int $flags = ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401, string $encoding = "UTF-8"): array': translationTable,
  });
  void ENT_NOQUOTES;
}
