// The preg_* functions (ext/pcre/php_pcre.c).

import { PhpArray, share } from '../../runtime/array.js';
import { rt } from '../../runtime/request.js';
import { Ref } from '../../runtime/values.js';
import { toStr } from '../../runtime/convert.js';
import { callValue, isCallable } from '../../runtime/calls.js';
import { compileRegex, notEmptyVariant, RegexError, decodeUtf8, utf8ErrorOffset, type CompiledRegex } from './cache.js';

export const PREG_PATTERN_ORDER = 1;
export const PREG_SET_ORDER = 2;
export const PREG_OFFSET_CAPTURE = 1 << 8;
export const PREG_UNMATCHED_AS_NULL = 1 << 9;
export const PREG_SPLIT_NO_EMPTY = 1;
export const PREG_SPLIT_DELIM_CAPTURE = 2;
export const PREG_SPLIT_OFFSET_CAPTURE = 4;
export const PREG_GREP_INVERT = 1;

export const PREG_NO_ERROR = 0;
export const PREG_INTERNAL_ERROR = 1;
export const PREG_BACKTRACK_LIMIT_ERROR = 2;
export const PREG_RECURSION_LIMIT_ERROR = 3;
export const PREG_BAD_UTF8_ERROR = 4;
export const PREG_BAD_UTF8_OFFSET_ERROR = 5;
export const PREG_JIT_STACKLIMIT_ERROR = 6;

const ERROR_MESSAGES = [
  'No error',
  'Internal error',
  'Backtrack limit exhausted',
  'Recursion limit exhausted',
  'Malformed UTF-8 characters, possibly incorrectly encoded',
  'The offset did not correspond to the beginning of a valid UTF-8 code point',
  'JIT stack limit exhausted',
];

/** preg_last_error() of the running request. */
export const state = { lastError: PREG_NO_ERROR };

// ───────────── subjects ─────────────

/** A subject prepared for matching: `str` is what the RegExp runs on (the binary string itself, or
 *  its UTF-8 decoding under /u); offsets are converted between JS indices and byte offsets. */
class Subject {
  /** JS index → byte offset (only for a non-ASCII UTF-8 subject) */
  private toByteMap: Int32Array | null = null;
  private fromByteMap: Int32Array | null = null;
  constructor(public readonly bin: string, public readonly str: string) {
    if (str !== bin) {
      const n = str.length;
      const map = new Int32Array(n + 1);
      const back = new Int32Array(bin.length + 1).fill(-1);
      let b = 0;
      for (let i = 0; i < n; i++) {
        map[i] = b;
        back[b] = i;
        const c = str.charCodeAt(i);
        if (c < 0x80) b += 1;
        else if (c < 0x800) b += 2;
        else if (c >= 0xd800 && c <= 0xdbff) { b += 4; map[++i] = b; /* low surrogate: never a match bound */ }
        else b += 3;
      }
      map[n] = b;
      back[b] = n;
      this.toByteMap = map;
      this.fromByteMap = back;
    }
  }
  toByte(i: number): number {
    return this.toByteMap ? this.toByteMap[i] : i;
  }
  /** JS index of a byte offset; -1 when it is inside a character */
  fromByte(b: number): number {
    return this.fromByteMap ? this.fromByteMap[b] : b;
  }
  /** length (in JS units) of the character at JS index i */
  unitLen(i: number): number {
    const c = this.str.charCodeAt(i);
    return c >= 0xd800 && c <= 0xdbff && this.bin !== this.str ? 2 : 1;
  }
}

/** Prepares a subject; null (and PREG_BAD_UTF8_ERROR) when /u and it is not valid UTF-8. */
function prepare(c: CompiledRegex, subject: string): Subject | null {
  if (!c.utf) return new Subject(subject, subject);
  const d = decodeUtf8(subject);
  if (d === null) {
    state.lastError = PREG_BAD_UTF8_ERROR;
    return null;
  }
  return new Subject(subject, d);
}

/** Match offsets in JS indices: [start0, end0, start1, end1, ...], -1 for an unset group; plus
 *  `count` (PCRE's return: highest set group + 1). */
interface Match {
  o: number[];
  count: number;
}

/** A match that failed with an error (preg_last_error's code). */
class ExecError {
  constructor(public readonly code: number) {}
}

function runRegex(re: RegExp, jsGroup: number[], groups: number, s: Subject, at: number): Match | null {
  re.lastIndex = at;
  let m: RegExpExecArray | null;
  try {
    m = re.exec(s.str);
  } catch (e) {
    // irregexp ran out of backtracking stack: the nearest PCRE error is the JIT stack limit
    if (e instanceof RangeError) throw new ExecError(PREG_JIT_STACKLIMIT_ERROR);
    throw e;
  }
  if (!m) return null;
  const ind = (m as any).indices as ([number, number] | undefined)[];
  const o = new Array<number>(2 * (groups + 1));
  let count = 1;
  o[0] = ind[0]![0];
  o[1] = ind[0]![1];
  for (let g = 1; g <= groups; g++) {
    const r = ind[jsGroup[g]];
    if (r) {
      o[2 * g] = r[0];
      o[2 * g + 1] = r[1];
      count = g + 1;
    } else o[2 * g] = o[2 * g + 1] = -1;
  }
  return { o, count };
}

function exec(c: CompiledRegex, s: Subject, at: number): Match | null {
  return runRegex(c.re, c.jsGroup, c.groupCount, s, at);
}

/** PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED at `at` */
function execNotEmpty(c: CompiledRegex, s: Subject, at: number): Match | null {
  const v = notEmptyVariant(c);
  return runRegex(v.re, v.jsGroup, c.groupCount, s, at);
}

/**
 * The global match loop of php_pcre.c: calls `onMatch` for each match, retrying after an empty
 * match with NOTEMPTY_ATSTART|ANCHORED and then advancing one character. `onMatch` returns false
 * to stop.
 */
function forEachMatch(c: CompiledRegex, s: Subject, start: number, onMatch: (m: Match) => boolean): void {
  let pos = start;
  let m = exec(c, s, pos);
  while (m) {
    if (!onMatch(m)) return;
    pos = m.o[1];
    if (m.o[0] === pos) {
      m = execNotEmpty(c, s, pos);
      if (m) continue;
      if (pos >= s.str.length) return;
      pos += s.unitLen(pos);
    }
    m = exec(c, s, pos);
  }
}

// ───────────── results ─────────────

function groupValue(s: Subject, m: Match, g: number, flags: number): any {
  const a = m.o[2 * g];
  const unmatchedNull = (flags & PREG_UNMATCHED_AS_NULL) !== 0;
  let v: any;
  let off = -1;
  if (a < 0 || g >= m.count) v = unmatchedNull ? null : '';
  else {
    off = s.toByte(a);
    v = s.bin.substring(off, s.toByte(m.o[2 * g + 1]));
  }
  if (flags & PREG_OFFSET_CAPTURE) return PhpArray.fromList([v, off]);
  return v;
}

/** The $matches array of one match (preg_match, SET_ORDER sets, callbacks). */
function matchArray(c: CompiledRegex, s: Subject, m: Match, flags: number): PhpArray {
  const arr = new PhpArray();
  const n = flags & PREG_UNMATCHED_AS_NULL ? c.groupCount + 1 : m.count;
  for (let g = 0; g < n; g++) {
    const v = groupValue(s, m, g, flags);
    const name = c.names[g];
    // an unmatched group does not hide an earlier group of the same name (/J)
    if (name && ((g < m.count && m.o[2 * g] >= 0) || !arr.has(name))) arr.set(name, share(v));
    arr.set(g, v);
  }
  return arr;
}

// ───────────── helpers ─────────────

function compileOrWarn(fn: string, regex: string): CompiledRegex | null {
  const c = compileRegex(regex);
  if (c instanceof RegexError) {
    rt.warn(`${fn}(): ${c.message}`);
    state.lastError = PREG_INTERNAL_ERROR;
    return null;
  }
  return c;
}

function setRef(ref: any, v: any): void {
  if (ref instanceof Ref) ref.v = v;
}

// ───────────── preg_match / preg_match_all ─────────────

function doMatch(fn: string, global: boolean, pattern: string, subject: string, ref: any, flags: number, offset: number | bigint, useFlags: boolean): any {
  try {
    return doMatchImpl(fn, global, pattern, subject, ref, flags, offset, useFlags);
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    state.lastError = e.code;
    return false;
  }
}

function doMatchImpl(fn: string, global: boolean, pattern: string, subject: string, ref: any, flags: number, offset: number | bigint, useFlags: boolean): any {
  const c = compileOrWarn(fn, pattern);
  if (!c) return false;
  const subpats = ref instanceof Ref;
  if (subpats) ref.v = new PhpArray();
  let order = global ? PREG_PATTERN_ORDER : 0;
  if (useFlags) {
    if (flags & 0xff) order = flags & 0xff;
    if ((global && (order < PREG_PATTERN_ORDER || order > PREG_SET_ORDER)) || (!global && order !== 0)) {
      rt.throwError('ValueError', `${fn}(): Argument #4 ($flags) must be a PREG_* constant`);
    }
  } else flags = 0;
  const valueFlags = flags & (PREG_OFFSET_CAPTURE | PREG_UNMATCHED_AS_NULL);
  state.lastError = PREG_NO_ERROR;
  if (typeof offset === 'bigint') {
    if (offset === -9223372036854775808n) rt.throwError('ValueError', `${fn}(): Argument #5 ($offset) must be greater than -9223372036854775808`);
    offset = offset < 0n ? 0 : subject.length + 1;
  }
  if (offset < 0) {
    offset = subject.length + offset;
    if (offset < 0) offset = 0;
  }
  if (offset > subject.length) {
    state.lastError = PREG_INTERNAL_ERROR;
    return false;
  }
  const s = prepare(c, subject);
  if (!s) return false;
  const start = s.fromByte(offset);
  if (start < 0) {
    state.lastError = PREG_BAD_UTF8_OFFSET_ERROR;
    return false;
  }
  if (!global) {
    const m = exec(c, s, start);
    if (!m) return 0;
    if (subpats) ref.v = matchArray(c, s, m, valueFlags);
    return 1;
  }
  let matched = 0;
  const sets: PhpArray[] = [];
  const result = new PhpArray();
  if (subpats && order === PREG_PATTERN_ORDER) for (let g = 0; g <= c.groupCount; g++) sets.push(new PhpArray());
  forEachMatch(c, s, start, (m) => {
    matched++;
    if (!subpats) return true;
    if (order === PREG_PATTERN_ORDER) {
      for (let g = 0; g <= c.groupCount; g++) sets[g].append(groupValue(s, m, g, valueFlags));
    } else {
      result.append(matchArray(c, s, m, valueFlags));
    }
    return true;
  });
  if (subpats) {
    if (order === PREG_PATTERN_ORDER) {
      for (let g = 0; g <= c.groupCount; g++) {
        const name = c.names[g];
        if (name) result.set(name, share(sets[g]));
        result.set(g, sets[g]);
      }
    }
    ref.v = result;
  }
  return matched;
}

// ───────────── replacement ─────────────

type Replacer = (s: Subject, m: Match) => string;

/** Parses a replacement string into literal pieces and group numbers (preg_get_backref). */
function compileReplacement(rep: string): (string | number)[] {
  const out: (string | number)[] = [];
  let lit = '';
  let i = 0;
  const n = rep.length;
  while (i < n) {
    const ch = rep[i];
    if (ch === '\\' || ch === '$') {
      if (ch === '\\' && i + 1 < n && (rep[i + 1] === '\\' || rep[i + 1] === '$')) {
        // an escaped backslash or dollar
        lit += rep[i + 1];
        i += 2;
        continue;
      }
      // a back reference: \n, $n, ${n} (one or two digits)
      let j = i + 1;
      const brace = ch === '$' && rep[j] === '{';
      if (brace) j++;
      if (j < n && rep[j] >= '0' && rep[j] <= '9') {
        let num = rep.charCodeAt(j) - 48;
        j++;
        if (j < n && rep[j] >= '0' && rep[j] <= '9') {
          num = num * 10 + rep.charCodeAt(j) - 48;
          j++;
        }
        if (!brace || rep[j] === '}') {
          if (brace) j++;
          if (lit) out.push(lit);
          lit = '';
          out.push(num);
          i = j;
          continue;
        }
      }
    }
    lit += ch;
    i++;
  }
  if (lit) out.push(lit);
  return out;
}

function stringReplacer(rep: string): Replacer {
  const pieces = compileReplacement(rep);
  if (pieces.length === 1 && typeof pieces[0] === 'string') {
    const lit = pieces[0];
    return () => lit;
  }
  if (pieces.length === 0) return () => '';
  return (s, m) => {
    let r = '';
    for (const p of pieces) {
      if (typeof p === 'string') r += p;
      else if (p < m.count && m.o[2 * p] >= 0) r += s.bin.substring(s.toByte(m.o[2 * p]), s.toByte(m.o[2 * p + 1]));
    }
    return r;
  };
}

/** Replaces in one subject string; null on error. */
function replaceIn(c: CompiledRegex, subject: string, replacer: Replacer, limit: number, counter: { n: number }): string | null {
  state.lastError = PREG_NO_ERROR;
  const s = prepare(c, subject);
  if (!s) return null;
  if (limit === 0) return subject;
  try {
    return replaceLoop(c, s, subject, replacer, limit, counter);
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    state.lastError = e.code;
    return null;
  }
}

function replaceLoop(c: CompiledRegex, s: Subject, subject: string, replacer: Replacer, limit: number, counter: { n: number }): string {
  let out = '';
  let lastEnd = 0; // byte offset
  let left = limit < 0 ? Infinity : limit;
  forEachMatch(c, s, 0, (m) => {
    const a = s.toByte(m.o[0]);
    out += s.bin.substring(lastEnd, a);
    out += replacer(s, m);
    lastEnd = s.toByte(m.o[1]);
    counter.n++;
    return --left > 0;
  });
  return out + s.bin.substring(lastEnd);
}

function callbackReplacer(cb: any, c: CompiledRegex, flags: number): Replacer {
  const valueFlags = flags & (PREG_OFFSET_CAPTURE | PREG_UNMATCHED_AS_NULL);
  return (s, m) => toStr(callValue(cb, [matchArray(c, s, m, valueFlags)]));
}

/** One subject through all patterns; null on error. */
function replaceSubject(
  fn: string,
  patterns: string[],
  reps: ((c: CompiledRegex) => Replacer)[],
  subject: string,
  limit: number,
  counter: { n: number },
  filter: boolean,
): string | null {
  let cur = subject;
  const before = counter.n;
  for (let k = 0; k < patterns.length; k++) {
    const c = compileOrWarn(fn, patterns[k]);
    if (!c) return null;
    const replacer = reps[k](c);
    const res = replaceIn(c, cur, replacer, limit, counter);
    if (res === null) return null;
    cur = res;
  }
  if (filter && counter.n === before) return null;
  return cur;
}

function eachSubject(subject: any, f: (s: string) => string | null): any {
  if (!(subject instanceof PhpArray)) return f(subject);
  const out = new PhpArray();
  for (const [k, v] of subject.entries()) {
    const r = f(toStr(v));
    if (r !== null) out.set(k, r);
  }
  return out;
}

function doReplace(fn: string, pattern: any, replacement: any, subject: any, limit: number, countRef: any, filter: boolean): any {
  const patterns: string[] = [];
  const reps: ((c: CompiledRegex) => Replacer)[] = [];
  if (pattern instanceof PhpArray) {
    const repList = replacement instanceof PhpArray ? replacement.valueList() : null;
    let ri = 0;
    const lit = repList ? null : stringReplacer(toStr(replacement));
    for (const p of pattern.valueList()) {
      patterns.push(toStr(p));
      const r = repList ? stringReplacer(ri < repList.length ? toStr(repList[ri++]) : '') : lit!;
      reps.push(() => r);
    }
  } else {
    if (replacement instanceof PhpArray) {
      rt.throwError('TypeError', `${fn}(): Argument #1 ($pattern) must be of type array when argument #2 ($replacement) is an array, string given`);
    }
    patterns.push(pattern);
    const r = stringReplacer(replacement);
    reps.push(() => r);
  }
  const counter = { n: 0 };
  const res = eachSubject(subject, (s) => replaceSubject(fn, patterns, reps, s, limit, counter, filter));
  setRef(countRef, counter.n);
  return res;
}

// ───────────── split ─────────────

function doSplit(pattern: string, subject: string, limit: number, flags: number): any {
  try {
    return doSplitImpl(pattern, subject, limit, flags);
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    state.lastError = e.code;
    return false;
  }
}

function doSplitImpl(pattern: string, subject: string, limit: number, flags: number): any {
  const c = compileOrWarn('preg_split', pattern);
  if (!c) return false;
  state.lastError = PREG_NO_ERROR;
  const s = prepare(c, subject);
  if (!s) return false;
  const noEmpty = (flags & PREG_SPLIT_NO_EMPTY) !== 0;
  const delimCapture = (flags & PREG_SPLIT_DELIM_CAPTURE) !== 0;
  const offsetCapture = (flags & PREG_SPLIT_OFFSET_CAPTURE) !== 0;
  const out = new PhpArray();
  const add = (a: number, b: number): void => {
    const str = a < 0 ? '' : subject.substring(a, b);
    out.append(offsetCapture ? PhpArray.fromList([str, a]) : str);
  };
  let left = limit === 0 ? -1 : limit;
  let lastEnd = 0; // byte offset
  if (left === -1 || left > 1) {
    forEachMatch(c, s, 0, (m) => {
      const a = s.toByte(m.o[0]);
      const b = s.toByte(m.o[1]);
      if (!noEmpty || a !== lastEnd) {
        add(lastEnd, a);
        if (left !== -1) left--;
      }
      if (delimCapture) {
        for (let g = 1; g < m.count; g++) {
          const ga = m.o[2 * g], gb = m.o[2 * g + 1];
          if (ga < 0) { if (!noEmpty) add(-1, -1); continue; }
          if (!noEmpty || gb > ga) add(s.toByte(ga), s.toByte(gb));
        }
      }
      lastEnd = b;
      return left === -1 || left > 1;
    });
  }
  if (!noEmpty || lastEnd < subject.length) add(lastEnd, subject.length);
  return out;
}

// ───────────── quote, grep ─────────────

export function pregQuote(str: string, delim: string | null): string {
  const d = delim ? delim[0] : '';
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const ch = str[i];
    if ('.\\+*?[^]$(){}=!<>|:-#'.includes(ch)) out += '\\' + ch;
    else if (ch === '\0') out += '\\000';
    else if (ch === d) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

// ───────────── registration ─────────────

export const functions: Record<string, (...a: any[]) => any> = {
  'preg_match(string $pattern, string $subject, &$matches = null, int $flags = 0, int $offset = 0): int|false': (pattern, subject, ref, flags, offset) =>
    doMatch('preg_match', false, pattern, subject, ref, flags, offset, true),
  'preg_match_all(string $pattern, string $subject, &$matches = null, int $flags = 0, int $offset = 0): int|false': (pattern, subject, ref, flags, offset) =>
    doMatch('preg_match_all', true, pattern, subject, ref, flags, offset, true),
  'preg_replace(string|array $pattern, string|array $replacement, string|array $subject, int $limit = -1, &$count = null): string|array|null': (pattern, replacement, subject, limit, count) =>
    doReplace('preg_replace', pattern, replacement, subject, limit, count, false),
  'preg_filter(string|array $pattern, string|array $replacement, string|array $subject, int $limit = -1, &$count = null): string|array|null': (pattern, replacement, subject, limit, count) =>
    doReplace('preg_filter', pattern, replacement, subject, limit, count, true),
  'preg_replace_callback(string|array $pattern, callable $callback, string|array $subject, int $limit = -1, &$count = null, int $flags = 0): string|array|null': (pattern, callback, subject, limit, countRef, flags) => {
    const patterns = pattern instanceof PhpArray ? pattern.valueList().map(toStr) : [pattern];
    const mk = (c: CompiledRegex): Replacer => callbackReplacer(callback, c, flags);
    const reps = patterns.map(() => mk);
    const counter = { n: 0 };
    const res = eachSubject(subject, (s) => replaceSubject('preg_replace_callback', patterns, reps, s, limit, counter, false));
    setRef(countRef, counter.n);
    return res;
  },
  'preg_replace_callback_array(array $pattern, string|array $subject, int $limit = -1, &$count = null, int $flags = 0): string|array|null': (map: PhpArray, subject, limit, countRef, flags) => {
    const patterns: string[] = [];
    const reps: ((c: CompiledRegex) => Replacer)[] = [];
    for (const [k, cb] of map.entries()) {
      if (!isCallable(cb)) {
        rt.throwError('TypeError', 'preg_replace_callback_array(): Argument #1 ($pattern) must contain only valid callbacks');
      }
      patterns.push(toStr(k));
      reps.push((c: CompiledRegex) => callbackReplacer(cb, c, flags));
    }
    const counter = { n: 0 };
    const res = eachSubject(subject, (s) => {
      let cur: string | null = s;
      for (let k = 0; k < patterns.length && cur !== null; k++) {
        cur = replaceSubject('preg_replace_callback_array', [patterns[k]], [reps[k]], cur, limit, counter, false);
      }
      return cur;
    });
    setRef(countRef, counter.n);
    return res;
  },
  'preg_split(string $pattern, string $subject, int $limit = -1, int $flags = 0): array|false': doSplit,
  'preg_quote(string $str, ?string $delimiter = null): string': pregQuote,
  'preg_grep(string $pattern, array $array, int $flags = 0): array|false': (pattern: string, arr: PhpArray, flags: number) => {
    const c = compileOrWarn('preg_grep', pattern);
    if (!c) return false;
    state.lastError = PREG_NO_ERROR;
    const invert = (flags & PREG_GREP_INVERT) !== 0;
    const out = new PhpArray();
    for (const [k, v] of arr.entries()) {
      const str = toStr(v);
      const s = prepare(c, str);
      if (!s) break;
      let matched: boolean;
      try {
        matched = exec(c, s, 0) !== null;
      } catch (e) {
        if (!(e instanceof ExecError)) throw e;
        state.lastError = e.code;
        break;
      }
      if (matched !== invert) out.set(k, share(v));
    }
    return out;
  },
  'preg_last_error(): int': () => state.lastError,
  'preg_last_error_msg(): string': () => ERROR_MESSAGES[state.lastError] ?? 'Unknown error',
};

void utf8ErrorOffset;
