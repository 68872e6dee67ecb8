--TEST--
Echo of integer and float arithmetic
--FILE--
<?php
echo 1 + 2, "\n";
echo 7 - 10, "\n";
echo 6 * 7, "\n";
echo 7 / 2, "\n";
echo 8 / 4, "\n";
echo 7 % 3, "\n";
echo -7 % 3, "\n";
echo 2 ** 10, "\n";
echo 2 ** -1, "\n";
echo intdiv(7, 2), "\n";
echo 0.1 + 0.2, "\n";
echo PHP_INT_MAX + 1, "\n";
echo 10 / 3, "\n";
var_dump(0.1 + 0.2);
var_dump(1 + 1.5, "5" + 3, 7 <=> 3);
--EXPECT--
3
-3
42
3.5
2
1
-1
1024
0.5
3
0.3
9.2233720368548E+18
3.3333333333333
float(0.30000000000000004)
float(2.5)
int(8)
int(1)
