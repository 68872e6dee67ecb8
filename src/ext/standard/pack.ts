// ext/standard/pack.c: pack() and unpack(), on a little-endian machine with 64-bit ints.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray, normStrKey } from '../../runtime/array.js';
import { mkFloat, intFromBig } from '../../runtime/values.js';
import { toStr, toInt, toFloat } from '../../runtime/convert.js';
import { binFromCodes } from './string.js';

/** bytes per value of the numeric codes; [size, bigEndian] */
const INT_CODES: Record<string, [number, boolean]> = {
  c: [1, false], C: [1, false], s: [2, false], S: [2, false], n: [2, true], v: [2, false],
  i: [4, false], I: [4, false], l: [4, false], L: [4, false], N: [4, true], V: [4, false],
  q: [8, false], Q: [8, false], J: [8, true], P: [8, false],
};
const FLOAT_CODES: Record<string, [number, boolean]> = {
  f: [4, false], g: [4, false], G: [4, true], d: [8, false], e: [8, false], E: [8, true],
};

function pack(format: string, args: any[]): string {
  const codes: [string, number][] = [];
  let cur = 0;
  const n = format.length;
  for (let i = 0; i < n; ) {
    const code = format[i++];
    let arg = 1;
    if (i < n) {
      if (format[i] === '*') {
        arg = -1;
        i++;
      } else if (format.charCodeAt(i) >= 48 && format.charCodeAt(i) <= 57) {
        let k = i;
        while (k < n && format.charCodeAt(k) >= 48 && format.charCodeAt(k) <= 57) k++;
        arg = parseInt(format.slice(i, k), 10);
        if (arg > 2147483647) arg = 2147483647;
        i = k;
      }
    }
    switch (code) {
      case 'x':
      case 'X':
      case '@':
        if (arg < 0) {
          rt.warn(`pack(): Type ${code}: '*' ignored`);
          arg = 1;
        }
        break;
      case 'a':
      case 'A':
      case 'Z':
      case 'h':
      case 'H':
        if (cur >= args.length) rt.throwError('ValueError', `Type ${code}: not enough arguments`);
        if (arg < 0) {
          args[cur] = toStr(args[cur]);
          arg = args[cur].length;
          if (code === 'Z') arg++;
        }
        cur++;
        break;
      default:
        if (INT_CODES[code] || FLOAT_CODES[code]) {
          if (arg < 0) arg = args.length - cur;
          cur += arg;
          if (cur > args.length) rt.throwError('ValueError', `Type ${code}: too few arguments`);
          break;
        }
        rt.throwError('ValueError', `Type ${code}: unknown format code`);
    }
    codes.push([code, arg]);
  }
  if (cur < args.length) rt.warn(`pack(): ${args.length - cur} arguments unused`);
  // the output size pass (warnings for X outside the string)
  let pos = 0;
  for (const [code, arg] of codes) {
    if (code === 'X') {
      pos -= arg;
      if (pos < 0) {
        rt.warn(`pack(): Type ${code}: outside of string`);
        pos = 0;
      }
    } else if (code === '@') pos = arg;
    else if (code === 'h' || code === 'H') pos += (arg + (arg % 2)) / 2;
    else if (code === 'a' || code === 'A' || code === 'Z' || code === 'x') pos += arg;
    else pos += arg * (INT_CODES[code] ?? FLOAT_CODES[code])[0];
  }
  const out: number[] = [];
  let op = 0;
  const put = (b: number) => {
    while (out.length < op) out.push(0);
    out[op++] = b & 255;
  };
  cur = 0;
  for (const [code, arg] of codes) {
    switch (code) {
      case 'a':
      case 'A':
      case 'Z': {
        const copy = code !== 'Z' ? arg : Math.max(0, arg - 1);
        const s = toStr(args[cur++]);
        const pad = code === 'A' ? 32 : 0;
        for (let k = 0; k < arg; k++) put(k < copy && k < s.length ? s.charCodeAt(k) : pad);
        break;
      }
      case 'h':
      case 'H': {
        const s = toStr(args[cur++]);
        let cnt = arg;
        if (cnt > s.length) {
          rt.warn(`pack(): Type ${code}: not enough characters in string`);
          cnt = s.length;
        }
        let shift = code === 'h' ? 0 : 4;
        let first = true;
        let byte = 0;
        for (let k = 0; k < cnt; k++) {
          const ch = s.charCodeAt(k);
          let v: number;
          if (ch >= 48 && ch <= 57) v = ch - 48;
          else if (ch >= 65 && ch <= 70) v = ch - 55;
          else if (ch >= 97 && ch <= 102) v = ch - 87;
          else {
            rt.warn(`pack(): Type ${code}: illegal hex digit ${s[k]}`);
            v = 0;
          }
          if (first) byte = 0;
          byte |= v << shift;
          if (!first || k === cnt - 1) put(byte);
          first = !first;
          shift = (shift + 4) & 7;
        }
        break;
      }
      case 'x':
        for (let k = 0; k < arg; k++) put(0);
        break;
      case 'X':
        op = Math.max(0, op - arg);
        break;
      case '@':
        if (arg > op) for (let k = op; k < arg; k++) put(0);
        op = arg;
        break;
      default: {
        const ic = INT_CODES[code];
        if (ic) {
          const [size, be] = ic;
          for (let k = 0; k < arg; k++) {
            const v = toInt(args[cur++]);
            let b = BigInt.asUintN(64, BigInt(v));
            const bytes: number[] = [];
            for (let j = 0; j < size; j++) {
              bytes.push(Number(b & 255n));
              b >>= 8n;
            }
            if (be) bytes.reverse();
            for (const x of bytes) put(x);
          }
        } else {
          const [size, be] = FLOAT_CODES[code];
          for (let k = 0; k < arg; k++) {
            const v = toFloat(args[cur++]);
            const buf = Buffer.alloc(size);
            if (size === 4) {
              if (be) buf.writeFloatBE(v);
              else buf.writeFloatLE(v);
            } else if (be) buf.writeDoubleBE(v);
            else buf.writeDoubleLE(v);
            for (const x of buf) put(x);
          }
        }
      }
    }
  }
  out.length = op;
  for (let k = 0; k < op; k++) if (out[k] === undefined) out[k] = 0;
  return binFromCodes(out);
}

function unpack(format: string, data: string, offset: number): PhpArray | false {
  if (offset < 0 || offset > data.length) rt.throwError('ValueError', 'unpack(): Argument #3 ($offset) must be contained in argument #2 ($data)');
  const input = offset ? data.slice(offset) : data;
  const inputlen = input.length;
  let pos = 0;
  const res = new PhpArray();
  const n = format.length;
  let f = 0;
  while (f < n) {
    const type = format[f++];
    let reps = 1;
    if (f < n) {
      const c = format.charCodeAt(f);
      if (c >= 48 && c <= 57) {
        let k = f;
        while (k < n && format.charCodeAt(k) >= 48 && format.charCodeAt(k) <= 57) k++;
        const v = parseInt(format.slice(f, k), 10);
        if (v > 2147483647) {
          rt.warn(`unpack(): Type ${type}: integer overflow`);
          return false;
        }
        reps = v;
        f = k;
      } else if (c === 42) {
        reps = -1;
        f++;
      }
    }
    const nameStart = f;
    while (f < n && format[f] !== '/') f++;
    const name = format.slice(nameStart, Math.min(f, nameStart + 200));
    const argb = reps;
    let size = 0;
    switch (type) {
      case 'X':
        size = -1;
        if (reps < 0) reps = 1;
        break;
      case '@':
        if (reps < 0) reps = 1;
        break;
      case 'a':
      case 'A':
      case 'Z':
        size = reps;
        reps = 1;
        break;
      case 'h':
      case 'H':
        size = reps > 0 ? (reps + 1) >> 1 : reps;
        reps = 1;
        break;
      case 'x':
        size = 1;
        break;
      default: {
        const c = INT_CODES[type] ?? FLOAT_CODES[type];
        if (!c) rt.throwError('ValueError', `Invalid format type ${type}`);
        size = c[0];
      }
    }
    for (let i = 0; i !== reps; i++) {
      if (pos + size <= inputlen) {
        const key = reps === 1 && name.length > 0 ? name : name + (i + 1);
        let val: any;
        let store = true;
        switch (type) {
          case 'a':
          case 'A':
          case 'Z': {
            let len = inputlen - pos;
            if (size >= 0 && len > size) len = size;
            size = len;
            let s = input.substr(pos, len);
            if (type === 'A') s = s.replace(/[\0 \t\r\n]+$/, '');
            else if (type === 'Z') {
              const z = s.indexOf('\0');
              if (z >= 0) s = s.slice(0, z);
            }
            val = s;
            break;
          }
          case 'h':
          case 'H': {
            let len = (inputlen - pos) * 2;
            if (size >= 0 && len > size * 2) len = size * 2;
            if (len > 0 && argb > 0) len -= argb % 2;
            const hex: string[] = [];
            let shift = type === 'h' ? 0 : 4;
            let ip = 0;
            let first = true;
            for (let o = 0; o < len; o++) {
              hex.push(((input.charCodeAt(pos + ip) >> shift) & 15).toString(16));
              shift = (shift + 4) & 7;
              if (!first) ip++;
              first = !first;
            }
            val = hex.join('');
            break;
          }
          case 'x':
            store = false;
            break;
          case 'X':
            store = false;
            break;
          case '@':
            store = false;
            if (reps <= inputlen) pos = reps;
            else rt.warn(`unpack(): Type @: outside of string`);
            i = reps - 1;
            break;
          default: {
            const ic = INT_CODES[type];
            if (ic) {
              const [sz, be] = ic;
              let b = 0n;
              for (let j = 0; j < sz; j++) {
                const byte = BigInt(input.charCodeAt(pos + (be ? j : sz - 1 - j)));
                b = (b << 8n) | byte;
              }
              const signed = type === 'c' || type === 's' || type === 'i' || type === 'l' || sz === 8;
              if (signed) b = BigInt.asIntN(sz * 8, b);
              val = intFromBig(b);
            } else {
              const [sz, be] = FLOAT_CODES[type];
              const buf = Buffer.from(input.substr(pos, sz), 'latin1');
              const x = sz === 4 ? (be ? buf.readFloatBE(0) : buf.readFloatLE(0)) : be ? buf.readDoubleBE(0) : buf.readDoubleLE(0);
              val = mkFloat(x);
            }
          }
        }
        if (store) res.set(normStrKey(key), val);
        pos += size;
        if (pos < 0) {
          if (size !== -1) rt.warn(`unpack(): Type ${type}: outside of string`);
          pos = 0;
        }
      } else if (reps < 0) {
        break;
      } else {
        rt.warn(`unpack(): Type ${type}: not enough input, need ${size}, have ${inputlen - pos}`);
        return false;
      }
    }
    if (f < n) f++;
  }
  return res;
}

export function registerPack(r: Registry): void {
  r.functions({
    'pack(string $format, mixed ...$values): string': pack,
    'unpack(string $format, string $string, int $offset = 0): array|false': unpack,
  });
}
