// Helpers for compiled code: output, exit, throw/catch, variables in dictionary scopes, constants,
// static variables, include/eval, match, @, and the scope-reading functions (compact, extract, ...).

import { PhpArray, Key, share } from './array.js';
import { PhpObject, PhpClass, FunctionInfo } from './object.js';
import { Ref, PhpFloat, mkFloat } from './values.js';
import { rt, Frame, Request, iniBool, parseIniInt } from './request.js';
import { Scope } from './scope.js';
import { toStr, toFloat, typeName, toBool, scalarRepr } from './convert.js';
import { ExitSignal, FatalSignal, E_COMPILE_WARNING } from './errors.js';
import { findClass, traitScope } from './objects.js';
import { normStrKey } from './array.js';
import { esc, rcDrop, ESCAPED, holdCallResult } from './refcount.js';

// ───────────── output and exit ─────────────

export function echo(v: any): void {
  rt.output.write(typeof v === 'string' ? v : toStr(v));
}

export function exit(v: any): never {
  if (typeof v === 'string') {
    echo(v);
    throw new ExitSignal(0);
  }
  if (v === undefined || v === null) throw new ExitSignal(0);
  if (typeof v === 'number' && Number.isInteger(v)) throw new ExitSignal(v & 255);
  if (typeof v === 'bigint') throw new ExitSignal(Number(v & 255n));
  if (typeof v === 'boolean') throw new ExitSignal(v ? 1 : 0);
  echo(v);
  throw new ExitSignal(0);
}

// ───────────── exceptions ─────────────

export function throwValue(v: any): never {
  const throwable = rt.core.builtinClasses.get('throwable')!;
  if (v instanceof PhpObject && v.cls.isSubclassOf(throwable)) throw v;
  return rt.throwError('Error', v instanceof PhpObject ? 'Cannot throw objects that do not implement Throwable' : 'Can only throw objects');
}

/** catch (Name $e): does the thrown value match (no autoloading, as PHP)? */
export function catches(e: any, name: string): boolean {
  if (!(e instanceof PhpObject)) return false;
  const c = findClass(name, false);
  return c !== null && e.cls.isSubclassOf(c);
}

/**
 * In a catch block: engine signals pass through untouched; a JS stack overflow becomes PHP's fatal
 * error; any other JS error is an internal bug and is not catchable by PHP code.
 */
export function checkInternal(e: any): void {
  if (e instanceof PhpObject || e instanceof ExitSignal || e instanceof FatalSignal) return;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    throw new FatalSignal('Maximum function nesting level reached, aborting!', rt.top.file, rt.top.line);
  }
}

// ───────────── variables ─────────────

export function undef(name: string): null {
  rt.warn(`Undefined variable $${name}`);
  return null;
}

/** Reads a boxed variable. */
export function rvb(r: Ref, name: string): any {
  const v = r.v;
  return v !== undefined ? v : undef(name);
}

/** A superglobal read: superglobals are fetched as globals (ZEND_FETCH_GLOBAL). */
export function rvbGlobal(r: Ref, name: string): any {
  const v = r.v;
  if (v !== undefined) return v;
  rt.warn(`Undefined global variable $${name}`);
  return null;
}

export function sget(S: Scope, name: string): any {
  const r = S.vars.get(name);
  if (r !== undefined && r.v !== undefined) return r.v;
  return undef(name);
}

/** $name = v in a dictionary scope, for a value from anywhere (it escapes: see src/runtime/refcount.ts). */
export function sset(S: Scope, name: string, v: any): any {
  if (v instanceof PhpObject) v.rc = ESCAPED;
  const r = S.vars.get(name);
  if (r === undefined) S.vars.set(name, new Ref(v));
  else {
    const old = r.v;
    r.v = v;
    if (old instanceof PhpObject && S.counts(r)) rcDrop(old);
  }
  return v;
}

/** $name = v for a call's result (see rcSetC). */
export function ssetC(S: Scope, name: string, v: any): any {
  if (!S.counted) return sset(S, name, v);
  const r = S.vars.get(name);
  if (r !== undefined && !S.counts(r)) return (r.v = esc(v));
  if (v instanceof PhpObject) holdCallResult(v);
  if (r === undefined) S.vars.set(name, new Ref(v));
  else {
    const old = r.v;
    r.v = v;
    rcDrop(old);
  }
  return v;
}

/** $name = v for a value whose holders are all counted (new, a variable): the global scope counts it. */
export function ssetT(S: Scope, name: string, v: any): any {
  if (!S.counted) return sset(S, name, v);
  const r = S.vars.get(name);
  if (r === undefined) {
    if (v instanceof PhpObject) v.rc++;
    S.vars.set(name, new Ref(v));
  } else if (S.counts(r)) {
    const old = r.v;
    if (v instanceof PhpObject) v.rc++;
    r.v = v;
    rcDrop(old);
  } else r.v = esc(v);
  return v;
}

function scopeOrDie(S: Scope | null): Scope {
  if (S) return S;
  throw new Error('internal: dynamic variable access in a static scope');
}

/** $$name in read context (quiet for isset). */
export function sgetDyn(S: Scope | null, name: string, quiet: boolean): any {
  if (name === 'this') return quiet ? undefined : rt.throwError('Error', 'Cannot re-assign $this');
  if (name === 'GLOBALS') return globalsArray();
  const r = scopeOrDie(S).vars.get(name);
  if (r !== undefined && r.v !== undefined) return r.v;
  return quiet ? undefined : undef(name);
}

export function sref(S: Scope | null, name: string): Ref {
  if (name === 'this') return rt.throwError('Error', 'Cannot re-assign $this');
  return scopeOrDie(S).exposedRef(name);
}

/** &$$name: the variable comes into existence (as null) when unset. */
export function srefInit(S: Scope | null, name: string): Ref {
  const r = sref(S, name);
  if (r.v === undefined) r.v = null;
  return r;
}

/** $$name op= v, $$name++: an unset variable warns, then counts as null. */
export function srefRW(S: Scope | null, name: string): Ref {
  const r = sref(S, name);
  if (r.v === undefined) {
    rt.warn(`Undefined variable $${name}`);
    r.v = null;
  }
  return r;
}

export function sbind(S: Scope | null, name: string, r: Ref): Ref {
  if (name === 'this') return rt.throwError('Error', 'Cannot re-assign $this');
  scopeOrDie(S).bind(name, r);
  return r;
}

export function sunset(S: Scope | null, name: string): void {
  if (name === 'this') rt.throwError('Error', 'Cannot unset $this');
  scopeOrDie(S).unset(name);
}

/** $GLOBALS: a read-only copy of the global variables (PHP 8.1). */
export function globalsArray(): PhpArray {
  const a = new PhpArray();
  for (const [k, r] of rt.globals.defined()) a.setRef(normStrKey(k), rt.globals.expose(r));
  return a;
}

/** $GLOBALS['name'] read: the global variable itself, without building the $GLOBALS array. */
export function globalGet(k: any): any {
  const name = typeof k === 'string' ? k : toStr(k);
  const r = rt.globals.vars.get(name);
  if (r !== undefined && r.v !== undefined) return esc(r.v);
  rt.warn(`Undefined global variable $${name}`);
  return null;
}

/** $GLOBALS['name'] for isset() and ??: undefined when the global is unset. */
export function globalGetQuiet(k: any): any {
  const r = rt.globals.vars.get(typeof k === 'string' ? k : toStr(k));
  return r === undefined ? undefined : esc(r.v);
}

/** A Ref taken for binding: an unset variable becomes null. */
export function refInit(r: Ref): Ref {
  if (r.v === undefined) r.v = null;
  return r;
}

/** A Ref-like handle's value for compound assignment. */
export function refRead(r: { v: any }): any {
  const v = r.v;
  return v === undefined ? null : v;
}

// ───────────── static variables ─────────────

/** `static $x = init;` — one Ref per function (per closure object for closures), created once. */
export function staticVar(info: FunctionInfo | null, self: any, key: string, init: (() => any) | null): Ref {
  let store: Map<string, Ref>;
  const closure = rt.currentClosure;
  if (info && info.isClosure && closure && closure.native) {
    store = closure.native.statics ??= new Map();
  } else if (info && info.cls && info.cls.isTrait && self) {
    // a trait method's statics belong to each class using the trait
    const user = traitScope(self, info.cls);
    const perUser: Map<PhpClass, Map<string, Ref>> = ((info as any).traitStatics ??= new Map());
    store = perUser.get(user) ?? new Map();
    perUser.set(user, store);
  } else if (info) {
    store = ((info as any).statics ??= new Map());
    if (info.cls && self) {
      // methods: per class that runs it (PHP 8.1 shares with unmodified inherited copies)
      const called: PhpClass = self instanceof PhpObject ? self.cls : self;
      if (called && called !== info.cls) {
        const perClass = ((info as any).classStatics ??= new Map<PhpClass, Map<string, Ref>>());
        void perClass;
      }
    }
  } else {
    store = ((rt as any).mainStatics ??= new Map());
  }
  let r = store.get(key);
  if (!r) {
    r = new Ref(init ? init() : null);
    store.set(key, r);
  }
  return r;
}

// ───────────── constants ─────────────

export function constant(ns: string, global: string | null): any {
  let v = rt.findConstant(ns);
  if (v !== undefined) return v;
  if (global !== null) {
    v = rt.findConstant(global);
    if (v !== undefined) return v;
  }
  return rt.throwError('Error', `Undefined constant "${ns}"`);
}

export function defineConst(name: string, v: any): void {
  if (rt.findConstant(name) !== undefined) {
    rt.warn(`Constant ${name} already defined`);
    return;
  }
  rt.constants.set(Request.constantKey(name), v);
}

export function haltOffset(file: string): any {
  const off = rt.core.haltOffsets.get(file);
  if (off === undefined) return rt.throwError('Error', 'Undefined constant "__COMPILER_HALT_OFFSET__"');
  return off;
}

export function compileWarning(message: string, line: number, level = E_COMPILE_WARNING): void {
  rt.error(level, message, rt.top.file, line);
}

// ───────────── misc expressions ─────────────

export function unhandledMatch(v: any): never {
  // zend_match_unhandled_error: scalars as smart_str_append_scalar shows them
  const desc = v === null || v === undefined || typeof v !== 'object' || v instanceof PhpFloat
    ? scalarRepr(v, parseInt(rt.iniGet('zend.exception_string_param_max_len') ?? '15', 10) || 0)
    : 'of type ' + typeName(v);
  return rt.throwError('UnhandledMatchError', `Unhandled match case ${desc}`);
}

/** @expr */
export function silenced<T>(f: () => T): T {
  const saved = rt.errorReporting;
  try {
    return f();
  } finally {
    endSilence(saved);
  }
}

const FATAL_ERRORS = 1 | 4 | 16 | 64 | 256 | 4096;

/** ZEND_END_SILENCE: a level set inside with only fatal errors gives way to the one from before. */
export function endSilence(saved: number): void {
  if (rt.silence > 0) rt.silence--;
  else if (rt.silenceDebt > 0) rt.silenceDebt--;
  if ((rt.errorReporting & ~FATAL_ERRORS) === 0 && rt.errorReporting !== saved) {
    rt.errorReporting = saved;
    rt.ini.set('error_reporting', String(saved));
  }
}

export function toFloatV(v: any): number | PhpFloat {
  return mkFloat(toFloat(v));
}

export function shellExec(cmd: string): any {
  return rt.core.shellExec(cmd);
}

// ───────────── scope functions ─────────────

export function compact(S: Scope, names: any[]): PhpArray {
  const out = new PhpArray();
  const add = (n: any) => {
    if (n instanceof PhpArray) {
      for (const v of n.values()) add(v);
      return;
    }
    if (typeof n !== 'string') {
      rt.warn(`compact(): Argument #1 must be string or array of strings, ${typeName(n)} given`);
      return;
    }
    if (n === 'this') {
      return;
    }
    const r = S.vars.get(n);
    if (r && r.v !== undefined) out.set(normStrKey(n) as Key, share(esc(r.v)));
    else rt.warn(`compact(): Undefined variable $${n}`);
  };
  for (const n of names) add(n);
  return out;
}

const EXTR_OVERWRITE = 0, EXTR_SKIP = 1, EXTR_PREFIX_SAME = 2, EXTR_PREFIX_ALL = 3, EXTR_PREFIX_INVALID = 4, EXTR_IF_EXISTS = 6, EXTR_PREFIX_IF_EXISTS = 5, EXTR_REFS = 256;

export function extract(S: Scope, arr: any, flags: any = EXTR_OVERWRITE, prefix: any = ''): number {
  if (!(arr instanceof PhpArray)) return rt.throwError('TypeError', `extract(): Argument #1 ($array) must be of type array, ${typeName(arr)} given`);
  const refs = (flags & EXTR_REFS) !== 0;
  const mode = flags & 255;
  if (mode < 0 || mode > 6) rt.throwError('ValueError', 'extract(): Argument #2 ($flags) must be a valid extract type');
  if (mode > EXTR_SKIP && mode <= EXTR_PREFIX_IF_EXISTS && arguments.length < 4) {
    rt.throwError('ValueError', 'extract(): Argument #3 ($prefix) is required when using this extract type');
  }
  const pfx = toStr(prefix);
  if (pfx !== '' && !/^[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*$/.test(pfx)) rt.throwError('ValueError', 'extract(): Argument #3 ($prefix) must be a valid identifier');
  let n = 0;
  for (let i = arr.nextSlot(0); i < arr.slotCount; i = arr.nextSlot(i + 1)) {
    const key = arr.keyAt(i);
    let name = String(key);
    const exists = S.vars.has(name) && S.vars.get(name)!.v !== undefined;
    const valid = typeof key === 'string' && /^[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*$/.test(name);
    switch (mode) {
      case EXTR_SKIP:
        if (exists) continue;
        break;
      case EXTR_PREFIX_SAME:
        if (exists) name = pfx + '_' + name;
        break;
      case EXTR_PREFIX_ALL:
        name = pfx + '_' + name;
        break;
      case EXTR_PREFIX_INVALID:
        if (!valid) name = pfx + '_' + name;
        break;
      case EXTR_IF_EXISTS:
        if (!exists) continue;
        break;
      case EXTR_PREFIX_IF_EXISTS:
        if (!exists) continue;
        name = pfx + '_' + name;
        break;
    }
    if (!/^[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*$/.test(name)) continue;
    if (name === 'this') {
      if (mode === EXTR_SKIP || mode === EXTR_IF_EXISTS) continue;
      rt.throwError('Error', 'Cannot re-assign $this');
    }
    if (name === 'GLOBALS' && S === rt.globals) continue;
    if (refs) S.bind(name, arr.refAtSlot(i));
    else S.set(name, share(arr.valAt(i)));
    n++;
  }
  return n;
}

export function definedVars(S: Scope): PhpArray {
  const out = new PhpArray();
  for (const [k, r] of S.defined()) out.set(normStrKey(k), share(esc(r.v)));
  return out;
}

export function calledClassName(self: any): string | false {
  if (self instanceof PhpObject) return self.cls.name;
  if (self instanceof PhpClass) return self.name;
  rt.throwError('Error', 'get_called_class() must be called from within a class');
  return false;
}

export function getClassNoArgs(scope: PhpClass | null): string {
  if (!scope) return rt.throwError('Error', 'get_class() without arguments must be called from within a class');
  return scope.name;
}

export function parentClassName(scope: PhpClass | null): string | false {
  return scope && scope.parent ? scope.parent.name : false;
}

// ───────────── include / eval ─────────────

/** include/require(_once): resolves the path, compiles (cached) and runs the file in the includer's scope. */
export function include(path: any, kind: string, S: Scope | null, self: any, scope: PhpClass | null, dir: string): any {
  return rt.core.includeFile(toStr(path), kind, S ?? new Scope(), self, scope, dir);
}

export function evalCode(code: any, S: Scope | null, self: any, scope: PhpClass | null): any {
  return rt.core.evalString(toStr(code), S ?? new Scope(), self, scope);
}

export { Frame, ExitSignal };

// ───────────── assert ─────────────

export function assertOn(): boolean {
  return parseIniInt(rt.ini.get('zend.assertions') ?? '1') === 1 && iniBool(rt.ini.get('assert.active') ?? '1');
}

/** A failed assertion: AssertionError (or the given Throwable), or a warning when assert.exception is off. */
export function assertResult(v: any, description: any, message: string): boolean {
  if (toBool(v)) return true;
  const throwable = rt.core.builtinClasses.get('throwable')!;
  if (description instanceof PhpObject && description.cls.isSubclassOf(throwable)) throw description;
  const text = description === undefined || description === null ? message : toStr(description);
  if (!iniBool(rt.ini.get('assert.exception') ?? '1')) {
    rt.warn(`assert(): ${text} failed`);
    return false;
  }
  // the trace shows the assert() call with its message argument, as PHP's does
  const info = rt.core.builtinCallee('assert')?.info;
  const saved = rt.top;
  if (info) {
    const fr = new Frame(info, saved, saved.file, null, 2, v, text);
    fr.line = saved.line;
    rt.top = fr;
  }
  try {
    return rt.throwError('AssertionError', text);
  } finally {
    rt.top = saved;
  }
}

/** exit() and fatal errors end the request without running finally blocks (php-src bails out). */
export function bailingOut(pending: any): boolean {
  return pending instanceof ExitSignal || pending instanceof FatalSignal;
}

/** A finally block threw while `pending` was on its way out: the pending exception becomes its previous. */
/** A by-reference use of an element or property of a literal ([1, 2][0] passed by reference). */
export function tempWriteError(): never {
  return rt.throwError('Error', 'Cannot use temporary expression in write context');
}

/** exit() and fatal errors end the script at once: finally blocks don't run on their way out. */
export function abandons(pending: any): boolean {
  return pending instanceof ExitSignal || pending instanceof FatalSignal;
}

export function finallyThrew(e: any, pending: any): any {
  if (e instanceof PhpObject && pending instanceof PhpObject) rt.core.chainPrevious(e, pending);
  return e;
}
