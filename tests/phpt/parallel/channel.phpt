--TEST--
parallel: channels (unbuffered hand-over, buffered, infinite, names, closing, values and closures crossing)
--FILE--
<?php
use parallel\{Runtime, Channel};

class Box {
    private $secret = 's';
    protected $kept = 'k';
    public $fn;
    public function open() { return ($this->fn)($this->secret . $this->kept); }
}

$rt = new Runtime();
$in = Channel::make("in");
$out = new Channel(Channel::Infinite);
$done = $rt->run(function (Channel $in, Channel $out) {
    // an unbuffered send returns once the value is taken
    while (($v = $in->recv()) !== null) {
        if ($v instanceof Closure) {
            $out->send($v(3));
        } elseif ($v instanceof stdClass) {
            $out->send($v->name . ':' . ($v->fn)());
        } else {
            $out->send($v);
        }
    }
    return "drained";
}, [$in, $out]);

$in->send(['k' => [1, 2]]);
$in->send(function ($x) { static $calls = 0; $calls++; return $x * 7 + $calls; });
$std = new stdClass;
$std->name = "std";
$std->fn = fn() => "closure in a property";
$in->send($std);
$in->send(null);
var_dump($out->recv(), $out->recv(), $out->recv(), $done->value());

// a user object keeps its private and protected properties and its closures
$box = new Box;
$box->fn = fn($s) => strtoupper($s);
$out->send($box);
var_dump($out->recv()->open());

// names
var_dump((string) $in, Channel::open("in") == $in, Channel::open("in") == $out);
try {
    Channel::make("in");
} catch (\parallel\Channel\Error\Existence $e) {
    var_dump($e->getMessage());
}
try {
    Channel::open("nope");
} catch (\parallel\Channel\Error\Existence $e) {
    var_dump($e->getMessage());
}
try {
    Channel::make("bad", 0);
} catch (\parallel\Error\InvalidArguments $e) {
    var_dump($e->getMessage());
}
try {
    $out->send(new DateTime);
} catch (\parallel\Channel\Error\IllegalValue $e) {
    var_dump($e->getMessage());
}
try {
    serialize($in);
} catch (Exception $e) {
    var_dump($e->getMessage());
}

// buffered: sends do not wait while there is room; a closed channel drains, then refuses
$buf = Channel::make("buf", 2);
$buf->send(1);
$buf->send(2);
var_dump($buf);
$buf->close();
var_dump($buf->closed(), $buf->recv(), $buf->recv());
try {
    $buf->recv();
} catch (\parallel\Channel\Error\Closed $e) {
    var_dump($e->getMessage());
}
try {
    $buf->send(3);
} catch (\parallel\Channel\Error\Closed $e) {
    var_dump($e->getMessage());
}
try {
    $buf->close();
} catch (\parallel\Channel\Error\Closed $e) {
    var_dump($e->getMessage());
}
// the name is free again
var_dump((string) Channel::make("buf"));
$rt->close();
?>
--EXPECTF--
array(1) {
  ["k"]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
}
int(22)
string(25) "std:closure in a property"
string(7) "drained"
string(2) "SK"
string(2) "in"
bool(true)
bool(false)
string(31) "channel named in already exists"
string(28) "channel named nope not found"
string(55) "capacity may be -1 for unlimited, or a positive integer"
string(33) "value of type DateTime is illegal"
string(50) "Serialization of 'parallel\Channel' is not allowed"
object(parallel\Channel)#%d (4) {
  ["name"]=>
  string(3) "buf"
  ["type"]=>
  string(8) "buffered"
  ["capacity"]=>
  int(2)
  ["size"]=>
  int(2)
}
bool(true)
int(1)
int(2)
string(19) "channel(buf) closed"
string(19) "channel(buf) closed"
string(27) "channel(buf) already closed"
string(3) "buf"
