// Fiber variants at run time (the compiler's side is src/compiler/fibers.ts): finding a function's
// variant (compiling its file's variants on first use), calling callees from variants (`yield*
// fvb(bound).call(self, ...args)`), and the variants of the builtins that run PHP code: call_user_func,
// the Generator methods, iteration over Iterator objects. A callee without a variant (any other
// builtin) runs normally; Fiber::suspend() under it cannot unwind (src/runtime/fiber.ts).

import { endSilence } from './control.js';
import { rt } from './request.js';
import { PhpObject, PhpClass, FunctionInfo, PhpMethod } from './object.js';
import { Ref } from './values.js';
import { PhpArray } from './array.js';
import { resolveCall, closureBound, ClosureNative, arrangeCallArgs } from './functions.js';
import { frameHooks, argCountError, coerceArg } from './builtin.js';
import { findMethodForCall } from './calls.js';
import { GeneratorState } from './generator.js';

// ───────────── variants ─────────────

/**
 * A compiled file whose functions can run in fibers: made when its module loads (`const FU = ...`),
 * named by each of its FunctionInfos (`fu: FU`); `ev` evaluates code in the module's scope.
 */
interface FiberUnit {
  /** the module's key (the engine keeps its source by it, in every thread) */
  id: string;
  ev: (src: string) => any;
  variants: Map<FunctionInfo, any> | null;
  restarts: Map<FunctionInfo, any> | null;
  /** trait methods': functions of the using class */
  perClass: Map<FunctionInfo, (cls: PhpClass) => any> | null;
  restartsPerClass: Map<FunctionInfo, (cls: PhpClass) => any> | null;
}

export function fiberUnit(id: string, ev: (src: string) => any): FiberUnit {
  return { id, ev, variants: null, restarts: null, perClass: null, restartsPerClass: null };
}

const variantCache = new WeakMap<FunctionInfo, any>();
/** builtins that take part in fibers (Fiber::suspend): their generator version, by "class::method" */
export const fiberBuiltins = new Map<string, (...args: any[]) => Generator>();

/** The fiber variant of a function (for closures: a function of the captured values), or null. */
export function variantOf(info: FunctionInfo): any {
  let v = variantCache.get(info);
  if (v !== undefined) return v;
  if (info.isBuiltin) v = fiberBuiltins.get(`${info.cls ? info.cls.lcname : ''}::${info.name.toLowerCase()}`) ?? null;
  else {
    const own = info.origin ?? info;
    const u = unitOf(own);
    const perClass = u?.perClass!.get(own);
    v = perClass && info.cls ? perClass(info.cls) : u?.variants!.get(own) ?? null;
  }
  variantCache.set(info, v);
  return v;
}

/** The unit of a user function with its variants compiled (the whole file's, on first use). */
function unitOf(info: FunctionInfo): FiberUnit | null {
  const u = (info as { fu?: FiberUnit }).fu;
  if (!u) return null;
  if (!u.variants) {
    const r = u.ev(rt.core.fiberSource(u.id));
    u.variants = r.variants;
    u.restarts = r.restarts;
    u.perClass = r.perClass;
    u.restartsPerClass = r.restartsPerClass;
  }
  return u;
}

/** The restart variant of a generator function (see generatorRestartJs), or null. */
export function generatorRestart(info: FunctionInfo): any {
  const own = info.origin ?? info;
  const u = unitOf(own);
  const perClass = u?.restartsPerClass!.get(own);
  return perClass && info.cls ? perClass(info.cls) : u?.restarts!.get(own) ?? null;
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
export type FiberBound = { fn: Function; info: FunctionInfo; self?: any; closure?: PhpObject; magic?: PhpMethod; magicName?: string };

/** The generator function a variant calls (`yield* fvb(b).call(self, ...args)`) for a resolved callee. */
export function fvb(b: FiberBound): any {
  if (b.closure) return closureGen(b.closure);
  if (b.magic) {
    const g = magicGen(b.magic, b.magicName!);
    if (g) return g;
  }
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
    return { fn: n.fn, self: n.self ?? n.called ?? n.scope ?? undefined, info: n.info, closure: v };
  }
  return resolveCall(v, scope, true);
}

/** A call that falls back to __call / __callStatic: the magic method's variant gets the name and the arguments. */
function magicGen(m: PhpMethod, name: string): any {
  const v = variantOf(m.info);
  if (!v) return null;
  return function* (this: any, ...args: any[]) {
    return yield* v.call(this, name, PhpArray.fromList(args.map((a) => (a instanceof Ref ? a.v : a))));
  };
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
  const saved = rt.errorReporting;
  try {
    return yield* g;
  } finally {
    endSilence(saved);
  }
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

/** array_map() in a variant with one array: the callback runs as a variant (other forms run normally). */
function* arrayMapF(...all: any[]): Generator<any, any, any> {
  if (all.length !== 2 || all[0] === null || !(all[1] instanceof PhpArray)) {
    return rt.core.builtinCallee('array_map')!.fn.apply(undefined, all);
  }
  const { info, fr } = enterBuiltin('array_map', all);
  try {
    const b = resolveCallF(coerceArg(info, 0, all[0], false), rt.callerScope());
    const gen = fvb(b);
    const byRef = (b.info.refMask & 1) !== 0;
    const a = all[1] as PhpArray;
    const out = new PhpArray();
    for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) {
      const v = a.valAt(i);
      out.set(a.keyAt(i), yield* gen.call(b.self, byRef ? new Ref(v) : v));
    }
    return out;
  } finally {
    frameHooks.leave(fr);
  }
}
fiberBuiltins.set('::array_map', arrayMapF);

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
