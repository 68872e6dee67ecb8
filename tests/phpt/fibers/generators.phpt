--TEST--
Fiber: generators whose bodies suspend the fiber (foreach, yield from, send)
--FILE--
<?php
// generators step inside fibers: their bodies can suspend the fiber
function numbers($limit) {
    for ($i = 1; $i <= $limit; $i++) {
        $factor = Fiber::suspend("need factor for $i");
        yield $i => $i * $factor;
    }
    return 'numbers done';
}
function delegating() {
    $r = yield from numbers(2);
    echo "inner returned $r\n";
    yield from ['a' => 'x', 'b' => 'y'];
    return 'outer done';
}
$fiber = new Fiber(function () {
    foreach (numbers(2) as $k => $v) echo "$k => $v\n";
    $g = delegating();
    foreach ($g as $k => $v) echo "$k => $v\n";
    echo $g->getReturn(), "\n";
    $echo = (function () { while (true) { $got = yield; echo "got $got\n"; if ($got === 'stop') return Fiber::suspend('echo stopped'); } })();
    $echo->current();
    $echo->send('one');
    $echo->send('stop');
    echo "echo returned ", $echo->getReturn(), "\n";
});
// a generator made by normal code, first started inside the fiber
$made_outside = (function () { yield Fiber::suspend('outside-made generator'); })();
$second = new Fiber(function () use ($made_outside) { return $made_outside->current(); });

$v = $fiber->start();
$n = 2;
while (!$fiber->isTerminated()) {
    echo "[$v]\n";
    $v = $fiber->resume($n++);
}
var_dump($second->start());
$second->resume('resumed value');
var_dump($second->getReturn());
--EXPECT--
[need factor for 1]
1 => 2
[need factor for 2]
2 => 6
[need factor for 1]
1 => 4
[need factor for 2]
2 => 10
inner returned numbers done
a => x
b => y
outer done
got one
got stop
[echo stopped]
echo returned 6
string(22) "outside-made generator"
string(13) "resumed value"
