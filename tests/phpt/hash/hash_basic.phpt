--TEST--
hash(): common algorithms, hmac, incremental contexts, pbkdf2, hkdf
--FILE--
<?php
foreach (['md2', 'md4', 'md5', 'sha1', 'sha256', 'sha512/256', 'sha3-256', 'ripemd128', 'ripemd160', 'ripemd256', 'ripemd320',
          'whirlpool', 'tiger192,3', 'tiger128,4', 'snefru', 'adler32', 'crc32', 'crc32b', 'crc32c', 'fnv132', 'fnv1a64',
          'joaat', 'murmur3a', 'murmur3c', 'murmur3f', 'xxh32', 'xxh64'] as $a) {
    echo $a, ' ', hash($a, 'The quick brown fox jumps over the lazy dog'), "\n";
}
echo hash('murmur3a', 'abc', false, ['seed' => 42]), "\n";
echo hash('xxh64', 'abc', false, ['seed' => 7]), "\n";
echo hash_hmac('ripemd128', 'data', 'key'), "\n";
$c = hash_init('sha1', HASH_HMAC, 'secret');
hash_update($c, 'ab');
$d = hash_copy($c);
hash_update($c, 'c');
echo hash_final($c), ' ', hash_hmac('sha1', 'abc', 'secret'), "\n";
hash_update($d, 'c');
echo hash_final($d), "\n";
$c = hash_init('md4');
hash_update($c, 'hello ');
$c2 = unserialize(serialize($c));
hash_update($c2, 'world');
echo hash_final($c2) === hash('md4', 'hello world') ? "ok\n" : "bad\n";
echo hash_pbkdf2('sha256', 'password', 'salt', 1000, 20), "\n";
echo bin2hex(hash_hkdf('sha256', 'key', 16, 'info', 'salt')), "\n";
var_dump(hash_equals('abc', 'abc'), hash_equals('abc', 'abd'));
try { hash('nope', ''); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { hash_hmac('crc32', '', 'k'); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { hash_update($c, 'x'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
md2 03d85a0d629d2c442e987525319fc471
md4 1bee69a46ba811185c194762abaeae90
md5 9e107d9d372bb6826bd81d3542a419d6
sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12
sha256 d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592
sha512/256 dd9d67b371519c339ed8dbd25af90e976a1eeefd4ad3d889005e532fc5bef04d
sha3-256 69070dda01975c8c120c3aada1b282394e7f032fa9cf32f4cb2259a0897dfc04
ripemd128 3fa9b57f053c053fbe2735b2380db596
ripemd160 37f332f68db77bd9d7edd4969571ad671cf9dd3b
ripemd256 c3b0c2f764ac6d576a6c430fb61a6f2255b4fa833e094b1ba8c1e29b6353036f
ripemd320 e7660e67549435c62141e51c9ab1dcc3b1ee9f65c0b3e561ae8f58c5dba3d21997781cd1cc6fbc34
whirlpool b97de512e91e3828b40d2b0fdce9ceb3c4a71f9bea8d88e75c4fa854df36725fd2b52eb6544edcacd6f8beddfea403cb55ae31f03ad62a5ef54e42ee82c3fb35
tiger192,3 6d12a41e72e644f017b6f0e2f7b44c6285f06dd5d2c5b075
tiger128,4 c1f3a704e9f6267e9f75fa47191f83c3
snefru 674caa75f9d8fd2089856b95e93a4fb42fa6c8702f8980e11d97a142d76cb358
adler32 5bdc0fda
crc32 61ee9d45
crc32b 414fa339
crc32c 22620404
fnv132 e9c86c6e
fnv1a64 f3f9b7f5e7e47110
joaat 519e91f5
murmur3a 2e4ff723
murmur3c 2f1583c3ecee2c675d7bf66ce5e91d2c
murmur3f e34bbc7bbc071b6c7a433ca9c49a9347
xxh32 e85ea4de
xxh64 0b242d361fda71bc
4e4f1e68
9e755206156676d7
3147183fe25f1bb0c8bea60cb8ec77b1
694abd10842d161ddbc54df8a0d57cf64d0dbcc9 694abd10842d161ddbc54df8a0d57cf64d0dbcc9
694abd10842d161ddbc54df8a0d57cf64d0dbcc9
ok
632c2812e46d4604102b
9ca0d662557439e3b83365f2da4626d3
bool(true)
bool(false)
hash(): Argument #1 ($algo) must be a valid hashing algorithm
hash_hmac(): Argument #1 ($algo) must be a valid cryptographic hashing algorithm
