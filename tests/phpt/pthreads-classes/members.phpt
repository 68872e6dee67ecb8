--TEST--
pthreads classes: Threaded members live in the shared store (arrays become Volatile, casts stay arrays, Threaded members are immutable)
--FILE--
<?php
class Box extends Threaded {
    public $pub = 1;
    protected $prot = [1, 2];
    private $priv = "p";
}
$b = new Box();
$b->dyn = 2.5;
$b[] = "appended";
$b["7"] = "seven";
$b->plain = (array) ["a" => 1];
var_dump($b);
var_dump($b->prot instanceof Volatile, $b->prot[1], count($b), isset($b->pub), isset($b->nope), $b->nope);
unset($b->dyn, $b[0]);
var_dump(count($b), array_keys((array) $b));
foreach ($b as $k => $v) echo $k, " ";
echo "\n";

// a member holding a Threaded object cannot be replaced or unset (a Volatile's can)
$b->child = new Threaded();
try { $b->child = 1; } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
try { unset($b->child); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
$v = new Volatile();
$v->child = new Threaded();
$v->child = "replaced";
var_dump($v->child);

// the same object, wherever it is read from
var_dump($b->child === $b->child, $b->child == $b->child, $b->child == new Threaded());
try { clone $b; } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }

// nested writes go through the Volatile members
$b->matrix = [[1, 2], [3, 4]];
$b->matrix[1][0] = 30;
var_dump($b->matrix[1][0], $b->matrix[0] instanceof Volatile);
?>
--EXPECTF--
object(Box)#1 (7) {
  ["pub"]=>
  int(1)
  ["prot"]=>
  object(Volatile)#%d (2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
  ["priv"]=>
  string(1) "p"
  ["dyn"]=>
  float(2.5)
  [0]=>
  string(8) "appended"
  [7]=>
  string(5) "seven"
  ["plain"]=>
  array(1) {
    ["a"]=>
    int(1)
  }
}
bool(true)
int(2)
int(7)
bool(true)
bool(false)
NULL
int(5)
array(5) {
  [0]=>
  string(3) "pub"
  [1]=>
  string(4) "prot"
  [2]=>
  string(4) "priv"
  [3]=>
  int(7)
  [4]=>
  string(5) "plain"
}
pub prot priv 7 plain 
Threaded members previously set to Threaded objects are immutable, cannot overwrite child
Threaded members previously set to Threaded objects are immutable, cannot overwrite child
string(8) "replaced"
bool(true)
bool(true)
bool(false)
Threaded objects cannot be cloned
int(30)
bool(true)
