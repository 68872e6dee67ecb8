// Futex-style locks on shared Int32 words: word `i` holds the owner (0 when free), word `i + 1` counts
// sleepers. An uncontended lock or unlock is one compare-exchange; only contention sleeps, in
// Atomics.wait, which blocks synchronously on every thread (Node's main thread included).

const SPINS = 200;

/** Takes the lock for `owner` (non-zero); false if `timeoutMs` ran out first. */
export function futexLock(i32: Int32Array, i: number, owner: number, timeoutMs = Infinity): boolean {
  let cur = Atomics.compareExchange(i32, i, 0, owner);
  if (cur === 0) return true;
  // a holder running on another core usually lets go within a few hundred cycles: spin before sleeping
  for (let spin = 0; spin < SPINS; spin++) {
    if (Atomics.load(i32, i) === 0) {
      cur = Atomics.compareExchange(i32, i, 0, owner);
      if (cur === 0) return true;
    }
  }
  const deadline = timeoutMs === Infinity ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    Atomics.add(i32, i + 1, 1);
    // sleeps only while the word still holds the owner we saw: an unlock in between wakes us at once
    const left = deadline === Infinity ? Infinity : deadline - Date.now();
    if (left <= 0) {
      Atomics.sub(i32, i + 1, 1);
      return false;
    }
    Atomics.wait(i32, i, cur, left);
    Atomics.sub(i32, i + 1, 1);
    cur = Atomics.compareExchange(i32, i, 0, owner);
    if (cur === 0) return true;
  }
}

/** Takes the lock only if it is free. */
export function futexTryLock(i32: Int32Array, i: number, owner: number): boolean {
  return Atomics.compareExchange(i32, i, 0, owner) === 0;
}

/** Releases the lock and wakes one sleeper, if any. */
export function futexUnlock(i32: Int32Array, i: number, waitersIndex = i + 1): void {
  Atomics.store(i32, i, 0);
  if (Atomics.load(i32, waitersIndex) > 0) Atomics.notify(i32, i, 1);
}
