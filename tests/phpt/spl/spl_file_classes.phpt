--TEST--
SplFileInfo, SplFileObject, SplTempFileObject and the directory iterators
--FILE--
<?php
$dir = sys_get_temp_dir() . '/phpts_spl_file_' . getmypid();
@mkdir($dir);
file_put_contents("$dir/a.txt", "one\n\ntwo,2\n");
mkdir("$dir/sub");
file_put_contents("$dir/sub/b.csv", "x,\"y\nz\"\n");

$i = new SplFileInfo("$dir/a.txt/");
var_dump($i->getFilename(), $i->getExtension(), $i->getBasename('.txt'), $i->isFile(), $i->getSize(), $i->getPathInfo()->getFilename() === basename($dir));
try { (new SplFileInfo("$dir/none"))->getMTime(); } catch (RuntimeException $e) { echo str_replace($dir, 'DIR', $e->getMessage()), "\n"; }

$f = $i->openFile();
foreach ($f as $n => $line) var_dump($n, $line);
$f->setFlags(SplFileObject::DROP_NEW_LINE | SplFileObject::SKIP_EMPTY | SplFileObject::READ_AHEAD);
foreach ($f as $n => $line) var_dump($n, $line);
$f->seek(1);
var_dump($f->key(), $f->current(), (string)$f);
try { $f->seek(-1); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }

$c = new SplFileObject("$dir/sub/b.csv");
$c->setFlags(SplFileObject::READ_CSV | SplFileObject::SKIP_EMPTY | SplFileObject::READ_AHEAD);
foreach ($c as $row) var_dump($row);
try { $c->fgetcsv(';;'); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }

$t = new SplTempFileObject();
var_dump($t->fputcsv(['a b', 'c"d']), $t->getFilename());
$t->rewind();
var_dump($t->fgets(), $t->eof());

$names = [];
foreach (new FilesystemIterator($dir, FilesystemIterator::KEY_AS_FILENAME | FilesystemIterator::CURRENT_AS_PATHNAME) as $k => $v) $names[$k] = str_replace($dir, 'DIR', $v);
ksort($names);
var_dump($names);
$all = [];
$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS), RecursiveIteratorIterator::SELF_FIRST);
foreach ($it as $p => $info) $all[] = $it->getSubPathname() . ' ' . get_class($info);
sort($all);
var_dump($all);
$g = new GlobIterator("$dir/*.txt");
var_dump(count($g));
foreach ($g as $p => $info) var_dump(str_replace($dir, 'DIR', $p), $info->getFilename());
try { new DirectoryIterator("$dir/none"); } catch (UnexpectedValueException $e) { echo str_replace($dir, 'DIR', $e->getMessage()), "\n"; }
try { foreach (new DirectoryIterator($dir) as &$x) {} } catch (Error $e) { echo $e->getMessage(), "\n"; }
class MyDir extends DirectoryIterator { function __construct() {} }
try { (new MyDir)->valid(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
unlink("$dir/sub/b.csv"); rmdir("$dir/sub"); unlink("$dir/a.txt"); rmdir($dir);
--EXPECT--
string(5) "a.txt"
string(3) "txt"
string(1) "a"
bool(true)
int(11)
bool(true)
SplFileInfo::getMTime(): stat failed for DIR/none
int(0)
string(4) "one
"
int(1)
string(1) "
"
int(2)
string(6) "two,2
"
int(3)
string(0) ""
int(0)
string(3) "one"
int(1)
string(5) "two,2"
int(1)
string(5) "two,2"
string(5) "two,2"
SplFileObject::seek(): Argument #1 ($line) must be greater than or equal to 0
array(2) {
  [0]=>
  string(1) "x"
  [1]=>
  string(3) "y
z"
}
SplFileObject::fgetcsv(): Argument #1 ($separator) must be a single character
int(13)
string(10) "php://temp"
string(13) ""a b","c""d"
"
bool(true)
array(4) {
  ["."]=>
  string(5) "DIR/."
  [".."]=>
  string(6) "DIR/.."
  ["a.txt"]=>
  string(9) "DIR/a.txt"
  ["sub"]=>
  string(7) "DIR/sub"
}
array(3) {
  [0]=>
  string(17) "a.txt SplFileInfo"
  [1]=>
  string(15) "sub SplFileInfo"
  [2]=>
  string(21) "sub/b.csv SplFileInfo"
}
int(1)
string(9) "DIR/a.txt"
string(5) "a.txt"
DirectoryIterator::__construct(DIR/none): Failed to open directory: No such file or directory
An iterator cannot be used with foreach by reference
Object not initialized
