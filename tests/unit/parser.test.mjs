// Unit tests of the parser. Error messages and lines were checked against PHP 8.2 (`php -n -l`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../dist/syntax/parser.js';

/** Compact S-expression of an expression, to check structure and precedence. */
function sx(e) {
  if (e === null || e === undefined) return '_';
  if (typeof e === 'string') return JSON.stringify(e);
  switch (e.kind) {
    case 'Variable': return typeof e.name === 'string' ? '$' + e.name : `$(${sx(e.name)})`;
    case 'ScalarInt': return e.value;
    case 'ScalarFloat': return 'f' + e.value;
    case 'ScalarString': return JSON.stringify(e.value);
    case 'ConstFetch': return e.name.name;
    case 'Name': return (e.form === 'fully' ? '\\' : e.form === 'relative' ? 'namespace\\' : '') + e.name;
    case 'Identifier': return e.name;
    case 'BinaryOp': return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'UnaryOp': return `(${e.op} ${sx(e.expr)})`;
    case 'Assign': return `(= ${sx(e.target)} ${sx(e.value)})`;
    case 'AssignRef': return `(=& ${sx(e.target)} ${sx(e.value)})`;
    case 'AssignOp': return `(${e.op}= ${sx(e.target)} ${sx(e.value)})`;
    case 'Ternary': return `(? ${sx(e.cond)} ${sx(e.then)} ${sx(e.else)})`;
    case 'Cast': return `(cast:${e.type} ${sx(e.expr)})`;
    case 'ErrorSuppress': return `(@ ${sx(e.expr)})`;
    case 'Print': return `(print ${sx(e.expr)})`;
    case 'Clone': return `(clone ${sx(e.expr)})`;
    case 'Throw': return `(throw ${sx(e.expr)})`;
    case 'Include': return `(${e.type} ${sx(e.expr)})`;
    case 'Yield': return `(yield ${sx(e.key)} ${sx(e.value)})`;
    case 'YieldFrom': return `(yield-from ${sx(e.expr)})`;
    case 'Instanceof': return `(instanceof ${sx(e.expr)} ${sx(e.cls)})`;
    case 'IncDec': return `(${e.prefix ? 'pre' : 'post'}${e.inc ? '++' : '--'} ${sx(e.var)})`;
    case 'ArrayDimFetch': return `([] ${sx(e.var)} ${sx(e.dim)})`;
    case 'PropertyFetch': return `(-> ${sx(e.var)} ${sx(e.name)})`;
    case 'NullsafePropertyFetch': return `(?-> ${sx(e.var)} ${sx(e.name)})`;
    case 'StaticPropertyFetch': return `(::$ ${sx(e.cls)} ${typeof e.name === 'string' ? e.name : sx(e.name)})`;
    case 'ClassConstFetch': return `(:: ${sx(e.cls)} ${sx(e.name)})`;
    case 'FuncCall': return `(call ${sx(e.name)}${args(e.args)})`;
    case 'MethodCall': return `(mcall ${sx(e.var)} ${sx(e.name)}${args(e.args)})`;
    case 'NullsafeMethodCall': return `(?mcall ${sx(e.var)} ${sx(e.name)}${args(e.args)})`;
    case 'StaticCall': return `(scall ${sx(e.cls)} ${sx(e.name)}${args(e.args)})`;
    case 'New': return `(new ${e.cls.kind === 'ClassLike' ? 'class' : sx(e.cls)}${args(e.args)})`;
    case 'ArrayLiteral': return `(array${e.items.map((i) => ' ' + item(i)).join('')})`;
    case 'ListExpr': return `(list${e.items.map((i) => ' ' + (i ? item(i) : '_')).join('')})`;
    case 'InterpolatedString': return `(str ${e.parts.map(sx).join(' ')})`;
    case 'ShellExec': return `(shell ${e.parts.map(sx).join(' ')})`;
    case 'MagicConst': return e.name;
    case 'Isset': return `(isset ${e.vars.map(sx).join(' ')})`;
    case 'Empty': return `(empty ${sx(e.expr)})`;
    case 'Exit': return `(exit ${sx(e.expr)})`;
    case 'Match': return `(match ${sx(e.cond)} ${e.arms.map((a) => `[${a.conds ? a.conds.map(sx).join(' ') : 'default'} => ${sx(a.body)}]`).join(' ')})`;
    case 'Closure': return `(closure${e.static ? ' static' : ''})`;
    case 'ArrowFunction': return `(fn ${sx(e.expr)})`;
    default: return `<${e.kind}>`;
  }
}
function args(a) {
  if (!Array.isArray(a)) return ' ...';
  return a.map((x) => ' ' + (x.name ? x.name.name + ':' : '') + (x.unpack ? '...' : '') + sx(x.value)).join('');
}
function item(i) {
  return (i.key ? sx(i.key) + '=>' : '') + (i.byRef ? '&' : '') + (i.unpack ? '...' : '') + sx(i.value);
}

/** The expression of `<?php EXPR;` */
function expr(code) {
  const s = parse('<?php ' + code + ';').stmts[0];
  assert.equal(s.kind, 'ExprStmt');
  return sx(s.expr);
}
function stmts(code) {
  return parse('<?php ' + code).stmts;
}
function error(code) {
  try {
    parse(code.startsWith('<?') ? code : '<?php\n' + code + '\n');
  } catch (e) {
    return [e.type, e.message, e.line];
  }
  return null;
}

describe('operator precedence and associativity', () => {
  const cases = [
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['2 ** 3 ** 2', '(** 2 (** 3 2))'],
    ['-2 ** 2', '(- (** 2 2))'],
    ['"a" . 1 + 2', '(. "a" (+ 1 2))'],
    ['1 << 2 . 3', '(. (<< 1 2) 3)'],
    ['$a && $b || $c', '(|| (&& $a $b) $c)'],
    ['$a and $b or $c xor $d', '(or (and $a $b) (xor $c $d))'],
    ['$a = $b and $c', '(and (= $a $b) $c)'],
    ['$a = $b && $c', '(= $a (&& $b $c))'],
    ['$a ?? $b ?? $c', '(?? $a (?? $b $c))'],
    ['$a ?: $b', '(? $a _ $b)'],
    ['$a ? $b : ($c ? $d : $e)', '(? $a $b (? $c $d $e))'],
    ['!$a instanceof B', '(! (instanceof $a B))'],
    ['!$a = foo()', '(! (= $a (call foo)))'],
    ['$x && $y = 5', '(&& $x (= $y 5))'],
    ['$a = $b += 3', '(= $a (+= $b 3))'],
    ['$a = &$b', '(=& $a $b)'],
    ['(int) $a + 1', '(+ (cast:int $a) 1)'],
    ['(integer) $a', '(cast:int $a)'],
    ['@$a[0] . "x"', '(. (@ ([] $a 0)) "x")'],
    ['clone $a->b', '(clone (-> $a b))'],
    ['print 1 and 2', '(and (print 1) 2)'],
    ['include "a" . "b" or die()', '(include (or (. "a" "b") (exit _)))'],
    ['$a = yield $b => $c', '(= $a (yield $b $c))'],
    ['$a = yield', '(= $a (yield _ _))'],
    ['yield from $a', '(yield-from $a)'],
    ['$a ?? throw new E', '(?? $a (throw (new E)))'],
    ['1 == 2 < 3', '(== 1 (< 2 3))'],
    ['$a++ + ++$b', '(+ (post++ $a) (pre++ $b))'],
    ['$a . $b .= $c', '(. $a (.= $b $c))'],
    ['- - $a', '(- (- $a))'],
    ['$a instanceof $b', '(instanceof $a $b)'],
  ];
  for (const [src, want] of cases) test(src, () => assert.equal(expr(src), want));
});

describe('variables, dereferencing, calls', () => {
  const cases = [
    ['$$a', '$($a)'],
    ['${"a" . "b"}', '$((. "a" "b"))'],
    ['$a->{"b"}', '(-> $a "b")'],
    ['$a->$b', '(-> $a $b)'],
    ['$a->list', '(-> $a list)'],
    ['$a?->b?->c()', '(?mcall (?-> $a b) c)'],
    ['Foo::new()', '(scall Foo new)'],
    ['Foo::class', '(:: Foo class)'],
    ['$obj::class', '(:: $obj class)'],
    ['static::$x', '(::$ static x)'],
    ['A::$b[0]()', '(call ([] (::$ A b) 0))'],
    ['A::$b()', '(scall A $b)'],
    ['A::{"m"}()', '(scall A "m")'],
    ['Foo::BAR[0]', '([] (:: Foo BAR) 0)'],
    ['"str"[0]', '([] "str" 0)'],
    ['[1, 2][0]', '([] (array 1 2) 0)'],
    ['(new Foo)->bar()', '(mcall (new Foo) bar)'],
    ['(function () {})()', '(call (closure))'],
    ['$f(...)()', '(call (call $f ...))'],
    ['strlen(...)', '(call strlen ...)'],
    ['foo(...$b, a: 1)', '(call foo ...$b a:1)'],
    ['foo(list: 1, class: 2)', '(call foo list:1 class:2)'],
    ['\\Foo\\bar()', '(call \\Foo\\bar)'],
    ['namespace\\foo()', '(call namespace\\foo)'],
    ['new $a->b()', '(new (-> $a b))'],
    ['new static', '(new static)'],
    ['new class(1) extends B {}', '(new class 1)'],
    ['readonly()', '(call readonly)'],
    ['__CLASS__', '__CLASS__'],
  ];
  for (const [src, want] of cases) test(src, () => assert.equal(expr(src), want));
});

describe('arrays and destructuring', () => {
  const cases = [
    ['[1, 2,]', '(array 1 2)'],
    ['array(1 => &$a, ...$b)', '(array 1=>&$a ...$b)'],
    ['[$a, , $b] = $c', '(= (list $a _ $b) $c)'],
    ['[$a, [$b, $c]] = $d', '(= (list $a (list $b $c)) $d)'],
    ['list($a, list(, $b)) = $c', '(= (list $a (list _ $b)) $c)'],
    ['["x" => $a, "y" => [$b]] = $c', '(= (list "x"=>$a "y"=>(list $b)) $c)'],
    ['[$a, &$b] = $c', '(= (list $a &$b) $c)'],
  ];
  for (const [src, want] of cases) test(src, () => assert.equal(expr(src), want));

  test('foreach targets are lists', () => {
    const [f] = stmts('foreach ($a as $k => [$x, list($y)]) {}');
    assert.equal(sx(f.key), '$k');
    assert.equal(sx(f.value), '(list $x (list $y))');
    const [g] = stmts('foreach ($a as &$v) {}');
    assert.equal(g.byRef, true);
  });
});

describe('literals', () => {
  const cases = [
    ['0x7FFFFFFFFFFFFFFF', '9223372036854775807'],
    ['9223372036854775808', 'f9223372036854776000'],
    ['0x8000000000000000', 'f9223372036854776000'],
    ['0b101', '5'],
    ['0o17', '15'],
    ['017', '15'],
    ['1_000_000', '1000000'],
    ['1.5e3', 'f1500'],
    ['.5', 'f0.5'],
    ["'a\\'b\\\\c\\n'", JSON.stringify("a'b\\c\\n")],
    ['"\\x41\\101\\u{1F600}\\e\\$\\q"', JSON.stringify('AA\xf0\x9f\x98\x80\x1b$\\q')],
    ['"\\400"', JSON.stringify('\x00')],
    ['"\\u{41}\\u202e"', JSON.stringify('A\\u202e')],
    ['`ls -l`', '(shell "ls -l")'],
    ['"$a[0] $a[-1] $a[key] $a[$b] $a->b $a?->b"', '(str ([] $a 0) " " ([] $a -1) " " ([] $a "key") " " ([] $a $b) " " (-> $a b) " " (?-> $a b))'],
    ['"{$a->b()} ${a} ${a[1]} ${$a}"', '(str (mcall $a b) " " $a " " ([] $a 1) " " $($a))'],
    ['"$a[01] $a[-0]"', '(str ([] $a "01") " " ([] $a "-0"))'],
    ['__LINE__', '__LINE__'],
  ];
  for (const [src, want] of cases) test(src, () => assert.equal(expr(src), want));

  test('heredoc: closing marker indentation removed, escapes processed', () => {
    assert.equal(expr('<<<EOT\n    a\\tb\n      c $x\n    EOT'), '(str "a\\tb\\n  c " $x)');
    assert.equal(expr("<<<'EOT'\n  a\\n\n  EOT"), JSON.stringify('a\\n'));
    assert.equal(expr('<<<EOT\nEOT'), '""');
    assert.equal(expr('<<<"EOT"\n$a\nEOT'), '(str $a)');
  });
});

describe('statements', () => {
  test('if / elseif / else, alternative syntax', () => {
    const [s] = stmts('if ($a): echo 1; elseif ($b): echo 2; else: echo 3; endif;');
    assert.equal(s.kind, 'If');
    assert.equal(s.elseifs.length, 1);
    assert.equal(s.else.length, 1);
    const [t] = stmts('if ($a) echo 1; else if ($b) { echo 2; }');
    assert.equal(t.else[0].kind, 'If');
  });

  test('loops, switch with ";" after case, declare', () => {
    const ss = stmts('while ($a): endwhile; for ($i = 0, $j = 1; ; $i++) {} do {} while (0); ' +
      'switch ($a) { case 1; echo 1; default: } declare(strict_types=1); declare(ticks=1) { }');
    assert.deepEqual(ss.map((s) => s.kind), ['While', 'For', 'DoWhile', 'Switch', 'Declare', 'Declare']);
    assert.equal(ss[1].init.length, 2);
    assert.equal(ss[1].cond.length, 0);
    assert.equal(ss[3].cases.length, 2);
    assert.equal(ss[4].body, null);
    assert.deepEqual(ss[5].body, []);
  });

  test('try / catch / finally, throw statement, goto', () => {
    const [t, th, g, l] = stmts('try {} catch (A|B $e) {} catch (C) {} finally {} throw $e; goto a; a:');
    assert.equal(t.catches.length, 2);
    assert.equal(t.catches[1].var, null);
    assert.deepEqual(t.catches[0].types.map((n) => n.name), ['A', 'B']);
    assert.equal(th.kind, 'ThrowStmt');
    assert.equal(g.kind, 'Goto');
    assert.equal(l.kind, 'Label');
  });

  test('static, global, unset, echo, inline HTML, <?= and ?>', () => {
    const p = parse('a<?php static $x = 1, $y; global $g; unset($a[0],); echo 1, 2 ?>b<?= 3 ?>');
    assert.deepEqual(p.stmts.map((s) => s.kind), ['InlineHTML', 'Static', 'Global', 'Unset', 'Echo', 'InlineHTML', 'Echo']);
  });

  test('namespaces and use declarations', () => {
    const ss = stmts('namespace A\\B; use C\\D, \\E as F; use function g\\h; use I\\{J, function k, const L as M};');
    assert.equal(ss[0].kind, 'Namespace');
    assert.equal(ss[0].name.name, 'A\\B');
    assert.equal(ss[0].body, null);
    assert.equal(ss[1].uses[1].alias.name, 'F');
    assert.equal(ss[2].type, 'function');
    assert.equal(ss[3].kind, 'GroupUse');
    assert.deepEqual(ss[3].uses.map((u) => u.type), ['normal', 'function', 'const']);
    const braced = stmts('namespace A { echo 1; } namespace { echo 2; }');
    assert.equal(braced[1].name, null);
  });

  test('__halt_compiler() stops parsing and records the offset', () => {
    const src = '<?php echo 1; __halt_compiler(); {{{ garbage';
    const p = parse(src);
    assert.equal(p.haltOffset, src.indexOf(';', 20) + 1);
    assert.equal(p.stmts[1].remaining, ' {{{ garbage');
  });
});

describe('functions and classes', () => {
  test('function declaration: by-ref, params, types, endLine, doc comment', () => {
    const [f] = stmts('/** doc */\nfunction &f(int|string $a, ?A $b = null, A&B $c, (A&B)|null $d, &...$e): static\n{\n}');
    assert.equal(f.byRef, true);
    assert.equal(f.docComment, '/** doc */');
    assert.equal(f.endLine, 4);
    assert.equal(f.line, 2);
    assert.deepEqual(f.params.map((p) => p.type && p.type.kind), ['UnionType', 'NullableType', 'IntersectionType', 'UnionType']
      .concat([null]));
    assert.equal(f.params[3].type.types[0].kind, 'IntersectionType');
    assert.equal(f.params[4].variadic && f.params[4].byRef, true);
  });

  test('closures and arrow functions', () => {
    const [a, b] = stmts('$f = static function &($x) use ($y, &$z): int { return 1; }; $g = fn($x) => $x + 1;');
    const c = a.expr.value;
    assert.equal(c.kind, 'Closure');
    assert.equal(c.static && c.byRef, true);
    assert.deepEqual(c.uses.map((u) => [u.name, u.byRef]), [['y', false], ['z', true]]);
    assert.equal(sx(b.expr.value), '(fn (+ $x 1))');
  });

  test('class with modifiers, promotion, members', () => {
    const [c] = stmts(`/** C */
#[Attr(1, x: 2)]
final readonly class A extends B implements I, J {
  use T1, T2 { T1::foo insteadof T2; foo as protected bar; baz as public; }
  public const X = 1, Y = 2;
  private static ?int $p = null, $q;
  var $v;
  public function __construct(private readonly int $a = 0) {}
  abstract protected function f();
  function list() {}
}`);
    assert.equal(c.kind, 'ClassLike');
    assert.equal(c.flags, 32 | 64);
    assert.equal(c.line, 3);
    assert.equal(c.docComment, '/** C */');
    assert.equal(c.attrGroups[0].attrs[0].args[1].name.name, 'x');
    assert.deepEqual(c.members.map((m) => m.kind), ['TraitUse', 'ClassConst', 'Property', 'Property', 'ClassMethod', 'ClassMethod', 'ClassMethod']);
    const [tu, k, p, v, ctor, f, l] = c.members;
    assert.equal(tu.adaptations[0].kind, 'TraitPrecedence');
    assert.equal(tu.adaptations[1].newModifier, 2);
    assert.equal(tu.adaptations[2].newName, null);
    assert.equal(k.flags, 1);
    assert.equal(p.flags, 4 | 8);
    assert.equal(v.flags, 1);
    assert.equal(ctor.params[0].flags, 4 | 64);
    assert.equal(f.body, null);
    assert.equal(f.flags, 2 | 16);
    assert.equal(l.name.name, 'list');
    assert.equal(c.endLine, 11);
  });

  test('interfaces, traits, enums', () => {
    const [i, t, e] = stmts('interface I extends A, B {} trait T {} enum E: string implements I { case A = "a"; const B = self::A; }');
    assert.deepEqual(i.implements.map((n) => n.name), ['A', 'B']);
    assert.equal(t.type, 'trait');
    assert.equal(e.enumType.name.name, 'string');
    assert.equal(e.members[0].kind, 'EnumCase');
  });
});

describe('doc comments (as ReflectionX::getDocComment() sees them)', () => {
  test('the last doc comment before the declaration, cleared by "}"', () => {
    const ss = stmts('/** a */ $x = 1; function f() {} /** b */ function g() { } function h() {}');
    assert.equal(ss[1].docComment, '/** a */');
    assert.equal(ss[2].docComment, '/** b */');
    assert.equal(ss[3].docComment, null);
  });
  test('a parameter takes the pending doc comment', () => {
    const ss = stmts('function f(/** p */ $a) {} function g() {}');
    assert.equal(ss[1].docComment, null);
  });
  test('class header and properties', () => {
    const [c] = stmts('class C /** hdr */ { public $p /** after */ = 1; }');
    assert.equal(c.docComment, '/** hdr */');
    assert.equal(c.members[0].docComment, '/** after */');
  });
});

describe('syntax errors (PHP 8.2 messages and lines)', () => {
  const cases = [
    ['$a = 1\n$b = 2;', 'syntax error, unexpected variable "$b"', 3],
    ['echo "x"', 'syntax error, unexpected end of file, expecting "," or ";"', 3],
    ['foo(1 2);', 'syntax error, unexpected integer "2", expecting ")"', 2],
    ['foo(1;', 'syntax error, unexpected token ";", expecting ")"', 2],
    ['if ($a', "Unclosed '(' on line 2", 3],
    ['function f() {\n  return 1;', "Unclosed '{' on line 2", 4],
    ['}', "Unmatched '}'", 2],
    ['$a = [1, 2);', "Unclosed '[' does not match ')'", 2],
    ['$a = ;', 'syntax error, unexpected token ";"', 2],
    ['1 < 2 < 3;', 'syntax error, unexpected token "<"', 2],
    ['$a[1;', 'syntax error, unexpected token ";", expecting "]"', 2],
    ['unset($a;', 'syntax error, unexpected token ";", expecting "->" or "?->" or "{" or "["', 2],
    ['class A { public $a }', 'syntax error, unexpected token "}", expecting "," or ";"', 2],
    ['class A { ?> x <?php }', 'syntax error, unexpected token ";", expecting "function" or "const"', 2],
    ['class A { const static X = 1; }', 'syntax error, unexpected identifier "X", expecting "="', 2],
    ['function f( {}', 'syntax error, unexpected token "{", expecting variable', 2],
    ['function echo() {}', 'syntax error, unexpected token "echo", expecting "("', 2],
    ['$x = function() use (1) {};', 'syntax error, unexpected integer "1", expecting variable or "&" or amp', 2],
    ['$a = 1\n"abc\ndef";', 'syntax error, unexpected double-quoted string "abc"', 4],
    ['for ($i = 0 $j;;) {}', 'syntax error, unexpected variable "$j", expecting ";"', 2],
    ['$a = 1 = 2;', 'syntax error, unexpected token "="', 2],
    ['= 2;', 'syntax error, unexpected token "=", expecting end of file', 2],
    ['if (1): echo 1; else if (2): endif;', 'syntax error, unexpected token "if", expecting ":"', 2],
    ['switch ($a) { case 1: ) }', "Unclosed '{' does not match ')'", 2],
    ['exit 1;', 'syntax error, unexpected integer "1"', 2],
    ['var_dump(new namespace::$foo);', 'syntax error, unexpected token "namespace", expecting ":"', 2],
    ['use A\\{B,,};', 'syntax error, unexpected token ",", expecting "}"', 2],
    ['enum E { case A }', 'syntax error, unexpected token "}", expecting ";"', 2],
    ['echo "\\u{zz}";', 'Invalid UTF-8 codepoint escape sequence', 2],
    ['$a = <<<EOT\n  a\n b\n  EOT;', 'Invalid body indentation level (expecting an indentation level of at least 2)', 4],
    ['echo 08;', 'Invalid numeric literal', 2],
  ];
  for (const [src, msg, line] of cases) {
    test(src.replace(/\n/g, '\\n'), () => assert.deepEqual(error(src), ['parse', msg, line]));
  }
});

describe('compile errors PHP raises while parsing (or purely syntactic ones)', () => {
  const cases = [
    ['class A { public public $x; }', 'Multiple access type modifiers are not allowed', 2],
    ['final abstract class A {}', 'Cannot use the final modifier on an abstract class', 2],
    ['f(a: 1, 2);', 'Cannot use positional argument after named argument', 2],
    ['f(...$a, 2);', 'Cannot use positional argument after argument unpacking', 2],
    ['1 ? 2 : 3 ? 4 : 5;', 'Unparenthesized `a ? b : c ? d : e` is not supported. Use either `(a ? b : c) ? d : e` or `a ? b : (c ? d : e)`', 2],
    ['[1, , 2];', 'Cannot use empty array elements in arrays', 2],
    ['$a{0};', 'Array and string offset access syntax with curly braces is no longer supported', 2],
    ['try {}', 'Cannot use try without catch or finally', 2],
    ['new Foo(...);', 'Cannot create Closure for new expression', 2],
    ['class A { readonly function f() {} }', "Cannot use 'readonly' as method modifier", 2],
    ['function f() { __halt_compiler(); }', '__HALT_COMPILER() can only be used from the outermost scope', 2],
    ['#[Attr(...)]\nclass Foo {}', 'Cannot create Closure as attribute argument', 3],
  ];
  for (const [src, msg, line] of cases) {
    test(src.replace(/\n/g, '\\n'), () => assert.deepEqual(error(src), ['compile', msg, line]));
  }

  test('a parse error later in the file wins over a compile error found earlier', () => {
    assert.deepEqual(error('f(a: 1, 2);\n$a = ;'), ['parse', 'syntax error, unexpected token ";"', 3]);
  });

  test('a destructuring target may have empty elements', () => {
    assert.equal(error('[, $a] = $b;'), null);
  });
});
