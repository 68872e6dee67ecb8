<?php
// phpts pthreads demo: real threads running PHP on several cores, with mutexes, condition variables
// and Volatile storage shared between them. Run: ./bin/phpts examples/pthreads_demo.php

const WORDS = ['alpha', 'beta', 'gamma'];
function shout(string $s): string { return strtoupper($s) . '!'; }
class Greeter {
    function __construct(private string $who) {}
    function greet(): string { return "hello, {$this->who}"; }
}

echo "== 1. start and join: the thread has the program's functions, classes and constants\n";
$suffix = '?';
$t = pthreads_thread_start(function (string $who) use ($suffix) {
    echo "  ", (new Greeter($who))->greet(), " ", shout(WORDS[1]), $suffix, "\n";
}, 'thread');
var_dump(pthreads_thread_join($t), pthreads_thread_isJoined($t), pthreads_thread_isRunning($t));
try {
    pthreads_thread_join($t);
} catch (RuntimeException $e) {
    echo "  second join: ", $e->getMessage(), "\n";
}

echo "== 2. a mutex-protected counter: 4 threads x 5,000 increments\n";
$m = pthreads_mutex_create();
$counter = pthreads_volatile_create();
pthreads_volatile_set($counter, 'n', 0);
$threads = [];
for ($i = 0; $i < 4; $i++) {
    $threads[] = pthreads_thread_start(function ($m, $counter) {
        for ($k = 0; $k < 5000; $k++) {
            pthreads_mutex_lock($m);
            pthreads_volatile_set($counter, 'n', pthreads_volatile_get($counter, 'n') + 1);
            pthreads_mutex_unlock($m);
        }
    }, $m, $counter);
}
foreach ($threads as $t) pthreads_thread_join($t);
echo "  counter = ", pthreads_volatile_get($counter, 'n'), "\n";

echo "== 3. trylock while another thread holds the lock\n";
pthreads_mutex_lock($m);
$t = pthreads_thread_start(fn($m) => print("  trylock in thread: " . var_export(pthreads_mutex_trylock($m), true) . "\n"), $m);
pthreads_thread_join($t);
pthreads_mutex_unlock($m);

echo "== 4. producer/consumer with a condition variable\n";
$cond = pthreads_cond_create();
$queue = pthreads_volatile_create();
pthreads_volatile_set($queue, 'items', []);
$consumer = pthreads_thread_start(function ($m, $cond, $queue) {
    $got = [];
    while (true) {
        pthreads_mutex_lock($m);
        while (!($items = pthreads_volatile_get($queue, 'items'))) pthreads_cond_wait($cond, $m);
        $item = array_shift($items);
        pthreads_volatile_set($queue, 'items', $items);
        pthreads_mutex_unlock($m);
        if ($item === 'stop') break;
        $got[] = $item;
    }
    echo "  consumer got ", implode(' ', $got), "\n";
}, $m, $cond, $queue);
foreach ([...WORDS, 'stop'] as $w) {
    pthreads_mutex_lock($m);
    $items = pthreads_volatile_get($queue, 'items');
    $items[] = $w;
    pthreads_volatile_set($queue, 'items', $items);
    pthreads_cond_signal($cond);
    pthreads_mutex_unlock($m);
}
pthreads_thread_join($consumer);

echo "== 5. values cross by copy; handles by identity\n";
$box = pthreads_volatile_create();
$data = ['list' => [1, 2, 3], 'greeter' => new Greeter('copy')];
pthreads_volatile_set($box, 'data', $data);
pthreads_volatile_set($box, 'mutex', $m);
$copy = pthreads_volatile_get($box, 'data');
var_dump($copy == $data, $copy['greeter'] !== $data['greeter'], pthreads_volatile_get($box, 'mutex') === $m);

echo "== 6. an uncaught exception ends only its thread\n";
$t = pthreads_thread_start(function () { throw new DomainException('thread failed'); });
var_dump(pthreads_thread_join($t));

echo "== 7. misuse is reported the PHP way\n";
foreach ([fn() => pthreads_mutex_lock($cond), fn() => pthreads_mutex_unlock($m)] as $bad) {
    try {
        $bad();
    } catch (Throwable $e) {
        echo "  ", get_class($e), ": ", $e->getMessage(), "\n";
    }
}

echo "== 8. CPU-bound work on 2 threads\n";
function sum_of_squares(int $from, int $to): int { $s = 0; for ($i = $from; $i < $to; $i++) $s += $i * $i % 7; return $s; }
$t0 = hrtime(true);
$one = sum_of_squares(0, 4_000_000);
$t1 = hrtime(true);
$r = pthreads_volatile_create();
$ts = [
    pthreads_thread_start(fn($r) => pthreads_volatile_set($r, 0, sum_of_squares(0, 2_000_000)), $r),
    pthreads_thread_start(fn($r) => pthreads_volatile_set($r, 1, sum_of_squares(2_000_000, 4_000_000)), $r),
];
foreach ($ts as $t) pthreads_thread_join($t);
$t2 = hrtime(true);
$two = pthreads_volatile_get($r, 0) + pthreads_volatile_get($r, 1);
printf("  same result: %s; 1 thread %.0f ms, 2 threads %.0f ms\n", var_export($one === $two, true), ($t1 - $t0) / 1e6, ($t2 - $t1) / 1e6);
