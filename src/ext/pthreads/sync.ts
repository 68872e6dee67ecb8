// pthreads v2's static Mutex and Cond classes: handles as integers (the primitive's place in the shared
// heap), over the same mutexes and condition variables as the procedural API.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { sharedHeap } from '../../threads/heap.js';
import { HandleKind, KIND, MutexError, mutexCreate, mutexLock, mutexTryLock, mutexUnlock, mutexDestroy, handleAlive } from '../../threads/mutex.js';
import { condCreate, condWait, condSignal, condBroadcast, condDestroy } from '../../threads/cond.js';

/** The pointer an integer handle names, checked to be a live primitive of `kind`. */
function handle(method: string, n: number, kind: HandleKind): number {
  const heap = sharedHeap();
  const ok = Number.isSafeInteger(n) && n > 0 && n % 8 === 0 && n + 16 <= heap.sab.byteLength && Atomics.load(heap.i32, (n >> 2) + KIND) === kind && handleAlive(n);
  if (!ok) rt.throwError('RuntimeException', `${method}(): the ${kind === HandleKind.Mutex ? 'mutex' : 'condition'} handle is not valid`);
  return n;
}

function misuse<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MutexError) rt.throwError('RuntimeException', e.message);
    throw e;
  }
}

export function registerSync(r: Registry): void {
  r.class({
    name: 'Mutex',
    flags: 32,
    nativeMethods: {
      'public static create(bool $lock = false): int': function (lock: boolean) {
        const m = mutexCreate();
        if (lock) mutexLock(m);
        return m;
      },
      'public static lock(int $mutex): bool': function (m: number) {
        return misuse(() => mutexLock(handle('Mutex::lock', m, HandleKind.Mutex)));
      },
      'public static trylock(int $mutex): bool': function (m: number) {
        return mutexTryLock(handle('Mutex::trylock', m, HandleKind.Mutex));
      },
      'public static unlock(int $mutex, bool $destroy = false): bool': function (m: number, destroy: boolean) {
        const p = handle('Mutex::unlock', m, HandleKind.Mutex);
        misuse(() => mutexUnlock(p));
        if (destroy) misuse(() => mutexDestroy(p));
        return true;
      },
      'public static destroy(int $mutex): bool': function (m: number) {
        misuse(() => mutexDestroy(handle('Mutex::destroy', m, HandleKind.Mutex)));
        return true;
      },
    },
  });
  r.class({
    name: 'Cond',
    flags: 32,
    nativeMethods: {
      'public static create(): int': function () {
        return condCreate();
      },
      'public static wait(int $condition, int $mutex, int $timeout = 0): bool': function (c: number, m: number, timeout: number) {
        const cond = handle('Cond::wait', c, HandleKind.Cond);
        const mutex = handle('Cond::wait', m, HandleKind.Mutex);
        return misuse(() => condWait(cond, mutex, timeout > 0 ? timeout / 1000 : Infinity));
      },
      'public static signal(int $condition): bool': function (c: number) {
        condSignal(handle('Cond::signal', c, HandleKind.Cond));
        return true;
      },
      'public static broadcast(int $condition): bool': function (c: number) {
        condBroadcast(handle('Cond::broadcast', c, HandleKind.Cond));
        return true;
      },
      'public static destroy(int $condition): bool': function (c: number) {
        condDestroy(handle('Cond::destroy', c, HandleKind.Cond));
        return true;
      },
    },
  });
}
