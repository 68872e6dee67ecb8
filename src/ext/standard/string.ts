// ext/standard/string.c (the first few; the string library grows here).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';

/** ASCII-only case mapping, as PHP 8 does (locale-independent). */
export function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function registerString(r: Registry): void {
  r.functions({
    'strtoupper(string $string): string': asciiUpper,
    'strtolower(string $string): string': asciiLower,
    'str_repeat(string $string, int $times): string': (s: string, n: number) => {
      if (n < 0) rt.throwError('ValueError', 'str_repeat(): Argument #2 ($times) must be greater than or equal to 0');
      return s.repeat(n);
    },
  });
}
