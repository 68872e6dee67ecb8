<?php
// CPU-bound PHP work (Collatz step counts) on the main thread alone, then split over 2 threads.
// Prints both times, the speedup and whether the results agree. The pool is warmed first, as a
// long-running program's would be. The threads take alternate numbers (odd ones, even ones): the
// steps grow with n, so halves of the range would give the upper thread half as much work again.
// Usage: cpu_split.php [N]
function collatz_steps(int $from, int $to, int $step = 1): int {
    $total = 0;
    for ($n = $from; $n < $to; $n += $step) {
        $x = $n;
        while ($x !== 1) {
            $x = ($x & 1) ? 3 * $x + 1 : $x >> 1;
            $total++;
        }
    }
    return $total;
}
$N = (int)($argv[1] ?? 800000);
$warm = [pthreads_thread_start(fn() => null), pthreads_thread_start(fn() => null)];
foreach ($warm as $t) pthreads_thread_join($t);

$t0 = hrtime(true);
$single = collatz_steps(1, $N);
$t1 = hrtime(true);
$results = pthreads_volatile_create();
$threads = [
    pthreads_thread_start(function ($v, $to) { pthreads_volatile_set($v, 0, collatz_steps(1, $to, 2)); }, $results, $N),
    pthreads_thread_start(function ($v, $to) { pthreads_volatile_set($v, 1, collatz_steps(2, $to, 2)); }, $results, $N),
];
foreach ($threads as $t) pthreads_thread_join($t);
$t2 = hrtime(true);
$split = pthreads_volatile_get($results, 0) + pthreads_volatile_get($results, 1);
printf("cpu_split: main thread %.0f ms, 2 threads %.0f ms, speedup %.2fx, results %s\n",
    ($t1 - $t0) / 1e6, ($t2 - $t1) / 1e6, ($t1 - $t0) / ($t2 - $t1), $single === $split ? 'identical' : 'DIFFERENT');
