// The shared side of a Threaded object. Each Threaded object is a record in the shared heap — its
// monitor (a mutex and a condition variable), its member store, the bookkeeping of Thread and Worker
// objects — and, in every thread that holds it, a PhpObject whose native part names that record. The
// object crosses threads by identity (transfer.ts calls the hooks below): a thread meeting a record
// for the first time makes a PhpObject of the same class for it, and after that always gives the same
// one, so `$a === $b` and `==` keep meaning "the same Threaded object" everywhere.

import { rt } from '../../runtime/request.js';
import type { Request } from '../../runtime/request.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { findClass } from '../../runtime/objects.js';
import { sharedHeap } from '../../threads/heap.js';
import { HandleKind, ALIVE, KIND } from '../../threads/mutex.js';
import { storeCreate } from '../../threads/store.js';
import { transferHooks, decodeValue } from '../../threads/transfer.js';
import { currentThreadId } from '../../threads/identity.js';
import { publishClass, declarePublished } from '../../threads/classes.js';

/** Int32 word offsets in a Threaded object's record. */
export const enum Rec {
  /** the monitor's mutex [owner, sleepers, alive, kind] */
  Mutex = 0,
  /** the monitor's condition variable [sequence, sleepers, alive, kind] */
  Cond = 4,
  /** the member store (store.ts) */
  Store = 8,
  /** the thread that created the object */
  Creator = 9,
  /** State bits */
  State = 10,
  /** a Thread's handle (pool.ts) once started */
  Handle = 11,
  /** a Worker's stack of tasks waiting, and of tasks done (the collectable "garbage") */
  Stack = 12,
  Done = 13,
  /** the record of the task a Worker is running now, 0 when idle */
  Running = 14,
  /** a Worker's stack signal: a sequence bumped by every stack() and shutdown, and its sleepers */
  StackSeq = 15,
  StackSleepers = 16,
  Words = 18,
}

export const enum State {
  Started = 1,
  Joined = 2,
  Running = 4,
  Terminated = 8,
  /** a Worker asked to finish its stack and end */
  Shutdown = 16,
}

/** The native part of a Threaded object, in any thread. */
export class ThreadedState {
  /** whether this thread's table of objects has it (done when it is first shared: only then can it come back) */
  known = false;
  constructor(readonly rec: number, readonly store: number) {}

  get mutex(): number {
    return this.rec + Rec.Mutex * 4;
  }
  get cond(): number {
    return this.rec + Rec.Cond * 4;
  }
  word(w: Rec): number {
    return Atomics.load(sharedHeap().i32, (this.rec >> 2) + w);
  }
  setWord(w: Rec, v: number): void {
    Atomics.store(sharedHeap().i32, (this.rec >> 2) + w, v);
  }
  has(bits: State): boolean {
    return (this.word(Rec.State) & bits) !== 0;
  }
  set(bits: State): void {
    Atomics.or(sharedHeap().i32, (this.rec >> 2) + Rec.State, bits);
  }
  clear(bits: State): void {
    Atomics.and(sharedHeap().i32, (this.rec >> 2) + Rec.State, ~bits);
  }
  /** Whether the calling thread created the object (what pthreads calls "the creator"). */
  inCreator(): boolean {
    return this.word(Rec.Creator) === currentThreadId();
  }
}

/** A new record with its monitor and store. */
export function newRecord(): ThreadedState {
  const heap = sharedHeap();
  const rec = heap.malloc(Rec.Words * 4);
  const w = rec >> 2;
  Atomics.store(heap.i32, w + Rec.Mutex + ALIVE, 1);
  Atomics.store(heap.i32, w + Rec.Mutex + KIND, HandleKind.Mutex);
  Atomics.store(heap.i32, w + Rec.Cond + ALIVE, 1);
  Atomics.store(heap.i32, w + Rec.Cond + KIND, HandleKind.Cond);
  const store = storeCreate();
  Atomics.store(heap.i32, w + Rec.Store, store);
  Atomics.store(heap.i32, w + Rec.Creator, currentThreadId());
  return new ThreadedState(rec, store);
}

export function stateOf(o: PhpObject): ThreadedState {
  return o.native as ThreadedState;
}

export function isThreaded(v: any): v is PhpObject {
  return v instanceof PhpObject && v.native instanceof ThreadedState;
}

// ───────────── this thread's objects ─────────────

/**
 * Per request: the PhpObject of each record this thread has met, weakly (an unused one may go), or
 * strongly while a Worker's task runs (see pinnedDecode).
 */
interface Local {
  objects: Map<number, WeakRef<PhpObject> | PhpObject>;
  /** the table's size at which entries of objects gone are swept out */
  sweepAt: number;
  /** the Thread object this thread runs, if any */
  current: PhpObject | null;
  /** the Workers this request started: told to finish at its end */
  workers: ThreadedState[];
}

export function local(req: Request = rt): Local {
  return (req.ext.pthreadsObjects ??= { objects: new Map(), sweepAt: 1024, current: null, workers: [] });
}

export function remember(o: PhpObject, st: ThreadedState): void {
  const l = local();
  st.known = true;
  l.objects.set(st.rec, new WeakRef(o));
  if (l.objects.size >= l.sweepAt) {
    for (const [rec, r] of l.objects) if (r instanceof WeakRef && r.deref() === undefined) l.objects.delete(rec);
    l.sweepAt = Math.max(1024, l.objects.size * 2);
  }
}

/** The PhpObject standing for record `rec` in this thread (made on first meeting, no constructor run). */
export function objectFor(rec: number, className: string): PhpObject {
  const l = local();
  const entry = l.objects.get(rec);
  const known = entry instanceof WeakRef ? entry.deref() : entry;
  if (known) return known;
  const cls = classFor(className);
  const o = new PhpObject(cls);
  const st = new ThreadedState(rec, Atomics.load(sharedHeap().i32, (rec >> 2) + Rec.Store));
  o.native = st;
  if (pinning) {
    st.known = true;
    l.objects.set(rec, o);
  } else {
    remember(o, st);
  }
  classSeen(cls);
  return o;
}

let pinning = false;

/**
 * Decodes a value whose Threaded objects new to this thread are held strongly, without a WeakRef,
 * until unpin(). A WeakRef keeps its target alive until the current JavaScript job ends, and a PHP
 * request is one job: a Worker's loop meeting a new task object for every task would keep them all.
 */
export function pinnedDecode(bytes: Uint8Array): any {
  pinning = true;
  try {
    return decodeValue(bytes);
  } finally {
    pinning = false;
  }
}

/** Forgets a pinned object (meeting its record again makes a new PhpObject for it). */
export function unpin(rec: number): void {
  const l = local();
  if (l.objects.get(rec) instanceof PhpObject) l.objects.delete(rec);
}

/** Set by the members' module: readies a class whose objects it handles (its (array) cast). */
export let classSeen: (cls: PhpClass) => void = () => {};
export function onClassSeen(f: (cls: PhpClass) => void): void {
  classSeen = f;
}

function classFor(name: string): PhpClass {
  const c = findClass(name, false);
  if (c) return c;
  if (declarePublished(rt, name)) return findClass(name, false)!;
  return rt.throwError('Error', `Class "${name}" not found`);
}

transferHooks.sharedPtr = (o: PhpObject): number => {
  const st = o.native;
  if (!(st instanceof ThreadedState)) return 0;
  if (!st.known) remember(o, st);
  publishClass(rt, o.cls);
  return st.rec;
};
transferHooks.sharedObject = (ptr: number, className: string): PhpObject => objectFor(ptr, className);
