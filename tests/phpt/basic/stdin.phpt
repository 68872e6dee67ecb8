--TEST--
Reading --STDIN-- with fgets() and stream_get_contents()
--STDIN--
first line
second line
last
--FILE--
<?php
echo "1: ", fgets(STDIN);
echo "2: ", trim(fgets(STDIN)), "\n";
echo "rest: ", json_encode(stream_get_contents(STDIN)), "\n";
var_dump(feof(STDIN), fgets(STDIN));
--EXPECT--
1: first line
2: second line
rest: "last\n"
bool(true)
bool(false)
