--TEST--
Fiber: suspending through methods, traits, parent/static calls, closures, by-ref and named arguments
--FILE--
<?php
// Fiber::suspend() unwinds through every kind of PHP call
trait Greets { function greet($who) { return "hi $who " . Fiber::suspend("trait"); } }
abstract class Base {
    function describe() { return 'base ' . Fiber::suspend('parent'); }
    static function make() { return new static(Fiber::suspend('static')); }
}
final class Thing extends Base {
    use Greets;
    function __construct(public $tag = null) {}
    function describe() { return parent::describe() . ' thing'; }
    function __invoke($x) { return $x * Fiber::suspend('invoke'); }
    function __call($name, $args) { return $name . count($args); }
    private function secret() { return Fiber::suspend('private'); }
    function reveal() { return $this->secret(); }
}
function by_ref(array &$list) { $list[] = Fiber::suspend('by-ref'); }
function variadic(int ...$n) { return array_sum($n) + Fiber::suspend('variadic'); }
function defaults($a, $b = 10, $c = 20) { return "$a-$b-$c-" . Fiber::suspend('named'); }
function recurse($n) { return $n === 0 ? Fiber::suspend('deep') : 1 + recurse($n - 1); }

$fiber = new Fiber(function () {
    $t = new Thing();
    echo $t->greet('bob'), "\n";
    echo $t->describe(), "\n";
    echo get_class(Thing::make()), "\n";
    echo $t(3), "\n";
    echo $t->undefinedMethod(1, 2), "\n";
    echo $t->reveal(), "\n";
    $list = [];
    by_ref($list);
    echo implode(',', $list), "\n";
    echo variadic(1, 2, 3), "\n";
    echo defaults(1, c: 3), "\n";
    echo defaults(...['a' => 'x', 'b' => 'y']), "\n";
    echo recurse(500), "\n";
    $total = 0;
    $add = function ($x) use (&$total) { $total += $x * Fiber::suspend('closure'); };
    $add(2);
    echo $total, "\n";
    $mul = fn($x) => $x * Fiber::suspend('arrow') * $total;
    echo $mul(2), "\n";
    echo call_user_func([$t, 'greet'], 'cuf'), "\n";
    echo call_user_func_array('defaults', ['b' => 5, 'a' => 6]), "\n";
    $name = 'recurse';
    echo $name(1), "\n";
    $obj = new class { function run() { return Fiber::suspend('anonymous class'); } };
    echo $obj->run(), "\n";
    return 'end';
});
$value = $fiber->start();
$n = 1;
while (!$fiber->isTerminated()) {
    echo "[$value]\n";
    $value = $fiber->resume($n++);
}
var_dump($fiber->getReturn());
--EXPECT--
[trait]
hi bob 1
[parent]
base 2 thing
[static]
Thing
[invoke]
12
undefinedMethod2
[private]
5
[by-ref]
6
[variadic]
13
[named]
1-10-3-8
[named]
x-y-20-9
[deep]
510
[closure]
22
[arrow]
528
[trait]
hi cuf 13
[named]
6-5-20-14
[deep]
16
[anonymous class]
16
string(3) "end"
