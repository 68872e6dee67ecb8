--TEST--
Fiber: FiberError and Error messages for misuse
--FILE--
<?php
// FiberError for each misuse, with php-src's words
function attempt(callable $f) {
    try {
        $f();
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
attempt(fn() => Fiber::suspend(1));
$fiber = new Fiber(fn() => Fiber::suspend(1));
attempt(fn() => $fiber->resume());
attempt(fn() => $fiber->throw(new Exception));
attempt(fn() => $fiber->getReturn());
$fiber->start();
attempt(fn() => $fiber->start());
attempt(fn() => $fiber->getReturn());
attempt(fn() => $fiber->__construct(fn() => 1));
$fiber->resume();
attempt(fn() => $fiber->resume());
var_dump($fiber->getReturn());
attempt(fn() => new FiberError('no'));
attempt(fn() => clone $fiber);
$self = new Fiber(function () { Fiber::getCurrent()->resume(); });
attempt(fn() => $self->start());
attempt(fn() => new Fiber('no_such_function'));
var_dump(new FiberError instanceof Error);
--EXPECTF--
FiberError: Cannot suspend outside of a fiber
FiberError: Cannot resume a fiber that is not suspended
FiberError: Cannot resume a fiber that is not suspended
FiberError: Cannot get fiber return value: The fiber has not been started
FiberError: Cannot start a fiber that has already been started
FiberError: Cannot get fiber return value: The fiber has not returned
FiberError: Cannot call constructor twice
FiberError: Cannot resume a fiber that is not suspended
NULL
Error: The "FiberError" class is reserved for internal use and cannot be manually instantiated
Error: Trying to clone an uncloneable object of class Fiber
FiberError: Cannot resume a fiber that is not suspended
TypeError: Fiber::__construct(): Argument #1 ($callback) must be a valid callback, function "no_such_function" not found or invalid function name

Fatal error: Uncaught Error: The "FiberError" class is reserved for internal use and cannot be manually instantiated in %s:27
Stack trace:
#0 %s(27): FiberError->__construct()
#1 {main}
  thrown in %s on line 27
