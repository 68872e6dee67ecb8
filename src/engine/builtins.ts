// The extensions every Engine starts with (the CLI's `php -m` list).

import type { Extension } from './extension.js';
import { setBuiltinExtensions } from './engine.js';
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

export function builtinExtensions(standard: boolean): Extension[] {
  const exts: Extension[] = [new CoreExtension()];
  if (standard) {
    // parallel after pthreads: RSHUTDOWN runs in reverse, so runtimes are closed before the request
    // waits for the threads it started
    exts.push(new StandardExtension(), new DateExtension(), new ReflectionExtension(), new HashExtension(), new TokenizerExtension(), new RandomExtension(), new PcreExtension(), new SplExtension(), new JsonExtension(), new CtypeExtension(), new PthreadsExtension(), new ParallelExtension());
  }
  return exts;
}

setBuiltinExtensions(builtinExtensions);
