// Type juggling: PHP 8's conversions between scalars (Zend/zend_operators.c), numeric strings
// (is_numeric_string_ex) and float formatting (zend_gcvt with `precision` / `serialize_precision`).

import { PhpFloat, PhpResource, Ref, intFromBig, mkFloat } from './values.js';
import { PhpArray } from './array.js';
import { PhpObject } from './object.js';
import { hooks } from './hooks.js';

/** The ini settings the conversions read; the engine sets them for each request. */
export const settings = {
  precision: 14,
  serializePrecision: -1,
};

// ───────────── float → string ─────────────

/** Digits and decimal exponent of x (x finite, > 0), rounded to `precision` significant digits, or shortest when -1. */
function decimalDigits(x: number, precision: number): { digits: string; decpt: number } {
  const s = precision < 0 ? x.toExponential() : x.toExponential(Math.min(Math.max(precision, 1), 100) - 1);
  const e = s.indexOf('e');
  let digits = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, e) : s.slice(0, e);
  const exp = parseInt(s.slice(e + 1), 10);
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  return { digits, decpt: exp + 1 };
}

/**
 * A float as PHP prints it: `precision` significant digits (-1: the shortest that round-trips), in
 * fixed notation unless the exponent is < -4 or ≥ the digit count, like zend_gcvt ("1.0E+25").
 */
export function formatFloat(x: number, precision: number, gcvtZero = false): string {
  if (x !== x) return 'NAN';
  if (x === Infinity) return 'INF';
  if (x === -Infinity) return '-INF';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const neg = x < 0;
  const { digits, decpt } = decimalDigits(neg ? -x : x, precision === 0 ? 1 : precision);
  // php_gcvt given precision 0 (serialize) computes one digit but switches to E notation from 1 up
  const ndigit = precision < 0 ? 17 : precision === 0 ? (gcvtZero ? 0 : 1) : precision;
  let out: string;
  if (decpt < -3 || decpt > ndigit) {
    const exp = decpt - 1;
    const mant = digits.length === 1 ? digits + '.0' : digits[0] + '.' + digits.slice(1);
    out = mant + (exp < 0 ? 'E-' + -exp : 'E+' + exp);
  } else if (decpt <= 0) {
    out = '0.' + '0'.repeat(-decpt) + digits;
  } else if (digits.length <= decpt) {
    out = digits + '0'.repeat(decpt - digits.length);
  } else {
    out = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  }
  return neg ? '-' + out : out;
}

/** var_export/json style: serialize_precision, and a ".0" on integral values where PHP adds it. */
export function floatToReprString(x: number): string {
  return formatFloat(x, settings.serializePrecision);
}

// ───────────── numeric strings ─────────────

const enum Ws {}
function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}
void (0 as unknown as Ws);

/**
 * The result of reading a string as a number (is_numeric_string_ex):
 * kind 0 = not numeric at all, 1 = numeric (whitespace allowed around), 2 = leading-numeric ("12abc").
 */
export interface NumericRead {
  kind: 0 | 1 | 2;
  value: number | bigint | PhpFloat; // canonical PHP int or float
}

const NOT_NUMERIC: NumericRead = { kind: 0, value: 0 };

/** Reads a PHP numeric string prefix. */
export function readNumeric(s: string): NumericRead {
  const n = s.length;
  let i = 0;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  const start = i;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) i++;
  const intStart = i;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
  let intDigits = i - intStart;
  let isFloat = false;
  if (i < n && s.charCodeAt(i) === 46) {
    let j = i + 1;
    while (j < n && (c = s.charCodeAt(j)) >= 48 && c <= 57) j++;
    const frac = j - i - 1;
    if (intDigits === 0 && frac === 0) return NOT_NUMERIC;
    isFloat = true;
    i = j;
    intDigits += frac;
  } else if (intDigits === 0) {
    return NOT_NUMERIC;
  }
  if (i < n && (s.charCodeAt(i) | 32) === 101) {
    let j = i + 1;
    c = s.charCodeAt(j);
    if (c === 43 || c === 45) j++;
    const es = j;
    while (j < n && (c = s.charCodeAt(j)) >= 48 && c <= 57) j++;
    if (j > es) {
      isFloat = true;
      i = j;
    }
  }
  const numEnd = i;
  while (i < n && isWs(s.charCodeAt(i))) i++;
  const kind: 1 | 2 = i === n ? 1 : 2;
  const text = s.slice(start, numEnd);
  if (!isFloat) {
    if (intDigits < 16) return { kind, value: parseInt(text, 10) };
    const b = BigInt(text);
    if (b <= 9223372036854775807n && b >= -9223372036854775808n) return { kind, value: intFromBig(b) };
    return { kind, value: mkFloat(parseFloat(text)) };
  }
  return { kind, value: mkFloat(parseFloat(text)) };
}

/** is_numeric() for strings: whitespace allowed before and after. */
export function isNumericStr(s: string): boolean {
  return readNumeric(s).kind === 1;
}

// ───────────── conversions ─────────────

export function toBool(v: any): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0 && v === v ? true : false;
    case 'string':
      return v !== '' && v !== '0';
    case 'bigint':
      return v !== 0n;
    case 'object':
      if (v === null) return false;
      if (v instanceof PhpArray) return v.size !== 0;
      if (v instanceof PhpFloat) return v.v !== 0;
      if (v instanceof PhpObject) return v.toBool();
      return true;
  }
  return false;
}

/** (string)$v / echo: may warn (arrays) or throw (objects without __toString). */
export function toStr(v: any): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return Number.isInteger(v) ? String(v) : formatFloat(v, settings.precision);
    case 'boolean':
      return v ? '1' : '';
    case 'bigint':
      return v.toString();
    case 'object':
      if (v === null) return '';
      if (v instanceof PhpFloat) return formatFloat(v.v, settings.precision);
      if (v instanceof PhpArray) {
        hooks.warn('Array to string conversion');
        return 'Array';
      }
      if (v instanceof PhpObject) return v.toPhpString();
      if (v instanceof PhpResource) return 'Resource id #' + v.id;
      if (v instanceof Ref) return toStr(v.v);
  }
  if (v === undefined) return '';
  throw new Error('toStr: not a PHP value: ' + String(v));
}

/** Float → int the way zend_dval_to_lval does it: truncation, modular beyond 64 bits, 0 for NaN/INF. */
export function floatToInt(d: number): number | bigint {
  if (!Number.isFinite(d)) return 0;
  const t = Math.trunc(d);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  let b = BigInt(t);
  if (b > 9223372036854775807n || b < -9223372036854775808n) b = BigInt.asIntN(64, b);
  return intFromBig(b);
}

/** Float → int saturating at the ends (string conversions, zend_dval_to_lval_cap). */
export function floatToIntCap(d: number): number | bigint {
  if (d !== d) return 0;
  if (d >= 9223372036854775807) return 9223372036854775807n;
  if (d <= -9223372036854775808) return -9223372036854775808n;
  return floatToInt(d);
}

/** (int)$v: no warnings for strings (casts are silent). */
export function toInt(v: any): number | bigint {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? v : floatToInt(v);
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return strToInt(v);
    case 'object':
      if (v === null) return 0;
      if (v instanceof PhpFloat) return floatToInt(v.v);
      if (v instanceof PhpArray) return v.size === 0 ? 0 : 1;
      if (v instanceof PhpObject) return v.toNumberCast('int');
      if (v instanceof PhpResource) return v.id;
  }
  return 0;
}

export function strToInt(s: string): number | bigint {
  const r = readNumeric(s);
  if (r.kind === 0) return 0;
  const x = r.value;
  if (x instanceof PhpFloat) return floatToIntCap(x.v);
  if (typeof x === 'number' && !Number.isInteger(x)) return floatToIntCap(x);
  return x as number | bigint;
}

/** (float)$v */
export function toFloat(v: any): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'string': {
      const r = readNumeric(v);
      if (r.kind === 0) return 0;
      const x = r.value;
      return typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : x.v;
    }
    case 'object':
      if (v === null) return 0;
      if (v instanceof PhpFloat) return v.v;
      if (v instanceof PhpArray) return v.size === 0 ? 0 : 1;
      if (v instanceof PhpObject) {
        const n = v.toNumberCast('float');
        return typeof n === 'number' ? n : Number(n);
      }
      if (v instanceof PhpResource) return v.id;
  }
  return 0;
}

/** A float as a PHP value: boxed when integral. */
export function floatValue(x: number): number | PhpFloat {
  return mkFloat(x);
}

/** PHP's type names as used in error messages (zend_zval_type_name): "int", "float", "string", "array", "null", "bool", class names for objects. */
export function typeName(v: any): string {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'object':
      if (v === null) return 'null';
      if (v instanceof PhpFloat) return 'float';
      if (v instanceof PhpArray) return 'array';
      if (v instanceof PhpObject) return v.cls.name;
      if (v instanceof PhpResource) return 'resource';
  }
  return 'null';
}

/** get_debug_type() */
export function debugType(v: any): string {
  if (v === true || v === false) return 'bool';
  if (v instanceof PhpObject) return v.cls.isAnonymous ? v.cls.anonymousDebugName() : v.cls.name;
  if (v instanceof PhpResource) return v.closed ? 'resource (closed)' : 'resource (' + v.type + ')';
  return typeName(v);
}

/** gettype() */
export function getType(v: any): string {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'double';
    case 'bigint':
      return 'integer';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'object':
      if (v === null) return 'NULL';
      if (v instanceof PhpFloat) return 'double';
      if (v instanceof PhpArray) return 'array';
      if (v instanceof PhpObject) return 'object';
      if (v instanceof PhpResource) return v.closed ? 'resource (closed)' : 'resource';
  }
  return 'NULL';
}

/** smart_str_append_escaped: control bytes, backslashes and bytes above 126 as escapes. */
function escapeForDisplay(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c <= 126 && c !== 92) {
      out += s[i];
      continue;
    }
    const named = ESCAPE_NAMES[c];
    out += '\\' + (named ?? 'x' + c.toString(16).toUpperCase().padStart(2, '0'));
  }
  return out;
}
const ESCAPE_NAMES: Record<number, string> = { 10: 'n', 13: 'r', 9: 't', 12: 'f', 11: 'v', 92: '\\', 27: 'e' };

/** smart_str_append_scalar: NULL, true, 1, 1.0, 'str' (escaped, cut after `truncate` bytes with ...). */
export function scalarRepr(v: any, truncate: number): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return `'${escapeForDisplay(v.length > truncate ? v.slice(0, truncate) : v)}${v.length > truncate ? '...' : ''}'`;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  // smart_str_append_double with zero_frac: a float always shows as one (1.0)
  const s = formatFloat(typeof v === 'number' ? v : v.v, settings.precision);
  return /^-?\d+$/.test(s) ? s + '.0' : s;
}
