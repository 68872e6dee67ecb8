// parallel\Future: the result of a task, read from the shared future the task's runtime settles
// (src/threads/future.ts). value() waits, then copies the value in once (it is kept for later calls)
// or re-throws the task's exception; cancel() takes a queued task out of its runtime's queue or
// interrupts the running one.

import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { instantiate } from '../../runtime/classdecl.js';
import { futureState, futureWait, futureTake, futureSet, FutureState } from '../../threads/future.js';
import { runtimeUnqueue, runtimeInterruptCell } from '../../threads/runtime.js';
import { raiseInterrupt } from '../../threads/interrupt.js';
import { RuntimeInterrupt } from '../../threads/runtime.js';
import { copyIn, restoreException } from './copy.js';
import { fail } from './errors.js';

/** How long cancel() waits for a running task to stop at a blocking call before it gives up waiting. */
const CANCEL_GRACE_MS = 2000;

export interface FutureNative {
  /** the shared future */
  ptr: number;
  /** the runtime's control block */
  runtime: number;
  /** the value, once copied in */
  value: any;
  /** the saved exception, once taken (re-created at each value()) */
  error: Uint8Array | null;
  taken: boolean;
}

export function newFuture(ptr: number, runtime: number): PhpObject {
  const cls = rt.core.builtinClasses.get('parallel\\future') as PhpClass;
  const o = instantiate(cls);
  o.native = { ptr, runtime, value: null, error: null, taken: false } as FutureNative;
  return o;
}

export function futureOf(o: PhpObject): FutureNative {
  return o.native as FutureNative;
}

/** Reads a ready future's outcome once: the value, or the saved exception. */
function take(f: FutureNative): void {
  if (f.taken) return;
  f.taken = true;
  const bytes = futureTake(f.ptr);
  if (futureState(f.ptr) & FutureState.Error) f.error = bytes;
  else f.value = bytes === null ? null : copyIn(bytes);
}

/** The outcome of a ready future for an event: [value or exception object, state]. */
export function futureOutcome(o: PhpObject): [any, number] {
  const f = futureOf(o);
  const s = futureState(f.ptr);
  if (s & (FutureState.Killed | FutureState.Cancelled)) return [null, s];
  take(f);
  return [f.error !== null ? restoreException(f.error) : f.value, s];
}

export function futureReady(o: PhpObject): boolean {
  return (futureState(futureOf(o).ptr) & FutureState.Ready) !== 0;
}

function value(this: PhpObject): any {
  const f = futureOf(this);
  let s = futureState(f.ptr);
  if (s & FutureState.Cancelled) fail('Future\\Error\\Cancelled', 'cannot retrieve value');
  if (s & FutureState.Killed) fail('Future\\Error\\Killed', 'cannot retrieve value');
  if (!(s & FutureState.Ready)) {
    s = futureWait(f.ptr);
    if (s & FutureState.Cancelled) fail('Future\\Error\\Cancelled', 'cannot retrieve value');
    if (s & FutureState.Killed) fail('Future\\Error\\Killed', 'cannot retrieve value');
  }
  take(f);
  if (f.error !== null) throw restoreException(f.error);
  return f.value;
}

function cancel(this: PhpObject): boolean {
  const f = futureOf(this);
  const s = futureState(f.ptr);
  if (s & FutureState.Cancelled) fail('Future\\Error\\Cancelled', 'task was already cancelled');
  if (s & FutureState.Killed) fail('Future\\Error\\Killed', 'runtime executing task was killed');
  if (runtimeUnqueue(f.runtime, f.ptr)) {
    futureSet(f.ptr, FutureState.Ready | FutureState.Cancelled);
    return true;
  }
  // running (or about to): mark it cancelled, then interrupt its thread where it blocks
  if (!futureSet(f.ptr, FutureState.Cancelled, FutureState.Ready)) return false;
  raiseInterrupt(runtimeInterruptCell(f.runtime), RuntimeInterrupt.Cancel);
  futureWait(f.ptr, CANCEL_GRACE_MS);
  return true;
}

export function registerFuture(r: Registry): void {
  r.class({
    name: 'parallel\\Future',
    flags: 32 /* final */,
    nativeMethods: {
      'public __construct()': function (this: PhpObject) {
        fail('Future\\Error', 'construction of Future objects is not allowed');
      },
      'public value(): mixed': value,
      'public done(): bool': function (this: PhpObject) {
        return futureReady(this);
      },
      'public cancel(): bool': cancel,
      'public cancelled(): bool': function (this: PhpObject) {
        return (futureState(futureOf(this).ptr) & FutureState.Cancelled) !== 0;
      },
    },
  });
}
