--TEST--
ArrayObject: dims, iteration, nested writes, getIterator storage
--FILE--
<?php
$ao = new ArrayObject(["a" => 1, "b" => 2]);
$ao["c"] = 3; $ao[] = 4; unset($ao["a"]);
$ao["n"] = [1]; $ao["n"][] = 2;
foreach ($ao as $k => $v) echo $k, "=", is_array($v) ? implode(",", $v) : $v, "\n";
var_dump(isset($ao["b"]), isset($ao["zz"]), $ao->offsetExists("c"));
var_dump($ao->getIterator());
try { $ao->setIteratorClass("stdClass"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
b=2
c=3
0=4
n=1,2
bool(true)
bool(false)
bool(true)
object(ArrayIterator)#3 (1) {
  ["storage":"ArrayIterator":private]=>
  object(ArrayObject)#1 (1) {
    ["storage":"ArrayObject":private]=>
    array(4) {
      ["b"]=>
      int(2)
      ["c"]=>
      int(3)
      [0]=>
      int(4)
      ["n"]=>
      array(2) {
        [0]=>
        int(1)
        [1]=>
        int(2)
      }
    }
  }
}
ArrayObject::setIteratorClass(): Argument #1 ($iteratorClass) must be a class name derived from ArrayIterator, stdClass given
