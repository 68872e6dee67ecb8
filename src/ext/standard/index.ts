// The standard extension (ext/standard): registered through the same Extension API as any other.

import { PhpResource } from '../../runtime/values.js';
import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import type { Request } from '../../runtime/request.js';
import { PHP_VERSION } from '../../version.js';
import { registerVar } from './var.js';
import { registerOutput, flushAll } from './output.js';
import { registerBasic, stdinStream, stdoutStream, stderrStream } from './basic.js';
import { registerString } from './string.js';
import { registerMath } from './math.js';
import { registerArray } from './array.js';
import { registerSerialize } from './serialize.js';

/** Modules of ext/standard; each file registers its own functions. */
const MODULES: ((r: Registry) => void)[] = [registerBasic, registerVar, registerOutput, registerString, registerMath, registerArray, registerSerialize];

export function addStandardModule(m: (r: Registry) => void): void {
  MODULES.push(m);
}

export class StandardExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'standard', version: PHP_VERSION, dependencies: ['Core'] };
  }
  moduleInit(r: Registry): void {
    for (const m of MODULES) m(r);
  }
  requestInit(req: Request): void {
    req.constants.set('STDIN', stdinStream());
    req.constants.set('STDOUT', stdoutStream());
    req.constants.set('STDERR', stderrStream());
    // php-cli opens (and closes) one more stream while starting up: scripts see their first resource as #5
    if (PhpResource.nextId === 4) PhpResource.nextId = 5;
    req.core.flushOutputBuffers = flushAll;
  }
}
