// ext/standard/formatted_print.c: sprintf, printf, vsprintf, vprintf, fprintf, vfprintf; and
// math.c's number_format (with _php_math_round's pre-rounding).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpFloat } from '../../runtime/values.js';
import { toStr, toInt, toFloat, typeName } from '../../runtime/convert.js';
import { PhpStream } from './streams.js';

const ALIGN_LEFT = 0, ALIGN_RIGHT = 1;
const INT_MAX = 2147483647;
const MAX_FLOAT_PRECISION = 53;

function appendString(out: string[], s: string, minWidth: number, precision: number, padding: string, alignment: number, neg: boolean, expprec: boolean, alwaysSign: boolean): void {
  let copyLen = expprec ? Math.min(precision, s.length) : s.length;
  let npad = minWidth < copyLen ? 0 : minWidth - copyLen;
  let str = s;
  if (alignment === ALIGN_RIGHT) {
    if ((neg || alwaysSign) && padding === '0') {
      out.push(neg ? '-' : '+');
      str = str.slice(1);
      copyLen--;
    }
    if (npad > 0) out.push(padding.repeat(npad));
    npad = 0;
  }
  out.push(copyLen === str.length ? str : str.slice(0, copyLen));
  if (alignment === ALIGN_LEFT && npad > 0) out.push(padding.repeat(npad));
}

function appendInt(out: string[], v: number | bigint, width: number, padding: string, alignment: number, alwaysSign: boolean): void {
  const neg = v < 0;
  if (alignment === ALIGN_LEFT && padding === '0') padding = ' ';
  let s = (neg ? -BigInt(v) : v).toString();
  if (neg) s = '-' + s;
  else if (alwaysSign) s = '+' + s;
  appendString(out, s, width, 0, padding, alignment, neg, false, alwaysSign);
}

function appendUint(out: string[], v: number | bigint, width: number, padding: string, alignment: number): void {
  if (alignment === ALIGN_LEFT && padding === '0') padding = ' ';
  const s = v < 0 ? BigInt.asUintN(64, BigInt(v)).toString() : v.toString();
  appendString(out, s, width, 0, padding, alignment, false, false, false);
}

function append2n(out: string[], v: number | bigint, width: number, padding: string, alignment: number, radix: number, upper: boolean, expprec: boolean): void {
  let s = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : v).toString(radix);
  if (upper) s = s.toUpperCase();
  appendString(out, s, width, 0, padding, alignment, false, expprec, false);
}

/** Digits (no trailing zeros) and decimal point position of |x| rounded to n significant digits. */
export function sigDigits(x: number, n: number): { digits: string; decpt: number } {
  if (x === 0) return { digits: '0', decpt: 1 };
  const s = Math.abs(x).toExponential(Math.min(Math.max(n, 1), 100) - 1);
  const e = s.indexOf('e');
  let digits = s[0] + s.slice(2, e);
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  return { digits, decpt: parseInt(s.slice(e + 1), 10) + 1 };
}

/** zend_gcvt: %g style with `ndigit` significant digits. */
export function gcvt(value: number, ndigit: number, decPoint: string, expChar: string): string {
  const mode0 = ndigit < 0;
  if (mode0) ndigit = 17;
  let digits: string, decpt: number;
  if (mode0) {
    if (value === 0) {
      digits = '0';
      decpt = 1;
    } else {
      const s = Math.abs(value).toExponential();
      const e = s.indexOf('e');
      digits = s[0] + s.slice(2, e);
      decpt = parseInt(s.slice(e + 1), 10) + 1;
    }
  } else ({ digits, decpt } = sigDigits(value, ndigit));
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) {
    digits = '0';
    decpt = 1;
  }
  if (decpt < 0 ? decpt < -3 : decpt > ndigit) {
    let exp = decpt - 1;
    const esign = exp < 0 ? '-' : '+';
    if (exp < 0) exp = -exp;
    const mant = digits[0] + decPoint + (digits.length > 1 ? digits.slice(1) : '0');
    return sign + mant + expChar + esign + exp;
  }
  if (decpt < 0) return sign + '0' + decPoint + '0'.repeat(-decpt) + digits;
  let intPart = digits.slice(0, decpt);
  if (intPart.length < decpt) intPart += '0'.repeat(decpt - intPart.length);
  if (digits.length > decpt) return sign + (decpt === 0 ? '0' : intPart) + decPoint + digits.slice(decpt);
  return sign + intPart;
}

/** php_fcvt-style fixed notation of |x| with `precision` decimals (exact, correctly rounded). */
export function fixed(x: number, precision: number): string {
  if (x < 1e21) return x.toFixed(precision);
  const int = BigInt(x).toString();
  return precision > 0 ? int + '.' + '0'.repeat(precision) : int;
}

function appendDouble(out: string[], num: number, width: number, padding: string, alignment: number, precision: number, adjPrecision: boolean, fmt: string, alwaysSign: boolean): void {
  if (!adjPrecision) precision = 6;
  else if (precision > MAX_FLOAT_PRECISION) {
    rt.notice(`Requested precision of ${precision} digits was truncated to PHP maximum of ${MAX_FLOAT_PRECISION} digits`);
    precision = MAX_FLOAT_PRECISION;
  }
  // PHP 8.2 prints the non-finite values bare: no sign, width or padding (as php -n does here)
  if (num !== num) {
    out.push('NaN');
    return;
  }
  if (num === Infinity || num === -Infinity) {
    out.push('INF');
    return;
  }
  let s: string;
  let neg = false;
  switch (fmt) {
    case 'e':
    case 'E':
    case 'f':
    case 'F': {
      neg = num < 0;
      const a = Math.abs(num);
      if (fmt === 'f' || fmt === 'F') s = fixed(a, precision);
      else {
        const t = a.toExponential(precision);
        const e = t.indexOf('e');
        const exp = parseInt(t.slice(e + 1), 10);
        s = t.slice(0, e) + fmt + (exp < 0 ? '-' : '+') + Math.abs(exp);
      }
      if (neg) s = '-' + s;
      else if (alwaysSign) s = '+' + s;
      break;
    }
    default: {
      // g G h H
      if (precision === 0) precision = 1;
      s = gcvt(num, precision, '.', fmt === 'G' || fmt === 'H' ? 'E' : 'e');
      if (s[0] === '-') neg = true;
      else if (alwaysSign) s = '+' + s;
    }
  }
  appendString(out, s, width, 0, padding, alignment, neg, false, alwaysSign);
}

/**
 * php_formatted_print. `args` are the values; `extra` is the number of parameters before them (1 for
 * sprintf, 2 for fprintf) or -1 when they came from an array (vsprintf).
 */
export function formatPrint(format: string, args: any[], extra: number): string {
  const out: string[] = [];
  const n = format.length;
  let currarg = 0;
  let maxMissing = -1;
  let i = 0;
  const digitAt = (k: number) => k < n && format.charCodeAt(k) >= 48 && format.charCodeAt(k) <= 57;
  const getNumber = (): number => {
    let k = i;
    while (digitAt(k)) k++;
    const num = parseInt(format.slice(i, k), 10);
    i = k;
    return num >= INT_MAX || num < 0 ? -1 : num;
  };
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out.push(format.slice(i));
      break;
    }
    if (pct > i) out.push(format.slice(i, pct));
    i = pct;
    if (format[i + 1] === '%') {
      out.push('%');
      i += 2;
      continue;
    }
    i++;
    let alignment = ALIGN_RIGHT, padding = ' ', alwaysSign = false, expprec = false, adjPrecision = false;
    let width = 0, precision = 0;
    let argnum = -1;
    const c0 = format.charCodeAt(i);
    const isAlpha = (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122);
    let skip = false;
    if (!isAlpha) {
      let k = i;
      while (digitAt(k)) k++;
      if (format[k] === '$') {
        argnum = getNumber();
        if (argnum <= 0) rt.throwError('ValueError', `Argument number specifier must be greater than zero and less than ${INT_MAX}`);
        argnum--;
        i++;
      }
      for (;; i++) {
        const c = format[i];
        if (c === ' ' || c === '0') padding = c;
        else if (c === '-') alignment = ALIGN_LEFT;
        else if (c === '+') alwaysSign = true;
        else if (c === "'") {
          if (i + 1 < n) {
            i++;
            padding = format[i];
          } else rt.throwError('ValueError', 'Missing padding character');
        } else break;
      }
      const starArg = (what: string): number => {
        i++;
        let k = i;
        while (digitAt(k)) k++;
        let an: number;
        if (format[k] !== '$') an = currarg++;
        else {
          an = getNumber();
          if (an <= 0) rt.throwError('ValueError', `Argument number specifier must be greater than zero and less than ${INT_MAX}`);
          an--;
          i++;
        }
        if (an >= args.length) {
          maxMissing = Math.max(maxMissing, an);
          skip = true;
          return 0;
        }
        const v = args[an];
        if (!(typeof v === 'number' && Number.isInteger(v)) && typeof v !== 'bigint') rt.throwError('ValueError', `${what} must be an integer`);
        return Number(v);
      };
      if (format[i] === '*') {
        width = starArg('Width');
        if (skip) continue;
        if (width < 0 || width > INT_MAX) rt.throwError('ValueError', `Width must be greater than zero and less than ${INT_MAX}`);
      } else if (digitAt(i)) {
        width = getNumber();
        if (width < 0) rt.throwError('ValueError', `Width must be greater than zero and less than ${INT_MAX}`);
      }
      if (format[i] === '.') {
        i++;
        adjPrecision = true;
        if (format[i] === '*') {
          precision = starArg('Precision');
          if (skip) continue;
          if (precision < -1 || precision > INT_MAX) rt.throwError('ValueError', `Precision must be between -1 and ${INT_MAX}`);
          expprec = true;
        } else if (digitAt(i)) {
          precision = getNumber();
          if (precision < 0) rt.throwError('ValueError', `Precision must be greater than zero and less than ${INT_MAX}`);
          expprec = true;
        } else precision = 0;
      }
    }
    if (format[i] === 'l') i++;
    if (argnum < 0) argnum = currarg++;
    if (argnum >= args.length) {
      maxMissing = Math.max(maxMissing, argnum);
      i++;
      continue;
    }
    const spec = format[i];
    if (expprec && precision === -1 && spec !== 'g' && spec !== 'G' && spec !== 'h' && spec !== 'H') {
      rt.throwError('ValueError', 'Precision -1 is only supported for %g, %G, %h and %H');
    }
    const arg = args[argnum];
    switch (spec) {
      case 's':
        appendString(out, toStr(arg), width, precision, padding, alignment, false, expprec, false);
        break;
      case 'd':
        appendInt(out, toInt(arg), width, padding, alignment, alwaysSign);
        break;
      case 'u':
        appendUint(out, toInt(arg), width, padding, alignment);
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
        appendDouble(out, toFloat(arg), width, padding, alignment, precision, adjPrecision, spec, alwaysSign);
        break;
      case 'c':
        out.push(String.fromCharCode(Number(BigInt.asUintN(8, BigInt(toInt(arg))))));
        break;
      case 'o':
        append2n(out, toInt(arg), width, padding, alignment, 8, false, expprec);
        break;
      case 'x':
        append2n(out, toInt(arg), width, padding, alignment, 16, false, expprec);
        break;
      case 'X':
        append2n(out, toInt(arg), width, padding, alignment, 16, true, expprec);
        break;
      case 'b':
        append2n(out, toInt(arg), width, padding, alignment, 2, false, expprec);
        break;
      case '%':
        out.push('%');
        break;
      case undefined:
        rt.throwError('ValueError', 'Missing format specifier at end of string');
      // falls through
      default:
        rt.throwError('ValueError', `Unknown format specifier "${spec}"`);
    }
    i++;
  }
  if (maxMissing >= 0) {
    if (extra < 0) rt.throwError('ValueError', `The arguments array must contain ${maxMissing + 1} items, ${args.length} given`);
    rt.throwError('ArgumentCountError', `${maxMissing + extra + 1} arguments are required, ${args.length + extra} given`);
  }
  return out.join('');
}

function arrayArgs(a: PhpArray): any[] {
  return a.valueList();
}

function streamWrite(h: any, s: string, fname: string): number {
  if (!(h instanceof PhpStream)) rt.throwError('TypeError', `${fname}(): Argument #1 ($stream) must be of type resource, ${typeName(h)} given`);
  const st = h as PhpStream;
  if (st.closed) rt.throwError('TypeError', `${fname}(): supplied resource is not a valid stream resource`);
  st.impl.write(s);
  return s.length;
}

// ───────────── number_format ─────────────

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
function intpow10(p: number): number {
  return p < 0 || p > 22 ? Math.pow(10, p) : POW10[p];
}
function roundHelper(v: number): number {
  return v >= 0 ? Math.floor(v + 0.5) : Math.ceil(v - 0.5);
}

/** _php_math_round with PHP_ROUND_HALF_UP (PHP 8.2's pre-rounding algorithm). */
export function phpRound(value: number, places: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const precisionPlaces = 14 - Math.floor(Math.log10(Math.abs(value)));
  const f1 = intpow10(Math.abs(places));
  let tmp: number;
  if (precisionPlaces > places && precisionPlaces - 15 < places) {
    const f2 = intpow10(Math.abs(precisionPlaces));
    tmp = precisionPlaces >= 0 ? value * f2 : value / f2;
    tmp = roundHelper(tmp);
    let use = places - precisionPlaces;
    use = Math.max(-60, use);
    tmp = tmp / intpow10(Math.abs(use));
  } else {
    tmp = places >= 0 ? value * f1 : value / f1;
    if (Math.abs(tmp) >= 1e15) return value;
  }
  if (Math.abs(tmp - roundHelper(tmp)) >= 1e-15 || true) tmp = roundHelper(tmp);
  if (Math.abs(places) < 23) {
    tmp = places > 0 ? tmp / f1 : tmp * f1;
  } else {
    const t = parseFloat(tmp.toFixed(15) + 'e' + -places);
    if (!Number.isFinite(t)) return value;
    tmp = t;
  }
  return tmp;
}

export function numberFormat(d: number, dec: number, decPoint: string, sep: string): string {
  d = phpRound(d, dec);
  dec = Math.max(0, dec);
  let neg = false;
  if (d < 0) {
    neg = true;
    d = -d;
  }
  if (!Number.isFinite(d) || d !== d) return d !== d ? 'NAN' : neg ? '-INF' : 'INF';
  const tmp = fixed(d, Math.min(dec, 100));
  if (neg && d === 0) neg = false;
  const dot = tmp.indexOf('.');
  const intPart = dot < 0 ? tmp : tmp.slice(0, dot);
  let res: string;
  if (sep && intPart.length > 3) {
    const groups: string[] = [];
    let k = intPart.length % 3 || 3;
    groups.push(intPart.slice(0, k));
    for (; k < intPart.length; k += 3) groups.push(intPart.slice(k, k + 3));
    res = groups.join(sep);
  } else res = intPart;
  if (dec > 0) {
    let frac = dot < 0 ? '' : tmp.slice(dot + 1);
    if (frac.length < dec) frac += '0'.repeat(dec - frac.length);
    res += decPoint + frac;
  }
  return neg ? '-' + res : res;
}

export function registerSprintf(r: Registry): void {
  r.functions({
    'sprintf(string $format, mixed ...$values): string': (f: string, vals: any[]) => formatPrint(f, vals, 1),
    'vsprintf(string $format, array $values): string': (f: string, vals: PhpArray) => formatPrint(f, arrayArgs(vals), -1),
    'printf(string $format, mixed ...$values): int': (f: string, vals: any[]) => {
      const s = formatPrint(f, vals, 1);
      rt.echo(s);
      return s.length;
    },
    'vprintf(string $format, array $values): int': (f: string, vals: PhpArray) => {
      const s = formatPrint(f, arrayArgs(vals), -1);
      rt.echo(s);
      return s.length;
    },
    'fprintf($stream, string $format, mixed ...$values): int': (h: any, f: string, vals: any[]) => streamWrite(h, formatPrint(f, vals, 2), 'fprintf'),
    'vfprintf($stream, string $format, array $values): int': (h: any, f: string, vals: PhpArray) => streamWrite(h, formatPrint(f, arrayArgs(vals), -1), 'vfprintf'),
    'number_format(float $num, int $decimals = 0, ?string $decimal_separator = ".", ?string $thousands_separator = ","): string': (
      n: number,
      d: number | bigint,
      dp: string | null,
      ts: string | null,
    ) => numberFormat(n, typeof d === 'bigint' ? (d > 0n ? 1e9 : -1e9) : d, dp ?? '.', ts ?? ','),
  });
  void PhpFloat;
}
