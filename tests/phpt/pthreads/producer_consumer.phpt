--TEST--
pthreads: producer/consumer with a condition variable loses no wake-up and no item
--FILE--
<?php
$m = pthreads_mutex_create();
$notEmpty = pthreads_cond_create();
$notFull = pthreads_cond_create();
$q = pthreads_volatile_create();
pthreads_volatile_set($q, 'items', []);
const N = 2000;
const CAP = 4;
$consumers = [];
for ($k = 0; $k < 2; $k++) {
    $consumers[] = pthreads_thread_start(function ($m, $notEmpty, $notFull, $q) {
        $sum = 0;
        for (;;) {
            pthreads_mutex_lock($m);
            while (count($items = pthreads_volatile_get($q, 'items')) === 0) pthreads_cond_wait($notEmpty, $m);
            $x = array_shift($items);
            pthreads_volatile_set($q, 'items', $items);
            pthreads_cond_signal($notFull);
            pthreads_mutex_unlock($m);
            if ($x === null) break;
            $sum += $x;
        }
        pthreads_mutex_lock($m);
        pthreads_volatile_set($q, 'sum', pthreads_volatile_get($q, 'sum') + $sum);
        pthreads_mutex_unlock($m);
    }, $m, $notEmpty, $notFull, $q);
}
$put = function ($x) use ($m, $notEmpty, $notFull, $q) {
    pthreads_mutex_lock($m);
    while (count($items = pthreads_volatile_get($q, 'items')) >= CAP) pthreads_cond_wait($notFull, $m);
    $items[] = $x;
    pthreads_volatile_set($q, 'items', $items);
    pthreads_cond_signal($notEmpty);
    pthreads_mutex_unlock($m);
};
for ($i = 1; $i <= N; $i++) $put($i);
$put(null);
$put(null);
foreach ($consumers as $c) pthreads_thread_join($c);
var_dump(pthreads_volatile_get($q, 'sum') === N * (N + 1) / 2);
?>
--EXPECT--
bool(true)
