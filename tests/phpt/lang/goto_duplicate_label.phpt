--TEST--
a label defined twice is a compile error
--FILE--
<?php function f() { x: x: goto x; }

--EXPECTF--

Fatal error: Label 'x' already defined in %s on line 1
