--TEST--
abs/ceil/floor/round (all modes), float functions, base conversion, min/max
--FILE--
<?php
$vals = [0, 1, -1, 2.5, -2.5, 3.14159, -3.14159, 1.955, 1.45, -1.45, 5.055, 1e15, 1.23456789e-5, 0.285, 1.4999999999, PHP_INT_MAX, "3.7", true, null];
foreach ($vals as $v) {
  echo @abs($v), " ", @ceil($v), " ", @floor($v), " ";
  foreach ([0, 1, 2, -1, 3] as $p) foreach ([1,2,3,4] as $m) echo @round($v, $p, $m), ",";
  echo "\n";
}
var_dump(round(5, -1), round(15, -1), round(-0.4), abs(-5.0), ceil(-0.5), floor(5), round(1.0E+25, -20));
var_dump(fmod(10, 3), fdiv(1, 0), fdiv(-1, 0), fdiv(0, 0), intdiv(-7, 2), pow(2, 63), pow(-2, 63), pow(2, -1), pow("3", 2), pow(0, 0), 2 ** 0.5);
var_dump(hypot(3, 4), deg2rad(180), rad2deg(M_PI), exp(1), log(M_E), log10(1000), log1p(0), expm1(0), sqrt(-1), is_nan(NAN), is_finite(INF), is_infinite(-INF));
var_dump(decbin(255), decoct(8), dechex(255), decbin(PHP_INT_MIN), dechex(-255), bindec("0b101"), hexdec("0xff"), octdec("0o17"), octdec("777"), base_convert("zz", 36, 2), base_convert("-ff", 16, 10), bindec(str_repeat("1", 64)));
var_dump(max(1, 2.5, "3"), min([3, "2", 1.5]), max([1, 2], [1, 3]), max("apple", "banana"), min(null, -1), max(true, 2), max([0 => 'a'], 'b'));
try { max(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { max(1); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { max([]); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { log(1, 0); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { base_convert("1", 1, 2); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { intdiv(PHP_INT_MIN, -1); } catch (ArithmeticError $e) { echo $e->getMessage(), "\n"; }
var_dump(log(0), log(-1), log(8, 1), round(3.0E-7, 7), round(0.1 + 0.7, 1) * 10);
--EXPECTF--
0 0 0 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
1 1 1 1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,1,1,1,1,
1 -1 -1 -1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-0,-0,-0,-0,-1,-1,-1,-1,
2.5 3 2 3,2,2,3,2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5,0,0,0,0,2.5,2.5,2.5,2.5,
2.5 -2 -3 -3,-2,-2,-3,-2.5,-2.5,-2.5,-2.5,-2.5,-2.5,-2.5,-2.5,-0,-0,-0,-0,-2.5,-2.5,-2.5,-2.5,
3.14159 4 3 3,3,3,3,3.1,3.1,3.1,3.1,3.14,3.14,3.14,3.14,0,0,0,0,3.142,3.142,3.142,3.142,
3.14159 -3 -4 -3,-3,-3,-3,-3.1,-3.1,-3.1,-3.1,-3.14,-3.14,-3.14,-3.14,-0,-0,-0,-0,-3.142,-3.142,-3.142,-3.142,
1.955 2 1 2,2,2,2,2,2,2,2,1.96,1.95,1.96,1.95,0,0,0,0,1.955,1.955,1.955,1.955,
1.45 2 1 1,1,1,1,1.5,1.4,1.4,1.5,1.45,1.45,1.45,1.45,0,0,0,0,1.45,1.45,1.45,1.45,
1.45 -1 -2 -1,-1,-1,-1,-1.5,-1.4,-1.4,-1.5,-1.45,-1.45,-1.45,-1.45,-0,-0,-0,-0,-1.45,-1.45,-1.45,-1.45,
5.055 6 5 5,5,5,5,5.1,5.1,5.1,5.1,5.06,5.05,5.06,5.05,10,10,10,10,5.055,5.055,5.055,5.055,
1.0E+15 1.0E+15 1.0E+15 1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,1.0E+15,
1.23456789E-5 1 0 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
0.285 1 0 0,0,0,0,0.3,0.3,0.3,0.3,0.29,0.28,0.28,0.29,0,0,0,0,0.285,0.285,0.285,0.285,
1.4999999999 2 1 1,1,1,1,1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5,0,0,0,0,1.5,1.5,1.5,1.5,
9223372036854775807 9.2233720368548E+18 9.2233720368548E+18 9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,9.2233720368548E+18,
3.7 4 3 4,4,4,4,3.7,3.7,3.7,3.7,3.7,3.7,3.7,3.7,0,0,0,0,3.7,3.7,3.7,3.7,
1 1 1 1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,1,1,1,1,
0 0 0 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
float(10)
float(20)
float(-0)
float(5)
float(-0)
float(5)
float(1.0E+25)
float(1)
float(INF)
float(-INF)
float(NAN)
int(-3)
float(9.223372036854776E+18)
int(-9223372036854775808)
float(0.5)
int(9)
int(1)
float(1.4142135623730951)
float(5)
float(3.141592653589793)
float(180)
float(2.718281828459045)
float(1)
float(3)
float(0)
float(0)
float(NAN)
bool(true)
bool(false)
bool(true)

Deprecated: Invalid characters passed for attempted conversion, these have been ignored in %s on line 11
string(8) "11111111"
string(2) "10"
string(2) "ff"
string(64) "1000000000000000000000000000000000000000000000000000000000000000"
string(16) "ffffffffffffff01"
int(5)
int(255)
int(15)
int(511)
string(11) "10100001111"
string(3) "255"
float(1.8446744073709552E+19)
string(1) "3"
float(1.5)
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(3)
}
string(6) "banana"
NULL
bool(true)
array(1) {
  [0]=>
  string(1) "a"
}
max() expects at least 1 argument, 0 given
max(): Argument #1 ($value) must be of type array, int given
max(): Argument #1 ($value) must contain at least one element
log(): Argument #2 ($base) must be greater than 0
base_convert(): Argument #2 ($from_base) must be between 2 and 36 (inclusive)
Division of PHP_INT_MIN by -1 is not an integer
float(-INF)
float(NAN)
float(NAN)
float(3.0E-7)
float(8)
