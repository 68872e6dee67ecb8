// Condition variables in the shared heap: [sequence, sleepers, alive, kind]. A waiter reads the
// sequence before it releases the mutex, so a signal sent after the release always changes what it
// sleeps on: no lost wake-up.

import { sharedHeap } from './heap.js';
import { HandleKind, ALIVE, KIND, MutexError, mutexOwner, mutexLock } from './mutex.js';
import { futexUnlock } from './futex.js';
import { currentThreadId } from './identity.js';

export function condCreate(): number {
  const h = sharedHeap();
  const p = h.malloc(16);
  Atomics.store(h.i32, (p >> 2) + ALIVE, 1);
  Atomics.store(h.i32, (p >> 2) + KIND, HandleKind.Cond);
  return p;
}

/** Releases `mutex`, sleeps until signalled (or `timeoutMs`), takes `mutex` back; false on timeout. */
export function condWait(cond: number, mutex: number, timeoutMs = Infinity): boolean {
  const i32 = sharedHeap().i32;
  if (mutexOwner(mutex) !== currentThreadId()) throw new MutexError('Mutex is not locked by the calling thread');
  const seq = Atomics.load(i32, cond >> 2);
  Atomics.add(i32, (cond >> 2) + 1, 1);
  futexUnlock(i32, mutex >> 2);
  const r = Atomics.wait(i32, cond >> 2, seq, timeoutMs);
  Atomics.sub(i32, (cond >> 2) + 1, 1);
  mutexLock(mutex);
  return r !== 'timed-out';
}

export function condSignal(cond: number): void {
  const i32 = sharedHeap().i32;
  Atomics.add(i32, cond >> 2, 1);
  Atomics.notify(i32, cond >> 2, 1);
}

export function condBroadcast(cond: number): void {
  const i32 = sharedHeap().i32;
  Atomics.add(i32, cond >> 2, 1);
  Atomics.notify(i32, cond >> 2);
}

export function condDestroy(cond: number): void {
  Atomics.store(sharedHeap().i32, (cond >> 2) + ALIVE, 0);
}
