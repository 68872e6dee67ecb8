--TEST--
Fiber: Iterator and IteratorAggregate methods suspend in foreach and yield from
--FILE--
<?php
// Iterator and IteratorAggregate methods run as fiber code in foreach and yield from
class Countdown implements Iterator {
    private $n;
    function __construct(private int $from) {}
    function rewind(): void { $this->n = $this->from; Fiber::suspend('rewind'); }
    function valid(): bool { return $this->n > 0; }
    function current(): mixed { return Fiber::suspend("current {$this->n}"); }
    function key(): mixed { return $this->n; }
    function next(): void { $this->n--; }
}
class Pair implements IteratorAggregate {
    function getIterator(): Generator { yield 'left' => Fiber::suspend('left'); yield 'right' => 'R'; }
}
$fiber = new Fiber(function () {
    foreach (new Countdown(2) as $k => $v) echo "$k: $v\n";
    $gen = (function () { yield from new Pair(); yield from new Countdown(1); })();
    foreach ($gen as $k => $v) echo "$k: $v\n";
});
$v = $fiber->start();
while (!$fiber->isTerminated()) {
    echo "[$v]\n";
    $v = $fiber->resume(strtoupper($v));
}
--EXPECT--
[rewind]
[current 2]
2: CURRENT 2
[current 1]
1: CURRENT 1
[left]
left: LEFT
right: R
[rewind]
[current 1]
1: CURRENT 1
