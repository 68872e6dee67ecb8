--TEST--
Mixed locals: int literals or floats as a raw double and an int flag (exact int arithmetic, no -0 for ints, boxing)
--FILE--
<?php
function m1() {
  $b = " .:,;!/>)|&IH%*#";
  for ($y=3; $C = $y*0.5 - 1.5, $y--;){
    for ($x=0; $c = $x*0.5 - 2, $z=0, $Z=0, $x++ < 8;){
      for ($r=$c, $i=$C, $k=0; $t = $z*$z - $Z*$Z + $r, $Z = 2*$z*$Z + $i, $z=$t, $k<50; $k++)
        if ($z*$z + $Z*$Z > 500000) break;
      echo $b[$k%16];
    }
    echo "\n";
  }
}
m1();
function m2() {
  $a = 0; $n = -3;
  for ($i = 0; $i < 4; $i++) {
    $a = 0;
    var_dump($a * $n, -$a, $a - $a, $a + 0, $a * 2 * $n);
    $p = $a * $n; var_dump($p + 0);
    echo $a, " ", $a * $n, " ", $a == 0, "\n";
    $a = 1.5 * $i;
    var_dump(+$a, $a * -2, -$a);
  }
  $m = 7; $m = 2.5; $m = 3; var_dump(+$m, $m * $m, $m * 0.5, $m / 2, $m - 3);
  $q = 1048576; $q2 = $q * $q * 4; var_dump($q * $q * $q);
  $w = 5; $w = $w * 0.5; var_dump($w * 1);
}
m2();
function m3() {
  $s = 0;
  for ($i = 0; $i < 3; $i++) { $s = 0; $s = $s * 1.5 + $i; echo "$s "; var_dump($s + 0); }
  $z = 0; if (rand(0, 0) == 0) { $z = 2.0; } var_dump($z * $z);
}
m3();
--EXPECT--
:::::>!;
!/>::>;;
;;!/:!;;
int(0)
int(0)
int(0)
int(0)
int(0)
int(0)
0 0 1
float(0)
float(-0)
float(-0)
int(0)
int(0)
int(0)
int(0)
int(0)
int(0)
0 0 1
float(1.5)
float(-3)
float(-1.5)
int(0)
int(0)
int(0)
int(0)
int(0)
int(0)
0 0 1
float(3)
float(-6)
float(-3)
int(0)
int(0)
int(0)
int(0)
int(0)
int(0)
0 0 1
float(4.5)
float(-9)
float(-4.5)
int(3)
int(9)
float(1.5)
float(1.5)
int(0)
int(1152921504606846976)
float(2.5)
0 float(0)
1 float(1)
2 float(2)
float(4)
