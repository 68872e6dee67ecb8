--TEST--
Scalar return types: values taken inline, the rest rejected (strict_types)
--FILE--
<?php declare(strict_types=1);
function i1($v): int { return $v; }
function f1($v): float { return $v; }
function s1($v): string { return $v; }
function b1($v): bool { return $v; }
function n1($v): ?int { return $v; }
foreach ([1, 2147483648, -5, 1.0, 1.5, "7", "x", true, null, [1], PHP_INT_MAX, NAN] as $v) {
  foreach (['i1', 'f1', 's1', 'b1', 'n1'] as $f) {
    try { var_dump($f($v)); } catch (TypeError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
  }
}
function loc(): int { $s = 0; for ($i = 0; $i < 10; $i++) { $s = ($s + $i) & 0xff; } return $s; }
var_dump(loc());
function fl(): float { $x = 0.5; $x = $x * 4; return $x; }
var_dump(fl());
--EXPECT--
int(1)
float(1)
TypeError: s1(): Return value must be of type string, int returned
TypeError: b1(): Return value must be of type bool, int returned
int(1)
int(2147483648)
float(2147483648)
TypeError: s1(): Return value must be of type string, int returned
TypeError: b1(): Return value must be of type bool, int returned
int(2147483648)
int(-5)
float(-5)
TypeError: s1(): Return value must be of type string, int returned
TypeError: b1(): Return value must be of type bool, int returned
int(-5)
TypeError: i1(): Return value must be of type int, float returned
float(1)
TypeError: s1(): Return value must be of type string, float returned
TypeError: b1(): Return value must be of type bool, float returned
TypeError: n1(): Return value must be of type ?int, float returned
TypeError: i1(): Return value must be of type int, float returned
float(1.5)
TypeError: s1(): Return value must be of type string, float returned
TypeError: b1(): Return value must be of type bool, float returned
TypeError: n1(): Return value must be of type ?int, float returned
TypeError: i1(): Return value must be of type int, string returned
TypeError: f1(): Return value must be of type float, string returned
string(1) "7"
TypeError: b1(): Return value must be of type bool, string returned
TypeError: n1(): Return value must be of type ?int, string returned
TypeError: i1(): Return value must be of type int, string returned
TypeError: f1(): Return value must be of type float, string returned
string(1) "x"
TypeError: b1(): Return value must be of type bool, string returned
TypeError: n1(): Return value must be of type ?int, string returned
TypeError: i1(): Return value must be of type int, bool returned
TypeError: f1(): Return value must be of type float, bool returned
TypeError: s1(): Return value must be of type string, bool returned
bool(true)
TypeError: n1(): Return value must be of type ?int, bool returned
TypeError: i1(): Return value must be of type int, null returned
TypeError: f1(): Return value must be of type float, null returned
TypeError: s1(): Return value must be of type string, null returned
TypeError: b1(): Return value must be of type bool, null returned
NULL
TypeError: i1(): Return value must be of type int, array returned
TypeError: f1(): Return value must be of type float, array returned
TypeError: s1(): Return value must be of type string, array returned
TypeError: b1(): Return value must be of type bool, array returned
TypeError: n1(): Return value must be of type ?int, array returned
int(9223372036854775807)
float(9.223372036854776E+18)
TypeError: s1(): Return value must be of type string, int returned
TypeError: b1(): Return value must be of type bool, int returned
int(9223372036854775807)
TypeError: i1(): Return value must be of type int, float returned
float(NAN)
TypeError: s1(): Return value must be of type string, float returned
TypeError: b1(): Return value must be of type bool, float returned
TypeError: n1(): Return value must be of type ?int, float returned
int(45)
float(2)
