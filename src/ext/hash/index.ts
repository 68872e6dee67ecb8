// The hash extension (ext/hash/hash.c): hash(), hash_hmac(), the incremental HashContext API,
// hash_pbkdf2(), hash_hkdf(), hash_equals() and the mhash compatibility functions.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject, type PhpClass } from '../../runtime/object.js';
import { toStr } from '../../runtime/convert.js';
import { givenType } from '../../runtime/types.js';
import { findClass, newInstance } from '../../runtime/objects.js';
import { openStream, readAll, streamArg } from '../standard/file.js';
import { ALGOS, ALGO_MAP, type Algo, type HashOptions, type HashState } from './algos.js';

const HASH_HMAC = 1;

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const str = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex');

interface Ctx {
  algo: Algo;
  state: HashState | null;
  flags: number;
  /** HMAC: the key, padded to the block size */
  key: Uint8Array | null;
  opts: HashOptions;
  /** everything hashed so far (for serialization) */
  fed: string[];
}

function lookup(name: string): Algo | undefined {
  return ALGO_MAP.get(name.toLowerCase());
}

function parseOptions(options: PhpArray | undefined): HashOptions {
  const o: HashOptions = {};
  if (!options) return o;
  const seed = options.get('seed');
  if (typeof seed === 'number' || typeof seed === 'bigint') o.seed = seed;
  const secret = options.get('secret');
  if (secret !== undefined) o.secret = bytes(toStr(secret));
  return o;
}

function digestOf(algo: Algo, data: Uint8Array, opts: HashOptions = {}): Uint8Array {
  const s = algo.make(opts);
  s.update(data);
  return s.digest();
}

function hmacKey(algo: Algo, key: Uint8Array): Uint8Array {
  const k = new Uint8Array(algo.block);
  k.set(key.length > algo.block ? digestOf(algo, key) : key);
  return k;
}

function xorPad(k: Uint8Array, v: number): Uint8Array {
  return k.map((b) => b ^ v);
}

function hmac(algo: Algo, data: Uint8Array, key: Uint8Array): Uint8Array {
  const k = hmacKey(algo, key);
  const inner = algo.make({});
  inner.update(xorPad(k, 0x36));
  inner.update(data);
  const outer = algo.make({});
  outer.update(xorPad(k, 0x5c));
  outer.update(inner.digest());
  return outer.digest();
}

function out(d: Uint8Array, binary: boolean): string {
  return binary ? str(d) : hex(d);
}

function readFile(fname: string, filename: string): Uint8Array | false {
  const s = openStream(filename, 'rb', fname);
  if (s === false) return false;
  const data = readAll(s.impl);
  (s.impl as any).close?.();
  return bytes(data);
}

function cryptoAlgo(fname: string, name: string): Algo {
  const a = lookup(name);
  if (!a || !a.crypto) rt.throwError('ValueError', `${fname}(): Argument #1 ($algo) must be a valid cryptographic hashing algorithm`);
  return a!;
}

function ctxOf(o: PhpObject, fname: string): Ctx {
  const c = o.native as Ctx | undefined;
  if (!c || !c.state) rt.throwError('TypeError', `${fname}(): Argument #1 ($context) must be a valid, non-finalized HashContext`);
  return c!;
}

function ctxUpdate(c: Ctx, data: string): void {
  c.state!.update(bytes(data));
  if (!c.key) c.fed.push(data);
}

let hashContextClass: PhpClass | null = null;

function newContext(c: Ctx): PhpObject {
  if (!hashContextClass) hashContextClass = findClass('HashContext', false)!;
  const o = newInstance(hashContextClass, hashContextClass);
  o.native = c;
  return o;
}

function makeCtx(algo: Algo, flags: number, key: string, opts: HashOptions): Ctx {
  const c: Ctx = { algo, state: algo.make(opts), flags, key: null, opts, fed: [] };
  if (flags & HASH_HMAC) {
    c.key = hmacKey(algo, bytes(key));
    c.state!.update(xorPad(c.key, 0x36));
  }
  return c;
}

function copyCtx(c: Ctx): Ctx {
  return { ...c, state: c.state ? c.state.clone() : null, key: c.key ? c.key.slice() : null, fed: c.fed.slice() };
}

function pbkdf2(algo: Algo, password: string, salt: string, iterations: number, length: number, binary: boolean): string {
  const key = bytes(password), s = bytes(salt);
  let want = length;
  if (want === 0) want = algo.size;
  else if (!binary) want = Math.ceil(want / 2);
  const blocks = Math.ceil(want / algo.size);
  const res = new Uint8Array(blocks * algo.size);
  for (let i = 1; i <= blocks; i++) {
    const si = new Uint8Array(s.length + 4);
    si.set(s);
    si[s.length] = i >>> 24; si[s.length + 1] = i >>> 16; si[s.length + 2] = i >>> 8; si[s.length + 3] = i;
    let u = hmac(algo, si, key);
    const t = u.slice();
    for (let j = 1; j < iterations; j++) {
      u = hmac(algo, u, key);
      for (let k = 0; k < t.length; k++) t[k] ^= u[k];
    }
    res.set(t, (i - 1) * algo.size);
  }
  if (binary) return str(res.slice(0, want));
  const h = hex(res);
  return h.slice(0, length === 0 ? algo.size * 2 : length);
}

export class HashExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'hash', version: PHP_VERSION, dependencies: ['standard'] };
  }

  moduleInit(r: Registry): void {
    r.constant('HASH_HMAC', HASH_HMAC);

    r.function('hash(string $algo, string $data, bool $binary = false, array $options = []): string', (name: string, data: string, binary: boolean, options: PhpArray) => {
      const a = lookup(name);
      if (!a) rt.throwError('ValueError', 'hash(): Argument #1 ($algo) must be a valid hashing algorithm');
      return out(digestOf(a!, bytes(data), parseOptions(options)), binary);
    });
    r.function('hash_file(string $algo, string $filename, bool $binary = false, array $options = []): string|false', (name: string, filename: string, binary: boolean, options: PhpArray) => {
      const a = lookup(name);
      if (!a) rt.throwError('ValueError', 'hash_file(): Argument #1 ($algo) must be a valid hashing algorithm');
      const d = readFile('hash_file', filename);
      if (d === false) return false;
      return out(digestOf(a!, d, parseOptions(options)), binary);
    });
    r.function('hash_hmac(string $algo, string $data, string $key, bool $binary = false): string', (name: string, data: string, key: string, binary: boolean) => {
      const a = cryptoAlgo('hash_hmac', name);
      return out(hmac(a, bytes(data), bytes(key)), binary);
    });
    r.function('hash_hmac_file(string $algo, string $filename, string $key, bool $binary = false): string|false', (name: string, filename: string, key: string, binary: boolean) => {
      const a = cryptoAlgo('hash_hmac_file', name);
      const d = readFile('hash_hmac_file', filename);
      if (d === false) return false;
      return out(hmac(a, d, bytes(key)), binary);
    });
    r.function('hash_init(string $algo, int $flags = 0, string $key = "", array $options = []): HashContext', (name: string, flags: number, key: string, options: PhpArray) => {
      const a = lookup(name);
      if (!a) rt.throwError('ValueError', 'hash_init(): Argument #1 ($algo) must be a valid hashing algorithm');
      if (flags & HASH_HMAC) {
        if (!a!.crypto) rt.throwError('ValueError', 'hash_init(): Argument #1 ($algo) must be a cryptographic hashing algorithm if HMAC is requested');
        if (key === '') rt.throwError('ValueError', 'hash_init(): Argument #3 ($key) cannot be empty when HMAC is requested');
      }
      return newContext(makeCtx(a!, flags, key, parseOptions(options)));
    });
    r.function('hash_update(HashContext $context, string $data): bool', (o: PhpObject, data: string) => {
      ctxUpdate(ctxOf(o, 'hash_update'), data);
      return true;
    });
    r.function('hash_update_stream(HashContext $context, $stream, int $length = -1): int', (o: PhpObject, h: any, length: number) => {
      const c = ctxOf(o, 'hash_update_stream');
      const s = streamArg(h, 'hash_update_stream', 2);
      const data = readAll(s.impl, length);
      ctxUpdate(c, data);
      return data.length;
    });
    r.function('hash_update_file(HashContext $context, string $filename, $stream_context = null): bool', (o: PhpObject, filename: string) => {
      const c = ctxOf(o, 'hash_update_file');
      const d = readFile('hash_update_file', filename);
      if (d === false) return false;
      ctxUpdate(c, str(d));
      return true;
    });
    r.function('hash_final(HashContext $context, bool $binary = false): string', (o: PhpObject, binary: boolean) => {
      const c = ctxOf(o, 'hash_final');
      let d = c.state!.digest();
      if (c.key) {
        const outer = c.algo.make({});
        outer.update(xorPad(c.key, 0x5c));
        outer.update(d);
        d = outer.digest();
      }
      c.state = null;
      return out(d, binary);
    });
    r.function('hash_copy(HashContext $context): HashContext', (o: PhpObject) => newContext(copyCtx(ctxOf(o, 'hash_copy'))));
    r.function('hash_algos(): array', () => PhpArray.fromList(ALGOS.map((a) => a.name)));
    r.function('hash_hmac_algos(): array', () => PhpArray.fromList(ALGOS.filter((a) => a.crypto).map((a) => a.name)));
    r.function('hash_pbkdf2(string $algo, string $password, string $salt, int $iterations, int $length = 0, bool $binary = false, array $options = []): string',
      (name: string, password: string, salt: string, iterations: number, length: number, binary: boolean) => {
        const a = cryptoAlgo('hash_pbkdf2', name);
        if (iterations <= 0) rt.throwError('ValueError', 'hash_pbkdf2(): Argument #4 ($iterations) must be greater than 0');
        if (length < 0) rt.throwError('ValueError', 'hash_pbkdf2(): Argument #5 ($length) must be greater than or equal to 0');
        return pbkdf2(a, password, salt, Number(iterations), Number(length), binary);
      });
    r.function('hash_equals(mixed $known_string, mixed $user_string): bool', (known: any, user: any) => {
      if (typeof known !== 'string') rt.throwError('TypeError', `hash_equals(): Argument #1 ($known_string) must be of type string, ${givenType(known)} given`);
      if (typeof user !== 'string') rt.throwError('TypeError', `hash_equals(): Argument #2 ($user_string) must be of type string, ${givenType(user)} given`);
      if (known.length !== user.length) return false;
      let diff = 0;
      for (let i = 0; i < known.length; i++) diff |= known.charCodeAt(i) ^ user.charCodeAt(i);
      return diff === 0;
    });
    r.function('hash_hkdf(string $algo, string $key, int $length = 0, string $info = "", string $salt = ""): string',
      (name: string, key: string, length: number, info: string, salt: string) => {
        const a = cryptoAlgo('hash_hkdf', name);
        if (key === '') rt.throwError('ValueError', 'hash_hkdf(): Argument #2 ($key) cannot be empty');
        if (length < 0) rt.throwError('ValueError', 'hash_hkdf(): Argument #3 ($length) must be greater than or equal to 0');
        if (length > a.size * 255) rt.throwError('ValueError', `hash_hkdf(): Argument #3 ($length) must be less than or equal to ${a.size * 255}`);
        const len = length === 0 ? a.size : Number(length);
        const prk = hmac(a, bytes(key), salt === '' ? new Uint8Array(a.size) : bytes(salt));
        const res = new Uint8Array(Math.ceil(len / a.size) * a.size);
        let prev = new Uint8Array(0);
        const inf = bytes(info);
        for (let i = 1; (i - 1) * a.size < len; i++) {
          const m = new Uint8Array(prev.length + inf.length + 1);
          m.set(prev); m.set(inf, prev.length); m[m.length - 1] = i;
          prev = hmac(a, m, prk) as Uint8Array<ArrayBuffer>;
          res.set(prev, (i - 1) * a.size);
        }
        return str(res.slice(0, len));
      });

    registerMhash(r);

    r.class({
      name: 'HashContext',
      flags: 32, // final
      nativeMethods: {
        'private __construct()': function () {},
        'public __serialize(): array': function (this: PhpObject) {
          const c = this.native as Ctx;
          if (c.key) rt.throwError('Exception', 'HashContext with HASH_HMAC option cannot be serialized');
          if (!c.state) rt.throwError('Exception', `HashContext for algorithm "${c.algo.name}" cannot be serialized`);
          if (c.algo.name === 'xxh3' || c.algo.name === 'xxh128') rt.throwError('Exception', `HashContext for algorithm "${c.algo.name}" cannot be serialized`);
          return PhpArray.fromList([c.algo.name, c.flags, PhpArray.fromList([c.fed.join('')]), 2, new PhpArray()]);
        },
        'public __unserialize(array $data): void': function (this: PhpObject, data: PhpArray) {
          if (this.native) rt.throwError('Error', 'HashContext::__unserialize called on initialized object');
          const name = data.get(0), flags = data.get(1), state = data.get(2), magic = data.get(3), members = data.get(4);
          const bad = () => rt.throwError('Exception', 'Incomplete or ill-formed serialization data');
          if (typeof name !== 'string' || typeof flags !== 'number' || !(state instanceof PhpArray) || typeof magic !== 'number' || !(members instanceof PhpArray)) bad();
          const a = lookup(name);
          if (!a) rt.throwError('Exception', 'Unknown hash algorithm');
          if (flags & HASH_HMAC) rt.throwError('Exception', 'HashContext with HASH_HMAC option cannot be serialized');
          const fed = state.get(0);
          if (state.size !== 1 || typeof fed !== 'string') rt.throwError('Exception', `Incomplete or ill-formed serialization data ("${a!.name}" code -1)`);
          const c = makeCtx(a!, flags, '', {});
          ctxUpdate(c, fed);
          this.native = c;
          for (const [k, v] of members.entries()) this.p[k as any] = v;
        },
      },
      handlers: {
        clone(src: PhpObject, dst: PhpObject) {
          if (src.native) dst.native = copyCtx(src.native as Ctx);
        },
      },
    });
  }
}

// ---- mhash ----
const MHASH: [string, string][] = [
  ['CRC32', 'crc32'], ['MD5', 'md5'], ['SHA1', 'sha1'], ['HAVAL256', 'haval256,3'], [''!, ''], ['RIPEMD160', 'ripemd160'], ['', ''],
  ['TIGER', 'tiger192,3'], ['GOST', 'gost'], ['CRC32B', 'crc32b'], ['HAVAL224', 'haval224,3'], ['HAVAL192', 'haval192,3'],
  ['HAVAL160', 'haval160,3'], ['HAVAL128', 'haval128,3'], ['TIGER128', 'tiger128,3'], ['TIGER160', 'tiger160,3'], ['MD4', 'md4'],
  ['SHA256', 'sha256'], ['ADLER32', 'adler32'], ['SHA224', 'sha224'], ['SHA512', 'sha512'], ['SHA384', 'sha384'],
  ['WHIRLPOOL', 'whirlpool'], ['RIPEMD128', 'ripemd128'], ['RIPEMD256', 'ripemd256'], ['RIPEMD320', 'ripemd320'], ['', ''],
  ['SNEFRU256', 'snefru256'], ['MD2', 'md2'], ['FNV132', 'fnv132'], ['FNV1A32', 'fnv1a32'], ['FNV164', 'fnv164'],
  ['FNV1A64', 'fnv1a64'], ['JOAAT', 'joaat'], ['CRC32C', 'crc32c'], ['MURMUR3A', 'murmur3a'], ['MURMUR3C', 'murmur3c'],
  ['MURMUR3F', 'murmur3f'], ['XXH32', 'xxh32'], ['XXH64', 'xxh64'], ['XXH3', 'xxh3'], ['XXH128', 'xxh128'],
];

function registerMhash(r: Registry): void {
  MHASH.forEach(([n], i) => { if (n) r.constant('MHASH_' + n, i); });
  const algoOf = (i: number): Algo | undefined => {
    const e = MHASH[i];
    return e && e[1] ? lookup(e[1]) : undefined;
  };
  r.function('mhash_count(): int', () => MHASH.length - 1);
  r.function('mhash_get_block_size(int $algo): int|false', (i: number) => algoOf(i)?.size ?? false);
  r.function('mhash_get_hash_name(int $algo): string|false', (i: number) => (MHASH[i]?.[0] || false));
  r.function('mhash(int $algo, string $data, ?string $key = null): string|false', (i: number, data: string, key: string | null) => {
    const a = algoOf(i);
    if (!a) return false;
    if (key !== null && key !== undefined) {
      if (!a.crypto) rt.throwError('ValueError', 'mhash(): Argument #1 ($algo) must be a cryptographic hashing algorithm if HMAC is requested');
      return str(hmac(a, bytes(data), bytes(key)));
    }
    return str(digestOf(a, bytes(data)));
  });
  r.function('mhash_keygen_s2k(int $algo, string $password, string $salt, int $length): string|false', (i: number, password: string, salt: string, length: number) => {
    if (length <= 0 || length > 2147483647) rt.throwError('ValueError', 'mhash_keygen_s2k(): Argument #4 ($length) must be a greater than 0');
    const a = algoOf(i);
    if (!a) return false;
    const s8 = bytes(salt).slice(0, 8);
    const padded = new Uint8Array(8); padded.set(s8);
    const pw = bytes(password);
    const times = Math.ceil(length / a.size);
    const res = new Uint8Array(times * a.size);
    for (let j = 0; j < times; j++) {
      const st = a.make({});
      st.update(new Uint8Array(j));
      st.update(padded);
      st.update(pw);
      res.set(st.digest(), j * a.size);
    }
    return str(res.slice(0, length));
  });
}
