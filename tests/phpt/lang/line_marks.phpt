--TEST--
Line numbers in warnings, exceptions and backtraces where statements that call nothing set no line
--FILE--
<?php
function f() {
  $a = 1.5;
  for ($i = 0; $i < 2; $i++) {
    $b = $a * 2;
    $c = $undefined + 1;
    $d = 0;
  }
  while (true) { $x = 1;
    echo $y; break; }
  if (true) { echo $z; }
  $k = 0; $k = $k + 1; echo $q;
  do { $m = 1; } while (false);
  echo $r;
  $count = 0;
  for ($j = 0; $j < 3; $j++) { $count++; }
  echo "count $count\n";
  $e = 1; $e = $e == 1 ? $w : 2;
  try { throw new Exception("x"); } catch (Exception $ex) { echo $ex->getLine(), "\n"; }
  $n = 0;
  while (1) { $n = $n + 1; if ($n > 2) break; }
  echo debug_backtrace()[0]['line'] ?? 'none', "\n";
  g();
}
function g() { $t = 0; $t = 1; print_r(array_map(fn($f) => $f['line'] ?? '-', debug_backtrace())); }
f();
--EXPECTF--

Warning: Undefined variable $undefined in %s on line 6

Warning: Undefined variable $undefined in %s on line 6

Warning: Undefined variable $y in %s on line 10

Warning: Undefined variable $z in %s on line 11

Warning: Undefined variable $q in %s on line 12

Warning: Undefined variable $r in %s on line 14
count 3

Warning: Undefined variable $w in %s on line 18
19
26
Array
(
    [0] => 23
    [1] => 26
)
