--TEST--
parallel: cancelling a task blocked in a channel send or receive releases the channel
--FILE--
<?php
use parallel\{Runtime, Channel};
$rt = new Runtime();
$c = Channel::make("c", 1);
$ready = Channel::make("ready", 1);
$f = $rt->run(function (Channel $c, Channel $ready) { $c->send(1); $ready->send(1); $c->send(2); return "unreachable"; }, [$c, $ready]);
$ready->recv();
usleep(100000);
var_dump($f->cancel(), $f->cancelled());
var_dump($c->recv());
$c->send(3);
var_dump($c->recv());
$g = $rt->run(function (Channel $c, Channel $ready) { $ready->send(1); return $c->recv(); }, [$c, $ready]);
$ready->recv();
usleep(100000);
var_dump($g->cancel());
$c->send(5);
var_dump($c->recv());
$h = $rt->run(fn() => "still serving");
var_dump($h->value());
echo "no deadlock\n";
?>
--EXPECT--
bool(true)
bool(true)
int(1)
int(3)
bool(true)
int(5)
string(13) "still serving"
no deadlock
