--TEST--
string function ValueErrors and warnings
--FILE--
<?php
var_dump(preg_match('', 'a'));
var_dump(preg_match('abc', 'a'));
var_dump(preg_match('/abc', 'a'));
var_dump(preg_match('(abc', 'a'));
var_dump(preg_match('/abc/z', 'a'));
var_dump(preg_match("/abc/e", 'a'));
var_dump(preg_match('/a(bc/', 'a'));
var_dump(preg_match('/a)bc/', 'a'));
var_dump(preg_match('/a[bc/', 'a'));
var_dump(preg_match('/a{2,1}/', 'a'));
var_dump(preg_match('/?/', 'a'));
var_dump(preg_match('/\2(a)/', 'a'));
var_dump(preg_match('/(?P<n>a)(?P<n>b)/', 'a'));
var_dump(preg_replace('/(/', 'x', 'a'));
var_dump(preg_split('/(/', 'a'));
var_dump(preg_match('{a}i', 'A'), preg_match('[a]', 'a'), preg_match('<a>', 'a'), preg_match('#a#', 'a'));
--EXPECTF--

Warning: preg_match(): Empty regular expression in %s on line 2
bool(false)

Warning: preg_match(): Delimiter must not be alphanumeric, backslash, or NUL in %s on line 3
bool(false)

Warning: preg_match(): No ending delimiter '/' found in %s on line 4
bool(false)

Warning: preg_match(): No ending matching delimiter ')' found in %s on line 5
bool(false)

Warning: preg_match(): Unknown modifier 'z' in %s on line 6
bool(false)

Warning: preg_match(): The /e modifier is no longer supported, use preg_replace_callback instead in %s on line 7
bool(false)

Warning: preg_match(): Compilation failed: missing closing parenthesis at offset 4 in %s on line 8
bool(false)

Warning: preg_match(): Compilation failed: unmatched closing parenthesis at offset 1 in %s on line 9
bool(false)

Warning: preg_match(): Compilation failed: missing terminating ] for character class at offset 4 in %s on line 10
bool(false)

Warning: preg_match(): Compilation failed: numbers out of order in {} quantifier at offset 5 in %s on line 11
bool(false)

Warning: preg_match(): Compilation failed: quantifier does not follow a repeatable item at offset 0 in %s on line 12
bool(false)

Warning: preg_match(): Compilation failed: reference to non-existent subpattern at offset 1 in %s on line 13
bool(false)

Warning: preg_match(): Compilation failed: two named subpatterns have the same name (PCRE2_DUPNAMES not set) at offset 14 in %s on line 14
bool(false)

Warning: preg_replace(): Compilation failed: missing closing parenthesis at offset 1 in %s on line 15
NULL

Warning: preg_split(): Compilation failed: missing closing parenthesis at offset 1 in %s on line 16
bool(false)
int(1)
int(1)
int(1)
int(1)
