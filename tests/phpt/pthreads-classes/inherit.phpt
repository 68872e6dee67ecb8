--TEST--
pthreads classes: what a thread inherits (PTHREADS_INHERIT_*), static properties, anonymous classes, classes declared later or in another thread
--FILE--
<?php
function helper() { return "function"; }
const ANSWER = 42;
class Plain {}
class Config extends Threaded {
    public static $name = "default";
    public static $list = [];
    public static $threaded;
    public static $object;
}
Config::$name = "changed before start";
Config::$list = [1, new stdClass, [2, new Threaded]];
Config::$threaded = new Threaded();
Config::$object = new stdClass;

class Probe extends Thread {
    public function run() {
        echo implode(" ", [
            function_exists("helper") ? "functions" : "-",
            defined("ANSWER") ? "constants" : "-",
            class_exists("Plain") ? "classes" : "-",
        ]), "\n";
        if (class_exists("Config")) {
            var_dump(Config::$name, count(Config::$list), Config::$list[2][1] ?? null, Config::$threaded instanceof Threaded, Config::$object);
        }
    }
}
foreach ([PTHREADS_INHERIT_ALL, PTHREADS_INHERIT_NONE, PTHREADS_INHERIT_FUNCTIONS | PTHREADS_INHERIT_CONSTANTS] as $flags) {
    $p = new Probe();
    $p->start($flags) && $p->join();
}

// an anonymous Threaded class, and a class declared after the Worker started
$w = new Worker();
$w->start();
$w->stack(new class extends Threaded {
    public function run() { echo "anonymous task ran\n"; }
});
class Late extends Threaded {
    public function run() { echo get_class($this), " ran, declared after the worker started\n"; }
}
$w->stack(new Late());
$w->shutdown();

// a class a thread declares (in a file it includes) reaches the main thread with its object
class Maker extends Thread {
    public function __construct(public Threaded $out) {}
    public function run() {
        require __DIR__ . '/inherit/helper.inc';
        $this->out['made'] = new MadeInThread();
    }
}
$out = new Threaded();
$m = new Maker($out);
$m->start() && $m->join();
echo $out['made']->hello(), "\n";
?>
--EXPECT--
functions constants classes
string(20) "changed before start"
int(2)
object(Threaded)#1 (0) {
}
bool(true)
NULL
- - -
functions constants -
anonymous task ran
Late ran, declared after the worker started
hello from a class a thread declared
