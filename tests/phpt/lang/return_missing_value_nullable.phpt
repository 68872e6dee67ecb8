--TEST--
return without value in a nullable function suggests return null
--FILE--
<?php function f(): ?int { return; }

--EXPECTF--

Fatal error: A function with return type must return a value (did you mean "return null;" instead of "return;"?) in %s on line 1
