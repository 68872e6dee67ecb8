<?php
// What parallel's operations cost, measured from PHP: starting a Runtime (cold, then on a warm
// worker), a task's round trip (run + value) on a started Runtime, and a channel send + recv in one
// thread (the copying and locking, without any thread switch). Each line gives the wall time and the
// CPU time the whole process spent (all threads), per operation: on a busy machine the second is
// the steadier. Usage: parallel_costs.php [N]
use parallel\{Runtime, Channel};

$N = (int)($argv[1] ?? 2000);

function cpu(): float {
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}
function measure(string $what, int $n, string $unit, Closure $f): void {
    $scale = $unit === 'ms' ? 1e3 : 1e6;
    $c = cpu();
    $t = hrtime(true);
    $f();
    $wall = (hrtime(true) - $t) / 1e9;
    printf("%-52s %9.2f %s wall, %9.2f %s cpu\n", $what, $wall / $n * $scale, $unit, (cpu() - $c) / $n * $scale, $unit);
}

measure("runtime start (cold worker)", 1, 'ms', function () use (&$first) { $first = new Runtime(); });
$first->run(fn() => 1)->value();
usleep(500000); // the pool warms a spare meanwhile
measure("runtime start (warm worker)", 1, 'ms', function () use (&$second) { $second = new Runtime(); });

measure("task round trip (run + value)", $N, 'us', function () use ($first, $N) {
    for ($i = 0; $i < $N; $i++) $first->run(fn($x) => $x + 1, [$i])->value();
});

$c = Channel::make("cost", 1);
$M = $N * 20;
measure("channel send + recv of an int, one thread", $M, 'us', function () use ($c, $M) {
    for ($i = 0; $i < $M; $i++) { $c->send($i); $c->recv(); }
});
$row = ['id' => 1, 'name' => 'a name', 'tags' => ['x', 'y', 'z'], 'score' => 1.5];
measure("channel send + recv of a 4-entry array, one thread", $M, 'us', function () use ($c, $M, $row) {
    for ($i = 0; $i < $M; $i++) { $c->send($row); $c->recv(); }
});
