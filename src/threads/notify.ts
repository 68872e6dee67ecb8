// Waiting on several things at once (parallel\Events: channels and futures together). Atomics.wait
// sleeps on one word, so every channel and future change also bumps one process-wide change counter
// (only while someone watches it, to keep sends and receives cheap otherwise), and a thread waiting on
// many things sleeps on that counter and looks again at what it waits for whenever it moves.
//
// Block (Int32 words): [change counter, watchers].

import { sharedHeap, Root } from './heap.js';
import { interruptibleWait } from './interrupt.js';

let at = 0;

function words(): number {
  if (at === 0) at = sharedHeap().root(Root.Changes, () => sharedHeap().malloc(8)) >> 2;
  return at;
}

/** Called after any change a watcher may wait for (a channel's contents, a future's state). */
export function announceChange(): void {
  const i32 = sharedHeap().i32;
  const w = words();
  if (Atomics.load(i32, w + 1) === 0) return;
  Atomics.add(i32, w, 1);
  Atomics.notify(i32, w);
}

/**
 * Calls `poll` until it gives a result (not undefined), sleeping on the change counter in between;
 * gives undefined when `timeoutMs` runs out first.
 */
export function watchChanges<T>(poll: () => T | undefined, timeoutMs: number): T | undefined {
  const i32 = sharedHeap().i32;
  const w = words();
  const deadline = timeoutMs === Infinity ? Infinity : Date.now() + timeoutMs;
  Atomics.add(i32, w + 1, 1);
  try {
    for (;;) {
      const seen = Atomics.load(i32, w);
      const r = poll();
      if (r !== undefined) return r;
      const left = deadline === Infinity ? Infinity : deadline - Date.now();
      if (left <= 0) return undefined;
      interruptibleWait(i32, w, seen, left);
    }
  } finally {
    Atomics.sub(i32, w + 1, 1);
  }
}
