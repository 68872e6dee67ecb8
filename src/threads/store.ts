// The shared store behind pthreads' Volatile (and Threaded members): an ordered hash map living in the
// shared heap, its keys PHP array keys and its values encoded PHP values (transfer.ts). A futex guards
// each store; values are copied in and out under it, so no PHP code ever runs while it is held.
//
// Store header (Int32 words): lock owner, sleepers, alive, kind, count, bucket count, buckets pointer,
// first entry, last entry, next free integer key.
// Entry: chain next, order prev, order next, hash, key length, value length, then key and value bytes.

import { sharedHeap, SharedHeap } from './heap.js';
import { HandleKind, ALIVE, KIND } from './mutex.js';
import { futexLock, futexUnlock } from './futex.js';
import { currentThreadId } from './identity.js';

const enum S {
  Lock = 0,
  Count = 4,
  NBuckets = 5,
  Buckets = 6,
  Head = 7,
  Tail = 8,
  NextIndex = 9,
  Words = 10,
}

const enum E {
  Chain = 0,
  Prev = 1,
  Next = 2,
  Hash = 3,
  KeyLen = 4,
  ValLen = 5,
  Bytes = 24,
}

const INITIAL_BUCKETS = 8;

export function storeCreate(kind: number = HandleKind.Volatile): number {
  const h = sharedHeap();
  const p = h.malloc(S.Words * 4);
  const w = p >> 2;
  Atomics.store(h.i32, w + ALIVE, 1);
  Atomics.store(h.i32, w + KIND, kind);
  const buckets = h.malloc(INITIAL_BUCKETS * 4);
  Atomics.store(h.i32, w + S.NBuckets, INITIAL_BUCKETS);
  Atomics.store(h.i32, w + S.Buckets, buckets);
  return p;
}

/** A PHP array key as bytes: an integer key is tagged 0 and written in decimal, a string key tagged 1. */
export function keyBytes(k: number | bigint | string): Uint8Array {
  if (typeof k === 'string') {
    const b = new Uint8Array(k.length + 1);
    b[0] = 1;
    for (let i = 0; i < k.length; i++) b[i + 1] = k.charCodeAt(i);
    return b;
  }
  const s = String(k);
  const b = new Uint8Array(s.length + 1);
  for (let i = 0; i < s.length; i++) b[i + 1] = s.charCodeAt(i);
  return b;
}

export function keyFromBytes(b: Uint8Array): number | bigint | string {
  const s = String.fromCharCode.apply(null, b.subarray(1) as unknown as number[]);
  if (b[0] === 1) return s;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : BigInt(s);
}

function hashOf(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h | 0;
}

/** Runs `f` holding the store's lock. */
function locked<T>(p: number, f: (h: SharedHeap, w: number) => T): T {
  const h = sharedHeap();
  futexLock(h.i32, p >> 2, currentThreadId());
  try {
    return f(h, p >> 2);
  } finally {
    futexUnlock(h.i32, p >> 2);
  }
}

// The most frequent operations (a member read or written) take the lock inline: no closure per call.
function lock(p: number): SharedHeap {
  const h = sharedHeap();
  futexLock(h.i32, p >> 2, currentThreadId());
  return h;
}

function unlock(h: SharedHeap, p: number): void {
  futexUnlock(h.i32, p >> 2);
}

function sameKey(h: SharedHeap, e: number, key: Uint8Array): boolean {
  const n = Atomics.load(h.i32, (e >> 2) + E.KeyLen);
  if (n !== key.length) return false;
  const at = e + E.Bytes;
  for (let i = 0; i < n; i++) if (h.u8[at + i] !== key[i]) return false;
  return true;
}

function find(h: SharedHeap, w: number, key: Uint8Array, hash: number): number {
  const nb = h.i32[w + S.NBuckets];
  let e = h.i32[(h.i32[w + S.Buckets] >> 2) + ((hash >>> 0) % nb)];
  while (e !== 0) {
    if (h.i32[(e >> 2) + E.Hash] === hash && sameKey(h, e, key)) return e;
    e = h.i32[(e >> 2) + E.Chain];
  }
  return 0;
}

function bucketSlot(h: SharedHeap, w: number, hash: number): number {
  return (h.i32[w + S.Buckets] >> 2) + ((hash >>> 0) % h.i32[w + S.NBuckets]);
}

function unchain(h: SharedHeap, w: number, e: number): void {
  const slot = bucketSlot(h, w, h.i32[(e >> 2) + E.Hash]);
  let cur = h.i32[slot];
  if (cur === e) {
    h.i32[slot] = h.i32[(e >> 2) + E.Chain];
    return;
  }
  while (cur !== 0) {
    const next = h.i32[(cur >> 2) + E.Chain];
    if (next === e) {
      h.i32[(cur >> 2) + E.Chain] = h.i32[(e >> 2) + E.Chain];
      return;
    }
    cur = next;
  }
}

function chain(h: SharedHeap, w: number, e: number): void {
  const slot = bucketSlot(h, w, h.i32[(e >> 2) + E.Hash]);
  h.i32[(e >> 2) + E.Chain] = h.i32[slot];
  h.i32[slot] = e;
}

function rehash(h: SharedHeap, w: number): void {
  const nb = h.i32[w + S.NBuckets] * 2;
  h.free(h.i32[w + S.Buckets]);
  h.i32[w + S.Buckets] = h.malloc(nb * 4);
  h.i32[w + S.NBuckets] = nb;
  for (let e = h.i32[w + S.Head]; e !== 0; e = h.i32[(e >> 2) + E.Next]) chain(h, w, e);
}

function writeEntry(h: SharedHeap, e: number, key: Uint8Array, hash: number, val: Uint8Array): void {
  h.i32[(e >> 2) + E.Hash] = hash;
  h.i32[(e >> 2) + E.KeyLen] = key.length;
  h.i32[(e >> 2) + E.ValLen] = val.length;
  h.u8.set(key, e + E.Bytes);
  h.u8.set(val, e + E.Bytes + key.length);
}

function linkLast(h: SharedHeap, w: number, e: number): void {
  const tail = h.i32[w + S.Tail];
  h.i32[(e >> 2) + E.Prev] = tail;
  h.i32[(e >> 2) + E.Next] = 0;
  if (tail) h.i32[(tail >> 2) + E.Next] = e;
  else h.i32[w + S.Head] = e;
  h.i32[w + S.Tail] = e;
}

function unlinkOrder(h: SharedHeap, w: number, e: number): void {
  const prev = h.i32[(e >> 2) + E.Prev];
  const next = h.i32[(e >> 2) + E.Next];
  if (prev) h.i32[(prev >> 2) + E.Next] = next;
  else h.i32[w + S.Head] = next;
  if (next) h.i32[(next >> 2) + E.Prev] = prev;
  else h.i32[w + S.Tail] = prev;
}

/** Puts a new entry in the place of `old` (same order position). */
function replaceEntry(h: SharedHeap, w: number, old: number, e: number): void {
  const prev = h.i32[(old >> 2) + E.Prev];
  const next = h.i32[(old >> 2) + E.Next];
  h.i32[(e >> 2) + E.Prev] = prev;
  h.i32[(e >> 2) + E.Next] = next;
  if (prev) h.i32[(prev >> 2) + E.Next] = e;
  else h.i32[w + S.Head] = e;
  if (next) h.i32[(next >> 2) + E.Prev] = e;
  else h.i32[w + S.Tail] = e;
  unchain(h, w, old);
  chain(h, w, e);
  h.free(old);
}

function bumpNextIndex(h: SharedHeap, w: number, key: Uint8Array): void {
  if (key[0] !== 0) return;
  const k = Number(String.fromCharCode.apply(null, key.subarray(1) as unknown as number[]));
  if (Number.isSafeInteger(k) && k >= h.i32[w + S.NextIndex] && k < 0x7fffffff) h.i32[w + S.NextIndex] = k + 1;
}

export function storeSet(p: number, key: Uint8Array, val: Uint8Array): void {
  const h = lock(p);
  try {
    setLocked(h, p >> 2, key, val);
  } finally {
    unlock(h, p);
  }
}

function setLocked(h: SharedHeap, w: number, key: Uint8Array, val: Uint8Array): void {
  const hash = hashOf(key);
  const e = find(h, w, key, hash);
  const need = E.Bytes + key.length + val.length;
  if (e !== 0) {
    if (h.capacity(e) >= need) {
      h.i32[(e >> 2) + E.ValLen] = val.length;
      h.u8.set(val, e + E.Bytes + key.length);
      return;
    }
    const n = h.malloc(need);
    writeEntry(h, n, key, hash, val);
    replaceEntry(h, w, e, n);
    return;
  }
  const n = h.malloc(need);
  writeEntry(h, n, key, hash, val);
  linkLast(h, w, n);
  chain(h, w, n);
  bumpNextIndex(h, w, key);
  if (++h.i32[w + S.Count] > h.i32[w + S.NBuckets]) rehash(h, w);
}

/** Appends under the next free integer key ($threaded[] = $v); returns that key. */
export function storeAppend(p: number, val: Uint8Array): number {
  const h = lock(p);
  try {
    return appendLocked(h, p >> 2, val);
  } finally {
    unlock(h, p);
  }
}

/** Appends `val`; `reuse`, an entry taken out of another store, holds it when it is big enough. */
function appendLocked(h: SharedHeap, w: number, val: Uint8Array, reuse = 0): number {
  const k = h.i32[w + S.NextIndex];
  const key = keyBytes(k);
  const hash = hashOf(key);
  const need = E.Bytes + key.length + val.length;
  let n = reuse;
  if (n === 0 || h.capacity(n) < need) {
    if (n !== 0) h.free(n);
    n = h.malloc(need);
  }
  writeEntry(h, n, key, hash, val);
  linkLast(h, w, n);
  chain(h, w, n);
  h.i32[w + S.NextIndex] = k + 1;
  if (++h.i32[w + S.Count] > h.i32[w + S.NBuckets]) rehash(h, w);
  return k;
}

function valueOf(h: SharedHeap, e: number): Uint8Array {
  const at = e + E.Bytes + h.i32[(e >> 2) + E.KeyLen];
  return h.u8.slice(at, at + h.i32[(e >> 2) + E.ValLen]);
}

function keyOf(h: SharedHeap, e: number): Uint8Array {
  return h.u8.slice(e + E.Bytes, e + E.Bytes + h.i32[(e >> 2) + E.KeyLen]);
}

/** A copy of the value's bytes, or null when the key is absent. */
export function storeGet(p: number, key: Uint8Array): Uint8Array | null {
  const h = lock(p);
  try {
    const e = find(h, p >> 2, key, hashOf(key));
    return e === 0 ? null : valueOf(h, e);
  } finally {
    unlock(h, p);
  }
}

/**
 * Sets `key` unless its present value's first byte (its type tag) is `refusedTag`; false when refused.
 * One lock for the check and the write (a Threaded member that holds a shared object is immutable).
 */
export function storeSetUnlessTag(p: number, key: Uint8Array, val: Uint8Array, refusedTag: number): boolean {
  const h = lock(p);
  try {
    const w = p >> 2;
    const e = find(h, w, key, hashOf(key));
    if (e !== 0 && h.i32[(e >> 2) + E.ValLen] > 0 && h.u8[e + E.Bytes + h.i32[(e >> 2) + E.KeyLen]] === refusedTag) return false;
    setLocked(h, w, key, val);
    return true;
  } finally {
    unlock(h, p);
  }
}

/** The first byte of the value at `key` (its type tag in transfer.ts' encoding), -1 when absent. */
export function storeValueTag(p: number, key: Uint8Array): number {
  const h = lock(p);
  try {
    const e = find(h, p >> 2, key, hashOf(key));
    return e === 0 || h.i32[(e >> 2) + E.ValLen] === 0 ? -1 : h.u8[e + E.Bytes + h.i32[(e >> 2) + E.KeyLen]];
  } finally {
    unlock(h, p);
  }
}

export function storeHas(p: number, key: Uint8Array): boolean {
  return locked(p, (h, w) => find(h, w, key, hashOf(key)) !== 0);
}

function removeEntry(h: SharedHeap, w: number, e: number): void {
  unlinkOrder(h, w, e);
  unchain(h, w, e);
  h.free(e);
  h.i32[w + S.Count]--;
}

export function storeDelete(p: number, key: Uint8Array): boolean {
  return locked(p, (h, w) => {
    const e = find(h, w, key, hashOf(key));
    if (e === 0) return false;
    removeEntry(h, w, e);
    return true;
  });
}

export function storeCount(p: number): number {
  return Atomics.load(sharedHeap().i32, (p >> 2) + S.Count);
}

/** Removes and returns the first (or last) entry. */
export function storeTake(p: number, last: boolean): [Uint8Array, Uint8Array] | null {
  return locked(p, (h, w) => {
    const e = h.i32[w + (last ? S.Tail : S.Head)];
    if (e === 0) return null;
    const r: [Uint8Array, Uint8Array] = [keyOf(h, e), valueOf(h, e)];
    removeEntry(h, w, e);
    return r;
  });
}

/**
 * Moves the first entry of store `from` to the end of store `to` (under the next free integer key)
 * and returns its value, or null when `from` is empty. Both locks are held, `from`'s first, so no
 * reader of either store sees the entry in neither; `onMove` runs under them (no PHP code there).
 */
export function storeMoveFirst(from: number, to: number, onMove: (val: Uint8Array) => void): Uint8Array | null {
  const h = lock(from);
  try {
    const w = from >> 2;
    const e = h.i32[w + S.Head];
    if (e === 0) return null;
    const val = valueOf(h, e);
    unlinkOrder(h, w, e);
    unchain(h, w, e);
    h.i32[w + S.Count]--;
    lock(to);
    try {
      onMove(val);
      appendLocked(h, to >> 2, val, e);
    } finally {
      unlock(h, to);
    }
    return val;
  } finally {
    unlock(h, from);
  }
}

/** A snapshot of every entry, in order. */
export function storeEntries(p: number): [Uint8Array, Uint8Array][] {
  return locked(p, (h, w) => {
    const out: [Uint8Array, Uint8Array][] = [];
    for (let e = h.i32[w + S.Head]; e !== 0; e = h.i32[(e >> 2) + E.Next]) out.push([keyOf(h, e), valueOf(h, e)]);
    return out;
  });
}

export function storeClear(p: number): void {
  locked(p, (h, w) => {
    for (let e = h.i32[w + S.Head]; e !== 0; ) {
      const next = h.i32[(e >> 2) + E.Next];
      unchain(h, w, e);
      h.free(e);
      e = next;
    }
    h.i32[w + S.Head] = 0;
    h.i32[w + S.Tail] = 0;
    h.i32[w + S.Count] = 0;
  });
}
