// Object lifetimes (zend_objects_store_del): an object is destroyed — __destruct runs, its handle is
// reused, weak references to it are cleared — the moment its last holder lets go of it.
//
// phpts counts only the holders it sees exactly: the JS locals of compiled functions that may hold
// objects ("counted locals") and the variables of the global scope. Every other place a value can go
// (array elements, properties, references, closures, builtins, return values, exceptions...) makes the
// object "escaped": its count is pinned (ESCAPED) and it lives until shutdown, as before. The compiler
// sees every read of a counted variable and escapes the value wherever it flows somewhere else (see
// src/compiler/refcount.ts), so a count that reaches 0 means nothing but in-flight temporaries holds
// the object: a destructor may run late (at shutdown) but never while the object is reachable.

import { PhpObject, PhpMethod, Vis, releaseObjectId, floating } from './object.js';
import { typedRefsMade, releaseTypedSlots } from './typedref.js';
import { rt } from './request.js';
import type { Scope } from './scope.js';

/** The count of an escaped object: never reaches 0 again. */
export const ESCAPED = 0x40000000;

/**
 * A function's result that only the returning function's variables held leaves with no holder: the
 * returning function names it here ("floating"), and the compiled code that called it adopts it (a
 * counted store) or destroys it (a dropped result). Builtins clear it when they return (see
 * buildWrapper), so a floating object a builtin kept (array_map's results) is never taken for one.
 */
export { floating };

/** A floating result taken by a temporary (a receiver, a builtin's argument): destroyed after the use (discardF). */
export const FLOATING = -1;

/** The value goes where holders are not counted: its object (if any) is never freed before shutdown. */
export function esc<T>(v: T): T {
  if (v instanceof PhpObject) v.rc = ESCAPED;
  return v;
}

/** A counted variable holding `old` now holds `v`, a value whose holders are all counted (new, a counted variable). */
export function rcSet(old: any, v: any): any {
  if (v instanceof PhpObject) v.rc++;
  if (old instanceof PhpObject && --old.rc === 0) release(old);
  return v;
}

/** A counted variable holding `old` now holds `v`, a value from anywhere else: it escapes. */
export function rcSetE(old: any, v: any): any {
  if (v instanceof PhpObject) v.rc = ESCAPED;
  if (old instanceof PhpObject && --old.rc === 0) release(old);
  return v;
}

/**
 * A counted variable holding `old` now holds `v`, a call's result: a floating result is adopted, an
 * object counted elsewhere gains a holder, an object nobody counts (a builtin's) escapes.
 */
export function rcSetC(old: any, v: any): any {
  if (v instanceof PhpObject) holdCallResult(v);
  if (old instanceof PhpObject && --old.rc === 0) release(old);
  return v;
}

/** A counted holder takes a call's result: a floating result is adopted, a counted one gains a holder, an uncounted one escapes. */
export function holdCallResult(v: PhpObject): void {
  const n = v.rc;
  if (n === 0 && v === floating.obj) {
    floating.obj = undefined;
    v.rc = 1;
  } else v.rc = n <= 0 ? ESCAPED : n + 1;
}

/** `return $x`: the returned object survives the function's variables letting go (see rcFloat). */
export function rcHold<T>(v: T): T {
  if (v instanceof PhpObject) v.rc++;
  return v;
}

/** After the function's variables let go: a returned object nobody else holds floats to the caller. */
export function rcFloat(v: any): void {
  if (v instanceof PhpObject && --v.rc === 0) floating.obj = v;
}

/** A new object only the returning code made (a Generator): it floats to the caller (see rcFloat). */
export function floatNew<T>(o: T): T {
  if (o instanceof PhpObject && o.rc === 0) floating.obj = o;
  return o;
}

/** A function's result that is not floating (see rcFloat) clears the mark another call may have left. */
export function unfloat<T>(v: T): T {
  floating.obj = undefined;
  return v;
}

/** A call's result nobody keeps: a floating object dies. */
export function discardC(v: any): void {
  if (v instanceof PhpObject && v === floating.obj && v.rc === 0) {
    floating.obj = undefined;
    release(v);
  }
}

/** A call's result used as a temporary (a receiver, a builtin's argument): a floating one is marked for discardF. */
export function takeFloat(v: any): any {
  if (v instanceof PhpObject && v === floating.obj && v.rc === 0) {
    floating.obj = undefined;
    v.rc = FLOATING;
  }
  return v;
}

/** After the temporary's use: destroyed if it was floating and nothing kept it meanwhile. */
export function discardF(v: any): void {
  if (v instanceof PhpObject && v.rc === FLOATING) {
    v.rc = 0;
    release(v);
  }
}

/** A counted variable holding `old` now holds `v`, certainly no object. */
export function rcSetN(old: any, v: any): any {
  if (old instanceof PhpObject && --old.rc === 0) release(old);
  return v;
}

/** A counted variable holding `old` lets go of it (unset, an overwrite with a non-object, function exit). */
export function rcDrop(old: any): undefined {
  if (old instanceof PhpObject && --old.rc === 0) release(old);
  return undefined;
}

/** A temporary nobody keeps (`new A;`, `var_dump(new A)`): destroyed now if no variable holds it. */
export function discard(v: any): void {
  if (v instanceof PhpObject && v.rc === 0) release(v);
}

/** (new A)->m(): the receiver dies after the call, unless the call kept it or gave it back. */
export function discardReceiver(o: any, result: any): void {
  // a built-in method's result may hold its receiver natively (an iterator of its storage, ...)
  if (o !== result && o instanceof PhpObject && o.rc === 0 && o.native === null) release(o);
}

/** f()->m(): a floating receiver (taken by takeFloat) dies after the call, unless the call kept it or gave it back. */
export function discardReceiverF(o: any, result: any): void {
  if (o !== result && o instanceof PhpObject && o.rc === FLOATING && o.native === null) {
    o.rc = 0;
    release(o);
  }
}

let freedSinceCompact = 0;

/** zend_objects_store_del: the destructor (once), then the object's handle and weak references go. */
export function release(o: PhpObject): void {
  const c = o.cls;
  // built-in objects with a destroy handler (fibers): dtor_obj runs now (a suspended fiber unwinds its
  // finally blocks); the object itself stays (its handle is not reused) and shutdown finds nothing left to do
  if (c.handlers !== null && c.handlers.destroy !== undefined) {
    o.rc = ESCAPED;
    if (!rt.bailedOut) c.handlers.destroy(o);
    return;
  }
  if (!o.destructed && c.dtor !== null) {
    if (rt.bailedOut) {
      o.rc = ESCAPED;
      return;
    }
    o.destructed = true;
    if (c.dtor.vis !== Vis.Public) checkDestructorVisible(o, c.dtor);
    // the destructor holds $this while it runs: it must not be freed from inside
    o.rc = 1;
    try {
      c.dtor.fn.call(o);
    } finally {
      if (o.rc === 1) o.rc = 0;
      else if (o.rc < ESCAPED) o.rc = ESCAPED;
    }
    // the destructor stored $this somewhere: the object lives on
    if (o.rc !== 0) return;
    if (++freedSinceCompact > 4096) compactDestructibles();
  }
  // zend_generator_dtor_storage: a suspended generator runs its pending finally blocks
  if (c.lcname === 'generator' && o.native !== null && !rt.bailedOut) {
    o.rc = 1;
    try {
      o.native.destroy();
    } finally {
      if (o.rc === 1) o.rc = 0;
      else if (o.rc < ESCAPED) o.rc = ESCAPED;
    }
    if (o.rc !== 0) return;
  }
  o.rc = ESCAPED;
  if (weakTargets !== 0) clearWeakRefs(o);
  // references into its typed properties lose those properties' types
  if (typedRefsMade) releaseTypedSlots(o);
  releaseObjectId(o.id);
}

/** zend_objects_destroy_object: a private/protected destructor runs only from a scope that may call it. */
function checkDestructorVisible(o: PhpObject, d: PhpMethod): void {
  const scope = rt.top?.info?.cls ?? null;
  const ok = d.vis === Vis.Private ? scope === o.cls : scope !== null && (scope.isSubclassOf(d.cls) || d.cls.isSubclassOf(scope));
  if (ok) return;
  o.rc = ESCAPED;
  const where = scope ? 'scope ' + scope.name : 'global scope';
  rt.throwError('Error', `Call to ${d.vis === Vis.Private ? 'private' : 'protected'} ${o.cls.name}::__destruct() from ${where}`);
}

/** Destroyed objects leave rt.destructibles (shutdown skips them meanwhile: they are marked destructed). */
function compactDestructibles(): void {
  freedSinceCompact = 0;
  const d = rt.destructibles;
  let j = 0;
  for (let i = 0; i < d.length; i++) {
    const o = d[i];
    if (!o.destructed) d[j++] = o;
  }
  d.length = j;
}

/**
 * shutdown_destructors' first step (zend_call_destructors): the global variables, last first, let go
 * of the objects only they hold, until a pass frees nothing more; the rest die later in creation order.
 * The variables stay (PHP removes them): the objects such an object holds are not counted, so their
 * destructors run later, and may still read the globals they would have seen. Built-in objects keep
 * the creation order (their elements' destructors may read the variable: SplFixedArray, lists).
 */
export function destroyGlobals(S: Scope, guard: (fn: () => void) => void): void {
  let freed: number;
  do {
    freed = 0;
    const entries = [...S.vars.values()];
    for (let i = entries.length - 1; i >= 0; i--) {
      const r = entries[i];
      const v = r.v;
      if (v instanceof PhpObject && v.rc === 1 && v.native === null && S.counts(r)) {
        v.rc = 0;
        freed++;
        guard(() => release(v));
      }
    }
  } while (freed !== 0);
}

// ───────────── weak references (zend_weakrefs.c) ─────────────

/** WeakMaps holding each object as a key. */
const weakMapsOf = new WeakMap<PhpObject, Set<Map<PhpObject, any>>>();

/** Objects ever given a weak reference or made a WeakMap key: while 0, freeing looks no further. */
let weakTargets = 0;

export function noteWeakTarget(): void {
  weakTargets++;
}

export function noteWeakMapKey(o: PhpObject, map: Map<PhpObject, any>): void {
  weakTargets++;
  let s = weakMapsOf.get(o);
  if (s === undefined) weakMapsOf.set(o, (s = new Set()));
  s.add(map);
}

/** zend_weakrefs_notify: the object is gone, its WeakReference gives null and WeakMaps drop it. */
function clearWeakRefs(o: PhpObject): void {
  const refs: Map<PhpObject, PhpObject> | undefined = rt.ext.weakrefs;
  if (refs !== undefined) {
    const w = refs.get(o);
    if (w !== undefined) {
      w.native.target = null;
      refs.delete(o);
    }
  }
  const maps = weakMapsOf.get(o);
  if (maps !== undefined) {
    for (const m of maps) m.delete(o);
    weakMapsOf.delete(o);
  }
}
