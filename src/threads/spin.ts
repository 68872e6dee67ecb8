// Spinning before sleeping. A thread about to sleep on a word until another thread changes it first
// watches the word for a while: a peer running on another core usually answers within microseconds,
// much sooner than a sleeper is woken (Atomics.wait + notify cost tens of microseconds of CPU on the
// two threads, and the wake-up waits for the scheduler). How long is worth it depends on the machine:
// with idle cores, spins succeed and long spins are cheap; when other work keeps the cores busy, the
// peer often is not running and a spin only takes the core it needs. So the budget adapts, per
// thread: a spin that saw the change lets the next ones spin longer, a spin in vain halves it. A
// short budget also fails when both peers sleep in turn (each answer then waits for a wake-up), so
// now and then a spin probes with a longer budget, which succeeds once the machine has room again.

/** The budget's bounds, in microseconds. */
const MIN_US = 2;
const MAX_US = 200;
/** What a probe spins, and how often (every PROBE_EVERY spins in vain). */
const PROBE_US = 50;
const PROBE_EVERY = 32;

let budgetUs = PROBE_US;
let failures = 0;

/** Atomics.load polls between two looks at the clock (a look costs about as much as 50 polls). */
const POLLS_PER_LOOK = 64;

/**
 * Watches `i32[index]` until it differs from `seen` or the budget runs out; true when it changed
 * (the caller need not sleep).
 */
export function spinUntilChanged(i32: Int32Array, index: number, seen: number): boolean {
  const start = performance.now();
  const limitMs = (budgetUs < PROBE_US && failures % PROBE_EVERY === PROBE_EVERY - 1 ? PROBE_US : budgetUs) / 1000;
  for (;;) {
    for (let i = 0; i < POLLS_PER_LOOK; i++) {
      if (Atomics.load(i32, index) !== seen) {
        budgetUs = Math.min(MAX_US, Math.max(budgetUs * 2, PROBE_US));
        failures = 0;
        return true;
      }
    }
    if (performance.now() - start >= limitMs) break;
  }
  budgetUs = Math.max(MIN_US, budgetUs / 2);
  failures++;
  return false;
}
