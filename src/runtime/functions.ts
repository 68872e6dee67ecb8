// Helpers for calls and function bodies in compiled code: function lookup, argument errors, parameter
// type checks, generic invocation (named arguments, spread), closures and first-class callables.

import { PhpArray, share } from './array.js';
import { PhpObject, PhpClass, FunctionInfo, NO_MATCH, TypeCheck } from './object.js';
import { Ref } from './values.js';
import { rt, Frame, Callee } from './request.js';
import { resolveCallable, Bound, arrangeNamedArgs, findMethodForCall, findStaticMethod, callBound, argsFromArray, isCallable } from './calls.js';
import { givenType, parseTypeText, DeclaredType, typeTextIn } from './types.js';
import { toKey, wArrRef, wArrTemp } from './dims.js';
import { typeName } from './convert.js';

// ───────────── lookup ─────────────

/** f(): a user or builtin function, namespaced name first then the global fallback. */
export function fn(nsLc: string, globalLc: string | null, shown?: string): Callee {
  const f = rt.findFunction(nsLc) ?? (globalLc !== null ? rt.findFunction(globalLc) : undefined);
  if (f) return f;
  // PHP reports the name as written, resolved: namespaced when in a namespace
  return rt.throwError('Error', `Call to undefined function ${shown ?? nsLc}()`);
}

/** The wrapper of a builtin known when the file was compiled. */
export function builtinFn(lc: string, strict: boolean): Callee {
  return rt.core.builtinCallee(lc, strict)!;
}

export function declareFunction(name: string, f: Function, info: FunctionInfo): void {
  const lc = name.toLowerCase();
  const existing = rt.functions.get(lc) ?? rt.core.builtinCallee(lc);
  if (existing) {
    const where = existing.info.isBuiltin ? '' : ` (previously declared in ${existing.info.file}:${existing.info.line})`;
    // reported at the declaration, also for one declared as its file loads (before any statement ran)
    if (info.line) rt.top.line = info.line;
    rt.throwError('\0fatal', `Cannot redeclare ${name}()${where}`);
  }
  info.name = name;
  rt.functions.set(lc, { info, fn: f });
}

// ───────────── arguments ─────────────

/** The class a function runs in: its class, or for a closure the scope it is bound to now. */
function fnScope(info: FunctionInfo): PhpClass | null {
  if (info.cls) return info.cls;
  if (info.isClosure && rt.closureScopes.length) return rt.closureScopes[rt.closureScopes.length - 1];
  return null;
}

function fnDisplay(info: FunctionInfo): string {
  if (info.isClosure) {
    const scope = fnScope(info);
    // PHP 8.2 names a closure after its namespace (Foo\{closure})
    return scope ? `${scope.name}::${info.name}` : info.name;
  }
  return info.cls ? `${info.cls.name}::${info.name}` : info.name;
}

/**
 * The function named in an argument error: PHP prints "Class::method" built into one string with
 * %s, so an anonymous class's NUL byte cuts it after "class@anonymous".
 */
function argFnDisplay(info: FunctionInfo): string {
  if (info.cls?.isAnonymous) return info.cls.name.split('\0')[0];
  return fnDisplay(info);
}

const USER_CALL = new Set(['call_user_func', 'call_user_func_array']);

/**
 * An argument error is raised in the callee, at its declaration. A generator's frame is not on the
 * stack while its arguments are checked (it is linked when the generator runs): it hangs off the caller.
 */
function enterForError(fr: Frame, info: FunctionInfo): void {
  if (fr.prev === null && rt.top !== fr) fr.prev = rt.top;
  rt.top = fr;
  fr.line = info.line ?? fr.line;
}


export function tooFewArgs(info: FunctionInfo, passed: number, fr: Frame): never {
  // raised inside the callee, at its declaration (the trace shows the call)
  enterForError(fr, info);
  let caller = fr.prev!;
  // PHP compiles call_user_func() and call_user_func_array() into a direct call (ZEND_INIT_USER_CALL)
  if (caller && caller.info && caller.info.isBuiltin && USER_CALL.has(caller.info.name) && caller.prev) caller = caller.prev;
  const exact = !info.variadic && info.required === info.params.length;
  // called from a builtin (a callback): PHP names no location
  const where = caller && caller.file && !(caller.info && caller.info.isBuiltin) ? ` in ${caller.file} on line ${caller.line}` : '';
  return rt.throwError(
    'ArgumentCountError',
    `Too few arguments to function ${fnDisplay(info)}(), ${passed} passed${where} and ${exact ? 'exactly' : 'at least'} ${info.required} expected`,
  );
}

function callerStrict(fr: Frame): boolean {
  const caller = fr.prev;
  if (!caller) return false;
  return caller.info ? !!caller.info.strictTypes : caller.strict;
}

/** A typed parameter: the value, coerced, or PHP's TypeError naming the caller's location. */
export function checkParam(info: FunctionInfo, i: number, v: any, fr: Frame): any {
  const p = info.params[i];
  const type = p.type!;
  const r = (type as DeclaredType).check(v, callerStrict(fr), calledClassOf(fr), fnScope(info));
  if (r !== NO_MATCH) return r;
  enterForError(fr, info);
  return rt.throwError('TypeError', `${argFnDisplay(info)}(): Argument #${i + 1} ($${p.name}) must be of type ${typeTextIn(type, fnScope(info), calledClassOf(fr))}, ${givenType(v)} given${calledIn(fr)}`);
}

function calledClassOf(fr: Frame): PhpClass | null {
  const s = fr.self;
  if (s instanceof PhpObject) return s.cls;
  if (s instanceof PhpClass) return s;
  return null;
}

export function checkRefParam(info: FunctionInfo, i: number, r: Ref, fr: Frame): void {
  if (r.v === undefined) r.v = null;
  const p = info.params[i];
  const c = (p.type as DeclaredType).check(r.v, callerStrict(fr), calledClassOf(fr), fnScope(info));
  if (c === NO_MATCH) {
    enterForError(fr, info);
    rt.throwError('TypeError', `${argFnDisplay(info)}(): Argument #${i + 1} ($${p.name}) must be of type ${typeTextIn(p.type!, fnScope(info), calledClassOf(fr))}, ${givenType(r.v)} given${calledIn(fr)}`);
  }
  r.v = c;
}

/** ...$rest: the extra arguments as an array (Refs kept for by-reference variadics). */
export function variadicArray(rest: any[], info: FunctionInfo, i: number, fr: Frame, byRef: boolean, args: IArguments): PhpArray {
  const a = new PhpArray();
  const p = info.params[i];
  for (let j = 0; j < rest.length; j++) {
    let v = rest[j];
    if (byRef) {
      if (!(v instanceof Ref)) v = new Ref(v);
      a.setRef(j, v);
      continue;
    }
    if (v instanceof Ref) v = v.v;
    if (p.type) v = checkVariadic(info, i + j, p.type, v, fr);
    a.append(share(v));
  }
  void args;
  const named = rt.pendingNamedExtra;
  fr.namedArgs = null;
  if (named instanceof PhpArray) {
    rt.pendingNamedExtra = null;
    fr.namedArgs = named;
    for (const [k, v] of named.entries()) a.set(k, v);
  }
  return a;
}

function checkVariadic(info: FunctionInfo, idx: number, type: TypeCheck, v: any, fr: Frame): any {
  const r = (type as DeclaredType).check(v, callerStrict(fr), calledClassOf(fr), fnScope(info));
  if (r !== NO_MATCH) return r;
  enterForError(fr, info);
  return rt.throwError('TypeError', `${argFnDisplay(info)}(): Argument #${idx + 1} must be of type ${typeTextIn(type, fnScope(info), calledClassOf(fr))}, ${givenType(v)} given${calledIn(fr)}`);
}

/** ", called in FILE on line N" of argument errors: only when PHP code made the call, not a builtin. */
function calledIn(fr: Frame): string {
  const caller = fr.prev;
  if (!caller || (caller.info && caller.info.isBuiltin)) return '';
  return `, called in ${caller.file} on line ${caller.line}`;
}

export function checkReturn(info: FunctionInfo, v: any, fr: Frame): any {
  const type = info.returnType as DeclaredType;
  if (type.text === 'void') return null;
  const r = type.check(v, !!info.strictTypes, calledClassOf(fr), fnScope(info));
  if (r !== NO_MATCH) return r;
  rt.throwError('TypeError', `${fnDisplay(info)}(): Return value must be of type ${typeTextIn(type, fnScope(info), calledClassOf(fr))}, ${givenType(v)} returned`);
}

/** The end of a function with a return type reached without `return` (zend_verify_missing_return_type). */
export function missingReturn(info: FunctionInfo, fr: Frame): void {
  const type = info.returnType as DeclaredType;
  if (type.text === 'void') return;
  rt.throwError('TypeError', `${fnDisplay(info)}(): Return value must be of type ${typeTextIn(type, fnScope(info), calledClassOf(fr))}, none returned`);
}

export function neverReturned(info: FunctionInfo): never {
  return rt.throwError('TypeError', `${fnDisplay(info)}(): never-returning function must not implicitly return`);
}

// ───────────── generic invocation ─────────────

/** An argument that may be bound by reference if the callee wants it (named/spread calls). */
export class LazyRef {
  constructor(public readonly ref: () => Ref, public readonly value: () => any) {}
}
export function lazyRef(ref: () => Ref, value: () => any): LazyRef {
  return new LazyRef(ref, value);
}

/** A temporary (a literal, an operation's result) given with spread or named arguments: no by-reference parameter takes it. */
export class TempArg {
  constructor(public readonly v: any) {}
}
export function tempArg(v: any): TempArg {
  return new TempArg(v);
}

/** ZEND_SEND_VAL_EX: a temporary for a by-reference parameter is an Error; elsewhere it is its value. */
function sendTemp(info: FunctionInfo, i: number, a: TempArg): any {
  if (i < 0) return a.v;
  if ((info.refMask & (1 << Math.min(i, 30))) !== 0 && (i < info.params.length || info.variadic)) tempByRef(info, i, a.v);
  return a.v;
}

/**
 * f(...$args, name: v): arranges spread and named arguments into parameter order, binds by-reference
 * parameters, then calls.
 */
export function invokeArgs(callee: { fn: Function; info: FunctionInfo; self?: any }, self: any, positional: any[], named: [string, any][] | null, spreads: [number, any][] | null): any {
  const args = arrangeCallArgs(callee.info, positional, named, spreads);
  const extra = (args as any).namedExtra;
  const fnToCall = callee.fn;
  if (extra) {
    // a user function with a variadic parameter collects the unknown named arguments
    return callWithNamedExtra(fnToCall, self, args, extra);
  }
  return fnToCall.apply(self, args);
}

/**
 * The arguments of a call with spreads and named arguments, in parameter order: by-reference ones
 * bound, trailing holes dropped; unknown named arguments for a variadic parameter ride along as
 * `args.namedExtra`.
 */
export function arrangeCallArgs(info: FunctionInfo, positional: any[], named: [string, any][] | null, spreads: [number, any][] | null): any[] {
  let args = positional;
  for (let i = 0; i < args.length; i++) if (args[i] instanceof TempArg) args[i] = sendTemp(info, i, args[i]);
  let namedMap: Map<string, any> | null = null;
  if (spreads) {
    args = [];
    let at = 0;
    for (const [pos, given] of spreads) {
      while (at < pos) args.push(positional[at++]);
      let value = given;
      let refs = false;
      if (given instanceof LazyRef) {
        value = given.value();
        // a variable's array is separated and its elements become references for by-reference parameters
        if (info.refMask !== 0 && value instanceof PhpArray) {
          value = wArrRef(given.ref());
          refs = true;
        }
      }
      spreadInto(info, args, value, refs, (k, v) => {
        namedMap ??= new Map();
        if (namedMap.has(k)) rt.throwError('Error', `Named parameter $${k} overwrites previous argument`);
        namedMap.set(k, v);
      }, () => namedMap !== null && namedMap.size > 0);
    }
    while (at < positional.length) args.push(positional[at++]);
  }
  // the call's named arguments follow what the spreads gave
  if (named) {
    namedMap ??= new Map();
    for (const [k, v] of named) {
      if (namedMap.has(k)) rt.throwError('Error', `Named parameter $${k} overwrites previous argument`);
      namedMap.set(k, v instanceof TempArg ? sendTemp(info, info.params.findIndex((p) => p.name === k && !p.variadic), v) : v);
    }
  }
  if (namedMap && namedMap.size) args = arrangeNamedArgs(info, args, namedMap);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const byRef = (info.refMask & (1 << Math.min(i, 30))) !== 0;
    if (a instanceof LazyRef) args[i] = byRef ? a.ref() : a.value();
    else if (byRef && a !== undefined && !(a instanceof Ref)) {
      args[i] = new Ref(a);
    }
  }
  // trailing undefined holes are "not passed"
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  if (n !== args.length) {
    const extra = (args as any).namedExtra;
    args = args.slice(0, n);
    if (extra) (args as any).namedExtra = extra;
  }
  const extra = (args as any).namedExtra;
  if (extra && info.isBuiltin && !forwardsNamedArgs(info)) rt.throwError('ArgumentCountError', `${info.name}() does not accept unknown named parameters`);
  return args;
}

/**
 * Z_PARAM_VARIADIC_WITH_NAMED: builtins that pass their variadic arguments on to a callable
 * (call_user_func, Closure::__invoke, ReflectionFunction::invoke...) take unknown named arguments too;
 * their stubs name that parameter $args.
 */
function forwardsNamedArgs(info: FunctionInfo): boolean {
  return info.variadic && info.params.length > 0 && info.params[info.params.length - 1].name === 'args';
}

/** The unknown named arguments given to a builtin forwarding its arguments (see forwardsNamedArgs), once. */
export function takeNamedArgs(): PhpArray | null {
  const n = rt.pendingNamedExtra;
  rt.pendingNamedExtra = null;
  return n;
}

/** Positional then named arguments, as call_user_func_array() takes them. */
export function argsWithNamed(args: any[], named: PhpArray): PhpArray {
  const a = new PhpArray();
  for (const v of args) a.append(v instanceof Ref ? v.v : v);
  for (const [k, v] of named.entries()) a.set(k, v);
  return a;
}

function callWithNamedExtra(f: Function, self: any, args: any[], extra: PhpArray): any {
  rt.pendingNamedExtra = extra;
  try {
    return f.apply(self, args);
  } finally {
    rt.pendingNamedExtra = null;
  }
}

function spreadInto(info: FunctionInfo, args: any[], value: any, refs: boolean, named: (k: string, v: any) => void, sawNamed: () => boolean): void {
  const positional = (v: any) => {
    if (sawNamed()) rt.throwError('Error', 'Cannot use positional argument after named argument during unpacking');
    args.push(v);
  };
  if (value instanceof PhpArray) {
    for (let i = value.nextSlot(0); i < value.slotCount; i = value.nextSlot(i + 1)) {
      const k = value.keyAt(i);
      const raw = value.rawAt(i);
      if (typeof k === 'string') {
        const idx = refs ? info.params.findIndex((p) => p.name === k && !p.variadic) : -1;
        named(k, idx >= 0 && info.params[idx].byRef ? value.refAt(k) : raw instanceof Ref ? raw.v : raw);
      } else {
        const n = args.length;
        const byRef = refs && (info.refMask & (1 << Math.min(n, 30))) !== 0 && (n < info.params.length || info.variadic);
        positional(byRef ? value.refAt(k) : raw);
      }
    }
    return;
  }
  if (value instanceof PhpObject && value.cls.isSubclassOf(rt.core.builtinClasses.get('traversable')!)) {
    const it = rt.core.iterate(value);
    while (it.next()) {
      if (typeof it.k === 'string') {
        const idx = info.refMask !== 0 ? info.params.findIndex((p) => p.name === it.k && !p.variadic) : -1;
        if (idx >= 0 && info.params[idx].byRef) {
          rt.warn(`Cannot pass by-reference argument ${idx + 1} of ${fnDisplay(info)}() by unpacking a Traversable, passing by-value instead`);
        }
        named(it.k, it.v);
      }
      else if (typeof it.k === 'number' || typeof it.k === 'bigint') {
        const i = args.length;
        if ((info.refMask & (1 << Math.min(i, 30))) !== 0 && (i < info.params.length || info.variadic)) {
          rt.warn(`Cannot pass by-reference argument ${i + 1} of ${fnDisplay(info)}() by unpacking a Traversable, passing by-value instead`);
        }
        positional(it.v);
      }
      else rt.throwError('Error', 'Keys must be of type int|string during argument unpacking');
    }
    it.end();
    return;
  }
  rt.throwError('TypeError', 'Only arrays and Traversables can be unpacked');
}

/** For a by-reference parameter given a call result: the reference if the callee returned one. */
export function refFromCall(v: any): Ref {
  const r = rt.retRef;
  rt.retRef = null;
  if (r && r.v === v) return r;
  rt.notice('Only variables should be passed by reference');
  return new Ref(v);
}

export function refFromValue(v: any): Ref {
  return new Ref(v);
}

/** A temporary value for a by-reference parameter of a callee known only at run time. */
export function tempByRef(info: FunctionInfo, i: number, v: any): any {
  // array_multisort's parameters are "prefer-ref": values are accepted too
  if (info.isBuiltin && info.name === 'array_multisort') return v;
  const last = info.params.length - 1;
  const pname = info.variadic && i >= last ? '' : info.params[Math.min(i, last)]?.name ?? '';
  return cannotPassByRef(fnDisplay(info), i, pname);
}

/** A literal given for a by-reference parameter. */
export function cannotPassByRef(fname: string, i: number, pname: string): never {
  // a variadic parameter's arguments are numbered without a name
  return rt.throwError('Error', `${fname}(): Argument #${i + 1}${pname ? ` ($${pname})` : ''} cannot be passed by reference`);
}

export function callResultRef(v: any): Ref {
  const r = rt.retRef;
  rt.retRef = null;
  if (r && r.v === v) return r;
  rt.notice('Only variables should be assigned by reference');
  return new Ref(v);
}

/** The reference a call just returned with value v, or null (taken right after the call, before the target is fetched). */
export function takeCallRef(v: any): Ref | null {
  const r = rt.retRef;
  rt.retRef = null;
  return r && r.v === v ? r : null;
}

/** A call's result as the container of a write: the location a by-reference call returned, else a temporary. */
export function wArrCall(v: any): any {
  const r = takeCallRef(v);
  return r !== null ? wArrRef(r) : wArrTemp(v);
}

/** [&$x] = f(): the array a by-reference call returned, else a notice and a private copy of the value. */
export function listRefSource(v: any): any {
  if (takeCallRef(v) !== null) return v;
  rt.notice('Attempting to set reference to non referenceable value');
  return v instanceof PhpArray && v.rc !== 0 ? v.sep() : v;
}

/** =& of a call result, once the target is fetched: the call's reference, or a notice and a plain value. */
export function callRefOrValue(r: Ref | null, v: any): Ref {
  if (r !== null) return r;
  rt.notice('Only variables should be assigned by reference');
  return new Ref(v);
}

/** ZEND_RETURN_BY_REF of a constant or temporary value. */
export function returnedNonRef(): void {
  rt.notice('Only variable references should be returned by reference');
}

/** `return f();` in a function returning by reference: f's reference, or its value with a notice. */
export function returnedCallRef(v: any): Ref {
  const r = rt.retRef;
  rt.retRef = null;
  if (r && r.v === v) return r;
  returnedNonRef();
  return new Ref(v);
}

/** `return <expression>;` in a function returning by reference: no variable to refer to. */
export function returnedValueRef(v: any): Ref {
  returnedNonRef();
  return new Ref(v);
}

/** `yield f();` in a generator yielding by reference: the callee's reference, if it returned one. */
export function yieldedCallRef(v: any): Ref {
  const r = rt.retRef;
  rt.retRef = null;
  if (r && r.v === v) return r;
  rt.notice('Only variable references should be yielded by reference');
  return new Ref(v);
}

/** `yield <expression>;` in a generator yielding by reference. */
export function yieldedValueRef(v: any): Ref {
  rt.notice('Only variable references should be yielded by reference');
  return new Ref(v);
}

export function tempRef(v: any): Ref {
  return new Ref(v);
}

// ───────────── callables ─────────────

/** $f(...): resolves a callable value to a bound JS function. */
/** `dynamic`: a $f() call, where a class-named method never borrows the caller's $this (zend_init_dynamic_call_*). */
export function resolveCall(v: any, scope: PhpClass | null, dynamic = false): Bound {
  if (v instanceof PhpObject && v.native && v.native.closure) return closureBound(v);
  const why = { reason: '' };
  const b = resolveCallable(v, scope, why, dynamic);
  if (b) return b;
  if (typeof v === 'string') {
    if (v.includes('::')) {
      const [c, m] = v.split('::');
      const k = rt.core.lookupClass(c, true);
      if (!k) rt.throwError('Error', `Class "${c}" not found`);
      if (!k.methods.has(m.toLowerCase()) && !callTrampolineFor(k)) rt.throwError('Error', `Call to undefined method ${k.name}::${m}()`);
      rt.throwError('Error', `Non-static method ${k.name}::${m}() cannot be called statically`);
    }
    rt.throwError('Error', `Call to undefined function ${v}()`);
  }
  if (v instanceof PhpArray) {
    if (v.size !== 2) rt.throwError('Error', 'Array callback must have exactly two elements');
    if (!v.has(0) || !v.has(1)) rt.throwError('Error', 'Array callback has to contain indices 0 and 1');
    const target = v.get(0);
    if (typeof (v.get(1) instanceof Ref ? v.get(1).v : v.get(1)) !== 'string') rt.throwError('Error', 'Second array member is not a valid method');
    if (target instanceof PhpObject) {
      return findMethodForCall(target, String(v.get(1)), scope);
    }
    if (typeof target === 'string') {
      const k = rt.core.lookupClass(target, true);
      if (!k) rt.throwError('Error', `Class "${target}" not found`);
      const m = String(v.get(1));
      if (!k.methods.has(m.toLowerCase()) && callTrampolineFor(k)) rt.throwError('Error', `Non-static method ${k.name}::${m}() cannot be called statically`);
      return findStaticMethod(k, m, scope, null);
    }
    rt.throwError('Error', 'First array member is not a valid class name or object');
  }
  if (v instanceof PhpObject) rt.throwError('Error', 'Object of type ' + v.cls.name + ' is not callable');
  return rt.throwError('Error', `Value of type ${typeName(v)} is not callable`);
}

/** zend_std_get_static_method: a missing method of a class with __call (no __callStatic) is the __call trampoline when $this is one of its objects. */
function callTrampolineFor(k: PhpClass): boolean {
  if (!k.caller || k.staticCaller) return false;
  const self = rt.callerFrame().self;
  return self instanceof PhpObject && self.cls.isSubclassOf(k);
}

// ───────────── closures ─────────────

export interface ClosureNative {
  closure: true;
  fn: Function;
  info: FunctionInfo;
  /** bound $this */
  self: PhpObject | undefined;
  /** the class scope (visibility, self::) */
  scope: PhpClass | null;
  /** the called class (static::) where the closure was made: $this's class, or the class a static method was called on */
  called: PhpClass | null;
  /** static variables of this closure object */
  statics: Map<string, Ref> | null;
  /** the callable it was made from (Closure::fromCallable / first-class callable), for reflection */
  target?: any;
  /** captured (`use`) variables: names and values (Refs for by-reference captures) */
  usedNames?: string[];
  usedValues?: any[];
}

export function mkClosure(info: FunctionInfo, f: Function, self: any, scope: PhpClass | null, usedNames?: string[], usedValues?: any[]): PhpObject {
  const closureCls = rt.core.builtinClasses.get('closure')!;
  const o = new PhpObject(closureCls);
  const native: ClosureNative = {
    closure: true,
    fn: f,
    info,
    self: self instanceof PhpObject && !info.isStatic ? self : undefined,
    scope: scope ?? (self instanceof PhpClass ? self : null),
    called: self instanceof PhpObject ? self.cls : self instanceof PhpClass ? self : null,
    statics: null,
    usedNames,
    usedValues,
  };
  if (self instanceof PhpClass && !native.scope) native.scope = self;
  o.native = native;
  return o;
}

/** The bound call target of a Closure object: `this` is the bound object or the scope class. */
export function closureBound(o: PhpObject): Bound {
  const n = o.native as ClosureNative;
  const target = n.fn;
  const scope = n.scope;
  const self = n.self ?? n.called ?? n.scope ?? undefined;
  const wrapped = function (this: any, ...args: any[]) {
    rt.closureScopes.push(scope);
    const prevClosure = rt.currentClosure;
    rt.currentClosure = o;
    try {
      return target.apply(this, args);
    } finally {
      rt.closureScopes.pop();
      rt.currentClosure = prevClosure;
    }
  };
  return { fn: wrapped, self, info: n.info };
}

/** strlen(...) */
export function closureFromFunction(nsLc: string, globalLc: string | null): PhpObject {
  const f = fn(nsLc, globalLc);
  const o = mkClosure(f.info, f.fn, undefined, null);
  (o.native as ClosureNative).target = f.info.name;
  return o;
}

/** $obj->method(...) */
export function closureFromMethod(obj: any, name: string, scope: PhpClass | null): PhpObject {
  if (!(obj instanceof PhpObject)) return rt.throwError('Error', `Call to a member function ${name}() on ${typeName(obj)}`);
  const b = findMethodForCall(obj, name, scope);
  return fakeClosure(b, obj.cls);
}

/** A::method(...) */
export function closureFromStatic(cls: PhpClass, name: string, scope: PhpClass | null, thisObj: PhpObject | null): PhpObject {
  const b = findStaticMethod(cls, name, scope, thisObj);
  return fakeClosure(b, cls);
}

/**
 * zend_create_fake_closure: a Closure of a resolved callable. A __call/__callStatic trampoline becomes
 * a function of the called name in the magic method's class (zend_closure_call_magic).
 */
export function fakeClosure(b: Bound, scope: PhpClass | null): PhpObject {
  // [$closure, '__invoke'] is the closure itself
  if (b.self instanceof PhpObject && b.self.native?.closure === true && b.info.name === '__invoke') return b.self;
  if (b.magicName === undefined || b.magic === undefined) return mkClosure(b.info, b.fn, b.self, scope);
  const m = b.magic;
  const info: FunctionInfo = { ...b.info, name: b.magicName, cls: m.cls, isStatic: m.isStatic, isBuiltin: true };
  return mkClosure(info, b.fn, b.self, scope);
}

/** $callable(...) */
export function closureFromCallable(v: any, scope: PhpClass | null): PhpObject {
  if (v instanceof PhpObject && v.native && v.native.closure) return v;
  const b = resolveCall(v, scope);
  const self = b.self;
  return fakeClosure(b, self instanceof PhpObject ? self.cls : self instanceof PhpClass ? self : null);
}

/**
 * call_user_func($cb, ...) as php-src compiles it when the name is unambiguous (zend_compile_func_cuf):
 * the callback is called from the calling code itself, with no frame of call_user_func in between.
 */
export function cufCall(cb: any, ...args: any[]): any {
  return callBound(userCallee('call_user_func', cb), args);
}

/** call_user_func_array($cb, $args) compiled the same way (ZEND_SEND_ARRAY). */
export function cufaCall(cb: any, arr: any): any {
  const b = userCallee('call_user_func_array', cb);
  if (!(arr instanceof PhpArray)) rt.throwError('TypeError', `call_user_func_array(): Argument #2 ($args) must be of type array, ${typeName(arr)} given`);
  const { positional, named } = argsFromArray(b.info, arr);
  return invokeArgs(b, b.self, positional, named, null);
}

/** ZEND_INIT_USER_CALL: the callback resolved from the caller's scope, or the TypeError of the function it stands for. */
function userCallee(fname: string, cb: any): Bound {
  const why = { reason: 'no array or string given' };
  // the check raises PHP 8.2's callable deprecations, as zend_is_callable_ex does
  const ok = isCallable(cb);
  const b = resolveCallable(cb, rt.callerScope(), why);
  void ok;
  if (b) return b;
  return rt.throwError('TypeError', `${fname}(): Argument #1 ($callback) must be a valid callback, ${why.reason}`);
}

// ───────────── func_get_args & co ─────────────

/** A parameter skipped by named arguments got its default: the frame's argument list shows it. */
export function skippedArg(fr: Frame, i: number, v: any): void {
  if (fr.rest !== null) fr.rest[i] = v;
  if (i === 0) fr.a0 = v;
  else if (i === 1) fr.a1 = v;
  else if (i === 2) fr.a2 = v;
  else if (i === 3) fr.a3 = v;
}

export function funcGetArgs(args: any[], cur: any[]): PhpArray {
  const a = new PhpArray();
  for (let i = 0; i < args.length; i++) {
    const v = i < cur.length ? cur[i] : args[i];
    a.append(share(v instanceof Ref ? v.v : v));
  }
  return a;
}

export function funcNumArgs(n: number): number {
  return n;
}

export function funcGetArg(args: any[], n: any, cur: any[]): any {
  if (typeof n !== 'number' || n < 0) rt.throwError('ValueError', 'func_get_arg(): Argument #1 ($position) must be greater than or equal to 0');
  if (n >= args.length) rt.throwError('ValueError', 'func_get_arg(): Argument #1 ($position) must be less than the number of the arguments passed to the currently executed function');
  const v = n < cur.length ? cur[n] : args[n];
  return v instanceof Ref ? v.v : v;
}

/** A builtin taking no arguments given some (zend_wrong_parameters_none_error). */
export function tooManyArgs(name: string, n: number): never {
  return rt.throwError('ArgumentCountError', `${name}() expects exactly 0 arguments, ${n} given`);
}

export function funcArgsOutside(name: string): never {
  if (name === 'func_num_args') return rt.throwError('Error', 'func_num_args() must be called from a function context');
  return rt.throwError('Error', `${name}() cannot be called from the global scope`);
}

// ───────────── types ─────────────

export function declType(text: string, self?: () => PhpClass, reflectText?: string): DeclaredType {
  const t = parseTypeText(text);
  if (self) {
    // self/parent of a class whose PhpClass exists once its declaration ran
    let bound: PhpClass | null = null;
    Object.defineProperty(t, 'selfClass', { get: () => bound ?? self(), set: (c: PhpClass | null) => { bound = c; }, configurable: true });
  }
  if (reflectText) t.reflectText = reflectText;
  return t;
}

export { toKey };
