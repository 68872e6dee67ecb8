// The SPL extension.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import { registerSplExceptions } from './exceptions.js';

export class SplExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'SPL', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    registerSplExceptions(r);
  }
}
