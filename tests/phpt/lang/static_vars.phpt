--TEST--
Static variables of functions (kept by the statement after its first run), generators, closures and methods
--FILE--
<?php
function counter() { static $n = 0, $log = []; $log[] = ++$n; return implode(',', $log); }
echo counter(), " ", counter(), " ", counter(), "\n";
function gen() { static $x = 1; yield $x++; yield $x++; }
foreach (gen() as $v) echo $v; foreach (gen() as $v) echo $v; echo "\n";
function byref() { static $s = 0; $r = &$s; $r += 10; return $s; }
echo byref(), " ", byref(), "\n";
function unsetit() { static $u = 5; $u++; $v = $u; unset($u); return $v; }
echo unsetit(), " ", unsetit(), "\n";
$f = function () { static $c = 0; return ++$c; };
echo $f(), $f(), "\n";
class A { static function m() { static $q = 0; return ++$q; } }
class B extends A {}
echo A::m(), A::m(), B::m(), "\n";
--EXPECT--
1 1,2 1,2,3
1234
10 20
6 7
12
123
