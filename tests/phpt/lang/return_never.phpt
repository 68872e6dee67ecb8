--TEST--
a never-returning function must not return
--FILE--
<?php function f(): never { return; }

--EXPECTF--

Fatal error: A never-returning function must not return in %s on line 1
