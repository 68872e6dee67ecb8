--TEST--
global $x keeps finding the right variable across calls (the cached Ref of a global statement) through unset, rebinding and $GLOBALS
--FILE--
<?php
function f() { global $x; return $x; }
function g() { global $x; $x++; }
function h() { global $y; $y = 5; }
$x = 1;
echo f(), f(), "\n";
unset($x);
var_dump(f());          // the unset global comes back as null
$x = 10; g(); g(); echo $x, "\n";
$a = 100; $x = &$a;     // the global scope rebinds $x to another variable
echo f(), "\n"; g(); echo $a, "\n";
unset($x); $x = 7; echo f(), "\n";
function k() { global $x; unset($x); $x = 'local'; return $x; }
echo k(), " ", f(), "\n";
h(); echo $y, "\n";
function viaGlobals() { $GLOBALS['x'] = 'set via GLOBALS'; }
viaGlobals(); echo f(), "\n";
function unsetGlobals() { unset($GLOBALS['x']); }
unsetGlobals(); var_dump(f());
$x = [1, 2]; function arr() { global $x; $x[] = 3; return count($x); }
echo arr(), arr(), "\n";
function obj() { global $o; return $o; }
$o = new stdClass; $o->p = 1; var_dump(obj() === $o);
function refcount() { global $z; $z = new stdClass; }
refcount(); var_dump($z);
function twice() { global $x, $x; $x = 'twice'; }
twice(); echo $x, "\n";
--EXPECT--
11
NULL
12
100
101
7
local 7
5
set via GLOBALS
NULL
34
bool(true)
object(stdClass)#2 (0) {
}
twice
