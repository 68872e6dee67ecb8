--TEST--
Objects are destroyed when their last variable lets go: unset, overwrite, scope exit, dropped temporaries
--FILE--
<?php
class A {
    public function __construct(public string $n) {}
    public function __destruct() { echo "~{$this->n}\n"; }
    public function hello() { echo "hello {$this->n}\n"; }
}
$a = new A('unset');
unset($a);
echo "after unset\n";
$a = new A('first');
$a = new A('second');
echo "after overwrite\n";
$a = null;
echo "after null\n";
function scope() {
    $x = new A('local');
    $y = $x;
    echo "leaving\n";
}
scope();
echo "after scope\n";
new A('statement');
echo "after statement\n";
(new A('receiver'))->hello();
echo "after receiver\n";
function make(string $n) { $o = new A($n); return $o; }
$m = make('made');
echo "made\n";
$m = null;
make('dropped');
echo "after dropped\n";
$k = new A('kept');
$k2 = $k;
unset($k);
echo "still kept\n";
$last = new A('global');
echo "end\n";
?>
--EXPECT--
~unset
after unset
~first
after overwrite
~second
after null
leaving
~local
after scope
~statement
after statement
hello receiver
~receiver
after receiver
made
~made
~dropped
after dropped
still kept
end
~global
~kept
