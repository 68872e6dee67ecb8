// Facts about the values local variables of a function can hold, from where they are written:
//  - never a string: an array access keyed by one of them needs no inline string-key path
//    (src/compiler/variables.ts, inlineSlotTest);
//  - never a fraction (no float that is not integral): a JS number in one is an int, so ++/-- and
//    `+ 1` test it with `typeof` alone (src/compiler/expressions.ts, inlineIncDec).
// A variable qualifies when every place it appears is understood: written only by assignments of
// values of the kind (literals, arithmetic, other such variables), ++/--, the compound assignments
// that keep the kind; read only as an operand, an array key, a condition or the value of such an
// assignment. Anything else (parameters not declared `int`, by-reference use, global/static, foreach,
// list(), function arguments, closures' use, $$name) leaves it out. The answer only drops a check that
// was redundant.

import type * as A from '../syntax/ast.js';
import { forEachChild } from './analyze.js';

/** Operators whose result is never a string (whatever the operands, or they throw). */
const NUMERIC_BINOPS = new Set(['-', '*', '/', '%', '**', '<<', '>>', '<', '<=', '>', '>=', '==', '!=', '<>', '===', '!==', '<=>', '&&', '||', 'and', 'or', 'xor']);
/** Compound assignments that leave a non-string variable a non-string (`.=` and `??=` are not here). */
const NUMERIC_ASSIGN_OPS = new Set(['+', '-', '*', '/', '%', '**', '<<', '>>', '&', '|', '^']);
/** Operators whose result is an int (or a float past the int range, integral) for int operands. */
const INT_BINOPS = new Set(['+', '-', '*', '%', '<<', '>>', '&', '|', '^']);
/** Operators whose result is never a number (booleans). */
const BOOL_BINOPS = new Set(['<', '<=', '>', '>=', '==', '!=', '<>', '===', '!==', '&&', '||', 'and', 'or', 'xor']);
/** Parents in which a variable is only read as a value that cannot change it. */
const READ_PARENTS = new Set(['BinaryOp', 'UnaryOp', 'Echo', 'Print', 'If', 'While', 'DoWhile', 'ElseIf', 'For', 'Ternary', 'Return', 'ExprStmt', 'Isset', 'Empty', 'Cast', 'InterpolatedString']);

export const NOT_LOCAL = ['this', 'GLOBALS', '_SERVER', '_GET', '_POST', '_COOKIE', '_FILES', '_ENV', '_REQUEST', '_SESSION', 'http_response_header', 'argv', 'argc'];

/** How writes keep a variable of a kind: the values of that kind, the compound assignments that keep it. */
interface Kind {
  /** is the value of e of the kind, given the variables not (yet) known to be outside it? */
  value(e: A.Expr, bad: Set<string>, candidates: Set<string>): boolean;
  /** does `$x op= v` keep $x of the kind (v: whether v is of the kind)? */
  assignOp(op: string): 'keeps' | 'if-value' | 'no';
}

const NEVER_STRING: Kind = {
  value: (e, bad, candidates) => neverString(e, bad, candidates),
  assignOp: (op) => (NUMERIC_ASSIGN_OPS.has(op) ? 'keeps' : 'no'),
};

const NEVER_FRACTION: Kind = {
  value: (e, bad, candidates) => neverFraction(e, bad, candidates),
  assignOp: (op) => (INT_BINOPS.has(op) ? 'if-value' : 'no'),
};

export function neverStringLocals(body: A.Stmt[], params: A.Param[], dynamic: boolean): Set<string> {
  return localsOfKind(body, params, dynamic, NEVER_STRING);
}

/** Locals that never hold a float that is not integral (nor a string): a JS number in one is an int. */
export function neverFractionLocals(body: A.Stmt[], params: A.Param[], dynamic: boolean): Set<string> {
  return localsOfKind(body, params, dynamic, NEVER_FRACTION);
}

function localsOfKind(body: A.Stmt[], params: A.Param[], dynamic: boolean, kind: Kind): Set<string> {
  if (dynamic) return new Set();
  // a parameter declared `int` (no null, no default of another type) holds an int when the body starts
  const bad = new Set<string>(params.filter((p) => !isIntParam(p)).map((p) => p.name));
  // not locals of this function: $this, $GLOBALS and the superglobals hold objects and arrays
  for (const n of NOT_LOCAL) bad.add(n);
  const candidates = new Set<string>();
  /** writes: variable → values assigned (null: a write that keeps a non-string a non-string) */
  const assigned: [string, A.Expr | null][] = [];
  const visit = (n: any, parent: any, key: string) => {
    if (!ownScope(n, bad)) return;
    if (n.kind === 'Variable') {
      if (typeof n.name !== 'string') return;
      candidates.add(n.name);
      if (!allowedUse(n, parent, key, assigned, kind)) bad.add(n.name);
      return;
    }
    forEachChild(n, (ch) => visit(ch, n, keyOf(n, ch)));
  };
  for (const s of body) visit(s, null, '');
  // a variable assigned another variable's value is a non-string only if that one is: to a fixpoint
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, value] of assigned) {
      if (bad.has(name) || value === null) continue;
      if (!kind.value(value, bad, candidates)) {
        bad.add(name);
        changed = true;
      }
    }
  }
  const out = new Set<string>();
  for (const n of candidates) if (!bad.has(n)) out.add(n);
  return out;
}

/** A by-value, non-variadic parameter of type `int` whose default, if any, is an int literal. */
function isIntParam(p: A.Param): boolean {
  if (p.byRef || p.variadic || p.type?.kind !== 'SimpleType' || p.type.name.name.toLowerCase() !== 'int' || p.type.name.form !== 'unqualified') return false;
  const d = p.default;
  return d === null || d.kind === 'ScalarInt' || (d.kind === 'UnaryOp' && d.op === '-' && d.expr.kind === 'ScalarInt');
}

const NESTED = new Set(['Closure', 'ArrowFunction', 'ClassLike', 'FunctionDecl', 'ClassDecl']);

/**
 * For walks over a function's own variables: false for a nested function or class (whose variables
 * are its own); the names a node binds without a Variable node of ours (`use ($x)`, an arrow
 * function's captures, `catch (E $e)`) go into `bad`.
 */
export function ownScope(n: any, bad: Set<string>): boolean {
  if (NESTED.has(n.kind)) {
    for (const u of n.uses ?? []) bad.add(u.name);
    if (n.kind === 'ArrowFunction') markAllVars(n.expr, bad);
    return false;
  }
  if (n.kind === 'Catch' && n.var) bad.add(n.var);
  return true;
}

/** The property name under which parent holds child (for telling a target from a value). */
function keyOf(parent: any, child: any): string {
  for (const k in parent) if (parent[k] === child) return k;
  return '';
}

function allowedUse(v: A.Variable, parent: any, key: string, assigned: [string, A.Expr | null][], kind: Kind): boolean {
  if (parent === null) return false;
  const name = v.name as string;
  switch (parent.kind) {
    case 'Assign':
      if (key === 'target') {
        assigned.push([name, parent.value]);
        return true;
      }
      return key === 'value';
    case 'AssignOp':
      if (key === 'target') {
        const keeps = kind.assignOp(parent.op);
        if (keeps === 'no') return false;
        assigned.push([name, keeps === 'keeps' ? null : parent.value]);
        return true;
      }
      return key === 'value';
    case 'IncDec':
      return true;
    case 'ArrayDimFetch':
      // as the key: read; as the container: it would be an array or an error, never a string written
      return key === 'dim';
    default:
      return READ_PARENTS.has(parent.kind);
  }
}

function neverString(e: A.Expr, bad: Set<string>, candidates: Set<string>): boolean {
  switch (e.kind) {
    case 'ScalarInt':
    case 'ScalarFloat':
    case 'Isset':
    case 'Empty':
    case 'Instanceof':
      return true;
    case 'Variable':
      return typeof e.name === 'string' && candidates.has(e.name) && !bad.has(e.name);
    case 'IncDec':
      return e.var.kind === 'Variable' && neverString(e.var, bad, candidates);
    case 'UnaryOp':
      return e.op !== '~' || neverString(e.expr, bad, candidates);
    case 'Cast':
      return e.type === 'int' || e.type === 'float' || e.type === 'bool';
    case 'Assign':
      return neverString(e.value, bad, candidates);
    case 'BinaryOp':
      if (NUMERIC_BINOPS.has(e.op)) return true;
      // array + array is an array; & | ^ of two strings is a string
      if (e.op === '+' || e.op === '&' || e.op === '|' || e.op === '^') return neverString(e.left, bad, candidates) || neverString(e.right, bad, candidates);
      return false;
    default:
      return false;
  }
}

/** A value that is never a float with a fraction nor a string (ints, integral floats past the int range, bools, null). */
function neverFraction(e: A.Expr, bad: Set<string>, candidates: Set<string>): boolean {
  switch (e.kind) {
    case 'ScalarInt':
    case 'Isset':
    case 'Empty':
    case 'Instanceof':
      return true;
    case 'Variable':
      return typeof e.name === 'string' && candidates.has(e.name) && !bad.has(e.name);
    case 'IncDec':
      return e.var.kind === 'Variable' && neverFraction(e.var, bad, candidates);
    case 'UnaryOp':
      return e.op === '!' || neverFraction(e.expr, bad, candidates);
    case 'Cast':
      return e.type === 'int' || e.type === 'bool';
    case 'Assign':
      return neverFraction(e.value, bad, candidates);
    case 'BinaryOp':
      if (BOOL_BINOPS.has(e.op)) return true;
      return INT_BINOPS.has(e.op) && neverFraction(e.left, bad, candidates) && neverFraction(e.right, bad, candidates);
    default:
      return false;
  }
}

function markAllVars(n: any, into: Set<string>): void {
  if (!n || typeof n !== 'object') return;
  if (n.kind === 'Variable' && typeof n.name === 'string') into.add(n.name);
  forEachChild(n, (ch) => markAllVars(ch, into));
}

/** Is the value of e never a string, given the function's never-string locals? */
export function exprNeverString(e: A.Expr, locals: Set<string>): boolean {
  return neverString(e, new Set(), locals);
}

/**
 * Does a function body have at most `max` array element accesses ($a[k], not counting nested
 * functions)? Few sites are compiled inline; many sites would make the optimized compile of a
 * function that runs once slower than what inline tests save.
 */
export function fewDimSites(body: A.Stmt[], max: number): boolean {
  let n = 0;
  const visit = (node: any): void => {
    if (n > max) return;
    if (NESTED.has(node.kind)) return;
    if (node.kind === 'ArrayDimFetch' && node.dim) n++;
    forEachChild(node, visit);
  };
  for (const s of body) visit(s);
  return n <= max;
}
