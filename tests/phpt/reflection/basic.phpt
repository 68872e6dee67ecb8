--TEST--
Reflection: classes, methods, parameters, properties, attributes, enums
--FILE--
<?php
#[Attribute]
class Attr { function __construct(public $v = 0) {} }
interface I { function foo(int $a); }
/** doc */
class A implements I {
  const X = 1;
  public $p = 5;
  #[Attr(3)]
  function foo(int $a, ?string $b = null, array $c = [], ...$rest): ?int { return $a; }
  private function priv() { return 'priv'; }
}
class B extends A { public int $q; }
enum Suit: string { case H = 'h'; case S = 's'; }
$r = new ReflectionClass('B');
var_dump($r->getName(), $r->getParentClass()->getName(), $r->getInterfaceNames(), $r->isSubclassOf('A'), $r->implementsInterface('I'));
foreach ($r->getMethods() as $m) echo $m->class, '::', $m->getName(), "\n";
$m = new ReflectionMethod('A', 'foo');
foreach ($m->getParameters() as $p) { echo $p, "\n"; var_dump($p->isOptional(), $p->isDefaultValueAvailable() ? $p->getDefaultValue() : 'n/a'); }
echo $m->getReturnType(), "\n";
var_dump($m->invoke(new A, 42), $m->invokeArgs(new A, [7]));
$pm = new ReflectionMethod('A::priv');
var_dump($pm->invoke(new A), $pm->isPrivate(), Reflection::getModifierNames($pm->getModifiers()));
$pp = new ReflectionProperty('B', 'q');
var_dump((string)$pp->getType(), $pp->hasDefaultValue(), $pp->isInitialized(new B));
$b = new B; $pp->setValue($b, 3); var_dump($pp->getValue($b));
var_dump($r->getConstants());
$a = $m->getAttributes()[0];
var_dump($a->getName(), $a->getArguments(), $a->newInstance()->v);
echo $m;
$e = new ReflectionEnum('Suit');
var_dump($e->isBacked(), (string)$e->getBackingType(), $e->getCase('S')->getBackingValue(), count($e->getCases()));
$f = new ReflectionFunction(function (int|string $x, &$y) {});
var_dump($f->getNumberOfParameters(), (string)$f->getParameters()[0]->getType(), $f->getParameters()[1]->isPassedByReference());
try { new ReflectionClass('Nope'); } catch (ReflectionException $e) { echo $e->getMessage(), "\n"; }
try { $r->getMethod('zz'); } catch (ReflectionException $e) { echo $e->getMessage(), "\n"; }
--EXPECTF--
string(1) "B"
string(1) "A"
array(1) {
  [0]=>
  string(1) "I"
}
bool(true)
bool(true)
A::foo
Parameter #0 [ <required> int $a ]
bool(false)
string(3) "n/a"
Parameter #1 [ <optional> ?string $b = NULL ]
bool(true)
NULL
Parameter #2 [ <optional> array $c = [] ]
bool(true)
array(0) {
}
Parameter #3 [ <optional> ...$rest ]
bool(true)
string(3) "n/a"
?int
int(42)
int(7)
string(4) "priv"
bool(true)
array(1) {
  [0]=>
  string(7) "private"
}
string(3) "int"
bool(false)
bool(false)
int(3)
array(1) {
  ["X"]=>
  int(1)
}
string(4) "Attr"
array(1) {
  [0]=>
  int(3)
}
int(3)
Method [ <user, prototype I> public method foo ] {
  @@ %s 10 - 10

  - Parameters [4] {
    Parameter #0 [ <required> int $a ]
    Parameter #1 [ <optional> ?string $b = NULL ]
    Parameter #2 [ <optional> array $c = [] ]
    Parameter #3 [ <optional> ...$rest ]
  }
  - Return [ ?int ]
}
bool(true)
string(6) "string"
string(1) "s"
int(2)
int(2)
string(10) "string|int"
bool(true)
Class "Nope" does not exist
Method B::zz() does not exist
