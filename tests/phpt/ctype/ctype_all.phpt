--TEST--
ctype_* in the C locale, deprecations for non-strings
--FILE--
<?php
foreach (["abc", "ABC1", "123", "", " \t\n", "a-b", "\x7f", "ff0A", 65, 300, -5, -200, 1.5, null, true, []] as $v) {
  echo @ctype_alnum($v) ? 1 : 0, @ctype_alpha($v) ? 1 : 0, @ctype_cntrl($v) ? 1 : 0, @ctype_digit($v) ? 1 : 0, @ctype_lower($v) ? 1 : 0, @ctype_graph($v) ? 1 : 0, @ctype_print($v) ? 1 : 0, @ctype_punct($v) ? 1 : 0, @ctype_space($v) ? 1 : 0, @ctype_upper($v) ? 1 : 0, @ctype_xdigit($v) ? 1 : 0, "\n";
}
var_dump(ctype_digit(5), ctype_alpha(new stdClass), ctype_space(null));
--EXPECTF--
11001110001
10000110001
10010110001
00000000000
00000000100
00000110000
00100000000
10000110001
11000110011
10010110001
00000000000
00000110000
00000000000
00000000000
00000000000
00000000000

Deprecated: ctype_digit(): Argument of type int will be interpreted as string in the future in %s on line 5

Deprecated: ctype_alpha(): Argument of type stdClass will be interpreted as string in the future in %s on line 5

Deprecated: ctype_space(): Argument of type null will be interpreted as string in the future in %s on line 5
bool(false)
bool(false)
bool(false)
