--TEST--
Bitwise operators inline (& | ^ >> <<) and int parameters as int locals, against PHP's 64-bit results
--FILE--
<?php
function ops($a, $b) {
    return [$a & $b, $a | $b, $a ^ $b, $a & 0xffffff, $a | 5, $a ^ 3, $a >> 3, $a << 2, $a >> 31, $a << 31, ($a * 69069 + 1) & 0xffffff, ($a - 1) & 255];
}
foreach ([[0, 0], [5, 3], [-1, 7], [2147483647, -2147483648], [2**40 + 3, 12345], [-(2**40) - 1, 255], [PHP_INT_MAX, 1], [PHP_INT_MIN, -1], [9007199254740993, 3]] as [$a, $b]) {
    echo implode(' ', ops($a, $b)), "\n";
}
// strings are bitwise string operations; floats convert (with a deprecation when they lose precision)
var_dump("ab" & "c", "12" & 0xff, 7.0 & 3, 7.5 & 3, null | 4, true ^ 1, "5" >> 1, 1.0 << 3);
try { var_dump(1 << -1); } catch (ArithmeticError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump([] & 1); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(1 << 64, -8 >> 64, 3 << 62, 1 << 53, (1 << 52) + 1 - 1);

// int parameters: ints from the start, whatever the caller passed
function checksum(int $seed, int $steps): int {
    $x = $seed;
    $sum = 0;
    for ($i = 0; $i < $steps; $i++) {
        $x = ($x * 69069 + 1) & 0xffffff;
        $sum = ($sum + ($x >> 8)) & 0xffffff;
    }
    return $sum;
}
var_dump(checksum(1, 1000), checksum("17", 10), checksum(2.0, 5), checksum(true, 3), checksum(-5, 100), checksum(PHP_INT_MAX, 3));
function addup(int $n = -3) { $t = $n; $t += 2.5; return [$n + 1, $t, $n - 1]; }
var_dump(addup(), addup(PHP_INT_MAX), addup(PHP_INT_MIN));
function deprecated(int $x) { return $x; }
var_dump(deprecated(7.5));
--EXPECTF--
0 0 0 0 5 3 0 0 0 0 1 255
1 7 6 5 5 6 0 20 0 10737418240 345346 4
7 -1 -8 16777215 -1 -4 -1 -4 -1 -2147483648 16708148 254
0 -1 -1 16777215 2147483647 2147483644 268435455 8589934588 0 4611686016279904256 16708148 254
1 1099511640123 1099511640122 3 1099511627783 1099511627776 137438953472 4398046511116 512 6442450944 207208 2
255 -1099511627777 -1099511628032 16777215 -1099511627777 -1099511627780 -137438953473 -4398046511108 -513 -2147483648 16708148 254

Deprecated: Implicit conversion from float 6.370490832135225E+23 to int loses precision in %s on line 3
1 9223372036854775807 9223372036854775806 16777215 9223372036854775807 9223372036854775804 1152921504606846975 -4 4294967295 -2147483648 0 254

Deprecated: Implicit conversion from float -6.370490832135225E+23 to int loses precision in %s on line 3
-9223372036854775808 -1 9223372036854775807 0 -9223372036854775803 -9223372036854775805 -1152921504606846976 0 -4294967296 0 0 0

Deprecated: Implicit conversion from float 6.221182453257056E+20 to int loses precision in %s on line 3
1 9007199254740995 9007199254740994 1 9007199254740997 9007199254740994 1125899906842624 36028797018963972 4194304 2147483648 0 0

Deprecated: Implicit conversion from float 7.5 to int loses precision in %s on line 9
string(1) "a"
int(12)
int(3)
int(3)
int(4)
int(0)
int(2)
int(8)
ArithmeticError: Bit shift by negative number
TypeError: Unsupported operand types: array & int
int(0)
int(-1)
int(-4611686018427387904)
int(9007199254740992)
int(4503599627370496)

Deprecated: Implicit conversion from float 6.370490832135225E+23 to int loses precision in %s on line 19
int(15549994)
int(261140)
int(134364)
int(46023)
int(3425585)
int(269)
array(3) {
  [0]=>
  int(-2)
  [1]=>
  float(-0.5)
  [2]=>
  int(-4)
}
array(3) {
  [0]=>
  float(9.223372036854776E+18)
  [1]=>
  float(9.223372036854776E+18)
  [2]=>
  int(9223372036854775806)
}
array(3) {
  [0]=>
  int(-9223372036854775807)
  [1]=>
  float(-9.223372036854776E+18)
  [2]=>
  float(-9.223372036854776E+18)
}

Deprecated: Implicit conversion from float 7.5 to int loses precision in %s on line 27
int(7)
