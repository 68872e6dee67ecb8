--TEST--
Fiber: every kind of callable runs in a fiber; start() arguments
--FILE--
<?php
// any callable can run in a fiber; start() passes its arguments to it
class Toiler {
    function __construct(private string $name) {}
    function run(int $times): string { $out = ''; for ($i = 0; $i < $times; $i++) $out .= Fiber::suspend("{$this->name} $i"); return $out; }
    static function once(string $s): string { return strtoupper(Fiber::suspend($s)); }
    private function hidden() { return Fiber::suspend('hidden'); }
    function hiddenFiber() { return new Fiber([$this, 'hidden']); }
}
function drive(Fiber $f, ...$args) {
    $v = $f->start(...$args);
    while (!$f->isTerminated()) { echo "[$v]\n"; $v = $f->resume('.'); }
    var_dump($f->getReturn());
}
drive(new Fiber([new Toiler('w'), 'run']), 2);
drive(new Fiber('Toiler::once'), 'static');
drive(new Fiber([Toiler::class, 'once']), 'array static');
drive(new Fiber((new Toiler('fcc'))->run(...)), 1);
drive((new Toiler('p'))->hiddenFiber());
drive(new Fiber('strtoupper'), 'builtin');
drive(new Fiber(Fiber::suspend(...)), 'suspend itself');
drive(new Fiber(fn(int ...$n) => array_sum($n)), 1, 2, 3);
try {
    drive(new Fiber(fn(int $n) => $n), 'not a number');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
try {
    drive(new Fiber(fn($a, $b) => $a), 1);
} catch (ArgumentCountError $e) {
    echo preg_replace('/ in .* on line \d+/', '', $e->getMessage()), "\n";
}
--EXPECT--
[w 0]
[w 1]
string(2) ".."
[static]
string(1) "."
[array static]
string(1) "."
[fcc 0]
string(1) "."
[hidden]
string(1) "."
string(7) "BUILTIN"
[suspend itself]
string(1) "."
int(6)
{closure}(): Argument #1 ($n) must be of type int, string given
Too few arguments to function {closure}(), 1 passed and exactly 2 expected
