// The Mersenne Twister of ext/random (engine_mt19937.c), the range algorithm every engine shares
// (php_random_range32/64 in random.c), and the global functions mt_rand, rand, mt_srand, srand,
// mt_getrandmax, getrandmax, random_int, random_bytes, lcg_value.
// shuffle(), array_rand(), str_shuffle() and the Random extension use the exports here.

/** node:crypto's randomBytes, loaded on first use (start-up does not pay for node:crypto) */
const cryptoRandomBytes = (n: number): Buffer => process.getBuiltinModule('node:crypto').randomBytes(n);
import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { intFromBig } from '../../runtime/values.js';

export const MT_RAND_MT19937 = 0, MT_RAND_PHP = 1;
export const PHP_MT_RAND_MAX = 0x7fffffff;
/** PHP_RANDOM_RANGE_ATTEMPTS */
export const RANGE_ATTEMPTS = 50;

/**
 * A random engine as the range functions see it (php_random_algo + php_random_status): `generate()`
 * returns up to 64 random bits (a number for ≤ 32 bits, else a bigint) and sets `lastSize`, the
 * number of bytes it produced.
 */
export interface RandomEngine {
  generate(): number | bigint;
  lastSize: number;
  /** php_random_algo.range when an engine has its own (Secure: php_random_int) */
  range?(min: number | bigint, max: number | bigint): number | bigint;
}

const N = 624, M = 397;

export class Mt19937 implements RandomEngine {
  readonly s = new Uint32Array(N);
  count = N;
  mode = MT_RAND_MT19937;
  lastSize = 4;

  seed(seed: number): void {
    const s = this.s;
    s[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const p = s[i - 1];
      s[i] = (Math.imul(1812433253, p ^ (p >>> 30)) + i) >>> 0;
    }
    this.reload();
  }

  reload(): void {
    const s = this.s;
    const php = this.mode !== MT_RAND_MT19937;
    const twist = (m: number, u: number, v: number): number => {
      const mix = ((u & 0x80000000) | (v & 0x7fffffff)) >>> 1;
      return (m ^ mix ^ ((php ? u & 1 : v & 1) ? 0x9908b0df : 0)) >>> 0;
    };
    let p = 0;
    for (let i = N - M; i--; ++p) s[p] = twist(s[p + M], s[p], s[p + 1]);
    for (let i = M; --i; ++p) s[p] = twist(s[p + M - N], s[p], s[p + 1]);
    s[p] = twist(s[p + M - N], s[p], s[0]);
    this.count = 0;
  }

  generate(): number {
    if (this.count >= N) this.reload();
    let s1 = this.s[this.count++];
    s1 ^= s1 >>> 11;
    s1 ^= (s1 << 7) & 0x9d2c5680;
    s1 ^= (s1 << 15) & 0xefc60000;
    return (s1 ^ (s1 >>> 18)) >>> 0;
  }

  seedDefault(): void {
    this.seed(cryptoRandomBytes(4).readUInt32LE(0));
  }
}

function brokenEngine(): never {
  return rt.throwError('Random\\BrokenRandomEngineError', `Failed to generate an acceptable random number in ${RANGE_ATTEMPTS} attempts`);
}

function gen32(e: RandomEngine): number {
  let result = 0, total = 0;
  do {
    const g = e.generate();
    const r = typeof g === 'number' ? g >>> 0 : Number(g & 0xffffffffn);
    if (total < 4) result = (result | (r << (total * 8))) >>> 0;
    total += e.lastSize;
  } while (total < 4);
  return result;
}

function gen64(e: RandomEngine): bigint {
  let result = 0n, total = 0;
  do {
    const g = e.generate();
    const r = typeof g === 'number' ? BigInt(g >>> 0) : g;
    if (total < 8) result = BigInt.asUintN(64, result | (r << BigInt(total * 8)));
    total += e.lastSize;
  } while (total < 8);
  return result;
}

/** php_random_range32: a uniform number in [0, umax]. */
export function range32(e: RandomEngine, umax: number): number {
  let result = gen32(e);
  if (umax === 0xffffffff) return result;
  umax++;
  if ((umax & (umax - 1)) === 0) return (result & (umax - 1)) >>> 0;
  const limit = 0xffffffff - (0xffffffff % umax) - 1;
  let count = 0;
  while (result > limit) {
    if (++count > RANGE_ATTEMPTS) brokenEngine();
    result = gen32(e);
  }
  return result % umax;
}

const U64 = 0xffffffffffffffffn;

/** php_random_range64: a uniform number in [0, umax]. */
export function range64(e: RandomEngine, umax: bigint): bigint {
  let result = gen64(e);
  if (umax === U64) return result;
  umax++;
  if ((umax & (umax - 1n)) === 0n) return result & (umax - 1n);
  const limit = U64 - (U64 % umax) - 1n;
  let count = 0;
  while (result > limit) {
    if (++count > RANGE_ATTEMPTS) brokenEngine();
    result = gen64(e);
  }
  return result % umax;
}

/** php_random_range: a uniform int in [min, max] (min <= max). */
export function randomRange(e: RandomEngine, min: number | bigint, max: number | bigint): number | bigint {
  if (e.range) return e.range(min, max);
  if (typeof min === 'number' && typeof max === 'number' && max - min <= 0xffffffff) {
    return min + range32(e, max - min);
  }
  const umax = BigInt.asUintN(64, BigInt(max) - BigInt(min));
  if (umax > 0xffffffffn) return intFromBig(BigInt.asIntN(64, range64(e, umax) + BigInt(min)));
  return intFromBig(BigInt.asIntN(64, BigInt(range32(e, Number(umax))) + BigInt(min)));
}

/** RAND_RANGE_BADSCALING as the MT_RAND_PHP mode uses it. */
export function badScaling(r: number, min: number | bigint, max: number | bigint): number | bigint {
  const offset = (Number(max) - Number(min) + 1.0) * (r / (PHP_MT_RAND_MAX + 1.0));
  // (zend_ulong) offset + min, wrapping like C
  const off = offset >= 18446744073709551616 ? 0n : BigInt(Math.trunc(offset));
  return intFromBig(BigInt.asIntN(64, off + BigInt(min)));
}

// ───────────── the request's default generator ─────────────

let defaultMt: Mt19937 | null = null;
let defaultSeeded = false;

/** The request's global Mt19937 (php_random_default_status), seeded on first use. */
export function defaultEngine(): Mt19937 {
  const st = rt.ext['random.mt'] as Mt19937 | undefined;
  if (st) return st;
  defaultMt = new Mt19937();
  defaultSeeded = false;
  rt.ext['random.mt'] = defaultMt;
  return defaultMt;
}

function seededDefault(): Mt19937 {
  const e = defaultEngine();
  if (!rt.ext['random.mtSeeded']) {
    e.seedDefault();
    rt.ext['random.mtSeeded'] = true;
  }
  void defaultSeeded;
  return e;
}

/** php_mt_rand(): 32 random bits from the global generator. */
export function mtRand32(): number {
  return seededDefault().generate();
}

/** php_mt_rand_range: a uniform int in [min, max] from the global generator (min <= max). */
export function mtRandRange(min: number | bigint, max: number | bigint): number | bigint {
  return randomRange(seededDefault(), min, max);
}

/** php_mt_rand_common: mt_rand(min, max), honouring MT_RAND_PHP's legacy scaling. */
export function mtRandCommon(min: number | bigint, max: number | bigint): number | bigint {
  const e = seededDefault();
  if (e.mode === MT_RAND_MT19937) return randomRange(e, min, max);
  return badScaling(e.generate() >>> 1, min, max);
}

/** A cryptographically secure engine (Random\Engine\Secure, random_int). */
export class SecureEngine implements RandomEngine {
  lastSize = 8;
  generate(): bigint {
    return cryptoRandomBytes(8).readBigUInt64LE(0);
  }
  range(min: number | bigint, max: number | bigint): number | bigint {
    return secureRandomInt(min, max);
  }
}

/** php_random_int */
export function secureRandomInt(min: number | bigint, max: number | bigint): number | bigint {
  const umax = BigInt.asUintN(64, BigInt(max) - BigInt(min));
  let result = cryptoRandomBytes(8).readBigUInt64LE(0);
  if (umax === U64) return intFromBig(BigInt.asIntN(64, result));
  const um = umax + 1n;
  if ((um & (um - 1n)) !== 0n) {
    const limit = U64 - (U64 % um) - 1n;
    while (result > limit) result = cryptoRandomBytes(8).readBigUInt64LE(0);
  }
  return intFromBig(BigInt.asIntN(64, (result % um) + BigInt(min)));
}

// ───────────── combined LCG (lcg_value) ─────────────

function lcgState(): { s1: number; s2: number } {
  let st = rt.ext['random.lcg'] as { s1: number; s2: number } | undefined;
  if (!st) {
    const b = cryptoRandomBytes(8);
    st = { s1: (b.readUInt32LE(0) % 2147483562) + 1, s2: (b.readUInt32LE(4) % 2147483398) + 1 };
    rt.ext['random.lcg'] = st;
  }
  return st;
}

export function lcgValue(): number {
  const st = lcgState();
  // MODMULT(a, b, c, m, s): q = s/a; s = b*(s-a*q) - c*q; if (s < 0) s += m
  let q = Math.trunc(st.s1 / 53668);
  st.s1 = 40014 * (st.s1 - 53668 * q) - 12211 * q;
  if (st.s1 < 0) st.s1 += 2147483563;
  q = Math.trunc(st.s2 / 52774);
  st.s2 = 40692 * (st.s2 - 52774 * q) - 3791 * q;
  if (st.s2 < 0) st.s2 += 2147483399;
  let z = st.s1 - st.s2;
  if (z < 1) z += 2147483562;
  return z * 4.656613e-10;
}

// ───────────── the functions ─────────────

export function registerRand(r: Registry): void {
  r.functions({
    'mt_srand(?int $seed = null, int $mode = MT_RAND_MT19937): void': (seed: number | bigint | null, mode: number | bigint) => {
      const e = defaultEngine();
      e.mode = mode === MT_RAND_PHP ? MT_RAND_PHP : MT_RAND_MT19937;
      if (seed === null) e.seedDefault();
      else e.seed(Number(BigInt.asUintN(32, BigInt(seed))));
      rt.ext['random.mtSeeded'] = true;
    },
    'mt_rand(int $min = null, int $max = null): int': (...args: any[]) => mtRandImpl('mt_rand', args),
    'rand(int $min = null, int $max = null): int': (...args: any[]) => mtRandImpl('rand', args),
    'mt_getrandmax(): int': () => PHP_MT_RAND_MAX,
    'getrandmax(): int': () => PHP_MT_RAND_MAX,
    'random_bytes(int $length): string': (len: number | bigint) => {
      if (len < 1) rt.throwError('ValueError', 'random_bytes(): Argument #1 ($length) must be greater than 0');
      return cryptoRandomBytes(Number(len)).toString('latin1');
    },
    'random_int(int $min, int $max): int': (min: number | bigint, max: number | bigint) => {
      if (min > max) rt.throwError('ValueError', 'random_int(): Argument #1 ($min) must be less than or equal to argument #2 ($max)');
      return secureRandomInt(min, max);
    },
    'lcg_value(): float': () => lcgValue(),
  });
  r.alias('srand', 'mt_srand');
  r.constants({ MT_RAND_MT19937, MT_RAND_PHP, PHP_MT_RAND_MAX: PHP_MT_RAND_MAX });
}

function mtRandImpl(name: string, args: any[]): number | bigint {
  const n = args.filter((a) => a !== undefined && a !== null).length;
  if (n === 0) return mtRand32() >>> 1;
  if (n === 1) rt.throwError('ArgumentCountError', `${name}() expects exactly 2 arguments, 1 given`);
  let min = args[0] as number | bigint, max = args[1] as number | bigint;
  if (max < min) {
    if (name === 'mt_rand') rt.throwError('ValueError', 'mt_rand(): Argument #2 ($max) must be greater than or equal to argument #1 ($min)');
    [min, max] = [max, min];
  }
  return mtRandCommon(min, max);
}
