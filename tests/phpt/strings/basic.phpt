--TEST--
string functions: padding, trim, explode, printf, search, replace, paths
--FILE--
<?php
echo str_pad("x", 5, "-", STR_PAD_BOTH), "|", trim("  ab  "), "|", ucwords("hello world"), "\n";
var_dump(explode(",", "a,b,,c", -1), implode(", ", [1, 2.5, true, null]));
printf("%05.2f|%-6s|%'*8d|%x|%b|%e|%g|%+d|%u\n", 3.14159, "ab", 42, 255, 5, 1234.5678, 0.00001234, 5, -1);
echo sprintf('%2$s %1$s', 'a', 'b'), "\n";
echo number_format(1234567.891, 2), " ", number_format(0.5), " ", number_format(-1234.567, 2, ',', '.'), "\n";
var_dump(strpos("hello", "l"), strrpos("hello", "l"), stripos("HeLLo", "ll"), substr("hello", -3, 2));
var_dump(str_replace(["a","b"], ["1"], "aabbc", $c), $c);
var_dump(strtr("Hi all", ["Hi" => "Hello", "all" => "everyone"]), strtr("abc", "ab", "xy"));
var_dump(strip_tags("<p>Hello <b>World</b><!-- c --></p>", "<b>"));
var_dump(similar_text("World","Word",$p), $p, levenshtein("kitten","sitting"), soundex("Robert"));
var_dump(strnatcmp("img12", "img10"), addcslashes("foo[bar]", 'A..Z'), stripcslashes('\x41\101\n'));
var_dump(wordwrap("The quick brown fox", 10, "\n", true), chunk_split("abcdefg", 3, "|"));
var_dump(pathinfo("/a/b/c.txt"), basename("/a/b/"), dirname("/a/b/c", 2));
try { sprintf("%d %d", 1); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
--x--|ab|Hello World
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
  [2]=>
  string(0) ""
}
string(11) "1, 2.5, 1, "
03.14|ab    |******42|ff|101|1.234568e+3|1.234e-5|+5|18446744073709551615
b a
1,234,567.89 1 -1.234,57
int(2)
int(3)
int(2)
string(2) "ll"
string(3) "11c"
int(4)
string(14) "Hello everyone"
string(3) "xyc"
string(18) "Hello <b>World</b>"
int(4)
float(88.88888888888889)
int(3)
string(4) "R163"
int(1)
string(8) "foo[bar]"
string(3) "AA
"
string(19) "The quick
brown fox"
string(10) "abc|def|g|"
array(4) {
  ["dirname"]=>
  string(4) "/a/b"
  ["basename"]=>
  string(5) "c.txt"
  ["extension"]=>
  string(3) "txt"
  ["filename"]=>
  string(1) "c"
}
string(1) "b"
string(2) "/a"
3 arguments are required, 2 given
