--TEST--
SplDoublyLinkedList, SplStack, SplObjectStorage, SplFixedArray
--FILE--
<?php
$s = new SplStack; $s->push(1); $s->push(2); $s[] = 3;
foreach ($s as $k => $v) echo "$k=$v "; echo "\n";
try { $s->setIteratorMode(SplDoublyLinkedList::IT_MODE_FIFO); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
try { $s[10]; } catch (OutOfRangeException $e) { echo $e->getMessage(), "\n"; }
$os = new SplObjectStorage; $o1 = new stdClass; $o2 = new stdClass;
$os[$o1] = "one"; $os->attach($o2, "two"); $os->attach($o1, "uno");
echo count($os), " ", $os[$o1], "\n";
$f = SplFixedArray::fromArray([1, 2, 3]); $f->setSize(4);
echo $f->getSize(), " ", implode(",", $f->toArray()), "\n";
try { $f[9] = 1; } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
2=3 1=2 0=1 
Iterators' LIFO/FIFO modes for SplStack/SplQueue objects are frozen
SplDoublyLinkedList::offsetGet(): Argument #1 ($index) is out of range
2 uno
4 1,2,3,
Index invalid or out of range
