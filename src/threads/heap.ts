// The shared heap: one SharedArrayBuffer that every thread of the process maps, holding all state
// threads share — mutex and condition words, thread handles, the Volatile stores. It is allocated at
// its full size once: the system commits its pages only as they are first touched, so the unused rest
// costs address space, not memory, and fixed-length views keep V8's Atomics on their fast path (views
// of a growable buffer measured 2.5x slower).
//
// Layout: a header of control words (the heap's own lock, the bump pointer, counters, the output lock,
// free lists), then blocks. A block is an 8-byte header (its size class) followed by the payload; a
// pointer is the payload's byte offset. Freed blocks go to their size class's free list; small blocks
// are carved by each thread from a chunk of its own and kept in a per-thread cache when freed, so most
// allocations take no lock.

import { futexLock, futexUnlock } from './futex.js';

/** Word indexes (Int32) of the header. */
export const enum H {
  /** the heap lock (futex: owner, waiters) guarding allocation */
  Lock = 0,
  LockWaiters = 1,
  /** next free byte offset of the bump area */
  Bump = 2,
  /** the last thread id handed out (the main thread is 1) */
  LastTid = 3,
  /** serialises whole writes to stdout across threads */
  OutLock = 4,
  OutLockWaiters = 5,
  /** the store of classes published for threads that meet their objects (classes.ts), 0 until made */
  ClassRegistry = 6,
  /** well-known structures every thread finds by slot (see SharedHeap.root), 8 words */
  Roots = 8,
  /** free-list heads, one per size class */
  FreeLists = 16,
}

/** Slots of H.Roots: process-wide structures created by the first thread that needs them. */
export const enum Root {
  /** the table of compiled modules threads publish for each other (modules.ts) */
  Modules = 0,
  /** named channels (channel.ts) */
  Channels = 1,
  /** the change counter multi-target waits sleep on (notify.ts) */
  Changes = 2,
}

const SIZE_CLASSES = 40;
const HEADER_BYTES = (H.FreeLists + SIZE_CLASSES) * 4;
const FIRST_BLOCK = (HEADER_BYTES + 15) & ~15;
const HEAP_BYTES = 512 * 1024 * 1024;
/** the lock word of the heap itself never belongs to a PHP thread: it is only held inside malloc/free */
const HEAP_LOCK_OWNER = -1;
/** Blocks up to this size class (4 KiB) come from a thread's own chunk and cache. */
const LOCAL_MAX_CLASS = 12;
const LOCAL_CHUNK = 64 * 1024;
/** Freed blocks a thread keeps per class, and takes from a shared free list at a time. */
const LOCAL_CACHED_MAX = 256;
const REFILL_BLOCKS = 32;

export class SharedHeap {
  readonly sab: SharedArrayBuffer;
  readonly i32: Int32Array;
  readonly u8: Uint8Array;
  readonly f64: DataView;

  constructor(sab?: SharedArrayBuffer) {
    const fresh = !sab;
    this.sab = sab ?? new SharedArrayBuffer(HEAP_BYTES);
    this.i32 = new Int32Array(this.sab);
    this.u8 = new Uint8Array(this.sab);
    this.f64 = new DataView(this.sab);
    if (fresh) {
      Atomics.store(this.i32, H.Bump, FIRST_BLOCK);
      Atomics.store(this.i32, H.LastTid, 1);
    }
  }

  /** A new thread id, unique in the process. */
  nextThreadId(): number {
    return Atomics.add(this.i32, H.LastTid, 1) + 1;
  }

  /**
   * This thread's cache of small blocks: a chunk of the bump area it carves without the heap lock,
   * and per size class the blocks it freed, which it reuses first. The heap lock is taken only to
   * refill them, so threads allocating at once (a creator stacking tasks, workers running them) do
   * not queue on it for every block.
   */
  private chunkNext = 0;
  private chunkEnd = 0;
  private readonly cached: number[][] = Array.from({ length: LOCAL_MAX_CLASS + 1 }, () => []);

  /** Allocates `bytes` (8-aligned, zeroed); returns the payload's byte offset. */
  malloc(bytes: number): number {
    const cls = sizeClassOf(bytes + 8);
    const block = cls <= LOCAL_MAX_CLASS ? this.localBlock(cls) : this.sharedBlock(cls);
    Atomics.store(this.i32, block >> 2, cls);
    // small blocks are zeroed a word at a time: fill() on a shared buffer costs more than the loop
    if (cls <= 8) for (let w = (block + 8) >> 2, end = (block + (1 << cls)) >> 2; w < end; w++) this.i32[w] = 0;
    else this.u8.fill(0, block + 8, block + (1 << cls));
    return block + 8;
  }

  private localBlock(cls: number): number {
    const cached = this.cached[cls];
    if (cached.length > 0) return cached.pop()!;
    const size = 1 << cls;
    if (this.chunkNext + size > this.chunkEnd) this.refill(cls);
    if (cached.length > 0) return cached.pop()!;
    const block = this.chunkNext;
    this.chunkNext += size;
    return block;
  }

  /** Takes blocks other threads freed to the shared lists, or else a new chunk (the old one's rest is left). */
  private refill(cls: number): void {
    futexLock(this.i32, H.Lock, HEAP_LOCK_OWNER);
    try {
      const cached = this.cached[cls];
      for (let head = Atomics.load(this.i32, H.FreeLists + cls); head !== 0 && cached.length < REFILL_BLOCKS; ) {
        cached.push(head);
        head = Atomics.load(this.i32, (head + 8) >> 2);
        Atomics.store(this.i32, H.FreeLists + cls, head);
      }
      if (cached.length > 0) return;
      this.chunkNext = this.bump(LOCAL_CHUNK);
      this.chunkEnd = this.chunkNext + LOCAL_CHUNK;
    } finally {
      futexUnlock(this.i32, H.Lock);
    }
  }

  private sharedBlock(cls: number): number {
    futexLock(this.i32, H.Lock, HEAP_LOCK_OWNER);
    try {
      const head = Atomics.load(this.i32, H.FreeLists + cls);
      if (head === 0) return this.bump(1 << cls);
      // a free block's first payload word links to the next free block of its class
      Atomics.store(this.i32, H.FreeLists + cls, Atomics.load(this.i32, (head + 8) >> 2));
      return head;
    } finally {
      futexUnlock(this.i32, H.Lock);
    }
  }

  /** `size` bytes from the bump area (call holding the heap lock). */
  private bump(size: number): number {
    const block = Atomics.load(this.i32, H.Bump);
    const end = block + size;
    if (end > this.sab.byteLength) throw new RangeError('phpts: the shared heap is exhausted');
    Atomics.store(this.i32, H.Bump, end);
    return block;
  }

  /** The structure in a root slot, made by `create` if no thread made it yet (a loser of the race
   * to make it frees nothing: the few bytes stay unused). */
  root(slot: Root, create: () => number): number {
    const i = H.Roots + slot;
    const p = Atomics.load(this.i32, i);
    if (p !== 0) return p;
    const fresh = create();
    const prev = Atomics.compareExchange(this.i32, i, 0, fresh);
    return prev === 0 ? fresh : prev;
  }

  /** Returns a block to this thread's cache, or to its class's shared free list. */
  free(ptr: number): void {
    const block = ptr - 8;
    const cls = Atomics.load(this.i32, block >> 2);
    if (cls <= LOCAL_MAX_CLASS && this.cached[cls].length < LOCAL_CACHED_MAX) {
      this.cached[cls].push(block);
      return;
    }
    futexLock(this.i32, H.Lock, HEAP_LOCK_OWNER);
    try {
      Atomics.store(this.i32, ptr >> 2, Atomics.load(this.i32, H.FreeLists + cls));
      Atomics.store(this.i32, H.FreeLists + cls, block);
    } finally {
      futexUnlock(this.i32, H.Lock);
    }
  }

  /** The usable bytes of an allocated block. */
  capacity(ptr: number): number {
    return (1 << Atomics.load(this.i32, (ptr - 8) >> 2)) - 8;
  }

  /** Runs `f` holding the process-wide output lock, so a write from one thread is never split. */
  withOutputLock(f: () => void): void {
    futexLock(this.i32, H.OutLock, HEAP_LOCK_OWNER);
    try {
      f();
    } finally {
      futexUnlock(this.i32, H.OutLock);
    }
  }
}

function sizeClassOf(bytes: number): number {
  let c = 4;
  while (1 << c < bytes) c++;
  return c;
}

let theHeap: SharedHeap | null = null;

/** This thread's view of the process's shared heap (created by the first thread that needs it). */
export function sharedHeap(): SharedHeap {
  return (theHeap ??= new SharedHeap());
}

/** Whether any thread machinery is in use in this thread (the heap exists). */
export function hasSharedHeap(): boolean {
  return theHeap !== null;
}

/** A worker adopts its parent's heap before doing anything else. */
export function adoptSharedHeap(sab: SharedArrayBuffer): SharedHeap {
  theHeap = new SharedHeap(sab);
  return theHeap;
}
