--TEST--
pthreads classes: v2's static Mutex and Cond (integer handles) across threads
--FILE--
<?php
$m = Mutex::create();
var_dump(is_int($m), Mutex::lock($m), Mutex::trylock($m), Mutex::unlock($m), Mutex::trylock($m), Mutex::unlock($m));
try { Mutex::unlock($m); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
try { Mutex::lock(12345); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }

// a thread waits on a condition until the main thread has published its value
class Waiter extends Thread {
    public function __construct(public int $mutex, public int $cond, public Threaded $box) {}
    public function run() {
        Mutex::lock($this->mutex);
        while (!isset($this->box['value'])) Cond::wait($this->cond, $this->mutex);
        echo "waiter got ", $this->box['value'], "\n";
        Mutex::unlock($this->mutex);
    }
}
$cond = Cond::create();
$box = new Threaded();
$w = new Waiter($m, $cond, $box);
$w->start();
Mutex::lock($m);
$box['value'] = 'the value';
Cond::broadcast($cond);
Mutex::unlock($m);
$w->join();
var_dump(Mutex::lock($m), Cond::wait($cond, $m, 1000), Mutex::unlock($m, true), Cond::signal($cond), Cond::destroy($cond));
try { Mutex::lock($m); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
Mutex is not locked by the calling thread
Mutex::lock(): the mutex handle is not valid
waiter got the value
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
Mutex::lock(): the mutex handle is not valid
