// The parallel extension (krakjoe/parallel's API, PHP 8): Runtimes (threads running tasks in order),
// Futures, Channels, Events, Sync, and the functional API, on phpts's threads machinery (src/threads).
// This file registers them; each concept has its own file.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import type { Request } from '../../runtime/request.js';
import { registerErrors } from './errors.js';
import { registerRuntime, closeRuntimes } from './runtime.js';
import { registerFuture } from './future.js';
import { registerChannel } from './channel.js';
import { registerEvents } from './events.js';
import { registerSync } from './sync.js';
import { markNotSerializable } from '../standard/serialize.js';
import './thread.js';

/** The version of krakjoe/parallel whose API and messages this follows. */
export const PARALLEL_VERSION = '1.2.7';

/** Objects of these classes cannot be serialized (ZEND_ACC_NOT_SERIALIZABLE). */
const NOT_SERIALIZABLE = ['parallel\\runtime', 'parallel\\future', 'parallel\\channel', 'parallel\\events', 'parallel\\events\\input', 'parallel\\sync'];

export class ParallelExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'parallel', version: PARALLEL_VERSION, dependencies: ['standard', 'spl'] };
  }

  moduleInit(r: Registry): void {
    for (const name of NOT_SERIALIZABLE) markNotSerializable(name);
    registerErrors(r);
    registerRuntime(r);
    registerFuture(r);
    registerChannel(r);
    registerEvents(r);
    registerSync(r);
  }

  /** RSHUTDOWN: runtimes still open run what is queued to them, then end. */
  requestShutdown(req: Request): void {
    closeRuntimes(req);
  }
}
