--TEST--
mkdir/scandir/glob/opendir/readdir/dir()/rmdir
--FILE--
<?php
$d = __DIR__ . '/dir_basic_tmp';
var_dump(mkdir("$d/sub/deep", 0777, true));
touch("$d/b.txt");
touch("$d/a.txt");
file_put_contents("$d/c.php", "x");
var_dump(scandir($d));
var_dump(scandir($d, SCANDIR_SORT_DESCENDING)[0]);
var_dump(array_map('basename', glob("$d/*.txt")));
var_dump(array_map('basename', glob("$d/{a,c}.*", GLOB_BRACE)));
var_dump(array_map('basename', glob("$d/*", GLOB_ONLYDIR)));
$h = opendir($d);
$n = [];
while (($e = readdir($h)) !== false) $n[] = $e;
closedir($h);
sort($n);
var_dump(count($n));
$o = dir($d);
var_dump($o instanceof Directory, $o->path === $d);
$o->close();
var_dump(is_dir("$d/sub"), is_file("$d/a.txt"), filesize("$d/c.php"), filetype("$d/sub"));
var_dump(fnmatch('*.txt', 'a.txt'), fnmatch('[ab]?', 'bx'), fnmatch('a*', '.a', FNM_PERIOD));
foreach (['a.txt', 'b.txt', 'c.php'] as $f) unlink("$d/$f");
var_dump(rmdir("$d/sub/deep"), rmdir("$d/sub"), rmdir($d));
?>
--EXPECT--
bool(true)
array(6) {
  [0]=>
  string(1) "."
  [1]=>
  string(2) ".."
  [2]=>
  string(5) "a.txt"
  [3]=>
  string(5) "b.txt"
  [4]=>
  string(5) "c.php"
  [5]=>
  string(3) "sub"
}
string(3) "sub"
array(2) {
  [0]=>
  string(5) "a.txt"
  [1]=>
  string(5) "b.txt"
}
array(2) {
  [0]=>
  string(5) "a.txt"
  [1]=>
  string(5) "c.php"
}
array(1) {
  [0]=>
  string(3) "sub"
}
int(6)
bool(true)
bool(true)
bool(true)
bool(true)
int(1)
string(3) "dir"
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
