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
/** CPU time of the whole process (all threads), in ms: on a busy machine it tells work from waiting. */
function cpu_ms(): float {
    $r = getrusage();
    return ($r['ru_utime.tv_sec'] + $r['ru_stime.tv_sec']) * 1e3 + ($r['ru_utime.tv_usec'] + $r['ru_stime.tv_usec']) / 1e3;
}
$N = (int)($argv[1] ?? 800000);
$warm = [pthreads_thread_start(fn() => null), pthreads_thread_start(fn() => null)];
foreach ($warm as $t) pthreads_thread_join($t);

$c0 = cpu_ms();
$t0 = hrtime(true);
$single = collatz_steps(1, $N);
$t1 = hrtime(true);
$c1 = cpu_ms();
$results = pthreads_volatile_create();
$threads = [
    pthreads_thread_start(function ($v, $to) { pthreads_volatile_set($v, 0, collatz_steps(1, $to, 2)); }, $results, $N),
    pthreads_thread_start(function ($v, $to) { pthreads_volatile_set($v, 1, collatz_steps(2, $to, 2)); }, $results, $N),
];
foreach ($threads as $t) pthreads_thread_join($t);
$t2 = hrtime(true);
$c2 = cpu_ms();
$split = pthreads_volatile_get($results, 0) + pthreads_volatile_get($results, 1);
printf("cpu_split: main thread %.0f ms, 2 threads %.0f ms, speedup %.2fx, results %s (CPU used: %.0f ms, %.0f ms)\n",
    ($t1 - $t0) / 1e6, ($t2 - $t1) / 1e6, ($t1 - $t0) / ($t2 - $t1), $single === $split ? 'identical' : 'DIFFERENT', $c1 - $c0, $c2 - $c1);
