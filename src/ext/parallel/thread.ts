// A Runtime's thread: bootstraps its request, then runs the queued tasks in order (runtimeServe) until
// it is closed or killed. A task's return value or uncaught exception settles its future; without a
// future, an uncaught exception is reported by the thread as PHP reports any (Fatal error: Uncaught).
// Sleeps, channel and future waits of a task are interruptible: cancel() and kill() stop it there.

import * as fs from 'node:fs';
import type { Request } from '../../runtime/request.js';
import { PhpObject } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { threadEntries } from '../../threads/pool.js';
import { runtimeServe, runtimeStarted, runtimeInterruptCell, runtimeCurrent, RuntimeInterrupt } from '../../threads/runtime.js';
import { futureSet, futureSettle, futureState, FutureState } from '../../threads/future.js';
import { enableInterrupts, disableInterrupts, clearInterrupt, interruptibleSleep, TaskInterrupted } from '../../threads/interrupt.js';
import { sleeper } from '../standard/basic.js';
import { copyIn, copyOut, saveException } from './copy.js';
import { parallelState, RUNTIME_ENTRY, RuntimePayload } from './runtime.js';

function bootstrap(req: Request, file: string | null): boolean {
  if (file === null) return true;
  const top = req.top;
  if (!isFile(file)) {
    // opened before any script runs, as php_stream_open_for_zend reports it
    const [f, l] = [top.file, top.line];
    top.file = 'Unknown';
    top.line = 0;
    req.warn('Unknown: Failed to open stream: No such file or directory');
    top.file = f;
    top.line = l;
    return false;
  }
  try {
    req.core.includeFile(file, 'require', req.globals, null, null, req.cwd);
    return true;
  } catch {
    req.top = top;
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function runTask(req: Request, future: number, bytes: Uint8Array): void {
  if (future !== 0) {
    // cancelled between leaving the queue and starting
    if (futureState(future) & FutureState.Cancelled) {
      futureSet(future, FutureState.Ready);
      return;
    }
    futureSet(future, FutureState.Running);
  }
  const top = req.top;
  try {
    const [closure, args] = (copyIn(bytes) as PhpArray).valueList();
    const result = req.core.callValue(closure, (args as PhpArray).valueList());
    if (future !== 0) futureSettle(future, copyOut(result), 0);
  } catch (e) {
    req.top = top;
    if (e instanceof TaskInterrupted) {
      // the interrupter marked the future killed or cancelled already
      if (future !== 0) futureSet(future, FutureState.Ready);
      return;
    }
    if (e instanceof PhpObject && future !== 0) {
      futureSettle(future, saveException(e), FutureState.Error);
      return;
    }
    // exit(), a fatal error, or an exception nobody will read: the thread reports it, the runtime goes on
    req.core.engine.guard(req, () => {
      throw e;
    });
    req.exitStatus = 0;
    if (future !== 0) futureSet(future, FutureState.Ready | FutureState.Killed);
  } finally {
    req.top = top;
  }
}

function serve(req: Request, payload: RuntimePayload): void {
  const { ctl } = payload;
  const cell = runtimeInterruptCell(ctl);
  parallelState(req).inRuntime = true;
  // a task is the bottom of its thread's stack: traces end with {main} there, as in parallel
  req.top.taskRoot = true;
  enableInterrupts(cell, (flags) => {
    if (flags & RuntimeInterrupt.Kill) return true;
    const current = runtimeCurrent(ctl);
    if (current !== 0 && futureState(current) & FutureState.Cancelled) return true;
    // a cancellation meant for a task that has finished meanwhile
    clearInterrupt(cell, RuntimeInterrupt.Cancel);
    return false;
  });
  const plainSleep = sleeper.sleep;
  sleeper.sleep = interruptibleSleep;
  try {
    const ok = bootstrap(req, payload.bootstrap);
    runtimeStarted(ctl, ok);
    if (ok) runtimeServe(ctl, (future, bytes) => runTask(req, future, bytes));
  } finally {
    sleeper.sleep = plainSleep;
    disableInterrupts();
  }
}

threadEntries.set(RUNTIME_ENTRY, serve);
