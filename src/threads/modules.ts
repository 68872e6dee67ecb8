// Compiled modules published for other threads. A thread that started long ago (a parallel Runtime)
// may receive a closure from a module compiled after it started, over a channel or as a task: the
// module's JavaScript is published once, process-wide, in the shared heap, and a thread that meets an
// unknown module key adopts it from there. PHP is still compiled once; only the JavaScript travels.

import { sharedHeap, Root } from './heap.js';
import { storeCreate, storeGet, storeHas, storeSet } from './store.js';
import type { Request } from '../runtime/request.js';
import type { ModuleSource } from '../engine/engine.js';

/** Module keys this thread has published (or found published): no second look in the shared table. */
const published = new Set<string>();
/** How many of a request's loaded modules were looked at, so a request with no new modules costs nothing. */
const seenCount = new WeakMap<object, number>();

function table(): number {
  return sharedHeap().root(Root.Modules, () => storeCreate());
}

function keyOf(key: string): Uint8Array {
  const b = new Uint8Array(key.length + 1);
  b[0] = 1;
  for (let i = 0; i < key.length; i++) b[i + 1] = key.charCodeAt(i) & 255;
  return b;
}

function encodeSource(m: ModuleSource): Uint8Array {
  return Buffer.from(JSON.stringify(m), 'utf8');
}

function decodeSource(b: Uint8Array): ModuleSource {
  return JSON.parse(Buffer.from(b).toString('utf8')) as ModuleSource;
}

/** Publishes the modules the request has run that no thread published yet. */
export function publishModules(req: Request): void {
  const loaded: Set<string> | undefined = req.ext.modulesLoaded;
  if (!loaded || seenCount.get(req) === loaded.size) return;
  seenCount.set(req, loaded.size);
  const t = table();
  for (const key of loaded) {
    if (published.has(key)) continue;
    published.add(key);
    const k = keyOf(key);
    if (storeHas(t, k)) continue;
    const src = req.core.engine.moduleSource(key);
    if (src) storeSet(t, k, encodeSource(src));
  }
}

/** The JavaScript of a published module, or null when no thread published it. */
export function publishedModule(key: string): ModuleSource | null {
  const b = storeGet(table(), keyOf(key));
  if (b === null) return null;
  published.add(key);
  return decodeSource(b);
}
