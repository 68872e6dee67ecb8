--TEST--
Random engines and Randomizer reproduce php-src sequences
--FILE--
<?php function hx($s) { $o = ""; for ($i = 0; $i < strlen($s); $i++) $o .= "0123456789abcdef"[ord($s[$i]) >> 4] . "0123456789abcdef"[ord($s[$i]) & 15]; return $o; }
use Random\Engine\{Mt19937, PcgOneseq128XslRr64, Xoshiro256StarStar, Secure};
use Random\Randomizer;
$e = new Mt19937(1234); echo hx($e->generate()), "\n";
$e = new PcgOneseq128XslRr64(1234); echo hx($e->generate()), "\n"; $e->jump(1000); echo hx($e->generate()), "\n";
$e = new PcgOneseq128XslRr64("0123456789abcdef"); echo hx($e->generate()), "\n";
$e = new Xoshiro256StarStar(1234); echo hx($e->generate()), "\n"; $e->jump(); echo hx($e->generate()), "\n"; $e->jumpLong(); echo hx($e->generate()), "\n";
foreach ([new Mt19937(42), new Mt19937(42, MT_RAND_PHP), new PcgOneseq128XslRr64(42), new Xoshiro256StarStar(42)] as $eng) {
  $r = new Randomizer($eng);
  echo $r->getInt(1, 100), " ", $r->getInt(PHP_INT_MIN, PHP_INT_MAX), " ", $r->nextInt(), " ", hx($r->getBytes(11)), "\n";
  echo implode(",", $r->shuffleArray([1,2,3,4,5,6,7,8,9,10])), " ", $r->shuffleBytes("abcdefghij"), " ", implode(",", $r->pickArrayKeys(['a'=>1,'b'=>2,'c'=>3,'d'=>4,'e'=>5], 2)), " ", implode(",", $r->pickArrayKeys([0,1,2,3,4,5,6,7,8,9], 1)),"\n";
}
$c = clone $eng; var_dump($c->generate() === $eng->generate());
--EXPECT--
2f6b0731
ecfbe5990a319380
c605045e406c05e7
33ab451afc58b814
53aee3a0d945ab0b
48d1d2c6c84aeb0c
fe802689445b92e5
43 8314211559172357555 393923207 6af463bb47d499c7bcae41
8,4,6,3,7,9,1,2,10,5 agcijbdhef b,d 9
64 5470252532108361728 2041643438 e27f62d0861ef445ab3e0e
6,2,4,3,9,8,10,7,5,1 dibjgefhca c,d 1
15 4310385405281219909 6586357963715814464 64183d4c7e7d5fbfc5bb50
7,5,10,9,1,8,3,4,2,6 dceihgabjf b,e 3
15 -2232420343890232706 6272293381124279504 a160b30347adb8ec645eec
5,7,3,9,4,2,10,8,6,1 acjbehgifd b,c 6
bool(true)
