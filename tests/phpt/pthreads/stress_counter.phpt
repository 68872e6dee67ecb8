--TEST--
pthreads: 8 threads x 10,000 locked increments of a volatile counter end at exactly 80,000, twenty times in a row
--FILE--
<?php
$m = pthreads_mutex_create();
$v = pthreads_volatile_create();
$results = [];
for ($round = 0; $round < 20; $round++) {
    pthreads_volatile_set($v, 'n', 0);
    $threads = [];
    for ($t = 0; $t < 8; $t++) {
        $threads[] = pthreads_thread_start(function ($m, $v) {
            for ($i = 0; $i < 10000; $i++) {
                pthreads_mutex_lock($m);
                pthreads_volatile_set($v, 'n', pthreads_volatile_get($v, 'n') + 1);
                pthreads_mutex_unlock($m);
            }
        }, $m, $v);
    }
    foreach ($threads as $t) pthreads_thread_join($t);
    $results[] = pthreads_volatile_get($v, 'n');
}
echo implode(",", array_unique($results)), " x", count($results), "\n";
?>
--EXPECT--
80000 x20
