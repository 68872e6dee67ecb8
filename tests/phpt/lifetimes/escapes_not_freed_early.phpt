--TEST--
An object still reachable is never destroyed early (array element, property, closure, builtin, reference, global)
--FILE--
<?php
class A {
    public function __construct(public string $n) {}
    // destroyed too early would print before "end"; the order at shutdown is not what this tests
    public function __destruct() { if (!defined('END')) echo "~{$this->n}\n"; }
}
$arr = [];
$x = new A('array');
$arr[] = $x;
unset($x);
echo "array keeps: {$arr[0]->n}\n";
$holder = new stdClass;
$y = new A('property');
$holder->p = $y;
$y = null;
echo "property keeps: {$holder->p->n}\n";
$z = new A('closure');
$f = function () use ($z) { return $z->n; };
unset($z);
echo "closure keeps: ", $f(), "\n";
$s = new SplObjectStorage;
$q = new A('builtin');
$s->attach($q);
unset($q);
foreach ($s as $o) echo "storage keeps: {$o->n}\n";
unset($o);
$r = new A('reference');
$ref = &$r;
unset($r);
echo "reference keeps: {$ref->n}\n";
function keep() { global $g; $g = new A('global'); }
keep();
echo "global keeps: {$g->n}\n";
function pass(A $p) { return $p; }
$t = new A('passed');
$u = pass($t);
unset($t);
echo "passed keeps: {$u->n}\n";
function self_ref() { $a = new A('returned $this'); return $a; }
$v = self_ref();
echo "returned keeps: {$v->n}\n";
echo "end\n";
define('END', true);
?>
--EXPECT--
array keeps: array
property keeps: property
closure keeps: closure
storage keeps: builtin
reference keeps: reference
global keeps: global
passed keeps: passed
returned keeps: returned $this
end
