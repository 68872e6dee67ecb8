// Fibers (Zend/zend_fibers.c). A fiber runs its callable's fiber variant (src/compiler/fibers.ts): a
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
import type { Bound } from './calls.js';
import { resolveCall, closureBound, ClosureNative, arrangeCallArgs } from './functions.js';
import { frameHooks, argCountError, coerceArg } from './builtin.js';
import { findMethodForCall } from './calls.js';
import { GeneratorState } from './generator.js';

// ───────────── variants ─────────────

/** A compiled file whose functions can run in fibers: its infos by JS name and its module's eval. */
interface FiberUnit {
  id: string;
  ev: (src: string) => any;
  infos: Record<string, FunctionInfo>;
  variants: Record<string, any> | null;
}

/** Compiled files register themselves as they load (the variants are compiled on first use). */
export function fiberUnit(id: string, ev: (src: string) => any, infos: Record<string, FunctionInfo>): void {
  rt.fiberUnits.push({ id, ev, infos, variants: null });
}

const unitOf = new WeakMap<FunctionInfo, [FiberUnit, string]>();
const variantCache = new WeakMap<FunctionInfo, any>();
/** builtins that take part in fibers (Fiber::suspend): their generator version, by "class::method" */
export const fiberBuiltins = new Map<string, (...args: any[]) => Generator>();

function indexUnits(): void {
  const units = rt.fiberUnits as FiberUnit[];
  for (let i = rt.fiberUnitsIndexed; i < units.length; i++) {
    const u = units[i];
    for (const name in u.infos) unitOf.set(u.infos[name], [u, name]);
  }
  rt.fiberUnitsIndexed = units.length;
}

/** The fiber variant of a function (for closures: a function of the captured values), or null. */
export function variantOf(info: FunctionInfo): any {
  let v = variantCache.get(info);
  if (v !== undefined) return v;
  v = info.isBuiltin ? fiberBuiltins.get(`${info.cls ? info.cls.lcname : ''}::${info.name.toLowerCase()}`) ?? null : unitVariant(info, '');
  variantCache.set(info, v);
  return v;
}

/** A variant from the compiled file of a user function (suffix: which variant), compiling them first. */
function unitVariant(info: FunctionInfo, suffix: string): any {
  indexUnits();
  const entry = unitOf.get(info.origin ?? info);
  if (!entry) return null;
  const [u, name] = entry;
  u.variants ??= u.ev(rt.core.fiberSource(u.id));
  const v = u.variants![name + suffix] ?? null;
  // a trait method's variants are made for the class using the trait (its code's TS)
  return v !== null && u.variants![name + '$trait'] ? v(info.cls) : v;
}

/** The restart variant of a generator function (see generatorRestartJs), or null. */
export function generatorRestart(info: FunctionInfo): any {
  return unitVariant(info, '$restart');
}

const plainCache = new WeakMap<Function, any>();

/** A function that has no variant, called from a variant: it runs normally. */
function plainGen(fn: Function): any {
  let g = plainCache.get(fn);
  if (!g) {
    g = function* (this: any, ...args: any[]) {
      return fn.apply(this, args);
    };
    plainCache.set(fn, g);
  }
  return g;
}

/** A resolved call target, as variants call it: a closure keeps its object (captured values, scope). */
type FiberBound = { fn: Function; info: FunctionInfo; self?: any; closure?: PhpObject };

/** The generator function a variant calls (`yield* fvb(b).call(self, ...args)`) for a resolved callee. */
export function fvb(b: FiberBound): any {
  if (b.closure) return closureGen(b.closure);
  const info = b.info;
  if (!info.isClosure) {
    const v = variantOf(info);
    if (v) return v;
  }
  return plainGen(b.fn);
}

/** $f(...) in a variant: like resolveCall, but a Closure stays a closure (its variant needs it). */
export function resolveCallF(v: any, scope: PhpClass | null): FiberBound {
  if (v instanceof PhpObject && v.native && v.native.closure) {
    const n = v.native as ClosureNative;
    return { fn: n.fn, self: n.self ?? n.scope ?? undefined, info: n.info, closure: v };
  }
  return resolveCall(v, scope);
}

function closureGen(o: PhpObject): any {
  const n = o.native as ClosureNative;
  const v = variantOf(n.info);
  if (!v) return plainGen(closureBound(o).fn);
  const gen = n.info.isClosure ? v.apply(null, n.usedValues ?? []) : v;
  const scope = n.scope;
  return function* (this: any, ...args: any[]) {
    rt.closureScopes.push(scope);
    const prevClosure = rt.currentClosure;
    rt.currentClosure = o;
    try {
      return yield* gen.apply(this, args);
    } finally {
      rt.closureScopes.pop();
      rt.currentClosure = prevClosure;
    }
  };
}

/** f(...$args, name: $v) in a variant. */
export function* invokeArgsF(callee: FiberBound, self: any, positional: any[], named: [string, any][] | null, spreads: [number, any][] | null): Generator<any, any, any> {
  const args = arrangeCallArgs(callee.info, positional, named, spreads);
  const gen = fvb(callee);
  const extra = (args as any).namedExtra;
  if (!extra) return yield* gen.apply(self, args);
  rt.pendingNamedExtra = extra;
  try {
    return yield* gen.apply(self, args);
  } finally {
    rt.pendingNamedExtra = null;
  }
}

/** @expr in a variant (the operand may suspend). */
export function* silencedF(g: Generator): Generator<any, any, any> {
  try {
    return yield* g;
  } finally {
    rt.silence--;
  }
}

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

// ───────────── builtins that call back ─────────────

/** The variant of a builtin function known when a file is compiled (see fiberAware in knownBuiltin). */
export function fiberBuiltin(lcname: string): any {
  return fiberBuiltins.get('::' + lcname);
}

/** A builtin variant's frame, as the builtin's wrapper pushes it (its arguments for traces). */
function enterBuiltin(lcname: string, args: any[]): { info: FunctionInfo; fr: any } {
  const info = rt.core.builtins.get(lcname)!.info;
  const fr = frameHooks.enter(info, undefined, args.length, args[0], args[1], args[2], args[3]);
  if (args.length > 4) fr.rest = args.slice();
  return { info, fr };
}

/** call_user_func() in a variant: the callback runs as a variant too. */
function* callUserFuncF(...all: any[]): Generator<any, any, any> {
  const { info, fr } = enterBuiltin('call_user_func', all);
  try {
    if (all.length < 1) argCountError(info, all.length);
    const b = resolveCallF(coerceArg(info, 0, all[0], false), rt.callerScope());
    const args = all.slice(1);
    for (let i = 0; i < args.length; i++) {
      const byRef = (b.info.refMask & (1 << Math.min(i, 30))) !== 0;
      if (byRef && !(args[i] instanceof Ref)) args[i] = new Ref(args[i]);
      else if (!byRef && args[i] instanceof Ref) args[i] = args[i].v;
    }
    const r = yield* fvb(b).apply(b.self, args);
    return r === undefined ? null : r;
  } finally {
    frameHooks.leave(fr);
  }
}
fiberBuiltins.set('::call_user_func', callUserFuncF);

/** call_user_func_array() in a variant (string keys are named arguments). */
function* callUserFuncArrayF(...all: any[]): Generator<any, any, any> {
  const { info, fr } = enterBuiltin('call_user_func_array', all);
  try {
    if (all.length !== 2) argCountError(info, all.length);
    const cb = coerceArg(info, 0, all[0], false);
    const arr = coerceArg(info, 1, all[1], false);
    const b = resolveCallF(cb, rt.callerScope());
    const positional: any[] = [];
    const named: [string, any][] = [];
    for (const [k, v] of arr.entries()) {
      if (typeof k === 'string') named.push([k, v]);
      else {
        if (named.length) rt.throwError('Error', 'Cannot use positional argument after named argument during unpacking');
        positional.push(v);
      }
    }
    const r = yield* invokeArgsF(b, b.self, positional, named.length ? named : null, null);
    return r === undefined ? null : r;
  } finally {
    frameHooks.leave(fr);
  }
}
fiberBuiltins.set('::call_user_func_array', callUserFuncArrayF);

// ───────────── iteration ─────────────

/** $o->name() in a variant, as the engine calls Iterator methods. */
export function* callMethodF(o: PhpObject, name: string): Generator<any, any, any> {
  const b = findMethodForCall(o, name, o.cls);
  const r = yield* fvb(b).call(b.self);
  return r === undefined ? null : r;
}

/** An IteratorAggregate's iterator, its getIterator() called as a variant (a Generator or an Iterator). */
export function* fiberTraversable(o: PhpObject): Generator<any, any, any> {
  const core = rt.core;
  const aggregate = core.builtinClasses.get('iteratoraggregate')!;
  const iterator = core.builtinClasses.get('iterator')!;
  let cur: any = o;
  for (let depth = 0; depth < 32; depth++) {
    if (!(cur instanceof PhpObject) || cur.native instanceof GeneratorState || cur.cls.isSubclassOf(iterator) || (cur.cls.handlers as any)?.iterate || !cur.cls.isSubclassOf(aggregate)) break;
    const next = yield* callMethodF(cur, 'getIterator');
    if (!(next instanceof PhpObject) || !next.cls.isSubclassOf(core.builtinClasses.get('traversable')!)) {
      rt.throwError('Exception', `Objects returned by ${cur.cls.name}::getIterator() must be traversable or implement interface Iterator`);
    }
    cur = next;
  }
  return cur;
}

/** A Generator method as a variant: the frame a builtin method has, then the generator's stepping. */
function generatorMethodF(name: string, run: (g: GeneratorState, arg: any) => Generator<any, any, any>): void {
  fiberBuiltins.set('generator::' + name, function* (this: PhpObject, ...args: any[]) {
    const info = this.cls.methods.get(name)!.info;
    const fr = frameHooks.enter(info, this, args.length, args[0], undefined, undefined, undefined);
    try {
      if (args.length < info.required || args.length > info.params.length) argCountError(info, args.length);
      const arg = args.length ? coerceArg(info, 0, args[0], false) : undefined;
      const r = yield* run(this.native as GeneratorState, arg);
      return r === undefined ? null : r;
    } finally {
      frameHooks.leave(fr);
    }
  });
}
generatorMethodF('current', (g) => g.currentF());
generatorMethodF('key', (g) => g.keyF());
generatorMethodF('next', (g) => g.nextF());
generatorMethodF('valid', (g) => g.validF());
generatorMethodF('rewind', (g) => g.rewindF());
generatorMethodF('send', (g, v) => g.sendF(v));
generatorMethodF('throw', (g, e) => g.throwIntoF(e));
generatorMethodF('getReturn', (g) => g.getReturnF());
