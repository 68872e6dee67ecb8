--TEST--
Locals that only ever hold ints count past 2^53 and overflow to float at 2^63 (inline ++/--/+1 paths)
--FILE--
<?php
function f() {
  $i = 9007199254740990; $i++; $i++; $i++; var_dump($i);
  $j = 9223372036854775806; $j++; $j++; var_dump($j);
  $k = -9223372036854775807; $k--; $k--; var_dump($k);
  $m = 5; $m += 3; $m = $m * 2 - 1; $m++; var_dump($m);
  $n = 3; $n = $n % 2; $n--; var_dump($n);
  $p = 1; for ($q = 0; $q < 70; $q++) { $p = $p * 2; } var_dump($p);
  $z = 0; $z = $z + 9007199254740990; $z = $z + 1; $z = $z + 1; var_dump($z);
  $b = true; $b++; var_dump($b);
  $u = null; $u++; var_dump($u); $v = null; $v--; var_dump($v);
  $w = 7; $w = -$w; $w--; var_dump($w);
  $x = 10; $x = $x / 4; $x++; var_dump($x);
  $s = 1; $s = $s + 0.5; $s++; var_dump($s);
  $t = 2; $t += 0.25; $t--; var_dump($t);
  $a = 4503599627370496; $b = $a; $c = $a + $b; var_dump($c); $c = $c + $a; var_dump($c); $c = $c - $a; var_dump($c);
  $d = 3037000500; $e = $d * $d; var_dump($e); $e = $d; $e *= $d; $e *= $d; var_dump($e);
  $g = 0; $h = -5; $p = $g * $h; var_dump($p); $p = $h - $g; var_dump($p); $p += $h; var_dump($p);
  $q = 9223372036854775807; $r = 1; $q += $r; var_dump($q);
  $n1 = null; $n2 = 4; $n1 = $n1 + $n2; var_dump($n1);
}
f();
?>
--EXPECT--
int(9007199254740993)
float(9.223372036854776E+18)
float(-9.223372036854776E+18)
int(16)
int(0)
float(1.1805916207174113E+21)
int(9007199254740992)
bool(true)
int(1)
NULL
int(-8)
float(3.5)
float(2.5)
float(1.25)
int(9007199254740992)
int(13510798882111488)
int(9007199254740992)
float(9.22337203700025E+18)
float(2.8011385488055774E+28)
int(0)
int(-5)
int(-10)
float(9.223372036854776E+18)
int(4)
