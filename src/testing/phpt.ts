// A runner for php-src's .phpt test format, following the semantics of php-src's
// run-tests.php (PHP-8.2): the same sections, the same INI settings forced on every
// test, the same output normalisation and the same EXPECTF placeholders. It runs any
// PHP command line (by default this project's bin/phpts), so the same test files can
// be checked against phpts and against the reference php binary.
//
// Library: runPhptFiles(files, options) → PhptResult[].  CLI: main(argv) → exit code.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

// ---------------------------------------------------------------------------
// Public types

export type PhptStatus = 'pass' | 'fail' | 'skip';

/** run-tests.php's own verdicts; `status` folds them into pass/fail/skip. */
export type PhptOutcome = 'PASS' | 'WARN' | 'FAIL' | 'BORK' | 'SKIP' | 'XFAIL';

export interface PhptResult {
  /** The test's path, relative to the working directory when it lies beneath it. */
  file: string;
  /** The --TEST-- title. */
  name: string;
  status: PhptStatus;
  outcome: PhptOutcome;
  reason?: string;
  /** Actual (normalised) output, for tests that did not pass. */
  output?: string;
  /** The expectation the output was compared with, for tests that did not pass. */
  expected?: string;
  /** A line diff (run-tests.php style), for tests that did not pass. */
  diff?: string;
  durationMs: number;
}

export interface PhptOptions {
  /** The PHP command line: a string split like a shell would, or argv words. Default: bin/phpts. */
  php?: string | string[];
  /** Parallel tests. Default: the number of CPUs. */
  jobs?: number;
  /** Per process (SKIPIF, FILE, CLEAN) time limit. Default 10 s. */
  timeoutSeconds?: number;
  /** Working directory of every PHP process (run-tests.php uses the php-src root). Default: process.cwd(). */
  cwd?: string;
  /** Extra INI settings forced on every test, after run-tests.php's own (its -d option). */
  iniOverrides?: string[];
  /** Write <test>.out/.exp/.diff and keep <test>.php when a test fails. Default true. */
  failureArtifacts?: boolean;
  /** Called as each test finishes (in completion order). */
  onResult?: (result: PhptResult, index: number) => void;
}

/** A .phpt file that run-tests.php would report as BORKED (malformed). */
export class PhptBorkError extends Error {}

// ---------------------------------------------------------------------------
// What run-tests.php forces

/** run-tests.php's $ini_overwrites: expected outputs were recorded under these. */
export const RUN_TESTS_INI_OVERWRITES: readonly string[] = [
  'output_handler=',
  'open_basedir=',
  'disable_functions=',
  'output_buffering=Off',
  'error_reporting=32767', // E_ALL in PHP 8.2
  'display_errors=1',
  'display_startup_errors=1',
  'log_errors=0',
  'html_errors=0',
  'track_errors=0',
  'report_memleaks=1',
  'report_zend_debug=0',
  'docref_root=',
  'docref_ext=.html',
  'error_prepend_string=',
  'error_append_string=',
  'auto_prepend_file=',
  'auto_append_file=',
  'ignore_repeated_errors=0',
  'precision=14',
  'serialize_precision=-1',
  'memory_limit=128M',
  'opcache.fast_shutdown=0',
  'opcache.file_update_protection=0',
  'opcache.revalidate_freq=0',
  'opcache.jit_hot_loop=1',
  'opcache.jit_hot_func=1',
  'opcache.jit_hot_return=1',
  'opcache.jit_hot_side_exit=1',
  'opcache.jit_max_root_traces=100000',
  'opcache.jit_max_side_traces=100000',
  'opcache.jit_max_exit_counters=100000',
  'opcache.protect_memory=1',
  'zend.assertions=1',
  'zend.exception_ignore_args=0',
  'zend.exception_string_param_max_len=15',
  'short_open_tag=0',
];

/** Extra settings run-tests.php adds when the tested binary has these extensions loaded. */
const EXTENSION_INI_OVERWRITES: Readonly<Record<string, readonly string[]>> = {
  session: ['session.auto_start=0'],
  tidy: ['tidy.clean_output=0'],
  zlib: ['zlib.output_compression=Off'],
  xdebug: ['xdebug.mode=off'],
};

/** Every section run-tests.php accepts; any other name borks the test. */
export const ALLOWED_SECTIONS: readonly string[] = [
  'EXPECT', 'EXPECTF', 'EXPECTREGEX', 'EXPECTREGEX_EXTERNAL', 'EXPECT_EXTERNAL', 'EXPECTF_EXTERNAL', 'EXPECTHEADERS',
  'POST', 'POST_RAW', 'GZIP_POST', 'DEFLATE_POST', 'PUT', 'GET', 'COOKIE', 'ARGS',
  'FILE', 'FILEEOF', 'FILE_EXTERNAL', 'REDIRECTTEST',
  'CAPTURE_STDIO', 'STDIN', 'CGI', 'PHPDBG',
  'INI', 'ENV', 'EXTENSIONS',
  'SKIPIF', 'XFAIL', 'XLEAK', 'CLEAN',
  'CREDITS', 'DESCRIPTION', 'CONFLICTS', 'WHITESPACE_SENSITIVE',
  'FLAKY',
];

/** Sections that need the CGI SAPI (run-tests.php's TestFile::isCGI); phpts is CLI only. */
const CGI_SECTIONS: readonly string[] = [
  'GET', 'POST', 'GZIP_POST', 'DEFLATE_POST', 'POST_RAW', 'PUT', 'COOKIE', 'EXPECTHEADERS',
];

const DEFAULT_TIMEOUT_SECONDS = 10;
/** A runaway test could print without end; beyond this much output it is stopped. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** How long one expectation match (or diff) may take before the output counts as not matching. */
const REGEX_TIME_LIMIT_MS = 10_000;

// ---------------------------------------------------------------------------
// PHP string helpers (outputs and test files are handled as bytes: latin1 strings)

const PHP_TRIM_CHARS = ' \t\n\r\0\x0B';

/** PHP's trim(): strips " \t\n\r\0\x0B" (String.prototype.trim strips a different set). */
export function phpTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PHP_TRIM_CHARS.includes(text[start]!)) start++;
  while (end > start && PHP_TRIM_CHARS.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** PHP's empty() on a string: "" and "0" are empty. */
function phpEmpty(text: string | undefined): boolean {
  return text === undefined || text === '' || text === '0';
}

/** run-tests.php compares trim()med text with \r\n turned into \n. */
export function normalizeOutput(text: string): string {
  return phpTrim(text).replace(/\r\n/g, '\n');
}

// ---------------------------------------------------------------------------
// Section parsing

export interface PhptTest {
  /** Absolute path of the .phpt file. */
  path: string;
  /** Section name → raw text (line endings kept, as run-tests.php reads them). */
  sections: Record<string, string>;
}

/** Splits text after each "\n", keeping it, as PHP's fgets() returns lines. */
function splitLinesKeepingEnds(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

/**
 * Reads the sections of a .phpt file exactly as run-tests.php's TestFile::readFile does:
 * a section starts at a line beginning "--NAME--"; a FILE section ends early at "===DONE===".
 */
export function readPhptSections(text: string): Record<string, string> {
  const lines = splitLinesKeepingEnds(text);
  if (lines.length === 0) throw new PhptBorkError('empty test');
  if (!lines[0]!.startsWith('--TEST--')) throw new PhptBorkError('tests must start with --TEST--');

  const sections: Record<string, string> = { TEST: '' };
  let current = 'TEST';
  let isFileSection = false;
  let fileDone = false;
  for (const line of lines.slice(1)) {
    const header = /^--([_A-Z]+)--/.exec(line);
    if (header) {
      current = header[1]!;
      if (!phpEmpty(sections[current]) && Object.hasOwn(sections, current)) {
        throw new PhptBorkError(`duplicated ${current} section`);
      }
      if (!ALLOWED_SECTIONS.includes(current)) throw new PhptBorkError(`Unknown section "${current}"`);
      sections[current] = '';
      isFileSection = current === 'FILE' || current === 'FILEEOF' || current === 'FILE_EXTERNAL';
      fileDone = false;
      continue;
    }
    if (!fileDone) sections[current] += line;
    // Anything after ===DONE=== in the code is not part of the test.
    if (isFileSection && /^===DONE===\s*$/.test(line)) fileDone = true;
  }
  return sections;
}

function has(sections: Record<string, string>, name: string): boolean {
  return Object.hasOwn(sections, name);
}

function countPresent(sections: Record<string, string>, names: string[]): number {
  return names.filter((name) => has(sections, name)).length;
}

/** Loads an *_EXTERNAL section's file; like run-tests.php, only from the test's own folder. */
function readExternalSection(testDir: string, section: string, spec: string): string {
  const file = path.join(testDir, phpTrim(spec.replaceAll('..', '')));
  try {
    return fs.readFileSync(file, 'latin1');
  } catch {
    throw new PhptBorkError(`could not load --${section}-- ${file}`);
  }
}

/** run-tests.php's TestFile::validateAndProcess: required sections, FILEEOF and *_EXTERNAL. */
export function validatePhptSections(sections: Record<string, string>, testDir: string): Record<string, string> {
  const result = { ...sections };
  if (has(result, 'REDIRECTTEST')) return result;
  if (!has(result, 'PHPDBG') && countPresent(result, ['FILE', 'FILEEOF', 'FILE_EXTERNAL']) !== 1) {
    throw new PhptBorkError('missing section --FILE--');
  }
  if (has(result, 'FILEEOF')) {
    // FILEEOF exists for tests whose code must not end with a newline.
    result.FILE = result.FILEEOF!.replace(/[\r\n]+$/, '');
    delete result.FILEEOF;
  }
  for (const prefix of ['FILE', 'EXPECT', 'EXPECTF', 'EXPECTREGEX']) {
    const external = `${prefix}_EXTERNAL`;
    if (has(result, external)) result[prefix] = readExternalSection(testDir, external, result[external]!);
  }
  if (countPresent(result, ['EXPECT', 'EXPECTF', 'EXPECTREGEX']) !== 1) {
    throw new PhptBorkError('missing section --EXPECT--, --EXPECTF-- or --EXPECTREGEX--');
  }
  if (has(result, 'PHPDBG') && !has(result, 'STDIN')) result.STDIN = result.PHPDBG + '\n';
  return result;
}

/** Parses a .phpt text: sections read, validated, external files loaded (relative to testPath). */
export function parsePhpt(text: string, testPath: string): PhptTest {
  const absolute = path.resolve(testPath);
  const sections = validatePhptSections(readPhptSections(text), path.dirname(absolute));
  return { path: absolute, sections };
}

export function loadPhpt(testPath: string): PhptTest {
  return parsePhpt(fs.readFileSync(testPath, 'latin1'), testPath);
}

// ---------------------------------------------------------------------------
// EXPECTF → regular expression

/** PHP's preg_quote($text, '/'). */
function pregQuote(text: string): string {
  let quoted = '';
  for (const ch of text) {
    if (ch === '\0') quoted += '\\000';
    else if ('.\\+*?[^]$(){}=!<>|:-#/'.includes(ch)) quoted += '\\' + ch;
    else quoted += ch;
  }
  return quoted;
}

/** run-tests.php's EXPECTF placeholders (all two characters long, so a strtr() is a left-to-right scan). */
const EXPECTF_PLACEHOLDERS: Readonly<Record<string, string>> = {
  '%e': '\\/', // preg_quote(DIRECTORY_SEPARATOR): phpts, like php-src's CI, runs on POSIX
  '%s': '[^\\r\\n]+',
  '%S': '[^\\r\\n]*',
  '%a': '.+',
  '%A': '.*',
  '%w': '\\s*',
  '%i': '[+-]?\\d+',
  '%d': '\\d+',
  '%x': '[0-9a-fA-F]+',
  '%f': '[+-]?(?:\\d+|(?=\\.\\d))(?:\\.\\d+)?(?:[Ee][+-]?\\d+)?',
  '%c': '.',
  '%0': '\\x00',
  // a literal percent sign, as the project's reference runner (../shared/tools/phpt.mjs) reads it
  '%%': '%',
};

/** strtr($text, EXPECTF_PLACEHOLDERS). */
function replacePlaceholders(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const replacement = text[i] === '%' ? EXPECTF_PLACEHOLDERS[text.slice(i, i + 2)] : undefined;
    if (replacement !== undefined) {
      out += replacement;
      i++;
    } else {
      out += text[i];
    }
  }
  return out;
}

/**
 * run-tests.php's expectf_to_regex(): the PCRE pattern (without delimiters and anchors)
 * that an EXPECTF section stands for. Text is quoted except between %r markers, then the
 * placeholders are substituted everywhere — inside %r sections too, as run-tests.php does.
 */
export function expectfToRegex(wanted: string): string {
  const text = wanted.replace(/\r\n/g, '\n');
  let quoted = '';
  let offset = 0;
  while (offset < text.length) {
    let start = text.indexOf('%r', offset);
    let end: number;
    if (start === -1) {
      start = end = text.length;
    } else {
      end = text.indexOf('%r', start + 2);
      if (end === -1) start = end = text.length; // unbalanced %r: the rest is literal text
    }
    quoted += pregQuote(text.slice(offset, start));
    if (end > start) quoted += '(' + text.slice(start + 2, end) + ')';
    offset = end + 2;
  }
  return replacePlaceholders(quoted);
}

// --- PCRE → JavaScript ------------------------------------------------------
// Expectations are PCRE patterns; JavaScript's syntax differs in a few places that
// php-src tests use or could use. Subjects are latin1 strings, so one char = one byte.

const PCRE_WHITESPACE = '\\t\\n\\v\\f\\r ';
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: 'A-Za-z0-9', alpha: 'A-Za-z', ascii: '\\x00-\\x7f', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~',
  space: PCRE_WHITESPACE, upper: 'A-Z', word: 'A-Za-z0-9_', xdigit: '0-9A-Fa-f',
};

/** A character by code; beyond U+FFFF nothing can match a byte string, so nothing is matched. */
function hexEscape(code: number, inClass = false): string {
  if (code <= 0xff) return '\\x' + code.toString(16).padStart(2, '0');
  if (code <= 0xffff) return '\\u' + code.toString(16).padStart(4, '0');
  return inClass ? '' : '(?!)';
}

/** Escape sequences whose meaning differs between PCRE and JS, in or out of a class. */
function convertEscape(pattern: string, i: number, inClass: boolean): { text: string; next: number } {
  const ch = pattern[i + 1] ?? '';
  const simple: Record<string, [string, string]> = {
    // letter: [outside a class, inside a class]
    s: ['[' + PCRE_WHITESPACE + ']', PCRE_WHITESPACE],
    S: ['[^' + PCRE_WHITESPACE + ']', '\\S'],
    h: ['[\\t ]', '\\t '],
    H: ['[^\\t ]', '\\H'],
    e: ['\\x1b', '\\x1b'],
    a: ['\\x07', '\\x07'],
    A: ['^', 'A'],
    z: ['$', 'z'],
    Z: ['(?=\\n?$)', 'Z'],
    R: ['(?:\\r\\n|[\\n\\v\\f\\r\\x85])', 'R'],
  };
  const mapped = simple[ch];
  if (mapped) return { text: inClass ? mapped[1] : mapped[0], next: i + 2 };
  if (ch === 'x' && pattern[i + 2] === '{') {
    const close = pattern.indexOf('}', i + 3);
    if (close !== -1) return { text: hexEscape(parseInt(pattern.slice(i + 3, close), 16) || 0, inClass), next: close + 1 };
  }
  if (ch === '0') {
    // PCRE: \0 followed by up to two more octal digits.
    const digits = /^[0-7]{0,2}/.exec(pattern.slice(i + 2))![0];
    return { text: hexEscape(parseInt('0' + digits, 8)), next: i + 2 + digits.length };
  }
  if (ch === 'Q') {
    const end = pattern.indexOf('\\E', i + 2);
    const literal = pattern.slice(i + 2, end === -1 ? pattern.length : end);
    return { text: literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), next: end === -1 ? pattern.length : end + 2 };
  }
  return { text: pattern.slice(i, i + 2), next: i + 2 };
}

/** Converts a PCRE character class starting at pattern[i] === '['. */
function convertClass(pattern: string, i: number): { text: string; next: number } {
  let out = '[';
  let j = i + 1;
  if (pattern[j] === '^') {
    out += '^';
    j++;
  }
  // In PCRE a ']' right after '[' or '[^' is a literal; in JS '[]' is an empty class.
  if (pattern[j] === ']') {
    out += '\\]';
    j++;
  }
  while (j < pattern.length && pattern[j] !== ']') {
    if (pattern[j] === '\\') {
      const escape = convertEscape(pattern, j, true);
      out += escape.text;
      j = escape.next;
      continue;
    }
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(j));
    if (posix && POSIX_CLASSES[posix[2]!] !== undefined && posix[1] === '') {
      out += POSIX_CLASSES[posix[2]!];
      j += posix[0].length;
      continue;
    }
    out += pattern[j] === '[' ? '\\[' : pattern[j];
    j++;
  }
  return { text: out + ']', next: j + 1 };
}

export interface JsRegexSource {
  source: string;
  flags: string;
}

/**
 * Converts a PCRE pattern (as given to preg_match between delimiters) to a JavaScript
 * one: \s \h \A \z \Z \R \e \x{..} \0nn \Q..\E, POSIX classes, possessive quantifiers,
 * atomic and Python-style named groups, comments, and leading inline flags.
 */
export function pcreToJs(pattern: string): JsRegexSource {
  let flags = '';
  let i = 0;
  const leadingFlags = /^\(\?([imsx]+)\)/.exec(pattern);
  if (leadingFlags) {
    flags = leadingFlags[1]!.replace(/[sx]/g, ''); // 's' is always on; 'x' is not supported
    i = leadingFlags[0].length;
  }
  let out = '';
  // 0: nothing to modify; 1: just after a quantifier (may be followed by a lazy '?' or possessive '+')
  let quantifierState = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const escape = convertEscape(pattern, i, false);
      out += escape.text;
      i = escape.next;
      quantifierState = 0;
    } else if (ch === '[') {
      const cls = convertClass(pattern, i);
      out += cls.text;
      i = cls.next;
      quantifierState = 0;
    } else if (ch === '(' && pattern.startsWith('(?#', i)) {
      const close = pattern.indexOf(')', i);
      i = close === -1 ? pattern.length : close + 1;
    } else if (ch === '(' && pattern.startsWith('(?>', i)) {
      out += '(?:'; // atomic groups only prune backtracking; a plain group matches the same here
      i += 3;
      quantifierState = 0;
    } else if (ch === '(' && pattern.startsWith('(?P<', i)) {
      out += '(?<';
      i += 4;
      quantifierState = 0;
    } else if (ch === '(' && pattern.startsWith('(?P=', i)) {
      const close = pattern.indexOf(')', i);
      out += '\\k<' + pattern.slice(i + 4, close) + '>';
      i = close + 1;
      quantifierState = 0;
    } else if (ch === '*' || ch === '+' || ch === '?') {
      if (quantifierState === 1 && ch === '+') {
        i++; // possessive: JS has none; the greedy form accepts the same strings in these tests
        quantifierState = 0;
        continue;
      }
      out += ch;
      i++;
      quantifierState = quantifierState === 1 ? 0 : 1;
    } else if (ch === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i))![0];
      out += quantifier;
      i += quantifier.length;
      quantifierState = 1;
    } else {
      out += ch;
      i++;
      quantifierState = 0;
    }
  }
  return { source: out, flags };
}

export type ExpectationKind = 'EXPECT' | 'EXPECTF' | 'EXPECTREGEX';

/** The regex run-tests.php matches output against: '/^' . pattern . '$/s'. */
export function expectationRegex(kind: 'EXPECTF' | 'EXPECTREGEX', wanted: string): JsRegexSource {
  const normalized = normalizeOutput(wanted);
  const pcre = kind === 'EXPECTF' ? expectfToRegex(normalized) : normalized;
  const js = pcreToJs(pcre);
  return { source: '^' + js.source + '$', flags: 's' + js.flags };
}

/**
 * Does this output satisfy this expectation? Synchronous and unguarded: a pathological
 * pattern can take very long. The runner matches in a worker thread with a time limit.
 */
export function matchesExpectation(kind: ExpectationKind, wanted: string, output: string): boolean {
  const actual = normalizeOutput(output);
  if (kind === 'EXPECT') return actual === normalizeOutput(wanted);
  const regex = expectationRegex(kind, wanted);
  try {
    return new RegExp(regex.source, regex.flags).test(actual);
  } catch {
    return false; // preg_match() returns false on a bad pattern: the test fails
  }
}

// ---------------------------------------------------------------------------
// Diffs (for humans only: the verdict never depends on them)

function lineMatcher(expectedLine: string, isRegex: boolean): (actual: string) => boolean {
  if (!isRegex) return (actual) => actual === expectedLine;
  let regex: RegExp | null = null;
  try {
    const js = pcreToJs(expectfToRegex(expectedLine));
    regex = new RegExp('^' + js.source + '$', 's' + js.flags);
  } catch {
    regex = null;
  }
  return (actual) => actual === expectedLine || (regex !== null && regex.test(actual));
}

/** A line diff like run-tests.php's: "NNN- expected" / "NNN+ actual" (line numbers from 1). */
export function generateDiff(wanted: string, output: string, isRegex: boolean): string {
  const expected = wanted.split('\n');
  const actual = output.split('\n');
  const matchers = expected.map((line) => lineMatcher(line, isRegex));
  const n = expected.length;
  const m = actual.length;
  const lines: string[] = [];
  const number = (k: number) => String(k + 1).padStart(3, '0');
  if (n * m > 1_000_000) {
    // Too large for an LCS table: compare line by line.
    for (let k = 0; k < Math.max(n, m); k++) {
      if (k < n && k < m && matchers[k]!(actual[k]!)) continue;
      if (k < n) lines.push(`${number(k)}- ${expected[k]}`);
      if (k < m) lines.push(`${number(k)}+ ${actual[k]}`);
    }
    return lines.join('\n');
  }
  // lcs[a][b]: longest common subsequence of expected[a..] and actual[b..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let a = n - 1; a >= 0; a--) {
    for (let b = m - 1; b >= 0; b--) {
      lcs[a]![b] = matchers[a]!(actual[b]!) ? lcs[a + 1]![b + 1]! + 1 : Math.max(lcs[a + 1]![b]!, lcs[a]![b + 1]!);
    }
  }
  let a = 0;
  let b = 0;
  while (a < n || b < m) {
    if (a < n && b < m && matchers[a]!(actual[b]!)) {
      a++;
      b++;
    } else if (a < n && (b === m || lcs[a + 1]![b]! >= lcs[a]![b + 1]!)) {
      lines.push(`${number(a)}- ${expected[a]}`);
      a++;
    } else {
      lines.push(`${number(b)}+ ${actual[b]}`);
      b++;
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Regex sandbox: matching runs in worker threads with a time limit, because a
// backtracking pattern against a large wrong output can take practically forever
// (PCRE would give up at pcre.backtrack_limit; V8 has no such limit).

type SandboxRequest =
  | { kind: 'match'; source: string; flags: string; subject: string }
  | { kind: 'diff'; wanted: string; output: string; isRegex: boolean };

type SandboxReply = { ok: true; value: boolean | string } | { ok: false; error: string };

function answerSandboxRequest(request: SandboxRequest): SandboxReply {
  try {
    if (request.kind === 'match') return { ok: true, value: new RegExp(request.source, request.flags).test(request.subject) };
    return { ok: true, value: generateDiff(request.wanted, request.output, request.isRegex) };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

if (!isMainThread && parentPort && (workerData as { phptRegexSandbox?: boolean } | null)?.phptRegexSandbox) {
  const port = parentPort;
  port.on('message', (request: SandboxRequest) => port.postMessage(answerSandboxRequest(request)));
}

interface SandboxJob {
  request: SandboxRequest;
  resolve: (reply: SandboxReply) => void;
}

class SandboxThread {
  private worker: Worker | null = null;
  private timer: NodeJS.Timeout | null = null;
  private job: SandboxJob | null = null;

  get idle(): boolean {
    return this.job === null;
  }

  run(job: SandboxJob, onDone: () => void): void {
    this.job = job;
    const worker = this.ensureWorker(onDone);
    this.timer = setTimeout(() => {
      // Stuck in a regex: the only way out is to kill the thread.
      void worker.terminate();
      this.worker = null;
      this.finish({ ok: false, error: 'timed out' }, onDone);
    }, REGEX_TIME_LIMIT_MS);
    worker.postMessage(job.request);
  }

  close(): void {
    if (this.worker) void this.worker.terminate();
    this.worker = null;
  }

  private ensureWorker(onDone: () => void): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL(import.meta.url), { workerData: { phptRegexSandbox: true } });
    worker.unref();
    worker.on('message', (reply: SandboxReply) => this.finish(reply, onDone));
    worker.on('error', (error) => {
      this.worker = null;
      this.finish({ ok: false, error: String(error) }, onDone);
    });
    this.worker = worker;
    return worker;
  }

  private finish(reply: SandboxReply, onDone: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const job = this.job;
    this.job = null;
    if (job) job.resolve(reply);
    onDone();
  }
}

class RegexSandbox {
  private readonly threads: SandboxThread[];
  private readonly queue: SandboxJob[] = [];

  constructor(size: number) {
    this.threads = Array.from({ length: Math.max(1, size) }, () => new SandboxThread());
  }

  async matches(regex: JsRegexSource, subject: string): Promise<{ matched: boolean; problem?: string }> {
    const reply = await this.submit({ kind: 'match', source: regex.source, flags: regex.flags, subject });
    if (reply.ok) return { matched: reply.value === true };
    return { matched: false, problem: reply.error === 'timed out' ? 'expectation regex took too long' : 'invalid expectation regex' };
  }

  async diff(wanted: string, output: string, isRegex: boolean): Promise<string> {
    const reply = await this.submit({ kind: 'diff', wanted, output, isRegex });
    return reply.ok ? String(reply.value) : `(no diff: ${reply.error})`;
  }

  close(): void {
    for (const thread of this.threads) thread.close();
  }

  private submit(request: SandboxRequest): Promise<SandboxReply> {
    return new Promise((resolve) => {
      this.queue.push({ request, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (this.queue.length === 0) return;
      if (thread.idle) thread.run(this.queue.shift()!, () => this.dispatch());
    }
  }
}

// ---------------------------------------------------------------------------
// Processes

/** Splits a command line into words like a POSIX shell (quotes and backslashes; no expansions). */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end;
      inWord = true;
    } else if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) i++;
        word += text[i];
        i++;
      }
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      i++;
      if (text[i] !== '\n') word += text[i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** A word as a shell reads it back: quoted only when it has to be. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : escapeShellArg(word);
}

/** PHP's escapeshellarg() on POSIX. */
function escapeShellArg(text: string): string {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** Which streams the test's output is made of (--CAPTURE_STDIO--; default both, merged). */
interface StdioCapture {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

interface ProcessRequest {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: string | null;
  timeoutMs: number;
  capture: StdioCapture;
}

interface ProcessOutcome {
  output: string;
  /** Why the process ended abnormally (timeout, signal, runaway output), if it did. */
  trouble: string | null;
  timedOut: boolean;
}

/** Process groups of running tests, so that an interrupted runner can stop them all. */
const liveProcessGroups = new Set<number>();

function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * With both stdout and stderr captured run-tests.php appends "2>&1": the output is the two
 * interleaved as written. Only one pipe can give that order, so a shell joins them.
 */
function commandFor(request: ProcessRequest): { argv: string[]; stdio: ['pipe' | 'ignore', 'pipe' | 'ignore', 'pipe' | 'ignore'] } {
  const stdin = request.capture.stdin ? 'pipe' : 'ignore';
  const { stdout, stderr } = request.capture;
  if (stdout && stderr && process.platform !== 'win32') {
    return { argv: ['/bin/sh', '-c', 'exec "$@" 2>&1', 'sh', ...request.argv], stdio: [stdin, 'pipe', 'ignore'] };
  }
  return { argv: request.argv, stdio: [stdin, stdout ? 'pipe' : 'ignore', stderr ? 'pipe' : 'ignore'] };
}

/** The signal a process died of, as run-tests.php tells it (a shell reports it as exit code 128+N). */
function terminationSignal(exitCode: number | null, signal: NodeJS.Signals | null): number | null {
  if (signal) return os.constants.signals[signal] ?? null;
  if (exitCode !== null && exitCode > 128 && exitCode < 160) return exitCode - 128;
  return null;
}

/** After killing a process group, how long to wait for its pipes to close before giving up on them. */
const CLOSE_GRACE_MS = 2000;

/** Runs one PHP process, like run-tests.php's system_with_timeout(). */
function runProcess(request: ProcessRequest): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const { argv, stdio } = commandFor(request);
    const chunks: Buffer[] = [];
    let size = 0;
    let note = '';
    let trouble: string | null = null;
    let timedOut = false;
    let settled = false;
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: request.cwd,
      env: request.env,
      stdio,
      detached: process.platform !== 'win32', // its own process group: a timeout kills what it started too
    });
    const pid = child.pid;
    if (pid !== undefined) liveProcessGroups.add(pid);

    const settle = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (pid !== undefined) liveProcessGroups.delete(pid);
      // run-tests.php appends "Termsig=N" when the process died of a signal, so that a crash never passes.
      const died = trouble === null ? terminationSignal(exitCode, signal) : null;
      if (died !== null) {
        note += `\nTermsig=${died}\n`;
        trouble = `killed by signal ${died}`;
      }
      resolve({ output: Buffer.concat(chunks).toString('latin1') + note, trouble, timedOut });
    };
    const stop = (why: string, message: string) => {
      if (trouble !== null) return;
      trouble = why;
      note = message;
      if (pid !== undefined) killProcessGroup(pid);
      // Something outside the group could still hold the pipes open.
      setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        settle(null, null);
      }, CLOSE_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop(`timed out after ${request.timeoutMs / 1000}s`, '\n ** ERROR: process timed out **\n');
    }, request.timeoutMs);

    const collect = (data: Buffer) => {
      size += data.length;
      if (size > MAX_OUTPUT_BYTES) return stop('output too large', `\n ** ERROR: output exceeds ${MAX_OUTPUT_BYTES} bytes **\n`);
      chunks.push(data);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (error) => {
      trouble = `cannot run ${argv[0]}: ${error.message}`;
      note = `\n ** ERROR: ${trouble} **\n`;
      settle(null, null);
    });
    child.on('close', (exitCode, signal) => settle(exitCode, signal));
    if (child.stdin) {
      child.stdin.on('error', () => {}); // the test may exit without reading its input
      child.stdin.end(request.stdin ?? '', 'latin1');
    }
  });
}

// ---------------------------------------------------------------------------
// The tested PHP binary

interface PhpBinaryInfo {
  extensionDir: string;
  loadedExtensions: string[];
}

interface RunContext {
  phpArgv: string[];
  cwd: string;
  timeoutMs: number;
  iniOverwrites: string[];
  failureArtifacts: boolean;
  baseEnv: NodeJS.ProcessEnv;
  sandbox: RegexSandbox;
  phpInfo: Promise<PhpBinaryInfo> | null;
  skipCache: Map<string, Promise<string>>;
}

/** run-tests.php's remap_loaded_extensions_names(). */
function remapExtensionNames(names: string[]): string[] {
  return names
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'Core')
    .map((name) => (name === 'Zend OPcache' ? 'opcache' : name.toLowerCase()));
}

/** Asks the tested binary once for its extension_dir and loaded extensions. */
function probePhpBinary(context: RunContext): Promise<PhpBinaryInfo> {
  if (context.phpInfo) return context.phpInfo;
  const code = "echo ini_get('extension_dir'), \"\\n\", implode(',', get_loaded_extensions());";
  context.phpInfo = runProcess({
    argv: [...context.phpArgv, '-n', ...iniArgs(settingsToMap(context.iniOverwrites)), '-d', 'display_errors=0', '-r', code],
    cwd: context.cwd,
    env: context.baseEnv,
    stdin: null,
    timeoutMs: context.timeoutMs,
    capture: { stdin: true, stdout: true, stderr: false },
  }).then(({ output }) => {
    const [extensionDir = '', extensions = ''] = output.split('\n');
    return { extensionDir: extensionDir.trim(), loadedExtensions: remapExtensionNames(extensions.split(',')) };
  });
  return context.phpInfo;
}

// ---------------------------------------------------------------------------
// INI settings

/** Ordered INI settings; `extension`/`zend_extension` collect every value (run-tests.php's settings2array). */
type IniMap = Map<string, string | string[]>;

function addSettings(map: IniMap, lines: string[]): IniMap {
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    const name = phpTrim(line.slice(0, eq));
    const value = phpTrim(line.slice(eq + 1));
    if (name === 'extension' || name === 'zend_extension') {
      const values = map.get(name);
      map.set(name, [...(Array.isArray(values) ? values : []), value]);
    } else {
      map.set(name, value);
    }
  }
  return map;
}

function settingsToMap(lines: string[]): IniMap {
  return addSettings(new Map(), lines);
}

function iniArgs(map: IniMap): string[] {
  const args: string[] = [];
  for (const [name, value] of map) {
    for (const single of Array.isArray(value) ? value : [value]) args.push('-d', `${name}=${single}`);
  }
  return args;
}

/** The settings as run-tests.php writes them into TEST_PHP_EXTRA_ARGS (for tests that start php themselves). */
function iniArgsForShell(map: IniMap): string {
  return iniArgs(map)
    .filter((_, k) => k % 2 === 1)
    .map((setting) => ` -d "${setting.replace(/([\\"'\0])/g, '\\$1')}"`)
    .join('');
}

/** Expands {PWD}, {TMP}, {MAIL:file} and {ENV:name} in an --INI-- section. */
function expandIniSection(text: string, testDir: string): { lines: string[]; skip?: string } {
  let skip: string | undefined;
  const expanded = text
    .replaceAll('{PWD}', testDir)
    .replaceAll('{TMP}', os.tmpdir())
    .replace(/\{MAIL:(\S+)\}/g, 'tee $1 >/dev/null')
    .replace(/\{ENV:(\S+)\}/g, (_, name: string) => {
      const value = process.env[name];
      if (value === undefined) skip = `Environment variable ${name} is not set`;
      return value ?? '';
    });
  return { lines: expanded.split(/[\n\r]+/), skip };
}

/**
 * The -d settings of a test: loads of required extensions, run-tests.php's overwrites,
 * then the test's --INI--. Returns a skip reason when a requirement cannot be met.
 */
async function buildIniSettings(test: PhptTest, context: RunContext): Promise<{ base: IniMap; full: IniMap } | { skip: string }> {
  const base: IniMap = new Map();
  const required = has(test.sections, 'EXTENSIONS') ? phpTrim(test.sections.EXTENSIONS!).split(/[\n\r]+/).filter(Boolean) : [];
  if (required.length > 0) {
    const info = await probePhpBinary(context);
    const missing: string[] = [];
    for (const extension of required) {
      if (info.loadedExtensions.includes(extension)) continue;
      const file = path.join(info.extensionDir, `${extension}.so`);
      const kind = extension === 'opcache' || extension === 'xdebug' ? 'zend_extension' : 'extension';
      addSettings(base, [`${kind}=${file}`]);
      if (info.extensionDir === '' || !isReadable(file)) missing.push(extension);
    }
    if (missing.length > 0) {
      return { skip: `Required extension${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}` };
    }
  }
  addSettings(base, context.iniOverwrites);
  const full: IniMap = new Map(base);
  if (has(test.sections, 'INI')) {
    const ini = expandIniSection(test.sections.INI!, path.dirname(test.path));
    if (ini.skip) return { skip: ini.skip };
    addSettings(full, ini.lines);
  }
  return { base, full };
}

function isReadable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Environment

/** The --ENV-- section ({PWD} expanded) as variables. */
function envSectionVariables(test: PhptTest): Record<string, string> {
  const variables: Record<string, string> = {};
  if (phpEmpty(test.sections.ENV)) return variables;
  for (const line of test.sections.ENV!.replaceAll('{PWD}', path.dirname(test.path)).split('\n')) {
    const trimmed = phpTrim(line);
    const eq = trimmed.indexOf('=');
    if (eq > 0) variables[trimmed.slice(0, eq)] = trimmed.slice(eq + 1);
  }
  return variables;
}

/** CGI variables run-tests.php clears before each test (and unsets for SKIPIF and CLEAN). */
const CGI_ENV_RESET = ['REDIRECT_STATUS', 'QUERY_STRING', 'PATH_TRANSLATED', 'SCRIPT_FILENAME', 'REQUEST_METHOD', 'CONTENT_TYPE', 'CONTENT_LENGTH', 'TZ'];
const UNSET_FOR_HELPERS = ['REQUEST_METHOD', 'QUERY_STRING', 'PATH_TRANSLATED', 'SCRIPT_FILENAME'];

function testEnvironment(test: PhptTest, context: RunContext, extraArgs: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...context.baseEnv };
  for (const name of CGI_ENV_RESET) env[name] = '';
  Object.assign(env, envSectionVariables(test));
  env.TEST_PHP_EXTRA_ARGS = extraArgs;
  return env;
}

function helperEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const helperEnv = { ...env };
  for (const name of UNSET_FOR_HELPERS) delete helperEnv[name];
  return helperEnv;
}

function mainRunEnvironment(env: NodeJS.ProcessEnv, testFile: string): NodeJS.ProcessEnv {
  return {
    ...env,
    REDIRECT_STATUS: '1',
    QUERY_STRING: env.QUERY_STRING || '',
    PATH_TRANSLATED: env.PATH_TRANSLATED || testFile,
    SCRIPT_FILENAME: env.SCRIPT_FILENAME || testFile,
    HTTP_COOKIE: '',
    REQUEST_METHOD: 'GET',
    CONTENT_TYPE: '',
    CONTENT_LENGTH: '',
  };
}

function baseEnvironment(phpArgv: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.TEMP ||= os.tmpdir();
  env.NO_INTERACTION = '1';
  env.TEST_PHP_EXECUTABLE = phpArgv[0]!;
  env.TEST_PHP_EXECUTABLE_ESCAPED = escapeShellArg(phpArgv[0]!);
  return env;
}

// ---------------------------------------------------------------------------
// Running one test

interface ScratchFiles {
  code: string;
  skipif: string;
  clean: string;
  out: string;
  exp: string;
  diff: string;
}

/** run-tests.php's file names: foo.phpt → foo.php, foo.skip.php, foo.clean.php, foo.out ... */
function scratchFiles(testPath: string): ScratchFiles {
  const stem = testPath.replace(/phpt$/, '');
  return {
    code: stem + 'php',
    skipif: stem + 'skip.php',
    clean: stem + 'clean.php',
    out: stem + 'out',
    exp: stem + 'exp',
    diff: stem + 'diff',
  };
}

function removeFiles(...files: string[]): void {
  for (const file of files) fs.rmSync(file, { force: true });
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

function stdioCapture(test: PhptTest): StdioCapture {
  if (!has(test.sections, 'CAPTURE_STDIO')) return { stdin: true, stdout: true, stderr: true };
  const wanted = test.sections.CAPTURE_STDIO!.toUpperCase();
  return { stdin: wanted.includes('STDIN'), stdout: wanted.includes('STDOUT'), stderr: wanted.includes('STDERR') };
}

/** Why a test cannot run on a CLI-only PHP at all (CGI and phpdbg SAPIs, redirects). */
function unsupportedReason(test: PhptTest): string | null {
  const s = test.sections;
  if (has(s, 'REDIRECTTEST')) return 'REDIRECTTEST is not supported';
  if (has(s, 'CGI') || CGI_SECTIONS.some((name) => !phpEmpty(s[name]))) return 'CGI not available';
  if (has(s, 'PHPDBG')) return 'phpdbg not available';
  return null;
}

/**
 * --ARGS-- is pasted into run-tests.php's shell command after " -- ". Only the section's
 * first line reaches php: the section's newline ends that command — and with it the
 * " 2>&1" that follows, which is why a test with ARGS sees only its stdout.
 */
function testArguments(test: PhptTest): string[] | null {
  if (!has(test.sections, 'ARGS')) return null;
  const firstLine = test.sections.ARGS!.split('\n')[0]!;
  return splitShellWords(firstLine);
}

/** run-tests.php's SKIPIF verdicts (the output is trimmed). */
type SkipifVerdict =
  | { kind: 'run'; info?: string; warn?: string }
  | { kind: 'skip'; reason: string }
  | { kind: 'xfail'; reason: string }
  | { kind: 'bork'; reason: string };

export function interpretSkipifOutput(output: string): SkipifVerdict {
  const lower = output.toLowerCase();
  if (lower.startsWith('skip')) {
    const reason = /^skip\s*(.+)/i.exec(output);
    return { kind: 'skip', reason: reason ? reason[1]! : '' };
  }
  if (lower.startsWith('info')) {
    const info = /^info\s*(.+)/i.exec(output);
    if (info) return { kind: 'run', info: info[1]! };
  }
  if (lower.startsWith('warn')) {
    const warn = /^warn\s+(.+)/i.exec(output);
    if (warn) return { kind: 'run', warn: warn[1]! };
  }
  if (lower.startsWith('xfail')) return { kind: 'xfail', reason: output.slice(5).replace(/^\s+/, '') };
  if (lower.startsWith('xleak')) return { kind: 'run' }; // leaks are not checked here
  if (output !== '') return { kind: 'bork', reason: `invalid output from SKIPIF: ${output.slice(0, 200)}` };
  return { kind: 'run' };
}

/** Runs SKIPIF; identical checks in the same folder with the same settings run once (run-tests.php's SkipCache). */
function runSkipif(test: PhptTest, context: RunContext, base: IniMap, env: NodeJS.ProcessEnv, files: ScratchFiles): Promise<string> {
  const code = test.sections.SKIPIF!;
  const argv = [...context.phpArgv, '-n', ...iniArgs(base), '-d', 'display_errors=1', '-d', 'display_startup_errors=0', files.skipif];
  const key = `${path.dirname(test.path)}\0${argv.slice(0, -1).join('\0')}\0${code}`;
  const cached = context.skipCache.get(key);
  if (cached) return cached;
  const pending = (async () => {
    fs.writeFileSync(files.skipif, code, 'latin1');
    try {
      const { output } = await runProcess({ argv, cwd: context.cwd, env: helperEnvironment(env), stdin: null, timeoutMs: context.timeoutMs, capture: { stdin: true, stdout: true, stderr: false } });
      return phpTrim(output);
    } finally {
      removeFiles(files.skipif);
    }
  })();
  context.skipCache.set(key, pending);
  // "nocache" output asks not to reuse the verdict; it then means "run the test".
  return pending.then((output) => {
    if (output.startsWith('nocache')) {
      context.skipCache.delete(key);
      return '';
    }
    return output;
  });
}

async function runClean(test: PhptTest, context: RunContext, base: IniMap, env: NodeJS.ProcessEnv, files: ScratchFiles): Promise<string> {
  fs.writeFileSync(files.clean, phpTrim(test.sections.CLEAN!), 'latin1');
  try {
    const { output } = await runProcess({
      argv: [...context.phpArgv, '-n', ...iniArgs(base), files.clean],
      cwd: context.cwd,
      env: helperEnvironment(env),
      stdin: null,
      timeoutMs: context.timeoutMs,
      capture: { stdin: true, stdout: true, stderr: false },
    });
    return output;
  } finally {
    removeFiles(files.clean);
  }
}

function expectation(test: PhptTest): { kind: ExpectationKind; text: string } {
  for (const kind of ['EXPECTF', 'EXPECTREGEX', 'EXPECT'] as const) {
    if (has(test.sections, kind)) return { kind, text: test.sections[kind]! };
  }
  throw new PhptBorkError('missing section --EXPECT--, --EXPECTF-- or --EXPECTREGEX--');
}

async function outputMatches(test: PhptTest, output: string, context: RunContext): Promise<{ matched: boolean; wanted: string; problem?: string }> {
  const { kind, text } = expectation(test);
  const wanted = normalizeOutput(text);
  if (kind === 'EXPECT') return { matched: output === wanted, wanted };
  return { ...(await context.sandbox.matches(expectationRegex(kind, text), output)), wanted };
}

const FLAKY_FUNCTIONS = /\b(disk_free_space|hrtime|microtime|sleep|usleep)\(/i;
const FLAKY_OUTPUT = /\b(404: page not found|address already in use|connection refused|deadlock|mailbox already exists|timed out)\b/i;

/**
 * run-tests.php retries a failed test once when it looks timing-dependent. Unlike
 * run-tests.php, a test the runner stopped (timeout, runaway output) is not retried:
 * an engine under development hangs for real far more often than it is merely slow,
 * and each retry would cost another full time limit.
 */
function mayRetry(test: PhptTest, attempt: Attempt): boolean {
  if (attempt.timedOut || attempt.trouble === 'output too large') return false;
  return has(test.sections, 'FLAKY') || FLAKY_FUNCTIONS.test(test.sections.FILE ?? '') || FLAKY_OUTPUT.test(attempt.output);
}

interface Attempt {
  output: string;
  timedOut: boolean;
  trouble: string | null;
  matched: boolean;
  wanted: string;
  problem?: string;
  cleanOutput: string;
}

async function attemptTest(test: PhptTest, context: RunContext, settings: { base: IniMap; full: IniMap }, env: NodeJS.ProcessEnv, files: ScratchFiles): Promise<Attempt> {
  fs.writeFileSync(files.code, test.sections.FILE!, 'latin1');
  const args = testArguments(test);
  const capture = stdioCapture(test);
  if (args !== null) capture.stderr = false;
  const run = await runProcess({
    argv: [...context.phpArgv, '-n', ...iniArgs(settings.full), '-f', files.code, ...(args === null ? [] : ['--', ...args])],
    cwd: context.cwd,
    env: mainRunEnvironment(env, files.code),
    stdin: has(test.sections, 'STDIN') ? test.sections.STDIN! : null,
    timeoutMs: context.timeoutMs,
    capture,
  });
  const cleanOutput = phpEmpty(test.sections.CLEAN) ? '' : await runClean(test, context, settings.base, mainRunEnvironment(env, files.code), files);
  const output = normalizeOutput(run.output);
  const verdict = await outputMatches(test, output, context);
  return { output, timedOut: run.timedOut, trouble: run.trouble, cleanOutput, ...verdict };
}

interface TestVerdict {
  outcome: PhptOutcome;
  reason?: string;
}

/** Folds run-tests.php's verdict rules: CLEAN output borks a pass, XFAIL inverts, retries warn. */
function judge(test: PhptTest, attempt: Attempt, retried: boolean): TestVerdict {
  const xfail = test.sections.XFAIL;
  if (attempt.matched) {
    if (!phpEmpty(attempt.cleanOutput)) return { outcome: 'BORK', reason: `invalid output from CLEAN: ${attempt.cleanOutput.slice(0, 200)}` };
    if (xfail !== undefined) return { outcome: 'WARN', reason: 'XFAIL section but test passes' };
    if (retried) return { outcome: 'WARN', reason: 'Test passed on retry attempt' };
    return { outcome: 'PASS' };
  }
  if (xfail !== undefined) return { outcome: 'XFAIL', reason: `XFAIL: ${xfail.trimEnd()}` };
  return { outcome: 'FAIL', reason: attempt.trouble ?? attempt.problem ?? 'output differs' };
}

function statusOf(outcome: PhptOutcome): PhptStatus {
  if (outcome === 'PASS' || outcome === 'WARN') return 'pass';
  if (outcome === 'SKIP' || outcome === 'XFAIL') return 'skip';
  return 'fail';
}

/** Results (and so --json files) keep at most this much of a runaway output; the .out file has it all. */
const MAX_RESULT_TEXT = 1024 * 1024;

function clip(text: string): string {
  if (text.length <= MAX_RESULT_TEXT) return text;
  return text.slice(0, MAX_RESULT_TEXT) + `\n... (${text.length - MAX_RESULT_TEXT} more bytes)`;
}

async function writeFailureArtifacts(files: ScratchFiles, attempt: Attempt, diff: string): Promise<void> {
  await Promise.all([
    fs.promises.writeFile(files.out, attempt.output, 'latin1'),
    fs.promises.writeFile(files.exp, attempt.wanted, 'latin1'),
    fs.promises.writeFile(files.diff, diff, 'latin1'),
  ]);
}

async function runLoadedTest(test: PhptTest, context: RunContext): Promise<Omit<PhptResult, 'file' | 'name' | 'durationMs'>> {
  const unsupported = unsupportedReason(test);
  if (unsupported) return { status: 'skip', outcome: 'SKIP', reason: unsupported };

  const files = scratchFiles(test.path);
  removeFiles(files.code, files.skipif, files.clean, files.out, files.exp, files.diff);

  const settings = await buildIniSettings(test, context);
  if ('skip' in settings) return { status: 'skip', outcome: 'SKIP', reason: settings.skip };
  const extraArgs = [...context.phpArgv.slice(1), '-n'].map(shellWord).join(' ') + iniArgsForShell(settings.full);
  const env = testEnvironment(test, context, extraArgs);

  if (!phpEmpty(test.sections.SKIPIF)) {
    const verdict = interpretSkipifOutput(await runSkipif(test, context, settings.base, env, files));
    if (verdict.kind === 'skip') return { status: 'skip', outcome: 'SKIP', reason: verdict.reason };
    if (verdict.kind === 'bork') return { status: 'fail', outcome: 'BORK', reason: verdict.reason };
    // "info ..." and "warn ..." only annotate run-tests.php's report; the test runs as usual.
    if (verdict.kind === 'xfail') test = { ...test, sections: { ...test.sections, XFAIL: verdict.reason } };
  }

  let attempt = await attemptTest(test, context, settings, env, files);
  let retried = false;
  if (!attempt.matched && mayRetry(test, attempt)) {
    retried = true;
    attempt = await attemptTest(test, context, settings, env, files);
  }
  const verdict = judge(test, attempt, retried);
  const status = statusOf(verdict.outcome);
  if (attempt.matched) {
    removeFiles(files.code);
    return { status, outcome: verdict.outcome, ...(verdict.reason ? { reason: verdict.reason } : {}) };
  }
  const kind = expectation(test).kind;
  const diff = await context.sandbox.diff(attempt.wanted, attempt.output, kind !== 'EXPECT');
  if (context.failureArtifacts) await writeFailureArtifacts(files, attempt, diff);
  else removeFiles(files.code);
  return { status, outcome: verdict.outcome, reason: verdict.reason, output: clip(attempt.output), expected: attempt.wanted, diff: clip(diff) };
}

async function runOneTest(testPath: string, context: RunContext): Promise<PhptResult> {
  const started = Date.now();
  const absolute = path.resolve(context.cwd, testPath);
  const file = displayPath(absolute, context.cwd);
  let name = '';
  let result: Omit<PhptResult, 'file' | 'name' | 'durationMs'>;
  try {
    const test = loadPhpt(absolute);
    name = phpTrim(test.sections.TEST ?? '');
    result = await runLoadedTest(test, context);
  } catch (error) {
    if (error instanceof PhptBorkError) result = { status: 'fail', outcome: 'BORK', reason: error.message };
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(absolute)) result = { status: 'fail', outcome: 'FAIL', reason: 'test file not found' };
    else result = { status: 'fail', outcome: 'FAIL', reason: `runner error: ${(error as Error).message}` };
  }
  return { file, name, ...result, durationMs: Date.now() - started };
}

// ---------------------------------------------------------------------------
// Scheduling: parallel, honouring --CONFLICTS-- (and folder CONFLICTS files)

/** run-tests.php's parse_conflicts(): one key per line, '#' comments. */
function parseConflicts(text: string): string[] {
  return phpTrim(text.replace(/#.*/g, '')).split('\n').map((key) => phpTrim(key)).filter(Boolean);
}

function conflictKeys(testPath: string, folderCache: Map<string, string[]>): string[] {
  let text = '';
  try {
    text = fs.readFileSync(testPath, 'latin1');
  } catch {
    return [];
  }
  const own = /^--CONFLICTS--(.+?)^--/ms.exec(text);
  if (own) return parseConflicts(own[1]!);
  const dir = path.dirname(testPath);
  if (!folderCache.has(dir)) {
    const file = path.join(dir, 'CONFLICTS');
    folderCache.set(dir, fs.existsSync(file) ? parseConflicts(fs.readFileSync(file, 'latin1')) : []);
  }
  return folderCache.get(dir)!;
}

/**
 * Runs tests `jobs` at a time, in order, except that two tests sharing a conflict key never
 * overlap, and tests conflicting with "all" run alone at the end.
 */
async function schedule(files: string[], jobs: number, run: (index: number) => Promise<void>, cwd: string): Promise<void> {
  const folderCache = new Map<string, string[]>();
  const keys = files.map((file) => conflictKeys(path.resolve(cwd, file), folderCache));
  const pending = files.map((_, index) => index).filter((index) => !keys[index]!.includes('all'));
  const alone = files.map((_, index) => index).filter((index) => keys[index]!.includes('all'));
  const activeKeys = new Set<string>();
  let running = 0;

  await new Promise<void>((resolveAll) => {
    const pump = () => {
      while (running < jobs && pending.length > 0) {
        const position = pending.findIndex((index) => keys[index]!.every((key) => !activeKeys.has(key)));
        if (position === -1) break;
        const [index] = pending.splice(position, 1) as [number];
        start(index);
      }
      if (running === 0 && pending.length === 0) {
        if (alone.length > 0) start(alone.shift()!);
        else resolveAll();
      }
    };
    const start = (index: number) => {
      running++;
      for (const key of keys[index]!) activeKeys.add(key);
      void run(index).finally(() => {
        running--;
        for (const key of keys[index]!) activeKeys.delete(key);
        pump();
      });
    };
    pump();
  });
}

function defaultPhpCommand(): string[] {
  return [path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'phpts')];
}

/** Where the shell would find a command named without a slash, or null. */
function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * The command with its first word made an absolute path: tests read it back from
 * TEST_PHP_EXECUTABLE (run-tests.php insists on a real file) and start it themselves.
 */
function resolvePhpCommand(php: string | string[] | undefined, cwd: string): string[] {
  const words = php === undefined ? defaultPhpCommand() : Array.isArray(php) ? [...php] : splitShellWords(php);
  if (words.length === 0) throw new Error('empty PHP command');
  const first = words[0]!;
  words[0] = first.includes('/') ? path.resolve(cwd, first) : findOnPath(first) ?? first;
  return words;
}

/** Runs .phpt files (paths relative to options.cwd) and returns their results in the same order. */
export async function runPhptFiles(files: string[], options: PhptOptions = {}): Promise<PhptResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const phpArgv = resolvePhpCommand(options.php, cwd);
  const jobs = Math.max(1, Math.floor(options.jobs ?? os.availableParallelism()));
  const context: RunContext = {
    phpArgv,
    cwd,
    timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    iniOverwrites: [...RUN_TESTS_INI_OVERWRITES, ...(options.iniOverrides ?? [])],
    failureArtifacts: options.failureArtifacts ?? true,
    baseEnv: baseEnvironment(phpArgv),
    sandbox: new RegexSandbox(Math.min(jobs, 4)),
    phpInfo: null,
    skipCache: new Map(),
  };
  await addExtensionOverwrites(context, files);
  const results: PhptResult[] = new Array(files.length);
  try {
    await schedule(files, jobs, async (index) => {
      results[index] = await runOneTest(files[index]!, context);
      options.onResult?.(results[index]!, index);
    }, cwd);
  } finally {
    context.sandbox.close();
  }
  return results;
}

/** run-tests.php adds e.g. session.auto_start=0 when the binary has session loaded. */
async function addExtensionOverwrites(context: RunContext, files: string[]): Promise<void> {
  if (files.length === 0) return;
  const info = await probePhpBinary(context);
  for (const [extension, settings] of Object.entries(EXTENSION_INI_OVERWRITES)) {
    if (info.loadedExtensions.includes(extension)) context.iniOverwrites.push(...settings);
  }
}

// ---------------------------------------------------------------------------
// Collecting test files

/** Expands files and folders (recursively, sorted) into .phpt paths; missing paths are kept so they report as failures. */
export function collectPhptFiles(inputs: string[], cwd: string = process.cwd()): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(file);
    }
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.resolve(cwd, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.phpt') && !entry.name.startsWith('.')) add(child);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(path.resolve(cwd, input));
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) walk(input);
    else add(input);
  }
  return found;
}

/** A --list file: one test path per line; blank lines and '#' comments ignored. */
export function readTestList(listFile: string): string[] {
  return fs.readFileSync(listFile, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

// ---------------------------------------------------------------------------
// CLI

const USAGE = `usage: phpts-phpt [options] [test.phpt | folder]...
  --php "<command>"   PHP command line to test (default: this project's bin/phpts)
  --list FILE         also run the tests listed in FILE (one path per line, relative to the current folder)
  -j N, --jobs N      parallel tests (default: number of CPUs)
  --timeout S         time limit per PHP process in seconds (default: ${DEFAULT_TIMEOUT_SECONDS})
  -d key=value        an extra INI setting for every test
  --json FILE         write every result (with actual output of failures) as JSON
  --no-artifacts      do not leave .out/.exp/.diff/.php files beside failing tests
  --quiet             print only the summary line
Prints FAIL/SKIP lines, then "N passed, N failed, N skipped". Exit code 1 if a test failed.`;

interface CliOptions {
  inputs: string[];
  php?: string;
  jobs?: number;
  timeoutSeconds?: number;
  iniOverrides: string[];
  json?: string;
  quiet: boolean;
  failureArtifacts: boolean;
}

function parseCliArguments(argv: string[]): CliOptions {
  const options: CliOptions = { inputs: [], iniOverrides: [], quiet: false, failureArtifacts: true };
  const value = (i: number, flag: string): string => {
    const next = argv[i + 1];
    if (next === undefined) throw new Error(`${flag} needs a value`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--php') options.php = value(i++, arg);
    else if (arg === '--list') options.inputs.push(...readTestList(value(i++, arg)));
    else if (arg === '-j' || arg === '--jobs') options.jobs = positiveNumber(value(i++, arg), arg);
    else if (/^-j\d+$/.test(arg)) options.jobs = positiveNumber(arg.slice(2), '-j');
    else if (arg === '--timeout') options.timeoutSeconds = positiveNumber(value(i++, arg), arg);
    else if (arg === '-d') options.iniOverrides.push(value(i++, arg));
    else if (arg === '--json') options.json = value(i++, arg);
    else if (arg === '--quiet' || arg === '-q') options.quiet = true;
    else if (arg === '--no-artifacts') options.failureArtifacts = false;
    else if (arg === '-h' || arg === '--help') throw new Error(USAGE);
    else if (arg.startsWith('-') && arg !== '-') throw new Error(`unknown option ${arg}\n${USAGE}`);
    else options.inputs.push(arg);
  }
  return options;
}

function positiveNumber(text: string, flag: string): number {
  const number = Number(text);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${flag}: not a positive number: ${text}`);
  return number;
}

function resultLine(result: PhptResult): string | null {
  const reason = result.reason ?? '';
  switch (result.outcome) {
    case 'PASS':
      return null;
    case 'WARN':
      return `WARN ${result.file} (${reason})`;
    case 'SKIP':
      return `SKIP ${result.file} (${reason})`;
    case 'XFAIL':
      return `SKIP ${result.file} (${reason})`;
    case 'BORK':
      return `FAIL ${result.file} [BORK: ${reason}]`;
    case 'FAIL':
      return `FAIL ${result.file} [${reason}]`;
  }
}

/** Prints result lines in test order as soon as every earlier test has finished. */
function orderedPrinter(total: number, quiet: boolean): (result: PhptResult, index: number) => void {
  const done: (PhptResult | undefined)[] = new Array(total);
  let next = 0;
  return (result, index) => {
    done[index] = result;
    while (next < total && done[next]) {
      const line = quiet ? null : resultLine(done[next]!);
      if (line) process.stdout.write(line + '\n');
      next++;
    }
  };
}

export function summaryLine(results: PhptResult[]): string {
  const count = (status: PhptStatus) => results.filter((result) => result.status === status).length;
  return `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`;
}

function stopChildrenOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const pid of liveProcessGroups) killProcessGroup(pid);
      process.exit(130);
    });
  }
}

/** The CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArguments(argv);
  } catch (error) {
    process.stderr.write((error as Error).message + '\n');
    return 2;
  }
  stopChildrenOnInterrupt();
  const files = collectPhptFiles(options.inputs);
  const results = await runPhptFiles(files, {
    php: options.php,
    jobs: options.jobs,
    timeoutSeconds: options.timeoutSeconds,
    iniOverrides: options.iniOverrides,
    failureArtifacts: options.failureArtifacts,
    onResult: orderedPrinter(files.length, options.quiet),
  });
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(results, null, 1) + '\n');
  process.stdout.write(summaryLine(results) + '\n');
  return results.some((result) => result.status === 'fail') ? 1 : 0;
}
