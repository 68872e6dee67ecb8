// ext/standard/array.c: the array functions.

import type { Registry } from '../../engine/extension.js';

export function registerArray(r: Registry): void {
  void r;
}
