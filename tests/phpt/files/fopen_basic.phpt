--TEST--
fopen/fwrite/fread/fgets/feof/fseek/ftell/ftruncate on a plain file
--FILE--
<?php
$f = __DIR__ . '/fopen_basic.tmp';
$h = fopen($f, 'w+');
var_dump(fwrite($h, "line1\nline2\nlast"));
var_dump(ftell($h), rewind($h), ftell($h));
var_dump(fgets($h), feof($h), fgets($h), fgets($h), feof($h), fgets($h));
var_dump(fseek($h, 2), fread($h, 3), ftell($h), fseek($h, -4, SEEK_END), fgetc($h));
var_dump(ftruncate($h, 3), fstat($h)['size']);
fclose($h);
var_dump(file_get_contents($f), file_put_contents($f, ['a', 'b'], FILE_APPEND), file_get_contents($f, false, null, 1, 3));
var_dump(file($f, FILE_IGNORE_NEW_LINES));
var_dump(@fopen(__DIR__ . '/nonexistent/x', 'r'));
$h = fopen($f, 'r');
var_dump(fwrite($h, 'x'));
fclose($h);
try { fclose($h); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
unlink($f);
var_dump(file_exists($f));
?>
--EXPECTF--
int(16)
int(16)
bool(true)
int(0)
string(6) "line1
"
bool(false)
string(6) "line2
"
string(4) "last"
bool(true)
bool(false)
int(0)
string(3) "ne1"
int(5)
int(0)
string(1) "l"
bool(true)
int(3)
string(3) "lin"
int(2)
string(3) "ina"
array(1) {
  [0]=>
  string(5) "linab"
}
bool(false)

Notice: fwrite(): Write of 1 bytes failed with errno=9 Bad file descriptor in %s on line %d
bool(false)
fclose(): supplied resource is not a valid stream resource
bool(false)
