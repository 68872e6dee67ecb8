--TEST--
parallel: Sync shares a scalar between runtimes, with a lock (__invoke) and wait/notify
--FILE--
<?php
use parallel\{Runtime, Sync};

var_dump(new Sync, new Sync("start"));
try {
    new Sync([1]);
} catch (\parallel\Sync\Error\IllegalValue $e) {
    var_dump($e->getMessage());
}
try {
    (new Sync)->set(new stdClass);
} catch (\parallel\Sync\Error\IllegalValue $e) {
    var_dump($e->getMessage());
}

$sync = new Sync(0);
$a = new Runtime();
$b = new Runtime();
// two runtimes add to the same counter under the Sync's lock
$add = function (Sync $s, int $n) {
    for ($i = 0; $i < $n; $i++) {
        $s(function () use ($s) {
            $s->set($s->get() + 1);
        });
    }
    return true;
};
$fa = $a->run($add, [$sync, 500]);
$fb = $b->run($add, [$sync, 500]);
$fa->value();
$fb->value();
var_dump($sync->get());

// a waiter wakes when notified, holding the lock again
$waiter = $a->run(function (Sync $s) {
    return $s(function () use ($s) {
        while ($s->get() !== "go") {
            $s->wait();
        }
        return "woke with " . $s->get();
    });
}, [$sync]);
usleep(20000);
$sync(function () use ($sync) {
    $sync->set("go");
    $sync->notify(true);
});
var_dump($waiter->value());
?>
--EXPECT--
object(parallel\Sync)#1 (0) {
}
object(parallel\Sync)#2 (1) {
  ["value"]=>
  string(5) "start"
}
string(36) "sync cannot contain non-scalar array"
string(39) "sync cannot contain non-scalar stdClass"
int(1000)
string(12) "woke with go"
