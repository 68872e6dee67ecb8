// Mutexes in the shared heap: [owner thread id, sleepers, alive, kind]. The owner word is the futex,
// so a mutex stays held across calls until its owner unlocks it, and every thread agrees on who owns it.

import { sharedHeap } from './heap.js';
import { futexLock, futexTryLock, futexUnlock } from './futex.js';
import { currentThreadId } from './identity.js';

export const enum HandleKind {
  Thread = 1,
  Mutex = 2,
  Cond = 3,
  Volatile = 4,
}

/** Word offsets inside every handle: the alive flag and kind come at the same place in each. */
export const ALIVE = 2;
export const KIND = 3;

export class MutexError extends Error {}

export function mutexCreate(): number {
  const h = sharedHeap();
  const p = h.malloc(16);
  Atomics.store(h.i32, (p >> 2) + ALIVE, 1);
  Atomics.store(h.i32, (p >> 2) + KIND, HandleKind.Mutex);
  return p;
}

export function handleAlive(p: number): boolean {
  return Atomics.load(sharedHeap().i32, (p >> 2) + ALIVE) === 1;
}

export function mutexOwner(p: number): number {
  return Atomics.load(sharedHeap().i32, p >> 2);
}

/** Blocks until the calling thread holds the mutex; false on timeout. */
export function mutexLock(p: number, timeoutMs = Infinity): boolean {
  const tid = currentThreadId();
  if (mutexOwner(p) === tid) throw new MutexError('Mutex is already locked by the calling thread');
  return futexLock(sharedHeap().i32, p >> 2, tid, timeoutMs);
}

export function mutexTryLock(p: number): boolean {
  return futexTryLock(sharedHeap().i32, p >> 2, currentThreadId());
}

export function mutexUnlock(p: number): void {
  if (mutexOwner(p) !== currentThreadId()) throw new MutexError('Mutex is not locked by the calling thread');
  futexUnlock(sharedHeap().i32, p >> 2);
}

/** Marks the mutex destroyed; refused while anyone holds it. Its words stay, so late users see it dead. */
export function mutexDestroy(p: number): void {
  if (mutexOwner(p) !== 0) throw new MutexError('Mutex is locked and cannot be destroyed');
  Atomics.store(sharedHeap().i32, (p >> 2) + ALIVE, 0);
}
