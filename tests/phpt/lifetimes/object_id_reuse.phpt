--TEST--
A destroyed object's handle is reused (var_dump #N, spl_object_id)
--FILE--
<?php
var_dump(new stdClass);
var_dump(new stdClass);
$a = new stdClass;
$id = spl_object_id($a);
unset($a);
$b = new stdClass;
var_dump(spl_object_id($b) === $id);
function f() { $t = new stdClass; return spl_object_id($t); }
var_dump(f() === f());
?>
--EXPECT--
object(stdClass)#1 (0) {
}
object(stdClass)#1 (0) {
}
bool(true)
bool(true)
