--TEST--
parallel: Runtime runs tasks in order on one thread, keeps its state, starts from the bootstrap file only
--FILE--
<?php
use parallel\Runtime;

$boot = sys_get_temp_dir() . '/phpts-parallel-boot-' . getmypid() . '.php';
file_put_contents($boot, '<?php function greet($who) { return "hello $who"; } const BOOTED = 1;');
ini_set('precision', '5');
function mine() {}

$rt = new Runtime($boot);
$f = $rt->run(function (string $who) {
    global $counter;
    $counter = 10;
    return greet($who);
}, ['world']);
var_dump($f->value(), $f->done());
// tasks run in order on the same request: globals and declarations stay
$f = $rt->run(function () {
    global $counter;
    return [$counter + 1, BOOTED, function_exists('greet'), function_exists('mine'), ini_get('precision')];
});
var_dump($f->value());
// arguments and captured values are copies
$data = ['a' => [1, 2]];
$f = $rt->run(function (array $d) use ($data) {
    $d['a'][] = 3;
    $data['b'] = true;
    return [$d, $data];
}, [$data]);
var_dump($f->value() === [['a' => [1, 2, 3]], ['a' => [1, 2], 'b' => true]], $data);
// a runtime started inside a task
$f = $rt->run(function () {
    $inner = new \parallel\Runtime();
    return $inner->run(fn() => 'from inner')->value();
});
var_dump($f->value());
$rt->close();
try {
    $rt->run(function () {});
} catch (\parallel\Runtime\Error\Closed $e) {
    var_dump(get_class($e), $e->getMessage());
}
try {
    $rt->close();
} catch (\parallel\Runtime\Error\Closed $e) {
    echo $e->getMessage(), "\n";
}
unlink($boot);
try {
    new Runtime($boot);
} catch (\parallel\Runtime\Error\Bootstrap $e) {
    echo preg_replace('~/.*/~', '/', $e->getMessage()), "\n";
}
var_dump(extension_loaded('parallel'), (new ReflectionClass('parallel\Runtime\Error\Closed'))->getParentClass()->getName());
?>
--EXPECTF--
string(11) "hello world"
bool(true)
array(5) {
  [0]=>
  int(11)
  [1]=>
  int(1)
  [2]=>
  bool(true)
  [3]=>
  bool(false)
  [4]=>
  string(2) "14"
}
bool(true)
array(1) {
  ["a"]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
}
string(10) "from inner"
string(29) "parallel\Runtime\Error\Closed"
string(14) "Runtime closed"
Runtime closed

Warning: Unknown: Failed to open stream: No such file or directory in Unknown on line 0
bootstrapping failed with /phpts-parallel-boot-%d.php
bool(true)
string(22) "parallel\Runtime\Error"
