// The extensions every Engine starts with (the CLI's `php -m` list).

import type { Extension } from './extension.js';
import { setBuiltinExtensions } from './engine.js';
import { lazily } from './lazy.js';
import { EXTENSION_MANIFESTS } from './ext-manifest.js';
import { CoreExtension } from '../ext/core/index.js';
import { StandardExtension } from '../ext/standard/index.js';
import { JsonExtension } from '../ext/json/index.js';
import { SplExtension } from '../ext/spl/index.js';
import { PcreExtension } from '../ext/pcre/index.js';
import { RandomExtension } from '../ext/random/index.js';
import { CtypeExtension } from '../ext/ctype/index.js';
import { DateExtension } from '../ext/date/index.js';
import { ReflectionExtension } from '../ext/reflection/index.js';
import { HashExtension } from '../ext/hash/index.js';
import { TokenizerExtension } from '../ext/tokenizer/index.js';
import { PthreadsExtension } from '../ext/pthreads/index.js';
import { ParallelExtension } from '../ext/parallel/index.js';

/**
 * The built-in extensions that may be loaded on first use (src/engine/lazy.ts), each with how to make
 * it. Core and standard are always loaded: the runtime and nearly every script need them.
 */
export const LAZY_EXTENSIONS: [string, () => Extension][] = [
  ['date', () => new DateExtension()],
  ['Reflection', () => new ReflectionExtension()],
  ['hash', () => new HashExtension()],
  ['tokenizer', () => new TokenizerExtension()],
  ['random', () => new RandomExtension()],
  ['pcre', () => new PcreExtension()],
  ['SPL', () => new SplExtension()],
  ['json', () => new JsonExtension()],
  ['ctype', () => new CtypeExtension()],
  ['pthreads', () => new PthreadsExtension()],
  ['parallel', () => new ParallelExtension()],
];

/** Engines built from now on load every extension at once (a thread worker: see src/threads/worker.ts). */
export function loadExtensionsEagerly(): void {
  eager = true;
}
let eager = false;

export function builtinExtensions(standard: boolean): Extension[] {
  const exts: Extension[] = [new CoreExtension()];
  if (standard) {
    // parallel after pthreads: RSHUTDOWN runs in reverse, so runtimes are closed before the request
    // waits for the threads it started
    exts.push(new StandardExtension(), ...LAZY_EXTENSIONS.map(([name, load]) => lazily(eager ? null : EXTENSION_MANIFESTS, name, load)));
  }
  return exts;
}

setBuiltinExtensions(builtinExtensions);
