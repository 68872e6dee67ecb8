// Unit tests of the lexer. The expected tokens were produced by PHP 8.2's token_get_all() (with
// T_WHITESPACE left out where a test says so); single-char tokens are shown as their text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../dist/syntax/lexer.js';
import { TOKEN_NAMES } from '../../dist/syntax/tokens.js';

const T_WHITESPACE = 392;

function lex(src, { whitespace = false, ...options } = {}) {
  return tokenize(src, options)
    .filter((t) => whitespace || t.id !== T_WHITESPACE)
    .map((t) => (t.id < 256 ? t.text : [TOKEN_NAMES[t.id], t.text, t.line]));
}

function errorsOf(src) {
  const errors = [];
  const tokens = tokenize(src, { errors });
  return { errors, tokens };
}

describe('tokens as token_get_all() returns them', () => {
  test("inline HTML and open/close tags", () => {
    assert.deepEqual(lex("a<?php echo 1 ?>\nb<?= $x ?>c<? 2;\n<?php\r\n?>", { whitespace: true }), [
      ["T_INLINE_HTML", "a", 1], ["T_OPEN_TAG", "<?php ", 1], ["T_ECHO", "echo", 1], ["T_WHITESPACE", " ", 1],
      ["T_LNUMBER", "1", 1], ["T_WHITESPACE", " ", 1], ["T_CLOSE_TAG", "?>\n", 1], ["T_INLINE_HTML", "b", 2],
      ["T_OPEN_TAG_WITH_ECHO", "<?=", 2], ["T_WHITESPACE", " ", 2], ["T_VARIABLE", "$x", 2],
      ["T_WHITESPACE", " ", 2], ["T_CLOSE_TAG", "?>", 2], ["T_INLINE_HTML", "c", 2], ["T_OPEN_TAG", "<?", 2],
      ["T_WHITESPACE", " ", 2], ["T_LNUMBER", "2", 2], ";", ["T_WHITESPACE", "\n", 2], "<", "?",
      ["T_STRING", "php", 3], ["T_WHITESPACE", "\r\n", 3], ["T_CLOSE_TAG", "?>", 4],
    ]);
  });

  test("<?php at end of input and <?phpX", () => {
    assert.deepEqual(lex("<?php", { whitespace: true }), [
      ["T_OPEN_TAG", "<?php", 1],
    ]);
  });

  test("<?phpX is a short open tag", () => {
    assert.deepEqual(lex("x<?phpX", { whitespace: true }), [
      ["T_INLINE_HTML", "x", 1], ["T_OPEN_TAG", "<?", 1], ["T_STRING", "phpX", 1],
    ]);
  });

  test("comments stop before the newline and before ?>", () => {
    assert.deepEqual(lex("<?php // one\n# two ?>\n<?php /* three\n */ /** four */ /**five*/ #[A]\n", { whitespace: true }), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_COMMENT", "// one", 1], ["T_WHITESPACE", "\n", 1],
      ["T_COMMENT", "# two ", 2], ["T_CLOSE_TAG", "?>\n", 2], ["T_OPEN_TAG", "<?php ", 3],
      ["T_COMMENT", "/* three\n */", 3], ["T_WHITESPACE", " ", 4], ["T_DOC_COMMENT", "/** four */", 4],
      ["T_WHITESPACE", " ", 4], ["T_COMMENT", "/**five*/", 4], ["T_WHITESPACE", " ", 4],
      ["T_ATTRIBUTE", "#[", 4], ["T_STRING", "A", 4], "]", ["T_WHITESPACE", "\n", 4],
    ]);
  });

  test("keywords are case-insensitive", () => {
    assert.deepEqual(lex("<?php IF ElseIf Function FN match readonly Die exit __CLASS__ __halt_Compiler"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_IF", "IF", 1], ["T_ELSEIF", "ElseIf", 1],
      ["T_FUNCTION", "Function", 1], ["T_FN", "FN", 1], ["T_MATCH", "match", 1],
      ["T_READONLY", "readonly", 1], ["T_EXIT", "Die", 1], ["T_EXIT", "exit", 1],
      ["T_CLASS_C", "__CLASS__", 1], ["T_HALT_COMPILER", "__halt_Compiler", 1],
    ]);
  });

  test("yield from", () => {
    assert.deepEqual(lex("<?php yield from $a; yield\n  FROM $b; yield /**/ from; yield fromage;"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_YIELD_FROM", "yield from", 1], ["T_VARIABLE", "$a", 1], ";",
      ["T_YIELD_FROM", "yield\n  FROM", 1], ["T_VARIABLE", "$b", 2], ";", ["T_YIELD", "yield", 2],
      ["T_COMMENT", "/**/", 2], ["T_STRING", "from", 2], ";", ["T_YIELD", "yield", 2],
      ["T_STRING", "fromage", 2], ";",
    ]);
  });

  test("enum is a keyword only before a name", () => {
    assert.deepEqual(lex("<?php enum Foo {} enum extends; enum /**/ X; enum(1); enum\nBar"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_ENUM", "enum", 1], ["T_STRING", "Foo", 1], "{", "}",
      ["T_STRING", "enum", 1], ["T_EXTENDS", "extends", 1], ";", ["T_STRING", "enum", 1],
      ["T_COMMENT", "/**/", 1], ["T_STRING", "X", 1], ";", ["T_STRING", "enum", 1], "(",
      ["T_LNUMBER", "1", 1], ")", ";", ["T_ENUM", "enum", 1], ["T_STRING", "Bar", 2],
    ]);
  });

  test("names", () => {
    assert.deepEqual(lex("<?php Foo\\Bar \\Foo \\Foo\\Bar namespace\\Foo namespace \\ Foo\\ if\\x"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_NAME_QUALIFIED", "Foo\\Bar", 1],
      ["T_NAME_FULLY_QUALIFIED", "\\Foo", 1], ["T_NAME_FULLY_QUALIFIED", "\\Foo\\Bar", 1],
      ["T_NAME_RELATIVE", "namespace\\Foo", 1], ["T_NAMESPACE", "namespace", 1], ["T_NS_SEPARATOR", "\\", 1],
      ["T_STRING", "Foo", 1], ["T_NS_SEPARATOR", "\\", 1], ["T_NAME_QUALIFIED", "if\\x", 1],
    ]);
  });

  test("keywords are names after -> and ?->", () => {
    assert.deepEqual(lex("<?php $a->class; $a?->list; $a -> /* c */ function; A::list; $a->b->c;"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_VARIABLE", "$a", 1], ["T_OBJECT_OPERATOR", "->", 1],
      ["T_STRING", "class", 1], ";", ["T_VARIABLE", "$a", 1], ["T_NULLSAFE_OBJECT_OPERATOR", "?->", 1],
      ["T_STRING", "list", 1], ";", ["T_VARIABLE", "$a", 1], ["T_OBJECT_OPERATOR", "->", 1],
      ["T_COMMENT", "/* c */", 1], ["T_STRING", "function", 1], ";", ["T_STRING", "A", 1],
      ["T_DOUBLE_COLON", "::", 1], ["T_LIST", "list", 1], ";", ["T_VARIABLE", "$a", 1],
      ["T_OBJECT_OPERATOR", "->", 1], ["T_STRING", "b", 1], ["T_OBJECT_OPERATOR", "->", 1],
      ["T_STRING", "c", 1], ";",
    ]);
  });

  test("casts", () => {
    assert.deepEqual(lex("<?php (int)(integer)( bool\t)(boolean)(float)(double)(real)(string)(binary)(array)(object)(unset)( int x)"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_INT_CAST", "(int)", 1], ["T_INT_CAST", "(integer)", 1],
      ["T_BOOL_CAST", "( bool\t)", 1], ["T_BOOL_CAST", "(boolean)", 1], ["T_DOUBLE_CAST", "(float)", 1],
      ["T_DOUBLE_CAST", "(double)", 1], ["T_DOUBLE_CAST", "(real)", 1], ["T_STRING_CAST", "(string)", 1],
      ["T_STRING_CAST", "(binary)", 1], ["T_ARRAY_CAST", "(array)", 1], ["T_OBJECT_CAST", "(object)", 1],
      ["T_UNSET_CAST", "(unset)", 1], "(", ["T_STRING", "int", 1], ["T_STRING", "x", 1], ")",
    ]);
  });

  test("operators take the longest match", () => {
    assert.deepEqual(lex("<?php <=> **= ... ??= ?-> ?? ** <<= >>= << >> <> != !== === == => -> :: ++ -- .= %= ^= |= &= && || ! ~ @ $"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_SPACESHIP", "<=>", 1], ["T_POW_EQUAL", "**=", 1],
      ["T_ELLIPSIS", "...", 1], ["T_COALESCE_EQUAL", "??=", 1], ["T_NULLSAFE_OBJECT_OPERATOR", "?->", 1],
      ["T_COALESCE", "??", 1], ["T_POW", "**", 1], ["T_SL_EQUAL", "<<=", 1], ["T_SR_EQUAL", ">>=", 1],
      ["T_SL", "<<", 1], ["T_SR", ">>", 1], ["T_IS_NOT_EQUAL", "<>", 1], ["T_IS_NOT_EQUAL", "!=", 1],
      ["T_IS_NOT_IDENTICAL", "!==", 1], ["T_IS_IDENTICAL", "===", 1], ["T_IS_EQUAL", "==", 1],
      ["T_DOUBLE_ARROW", "=>", 1], ["T_OBJECT_OPERATOR", "->", 1], ["T_DOUBLE_COLON", "::", 1],
      ["T_INC", "++", 1], ["T_DEC", "--", 1], ["T_CONCAT_EQUAL", ".=", 1], ["T_MOD_EQUAL", "%=", 1],
      ["T_XOR_EQUAL", "^=", 1], ["T_OR_EQUAL", "|=", 1], ["T_AND_EQUAL", "&=", 1], ["T_BOOLEAN_AND", "&&", 1],
      ["T_BOOLEAN_OR", "||", 1], "!", "~", "@", "$",
    ]);
  });

  test("& before a variable or ...", () => {
    assert.deepEqual(lex("<?php &$a; & $b; &...$c; &\n$d; &/**/$e; &&$f; &=$g; &1;"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG", "&", 1], ["T_VARIABLE", "$a", 1],
      ";", ["T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG", "&", 1], ["T_VARIABLE", "$b", 1], ";",
      ["T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG", "&", 1], ["T_ELLIPSIS", "...", 1], ["T_VARIABLE", "$c", 1],
      ";", ["T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG", "&", 1], ["T_VARIABLE", "$d", 2], ";",
      ["T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG", "&", 2], ["T_COMMENT", "/**/", 2],
      ["T_VARIABLE", "$e", 2], ";", ["T_BOOLEAN_AND", "&&", 2], ["T_VARIABLE", "$f", 2], ";",
      ["T_AND_EQUAL", "&=", 2], ["T_VARIABLE", "$g", 2], ";",
      ["T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG", "&", 2], ["T_LNUMBER", "1", 2], ";",
    ]);
  });

  test("integers and floats", () => {
    assert.deepEqual(lex("<?php 1 1_000 0x1F 0X1f_ff 0b101 0o17 0O17 017 09 9223372036854775807 9223372036854775808 0x7FFFFFFFFFFFFFFF 0x8000000000000000 1.5 .5 5. 1e3 1E+3 1.e-3 1_0.0_1e1_0 1e 1_ 0x 1__2"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_LNUMBER", "1", 1], ["T_LNUMBER", "1_000", 1], ["T_LNUMBER", "0x1F", 1],
      ["T_LNUMBER", "0X1f_ff", 1], ["T_LNUMBER", "0b101", 1], ["T_LNUMBER", "0o17", 1],
      ["T_LNUMBER", "0O17", 1], ["T_LNUMBER", "017", 1], ["T_LNUMBER", "09", 1],
      ["T_LNUMBER", "9223372036854775807", 1], ["T_DNUMBER", "9223372036854775808", 1],
      ["T_LNUMBER", "0x7FFFFFFFFFFFFFFF", 1], ["T_DNUMBER", "0x8000000000000000", 1], ["T_DNUMBER", "1.5", 1],
      ["T_DNUMBER", ".5", 1], ["T_DNUMBER", "5.", 1], ["T_DNUMBER", "1e3", 1], ["T_DNUMBER", "1E+3", 1],
      ["T_DNUMBER", "1.e-3", 1], ["T_DNUMBER", "1_0.0_1e1_0", 1], ["T_LNUMBER", "1", 1], ["T_STRING", "e", 1],
      ["T_LNUMBER", "1", 1], ["T_STRING", "_", 1], ["T_LNUMBER", "0", 1], ["T_STRING", "x", 1],
      ["T_LNUMBER", "1", 1], ["T_STRING", "__2", 1],
    ]);
  });

  test("single-quoted strings", () => {
    assert.deepEqual(lex("<?php 'a' 'it\\'s' 'x\ny' b'bin' B'BIN' 'unterminated\n"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_CONSTANT_ENCAPSED_STRING", "'a'", 1],
      ["T_CONSTANT_ENCAPSED_STRING", "'it\\'s'", 1], ["T_CONSTANT_ENCAPSED_STRING", "'x\ny'", 1],
      ["T_CONSTANT_ENCAPSED_STRING", "b'bin'", 2], ["T_CONSTANT_ENCAPSED_STRING", "B'BIN'", 2],
      ["T_ENCAPSED_AND_WHITESPACE", "'unterminated\n", 2],
    ]);
  });

  test("double-quoted strings without interpolation are one token", () => {
    assert.deepEqual(lex("<?php \"a\" \"a\\\"b\" \"$\" \"{ $a}\" b\"x\" \"a\nb\" \"\\$a\";"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_CONSTANT_ENCAPSED_STRING", "\"a\"", 1],
      ["T_CONSTANT_ENCAPSED_STRING", "\"a\\\"b\"", 1], ["T_CONSTANT_ENCAPSED_STRING", "\"$\"", 1], "\"",
      ["T_ENCAPSED_AND_WHITESPACE", "{ ", 1], ["T_VARIABLE", "$a", 1], ["T_ENCAPSED_AND_WHITESPACE", "}", 1],
      "\"", ["T_CONSTANT_ENCAPSED_STRING", "b\"x\"", 1], ["T_CONSTANT_ENCAPSED_STRING", "\"a\nb\"", 1],
      ["T_CONSTANT_ENCAPSED_STRING", "\"\\$a\"", 2], ";",
    ]);
  });

  test("interpolation", () => {
    assert.deepEqual(lex("<?php \"a $b[0] $c[-1] $d[key] $e[$i] $f->g $h?->i {$j} ${k} ${l[1]} ${m}\";"), [
      ["T_OPEN_TAG", "<?php ", 1], "\"", ["T_ENCAPSED_AND_WHITESPACE", "a ", 1], ["T_VARIABLE", "$b", 1], "[",
      ["T_NUM_STRING", "0", 1], "]", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$c", 1], "[", "-",
      ["T_NUM_STRING", "1", 1], "]", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$d", 1], "[",
      ["T_STRING", "key", 1], "]", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$e", 1], "[",
      ["T_VARIABLE", "$i", 1], "]", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$f", 1],
      ["T_OBJECT_OPERATOR", "->", 1], ["T_STRING", "g", 1], ["T_ENCAPSED_AND_WHITESPACE", " ", 1],
      ["T_VARIABLE", "$h", 1], ["T_NULLSAFE_OBJECT_OPERATOR", "?->", 1], ["T_STRING", "i", 1],
      ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_CURLY_OPEN", "{", 1], ["T_VARIABLE", "$j", 1], "}",
      ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_DOLLAR_OPEN_CURLY_BRACES", "${", 1],
      ["T_STRING_VARNAME", "k", 1], "}", ["T_ENCAPSED_AND_WHITESPACE", " ", 1],
      ["T_DOLLAR_OPEN_CURLY_BRACES", "${", 1], ["T_STRING_VARNAME", "l", 1], "[", ["T_LNUMBER", "1", 1], "]",
      "}", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_DOLLAR_OPEN_CURLY_BRACES", "${", 1],
      ["T_STRING_VARNAME", "m", 1], "}", "\"", ";",
    ]);
  });

  test("malformed offsets in strings", () => {
    assert.deepEqual(lex("<?php \"$a[ 1] $b[1 $c[0x1] $d[01] $e[-x] $f['k']\";"), [
      ["T_OPEN_TAG", "<?php ", 1], "\"", ["T_VARIABLE", "$a", 1], "[", ["T_ENCAPSED_AND_WHITESPACE", "", 1],
      ["T_ENCAPSED_AND_WHITESPACE", " 1] ", 1], ["T_VARIABLE", "$b", 1], "[", ["T_NUM_STRING", "1", 1],
      ["T_ENCAPSED_AND_WHITESPACE", "", 1], ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$c", 1],
      "[", ["T_NUM_STRING", "0x1", 1], "]", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$d", 1],
      "[", ["T_NUM_STRING", "01", 1], "]", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$e", 1],
      "[", "-", ["T_STRING", "x", 1], "]", ["T_ENCAPSED_AND_WHITESPACE", " ", 1], ["T_VARIABLE", "$f", 1],
      "[", ["T_ENCAPSED_AND_WHITESPACE", "", 1], ["T_ENCAPSED_AND_WHITESPACE", "'k']", 1], "\"", ";",
    ]);
  });

  test("an unterminated string", () => {
    assert.deepEqual(lex("<?php $a = \"abc $d\n"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_VARIABLE", "$a", 1], "=", "\"",
      ["T_ENCAPSED_AND_WHITESPACE", "abc ", 1], ["T_VARIABLE", "$d", 1],
      ["T_ENCAPSED_AND_WHITESPACE", "\n", 1],
    ]);
  });

  test("backticks", () => {
    assert.deepEqual(lex("<?php `ls $dir` ``;"), [
      ["T_OPEN_TAG", "<?php ", 1], "`", ["T_ENCAPSED_AND_WHITESPACE", "ls ", 1], ["T_VARIABLE", "$dir", 1],
      "`", "`", "`", ";",
    ]);
  });

  test("heredoc", () => {
    assert.deepEqual(lex("<?php $x = <<<EOT\n  a $b\n  {$c} ${d}\n  EOT;\n$y = <<<\"Q\"\nQ;\n"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_VARIABLE", "$x", 1], "=", ["T_START_HEREDOC", "<<<EOT\n", 1],
      ["T_ENCAPSED_AND_WHITESPACE", "  a ", 2], ["T_VARIABLE", "$b", 2],
      ["T_ENCAPSED_AND_WHITESPACE", "\n  ", 2], ["T_CURLY_OPEN", "{", 3], ["T_VARIABLE", "$c", 3], "}",
      ["T_ENCAPSED_AND_WHITESPACE", " ", 3], ["T_DOLLAR_OPEN_CURLY_BRACES", "${", 3],
      ["T_STRING_VARNAME", "d", 3], "}", ["T_ENCAPSED_AND_WHITESPACE", "\n", 3],
      ["T_END_HEREDOC", "  EOT", 4], ";", ["T_VARIABLE", "$y", 5], "=", ["T_START_HEREDOC", "<<<\"Q\"\n", 5],
      ["T_END_HEREDOC", "Q", 6], ";",
    ]);
  });

  test("nowdoc and an indented closing marker followed by code", () => {
    assert.deepEqual(lex("<?php f(<<<'EOT'\n    a $b\n      c\n    EOT, 1);"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_STRING", "f", 1], "(", ["T_START_HEREDOC", "<<<'EOT'\n", 1],
      ["T_ENCAPSED_AND_WHITESPACE", "    a $b\n      c\n", 2], ["T_END_HEREDOC", "    EOT", 4], ",",
      ["T_LNUMBER", "1", 4], ")", ";",
    ]);
  });

  test("heredoc closing marker must not continue as a name", () => {
    assert.deepEqual(lex("<?php <<<EOT\nEOTX\nEOT . 1;"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_START_HEREDOC", "<<<EOT\n", 1],
      ["T_ENCAPSED_AND_WHITESPACE", "EOTX\n", 2], ["T_END_HEREDOC", "EOT", 3], ".", ["T_LNUMBER", "1", 3],
      ";",
    ]);
  });

  test("heredoc unterminated at end of input", () => {
    assert.deepEqual(lex("<?php <<<EOT\na\nEOT"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_START_HEREDOC", "<<<EOT\n", 1],
      ["T_ENCAPSED_AND_WHITESPACE", "a\nEOT", 2],
    ]);
  });

  test("heredoc with CRLF and a b prefix", () => {
    assert.deepEqual(lex("<?php b<<<EOT\r\n  x\r\n  EOT;\r\n"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_START_HEREDOC", "b<<<EOT\r\n", 1],
      ["T_ENCAPSED_AND_WHITESPACE", "  x\r\n", 2], ["T_END_HEREDOC", "  EOT", 3], ";",
    ]);
  });

  test("nested heredoc in an interpolation", () => {
    assert.deepEqual(lex("<?php <<<A\n  {$x[<<<B\n    b\n    B]}\n  A;"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_START_HEREDOC", "<<<A\n", 1], ["T_ENCAPSED_AND_WHITESPACE", "  ", 2],
      ["T_CURLY_OPEN", "{", 2], ["T_VARIABLE", "$x", 2], "[", ["T_START_HEREDOC", "<<<B\n", 2],
      ["T_ENCAPSED_AND_WHITESPACE", "    b\n", 3], ["T_END_HEREDOC", "    B", 4], "]", "}",
      ["T_ENCAPSED_AND_WHITESPACE", "\n", 4], ["T_END_HEREDOC", "  A", 5], ";",
    ]);
  });

  test("__halt_compiler keeps three tokens then returns the rest as inline HTML", () => {
    assert.deepEqual(lex("<?php __halt_compiler ( ) ; raw <?php data\n", { whitespace: true }), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_HALT_COMPILER", "__halt_compiler", 1], ["T_WHITESPACE", " ", 1], "(",
      ["T_WHITESPACE", " ", 1], ")", ["T_WHITESPACE", " ", 1], ";", ["T_INLINE_HTML", " raw <?php data\n", 1],
    ]);
  });

  test("__halt_compiler closed by ?>", () => {
    assert.deepEqual(lex("<?php __halt_compiler();?>\nrest", { whitespace: true }), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_HALT_COMPILER", "__halt_compiler", 1], "(", ")", ";",
      ["T_INLINE_HTML", "?>\nrest", 1],
    ]);
  });

  test("line numbers count \\n, \\r\\n and lone \\r", () => {
    assert.deepEqual(lex("<?php\r\n$a\r$b\n$c\r\n\r\n$d /*\r\n*/ $e"), [
      ["T_OPEN_TAG", "<?php\r\n", 1], ["T_VARIABLE", "$a", 2], ["T_VARIABLE", "$b", 3],
      ["T_VARIABLE", "$c", 4], ["T_VARIABLE", "$d", 6], ["T_COMMENT", "/*\r\n*/", 6], ["T_VARIABLE", "$e", 7],
    ]);
  });

  test("bad characters", () => {
    assert.deepEqual(lex("<?php $a \u0001 ;"), [
      ["T_OPEN_TAG", "<?php ", 1], ["T_VARIABLE", "$a", 1], ["T_BAD_CHARACTER", "\u0001", 1],
      ["T_BAD_CHARACTER", "", 1], ";",
    ]);
  });
});

describe('token records', () => {
  test('single-char tokens carry their char code, line and position', () => {
    const tokens = tokenize('<?php\n$a = b"x$y";');
    const eq = tokens.find((t) => t.text === '=');
    assert.deepEqual(eq, { id: 0x3d, text: '=', line: 2, pos: 9 });
    const quote = tokens.find((t) => t.text === 'b"');
    assert.equal(quote.id, 0x22); // the b prefix is part of the text, not of the id
  });

  test('token texts are contiguous and cover the whole source', () => {
    const src = '<html><?php echo "a $b {$c[1]}", <<<X\n  y\n  X; /* c */ ?>\r\nend<?= 1 ?>';
    let pos = 0;
    for (const t of tokenize(src)) {
      assert.equal(t.pos, pos);
      assert.equal(src.slice(t.pos, t.pos + t.text.length), t.text);
      pos += t.text.length;
    }
    assert.equal(pos, src.length);
  });

  test('bytes >= 0x80 are label characters (the source is a binary string)', () => {
    assert.deepEqual(lex('<?php $\xc3\xa9t\xc3\xa9 = \xe2\x82\xac;'), [
      ['T_OPEN_TAG', '<?php ', 1], ['T_VARIABLE', '$\xc3\xa9t\xc3\xa9', 1], '=', ['T_STRING', '\xe2\x82\xac', 1], ';',
    ]);
  });

  // speed is measured by the benchmarks, not asserted here (a busy machine would fail it)
  test('a 1 MB file tokenizes', () => {
    const chunk = '<?php\nfunction f($a, $b = [1, 2]) { return "x $a {$b[0]}" . \'y\' . <<<EOT\n  z\n  EOT; } // c\n?>\n';
    const src = chunk.repeat(Math.ceil((1 << 20) / chunk.length));
    const tokens = tokenize(src);
    assert.ok(tokens.length > 100000);
  });
});

describe('options', () => {
  test('shortOpenTag: false leaves <? as inline HTML', () => {
    assert.deepEqual(lex('a<? b ?><?php c', { shortOpenTag: false }), [
      ['T_INLINE_HTML', 'a<? b ?>', 1], ['T_OPEN_TAG', '<?php ', 1], ['T_STRING', 'c', 1],
    ]);
    assert.deepEqual(lex('<?phpX <?= 1', { shortOpenTag: false }), [
      ['T_INLINE_HTML', '<?phpX ', 1], ['T_OPEN_TAG_WITH_ECHO', '<?=', 1], ['T_LNUMBER', '1', 1],
    ]);
  });

  test('skipShebang drops a #! first line, counting it', () => {
    assert.deepEqual(lex('#!/usr/bin/env php\n<?php x', { skipShebang: true }), [
      ['T_OPEN_TAG', '<?php ', 2], ['T_STRING', 'x', 2],
    ]);
    assert.deepEqual(lex('#!/usr/bin/env php\n<?php x'), [
      ['T_INLINE_HTML', '#!/usr/bin/env php\n', 1], ['T_OPEN_TAG', '<?php ', 2], ['T_STRING', 'x', 2],
    ]);
  });
});

describe('errors PHP raises while scanning (as `php -l` reports them)', () => {
  test('valid code has none', () => {
    assert.deepEqual(errorsOf('<?php $a = [1, (2)]; { "$b[0]"; } $c = <<<EOT\n  x\n  EOT;\n').errors, []);
  });

  test('Unterminated comment', () => {
    assert.deepEqual(errorsOf('<?php\n$x = 1;\n/* abc\n\n').errors, [
      { message: 'Unterminated comment starting line 3', line: 3, tokenIndex: 8, warning: false },
    ]);
  });

  test('Invalid numeric literal (an octal literal with 8 or 9)', () => {
    const { errors, tokens } = errorsOf('<?php $x = 0128;');
    assert.deepEqual(errors, [{ message: 'Invalid numeric literal', line: 1, tokenIndex: 5, warning: false }]);
    assert.equal(tokens[5].text, '0128');
  });

  test('(real) cast', () => {
    assert.equal(errorsOf('<?php (real) $x;').errors[0].message, 'The (real) cast has been removed, use (float) instead');
  });

  test('unmatched brackets', () => {
    assert.deepEqual(errorsOf('<?php $x = 1);').errors, [
      { message: "Unmatched ')'", line: 1, tokenIndex: 6, warning: false },
    ]);
    assert.equal(errorsOf('<?php $x = [1);').errors[0].message, "Unclosed '[' does not match ')'");
    assert.deepEqual(errorsOf('<?php\n{\n(\n]').errors[0], {
      message: "Unclosed '(' on line 3 does not match ']'", line: 4, tokenIndex: 5, warning: false,
    });
  });

  test('brackets left open at the end are reported on the end-of-input position', () => {
    const { errors, tokens } = errorsOf('<?php\n{\n(\n');
    assert.deepEqual(errors, [
      { message: "Unclosed '(' on line 3", line: 4, tokenIndex: tokens.length, warning: false },
    ]);
    assert.equal(errorsOf('<?php {').errors[0].message, "Unclosed '{'");
  });

  test('heredoc body less indented than its closing marker', () => {
    assert.deepEqual(errorsOf('<?php\n$x = <<<EOT\n    a\n  b\n    EOT;').errors, [
      { message: 'Invalid body indentation level (expecting an indentation level of at least 4)', line: 4, tokenIndex: 6, warning: false },
    ]);
  });

  test('heredoc indentation mixing tabs and spaces', () => {
    assert.deepEqual(errorsOf('<?php\n$x = <<<EOT\n\t  a\n\t  EOT;').errors, [
      { message: 'Invalid indentation - tabs and spaces cannot be mixed', line: 3, tokenIndex: 6, warning: false },
    ]);
  });

  test('heredoc starting with an interpolation before an indented marker: PHP names no file', () => {
    assert.deepEqual(errorsOf('<?php\nvar_dump(<<<TEST\n$var\n TEST);').errors, [
      { message: 'Invalid body indentation level (expecting an indentation level of at least 1)', line: 0, tokenIndex: 3, warning: false, outsideFile: true },
    ]);
  });

  test('escape sequences: invalid \\u{} is an error, octal overflow a warning', () => {
    assert.deepEqual(errorsOf('<?php\n$x = "a\nb\\u{zz}";').errors, [
      { message: 'Invalid UTF-8 codepoint escape sequence', line: 3, tokenIndex: 5, warning: false },
    ]);
    assert.equal(errorsOf('<?php "\\u{110000}";').errors[0].message, 'Invalid UTF-8 codepoint escape sequence: Codepoint too large');
    assert.deepEqual(errorsOf('<?php "\\400 $a";').errors, [
      { message: 'Octal escape sequence overflow \\400 is greater than \\377', line: 1, tokenIndex: 2, warning: true },
    ]);
    assert.deepEqual(errorsOf("<?php '\\u{zz} \\400';").errors, []);
  });
});
