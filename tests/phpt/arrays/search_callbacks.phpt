--TEST--
searching, callbacks, aggregates, pointer, min/max, diff/intersect
--FILE--
<?php
// searching, callbacks, aggregates, internal pointer
var_dump(in_array("1e1", [10]), in_array("abc", [0]), in_array(null, [0], true), in_array(0, ["a"]));
var_dump(array_search("2", [1, 2, 3]), array_search(2.0, [1, 2], true));
var_dump(array_keys(['a' => 1, 'b' => '1', 'c' => 2], 1, true));
var_dump(count([1, [2, [3, 4]]], COUNT_RECURSIVE), count([]));
try { count(null); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { count([], 3); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
class C implements Countable { function count(): int { return 42; } }
var_dump(count(new C), sizeof([1, 2]));
var_dump(array_map(null, [1, 2], ['a']), array_map(fn($a, $b) => $a . $b, ['x' => 1, 'y' => 2], [3, 4]));
var_dump(array_map('strtoupper', ['k' => 'a', 'b']));
var_dump(array_filter(['a' => 1, 'b' => 2, 'c' => 3], fn($k) => $k != 'b', ARRAY_FILTER_USE_KEY));
var_dump(array_filter([1, 2, 3, 4], fn($v, $k) => $v % 2 && $k, ARRAY_FILTER_USE_BOTH));
var_dump(array_reduce([1, 2, 3], fn($c, $x) => $c + $x, 10));
$data = ['a' => [1, 2], 'b' => 3];
array_walk_recursive($data, function (&$v, $k, $m) { $v = $v * $m; }, 10); var_dump($data);
$copy = $data; array_walk($data, function (&$v, $k) { $v = is_array($v) ? 'arr' : $k; }); var_dump($data, $copy);
var_dump(array_sum([1, '2', 3.5, 'x', null, true, [5]]), array_product([]), array_product(['2', 3]), array_sum([PHP_INT_MAX, 1]));
var_dump(array_unique([4, "4", "3", 4, 3, "3"]), array_unique(["a" => "green", "red", "b" => "green", "blue", "red"]));
var_dump(array_unique([1, "1", 1.0, true], SORT_REGULAR));
var_dump(array_count_values([1, "hello", 1, "world", "hello", "1"]));
var_dump(array_column([['id' => 3, 'v' => 'a'], ['v' => 'b'], ['id' => 5]], 'v', 'id'));
$o1 = new stdClass; $o1->name = 'n1'; $o2 = new stdClass; $o2->name = 'n2';
var_dump(array_column([$o1, $o2], 'name'));
var_dump(array_key_first(['x' => 1, 'y' => 2]), array_key_last([1, 2, 3]), array_key_first([]));
var_dump(array_key_exists(null, ['' => 1]), key_exists(1, [1 => null]), array_is_list([1, 2]), array_is_list([1 => 1]));
$p = ['a' => 1, 'b' => 2, 'c' => 3];
var_dump(current($p), next($p), next($p), next($p), key($p), prev($p), reset($p), end($p), key($p), pos($p));
$q = []; var_dump(current($q), end($q), key($q));
var_dump(min([3, 'a', 1]), max('apple', 'banana'), max([1, 2], [1, 3]), min(0, 'a'));
var_dump(array_diff_key(['a' => 1, 'b' => 2, 0 => 3], ['a' => 9, '0' => 9]));
var_dump(array_diff_assoc(['a' => 1, 'b' => 2], ['a' => '1', 'b' => 3]));
var_dump(array_intersect_key(['a' => 1, 'b' => 2, 'c' => 3], ['a' => 0, 'c' => 0]));
var_dump(array_intersect_assoc(['a' => 'g', 'b' => 'r'], ['a' => 'g', 'b' => 'x']));
var_dump(array_uintersect(['a', 'B', 'c'], ['b', 'C'], 'strcasecmp'));
var_dump(array_diff_ukey(['a' => 1, 'B' => 2], ['b' => 1], 'strcasecmp'));
var_dump(array_udiff_uassoc(['a' => 'x', 'b' => 'y'], ['A' => 'X'], 'strcasecmp', 'strcasecmp'));
var_dump(array_intersect_uassoc(['a' => 'x', 'b' => 'y'], ['A' => 'x'], 'strcasecmp'));
--EXPECT--
bool(true)
bool(false)
bool(false)
bool(false)
int(1)
bool(false)
array(1) {
  [0]=>
  string(1) "a"
}
int(6)
int(0)
count(): Argument #1 ($value) must be of type Countable|array, null given
count(): Argument #2 ($mode) must be either COUNT_NORMAL or COUNT_RECURSIVE
int(42)
int(2)
array(2) {
  [0]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(1) "a"
  }
  [1]=>
  array(2) {
    [0]=>
    int(2)
    [1]=>
    NULL
  }
}
array(2) {
  [0]=>
  string(2) "13"
  [1]=>
  string(2) "24"
}
array(2) {
  ["k"]=>
  string(1) "A"
  [0]=>
  string(1) "B"
}
array(2) {
  ["a"]=>
  int(1)
  ["c"]=>
  int(3)
}
array(1) {
  [2]=>
  int(3)
}
int(16)
array(2) {
  ["a"]=>
  array(2) {
    [0]=>
    int(10)
    [1]=>
    int(20)
  }
  ["b"]=>
  int(30)
}
array(2) {
  ["a"]=>
  string(3) "arr"
  ["b"]=>
  string(1) "b"
}
array(2) {
  ["a"]=>
  array(2) {
    [0]=>
    int(10)
    [1]=>
    int(20)
  }
  ["b"]=>
  int(30)
}
float(7.5)
int(1)
int(6)
float(9.223372036854776E+18)
array(2) {
  [0]=>
  int(4)
  [2]=>
  string(1) "3"
}
array(3) {
  ["a"]=>
  string(5) "green"
  [0]=>
  string(3) "red"
  [1]=>
  string(4) "blue"
}
array(1) {
  [0]=>
  int(1)
}
array(3) {
  [1]=>
  int(3)
  ["hello"]=>
  int(2)
  ["world"]=>
  int(1)
}
array(2) {
  [3]=>
  string(1) "a"
  [4]=>
  string(1) "b"
}
array(2) {
  [0]=>
  string(2) "n1"
  [1]=>
  string(2) "n2"
}
string(1) "x"
int(2)
NULL
bool(true)
bool(true)
bool(true)
bool(false)
int(1)
int(2)
int(3)
bool(false)
NULL
bool(false)
int(1)
int(3)
string(1) "c"
int(3)
bool(false)
bool(false)
NULL
int(1)
string(6) "banana"
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(3)
}
int(0)
array(1) {
  ["b"]=>
  int(2)
}
array(1) {
  ["b"]=>
  int(2)
}
array(2) {
  ["a"]=>
  int(1)
  ["c"]=>
  int(3)
}
array(1) {
  ["a"]=>
  string(1) "g"
}
array(2) {
  [1]=>
  string(1) "B"
  [2]=>
  string(1) "c"
}
array(1) {
  ["a"]=>
  int(1)
}
array(1) {
  ["b"]=>
  string(1) "y"
}
array(1) {
  ["a"]=>
  string(1) "x"
}
