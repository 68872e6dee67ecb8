--TEST--
pthreads: start and join a closure with arguments; use variables by value; lifecycle queries
--FILE--
<?php
$base = 10;
$t = pthreads_thread_start(function (int $a, string $b, array $c) use (&$base) {
    $base++;
    echo "thread: ", $a + $base, " ", $b, " ", implode(",", $c), "\n";
}, 1, "two", [3, 4]);
var_dump(is_resource($t), get_resource_type($t));
var_dump(pthreads_thread_join($t));
var_dump($base);
var_dump(pthreads_thread_isJoined($t), pthreads_thread_isRunning($t));
$id = pthreads_thread_getThreadId($t);
var_dump(is_int($id) && $id > 0);
$u = pthreads_thread_start(fn() => null);
var_dump(pthreads_thread_getThreadId($u) !== $id);
pthreads_thread_join($u);
try {
    pthreads_thread_join($t);
} catch (RuntimeException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
string(15) "pthreads thread"
thread: 12 two 3,4
bool(true)
int(10)
bool(true)
bool(false)
bool(true)
bool(true)
RuntimeException: Thread has already been joined
