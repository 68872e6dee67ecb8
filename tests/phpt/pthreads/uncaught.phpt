--TEST--
pthreads: an uncaught exception or fatal error ends only its thread; join still returns true
--FILE--
<?php
function fail($msg) { throw new LogicException($msg); }
$t = pthreads_thread_start(function () { echo "before\n"; fail("in thread"); echo "not reached\n"; });
var_dump(pthreads_thread_join($t));
$t = pthreads_thread_start(function () { undefined_function(); });
var_dump(pthreads_thread_join($t));
$t = pthreads_thread_start(function () { echo "exit\n"; exit(3); });
var_dump(pthreads_thread_join($t));
echo "main goes on\n";
?>
--EXPECTF--
before

Fatal error: Uncaught LogicException: in thread in %s:2
Stack trace:
#0 %s(3): fail('in thread')
#1 [internal function]: {closure}()
#2 {main}
  thrown in %s on line 2
bool(true)

Fatal error: Uncaught Error: Call to undefined function undefined_function() in %s:5
Stack trace:
#0 [internal function]: {closure}()
#1 {main}
  thrown in %s on line 5
bool(true)
exit
bool(true)
main goes on
