--TEST--
goto into a loop is a compile error
--FILE--
<?php function f() { goto x; while (0) { x: echo 1; } }

--EXPECTF--

Fatal error: 'goto' into loop or switch statement is disallowed in %s on line 1
