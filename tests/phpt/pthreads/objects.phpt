--TEST--
pthreads: objects and arrays cross by copy; an object with run() is a task
--FILE--
<?php
class Job {
    public array $log = [];
    function __construct(public string $name) {}
    function run() { $this->log[] = "ran"; echo "job ", $this->name, " ", count($this->log), "\n"; }
}
$job = new Job("a");
$t = pthreads_thread_start($job);
pthreads_thread_join($t);
var_dump($job->log);
$v = pthreads_volatile_create();
$data = ['x' => [1, 2, ['deep' => true]], 'o' => new Job("b"), 'f' => 1.0, 'big' => PHP_INT_MAX];
pthreads_volatile_set($v, 'data', $data);
$copy = pthreads_volatile_get($v, 'data');
var_dump($copy == $data, $copy['o'] !== $data['o'], $copy['f'], $copy['big']);
$t = pthreads_thread_start(function ($v) {
    $d = pthreads_volatile_get($v, 'data');
    $d['o']->run();
    pthreads_volatile_set($v, 'back', [$d['x'][2]['deep'], get_class($d['o'])]);
}, $v);
pthreads_thread_join($t);
var_dump(pthreads_volatile_get($v, 'back'), pthreads_volatile_get($v, 'missing'));
pthreads_volatile_set($v, 5, 'five');
var_dump(pthreads_volatile_get($v, '5'));
?>
--EXPECT--
job a 1
array(0) {
}
bool(true)
bool(true)
float(1)
int(9223372036854775807)
job b 1
array(2) {
  [0]=>
  bool(true)
  [1]=>
  string(3) "Job"
}
NULL
string(4) "five"
