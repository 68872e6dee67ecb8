// pthreads' Threaded, Volatile and Collectable: objects whose members are shared by every thread that
// holds them (members.ts), with a monitor each — synchronized(), wait() and notify() — and the
// array-like manipulations of the manual (merge, shift, pop, chunk, count).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { PhpArray, Key } from '../../runtime/array.js';
import { callValue } from '../../runtime/calls.js';
import { findClass } from '../../runtime/objects.js';
import { mutexOwner, mutexLock, mutexUnlock } from '../../threads/mutex.js';
import { condWait, condSignal, condBroadcast } from '../../threads/cond.js';
import { storeTake, storeCount, storeValueTag, keyFromBytes } from '../../threads/store.js';
import { decodeValue } from '../../threads/transfer.js';
import { currentThreadId } from '../../threads/identity.js';
import { ThreadedState, State, newRecord, stateOf, isThreaded } from './shared.js';
import { threadedHandlers, readyClass, adoptDefaults, members, writeMember, memberKey, elements } from './members.js';

// ───────────── the monitor ─────────────

/** Runs `f` holding the object's monitor; re-entrant: a thread already holding it just runs `f`. */
export function withMonitor<T>(st: ThreadedState, f: () => T): T {
  if (mutexOwner(st.mutex) === currentThreadId()) return f();
  mutexLock(st.mutex);
  try {
    return f();
  } finally {
    mutexUnlock(st.mutex);
  }
}

/** wait(): false when `timeoutUs` (microseconds, 0 = none) ran out first. */
function wait(st: ThreadedState, timeoutUs: number): boolean {
  return withMonitor(st, () => condWait(st.cond, st.mutex, timeoutUs > 0 ? timeoutUs / 1000 : Infinity));
}

export function notifyAll(st: ThreadedState): void {
  withMonitor(st, () => condBroadcast(st.cond));
}

// ───────────── manipulation ─────────────

function take(o: PhpObject, last: boolean): [Key, any] | null {
  const e = storeTake(stateOf(o).store, last);
  return e === null ? null : [keyFromBytes(e[0]), decodeValue(e[1])];
}

function merge(o: PhpObject, from: any, overwrite: boolean): boolean {
  let entries: [Key, any][];
  if (from instanceof PhpArray) entries = [...from.entries()] as [Key, any][];
  else if (isThreaded(from)) entries = members(stateOf(from));
  else if (from instanceof PhpObject) entries = from.propEntries().map(([k, v]) => [k.charCodeAt(0) === 0 ? k.slice(k.lastIndexOf('\0') + 1) : k, v]);
  else return rt.throwError('RuntimeException', `pthreads detected an attempt to merge from unsupported data (${typeof from === 'string' ? 'string' : 'scalar'})`);
  const store = stateOf(o).store;
  for (const [k, v] of entries) {
    if (!overwrite && storeValueTag(store, memberKey(k)) !== -1) continue;
    writeMember(o, k, v);
  }
  return true;
}

function chunk(o: PhpObject, size: number, preserve: boolean): PhpArray {
  if (size <= 0) rt.throwError('ValueError', 'Threaded::chunk(): Argument #1 ($size) must be greater than 0');
  const out = new PhpArray();
  for (let i = 0; i < size; i++) {
    const e = take(o, false);
    if (e === null) break;
    if (preserve) out.set(e[0], e[1]);
    else out.append(e[1]);
  }
  return out;
}

// ───────────── Threaded::extend ─────────────

/**
 * Makes an existing class a Threaded class at run time: its root ancestor gets Threaded as parent,
 * and the class and its descendants gain Threaded's interfaces, methods and behaviour.
 */
function extendClass(name: string): boolean {
  const threaded = rt.core.builtinClasses.get('threaded')!;
  const c = findClass(name, true);
  if (!c) return rt.throwError('RuntimeException', `pthreads detected an attempt to extend an unknown class (${name})`);
  if (c.isSubclassOf(threaded)) return true;
  if (c.isInterface || c.isTrait) return false;
  let root = c;
  while (root.parent) root = root.parent;
  const family: PhpClass[] = [];
  for (const k of [...rt.core.builtinClasses.values(), ...rt.classes.values()]) if (k.isSubclassOf(root)) family.push(k);
  for (const k of family) {
    for (const i of threaded.interfaces) if (!k.interfaces.includes(i)) k.interfaces.push(i);
    for (const [lc, m] of threaded.methods) if (!k.methods.has(lc)) k.methods.set(lc, m);
    k.handlers = threaded.handlers;
    k.createNative = threaded.createNative;
    // instanceof answers were cached before the class changed
    ((k as any).instanceofCache as Map<PhpClass, boolean>).clear();
  }
  root.parent = threaded;
  return true;
}

// ───────────── registration ─────────────

function self(o: PhpObject): ThreadedState {
  return stateOf(o);
}

export function registerThreaded(r: Registry): void {
  r.class({
    name: 'Collectable',
    flags: 1 << 8,
    methods: [{ name: 'isGarbage', flags: 1 | 16, fn: null }],
  });
  r.class({
    name: 'Threaded',
    interfaces: ['Collectable', 'Traversable', 'Countable', 'ArrayAccess'],
    createNative(o: PhpObject) {
      o.native = newRecord();
      readyClass(o.cls);
      adoptDefaults(o);
    },
    handlers: threadedHandlers,
    nativeMethods: {
      'public run()': function () {},
      'public wait(int $timeout = 0): bool': function (this: PhpObject, timeout: number) {
        return wait(self(this), timeout);
      },
      'public notify(): bool': function (this: PhpObject) {
        notifyAll(self(this));
        return true;
      },
      'public notifyOne(): bool': function (this: PhpObject) {
        const st = self(this);
        withMonitor(st, () => condSignal(st.cond));
        return true;
      },
      'public synchronized(Closure $block, mixed ...$args): mixed': function (this: PhpObject, block: any, args: any[]) {
        return withMonitor(self(this), () => callValue(block, args));
      },
      'public isRunning(): bool': function (this: PhpObject) {
        return self(this).has(State.Running);
      },
      'public isTerminated(): bool': function (this: PhpObject) {
        return self(this).has(State.Terminated);
      },
      'public isGarbage(): bool': function () {
        return true;
      },
      'public merge(mixed $from, bool $overwrite = true): bool': function (this: PhpObject, from: any, overwrite: boolean) {
        return merge(this, from, overwrite);
      },
      'public shift(): mixed': function (this: PhpObject) {
        return take(this, false)?.[1] ?? null;
      },
      'public pop(): mixed': function (this: PhpObject) {
        return take(this, true)?.[1] ?? null;
      },
      'public chunk(int $size, bool $preserve = false): array': function (this: PhpObject, size: number, preserve: boolean) {
        return chunk(this, size, preserve);
      },
      'public count(): int': function (this: PhpObject) {
        return storeCount(self(this).store);
      },
      'public offsetExists(mixed $offset): bool': function (this: PhpObject, k: any) {
        return elements.has(this, k, false);
      },
      'public offsetGet(mixed $offset): mixed': function (this: PhpObject, k: any) {
        return elements.read(this, k);
      },
      'public offsetSet(mixed $offset, mixed $value): void': function (this: PhpObject, k: any, v: any) {
        elements.write(this, k, v);
      },
      'public offsetUnset(mixed $offset): void': function (this: PhpObject, k: any) {
        elements.remove(this, k);
      },
      'public static extend(string $class): bool': function (name: string) {
        return extendClass(name);
      },
    },
  });
  r.class({ name: 'Volatile', parent: 'Threaded' });
}

