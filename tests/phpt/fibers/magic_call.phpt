--TEST--
Fiber: suspending in __call and __callStatic
--FILE--
<?php
// methods reached through __call and __callStatic suspend like any other
class Proxy {
    function __call($name, $args) { return "$name(" . implode(',', $args) . ")=" . Fiber::suspend($name); }
    static function __callStatic($name, $args) { return "static $name=" . Fiber::suspend($name); }
}
$f = new Fiber(function () {
    $p = new Proxy;
    echo $p->fetch(1, 2), "\n";
    echo Proxy::make(), "\n";
    echo call_user_func([$p, 'viaCuf'], 3), "\n";
    $m = 'dyn'; echo $p->$m(), "\n";
});
$v = $f->start();
while (!$f->isTerminated()) { echo "[$v]\n"; $v = $f->resume('ok'); }
--EXPECT--
[fetch]
fetch(1,2)=ok
[make]
static make=ok
[viaCuf]
viaCuf(3)=ok
[dyn]
dyn()=ok
