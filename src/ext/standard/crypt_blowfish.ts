// ext/standard/crypt_blowfish.c: the "$2a$", "$2b$", "$2x$" and "$2y$" (bcrypt) crypt() formats.
// "$2x$" reproduces the historic sign-extension bug for bytes >= 0x80; "$2a$" carries the
// countermeasure that keeps such keys from colliding with "$2x$" ones.

const BF_ITOA64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BF_ATOI64 = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[BF_ITOA64.charCodeAt(i)] = i;
  return t;
})();

/** flags_by_subtype: bit 0 = emulate the sign-extension bug, bit 1 = apply the safety measure. */
const FLAGS: Record<string, number> = { a: 2, b: 4, x: 1, y: 4 };

let initState: Uint32Array | undefined;

/**
 * Blowfish's initial P-array and S-boxes are the hexadecimal digits of pi's fractional part:
 * computed once (Machin's formula on big integers, a few milliseconds) instead of a 1,042-word table.
 */
function blowfishInit(): Uint32Array {
  if (initState) return initState;
  const words = 18 + 4 * 256;
  const bits = BigInt(words * 32 + 64);
  const one = 1n << bits;
  const atanInv = (x: number): bigint => {
    const x2 = BigInt(x * x);
    let term = one / BigInt(x), sum = 0n, k = 1n, neg = false;
    while (term !== 0n) {
      sum += neg ? -(term / k) : term / k;
      term /= x2;
      k += 2n;
      neg = !neg;
    }
    return sum;
  };
  let frac = (16n * atanInv(5) - 4n * atanInv(239) - (3n << bits)) >> 64n;
  const out = new Uint32Array(words);
  for (let i = words - 1; i >= 0; i--) {
    out[i] = Number(frac & 0xffffffffn);
    frac >>= 32n;
  }
  return (initState = out);
}

class BlowfishState {
  p: Uint32Array;
  s: Uint32Array;
  l = 0;
  r = 0;
  constructor(init: Uint32Array) {
    this.p = init.slice(0, 18);
    this.s = init.slice(18);
  }

  /** Encrypts the block held in l, r. */
  encrypt(): void {
    const p = this.p, s = this.s;
    let l = this.l ^ p[0], r = this.r;
    for (let i = 1; i <= 16; i += 2) {
      r ^= ((((s[l >>> 24] + s[256 + ((l >>> 16) & 255)]) ^ s[512 + ((l >>> 8) & 255)]) + s[768 + (l & 255)]) ^ p[i]);
      l ^= ((((s[r >>> 24] + s[256 + ((r >>> 16) & 255)]) ^ s[512 + ((r >>> 8) & 255)]) + s[768 + (r & 255)]) ^ p[i + 1]);
    }
    this.l = (r ^ p[17]) >>> 0;
    this.r = l >>> 0;
  }

  /** Re-keys P and the S-boxes by encrypting a chain, mixing in the salt words when given. */
  expand(salt: Uint32Array | null): void {
    this.l = this.r = 0;
    const p = this.p, s = this.s;
    for (let i = 0; i < 18; i += 2) {
      if (salt) { this.l ^= salt[i & 2]; this.r ^= salt[(i & 2) + 1]; }
      this.encrypt();
      p[i] = this.l;
      p[i + 1] = this.r;
    }
    for (let i = 0; i < 1024; i += 2) {
      if (salt) { this.l ^= salt[(i + 2) & 3]; this.r ^= salt[(i + 3) & 3]; }
      this.encrypt();
      s[i] = this.l;
      s[i + 1] = this.r;
    }
  }
}

/** BF_set_key: the key cycled (with its terminating NUL) over the 18 P words. */
function setKey(key: string, flags: number, init: Uint32Array): { expanded: Uint32Array; initial: Uint32Array } {
  const bug = flags & 1;
  const safety = (flags & 2) << 15;
  const expanded = new Uint32Array(18), initial = new Uint32Array(18);
  let ptr = 0, sign = 0, diff = 0;
  for (let i = 0; i < 18; i++) {
    let correct = 0, buggy = 0;
    for (let j = 0; j < 4; j++) {
      const c = ptr < key.length ? key.charCodeAt(ptr) : 0;
      correct = ((correct << 8) | c) >>> 0;
      buggy = ((buggy << 8) | (c >= 128 ? c - 256 : c)) >>> 0;
      if (j) sign |= buggy & 0x80;
      ptr = c ? ptr + 1 : 0;
    }
    diff |= correct ^ buggy;
    expanded[i] = bug ? buggy : correct;
    initial[i] = init[i] ^ expanded[i];
  }
  diff |= diff >>> 16;
  diff &= 0xffff;
  diff += 0xffff;
  sign <<= 9;
  sign &= ~diff & safety;
  initial[0] ^= sign;
  return { expanded, initial };
}

/** BF_decode: `size` bytes from bcrypt's base 64, or null on a character outside it. */
function decode(src: string, size: number): Uint8Array | null {
  const out = new Uint8Array(size);
  let d = 0, sp = 0;
  const next = (): number => {
    const c = sp < src.length ? src.charCodeAt(sp++) : 0;
    return c < 128 ? BF_ATOI64[c] : -1;
  };
  while (d < size) {
    const c1 = next(), c2 = next();
    if (c1 < 0 || c2 < 0) return null;
    out[d++] = (c1 << 2) | ((c2 & 0x30) >> 4);
    if (d >= size) break;
    const c3 = next();
    if (c3 < 0) return null;
    out[d++] = ((c2 & 0x0f) << 4) | ((c3 & 0x3c) >> 2);
    if (d >= size) break;
    const c4 = next();
    if (c4 < 0) return null;
    out[d++] = ((c3 & 0x03) << 6) | c4;
  }
  return out;
}

function encode(src: Uint8Array): string {
  let out = '', i = 0;
  while (i < src.length) {
    const c1 = src[i++];
    out += BF_ITOA64[c1 >> 2];
    let c = (c1 & 0x03) << 4;
    if (i >= src.length) { out += BF_ITOA64[c]; break; }
    const c2 = src[i++];
    out += BF_ITOA64[c | (c2 >> 4)];
    c = (c2 & 0x0f) << 2;
    if (i >= src.length) { out += BF_ITOA64[c]; break; }
    const c3 = src[i++];
    out += BF_ITOA64[c | (c3 >> 6)] + BF_ITOA64[c3 & 0x3f];
  }
  return out;
}

function words(b: Uint8Array): Uint32Array {
  const w = new Uint32Array(b.length >> 2);
  for (let i = 0; i < w.length; i++) w[i] = ((b[4 * i] << 24) | (b[4 * i + 1] << 16) | (b[4 * i + 2] << 8) | b[4 * i + 3]) >>> 0;
  return w;
}

/** "OrpheanBeholderScryDoubt", the text bcrypt encrypts 64 times. */
const MAGIC = 'OrpheanBeholderScryDoubt';

/** BF_crypt: null for a malformed setting or a cost outside 4..31. */
export function cryptBlowfish(key: string, setting: string): string | null {
  const ch = (i: number) => (i < setting.length ? setting.charCodeAt(i) : 0);
  const flags = FLAGS[setting[2]] ?? 0;
  if (setting[0] !== '$' || setting[1] !== '2' || !flags || setting[3] !== '$'
    || ch(4) < 48 || ch(4) > 51 || ch(5) < 48 || ch(5) > 57 || (ch(4) === 51 && ch(5) > 49) || setting[6] !== '$') return null;
  const cost = (ch(4) - 48) * 10 + ch(5) - 48;
  if (cost < 4) return null;
  const saltBytes = decode(setting.slice(7), 16);
  if (!saltBytes) return null;
  const salt = words(saltBytes);
  const init = blowfishInit();
  const { expanded, initial } = setKey(key, flags, init);
  const st = new BlowfishState(init);
  st.p.set(initial);
  st.expand(salt);
  const p = st.p;
  for (let count = 2 ** cost; count > 0; count--) {
    for (let i = 0; i < 18; i++) p[i] ^= expanded[i];
    st.expand(null);
    for (let i = 0; i < 18; i++) p[i] ^= salt[i & 3];
    st.expand(null);
  }
  const out = new Uint8Array(24);
  const magic = words(Uint8Array.from(MAGIC, (c) => c.charCodeAt(0)));
  for (let i = 0; i < 6; i += 2) {
    st.l = magic[i];
    st.r = magic[i + 1];
    for (let n = 0; n < 64; n++) st.encrypt();
    for (let k = 0; k < 4; k++) {
      out[4 * i + k] = (st.l >>> (24 - 8 * k)) & 0xff;
      out[4 * i + 4 + k] = (st.r >>> (24 - 8 * k)) & 0xff;
    }
  }
  // The salt's last character carries only two bits: print its canonical form.
  const last = BF_ITOA64[BF_ATOI64[ch(7 + 21)] & 0x30];
  return setting.slice(0, 7 + 21) + last + encode(out.subarray(0, 23));
}
