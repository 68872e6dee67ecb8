// A synchronised scalar in the shared heap (parallel\Sync): a value, a recursive lock held by a thread
// (by its id, so every thread agrees on the owner) and a condition to wait on while holding it.
//
// Sync (Int32 words): lock owner, lock sleepers, recursion depth, condition change counter, value
// pointer, value length (-1: no value).

import { sharedHeap } from './heap.js';
import { futexLock, futexUnlock } from './futex.js';
import { currentThreadId } from './identity.js';
import { interruptibleWait } from './interrupt.js';

const enum Y {
  Owner = 0,
  Depth = 2,
  Cond = 3,
  Value = 4,
  Length = 5,
  Words = 6,
}

export function syncCreate(value: Uint8Array | null): number {
  const h = sharedHeap();
  const p = h.malloc(Y.Words * 4);
  Atomics.store(h.i32, (p >> 2) + Y.Length, -1);
  if (value !== null) syncStore(p, value);
  return p;
}

/** Takes the lock (again, when this thread holds it). */
export function syncLock(p: number): void {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  const me = currentThreadId();
  if (Atomics.load(i32, w + Y.Owner) === me) {
    Atomics.add(i32, w + Y.Depth, 1);
    return;
  }
  futexLock(i32, w + Y.Owner, me);
  Atomics.store(i32, w + Y.Depth, 1);
}

export function syncUnlock(p: number): void {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  if (Atomics.load(i32, w + Y.Owner) !== currentThreadId()) return;
  if (Atomics.sub(i32, w + Y.Depth, 1) > 1) return;
  futexUnlock(i32, w + Y.Owner);
}

function syncStore(p: number, value: Uint8Array | null): void {
  const h = sharedHeap();
  const w = p >> 2;
  const old = Atomics.load(h.i32, w + Y.Value);
  if (old !== 0) h.free(old);
  if (value === null) {
    Atomics.store(h.i32, w + Y.Value, 0);
    Atomics.store(h.i32, w + Y.Length, -1);
    return;
  }
  const v = h.malloc(Math.max(value.length, 1));
  h.u8.set(value, v);
  Atomics.store(h.i32, w + Y.Value, v);
  Atomics.store(h.i32, w + Y.Length, value.length);
}

/** Replaces the value (under the lock). */
export function syncSet(p: number, value: Uint8Array): void {
  syncLock(p);
  try {
    syncStore(p, value);
  } finally {
    syncUnlock(p);
  }
}

/** The encoded value, or null when none was ever set. */
export function syncGet(p: number): Uint8Array | null {
  const h = sharedHeap();
  const w = p >> 2;
  syncLock(p);
  try {
    const len = Atomics.load(h.i32, w + Y.Length);
    if (len < 0) return null;
    const v = Atomics.load(h.i32, w + Y.Value);
    return h.u8.slice(v, v + len);
  } finally {
    syncUnlock(p);
  }
}

/**
 * Waits for a notification. Holding the lock (inside Sync::__invoke) it is released while waiting and
 * taken back after, at the same depth; a notification sent after the lock was released is never lost.
 */
export function syncWait(p: number): void {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  const seen = Atomics.load(i32, w + Y.Cond);
  const held = Atomics.load(i32, w + Y.Owner) === currentThreadId();
  const depth = held ? Atomics.load(i32, w + Y.Depth) : 0;
  if (held) {
    Atomics.store(i32, w + Y.Depth, 0);
    futexUnlock(i32, w + Y.Owner);
  }
  try {
    interruptibleWait(i32, w + Y.Cond, seen, Infinity);
  } finally {
    if (held) {
      futexLock(i32, w + Y.Owner, currentThreadId());
      Atomics.store(i32, w + Y.Depth, depth);
    }
  }
}

export function syncNotify(p: number, all: boolean): void {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  Atomics.add(i32, w + Y.Cond, 1);
  Atomics.notify(i32, w + Y.Cond, all ? Infinity : 1);
}
