// parallel\Runtime and the functional API (parallel\run, parallel\bootstrap). A Runtime is one thread:
// a pool worker running one long request, which includes the bootstrap file once, then runs the tasks
// queued to it in order (src/threads/runtime.ts; the thread's side is thread.ts). It starts with no
// functions, classes or ini changes of its creator: only the bootstrap file and the -d settings.

import type { Registry } from '../../engine/extension.js';
import type { Request } from '../../runtime/request.js';
import { rt } from '../../runtime/request.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { instantiate } from '../../runtime/classdecl.js';
import * as path from 'node:path';
import { snapshotProgram, Inherit, ProgramSnapshot } from '../../threads/program.js';
import { threadStart, threadTerminate, warmSpare } from '../../threads/pool.js';
import { runtimeCreate, runtimeSetHandle, runtimeAwait, runtimePush, runtimeClose, runtimeKill, runtimeAbandoned, runtimeBusy, RuntimeState } from '../../threads/runtime.js';
import { futureCreate } from '../../threads/future.js';
import { publishModules } from '../../threads/modules.js';
import { checkTask } from './check.js';
import { copyOut } from './copy.js';
import { newFuture } from './future.js';
import { fail } from './errors.js';

/** How long kill() lets a task stop at a blocking call before its thread is stopped outright. */
const KILL_GRACE_MS = 200;

export const RUNTIME_ENTRY = 'parallel.runtime';

export interface RuntimePayload {
  ctl: number;
  bootstrap: string | null;
}

interface RuntimeNative {
  ctl: number;
  /** the thread's handle, 0 until the thread is started (on the first task when there is no bootstrap) */
  handle: number;
  bootstrap: string | null;
  closed: boolean;
}

/** The request's parallel state: its runtimes (closed at its end) and the functional API's. */
interface ParallelState {
  runtimes: PhpObject[];
  /** parallel\run's runtimes */
  pool: PhpObject[];
  bootstrap: string | null;
  /** parallel\run was called: parallel\bootstrap may not be any more */
  ran: boolean;
  /** this request is a runtime's thread */
  inRuntime: boolean;
  /** runtime threads this request started */
  launched: number;
}

export function parallelState(req: Request): ParallelState {
  return (req.ext.parallel ??= { runtimes: [], pool: [], bootstrap: null, ran: false, inRuntime: false, launched: 0 } as ParallelState);
}

function runtimeOf(o: PhpObject): RuntimeNative {
  return o.native as RuntimeNative;
}

/** A runtime's program: nothing of its creator's, but the process's -d settings and its modules. */
function runtimeProgram(req: Request): ProgramSnapshot {
  const p = snapshotProgram(req, Inherit.None);
  const ini: Record<string, string> = req.ext.startupIni ?? {};
  p.ini = Object.entries(ini);
  return p;
}

/**
 * Makes a runtime. With a bootstrap file its thread starts now and the constructor waits for the
 * bootstrap's outcome, which it reports; without, nothing can fail: the thread starts with the first
 * task (a runtime that only ever refuses tasks costs no thread).
 */
function startRuntime(o: PhpObject, bootstrap: string | null): void {
  const req = rt;
  const file = bootstrap === null ? null : path.resolve(req.cwd, bootstrap);
  o.native = { ctl: runtimeCreate(), handle: 0, bootstrap: file, closed: false } as RuntimeNative;
  const st = parallelState(req);
  st.runtimes.push(o);
  if (file === null) return;
  const s = runtimeAwait(launch(o), RuntimeState.Ready | RuntimeState.Failed);
  if (s & RuntimeState.Failed) {
    runtimeOf(o).closed = true;
    fail('Runtime\\Error\\Bootstrap', `bootstrapping failed with ${bootstrap}`);
  }
}

/** Starts the runtime's thread (once); returns its control block. */
function launch(o: PhpObject): number {
  const r = runtimeOf(o);
  if (r.handle !== 0) return r.ctl;
  const req = rt;
  publishModules(req);
  const payload: RuntimePayload = { ctl: r.ctl, bootstrap: r.bootstrap };
  r.handle = threadStart(req, runtimeProgram(req), new Uint8Array(0), RUNTIME_ENTRY, payload);
  runtimeSetHandle(r.ctl, r.handle);
  // a program that started a few runtime threads tends to start more: the next one starts on a warm
  // worker (a spare for every program would only compete for the cores with its few runtimes)
  const st = parallelState(req);
  if (++st.launched >= 3) warmSpare(req);
  return r.ctl;
}

function newRuntime(bootstrap: string | null): PhpObject {
  const o = instantiate(rt.core.builtinClasses.get('parallel\\runtime') as PhpClass);
  startRuntime(o, bootstrap);
  return o;
}

/** Runtime::run: checks the task, queues it, gives a Future when the task returns or the caller keeps one. */
function schedule(o: PhpObject, task: PhpObject, argv: PhpArray | null, discarded: boolean): PhpObject | null {
  const r = runtimeOf(o);
  if (r.closed) fail('Runtime\\Error\\Closed', 'Runtime closed');
  const needsFuture = checkTask(task, argv, discarded);
  const bytes = copyOut(PhpArray.fromList([task, argv ?? new PhpArray()]));
  const future = needsFuture ? futureCreate() : 0;
  if (!runtimePush(launch(o), future, bytes)) fail('Runtime\\Error\\Closed', 'Runtime closed');
  return needsFuture ? newFuture(future, r.ctl) : null;
}

function close(o: PhpObject): void {
  const r = runtimeOf(o);
  if (r.closed) fail('Runtime\\Error\\Closed', 'Runtime closed');
  r.closed = true;
  if (r.handle !== 0) runtimeClose(r.ctl);
}

function kill(o: PhpObject): void {
  const r = runtimeOf(o);
  if (r.closed) fail('Runtime\\Error\\Closed', 'Runtime closed');
  r.closed = true;
  if (r.handle === 0) return;
  // a task that never blocks cannot be interrupted where it is: its thread is stopped outright
  if (!runtimeKill(r.ctl, KILL_GRACE_MS) && threadTerminate(r.handle)) runtimeAbandoned(r.ctl);
}

/** RSHUTDOWN: runtimes still open finish their queued tasks, as their destructors do in parallel. */
export function closeRuntimes(req: Request): void {
  const st: ParallelState | undefined = req.ext.parallel;
  if (!st) return;
  for (const o of st.runtimes) {
    const r = runtimeOf(o);
    if (r.closed) continue;
    r.closed = true;
    if (r.handle !== 0) runtimeClose(r.ctl);
  }
  st.runtimes = [];
  st.pool = [];
}

/** parallel\run: a free runtime of the functional API's, or a new one. */
function functionalRuntime(): PhpObject {
  const st = parallelState(rt);
  st.ran = true;
  for (const o of st.pool) {
    const r = runtimeOf(o);
    if (!r.closed && !runtimeBusy(r.ctl)) return o;
  }
  const o = newRuntime(st.bootstrap);
  st.pool.push(o);
  return o;
}

export function registerRuntime(r: Registry): void {
  r.class({
    name: 'parallel\\Runtime',
    flags: 32 /* final */,
    nativeMethods: {
      'public __construct(?string $bootstrap = null)': function (this: PhpObject, bootstrap: string | null) {
        startRuntime(this, bootstrap);
      },
      'public run(Closure $task, array $argv = []): ?parallel\\Future': function (this: PhpObject, task: PhpObject, argv: PhpArray) {
        return schedule(this, task, argv, rt.top.unused);
      },
      'public close(): void': function (this: PhpObject) {
        close(this);
      },
      'public kill(): void': function (this: PhpObject) {
        kill(this);
      },
    },
  });

  r.functions({
    'parallel\\run(Closure $task, array $argv = []): ?parallel\\Future': (task: PhpObject, argv: PhpArray) => {
      const discarded = rt.top.unused;
      return schedule(functionalRuntime(), task, argv, discarded);
    },
    'parallel\\bootstrap(string $file): void': (file: string) => {
      const st = parallelState(rt);
      if (st.bootstrap !== null) fail('Runtime\\Error\\Bootstrap', `\\parallel\\bootstrap already set to ${st.bootstrap}`);
      if (st.inRuntime || st.ran) {
        fail('Runtime\\Error\\Bootstrap', '\\parallel\\bootstrap should be called once, before any calls to \\parallel\\run');
      }
      st.bootstrap = file;
    },
  });
}
