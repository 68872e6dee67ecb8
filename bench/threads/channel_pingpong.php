<?php
// Round trips per second between two parallel Runtimes over two channels: runtime A sends a number on
// "ping", runtime B answers it plus one on "pong", N times. Both runtimes are started (and their
// first task compiled in) before the clock starts. Usage: channel_pingpong.php [N] [capacity]
// (capacity 0: unbuffered channels, where every send waits for its receiver; default 1).
use parallel\{Runtime, Channel};

$N = (int)($argv[1] ?? 100000);
$capacity = (int)($argv[2] ?? 1);
$ping = $capacity > 0 ? Channel::make("ping", $capacity) : Channel::make("ping");
$pong = $capacity > 0 ? Channel::make("pong", $capacity) : Channel::make("pong");
$a = new Runtime();
$b = new Runtime();
// runtime threads start with their first task: have both running before anything is measured
$a->run(fn() => true)->value();
$b->run(fn() => true)->value();
$go = Channel::make("go", 2);

$answerer = $b->run(function (Channel $ping, Channel $pong, Channel $go, int $n): int {
    $go->recv();
    for ($i = 0; $i < $n; $i++) {
        $pong->send($ping->recv() + 1);
    }
    return $n;
}, [$ping, $pong, $go, $N]);

$asker = $a->run(function (Channel $ping, Channel $pong, Channel $go, int $n): array {
    $go->recv();
    $t = hrtime(true);
    $x = 0;
    for ($i = 0; $i < $n; $i++) {
        $ping->send($x);
        $x = $pong->recv();
    }
    return [$x, hrtime(true) - $t];
}, [$ping, $pong, $go, $N]);

function cpu(): float {
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

$cpu = cpu();
$go->send(true);
$go->send(true);
[$last, $ns] = $asker->value();
$answerer->value();
$cpu = cpu() - $cpu;
printf("channel_pingpong: %d round trips between two runtimes (%s channels) in %.0f ms: %.0f round trips/s, %.1f us of CPU per round trip%s\n",
    $N, $capacity > 0 ? "buffered($capacity)" : 'unbuffered', $ns / 1e6, $N / ($ns / 1e9), $cpu / $N * 1e6, $last === $N ? '' : ' WRONG RESULT');
