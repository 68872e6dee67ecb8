--TEST--
pthreads classes: Thread start/join, members written in the thread, ids, the creator's rules
--FILE--
<?php
class Job extends Thread {
    public $in;
    public $out;
    public function __construct($in) { $this->in = $in; }
    public function run() {
        $this->out = (array) array_map(fn($x) => $x * 2, (array) $this->in);
        $this->me = Thread::getCurrentThread() === $this;
        $this->tid = Thread::getCurrentThreadId();
        $this->creatorSeen = $this->getCreatorId();
    }
}
$j = new Job([1, 2, 3]);
var_dump($j->isStarted(), $j->getThreadId(), Thread::getCurrentThread());
var_dump($j->start());
var_dump($j->isStarted());
var_dump($j->join(), $j->isJoined(), $j->isRunning(), $j->isTerminated());
var_dump((array) $j->out, $j->me, $j->tid === $j->getThreadId(), $j->tid !== Thread::getCurrentThreadId());
var_dump($j->creatorSeen === Thread::getCurrentThreadId(), $j->getCreatorId() === Thread::getCurrentThreadId());
foreach (['start', 'join'] as $m) {
    try { $j->$m(); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
}
try { (new Job(0))->join(); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }

// only the creator starts or joins: a thread given another's Thread may not
class Meddler extends Thread {
    public function __construct(public $victim) {}
    public function run() {
        foreach (['start', 'join'] as $m) {
            try { $this->victim->$m(); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
        }
    }
}
$victim = new Job(1);
$m = new Meddler($victim);
$m->start() && $m->join();
var_dump($victim->isStarted());
?>
--EXPECT--
bool(false)
int(0)
NULL
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
array(3) {
  [0]=>
  int(2)
  [1]=>
  int(4)
  [2]=>
  int(6)
}
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
the creator of Job already started it
the creator of Job already joined with it
Job has not been started
only the creator of this Job may start it
only the creator of this Job may join with it
bool(false)
