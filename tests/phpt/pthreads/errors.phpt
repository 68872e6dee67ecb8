--TEST--
pthreads: misuse raises PHP exceptions (wrong resource kind, unlocking a mutex not held, destroyed handles)
--FILE--
<?php
function attempt(callable $f) {
    try { $f(); echo "no error\n"; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$m = pthreads_mutex_create();
$c = pthreads_cond_create();
$v = pthreads_volatile_create();
$f = fopen('php://memory', 'r');
attempt(fn() => pthreads_mutex_lock($c));
attempt(fn() => pthreads_thread_join($m));
attempt(fn() => pthreads_volatile_get($f, 'x'));
attempt(fn() => pthreads_mutex_lock(42));
attempt(fn() => pthreads_mutex_unlock($m));
var_dump(pthreads_mutex_lock($m));
attempt(fn() => pthreads_mutex_lock($m));
attempt(fn() => pthreads_mutex_destroy($m));
attempt(fn() => pthreads_cond_wait($c, pthreads_mutex_create()));
var_dump(pthreads_mutex_unlock($m));
var_dump(pthreads_mutex_destroy($m));
attempt(fn() => pthreads_mutex_lock($m));
var_dump(get_resource_type($m));
attempt(fn() => pthreads_thread_start('no_such_function'));
attempt(fn() => pthreads_thread_start(new stdClass));
$t = pthreads_thread_start(function ($m) {
    try { pthreads_mutex_unlock($m); } catch (RuntimeException $e) { echo "thread: ", $e->getMessage(), "\n"; }
}, $m2 = pthreads_mutex_create());
pthreads_mutex_lock($m2);
pthreads_thread_join($t);
pthreads_mutex_unlock($m2);
?>
--EXPECT--
TypeError: pthreads_mutex_lock(): supplied resource is not a valid pthreads mutex resource
TypeError: pthreads_thread_join(): supplied resource is not a valid pthreads thread resource
TypeError: pthreads_volatile_get(): supplied resource is not a valid pthreads volatile resource
TypeError: pthreads_mutex_lock(): Argument #1 ($mutex) must be of type resource, int given
RuntimeException: Mutex is not locked by the calling thread
bool(true)
RuntimeException: Mutex is already locked by the calling thread
RuntimeException: Mutex is locked and cannot be destroyed
RuntimeException: Mutex is not locked by the calling thread
bool(true)
bool(true)
TypeError: pthreads_mutex_lock(): supplied resource is not a valid pthreads mutex resource
string(7) "Unknown"
TypeError: pthreads_thread_start(): Argument #1 ($task) must be a valid callback or an object with a run() method, function "no_such_function" not found or invalid function name
TypeError: pthreads_thread_start(): Argument #1 ($task) must be a valid callback or an object with a run() method
thread: Mutex is not locked by the calling thread
