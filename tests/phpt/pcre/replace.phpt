--TEST--
preg_replace, preg_filter, callbacks
--FILE--
<?php
var_dump(preg_replace('/(a)(b)?/', '[$1|\2|${1}1|$9|\\\\|\$1]', 'ab a'));
var_dump(preg_replace(['/a/', '/b/'], ['b', 'c'], 'ab'));
var_dump(preg_replace(['/a/', '/b/'], 'x', ['k' => 'ab', 'cd'], 1, $count), $count);
var_dump(preg_replace(['/a/', '/b/'], ['1'], 'abc'));
var_dump(preg_filter('/\d/', '#', ['a1', 'b', 'c2']));
var_dump(preg_replace('/a*/', '-', 'baac'));
var_dump(preg_replace('/x/', 'y', 'aaa', -1, $c), $c);
var_dump(preg_replace_callback('/\d+/', fn($m) => $m[0] * 2, 'a1 b22 c3', 2, $c), $c);
var_dump(preg_replace_callback('/(?<d>\d)/', function ($m) { return var_export($m, true); }, 'x5', -1, $c, PREG_OFFSET_CAPTURE));
var_dump(preg_replace_callback_array(['/a/' => fn($m) => 'b', '/b/' => fn($m) => 'c'], 'aab', -1, $c), $c);
try { preg_replace('/a/', ['x'], 'a'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
string(28) "[a|b|a1||\|$1] [a||a1||\|$1]"
string(2) "cc"
array(2) {
  ["k"]=>
  string(2) "xx"
  [0]=>
  string(2) "cd"
}
int(2)
string(2) "1c"
array(2) {
  [0]=>
  string(2) "a#"
  [2]=>
  string(2) "c#"
}
string(6) "-b--c-"
string(3) "aaa"
int(0)
string(9) "a2 b44 c3"
int(2)
string(159) "xarray (
  0 => 
  array (
    0 => '5',
    1 => 1,
  ),
  'd' => 
  array (
    0 => '5',
    1 => 1,
  ),
  1 => 
  array (
    0 => '5',
    1 => 1,
  ),
)"
string(3) "ccc"
int(5)
preg_replace(): Argument #1 ($pattern) must be of type array when argument #2 ($replacement) is an array, string given
