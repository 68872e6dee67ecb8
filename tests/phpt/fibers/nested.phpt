--TEST--
Fiber: nested fibers and fibers resuming each other
--FILE--
<?php
// a fiber started in a fiber suspends to its own starter; fibers can be resumed from other fibers
$log = [];
$inner = new Fiber(function ($x) use (&$log) {
    $log[] = "inner start $x";
    $y = Fiber::suspend('inner suspended');
    $log[] = "inner resumed with $y";
    return 'inner done';
});
$outer = new Fiber(function () use ($inner, &$log) {
    $log[] = 'outer: ' . $inner->start('A');
    var_dump($inner->isSuspended(), Fiber::getCurrent() !== $inner);
    $z = Fiber::suspend('outer suspended');
    $log[] = "outer resumed with $z";
    return 'outer done';
});
var_dump($outer->start());
// the main code resumes the inner fiber that the outer one started
$inner->resume('from main');
var_dump($inner->getReturn());
$outer->resume('again');
var_dump($outer->getReturn());
print_r($log);

// one fiber resuming another, each switching back and forth
$ping = new Fiber(function () {
    for ($i = 0; $i < 3; $i++) echo 'ping ', Fiber::suspend($i), "\n";
});
$pong = new Fiber(function () use ($ping) {
    $v = $ping->start();
    while (!$ping->isTerminated()) {
        $got = Fiber::suspend($v);
        $v = $ping->resume("pong $got");
    }
});
$v = $pong->start();
while (!$pong->isTerminated()) $v = $pong->resume($v * 10);
--EXPECT--
bool(true)
bool(true)
string(15) "outer suspended"
string(10) "inner done"
string(10) "outer done"
Array
(
    [0] => inner start A
    [1] => outer: inner suspended
    [2] => inner resumed with from main
    [3] => outer resumed with again
)
ping pong 0
ping pong 10
ping pong 20
