--TEST--
parallel: tasks are checked before they are queued (instructions, parameters, arguments, returns, captured values)
--FILE--
<?php
use parallel\Runtime;

$rt = new Runtime();
$try = function (Closure $f) {
    try {
        $f();
        echo "accepted\n";
    } catch (\parallel\Runtime\Error $e) {
        echo substr(strrchr(get_class($e), '\\'), 1), ': ', $e->getMessage(), "\n";
    }
};
$var = 1;
$try(fn() => $rt->run(function () { class Inner {} }));
$try(fn() => $rt->run(function () {
    $x = 1;
    function named() {}
}));
$try(fn() => $rt->run(function () {
    $o = new class {};
}));
$try(fn() => $rt->run(function () { yield 1; }));
$try(fn() => $rt->run(function () {
    $f = function () {
        $g = function () {
            interface Nested {}
        };
    };
}));
// nested closures may yield
$try(fn() => $rt->run(function () { $g = function () { yield 1; }; }));
$try(fn() => $rt->run(function () use (&$var) {}));
$try(fn() => $rt->run(function (&$ref) {}, [1]));
$try(fn() => $rt->run(function (): DateTime {}));
$try(fn() => $rt->run(function & () { static $x; return $x; }));
$try(fn() => $rt->run(function (int $a, DateTimeImmutable $b) {}, [1, 2]));
$try(fn() => $rt->run(function (Missing $m) {}, [1]));
$try(fn() => $rt->run(function ($a, $b) {}, [1, new ArrayObject()]));
$try(fn() => $rt->run(function ($a) {}, [[1, [new SplStack()]]]));
$std = new stdClass;
$std->inner = new stdClass;
$std->inner->bad = new DateTime();
$try(fn() => $rt->run(function ($a) {}, [$std]));
$try(fn() => $rt->run(function ($a) {}, [fopen('php://memory', 'r')]));
$try(fn() => $rt->run(Closure::fromCallable('strlen'), ['x']));
$rt2 = new Runtime();
$try(fn() => $rt->run(function () use ($rt2) {}));
// a return (or a throw) needs a caller that keeps the Future
$try(function () use ($rt) { $rt->run(function () { return 1; }); });
$try(function () use ($rt) { $rt->run(function () {
    if (false) {
        throw new Exception();
    }
}); });
$try(function () use ($rt) { $f = $rt->run(function () { return 1; }); echo $f->value(), " "; });
$try(function () use ($rt) { $rt->run(function () { $quiet = true; }); });
$rt->close();
?>
--EXPECT--
IllegalInstruction: illegal instruction (class) on line 0 of task
IllegalInstruction: illegal instruction (function) on line 2 of task
IllegalInstruction: illegal instruction (new class) on line 1 of task
IllegalInstruction: illegal instruction (yield) on line 0 of task
IllegalInstruction: illegal instruction (class) in closure on line 2 of task
accepted
IllegalInstruction: illegal instruction (lexical reference) in task
IllegalParameter: illegal parameter (reference) accepted by task at argument 1
IllegalReturn: illegal return (DateTime) from task
IllegalReturn: illegal return (reference) from task
IllegalParameter: illegal parameter (DateTimeImmutable) accepted by task at argument 2
IllegalParameter: illegal parameter (Missing) accepted by task at argument 1
IllegalParameter: illegal parameter (ArrayObject) passed to task at argument 2
IllegalParameter: illegal parameter (array) passed to task at argument 1
IllegalParameter: illegal parameter (stdClass) passed to task at argument 1
accepted
IllegalFunction: illegal function type (internal)
IllegalVariable: illegal variable (parallel\Runtime) named rt2 in static scope of function
IllegalReturn: return on line 0 of task ignored by caller, caller must retain reference to Future
IllegalReturn: return on line 2 of task ignored by caller, caller must retain reference to Future
1 accepted
accepted
