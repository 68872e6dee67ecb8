// Fibers (Zend/zend_fibers.c). A fiber runs its callable's fiber variant (src/runtime/variants.ts): a
// JS generator whose PHP calls delegate to their callees' variants with `yield*`, so Fiber::suspend()
// is one `yield` that returns from the whole fiber stack to the driver here, in Fiber::start(),
// resume() or throw(). The driver swaps what PHP keeps per fiber (zend_fiber_vm_state): the frame
// stack, the running closures' scopes, the @ operator's depth and the active fiber.
//
// Code a builtin runs (callbacks, magic methods, destructors) runs normally, not as a variant: a
// suspension there cannot unwind, and is the FiberError "Cannot switch fibers in current execution
// context", as PHP says where it cannot switch either.

import { rt, Frame } from './request.js';
import { PhpObject, PhpClass, FunctionInfo } from './object.js';
import { Ref } from './values.js';
import { frameHooks, argCountError } from './builtin.js';
import { fvb, fiberBuiltins, FiberBound } from './variants.js';

// ───────────── the fiber ─────────────

export const enum FiberStatus {
  Init,
  Running,
  Suspended,
  Dead,
}

/** The frame at the bottom of every fiber's stack (zend_fiber_function): its callee shows as called internally. */
const FIBER_FUNCTION: FunctionInfo = {
  name: '{fiber}', params: [], refMask: 0, required: 0, variadic: false, returnType: null, returnsRef: false, isBuiltin: true, hidden: true,
};

const NO_SCOPES: (PhpClass | null)[] = [];

export class FiberState {
  status = FiberStatus.Init;
  callable: any = undefined;
  bound: FiberBound | null = null;
  gen: Generator<any, any, any> | null = null;
  /** the fiber's bottom frame; its prev is the resumer's frame while running, null while suspended */
  base: Frame | null = null;
  /** the innermost frame when suspended */
  top: Frame | null = null;
  private scopes: (PhpClass | null)[] = [];
  private closure: PhpObject | null = null;
  private silence = 0;
  result: any = null;
  threw = false;
  bailout = false;
  /** being force-closed (its object destroyed while suspended) */
  destroyed = false;

  constructor(public readonly obj: PhpObject) {}

  /** Starts or resumes the fiber until it suspends (returns the suspended value) or ends (returns null). */
  transfer(mode: 'next' | 'throw' | 'return', value: any): any {
    const callerTop = rt.top;
    const callerScopes = rt.closureScopes.length;
    const callerClosure = rt.currentClosure;
    const callerSilence = rt.silence;
    const previous = rt.activeFiber as FiberState | null;
    // where the fiber that switches away is now (ReflectionFiber reads it)
    if (previous) previous.top = callerTop;
    rt.activeFiber = this;
    if (this.status === FiberStatus.Init) {
      this.base = new Frame(FIBER_FUNCTION, callerTop, callerTop.file);
      rt.top = this.base;
      // a fiber starts with the configured error_reporting, not the starter's @ (zend_fiber_execute)
      rt.silence = 0;
    } else {
      this.base!.prev = callerTop;
      rt.top = this.top!;
      for (const s of this.scopes) rt.closureScopes.push(s);
      rt.currentClosure = this.closure;
      rt.silence = this.silence;
    }
    this.status = FiberStatus.Running;
    let r: IteratorResult<any>;
    try {
      const g = this.gen!;
      r = mode === 'next' ? g.next(value) : mode === 'throw' ? g.throw(value) : g.return(value);
    } catch (e) {
      this.status = FiberStatus.Dead;
      if (e instanceof PhpObject) this.threw = true;
      else this.bailout = true;
      this.finish();
      rt.top = callerTop;
      rt.closureScopes.length = callerScopes;
      rt.currentClosure = callerClosure;
      rt.silence = callerSilence;
      rt.activeFiber = previous;
      throw e;
    }
    if (r.done) {
      this.status = FiberStatus.Dead;
      this.result = this.destroyed ? null : r.value;
      this.finish();
      rt.closureScopes.length = callerScopes;
    } else {
      this.status = FiberStatus.Suspended;
      this.top = rt.top;
      this.base!.prev = null;
      this.scopes = rt.closureScopes.length > callerScopes ? rt.closureScopes.splice(callerScopes) : NO_SCOPES;
      this.closure = rt.currentClosure;
      this.silence = rt.silence;
    }
    rt.top = callerTop;
    rt.currentClosure = callerClosure;
    rt.silence = callerSilence;
    rt.activeFiber = previous;
    return r.done ? null : r.value;
  }

  /** The innermost frame of a started fiber: the current one if it runs, else where it switched away. */
  innermostFrame(): Frame {
    return rt.activeFiber === this ? rt.top : this.top!;
  }

  /** The trace of the fiber's own stack (ReflectionFiber::getTrace), its resumer's left out. */
  trace(withArgs: boolean): any {
    const base = this.base!;
    const prev = base.prev;
    base.prev = null;
    try {
      return rt.backtrace(0, withArgs, true, this.innermostFrame());
    } finally {
      base.prev = prev;
    }
  }

  /** The callable is released when the fiber ends (ReflectionFiber::getCallable() then fails). */
  private finish(): void {
    this.gen = null;
    this.top = null;
    this.callable = undefined;
    this.bound = null;
  }

  start(args: any[]): any {
    const b = this.bound!;
    const info = b.info;
    for (let i = 0; i < args.length; i++) {
      const byRef = (info.refMask & (1 << Math.min(i, 30))) !== 0;
      const a = args[i];
      if (byRef && !(a instanceof Ref)) args[i] = new Ref(a);
      else if (!byRef && a instanceof Ref) args[i] = a.v;
    }
    this.gen = fvb(b).apply(b.self, args);
    return this.transfer('next', undefined);
  }

  /** zend_fiber_object_destroy: a suspended fiber is unwound (finally blocks run, catch blocks don't). */
  destroy(): void {
    if (this.status !== FiberStatus.Suspended) return;
    this.destroyed = true;
    this.transfer('return', undefined);
  }
}

/** Fiber::suspend() from a variant: the `yield` that leaves the fiber. */
function* fiberSuspend(this: PhpClass, value: any): Generator<any, any, any> {
  const n = arguments.length;
  const info = this.methods.get('suspend')!.info;
  const fr = frameHooks.enter(info, this, n, value, undefined, undefined, undefined);
  try {
    if (n > 1) argCountError(info, n);
    checkSuspend();
    return yield value === undefined ? null : value;
  } finally {
    frameHooks.leave(fr);
  }
}
fiberBuiltins.set('fiber::suspend', fiberSuspend);

function checkSuspend(): void {
  const f = rt.activeFiber as FiberState | null;
  if (!f) fiberError('Cannot suspend outside of a fiber');
  if (f.destroyed) fiberError('Cannot suspend in a force-closed fiber');
  if (rt.fiberSwitchBlocked > 0) fiberError('Cannot switch fibers in current execution context');
}

/** Fiber::suspend() called from normal code: only the errors remain (see the header). */
export function suspendNormal(): never {
  checkSuspend();
  return fiberError('Cannot switch fibers in current execution context');
}

export function fiberError(message: string): never {
  return rt.throwError('FiberError', message);
}

/** Fiber::start()/resume()/throw() may not switch in destructors and at shutdown. */
export function checkSwitch(): void {
  if (rt.fiberSwitchBlocked > 0) fiberError('Cannot switch fibers in current execution context');
}
