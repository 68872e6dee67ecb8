--TEST--
preg_match: groups, names, flags, offset
--FILE--
<?php
var_dump(preg_match('/(\d+)-(?P<word>\w+)(x)?/', 'id 12-foo', $m), $m);
var_dump(preg_match('/(a)(b)?(c)?/', 'a', $m), $m);
var_dump(preg_match('/(a)(b)?(c)?/', 'a', $m, PREG_UNMATCHED_AS_NULL), $m);
var_dump(preg_match('/(a)(b)?(c)/', 'ac', $m, PREG_OFFSET_CAPTURE), $m);
var_dump(preg_match('/^b/', 'ab', $m, 0, 1), preg_match('/b/', 'abc', $m, 0, -2), $m);
var_dump(preg_match('/a/', 'a', $m, 0, 5), preg_last_error(), preg_last_error_msg(), $m);
var_dump(preg_match("/(?<y>\\d{4})-(?'m'\\d\\d)-(?<d>\\d\\d)/", '2024-01-31', $m), $m);
var_dump(preg_match('/abc$/', "abc\n"), preg_match('/abc$/D', "abc\n"), preg_match('/^b$/m', "a\nb\nc"));
var_dump(preg_match('/a.c/', "a\nc"), preg_match('/a.c/s', "a\nc"), preg_match('/ABC/i', 'abc'));
var_dump(preg_match('/a b c # comment
  d/x', 'abcd'), preg_match('/bc/A', 'abc'), preg_match('/a+?/U', 'aaa', $m), $m);
--EXPECT--
int(1)
array(4) {
  [0]=>
  string(6) "12-foo"
  [1]=>
  string(2) "12"
  ["word"]=>
  string(3) "foo"
  [2]=>
  string(3) "foo"
}
int(1)
array(2) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "a"
}
int(1)
array(4) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "a"
  [2]=>
  NULL
  [3]=>
  NULL
}
int(1)
array(4) {
  [0]=>
  array(2) {
    [0]=>
    string(2) "ac"
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
    string(0) ""
    [1]=>
    int(-1)
  }
  [3]=>
  array(2) {
    [0]=>
    string(1) "c"
    [1]=>
    int(1)
  }
}
int(0)
int(1)
array(1) {
  [0]=>
  string(1) "b"
}
bool(false)
int(1)
string(14) "Internal error"
array(0) {
}
int(1)
array(7) {
  [0]=>
  string(10) "2024-01-31"
  ["y"]=>
  string(4) "2024"
  [1]=>
  string(4) "2024"
  ["m"]=>
  string(2) "01"
  [2]=>
  string(2) "01"
  ["d"]=>
  string(2) "31"
  [3]=>
  string(2) "31"
}
int(1)
int(0)
int(1)
int(0)
int(1)
int(1)
int(1)
int(0)
int(1)
array(1) {
  [0]=>
  string(3) "aaa"
}
