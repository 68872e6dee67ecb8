// What the compiler needs for object lifetimes (src/runtime/refcount.ts): which locals are counted
// holders, which expressions may give an object that only counted holders keep ("tracked"), and the
// positions where such a value may be used without escaping (it is only looked at, never kept).
//
// The rule: a tracked value used anywhere else escapes (esc()): so its count stays exact, and a count
// of 0 means no variable holds the object any more.

import type * as A from '../syntax/ast.js';
import type { FnCtx } from './context.js';
import { forEachChild } from './analyze.js';

/**
 * The locals worth counting: those that may take a tracked object (`$x = new A`, `$x = f()`, `$x = $y`
 * of such a local). Any other local only ever holds values that escaped or that nobody counts, so it
 * needs no count; what it is given escapes as in any other uncounted place (see mayTrack).
 */
export function countedLocals(c: FnCtx, stmts: A.Node[], excluded: (name: string) => boolean): Set<string> {
  const out = new Set<string>();
  const edges: [from: string, to: string][] = [];
  const source = (target: string, value: A.Expr): void => {
    if (value.kind === 'Variable') {
      if (typeof value.name === 'string') edges.push([value.name, target]);
      return;
    }
    if (value.kind === 'Assign') {
      if (value.target.kind === 'Variable' && typeof value.target.name === 'string') edges.push([value.target.name, target]);
      return;
    }
    if (isFreshObject(value) || (isCallExpr(value) && !nonObject(value, c))) out.add(target);
  };
  const walk = (n: any): void => {
    switch (n.kind) {
      case 'FunctionDecl':
      case 'ClassLike':
      case 'Closure':
      case 'ArrowFunction':
        return;
      case 'Assign':
        if (n.target.kind === 'Variable' && typeof n.target.name === 'string') source(n.target.name, n.value);
        break;
    }
    forEachChild(n, walk);
  };
  for (const s of stmts) walk(s);
  for (const n of [...out]) if (excluded(n)) out.delete(n);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [from, to] of edges) {
      if (out.has(from) && !out.has(to) && !excluded(to)) {
        out.add(to);
        grew = true;
      }
    }
  }
  return out;
}

const OBJECT_RESULT_BINOPS = new Set(['??']);

/** Is e certainly not an object (so storing it needs no count)? With `c`, builtins' declared return types count. */
export function nonObject(e: A.Expr, c?: FnCtx): boolean {
  switch (e.kind) {
    case 'FuncCall':
      return c !== undefined && callReturnsNoObject(c, e);
    case 'ScalarInt': case 'ScalarFloat': case 'ScalarString': case 'InterpolatedString': case 'MagicConst':
    case 'UnaryOp': case 'Isset': case 'Empty': case 'Instanceof': case 'ArrayLiteral': case 'Print': case 'IncDec':
    case 'ShellExec':
      return true;
    case 'BinaryOp':
      return !OBJECT_RESULT_BINOPS.has(e.op);
    case 'Cast':
      return e.type !== 'object';
    case 'AssignOp':
      return e.op !== '??';
    case 'ConstFetch': {
      const lc = e.name.name.toLowerCase();
      return lc === 'true' || lc === 'false' || lc === 'null';
    }
    case 'Ternary':
      return (e.then === null ? nonObject(e.cond, c) : nonObject(e.then, c)) && nonObject(e.else, c);
    case 'Variable':
      // locals only ever assigned numbers (src/compiler/keyfacts.ts, floatlocals.ts)
      return c !== undefined && typeof e.name === 'string' && (c.neverFraction.has(e.name) || c.neverString.has(e.name) || c.floatLocals.has(e.name) || c.mixedLocals.has(e.name));
  }
  return false;
}

/**
 * A call certainly giving no object: a builtin (known while compiling) whose declared return type
 * admits none (strlen(), count()), or a function of this file whose every `return` gives none (the
 * recursion of fibo() and Ack() included). Only global-namespace names: they resolve alike everywhere.
 */
function callReturnsNoObject(c: FnCtx, e: A.FuncCall, seen: Set<object> = new Set()): boolean {
  if (e.name.kind !== 'Name' || !Array.isArray(e.args)) return false;
  const [nsName, globalName] = c.file.resolveFunction(e.name as A.Name);
  if (globalName !== null) return false;
  const lc = nsName.toLowerCase();
  const local = c.file.topFunctions.get(lc);
  if (local) {
    if (lc.includes('\\') || c.file.namespace !== '') return false;
    return returnsNoObject(c, local.node, seen);
  }
  const b = c.file.knownBuiltin(lc);
  return b !== null && b.returnsObject === false;
}

const noObjectCache = new WeakMap<object, boolean>();

function returnsNoObject(c: FnCtx, fn: A.FunctionDecl, seen: Set<object>): boolean {
  const known = noObjectCache.get(fn);
  if (known !== undefined) return known;
  // a function calling itself (or back through others) adds no object of its own
  if (seen.has(fn)) return true;
  seen.add(fn);
  const scalar = (e: A.Expr): boolean => (e.kind === 'FuncCall' ? callReturnsNoObject(c, e, seen) : e.kind === 'Ternary' ? (e.then === null ? scalar(e.cond) : scalar(e.then)) && scalar(e.else) : nonObject(e));
  const ok = !fn.byRef && !fnIsGenerator(fn.body) && everyReturn(fn.body, scalar);
  seen.delete(fn);
  // only a conclusion reached without assuming anything about functions still being looked at is kept
  if (seen.size === 0 || !ok) noObjectCache.set(fn, ok);
  return ok;
}

function fnIsGenerator(body: A.Node[]): boolean {
  let found = false;
  const walk = (n: any): void => {
    if (found) return;
    if (n.kind === 'FunctionDecl' || n.kind === 'ClassLike' || n.kind === 'Closure' || n.kind === 'ArrowFunction') return;
    if (n.kind === 'Yield' || n.kind === 'YieldFrom') {
      found = true;
      return;
    }
    forEachChild(n, walk);
  };
  for (const st of body) walk(st);
  return found;
}

/** Is $name a counted local of this function? */
export function isCounted(c: FnCtx, name: string): boolean {
  return c.counted !== null && c.counted.has(name);
}

/**
 * May e give a tracked object? Variables counted here, the global scope's variables, $this, `new`,
 * clone, and calls (a function's floating result, WeakReference::get()'s object).
 */
export function mayTrack(c: FnCtx, e: A.Expr): boolean {
  switch (e.kind) {
    case 'Variable':
      if (typeof e.name !== 'string') return c.dynamic;
      if (e.name === 'this') return true;
      if (e.name === 'GLOBALS') return false;
      return c.dynamic || isCounted(c, e.name);
    case 'New':
    case 'Clone':
    case 'Closure':
    case 'ArrowFunction':
    case 'MethodCall':
    case 'NullsafeMethodCall':
    case 'StaticCall':
      return true;
    case 'FuncCall':
      return !callReturnsNoObject(c, e);
    case 'Assign':
      return e.target.kind === 'Variable' && typeof e.target.name === 'string' && (c.dynamic || isCounted(c, e.target.name)) && mayTrack(c, e.value);
    // `$x ?? ...`, `$x ??= ...` give the variable's value as it is read (without escaping it)
    case 'BinaryOp':
      return e.op === '??' && mayTrack(c, e.left);
    case 'AssignOp':
      return e.op === '??';
  }
  return false;
}

/** Is e a value just made (nobody else can hold it): `new`, clone. */
export function isFreshObject(e: A.Expr): boolean {
  return e.kind === 'New' || e.kind === 'Clone' || e.kind === 'Closure' || e.kind === 'ArrowFunction';
}

export function isCallExpr(e: A.Expr): boolean {
  return e.kind === 'FuncCall' || e.kind === 'MethodCall' || e.kind === 'StaticCall' || e.kind === 'NullsafeMethodCall';
}

/** The runtime helper that destroys a dropped temporary of e, if e may give one nobody holds. */
export function discarder(e: A.Expr): string | null {
  return isFreshObject(e) ? 'discard' : isCallExpr(e) ? 'discardC' : null;
}

/** Builtins that only look at their arguments (never keep them): tracked values pass without escaping. */
export const NON_RETAINING = new Set([
  'var_dump', 'print_r', 'var_export', 'debug_zval_refcount', 'get_class', 'get_parent_class', 'get_object_vars', 'spl_object_id', 'spl_object_hash',
  'is_object', 'is_null', 'is_array', 'is_string', 'is_int', 'is_integer', 'is_long', 'is_float', 'is_double', 'is_bool',
  'is_scalar', 'is_numeric', 'is_iterable', 'is_countable', 'is_resource', 'gettype', 'get_debug_type', 'method_exists',
  'property_exists', 'is_a', 'is_subclass_of', 'count', 'sizeof', 'json_encode', 'serialize', 'strval', 'intval',
  'floatval', 'boolval', 'get_mangled_object_vars',
  // callbacks are called, not kept (and get no argument of ours but the arrays' elements)
  'array_map', 'array_filter', 'usort', 'uasort', 'uksort', 'iterator_to_array', 'iterator_count',
]);

/**
 * How a counted variable takes a value: T counts it (its holders are all counted), C is a call's result
 * (see rcSetC), E escapes it, N is no object.
 */
export type StoreKind = 'T' | 'C' | 'E' | 'N';

export function storeKind(c: FnCtx, e: A.Expr): StoreKind {
  if (nonObject(e, c)) return 'N';
  if (isCallExpr(e)) return 'C';
  return isTrackedSource(c, e) ? 'T' : 'E';
}

const SUPERGLOBAL_NAMES = new Set(['GLOBALS', '_SERVER', '_GET', '_POST', '_COOKIE', '_FILES', '_ENV', '_REQUEST', '_SESSION']);

/** Does e give a value whose holders are all counted: a new object or a counted variable's value? */
export function isTrackedSource(c: FnCtx, e: A.Expr): boolean {
  switch (e.kind) {
    case 'New':
    case 'Clone':
    case 'Closure':
    case 'ArrowFunction':
      return true;
    case 'Variable':
      if (typeof e.name !== 'string') return c.dynamic;
      return e.name !== 'this' && !SUPERGLOBAL_NAMES.has(e.name) && (c.dynamic || isCounted(c, e.name));
    case 'Assign':
      return mayTrack(c, e) && isTrackedSource(c, e.value);
  }
  return false;
}

/** Can this function's result be a floating object (some `return` gives an object it may have counted)? */
export function mayFloat(body: A.Node[]): boolean {
  return !everyReturn(body, (e) => nonObject(e));
}

/** Does every `return <expr>` of a body (not of the functions and classes declared in it) satisfy `ok`? */
function everyReturn(body: A.Node[], ok: (e: A.Expr) => boolean): boolean {
  let all = true;
  const walk = (n: any): void => {
    if (!all) return;
    switch (n.kind) {
      case 'FunctionDecl':
      case 'ClassLike':
      case 'Closure':
      case 'ArrowFunction':
        return;
      case 'Return':
        if (n.expr && !ok(n.expr)) all = false;
        return;
    }
    forEachChild(n, walk);
  };
  for (const s of body) walk(s);
  return all;
}

/** A call statement whose result is certainly no floating object: a call of a same-file function that returns none. */
export function neverFloats(c: FnCtx, e: A.Expr): boolean {
  if (e.kind !== 'FuncCall' || e.name.kind !== 'Name' || !Array.isArray(e.args)) return false;
  const [nsName] = c.file.resolveFunction(e.name as A.Name);
  const local = c.file.topFunctions.get(nsName.toLowerCase());
  if (!local) return callReturnsNoObject(c, e);
  let r = floatCache.get(local.node);
  if (r === undefined) floatCache.set(local.node, (r = !mayFloat(local.node.body)));
  return r;
}
const floatCache = new WeakMap<object, boolean>();
