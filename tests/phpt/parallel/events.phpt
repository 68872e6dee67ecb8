--TEST--
parallel: Events over channels and futures (read, write from Input, close, error), timeouts, non-blocking polls
--FILE--
<?php
use parallel\{Runtime, Channel, Events, Future};
use parallel\Events\{Event, Input};

$rt = new Runtime();
$work = Channel::make("work");
$results = Channel::make("results", Channel::Infinite);
$rt->run(function (Channel $work, Channel $results) {
    while (($n = $work->recv()) !== false) {
        $results->send($n * $n);
    }
    $results->close();
}, [$work, $results]);

$input = new Input();
$events = new Events();
$events->setInput($input);
$events->addChannel($work);
$events->addChannel($results);
$events->addFuture("answer", $rt->run(fn() => 42));
$input->add("work", 3);
$pending = [4, false];
$sum = 0;
$log = [];
foreach ($events as $event) {
    switch ($event->type) {
        case Event\Type::Write:
            // written: the target left the loop and its input is gone
            $log[] = "wrote to " . $event->source;
            break;
        case Event\Type::Read:
            if ($event->object instanceof Future) {
                $log[] = "future: " . $event->value;
                break;
            }
            $sum += $event->value;
            $events->addChannel($results);
            if ($pending) {
                $input->add("work", array_shift($pending));
                $events->addChannel($work);
            }
            break;
        case Event\Type::Close:
            $log[] = "closed: " . $event->source;
            break;
    }
}
sort($log);
echo implode("\n", $log), "\n";
var_dump($sum, count($events));

// a task's exception arrives as an Error event whose value is the exception
$events->addFuture("fails", $rt->run(function () { throw new LogicException("nope"); }));
$e = $events->poll();
var_dump($e->type === Event\Type::Error, get_class($e->value), $e->value->getMessage());

// timeouts and non-blocking polls
$idle = Channel::make("idle");
$events->addChannel($idle);
$events->setTimeout(20000);
try {
    $events->poll();
} catch (\parallel\Events\Error\Timeout $e) {
    var_dump($e->getMessage());
}
try {
    $events->setBlocking(false);
} catch (\parallel\Events\Error $e) {
    var_dump($e->getMessage());
}
$quiet = new Events();
$quiet->addChannel($idle);
$quiet->setBlocking(false);
var_dump($quiet->poll(), count($quiet));
try {
    $quiet->addChannel($idle);
} catch (\parallel\Events\Error\Existence $e) {
    var_dump($e->getMessage());
}
try {
    $quiet->remove("elsewhere");
} catch (\parallel\Events\Error\Existence $e) {
    var_dump($e->getMessage());
}
try {
    $input->add("x", new DateTime);
} catch (\parallel\Events\Input\Error\IllegalValue $e) {
    var_dump($e->getMessage());
}
var_dump(Event\Type::Read, Event\Type::Write, Event\Type::Close, Event\Type::Error, Event\Type::Cancel, Event\Type::Kill);
$rt->close();
?>
--EXPECT--
closed: results
future: 42
wrote to work
wrote to work
wrote to work
int(25)
int(0)
bool(true)
string(14) "LogicException"
string(4) "nope"
string(15) "timeout occured"
string(45) "cannot set blocking mode on loop with timeout"
NULL
int(1)
string(33) "target named "idle" already added"
string(34) "target named "elsewhere" not found"
string(33) "value of type DateTime is illegal"
int(1)
int(2)
int(3)
int(4)
int(5)
int(6)
