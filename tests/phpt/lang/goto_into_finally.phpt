--TEST--
goto into a finally block is a compile error
--FILE--
<?php function f() { try { goto in; } finally { in: } }

--EXPECTF--

Fatal error: jump into a finally block is disallowed in %s on line 1
