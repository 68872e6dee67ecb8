--TEST--
Fiber: start, suspend and resume pass values; status methods; getReturn
--FILE--
<?php
// start/suspend/resume pass values both ways; the status methods follow the fiber's life
$fiber = new Fiber(function (string $greeting): string {
    echo "started with $greeting\n";
    $a = Fiber::suspend('first');
    echo "resumed with $a\n";
    $b = Fiber::suspend('second');
    echo "resumed with $b\n";
    return "$a+$b";
});
var_dump($fiber->isStarted(), $fiber->isRunning(), $fiber->isSuspended(), $fiber->isTerminated());
var_dump($fiber->start('hello'));
var_dump($fiber->isStarted(), $fiber->isRunning(), $fiber->isSuspended(), $fiber->isTerminated());
var_dump($fiber->resume(1));
var_dump($fiber->resume(2));
var_dump($fiber->isStarted(), $fiber->isRunning(), $fiber->isSuspended(), $fiber->isTerminated());
var_dump($fiber->getReturn());
// Fiber::suspend() without a value gives null; resume() without one sends null
$f = new Fiber(function () { var_dump(Fiber::suspend()); return Fiber::getCurrent() === $GLOBALS['f']; });
var_dump($f->start());
var_dump($f->resume());
var_dump($f->getReturn());
var_dump(Fiber::getCurrent());
--EXPECT--
bool(false)
bool(false)
bool(false)
bool(false)
started with hello
string(5) "first"
bool(true)
bool(false)
bool(true)
bool(false)
resumed with 1
string(6) "second"
resumed with 2
NULL
bool(true)
bool(false)
bool(false)
bool(true)
string(3) "1+2"
NULL
NULL
NULL
bool(true)
NULL
