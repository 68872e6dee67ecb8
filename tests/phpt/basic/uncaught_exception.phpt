--TEST--
An uncaught exception prints a fatal error with its stack trace
--FILE--
<?php
function fail(string $why) {
    throw new RuntimeException($why);
}
echo "before\n";
fail("boom");
echo "not reached\n";
--EXPECTF--
before

Fatal error: Uncaught RuntimeException: boom in %s:%d
Stack trace:
#0 %s(%d): fail('boom')
#1 {main}
  thrown in %s on line %d
