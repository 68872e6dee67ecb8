--TEST--
pthreads classes: Pool makes its Workers with constructor arguments, submits round robin, collects, resizes, shuts down
--FILE--
<?php
class Counter extends Threaded {
    public $n = 0;
    public function add() {
        $this->synchronized(function () { $this->n = $this->n + 1; });
    }
}
class CountingWorker extends Worker {
    public function __construct(private Counter $counter, private string $name) {}
    public function counter() { return $this->counter; }
}
class Job extends Threaded {
    public $ran = null;
    public function run() {
        $this->worker->counter()->add();
        $this->ran = $this->worker->getThreadId();
    }
}
$counter = new Counter();
$pool = new Pool(3, CountingWorker::class, [$counter, "w"]);
$jobs = [];
$slots = [];
for ($i = 0; $i < 30; $i++) $slots[] = $pool->submit($jobs[] = new Job());
echo implode(",", array_slice($slots, 0, 7)), "\n";
var_dump($pool->submitTo(1, $jobs[] = new Job()));
try { $pool->submitTo(7, new Job()); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
while ($pool->collect()) usleep(1000);
var_dump($counter->n);
$threads = array_unique(array_map(fn($j) => $j->ran, $jobs));
var_dump(count($threads));
$pool->resize(1);
$pool->submit(new Job());
$pool->shutdown();
var_dump($counter->n);
var_dump($pool);
try { new Pool(1, stdClass::class); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECTF--
0,1,2,0,1,2,0
int(1)
The selected worker (7) does not exist
int(31)
int(3)
int(32)
object(Pool)#%d (5) {
  ["size":protected]=>
  int(1)
  ["class":protected]=>
  string(14) "CountingWorker"
  ["workers":protected]=>
  array(0) {
  }
  ["ctor":protected]=>
  array(2) {
    [0]=>
    object(Counter)#%d (1) {
      ["n"]=>
      int(32)
    }
    [1]=>
    string(1) "w"
  }
  ["last":protected]=>
  int(1)
}
The class provided (stdClass) does not extend Worker
