--TEST--
pthreads classes: 2,000 tasks over a Pool of 3 Workers share one synchronized counter; nested Threads share a Volatile
--FILE--
<?php
class Tally extends Threaded {
    public $count = 0;
    public $sum = 0;
}
class Add extends Threaded {
    public function __construct(private Tally $tally, private int $n) {}
    public function run() {
        $this->tally->synchronized(function (Tally $t, int $n) {
            $t->count = $t->count + 1;
            $t->sum = $t->sum + $n;
        }, $this->tally, $this->n);
    }
}
$tally = new Tally();
$pool = new Pool(3);
for ($i = 1; $i <= 2000; $i++) $pool->submit(new Add($tally, $i));
$pool->shutdown();
var_dump($tally->count, $tally->sum);

class Parent_ extends Thread {
    public function __construct(private Volatile $shared) {}
    public function run() {
        $kids = [];
        for ($k = 0; $k < 2; $k++) {
            $kids[] = $kid = new class($this->shared, $k) extends Thread {
                public function __construct(private Volatile $shared, private int $k) {}
                public function run() {
                    for ($i = 0; $i < 100; $i++) $this->shared["kid{$this->k}-$i"] = $i;
                }
            };
            $kid->start();
        }
        foreach ($kids as $kid) $kid->join();
        $this->shared["parent"] = "done";
    }
}
$shared = new Volatile();
$p = new Parent_($shared);
$p->start() && $p->join();
var_dump(count($shared), $shared["kid1-99"], $shared["parent"]);
?>
--EXPECT--
int(2000)
int(2001000)
int(201)
int(99)
string(4) "done"
