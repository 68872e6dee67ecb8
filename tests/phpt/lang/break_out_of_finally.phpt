--TEST--
break out of a finally block is a compile error
--FILE--
<?php function f() { while (1) { try { } finally { break; } } }

--EXPECTF--

Fatal error: jump out of a finally block is disallowed in %s on line 1
