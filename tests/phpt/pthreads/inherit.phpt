--TEST--
pthreads: a thread has the functions, classes and constants declared when it starts
--FILE--
<?php
const ANSWER = 42;
define('GREETING', 'hello');
interface Shape { function area(): float; }
abstract class Base implements Shape { function describe(): string { return static::class . " " . $this->area(); } }
class Square extends Base { function __construct(private float $s) {} function area(): float { return $this->s ** 2; } }
enum Suit: string { case Hearts = 'H'; case Spades = 'S'; }
function twice(int $x): int { return 2 * $x; }
if (true) { function conditional() { return "conditional"; } }
$t = pthreads_thread_start(function () {
    echo GREETING, " ", twice(ANSWER), " ", conditional(), "\n";
    echo (new Square(3))->describe(), "\n";
    echo Suit::from('S')->name, " ", count(Suit::cases()), "\n";
    var_dump(function_exists('later'), class_exists('Later'));
});
pthreads_thread_join($t);
function later() {}
if (true) { class Later {} }
?>
--EXPECT--
hello 84 conditional
Square 9
Spades 2
bool(true)
bool(false)
