// ext/standard/math.c: abs, ceil, floor, round, the float functions, base conversion, min/max, intdiv.
// The random number functions (mt_rand & co) live in math_rand.ts.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpFloat, intFromBig, mkFloat } from '../../runtime/values.js';
import { PhpArray, share } from '../../runtime/array.js';
import { compare, pow as powOp } from '../../runtime/operators.js';
import { typeName } from '../../runtime/convert.js';
import { registerRand } from './math_rand.js';
import { registerGeneral } from './general.js';

export const PHP_ROUND_HALF_UP = 1, PHP_ROUND_HALF_DOWN = 2, PHP_ROUND_HALF_EVEN = 3, PHP_ROUND_HALF_ODD = 4;

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

function intPow10(power: number): number {
  if (power < 0 || power > 22) return Math.pow(10, power);
  return POW10[power];
}

/** php_round_helper: rounds to an integer in the given mode (modf-based, as PHP 8). */
function roundHelper(value: number, mode: number): number {
  const integral = Math.trunc(value);
  const fractional = Math.abs(value - integral);
  const away = integral + (Object.is(integral, -0) || integral < 0 ? -1 : 1);
  switch (mode) {
    case PHP_ROUND_HALF_DOWN:
      return fractional > 0.5 ? away : integral;
    case PHP_ROUND_HALF_EVEN:
      if (fractional > 0.5) return away;
      if (fractional === 0.5 && integral % 2 !== 0) return away;
      return integral;
    case PHP_ROUND_HALF_ODD:
      if (fractional > 0.5) return away;
      if (fractional === 0.5 && integral % 2 === 0) return away;
      return integral;
    default:
      return fractional >= 0.5 ? away : integral;
  }
}

/** _php_math_round: rounds with pre-rounding to the precision a double can hold. */
export function phpRound(value: number, places: number, mode: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  places = places < -2147483647 ? -2147483647 : places;
  const precisionPlaces = 14 - Math.floor(Math.log10(Math.abs(value)));
  const f1 = intPow10(Math.abs(places));
  let tmp: number;
  if (precisionPlaces > places && precisionPlaces - 15 < places) {
    let usePrecision = precisionPlaces < -(4 * 15) ? -(4 * 15) : precisionPlaces;
    const f2 = intPow10(Math.abs(usePrecision));
    tmp = usePrecision >= 0 ? value * f2 : value / f2;
    tmp = roundHelper(tmp, mode);
    usePrecision = places - usePrecision;
    usePrecision = Math.max(-(4 * 15), usePrecision);
    // because places < precision_places
    tmp = tmp / intPow10(Math.abs(usePrecision));
  } else {
    tmp = places >= 0 ? value * f1 : value / f1;
    if (Math.abs(tmp) >= 1e15) return value;
  }
  tmp = roundHelper(tmp, mode);
  if (Math.abs(places) < 23) {
    tmp = places > 0 ? tmp / f1 : tmp * f1;
  } else {
    const s = tmp.toFixed(6) + 'e' + -places;
    const back = parseFloat(s);
    if (!Number.isFinite(back)) return value;
    tmp = back;
  }
  return tmp;
}

function numOf(v: any): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : (v as PhpFloat).v;
}

function isIntVal(v: any): boolean {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

// ───────────── base conversion ─────────────

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** _php_math_basetozval: invalid digits are skipped (with a deprecation); overflow gives a float. */
export function baseToValue(str: string, base: number): number | bigint | PhpFloat {
  let s = 0, e = str.length;
  while (s < e && isCSpace(str.charCodeAt(s))) s++;
  while (s < e && isCSpace(str.charCodeAt(e - 1))) e--;
  if (e - s >= 2 && str[s] === '0') {
    const p = str[s + 1];
    if ((base === 16 && (p === 'x' || p === 'X')) || (base === 8 && (p === 'o' || p === 'O')) || (base === 2 && (p === 'b' || p === 'B'))) s += 2;
  }
  const B = BigInt(base);
  const cutoff = 9223372036854775807n / B;
  const cutlim = 9223372036854775807n % B;
  let num = 0n;
  let fnum = 0;
  let mode = 0;
  let invalid = 0;
  // fast path: small numbers stay JS numbers
  let small = 0;
  let useSmall = true;
  for (let i = s; i < e; i++) {
    let c = str.charCodeAt(i);
    if (c >= 48 && c <= 57) c -= 48;
    else if (c >= 65 && c <= 90) c -= 55;
    else if (c >= 97 && c <= 122) c -= 87;
    else {
      invalid++;
      continue;
    }
    if (c >= base) {
      invalid++;
      continue;
    }
    if (mode === 0) {
      if (useSmall) {
        const n = small * base + c;
        if (n <= Number.MAX_SAFE_INTEGER) {
          small = n;
          continue;
        }
        useSmall = false;
        num = BigInt(small);
      }
      const bc = BigInt(c);
      if (num < cutoff || (num === cutoff && bc <= cutlim)) {
        num = num * B + bc;
        continue;
      }
      fnum = Number(num);
      mode = 1;
    }
    fnum = fnum * base + c;
  }
  if (invalid > 0) rt.deprecated('Invalid characters passed for attempted conversion, these have been ignored');
  if (mode === 1) return mkFloat(fnum);
  return useSmall ? small : intFromBig(num);
}

/** _php_math_longtobase: the int as unsigned 64-bit in base 2..36. */
export function intToBase(v: number | bigint, base: number): string {
  if (typeof v === 'number' && v >= 0) return v.toString(base);
  return BigInt.asUintN(64, BigInt(v)).toString(base);
}

/** _php_math_zvaltobase */
function valueToBase(v: number | bigint | PhpFloat, base: number): string {
  if (v instanceof PhpFloat || (typeof v === 'number' && !Number.isInteger(v))) {
    let f = Math.floor(numOf(v));
    if (f === Infinity || f === -Infinity) rt.throwError('ValueError', `An infinite value cannot be converted to base ${base}`);
    let out = '';
    let guard = 0;
    do {
      const d = Math.trunc(f % base);
      out = DIGITS[d < 0 ? -d : d] + out;
      f /= base;
    } while (++guard < 64 * 8 && Math.abs(f) >= 1);
    return out;
  }
  return intToBase(v as number | bigint, base);
}

// ───────────── min / max ─────────────


export function registerMath(r: Registry): void {
  r.functions({
    'intdiv(int $num1, int $num2): int': (a: number | bigint, b: number | bigint) => {
      if (b === 0 || b === 0n) rt.throwError('DivisionByZeroError', 'Division by zero');
      if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b);
      const ba = BigInt(a), bb = BigInt(b);
      if (ba === -9223372036854775808n && bb === -1n) rt.throwError('ArithmeticError', 'Division of PHP_INT_MIN by -1 is not an integer');
      return intFromBig(ba / bb);
    },
    'abs(int|float $num): int|float': (n: any) => {
      if (typeof n === 'number') {
        if (Number.isInteger(n)) return n < 0 ? -n : n;
        return Math.abs(n);
      }
      if (typeof n === 'bigint') {
        if (n === -9223372036854775808n) return new PhpFloat(9223372036854775808);
        return n < 0n ? -n : n;
      }
      return mkFloat(Math.abs(numOf(n)));
    },
    'ceil(int|float $num): float': (n: any) => Math.ceil(numOf(n)),
    'floor(int|float $num): float': (n: any) => Math.floor(numOf(n)),
    'round(int|float $num, int $precision = 0, int $mode = PHP_ROUND_HALF_UP): float': (n: any, precision: number | bigint, mode: number | bigint) => {
      let places = typeof precision === 'bigint' ? (precision > 0n ? 2147483647 : -2147483648) : precision;
      if (places > 2147483647) places = 2147483647;
      if (places < -2147483648) places = -2147483648;
      const m = typeof mode === 'bigint' ? 0 : mode;
      if (isIntVal(n) && places >= 0) return numOf(n);
      return phpRound(numOf(n), places, m);
    },
    'sin(float $num): float': Math.sin,
    'cos(float $num): float': Math.cos,
    'tan(float $num): float': Math.tan,
    'asin(float $num): float': Math.asin,
    'acos(float $num): float': Math.acos,
    'atan(float $num): float': Math.atan,
    'atanh(float $num): float': Math.atanh,
    'atan2(float $y, float $x): float': Math.atan2,
    'sinh(float $num): float': Math.sinh,
    'cosh(float $num): float': Math.cosh,
    'tanh(float $num): float': Math.tanh,
    'asinh(float $num): float': Math.asinh,
    'acosh(float $num): float': Math.acosh,
    'expm1(float $num): float': Math.expm1,
    'log1p(float $num): float': Math.log1p,
    'pi(): float': () => Math.PI,
    'is_finite(float $num): bool': (x: number) => Number.isFinite(x),
    'is_nan(float $num): bool': (x: number) => x !== x,
    'is_infinite(float $num): bool': (x: number) => x === Infinity || x === -Infinity,
    'pow(mixed $num, mixed $exponent): object|int|float': (a: any, b: any) => powOp(a, b),
    'exp(float $num): float': Math.exp,
    'log(float $num, float $base = M_E): float': (x: number, base: number) => {
      if (base === 2) return Math.log2(x);
      if (base === 10) return Math.log10(x);
      if (base === 1) return NaN;
      if (base <= 0) rt.throwError('ValueError', 'log(): Argument #2 ($base) must be greater than 0');
      if (base === Math.E) return Math.log(x);
      return Math.log(x) / Math.log(base);
    },
    'log10(float $num): float': Math.log10,
    'sqrt(float $num): float': Math.sqrt,
    'hypot(float $x, float $y): float': (x: number, y: number) => Math.hypot(x, y),
    'deg2rad(float $num): float': (x: number) => (x / 180) * Math.PI,
    'rad2deg(float $num): float': (x: number) => (x / Math.PI) * 180,
    'bindec(string $binary_string): int|float': (s: string) => baseToValue(s, 2),
    'hexdec(string $hex_string): int|float': (s: string) => baseToValue(s, 16),
    'octdec(string $octal_string): int|float': (s: string) => baseToValue(s, 8),
    'decbin(int $num): string': (n: number | bigint) => intToBase(n, 2),
    'decoct(int $num): string': (n: number | bigint) => intToBase(n, 8),
    'dechex(int $num): string': (n: number | bigint) => intToBase(n, 16),
    'base_convert(string $num, int $from_base, int $to_base): string': (s: string, from: number | bigint, to: number | bigint) => {
      if (from < 2 || from > 36) rt.throwError('ValueError', 'base_convert(): Argument #2 ($from_base) must be between 2 and 36 (inclusive)');
      if (to < 2 || to > 36) rt.throwError('ValueError', 'base_convert(): Argument #3 ($to_base) must be between 2 and 36 (inclusive)');
      return valueToBase(baseToValue(s, Number(from)), Number(to));
    },
    'fmod(float $num1, float $num2): float': (a: number, b: number) => a % b,
    'fdiv(float $num1, float $num2): float': (a: number, b: number) => a / b,
  });
  r.constants({
    M_PI: Math.PI, M_E: Math.E, M_LOG2E: Math.LOG2E, M_LOG10E: Math.LOG10E, M_LN2: Math.LN2, M_LN10: Math.LN10,
    M_PI_2: Math.PI / 2, M_PI_4: Math.PI / 4, M_1_PI: 1 / Math.PI, M_2_PI: 2 / Math.PI, M_SQRTPI: 1.772453850905516 /* the C literal, one ulp above Math.sqrt */,
    M_2_SQRTPI: 2 / Math.sqrt(Math.PI), M_SQRT2: Math.SQRT2, M_SQRT3: Math.sqrt(3), M_SQRT1_2: Math.SQRT1_2, M_LNPI: Math.log(Math.PI),
    M_EULER: 0.5772156649015329,
    PHP_ROUND_HALF_UP, PHP_ROUND_HALF_DOWN, PHP_ROUND_HALF_EVEN, PHP_ROUND_HALF_ODD,
  });
  registerRand(r);
  registerGeneral(r);
}
