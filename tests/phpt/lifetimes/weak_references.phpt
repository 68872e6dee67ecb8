--TEST--
WeakReference and WeakMap forget an object once it is destroyed
--FILE--
<?php
$o = new stdClass;
$w = WeakReference::create($o);
var_dump($w->get() === $o);
unset($o);
var_dump($w->get());
$m = new WeakMap;
$k = new stdClass;
$m[$k] = 'value';
var_dump(count($m), $m[$k]);
$k = null;
var_dump(count($m));
?>
--EXPECT--
bool(true)
NULL
int(1)
string(5) "value"
int(0)
