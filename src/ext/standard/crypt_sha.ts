// The "$1$" (php_crypt_r.c, php_md5_crypt_r), "$5$" (crypt_sha256.c) and "$6$" (crypt_sha512.c)
// crypt() formats: salted hash chains with their own base-64 byte orders.

import { createHash } from 'node:crypto';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

type Digest = 'md5' | 'sha256' | 'sha512';

function bytes(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

function hash(algo: Digest, ...parts: Buffer[]): Buffer {
  const h = createHash(algo);
  for (const p of parts) h.update(p);
  return h.digest();
}

/** `n` characters encoding the low bits of b2:b1:b0, least significant first. */
function to64(b2: number, b1: number, b0: number, n: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0, out = '';
  while (n-- > 0) {
    out += ITOA64[w & 63];
    w >>>= 6;
  }
  return out;
}

/** php_md5_crypt_r. */
export function cryptMd5(password: string, setting: string): string {
  let salt = setting.startsWith('$1$') ? setting.slice(3) : setting;
  const end = salt.indexOf('$');
  salt = salt.slice(0, Math.min(end < 0 ? salt.length : end, 8));
  const pw = bytes(password), sl = bytes(salt);
  const h = createHash('md5');
  h.update(pw).update('$1$').update(sl);
  let fin = hash('md5', pw, sl, pw);
  for (let pl = pw.length; pl > 0; pl -= 16) h.update(fin.subarray(0, Math.min(pl, 16)));
  for (let i = pw.length; i !== 0; i >>>= 1) h.update(i & 1 ? Buffer.alloc(1) : pw.subarray(0, 1));
  fin = h.digest();
  for (let i = 0; i < 1000; i++) {
    const c = createHash('md5');
    c.update(i & 1 ? pw : fin);
    if (i % 3) c.update(sl);
    if (i % 7) c.update(pw);
    c.update(i & 1 ? fin : pw);
    fin = c.digest();
  }
  const f = fin;
  return '$1$' + salt + '$' + to64(f[0], f[6], f[12], 4) + to64(f[1], f[7], f[13], 4) + to64(f[2], f[8], f[14], 4)
    + to64(f[3], f[9], f[15], 4) + to64(f[4], f[10], f[5], 4) + to64(0, 0, f[11], 2);
}

const ROUNDS_DEFAULT = 5000, ROUNDS_MIN = 1000, ROUNDS_MAX = 999999999;

/** A byte sequence of length `len` made of repeated copies of `block`. */
function repeatTo(block: Buffer, len: number): Buffer {
  const out = Buffer.alloc(len);
  for (let i = 0; i < len; i += block.length) block.copy(out, i, 0, Math.min(block.length, len - i));
  return out;
}

/** The order in which the final hash's bytes are encoded, three at a time. */
function shaEncode(algo: 'sha256' | 'sha512', r: Buffer): string {
  let out = '';
  if (algo === 'sha256') {
    for (let i = 0; i < 10; i++) {
      const a = r[i], b = r[i + 10], c = r[i + 20];
      out += i % 3 === 0 ? to64(a, b, c, 4) : i % 3 === 1 ? to64(c, a, b, 4) : to64(b, c, a, 4);
    }
    return out + to64(0, r[31], r[30], 3);
  }
  for (let i = 0; i < 21; i++) {
    const a = r[i], b = r[i + 21], c = r[i + 42];
    out += i % 3 === 0 ? to64(a, b, c, 4) : i % 3 === 1 ? to64(b, c, a, 4) : to64(c, a, b, 4);
  }
  return out + to64(0, 0, r[63], 2);
}

/** php_sha256_crypt_r / php_sha512_crypt_r: null for a rounds= count out of range. */
export function cryptSha(algo: 'sha256' | 'sha512', password: string, setting: string): string | null {
  const magic = algo === 'sha256' ? '$5$' : '$6$';
  let rest = setting.startsWith(magic) ? setting.slice(3) : setting;
  let rounds = ROUNDS_DEFAULT, custom = false;
  const m = /^rounds=(\d*)/.exec(rest);
  if (m && rest[m[0].length] === '$') {
    // strtoul: the number saturates, so an overlong count is out of range too.
    const n = m[1] === '' ? 0 : Number(m[1]);
    rest = rest.slice(m[0].length + 1);
    if (n < ROUNDS_MIN || n > ROUNDS_MAX) return null;
    rounds = n;
    custom = true;
  }
  const end = rest.indexOf('$');
  const salt = rest.slice(0, Math.min(end < 0 ? rest.length : end, 16));
  const size = algo === 'sha256' ? 32 : 64;
  const key = bytes(password), sl = bytes(salt);
  const alt = hash(algo, key, sl, key);
  const h = createHash(algo);
  h.update(key).update(sl);
  let cnt = key.length;
  for (; cnt > size; cnt -= size) h.update(alt);
  h.update(alt.subarray(0, cnt));
  for (cnt = key.length; cnt > 0; cnt >>>= 1) h.update(cnt & 1 ? alt : key);
  let result = h.digest();
  const dp = createHash(algo);
  for (let i = 0; i < key.length; i++) dp.update(key);
  const p = repeatTo(dp.digest(), key.length);
  const ds = createHash(algo);
  for (let i = 0; i < 16 + result[0]; i++) ds.update(sl);
  const s = repeatTo(ds.digest(), sl.length);
  for (let i = 0; i < rounds; i++) {
    const c = createHash(algo);
    c.update(i & 1 ? p : result);
    if (i % 3) c.update(s);
    if (i % 7) c.update(p);
    c.update(i & 1 ? result : p);
    result = c.digest();
  }
  return magic + (custom ? `rounds=${rounds}$` : '') + salt + '$' + shaEncode(algo, result);
}
