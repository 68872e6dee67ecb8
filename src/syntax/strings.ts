// Values of literal tokens, computed the way php-src's scanner (zend_language_scanner.l) does:
// escape sequences of single/double-quoted strings, backticks and heredocs, the PHP 7.3 removal of
// the closing marker's indentation from heredoc/nowdoc bodies, and integer/float literals.
// All strings are binary strings (char codes 0-255).

import { PhpSyntaxError } from './errors.js';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isOct(c: number): boolean {
  return c >= 48 && c <= 55;
}
function hexVal(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}
function isNewline(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10);
}

/** A compile warning found in a literal (PHP's "Octal escape sequence overflow ..."). */
export interface LiteralWarning {
  message: string;
  line: number;
}

/** Body of a single-quoted string: only \\ and \' are escapes. */
export function unescapeSingle(body: string): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c === '\\' && k + 1 < body.length && (body[k + 1] === '\\' || body[k + 1] === "'")) {
      out += body[k + 1];
      k++;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * zend_scan_escape_string: escapes of a double-quoted string (quote 0x22), a backtick string (0x60)
 * or a heredoc (0). `line` is the line where `body` starts, for the line of errors.
 */
export function unescapeDouble(body: string, quote: number, line: number, warnings?: LiteralWarning[]): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  const end = body.length;
  let nl = 0;
  for (let s = 0; s < end; s++) {
    let c = body.charCodeAt(s);
    if (c !== 92 /* \ */) {
      out += body[s];
      if (isNewline(body, s)) nl++;
      continue;
    }
    s++;
    if (s >= end) {
      out += '\\';
      break;
    }
    c = body.charCodeAt(s);
    switch (c) {
      case 110: out += '\n'; break; // n
      case 116: out += '\t'; break; // t
      case 114: out += '\r'; break; // r
      case 118: out += '\v'; break; // v
      case 101: out += '\x1b'; break; // e
      case 102: out += '\f'; break; // f
      case 34: // "
      case 96: // `
        if (c !== quote) {
          out += '\\' + body[s];
          break;
        }
        out += body[s];
        break;
      case 92: // \
      case 36: // $
        out += body[s];
        break;
      case 120: // x
      case 88: // X
        if (isHex(body.charCodeAt(s + 1))) {
          let v = hexVal(body.charCodeAt(++s));
          if (isHex(body.charCodeAt(s + 1))) v = v * 16 + hexVal(body.charCodeAt(++s));
          out += String.fromCharCode(v);
        } else {
          out += '\\' + body[s];
        }
        break;
      case 117: { // u
        if (body.charCodeAt(s + 1) !== 123 /* { */) {
          // PHP lets "\u" without a brace pass (JSON in string literals).
          out += '\\u';
          break;
        }
        const start = s + 2;
        let k = start;
        while (k < end && isHex(body.charCodeAt(k))) k++;
        if (k >= end || body.charCodeAt(k) !== 125 /* } */ || k === start) {
          throw new PhpSyntaxError('Invalid UTF-8 codepoint escape sequence', line + nl, 'parse');
        }
        let first = start;
        while (first < k && body.charCodeAt(first) === 48) first++;
        const cp = first === k ? 0 : k - first > 8 ? Infinity : parseInt(body.slice(first, k), 16);
        if (cp > 0x10ffff) {
          throw new PhpSyntaxError('Invalid UTF-8 codepoint escape sequence: Codepoint too large', line + nl, 'parse');
        }
        out += utf8(cp);
        s = k;
        break;
      }
      default:
        if (isOct(c)) {
          let digits = body[s];
          if (isOct(body.charCodeAt(s + 1))) {
            digits += body[++s];
            if (isOct(body.charCodeAt(s + 1))) digits += body[++s];
          }
          if (digits.length === 3 && digits.charCodeAt(0) > 51 /* '3' */ && warnings) {
            warnings.push({ message: `Octal escape sequence overflow \\${digits} is greater than \\377`, line: line + nl });
          }
          out += String.fromCharCode(parseInt(digits, 8) & 0xff);
        } else {
          out += '\\' + body[s];
        }
    }
    if (isNewline(body, s)) nl++;
  }
  return out;
}

function utf8(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp <= 0x7ff) return String.fromCharCode((cp >> 6) + 0xc0, (cp & 0x3f) + 0x80);
  if (cp <= 0xffff) {
    return String.fromCharCode((cp >> 12) + 0xe0, ((cp >> 6) & 0x3f) + 0x80, (cp & 0x3f) + 0x80);
  }
  return String.fromCharCode(
    (cp >> 18) + 0xf0,
    ((cp >> 12) & 0x3f) + 0x80,
    ((cp >> 6) & 0x3f) + 0x80,
    (cp & 0x3f) + 0x80,
  );
}

/** Value of a T_CONSTANT_ENCAPSED_STRING token ('...', "...", b'...', b"..."). */
export function constantStringValue(text: string, line: number, warnings?: LiteralWarning[]): string {
  let k = 0;
  if (text[0] === 'b' || text[0] === 'B') k = 1;
  const body = text.slice(k + 1, text.length - 1);
  if (text[k] === "'") return unescapeSingle(body);
  return unescapeDouble(body, 34, line, warnings);
}

// ───────────────────────────── heredoc / nowdoc ─────────────────────────────

export interface HeredocInfo {
  nowdoc: boolean;
  /** indentation of the closing marker (chars), removed from every body line */
  indentation: number;
  usingSpaces: boolean;
}

/** From the T_START_HEREDOC text (`<<<"EOT"\n`) and the T_END_HEREDOC text (`  EOT`). */
export function heredocInfo(startText: string, endText: string): HeredocInfo {
  const nowdoc = startText.indexOf("'") >= 0;
  let indentation = 0;
  while (indentation < endText.length && (endText[indentation] === ' ' || endText[indentation] === '\t')) indentation++;
  return { nowdoc, indentation, usingSpaces: endText[0] === ' ' };
}

function nextNewline(s: string, from: number): [number, number] | null {
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 10) return [k, 1];
    if (c === 13) return [k, s.charCodeAt(k + 1) === 10 ? 2 : 1];
  }
  return null;
}

/**
 * strip_multiline_string_indentation: removes `indentation` leading spaces/tabs from each line of a
 * heredoc body piece. `newlineAtStart`: the piece starts a line (it does not follow an interpolated
 * variable); `newlineAtEnd`: the piece ends at the closing marker's line.
 */
export function stripIndentation(
  str: string,
  indentation: number,
  usingSpaces: boolean,
  newlineAtStart: boolean,
  newlineAtEnd: boolean,
  line: number,
): string {
  if (indentation === 0) return str;
  const end = str.length;
  let pos = 0;
  let out = '';
  let newlineCount = 0;
  let nl: [number, number] | null;
  if (!newlineAtStart) {
    nl = nextNewline(str, 0);
    if (!nl) return str;
    pos = nl[0] + nl[1];
    out = str.slice(0, pos);
    newlineCount++;
  } else {
    nl = [0, 0];
  }
  while (pos <= end && nl) {
    nl = nextNewline(str, pos);
    const lineEnd = nl ? nl[0] : newlineAtEnd ? end : -1;
    for (let skip = 0; skip < indentation; skip++, pos++) {
      if (pos === lineEnd) break; // blank lines need not be indented
      const c = str.charCodeAt(pos);
      if (pos === end || (c !== 32 && c !== 9)) {
        throw new PhpSyntaxError(
          `Invalid body indentation level (expecting an indentation level of at least ${indentation})`,
          line + newlineCount,
          'parse',
        );
      }
      if ((!usingSpaces && c === 32) || (usingSpaces && c === 9)) {
        throw new PhpSyntaxError('Invalid indentation - tabs and spaces cannot be mixed', line + newlineCount, 'parse');
      }
    }
    if (pos === end) break;
    const len = nl ? nl[0] - pos + nl[1] : end - pos;
    out += str.slice(pos, pos + len);
    pos += len;
    newlineCount++;
  }
  return out;
}

/** Length of the newline at the end of `s` (0, 1 or 2 for \r\n). */
export function trailingNewlineLength(s: string): number {
  const n = s.length;
  if (n >= 2 && s.charCodeAt(n - 2) === 13 && s.charCodeAt(n - 1) === 10) return 2;
  if (n >= 1 && (s.charCodeAt(n - 1) === 10 || s.charCodeAt(n - 1) === 13)) return 1;
  return 0;
}

// ───────────────────────────── numbers ─────────────────────────────

export type IntegerValue = { int: string } | { float: number };

const INT64_MAX = 9223372036854775807n;

/**
 * An integer literal (decimal, 0x, 0b, 0o or leading-0 octal, with `_` separators). Values past
 * PHP_INT_MAX become floats, computed as zend_strtod / zend_hex_strtod / zend_oct_strtod /
 * zend_bin_strtod do (the last three accumulate in double arithmetic).
 */
export function integerLiteral(text: string): IntegerValue {
  const t = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  let radix = 10;
  let digits = t;
  if (t.length > 1 && t[0] === '0') {
    const x = t[1];
    if (x === 'x' || x === 'X') { radix = 16; digits = t.slice(2); }
    else if (x === 'b' || x === 'B') { radix = 2; digits = t.slice(2); }
    else if (x === 'o' || x === 'O') { radix = 8; digits = t.slice(2); }
    else { radix = 8; digits = t.slice(1); }
  }
  if (digits === '') digits = '0';
  let big: bigint;
  try {
    big = radix === 10 ? BigInt(digits) : BigInt((radix === 16 ? '0x' : radix === 8 ? '0o' : '0b') + digits);
  } catch {
    // Not a valid literal (the lexer reports "Invalid numeric literal"); keep something sensible.
    return { int: '0' };
  }
  if (big <= INT64_MAX) return { int: big.toString() };
  if (radix === 10) return { float: Number(digits) };
  let value = 0;
  if (radix === 16) {
    for (let k = 0; k < digits.length; k++) value = value * 16 + hexVal(digits.charCodeAt(k));
  } else {
    // zend_oct_strtod / zend_bin_strtod add the digit's character code and then subtract '0': two roundings
    for (let k = 0; k < digits.length; k++) value = value * radix + digits.charCodeAt(k) - 48;
  }
  return { float: value };
}

/** A float literal (T_DNUMBER): zend_strtod, which rounds correctly like JS's Number(). */
export function floatLiteral(text: string): number {
  const t = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  if (/^0[xXbBoO0-9]/.test(t) && !/[.eE]/.test(t)) {
    const v = integerLiteral(t);
    return 'float' in v ? v.float : Number(v.int);
  }
  return Number(t);
}

/**
 * The offset in "$a[12]" (T_NUM_STRING): an integer when it is 0 or [1-9][0-9]* and fits in 64
 * bits, else a string; "-" before it negates it ("-0" stays the string "-0").
 */
export function numStringOffset(text: string, negative: boolean): IntegerValue | { str: string } {
  if (/^(0|[1-9][0-9]*)$/.test(text) && BigInt(text) <= INT64_MAX) {
    if (!negative) return { int: text };
    return text === '0' ? { str: '-0' } : { int: '-' + text };
  }
  return { str: negative ? '-' + text : text };
}
