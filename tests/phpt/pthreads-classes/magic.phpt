--TEST--
pthreads classes: magic __get/__set/__isset/__unset are called for every member access outside them; ArrayAccess and Countable as a class overrides them; Threaded::extend
--FILE--
<?php
class Logged extends Threaded {
    public function __get($k) { echo "get $k\n"; return $this[$k]; }
    public function __set($k, $v) { echo "set $k\n"; $this[$k] = $v; }
    public function __isset($k) { echo "isset $k\n"; return isset($this[$k]); }
    public function __unset($k) { echo "unset $k\n"; unset($this[$k]); }
}
$l = new Logged();
$l->a = 1;
var_dump($l->a, isset($l->a));
unset($l->a);
var_dump(isset($l->a));

class Mapped extends Threaded {
    public function offsetGet($k): mixed { return "mapped " . parent::offsetGet($k); }
    public function offsetSet($k, $v): void { parent::offsetSet(strtoupper($k), $v); }
    public function count(): int { return 100; }
}
$m = new Mapped();
$m["key"] = "value";
var_dump($m["KEY"], count($m), $m->count(), isset($m["KEY"]));

class Legacy { public function hello() { return "hello"; } }
class Child extends Legacy {}
var_dump(Threaded::extend("Legacy"), (new Child) instanceof Threaded, (new Child)->hello());
$c = new Child();
$c->x = [1];
var_dump($c->x instanceof Volatile);
?>
--EXPECT--
set a
get a
isset a
int(1)
bool(true)
unset a
isset a
bool(false)
string(12) "mapped value"
int(100)
int(100)
bool(true)
bool(true)
bool(true)
string(5) "hello"
bool(true)
