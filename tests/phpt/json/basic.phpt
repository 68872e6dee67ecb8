--TEST--
json_encode/json_decode: flags, errors, depth, JsonSerializable, JsonException
--FILE--
<?php
var_dump(json_encode([1e25, 0.1, 1.0, -0.0, 1e-7], JSON_PRESERVE_ZERO_FRACTION), json_encode(1e25));
var_dump(json_decode('TRUE'), json_last_error_msg());
var_dump(json_decode('"abc'), json_last_error_msg());
var_dump(json_decode("[1]\0"), json_last_error_msg());
var_dump(json_decode('"\ud834"'), json_last_error_msg());
var_dump(json_decode('-0'), json_decode('-0.0'), json_decode('1E2'), json_decode('12345678901234567890'), json_decode('[12345678901234567890]', false, 512, JSON_BIGINT_AS_STRING));
var_dump(json_decode('{"":1,"a":{"b":2}}', true), json_decode('{"\u0000a":1}'), json_last_error_msg());
var_dump(json_encode("a/b<>&'\"\x01\u{2028}é\u{1F600}"), json_encode("é\u{2028}", JSON_UNESCAPED_UNICODE), json_encode("<a href='x'>&\"", JSON_HEX_TAG|JSON_HEX_AMP|JSON_HEX_APOS|JSON_HEX_QUOT|JSON_UNESCAPED_SLASHES));
var_dump(json_encode(["a"=>1,"b"=>[1,2,[]], "c"=>new stdClass], JSON_PRETTY_PRINT), json_encode([1,2], JSON_FORCE_OBJECT));
enum X { case A; } enum Y: string { case A = 'a'; }
var_dump(json_encode(X::A), json_last_error(), json_last_error_msg(), json_encode([Y::A]));
var_dump(json_encode("\xff"), json_last_error_msg(), json_encode(["a\xff", 1], JSON_PARTIAL_OUTPUT_ON_ERROR), json_encode("a\xffb", JSON_INVALID_UTF8_SUBSTITUTE), json_encode("a\xffb", JSON_INVALID_UTF8_IGNORE));
var_dump(json_decode('[1,2', true), json_last_error_msg(), json_decode('[[1]]', true, 2), json_last_error_msg());
var_dump(json_encode([[1]], 0, 1), json_last_error_msg());
var_dump(json_encode(NAN), json_last_error_msg(), json_encode("12.0", JSON_NUMERIC_CHECK), json_encode(["1e5", "0x1A", " 12"], JSON_NUMERIC_CHECK));
class J implements JsonSerializable { function __construct(public $v, protected $h = 1) {} function jsonSerialize(): mixed { return ['v' => $this->v]; } }
class K { public $a = 1; protected $b = 2; private $c = 3; }
var_dump(json_encode([new J(5), new K]));
try { json_decode('{', false, 512, JSON_THROW_ON_ERROR); } catch (JsonException $e) { var_dump(get_class($e), $e->getMessage(), $e->getCode(), json_last_error()); }
print_r(json_decode('{"a":[1,{"b":null}]}')); echo "\n";
var_dump(JSON_ERROR_UTF16, JSON_THROW_ON_ERROR, JSON_INVALID_UTF8_SUBSTITUTE);
--EXPECTF--
string(29) "[1.0e+25,0.1,1.0,-0.0,1.0e-7]"
string(7) "1.0e+25"
NULL
string(12) "Syntax error"
NULL
string(53) "Control character error, possibly incorrectly encoded"
NULL
string(53) "Control character error, possibly incorrectly encoded"
NULL
string(50) "Single unpaired UTF-16 surrogate in unicode escape"
int(0)
float(-0)
float(100)
float(1.2345678901234567E+19)
array(1) {
  [0]=>
  string(20) "12345678901234567890"
}
array(2) {
  [""]=>
  int(1)
  ["a"]=>
  array(1) {
    ["b"]=>
    int(2)
  }
}
NULL
string(36) "The decoded property name is invalid"
string(42) ""a\/b<>&'\"\u0001\u2028\u00e9\ud83d\ude00""
string(10) ""é\u2028""
string(46) ""\u003Ca href=\u0027x\u0027\u003E\u0026\u0022""
string(78) "{
    "a": 1,
    "b": [
        1,
        2,
        []
    ],
    "c": {}
}"
string(13) "{"0":1,"1":2}"
bool(false)
int(11)
string(46) "Non-backed enums have no default serialization"
string(5) "["a"]"
bool(false)
string(56) "Malformed UTF-8 characters, possibly incorrectly encoded"
string(8) "[null,1]"
string(10) ""a\ufffdb""
string(4) ""ab""
NULL
string(12) "Syntax error"
NULL
string(28) "Maximum stack depth exceeded"
bool(false)
string(28) "Maximum stack depth exceeded"
bool(false)
string(34) "Inf and NaN cannot be JSON encoded"
string(2) "12"
string(18) "[100000,"0x1A",12]"
string(17) "[{"v":5},{"a":1}]"
string(13) "JsonException"
string(12) "Syntax error"
int(4)
int(0)
stdClass Object
(
    [a] => Array
        (
            [0] => 1
            [1] => stdClass Object
                (
                    [b] => 
                )

        )

)

int(10)
int(4194304)
int(2097152)
