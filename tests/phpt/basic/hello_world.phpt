--TEST--
Hello world: inline HTML and echo
--FILE--
Hello, <?php echo "world"; ?>!
<?php
echo "second line\n";
--EXPECT--
Hello, world!
second line
