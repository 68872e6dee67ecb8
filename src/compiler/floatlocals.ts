// Float locals: variables of a function that hold a float wherever they are read, kept as raw JS
// doubles. PHP code like mandel's ($re = $re2 - $im2 + $rec) then compiles to plain JS arithmetic
// that V8 keeps in registers, instead of helper calls whose results must be tagged values (a heap
// number per operation) and boxed when integral (PhpFloat: an integral JS number is an int).
//
// A variable qualifies when
//  - every use is understood: assigned, compound-assigned with + - * /, ++/--, or read as an operand,
//    a condition, an echoed/returned value or an array key (no by-reference use, no global/static, no
//    closure capture, no unset, not a parameter), in a function without $$name, extract() or goto;
//  - every assignment gives a float (float literals, arithmetic with a float operand, other float
//    locals), except initialisations `$x = 0;` among the function's top-level statements that no
//    read can see: every read is dominated by a float assignment that runs after all of them.
// Dominance is read off the structure: an earlier statement of an enclosing statement list (or an
// earlier init/cond expression of an enclosing `for`) has run, to completion, before the read.
// Mixed locals are the same for variables also assigned int literals ($z = 0 before a loop that makes
// it a float): a raw double and a flag that says int. Their ints are literals, so arithmetic of them
// stays far below 2^53 (checked per expression) and is exact in doubles; an int result is normalised
// to +0. They are assigned only int literals and floats, and read where one of those was assigned.
// Reads where any value may come (echo, arguments of helpers) box the double as PHP values are
// (src/runtime/values.ts, mkFloat); operands that are not floats are tested for a JS number and
// otherwise given to the generic operator, whose float result is unboxed.

import type * as A from '../syntax/ast.js';
import type { FnCtx } from './context.js';
import { NOT_LOCAL, ownScope } from './keyfacts.js';
import { exprRaw, expr, isPlainVar, hasSideEffects, withLine, JS_INT_LITERAL as INT_LITERAL, jsIntLiteralValue } from './expressions.js';

const ARITH: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' };
const COMPARE: Record<string, [string, string, boolean]> = {
  // PHP operator → JS operator, helper, negate the helper's answer
  '<': ['<', 'lt', false], '<=': ['<=', 'le', false], '>': ['>', 'gt', false], '>=': ['>=', 'ge', false],
  '==': ['===', 'looseEq', false], '!=': ['!==', 'looseEq', true], '<>': ['!==', 'looseEq', true],
};
/** Parents in which a variable is only read, as a value of any type (boxed when it is a float local). */
const READ_PARENTS = new Set(['BinaryOp', 'UnaryOp', 'Echo', 'Print', 'If', 'While', 'DoWhile', 'ElseIf', 'For', 'Ternary', 'Return', 'ExprStmt', 'Cast', 'InterpolatedString']);

/** A step down the tree: the child at node[key] (index -1) or node[key][index]. */
interface Step {
  node: any;
  key: string;
  index: number;
}

interface Occurrence {
  name: string;
  path: Step[];
  /** the assignment whose target this is (null: a read, or a read-modify-write) */
  assign: A.Assign | null;
}

// ───────────── analysis ─────────────

export interface NumberLocals {
  floats: Set<string>;
  /** mixed locals → the largest magnitude of the int literals assigned to them */
  mixed: Map<string, number>;
}

/** Ints of mixed locals are literals up to this magnitude (so products of a few stay exact). */
const MIXED_LITERAL_MAX = 1 << 20;
const EXACT = 2 ** 53;

/** The float and mixed locals of a function body (see above). */
export function numberLocals(body: A.Stmt[], params: A.Param[], uses: string[], dynamic: boolean, excluded: Set<string>): NumberLocals {
  const none: NumberLocals = { floats: new Set(), mixed: new Map() };
  if (dynamic) return none;
  const bad = new Set<string>([...params.map((p) => p.name), ...uses, ...NOT_LOCAL, ...excluded]);
  const occurrences: Occurrence[] = [];
  let hasGoto = false;
  const visit = (n: any, path: Step[]): void => {
    if (!ownScope(n, bad)) return;
    if (n.kind === 'Goto' || n.kind === 'Label') hasGoto = true;
    if (n.kind === 'Variable') {
      if (typeof n.name !== 'string') return;
      const use = useOf(path[path.length - 1]);
      if (use === 'bad') bad.add(n.name);
      else occurrences.push({ name: n.name, path: path.slice(), assign: use === 'write' ? path[path.length - 1].node : null });
      return;
    }
    for (const key in n) {
      if (key === 'line' || key === 'kind') continue;
      const v = n[key];
      if (v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        v.forEach((ch, i) => {
          if (ch && typeof ch === 'object' && typeof ch.kind === 'string') visitChild(ch, path, { node: n, key, index: i });
        });
      } else if (typeof v.kind === 'string') visitChild(v, path, { node: n, key, index: -1 });
    }
  };
  const visitChild = (ch: any, path: Step[], step: Step) => {
    path.push(step);
    visit(ch, path);
    path.pop();
  };
  const root = { kind: 'FunctionBody', body };
  body.forEach((s, i) => visitChild(s, [], { node: root, key: 'body', index: i }));
  if (hasGoto) return none;
  const candidates = new Set<string>();
  for (const o of occurrences) if (!bad.has(o.name)) candidates.add(o.name);
  const pruned = new Set<string>();
  for (;;) {
    const floats = new Set([...candidates].filter((n) => !pruned.has(n)));
    const isFloatVar = (name: string) => floats.has(name);
    for (let changed = true; changed; ) {
      changed = false;
      for (const name of [...floats]) {
        if (!qualifies(name, occurrences, isFloatVar)) {
          floats.delete(name);
          changed = true;
        }
      }
    }
    const mixed = new Map<string, number>();
    for (const name of candidates) {
      const bound = floats.has(name) ? -1 : mixedBound(name, occurrences, isFloatVar);
      if (bound >= 0) mixed.set(name, bound);
    }
    // a float local only ever read as a PHP value would be boxed at each read for nothing
    const isNumberVar = (name: string) => floats.has(name) || mixed.has(name);
    const useless = [...floats].filter((name) => !occurrences.some((o) => o.name === name && o.assign === null && isRawRead(o, isNumberVar)));
    if (useless.length === 0) return { floats, mixed };
    for (const name of useless) pruned.add(name);
  }
}

/**
 * A mixed local: assigned only int literals (up to MIXED_LITERAL_MAX) and floats, every read a plain
 * one where some assignment has run, one of them used as a number. The largest literal, or -1.
 */
function mixedBound(name: string, occurrences: Occurrence[], isFloatVar: (n: string) => boolean): number {
  let bound = 0;
  let rawRead = false;
  for (const o of occurrences) {
    if (o.name !== name) continue;
    if (o.assign !== null) {
      const lit = intLiteralValue(o.assign.value);
      if (lit !== null && Math.abs(lit) <= MIXED_LITERAL_MAX) bound = Math.max(bound, Math.abs(lit));
      else if (!isFloatValue(o.assign.value, isFloatVar)) return -1;
      continue;
    }
    const parent = o.path[o.path.length - 1].node;
    if (parent.kind === 'AssignOp' || parent.kind === 'IncDec') return -1;
    const writes = (e: any) => e && e.kind === 'Assign' && e.target.kind === 'Variable' && e.target.name === name && (isFloatValue(e.value, isFloatVar) || intLiteralValue(e.value) !== null);
    if (!dominated(o, writes, -1)) return -1;
    rawRead ||= isRawRead(o, isFloatVar);
  }
  return rawRead ? bound : -1;
}

function intLiteralValue(e: A.Expr): number | null {
  if (e.kind === 'ScalarInt') {
    const n = Number(e.value);
    return Number.isSafeInteger(n) ? n : null;
  }
  if (e.kind === 'UnaryOp' && e.op === '-' && e.expr.kind === 'ScalarInt') {
    const n = intLiteralValue(e.expr);
    return n === null ? null : -n;
  }
  return null;
}

/** Is this read's double used as it is (an operand of float arithmetic, a float local's new value)? */
function isRawRead(o: Occurrence, isFloatVar: (n: string) => boolean): boolean {
  const { node } = o.path[o.path.length - 1];
  switch (node.kind) {
    case 'BinaryOp':
      return !!ARITH[node.op] || !!COMPARE[node.op];
    case 'UnaryOp':
      return node.op === '-' || node.op === '+';
    case 'AssignOp':
    case 'IncDec':
      return true;
    case 'Assign':
      return isFloatTarget(node.target, isFloatVar);
    default:
      return false;
  }
}

/** How a variable is used where it stands: written, read (or read and written as a float), or otherwise. */
function useOf(step: Step): 'write' | 'read' | 'bad' {
  const parent = step.node;
  switch (parent.kind) {
    case 'Assign':
      return step.key === 'target' ? 'write' : 'read';
    case 'AssignOp':
      return step.key === 'value' || ARITH[parent.op] ? 'read' : 'bad';
    case 'IncDec':
      return 'read';
    case 'ArrayDimFetch':
      return step.key === 'dim' ? 'read' : 'bad';
    default:
      return READ_PARENTS.has(parent.kind) ? 'read' : 'bad';
  }
}

function qualifies(name: string, occurrences: Occurrence[], isFloatVar: (n: string) => boolean): boolean {
  let lastInit = -1;
  for (const o of occurrences) {
    if (o.name !== name || o.assign === null || isFloatValue(o.assign.value, isFloatVar)) continue;
    if (!isDeadInitCandidate(o)) return false;
    lastInit = Math.max(lastInit, o.path[0].index);
  }
  const writes = (e: any) => e && e.kind === 'Assign' && e.target.kind === 'Variable' && e.target.name === name && isFloatValue(e.value, isFloatVar);
  for (const o of occurrences) {
    if (o.name === name && o.assign === null && !dominated(o, writes, lastInit)) return false;
  }
  return true;
}

/** `$x = <literal>;` among the function's top-level statements. */
function isDeadInitCandidate(o: Occurrence): boolean {
  if (o.path.length !== 3 || o.path[1].node.kind !== 'ExprStmt') return false;
  const v = o.assign!.value;
  return v.kind === 'ScalarInt' || v.kind === 'ScalarFloat' || (v.kind === 'ConstFetch' && v.name.name.toLowerCase() === 'null');
}

/**
 * Does an assignment that `writes` accepts run, to completion, before this read, after every top-level
 * statement up to lastInit?
 */
function dominated(o: Occurrence, writes: (e: any) => boolean, lastInit: number): boolean {
  const anyWrites = (list: any[], upTo: number) => list.slice(0, upTo).some(writes);
  const top = o.path[0].index;
  for (let j = o.path.length - 1; j >= 0; j--) {
    const { node, key, index } = o.path[j];
    if (node.kind === 'For' && top > lastInit) {
      const f = node as A.For;
      if (key === 'init' && anyWrites(f.init, index)) return true;
      if (key === 'cond' && (anyWrites(f.init, f.init.length) || anyWrites(f.cond, index))) return true;
      if ((key === 'body' || key === 'loop') && (anyWrites(f.init, f.init.length) || anyWrites(f.cond, f.cond.length))) return true;
    }
    if (index <= 0 || !Array.isArray(node[key])) continue;
    const list = node[key];
    for (let s = index - 1; s >= 0; s--) {
      if (list[s].kind === 'ExprStmt' && writes(list[s].expr) && (j > 0 ? top : s) > lastInit) return true;
    }
  }
  return false;
}

/** Is the value of e always a float (given which variables are float locals)? */
function isFloatValue(e: A.Expr, isFloatVar: (n: string) => boolean, sub = (x: A.Expr) => isFloatValue(x, isFloatVar)): boolean {
  switch (e.kind) {
    case 'ScalarFloat':
      return true;
    case 'Variable':
      return typeof e.name === 'string' && isFloatVar(e.name);
    case 'BinaryOp':
      return !!ARITH[e.op] && (sub(e.left) || sub(e.right));
    case 'UnaryOp':
      return (e.op === '-' || e.op === '+') && sub(e.expr);
    case 'Assign':
    case 'IncDec':
      return isFloatTarget(e.kind === 'Assign' ? e.target : e.var, isFloatVar);
    case 'AssignOp':
      return !!ARITH[e.op] && isFloatTarget(e.target, isFloatVar);
    default:
      return false;
  }
}

function isFloatTarget(e: A.Expr, isFloatVar: (n: string) => boolean): boolean {
  return e.kind === 'Variable' && typeof e.name === 'string' && isFloatVar(e.name);
}

// ───────────── code ─────────────

/** Answers per node and function: every node of a deep `1 + 1 + ...` is asked about (and its operands). */
const floatAnswers = new WeakMap<A.Expr, { c: FnCtx; float: boolean; bound: number }>();

function answers(c: FnCtx, e: A.Expr): { c: FnCtx; float: boolean; bound: number } {
  let a = floatAnswers.get(e);
  if (a === undefined || a.c !== c) {
    a = { c, float: c.floatLocals.size > 0 && e.kind !== 'ScalarFloat' && isFloatValue(e, (n) => c.floatLocals.has(n), (x) => x.kind === 'ScalarFloat' || answers(c, x).float), bound: -2 };
    floatAnswers.set(e, a);
  }
  return a;
}

/** Is e a float in this function, compiled as a raw double? (Float literals keep their own form.) */
export function isFloatExpr(c: FnCtx, e: A.Expr): boolean {
  return c.floatLocals.size > 0 && answers(c, e).float;
}

/**
 * Is e an int or a float decided at run time (mixed locals and their arithmetic), compiled as a
 * raw double and an int flag? The largest magnitude its int value can have, or -1.
 */
function mixedBoundOf(c: FnCtx, e: A.Expr): number {
  if (c.mixedLocals.size === 0) return -1;
  const a = answers(c, e);
  if (a.bound === -2) a.bound = mixedBoundOfNode(c, e);
  return a.bound;
}

function mixedBoundOfNode(c: FnCtx, e: A.Expr): number {
  switch (e.kind) {
    case 'Variable':
      return typeof e.name === 'string' ? c.mixedLocals.get(e.name) ?? -1 : -1;
    case 'UnaryOp':
      return e.op === '-' ? mixedBoundOf(c, e.expr) : -1;
    case 'Assign':
      return e.target.kind === 'Variable' && typeof e.target.name === 'string' && c.mixedLocals.has(e.target.name) ? c.mixedLocals.get(e.target.name)! : -1;
    case 'BinaryOp': {
      if (e.op !== '+' && e.op !== '-' && e.op !== '*') return -1;
      const a = operandBound(c, e.left);
      const b = operandBound(c, e.right);
      if (a < 0 || b < 0 || (mixedBoundOf(c, e.left) < 0 && mixedBoundOf(c, e.right) < 0)) return -1;
      const bound = e.op === '*' ? a * b : a + b;
      return bound <= EXACT ? bound : -1;
    }
    default:
      return -1;
  }
}

/** An operand of mixed arithmetic: a mixed expression or an int literal (its magnitude); else -1. */
function operandBound(c: FnCtx, e: A.Expr): number {
  const lit = intLiteralValue(e);
  if (lit !== null) return Math.abs(lit) <= MIXED_LITERAL_MAX ? Math.abs(lit) : -1;
  return mixedBoundOf(c, e);
}

export function isMixedExpr(c: FnCtx, e: A.Expr): boolean {
  return mixedBoundOf(c, e) >= 0;
}

/** The int flag of a mixed local: a temporary of its own for the whole function. */
function flagOf(c: FnCtx, name: string): string {
  let f = c.mixedFlags.get(name);
  if (!f) {
    f = c.temp();
    c.mixedFlags.set(name, f);
  }
  return f;
}

/** A mixed expression's code: statements to run first, then its double and int flag as atoms. */
function mixedRaw(c: FnCtx, e: A.Expr): { pre: string[]; v: string; f: string } {
  const lit = intLiteralValue(e);
  if (lit !== null) return { pre: [], v: lit < 0 ? `(${lit})` : String(lit), f: 'true' };
  switch (e.kind) {
    case 'Variable':
      return { pre: [], v: c.varInfo(e.name as string).js, f: flagOf(c, e.name as string) };
    case 'Assign': {
      const name = (e.target as A.Variable).name as string;
      const v = c.varInfo(name).js;
      const f = flagOf(c, name);
      const value = intLiteralValue(e.value);
      if (value !== null) return { pre: [`${v} = ${value < 0 ? `(${value})` : value}`, `${f} = true`], v, f: 'true' };
      return { pre: [`${v} = ${floatRaw(c, e.value)}`, `${f} = false`], v, f: 'false' };
    }
    case 'UnaryOp': {
      const a = mixedRaw(c, e.expr);
      const t = c.temp();
      // an int 0 negated is the int 0, not -0.0
      return { pre: [...a.pre, `${t} = ${a.f} ? 0 - ${a.v} : -${a.v}`], v: t, f: a.f };
    }
    case 'BinaryOp': {
      const a = mixedRaw(c, e.left);
      const b = mixedRaw(c, e.right);
      const pre = [...a.pre, ...b.pre];
      let f: string;
      if (a.f === 'true' || a.f === b.f) f = b.f;
      else if (b.f === 'true') f = a.f;
      else {
        f = c.temp();
        pre.push(`${f} = ${a.f} && ${b.f}`);
      }
      const t = c.temp();
      const js = `${a.v} ${e.op} ${b.v}`;
      // ints times ints: 0 * -3 is the int 0
      pre.push(e.op === '*' ? `${t} = ${f} ? ${js} + 0 : ${js}` : `${t} = ${js}`);
      return { pre, v: t, f };
    }
  }
  throw new Error('internal: not a mixed expression');
}

/** A mixed expression as a PHP value: the int, or the float boxed when integral. */
export function mixedValueOf(c: FnCtx, e: A.Expr): string {
  const m = mixedRaw(c, e);
  return withLine(c, e, withPre(m.pre, `(${m.f} ? ${m.v} : ${c.file.use('floatValue')}(${m.v}))`));
}

/** A mixed local as a PHP value. */
export function mixedLocalValue(c: FnCtx, name: string): string {
  const v = c.varInfo(name).js;
  return `(${flagOf(c, name)} ? ${v} : ${c.file.use('floatValue')}(${v}))`;
}

/** e (a float expression) as a PHP value: the double, boxed when integral. */
export function floatValueOf(c: FnCtx, e: A.Expr): string {
  return withLine(c, e, `${c.file.use('floatValue')}(${floatRaw(c, e)})`);
}

/** A float local's double as a PHP value. */
export function floatLocalValue(c: FnCtx, js: string): string {
  return `${c.file.use('floatValue')}(${js})`;
}

/** An expression whose value nobody uses: a store to a float local needs no boxed result. */
export function discardedExpr(c: FnCtx, e: A.Expr, tracked: boolean): string {
  const store = numberStore(c, e);
  if (store !== null) return withLine(c, e, store);
  return tracked ? expr(c, e) : exprRaw(c, e);
}

/** A store to a float or mixed local whose value nobody uses, or null for other expressions. */
export function numberStore(c: FnCtx, e: A.Expr): string | null {
  if (e.kind !== 'Assign' && e.kind !== 'AssignOp' && e.kind !== 'IncDec') return null;
  if (isFloatExpr(c, e)) return floatRaw(c, e);
  if (e.kind === 'Assign' && isMixedExpr(c, e)) {
    const m = mixedRaw(c, e);
    return `(${m.pre.join(', ')})`;
  }
  return null;
}

/** The raw double of a float expression. */
function floatRaw(c: FnCtx, e: A.Expr): string {
  switch (e.kind) {
    case 'ScalarFloat':
      return jsDouble(e.value);
    case 'Variable':
      return c.varInfo(e.name as string).js;
    case 'UnaryOp':
      return e.op === '-' ? `(-${floatRaw(c, e.expr)})` : floatRaw(c, e.expr);
    case 'Assign': {
      const v = c.varInfo((e.target as A.Variable).name as string).js;
      // not a float: an initialisation no read sees (the analysis)
      return `(${v} = ${isFloatValue(e.value, (n) => c.floatLocals.has(n)) ? floatRaw(c, e.value) : '0'})`;
    }
    case 'AssignOp':
      return `(${c.varInfo((e.target as A.Variable).name as string).js} = ${arith(c, e.op, e.target, e.value)})`;
    case 'IncDec': {
      const v = c.varInfo((e.var as A.Variable).name as string).js;
      const op = e.inc ? '+' : '-';
      if (e.prefix) return `(${v} = ${v} ${op} 1)`;
      const t = c.temp();
      return `(${t} = ${v}, ${v} = ${t} ${op} 1, ${t})`;
    }
    case 'BinaryOp':
      return arith(c, e.op, e.left, e.right);
  }
  throw new Error('internal: not a float expression');
}

function jsDouble(v: number): string {
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(${v})` : String(v);
}

/**
 * The two operands, compiled (raw doubles for floats) and held in order in temporaries where the
 * code tests one before it uses both (divisor zero: divideByB).
 */
function operands(c: FnCtx, left: A.Expr, right: A.Expr, divideByB: boolean): { pre: string[]; a: string; b: string; af: boolean; bf: boolean } {
  const l = operand(c, left);
  const r = operand(c, right);
  const pre: string[] = [];
  const tested = (side: { code: string; raw: boolean }) => !side.raw && !INT_LITERAL.test(side.code);
  const nonZero = INT_LITERAL.test(r.code) && jsIntLiteralValue(r.code) !== 0;
  const plainRead = isPlainVar(left) && hasSideEffects(right);
  // both evaluated once, in order, by the expression itself
  if (!plainRead && !tested(l) && !tested(r) && (!divideByB || nonZero) && !l.pre.length && !r.pre.length) return { pre, a: l.code, b: r.code, af: l.raw, bf: r.raw };
  const hold = (side: { pre: string[]; code: string }): string => {
    pre.push(...side.pre);
    if (isAtom(side.code)) return side.code;
    const t = c.temp();
    pre.push(`${t} = ${side.code}`);
    return t;
  };
  // PHP reads a plain variable operand at the operator, after the right operand ran
  let a: string, b: string;
  if (plainRead) {
    b = hold(r);
    a = hold(l);
  } else {
    a = hold(l);
    b = hold(r);
  }
  return { pre, a, b, af: l.raw, bf: r.raw };
}

/** An operand: a raw double (floats; mixed values, after their statements) or a PHP value. */
function operand(c: FnCtx, e: A.Expr): { pre: string[]; code: string; raw: boolean } {
  if (isFloatExpr(c, e) || e.kind === 'ScalarFloat') return { pre: [], code: floatRaw(c, e), raw: true };
  if (isMixedExpr(c, e)) {
    const m = mixedRaw(c, e);
    return { pre: m.pre, code: m.v, raw: true };
  }
  return { pre: [], code: exprRaw(c, e), raw: false };
}

const ATOM = /^(?:[A-Za-z_$][\w$]*|\(?-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\)?|\(-0\)|\(?-?Infinity\)?)$/;

function isAtom(js: string): boolean {
  return ATOM.test(js) && js !== 'this' && js !== 'undefined';
}

function withPre(pre: string[], js: string): string {
  return pre.length ? `(${pre.join(', ')}, ${js})` : js;
}

/** left op right (+ - * /) with a float operand, as a raw double. */
function arith(c: FnCtx, op: string, left: A.Expr, right: A.Expr): string {
  const u = (h: string) => c.file.use(h);
  const { pre, a, b, af, bf } = operands(c, left, right, op === '/');
  const helper = u(ARITH[op]);
  const box = (x: string, f: boolean) => (f ? `${u('floatValue')}(${x})` : x);
  const slow = `${u('toFloat')}(${helper}(${box(a, af)}, ${box(b, bf)}))`;
  const tests: string[] = [];
  if (!af && !INT_LITERAL.test(a)) tests.push(`typeof ${a} === "number"`);
  if (!bf && !INT_LITERAL.test(b)) tests.push(`typeof ${b} === "number"`);
  // division by zero throws (the helper says so)
  if (op === '/' && !(INT_LITERAL.test(b) && jsIntLiteralValue(b) !== 0)) tests.push(`${b} !== 0`);
  const fast = `${a} ${op} ${b}`;
  return withPre(pre, tests.length ? `(${tests.join(' && ')} ? ${fast} : ${slow})` : `(${fast})`);
}

/** left op right (< <= > >= == != <>) with a float operand, as a JS boolean; null for other operators. */
export function floatCompare(c: FnCtx, op: string, left: A.Expr, right: A.Expr): string | null {
  const spec = COMPARE[op];
  if (!spec || !(isFloatExpr(c, left) || isFloatExpr(c, right) || isMixedExpr(c, left) || isMixedExpr(c, right))) return null;
  const u = (h: string) => c.file.use(h);
  const [jsOp, helper, negate] = spec;
  const { pre, a, b, af, bf } = operands(c, left, right, false);
  const box = (x: string, f: boolean) => (f ? `${u('floatValue')}(${x})` : x);
  const tests: string[] = [];
  if (!af && !INT_LITERAL.test(a)) tests.push(`typeof ${a} === "number"`);
  if (!bf && !INT_LITERAL.test(b)) tests.push(`typeof ${b} === "number"`);
  const fast = `${a} ${jsOp} ${b}`;
  const slow = `${negate ? '!' : ''}${u(helper)}(${box(a, af)}, ${box(b, bf)})`;
  return withPre(pre, tests.length ? `(${tests.join(' && ')} ? ${fast} : ${slow})` : `(${fast})`);
}

