--TEST--
Inline int arithmetic of any operands and string joins (32-bit ints inline, everything else through the operators)
--FILE--
<?php
function f($a, $b) {
  $r = [];
  $r[] = $a[0] + $b[0]; $r[] = $a[0] - $b[1]; $r[] = $a[1] * $b[2]; $r[] = $a[2] % $b[3];
  $r[] = $a[0] * PHP_INT_MAX; $r[] = $a[3] + 1; $r[] = -7 % $b[4]; $r[] = $a[4] % 3;
  try { $r[] = $a[0] % $b[5]; } catch (DivisionByZeroError $e) { $r[] = $e->getMessage(); }
  $r[] = $a[5] * $b[6]; $r[] = $a[0] % $b[7]; $r[] = PHP_INT_MIN % $b[7];
  return $r;
}
var_dump(f([5, 2147483647, -9, 1.5, -4, 0], [3, -2147483648, 2147483647, 4, 3, 0, -5, -1]));
var_dump(f(["5", "2147483647", "-9", "1.5", "-4", "0"], [3, null, true, 4, 3, 0, -5, -1]));
function g($x) { $s = ""; $s .= "a\"b\\"; $s .= $x; return [$s, $x . "q", "p" . $x]; }
var_dump(g("w"), g(2), g(null), g(1.0));
--EXPECT--
array(12) {
  [0]=>
  int(8)
  [1]=>
  int(2147483653)
  [2]=>
  int(4611686014132420609)
  [3]=>
  int(-1)
  [4]=>
  float(4.611686018427388E+19)
  [5]=>
  float(2.5)
  [6]=>
  int(-1)
  [7]=>
  int(-1)
  [8]=>
  string(14) "Modulo by zero"
  [9]=>
  int(0)
  [10]=>
  int(0)
  [11]=>
  int(0)
}
array(12) {
  [0]=>
  int(8)
  [1]=>
  int(5)
  [2]=>
  int(2147483647)
  [3]=>
  int(-1)
  [4]=>
  float(4.611686018427388E+19)
  [5]=>
  float(2.5)
  [6]=>
  int(-1)
  [7]=>
  int(-1)
  [8]=>
  string(14) "Modulo by zero"
  [9]=>
  int(0)
  [10]=>
  int(0)
  [11]=>
  int(0)
}
array(3) {
  [0]=>
  string(5) "a"b\w"
  [1]=>
  string(2) "wq"
  [2]=>
  string(2) "pw"
}
array(3) {
  [0]=>
  string(5) "a"b\2"
  [1]=>
  string(2) "2q"
  [2]=>
  string(2) "p2"
}
array(3) {
  [0]=>
  string(4) "a"b\"
  [1]=>
  string(1) "q"
  [2]=>
  string(1) "p"
}
array(3) {
  [0]=>
  string(5) "a"b\1"
  [1]=>
  string(2) "1q"
  [2]=>
  string(2) "p1"
}
