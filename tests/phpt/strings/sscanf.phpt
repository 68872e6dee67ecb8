--TEST--
sscanf conversions and errors
--FILE--
<?php
function t($f) { try { $r = $f(); var_dump($r); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
t(fn() => sscanf("", "%d"));
t(fn() => sscanf("12 apples", "%d %s %s"));
t(fn() => sscanf("12 apples", "%d %s", $a));
t(fn() => sscanf("12", "%d %1\$s"));
t(fn() => sscanf("12", "%q"));
t(fn() => sscanf("age: 25 name: bob", "age: %d name: %s %n"));
t(fn() => sscanf("0x1A 077 -5 4294967295 3.5e2 abc", "%x %i %u %u %f %c"));
t(fn() => sscanf("12", "%d", $a, $b));
t(fn() => sscanf("hello world", "%[a-z] %[^x]"));
t(fn() => sscanf("", "%d", $a));
t(fn() => sscanf("abc", "%d", $a));
t(fn() => sscanf("x", "%*d%d"));
t(fn() => sscanf("12 34", "%2\$d %1\$d"));
--EXPECT--
NULL
array(3) {
  [0]=>
  int(12)
  [1]=>
  string(6) "apples"
  [2]=>
  NULL
}
ValueError: Different numbers of variable names and field specifiers
ValueError: cannot mix "%" and "%n$" conversion specifiers
ValueError: Bad scan conversion character "q"
array(3) {
  [0]=>
  int(25)
  [1]=>
  string(3) "bob"
  [2]=>
  int(17)
}
array(6) {
  [0]=>
  int(26)
  [1]=>
  int(63)
  [2]=>
  string(20) "18446744073709551611"
  [3]=>
  int(4294967295)
  [4]=>
  float(350)
  [5]=>
  string(1) "a"
}
ValueError: Variable is not assigned by any conversion specifiers
array(2) {
  [0]=>
  string(5) "hello"
  [1]=>
  string(5) "world"
}
int(-1)
int(0)
array(1) {
  [0]=>
  NULL
}
array(2) {
  [0]=>
  int(34)
  [1]=>
  int(12)
}
