--TEST--
Fiber: the @ operator is per fiber
--FILE--
<?php
// the @ operator belongs to the fiber that uses it: it neither leaks in nor out across switches
function noisy($label) {
    trigger_error("$label", E_USER_WARNING);
}
$fiber = new Fiber(function () {
    noisy('inside, not silenced');
    @(function () { noisy('inside, silenced'); Fiber::suspend(); noisy('inside, still silenced'); })();
    noisy('inside again, not silenced');
});
@$fiber->start();
noisy('outside, not silenced');
$fiber->resume();
var_dump(error_reporting() === E_ALL);
--EXPECTF--

Warning: inside, not silenced in %s on line 4

Warning: outside, not silenced in %s on line 4

Warning: inside again, not silenced in %s on line 4
bool(true)
