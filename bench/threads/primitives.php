<?php
// The cost of the threads primitives, measured from PHP code: uncontended lock+unlock, volatile
// set+get of an int, and thread start+join of an empty closure on a warm pool.
$N = (int)($argv[1] ?? 200000);
$m = pthreads_mutex_create();
$v = pthreads_volatile_create();
for ($i = 0; $i < 1000; $i++) { pthreads_mutex_lock($m); pthreads_mutex_unlock($m); pthreads_volatile_set($v, 'k', $i); pthreads_volatile_get($v, 'k'); }

$t = hrtime(true);
for ($i = 0; $i < $N; $i++) { pthreads_mutex_lock($m); pthreads_mutex_unlock($m); }
printf("lock+unlock: %.0f ns\n", (hrtime(true) - $t) / $N);

$t = hrtime(true);
for ($i = 0; $i < $N; $i++) { pthreads_volatile_set($v, 'k', $i); pthreads_volatile_get($v, 'k'); }
printf("volatile set+get: %.0f ns\n", (hrtime(true) - $t) / $N);

$warm = [pthreads_thread_start(fn() => null), pthreads_thread_start(fn() => null)];
foreach ($warm as $w) pthreads_thread_join($w);
$K = 200;
$t = hrtime(true);
for ($i = 0; $i < $K; $i++) pthreads_thread_join(pthreads_thread_start(fn() => null));
printf("thread start+join (warm pool): %.0f us\n", (hrtime(true) - $t) / $K / 1000);
