// PCRE2 pattern → JavaScript RegExp translation.
//
// The translator walks the pattern once and emits JS source into a list of parts. Capturing-group
// openings and back references are kept as placeholder objects until the end, because emulating an
// atomic group or a possessive quantifier adds JS groups ("(?=(X))\N"), which renumbers the groups
// after it. All groups are emitted unnamed; PCRE's group names are kept in a table of our own (JS
// forbids duplicate names, and PHP returns names in its own order anyway).
//
// The emitted source is always valid with the JS 'u' flag (strict escapes), which is always set: for
// a non-UTF pattern the subject is a latin1 string (char code = byte), so code points = bytes, which
// is what PCRE does without PCRE2_UTF.
//
// Not supported (compile as "Compilation failed: ... not supported by phpts"): recursion and
// subroutine calls ((?R), (?1), (?&name), \g<1>), conditional groups ((?(1)...)), backtracking verbs
// other than (*FAIL)/(*F)/leading option settings, \C. Approximations: branch reset groups (?|...)
// act as plain non-capturing groups; \K only at the top level (turned into a lookbehind); a
// case-insensitive scope makes back references inside it case-sensitive when the pattern mixes
// case-sensitive and case-insensitive parts.

export class PcreCompileError extends Error {
  constructor(public readonly text: string, public readonly offset: number) {
    super(text);
  }
}

export interface TranslateOptions {
  i?: boolean; m?: boolean; s?: boolean; x?: boolean; u?: boolean; U?: boolean;
  D?: boolean; A?: boolean; J?: boolean; n?: boolean;
  /** build the variant that rejects an empty match (PCRE2_NOTEMPTY_ATSTART), for the retry after
   *  an empty match in global matching: "(?=([^]*))(?:P)(?!\\N$)" — the match fails when the rest of
   *  the subject equals the rest at its start */
  notEmpty?: boolean;
}

export interface Translation {
  source: string;
  flags: string;
  /** number of PCRE capturing groups */
  groupCount: number;
  /** group number → name (index 0 unused) */
  names: (string | null)[];
  /** PCRE group number → JS group number (index 0 = 0) */
  jsGroup: number[];
  /** anchored at the start offset (A modifier, \G at the start) */
  anchored: boolean;
}

type Part = string | { open: number } | { ref: number; name?: string; at: number } | { synthRef: number };

interface Flags { i: boolean; m: boolean; s: boolean; x: boolean; U: boolean; n: boolean; J: boolean }

const POSIX_ASCII: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\t-\\r ',
  blank: '\\t ', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~', ascii: '\\x00-\\x7f',
};
const POSIX_UCP: Record<string, string> = {
  alpha: '\\p{L}', digit: '\\p{Nd}', alnum: '\\p{L}\\p{N}', upper: '\\p{Lu}', lower: '\\p{Ll}',
  space: '\\t-\\r \\x85\\xa0\\u1680\\u180e\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000',
  word: '\\p{L}\\p{N}_', blank: '\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000',
};

const H_SPACE = '\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
const H_SPACE_BYTES = '\\t \\xa0';
const V_SPACE = '\\n-\\r\\x85\\u2028\\u2029';
const V_SPACE_BYTES = '\\n-\\r\\x85';

/** Unicode property names PCRE knows → JS \p{...} bodies. */
function mapProperty(name: string, at: number): string {
  let n = name.replace(/[ _-]/g, '');
  if (n.startsWith('^')) throw new PcreCompileError('unknown property after \\P or \\p', at);
  const generalCats = ['C', 'Cc', 'Cf', 'Cn', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn',
    'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs'];
  for (const c of generalCats) if (c.toLowerCase() === n.toLowerCase()) return `\\p{${c}}`;
  switch (n.toLowerCase()) {
    case 'any': return '[^]';
    case 'l&': case 'lc': return '[\\p{Lu}\\p{Ll}\\p{Lt}]';
    case 'xan': return '[\\p{L}\\p{N}]';
    case 'xwd': return '[\\p{L}\\p{N}_]';
    case 'xsp': case 'xps': return '[\\p{Z}\\t-\\r]';
    case 'xuc': return '[$@`\\u{a0}-\\u{d7ff}\\u{e000}-\\u{10ffff}]';
  }
  // scripts
  const candidate = n.charAt(0).toUpperCase() + n.slice(1).toLowerCase();
  for (const s of [n, candidate]) {
    try {
      new RegExp(`\\p{Script=${s}}`, 'u');
      return `\\p{Script=${s}}`;
    } catch {
      /* not a script name */
    }
  }
  throw new PcreCompileError('unknown property after \\P or \\p', at);
}

function hex(c: number): string {
  return c < 0x100 ? '\\x' + c.toString(16).padStart(2, '0') : '\\u{' + c.toString(16) + '}';
}

/** A literal code point as JS regexp source, outside a class. */
function litOut(c: number, ci: boolean): string {
  if (ci) {
    const ch = String.fromCodePoint(c);
    const lo = ch.toLowerCase(), up = ch.toUpperCase();
    if (lo !== up && lo.length === 1 && up.length === 1 && (c < 128 || (lo.charCodeAt(0) < 256) === (up.charCodeAt(0) < 256))) {
      return '[' + litIn(lo.codePointAt(0)!) + litIn(up.codePointAt(0)!) + ']';
    }
  }
  if (c >= 0x30 && c <= 0x39 || c >= 0x41 && c <= 0x5a || c >= 0x61 && c <= 0x7a || c === 0x5f) return String.fromCharCode(c);
  if ('^$\\.*+?()[]{}|/'.includes(String.fromCharCode(c))) return '\\' + String.fromCharCode(c);
  if (c >= 0x20 && c < 0x7f && c !== 0x2d) return String.fromCharCode(c);
  return hex(c);
}

/** A literal code point as JS regexp source, inside a class. */
function litIn(c: number): string {
  if (c >= 0x30 && c <= 0x39 || c >= 0x41 && c <= 0x5a || c >= 0x61 && c <= 0x7a || c === 0x5f) return String.fromCharCode(c);
  if ('\\]^-[/|(){}.*+?$'.includes(String.fromCharCode(c))) return '\\' + String.fromCharCode(c);
  if (c >= 0x20 && c < 0x7f) return String.fromCharCode(c);
  return hex(c);
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
const isWordCh = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z0-9_]$/.test(ch);

/**
 * Translates a pattern (between the delimiters; for a UTF pattern, already decoded from UTF-8 to a
 * JS string) with its modifiers.
 */
export function translate(pattern: string, opts: TranslateOptions): Translation {
  let t = translateOnce(pattern, opts, false);
  if (t.mixedCase) t = translateOnce(pattern, opts, true);
  return t.result;
}

function translateOnce(p: string, opts: TranslateOptions, expandCase: boolean): { result: Translation; mixedCase: boolean } {
  const utf = !!opts.u;
  const parts: Part[] = [];
  let f: Flags = { i: !!opts.i, m: !!opts.m, s: !!opts.s, x: !!opts.x, U: !!opts.U, n: !!opts.n, J: !!opts.J };
  const initialI = f.i;
  let mixedCase = false;
  let anchored = !!opts.A;
  const names: (string | null)[] = [null];
  const nameToNums = new Map<string, number[]>();
  let groupCount = 0;
  let synthCount = 0;
  /** open groups: kind, the parts index where the group starts, the saved flags */
  const stack: { kind: string; start: number; flags: Flags; num: number }[] = [];
  /** parts index where the last quantifiable item starts (-1: none) */
  let atomStart = -1;
  let atomIsLookaround = false;
  let kAt = -1; // parts index of a top-level \K
  let topAlternation = false;
  const len = p.length;
  let pos = 0;

  // (*UTF), (*UCP), (*CRLF)... option settings at the very start
  while (p.startsWith('(*', pos)) {
    const m = /^\(\*([A-Z_]+(?:=\d+)?)\)/.exec(p.slice(pos));
    if (!m || /^(FAIL|F|ACCEPT|COMMIT|PRUNE|SKIP|THEN|MARK)/.test(m[1])) break;
    pos += m[0].length;
  }

  const ci = (): boolean => expandCase && f.i;
  const setI = (v: boolean): void => {
    if (v !== initialI) mixedCase = true;
    f.i = v;
  };
  const emitAtom = (s: Part, lookaround = false): void => {
    atomStart = parts.length;
    atomIsLookaround = lookaround;
    parts.push(s);
  };
  const emitNonAtom = (s: string): void => {
    atomStart = -1;
    parts.push(s);
  };
  const err = (msg: string, at: number): never => {
    throw new PcreCompileError(msg, at);
  };

  /** Reads a group name ending with `term`; pos is on the first char of the name. */
  const readName = (term: string): string => {
    const start = pos;
    while (pos < len && isWordCh(p[pos])) pos++;
    if (pos === start) {
      if (isDigit(p[pos])) err('subpattern name must start with a non-digit', pos);
      err('subpattern name expected', pos);
    }
    if (isDigit(p[start])) err('subpattern name must start with a non-digit', start);
    if (p[pos] !== term) err(`syntax error in subpattern name (missing terminator?)`, pos);
    const name = p.slice(start, pos);
    pos++;
    return name;
  };

  const skipExtended = (): void => {
    if (!f.x) return;
    for (;;) {
      while (pos < len && ' \t\n\v\f\r'.includes(p[pos])) pos++;
      if (p[pos] === '#') {
        while (pos < len && p[pos] !== '\n') pos++;
        continue;
      }
      break;
    }
  };

  /** Parses an escape after '\' (pos on the char after the backslash) that denotes one code point;
   *  returns -1 when it is not a single-character escape. */
  const charEscape = (inClass: boolean): number => {
    const c = p[pos];
    const at = pos - 1;
    switch (c) {
      case 'a': pos++; return 7;
      case 'e': pos++; return 27;
      case 'f': pos++; return 12;
      case 'n': pos++; return 10;
      case 'r': pos++; return 13;
      case 't': pos++; return 9;
      case 'c': {
        pos++;
        const x = p[pos];
        if (x === undefined) err('\\c at end of pattern', pos);
        const code = x.toUpperCase().charCodeAt(0);
        if (code < 32 || code > 126) err('\\c must be followed by a printable ASCII character', pos);
        pos++;
        return code ^ 0x40;
      }
      case 'x': {
        pos++;
        if (p[pos] === '{') {
          const end = p.indexOf('}', pos);
          const body = end < 0 ? '' : p.slice(pos + 1, end);
          if (end < 0 || !/^[0-9a-fA-F]+$/.test(body)) err('\\x{ is not followed by hex digits', pos + 1);
          const v = parseInt(body, 16);
          if (!utf && v > 0xff || v > 0x10ffff) err('character code point value in \\x{} or \\o{} is too large', end);
          pos = end + 1;
          return v;
        }
        let v = 0, k = 0;
        while (k < 2 && isHex(p[pos])) { v = v * 16 + parseInt(p[pos], 16); pos++; k++; }
        return v;
      }
      case 'o': {
        pos++;
        if (p[pos] !== '{') err('missing opening brace after \\o', pos);
        const end = p.indexOf('}', pos);
        const body = end < 0 ? '' : p.slice(pos + 1, end);
        if (end < 0 || !/^[0-7]+$/.test(body)) err('non-octal character in \\o{} (closing brace missing?)', pos + 1);
        const v = parseInt(body, 8);
        if (!utf && v > 0xff || v > 0x10ffff) err('character code point value in \\x{} or \\o{} is too large', end);
        pos = end + 1;
        return v;
      }
      case '0': {
        let v = 0, k = 0;
        while (k < 3 && p[pos] >= '0' && p[pos] <= '7') { v = v * 8 + (p.charCodeAt(pos) - 48); pos++; k++; }
        return v;
      }
      default:
        if (inClass && c >= '1' && c <= '7') {
          let v = 0, k = 0;
          while (k < 3 && p[pos] >= '0' && p[pos] <= '7') { v = v * 8 + (p.charCodeAt(pos) - 48); pos++; k++; }
          return v;
        }
        if (inClass && (c === '8' || c === '9')) { pos++; return c.charCodeAt(0); }
        if (c === undefined) err('\\ at end of pattern', at);
        if (/[A-Za-z]/.test(c)) return -1;
        {
          const cp = p.codePointAt(pos)!;
          pos += cp > 0xffff ? 2 : 1;
          return cp;
        }
    }
  };

  /** Class-type escapes usable inside and outside classes: the class body (without brackets) and
   *  whether it is negated. */
  const typeEscape = (c: string): { body: string; neg: boolean } | null => {
    switch (c) {
      case 'd': return { body: utf ? '\\p{Nd}' : '0-9', neg: false };
      case 'D': return { body: utf ? '\\p{Nd}' : '0-9', neg: true };
      case 'w': return { body: utf ? '\\p{L}\\p{N}_' : 'A-Za-z0-9_', neg: false };
      case 'W': return { body: utf ? '\\p{L}\\p{N}_' : 'A-Za-z0-9_', neg: true };
      case 's': return { body: utf ? POSIX_UCP.space : '\\t-\\r ', neg: false };
      case 'S': return { body: utf ? POSIX_UCP.space : '\\t-\\r ', neg: true };
      case 'h': return { body: utf ? H_SPACE : H_SPACE_BYTES, neg: false };
      case 'H': return { body: utf ? H_SPACE : H_SPACE_BYTES, neg: true };
      case 'v': return { body: utf ? V_SPACE : V_SPACE_BYTES, neg: false };
      case 'V': return { body: utf ? V_SPACE : V_SPACE_BYTES, neg: true };
    }
    return null;
  };

  const propertyEscape = (): { body: string; neg: boolean } => {
    const at = pos;
    const c = p[pos++];
    let neg = c === 'P';
    let name: string;
    if (p[pos] === '{') {
      const end = p.indexOf('}', pos);
      if (end < 0) err('malformed \\P or \\p sequence', pos);
      name = p.slice(pos + 1, end);
      pos = end + 1;
    } else {
      if (pos >= len) err('malformed \\P or \\p sequence', pos);
      name = p[pos++];
    }
    if (name.startsWith('^')) { neg = !neg; name = name.slice(1); }
    return { body: mapProperty(name, at + 1 + name.length + 2), neg };
  };

  /** Adds both cases of the code points in [lo, hi] (ASCII letters) to a class body. */
  const caseFoldRange = (lo: number, hi: number): string => {
    let out = '';
    const a = Math.max(lo, 0x41), b = Math.min(hi, 0x5a);
    if (a <= b) out += litIn(a + 32) + (b > a ? '-' + litIn(b + 32) : '');
    const c = Math.max(lo, 0x61), d = Math.min(hi, 0x7a);
    if (c <= d) out += litIn(c - 32) + (d > c ? '-' + litIn(d - 32) : '');
    if (utf) {
      for (let k = Math.max(lo, 0x80); k <= Math.min(hi, 0x24f); k++) {
        const ch = String.fromCodePoint(k);
        const o = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
        if (o !== ch && o.length === 1) out += litIn(o.codePointAt(0)!);
      }
    }
    return out;
  };

  const parseClass = (): string => {
    const classStart = pos;
    pos++; // [
    let neg = false;
    if (p[pos] === '^') { neg = true; pos++; }
    let body = '';
    const negParts: string[] = [];
    let first = true;
    let prev: number = -1; // last single code point (for ranges)
    for (;;) {
      if (pos >= len) err('missing terminating ] for character class', len);
      const ch = p[pos];
      if (ch === ']' && !first) { pos++; break; }
      first = false;
      if (ch === '[' && (p[pos + 1] === ':' || p[pos + 1] === '.' || p[pos + 1] === '=')) {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(pos, pos + 16));
        if (m) {
          const nm = m[2];
          const table = utf && POSIX_UCP[nm] ? POSIX_UCP : POSIX_ASCII;
          let b = table[nm];
          if (b === undefined) err('unknown POSIX class name', pos);
          if (f.i && (nm === 'upper' || nm === 'lower')) b = table.alpha;
          if (m[1]) {
            // negated POSIX class inside a class: only expressible when it is alone
            if (!utf) body += negateAscii(b);
            else negParts.push(b);
          } else body += b;
          pos += m[0].length;
          prev = -1;
          continue;
        }
        if (p[pos + 1] !== ':') err('POSIX collating elements are not supported', pos);
      }
      let cp = 0;
      if (ch === '\\') {
        pos++;
        const e = p[pos];
        if (e === 'Q') {
          pos++;
          const end = p.indexOf('\\E', pos);
          const lit = end < 0 ? p.slice(pos) : p.slice(pos, end);
          pos = end < 0 ? len : end + 2;
          for (const c of lit) {
            const v = c.codePointAt(0)!;
            body += litIn(v) + (ci() ? caseFoldRange(v, v) : '');
          }
          prev = -1;
          continue;
        }
        if (e === 'E') { pos++; continue; }
        const te = typeEscape(e);
        if (te) {
          pos++;
          if (!te.neg) body += te.body;
          else if (!utf) body += negateAscii(te.body);
          else negParts.push(te.body);
          prev = -1;
          continue;
        }
        if (e === 'p' || e === 'P') {
          const pe = propertyEscape();
          if (pe.body === '[^]') {
            if (pe.neg) negParts.push('^'); else body += '\\u{0}-\\u{10ffff}';
          } else if (pe.body.startsWith('[')) {
            if (pe.neg) negParts.push(pe.body.slice(1, -1)); else body += pe.body.slice(1, -1);
          } else body += (pe.neg ? '\\P' : '\\p') + pe.body.slice(2);
          prev = -1;
          continue;
        }
        if (e === 'b') { pos++; cp = 8; }
        else if (e === 'N' || e === 'R' || e === 'X' || e === 'B') err('escape sequence is invalid in character class', pos);
        else {
          cp = charEscape(true);
          if (cp < 0) err('unrecognized character follows \\', pos);
        }
      } else {
        cp = p.codePointAt(pos)!;
        pos += cp > 0xffff ? 2 : 1;
      }
      // a range?
      if (p[pos] === '-' && p[pos + 1] !== ']' && pos + 1 < len) {
        const save = pos;
        pos++;
        let hi: number;
        if (p[pos] === '\\') {
          pos++;
          if (typeEscape(p[pos]) || p[pos] === 'p' || p[pos] === 'P') {
            // "a-\d": '-' is literal
            pos = save;
            body += litIn(cp) + (ci() ? caseFoldRange(cp, cp) : '');
            prev = cp;
            continue;
          }
          if (p[pos] === 'b') { pos++; hi = 8; }
          else {
            hi = charEscape(true);
            if (hi < 0) err('unrecognized character follows \\', pos);
          }
        } else if (p[pos] === '[' && p[pos + 1] === ':') {
          pos = save;
          body += litIn(cp);
          prev = cp;
          continue;
        } else {
          hi = p.codePointAt(pos)!;
          pos += hi > 0xffff ? 2 : 1;
        }
        if (hi < cp) err('range out of order in character class', pos - 1);
        body += litIn(cp) + '-' + litIn(hi) + (ci() ? caseFoldRange(cp, hi) : '');
        prev = -1;
        continue;
      }
      body += litIn(cp) + (ci() ? caseFoldRange(cp, cp) : '');
      prev = cp;
    }
    void prev;
    void classStart;
    if (negParts.length) {
      // a class with negated members (\W, \P{Xan}, [:^alpha:] under /u): an alternation / intersection
      const ns = negParts.map((b) => (b === '^' ? '(?!)' : '[^' + b + ']'));
      if (!neg) return '(?:' + (body ? '[' + body + ']|' : '') + ns.join('|') + ')';
      const pos2 = negParts.map((b) => (b === '^' ? '[^]' : '[' + b + ']'));
      return '(?:' + (body ? '(?![' + body + '])' : '') + pos2.slice(0, -1).map((x) => '(?=' + x + ')').join('') + pos2[pos2.length - 1] + ')';
    }
    if (body === '') return neg ? '[^]' : '[]';
    return (neg ? '[^' : '[') + body + ']';
  };

  const backref = (n: number, at: number): void => {
    emitAtom({ ref: n, at });
  };
  const namedRef = (name: string, at: number): void => {
    emitAtom({ ref: -1, name, at });
  };

  const dollar = (): string => (f.m ? '(?=\\n|$)' : opts.D ? '$' : '(?=\\n?$)');

  while (pos < len) {
    skipExtended();
    if (pos >= len) break;
    const ch = p[pos];
    const at = pos;
    switch (ch) {
      case '\\': {
        pos++;
        const e = p[pos];
        if (e === undefined) err('\\ at end of pattern', at);
        if (e === 'Q') {
          pos++;
          const end = p.indexOf('\\E', pos);
          const lit = end < 0 ? p.slice(pos) : p.slice(pos, end);
          pos = end < 0 ? len : end + 2;
          for (const c of lit) emitAtom(litOut(c.codePointAt(0)!, ci()));
          break;
        }
        if (e === 'E') { pos++; break; }
        const te = typeEscape(e);
        if (te) {
          pos++;
          emitAtom((te.neg ? '[^' : '[') + te.body + ']');
          break;
        }
        switch (e) {
          case 'p': case 'P': {
            const pe = propertyEscape();
            if (pe.body.startsWith('[')) emitAtom(pe.neg ? '[^' + pe.body.slice(1) : pe.body);
            else emitAtom((pe.neg ? '\\P' : '\\p') + pe.body.slice(2));
            continue;
          }
          case 'A': pos++; emitNonAtom('^'); continue;
          case 'z': pos++; emitNonAtom('$'); continue;
          case 'Z': pos++; emitNonAtom('(?=\\n?$)'); continue;
          case 'G':
            pos++;
            if (parts.length === 0) anchored = true;
            else err('\\G is only supported at the start of the pattern by phpts', at);
            continue;
          case 'b': case 'B':
            pos++;
            if (utf) {
              const w = '[\\p{L}\\p{N}_]';
              emitNonAtom(e === 'b' ? `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`);
            } else emitNonAtom('\\' + e);
            continue;
          case 'R': pos++; emitAtom(utf ? '(?:\\r\\n|[\\n-\\r\\x85\\u2028\\u2029])' : '(?:\\r\\n|[\\n-\\r\\x85])'); continue;
          case 'N': pos++; emitAtom('[^\\n]'); continue;
          case 'X': pos++; emitAtom(utf ? '(?:\\r\\n|\\P{M}\\p{M}*)' : '(?:\\r\\n|[^])'); continue;
          case 'C': pos++; emitAtom('[^]'); continue;
          case 'K':
            pos++;
            if (stack.length || topAlternation) err('\\K is only supported at the top level by phpts', at);
            kAt = parts.length;
            atomStart = -1;
            continue;
          case 'g': {
            pos++;
            let ref: string;
            if (p[pos] === '{') {
              const end = p.indexOf('}', pos);
              if (end < 0) err('a numbered reference must not be zero', pos);
              ref = p.slice(pos + 1, end);
              pos = end + 1;
            } else if (p[pos] === '<' || p[pos] === "'") {
              err('subroutine calls are not supported by phpts', at);
            } else {
              const m = /^[+-]?\d+/.exec(p.slice(pos));
              if (!m) err('a numbered reference must not be zero', pos);
              ref = m![0];
              pos += ref.length;
            }
            ref = ref!;
            if (/^-\d+$/.test(ref)) {
              const n = groupCount + 1 + parseInt(ref, 10);
              if (n <= 0) err('reference to non-existent subpattern', pos - 1);
              backref(n, pos - 1);
            } else if (/^\+?\d+$/.test(ref)) {
              const n = parseInt(ref, 10);
              if (n === 0) err('a numbered reference must not be zero', pos - 1);
              backref(ref.startsWith('+') ? groupCount + n : n, pos - 1);
            } else namedRef(ref, pos - 1);
            continue;
          }
          case 'k': {
            pos++;
            const open = p[pos];
            const close = open === '<' ? '>' : open === "'" ? "'" : open === '{' ? '}' : '';
            if (!close) err('\\k is not followed by a braced, angle-bracketed, or quoted name', pos);
            pos++;
            const name = readName(close);
            namedRef(name, pos - 1);
            continue;
          }
        }
        if (e >= '1' && e <= '9') {
          // back reference, or octal for \10+ when there are not that many groups
          const m = /^\d+/.exec(p.slice(pos))![0];
          const n = parseInt(m, 10);
          if (n < 10 || n <= groupCount) {
            pos += m.length;
            backref(n, pos - 1);
            continue;
          }
          if (e >= '8') {
            pos++;
            emitAtom(litOut(e.charCodeAt(0), false));
            continue;
          }
          let v = 0, k = 0;
          while (k < 3 && p[pos] >= '0' && p[pos] <= '7') { v = v * 8 + (p.charCodeAt(pos) - 48); pos++; k++; }
          emitAtom(litOut(v, ci()));
          continue;
        }
        const cp = charEscape(false);
        if (cp < 0) err('unrecognized character follows \\', pos);
        emitAtom(litOut(cp, ci()));
        break;
      }
      case '[':
        emitAtom(parseClass());
        break;
      case '.':
        pos++;
        emitAtom(f.s ? '[^]' : '[^\\n]');
        break;
      case '^':
        pos++;
        emitNonAtom(f.m ? '(?:^|(?<=\\n)(?!$))' : '^');
        break;
      case '$':
        pos++;
        emitNonAtom(dollar());
        break;
      case '|':
        pos++;
        if (stack.length === 0) {
          topAlternation = true;
          if (kAt >= 0) err('\\K is only supported at the top level by phpts', at);
        }
        emitNonAtom('|');
        break;
      case ')': {
        pos++;
        const g = stack.pop();
        if (!g) err('unmatched closing parenthesis', at);
        f = g!.flags;
        if (g!.kind === 'atomic') {
          const id = ++synthCount;
          const inner = parts.splice(g!.start);
          parts.push('(?=', { open: -id }, ...inner.slice(1), '))', { synthRef: id });
          atomStart = g!.start;
          atomIsLookaround = false;
        } else {
          parts.push(')');
          atomStart = g!.start;
          atomIsLookaround = g!.kind === 'look';
        }
        break;
      }
      case '(': {
        pos++;
        const saved = { ...f };
        if (p[pos] === '*') {
          const m = /^\*([A-Z]*)(?::[^)]*)?\)/.exec(p.slice(pos));
          if (m && (m[1] === 'FAIL' || m[1] === 'F')) {
            pos += m[0].length;
            emitAtom('(?!)');
            break;
          }
          if (m && m[1] === 'ACCEPT') err('(*ACCEPT) is not supported by phpts', at);
          if (m) {
            // backtracking control verbs: no JS equivalent; (*MARK) etc. are ignored
            pos += m[0].length;
            break;
          }
          err('quantifier does not follow a repeatable item', pos);
        }
        if (p[pos] !== '?') {
          if (f.n) {
            stack.push({ kind: 'group', start: parts.length, flags: saved, num: 0 });
            parts.push('(?:');
          } else {
            const n = ++groupCount;
            names[n] = null;
            stack.push({ kind: 'group', start: parts.length, flags: saved, num: n });
            parts.push({ open: n });
          }
          atomStart = -1;
          break;
        }
        pos++;
        const c2 = p[pos];
        const openNamed = (name: string): void => {
          const n = ++groupCount;
          names[n] = name;
          const list = nameToNums.get(name);
          if (list && !f.J) err('two named subpatterns have the same name (PCRE2_DUPNAMES not set)', pos);
          if (list) list.push(n); else nameToNums.set(name, [n]);
          stack.push({ kind: 'group', start: parts.length, flags: saved, num: n });
          parts.push({ open: n });
          atomStart = -1;
        };
        if (c2 === ':' || c2 === '|') {
          pos++;
          stack.push({ kind: 'group', start: parts.length, flags: saved, num: 0 });
          parts.push('(?:');
          atomStart = -1;
        } else if (c2 === '>') {
          pos++;
          stack.push({ kind: 'atomic', start: parts.length, flags: saved, num: 0 });
          parts.push('(?:');
          atomStart = -1;
        } else if (c2 === '=' || c2 === '!') {
          pos++;
          stack.push({ kind: 'look', start: parts.length, flags: saved, num: 0 });
          parts.push('(?' + c2);
          atomStart = -1;
        } else if (c2 === '<' && (p[pos + 1] === '=' || p[pos + 1] === '!')) {
          stack.push({ kind: 'look', start: parts.length, flags: saved, num: 0 });
          parts.push('(?<' + p[pos + 1]);
          pos += 2;
          atomStart = -1;
        } else if (c2 === '<' || c2 === "'") {
          pos++;
          openNamed(readName(c2 === '<' ? '>' : "'"));
        } else if (c2 === 'P') {
          pos++;
          const c3 = p[pos];
          if (c3 === '<') { pos++; openNamed(readName('>')); }
          else if (c3 === '=') { pos++; const name = readName(')'); namedRef(name, pos - 1); }
          else if (c3 === '>') err('recursion and subroutine calls are not supported by phpts', at);
          else err('unrecognized character after (?P', pos);
        } else if (c2 === '#') {
          const end = p.indexOf(')', pos);
          if (end < 0) err('missing ) at end of (?# comment', len);
          pos = end + 1;
        } else if (c2 === 'R' || c2 === '&' || isDigit(c2) || ((c2 === '+' || c2 === '-') && isDigit(p[pos + 1]))) {
          err('recursion and subroutine calls are not supported by phpts', at);
        } else if (c2 === '(') {
          err('conditional groups are not supported by phpts', at);
        } else {
          // option setting (?imsxUJn-imsx) or (?imsx:...)
          let on = true;
          const nf = { ...f };
          if (p[pos] === '^') {
            nf.i = nf.m = nf.s = nf.x = nf.U = nf.n = false;
            pos++;
          }
          for (;;) {
            const o = p[pos];
            if (o === undefined) err('missing closing parenthesis', len);
            if (o === ')' || o === ':') break;
            if (o === '-') { on = false; pos++; continue; }
            switch (o) {
              case 'i': nf.i = on; break;
              case 'm': nf.m = on; break;
              case 's': nf.s = on; break;
              case 'x': nf.x = on; if (p[pos + 1] === 'x') pos++; break;
              case 'U': nf.U = on; break;
              case 'J': nf.J = on; break;
              case 'n': nf.n = on; break;
              default: err('unrecognized character after (? or (?-', pos);
            }
            pos++;
          }
          const applyFlags = (): void => {
            if (nf.i !== f.i) setI(nf.i);
            f = nf;
          };
          if (p[pos] === ')') {
            pos++;
            applyFlags();
          } else {
            pos++;
            stack.push({ kind: 'group', start: parts.length, flags: saved, num: 0 });
            parts.push('(?:');
            atomStart = -1;
            applyFlags();
          }
        }
        break;
      }
      case '*': case '+': case '?': case '{': {
        // quantifier
        let q: string;
        if (ch === '{') {
          const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(p.slice(pos, pos + 24));
          if (!m || m[1] === '') {
            // not a quantifier: a literal '{'
            pos++;
            emitAtom('\\{');
            break;
          }
          if (m[3] !== undefined && m[3] !== '' && parseInt(m[3], 10) < parseInt(m[1], 10)) err('numbers out of order in {} quantifier', pos + m[0].length - 1);
          if (parseInt(m[1], 10) > 65535 || (m[3] && parseInt(m[3], 10) > 65535)) err('number too big in {} quantifier', pos + m[0].length - 1);
          q = m[0];
          pos += m[0].length;
        } else {
          q = ch;
          pos++;
        }
        if (atomStart < 0) err('quantifier does not follow a repeatable item', at);
        let mode = '';
        if (p[pos] === '?') { mode = '?'; pos++; } else if (p[pos] === '+') { mode = '+'; pos++; }
        let lazy = mode === '?';
        if (f.U && mode !== '+') lazy = !lazy;
        if (atomIsLookaround) {
          const inner = parts.splice(atomStart);
          parts.push('(?:', ...inner, ')');
          atomIsLookaround = false;
        }
        if (mode === '+') {
          const id = ++synthCount;
          const inner = parts.splice(atomStart);
          parts.push('(?=', { open: -id }, ...inner, q, '))', { synthRef: id });
        } else {
          parts.push(q + (lazy ? '?' : ''));
        }
        atomStart = -1;
        break;
      }
      default: {
        const cp = p.codePointAt(pos)!;
        pos += cp > 0xffff ? 2 : 1;
        emitAtom(litOut(cp, ci()));
      }
    }
  }
  if (stack.length) err('missing closing parenthesis', len);

  // \K: everything before it becomes a lookbehind
  if (kAt >= 0) {
    const before = parts.splice(0, kAt);
    parts.unshift('(?<=', ...before, ')');
  }

  if (opts.notEmpty) {
    const id = ++synthCount;
    parts.unshift('(?=', { open: -id }, '[^]*))(?:');
    parts.push(')(?!', { synthRef: id }, '$)');
  }

  // number the JS groups, resolve references
  const jsGroup: number[] = [0];
  const synthJs: number[] = [];
  let js = 0;
  for (const part of parts) {
    if (typeof part === 'object' && 'open' in part) {
      js++;
      if (part.open > 0) jsGroup[part.open] = js;
      else synthJs[-part.open] = js;
    }
  }
  let source = '';
  for (const part of parts) {
    if (typeof part === 'string') source += part;
    else if ('open' in part) source += '(';
    else if ('synthRef' in part) source += '\\' + synthJs[part.synthRef] + '(?:)';
    else {
      let nums: number[];
      if (part.name !== undefined) {
        const list = nameToNums.get(part.name);
        if (!list) err('reference to non-existent subpattern', part.at);
        nums = list!;
      } else {
        if (part.ref > groupCount) err('reference to non-existent subpattern', part.at);
        nums = [part.ref];
      }
      source += nums.length === 1 ? '\\' + jsGroup[nums[0]] + '(?:)' : '(?:' + nums.map((n) => '\\' + jsGroup[n] + '(?:)').join('|') + ')';
    }
  }
  let flags = 'dgu';
  if (!expandCase && initialI) flags += 'i';
  return {
    result: { source, flags, groupCount, names, jsGroup, anchored },
    mixedCase: !expandCase && mixedCase,
  };
}

/** The complement of an ASCII class body, as a class body (for \D \S \W [:^alpha:] inside classes). */
function negateAscii(body: string): string {
  // evaluate the body over 0..255 and emit the complement ranges
  const re = new RegExp('[' + body + ']', 'u');
  let out = '';
  let start = -1;
  for (let c = 0; c <= 256; c++) {
    const inComp = c < 256 && !re.test(String.fromCharCode(c));
    if (inComp && start < 0) start = c;
    if (!inComp && start >= 0) {
      out += start === c - 1 ? hex(start) : hex(start) + '-' + hex(c - 1);
      start = -1;
    }
  }
  return out + '\\u{100}-\\u{10ffff}';
}
