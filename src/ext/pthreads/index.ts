// The pthreads extension, procedural API: threads that run PHP on other cores, mutexes, condition
// variables and Volatile stores shared between them. The machinery is src/threads (shared heap,
// futexes, value transfer, worker pool); this file is PHP's face of it: signatures, resources, errors.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import { rt } from '../../runtime/request.js';
import type { Request } from '../../runtime/request.js';
import { PhpResource } from '../../runtime/values.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { typeName } from '../../runtime/convert.js';
import { isCallable } from '../../runtime/calls.js';
import { HandleKind, MutexError, mutexCreate, mutexLock, mutexTryLock, mutexUnlock, mutexDestroy, handleAlive } from '../../threads/mutex.js';
import { condCreate, condWait, condSignal, condBroadcast } from '../../threads/cond.js';
import { storeCreate, storeSet, storeGet, keyBytes } from '../../threads/store.js';
import { encodeValue, decodeValue, handleResource, HANDLE_TYPE_NAMES, HandleRef } from '../../threads/transfer.js';
import { snapshotProgram, Inherit } from '../../threads/program.js';
import { threadStart, threadJoin, threadIsRunning, threadIsJoined, threadId, finishRequestThreads, stopPool } from '../../threads/pool.js';
import { normStrKey } from '../../runtime/array.js';
import { registerThreaded } from './threaded.js';
import { registerThread } from './thread.js';
import { registerWorker, shutdownWorkers } from './worker.js';
import { registerPool } from './pool.js';
import { registerSync } from './sync.js';

/** The shared-heap pointer behind a handle argument, checked as zend_fetch_resource does. */
export function handleArg(fname: string, param: string, v: any, kind: HandleKind): number {
  if (!(v instanceof PhpResource)) rt.throwError('TypeError', `${fname}(): Argument #1 (${param}) must be of type resource, ${typeName(v)} given`);
  const h = v.handle as HandleRef | null;
  if (v.closed || !h || typeof h !== 'object' || h.kind !== kind || v.type !== HANDLE_TYPE_NAMES[kind] || !handleAlive(h.ptr)) {
    rt.throwError('TypeError', `${fname}(): supplied resource is not a valid ${HANDLE_TYPE_NAMES[kind]} resource`);
  }
  return h.ptr;
}

/** Misuse of a primitive (double join, unlocking a mutex one does not hold) is a RuntimeException. */
function runtimeError(e: unknown): never {
  if (e instanceof MutexError) rt.throwError('RuntimeException', e.message);
  throw e;
}

function withMisuse<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    return runtimeError(e);
  }
}

/** The task a thread runs, encoded: [callable or object with run(), [arguments]]. */
export function encodeTask(fname: string, task: any, args: any[]): Uint8Array {
  if (task instanceof PhpObject && !(task.native && (task.native as any).closure) && !task.cls.findMethod('run') && !task.cls.findMethod('__invoke')) {
    rt.throwError('TypeError', `${fname}(): Argument #1 ($task) must be a valid callback or an object with a run() method`);
  }
  if (!(task instanceof PhpObject) && !isCallable(task)) {
    rt.throwError('TypeError', `${fname}(): Argument #1 ($task) must be a valid callback or an object with a run() method, ${typeof task === 'string' ? `function "${task}" not found or invalid function name` : typeName(task) + ' given'}`);
  }
  return encodeValue(PhpArray.fromList([task, PhpArray.fromList(args)]));
}

/** Starts a thread in the running request with its program as declared now. */
export function startThread(req: Request, task: Uint8Array, inherit: number = Inherit.All): number {
  return threadStart(req, snapshotProgram(req, inherit), task);
}

function volatileKey(k: any): Uint8Array {
  return keyBytes(typeof k === 'string' ? normStrKey(k) : k);
}

function registerThreads(r: Registry): void {
  r.functions({
    'pthreads_thread_start(mixed $task, mixed ...$args): mixed': (task: any, args: any[]) => {
      const ptr = startThread(rt, encodeTask('pthreads_thread_start', task, args));
      return handleResource(HandleKind.Thread, ptr);
    },
    'pthreads_thread_join(mixed $thread): bool': (t: any) => {
      const ptr = handleArg('pthreads_thread_join', '$thread', t, HandleKind.Thread);
      if (!threadJoin(rt, ptr)) rt.throwError('RuntimeException', 'Thread has already been joined');
      return true;
    },
    'pthreads_thread_isRunning(mixed $thread): bool': (t: any) => threadIsRunning(handleArg('pthreads_thread_isRunning', '$thread', t, HandleKind.Thread)),
    'pthreads_thread_isJoined(mixed $thread): bool': (t: any) => threadIsJoined(handleArg('pthreads_thread_isJoined', '$thread', t, HandleKind.Thread)),
    'pthreads_thread_getThreadId(mixed $thread): int': (t: any) => threadId(handleArg('pthreads_thread_getThreadId', '$thread', t, HandleKind.Thread)),
  });
}

function registerMutexes(r: Registry): void {
  r.functions({
    'pthreads_mutex_create(): mixed': () => handleResource(HandleKind.Mutex, mutexCreate()),
    'pthreads_mutex_lock(mixed $mutex): bool': (m: any) => withMisuse(() => mutexLock(handleArg('pthreads_mutex_lock', '$mutex', m, HandleKind.Mutex))),
    'pthreads_mutex_trylock(mixed $mutex): bool': (m: any) => mutexTryLock(handleArg('pthreads_mutex_trylock', '$mutex', m, HandleKind.Mutex)),
    'pthreads_mutex_unlock(mixed $mutex): bool': (m: any) => {
      withMisuse(() => mutexUnlock(handleArg('pthreads_mutex_unlock', '$mutex', m, HandleKind.Mutex)));
      return true;
    },
    'pthreads_mutex_destroy(mixed $mutex): bool': (m: any) => {
      withMisuse(() => mutexDestroy(handleArg('pthreads_mutex_destroy', '$mutex', m, HandleKind.Mutex)));
      (m as PhpResource).closed = true;
      return true;
    },
  });
}

function registerConds(r: Registry): void {
  r.functions({
    'pthreads_cond_create(): mixed': () => handleResource(HandleKind.Cond, condCreate()),
    'pthreads_cond_wait(mixed $cond, mixed $mutex, int $timeout_us = 0): bool': (c: any, m: any, timeout: number) => {
      const cond = handleArg('pthreads_cond_wait', '$cond', c, HandleKind.Cond);
      const mutex = handleArg('pthreads_cond_wait', '$mutex', m, HandleKind.Mutex);
      if (timeout < 0) rt.throwError('ValueError', 'pthreads_cond_wait(): Argument #3 ($timeout_us) must be greater than or equal to 0');
      return withMisuse(() => condWait(cond, mutex, timeout === 0 ? Infinity : timeout / 1000));
    },
    'pthreads_cond_signal(mixed $cond): bool': (c: any) => {
      condSignal(handleArg('pthreads_cond_signal', '$cond', c, HandleKind.Cond));
      return true;
    },
    'pthreads_cond_broadcast(mixed $cond): bool': (c: any) => {
      condBroadcast(handleArg('pthreads_cond_broadcast', '$cond', c, HandleKind.Cond));
      return true;
    },
  });
}

function registerVolatiles(r: Registry): void {
  r.functions({
    'pthreads_volatile_create(): mixed': () => handleResource(HandleKind.Volatile, storeCreate()),
    'pthreads_volatile_set(mixed $volatile, string|int $key, mixed $value): bool': (v: any, k: any, value: any) => {
      const ptr = handleArg('pthreads_volatile_set', '$volatile', v, HandleKind.Volatile);
      storeSet(ptr, volatileKey(k), encodeValue(value));
      return true;
    },
    'pthreads_volatile_get(mixed $volatile, string|int $key): mixed': (v: any, k: any) => {
      const ptr = handleArg('pthreads_volatile_get', '$volatile', v, HandleKind.Volatile);
      const b = storeGet(ptr, volatileKey(k));
      return b === null ? null : decodeValue(b);
    },
  });
}

export class PthreadsExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'pthreads', version: PHP_VERSION, dependencies: ['standard', 'spl'] };
  }

  moduleInit(r: Registry): void {
    registerThreads(r);
    registerMutexes(r);
    registerConds(r);
    registerVolatiles(r);
    // the object-oriented API (PECL pthreads v3) and v2's static Mutex and Cond
    registerThreaded(r);
    registerThread(r);
    registerWorker(r);
    registerPool(r);
    registerSync(r);
    r.constants({
      PTHREADS_INHERIT_NONE: Inherit.None,
      PTHREADS_INHERIT_INI: Inherit.Ini,
      PTHREADS_INHERIT_CONSTANTS: Inherit.Constants,
      PTHREADS_INHERIT_FUNCTIONS: Inherit.Functions,
      PTHREADS_INHERIT_CLASSES: Inherit.Classes,
      PTHREADS_INHERIT_INCLUDES: Inherit.Includes,
      PTHREADS_INHERIT_COMMENTS: Inherit.Comments,
      PTHREADS_INHERIT_ALL: Inherit.All,
      PTHREADS_ALLOW_HEADERS: 0x10000000,
    });
  }

  /**
   * RSHUTDOWN: Workers still running are told to finish their stacks (as their destructors would),
   * then the threads the script left running are waited for, so their output is not lost.
   */
  requestShutdown(req: Request): void {
    shutdownWorkers(req);
    finishRequestThreads(req);
  }

  moduleShutdown(): void {
    stopPool();
  }
}
