--TEST--
Fiber: functions from included files and eval() suspend
--FILE--
<?php
// functions from included files and eval()'d code get their fiber variants too
$file = sys_get_temp_dir() . '/fiber_include_' . getmypid() . '.php';
file_put_contents($file, '<?php function from_file($x) { return "file " . Fiber::suspend($x); } class FromFile { static function m() { return Fiber::suspend("static in file"); } }');
eval('function from_eval($x) { return "eval " . Fiber::suspend($x); }');
$fiber = new Fiber(function () use ($file) {
    require $file;
    echo from_file('f'), "\n";
    echo from_eval('e'), "\n";
    echo FromFile::m(), "\n";
    $c = eval('return function () { return Fiber::suspend("eval closure"); };');
    echo $c(), "\n";
});
$v = $fiber->start();
while (!$fiber->isTerminated()) {
    echo "[$v]\n";
    $v = $fiber->resume('ok');
}
unlink($file);
--EXPECT--
[f]
file ok
[e]
eval ok
[static in file]
ok
[eval closure]
ok
