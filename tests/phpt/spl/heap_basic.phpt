--TEST--
SplMinHeap, SplMaxHeap, SplPriorityQueue order and errors
--FILE--
<?php
$h = new SplMinHeap; foreach ([5, 1, 3, 2, 4] as $x) $h->insert($x);
foreach ($h as $k => $v) echo "$k:$v "; echo "\n";
$h = new SplMaxHeap; foreach ([5, 1, 3] as $x) $h->insert($x); echo $h->extract(), $h->top(), "\n";
$pq = new SplPriorityQueue; $pq->insert("a", 1); $pq->insert("b", 3); $pq->insert("c", 2);
$pq->setExtractFlags(SplPriorityQueue::EXTR_BOTH); print_r($pq->extract());
try { (new SplMinHeap)->top(); } catch (RuntimeException $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
4:1 3:2 2:3 1:4 0:5 
53
Array
(
    [data] => b
    [priority] => 3
)
Can't peek at an empty heap
