--TEST--
Compound assignment to array elements: ints inline, everything else through the operators
--FILE--
<?php
function f() { $a = ['x' => 1, 'y' => 1.5, 'z' => "3", 'w' => PHP_INT_MAX, 0 => 5]; $a['x'] += 2; $a['y'] += 2; $a['z'] += 2; $a['w'] += 1; $a[0] -= 7; $a[0] *= 3; $a['x'] %= 2; $a['q'] = 2; $a['q'] *= 2147483647; $a['x'] .= "s";
 try { $a[0] %= 0; } catch (DivisionByZeroError $e) { echo $e->getMessage(), "\n"; } var_dump($a); }
f();
--EXPECT--
Modulo by zero
array(6) {
  ["x"]=>
  string(2) "1s"
  ["y"]=>
  float(3.5)
  ["z"]=>
  int(5)
  ["w"]=>
  float(9.223372036854776E+18)
  [0]=>
  int(-6)
  ["q"]=>
  int(4294967294)
}
