--TEST--
Compound assignment to a local (+= -= *= %=) with any value: the value first, then two ints inline, everything else through the operators
--FILE--
<?php
function t() {
    $x = 1; $x += ($x = 5); var_dump($x);
    $y = 10; $y -= $y++; var_dump($y);
    $z = 7; $z *= 3000000000; var_dump($z);
    $w = PHP_INT_MAX; $w += 1; var_dump($w);
    $m = 17; $m %= 5; var_dump($m);
    try { $d = 3; $d %= 0; } catch (DivisionByZeroError $e) { echo $e->getMessage(), "\n"; }
    $s = "5"; $s += 2; var_dump($s);
    $f = 1.5; $f += 2; var_dump($f);
    $n = null; $n += 3; var_dump($n);
    $a = [1]; try { $a += 1; } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
    $b = [1]; $b += [5, 6]; var_dump($b);
    $neg = -2147483648; $neg -= 1; var_dump($neg);
    $p = 0; $p *= -5; var_dump($p);
    $x = 0; for ($i = 0; $i < 5; $i++) { $x += $i * 2; } var_dump($x);
}
t();
--EXPECT--
int(10)
int(1)
int(21000000000)
float(9.223372036854776E+18)
int(2)
Modulo by zero
int(7)
float(3.5)
int(3)
Unsupported operand types: array + int
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(6)
}
int(-2147483649)
int(0)
int(20)
