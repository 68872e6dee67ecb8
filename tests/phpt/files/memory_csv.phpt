--TEST--
php://memory, fputcsv/fgetcsv and stream_get_meta_data
--FILE--
<?php
$m = fopen('php://memory', 'w+');
fputcsv($m, ['a', 'b c', 'say "hi"', "multi\nline"]);
fputcsv($m, [1, 2.5, '']);
rewind($m);
var_dump(fgetcsv($m), fgetcsv($m), fgetcsv($m));
var_dump(stream_get_contents($m, -1, 0));
$md = stream_get_meta_data($m);
var_dump($md['stream_type'], $md['mode'], $md['seekable']);
$t = fopen('php://temp', 'r+');
fwrite($t, "x\ny\n");
rewind($t);
var_dump(stream_get_line($t, 100, "\n"), stream_get_line($t, 100, "\n"));
?>
--EXPECT--
array(4) {
  [0]=>
  string(1) "a"
  [1]=>
  string(3) "b c"
  [2]=>
  string(8) "say "hi""
  [3]=>
  string(10) "multi
line"
}
array(3) {
  [0]=>
  string(1) "1"
  [1]=>
  string(3) "2.5"
  [2]=>
  string(0) ""
}
bool(false)
string(41) "a,"b c","say ""hi""","multi
line"
1,2.5,
"
string(6) "MEMORY"
string(3) "w+b"
bool(true)
string(1) "x"
string(1) "y"
