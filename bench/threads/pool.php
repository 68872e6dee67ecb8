<?php
// A Pool of 2 Workers running 1,000 small tasks (about half a millisecond of arithmetic each), against
// the same tasks run one after another on the main thread. Each task keeps its result as a member;
// both ways are summed and compared. Both are warmed before timing, as a long-running program's would
// be: the main thread and each worker first run 20 of the tasks (so V8 has compiled their code).
// Usage: phpts bench/threads/pool.php [tasks] [steps per task]
// (50,000 steps take ~0.5 ms; with 5,000 steps, ~0.05 ms a task, the Pool's own cost per task shows)
class Task extends Threaded {
    public $result = 0;
    public function __construct(private int $seed, private int $steps) {}
    public function run() {
        $this->result = checksum($this->seed, $this->steps);
    }
}
function checksum(int $seed, int $steps): int {
    $x = $seed;
    $sum = 0;
    for ($i = 0; $i < $steps; $i++) {
        $x = ($x * 69069 + 1) & 0xffffff;
        $sum = ($sum + ($x >> 8)) & 0xffffff;
    }
    return $sum;
}
/** CPU time of the whole process (all threads), in ms: on a busy machine it tells work from waiting. */
function cpu_ms(): float {
    $r = getrusage();
    return ($r['ru_utime.tv_sec'] + $r['ru_stime.tv_sec']) * 1e3 + ($r['ru_utime.tv_usec'] + $r['ru_stime.tv_usec']) / 1e3;
}
$N = (int)($argv[1] ?? 1000);
$STEPS = (int)($argv[2] ?? 50000);

// warm: the main thread has run the task's code as often as each worker will have before timing
$WARM = 20;
for ($i = 0; $i < $WARM; $i++) (new Task($i, $STEPS))->run();

$c0 = cpu_ms();
$t0 = hrtime(true);
$single = 0;
for ($i = 0; $i < $N; $i++) {
    $task = new Task($i, $STEPS);
    $task->run();
    $single += $task->result;
}
$t1 = hrtime(true);
$c1 = cpu_ms();

$pool = new Pool(2);
// warm: each worker has started and run $WARM tasks, as the main thread did
for ($i = 0; $i < 2 * $WARM; $i++) $pool->submit(new Task($i, $STEPS));
while ($pool->collect()) usleep(1000);

$c2 = cpu_ms();
$t2 = hrtime(true);
$tasks = [];
for ($i = 0; $i < $N; $i++) $pool->submit($tasks[] = new Task($i, $STEPS));
$pool->shutdown();
$pooled = 0;
foreach ($tasks as $task) $pooled += $task->result;
$t3 = hrtime(true);
$c3 = cpu_ms();

printf("pool: main thread %.0f ms, Pool(2) %.0f ms, speedup %.2fx, results %s (CPU used: %.0f ms, %.0f ms)\n",
    ($t1 - $t0) / 1e6, ($t3 - $t2) / 1e6, ($t1 - $t0) / ($t3 - $t2), $single === $pooled ? 'identical' : 'DIFFERENT', $c1 - $c0, $c3 - $c2);
