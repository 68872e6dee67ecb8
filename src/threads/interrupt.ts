// Interrupting a thread that is blocked: a parallel Runtime's task can be cancelled and the Runtime
// killed while the task sleeps, waits on a channel or on a future. Every blocking wait of such a
// thread goes through interruptibleWait, which records the word it sleeps on; the interrupter raises
// its flag, then bumps and wakes that word. Waits are always on change counters (sequence words), so
// an extra bump is only a spurious wake-up for anyone else sleeping there.
//
// Interrupt cell (Int32 words): [flags, sequence, word slept on].

import { sharedHeap } from './heap.js';

const enum C {
  Flags = 0,
  Seq = 1,
  BlockedOn = 2,
  Words = 4,
}

/** Thrown out of a blocking wait when the running task must stop; PHP code cannot catch it. */
export class TaskInterrupted {
  constructor(readonly flags: number) {}
}

/** Word index of this thread's cell (0: this thread is never interrupted) and what makes a flag count. */
let cell = 0;
let mustStop: (flags: number) => boolean = () => false;

export function interruptCellCreate(): number {
  return sharedHeap().malloc(C.Words * 4);
}

/** This thread answers interrupts raised on `ptr`; `stop(flags)` says whether raised flags stop the task. */
export function enableInterrupts(ptr: number, stop: (flags: number) => boolean): void {
  cell = ptr >> 2;
  mustStop = stop;
}

export function disableInterrupts(): void {
  cell = 0;
}

/** Raises `bits` on a thread's cell and wakes it wherever it sleeps. */
export function raiseInterrupt(ptr: number, bits: number): void {
  const i32 = sharedHeap().i32;
  const w = ptr >> 2;
  Atomics.or(i32, w + C.Flags, bits);
  Atomics.add(i32, w + C.Seq, 1);
  Atomics.notify(i32, w + C.Seq);
  const on = Atomics.load(i32, w + C.BlockedOn);
  if (on !== 0) {
    Atomics.add(i32, on, 1);
    Atomics.notify(i32, on);
  }
}

export function clearInterrupt(ptr: number, bits: number): void {
  Atomics.and(sharedHeap().i32, (ptr >> 2) + C.Flags, ~bits);
}

export function interruptFlags(ptr: number): number {
  return Atomics.load(sharedHeap().i32, (ptr >> 2) + C.Flags);
}

/** Throws TaskInterrupted when this thread has been told to stop its task. */
export function checkInterrupt(): void {
  if (cell === 0) return;
  const f = Atomics.load(sharedHeap().i32, cell + C.Flags);
  if (f !== 0 && mustStop(f)) throw new TaskInterrupted(f);
}

/**
 * Atomics.wait on a change counter (`i32[index]` still `expected`), ended early by an interrupt of this
 * thread. Returns Atomics.wait's answer; throws TaskInterrupted when the task must stop.
 */
export function interruptibleWait(i32: Int32Array, index: number, expected: number, timeoutMs: number): string {
  if (cell === 0) return Atomics.wait(i32, index, expected, timeoutMs);
  const h = sharedHeap().i32;
  Atomics.store(h, cell + C.BlockedOn, index);
  try {
    checkInterrupt();
    const r = Atomics.wait(i32, index, expected, timeoutMs);
    checkInterrupt();
    return r;
  } finally {
    Atomics.store(h, cell + C.BlockedOn, 0);
  }
}

/** Sleeps `ms` milliseconds, or less when interrupted (then throws TaskInterrupted). */
export function interruptibleSleep(ms: number): void {
  if (cell === 0) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return;
  }
  const h = sharedHeap().i32;
  const deadline = Date.now() + ms;
  for (let left = ms; left > 0; left = deadline - Date.now()) {
    interruptibleWait(h, cell + C.Seq, Atomics.load(h, cell + C.Seq), left);
  }
}
