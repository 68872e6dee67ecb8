--TEST--
goto: loops, jumps into if/else, try and catch blocks, out of loops, switches and try/finally
--FILE--
<?php
// goto inside functions: backwards loops, into if/else blocks, out of nested loops and switches,
// into try and catch blocks, out of a try with finally
function count_to($n) {
    $i = 0;
again:
    $i++;
    if ($i < $n) goto again;
    return $i;
}
var_dump(count_to(5));

function into_else($x) {
    if ($x) goto inside;
    echo "before\n";
    if (false) {
        echo "never\n";
    } else {
        inside:
        echo "in else ($x)\n";
    }
    echo "after\n";
}
into_else(0);
into_else(1);

function out_of_loops() {
    foreach ([1, 2, 3] as $a) {
        for ($b = 0; $b < 3; $b++) {
            switch ($b) {
                case 2:
                    if ($a == 2) goto done;
            }
            echo "$a$b ";
        }
    }
done:
    echo "\ndone\n";
}
out_of_loops();

function try_jumps() {
    goto a;
    try {
        echo "skipped\n";
        a: echo "in try\n";
        throw new Exception("x");
    } catch (Exception $e) {
        echo "caught ", $e->getMessage(), "\n";
        goto b;
    }
    echo "skipped\n";
    try {
        echo "skipped\n";
    } catch (Exception $e) {
        b: echo "in catch without exception\n";
    }
}
try_jumps();

function finally_runs() {
    try {
        goto out;
    } finally {
        echo "finally\n";
    }
out:
    echo "out\n";
}
finally_runs();

function in_loop() {
    for ($i = 0; $i < 3; $i++) {
        if ($i == 1) goto next;
        echo "i=$i\n";
        next:
    }
    $k = 0;
    while (true) {
        start:
        $k++;
        if ($k < 3) goto start;
        break;
    }
    echo "k=$k\n";
}
in_loop();

function gen() {
    $i = 0;
top:
    yield $i++;
    if ($i < 3) goto top;
}
foreach (gen() as $v) echo "gen $v\n";

$n = 0;
loop:
$n++;
if ($n < 3) goto loop;
echo "main $n\n";
--EXPECT--
int(5)
before
in else (0)
after
in else (1)
after
10 11 12 20 21 
done
in try
caught x
in catch without exception
finally
out
i=0
i=2
k=3
gen 0
gen 1
gen 2
main 3
