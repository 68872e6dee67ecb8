--TEST--
the u modifier: UTF-8 subjects and byte offsets
--FILE--
<?php
var_dump(preg_match('/é(.)/u', 'café!', $m, PREG_OFFSET_CAPTURE), $m);
var_dump(preg_match('/./u', "\xff"), preg_last_error(), preg_last_error_msg());
var_dump(preg_match('/./u', "é", $m, 0, 1), preg_last_error() === PREG_BAD_UTF8_OFFSET_ERROR);
var_dump(preg_split('//u', 'añb', -1, PREG_SPLIT_NO_EMPTY));
var_dump(preg_match_all('/\p{Lu}/u', 'aÉbÖ', $m), $m);
var_dump(preg_replace('/\w+/u', '<$0>', 'héllo wörld'));
var_dump(preg_match('/^.$/', 'é'), preg_match('/^.$/u', 'é'));
var_dump(preg_match('/\x{e9}/u', 'é'), preg_match("/\xc3\xa9/", 'é'));
--EXPECT--
int(1)
array(2) {
  [0]=>
  array(2) {
    [0]=>
    string(3) "é!"
    [1]=>
    int(3)
  }
  [1]=>
  array(2) {
    [0]=>
    string(1) "!"
    [1]=>
    int(5)
  }
}
bool(false)
int(4)
string(56) "Malformed UTF-8 characters, possibly incorrectly encoded"
bool(false)
bool(true)
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  string(2) "ñ"
  [2]=>
  string(1) "b"
}
int(2)
array(1) {
  [0]=>
  array(2) {
    [0]=>
    string(2) "É"
    [1]=>
    string(2) "Ö"
  }
}
string(17) "<héllo> <wörld>"
int(0)
int(1)
int(1)
int(1)
