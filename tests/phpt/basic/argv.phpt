--TEST--
$argv and $argc come from --ARGS--
--ARGS--
one "two words" 3
--FILE--
<?php
var_dump($argc);
var_dump(basename($argv[0]) === basename(__FILE__));
var_dump(array_slice($argv, 1));
var_dump($_SERVER['argc'] === $argc);
--EXPECT--
int(4)
bool(true)
array(3) {
  [0]=>
  string(3) "one"
  [1]=>
  string(9) "two words"
  [2]=>
  string(1) "3"
}
bool(true)
