--TEST--
version_compare, parse_url, urlencode family, http_build_query, parse_str, escapeshell*
--FILE--
<?php
foreach (["1.0", "1.0.0", "1.0rc1", "1.0-dev", "1.0a", "1.0pl1", "1.0.0.0.1", "", "#1", "1.0b", "1", "1.10", "1.9"] as $a)
  foreach (["1.0", "1.0.0", "1.0RC1", "1.0.a", "1.0pl", "1", ""] as $b) echo version_compare($a, $b), " ";
echo "\n";
var_dump(version_compare("5.2", "5.10", "<"), version_compare("1.0", "1.0", "eq"));
foreach (["http://user:pass@www.example.com:8080/path/to?x=1&y=2#frag", "//example.com/a", "mailto:me@x.com", "a.com:80", "a.com:80/x", "/path?q#", "file:///c:/dir/file", "file:///etc/passwd", "http://[::1]:80/x", "http:///x", "http://x:99999", "x:", ":80", "http://a:b@c:d@e/f", "?q=1", "#f", "www.example.com", "http://example.com?x", "http://h/p?#", "sch:ema://x"] as $u) { var_dump(parse_url($u)); }
var_dump(parse_url("http://a.com:8080/x", PHP_URL_PORT));
echo urlencode("a b+c~d.e_f-g/\x00\xff"), " ", rawurlencode("a b+c~d"), " ", urldecode("a%20b+c%zz%4"), " ", rawurldecode("a+b%41"), "\n";
echo http_build_query(["a" => 1, "b" => [1, 2, "x" => ["y" => "z z"]], 5 => true, "n" => null, "f" => false, "fl" => 1.5]), "\n";
echo http_build_query([1, 2], "p_", ";", PHP_QUERY_RFC3986), "\n";
$o = new stdClass; $o->a = "b c"; $o->d = [1]; echo http_build_query($o), "\n";
parse_str("a=1&b[]=2&b[]=3&c[x][y]=4&d.e f=5&g[=6&h[a=7&i]=8& j=9&k[]]=10&l[a][=11", $r); var_dump($r);
echo escapeshellarg("it's"), " ", escapeshellcmd("a'b\"c;d `e` 'f'"), "\n";
--EXPECT--
0 -1 1 1 -1 1 1 1 0 1 1 -1 1 1 -1 -1 0 1 -1 1 1 -1 -1 -1 -1 -1 1 1 -1 -1 -1 0 -1 1 1 1 1 1 1 1 1 1 1 1 1 1 -1 1 1 -1 -1 -1 -1 -1 -1 0 -1 -1 -1 -1 -1 0 1 -1 -1 -1 1 -1 1 1 -1 -1 -1 -1 -1 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 
bool(true)
bool(true)
array(8) {
  ["scheme"]=>
  string(4) "http"
  ["host"]=>
  string(15) "www.example.com"
  ["port"]=>
  int(8080)
  ["user"]=>
  string(4) "user"
  ["pass"]=>
  string(4) "pass"
  ["path"]=>
  string(8) "/path/to"
  ["query"]=>
  string(7) "x=1&y=2"
  ["fragment"]=>
  string(4) "frag"
}
array(2) {
  ["host"]=>
  string(11) "example.com"
  ["path"]=>
  string(2) "/a"
}
array(2) {
  ["scheme"]=>
  string(6) "mailto"
  ["path"]=>
  string(8) "me@x.com"
}
array(2) {
  ["host"]=>
  string(5) "a.com"
  ["port"]=>
  int(80)
}
array(3) {
  ["host"]=>
  string(5) "a.com"
  ["port"]=>
  int(80)
  ["path"]=>
  string(2) "/x"
}
array(3) {
  ["path"]=>
  string(5) "/path"
  ["query"]=>
  string(1) "q"
  ["fragment"]=>
  string(0) ""
}
array(2) {
  ["scheme"]=>
  string(4) "file"
  ["path"]=>
  string(11) "c:/dir/file"
}
array(2) {
  ["scheme"]=>
  string(4) "file"
  ["path"]=>
  string(11) "/etc/passwd"
}
array(4) {
  ["scheme"]=>
  string(4) "http"
  ["host"]=>
  string(5) "[::1]"
  ["port"]=>
  int(80)
  ["path"]=>
  string(2) "/x"
}
bool(false)
bool(false)
array(1) {
  ["scheme"]=>
  string(1) "x"
}
bool(false)
array(5) {
  ["scheme"]=>
  string(4) "http"
  ["host"]=>
  string(1) "e"
  ["user"]=>
  string(1) "a"
  ["pass"]=>
  string(5) "b@c:d"
  ["path"]=>
  string(2) "/f"
}
array(1) {
  ["query"]=>
  string(3) "q=1"
}
array(1) {
  ["fragment"]=>
  string(1) "f"
}
array(1) {
  ["path"]=>
  string(15) "www.example.com"
}
array(3) {
  ["scheme"]=>
  string(4) "http"
  ["host"]=>
  string(11) "example.com"
  ["query"]=>
  string(1) "x"
}
array(5) {
  ["scheme"]=>
  string(4) "http"
  ["host"]=>
  string(1) "h"
  ["path"]=>
  string(2) "/p"
  ["query"]=>
  string(0) ""
  ["fragment"]=>
  string(0) ""
}
array(2) {
  ["scheme"]=>
  string(3) "sch"
  ["path"]=>
  string(7) "ema://x"
}
int(8080)
a+b%2Bc%7Ed.e_f-g%2F%00%FF a%20b%2Bc~d a b c%zz%4 a+bA
a=1&b%5B0%5D=1&b%5B1%5D=2&b%5Bx%5D%5By%5D=z+z&5=1&f=0&fl=1.5
p_0=1;p_1=2
a=b+c&d%5B0%5D=1
array(10) {
  ["a"]=>
  string(1) "1"
  ["b"]=>
  array(2) {
    [0]=>
    string(1) "2"
    [1]=>
    string(1) "3"
  }
  ["c"]=>
  array(1) {
    ["x"]=>
    array(1) {
      ["y"]=>
      string(1) "4"
    }
  }
  ["d_e_f"]=>
  string(1) "5"
  ["g_"]=>
  string(1) "6"
  ["h_a"]=>
  string(1) "7"
  ["i]"]=>
  string(1) "8"
  ["j"]=>
  string(1) "9"
  ["k"]=>
  array(1) {
    [0]=>
    string(2) "10"
  }
  ["l"]=>
  array(1) {
    ["a"]=>
    string(2) "11"
  }
}
'it'\''s' a'b\"c\;d \`e\` 'f\'
