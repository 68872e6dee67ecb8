// PHP's operators (Zend/zend_operators.c). Each has a fast path for plain JS numbers (the common case:
// ints that are safe integers, non-integral floats), and a slow path that follows PHP 8's rules for
// every other combination: numeric strings, overflow to float at ±2^63, TypeErrors for arrays/objects.

import { PhpFloat, PhpResource, intFromBig, mkFloat, boxFloat, Ref } from './values.js';
import { PhpArray, share } from './array.js';
import { PhpObject } from './object.js';
import { hooks } from './hooks.js';
import { readNumeric, toBool, toStr, typeName, floatToInt, toInt } from './convert.js';

const MAX_SAFE = 9007199254740991;
const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;

// ───────────── operands ─────────────

/** A PHP int or float as a number-like: number (int or float), bigint (int) or PhpFloat (float). */
type Num = number | bigint | PhpFloat;

function isIntNum(x: Num): boolean {
  return typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x));
}
function fval(x: Num): number {
  return typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : x.v;
}

/** Converts an operand for arithmetic, or throws "Unsupported operand types". */
function toNumOperand(v: any, op: string, a: any, b: any): Num {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string': {
      const r = readNumeric(v);
      if (r.kind === 1) return r.value;
      if (r.kind === 2) {
        hooks.warn('A non-numeric value encountered');
        return r.value;
      }
      return unsupported(op, a, b);
    }
    case 'object':
      if (v === null) return 0;
      if (v instanceof PhpFloat) return v;
      if (v instanceof PhpObject && v.cls.handlers?.cast) {
        const r = v.cls.handlers.cast(v, 'float');
        if (r !== undefined) return r;
      }
  }
  return unsupported(op, a, b);
}

function unsupported(op: string, a: any, b: any): never {
  return hooks.throwError('TypeError', `Unsupported operand types: ${typeName(a)} ${op} ${typeName(b)}`);
}

/** Result of an int operation computed exactly in BigInt: back to the canonical int, or `asFloat` on overflow. */
function bigResult(r: bigint, asFloat: number): number | bigint | PhpFloat {
  if (r > I64_MAX || r < I64_MIN) return mkFloat(asFloat);
  return intFromBig(r);
}

// ───────────── arithmetic ─────────────
// The fast paths are small so V8 inlines them into compiled PHP code: two JS numbers whose result is
// a non-integral float, or a safe int from two ints. Everything else (integral floats, PhpFloat boxes,
// ints past 2^53, strings, arrays) goes to a slow path that is never inlined. No closures here: a
// closure capturing the operands would make every call allocate a context.

// The hot operators keep their fast path (ints) tiny and leave the rest to a function of its own: V8
// inlines a call only while the caller's inlined bytecode stays within a budget, so big bodies made
// whether a loop's arithmetic got inlined depend on the order of compilation (a 5x difference).
export function add(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (!Number.isInteger(r)) return r;
    if (Number.isInteger(a) && Number.isInteger(b) && r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return addSlow(a, b);
}

function addSlow(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b)) return bigResult(BigInt(a) + BigInt(b), a + b);
    return boxFloat(a + b);
  }
  if (a instanceof PhpFloat) {
    if (typeof b === 'number') return mkFloat(a.v + b);
    if (b instanceof PhpFloat) return mkFloat(a.v + b.v);
  } else if (b instanceof PhpFloat && typeof a === 'number') return mkFloat(a + b.v);
  if (a instanceof PhpArray && b instanceof PhpArray) return arrayUnion(a, b);
  return arith('+', a, b);
}

export function sub(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (!Number.isInteger(r)) return r;
    if (Number.isInteger(a) && Number.isInteger(b) && r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return subSlow(a, b);
}

function subSlow(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b)) return bigResult(BigInt(a) - BigInt(b), a - b);
    return boxFloat(a - b);
  }
  if (a instanceof PhpFloat) {
    if (typeof b === 'number') return mkFloat(a.v - b);
    if (b instanceof PhpFloat) return mkFloat(a.v - b.v);
  } else if (b instanceof PhpFloat && typeof a === 'number') return mkFloat(a - b.v);
  return arith('-', a, b);
}

export function mul(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (!Number.isInteger(r)) return r;
    // -0 from ints (0 * -5) is int 0
    if (Number.isInteger(a) && Number.isInteger(b) && r <= MAX_SAFE && r >= -MAX_SAFE) return r + 0;
  }
  return mulSlow(a, b);
}

function mulSlow(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b)) return bigResult(BigInt(a) * BigInt(b), a * b);
    return boxFloat(a * b);
  }
  if (a instanceof PhpFloat) {
    if (typeof b === 'number') return mkFloat(a.v * b);
    if (b instanceof PhpFloat) return mkFloat(a.v * b.v);
  } else if (b instanceof PhpFloat && typeof a === 'number') return mkFloat(a * b.v);
  return arith('*', a, b);
}

export function div(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    const r = a / b;
    if (Number.isInteger(r)) {
      if (Number.isInteger(a) && Number.isInteger(b) && r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r;
      return boxFloat(r);
    }
    return r;
  }
  return arith('/', a, b);
}

export function mod(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
    const r = a % b;
    return r === 0 ? 0 : r;
  }
  const x = modOperand(a, a, b);
  const y = modOperand(b, a, b);
  if (y === 0 || y === 0n) hooks.throwError('DivisionByZeroError', 'Modulo by zero');
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x % y;
    return r === 0 ? 0 : r;
  }
  const bx = BigInt(x), by = BigInt(y);
  if (by === -1n) return 0;
  return intFromBig(bx % by);
}

function modOperand(v: any, a: any, b: any): number | bigint {
  const n = toNumOperand(v, '%', a, b);
  return toIntOperand(n, v);
}

/** An int from an arithmetic operand for %, <<, >>, |, &, ^ (floats truncated, with the 8.1 deprecation when lossy). */
function toIntOperand(n: Num, orig?: any): number | bigint {
  if (typeof n === 'bigint') return n;
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  const d = fval(n);
  if (!Number.isFinite(d) || d !== Math.trunc(d) || d > 9.2233720368547758e18 || d < -9.2233720368547758e18) {
    // zend_incompatible_string_to_long_error names a numeric string as written
    if (typeof orig === 'string') hooks.deprecated(`Implicit conversion from float-string "${orig}" to int loses precision`);
    else hooks.deprecated(`Implicit conversion from float ${floatRepr(d)} to int loses precision`);
  }
  return floatToInt(d);
}

function floatRepr(d: number): string {
  // the deprecation prints the float with precision -1 (zend_print_double / %.*H with -1)
  return toStrPrecise(d);
}

import { formatFloat } from './convert.js';
function toStrPrecise(d: number): string {
  return formatFloat(d, -1);
}

export function pow(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b) && b >= 0) {
    const r = Math.pow(a, b);
    if (Number.isSafeInteger(r)) return r;
    return powBig(a, b);
  }
  return arith('**', a, b);
}

function powBig(a: number | bigint, b: number | bigint): any {
  // exact integer power while it fits 64 bits, else a float like PHP
  const ba = BigInt(a);
  let nb = BigInt(b);
  let result = 1n;
  let base = ba;
  while (nb > 0n) {
    if (nb & 1n) {
      result *= base;
      if (result > I64_MAX || result < I64_MIN) return mkFloat(Math.pow(Number(a), Number(b)));
    }
    nb >>= 1n;
    if (nb > 0n) {
      base *= base;
      if (base > I64_MAX * 2n || base < I64_MIN * 2n) {
        // overflow certain once a further multiplication happens
        return mkFloat(Math.pow(Number(a), Number(b)));
      }
    }
  }
  return intFromBig(result);
}

function arith(op: string, a: any, b: any): any {
  if (a instanceof PhpArray || b instanceof PhpArray) {
    if (op === '+' && a instanceof PhpArray && b instanceof PhpArray) return arrayUnion(a, b);
    unsupported(op, a, b);
  }
  if (a instanceof PhpObject || b instanceof PhpObject || a instanceof PhpResource || b instanceof PhpResource) {
    if (!(a instanceof PhpObject && a.cls.handlers?.cast) && !(b instanceof PhpObject && b.cls.handlers?.cast)) unsupported(op, a, b);
  }
  const x = toNumOperand(a, op, a, b);
  const y = toNumOperand(b, op, a, b);
  if (isIntNum(x) && isIntNum(y)) return intArith(op, x as number | bigint, y as number | bigint);
  return floatArith(op, fval(x), fval(y));
}

function intArith(op: string, x: number | bigint, y: number | bigint): any {
  switch (op) {
    case '+':
      return typeof x === 'number' && typeof y === 'number' ? add(x, y) : bigResult(BigInt(x) + BigInt(y), Number(x) + Number(y));
    case '-':
      return typeof x === 'number' && typeof y === 'number' ? sub(x, y) : bigResult(BigInt(x) - BigInt(y), Number(x) - Number(y));
    case '*':
      return typeof x === 'number' && typeof y === 'number' ? mul(x, y) : bigResult(BigInt(x) * BigInt(y), Number(x) * Number(y));
    case '/': {
      if (y === 0 || y === 0n) hooks.throwError('DivisionByZeroError', 'Division by zero');
      if (typeof x === 'number' && typeof y === 'number') return div(x, y);
      const bx = BigInt(x), by = BigInt(y);
      if (bx % by === 0n && !(bx === I64_MIN && by === -1n)) return intFromBig(bx / by);
      return mkFloat(Number(x) / Number(y));
    }
    case '**':
      if (y < 0) return mkFloat(Math.pow(Number(x), Number(y)));
      return powBig(x, y);
  }
  throw new Error('bad op ' + op);
}

function floatArith(op: string, x: number, y: number): any {
  switch (op) {
    case '+':
      return mkFloat(x + y);
    case '-':
      return mkFloat(x - y);
    case '*':
      return mkFloat(x * y);
    case '/':
      if (y === 0) hooks.throwError('DivisionByZeroError', 'Division by zero');
      return mkFloat(x / y);
    case '**':
      return mkFloat(Math.pow(x, y));
  }
  throw new Error('bad op ' + op);
}

export function arrayUnion(a: PhpArray, b: PhpArray): PhpArray {
  if (b.size === 0) return share(a);
  const r = a.clone();
  for (let i = 0; i < b.slotCount; i++) {
    if (b.isHole(i)) continue;
    const k = b.keyAt(i);
    if (!r.has(k)) r.set(k, share(b.valAt(i)));
  }
  return r;
}

export function neg(a: any): any {
  if (typeof a === 'number') {
    if (a === 0) return Number.isInteger(a) && !Object.is(a, -0) ? 0 : new PhpFloat(-a);
    return Number.isInteger(a) ? a === -MAX_SAFE - 1 ? 9007199254740992n : -a : -a;
  }
  if (typeof a === 'bigint') return a === I64_MIN ? mkFloat(-Number(a)) : intFromBig(-a);
  if (a instanceof PhpFloat) return new PhpFloat(-a.v);
  return mul(a, -1);
}

export function plus(a: any): any {
  if (typeof a === 'number' || typeof a === 'bigint' || a instanceof PhpFloat) return a;
  return mul(a, 1);
}

// ───────────── bitwise ─────────────

function bitOperand(v: any, op: string, a: any, b: any): number | bigint {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return toIntOperand(toNumOperand(v, op, a, b), v);
}

function isInt32(x: number | bigint): x is number {
  return typeof x === 'number' && (x | 0) === x;
}

function bitwise(op: string, a: any, b: any): any {
  if (typeof a === 'string' && typeof b === 'string') return stringBitwise(op, a, b);
  if (a instanceof PhpArray || b instanceof PhpArray || (a instanceof PhpObject) || (b instanceof PhpObject)) unsupported(op, a, b);
  const x = bitOperand(a, op, a, b);
  const y = bitOperand(b, op, a, b);
  if (isInt32(x) && isInt32(y)) return op === '&' ? x & y : op === '|' ? x | y : x ^ y;
  const bx = BigInt(x), by = BigInt(y);
  return intFromBig(op === '&' ? bx & by : op === '|' ? bx | by : bx ^ by);
}

function stringBitwise(op: string, a: string, b: string): string {
  const n = op === '|' ? Math.max(a.length, b.length) : Math.min(a.length, b.length);
  let out = '';
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (op === '|') out += String.fromCharCode(i >= a.length ? y : i >= b.length ? x : x | y);
    else out += String.fromCharCode(op === '&' ? x & y : x ^ y);
  }
  return out;
}

export function bitAnd(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) {
    // JS's & works on the low 32 bits: exact for two int32s, or when one side is a mask of 31 bits
    if (((a | 0) === a && (b | 0) === b) || (b & 0x7fffffff) === b || (a & 0x7fffffff) === a) return a & b;
  }
  return bitwise('&', a, b);
}
export function bitOr(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
  return bitwise('|', a, b);
}
export function bitXor(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
  return bitwise('^', a, b);
}

export function bitNot(a: any): any {
  if (typeof a === 'number' && Number.isInteger(a)) return -a - 1;
  if (typeof a === 'bigint') return intFromBig(-a - 1n);
  if (typeof a === 'number' || a instanceof PhpFloat) {
    const d = typeof a === 'number' ? a : a.v;
    const l = floatToInt(d);
    // zend_is_long_compatible: a fraction or an out-of-range value is lost
    if (!Number.isFinite(d) || Number(l) !== d) hooks.deprecated(`Implicit conversion from float ${floatRepr(d)} to int loses precision`);
    return bitNot(l);
  }
  if (typeof a === 'string') {
    let out = '';
    for (let i = 0; i < a.length; i++) out += String.fromCharCode(~a.charCodeAt(i) & 255);
    return out;
  }
  return hooks.throwError('TypeError', `Cannot perform bitwise not on ${typeName(a)}`);
}

export function shl(a: any, b: any): any {
  const x = bitOperand(a, '<<', a, b);
  const y = bitOperand(b, '<<', a, b);
  if (y < 0) hooks.throwError('ArithmeticError', 'Bit shift by negative number');
  if (y >= 64) return 0;
  if (typeof x === 'number' && y < 32) {
    const r = x * 2 ** Number(y);
    if (Number.isSafeInteger(r)) return r;
  }
  return intFromBig(BigInt.asIntN(64, BigInt(x) << BigInt(y)));
}

export function shr(a: any, b: any): any {
  // an int32 shifted by less than 32: JS's >> is PHP's on the sign-extended 64-bit value
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b & 31) === b) return a >> b;
  return shrSlow(a, b);
}

function shrSlow(a: any, b: any): any {
  const x = bitOperand(a, '>>', a, b);
  const y = bitOperand(b, '>>', a, b);
  if (y < 0) hooks.throwError('ArithmeticError', 'Bit shift by negative number');
  if (y >= 64) return x < 0 ? -1 : 0;
  if (typeof x === 'number') return Math.floor(x / 2 ** Number(y));
  return intFromBig(BigInt(x) >> BigInt(y));
}

// ───────────── strings ─────────────

export function concat(a: any, b: any): string {
  return (typeof a === 'string' ? a : toStr(a)) + (typeof b === 'string' ? b : toStr(b));
}

// ───────────── comparison ─────────────

export function strictEq(a: any, b: any): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta !== 'object' || a === null || b === null || typeof b !== 'object') return false;
  if (a instanceof PhpFloat) return b instanceof PhpFloat && a.v === b.v;
  if (a instanceof PhpArray) return b instanceof PhpArray && arrayStrictEq(a, b);
  return false;
}

function arrayStrictEq(a: PhpArray, b: PhpArray): boolean {
  if (a.size !== b.size) return false;
  let j = b.nextSlot(0);
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
    if (j >= b.slotCount) return false;
    if (a.keyAt(i) !== b.keyAt(j)) return false;
    if (!strictEq(a.valAt(i), b.valAt(j))) return false;
    j = b.nextSlot(j + 1);
  }
  return true;
}

/** == */
export function looseEq(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return true;
    return compareStrings(a, b, true) === 0;
  }
  if (a instanceof PhpObject && b instanceof PhpObject) {
    if (a === b) return true;
    if (a.cls !== b.cls) return false;
    if (a.cls.handlers?.compare) return a.cls.handlers.compare(a, b) === 0;
    return compareObjects(a, b) === 0;
  }
  return compare(a, b) === 0;
}

/** Comparisons that are "uncomparable" report this; every relational operator then answers false except != */
const UNCOMPARABLE = 2;

/** zend_compare: -1, 0, 1 (or 1 for uncomparable, as PHP). */
export function compare(a: any, b: any): number {
  const r = cmp(a, b);
  return r === UNCOMPARABLE ? 1 : r;
}

function cmpNum(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : 1;
}

function cmpNumbers(x: Num, y: Num): number {
  if (typeof x === 'number' && typeof y === 'number') return cmpNum(x, y);
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  if (isIntNum(x) && isIntNum(y)) {
    const bx = BigInt(x as any), by = BigInt(y as any);
    return bx < by ? -1 : bx > by ? 1 : 0;
  }
  return cmpNum(fval(x), fval(y));
}

function isEnumCase(v: any): boolean {
  return v instanceof PhpObject && v.cls.isEnum;
}

function cmp(a: any, b: any): number {
  const ta = typeof a, tb = typeof b;
  if (ta === 'number' && tb === 'number') return cmpNum(a, b);
  if (a instanceof Ref) return cmp(a.v, b);
  if (b instanceof Ref) return cmp(a, b.v);
  // enum cases compare only by identity (zend_objects_not_comparable), even with bools and null
  if ((ta === 'object' || tb === 'object') && (isEnumCase(a) || isEnumCase(b))) return a === b ? 0 : UNCOMPARABLE;
  // bool and null
  if (ta === 'boolean' || tb === 'boolean') {
    const x = toBool(a), y = toBool(b);
    return x === y ? 0 : x ? 1 : -1;
  }
  if (a === null || a === undefined) {
    if (b === null || b === undefined) return 0;
    if (tb === 'string') return b === '' ? 0 : -1;
    if (b instanceof PhpObject) return -1;
    return toBool(b) ? -1 : 0;
  }
  if (b === null || b === undefined) {
    if (ta === 'string') return a === '' ? 0 : 1;
    if (a instanceof PhpObject) return 1;
    return toBool(a) ? 1 : 0;
  }
  const an = ta === 'number' || ta === 'bigint' || a instanceof PhpFloat;
  const bn = tb === 'number' || tb === 'bigint' || b instanceof PhpFloat;
  if (an && bn) return cmpNumbers(a, b);
  if (ta === 'string' && tb === 'string') return compareStrings(a, b, false);
  if (an && tb === 'string') return compareNumberString(a, b);
  if (bn && ta === 'string') return isNaNNum(b) ? 1 : -compareNumberString(b, a);
  if (a instanceof PhpArray) {
    if (b instanceof PhpArray) return compareArrays(a, b);
    // zend_std_compare_objects: an object can't become an array, it is the greater
    if (b instanceof PhpObject && !b.cls.handlers?.compare) return -1;
    if (!(b instanceof PhpObject)) return 1;
  }
  if (b instanceof PhpArray && !(a instanceof PhpObject && a.cls.handlers?.compare)) return a instanceof PhpObject ? 1 : -1;
  if (a instanceof PhpObject) {
    if (b instanceof PhpObject) {
      if (a === b) return 0;
      if (a.cls.handlers?.compare) return a.cls.handlers.compare(a, b);
      if (a.cls !== b.cls) return UNCOMPARABLE;
      return compareObjects(a, b);
    }
    if (a.cls.handlers?.compare) return a.cls.handlers.compare(a, b);
    if (tb === 'string') {
      if (a.cls.toStringMethod) return compareStrings(a.toPhpString(), b, false);
      return 1;
    }
    if (bn) {
      const n = a.toNumberCast(typeof b === 'number' && !Number.isInteger(b) ? 'float' : 'int', true);
      return cmpNumbers(n, b);
    }
    return 1;
  }
  if (b instanceof PhpObject) {
    const r = cmp(b, a);
    return r === UNCOMPARABLE ? r : -r;
  }
  if (a instanceof PhpResource || b instanceof PhpResource) {
    const x = a instanceof PhpResource ? a.id : toInt(a);
    const y = b instanceof PhpResource ? b.id : toInt(b);
    return cmpNumbers(x, y);
  }
  return 0;
}

/** number <=> string: numeric strings compare as numbers, others as strings (PHP 8). */
function compareNumberString(n: Num, s: string): number {
  // zend_compare: NAN against a string is never equal (and compares as greater)
  if (isNaNNum(n)) return 1;
  const r = readNumeric(s);
  if (r.kind === 1) return cmpNumbers(n, r.value);
  const ns = typeof n === 'number' && Number.isInteger(n) ? String(n) : toStr(n);
  return compareStrings(ns, s, false);
}

/** string <=> string: both numeric → numeric comparison; else byte comparison. */
export function compareStrings(a: string, b: string, equalityOnly: boolean): number {
  const c0 = a.charCodeAt(0), c1 = b.charCodeAt(0);
  // cheap filter: numeric strings start with a digit, sign, dot or whitespace
  if (maybeNumeric(c0) && maybeNumeric(c1)) {
    const x = readNumeric(a);
    if (x.kind === 1) {
      const y = readNumeric(b);
      if (y.kind === 1) {
        // two integers that overflowed to floats compare as strings when equal as floats (zendi_smart_str*)
        const xi = isIntNum(x.value), yi = isIntNum(y.value);
        if (!xi || !yi) {
          // an integer string beyond the int range (oflow) is greater/less than any int (zendi_smart_str*)
          const ox = !xi && isIntLike(a) ? Math.sign(fval(x.value)) : 0;
          const oy = !yi && isIntLike(b) ? Math.sign(fval(y.value)) : 0;
          if ((ox !== 0 && ox === oy && fval(x.value) === fval(y.value)) || (!xi && !yi && fval(x.value) === fval(y.value) && !Number.isFinite(fval(x.value)))) {
            return equalityOnly ? (a === b ? 0 : 1) : byteCompare(a, b);
          }
          if (xi && oy !== 0) return -oy;
          if (yi && ox !== 0) return ox;
        }
        return cmpNumbers(x.value, y.value);
      }
    }
  }
  return byteCompare(a, b);
}

function isIntLike(s: string): boolean {
  return /^\s*[+-]?\d+\s*$/.test(s);
}

function maybeNumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 32 || (c >= 9 && c <= 13);
}

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareArrays(a: PhpArray, b: PhpArray): number {
  if (a.size !== b.size) return a.size < b.size ? -1 : 1;
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
    const k = a.keyAt(i);
    if (!b.has(k)) return UNCOMPARABLE;
    const r = cmp(a.valAt(i), b.get(k));
    if (r !== 0) return r;
  }
  return 0;
}

function compareObjects(a: PhpObject, b: PhpObject): number {
  // same class: compare properties in order (zend_std_compare_objects)
  for (const k in a.p) {
    if (!(k in b.p)) return UNCOMPARABLE;
    const r = cmp(a.p[k] instanceof Ref ? a.p[k].v : a.p[k], b.p[k] instanceof Ref ? b.p[k].v : b.p[k]);
    if (r !== 0) return r;
  }
  return 0;
}

export function lt(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return cmp(a, b) === -1;
}
export function le(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  const r = cmp(a, b);
  return r === -1 || r === 0;
}
export function gt(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  // PHP evaluates a > b as b < a
  return cmp(b, a) === -1;
}
export function ge(a: any, b: any): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  const r = cmp(b, a);
  return r === -1 || r === 0;
}
export function spaceship(a: any, b: any): number {
  return compare(a, b);
}

// ───────────── increment / decrement ─────────────

/**
 * The float the last ++/-- past the int range produced: a typed reference told this value reports that
 * overflow rather than a plain float assignment (zend_incdec_typed_ref).
 */
export const incdecOverflow: { last: PhpFloat | null } = { last: null };

export function inc(v: any): any {
  if (typeof v === 'number' && Number.isInteger(v) && v < MAX_SAFE) return v + 1;
  return incSlow(v);
}

function incSlow(v: any): any {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v < MAX_SAFE ? v + 1 : intFromBig(BigInt(v) + 1n);
    return mkFloat(v + 1);
  }
  if (typeof v === 'bigint') return v === I64_MAX ? (incdecOverflow.last = new PhpFloat(Number(v) + 1)) : intFromBig(v + 1n);
  if (v === null || v === undefined) return 1;
  if (v instanceof PhpFloat) return mkFloat(v.v + 1);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v === '') return '1';
    const r = readNumeric(v);
    if (r.kind === 1) return add(r.value, 1);
    return strInc(v);
  }
  if (v instanceof PhpArray) hooks.throwError('TypeError', 'Cannot increment array');
  if (v instanceof PhpObject) hooks.throwError('TypeError', `Cannot increment ${v.cls.name}`);
  return v;
}

export function dec(v: any): any {
  if (typeof v === 'number' && Number.isInteger(v) && v > -MAX_SAFE) return v - 1;
  return decSlow(v);
}

function decSlow(v: any): any {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v > -MAX_SAFE ? v - 1 : intFromBig(BigInt(v) - 1n);
    return mkFloat(v - 1);
  }
  if (typeof v === 'bigint') return v === I64_MIN ? (incdecOverflow.last = new PhpFloat(Number(v) - 1)) : intFromBig(v - 1n);
  if (v === null || v === undefined) return null;
  if (v instanceof PhpFloat) return mkFloat(v.v - 1);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v === '') return -1;
    const r = readNumeric(v);
    if (r.kind === 1) return sub(r.value, 1);
    return v;
  }
  if (v instanceof PhpArray) hooks.throwError('TypeError', 'Cannot decrement array');
  if (v instanceof PhpObject) hooks.throwError('TypeError', `Cannot decrement ${v.cls.name}`);
  return v;
}

/** Perl-style string increment: "a" → "b", "Az" → "Ba", "zz" → "aaa", "a9" → "b0". */
function strInc(s: string): string {
  const chars = s.split('');
  let i = chars.length - 1;
  while (i >= 0) {
    const c = chars[i].charCodeAt(0);
    if (c >= 97 && c <= 122) {
      if (c < 122) { chars[i] = String.fromCharCode(c + 1); return chars.join(''); }
      chars[i] = 'a';
    } else if (c >= 65 && c <= 90) {
      if (c < 90) { chars[i] = String.fromCharCode(c + 1); return chars.join(''); }
      chars[i] = 'A';
    } else if (c >= 48 && c <= 57) {
      if (c < 57) { chars[i] = String.fromCharCode(c + 1); return chars.join(''); }
      chars[i] = '0';
    } else {
      return chars.join('');
    }
    i--;
  }
  const first = s.charCodeAt(0);
  const prefix = first >= 97 && first <= 122 ? 'a' : first >= 65 && first <= 90 ? 'A' : '1';
  return prefix + chars.join('');
}

// ───────────── misc ─────────────

export function not(a: any): boolean {
  return !toBool(a);
}

/** The int value of a PHP int (for intdiv and friends): number or bigint */
export { toIntOperand };

function isNaNNum(n: any): boolean {
  return typeof n === 'number' ? n !== n : n instanceof PhpFloat && n.v !== n.v;
}
