--TEST--
parallel: the functional API (parallel\run reuses idle runtimes; parallel\bootstrap before any run)
--FILE--
<?php
$boot = sys_get_temp_dir() . '/phpts-parallel-fboot-' . getmypid() . '.php';
file_put_contents($boot, '<?php function twice($x) { return 2 * $x; }');
\parallel\bootstrap($boot);
try {
    \parallel\bootstrap($boot);
} catch (\parallel\Runtime\Error\Bootstrap $e) {
    var_dump($e->getMessage());
}
$f = \parallel\run(function ($x) {
    global $kept;
    $kept = "kept";
    return twice($x);
}, [21]);
var_dump($f->value());
// the first runtime is idle again: it runs the next task, globals and all
$f = \parallel\run(function () {
    global $kept;
    return $kept;
});
var_dump($f->value());
$f = \parallel\run(function () {
    \parallel\bootstrap("other.php");
});
try {
    $f->value();
} catch (\parallel\Runtime\Error\Bootstrap $e) {
    var_dump($e->getMessage());
}
// busy runtimes are not waited for: another one takes the task
$gate = \parallel\Channel::make("gate");
\parallel\run(function () { \parallel\Channel::open("gate")->recv(); });
var_dump(\parallel\run(fn() => "while the other waits")->value());
$gate->send(true);
unlink($boot);
?>
--EXPECTF--
string(%d) "\parallel\bootstrap already set to %sphpts-parallel-fboot-%d.php"
int(42)
string(4) "kept"
string(76) "\parallel\bootstrap should be called once, before any calls to \parallel\run"
string(21) "while the other waits"
