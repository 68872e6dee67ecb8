<?php
// phpts pthreads Pool example: Worker threads that keep running, a Pool handing them tasks round
// robin, tasks that report back through their own (shared) members, and a shared Threaded log whose
// monitor keeps lines whole. Run: ./bin/phpts examples/pthreads_pool.php

/** A Threaded log every thread writes to; synchronized() makes each append atomic. */
class Log extends Threaded {
    public function add(string $line): void {
        $this->synchronized(function () use ($line) {
            $this[] = $line;
        });
    }
}

/** Workers of this class are made by the Pool with the constructor arguments it was given. */
class LoggingWorker extends Worker {
    public function __construct(private Log $log) {}
    public function log(): Log {
        return $this->log;
    }
}

/** A task: counts the primes below its limit; the result stays in the task, readable by its creator. */
class PrimeCount extends Threaded {
    public $primes = null;
    public function __construct(public int $limit) {}
    public function run() {
        $count = 0;
        for ($n = 2; $n < $this->limit; $n++) {
            for ($d = 2; $d * $d <= $n; $d++) if ($n % $d === 0) continue 2;
            $count++;
        }
        $this->primes = $count;
        // a stacked task sees the Worker running it as $this->worker
        $this->worker->log()->add(sprintf("%-6d primes below %-6d (thread %d)", $count, $this->limit, Thread::getCurrentThreadId()));
    }
}

$log = new Log();
$pool = new Pool(2, LoggingWorker::class, [$log]);
$tasks = [];
foreach ([1000, 2000, 5000, 10000, 20000, 50000] as $limit) {
    $pool->submit($tasks[] = new PrimeCount($limit));
}

// collect() lets go of the tasks that are done (Threaded::isGarbage() says they may go) and
// returns how many are still held; the results stay readable through $tasks
while ($pool->collect()) usleep(1000);
$pool->shutdown();

foreach ($tasks as $t) printf("primes below %d: %d\n", $t->limit, $t->primes);
printf("%d log lines, e.g. \"%s\"\n", count($log), trim($log[0] ?? ''));
