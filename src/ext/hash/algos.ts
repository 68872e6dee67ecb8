// The hash algorithms of ext/hash. Each algorithm makes incremental states (update / digest / clone).
// The ones OpenSSL provides exactly (md5, sha*, ripemd160) use node:crypto; the others are
// implemented here from their specifications.

import type * as Crypto from 'node:crypto';
/** node:crypto, loaded on first use (start-up does not pay for it) */
const nodeCrypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');
import { SNEFRU_B64, TIGER_B64, WHIRLPOOL_SBOX_B64, MD2_SBOX_B64, XXH3_SECRET_B64 } from './tables.js';
import { xxh3State } from './xxh3.js';
import { rt } from '../../runtime/request.js';

export interface HashState {
  update(d: Uint8Array): void;
  digest(): Uint8Array;
  clone(): HashState;
}

export interface HashOptions {
  seed?: number | bigint;
  secret?: Uint8Array;
}

export interface Algo {
  name: string;
  size: number;
  block: number;
  crypto: boolean;
  make(opts: HashOptions): HashState;
}

function b64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** Copies an object's own fields, duplicating typed arrays and plain arrays. */
function cloneFields<T extends object>(o: T): T {
  const c = Object.create(Object.getPrototypeOf(o));
  for (const k of Object.keys(o)) {
    const v = (o as any)[k];
    c[k] = ArrayBuffer.isView(v) ? (v as any).slice() : Array.isArray(v) ? v.slice() : v;
  }
  return c;
}

class NodeHash implements HashState {
  constructor(private h: Crypto.Hash) {}
  update(d: Uint8Array): void { this.h.update(d); }
  digest(): Uint8Array { return new Uint8Array(this.h.digest()); }
  clone(): HashState { return new NodeHash(this.h.copy()); }
}

/** A hash over fixed-size blocks: buffers input and calls `block` for each full block. */
abstract class BlockHash implements HashState {
  buf: Uint8Array;
  n = 0;
  len = 0;
  constructor(public bs: number) { this.buf = new Uint8Array(bs); }
  abstract block(b: Uint8Array, off: number): void;
  abstract finish(): Uint8Array;
  update(d: Uint8Array): void {
    let i = 0;
    this.len += d.length;
    if (this.n > 0) {
      while (i < d.length && this.n < this.bs) this.buf[this.n++] = d[i++];
      if (this.n < this.bs) return;
      this.block(this.buf, 0);
      this.n = 0;
    }
    for (; i + this.bs <= d.length; i += this.bs) this.block(d, i);
    while (i < d.length) this.buf[this.n++] = d[i++];
  }
  digest(): Uint8Array { return this.finish(); }
  clone(): HashState { return cloneFields(this); }
  /** MD-style padding: 0x80 (or `first`), zeros, the bit length in `lenBytes` bytes. */
  pad(le: boolean, lenBytes = 8, first = 0x80): void {
    const bits = BigInt(this.len) * 8n;
    const padLen = ((this.bs - lenBytes - 1 - this.n) % this.bs + this.bs) % this.bs;
    const p = new Uint8Array(1 + padLen + lenBytes);
    p[0] = first;
    for (let i = 0; i < lenBytes; i++) {
      const byte = Number((bits >> BigInt(8 * i)) & 0xffn);
      p[le ? 1 + padLen + i : p.length - 1 - i] = byte;
    }
    const save = this.len;
    this.update(p);
    this.len = save;
  }
}

function le32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function be32(b: Uint8Array, o: number): number {
  return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
}
function wordsLE(ws: ArrayLike<number>, n = ws.length): Uint8Array {
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) { const w = ws[i]; out[4 * i] = w; out[4 * i + 1] = w >>> 8; out[4 * i + 2] = w >>> 16; out[4 * i + 3] = w >>> 24; }
  return out;
}
function wordsBE(ws: ArrayLike<number>, n = ws.length): Uint8Array {
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) { const w = ws[i]; out[4 * i] = w >>> 24; out[4 * i + 1] = w >>> 16; out[4 * i + 2] = w >>> 8; out[4 * i + 3] = w; }
  return out;
}
function big64BE(ws: bigint[]): Uint8Array {
  const out = new Uint8Array(ws.length * 8);
  ws.forEach((w, i) => { for (let j = 0; j < 8; j++) out[8 * i + j] = Number((w >> BigInt(56 - 8 * j)) & 0xffn); });
  return out;
}
function big64LE(ws: bigint[]): Uint8Array {
  const out = new Uint8Array(ws.length * 8);
  ws.forEach((w, i) => { for (let j = 0; j < 8; j++) out[8 * i + j] = Number((w >> BigInt(8 * j)) & 0xffn); });
  return out;
}
const rol = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;
const M64 = (1n << 64n) - 1n;

// ---- MD4 ----
class MD4 extends BlockHash {
  h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  constructor() { super(64); }
  block(b: Uint8Array, o: number): void {
    const x: number[] = [];
    for (let i = 0; i < 16; i++) x.push(le32(b, o + 4 * i));
    let [a, bb, c, d] = this.h;
    const F = (x: number, y: number, z: number) => (x & y) | (~x & z);
    const G = (x: number, y: number, z: number) => (x & y) | (x & z) | (y & z);
    const H = (x: number, y: number, z: number) => x ^ y ^ z;
    const r1 = [3, 7, 11, 19], r2 = [3, 5, 9, 13], r3 = [3, 9, 11, 15];
    for (let i = 0; i < 16; i++) {
      const t = rol((a + F(bb, c, d) + x[i]) >>> 0, r1[i % 4]);
      a = d; d = c; c = bb; bb = t;
    }
    for (let i = 0; i < 16; i++) {
      const k = (i % 4) * 4 + (i >> 2);
      const t = rol((a + G(bb, c, d) + x[k] + 0x5a827999) >>> 0, r2[i % 4]);
      a = d; d = c; c = bb; bb = t;
    }
    const o3 = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
    for (let i = 0; i < 16; i++) {
      const t = rol((a + H(bb, c, d) + x[o3[i]] + 0x6ed9eba1) >>> 0, r3[i % 4]);
      a = d; d = c; c = bb; bb = t;
    }
    this.h[0] += a; this.h[1] += bb; this.h[2] += c; this.h[3] += d;
  }
  finish(): Uint8Array { this.pad(true); return wordsLE(this.h); }
}

// ---- MD2 ----
// the tables below are built on first use: start-up should not pay for hashes a script never uses
let md2Sbox: Uint8Array | null = null;
class MD2 extends BlockHash {
  x = new Uint8Array(48);
  c = new Uint8Array(16);
  constructor() { super(16); }
  block(b: Uint8Array, o: number): void {
    const { x, c } = this;
    const S = (md2Sbox ??= b64(MD2_SBOX_B64));
    for (let i = 0; i < 16; i++) { x[16 + i] = b[o + i]; x[32 + i] = x[16 + i] ^ x[i]; }
    let t = 0;
    for (let j = 0; j < 18; j++) {
      for (let k = 0; k < 48; k++) t = x[k] ^= S[t];
      t = (t + j) & 0xff;
    }
    let l = c[15];
    for (let i = 0; i < 16; i++) l = c[i] ^= S[b[o + i] ^ l];
  }
  finish(): Uint8Array {
    const p = 16 - this.n;
    this.update(new Uint8Array(p).fill(p));
    this.update(this.c.slice());
    return this.x.slice(0, 16);
  }
}

// ---- RIPEMD-128/160/256/320 ----
const RR = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
  3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12, 1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
  4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13];
const RRP = [5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12, 6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
  15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13, 8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
  12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11];
const RS = [11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8, 7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
  11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5, 11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
  9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6];
const RSP = [8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6, 9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
  9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5, 15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
  8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11];
const RF = [
  (x: number, y: number, z: number) => x ^ y ^ z,
  (x: number, y: number, z: number) => (x & y) | (~x & z),
  (x: number, y: number, z: number) => (x | ~y) ^ z,
  (x: number, y: number, z: number) => (x & z) | (y & ~z),
  (x: number, y: number, z: number) => x ^ (y | ~z),
];
const RK = [0, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e];
const RKP160 = [0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0];
const RKP128 = [0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0];

class RIPEMD extends BlockHash {
  h: Uint32Array;
  constructor(public bits: number) {
    super(64);
    const init = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
    const init2 = [0x76543210, 0xfedcba98, 0x89abcdef, 0x01234567, 0x3c2d1e0f];
    const w = bits === 128 || bits === 256 ? 4 : 5;
    this.h = new Uint32Array(bits === 256 || bits === 320 ? [...init.slice(0, w), ...init2.slice(0, w)] : init.slice(0, w));
  }
  block(b: Uint8Array, o: number): void {
    const x: number[] = [];
    for (let i = 0; i < 16; i++) x.push(le32(b, o + 4 * i));
    const five = this.bits === 160 || this.bits === 320;
    const double = this.bits === 256 || this.bits === 320;
    const w = five ? 5 : 4;
    const L = Array.from(this.h.slice(0, w));
    const R = Array.from(double ? this.h.slice(w, 2 * w) : this.h.slice(0, w));
    const rounds = w;
    const swapOrder = five ? [1, 3, 0, 2, 4] : [0, 1, 2, 3];
    for (let r = 0; r < rounds; r++) {
      for (let j = 16 * r; j < 16 * r + 16; j++) {
        // left
        const fl = RF[r](L[1], L[2], L[3]);
        const fr = RF[rounds - 1 - r](R[1], R[2], R[3]);
        if (five) {
          let t = (rol((L[0] + fl + x[RR[j]] + RK[r]) >>> 0, RS[j]) + L[4]) >>> 0;
          L[0] = L[4]; L[4] = L[3]; L[3] = rol(L[2], 10); L[2] = L[1]; L[1] = t;
          t = (rol((R[0] + fr + x[RRP[j]] + RKP160[r]) >>> 0, RSP[j]) + R[4]) >>> 0;
          R[0] = R[4]; R[4] = R[3]; R[3] = rol(R[2], 10); R[2] = R[1]; R[1] = t;
        } else {
          let t = rol((L[0] + fl + x[RR[j]] + RK[r]) >>> 0, RS[j]);
          L[0] = L[3]; L[3] = L[2]; L[2] = L[1]; L[1] = t;
          t = rol((R[0] + fr + x[RRP[j]] + RKP128[r]) >>> 0, RSP[j]);
          R[0] = R[3]; R[3] = R[2]; R[2] = R[1]; R[1] = t;
        }
      }
      if (double) { const k = swapOrder[r]; const t = L[k]; L[k] = R[k]; R[k] = t; }
    }
    const h = this.h;
    if (double) {
      for (let i = 0; i < w; i++) { h[i] += L[i]; h[w + i] += R[i]; }
    } else if (five) {
      const t = (h[1] + L[2] + R[3]) >>> 0;
      h[1] = h[2] + L[3] + R[4]; h[2] = h[3] + L[4] + R[0]; h[3] = h[4] + L[0] + R[1]; h[4] = h[0] + L[1] + R[2]; h[0] = t;
    } else {
      const t = (h[1] + L[2] + R[3]) >>> 0;
      h[1] = h[2] + L[3] + R[0]; h[2] = h[3] + L[0] + R[1]; h[3] = h[0] + L[1] + R[2]; h[0] = t;
    }
  }
  finish(): Uint8Array { this.pad(true); return wordsLE(this.h); }
}

// ---- Tiger ----
let tigerTable: BigUint64Array | null = null;
class Tiger extends BlockHash {
  s = [0x0123456789abcdefn, 0xfedcba9876543210n, 0xf096a5b4c3b2e187n];
  constructor(public passes: number, public bytes: number) { super(64); }
  block(b: Uint8Array, o: number): void {
    const x: bigint[] = [];
    const dv = new DataView(b.buffer, b.byteOffset + o, 64);
    for (let i = 0; i < 8; i++) x.push(dv.getBigUint64(8 * i, true));
    const T = (tigerTable ??= new BigUint64Array(b64(TIGER_B64).buffer));
    const R = this.s.slice();
    const round = (ia: number, ib: number, ic: number, xi: bigint, mul: bigint) => {
      const c = R[ic] ^ xi;
      R[ic] = c;
      const byte = (k: number) => Number((c >> BigInt(8 * k)) & 0xffn);
      R[ia] = (R[ia] - (T[byte(0)] ^ T[256 + byte(2)] ^ T[512 + byte(4)] ^ T[768 + byte(6)])) & M64;
      R[ib] = (((R[ib] + (T[768 + byte(1)] ^ T[512 + byte(3)] ^ T[256 + byte(5)] ^ T[byte(7)])) & M64) * mul) & M64;
    };
    const pass = (ia: number, ib: number, ic: number, mul: bigint) => {
      const o = [ia, ib, ic];
      for (let i = 0; i < 8; i++) round(o[i % 3], o[(i + 1) % 3], o[(i + 2) % 3], x[i], mul);
    };
    const ks = () => {
      x[0] = (x[0] - (x[7] ^ 0xa5a5a5a5a5a5a5a5n)) & M64; x[1] ^= x[0]; x[2] = (x[2] + x[1]) & M64;
      x[3] = (x[3] - (x[2] ^ ((~x[1] & M64) << 19n & M64))) & M64; x[4] ^= x[3]; x[5] = (x[5] + x[4]) & M64;
      x[6] = (x[6] - (x[5] ^ ((~x[4] & M64) >> 23n))) & M64; x[7] ^= x[6];
      x[0] = (x[0] + x[7]) & M64; x[1] = (x[1] - (x[0] ^ ((~x[7] & M64) << 19n & M64))) & M64; x[2] ^= x[1];
      x[3] = (x[3] + x[2]) & M64; x[4] = (x[4] - (x[3] ^ ((~x[2] & M64) >> 23n))) & M64; x[5] ^= x[4];
      x[6] = (x[6] + x[5]) & M64; x[7] = (x[7] - (x[6] ^ 0x0123456789abcdefn)) & M64;
    };
    pass(0, 1, 2, 5n); ks(); pass(2, 0, 1, 7n); ks(); pass(1, 2, 0, 9n);
    for (let p = 3; p < this.passes; p++) { ks(); pass(0, 1, 2, 9n); const t = R[0]; R[0] = R[2]; R[2] = R[1]; R[1] = t; }
    this.s = [R[0] ^ this.s[0], (R[1] - this.s[1]) & M64, (R[2] + this.s[2]) & M64];
  }
  finish(): Uint8Array { this.pad(true, 8, 0x01); return big64LE(this.s).slice(0, this.bytes); }
}

// ---- Snefru ----
let snefruTable: Uint32Array | null = null;
function snefruMix(s: Uint32Array): void {
  const T = (snefruTable ??= new Uint32Array(b64(SNEFRU_B64).buffer));
  const B = Array.from(s);
  const shifts = [16, 8, 16, 24];
  for (let index = 0; index < 8; index++) {
    const t0 = 512 * index, t1 = 512 * index + 256;
    for (let b = 0; b < 4; b++) {
      for (let i = 0; i < 16; i++) {
        const t = ((i >> 1) & 1) ? t1 : t0;
        const e = T[t + (B[i] & 0xff)];
        B[(i + 1) & 15] ^= e; B[(i + 15) & 15] ^= e;
      }
      const r = shifts[b];
      for (let i = 0; i < 16; i++) B[i] = ((B[i] >>> r) | (B[i] << (32 - r))) >>> 0;
    }
  }
  for (let i = 0; i < 8; i++) s[i] ^= B[15 - i];
}
class Snefru extends BlockHash {
  s = new Uint32Array(16);
  constructor() { super(32); }
  block(b: Uint8Array, o: number): void {
    for (let i = 0; i < 8; i++) this.s[8 + i] = be32(b, o + 4 * i);
    snefruMix(this.s);
  }
  finish(): Uint8Array {
    if (this.n) { this.buf.fill(0, this.n); this.block(this.buf, 0); }
    const bits = BigInt(this.len) * 8n;
    this.s.fill(0, 8);
    this.s[14] = Number(bits >> 32n); this.s[15] = Number(bits & 0xffffffffn);
    snefruMix(this.s);
    return wordsBE(this.s, 8);
  }
}

// ---- Whirlpool ----
let whirlpool: { WC: bigint[][]; WRC: bigint[] } | null = null;
function whirlpoolTables(): { WC: bigint[][]; WRC: bigint[] } {
  if (whirlpool) return whirlpool;
  const WS = b64(WHIRLPOOL_SBOX_B64);
  const WC: bigint[][] = [];
  const mul = (a: number, b: number) => {
    let r = 0;
    for (let i = 0; i < 8; i++) { if (b & 1) r ^= a; b >>= 1; a <<= 1; if (a & 0x100) a ^= 0x11d; }
    return r;
  };
  const coef = [1, 1, 4, 1, 8, 5, 2, 9];
  for (let t = 0; t < 8; t++) WC.push([]);
  for (let x = 0; x < 256; x++) {
    let v = 0n;
    for (let j = 0; j < 8; j++) v = (v << 8n) | BigInt(mul(WS[x], coef[j]));
    for (let t = 0; t < 8; t++) WC[t].push(t === 0 ? v : ((v >> BigInt(8 * t)) | (v << BigInt(64 - 8 * t))) & M64);
  }
  const WRC: bigint[] = [0n];
  for (let r = 1; r <= 10; r++) {
    let v = 0n;
    for (let j = 0; j < 8; j++) v = (v << 8n) | BigInt(WS[8 * (r - 1) + j]);
    WRC.push(v);
  }
  return (whirlpool = { WC, WRC });
}
function wTrans(k: bigint[]): bigint[] {
  const { WC } = whirlpoolTables();
  const out: bigint[] = [];
  for (let i = 0; i < 8; i++) {
    let v = 0n;
    for (let t = 0; t < 8; t++) v ^= WC[t][Number((k[(i - t + 8) & 7] >> BigInt(56 - 8 * t)) & 0xffn)];
    out.push(v);
  }
  return out;
}
class Whirlpool extends BlockHash {
  h: bigint[] = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n];
  constructor() { super(64); }
  block(b: Uint8Array, o: number): void {
    const dv = new DataView(b.buffer, b.byteOffset + o, 64);
    const m: bigint[] = [];
    for (let i = 0; i < 8; i++) m.push(dv.getBigUint64(8 * i, false));
    let K = this.h.slice();
    let st = m.map((v, i) => v ^ K[i]);
    for (let r = 1; r <= 10; r++) {
      K = wTrans(K); K[0] ^= whirlpoolTables().WRC[r];
      st = wTrans(st).map((v, i) => v ^ K[i]);
    }
    this.h = this.h.map((v, i) => v ^ st[i] ^ m[i]);
  }
  finish(): Uint8Array { this.pad(false, 32); return big64BE(this.h); }
}

// ---- checksums and non-cryptographic hashes ----
function crcTable(poly: number, reflected: boolean): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = reflected ? i : i << 24;
    for (let k = 0; k < 8; k++) {
      if (reflected) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
      else c = c & 0x80000000 ? (c << 1) ^ poly : c << 1;
    }
    t[i] = c >>> 0;
  }
  return t;
}
const crcTables: Partial<Record<'crc32' | 'crc32b' | 'crc32c', Uint32Array>> = {};
function crcTableOf(kind: 'crc32' | 'crc32b' | 'crc32c'): Uint32Array {
  return (crcTables[kind] ??= kind === 'crc32' ? crcTable(0x04c11db7, false) : kind === 'crc32b' ? crcTable(0xedb88320, true) : crcTable(0x82f63b78, true));
}

/** A small state holding a few numbers: clone copies the fields. */
abstract class Simple implements HashState {
  abstract update(d: Uint8Array): void;
  abstract digest(): Uint8Array;
  clone(): HashState { return cloneFields(this); }
}

class Crc extends Simple {
  c = 0xffffffff;
  constructor(public kind: 'crc32' | 'crc32b' | 'crc32c') { super(); }
  update(d: Uint8Array): void {
    let c = this.c;
    const t = crcTableOf(this.kind);
    if (this.kind === 'crc32') for (let i = 0; i < d.length; i++) c = ((c << 8) ^ t[((c >>> 24) ^ d[i]) & 0xff]) >>> 0;
    else {
      for (let i = 0; i < d.length; i++) c = (c >>> 8) ^ t[(c ^ d[i]) & 0xff];
    }
    this.c = c >>> 0;
  }
  digest(): Uint8Array {
    const v = ~this.c >>> 0;
    return this.kind === 'crc32' ? wordsLE([v]) : wordsBE([v]);
  }
}

class Adler32 extends Simple {
  a = 1; b = 0;
  update(d: Uint8Array): void {
    for (let i = 0; i < d.length; i++) { this.a = (this.a + d[i]) % 65521; this.b = (this.b + this.a) % 65521; }
  }
  digest(): Uint8Array { return wordsBE([((this.b << 16) | this.a) >>> 0]); }
}

class Fnv32 extends Simple {
  h = 0x811c9dc5;
  constructor(public a: boolean) { super(); }
  update(d: Uint8Array): void {
    let h = this.h;
    for (let i = 0; i < d.length; i++) {
      if (this.a) { h ^= d[i]; h = Math.imul(h, 0x01000193); } else { h = Math.imul(h, 0x01000193); h ^= d[i]; }
    }
    this.h = h >>> 0;
  }
  digest(): Uint8Array { return wordsBE([this.h]); }
}
class Fnv64 extends Simple {
  h = 0xcbf29ce484222325n;
  constructor(public a: boolean) { super(); }
  update(d: Uint8Array): void {
    let h = this.h;
    for (let i = 0; i < d.length; i++) {
      if (this.a) { h ^= BigInt(d[i]); h = (h * 0x100000001b3n) & M64; } else { h = (h * 0x100000001b3n) & M64; h ^= BigInt(d[i]); }
    }
    this.h = h;
  }
  digest(): Uint8Array { return big64BE([this.h]); }
}
class Joaat extends Simple {
  h = 0;
  update(d: Uint8Array): void {
    let h = this.h;
    for (let i = 0; i < d.length; i++) { h = (h + d[i]) >>> 0; h = (h + (h << 10)) >>> 0; h = (h ^ (h >>> 6)) >>> 0; }
    this.h = h;
  }
  digest(): Uint8Array {
    let h = this.h;
    h = (h + (h << 3)) >>> 0; h = (h ^ (h >>> 11)) >>> 0; h = (h + (h << 15)) >>> 0;
    return wordsBE([h]);
  }
}

/** Hashes that need the whole input at once buffer it (murmur3c/3f and the xxh family stream in PHP). */
abstract class Buffered extends Simple {
  data: number[] = [];
  update(d: Uint8Array): void { for (let i = 0; i < d.length; i++) this.data.push(d[i]); }
  bytes(): Uint8Array { return Uint8Array.from(this.data); }
}

function fmix32(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h >>> 0;
}
class Murmur3A extends Buffered {
  constructor(public seed: number) { super(); }
  digest(): Uint8Array {
    const d = this.bytes();
    const c1 = 0xcc9e2d51, c2 = 0x1b873593;
    let h = this.seed >>> 0;
    const nb = d.length >> 2;
    for (let i = 0; i < nb; i++) {
      let k = le32(d, 4 * i);
      k = Math.imul(k, c1); k = rol(k >>> 0, 15); k = Math.imul(k, c2);
      h ^= k; h = rol(h >>> 0, 13); h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
    }
    let k = 0;
    const t = nb * 4, r = d.length & 3;
    if (r >= 3) k ^= d[t + 2] << 16;
    if (r >= 2) k ^= d[t + 1] << 8;
    if (r >= 1) { k ^= d[t]; k = Math.imul(k, c1); k = rol(k >>> 0, 15); k = Math.imul(k, c2); h ^= k; }
    h ^= d.length;
    return wordsBE([fmix32(h >>> 0)]);
  }
}
class Murmur3C extends Buffered {
  constructor(public seed: number) { super(); }
  digest(): Uint8Array {
    const d = this.bytes();
    const c = [0x239b961b, 0xab0e9789, 0x38b34ae5, 0xa1e38b93];
    const h = [this.seed >>> 0, this.seed >>> 0, this.seed >>> 0, this.seed >>> 0];
    const nb = d.length >> 4;
    const mixK = (k: number, i: number) => Math.imul(rol(Math.imul(k, c[i]) >>> 0, [15, 16, 17, 18][i]), c[(i + 1) & 3]) >>> 0;
    for (let b = 0; b < nb; b++) {
      const k = [le32(d, 16 * b), le32(d, 16 * b + 4), le32(d, 16 * b + 8), le32(d, 16 * b + 12)];
      h[0] ^= mixK(k[0], 0); h[0] = rol(h[0] >>> 0, 19); h[0] = (h[0] + h[1]) >>> 0; h[0] = (Math.imul(h[0], 5) + 0x561ccd1b) >>> 0;
      h[1] ^= mixK(k[1], 1); h[1] = rol(h[1] >>> 0, 17); h[1] = (h[1] + h[2]) >>> 0; h[1] = (Math.imul(h[1], 5) + 0x0bcaa747) >>> 0;
      h[2] ^= mixK(k[2], 2); h[2] = rol(h[2] >>> 0, 15); h[2] = (h[2] + h[3]) >>> 0; h[2] = (Math.imul(h[2], 5) + 0x96cd1c35) >>> 0;
      h[3] ^= mixK(k[3], 3); h[3] = rol(h[3] >>> 0, 13); h[3] = (h[3] + h[0]) >>> 0; h[3] = (Math.imul(h[3], 5) + 0x32ac3b17) >>> 0;
    }
    const t = nb * 16, r = d.length & 15;
    const k = [0, 0, 0, 0];
    for (let i = r - 1; i >= 0; i--) k[i >> 2] ^= d[t + i] << (8 * (i & 3));
    for (let i = 3; i >= 0; i--) if (r > 4 * i) h[i] ^= mixK(k[i] >>> 0, i);
    for (let i = 0; i < 4; i++) h[i] = (h[i] ^ d.length) >>> 0;
    h[0] = (h[0] + h[1] + h[2] + h[3]) >>> 0; h[1] = (h[1] + h[0]) >>> 0; h[2] = (h[2] + h[0]) >>> 0; h[3] = (h[3] + h[0]) >>> 0;
    for (let i = 0; i < 4; i++) h[i] = fmix32(h[i]);
    h[0] = (h[0] + h[1] + h[2] + h[3]) >>> 0; h[1] = (h[1] + h[0]) >>> 0; h[2] = (h[2] + h[0]) >>> 0; h[3] = (h[3] + h[0]) >>> 0;
    return wordsBE(h);
  }
}
const rol64 = (x: bigint, n: bigint) => ((x << n) | (x >> (64n - n))) & M64;
function fmix64(k: bigint): bigint {
  k ^= k >> 33n; k = (k * 0xff51afd7ed558ccdn) & M64; k ^= k >> 33n; k = (k * 0xc4ceb9fe1a85ec53n) & M64; k ^= k >> 33n;
  return k;
}
function le64(d: Uint8Array, o: number): bigint {
  return BigInt(le32(d, o)) | (BigInt(le32(d, o + 4)) << 32n);
}
class Murmur3F extends Buffered {
  constructor(public seed: number) { super(); }
  digest(): Uint8Array {
    const d = this.bytes();
    const c1 = 0x87c37b91114253d5n, c2 = 0x4cf5ad432745937fn;
    let h1 = BigInt(this.seed >>> 0), h2 = h1;
    const nb = d.length >> 4;
    for (let b = 0; b < nb; b++) {
      let k1 = le64(d, 16 * b), k2 = le64(d, 16 * b + 8);
      k1 = (k1 * c1) & M64; k1 = rol64(k1, 31n); k1 = (k1 * c2) & M64; h1 ^= k1;
      h1 = rol64(h1, 27n); h1 = (h1 + h2) & M64; h1 = (h1 * 5n + 0x52dce729n) & M64;
      k2 = (k2 * c2) & M64; k2 = rol64(k2, 33n); k2 = (k2 * c1) & M64; h2 ^= k2;
      h2 = rol64(h2, 31n); h2 = (h2 + h1) & M64; h2 = (h2 * 5n + 0x38495ab5n) & M64;
    }
    const t = nb * 16, r = d.length & 15;
    let k1 = 0n, k2 = 0n;
    for (let i = r - 1; i >= 8; i--) k2 ^= BigInt(d[t + i]) << BigInt(8 * (i - 8));
    if (r > 8) { k2 = (k2 * c2) & M64; k2 = rol64(k2, 33n); k2 = (k2 * c1) & M64; h2 ^= k2; }
    for (let i = Math.min(r, 8) - 1; i >= 0; i--) k1 ^= BigInt(d[t + i]) << BigInt(8 * i);
    if (r > 0) { k1 = (k1 * c1) & M64; k1 = rol64(k1, 31n); k1 = (k1 * c2) & M64; h1 ^= k1; }
    h1 ^= BigInt(d.length); h2 ^= BigInt(d.length);
    h1 = (h1 + h2) & M64; h2 = (h2 + h1) & M64;
    h1 = fmix64(h1); h2 = fmix64(h2);
    h1 = (h1 + h2) & M64; h2 = (h2 + h1) & M64;
    return big64BE([h1, h2]);
  }
}

const P32 = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f, 0x165667b1];
class XXH32 extends Buffered {
  constructor(public seed: number) { super(); }
  digest(): Uint8Array {
    const d = this.bytes(), len = d.length, seed = this.seed >>> 0;
    let i = 0, h: number;
    const round = (acc: number, inp: number) => Math.imul(rol((acc + Math.imul(inp, P32[1])) >>> 0, 13), P32[0]) >>> 0;
    if (len >= 16) {
      let v1 = (seed + P32[0] + P32[1]) >>> 0, v2 = (seed + P32[1]) >>> 0, v3 = seed, v4 = (seed - P32[0]) >>> 0;
      for (; i + 16 <= len; i += 16) {
        v1 = round(v1, le32(d, i)); v2 = round(v2, le32(d, i + 4)); v3 = round(v3, le32(d, i + 8)); v4 = round(v4, le32(d, i + 12));
      }
      h = (rol(v1, 1) + rol(v2, 7) + rol(v3, 12) + rol(v4, 18)) >>> 0;
    } else h = (seed + P32[4]) >>> 0;
    h = (h + len) >>> 0;
    for (; i + 4 <= len; i += 4) h = Math.imul(rol((h + Math.imul(le32(d, i), P32[2])) >>> 0, 17), P32[3]) >>> 0;
    for (; i < len; i++) h = Math.imul(rol((h + Math.imul(d[i], P32[4])) >>> 0, 11), P32[0]) >>> 0;
    h ^= h >>> 15; h = Math.imul(h, P32[1]); h ^= h >>> 13; h = Math.imul(h, P32[2]); h ^= h >>> 16;
    return wordsBE([h >>> 0]);
  }
}
export const P64 = [0x9e3779b185ebca87n, 0xc2b2ae3d27d4eb4fn, 0x165667b19e3779f9n, 0x85ebca77c2b2ae63n, 0x27d4eb2f165667c5n];
class XXH64 extends Buffered {
  constructor(public seed: bigint) { super(); }
  digest(): Uint8Array {
    const d = this.bytes(), len = d.length, seed = this.seed & M64;
    let i = 0, h: bigint;
    const round = (acc: bigint, inp: bigint) => (rol64((acc + inp * P64[1]) & M64, 31n) * P64[0]) & M64;
    const merge = (acc: bigint, v: bigint) => (((acc ^ round(0n, v)) * P64[0] + P64[3]) & M64);
    if (len >= 32) {
      let v1 = (seed + P64[0] + P64[1]) & M64, v2 = (seed + P64[1]) & M64, v3 = seed, v4 = (seed - P64[0]) & M64;
      for (; i + 32 <= len; i += 32) {
        v1 = round(v1, le64(d, i)); v2 = round(v2, le64(d, i + 8)); v3 = round(v3, le64(d, i + 16)); v4 = round(v4, le64(d, i + 24));
      }
      h = (rol64(v1, 1n) + rol64(v2, 7n) + rol64(v3, 12n) + rol64(v4, 18n)) & M64;
      h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4);
    } else h = (seed + P64[4]) & M64;
    h = (h + BigInt(len)) & M64;
    for (; i + 8 <= len; i += 8) h = (rol64(h ^ round(0n, le64(d, i)), 27n) * P64[0] + P64[3]) & M64;
    if (i + 4 <= len) { h = (rol64(h ^ ((BigInt(le32(d, i)) * P64[0]) & M64), 23n) * P64[1] + P64[2]) & M64; i += 4; }
    for (; i < len; i++) h = (rol64(h ^ ((BigInt(d[i]) * P64[4]) & M64), 11n) * P64[0]) & M64;
    h ^= h >> 33n; h = (h * P64[1]) & M64; h ^= h >> 29n; h = (h * P64[2]) & M64; h ^= h >> 32n;
    return big64BE([h]);
  }
}

export const XXH3_DEFAULT_SECRET = b64(XXH3_SECRET_B64);

function node(name: string): (o: HashOptions) => HashState {
  return () => new NodeHash(nodeCrypto().createHash(name));
}
function seed32(o: HashOptions): number {
  return Number(BigInt.asUintN(32, BigInt(o.seed ?? 0)));
}

const A = (name: string, size: number, block: number, crypto: boolean, make: (o: HashOptions) => HashState): Algo =>
  ({ name, size, block, crypto, make });

/** In hash_algos() order. */
export const ALGOS: Algo[] = [
  A('md2', 16, 16, true, () => new MD2()),
  A('md4', 16, 64, true, () => new MD4()),
  A('md5', 16, 64, true, node('md5')),
  A('sha1', 20, 64, true, node('sha1')),
  A('sha224', 28, 64, true, node('sha224')),
  A('sha256', 32, 64, true, node('sha256')),
  A('sha384', 48, 128, true, node('sha384')),
  A('sha512/224', 28, 128, true, node('sha512-224')),
  A('sha512/256', 32, 128, true, node('sha512-256')),
  A('sha512', 64, 128, true, node('sha512')),
  A('sha3-224', 28, 144, true, node('sha3-224')),
  A('sha3-256', 32, 136, true, node('sha3-256')),
  A('sha3-384', 48, 104, true, node('sha3-384')),
  A('sha3-512', 64, 72, true, node('sha3-512')),
  A('ripemd128', 16, 64, true, () => new RIPEMD(128)),
  A('ripemd160', 20, 64, true, node('ripemd160')),
  A('ripemd256', 32, 64, true, () => new RIPEMD(256)),
  A('ripemd320', 40, 64, true, () => new RIPEMD(320)),
  A('whirlpool', 64, 64, true, () => new Whirlpool()),
  A('tiger128,3', 16, 64, true, () => new Tiger(3, 16)),
  A('tiger160,3', 20, 64, true, () => new Tiger(3, 20)),
  A('tiger192,3', 24, 64, true, () => new Tiger(3, 24)),
  A('tiger128,4', 16, 64, true, () => new Tiger(4, 16)),
  A('tiger160,4', 20, 64, true, () => new Tiger(4, 20)),
  A('tiger192,4', 24, 64, true, () => new Tiger(4, 24)),
  A('snefru', 32, 32, true, () => new Snefru()),
  A('snefru256', 32, 32, true, () => new Snefru()),
  A('gost', 32, 32, true, () => new NotImplemented()),
  A('gost-crypto', 32, 32, true, () => new NotImplemented()),
  A('adler32', 4, 4, false, () => new Adler32()),
  A('crc32', 4, 4, false, () => new Crc('crc32')),
  A('crc32b', 4, 4, false, () => new Crc('crc32b')),
  A('crc32c', 4, 4, false, () => new Crc('crc32c')),
  A('fnv132', 4, 4, false, () => new Fnv32(false)),
  A('fnv1a32', 4, 4, false, () => new Fnv32(true)),
  A('fnv164', 8, 4, false, () => new Fnv64(false)),
  A('fnv1a64', 8, 4, false, () => new Fnv64(true)),
  A('joaat', 4, 4, false, () => new Joaat()),
  A('murmur3a', 4, 4, false, (o) => new Murmur3A(seed32(o))),
  A('murmur3c', 16, 4, false, (o) => new Murmur3C(seed32(o))),
  A('murmur3f', 16, 8, false, (o) => new Murmur3F(seed32(o))),
  A('xxh32', 4, 16, false, (o) => new XXH32(seed32(o))),
  A('xxh64', 8, 32, false, (o) => new XXH64(BigInt.asUintN(64, BigInt(o.seed ?? 0)))),
  A('xxh3', 8, 64, false, (o) => xxh3State(64, o)),
  A('xxh128', 16, 64, false, (o) => xxh3State(128, o)),
];
for (const passes of [3, 4, 5]) {
  for (const bits of [128, 160, 192, 224, 256]) {
    ALGOS.push(A(`haval${bits},${passes}`, bits / 8, 128, true, () => new NotImplemented()));
  }
}

class NotImplemented extends Simple {
  update(): void {}
  digest(): Uint8Array { return rt.throwError('Error', 'This hash algorithm is not supported by phpts yet'); }
}

export const ALGO_MAP = new Map(ALGOS.map((a) => [a.name, a]));
