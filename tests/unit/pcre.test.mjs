// Unit tests of the PCRE → JavaScript RegExp translator (src/ext/pcre/translate.ts) and of the
// pattern compiler (delimiters, modifiers, errors; src/ext/pcre/cache.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { translate, PcreCompileError } from '../../dist/ext/pcre/translate.js';
import { compileRegex, RegexError } from '../../dist/ext/pcre/cache.js';

/** Compiles "/p/flags" and runs it on a subject: the match (all groups, PCRE numbering) or null. */
function run(regex, subject) {
  const c = compileRegex(regex);
  if (c instanceof RegexError) throw new Error(c.message);
  c.re.lastIndex = 0;
  const m = c.re.exec(subject);
  if (!m) return null;
  const out = [m[0]];
  for (let g = 1; g <= c.groupCount; g++) out.push(m[c.jsGroup[g]]);
  return out;
}
const err = (regex) => {
  const c = compileRegex(regex);
  return c instanceof RegexError ? c.message : null;
};

describe('delimiters and modifiers', () => {
  test('errors', () => {
    assert.equal(err(''), 'Empty regular expression');
    assert.equal(err('abc'), 'Delimiter must not be alphanumeric, backslash, or NUL');
    assert.equal(err('/abc'), "No ending delimiter '/' found");
    assert.equal(err('(abc'), "No ending matching delimiter ')' found");
    assert.equal(err('/a/z'), "Unknown modifier 'z'");
    assert.equal(err('/a/e'), 'The /e modifier is no longer supported, use preg_replace_callback instead');
  });
  test('bracket delimiters nest', () => {
    assert.deepEqual(run('{a{2}}', 'aa'), ['aa']);
    assert.deepEqual(run('(a(b))', 'ab'), ['ab', 'b']);
  });
  test('modifiers', () => {
    assert.deepEqual(run('/abc/i', 'ABC'), ['ABC']);
    assert.equal(run('/a.c/', 'a\nc'), null);
    assert.deepEqual(run('/a.c/s', 'a\nc'), ['a\nc']);
    assert.deepEqual(run('/^b$/m', 'a\nb\nc'), ['b']);
    assert.deepEqual(run('/a b # x\n c/x', 'abc'), ['abc']);
    assert.deepEqual(run('/a+/U', 'aaa'), ['a']);
    assert.deepEqual(run('/a+?/U', 'aaa'), ['aaa']);
  });
});

describe('translation', () => {
  test('$ matches before a final newline unless D', () => {
    assert.deepEqual(run('/a$/', 'a\n'), ['a']);
    assert.equal(run('/a$/D', 'a\n'), null);
    assert.equal(run('/a\\z/', 'a\n'), null);
    assert.deepEqual(run('/a\\Z/', 'a\n'), ['a']);
  });
  test('named groups and references', () => {
    const t = translate('(?P<a>x)(?<b>y)(?\'c\'z)', {});
    assert.deepEqual(t.names, [null, 'a', 'b', 'c']);
    assert.deepEqual(run('/(?P<x>a)(?P=x)\\k<x>\\k{x}\\g{x}/', 'aaaaa'), ['aaaaa', 'a']);
    assert.deepEqual(run('/(a)(b)\\g{-1}\\g{-2}\\g1/', 'abbaa'), ['abbaa', 'a', 'b']);
  });
  test('atomic groups and possessive quantifiers renumber groups', () => {
    assert.equal(run('/(?>a+)ab/', 'aaab'), null);
    assert.equal(run('/a++b/', 'aaab') !== null, true);
    assert.equal(run('/a++ab/', 'aaab'), null);
    assert.deepEqual(run('/(?>(a)+)(b)\\2/', 'aabb'), ['aabb', 'a', 'b']);
  });
  test('inline flags', () => {
    assert.notEqual(run('/(?i)abc(?-i)D/', 'ABCD'), null);
    assert.equal(run('/(?i)abc(?-i)D/', 'ABCd'), null);
    assert.notEqual(run('/a(?i:b)c/', 'aBc'), null);
    assert.equal(run('/a(?i:b)c/', 'aBC'), null);
    assert.notEqual(run('/a(?i)[b-c]/', 'aC'), null);
  });
  test('escapes', () => {
    assert.notEqual(run('/\\x41\\x{42}\\103\\o{104}\\e\\cA/', 'ABCD\x1b\x01'), null);
    assert.notEqual(run('/\\Qa.b\\E/', 'a.b'), null);
    assert.equal(run('/\\Qa.b\\E/', 'axb'), null);
    assert.notEqual(run('/\\h\\v\\R/', ' \n\r\n'), null);
    assert.equal(run('/\\s/', '\xa0'), null);
  });
  test('classes', () => {
    assert.deepEqual(run('/[[:alpha:]]+/', '12ab3'), ['ab']);
    assert.deepEqual(run('/[[:^digit:]]+/', '12ab3'), ['ab']);
    assert.deepEqual(run('/[]a]+/', 'x]a]'), [']a]']);
    assert.deepEqual(run('/[^]a]+/', ']]bc'), ['bc']);
    assert.deepEqual(run('/[\\d-z]+/', '1-z'), ['1-z']);
  });
  test('\\K becomes a lookbehind', () => {
    assert.deepEqual(run('/foo\\Kbar/', 'foobar'), ['bar']);
  });
  test('unicode with /u', () => {
    assert.deepEqual(run('/\\p{Lu}+/u', 'aÉÖb'), ['ÉÖ']);
    assert.deepEqual(run('/\\w+/u', 'héllo wörld'), ['héllo']);
    assert.deepEqual(run('/[\\W]+/u', 'é, x'), [', ']);
  });
  test('compile errors with offsets', () => {
    assert.equal(err('/a(b/'), 'Compilation failed: missing closing parenthesis at offset 3');
    assert.equal(err('/a)/'), 'Compilation failed: unmatched closing parenthesis at offset 1');
    assert.equal(err('/?/'), 'Compilation failed: quantifier does not follow a repeatable item at offset 0');
    assert.equal(err('/\\2(a)/'), 'Compilation failed: reference to non-existent subpattern at offset 1');
    assert.equal(err('/a{3,2}/'), 'Compilation failed: numbers out of order in {} quantifier at offset 5');
    assert.throws(() => translate('(', {}), PcreCompileError);
  });
});
