--TEST--
PCRE syntax translated to JavaScript
--FILE--
<?php
var_dump(preg_match('/a++b/', 'aaab'), preg_match('/(?>a+)ab/', 'aaab'), preg_match('/(?>a+|b)(c)/', 'aac', $m), $m);
var_dump(preg_match('/(a)\g{-1}\g1\g{1}/', 'aaaa'), preg_match('/(?P<x>a)(?P=x)\k<x>\k{x}/', 'aaaa'));
var_dump(preg_match('/(?i)abc(?-i)D/', 'ABCD'), preg_match('/(?i)abc(?-i)D/', 'ABCd'), preg_match('/a(?i:b)c/', 'aBc'), preg_match('/a(?i:b)c/', 'aBC'));
var_dump(preg_match('/[[:alpha:]]+[[:digit:]]/', 'abc1'), preg_match('/[[:^digit:]]/', '1'), preg_match('/\Qa.b\E/', 'a.b'), preg_match('/\Qa.b\E/', 'axb'));
var_dump(preg_match('/\Aab\z/', "ab"), preg_match('/\Aab\z/', "ab\n"), preg_match('/ab\Z/', "ab\n"));
var_dump(preg_match('/\h+\v/', " \t\n"), preg_match('/a\Rb/', "a\r\nb"), preg_match('/\x41\101\e\cA/', "AA\x1b\x01"));
var_dump(preg_match('/foo\Kbar/', 'foobar', $m), $m);
var_dump(preg_match('/(?#comment)a(*FAIL)|b/', 'ab', $m), $m);
var_dump(preg_match('/a{,2}/', 'a{,2}'), preg_match('/x{2}/', 'xx'), preg_match('/\d+(?=€)/', '10€'));
var_dump(preg_match('/[^\d\s]+/', '12 ab', $m), $m, preg_match('/[\W]/', 'a-', $m), $m);
var_dump(preg_quote('Hello.World?[x]{1}#/', '/'), preg_quote("a\0b"));
var_dump(preg_grep('/^\d+$/', ['1', 'a', 'k' => '22']), preg_grep('/^\d+$/', ['1', 'a'], PREG_GREP_INVERT));
var_dump(preg_match('/^(foo)+$/', str_repeat('foo', 1024*8192)), preg_last_error() === PREG_JIT_STACKLIMIT_ERROR);
--EXPECT--
int(1)
int(0)
int(1)
array(2) {
  [0]=>
  string(3) "aac"
  [1]=>
  string(1) "c"
}
int(1)
int(1)
int(1)
int(0)
int(1)
int(0)
int(1)
int(0)
int(1)
int(0)
int(1)
int(0)
int(1)
int(1)
int(1)
int(1)
int(1)
array(1) {
  [0]=>
  string(3) "bar"
}
int(1)
array(1) {
  [0]=>
  string(1) "b"
}
int(1)
int(1)
int(1)
int(1)
array(1) {
  [0]=>
  string(2) "ab"
}
int(1)
array(1) {
  [0]=>
  string(1) "-"
}
string(28) "Hello\.World\?\[x\]\{1\}\#\/"
string(6) "a\000b"
array(2) {
  [0]=>
  string(1) "1"
  ["k"]=>
  string(2) "22"
}
array(1) {
  [1]=>
  string(1) "a"
}
bool(false)
bool(true)
