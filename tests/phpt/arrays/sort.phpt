--TEST--
sort family: flags, stability, user callbacks, natural order, multisort
--FILE--
<?php
// sort flags, stability, reverse variants
$a = ["10", 9, "9a", 1.5, true, null, "abc", [1]];
sort($a); var_dump($a);
$b = ["b" => 1, "a" => 1, "c" => 0, "d" => 1];
asort($b); var_dump($b);
arsort($b); var_dump($b);
$c = ["img12", "img10", "IMG2", "img1", "img02"];
sort($c, SORT_NATURAL | SORT_FLAG_CASE); var_dump($c);
sort($c, SORT_STRING); var_dump($c);
rsort($c, SORT_STRING | SORT_FLAG_CASE); var_dump($c);
$d = ["10" => 'a', "9" => 'b', "x" => 'c', "-1" => 'd'];
ksort($d); var_dump($d);
krsort($d, SORT_STRING); var_dump($d);
$e = [3, 1, 2];
usort($e, fn($x, $y) => $x > $y); var_dump($e);
uksort($d, fn($x, $y) => strcmp((string)$x, (string)$y)); var_dump($d);
$f = ["x" => 2, "y" => 1];
uasort($f, fn($x, $y) => $x <=> $y); var_dump($f);
$n = ["a10", "a9", "A1 ", "a 2"]; natcasesort($n); var_dump($n);
var_dump(strnatcmp_check());
function strnatcmp_check() { $x = ["0.5", "0.10", "x01", "x1", "x001"]; natsort($x); return $x; }
$m1 = [3, 1, 3]; $m2 = ["c", "a", "b"];
array_multisort($m1, SORT_DESC, $m2, SORT_ASC); var_dump($m1, $m2);
try { array_multisort($m1, SORT_DESC, SORT_ASC); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { array_multisort($m1, [1]); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
--EXPECTF--
array(8) {
  [0]=>
  NULL
  [1]=>
  float(1.5)
  [2]=>
  int(9)
  [3]=>
  string(2) "10"
  [4]=>
  string(2) "9a"
  [5]=>
  bool(true)
  [6]=>
  string(3) "abc"
  [7]=>
  array(1) {
    [0]=>
    int(1)
  }
}
array(4) {
  ["c"]=>
  int(0)
  ["b"]=>
  int(1)
  ["a"]=>
  int(1)
  ["d"]=>
  int(1)
}
array(4) {
  ["b"]=>
  int(1)
  ["a"]=>
  int(1)
  ["d"]=>
  int(1)
  ["c"]=>
  int(0)
}
array(5) {
  [0]=>
  string(5) "img02"
  [1]=>
  string(4) "img1"
  [2]=>
  string(4) "IMG2"
  [3]=>
  string(5) "img10"
  [4]=>
  string(5) "img12"
}
array(5) {
  [0]=>
  string(4) "IMG2"
  [1]=>
  string(5) "img02"
  [2]=>
  string(4) "img1"
  [3]=>
  string(5) "img10"
  [4]=>
  string(5) "img12"
}
array(5) {
  [0]=>
  string(4) "IMG2"
  [1]=>
  string(5) "img12"
  [2]=>
  string(5) "img10"
  [3]=>
  string(4) "img1"
  [4]=>
  string(5) "img02"
}
array(4) {
  [-1]=>
  string(1) "d"
  [9]=>
  string(1) "b"
  [10]=>
  string(1) "a"
  ["x"]=>
  string(1) "c"
}
array(4) {
  ["x"]=>
  string(1) "c"
  [9]=>
  string(1) "b"
  [10]=>
  string(1) "a"
  [-1]=>
  string(1) "d"
}

Deprecated: usort(): Returning bool from comparison function is deprecated, return an integer less than, equal to, or greater than zero in %s on line 16
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
array(4) {
  [-1]=>
  string(1) "d"
  [10]=>
  string(1) "a"
  [9]=>
  string(1) "b"
  ["x"]=>
  string(1) "c"
}
array(2) {
  ["y"]=>
  int(1)
  ["x"]=>
  int(2)
}
array(4) {
  [2]=>
  string(3) "A1 "
  [3]=>
  string(3) "a 2"
  [1]=>
  string(2) "a9"
  [0]=>
  string(3) "a10"
}
array(5) {
  [0]=>
  string(3) "0.5"
  [1]=>
  string(4) "0.10"
  [4]=>
  string(4) "x001"
  [2]=>
  string(3) "x01"
  [3]=>
  string(2) "x1"
}
array(3) {
  [0]=>
  int(3)
  [1]=>
  int(3)
  [2]=>
  int(1)
}
array(3) {
  [0]=>
  string(1) "b"
  [1]=>
  string(1) "c"
  [2]=>
  string(1) "a"
}
array_multisort(): Argument #3 must be an array or a sort flag that has not already been specified
Array sizes are inconsistent
