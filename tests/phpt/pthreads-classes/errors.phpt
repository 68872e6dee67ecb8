--TEST--
pthreads classes: an uncaught exception ends its thread (fatal message, isTerminated), the creator's exception handler runs in the thread, a failing task does not stop its Worker
--FILE--
<?php
class Boom extends Thread {
    public function run() {
        throw new DomainException("boom");
    }
}
$t = new Boom();
$t->start();
var_dump($t->join(), $t->isTerminated(), $t->isRunning());

set_exception_handler(function (Throwable $e) {
    echo "handled in ", Thread::getCurrentThread() ? "a thread" : "main", ": ", $e->getMessage(), "\n";
});
$t = new Boom();
$t->start() && $t->join();
var_dump($t->isTerminated());
restore_exception_handler();

class Flaky extends Threaded {
    public function __construct(public int $n) {}
    public function run() {
        if ($this->n === 2) throw new LengthException("task {$this->n} failed");
        echo "task {$this->n} ran\n";
    }
}
$w = new Worker();
$w->start();
$tasks = [new Flaky(1), new Flaky(2), new Flaky(3)];
foreach ($tasks as $task) $w->stack($task);
$w->shutdown();
var_dump(array_map(fn($t) => $t->isTerminated(), $tasks));
?>
--EXPECTF--
Fatal error: Uncaught DomainException: boom in %s:4
Stack trace:
#0 [internal function]: Boom->run()
#1 {main}
  thrown in %s on line 4
bool(true)
bool(true)
bool(false)
handled in a thread: boom
bool(true)
task 1 ran

Fatal error: Uncaught LengthException: task 2 failed in %s:22
Stack trace:
#0 [internal function]: Flaky->run()
#1 {main}
  thrown in %s on line 22
task 3 ran
array(3) {
  [0]=>
  bool(false)
  [1]=>
  bool(true)
  [2]=>
  bool(false)
}
