--TEST--
goto to an undefined label is a compile error
--FILE--
<?php function f() { goto nowhere; }

--EXPECTF--

Fatal error: 'goto' to undefined label 'nowhere' in %s on line 1
