// PHP threads on Node workers. Each worker runs one Engine (one VM per thread); a worker that has
// finished a thread stays in the pool and takes the next one, so starting a thread is usually a message
// to a warm worker. A thread's handle lives in the shared heap:
//   [state, thread id, alive, kind, joined, creator's thread id, terminated by an error, -]
// so any thread holding it can ask about it or join it, blocking in Atomics.wait.

import { Worker, MessageChannel, MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Request } from '../runtime/request.js';
import { sharedHeap } from './heap.js';
import { HandleKind, ALIVE, KIND } from './mutex.js';
import { currentThreadId } from './identity.js';
import type { ProgramSnapshot } from './program.js';
import type { ModuleSource } from '../engine/engine.js';

export const enum ThreadState {
  Started = 0,
  Finished = 2,
}

const enum W {
  State = 0,
  Tid = 1,
  Joined = 4,
  Creator = 5,
  Terminated = 6,
  Words = 8,
}

/** What a worker receives to run a thread. */
export interface ThreadTask {
  handle: number;
  tid: number;
  program: ProgramSnapshot;
  /** the encoded callable and arguments (transfer.ts) */
  task: Uint8Array;
  /** where output goes: a file descriptor written directly, or null to send it back over the port */
  outputFd: number | null;
  /** compiled modules this worker has not seen yet */
  modules: ({ key: string } & ModuleSource)[];
  /** the worker's busy word, cleared when the thread has finished */
  busy: number;
  /** a thread entry (threadEntries) run instead of calling the task: a long-lived service loop */
  entry: string | null;
  /** what the entry receives, structured-cloned */
  payload: unknown;
}

/**
 * Entry points a thread can run instead of a PHP callable (a parallel Runtime's task loop), by name:
 * extensions register them when their module loads, in every thread.
 */
export const threadEntries = new Map<string, (req: Request, payload: any) => void>();

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  /** Int32 index of the word that is 1 while the worker runs a thread */
  busy: number;
  known: Set<string>;
  /** the pool it belongs to (pools) */
  pool: PoolWorker[];
}

/** Workers by the extension modules their engines have (engines of one process may differ). */
const pools = new Map<string, PoolWorker[]>();
// Workers run the ES module dist/threads/worker.js, unless the command's loader (bin/phpts.cjs) has
// named a script that starts them from its bundle: with the bundle's code cache a cold worker is ready
// in a fraction of the time the ES module graph takes. In the bundle, a CommonJS build,
// scripts/bundle.mjs rewrites import.meta.url to the URL of the module's twin in dist/.
// @ts-ignore TS1343: import.meta in the CommonJS build (tsconfig.bundle.json)
const MODULE_WORKER = new URL('./worker.js', import.meta.url);
const workerScript = (): URL | string => (globalThis as { __phptsWorkerScript?: string }).__phptsWorkerScript ?? MODULE_WORKER;

type ExtensionModules = { url: string; exportName: string }[];

/**
 * Once threads run, V8 gives each function its feedback vector on its first call instead of after a
 * while (a process-wide setting; the threads' engines start after it). With lazy vectors, a function
 * whose first call spends long in a loop (a task's run()) is compiled by on-stack replacement before
 * the code after the loop has ever run, and its prologue has no feedback either: the whole-function
 * code compiled meanwhile deoptimizes on the next call, and every later call re-enters the stale loop
 * code and deoptimizes at the loop's exit, for hundreds of calls (a Worker running 500 tasks: up to
 * 500 deopts). Code that runs threads runs the same functions many times, where eager vectors cost
 * nothing; a single-threaded script (run-once code, where lazy vectors are cheaper) keeps the default.
 */
let tunedForThreads = false;
function tuneForThreads(): void {
  if (tunedForThreads) return;
  tunedForThreads = true;
  setFlagsFromString('--no-lazy-feedback-allocation');
  // With fewer than 4 cores, threads that compute keep every core busy: a compile job on V8's
  // background threads then takes its time from another thread's PHP code (two Workers each ran
  // their tasks 5-15% slower than one alone, one of the two often most). The threads' engines
  // (made after this) compile on their own thread instead, as does on-stack replacement.
  if (availableParallelism() < 4) {
    setFlagsFromString('--no-concurrent-recompilation');
    setFlagsFromString('--no-concurrent-osr');
  }
}

function spawn(pool: PoolWorker[], extensions: ExtensionModules): PoolWorker {
  tuneForThreads();
  const heap = sharedHeap();
  const busy = heap.malloc(8) >> 2;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerScript(), {
    workerData: { sab: heap.sab, port: port2, extensions },
    transferList: [port2],
    resourceLimits: { stackSizeMb: 16 },
    stdout: false,
    stderr: false,
  });
  // an idle pool must not keep the process alive
  worker.unref();
  port1.unref();
  const w: PoolWorker = { worker, port: port1, busy, known: new Set(), pool };
  pool.push(w);
  return w;
}

function poolFor(extensions: ExtensionModules): PoolWorker[] {
  const key = JSON.stringify(extensions);
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = []));
  return pool;
}

/**
 * A free worker. `longLived`: the thread will hold it for long, mostly waiting (a service loop): no
 * spare is started meanwhile, so the two do not compete for the cores while it starts up; the caller
 * asks for one once its thread is running (warmSpare).
 */
function acquire(extensions: ExtensionModules, longLived: boolean): PoolWorker {
  const pool = poolFor(extensions);
  const i32 = sharedHeap().i32;
  for (const w of pool) if (Atomics.compareExchange(i32, w.busy, 0, 1) === 0) return w;
  const w = spawn(pool, extensions);
  Atomics.store(i32, w.busy, 1);
  // keep one warm spare while there are cores to use
  if (!longLived && pool.length < availableParallelism()) spawn(pool, extensions);
  return w;
}

/** Starts a worker unless one is idle: the next thread (a long-lived one, whatever the cores) starts warm. */
export function warmSpare(req: Request): void {
  const i32 = sharedHeap().i32;
  const extensions = req.core.engine.threadExtensionModules();
  const pool = poolFor(extensions);
  if (!pool.some((w) => Atomics.load(i32, w.busy) === 0)) spawn(pool, extensions);
}

/** Starts a thread running `task` (or the thread entry named `entry`); returns its handle. */
export function threadStart(req: Request, program: ProgramSnapshot, task: Uint8Array, entry: string | null = null, payload: unknown = null): number {
  const heap = sharedHeap();
  const handle = heap.malloc(W.Words * 4);
  const w0 = handle >> 2;
  const tid = heap.nextThreadId();
  Atomics.store(heap.i32, w0 + W.Tid, tid);
  Atomics.store(heap.i32, w0 + W.Creator, currentThreadId());
  Atomics.store(heap.i32, w0 + KIND, HandleKind.Thread);
  Atomics.store(heap.i32, w0 + ALIVE, 1);
  const engine = req.core.engine;
  const w = acquire(engine.threadExtensionModules(), entry !== null);
  const modules: ThreadTask['modules'] = [];
  for (const key of program.modules) {
    if (w.known.has(key)) continue;
    const src = engine.moduleSource(key);
    if (!src) continue;
    modules.push({ key, ...src });
    w.known.add(key);
  }
  const msg: ThreadTask = { handle, tid, program, task, outputFd: req.outputFd, modules, busy: w.busy, entry, payload };
  w.worker.postMessage(msg);
  started(req).push(handle);
  workerOf.set(handle, w);
  return handle;
}

/** The worker each thread ran on: joining a thread delivers that worker's output (in order). */
const workerOf = new Map<number, PoolWorker>();

/** The threads a request started, joined at its end if nobody else did. */
function started(req: Request): number[] {
  return (req.ext.threadsStarted ??= []);
}

export function threadIsRunning(handle: number): boolean {
  return Atomics.load(sharedHeap().i32, handle >> 2) !== ThreadState.Finished;
}

export function threadIsJoined(handle: number): boolean {
  return Atomics.load(sharedHeap().i32, (handle >> 2) + W.Joined) === 1;
}

export function threadId(handle: number): number {
  return Atomics.load(sharedHeap().i32, (handle >> 2) + W.Tid);
}

export function threadCreatorId(handle: number): number {
  return Atomics.load(sharedHeap().i32, (handle >> 2) + W.Creator);
}

export function threadTerminated(handle: number): boolean {
  return Atomics.load(sharedHeap().i32, (handle >> 2) + W.Terminated) === 1;
}

/** Blocks until the thread has finished. */
export function threadWait(handle: number): void {
  const i32 = sharedHeap().i32;
  for (;;) {
    const s = Atomics.load(i32, handle >> 2);
    if (s === ThreadState.Finished) return;
    Atomics.wait(i32, handle >> 2, s);
  }
}

/** Joins: false when the thread was joined already (by anyone). */
export function threadJoin(req: Request | null, handle: number): boolean {
  const i32 = sharedHeap().i32;
  if (Atomics.compareExchange(i32, (handle >> 2) + W.Joined, 0, 1) !== 0) return false;
  threadWait(handle);
  const w = workerOf.get(handle);
  workerOf.delete(handle);
  if (req && w) drainPort(req, w);
  return true;
}

/** Run by the worker when a thread ends: records how, wakes joiners, frees the worker. */
export function threadFinished(handle: number, terminated: boolean, busy: number): void {
  const i32 = sharedHeap().i32;
  if (terminated) Atomics.store(i32, (handle >> 2) + W.Terminated, 1);
  Atomics.store(i32, handle >> 2, ThreadState.Finished);
  Atomics.notify(i32, handle >> 2);
  Atomics.store(i32, busy, 0);
}

/**
 * Stops a thread by terminating its worker (which leaves the pool): for a thread that must end now and
 * does not reach a point where it could stop by itself. Its joiners are woken as for a thread that failed.
 */
export function threadTerminate(handle: number): boolean {
  const w = workerOf.get(handle);
  if (!w || !threadIsRunning(handle)) return false;
  w.pool.splice(w.pool.indexOf(w), 1);
  void w.worker.terminate();
  threadFinished(handle, true, w.busy);
  return true;
}

/** Output threads sent back (when the request has no file descriptor of its own) goes to its sink. */
export function drainOutput(req: Request): void {
  for (const pool of pools.values()) for (const w of pool) drainPort(req, w);
}

function drainPort(req: Request, w: PoolWorker): void {
  for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) req.output.sink(m.message as string);
}

/** At the end of a request: the threads it started and nobody joined are waited for. */
export function finishRequestThreads(req: Request): void {
  const list: number[] | undefined = req.ext.threadsStarted;
  if (list) for (const h of list) threadWait(h);
  drainOutput(req);
  req.ext.threadsStarted = [];
}

/** Stops the pool's workers (engine shutdown). */
export function stopPool(): void {
  for (const pool of pools.values()) for (const w of pool) void w.worker.terminate();
  pools.clear();
}
