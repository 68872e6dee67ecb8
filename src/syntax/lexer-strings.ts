// Pure helpers of the lexer (src/syntax/lexer.ts): character classes, newline counting the way
// PHP's scanner counts them, and the checks PHP makes on string bodies (escape sequences, heredoc
// indentation). Everything works on a binary string (char codes 0–255) with start/end offsets, so
// no token text is ever copied while scanning.

// ---------------------------------------------------------------------------------------------
// Character classes

const CH_LABEL_START = 1;
const CH_LABEL = 2;
const CH_DIGIT = 4;
const CH_HEX = 8;
const CH_WHITESPACE = 16;

/**
 * One flag byte per char code. Sized for the whole BMP so that a caller passing a non-binary string
 * (chars above 0xFF) cannot index past the table; PHP sees such chars as bytes >= 0x80, i.e. label
 * characters, so they get the same flags.
 */
const CHAR_CLASS = (() => {
  const table = new Uint8Array(0x10000);
  // every char from 0x80 up is a label character (one fill, not 65,000 loop turns at start-up)
  table.fill(CH_LABEL_START | CH_LABEL, 0x80);
  for (let c = 0; c < 0x80; c++) {
    let flags = 0;
    const isLetter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0x80;
    const isDigit = c >= 0x30 && c <= 0x39;
    if (isLetter) flags |= CH_LABEL_START | CH_LABEL;
    if (isDigit) flags |= CH_DIGIT | CH_LABEL | CH_HEX;
    if ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)) flags |= CH_HEX;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) flags |= CH_WHITESPACE;
    table[c] = flags;
  }
  return table;
})();

// `charCodeAt` past the end gives NaN; `NaN | 0` is 0, which has no flags (PHP reads its NUL padding).
export function isLabelStart(c: number): boolean {
  return (CHAR_CLASS[c | 0] & CH_LABEL_START) !== 0;
}
export function isLabelChar(c: number): boolean {
  return (CHAR_CLASS[c | 0] & CH_LABEL) !== 0;
}
export function isDigit(c: number): boolean {
  return (CHAR_CLASS[c | 0] & CH_DIGIT) !== 0;
}
export function isHexDigit(c: number): boolean {
  return (CHAR_CLASS[c | 0] & CH_HEX) !== 0;
}
/** PHP's WHITESPACE class: space, \n, \r, \t (not \v or \f). */
export function isWhitespace(c: number): boolean {
  return (CHAR_CLASS[c | 0] & CH_WHITESPACE) !== 0;
}

/** End offset of the label (identifier) starting at `pos`. */
export function scanLabel(src: string, pos: number): number {
  const len = src.length;
  while (pos < len && (CHAR_CLASS[src.charCodeAt(pos)] & CH_LABEL) !== 0) pos++;
  return pos;
}

/** End offset of the run of [ \n\r\t] starting at `pos`. */
export function scanWhitespace(src: string, pos: number): number {
  const len = src.length;
  while (pos < len && (CHAR_CLASS[src.charCodeAt(pos)] & CH_WHITESPACE) !== 0) pos++;
  return pos;
}

// ---------------------------------------------------------------------------------------------
// Newlines

/**
 * Newlines in src[start, end) as PHP's HANDLE_NEWLINES macro counts them: every \n, and every \r
 * not followed by \n (looking one char past `end`, as the C macro does).
 */
export function countNewlines(src: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && src.charCodeAt(i + 1) !== 0x0a)) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Escape sequences of double-quoted strings, backticks and heredocs

/** A diagnostic found in a string body; `newlinesBefore` locates it for its line number. */
export interface StringDiagnostic {
  message: string;
  newlinesBefore: number;
  warning: boolean;
}

export interface EscapeScan {
  /** Newlines PHP counts for the body (it stops counting at an invalid \u{} escape). */
  newlines: number;
  diagnostics: StringDiagnostic[] | null;
}

function isOctalDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

/**
 * Walks the body src[start, end) the way zend_scan_escape_string does, to get the two things that
 * depend on escapes: the number of newlines PHP counts (the count stops at a malformed \u{...},
 * because PHP abandons the string there), and PHP's diagnostics: "Octal escape sequence overflow"
 * (a compile warning) and the invalid-\u{} parse errors. The escape values themselves are left
 * to the parser.
 */
export function scanEscapes(src: string, start: number, end: number): EscapeScan {
  let newlines = 0;
  let diagnostics: StringDiagnostic[] | null = null;
  let i = start;
  while (i < end) {
    let c = src.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i++;
      if (i >= end) break;
      c = src.charCodeAt(i);
      if (c === 0x75 /* u */ && src.charCodeAt(i + 1) === 0x7b /* { */) {
        const problem = checkUnicodeEscape(src, i + 2);
        if (problem !== null) {
          (diagnostics ??= []).push({ message: problem, newlinesBefore: newlines, warning: false });
          return { newlines, diagnostics };
        }
        i = src.indexOf('}', i);
      } else if (c === 0x78 /* x */ || c === 0x58 /* X */) {
        if (isHexDigit(src.charCodeAt(i + 1))) {
          i++;
          if (isHexDigit(src.charCodeAt(i + 1))) i++;
        }
      } else if (isOctalDigit(c)) {
        const first = i;
        if (isOctalDigit(src.charCodeAt(i + 1))) {
          i++;
          if (isOctalDigit(src.charCodeAt(i + 1))) i++;
        }
        if (i - first === 2 && c > 0x33 /* '3' */) {
          const digits = src.slice(first, i + 1);
          (diagnostics ??= []).push({
            message: `Octal escape sequence overflow \\${digits} is greater than \\377`,
            newlinesBefore: newlines,
            warning: true,
          });
        }
      }
    }
    // `c` is the char at `i` (for a multi-char escape, a digit or brace: never a newline).
    if (c === 0x0a || (c === 0x0d && src.charCodeAt(i + 1) !== 0x0a)) newlines++;
    i++;
  }
  return { newlines, diagnostics };
}

/**
 * Checks the \u{...} escape whose hex digits start at `pos` (just after the brace). Like PHP it may
 * read past the body's end: the body always ends at a char that is not a hex digit or brace.
 */
function checkUnicodeEscape(src: string, pos: number): string | null {
  let i = pos;
  while (isHexDigit(src.charCodeAt(i))) i++;
  if (src.charCodeAt(i) !== 0x7d /* } */ || i === pos) return 'Invalid UTF-8 codepoint escape sequence';
  let first = pos;
  while (first < i && src.charCodeAt(first) === 0x30) first++;
  if (i - first > 6 || (i > first && parseInt(src.slice(first, i), 16) > 0x10ffff)) {
    return 'Invalid UTF-8 codepoint escape sequence: Codepoint too large';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Flexible heredoc/nowdoc bodies (PHP 7.3+)

/** Offset and length of the first \n, \r\n or \r in src[pos, end), or null. */
function nextNewline(src: string, pos: number, end: number): [number, number] | null {
  for (; pos < end; pos++) {
    const c = src.charCodeAt(pos);
    if (c === 0x0a) return [pos, 1];
    if (c === 0x0d) return [pos, pos + 1 < end && src.charCodeAt(pos + 1) === 0x0a ? 2 : 1];
  }
  return null;
}

/**
 * The check PHP makes when it removes the closing marker's indentation from each line of a heredoc
 * or nowdoc body src[start, end): every non-blank line must start with at least `indentation`
 * spaces (or tabs), of the same kind as the closing marker's.
 *
 * `newlineAtStart`: the body starts at the beginning of a line (not after an interpolation);
 * `newlineAtEnd`: the body ends just before the closing marker's line.
 */
export function checkHeredocIndentation(
  src: string,
  start: number,
  end: number,
  indentation: number,
  usingSpaces: boolean,
  newlineAtStart: boolean,
  newlineAtEnd: boolean,
): StringDiagnostic | null {
  let pos = start;
  let newlineCount = 0;
  // Where the current line ends (null: the body's last line, which has no newline).
  let nlPos: number | null;
  let nlLen = 0;
  if (!newlineAtStart) {
    // The rest of a line begun before an interpolation is not indented.
    const first = nextNewline(src, pos, end);
    if (first === null) return null;
    pos = first[0] + first[1];
    newlineCount++;
    nlPos = first[0];
  } else {
    nlPos = pos;
  }
  while (pos <= end && nlPos !== null) {
    const nl = nextNewline(src, pos, end);
    if (nl !== null) [nlPos, nlLen] = nl;
    else [nlPos, nlLen] = [newlineAtEnd ? end : null, 0];
    for (let skip = 0; skip < indentation; skip++, pos++) {
      if (pos === nlPos) break; // a blank line needs no indentation
      const c = src.charCodeAt(pos);
      if (pos === end || (c !== 0x20 && c !== 0x09)) {
        return {
          message: `Invalid body indentation level (expecting an indentation level of at least ${indentation})`,
          newlinesBefore: newlineCount,
          warning: false,
        };
      }
      if ((!usingSpaces && c === 0x20) || (usingSpaces && c === 0x09)) {
        return { message: MIXED_INDENTATION, newlinesBefore: newlineCount, warning: false };
      }
    }
    if (pos === end) break;
    pos = nlPos !== null ? nlPos + nlLen : end;
    newlineCount++;
  }
  return null;
}

export const MIXED_INDENTATION = 'Invalid indentation - tabs and spaces cannot be mixed';

// ---------------------------------------------------------------------------------------------
// Heredoc opening line

export interface HeredocStart {
  /** Offset just past the opening line's newline. */
  end: number;
  labelStart: number;
  labelEnd: number;
  nowdoc: boolean;
}

/**
 * Matches `<<<` [ \t]* (LABEL | 'LABEL' | "LABEL") NEWLINE at `pos` (which points at the `<<<`).
 */
export function matchHeredocStart(src: string, pos: number): HeredocStart | null {
  if (src.charCodeAt(pos + 1) !== 0x3c || src.charCodeAt(pos + 2) !== 0x3c) return null;
  let i = pos + 3;
  while (src.charCodeAt(i) === 0x20 || src.charCodeAt(i) === 0x09) i++;
  const quote = src.charCodeAt(i);
  const quoted = quote === 0x27 || quote === 0x22;
  if (quoted) i++;
  if (!isLabelStart(src.charCodeAt(i))) return null;
  const labelStart = i;
  const labelEnd = scanLabel(src, i);
  i = labelEnd;
  if (quoted) {
    if (src.charCodeAt(i) !== quote) return null;
    i++;
  }
  const c = src.charCodeAt(i);
  if (c === 0x0d) i += src.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  else if (c === 0x0a) i++;
  else return null;
  return { end: i, labelStart, labelEnd, nowdoc: quote === 0x27 };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** End of [0-9]+(_[0-9]+)* — or of the same shape over another digit class — starting at `pos`. */
export function scanDigits(src: string, pos: number, isDigitOf: (c: number) => boolean): number {
  for (;;) {
    while (isDigitOf(src.charCodeAt(pos))) pos++;
    if (src.charCodeAt(pos) === 0x5f /* _ */ && isDigitOf(src.charCodeAt(pos + 1))) pos++;
    else return pos;
  }
}

export function isBinaryDigit(c: number): boolean {
  return c === 0x30 || c === 0x31;
}
export { isOctalDigit };

const MAX_LONG = 9223372036854775807n;

/**
 * Whether the integer literal with the given digits (underscores allowed) and radix fits in PHP's
 * 64-bit signed integer; when it does not, PHP makes it a float (T_DNUMBER).
 */
export function integerFits(digits: string, radix: 2 | 8 | 10 | 16): boolean {
  let s = digits.indexOf('_') === -1 ? digits : digits.split('_').join('');
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 0x30) i++;
  s = s.slice(i);
  // Anything this short fits whatever the radix; only long literals need exact arithmetic.
  if (s.length <= 15) return true;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  return BigInt(prefix + s) <= MAX_LONG;
}
