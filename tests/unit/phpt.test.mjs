// Unit tests of the .phpt runner's parser and expectation matching (src/testing/phpt.ts).
// The expected values follow php-src's run-tests.php (PHP-8.2).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  readPhptSections,
  validatePhptSections,
  parsePhpt,
  PhptBorkError,
  expectfToRegex,
  expectationRegex,
  matchesExpectation,
  pcreToJs,
  phpTrim,
  normalizeOutput,
  interpretSkipifOutput,
  splitShellWords,
  generateDiff,
  summaryLine,
  RUN_TESTS_INI_OVERWRITES,
} from '../../dist/testing/phpt.js';

describe('readPhptSections', () => {
  test('splits a test into sections, keeping line endings', () => {
    const sections = readPhptSections('--TEST--\nA title\n--FILE--\n<?php echo 1;\n--EXPECT--\n1\n');
    assert.deepEqual(sections, { TEST: 'A title\n', FILE: '<?php echo 1;\n', EXPECT: '1\n' });
  });

  test('keeps \\r\\n line endings as they are', () => {
    const sections = readPhptSections('--TEST--\r\nT\r\n--FILE--\r\n<?php\r\n--EXPECT--\r\nx\r\n');
    assert.equal(sections.TEST, 'T\r\n');
    assert.equal(sections.FILE, '<?php\r\n');
    assert.equal(sections.EXPECT, 'x\r\n');
  });

  test('a header only needs to start the line', () => {
    const sections = readPhptSections('--TEST--\nT\n--FILE-- trailing words\ncode\n--EXPECT--\n');
    assert.equal(sections.FILE, 'code\n');
    assert.equal(sections.EXPECT, '');
  });

  test('a last line without newline is kept', () => {
    assert.equal(readPhptSections('--TEST--\nT\n--FILE--\n<?php\n--EXPECT--\nend').EXPECT, 'end');
  });

  test('lines after ===DONE=== in the FILE section are dropped', () => {
    const sections = readPhptSections('--TEST--\nT\n--FILE--\n<?php echo 1; ?>\n===DONE===\n<?php exit(1); ?>\n--EXPECT--\n1\n===DONE===\nmore\n');
    assert.equal(sections.FILE, '<?php echo 1; ?>\n===DONE===\n');
    assert.equal(sections.EXPECT, '1\n===DONE===\nmore\n'); // only FILE-like sections stop there
  });

  test('lowercase or indented dashes are content, not headers', () => {
    const sections = readPhptSections('--TEST--\nT\n--FILE--\n--file--\n --EXPECT--\n--EXPECT--\nok\n');
    assert.equal(sections.FILE, '--file--\n --EXPECT--\n');
  });

  test('borks a test that does not start with --TEST--', () => {
    assert.throws(() => readPhptSections('\n--TEST--\nT\n'), PhptBorkError);
    assert.throws(() => readPhptSections(''), PhptBorkError);
  });

  test('borks unknown and duplicated sections', () => {
    assert.throws(() => readPhptSections('--TEST--\nT\n--FLIE--\nx\n'), /Unknown section "FLIE"/);
    assert.throws(() => readPhptSections('--TEST--\nT\n--FILE--\na\n--FILE--\nb\n'), /duplicated FILE section/);
  });

  test('accepts every section run-tests.php knows', () => {
    const names = ['SKIPIF', 'INI', 'ARGS', 'STDIN', 'ENV', 'CLEAN', 'EXTENSIONS', 'CONFLICTS', 'XFAIL', 'DESCRIPTION',
      'CREDITS', 'CAPTURE_STDIO', 'POST', 'GET', 'COOKIE', 'FLAKY', 'WHITESPACE_SENSITIVE', 'XLEAK'];
    const text = '--TEST--\nT\n' + names.map((name) => `--${name}--\n${name.toLowerCase()}\n`).join('');
    const sections = readPhptSections(text);
    for (const name of names) assert.equal(sections[name], name.toLowerCase() + '\n');
  });
});

describe('validatePhptSections', () => {
  const base = { TEST: 'T\n', EXPECT: 'x\n' };

  test('FILEEOF becomes FILE without its trailing newlines', () => {
    const sections = validatePhptSections({ ...base, FILEEOF: '<?php echo 1;\r\n\n' }, '/tmp');
    assert.equal(sections.FILE, '<?php echo 1;');
    assert.equal('FILEEOF' in sections, false);
  });

  test('needs exactly one FILE-like and one EXPECT-like section', () => {
    assert.throws(() => validatePhptSections({ ...base }, '/tmp'), /missing section --FILE--/);
    assert.throws(() => validatePhptSections({ ...base, FILE: 'a', FILEEOF: 'b' }, '/tmp'), /missing section --FILE--/);
    assert.throws(() => validatePhptSections({ TEST: 'T', FILE: 'a' }, '/tmp'), /missing section --EXPECT--/);
    assert.throws(() => validatePhptSections({ TEST: 'T', FILE: 'a', EXPECT: '1', EXPECTF: '1' }, '/tmp'), /--EXPECTF--/);
  });

  test('loads *_EXTERNAL sections from the test folder only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phpt-unit-'));
    try {
      fs.writeFileSync(path.join(dir, 'code.inc'), '<?php echo "ext";');
      fs.writeFileSync(path.join(dir, 'out.txt'), 'ext%s');
      const test = parsePhpt('--TEST--\nT\n--FILE_EXTERNAL--\ncode.inc\n--EXPECTF_EXTERNAL--\n../out.txt\n', path.join(dir, 'a.phpt'));
      assert.equal(test.sections.FILE, '<?php echo "ext";');
      assert.equal(test.sections.EXPECTF, 'ext%s'); // ".." is removed from the name
      assert.equal(test.path, path.join(dir, 'a.phpt'));
      assert.throws(() => parsePhpt('--TEST--\nT\n--FILE_EXTERNAL--\nnope.inc\n--EXPECT--\n', path.join(dir, 'b.phpt')), /could not load/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('output normalisation', () => {
  test('phpTrim strips PHP trim()\'s characters, including NUL, and no others', () => {
    assert.equal(phpTrim(' \t\n\r\0\x0Bx y\x0B\0\r\n\t '), 'x y');
    assert.equal(phpTrim('\f x \xa0'), '\f x \xa0');
  });

  test('normalizeOutput trims both ends and turns \\r\\n into \\n', () => {
    assert.equal(normalizeOutput('\n\n  a\r\nb\r\n\r\n  '), 'a\nb');
    assert.equal(normalizeOutput('a\rb'), 'a\rb');
  });
});

describe('expectfToRegex (run-tests.php expectf_to_regex)', () => {
  test('translates every placeholder', () => {
    const cases = {
      '%e': '\\/',
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
    };
    for (const [placeholder, regex] of Object.entries(cases)) assert.equal(expectfToRegex(placeholder), regex, placeholder);
  });

  test('quotes everything else like preg_quote($s, "/")', () => {
    assert.equal(expectfToRegex('a.b\\c+*?[^]$(){}=!<>|:-#/'), 'a\\.b\\\\c\\+\\*\\?\\[\\^\\]\\$\\(\\)\\{\\}\\=\\!\\<\\>\\|\\:\\-\\#\\/');
    assert.equal(expectfToRegex('x\0y'), 'x\\000y');
  });

  test('leaves unknown placeholders and a lone % alone; %% is a literal % (as ../shared/tools/phpt.mjs reads it)', () => {
    assert.equal(expectfToRegex('100% %z %%'), '100% %z %');
  });

  test('keeps %r...%r as a raw regex group', () => {
    assert.equal(expectfToRegex('int(%r(1|2)%r)'), 'int\\(((1|2))\\)');
    assert.equal(expectfToRegex('%r\\0%r'), '(\\0)');
  });

  test('substitutes placeholders inside %r sections too', () => {
    assert.equal(expectfToRegex('%r(a|%d)%r.'), '((a|\\d+))\\.');
  });

  test('an unbalanced %r is literal text', () => {
    assert.equal(expectfToRegex('a%rb.'), 'a%rb\\.');
  });

  test('placeholders are found after quoting, left to right', () => {
    assert.equal(expectfToRegex('%%s'), '%s');
    assert.equal(expectfToRegex('%\\s'), '%\\\\s');
  });

  test('normalises \\r\\n first', () => {
    assert.equal(expectfToRegex('a\r\nb'), 'a\nb');
  });
});

describe('pcreToJs', () => {
  test('\\s and \\h are PCRE\'s byte classes, not Unicode ones', () => {
    assert.equal(pcreToJs('\\s').source, '[\\t\\n\\v\\f\\r ]');
    assert.equal(pcreToJs('[\\s,]').source, '[\\t\\n\\v\\f\\r ,]');
    assert.equal(pcreToJs('\\h+').source, '[\\t ]+');
    assert.equal(new RegExp(pcreToJs('^\\s$').source).test('\xa0'), false);
  });

  test('converts anchors, hex and octal escapes, \\Q..\\E', () => {
    assert.equal(pcreToJs('\\Aa\\z').source, '^a$');
    assert.equal(pcreToJs('\\x{41}\\x{e9}\\x{20AC}\\x{1F600}').source, '\\x41\\xe9\\u20ac(?!)');
    assert.equal(pcreToJs('\\0').source, '\\x00');
    assert.equal(pcreToJs('\\012').source, '\\x0a');
    assert.equal(pcreToJs('\\Q.*\\E.').source, '\\.\\*.');
  });

  test('drops possessive quantifiers and atomic groups, keeps lazy ones', () => {
    assert.equal(pcreToJs('a++b*+c?+d{2}+').source, 'a+b*c?d{2}');
    assert.equal(pcreToJs('a+?b*?').source, 'a+?b*?');
    assert.equal(pcreToJs('(?>ab)').source, '(?:ab)');
  });

  test('converts classes: a leading ], POSIX names', () => {
    assert.equal(pcreToJs('[]a]').source, '[\\]a]');
    assert.equal(pcreToJs('[^]a]').source, '[^\\]a]');
    assert.equal(pcreToJs('[[:digit:]x]').source, '[0-9x]');
  });

  test('named groups and leading inline flags', () => {
    assert.deepEqual(pcreToJs('(?i)abc'), { source: 'abc', flags: 'i' });
    assert.equal(pcreToJs('(?P<n>a)(?P=n)').source, '(?<n>a)\\k<n>');
  });
});

describe('matchesExpectation', () => {
  test('EXPECT: exact after trimming both sides and normalising newlines', () => {
    assert.equal(matchesExpectation('EXPECT', 'a\nb\n', '\na\r\nb  \n\n'), true);
    assert.equal(matchesExpectation('EXPECT', 'a\nb', 'a\nb\nc'), false);
    assert.equal(matchesExpectation('EXPECT', 'a  \nb', 'a\nb'), false); // inner whitespace counts
  });

  test('EXPECTF: %s stays on one line, %a crosses lines', () => {
    assert.equal(matchesExpectation('EXPECTF', 'Warning: %s in %s on line %d', 'Warning: oops in /x/y.php on line 12'), true);
    assert.equal(matchesExpectation('EXPECTF', 'a%sb', 'a\nb'), false);
    assert.equal(matchesExpectation('EXPECTF', 'a%ab', 'a\n\nb'), true);
    assert.equal(matchesExpectation('EXPECTF', 'a%Ab', 'ab'), true);
    assert.equal(matchesExpectation('EXPECTF', 'a%ab', 'ab'), false);
  });

  test('EXPECTF: numbers', () => {
    assert.equal(matchesExpectation('EXPECTF', 'float(%f)', 'float(-1.5E+30)'), true);
    assert.equal(matchesExpectation('EXPECTF', 'float(%f)', 'float(.5)'), true);
    assert.equal(matchesExpectation('EXPECTF', 'float(%f)', 'float(1.)'), false);
    assert.equal(matchesExpectation('EXPECTF', 'int(%i)', 'int(-3)'), true);
    assert.equal(matchesExpectation('EXPECTF', 'int(%d)', 'int(-3)'), false);
    assert.equal(matchesExpectation('EXPECTF', '#%x', '#DeadBeef'), true);
  });

  test('EXPECTF: %c, %w, %e, %0 and %r', () => {
    assert.equal(matchesExpectation('EXPECTF', 'a%cc', 'abc'), true);
    assert.equal(matchesExpectation('EXPECTF', 'a%wb', 'a \t\nb'), true);
    assert.equal(matchesExpectation('EXPECTF', '%etmp%efile', '/tmp/file'), true);
    assert.equal(matchesExpectation('EXPECTF', 'Hello%0World', 'Hello\0World'), true);
    assert.equal(matchesExpectation('EXPECTF', 'int(%r1024|1137%r)', 'int(1137)'), true);
    assert.equal(matchesExpectation('EXPECTF', '%r(.*?)%r', 'anything'), true);
  });

  test('EXPECTF: regex metacharacters in the text are literal', () => {
    assert.equal(matchesExpectation('EXPECTF', 'array(1) {\n  [0]=>\n  int(%d)\n}', 'array(1) {\n  [0]=>\n  int(5)\n}'), true);
    assert.equal(matchesExpectation('EXPECTF', 'a.c', 'abc'), false);
  });

  test('EXPECTREGEX: anchored at both ends, dot matches newlines, alternation is not grouped', () => {
    assert.equal(matchesExpectation('EXPECTREGEX', 'int\\([0-9]+\\)', 'int(42)'), true);
    assert.equal(matchesExpectation('EXPECTREGEX', 'a.c', 'a\nc'), true);
    assert.equal(matchesExpectation('EXPECTREGEX', 'b', 'abc'), false);
    // '/^a|b$/' — like preg_match, the anchors bind to the alternatives
    assert.equal(matchesExpectation('EXPECTREGEX', 'a|b', 'axxx'), true);
    assert.equal(matchesExpectation('EXPECTREGEX', '.*===DONE===', 'x\ny\n===DONE===\n'), true);
  });

  test('a malformed pattern fails the test instead of throwing', () => {
    assert.equal(matchesExpectation('EXPECTREGEX', '(unclosed', '(unclosed'), false);
  });

  test('expectationRegex gives the full anchored pattern with the s flag', () => {
    assert.deepEqual(expectationRegex('EXPECTF', 'x%d\n'), { source: '^x\\d+$', flags: 's' });
  });
});

describe('SKIPIF output', () => {
  test('skip, xfail, info, warn and borked output', () => {
    assert.deepEqual(interpretSkipifOutput('skip only on Windows'), { kind: 'skip', reason: 'only on Windows' });
    assert.deepEqual(interpretSkipifOutput('SKIP: no ext'), { kind: 'skip', reason: ': no ext' });
    assert.deepEqual(interpretSkipifOutput('skip'), { kind: 'skip', reason: '' });
    assert.deepEqual(interpretSkipifOutput('xfail  known bug'), { kind: 'xfail', reason: 'known bug' });
    assert.deepEqual(interpretSkipifOutput('info slow'), { kind: 'run', info: 'slow' });
    assert.deepEqual(interpretSkipifOutput('warn flaky'), { kind: 'run', warn: 'flaky' });
    assert.deepEqual(interpretSkipifOutput(''), { kind: 'run' });
    assert.equal(interpretSkipifOutput('Notice: oops').kind, 'bork');
  });
});

describe('helpers', () => {
  test('splitShellWords handles quotes and backslashes like sh', () => {
    assert.deepEqual(splitShellWords(`php -n  -d 'a b'  "c \\"d\\"" e\\ f ''`), ['php', '-n', '-d', 'a b', 'c "d"', 'e f', '']);
    assert.deepEqual(splitShellWords('  '), []);
  });

  test('generateDiff marks expected (-) and actual (+) lines, matching EXPECTF lines by pattern', () => {
    assert.equal(generateDiff('a\nb\nc', 'a\nx\nc', false), '002- b\n002+ x');
    assert.equal(generateDiff('n=%d\nend', 'n=5\nEND', true), '002- end\n002+ END');
  });

  test('summaryLine', () => {
    const results = [{ status: 'pass' }, { status: 'fail' }, { status: 'skip' }, { status: 'pass' }];
    assert.equal(summaryLine(results), '2 passed, 1 failed, 1 skipped');
  });

  test('forces run-tests.php\'s INI settings', () => {
    for (const setting of ['error_reporting=32767', 'display_errors=1', 'log_errors=0', 'html_errors=0', 'precision=14',
      'serialize_precision=-1', 'zend.exception_string_param_max_len=15', 'short_open_tag=0', 'output_buffering=Off']) {
      assert.ok(RUN_TESTS_INI_OVERWRITES.includes(setting), setting);
    }
  });
});

describe('runPhptFiles (with a stub PHP that echoes its script)', () => {
  // The stub stands in for php so that the runner's plumbing is tested without one:
  // it prints the script, its arguments, its stdin and two forced INI settings,
  // and writes to stderr too.
  const STUB = `
const argv = process.argv.slice(2);
const ini = {};
let file = null;
let args = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '-d') { const [k, ...v] = argv[++i].split('='); ini[k] = v.join('='); }
  else if (argv[i] === '-n') {}
  else if (argv[i] === '-r') { process.exit(0); }
  else if (argv[i] === '-f') file = argv[++i];
  else if (argv[i] === '--') { args = argv.slice(i + 1); break; }
  else file = argv[i];
}
const fs = require('node:fs');
const code = fs.readFileSync(file, 'latin1');
if (file.endsWith('.skip.php') || file.endsWith('.clean.php')) { process.stdout.write(code); process.exit(0); }
const stdin = fs.readFileSync(0, 'latin1');
process.stdout.write(code);
process.stderr.write('stderr line\\n');
process.stdout.write('args:' + args.join('|') + '\\nstdin:' + stdin + '\\nprecision:' + ini.precision + ' display_errors:' + ini.display_errors + '\\n');
`;

  test('runs, skips, fails and reports like run-tests.php', async () => {
    const { runPhptFiles } = await import('../../dist/testing/phpt.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phpt-runner-'));
    try {
      const stub = path.join(dir, 'stub-php.cjs');
      fs.writeFileSync(stub, STUB);
      const write = (name, text) => fs.writeFileSync(path.join(dir, name), text);
      write('pass.phpt', '--TEST--\nechoes\n--INI--\nprecision=5\n--ARGS--\na "b c"\n--STDIN--\nin\n--FILE--\nhello\n--EXPECTF--\nhello\nargs:a|b c\nstdin:in\n%A\nprecision:5 display_errors:1\n');
      write('merged.phpt', '--TEST--\nstderr is merged into the output\n--FILE--\nx\n--EXPECTF--\nx\n%Astderr line\n%A\n');
      write('skip.phpt', '--TEST--\nskipped\n--SKIPIF--\nskip not today\n--FILE--\nx\n--EXPECT--\nx\n');
      write('fail.phpt', '--TEST--\nfails\n--FILE--\nactual\n--EXPECT--\nwanted\n');
      write('bork.phpt', '--TEST--\nno expectation\n--FILE--\nx\n');
      const names = ['pass.phpt', 'merged.phpt', 'skip.phpt', 'fail.phpt', 'bork.phpt', 'missing.phpt'];
      const results = await runPhptFiles(names, { php: [process.execPath, stub], cwd: dir, jobs: 3, timeoutSeconds: 20 });
      const byName = Object.fromEntries(results.map((result) => [result.file, result]));
      assert.deepEqual(results.map((result) => result.file), names);
      assert.equal(byName['pass.phpt'].status, 'pass', byName['pass.phpt'].diff);
      assert.equal(byName['merged.phpt'].status, 'pass', byName['merged.phpt'].diff);
      assert.deepEqual([byName['skip.phpt'].status, byName['skip.phpt'].reason], ['skip', 'not today']);
      assert.equal(byName['fail.phpt'].status, 'fail');
      assert.match(byName['fail.phpt'].diff, /^001- wanted$/m);
      assert.match(byName['fail.phpt'].diff, /^001\+ actual$/m);
      assert.equal(byName['bork.phpt'].outcome, 'BORK');
      assert.equal(byName['missing.phpt'].status, 'fail');
      assert.equal(summaryLine(results), '2 passed, 3 failed, 1 skipped');
      // Scratch files go after a pass; a failure leaves its script and .out/.exp/.diff.
      assert.equal(fs.existsSync(path.join(dir, 'pass.php')), false);
      assert.equal(fs.existsSync(path.join(dir, 'skip.skip.php')), false);
      assert.equal(fs.readFileSync(path.join(dir, 'fail.out'), 'latin1').startsWith('actual'), true);
      assert.equal(fs.existsSync(path.join(dir, 'fail.php')), true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
