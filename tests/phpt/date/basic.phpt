--TEST--
date(), strtotime(), DateTime basics
--FILE--
<?php
date_default_timezone_set('Europe/Amsterdam');
echo date('Y-m-d H:i:s T e P N jS z t L', 1200000000), "\n";
echo gmdate(DATE_RFC2822, 0), "\n";
var_dump(mktime(12, 0, 0, 1, 1, 2008), checkdate(2, 29, 2001));
foreach (['tomorrow', 'next monday', '+1 week 2 days', '+ 1 month', 'last day of next month', '@1234567890', '2008-01-01 10:00:00', 'Sat, 01 Jan 2008 10:00:00 +0100', 'tomorrow noon', 'first monday of january 2009', '1 January 2008', '2001 Oct', 'garbage'] as $s) {
  $t = strtotime($s, 1200000000);
  echo $s, ' => ', $t === false ? 'false' : date('Y-m-d H:i:s', $t), "\n";
}
$d = new DateTime('2008-03-30 01:30:00');
var_dump($d);
$d->modify('+1 hour');
echo $d->format('c T'), "\n";
$a = new DateTime('2000-01-31'); $b = new DateTime('2000-03-01 12:00');
echo $a->diff($b)->format('%R %y %m %d %h %a'), "\n";
echo (new DateInterval('P1Y2M3DT4H'))->format('%y-%m-%d %H'), "\n";
echo serialize(new DateTimeImmutable('2020-02-02 UTC')), "\n";
--EXPECT--
2008-01-10 22:20:00 CET Europe/Amsterdam +01:00 4 10th 9 31 1
Thu, 01 Jan 1970 00:00:00 +0000
int(1199185200)
bool(false)
tomorrow => 2008-01-11 00:00:00
next monday => 2008-01-14 00:00:00
+1 week 2 days => 2008-01-19 22:20:00
+ 1 month => 2008-02-10 22:20:00
last day of next month => 2008-02-29 22:20:00
@1234567890 => 2009-02-14 00:31:30
2008-01-01 10:00:00 => 2008-01-01 10:00:00
Sat, 01 Jan 2008 10:00:00 +0100 => 2008-01-05 10:00:00
tomorrow noon => 2008-01-11 12:00:00
first monday of january 2009 => 2009-01-05 00:00:00
1 January 2008 => 2008-01-01 00:00:00
2001 Oct => 2001-10-01 00:00:00
garbage => false
object(DateTime)#1 (3) {
  ["date"]=>
  string(26) "2008-03-30 01:30:00.000000"
  ["timezone_type"]=>
  int(3)
  ["timezone"]=>
  string(16) "Europe/Amsterdam"
}
2008-03-30T03:30:00+02:00 CEST
+ 0 0 30 12 30
1-2-3 04
O:17:"DateTimeImmutable":3:{s:4:"date";s:26:"2020-02-02 00:00:00.000000";s:13:"timezone_type";i:3;s:8:"timezone";s:3:"UTC";}
