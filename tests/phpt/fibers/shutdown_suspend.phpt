--TEST--
Fiber: an unwound fiber cannot suspend or switch
--FILE--
<?php
// a fiber unwound at the end cannot suspend again, nor start another fiber
$b = new Fiber(function () {
    try {
        Fiber::suspend();
    } finally {
        echo "finally\n";
        try {
            Fiber::suspend();
        } catch (FiberError $e) {
            echo $e->getMessage(), "\n";
        }
        try {
            (new Fiber(fn() => print("not started\n")))->start();
        } catch (FiberError $e) {
            echo $e->getMessage(), "\n";
        }
    }
});
$b->start();
echo "end of script\n";
--EXPECT--
end of script
finally
Cannot suspend in a force-closed fiber
Cannot switch fibers in current execution context
