// ext/standard/crypt_freesec.c: the DES-based crypt() formats. "Standard" DES takes a 2-character
// salt and the first 8 bytes of the password; BSDi "extended" DES ("_" + 4 characters of iteration
// count + 4 of salt) folds in the whole password and iterates as often as asked. The salt perturbs
// DES's expansion permutation: salt bit i swaps bits i and i+24 of the 48-bit expansion.
//
// Blocks are two 32-bit halves (numbers); a round looks up eight 64-entry tables that combine each
// S-box with the P permutation, so the up to 16M iterations of extended DES stay fast.

const ASCII64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// FIPS 46-3 tables; bit numbers count from 1 at the most significant bit.
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
  62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
  61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
  10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
  14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
  23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
  44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const KEY_SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];
const SBOX = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

/** Bit `n` (1 = most significant) of the 64-bit value hi:lo. */
function bit64(hi: number, lo: number, n: number): number {
  return n <= 32 ? (hi >>> (32 - n)) & 1 : (lo >>> (64 - n)) & 1;
}

/** Applies a 64-bit permutation table to hi:lo. */
function permute64(hi: number, lo: number, table: number[]): [number, number] {
  let a = 0, b = 0;
  for (let i = 0; i < 32; i++) a = (a << 1) | bit64(hi, lo, table[i]);
  for (let i = 32; i < 64; i++) b = (b << 1) | bit64(hi, lo, table[i]);
  return [a >>> 0, b >>> 0];
}

const FP: number[] = (() => {
  const fp = new Array<number>(64);
  for (let i = 0; i < 64; i++) fp[IP[i] - 1] = i + 1;
  return fp;
})();

/** SP[box][six input bits]: the S-box output already moved through P (made on first use: start-up
 * doesn't pay for it). */
let SP: Int32Array[] | null = null;
const makeSP = (): Int32Array[] => SBOX.map((box, j) => {
  const t = new Int32Array(64);
  for (let v = 0; v < 64; v++) {
    const row = ((v >> 4) & 2) | (v & 1), col = (v >> 1) & 15;
    const s = box[row * 16 + col];
    const placed = s << (28 - 4 * j);
    let out = 0;
    for (let i = 0; i < 32; i++) out = (out << 1) | ((placed >>> (32 - P[i])) & 1);
    t[v] = out;
  }
  return t;
});

/** The 16 round keys as pairs of 24-bit halves (S-boxes 1-4, 5-8). */
export interface DesKey { kl: Int32Array; kr: Int32Array }

export function desSetKey(key: Uint8Array): DesKey {
  const hi = ((key[0] << 24) | (key[1] << 16) | (key[2] << 8) | key[3]) >>> 0;
  const lo = ((key[4] << 24) | (key[5] << 16) | (key[6] << 8) | key[7]) >>> 0;
  let c = 0, d = 0;
  for (let i = 0; i < 28; i++) c = (c << 1) | bit64(hi, lo, PC1[i]);
  for (let i = 28; i < 56; i++) d = (d << 1) | bit64(hi, lo, PC1[i]);
  const kl = new Int32Array(16), kr = new Int32Array(16);
  for (let round = 0; round < 16; round++) {
    const s = KEY_SHIFTS[round];
    c = ((c << s) | (c >>> (28 - s))) & 0xfffffff;
    d = ((d << s) | (d >>> (28 - s))) & 0xfffffff;
    const cdBit = (n: number) => (n <= 28 ? (c >>> (28 - n)) & 1 : (d >>> (56 - n)) & 1);
    let l = 0, r = 0;
    for (let i = 0; i < 24; i++) l = (l << 1) | cdBit(PC2[i]);
    for (let i = 24; i < 48; i++) r = (r << 1) | cdBit(PC2[i]);
    kl[round] = l;
    kr[round] = r;
  }
  return { kl, kr };
}

/** setup_salt: salt bit i (from the least significant) becomes bit 23-i of the swap mask. */
function saltBits(salt: number): number {
  let bits = 0;
  for (let i = 0; i < 24; i++) if (salt & (1 << i)) bits |= 0x800000 >>> i;
  return bits;
}

/** do_des: `count` chained salted DES encryptions of hi:lo. */
export function doDes(hi: number, lo: number, key: DesKey, salt: number, count: number): [number, number] {
  const mask = saltBits(salt);
  const { kl, kr } = key;
  const [s0, s1, s2, s3, s4, s5, s6, s7] = (SP ??= makeSP());
  let [l, r] = permute64(hi, lo, IP);
  while (count-- > 0) {
    for (let round = 0; round < 16; round++) {
      // Expansion: six-bit group j is R's bits 4j..4j+5 (1-based, wrapping 0 to 32 and 33 to 1).
      const el = (((r >>> 27) | (r << 5)) & 63) << 18 | (((r >>> 23) | (r << 9)) & 63) << 12
        | (((r >>> 19) | (r << 13)) & 63) << 6 | (((r >>> 15) | (r << 17)) & 63);
      const er = (((r >>> 11) | (r << 21)) & 63) << 18 | (((r >>> 7) | (r << 25)) & 63) << 12
        | (((r >>> 3) | (r << 29)) & 63) << 6 | (((r << 1) | (r >>> 31)) & 63);
      const swap = (el ^ er) & mask;
      const a = el ^ swap ^ kl[round], b = er ^ swap ^ kr[round];
      const f = s0[a >>> 18] | s1[(a >>> 12) & 63] | s2[(a >>> 6) & 63] | s3[a & 63]
        | s4[b >>> 18] | s5[(b >>> 12) & 63] | s6[(b >>> 6) & 63] | s7[b & 63];
      const t = l ^ f;
      l = r;
      r = t;
    }
    const t = l;
    l = r;
    r = t;
  }
  return permute64(l >>> 0, r >>> 0, FP);
}

/** ascii_to_bin, with C's signed char arithmetic for bytes >= 0x80. */
function asciiToBin(ch: number): number {
  const s = ch >= 128 ? ch - 256 : ch;
  let v = s - 46;
  if (s >= 65) v = s >= 97 ? s - 59 : s - 53;
  return v & 63;
}

/** The password's first 8 bytes, each shifted left by one bit (DES ignores the low bit). */
function keyBytes(password: string): { buf: Uint8Array; used: number } {
  const buf = new Uint8Array(8);
  let p = 0;
  for (let i = 0; i < 8; i++) {
    const c = p < password.length ? password.charCodeAt(p) : 0;
    buf[i] = (c << 1) & 0xff;
    if (c) p++;
  }
  return { buf, used: p };
}

function encode(hi: number, lo: number): string {
  let out = '';
  let v = hi >>> 8;
  for (let s = 18; s >= 0; s -= 6) out += ASCII64[(v >>> s) & 63];
  v = ((hi << 16) | (lo >>> 16)) >>> 0;
  for (let s = 18; s >= 0; s -= 6) out += ASCII64[(v >>> s) & 63];
  v = (lo << 2) >>> 0;
  for (let s = 12; s >= 0; s -= 6) out += ASCII64[(v >>> s) & 63];
  return out;
}

/** _crypt_extended_r: null where the setting is unusable. `password` stops at its first NUL. */
export function cryptDes(password: string, setting: string): string | null {
  const { buf, used } = keyBytes(password);
  let key = desSetKey(buf);
  let count: number, salt: number, prefix: string;
  if (setting[0] === '_') {
    count = 0;
    salt = 0;
    for (let i = 1; i < 9; i++) {
      const ch = i < setting.length ? setting.charCodeAt(i) : 0;
      const v = asciiToBin(ch);
      if (ASCII64.charCodeAt(v) !== ch) return null;
      if (i < 5) count |= v << ((i - 1) * 6);
      else salt |= v << ((i - 5) * 6);
    }
    if (!count) return null;
    let p = used;
    while (p < password.length) {
      const [h, l] = doDes(bytesHi(buf), bytesLo(buf), key, 0, 1);
      storeBlock(buf, h, l);
      for (let q = 0; q < 8 && p < password.length; q++) buf[q] ^= (password.charCodeAt(p++) << 1) & 0xff;
      key = desSetKey(buf);
    }
    prefix = setting.slice(0, 9);
  } else {
    const unsafe = (c: number) => !c || c === 10 || c === 58;
    const c0 = setting.length > 0 ? setting.charCodeAt(0) : 0, c1 = setting.length > 1 ? setting.charCodeAt(1) : 0;
    if (unsafe(c0) || unsafe(c1)) return null;
    count = 25;
    salt = (asciiToBin(c1) << 6) | asciiToBin(c0);
    prefix = setting.slice(0, 2);
  }
  const [h, l] = doDes(0, 0, key, salt, count);
  return prefix + encode(h, l);
}

function bytesHi(b: Uint8Array): number { return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0; }
function bytesLo(b: Uint8Array): number { return ((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]) >>> 0; }
function storeBlock(b: Uint8Array, hi: number, lo: number): void {
  for (let i = 0; i < 4; i++) {
    b[i] = (hi >>> (24 - 8 * i)) & 0xff;
    b[4 + i] = (lo >>> (24 - 8 * i)) & 0xff;
  }
}
