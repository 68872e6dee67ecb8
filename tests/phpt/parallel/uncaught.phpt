--TEST--
parallel: a task nobody holds a Future for reports its uncaught exception itself; the runtime goes on
--FILE--
<?php
$rt = new parallel\Runtime();
$rt->run(function () {
    echo "task 1\n";
    // a throw of its own would need a Future (parallel counts it as a return): it happens deeper
    $fail = function () { throw new RuntimeException("nobody catches this"); };
    $fail();
});
$rt->run(function () {
    echo "task 2 still runs\n";
});
$f = $rt->run(function () {
    exit(3);
});
try {
    $f->value();
} catch (\parallel\Future\Error\Killed $e) {
    echo "exit in a task: ", $e->getMessage(), "\n";
}
var_dump($rt->run(fn() => "alive")->value());
?>
--EXPECTF--
task 1

Fatal error: Uncaught RuntimeException: nobody catches this in %suncaught.php:6
Stack trace:
#0 %suncaught.php(7): {closure}()
#1 {main}
  thrown in %suncaught.php on line 6
task 2 still runs
exit in a task: cannot retrieve value
string(5) "alive"
