--TEST--
array building, slicing, splicing, stack functions, range
--FILE--
<?php
// building, slicing and splicing
var_dump(array_merge(['a' => 1, 5 => 2], [5 => 3, 'a' => 4], []));
var_dump(array_merge_recursive(['a' => 1, 'b' => ['x' => 1]], ['a' => 2, 'b' => ['x' => 2, 3]]));
var_dump(array_replace([1, 2, 3], [1 => 'b'], [3 => 'd']));
var_dump(array_replace_recursive(['a' => ['b' => 1, 'c' => 2]], ['a' => ['b' => 9]]));
var_dump(array_combine(['a', 1.5, true, null], [1, 2, 3, 4]));
var_dump(array_flip(['a', 'b', 'c' => 'x']));
var_dump(array_fill(5, 3, 'v'), array_fill(-3, 3, 0));
var_dump(array_fill_keys(['a', 5, '7'], null));
var_dump(array_pad([1, 2], 4, 0), array_pad([1, 2], -4, 0), array_pad(['x' => 1, 5 => 2], 3, 0));
var_dump(array_chunk(['a' => 1, 'b' => 2, 'c' => 3], 2), array_chunk(['a' => 1, 'b' => 2, 'c' => 3], 2, true));
var_dump(array_slice(['a' => 1, 5 => 2, 6 => 3, 'b' => 4], 1, -1), array_slice([1, 2, 3, 4], -2, 1, true));
$a = ['x' => 1, 2, 3, 'y' => 4];
$r = array_splice($a, 1, 2, 'new'); var_dump($a, $r);
$a = [1, 2, 3]; array_splice($a, -1, 0, [8, 9]); var_dump($a);
$a = [5 => 'a', 'k' => 'b', 9 => 'c'];
var_dump(array_shift($a), $a); array_unshift($a, 'z', 'y'); var_dump($a);
$a = [1, 2, 3]; var_dump(array_pop($a)); $a[] = 'x'; var_dump($a);
$a = [3 => 'a']; var_dump(array_push($a, 'b', 'c'), $a);
var_dump(array_reverse(['a' => 1, 2, 3]), array_reverse(['a' => 1, 2, 3], true));
var_dump(array_change_key_case(['Ab' => 1, 'aB' => 2, 5 => 3], CASE_UPPER));
var_dump(range(5, 1, 2), range('z', 'w'), range('A', 'C', 1), range(1, 2, 0.5), range('1', '3'));
try { range(1, 2, 5); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { range(1, INF); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { array_fill(0, -1, 1); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { array_chunk([], 0); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { array_combine([1], []); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
array(3) {
  ["a"]=>
  int(4)
  [0]=>
  int(2)
  [1]=>
  int(3)
}
array(2) {
  ["a"]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
  ["b"]=>
  array(2) {
    ["x"]=>
    array(2) {
      [0]=>
      int(1)
      [1]=>
      int(2)
    }
    [0]=>
    int(3)
  }
}
array(4) {
  [0]=>
  int(1)
  [1]=>
  string(1) "b"
  [2]=>
  int(3)
  [3]=>
  string(1) "d"
}
array(1) {
  ["a"]=>
  array(2) {
    ["b"]=>
    int(9)
    ["c"]=>
    int(2)
  }
}
array(4) {
  ["a"]=>
  int(1)
  ["1.5"]=>
  int(2)
  [1]=>
  int(3)
  [""]=>
  int(4)
}
array(3) {
  ["a"]=>
  int(0)
  ["b"]=>
  int(1)
  ["x"]=>
  string(1) "c"
}
array(3) {
  [5]=>
  string(1) "v"
  [6]=>
  string(1) "v"
  [7]=>
  string(1) "v"
}
array(3) {
  [-3]=>
  int(0)
  [-2]=>
  int(0)
  [-1]=>
  int(0)
}
array(3) {
  ["a"]=>
  NULL
  [5]=>
  NULL
  [7]=>
  NULL
}
array(4) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(0)
  [3]=>
  int(0)
}
array(4) {
  [0]=>
  int(0)
  [1]=>
  int(0)
  [2]=>
  int(1)
  [3]=>
  int(2)
}
array(3) {
  ["x"]=>
  int(1)
  [0]=>
  int(2)
  [1]=>
  int(0)
}
array(2) {
  [0]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
  [1]=>
  array(1) {
    [0]=>
    int(3)
  }
}
array(2) {
  [0]=>
  array(2) {
    ["a"]=>
    int(1)
    ["b"]=>
    int(2)
  }
  [1]=>
  array(1) {
    ["c"]=>
    int(3)
  }
}
array(2) {
  [0]=>
  int(2)
  [1]=>
  int(3)
}
array(1) {
  [2]=>
  int(3)
}
array(3) {
  ["x"]=>
  int(1)
  [0]=>
  string(3) "new"
  ["y"]=>
  int(4)
}
array(2) {
  [0]=>
  int(2)
  [1]=>
  int(3)
}
array(5) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(8)
  [3]=>
  int(9)
  [4]=>
  int(3)
}
string(1) "a"
array(2) {
  ["k"]=>
  string(1) "b"
  [0]=>
  string(1) "c"
}
array(4) {
  [0]=>
  string(1) "z"
  [1]=>
  string(1) "y"
  ["k"]=>
  string(1) "b"
  [2]=>
  string(1) "c"
}
int(3)
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  string(1) "x"
}
int(3)
array(3) {
  [3]=>
  string(1) "a"
  [4]=>
  string(1) "b"
  [5]=>
  string(1) "c"
}
array(3) {
  [0]=>
  int(3)
  [1]=>
  int(2)
  ["a"]=>
  int(1)
}
array(3) {
  [1]=>
  int(3)
  [0]=>
  int(2)
  ["a"]=>
  int(1)
}
array(2) {
  ["AB"]=>
  int(2)
  [5]=>
  int(3)
}
array(3) {
  [0]=>
  int(5)
  [1]=>
  int(3)
  [2]=>
  int(1)
}
array(4) {
  [0]=>
  string(1) "z"
  [1]=>
  string(1) "y"
  [2]=>
  string(1) "x"
  [3]=>
  string(1) "w"
}
array(3) {
  [0]=>
  string(1) "A"
  [1]=>
  string(1) "B"
  [2]=>
  string(1) "C"
}
array(3) {
  [0]=>
  float(1)
  [1]=>
  float(1.5)
  [2]=>
  float(2)
}
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
range(): Argument #3 ($step) must not exceed the specified range
Invalid range supplied: start=1 end=inf
array_fill(): Argument #2 ($count) must be greater than or equal to 0
array_chunk(): Argument #2 ($length) must be greater than 0
array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements
