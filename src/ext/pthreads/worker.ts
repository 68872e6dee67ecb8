// pthreads' Worker: a Thread that, after its run(), keeps running the Threaded tasks stacked on it, in
// order, until it is shut down. The stack lives in the shared heap (two stores in the Worker's record:
// tasks waiting, tasks done). Stacking is a store append and a bump of the Worker's stack signal (a
// futex word: a sequence and its sleepers); the worker thread takes tasks with its own store
// operations and sleeps on the signal only while the stack is empty, so the creator never waits for
// the worker nor wakes a thread that is not asleep. Tasks done stay referenced until the creator
// collect()s them (the Collectable protocol: isGarbage(), or a collector of its own).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import type { Request } from '../../runtime/request.js';
import { PhpObject } from '../../runtime/object.js';
import { callMethodByName } from '../../runtime/objects.js';
import { callValue } from '../../runtime/calls.js';
import { toBool } from '../../runtime/convert.js';
import { sharedHeap } from '../../threads/heap.js';
import { mutexLock, mutexUnlock } from '../../threads/mutex.js';
import { condBroadcast } from '../../threads/cond.js';
import { storeCreate, storeAppend, storeTake, storeCount, storeEntries, storeDelete, storeSet, storeMoveFirst } from '../../threads/store.js';
import { encodeValue, decodeValue, sharedPtrOf } from '../../threads/transfer.js';
import { threadJoin } from '../../threads/pool.js';
import { spinUntilChanged } from '../../threads/spin.js';
import { ThreadedState, State, Rec, stateOf, pinnedDecode, unpin } from './shared.js';
import { memberKey } from './members.js';

export function isWorker(o: PhpObject): boolean {
  return o.cls.isSubclassOf(rt.core.builtinClasses.get('worker')!);
}

/** The Worker's store `w` (Rec.Stack or Rec.Done), made on first use by whichever thread needs it. */
function stackStore(st: ThreadedState, w: Rec.Stack | Rec.Done): number {
  const i32 = sharedHeap().i32;
  const at = (st.rec >> 2) + w;
  const cur = Atomics.load(i32, at);
  if (cur !== 0) return cur;
  const fresh = storeCreate();
  const prev = Atomics.compareExchange(i32, at, 0, fresh);
  return prev === 0 ? fresh : prev;
}

/** Runs `f` holding the Worker's monitor (never re-entered here: no PHP code runs under it). */
function locked<T>(st: ThreadedState, f: () => T): T {
  mutexLock(st.mutex);
  try {
    return f();
  } finally {
    mutexUnlock(st.mutex);
  }
}

/** Wakes the worker thread if it sleeps for want of tasks (after a task was stacked, or shutdown asked). */
function signalStack(st: ThreadedState): void {
  const i32 = sharedHeap().i32;
  const at = (st.rec >> 2) + Rec.StackSeq;
  Atomics.add(i32, at, 1);
  if (Atomics.load(i32, (st.rec >> 2) + Rec.StackSleepers) > 0) Atomics.notify(i32, at);
}

/** Tells the worker to end once its stack is empty. */
export function requestShutdown(st: ThreadedState): void {
  st.set(State.Shutdown);
  signalStack(st);
  // code waiting on the Worker's own monitor hears of it too
  locked(st, () => condBroadcast(st.cond));
}

/** At the end of a request, Workers it started and never shut down are shut down (pthreads: their destructor). */
export function shutdownWorkers(req: Request): void {
  const workers = (req.ext.pthreadsObjects?.workers ?? []) as ThreadedState[];
  for (const st of workers) if (!st.has(State.Shutdown)) requestShutdown(st);
}

// ───────────── the worker thread ─────────────

/** The next task (moved to the done list and marked running), or null once shut down with nothing left. */
function nextTask(st: ThreadedState): PhpObject | null {
  const stack = stackStore(st, Rec.Stack);
  const done = stackStore(st, Rec.Done);
  const i32 = sharedHeap().i32;
  const seqAt = (st.rec >> 2) + Rec.StackSeq;
  const markRunning = (bytes: Uint8Array) => st.setWord(Rec.Running, sharedPtrOf(bytes));
  for (;;) {
    // the sequence is read before looking: a task stacked after the look changes it, so no wake-up is lost
    const seq = Atomics.load(i32, seqAt);
    const bytes = storeCount(stack) > 0 ? storeMoveFirst(stack, done, markRunning) : null;
    if (bytes !== null) return pinnedDecode(bytes) as PhpObject;
    if (st.has(State.Shutdown)) return null;
    // tasks often come in bursts: the next one may be stacked in a moment
    if (spinUntilChanged(i32, seqAt, seq)) continue;
    Atomics.add(i32, seqAt + 1, 1);
    Atomics.wait(i32, seqAt, seq);
    Atomics.sub(i32, seqAt + 1, 1);
  }
}

/** Runs one task: an uncaught exception is reported as the thread's (handler included), and the loop goes on. */
function runTask(worker: PhpObject, workerBytes: Uint8Array, task: PhpObject): void {
  const ts = stateOf(task);
  // a stacked task sees its worker as $this->worker
  storeSet(ts.store, memberKey('worker'), workerBytes);
  ts.set(State.Running);
  try {
    callMethodByName(task, 'run', []);
  } catch (e) {
    if (!(e instanceof PhpObject)) throw e;
    ts.set(State.Terminated);
    // reported as the thread's uncaught exception; the handler that took it stays for the next task
    const handlers = rt.exceptionHandlers.slice();
    rt.core.engine.guard(rt, () => {
      throw e;
    });
    rt.exceptionHandlers = handlers;
  } finally {
    ts.clear(State.Running);
    stateOf(worker).setWord(Rec.Running, 0);
  }
}

export function workerLoop(worker: PhpObject): void {
  const st = stateOf(worker);
  const bytes = encodeValue(worker);
  for (let task = nextTask(st); task !== null; task = nextTask(st)) {
    runTask(worker, bytes, task);
    // a task the worker thread met only to run it is let go (its state lives on in the shared heap)
    unpin(stateOf(task).rec);
  }
}

// ───────────── the creator's side ─────────────

function creatorOnly(o: PhpObject, what: string): ThreadedState {
  const st = stateOf(o);
  if (!st.inCreator()) rt.throwError('RuntimeException', `only the creator of this ${o.cls.name} may ${what}`);
  return st;
}

function stack(o: PhpObject, task: PhpObject): number {
  const st = creatorOnly(o, 'call stack');
  if (st.has(State.Shutdown)) rt.throwError('RuntimeException', `this ${o.cls.name} is no longer running and cannot accept tasks`);
  const bytes = encodeValue(task);
  const s = stackStore(st, Rec.Stack);
  storeAppend(s, bytes);
  signalStack(st);
  return storeCount(s);
}

function unstack(o: PhpObject): PhpObject | null {
  const st = creatorOnly(o, 'call unstack');
  const s = stackStore(st, Rec.Stack);
  const e = storeTake(s, false);
  return e === null ? null : (decodeValue(e[1]) as PhpObject);
}

/** Offers each finished task to `collector`; those it accepts are let go. Returns the tasks still held. */
function collect(o: PhpObject, collector: any): number {
  const st = creatorOnly(o, 'call collect');
  const done = stackStore(st, Rec.Done);
  for (const [k, v] of storeEntries(done)) {
    const task = decodeValue(v) as PhpObject;
    if (st.word(Rec.Running) === stateOf(task).rec) continue;
    const remove = collector === null ? callMethodByName(o, 'collector', [task]) : callValue(collector, [task]);
    if (toBool(remove)) storeDelete(done, k);
  }
  return storeCount(done) + storeCount(stackStore(st, Rec.Stack));
}

function shutdown(o: PhpObject): boolean {
  const st = creatorOnly(o, 'join with it');
  if (!st.has(State.Started)) rt.throwError('RuntimeException', `${o.cls.name} has not been started`);
  if (st.has(State.Joined)) return false;
  requestShutdown(st);
  st.set(State.Joined);
  threadJoin(rt, st.word(Rec.Handle));
  return true;
}

export function registerWorker(r: Registry): void {
  r.class({
    name: 'Worker',
    parent: 'Thread',
    nativeMethods: {
      'public stack(Threaded $work): int': function (this: PhpObject, task: PhpObject) {
        return stack(this, task);
      },
      'public unstack(): ?Threaded': function (this: PhpObject) {
        return unstack(this);
      },
      'public getStacked(): int': function (this: PhpObject) {
        return storeCount(stackStore(stateOf(this), Rec.Stack));
      },
      'public collect(?callable $collector = null): int': function (this: PhpObject, collector: any) {
        return collect(this, collector ?? null);
      },
      'public collector(Collectable $collectable): bool': function (this: PhpObject, task: PhpObject) {
        return toBool(callMethodByName(task, 'isGarbage', []));
      },
      'public shutdown(): bool': function (this: PhpObject) {
        return shutdown(this);
      },
      'public isShutdown(): bool': function (this: PhpObject) {
        return stateOf(this).has(State.Joined);
      },
    },
  });
}

