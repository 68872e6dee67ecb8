--TEST--
goto out of a finally block is a compile error
--FILE--
<?php function f() { try { } finally { goto out; } out: }

--EXPECTF--

Fatal error: jump out of a finally block is disallowed in %s on line 1
