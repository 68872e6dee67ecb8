// Compiled modules published for other threads. A thread that started long ago (a parallel Runtime)
// may receive a closure from a module compiled after it started, over a channel or as a task: the
// module's JavaScript is published once, process-wide, in the shared heap, and a thread that meets an
// unknown module key adopts it from there. PHP is still compiled once; only the JavaScript travels.

import { sharedHeap, Root } from './heap.js';
import { storeCreate, storeGet, storeHas, storeSet } from './store.js';
import type { Request } from '../runtime/request.js';

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

function encodeSource(file: string, js: string): Uint8Array {
  const f = Buffer.from(file, 'latin1');
  const j = Buffer.from(js, 'utf8');
  const b = new Uint8Array(4 + f.length + j.length);
  new DataView(b.buffer).setUint32(0, f.length, true);
  b.set(f, 4);
  b.set(j, 4 + f.length);
  return b;
}

function decodeSource(b: Uint8Array): { file: string; js: string } {
  const n = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0, true);
  return { file: Buffer.from(b.subarray(4, 4 + n)).toString('latin1'), js: Buffer.from(b.subarray(4 + n)).toString('utf8') };
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
    if (src) storeSet(t, k, encodeSource(src.file, src.js));
  }
}

/** The JavaScript of a published module, or null when no thread published it. */
export function publishedModule(key: string): { file: string; js: string } | null {
  const b = storeGet(table(), keyOf(key));
  if (b === null) return null;
  published.add(key);
  return decodeSource(b);
}
