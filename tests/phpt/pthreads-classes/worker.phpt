--TEST--
pthreads classes: Worker runs stacked tasks in order; stack, unstack, getStacked, collect, shutdown
--FILE--
<?php
class Step extends Threaded {
    public $done = false;
    public function __construct(public int $n, public Threaded $log) {}
    public function run() {
        $this->log[] = "step {$this->n} on " . get_class($this->worker);
        $this->done = true;
    }
    public function isGarbage(): bool {
        return $this->done;
    }
}
class MyWorker extends Worker {
    public $booted = false;
    public function run() {
        $this->booted = true;
    }
}
$log = new Threaded();
$w = new MyWorker();
// tasks may be stacked before the worker starts
var_dump($w->stack(new Step(1, $log)), $w->stack(new Step(2, $log)), $w->stack(new Step(3, $log)));
var_dump($w->getStacked());
// unstack() takes the first task waiting
$first = $w->unstack();
var_dump($first->n, $w->getStacked());
var_dump($w->start());
for ($i = 4; $i <= 6; $i++) $w->stack(new Step($i, $log));
while ($w->collect()) usleep(1000);
var_dump($w->getStacked(), $w->booted, $w->isShutdown());
var_dump($w->shutdown(), $w->isShutdown(), $w->shutdown());
echo implode("\n", (array) $log), "\n";
try { $w->stack(new Step(7, $log)); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }

// a collector of one's own decides what to let go
$w2 = new Worker();
$w2->start();
$w2->stack(new Step(8, $log));
$w2->stack(new Step(9, $log));
while ($w2->getStacked()) usleep(1000);
$w2->shutdown();
var_dump($w2->collect(fn($task) => $task->n === 8));
var_dump($w2->collect(fn($task) => true));
try { (new Worker())->shutdown(); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
int(1)
int(2)
int(3)
int(3)
int(1)
int(2)
bool(true)
int(0)
bool(true)
bool(false)
bool(true)
bool(true)
bool(false)
step 2 on MyWorker
step 3 on MyWorker
step 4 on MyWorker
step 5 on MyWorker
step 6 on MyWorker
this MyWorker is no longer running and cannot accept tasks
int(1)
int(0)
Worker has not been started
