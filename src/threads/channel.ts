// Channels: queues of encoded values in the shared heap, usable from any thread, found by name in a
// process-wide registry (parallel's "links"). Buffered channels hold up to a capacity (or without
// limit); an unbuffered channel hands each value over: its sender returns once a receiver took it.
//
// Channel (Int32 words): lock owner, lock sleepers, change counter (everyone waiting sleeps on it),
// closed, buffered, capacity (-1: no limit), count, head, tail, receivers waiting, values sent, values
// taken, name pointer, name length. A value is a block [next, length, bytes...].

import { sharedHeap, Root } from './heap.js';
import { futexLock, futexUnlock } from './futex.js';
import { interruptibleWait } from './interrupt.js';
import { announceChange } from './notify.js';
import { spinUntilChanged } from './spin.js';
import { storeCreate, storeDelete, storeGet, storeSet } from './store.js';

const enum L {
  Lock = 0,
  Seq = 2,
  Closed = 3,
  Buffered = 4,
  Capacity = 5,
  Count = 6,
  Head = 7,
  Tail = 8,
  Readers = 9,
  Sent = 10,
  Taken = 11,
  Name = 12,
  NameLen = 13,
  /** a value block kept from the last receive, reused by the next send: no heap lock per value */
  Spare = 14,
  /** threads sleeping on the change counter (a change wakes them only when there are some) */
  Sleepers = 15,
  Words = 16,
}

/** Locks of channels and of the registry are held only inside this file, never across PHP code. */
const OWNER = -2;

export const INFINITE = -1;

// ───────────── registry ─────────────

/** Registry block: [lock, sleepers, name → channel store]. */
function registry(): number {
  const h = sharedHeap();
  return h.root(Root.Channels, () => {
    const p = h.malloc(16);
    Atomics.store(h.i32, (p >> 2) + 2, storeCreate());
    return p;
  });
}

function nameKey(name: string): Uint8Array {
  const b = new Uint8Array(name.length + 1);
  b[0] = 1;
  for (let i = 0; i < name.length; i++) b[i + 1] = name.charCodeAt(i) & 255;
  return b;
}

function withRegistry<T>(f: (store: number) => T): T {
  const h = sharedHeap();
  const r = registry();
  futexLock(h.i32, r >> 2, OWNER);
  try {
    return f(Atomics.load(h.i32, (r >> 2) + 2));
  } finally {
    futexUnlock(h.i32, r >> 2);
  }
}

function ptrBytes(p: number): Uint8Array {
  return new Uint8Array(new Int32Array([p]).buffer);
}

/** Makes a channel named `name`; 0 when a channel of that name exists. capacity: 0 unbuffered. */
export function channelMake(name: string, capacity: number): number {
  return withRegistry((store) => {
    const key = nameKey(name);
    if (storeGet(store, key) !== null) return 0;
    const p = channelCreate(name, capacity);
    storeSet(store, key, ptrBytes(p));
    return p;
  });
}

/** The open channel named `name`, or 0. */
export function channelOpen(name: string): number {
  return withRegistry((store) => {
    const b = storeGet(store, nameKey(name));
    return b === null ? 0 : new Int32Array(b.slice().buffer)[0];
  });
}

function channelCreate(name: string, capacity: number): number {
  const h = sharedHeap();
  const p = h.malloc(L.Words * 4);
  const w = p >> 2;
  const n = h.malloc(Math.max(name.length, 1));
  for (let i = 0; i < name.length; i++) h.u8[n + i] = name.charCodeAt(i) & 255;
  Atomics.store(h.i32, w + L.Name, n);
  Atomics.store(h.i32, w + L.NameLen, name.length);
  Atomics.store(h.i32, w + L.Buffered, capacity === 0 ? 0 : 1);
  Atomics.store(h.i32, w + L.Capacity, capacity);
  return p;
}

// ───────────── state ─────────────

export function channelName(p: number): string {
  const h = sharedHeap();
  const n = Atomics.load(h.i32, (p >> 2) + L.Name);
  const len = Atomics.load(h.i32, (p >> 2) + L.NameLen);
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(h.u8[n + i]);
  return s;
}

export function channelBuffered(p: number): boolean {
  return Atomics.load(sharedHeap().i32, (p >> 2) + L.Buffered) === 1;
}

export function channelCapacity(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + L.Capacity);
}

export function channelSize(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + L.Count);
}

export function channelClosed(p: number): boolean {
  return Atomics.load(sharedHeap().i32, (p >> 2) + L.Closed) === 1;
}

/** A receive would not block: a value waits (unbuffered: a sender waits). */
export function channelReadable(p: number): boolean {
  return Atomics.load(sharedHeap().i32, (p >> 2) + L.Count) > 0;
}

/** A send would not block: room in the buffer (unbuffered: a receiver waits and nothing is pending). */
export function channelWritable(p: number): boolean {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  const count = Atomics.load(i32, w + L.Count);
  if (Atomics.load(i32, w + L.Buffered) === 0) return Atomics.load(i32, w + L.Readers) > 0 && count === 0;
  const cap = Atomics.load(i32, w + L.Capacity);
  return cap === INFINITE || count < cap;
}

// ───────────── operations ─────────────

function lock(w: number): void {
  futexLock(sharedHeap().i32, w + L.Lock, OWNER);
}

function unlock(w: number): void {
  futexUnlock(sharedHeap().i32, w + L.Lock);
}

/** Publishes a change to everyone waiting on the channel (call holding its lock). */
function changed(w: number): void {
  const i32 = sharedHeap().i32;
  Atomics.add(i32, w + L.Seq, 1);
  // a sleeper counts itself before it sleeps, a changer after it changed: one of them sees the other
  if (Atomics.load(i32, w + L.Sleepers) > 0) Atomics.notify(i32, w + L.Seq);
  announceChange();
}

/**
 * Releases the lock, waits until the channel changes (spinning first, then sleeping), takes the lock
 * back. If the task is interrupted meanwhile, the lock stays released and TaskInterrupted propagates.
 */
function awaitChange(w: number): void {
  const i32 = sharedHeap().i32;
  const seen = Atomics.load(i32, w + L.Seq);
  unlock(w);
  // a peer on another core usually answers sooner than a sleeper would be woken (spin.ts)
  if (!spinUntilChanged(i32, w + L.Seq, seen)) {
    Atomics.add(i32, w + L.Sleepers, 1);
    try {
      interruptibleWait(i32, w + L.Seq, seen, Infinity);
    } finally {
      Atomics.sub(i32, w + L.Sleepers, 1);
    }
  }
  lock(w);
}

// The queue is only touched holding the channel's lock, which orders these plain accesses; the
// count is also read without the lock (readable, writable), so it changes atomically.

function enqueue(w: number, bytes: Uint8Array): void {
  const h = sharedHeap();
  const i32 = h.i32;
  let m = i32[w + L.Spare];
  if (m !== 0 && h.capacity(m) >= 8 + bytes.length) i32[w + L.Spare] = 0;
  else m = h.malloc(8 + bytes.length);
  h.u8.set(bytes, m + 8);
  i32[m >> 2] = 0;
  i32[(m >> 2) + 1] = bytes.length;
  const tail = i32[w + L.Tail];
  if (tail === 0) i32[w + L.Head] = m;
  else i32[tail >> 2] = m;
  i32[w + L.Tail] = m;
  Atomics.add(i32, w + L.Count, 1);
}

function dequeue(w: number): Uint8Array {
  const h = sharedHeap();
  const i32 = h.i32;
  const m = i32[w + L.Head];
  const next = i32[m >> 2];
  i32[w + L.Head] = next;
  if (next === 0) i32[w + L.Tail] = 0;
  Atomics.sub(i32, w + L.Count, 1);
  const len = i32[(m >> 2) + 1];
  const bytes = h.u8.slice(m + 8, m + 8 + len);
  const spare = i32[w + L.Spare];
  if (spare === 0) {
    i32[w + L.Spare] = m;
  } else if (h.capacity(spare) < h.capacity(m)) {
    i32[w + L.Spare] = m;
    h.free(spare);
  } else {
    h.free(m);
  }
  return bytes;
}

/**
 * Sends an encoded value; false when the channel is (or gets) closed before the value could be put in.
 * Unbuffered: returns once a receiver took the value (or the channel was closed meanwhile).
 */
export function channelSend(p: number, bytes: Uint8Array): boolean {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  lock(w);
  let held = true;
  try {
    const buffered = Atomics.load(i32, w + L.Buffered) === 1;
    const cap = buffered ? Atomics.load(i32, w + L.Capacity) : 1;
    while (Atomics.load(i32, w + L.Closed) === 0 && cap !== INFINITE && Atomics.load(i32, w + L.Count) >= cap) {
      held = false;
      awaitChange(w);
      held = true;
    }
    if (Atomics.load(i32, w + L.Closed) === 1) return false;
    enqueue(w, bytes);
    const mine = Atomics.add(i32, w + L.Sent, 1) + 1;
    changed(w);
    if (!buffered) {
      while (Atomics.load(i32, w + L.Closed) === 0 && Atomics.load(i32, w + L.Taken) < mine) {
        held = false;
        awaitChange(w);
        held = true;
      }
    }
    return true;
  } finally {
    if (held) unlock(w);
  }
}

/** Receives an encoded value, waiting for one; null when the channel is closed. */
export function channelRecv(p: number): Uint8Array | null {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  lock(w);
  let held = true;
  try {
    for (;;) {
      // a closed buffered channel still gives what it holds (it drains); an unbuffered one nothing
      const closed = Atomics.load(i32, w + L.Closed) === 1;
      if (closed && Atomics.load(i32, w + L.Buffered) === 0) return null;
      if (Atomics.load(i32, w + L.Count) > 0) {
        const bytes = dequeue(w);
        Atomics.add(i32, w + L.Taken, 1);
        changed(w);
        return bytes;
      }
      if (closed) return null;
      Atomics.add(i32, w + L.Readers, 1);
      // a waiting receiver makes an unbuffered channel writable: event loops may be watching
      announceChange();
      try {
        held = false;
        awaitChange(w);
        held = true;
      } finally {
        Atomics.sub(i32, w + L.Readers, 1);
      }
    }
  } finally {
    if (held) unlock(w);
  }
}

/** Receives without waiting: null when nothing is there (or the channel is closed). */
export function channelTryRecv(p: number): Uint8Array | null {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  lock(w);
  try {
    if (Atomics.load(i32, w + L.Count) === 0) return null;
    if (Atomics.load(i32, w + L.Closed) === 1 && Atomics.load(i32, w + L.Buffered) === 0) return null;
    const bytes = dequeue(w);
    Atomics.add(i32, w + L.Taken, 1);
    changed(w);
    return bytes;
  } finally {
    unlock(w);
  }
}

/** Closes the channel and forgets its name; false when it was closed already. */
export function channelClose(p: number): boolean {
  const i32 = sharedHeap().i32;
  const w = p >> 2;
  lock(w);
  let first: boolean;
  try {
    first = Atomics.load(i32, w + L.Closed) === 0;
    if (first) {
      Atomics.store(i32, w + L.Closed, 1);
      changed(w);
    }
  } finally {
    unlock(w);
  }
  const name = channelName(p);
  withRegistry((store) => {
    const b = storeGet(store, nameKey(name));
    if (b !== null && new Int32Array(b.slice().buffer)[0] === p) storeDelete(store, nameKey(name));
  });
  return first;
}
