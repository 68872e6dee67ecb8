--TEST--
return without value in a function with a return type
--FILE--
<?php function f(): int { return; }

--EXPECTF--

Fatal error: A function with return type must return a value in %s on line 1
