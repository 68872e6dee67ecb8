// ext/standard/var.c (serialize / unserialize) and var_unserializer.re.

import type { Registry } from '../../engine/extension.js';

export function registerSerialize(r: Registry): void {
  void r;
}
