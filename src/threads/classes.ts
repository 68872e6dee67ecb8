// Classes a thread may meet without having been given them: an object shared by identity (a Threaded
// object) can reach a thread whose program was taken before its class was declared, or a thread that
// never had that class (PTHREADS_INHERIT_NONE, a class declared in another thread). The thread that
// shares the object publishes how to declare its class — the compiled definitions of the class and
// of what it needs, in declaration order — in a process-wide registry in the shared heap; a thread
// that meets the class declares it from there.

import type { Request } from '../runtime/request.js';
import type { PhpClass } from '../runtime/object.js';
import { PhpArray } from '../runtime/array.js';
import { sharedHeap, H } from './heap.js';
import { storeCreate, storeSet, storeGet, keyBytes } from './store.js';
import { encodeValue, decodeValue } from './transfer.js';
import { classesNeeded, declareDefinition } from './program.js';

function registry(): number {
  const i32 = sharedHeap().i32;
  const cur = Atomics.load(i32, H.ClassRegistry);
  if (cur !== 0) return cur;
  const fresh = storeCreate();
  const prev = Atomics.compareExchange(i32, H.ClassRegistry, 0, fresh);
  return prev === 0 ? fresh : prev;
}

/** Makes `cls` declarable by other threads (once per class and request). */
export function publishClass(req: Request, cls: PhpClass): void {
  if (cls.isInternal) return;
  const done: Set<PhpClass> = (req.ext.classesPublished ??= new Set());
  if (done.has(cls)) return;
  done.add(cls);
  const needed = classesNeeded([cls]);
  const chain: PhpArray[] = [];
  for (const [, c] of req.classes) {
    if (!needed.has(c)) continue;
    const o = c.moduleDef;
    if (!o || o.mod.key === null) return;
    chain.push(PhpArray.fromList([c.name, o.mod.key, o.def]));
  }
  storeSet(registry(), keyBytes(cls.lcname), encodeValue(PhpArray.fromList(chain)));
}

/** Declares the class `name` (and what it needs) from the registry; false when nobody published it. */
export function declarePublished(req: Request, name: string): boolean {
  const b = storeGet(registry(), keyBytes(name.toLowerCase()));
  if (b === null) return false;
  const chain = decodeValue(b) as PhpArray;
  req.silence++;
  try {
    for (const entry of chain.valueList() as PhpArray[]) {
      const [cname, key, def] = entry.valueList() as string[];
      if (!req.classes.has(cname.toLowerCase())) declareDefinition(key, def);
    }
  } finally {
    req.silence--;
  }
  return req.classes.has(name.toLowerCase());
}
