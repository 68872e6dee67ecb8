// pthreads' Thread: a Threaded object whose run() executes in a thread of its own. start() takes the
// creator's program (as the PTHREADS_INHERIT_* options say, always with the object's own class and
// the classes' static properties) and hands the object itself, by identity, to a pooled worker; the
// worker runs it with the creator's exception handler in place (taskHooks below).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import type { Request } from '../../runtime/request.js';
import { PhpObject } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { callMethodByName } from '../../runtime/objects.js';
import { isCallable } from '../../runtime/calls.js';
import { encodeValue } from '../../threads/transfer.js';
import { snapshotProgram } from '../../threads/program.js';
import { threadStart, threadJoin, threadId } from '../../threads/pool.js';
import { currentThreadId } from '../../threads/identity.js';
import { taskHooks } from '../../threads/task.js';
import { ThreadedState, State, Rec, stateOf, local, isThreaded } from './shared.js';
import { workerLoop, isWorker, requestShutdown } from './worker.js';

function misuse(message: string): never {
  return rt.throwError('RuntimeException', message);
}

/** The exception handler the thread inherits (pthreads copies the creator's), if it can travel. */
function inheritedHandler(req: Request): any {
  const h = req.exceptionHandlers.length ? req.exceptionHandlers[req.exceptionHandlers.length - 1] : null;
  if (h === null || h === undefined) return null;
  try {
    encodeValue(h);
    return h;
  } catch {
    return null;
  }
}

export function start(o: PhpObject, options: number): boolean {
  const st = stateOf(o);
  if (!st.inCreator()) misuse(`only the creator of this ${o.cls.name} may start it`);
  if (st.has(State.Started)) misuse(`the creator of ${o.cls.name} already started it`);
  st.set(State.Started | State.Running);
  const req = rt;
  const program = snapshotProgram(req, options, { classes: [o.cls], statics: true });
  const task = encodeValue(PhpArray.fromList([o, PhpArray.fromList([inheritedHandler(req)])]));
  st.setWord(Rec.Handle, threadStart(req, program, task));
  if (isWorker(o)) local(req).workers.push(st);
  return true;
}

export function join(o: PhpObject): boolean {
  const st = stateOf(o);
  if (!st.inCreator()) misuse(`only the creator of this ${o.cls.name} may join with it`);
  if (!st.has(State.Started)) misuse(`${o.cls.name} has not been started`);
  if (st.has(State.Joined)) misuse(`the creator of ${o.cls.name} already joined with it`);
  if (isWorker(o)) requestShutdown(st);
  st.set(State.Joined);
  threadJoin(rt, st.word(Rec.Handle));
  return true;
}

/** In the thread: run() with the creator's exception handler, then a Worker's stacked tasks. */
function runThreadObject(o: PhpObject, args: any[]): void {
  const st = stateOf(o);
  const handler = args[0];
  if (handler !== null && handler !== undefined && isCallable(handler)) rt.exceptionHandlers.push(handler);
  local().current = o;
  try {
    callMethodByName(o, 'run', []);
    if (isWorker(o)) workerLoop(o);
  } catch (e) {
    st.set(State.Terminated);
    throw e;
  } finally {
    st.clear(State.Running);
  }
}

taskHooks.runnerFor = (o: PhpObject) => (isThreaded(o) && isThreadObject(o) ? runThreadObject : null);

function isThreadObject(o: PhpObject): boolean {
  return o.cls.isSubclassOf(rt.core.builtinClasses.get('thread')!);
}

export function registerThread(r: Registry): void {
  r.class({
    name: 'Thread',
    parent: 'Threaded',
    nativeMethods: {
      'public start(int $options = PTHREADS_INHERIT_ALL): bool': function (this: PhpObject, options: number) {
        return start(this, options);
      },
      'public join(): bool': function (this: PhpObject) {
        return join(this);
      },
      'public isStarted(): bool': function (this: PhpObject) {
        return stateOf(this).has(State.Started);
      },
      'public isJoined(): bool': function (this: PhpObject) {
        return stateOf(this).has(State.Joined);
      },
      'public getThreadId(): int': function (this: PhpObject) {
        const st: ThreadedState = stateOf(this);
        return st.has(State.Started) ? threadId(st.word(Rec.Handle)) : 0;
      },
      'public getCreatorId(): int': function (this: PhpObject) {
        return stateOf(this).word(Rec.Creator);
      },
      'public static getCurrentThreadId(): int': function () {
        return currentThreadId();
      },
      'public static getCurrentThread(): ?Thread': function () {
        return local().current;
      },
    },
  });
}


