--TEST--
mt_rand/rand with MT19937 and MT_RAND_PHP, 64-bit ranges
--FILE--
<?php
mt_srand(1); echo mt_rand(), " ", mt_rand(1, 100), " ", mt_rand(0, PHP_INT_MAX), " ", rand(), "\n";
mt_srand(1, MT_RAND_PHP); echo mt_rand(), " ", mt_rand(1, 100), " ", mt_rand(0, PHP_INT_MAX), "\n";
mt_srand(1, 5); echo mt_rand(1,100), "\n";
var_dump(log(8, 2), log(1, 1), abs(PHP_INT_MIN), max("abc", 0), min([1, "1"]), base_convert("ff", 16, 2), bindec("1z1"), decbin(-1), dechex(PHP_INT_MAX), hexdec("ffffffffffffffff"), base_convert("ffffffffffffffffff", 16, 10));
var_dump(round(2.5,0,99), round(-2.5, 0, 99), round(1.955, 2), round(5.045, 2), round(5.055, 2), round(1234567.891, -3), round(3, -1), round(1.0E+25, 2), round(0.285, 2, PHP_ROUND_HALF_EVEN));
--EXPECTF--
895547922 40 7979274942357647244 245631
1244335972 1 6643820751960932352
46

Deprecated: Invalid characters passed for attempted conversion, these have been ignored in %s on line 5
float(3)
float(NAN)
float(9.223372036854776E+18)
string(3) "abc"
int(1)
string(8) "11111111"
int(3)
string(64) "1111111111111111111111111111111111111111111111111111111111111111"
string(16) "7fffffffffffffff"
float(1.8446744073709552E+19)
string(22) "4722366482869646642046"
float(3)
float(-3)
float(1.96)
float(5.05)
float(5.06)
float(1235000)
float(0)
float(1.0E+25)
float(0.28)
