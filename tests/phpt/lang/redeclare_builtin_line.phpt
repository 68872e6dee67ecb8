--TEST--
Redeclaring a built-in function is reported at the declaration's line, before any statement runs
--FILE--
<?php
echo "not printed\n";
function strlen2() {}
function glob() { }
--EXPECTF--
Fatal error: Cannot redeclare glob() in %s on line 4
