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
 * Locals that may come to hold an object: assigned something that is not certainly a non-object, or
 * written by foreach, list(), catch, or by an unknown callee taking them by reference.
 */
export function objectLocals(stmts: A.Node[]): Set<string> {
  const out = new Set<string>();
  const addVar = (e: any) => {
    if (e && e.kind === 'Variable' && typeof e.name === 'string') out.add(e.name);
  };
  const addList = (l: any) => {
    for (const it of l.items) {
      if (!it) continue;
      if (it.value.kind === 'ListExpr' || it.value.kind === 'ArrayLiteral') addList(it.value);
      else addVar(it.value);
    }
  };
  const walk = (n: any): void => {
    switch (n.kind) {
      case 'FunctionDecl':
      case 'ClassLike':
      case 'Closure':
      case 'ArrowFunction':
        return;
      case 'Assign':
        if (n.target.kind === 'ListExpr' || n.target.kind === 'ArrayLiteral') addList(n.target);
        else if (!nonObject(n.value)) addVar(n.target);
        break;
      case 'AssignOp':
        if (n.op === '??') addVar(n.target);
        break;
      case 'Foreach':
        if (n.value.kind === 'ListExpr' || n.value.kind === 'ArrayLiteral') addList(n.value);
        else addVar(n.value);
        addVar(n.key);
        break;
      case 'Catch':
        if (n.var) out.add(n.var);
        break;
      case 'FuncCall':
      case 'MethodCall':
      case 'StaticCall':
      case 'NullsafeMethodCall':
      case 'New':
        if (Array.isArray(n.args)) for (const a of n.args) addVar(a.value);
        break;
    }
    forEachChild(n, walk);
  };
  for (const s of stmts) walk(s);
  return out;
}

const OBJECT_RESULT_BINOPS = new Set(['??']);

/** Is e certainly not an object (so storing it needs no count)? */
export function nonObject(e: A.Expr): boolean {
  switch (e.kind) {
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
      return (e.then === null ? nonObject(e.cond) : nonObject(e.then)) && nonObject(e.else);
  }
  return false;
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
      return true;
    case 'Assign':
      return e.target.kind === 'Variable' && typeof e.target.name === 'string' && (c.dynamic || isCounted(c, e.target.name)) && mayTrack(c, e.value);
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
  if (nonObject(e)) return 'N';
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
