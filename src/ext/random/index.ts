// The random extension.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';

export class RandomExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'random', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    void r;
  }
}
