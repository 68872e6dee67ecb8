--TEST--
LimitIterator, CallbackFilterIterator, RecursiveIteratorIterator modes, AppendIterator
--FILE--
<?php
$it = new ArrayIterator(range(1, 10));
foreach (new LimitIterator($it, 2, 3) as $k => $v) echo "$k=$v "; echo "\n";
foreach (new CallbackFilterIterator($it, fn($v) => $v % 3 == 0) as $v) echo "$v "; echo "\n";
$r = new RecursiveArrayIterator([1, [2, [3, 4]], 5]);
foreach ([RecursiveIteratorIterator::LEAVES_ONLY, RecursiveIteratorIterator::SELF_FIRST, RecursiveIteratorIterator::CHILD_FIRST] as $mode) {
  $rii = new RecursiveIteratorIterator($r, $mode);
  foreach ($rii as $k => $v) echo $rii->getDepth(), ":", is_array($v) ? "A" : $v, " "; echo "\n";
}
$a = new AppendIterator; $a->append(new ArrayIterator([1, 2])); $a->append(new ArrayIterator([3]));
foreach ($a as $k => $v) echo $a->getIteratorIndex(), "/$k=$v "; echo "\n";
$c = new CachingIterator(new ArrayIterator(["x", "y", "z"]));
foreach ($c as $v) echo $v, $c->hasNext() ? "," : "\n";
--EXPECT--
2=3 3=4 4=5 
3 6 9 
0:1 1:2 2:3 2:4 0:5 
0:1 0:A 1:2 1:A 2:3 2:4 0:5 
0:1 1:2 2:3 2:4 1:A 0:A 0:5 
0/0=1 0/1=2 1/0=3 
x,y,z
