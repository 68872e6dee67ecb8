--TEST--
token_get_all(), token_name(), PhpToken and TOKEN_PARSE
--FILE--
<?php
$code = '<?php class A { const LIST = 1; function list() { return $this?->list() + A::LIST; } } // c';
foreach (token_get_all($code) as $t) echo is_array($t) ? token_name($t[0]) . "@$t[2] " : "$t ";
echo "\n";
foreach (token_get_all($code, TOKEN_PARSE) as $t) echo is_array($t) ? token_name($t[0]) . " " : "$t ";
echo "\n";
class MyToken extends PhpToken { public $extra = 'x'; public function upper() { return strtoupper($this->text); } }
$ts = MyToken::tokenize('<?php echo 1;');
foreach ($ts as $t) echo get_class($t), " $t->id $t->pos ", $t->upper(), ' ', $t->getTokenName(), ' ', var_export($t->isIgnorable(), true), "\n";
var_dump($ts[1]->is(T_ECHO), $ts[1]->is(['echo']), $ts[2]->is([T_ECHO, ' ']));
echo token_name(T_DOUBLE_COLON), ' ', token_name(T_PAAMAYIM_NEKUDOTAYIM), ' ', token_name(99999), "\n";
$t = new PhpToken(T_STRING, 'foo');
echo $t, ' ', $t->line, ' ', $t->pos, "\n";
try { token_get_all('<?php 1 +;', TOKEN_PARSE); } catch (ParseError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
T_OPEN_TAG@1 T_CLASS@1 T_WHITESPACE@1 T_STRING@1 T_WHITESPACE@1 { T_WHITESPACE@1 T_CONST@1 T_WHITESPACE@1 T_LIST@1 T_WHITESPACE@1 = T_WHITESPACE@1 T_LNUMBER@1 ; T_WHITESPACE@1 T_FUNCTION@1 T_WHITESPACE@1 T_LIST@1 ( ) T_WHITESPACE@1 { T_WHITESPACE@1 T_RETURN@1 T_WHITESPACE@1 T_VARIABLE@1 T_NULLSAFE_OBJECT_OPERATOR@1 T_STRING@1 ( ) T_WHITESPACE@1 + T_WHITESPACE@1 T_STRING@1 T_DOUBLE_COLON@1 T_LIST@1 ; T_WHITESPACE@1 } T_WHITESPACE@1 } T_WHITESPACE@1 T_COMMENT@1 
T_OPEN_TAG T_CLASS T_WHITESPACE T_STRING T_WHITESPACE { T_WHITESPACE T_CONST T_WHITESPACE T_STRING T_WHITESPACE = T_WHITESPACE T_LNUMBER ; T_WHITESPACE T_FUNCTION T_WHITESPACE T_STRING ( ) T_WHITESPACE { T_WHITESPACE T_RETURN T_WHITESPACE T_VARIABLE T_NULLSAFE_OBJECT_OPERATOR T_STRING ( ) T_WHITESPACE + T_WHITESPACE T_STRING T_DOUBLE_COLON T_STRING ; T_WHITESPACE } T_WHITESPACE } T_WHITESPACE T_COMMENT 
MyToken 389 0 <?PHP  T_OPEN_TAG true
MyToken 291 6 ECHO T_ECHO false
MyToken 392 10   T_WHITESPACE true
MyToken 260 11 1 T_LNUMBER false
MyToken 59 12 ; ; false
bool(true)
bool(true)
bool(true)
T_DOUBLE_COLON T_DOUBLE_COLON UNKNOWN
foo -1 -1
syntax error, unexpected token ";"
