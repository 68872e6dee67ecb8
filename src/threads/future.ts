// A future in the shared heap: the state of a task another thread runs and, once it has finished, its
// encoded result. Whoever waits sleeps on the future's change counter.
//
// Future (Int32 words): state (FutureState bits), change counter, value pointer, value length.

import { sharedHeap } from './heap.js';
import { interruptibleWait } from './interrupt.js';
import { announceChange } from './notify.js';

export const enum FutureState {
  /** the task has finished (returned, threw, or will never run) */
  Ready = 1,
  /** it threw: the value is the saved exception */
  Error = 2,
  /** its runtime was killed */
  Killed = 4,
  /** it was cancelled */
  Cancelled = 8,
  /** its thread has started running it */
  Running = 16,
}

const enum F {
  State = 0,
  Seq = 1,
  Value = 2,
  Length = 3,
  Words = 4,
}

export function futureCreate(): number {
  return sharedHeap().malloc(F.Words * 4);
}

export function futureState(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + F.State);
}

/** Adds state bits and wakes whoever waits; false when `unless` bits were set already (nothing done). */
export function futureSet(p: number, bits: number, unless = 0): boolean {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  for (;;) {
    const s = Atomics.load(i32, w + F.State);
    if (s & unless) return false;
    if (Atomics.compareExchange(i32, w + F.State, s, s | bits) === s) break;
  }
  Atomics.add(i32, w + F.Seq, 1);
  Atomics.notify(i32, w + F.Seq);
  announceChange();
  return true;
}

/** Stores the encoded result (a value, or a saved exception with Error) and marks the future ready. */
export function futureSettle(p: number, bytes: Uint8Array | null, bits: number): void {
  const h = sharedHeap();
  const w = p >> 2;
  if (bytes !== null) {
    const v = h.malloc(Math.max(bytes.length, 1));
    h.u8.set(bytes, v);
    Atomics.store(h.i32, w + F.Length, bytes.length);
    Atomics.store(h.i32, w + F.Value, v);
  }
  futureSet(p, FutureState.Ready | bits);
}

/** Waits until the future is ready (or `timeoutMs` ran out); returns its state. */
export function futureWait(p: number, timeoutMs = Infinity): number {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  const deadline = timeoutMs === Infinity ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    const seen = Atomics.load(i32, w + F.Seq);
    const s = Atomics.load(i32, w + F.State);
    if (s & FutureState.Ready) return s;
    const left = deadline === Infinity ? Infinity : deadline - Date.now();
    if (left <= 0) return s;
    interruptibleWait(i32, w + F.Seq, seen, left);
  }
}

/** The encoded result, taken once: the block is freed (the reader keeps what it decoded). */
export function futureTake(p: number): Uint8Array | null {
  const h = sharedHeap();
  const w = p >> 2;
  const v = Atomics.exchange(h.i32, w + F.Value, 0);
  if (v === 0) return null;
  const bytes = h.u8.slice(v, v + Atomics.load(h.i32, w + F.Length));
  h.free(v);
  return bytes;
}
