--TEST--
Fiber: a suspended fiber is unwound at the end of the script
--FILE--
<?php
// a fiber still suspended when the script ends is unwound: finally blocks run, catch blocks do not
$a = new Fiber(function () {
    try {
        try {
            Fiber::suspend();
        } catch (Throwable $e) {
            echo "never caught\n";
        }
    } finally {
        echo "a: finally\n";
    }
    echo "a: never reached\n";
});
$a->start();
$unstarted = new Fiber(function () { echo "never started\n"; });
$done = new Fiber(fn() => 1);
$done->start();
echo "end of script\n";
--EXPECT--
end of script
a: finally
