--TEST--
Fiber: call_user_func, call_user_func_array and array_map callbacks can suspend
--FILE--
<?php
// call_user_func(_array) and array_map callbacks run as fiber code
function work($x) { return $x . Fiber::suspend($x); }
$fiber = new Fiber(function () {
    echo call_user_func('work', 'a'), "\n";
    echo call_user_func_array('work', ['b']), "\n";
    echo call_user_func_array(fn(...$args) => implode(',', $args) . Fiber::suspend('c'), ['x' => 1, 'y' => 2]), "\n";
    var_dump(array_map(fn($x) => $x . Fiber::suspend("map $x"), ['k' => 'a', 7 => 'b']));
    var_dump(array_map(fn($x, $y) => $x + $y, [1, 2], [10, 20]));
    $cb = [new ArrayObject([3, 1, 2]), 'count'];
    echo call_user_func($cb), "\n";
    echo call_user_func('strrev', 'olleh'), "\n";
    try {
        call_user_func('no_such_function');
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
    echo "done\n";
});
$v = $fiber->start();
while (!$fiber->isTerminated()) {
    echo "[$v]\n";
    $v = $fiber->resume('!');
}
--EXPECT--
[a]
a!
[b]
b!
[c]
1,2!
[map a]
[map b]
array(2) {
  ["k"]=>
  string(2) "a!"
  [7]=>
  string(2) "b!"
}
array(2) {
  [0]=>
  int(11)
  [1]=>
  int(22)
}
3
hello
call_user_func(): Argument #1 ($callback) must be a valid callback, function "no_such_function" not found or invalid function name
done
