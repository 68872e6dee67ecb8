--TEST--
pthreads classes: synchronized (re-entrant), wait/notify hand-offs between threads, wait with a timeout
--FILE--
<?php
// a one-slot channel: the producer waits while it is full, the consumer while it is empty
class Channel extends Threaded {
    public $full = false;
    public $item = null;
    public function put($v) {
        $this->synchronized(function () use ($v) {
            while ($this->full) $this->wait();
            $this->item = $v;
            $this->full = true;
            $this->notify();
        });
    }
    public function take() {
        return $this->synchronized(function () {
            while (!$this->full) $this->wait();
            $this->full = false;
            $this->notify();
            return $this->item;
        });
    }
}
class Producer extends Thread {
    public function __construct(private Channel $ch, private int $n) {}
    public function run() {
        for ($i = 1; $i <= $this->n; $i++) $this->ch->put($i);
        $this->ch->put(null);
    }
}
$ch = new Channel();
$p = new Producer($ch, 200);
$p->start();
$sum = 0;
$count = 0;
while (($v = $ch->take()) !== null) {
    $sum += $v;
    $count++;
}
$p->join();
var_dump($count, $sum);

// synchronized is re-entrant for the thread holding the monitor, and passes its arguments
$t = new Threaded();
var_dump($t->synchronized(fn($a, $b) => $t->synchronized(fn() => $a + $b), 2, 3));

// nobody notifies: a wait with a timeout (microseconds) returns false
var_dump($t->synchronized(fn() => $t->wait(20000)));
var_dump($t->notify(), $t->notifyOne());
?>
--EXPECT--
int(200)
int(20100)
int(5)
bool(false)
bool(true)
bool(true)
