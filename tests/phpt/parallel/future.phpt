--TEST--
parallel: Future values, exceptions crossing back with class, message, file and line, cancel and kill
--FILE--
<?php
use parallel\{Runtime, Channel, Future};

class Local extends Exception {}

$rt = new Runtime();
$f = $rt->run(function () {
    return ['list' => [1, 2.5, true, null, "str"], 'obj' => (object) ['a' => 1], 'closure' => fn($x) => $x * 2];
});
$v = $f->value();
var_dump($v['list'], $v['obj'], ($v['closure'])(21), $f->value() === $v, $f->done());

$f = $rt->run(function () {
    throw new InvalidArgumentException("bad argument", 42);
});
try {
    $f->value();
} catch (InvalidArgumentException $e) {
    var_dump(get_class($e), $e->getMessage(), $e->getCode(), basename($e->getFile()), $e->getLine());
}
// again: the same exception each time
try {
    $f->value();
} catch (Exception $e) {
    echo "again: ", $e->getMessage(), "\n";
}
// a class the runtime knows but this thread does not: Future\Error\Foreign... unless it exists here
$f = $rt->run(function () {
    eval('class OnlyThere extends Exception {}');
    throw new OnlyThere("from there");
});
try {
    $f->value();
} catch (\parallel\Future\Error\Foreign $e) {
    var_dump(get_class($e), $e->getMessage());
}
try {
    new Future();
} catch (\parallel\Future\Error $e) {
    var_dump($e->getMessage());
}

// cancel: a queued task never runs; a running one is interrupted where it blocks
$gate = Channel::make("gate");
$running = $rt->run(function () {
    Channel::open("gate")->recv();
    while (true) usleep(1000);
});
$queued = $rt->run(function () { echo "never\n"; return 1; });
var_dump($queued->cancel(), $queued->cancelled(), $queued->done());
try {
    $queued->value();
} catch (\parallel\Future\Error\Cancelled $e) {
    var_dump($e->getMessage());
}
try {
    $queued->cancel();
} catch (\parallel\Future\Error\Cancelled $e) {
    var_dump($e->getMessage());
}
$gate->send(true);
var_dump($running->cancel(), $running->cancelled());
$after = $rt->run(fn() => "runtime goes on");
var_dump($after->value(), $after->cancel());

// kill: queued tasks are killed, the runtime closes
$busy = $rt->run(function () {
    while (true) usleep(1000);
});
$never = $rt->run(fn() => 1);
$rt->kill();
try {
    $never->value();
} catch (\parallel\Future\Error\Killed $e) {
    var_dump($e->getMessage());
}
try {
    $busy->cancel();
} catch (\parallel\Future\Error\Killed $e) {
    var_dump($e->getMessage());
}
try {
    $rt->kill();
} catch (\parallel\Runtime\Error\Closed $e) {
    var_dump($e->getMessage());
}
?>
--EXPECTF--
array(5) {
  [0]=>
  int(1)
  [1]=>
  float(2.5)
  [2]=>
  bool(true)
  [3]=>
  NULL
  [4]=>
  string(3) "str"
}
object(stdClass)#%d (1) {
  ["a"]=>
  int(1)
}
int(42)
bool(true)
bool(true)
string(24) "InvalidArgumentException"
string(12) "bad argument"
int(42)
string(10) "future.php"
int(14)
again: bad argument
string(29) "parallel\Future\Error\Foreign"
string(10) "from there"
string(45) "construction of Future objects is not allowed"
bool(true)
bool(true)
bool(true)
string(21) "cannot retrieve value"
string(26) "task was already cancelled"
bool(true)
bool(true)
string(15) "runtime goes on"
bool(false)
string(21) "cannot retrieve value"
string(33) "runtime executing task was killed"
string(14) "Runtime closed"
