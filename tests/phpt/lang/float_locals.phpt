--TEST--
Float locals: raw doubles for variables that hold floats wherever read (boxing, mixed operands, errors, dominance)
--FILE--
<?php
function a() {
  $x = 0; $y = 0;
  $x = 1.5;
  $y = $x * 2;          // 3.0 integral
  var_dump($y, $x + 1, $x - 1.5, -$x, +$x);
  $y += 1; var_dump($y); $y -= 0.5; var_dump($y); $y *= 2; var_dump($y); $y /= 4; var_dump($y);
  $y++; var_dump($y); ++$y; var_dump($y); $y--; --$y; var_dump($y);
  $z = $y++; var_dump($z, $y);
  var_dump($x < 2, $x <= 1.5, $x > null, -$x < null, $x == 1.5, $x != 1.5, $x == true, $x == "1.5", $x < "abc");
  var_dump($x * null, $x + true, $x * "2", $x . "s", "v=$x", $x * PHP_INT_MAX);
  try { var_dump($x / 0); } catch (DivisionByZeroError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
  try { var_dump($x % 0); } catch (DivisionByZeroError $e) { echo $e->getMessage(), "\n"; }
  try { var_dump($x + []); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
  try { var_dump($x * "abc"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
  var_dump($x * "5 apples");
  $n = -0.0; $m = $n * 1.0; var_dump($m, 1 / ($m + 1.0));
  $i = INF; $j = $i - $i; var_dump($i, $j, $j == $j, $j != $j, $i > 1e308);
  $arr = [1, 2]; $k = 0.0; $k = $k + 1; var_dump($arr[$k]);
  $s = 0.1; $t = 0; for ($q = 0; $q < 10; $q++) { $s = $s + 0.1; } var_dump($s);
  return $x * 3;
}
var_dump(a());
function b($p) {
  $f = 2.5;
  $g = $f * $p;     // generic param operand
  var_dump($g);
  $h = $f * $undefined;
  var_dump($h);
  return $g;
}
var_dump(b(2)); var_dump(b(null)); var_dump(b(true)); var_dump(b("4"));
try { b([1]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
function b2($p) { $f = 2.5; $u = $f / $p; var_dump($u); $w = $p / $f; var_dump($w); }
b2(2); b2("5"); b2(true);
try { b2(0); } catch (DivisionByZeroError $e) { echo $e->getMessage(), " line ", $e->getLine(), "\n"; }
try { b2(null); } catch (DivisionByZeroError $e) { echo $e->getMessage(), " line ", $e->getLine(), "\n"; }
function c() {
  $v = 0;
  for ($i = 0; $i < 3; $i++) { $w = $v; $v = 1.25 * $i; echo "$w $v\n"; }
  $a = 0.5;
  while ($a < 100) { $a = $a * 3; }
  echo $a, "\n";
  $b = 1.0; $b = $b + ($b = 2.0); var_dump($b);
  $c = 1.0; $c = ($c = 3.0) + $c; var_dump($c);
  $d = 2.0; $e = $d ** 2; var_dump($e, $d % 3, intdiv((int)$d, 1));
  $big = 9007199254740993; $f = 0.5; var_dump($f + $big, $f * ($big - 1));
  $g = 3.0; var_dump($g <=> 2, $g === 3.0, $g !== 3, (int)$g, (string)$g, $g ?? 1, isset($g));
}
c();
function d() { $x = 1.5; $y = 0; if (rand(0,0)) { $y = 2.5; } echo $y + $x, "\n"; }
d();
function e() { $r = 0; for ($i = 0; $i < 3; $i++) { $r = $r + 0.5; } var_dump($r); }
e();
function f() { $a = 0.5; $b = $a; unset($a); var_dump($b * 2); }
f();
function g() { $a = 0.5; $fn = function() use ($a) { return $a * 2; }; var_dump($fn(), $a * 2); }
g();
function h() { $a = 1.5; $b = &$a; $b = 7; var_dump($a * 2); }
h();
function i2() { $x = 0.5; $x = $x * 2; echo "$x\n"; printf("%s %d %.2f\n", $x, $x, $x); echo json_encode([$x, $x * 1.5]), "\n"; var_dump([$x => 1]); }
i2();
function j() { $e = 1.5; $e = $e * 2; try { throw new Exception("x"); } catch (Exception $e) { } try { var_dump($e * 2); } catch (TypeError $t) { echo $t->getMessage(), "\n"; } }
j();
function j2() { $n = 0; $n = $n + 1; try { throw new Exception("y"); } catch (Exception $n) { } return $n; }
var_dump(get_class(j2()));
--EXPECTF--
float(3)
float(2.5)
float(0)
float(-1.5)
float(1.5)
float(4)
float(3.5)
float(7)
float(1.75)
float(2.75)
float(3.75)
float(1.75)
float(1.75)
float(2.75)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
float(0)
float(2.5)
float(3)
string(4) "1.5s"
string(5) "v=1.5"
float(1.3835058055282164E+19)
DivisionByZeroError: Division by zero

Deprecated: Implicit conversion from float 1.5 to int loses precision in %s on line 13
Modulo by zero
Unsupported operand types: float + array
Unsupported operand types: float * string

Warning: A non-numeric value encountered in %s on line 16
float(7.5)
float(-0)
float(1)
float(INF)
float(NAN)
bool(false)
bool(true)
bool(true)
int(2)
float(1.0999999999999999)
float(4.5)
float(5)

Warning: Undefined variable $undefined in %s on line 28
float(0)
float(5)
float(0)

Warning: Undefined variable $undefined in %s on line 28
float(0)
float(0)
float(2.5)

Warning: Undefined variable $undefined in %s on line 28
float(0)
float(2.5)
float(10)

Warning: Undefined variable $undefined in %s on line 28
float(0)
float(10)
Unsupported operand types: float * array
float(1.25)
float(0.8)
float(0.5)
float(2)
float(2.5)
float(0.4)
Division by zero line 34
Division by zero line 34
0 0
0 1.25
1.25 2.5
121.5
float(4)
float(6)
float(4)
int(2)
int(2)
float(9007199254740992)
float(4503599627370496)
int(1)
bool(true)
bool(true)
int(3)
string(1) "3"
float(3)
bool(true)
1.5
float(1.5)
float(1)
float(1)
float(1)
int(14)
1
1 1 1.00
[1,1.5]
array(1) {
  [1]=>
  int(1)
}
Unsupported operand types: Exception * int
string(9) "Exception"
