--TEST--
preg_split flags and limits
--FILE--
<?php
var_dump(preg_split('//', 'abc'));
var_dump(preg_split('//', 'abc', -1, PREG_SPLIT_NO_EMPTY));
var_dump(preg_split('/(\d)/', 'a1b2c', -1, PREG_SPLIT_DELIM_CAPTURE));
var_dump(preg_split('/,/', 'a,b,,c', 2));
var_dump(preg_split('/,/', 'a,b,,c', -1, PREG_SPLIT_NO_EMPTY | PREG_SPLIT_OFFSET_CAPTURE));
var_dump(preg_split('/\d*/', 'ab1c'));
var_dump(preg_split('/[\s,]+/', "hypertext language, programming"));
--EXPECT--
array(5) {
  [0]=>
  string(0) ""
  [1]=>
  string(1) "a"
  [2]=>
  string(1) "b"
  [3]=>
  string(1) "c"
  [4]=>
  string(0) ""
}
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
  [2]=>
  string(1) "c"
}
array(5) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "1"
  [2]=>
  string(1) "b"
  [3]=>
  string(1) "2"
  [4]=>
  string(1) "c"
}
array(2) {
  [0]=>
  string(1) "a"
  [1]=>
  string(4) "b,,c"
}
array(3) {
  [0]=>
  array(2) {
    [0]=>
    string(1) "a"
    [1]=>
    int(0)
  }
  [1]=>
  array(2) {
    [0]=>
    string(1) "b"
    [1]=>
    int(2)
  }
  [2]=>
  array(2) {
    [0]=>
    string(1) "c"
    [1]=>
    int(5)
  }
}
array(6) {
  [0]=>
  string(0) ""
  [1]=>
  string(1) "a"
  [2]=>
  string(1) "b"
  [3]=>
  string(0) ""
  [4]=>
  string(1) "c"
  [5]=>
  string(0) ""
}
array(3) {
  [0]=>
  string(9) "hypertext"
  [1]=>
  string(8) "language"
  [2]=>
  string(11) "programming"
}
