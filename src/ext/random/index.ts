// The random extension of PHP 8.2 (ext/random): the engines Mt19937, PcgOneseq128XslRr64,
// Xoshiro256StarStar and Secure, user engines (any class implementing Random\Engine), and
// Random\Randomizer. The Mt19937 generator and the shared range algorithm live in
// ext/standard/math_rand.ts, which also provides mt_rand() & co.

/** node:crypto's randomBytes, loaded on first use (start-up does not pay for node:crypto) */
const cryptoRandomBytes = (n: number): Buffer => process.getBuiltinModule('node:crypto').randomBytes(n);
import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import { rt } from '../../runtime/request.js';
import { PhpObject, PhpClass, ClassFlags } from '../../runtime/object.js';
import { PhpArray, share } from '../../runtime/array.js';
import { UNINIT, intFromBig, isInt } from '../../runtime/values.js';
import { readNumeric, typeName } from '../../runtime/convert.js';
import { callMethodByName } from '../../runtime/objects.js';
import {
  Mt19937, SecureEngine, RandomEngine, randomRange, badScaling, RANGE_ATTEMPTS, MT_RAND_MT19937, MT_RAND_PHP,
} from '../standard/math_rand.js';

const I = ClassFlags.Interface;
const F = ClassFlags.Final;
const M64 = 0xffffffffffffffffn;
const M128 = (1n << 128n) - 1n;

// ───────────── engines ─────────────

/** An engine whose state can be (un)serialized as an array of strings/ints. */
interface NativeEngine extends RandomEngine {
  clone(): NativeEngine;
  serialize(): any[];
  unserialize(data: PhpArray): boolean;
}

function hexLe(v: bigint, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) {
    s += Number((v >> BigInt(i * 8)) & 0xffn).toString(16).padStart(2, '0');
  }
  return s;
}

function parseHexLe(s: any, bytes: number): bigint | null {
  if (typeof s !== 'string' || s.length !== bytes * 2 || !/^[0-9a-fA-F]*$/.test(s)) return null;
  let v = 0n;
  for (let i = 0; i < bytes; i++) v |= BigInt(parseInt(s.substr(i * 2, 2), 16)) << BigInt(i * 8);
  return v;
}

function leBytes(s: string, off: number, n: number): bigint {
  let v = 0n;
  for (let i = 0; i < n; i++) v |= BigInt(s.charCodeAt(off + i)) << BigInt(i * 8);
  return v;
}

class MtEngine extends Mt19937 implements NativeEngine {
  clone(): MtEngine {
    const c = new MtEngine();
    c.s.set(this.s);
    c.count = this.count;
    c.mode = this.mode;
    return c;
  }
  serialize(): any[] {
    const out: any[] = [];
    for (let i = 0; i < 624; i++) out.push(hexLe(BigInt(this.s[i]), 4));
    out.push(this.count, this.mode);
    return out;
  }
  unserialize(data: PhpArray): boolean {
    if (data.size !== 626) return false;
    const s = new Uint32Array(624);
    for (let i = 0; i < 624; i++) {
      const v = parseHexLe(data.get(i), 4);
      if (v === null) return false;
      s[i] = Number(v);
    }
    const count = data.get(624), mode = data.get(625);
    if (typeof count !== 'number' || !Number.isInteger(count) || typeof mode !== 'number' || !Number.isInteger(mode)) return false;
    if (count > 624 || count < 0 || (mode !== MT_RAND_MT19937 && mode !== MT_RAND_PHP)) return false;
    this.s.set(s);
    this.count = count;
    this.mode = mode;
    return true;
  }
}

const PCG_MUL = (2549297995355413924n << 64n) | 4865540595714422341n;
const PCG_INC = (6364136223846793005n << 64n) | 1442695040888963407n;

class PcgEngine implements NativeEngine {
  state = 0n;
  lastSize = 8;
  step(): void {
    this.state = (this.state * PCG_MUL + PCG_INC) & M128;
  }
  seed128(seed: bigint): void {
    this.state = 0n;
    this.step();
    this.state = (this.state + seed) & M128;
    this.step();
  }
  generate(): bigint {
    this.step();
    const hi = this.state >> 64n, lo = this.state & M64;
    const v = hi ^ lo;
    const r = hi >> 58n;
    return ((v >> r) | (v << ((64n - r) & 63n))) & M64;
  }
  jump(advance: bigint): void {
    let curMult = PCG_MUL, curPlus = PCG_INC, accMult = 1n, accPlus = 0n;
    while (advance > 0n) {
      if (advance & 1n) {
        accMult = (accMult * curMult) & M128;
        accPlus = (accPlus * curMult + curPlus) & M128;
      }
      curPlus = ((curMult + 1n) * curPlus) & M128;
      curMult = (curMult * curMult) & M128;
      advance >>= 1n;
    }
    this.state = (accMult * this.state + accPlus) & M128;
  }
  clone(): PcgEngine {
    const c = new PcgEngine();
    c.state = this.state;
    return c;
  }
  serialize(): any[] {
    return [hexLe(this.state >> 64n, 8), hexLe(this.state & M64, 8)];
  }
  unserialize(data: PhpArray): boolean {
    if (data.size !== 2) return false;
    const hi = parseHexLe(data.get(0), 8), lo = parseHexLe(data.get(1), 8);
    if (hi === null || lo === null) return false;
    this.state = (hi << 64n) | lo;
    return true;
  }
}

function rotl64(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (64n - k))) & M64;
}

function splitmix64(st: { s: bigint }): bigint {
  st.s = (st.s + 0x9e3779b97f4a7c15n) & M64;
  let r = st.s;
  r = ((r ^ (r >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  r = ((r ^ (r >> 27n)) * 0x94d049bb133111ebn) & M64;
  return r ^ (r >> 31n);
}

const XO_JUMP = [0x180ec6d33cfd0aban, 0xd5a61266f0c9392cn, 0xa9582618e03fc9aan, 0x39abdc4529b1661cn];
const XO_JUMP_LONG = [0x76e15d3efefdcbbfn, 0xc5004e441c522fb3n, 0x77710069854ee241n, 0x39109bb02acbe635n];

class XoshiroEngine implements NativeEngine {
  s: bigint[] = [0n, 0n, 0n, 0n];
  lastSize = 8;
  seed64(seed: bigint): void {
    const st = { s: BigInt.asUintN(64, seed) };
    this.s = [splitmix64(st), splitmix64(st), splitmix64(st), splitmix64(st)];
  }
  generate(): bigint {
    const s = this.s;
    const result = (rotl64((s[1] * 5n) & M64, 7n) * 9n) & M64;
    const t = (s[1] << 17n) & M64;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45n);
    return result;
  }
  jump(table: bigint[]): void {
    let s0 = 0n, s1 = 0n, s2 = 0n, s3 = 0n;
    for (let i = 0; i < 4; i++) {
      for (let j = 0n; j < 64n; j++) {
        if (table[i] & (1n << j)) {
          s0 ^= this.s[0];
          s1 ^= this.s[1];
          s2 ^= this.s[2];
          s3 ^= this.s[3];
        }
        this.generate();
      }
    }
    this.s = [s0, s1, s2, s3];
  }
  clone(): XoshiroEngine {
    const c = new XoshiroEngine();
    c.s = this.s.slice();
    return c;
  }
  serialize(): any[] {
    return this.s.map((v) => hexLe(v, 8));
  }
  unserialize(data: PhpArray): boolean {
    if (data.size !== 4) return false;
    const s: bigint[] = [];
    for (let i = 0; i < 4; i++) {
      const v = parseHexLe(data.get(i), 8);
      if (v === null) return false;
      s.push(v);
    }
    if (s.every((v) => v === 0n)) return false;
    this.s = s;
    return true;
  }
}

class SecureNative extends SecureEngine implements NativeEngine {
  clone(): SecureNative {
    return new SecureNative();
  }
  serialize(): any[] {
    return [];
  }
  unserialize(): boolean {
    return false;
  }
}

/** A Random\Engine written in PHP: generate() is called through PHP. */
class UserEngine implements RandomEngine {
  lastSize = 8;
  constructor(public obj: PhpObject) {}
  generate(): bigint {
    const r = callMethodByName(this.obj, 'generate', []);
    const s = typeof r === 'string' ? r : String(r);
    let size = s.length;
    if (size > 8) size = 8;
    this.lastSize = size;
    if (size === 0) rt.throwError('Random\\BrokenRandomEngineError', 'A random engine must return a non-empty string');
    return leBytes(s, 0, size);
  }
}

function engineOf(o: any): RandomEngine {
  if (o instanceof PhpObject) {
    if (o.native && typeof (o.native as RandomEngine).generate === 'function') return o.native as RandomEngine;
    return new UserEngine(o);
  }
  throw new Error('not an engine');
}

/** Engine::generate() of a native engine: the generated bytes, little-endian. */
function generateBytes(e: RandomEngine): string {
  const v = e.generate();
  const n = e.lastSize;
  let out = '';
  if (typeof v === 'number') {
    for (let i = 0; i < n; i++) out += String.fromCharCode((v >>> (i * 8)) & 0xff);
  } else {
    for (let i = 0; i < n; i++) out += String.fromCharCode(Number((v >> BigInt(i * 8)) & 0xffn));
  }
  return out;
}

function seedBytes(n: number): string {
  return cryptoRandomBytes(n).toString('latin1');
}

/** Native methods receive raw arguments: coerce an int parameter like zpp does (weak mode). */
function intArg(v: any, fname: string, n: number, pname: string): number | bigint {
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isFinite(v) && Number.isInteger(v)) return v;
  if (typeof v === 'string') {
    const r = readNumeric(v);
    if (r.kind === 1 && isInt(r.value)) return r.value as number | bigint;
  }
  if (v === undefined) return rt.throwError('ArgumentCountError', `${fname}() expects exactly ${n} argument${n > 1 ? 's' : ''}, ${n - 1} given`);
  return rt.throwError('TypeError', `${fname}(): Argument #${n} ($${pname}) must be of type int, ${typeName(v)} given`);
}

function nativeOf<T>(o: PhpObject): T {
  return o.native as T;
}

function engineSerialize(this: PhpObject): PhpArray {
  const props = new PhpArray();
  for (const [k, v] of this.propEntries()) props.set(k, share(v));
  const state = PhpArray.fromList(nativeOf<NativeEngine>(this).serialize());
  return PhpArray.fromList([props, state]);
}

function engineUnserialize(this: PhpObject, data: PhpArray): void {
  const msg = `Invalid serialization data for ${this.cls.name} object`;
  if (data.size !== 2) rt.throwError('Exception', msg);
  const members = data.get(0);
  if (!(members instanceof PhpArray)) rt.throwError('Exception', msg);
  for (const [k, v] of members.entries()) this.p[String(k)] = share(v);
  const st = data.get(1);
  if (!(st instanceof PhpArray) || !nativeOf<NativeEngine>(this).unserialize(st)) rt.throwError('Exception', msg);
}

function engineDebugInfo(o: PhpObject): [string, any][] {
  const out = o.propEntries();
  out.push(['__states', PhpArray.fromList(nativeOf<NativeEngine>(o).serialize())]);
  return out;
}

const engineHandlers = {
  clone(src: PhpObject, dst: PhpObject) {
    dst.native = (src.native as NativeEngine).clone();
  },
};

// ───────────── Randomizer ─────────────

function randomizerEngine(o: PhpObject): RandomEngine {
  const e = o.p['engine'];
  if (e === UNINIT || e === undefined) rt.throwError('Error', 'Typed property Random\\Randomizer::$engine must not be accessed before initialization');
  return engineOf(e);
}

function shuffleList(e: RandomEngine, vals: any[]): void {
  let n = vals.length;
  if (n < 1) return;
  while (--n) {
    const j = randomRange(e, 0, n) as number;
    if (j !== n) {
      const t = vals[n];
      vals[n] = vals[j];
      vals[j] = t;
    }
  }
}

/** php_array_pick_keys */
export function pickKeys(e: RandomEngine, arr: PhpArray, num: number | bigint, fname: string): any {
  const avail = arr.size;
  if (avail === 0) rt.throwError('ValueError', `${fname}: Argument #1 ($array) cannot be empty`);
  if (num === 1) {
    const used = arr.slotCount;
    if (avail < used - (used >> 1)) {
      const r = randomRange(e, 0, avail - 1) as number;
      let i = 0;
      for (let s = arr.nextSlot(0); s < arr.slotCount; s = arr.nextSlot(s + 1)) {
        if (i === r) return arr.keyAt(s);
        i++;
      }
    }
    for (;;) {
      const r = randomRange(e, 0, used - 1) as number;
      if (!arr.isHole(r)) return arr.keyAt(r);
    }
  }
  if (num <= 0 || num > avail) rt.throwError('ValueError', `${fname}: Argument #2 ($num) must be between 1 and the number of elements in argument #1 ($array)`);
  let req = Number(num);
  let negative = false;
  if (req > avail >> 1) {
    negative = true;
    req = avail - req;
  }
  const bits = new Uint8Array(avail);
  let i = req, failures = 0;
  while (i) {
    const r = randomRange(e, 0, avail - 1) as number;
    if (bits[r]) {
      if (++failures > RANGE_ATTEMPTS) {
        rt.throwError('Random\\BrokenRandomEngineError', `Failed to generate an acceptable random number in ${RANGE_ATTEMPTS} attempts`);
      }
    } else {
      bits[r] = 1;
      i--;
      failures = 0;
    }
  }
  const out = new PhpArray();
  let k = 0;
  for (let s = arr.nextSlot(0); s < arr.slotCount; s = arr.nextSlot(s + 1)) {
    if ((bits[k] === 1) !== negative) out.append(arr.keyAt(s));
    k++;
  }
  return out;
}

// ───────────── registration ─────────────

export class RandomExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'random', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    r.class({ name: 'Random\\Engine', flags: I, methods: [{ name: 'generate', flags: 1 | 16, fn: null, signature: 'generate(): string' }] });
    r.class({ name: 'Random\\CryptoSafeEngine', flags: I, interfaces: ['Random\\Engine'] });
    r.class({ name: 'Random\\RandomError', parent: 'Error' });
    r.class({ name: 'Random\\BrokenRandomEngineError', parent: 'Random\\RandomError' });
    r.class({ name: 'Random\\RandomException', parent: 'Exception' });

    const common = {
      'public generate(): string': function (this: PhpObject) {
        return generateBytes(nativeOf<RandomEngine>(this));
      },
      'public __serialize(): array': engineSerialize,
      'public __unserialize(array $data): void': engineUnserialize,
      'public __debugInfo(): array': function (this: PhpObject) {
        return PhpArray.fromEntries(engineDebugInfo(this));
      },
    };

    r.class({
      name: 'Random\\Engine\\Mt19937',
      flags: F,
      interfaces: ['Random\\Engine'],
      createNative(o) {
        o.native = new MtEngine();
      },
      handlers: engineHandlers,
      nativeMethods: {
        'public __construct(?int $seed = null, int $mode = MT_RAND_MT19937)': function (this: PhpObject, seed: number | bigint | null = null, mode: number | bigint = MT_RAND_MT19937) {
          const e = nativeOf<MtEngine>(this);
          if (mode === MT_RAND_MT19937) e.mode = MT_RAND_MT19937;
          else if (mode === MT_RAND_PHP) e.mode = MT_RAND_PHP;
          else rt.throwError('ValueError', 'Random\\Engine\\Mt19937::__construct(): Argument #2 ($mode) must be either MT_RAND_MT19937 or MT_RAND_PHP');
          if (seed === null) e.seed(cryptoRandomBytes(4).readUInt32LE(0));
          else e.seed(Number(BigInt.asUintN(32, BigInt(seed))));
        },
        ...common,
      },
    });

    r.class({
      name: 'Random\\Engine\\PcgOneseq128XslRr64',
      flags: F,
      interfaces: ['Random\\Engine'],
      createNative(o) {
        o.native = new PcgEngine();
      },
      handlers: engineHandlers,
      nativeMethods: {
        'public __construct(string|int|null $seed = null)': function (this: PhpObject, seed: string | number | bigint | null = null) {
          const e = nativeOf<PcgEngine>(this);
          if (seed === null) seed = seedBytes(16);
          if (typeof seed === 'string') {
            if (seed.length !== 16) rt.throwError('ValueError', 'Random\\Engine\\PcgOneseq128XslRr64::__construct(): Argument #1 ($seed) must be exactly 16 bytes');
            e.seed128((leBytes(seed, 0, 8) << 64n) | leBytes(seed, 8, 8));
          } else {
            e.seed128(BigInt.asUintN(64, BigInt(seed)));
          }
        },
        'public jump(int $advance): void': function (this: PhpObject, advance: number | bigint) {
          advance = intArg(advance, 'Random\\Engine\\PcgOneseq128XslRr64::jump', 1, 'advance');
          if (advance < 0) rt.throwError('ValueError', 'Random\\Engine\\PcgOneseq128XslRr64::jump(): Argument #1 ($advance) must be greater than or equal to 0');
          nativeOf<PcgEngine>(this).jump(BigInt(advance));
        },
        ...common,
      },
    });

    r.class({
      name: 'Random\\Engine\\Xoshiro256StarStar',
      flags: F,
      interfaces: ['Random\\Engine'],
      createNative(o) {
        o.native = new XoshiroEngine();
      },
      handlers: engineHandlers,
      nativeMethods: {
        'public __construct(string|int|null $seed = null)': function (this: PhpObject, seed: string | number | bigint | null = null) {
          const e = nativeOf<XoshiroEngine>(this);
          if (seed === null) {
            do seed = seedBytes(32);
            while (/^\0*$/.test(seed));
          }
          if (typeof seed === 'string') {
            if (seed.length !== 32) rt.throwError('ValueError', 'Random\\Engine\\Xoshiro256StarStar::__construct(): Argument #1 ($seed) must be exactly 32 bytes');
            if (/^\0*$/.test(seed)) rt.throwError('ValueError', 'Random\\Engine\\Xoshiro256StarStar::__construct(): Argument #1 ($seed) must not consist entirely of NUL bytes');
            e.s = [leBytes(seed, 0, 8), leBytes(seed, 8, 8), leBytes(seed, 16, 8), leBytes(seed, 24, 8)];
          } else {
            e.seed64(BigInt(seed));
          }
        },
        'public jump(): void': function (this: PhpObject) {
          nativeOf<XoshiroEngine>(this).jump(XO_JUMP);
        },
        'public jumpLong(): void': function (this: PhpObject) {
          nativeOf<XoshiroEngine>(this).jump(XO_JUMP_LONG);
        },
        ...common,
      },
    });

    r.class({
      name: 'Random\\Engine\\Secure',
      flags: F,
      interfaces: ['Random\\CryptoSafeEngine'],
      createNative(o) {
        o.native = new SecureNative();
      },
      handlers: engineHandlers,
      nativeMethods: {
        'public generate(): string': common['public generate(): string'],
      },
    });

    r.class({
      name: 'Random\\Randomizer',
      flags: F,
      props: [{ name: 'engine', flags: 1 | 64, type: 'Random\\Engine' }],
      nativeMethods: {
        'public __construct(?Random\\Engine $engine = null)': function (this: PhpObject, engine: PhpObject | null = null) {
          if (this.p['engine'] !== UNINIT && this.p['engine'] !== undefined) {
            rt.throwError('Error', 'Cannot modify readonly property Random\\Randomizer::$engine');
          }
          if (engine === null) {
            const cls = rt.core.builtinClasses.get('random\\engine\\secure') as PhpClass;
            engine = new PhpObject(cls);
            engine.native = new SecureNative();
          }
          this.p['engine'] = engine;
        },
        'public nextInt(): int': function (this: PhpObject) {
          const e = randomizerEngine(this);
          const v = e.generate();
          if (e.lastSize > 8) rt.throwError('Random\\RandomException', 'Generated value exceeds size of int');
          if (typeof v === 'number') return v >>> 1;
          return intFromBig(v >> 1n);
        },
        'public getInt(int $min, int $max): int': function (this: PhpObject, min: number | bigint, max: number | bigint) {
          if (max === undefined) rt.throwError('ArgumentCountError', `Random\\Randomizer::getInt() expects exactly 2 arguments, ${min === undefined ? 0 : 1} given`);
          min = intArg(min, 'Random\\Randomizer::getInt', 1, 'min');
          max = intArg(max, 'Random\\Randomizer::getInt', 2, 'max');
          if (max < min) rt.throwError('ValueError', 'Random\\Randomizer::getInt(): Argument #2 ($max) must be greater than or equal to argument #1 ($min)');
          const e = randomizerEngine(this);
          if (e instanceof Mt19937 && e.mode !== MT_RAND_MT19937) return badScaling(e.generate() >>> 1, min, max);
          return randomRange(e, min, max);
        },
        'public getBytes(int $length): string': function (this: PhpObject, length: number | bigint) {
          length = intArg(length, 'Random\\Randomizer::getBytes', 1, 'length');
          if (length < 1) rt.throwError('ValueError', 'Random\\Randomizer::getBytes(): Argument #1 ($length) must be greater than 0');
          const e = randomizerEngine(this);
          const n = Number(length);
          const parts: string[] = [];
          let total = 0;
          while (total < n) {
            const v = e.generate();
            const big = typeof v === 'bigint' ? v : BigInt(v);
            for (let i = 0; i < e.lastSize; i++) {
              parts.push(String.fromCharCode(Number((big >> BigInt(i * 8)) & 0xffn)));
              if (++total >= n) break;
            }
          }
          return parts.join('');
        },
        'public shuffleArray(array $array): array': function (this: PhpObject, arr: PhpArray) {
          const e = randomizerEngine(this);
          const vals = arr.valueList().map((v) => share(v));
          shuffleList(e, vals);
          return PhpArray.fromList(vals);
        },
        'public shuffleBytes(string $bytes): string': function (this: PhpObject, s: string) {
          if (s.length <= 1) return s;
          const e = randomizerEngine(this);
          const chars = s.split('');
          shuffleList(e, chars);
          return chars.join('');
        },
        'public pickArrayKeys(array $array, int $num): array': function (this: PhpObject, arr: PhpArray, num: number | bigint) {
          num = intArg(num, 'Random\\Randomizer::pickArrayKeys', 2, 'num');
          const e = randomizerEngine(this);
          const r = pickKeys(e, arr, num, 'Random\\Randomizer::pickArrayKeys()');
          return r instanceof PhpArray ? r : PhpArray.fromList([r]);
        },
        'public __serialize(): array': function (this: PhpObject) {
          const props = new PhpArray();
          for (const [k, v] of this.propEntries()) props.set(k, share(v));
          return PhpArray.fromList([props]);
        },
        'public __unserialize(array $data): void': function (this: PhpObject, data: PhpArray) {
          const msg = 'Invalid serialization data for Random\\Randomizer object';
          if (data.size !== 1) rt.throwError('Exception', msg);
          const members = data.get(0);
          if (!(members instanceof PhpArray)) rt.throwError('Exception', msg);
          const eng = members.get('engine');
          if (!(eng instanceof PhpObject) || !eng.cls.isSubclassOf?.(rt.core.builtinClasses.get('random\\engine') as PhpClass)) {
            if (!(eng instanceof PhpObject)) rt.throwError('Exception', msg);
          }
          this.p['engine'] = eng;
        },
      },
    });
  }
}
