// A runtime: one thread that runs tasks in order, for as long as its creator keeps it (parallel's
// Runtime). Its creator queues encoded tasks in the shared heap; the thread, a pool worker running one
// long request, takes them one after another and settles each task's future. Closing lets it finish
// what is queued; killing drops the queue and interrupts the running task.
//
// Runtime (Int32 words): lock owner, lock sleepers, change counter, state (RuntimeState bits), queue
// head, queue tail, future of the running task, interrupt cell, thread handle.
// A queued task is a block [next, future (0: nobody holds one), length, -, bytes...].

import { sharedHeap } from './heap.js';
import { futexLock, futexUnlock } from './futex.js';
import { interruptCellCreate, raiseInterrupt } from './interrupt.js';
import { futureSet, futureState, FutureState } from './future.js';

export const enum RuntimeState {
  /** bootstrapped, taking tasks */
  Ready = 1,
  /** the bootstrap file failed: the thread has ended */
  Failed = 2,
  /** asked to finish the queued tasks and end */
  Close = 4,
  /** asked to end now */
  Killed = 8,
  /** the thread has left its task loop */
  Done = 16,
  /** a task is running */
  Running = 32,
}

/** Interrupt flags raised on a runtime's thread (interrupt.ts). */
export const enum RuntimeInterrupt {
  Kill = 1,
  Cancel = 2,
}

const enum R {
  Lock = 0,
  Seq = 2,
  State = 3,
  Head = 4,
  Tail = 5,
  Current = 6,
  Interrupt = 7,
  Handle = 8,
  Words = 10,
}

const OWNER = -3;
const ENTRY_BYTES = 16;

export function runtimeCreate(): number {
  const h = sharedHeap();
  const p = h.malloc(R.Words * 4);
  Atomics.store(h.i32, (p >> 2) + R.Interrupt, interruptCellCreate());
  return p;
}

export function runtimeInterruptCell(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + R.Interrupt);
}

export function runtimeSetHandle(p: number, handle: number): void {
  Atomics.store(sharedHeap().i32, (p >> 2) + R.Handle, handle);
}

export function runtimeHandle(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + R.Handle);
}

export function runtimeState(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + R.State);
}

/** The future of the task running now (0: none, or a task nobody holds a future for). */
export function runtimeCurrent(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + R.Current);
}

function lock(w: number): void {
  futexLock(sharedHeap().i32, w + R.Lock, OWNER);
}

function unlock(w: number): void {
  futexUnlock(sharedHeap().i32, w + R.Lock);
}

function changed(w: number): void {
  const i32 = sharedHeap().i32;
  Atomics.add(i32, w + R.Seq, 1);
  Atomics.notify(i32, w + R.Seq);
}

function setState(w: number, bits: number): void {
  Atomics.or(sharedHeap().i32, w + R.State, bits);
  changed(w);
}

/** Waits (without the lock) until one of `bits` is set, or `timeoutMs` ran out; returns the state. */
export function runtimeAwait(p: number, bits: number, timeoutMs = Infinity): number {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  const deadline = timeoutMs === Infinity ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    const seen = Atomics.load(i32, w + R.Seq);
    const s = Atomics.load(i32, w + R.State);
    if (s & bits) return s;
    const left = deadline === Infinity ? Infinity : deadline - Date.now();
    if (left <= 0) return s;
    Atomics.wait(i32, w + R.Seq, seen, left);
  }
}

// ───────────── the creator's side ─────────────

/** Queues an encoded task; false when the runtime no longer takes tasks. */
export function runtimePush(p: number, future: number, task: Uint8Array): boolean {
  const h = sharedHeap();
  const w = p >> 2;
  const e = h.malloc(ENTRY_BYTES + task.length);
  Atomics.store(h.i32, (e >> 2) + 1, future);
  Atomics.store(h.i32, (e >> 2) + 2, task.length);
  h.u8.set(task, e + ENTRY_BYTES);
  lock(w);
  try {
    if (Atomics.load(h.i32, w + R.State) & (RuntimeState.Close | RuntimeState.Killed | RuntimeState.Done)) {
      h.free(e);
      return false;
    }
    const tail = Atomics.load(h.i32, w + R.Tail);
    if (tail === 0) Atomics.store(h.i32, w + R.Head, e);
    else Atomics.store(h.i32, tail >> 2, e);
    Atomics.store(h.i32, w + R.Tail, e);
    changed(w);
    return true;
  } finally {
    unlock(w);
  }
}

/** Takes a task out of the queue before it runs; false when it is not queued (running or finished). */
export function runtimeUnqueue(p: number, future: number): boolean {
  const h = sharedHeap();
  const w = p >> 2;
  lock(w);
  try {
    let prev = 0;
    for (let e = Atomics.load(h.i32, w + R.Head); e !== 0; prev = e, e = Atomics.load(h.i32, e >> 2)) {
      if (Atomics.load(h.i32, (e >> 2) + 1) !== future) continue;
      const next = Atomics.load(h.i32, e >> 2);
      if (prev === 0) Atomics.store(h.i32, w + R.Head, next);
      else Atomics.store(h.i32, prev >> 2, next);
      if (Atomics.load(h.i32, w + R.Tail) === e) Atomics.store(h.i32, w + R.Tail, prev);
      h.free(e);
      changed(w);
      return true;
    }
    return false;
  } finally {
    unlock(w);
  }
}

/** Whether tasks are queued or running (a task whose future is settled counts as finished). */
export function runtimeBusy(p: number): boolean {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  if (Atomics.load(i32, w + R.Head) !== 0) return true;
  if ((Atomics.load(i32, w + R.State) & RuntimeState.Running) === 0) return false;
  const current = Atomics.load(i32, w + R.Current);
  return current === 0 || (futureState(current) & FutureState.Ready) === 0;
}

/** Asks the runtime to finish its queue and end; waits until it has. */
export function runtimeClose(p: number): void {
  setState(p >> 2, RuntimeState.Close);
  runtimeAwait(p, RuntimeState.Done | RuntimeState.Failed);
}

/**
 * Asks the runtime to end now: queued tasks will never run (their futures are marked killed) and the
 * running task is interrupted where it blocks. Waits up to `graceMs` for the thread to stop; false
 * when it did not (a task that never blocks), so the caller may stop the thread itself.
 */
export function runtimeKill(p: number, graceMs: number): boolean {
  const h = sharedHeap();
  const w = p >> 2;
  lock(w);
  try {
    Atomics.or(h.i32, w + R.State, RuntimeState.Killed);
    for (let e = Atomics.exchange(h.i32, w + R.Head, 0); e !== 0; ) {
      const next = Atomics.load(h.i32, e >> 2);
      const f = Atomics.load(h.i32, (e >> 2) + 1);
      if (f !== 0) futureSet(f, FutureState.Ready | FutureState.Killed);
      h.free(e);
      e = next;
    }
    Atomics.store(h.i32, w + R.Tail, 0);
    changed(w);
  } finally {
    unlock(w);
  }
  const current = runtimeCurrent(p);
  if (current !== 0) futureSet(current, FutureState.Killed);
  raiseInterrupt(runtimeInterruptCell(p), RuntimeInterrupt.Kill);
  return (runtimeAwait(p, RuntimeState.Done | RuntimeState.Failed, graceMs) & (RuntimeState.Done | RuntimeState.Failed)) !== 0;
}

/** The runtime's thread is gone without leaving its loop (its worker was stopped): record it. */
export function runtimeAbandoned(p: number): void {
  const current = runtimeCurrent(p);
  if (current !== 0) futureSet(current, FutureState.Ready | FutureState.Killed);
  setState(p >> 2, RuntimeState.Done);
}

// ───────────── the runtime thread's side ─────────────

export function runtimeStarted(p: number, ok: boolean): void {
  setState(p >> 2, ok ? RuntimeState.Ready : RuntimeState.Failed | RuntimeState.Done);
}

/**
 * The runtime thread's loop: runs queued tasks in order until the runtime is closed (and its queue
 * empty) or killed. `run` gets the task's future (0 when nobody holds one) and its encoded bytes.
 */
export function runtimeServe(p: number, run: (future: number, task: Uint8Array) => void): void {
  const h = sharedHeap();
  const w = p >> 2;
  lock(w);
  try {
    for (;;) {
      const state = Atomics.load(h.i32, w + R.State);
      if (state & RuntimeState.Killed) break;
      const e = Atomics.load(h.i32, w + R.Head);
      if (e !== 0) {
        const next = Atomics.load(h.i32, e >> 2);
        Atomics.store(h.i32, w + R.Head, next);
        if (next === 0) Atomics.store(h.i32, w + R.Tail, 0);
        const future = Atomics.load(h.i32, (e >> 2) + 1);
        const len = Atomics.load(h.i32, (e >> 2) + 2);
        const task = h.u8.slice(e + ENTRY_BYTES, e + ENTRY_BYTES + len);
        h.free(e);
        Atomics.store(h.i32, w + R.Current, future);
        Atomics.or(h.i32, w + R.State, RuntimeState.Running);
        changed(w);
        unlock(w);
        try {
          run(future, task);
        } finally {
          lock(w);
          Atomics.store(h.i32, w + R.Current, 0);
          Atomics.and(h.i32, w + R.State, ~RuntimeState.Running);
          changed(w);
        }
        continue;
      }
      if (state & RuntimeState.Close) break;
      const seen = Atomics.load(h.i32, w + R.Seq);
      unlock(w);
      Atomics.wait(h.i32, w + R.Seq, seen);
      lock(w);
    }
  } finally {
    Atomics.or(h.i32, w + R.State, RuntimeState.Done);
    changed(w);
    unlock(w);
  }
}
