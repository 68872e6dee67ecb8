--TEST--
User functions: defaults, references, recursion, variadics, closures
--FILE--
<?php
function greet(string $name, string $greeting = "Hello"): string {
    return "$greeting, $name!";
}

function addOne(array &$list): void {
    $list[] = count($list) + 1;
}

function factorial(int $n): int {
    return $n <= 1 ? 1 : $n * factorial($n - 1);
}

function sum(int ...$numbers): int {
    return array_sum($numbers);
}

echo greet("phpts"), "\n";
echo greet("world", "Goodbye"), "\n";
$list = [1, 2];
addOne($list);
addOne($list);
echo implode(",", $list), "\n";
echo factorial(10), "\n";
echo sum(1, 2, 3, 4), "\n";
$factor = 3;
$triple = fn($x) => $x * $factor;
echo implode(" ", array_map($triple, [1, 2, 3])), "\n";
var_dump(function_exists('greet'), function_exists('nope'));
--EXPECT--
Hello, phpts!
Goodbye, world!
1,2,3,4
3628800
10
3 6 9
bool(true)
bool(false)
