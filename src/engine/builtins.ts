// The extensions every Engine starts with (the CLI's `php -m` list).

import type { Extension } from './extension.js';
import { setBuiltinExtensions } from './engine.js';
import { CoreExtension } from '../ext/core/index.js';
import { StandardExtension } from '../ext/standard/index.js';

export function builtinExtensions(standard: boolean): Extension[] {
  const exts: Extension[] = [new CoreExtension()];
  if (standard) exts.push(new StandardExtension());
  return exts;
}

setBuiltinExtensions(builtinExtensions);
