<?php
// A pipeline of parallel Runtimes joined by channels: a producer generates numbers, two "square"
// stages work on them side by side (both read the same channel, so the work is shared), and a
// consumer sums the results. Each stage is a Runtime: one thread, running one long task. The end of
// the stream is marked by one `null` per reader of the next channel.
//
//   producer ──numbers──► square ×2 ──squares──► sum
//
// Run: ./bin/phpts examples/parallel_pipeline.php [count]

use parallel\{Runtime, Channel, Future};

$count = (int) ($argv[1] ?? 10000);
$squarers = 2;

$numbers = Channel::make("numbers", 64);   // buffered: the producer may run ahead a little
$squares = Channel::make("squares", 64);

$producer = new Runtime();
$producer->run(function (Channel $out, int $count, int $readers) {
    for ($i = 1; $i <= $count; $i++) {
        $out->send($i);
    }
    for ($r = 0; $r < $readers; $r++) {
        $out->send(null);
    }
}, [$numbers, $count, $squarers]);

$stages = [];
$done = [];
for ($s = 0; $s < $squarers; $s++) {
    $stages[$s] = new Runtime();
    // a Future tells how many numbers this stage handled
    $done[$s] = $stages[$s]->run(function (Channel $in, Channel $out): int {
        $handled = 0;
        while (($n = $in->recv()) !== null) {
            $out->send($n * $n);
            $handled++;
        }
        $out->send(null);
        return $handled;
    }, [$numbers, $squares]);
}

$consumer = new Runtime();
$total = $consumer->run(function (Channel $in, int $producers): int {
    $sum = 0;
    while ($producers > 0) {
        $v = $in->recv();
        if ($v === null) {
            $producers--;
        } else {
            $sum += $v;
        }
    }
    return $sum;
}, [$squares, $squarers]);

$t = hrtime(true);
$sum = $total->value();
$ms = (hrtime(true) - $t) / 1e6;
$expected = intdiv($count * ($count + 1) * (2 * $count + 1), 6);
printf("sum of squares 1..%d = %d (%s)\n", $count, $sum, $sum === $expected ? "correct" : "WRONG, expected $expected");
foreach ($done as $s => $f) {
    printf("square stage %d handled %d numbers\n", $s + 1, $f->value());
}
printf("%d values through 3 stages in %.0f ms\n", $count, $ms);
