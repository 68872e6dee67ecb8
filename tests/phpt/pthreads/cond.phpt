--TEST--
pthreads: trylock across threads, cond wait/signal/broadcast, timeouts, handles shared by identity
--FILE--
<?php
$m = pthreads_mutex_create();
$c = pthreads_cond_create();
$v = pthreads_volatile_create();
pthreads_volatile_set($v, 'handles', [$m, $c]);
// trylock is false while another thread holds the lock
pthreads_mutex_lock($m);
$t = pthreads_thread_start(function ($v) {
    [$m, $c] = pthreads_volatile_get($v, 'handles');
    pthreads_volatile_set($v, 'try', pthreads_mutex_trylock($m));
}, $v);
pthreads_thread_join($t);
var_dump(pthreads_volatile_get($v, 'try'));
pthreads_mutex_unlock($m);
$t = pthreads_thread_start(function ($m) { $r = pthreads_mutex_trylock($m); pthreads_mutex_unlock($m); echo "thread trylock: ", var_export($r, true), "\n"; }, $m);
pthreads_thread_join($t);
// a timed wait with nobody signalling returns false and holds the mutex again
pthreads_mutex_lock($m);
var_dump(pthreads_cond_wait($c, $m, 20000));
var_dump(pthreads_mutex_unlock($m));
// signal wakes a waiter
pthreads_volatile_set($v, 'ready', 0);
$waiters = [];
for ($i = 0; $i < 3; $i++) {
    $waiters[] = pthreads_thread_start(function ($m, $c, $v, $i) {
        pthreads_mutex_lock($m);
        pthreads_volatile_set($v, 'ready', pthreads_volatile_get($v, 'ready') + 1);
        while (!pthreads_volatile_get($v, 'go')) pthreads_cond_wait($c, $m);
        pthreads_mutex_unlock($m);
    }, $m, $c, $v, $i);
}
while (true) {
    pthreads_mutex_lock($m);
    $ready = pthreads_volatile_get($v, 'ready');
    pthreads_mutex_unlock($m);
    if ($ready === 3) break;
    usleep(1000);
}
pthreads_mutex_lock($m);
pthreads_volatile_set($v, 'go', true);
var_dump(pthreads_cond_broadcast($c));
pthreads_mutex_unlock($m);
foreach ($waiters as $w) pthreads_thread_join($w);
echo "all woke\n";
var_dump(pthreads_cond_signal($c));
// a thread handle travels too
$inner = pthreads_thread_start(function () { usleep(10000); });
$t = pthreads_thread_start(function ($inner) { var_dump(pthreads_thread_join($inner)); }, $inner);
pthreads_thread_join($t);
var_dump(pthreads_thread_isJoined($inner));
?>
--EXPECT--
bool(false)
thread trylock: true
bool(false)
bool(true)
bool(true)
all woke
bool(true)
bool(true)
bool(true)
