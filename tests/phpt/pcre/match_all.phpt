--TEST--
preg_match_all: orders, flags, empty matches
--FILE--
<?php
var_dump(preg_match_all('/(a)(?<n>b)?/', 'ab a ab', $m), $m);
var_dump(preg_match_all('/(a)(b)?/', 'ab a', $m, PREG_SET_ORDER), $m);
var_dump(preg_match_all('/(a)(b)?/', 'ab a', $m, PREG_SET_ORDER | PREG_OFFSET_CAPTURE), $m);
var_dump(preg_match_all('/(a)(b)?/', 'a', $m, PREG_PATTERN_ORDER | PREG_UNMATCHED_AS_NULL), $m);
var_dump(preg_match_all('/a*?/', 'aa', $m), $m);
var_dump(preg_match_all('/\d/', '1a2b3'));
var_dump(preg_match_all('/x/', 'abc', $m), $m);
try { preg_match_all('/a/', 'a', $m, 99); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
int(3)
array(4) {
  [0]=>
  array(3) {
    [0]=>
    string(2) "ab"
    [1]=>
    string(1) "a"
    [2]=>
    string(2) "ab"
  }
  [1]=>
  array(3) {
    [0]=>
    string(1) "a"
    [1]=>
    string(1) "a"
    [2]=>
    string(1) "a"
  }
  ["n"]=>
  array(3) {
    [0]=>
    string(1) "b"
    [1]=>
    string(0) ""
    [2]=>
    string(1) "b"
  }
  [2]=>
  array(3) {
    [0]=>
    string(1) "b"
    [1]=>
    string(0) ""
    [2]=>
    string(1) "b"
  }
}
int(2)
array(2) {
  [0]=>
  array(3) {
    [0]=>
    string(2) "ab"
    [1]=>
    string(1) "a"
    [2]=>
    string(1) "b"
  }
  [1]=>
  array(2) {
    [0]=>
    string(1) "a"
    [1]=>
    string(1) "a"
  }
}
int(2)
array(2) {
  [0]=>
  array(3) {
    [0]=>
    array(2) {
      [0]=>
      string(2) "ab"
      [1]=>
      int(0)
    }
    [1]=>
    array(2) {
      [0]=>
      string(1) "a"
      [1]=>
      int(0)
    }
    [2]=>
    array(2) {
      [0]=>
      string(1) "b"
      [1]=>
      int(1)
    }
  }
  [1]=>
  array(2) {
    [0]=>
    array(2) {
      [0]=>
      string(1) "a"
      [1]=>
      int(3)
    }
    [1]=>
    array(2) {
      [0]=>
      string(1) "a"
      [1]=>
      int(3)
    }
  }
}
int(1)
array(3) {
  [0]=>
  array(1) {
    [0]=>
    string(1) "a"
  }
  [1]=>
  array(1) {
    [0]=>
    string(1) "a"
  }
  [2]=>
  array(1) {
    [0]=>
    NULL
  }
}
int(5)
array(1) {
  [0]=>
  array(5) {
    [0]=>
    string(0) ""
    [1]=>
    string(1) "a"
    [2]=>
    string(0) ""
    [3]=>
    string(1) "a"
    [4]=>
    string(0) ""
  }
}
int(3)
int(0)
array(1) {
  [0]=>
  array(0) {
  }
}
preg_match_all(): Argument #4 ($flags) must be a PREG_* constant
