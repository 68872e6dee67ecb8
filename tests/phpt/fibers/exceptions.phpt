--TEST--
Fiber: exceptions thrown into and out of a fiber, finally blocks, traces
--FILE--
<?php
// exceptions cross the fiber boundary both ways; finally blocks run
function risky() {
    try {
        return Fiber::suspend('in try');
    } finally {
        echo "risky finally\n";
    }
}
$fiber = new Fiber(function () {
    try {
        risky();
    } catch (DomainException $e) {
        echo "caught inside: ", $e->getMessage(), "\n";
    }
    try {
        Fiber::suspend('again');
    } catch (Exception $e) {
        echo "caught ", get_class($e), "\n";
    }
    echo "value after catch: ", Fiber::suspend('third'), "\n";
    throw new RuntimeException('out of the fiber');
});
var_dump($fiber->start());
var_dump($fiber->throw(new DomainException('thrown in')));
var_dump($fiber->throw(new LogicException('second')));
try {
    $fiber->resume('x');
} catch (RuntimeException $e) {
    echo "caught outside: ", $e->getMessage(), " at line ", $e->getLine(), "\n";
    echo $e->getTraceAsString(), "\n";
}
var_dump($fiber->isTerminated());
try {
    $fiber->getReturn();
} catch (FiberError $e) {
    echo $e->getMessage(), "\n";
}
// an uncaught exception thrown in a fiber shows the fiber's frames then the resumer's
function fail($v) { throw new Exception("failed with $v"); }
$f = new Fiber(function () { fail(Fiber::suspend()); });
$f->start();
$f->resume('value');
--EXPECTF--
string(6) "in try"
risky finally
caught inside: thrown in
string(5) "again"
caught LogicException
value after catch: string(5) "third"
x
caught outside: out of the fiber at line 22
#0 [internal function]: {closure}()
#1 %s(28): Fiber->resume('x')
#2 {main}
bool(true)
Cannot get fiber return value: The fiber threw an exception

Fatal error: Uncaught Exception: failed with value in %s:40
Stack trace:
#0 %s(41): fail('value')
#1 [internal function]: {closure}()
#2 %s(43): Fiber->resume('value')
#3 {main}
  thrown in %s on line 40
