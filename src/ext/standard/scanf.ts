// ext/standard/scanf.c: sscanf() (and the scanner fscanf() can share): Tcl-style format scanning.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { Ref, mkFloat, intFromBig } from '../../runtime/values.js';
import { isCSpace } from './string.js';

const isDigit = (c: number) => c >= 48 && c <= 57;

/** ValidateFormat: the number of values the format assigns; throws PHP's ValueErrors. */
function validateFormat(format: string, numVars: number): number {
  let gotXpg = false, gotSequential = false;
  const assigned: number[] = [];
  let objIndex = 0;
  let maxIndex = 0;
  const n = format.length;
  for (let i = 0; i < n; ) {
    let ch = format[i++];
    if (ch !== '%') continue;
    ch = format[i++];
    if (ch === '%') continue;
    let suppress = false;
    if (ch === '*') {
      suppress = true;
      ch = format[i++];
    } else if (ch !== undefined && isDigit(ch.charCodeAt(0))) {
      let k = i - 1;
      while (k < n && isDigit(format.charCodeAt(k))) k++;
      if (format[k] === '$') {
        const value = parseInt(format.slice(i - 1, k), 10);
        i = k + 1;
        ch = format[i++];
        gotXpg = true;
        if (gotSequential) rt.throwError('ValueError', 'cannot mix "%" and "%n$" conversion specifiers');
        objIndex = value - 1;
        if (objIndex < 0 || (numVars && objIndex >= numVars)) rt.throwError('ValueError', 'Variable is not assigned by any conversion specifiers');
      } else {
        gotSequential = true;
        if (gotXpg) rt.throwError('ValueError', 'cannot mix "%" and "%n$" conversion specifiers');
      }
    } else if (!suppress) {
      gotSequential = true;
      if (gotXpg) rt.throwError('ValueError', 'cannot mix "%" and "%n$" conversion specifiers');
    }
    // width
    while (ch !== undefined && isDigit(ch.charCodeAt(0))) ch = format[i++];
    if (ch === 'l' || ch === 'L' || ch === 'h') ch = format[i++];
    switch (ch) {
      case 'n':
      case 'd':
      case 'D':
      case 'i':
      case 'o':
      case 'x':
      case 'X':
      case 'u':
      case 'f':
      case 'e':
      case 'E':
      case 'g':
      case 's':
      case 'c':
        break;
      case '[': {
        if (format[i] === '^') i++;
        if (format[i] === ']') i++;
        while (i < n && format[i] !== ']') i++;
        if (i >= n) rt.throwError('ValueError', 'Unmatched [ in format string');
        i++;
        break;
      }
      default:
        // the message is built with %c: a NUL conversion character ends it
        rt.throwError('ValueError', `Bad scan conversion character "${ch ?? ''}"`.split('\0')[0]);
    }
    if (!suppress) {
      if (objIndex >= assigned.length) assigned.length = objIndex + 1;
      assigned[objIndex] = (assigned[objIndex] ?? 0) + 1;
      if (gotXpg && assigned[objIndex] > 1) rt.throwError('ValueError', 'Variable is assigned by multiple "%n$" conversion specifiers');
      objIndex++;
      if (objIndex > maxIndex) maxIndex = objIndex;
    }
  }
  if (numVars === 0) return maxIndex;
  if (numVars !== maxIndex && gotXpg) {
    /* xpg formats may leave some variables unassigned */
  }
  if (numVars !== maxIndex) {
    if (numVars < maxIndex) rt.throwError('ValueError', 'Different numbers of variable names and field specifiers');
    rt.throwError('ValueError', 'Variable is not assigned by any conversion specifiers');
  }
  for (let k = 0; k < maxIndex; k++) if (!assigned[k]) rt.throwError('ValueError', 'Variable is not assigned by any conversion specifiers');
  return maxIndex;
}

function charSet(format: string, i: number): { test: (c: number) => boolean; next: number } {
  const set = new Uint8Array(256);
  let neg = false;
  if (format[i] === '^') {
    neg = true;
    i++;
  }
  if (format[i] === ']') {
    set[93] = 1;
    i++;
  }
  while (i < format.length && format[i] !== ']') {
    const c = format.charCodeAt(i);
    if (format[i + 1] === '-' && i + 2 < format.length && format[i + 2] !== ']') {
      let a = c, b = format.charCodeAt(i + 2);
      if (a > b) [a, b] = [b, a];
      set.fill(1, a, b + 1);
      i += 3;
    } else {
      set[c] = 1;
      i++;
    }
  }
  return { test: (c: number) => (set[c] === 1) !== neg, next: i + 1 };
}

/** php_sscanf_internal */
export function scan(str: string, format: string, vars: Ref[]): any {
  // php_sscanf_internal reads its input as a C string
  const nul = str.indexOf('\0');
  if (nul >= 0) str = str.slice(0, nul);
  const numVars = vars.length;
  const total = validateFormat(format, numVars);
  const result = numVars ? null : new PhpArray();
  if (result) for (let k = 0; k < total; k++) result.set(k, null);
  const store = (idx: number, v: any) => {
    if (numVars) {
      if (idx < numVars) vars[idx].v = v;
    } else result!.set(idx, v);
  };
  let s = 0;
  const n = str.length;
  const at = (k: number) => (k < n ? str.charCodeAt(k) : 0);
  let nconv = 0;
  let underflow = false;
  let objIndex = 0;
  let f = 0;
  const fl = format.length;
  outer: while (f < fl) {
    let ch = format[f++];
    if (isCSpace(ch.charCodeAt(0))) {
      while (isCSpace(at(s))) s++;
      continue;
    }
    let literal = ch !== '%';
    if (!literal) {
      ch = format[f++];
      if (ch === '%') literal = true;
    }
    if (literal) {
      if (s >= n) {
        underflow = true;
        break;
      }
      if (str[s++] !== ch) break;
      continue;
    }
    let suppress = false;
    if (ch === '*') {
      suppress = true;
      ch = format[f++];
    } else if (isDigit(ch.charCodeAt(0))) {
      let k = f - 1;
      while (k < fl && isDigit(format.charCodeAt(k))) k++;
      if (format[k] === '$') {
        objIndex = parseInt(format.slice(f - 1, k), 10) - 1;
        f = k + 1;
        ch = format[f++];
      }
    }
    let width = 0;
    if (ch !== undefined && isDigit(ch.charCodeAt(0))) {
      let k = f - 1;
      while (k < fl && isDigit(format.charCodeAt(k))) k++;
      width = parseInt(format.slice(f - 1, k), 10);
      f = k;
      ch = format[f++];
    }
    if (ch === 'l' || ch === 'L' || ch === 'h') ch = format[f++];
    let op = '';
    let base = 10;
    let unsigned = false;
    let noskip = false;
    let cset: ReturnType<typeof charSet> | null = null;
    switch (ch) {
      case 'n':
        if (!suppress) store(objIndex++, s);
        nconv++;
        continue;
      case 'd':
      case 'D':
        op = 'i';
        base = 10;
        break;
      case 'i':
        op = 'i';
        base = 0;
        break;
      case 'o':
        op = 'i';
        base = 8;
        break;
      case 'x':
      case 'X':
        op = 'i';
        base = 16;
        break;
      case 'u':
        op = 'i';
        base = 10;
        unsigned = true;
        break;
      case 'f':
      case 'e':
      case 'E':
      case 'g':
        op = 'f';
        break;
      case 's':
        op = 's';
        break;
      case 'c':
        op = 'c';
        noskip = true;
        break;
      case '[':
        op = '[';
        noskip = true;
        cset = charSet(format, f);
        f = cset.next;
        break;
    }
    if (s >= n) {
      underflow = true;
      break;
    }
    if (!noskip) {
      while (s < n && isCSpace(at(s))) s++;
      if (s >= n) {
        underflow = true;
        break;
      }
    }
    switch (op) {
      case 'c': {
        // php's %c takes up to `width` (default 1) characters and, like %s, stops at white space
        let w = width === 0 ? 1 : width;
        let end = s;
        while (end < n && w > 0 && !isCSpace(at(end))) {
          end++;
          w--;
        }
        if (!suppress) store(objIndex++, str.slice(s, end));
        s = end;
        break;
      }
      case 's': {
        let w = width === 0 ? Infinity : width;
        let end = s;
        while (end < n) {
          if (isCSpace(at(end))) break;
          end++;
          if (--w === 0) break;
        }
        if (!suppress) store(objIndex++, str.slice(s, end));
        s = end;
        break;
      }
      case '[': {
        let w = width === 0 ? Infinity : width;
        let end = s;
        while (end < n) {
          if (!cset!.test(at(end))) break;
          end++;
          if (--w === 0) break;
        }
        if (s === end) break outer;
        if (!suppress) store(objIndex++, str.slice(s, end));
        s = end;
        break;
      }
      case 'i': {
        let w = width === 0 || width > 63 ? 63 : width;
        let signOk = true, noDigits = true, noZero = true, xOk = false;
        const start = s;
        for (; w > 0; w--) {
          const c = at(s);
          let add = false;
          if (c === 48) {
            if (base === 16) xOk = true;
            if (base === 0) {
              base = 8;
              xOk = true;
            }
            if (noZero) {
              signOk = false;
              noDigits = false;
              noZero = false;
            } else {
              signOk = false;
              xOk = false;
              noDigits = false;
            }
            add = true;
          } else if (c >= 49 && c <= 55) {
            if (base === 0) base = 10;
            signOk = xOk = noDigits = false;
            add = true;
          } else if (c === 56 || c === 57) {
            if (base === 0) base = 10;
            if (base > 8) {
              signOk = xOk = noDigits = false;
              add = true;
            }
          } else if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) {
            if (base > 10) {
              signOk = xOk = noDigits = false;
              add = true;
            }
          } else if (c === 43 || c === 45) {
            if (signOk) {
              signOk = false;
              add = true;
            }
          } else if (c === 120 || c === 88) {
            if (xOk && s === start + 1) {
              base = 16;
              xOk = false;
              add = true;
            }
          }
          if (!add) break;
          s++;
          if (s >= n) break;
        }
        if (noDigits) {
          if (s >= n) underflow = true;
          break outer;
        }
        let text = str.slice(start, s);
        if (text.endsWith('x') || text.endsWith('X')) {
          text = text.slice(0, -1);
          s--;
        }
        if (!suppress) {
          let t = text;
          let neg = false;
          if (t[0] === '+' || t[0] === '-') {
            neg = t[0] === '-';
            t = t.slice(1);
          }
          if (base === 16 && /^0[xX]/.test(t)) t = t.slice(2);
          let v = t === '' ? 0n : BigInt((base === 16 ? '0x' : base === 8 ? '0o' : '') + t);
          if (neg) v = -v;
          let value: bigint;
          if (unsigned) {
            // strtoul: wraps negatives, saturates beyond 2^64
            if (v > 18446744073709551615n || v < -18446744073709551615n) v = 18446744073709551615n;
            value = BigInt.asIntN(64, v);
            if (value < 0n) {
              store(objIndex++, BigInt.asUintN(64, value).toString());
              break;
            }
          } else {
            value = v > 9223372036854775807n ? 9223372036854775807n : v < -9223372036854775808n ? -9223372036854775808n : v;
          }
          store(objIndex++, intFromBig(value));
        }
        break;
      }
      case 'f': {
        let w = width === 0 || width > 63 ? 63 : width;
        let signOk = true, noDigits = true, ptOk = true, expOk = true;
        const start = s;
        for (; w > 0; w--) {
          const c = at(s);
          let add = false;
          if (isDigit(c)) {
            signOk = noDigits = false;
            add = true;
          } else if (c === 43 || c === 45) {
            if (signOk) {
              signOk = false;
              add = true;
            }
          } else if (c === 46) {
            if (ptOk) {
              signOk = ptOk = false;
              add = true;
            }
          } else if (c === 101 || c === 69) {
            if (!noDigits && expOk) {
              expOk = ptOk = false;
              signOk = noDigits = true;
              add = true;
            }
          }
          if (!add) break;
          s++;
          if (s >= n) break;
        }
        let end = s;
        if (noDigits) {
          if (expOk) {
            if (s >= n) underflow = true;
            break outer;
          }
          end--;
          s--;
          const e = str[end];
          if (e !== 'e' && e !== 'E') {
            end--;
            s--;
          }
        }
        if (!suppress) {
          const text = str.slice(start, end);
          store(objIndex++, mkFloat(parseFloat(text) || 0));
        }
        break;
      }
    }
    nconv++;
  }
  if (underflow && nconv === 0) return numVars ? -1 : null;
  if (numVars) return nconv;
  return result;
}

export function registerScanf(r: Registry): void {
  r.functions({
    'sscanf(string $string, string $format, mixed &...$vars): array|int|null': (s: string, f: string, vars: Ref[]) => scan(s, f, vars),
  });
}
