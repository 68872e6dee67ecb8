--TEST--
pthreads classes: merge, shift, pop, chunk, count, and foreach by reference refused
--FILE--
<?php
$t = new Threaded();
$t->merge(["a" => 1, "b" => 2, 5 => "five"]);
$t->merge(["a" => 10, "c" => 3], false);
var_dump($t->count(), $t["a"], $t["c"]);
$other = new Threaded();
$other->x = "from other";
$t->merge($other);
$o = new stdClass;
$o->y = "from stdClass";
$t->merge($o);
var_dump($t->shift(), $t->pop(), count($t));
var_dump($t->chunk(2), $t->chunk(2, true), count($t));
var_dump((new Threaded)->shift());
try {
    foreach ($t as &$v) {}
} catch (RuntimeException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
int(4)
int(1)
int(3)
int(1)
string(13) "from stdClass"
int(4)
array(2) {
  [0]=>
  int(2)
  [1]=>
  string(4) "five"
}
array(2) {
  ["c"]=>
  int(3)
  ["x"]=>
  string(10) "from other"
}
int(0)
NULL
iteration by reference is not allowed on Threaded objects
