// Compiling PHP statements and control flow (if, loops, foreach, switch, break/continue levels, try/
// catch/finally, return, global, static, unset, declarations) to JavaScript statements.

import type * as A from '../syntax/ast.js';
import { FnCtx, str, compileError, LoopLabel } from './context.js';
import { expr, exprRaw, isFresh, scopeExpr, boolExpr, int32Test } from './expressions.js';
import { discarder, isCallExpr, isTrackedSource, nonObject, neverFloats } from './refcount.js';
import { assignTo, bindRef, unsetOf, refOf, readVar, writeVar, destructure, bindVar, isThis } from './variables.js';
import { compileFunction } from './calls.js';
import { compileClassDecl } from './classes.js';
import { normalMode } from './fibers.js';
import { isOnly, allowsNull } from './typenames.js';
import { checkConstExpr } from './constexpr.js';
import { discardedExpr, numberStore } from './floatlocals.js';
import { hasFlatLabel, regionStmts, gotoStmt, StmtCompiler } from './goto.js';

export function compileStmts(c: FnCtx, stmts: A.Stmt[]): string {
  if (c.goto && stmts.some(hasFlatLabel)) return regionStmts(c, SC, stmts);
  const out: string[] = [];
  for (const s of stmts) {
    const js = stmt(c, s);
    if (js) out.push(js);
    if (s.kind === 'HaltCompiler') break;
  }
  return out.join('\n');
}

/** `fr.line = N;` when the line changes. */
function lineMark(c: FnCtx, line: number): string {
  if (line === c.curLine || line <= 0) return '';
  c.curLine = line;
  return `fr.line = ${line}; `;
}

function block(c: FnCtx, stmts: A.Stmt[]): string {
  return '{\n' + compileStmts(c, stmts) + '\n}';
}

/**
 * A statement's code after its line mark, or without the mark when nothing in it can see the line
 * (no call, no throw: `$count = 0`, float arithmetic): the frame keeps the line it had.
 */
function lineMarkIfSeen(c: FnCtx, mark: string, lineBefore: number, js: string): string {
  if (mark === '' || SEES_LINE.test(js)) return mark + js;
  c.curLine = lineBefore;
  return js;
}

/** A call (name, member or result followed by `(`), new, throw, yield, or a line set inside. */
const SEES_LINE = /[\w$\])]\s*\(|\bnew\b|\bthrow\b|\byield\b|fr\.line/;

/** A loop or if condition: it sets the frame's line itself (a loop comes back to it from other lines). */
function cond(c: FnCtx, e: A.Expr): string {
  c.curLine = e.line;
  const test = boolExpr(c, e);
  // while (true): nothing there can see the line (and which line the frame shows is unknown after it)
  if (test === 'true' || test === 'false') {
    c.curLine = -1;
    return test;
  }
  return `(fr.line = ${e.line}, ${test})`;
}

/** An if's own condition, run right after the statement's line mark: the line is set when it differs. */
function ifCond(c: FnCtx, e: A.Expr): string {
  return e.line === c.curLine || e.line <= 0 ? boolExpr(c, e) : cond(c, e);
}

export function stmt(c: FnCtx, s: A.Stmt): string {
  const u = (h: string) => c.file.use(h);
  switch (s.kind) {
    case 'Echo':
      return lineMark(c, s.line) + s.exprs.map((e) => `${u('echo')}(${exprRaw(c, e)});`).join(' ');
    case 'InlineHTML':
      return `${u('echo')}(${str(s.value)});`;
    case 'ExprStmt': {
      // `$x;` alone reads nothing (zend_do_free drops a CV without fetching it): no undefined warning
      if (s.expr.kind === 'Variable' && typeof s.expr.name === 'string' && s.expr.name !== 'this') return lineMark(c, s.line);
      // a call whose result nobody uses: builtins that care (USED_RET in php-src) are told so
      c.discardNext = s.expr.kind === 'FuncCall' || s.expr.kind === 'MethodCall' || s.expr.kind === 'StaticCall';
      // the value is dropped: a new object nobody kept dies here (`new A;`)
      const e = valueUnused(s.expr);
      const lineBefore = c.curLine;
      const mark = lineMark(c, s.line);
      const store = numberStore(c, e);
      if (store !== null) {
        c.discardNext = false;
        return lineMarkIfSeen(c, mark, lineBefore, store + ';');
      }
      const raw = exprRaw(c, e);
      const d = discarder(e);
      let js: string;
      if (d === 'discardC' && !neverFloats(c, e)) {
        // most results are no floating object: one comparison decides
        const t = c.temp();
        js = `if ((${t} = ${raw}) === ${u('FLO')}.obj) ${u('discardC')}(${t});`;
      } else js = (d === 'discard' ? `${u(d)}(${raw})` : raw) + ';';
      js = lineMarkIfSeen(c, mark, lineBefore, js);
      c.discardNext = false;
      return js;
    }
    case 'If': {
      const mark = lineMark(c, s.line);
      const test = ifCond(c, s.cond);
      const afterCond = c.saveAssigned();
      let js = `${mark}if (${test}) ${branch(c, s.body)}`;
      const ends = [c.assigned];
      for (const ei of s.elseifs) {
        c.restoreAssigned(new Set(afterCond));
        const t = cond(c, ei.cond);
        js += ` else if (${t}) ${branch(c, ei.body)}`;
        ends.push(c.assigned);
      }
      if (s.else) {
        c.restoreAssigned(new Set(afterCond));
        js += ` else ${branch(c, s.else)}`;
        ends.push(c.assigned);
        c.intersectAssigned(ends);
      } else {
        c.restoreAssigned(afterCond);
      }
      c.curLine = -1;
      return js;
    }
    case 'While': {
      const l = pushLoop(c, false);
      const test = cond(c, s.cond);
      const saved = c.saveAssigned();
      const js = `${l.brk}: while (${test}) ${branch(c, s.body)}`;
      c.restoreAssigned(saved);
      popLoop(c);
      c.curLine = -1;
      return js;
    }
    case 'DoWhile': {
      const l = pushLoop(c, false);
      c.curLine = -1;
      // the condition may be reached by `continue` before the rest of the body ran
      const saved = c.saveAssigned();
      const body = branch(c, s.body);
      c.restoreAssigned(saved);
      c.curLine = -1;
      const js = `${l.brk}: do ${body} while (${cond(c, s.cond)});`;
      popLoop(c);
      c.curLine = -1;
      return js;
    }
    case 'For':
      return forLoop(c, s);
    case 'Foreach':
      return foreachLoop(c, s);
    case 'Switch':
      return switchStmt(c, s);
    case 'Break':
    case 'Continue':
      return breakContinue(c, s);
    case 'Return':
      return returnStmt(c, s);
    case 'Global':
      return lineMark(c, s.line) + s.vars.map((v) => globalVar(c, v)).join(' ');
    case 'Static':
      return s.vars.map((v) => staticVar(c, v)).join(' ');
    case 'Unset':
      return lineMark(c, s.line) + s.vars.map((v) => unsetOf(c, v) + ';').join(' ');
    case 'Try':
      return tryStmt(c, s);
    case 'ThrowStmt':
      return `${lineMark(c, s.line)}throw ${u('throwValue')}(${expr(c, s.expr)}, true);`;
    case 'Goto':
      return lineMark(c, s.line) + gotoStmt(c, s);
    case 'Label':
      return '';
    case 'Declare':
      return declareStmt(c, s);
    case 'Block':
      return block(c, s.stmts);
    case 'Nop':
      return '';
    case 'HaltCompiler':
      return 'return 1;';
    case 'FunctionDecl':
      return functionDecl(c, s);
    case 'ClassLike':
      return lineMark(c, s.line) + compileClassDecl(c, s) + ';';
    case 'ConstStmt':
      for (const k of s.consts) checkConstExpr(k.value, true);
      return lineMark(c, s.line) + s.consts.map((k) => `${u('defineConst')}(${str(c.file.qualify(k.name.name))}, ${constExpr(c, k.value)});`).join(' ');
    case 'Namespace':
      compileError('Namespace declaration statement has to be the very first statement or after any declare call in the script', s.line);
    case 'Use':
    case 'GroupUse':
      return '';
  }
  compileError(`unsupported statement ${(s as A.Node).kind}`, (s as A.Node).line);
}

/** An expression whose value is dropped: $i++ compiles as ++$i (no copy of the old value). */
function valueUnused(e: A.Expr): A.Expr {
  return e.kind === 'IncDec' && !e.prefix ? { ...e, prefix: true } : e;
}

function branch(c: FnCtx, stmts: A.Stmt[]): string {
  const saved = c.curLine;
  const js = block(c, stmts);
  c.curLine = saved === c.curLine ? saved : -1;
  return js;
}

// ───────────── loops ─────────────

function pushLoop(c: FnCtx, isSwitch: boolean): LoopLabel {
  const l: LoopLabel = { brk: c.label(), cont: null, isSwitch, finallyDepth: c.finallyDepth };
  c.loops.push(l);
  return l;
}
function popLoop(c: FnCtx): void {
  c.loops.pop();
}

function forLoop(c: FnCtx, s: A.For): string {
  const u = (h: string) => c.file.use(h);
  const init = s.init.map((e) => discardedExpr(c, e, true)).join(', ');
  // PHP: the last condition expression decides
  let test = '';
  if (s.cond.length) {
    const line = s.cond[s.cond.length - 1].line;
    c.curLine = line;
    const parts = s.cond.slice(0, -1).map((e) => discardedExpr(c, e, true));
    const last = boolExpr(c, s.cond[s.cond.length - 1]);
    test = `(fr.line = ${line}, ${[...parts, last].join(', ')})`;
  }
  const l = pushLoop(c, false);
  c.curLine = -1;
  // the step runs after the body, the body maybe never: neither assigns for the code after them
  const saved = c.saveAssigned();
  const step = s.loop.map((e) => discardedExpr(c, valueUnused(e), true)).join(', ');
  c.restoreAssigned(new Set(saved));
  const body = block(c, s.body);
  c.restoreAssigned(saved);
  popLoop(c);
  c.curLine = -1;
  return `${lineMark(c, s.line)}${l.brk}: for (${init}; ${test}; ${step}) ${body}`;
}

function foreachLoop(c: FnCtx, s: A.Foreach): string {
  const u = (h: string) => c.file.use(h);
  const it = c.file.id('it');
  const subject = s.byRef ? `${u('iterRef')}(${refOf(c, s.expr)}, ${scopeExpr(c)})` : `${u('iter')}(${expr(c, s.expr)}, ${scopeExpr(c)})`;
  const l = pushLoop(c, false);
  c.curLine = -1;
  const saved = c.saveAssigned();
  const assigns: string[] = [];
  if (s.key && (s.key.kind === 'ListExpr' || s.key.kind === 'ArrayLiteral')) compileError('Cannot use list as key element', s.line);
  if (isThis(s.value) || ((s.value.kind === 'ListExpr' || s.value.kind === 'ArrayLiteral') && listAssignsThis(s.value as A.ListExpr))) {
    compileError('Cannot re-assign $this', s.line);
  }
  if (s.byRef) {
    if (s.value.kind === 'ListExpr') assigns.push(destructure(c, s.value as A.ListExpr, `${it}.v`) + ';');
    else assigns.push(bindRef(c, s.value, `${it}.ref()`) + ';');
  } else if (s.value.kind === 'ListExpr' || s.value.kind === 'ArrayLiteral') {
    assigns.push(destructure(c, s.value as A.ListExpr, `${it}.v`) + ';');
  } else {
    if (isThis(s.value)) compileError('Cannot re-assign $this', s.line);
    assigns.push(assignTo(c, s.value, `${it}.v`, false) + ';');
  }
  if (s.key) assigns.push(assignTo(c, s.key, `${it}.k`, true) + ';');
  const body = compileStmts(c, s.body);
  c.restoreAssigned(saved);
  popLoop(c);
  c.curLine = -1;
  // in a fiber variant, iterators whose methods are PHP code (generators, Iterator objects) step as variants
  const step = c.fiber ? `(${it}.nextF !== undefined ? (yield* ${it}.nextF()) : ${it}.next())` : `${it}.next()`;
  return `${lineMark(c, s.line)}{ const ${it} = ${subject};\n${l.brk}: while (${step}) {\n${assigns.join(' ')}\n${body}\n}\n${it}.end(); }`;
}

function switchStmt(c: FnCtx, s: A.Switch): string {
  const u = (h: string) => c.file.use(h);
  const t = c.temp();
  const m = c.temp();
  const subject = expr(c, s.cond);
  const saved = c.saveAssigned();
  const l = pushLoop(c, true);
  const tests: string[] = [];
  let def = -1;
  s.cases.forEach((k, i) => {
    if (k.cond === null) {
      def = i;
      return;
    }
    tests.push(`${tests.length ? 'else ' : ''}if (${u('looseEq')}(${t}, ${expr(c, k.cond)})) ${m} = ${i};`);
  });
  const defaults = s.cases.filter((k) => k.cond === null);
  if (defaults.length > 1) compileError('Switch statements may only contain one default clause', defaults[1].line);
  const select = tests.length ? `${tests.join(' ')} else ${m} = ${def};` : `${m} = ${def};`;
  c.curLine = -1;
  c.restoreAssigned(new Set(saved));
  const cases = s.cases.map((k, i) => `case ${i}: ${compileStmts(c, k.body)}`).join('\n');
  c.restoreAssigned(saved);
  popLoop(c);
  c.curLine = -1;
  return `${lineMark(c, s.line)}${l.brk}: { ${t} = ${subject}; ${select}\nswitch (${m}) {\n${cases}\n} }`;
}

function breakContinue(c: FnCtx, s: A.Break | A.Continue): string {
  const word = s.kind === 'Break' ? 'break' : 'continue';
  let levels = 1;
  if (s.levels) {
    if (s.levels.kind !== 'ScalarInt') compileError(`'${word}' operator with non-integer operand is no longer supported`, s.line);
    if (Number(s.levels.value) < 1) compileError(`'${word}' operator accepts only positive integers`, s.line);
    levels = Number(s.levels.value);
  }
  if (c.loops.length === 0) compileError(`'${word}' not in the 'loop' or 'switch' context`, s.line);
  if (levels > c.loops.length) compileError(`Cannot '${word}' ${levels} level${levels === 1 ? '' : 's'}`, s.line);
  const target = c.loops[c.loops.length - levels];
  if (target.finallyDepth < c.finallyDepth) compileError('jump out of a finally block is disallowed', s.line);
  if (s.kind === 'Continue' && target.isSwitch) warnContinueTargetingSwitch(c, levels, c.loops.length - levels > 0, s.line);
  if (s.kind === 'Break' || target.isSwitch) return `break ${target.brk};`;
  return `continue ${target.brk};`;
}

/** zend_compile_break_continue's compile-time warning: `continue` on a switch acts as `break`. */
function warnContinueTargetingSwitch(c: FnCtx, depth: number, hasParent: boolean, line: number): void {
  const what = depth === 1 ? '"continue" targeting switch is equivalent to "break"' : `"continue ${depth}" targeting switch is equivalent to "break ${depth}"`;
  const hint = hasParent ? `. Did you mean to use "continue ${depth + 1}"?` : '';
  c.file.warnings.push({ message: what + hint, line, level: 2 });
}

/** Where a return lets go of the function's bound locals (filled in once the whole body is compiled). */
export const UNBIND_MARK = '/*@unbind@*/';

/** Can `return &` hand out this expression's location (a variable, element or property)? */
function isReferenceable(e: A.Expr | null): boolean {
  if (!e) return false;
  return e.kind === 'Variable' || e.kind === 'ArrayDimFetch' || e.kind === 'PropertyFetch' || e.kind === 'StaticPropertyFetch';
}

function returnStmt(c: FnCtx, s: A.Return): string {
  const u = (h: string) => c.file.use(h);
  const mark = lineMark(c, s.line);
  if (c.kind === 'main') {
    return `${mark}return ${s.expr ? expr(c, s.expr) : 'null'};`;
  }
  if (c.isGenerator) {
    return `${mark}return ${s.expr ? expr(c, s.expr) : 'null'};`;
  }
  checkReturnAgainstType(c, s);
  const info = c.infoName;
  const t = c.temp();
  const hasReturnType = c.returnType !== null;
  if (c.returnsRef && !isReferenceable(s.expr)) {
    // a value, not a variable: PHP returns it with a notice (a call's own reference is kept)
    // the return type is checked first (zend_emit_return_type_check precedes ZEND_RETURN_BY_REF)
    const r = c.temp();
    const v = c.temp();
    const check = hasReturnType ? `${u('checkReturn')}(${info}, ${v}, fr)` : v;
    const ref = s.expr !== null && isCall(s.expr) ? `${u('returnedCallRef')}(${v})` : `(${u('returnedNonRef')}(), new ${u('Ref')}(${t}))`;
    return `${mark}return (${v} = ${s.expr ? expr(c, s.expr) : 'null'}, ${t} = ${check}, ${r} = ${ref}, rt.retRef = ${r}, ${UNBIND_MARK}rt.st.top = fr.prev, ${r}.v);`;
  }
  if (c.returnsRef) {
    const r = c.temp();
    const check = hasReturnType ? `${u('checkReturn')}(${info}, ${r}.v, fr)` : `${r}.v`;
    return `${mark}return (${r} = ${refOf(c, s.expr!)}, ${t} = ${check}, rt.retRef = ${r}, ${UNBIND_MARK}rt.st.top = fr.prev, ${t});`;
  }
  // object lifetimes: a call's result passes through as it is; a value only counted variables hold
  // survives them letting go and floats to the caller; anything else escapes (src/runtime/refcount.ts)
  const tracked = s.expr !== null && isTrackedSource(c, s.expr);
  let value = s.expr ? (tracked || isCallExpr(s.expr) ? exprRaw(c, s.expr) : expr(c, s.expr)) : 'null';
  // any other object result is not floating: a stale floating mark must not make the caller adopt it
  if (s.expr && !tracked && !isCallExpr(s.expr) && !nonObject(s.expr, c)) value = `${u('unfloat')}(${value})`;
  // a value still held elsewhere (a parameter, a property, an element) goes out with one more holder
  if (s.expr && !isFresh(s.expr) && !isOwnedLocal(c, s.expr)) value = `${u('share')}(${value})`;
  if (hasReturnType) value = returnTypeCheck(c, info, value);
  if (tracked) return `${mark}return (${t} = ${u('rcHold')}(${value}), ${UNBIND_MARK}rt.st.top = fr.prev, ${u('rcFloat')}(${t}), ${t});`;
  return `${mark}return (${t} = ${value}, ${UNBIND_MARK}rt.st.top = fr.prev, ${t});`;
}

/** Values a scalar return type takes as they are (int: a 32-bit one; float: a JS number with a fraction). */
const SCALAR_RETURN_TESTS: Record<string, (t: string) => string> = {
  int: int32Test,
  float: (t) => `typeof ${t} === "number" && ${t} % 1 !== 0`,
  string: (t) => `typeof ${t} === "string"`,
  bool: (t) => `typeof ${t} === "boolean"`,
};

/**
 * The return type check of `value`. For int, float, string and bool (and ?T) the common value is
 * taken inline, with no call (a call the code after a hot loop has not made yet would deoptimize it);
 * checkReturn converts or rejects the rest.
 */
function returnTypeCheck(c: FnCtx, info: string, value: string): string {
  const type = c.returnType!;
  const simple = type.kind === 'NullableType' ? type.type : type.kind === 'SimpleType' ? type : null;
  const test = simple !== null && simple.name.form === 'unqualified' ? SCALAR_RETURN_TESTS[simple.name.name.toLowerCase()] : undefined;
  const check = (v: string) => `${c.file.use('checkReturn')}(${info}, ${v}, fr)`;
  if (test === undefined) return check(value);
  const t = c.temp();
  const takes = type.kind === 'NullableType' ? `(${t} === null || ${test(t)})` : test(t);
  return `(${t} = ${value}, ${takes} ? ${t} : ${check(t)})`;
}

function isCall(e: A.Expr): boolean {
  return e.kind === 'FuncCall' || e.kind === 'MethodCall' || e.kind === 'NullsafeMethodCall' || e.kind === 'StaticCall';
}

/** zend_emit_return_type_check's compile-time errors. */
function checkReturnAgainstType(c: FnCtx, s: A.Return): void {
  const t = c.returnTypeInfo;
  if (!t) return;
  if (isOnly(t, 'void') && !t.builtins.has('null')) {
    if (!s.expr) return;
    const isNull = s.expr.kind === 'ConstFetch' && s.expr.name.name.toLowerCase() === 'null';
    compileError(`A void function must not return a value${isNull ? ' (did you mean "return;" instead of "return null;"?)' : ''}`, s.line);
  }
  if (isOnly(t, 'never')) compileError('A never-returning function must not return', s.line);
  if (!s.expr) {
    compileError(`A function with return type must return a value${allowsNull(t) ? ' (did you mean "return null;" instead of "return;"?)' : ''}`, s.line);
  }
}

/** A plain local (not a parameter, not bound by reference): it dies with the function. */
function isOwnedLocal(c: FnCtx, e: A.Expr): boolean {
  if (e.kind !== 'Variable' || typeof e.name !== 'string' || c.dynamic) return false;
  if (c.params.has(e.name)) return false;
  const v = c.vars.get(e.name);
  return !!v && !v.boxed;
}

function globalVar(c: FnCtx, v: A.Expr): string {
  if (v.kind !== 'Variable') compileError('global only takes variables', v.line);
  if (typeof v.name !== 'string') return `${c.file.use('sbind')}(${c.dynamic ? 'S' : 'null'}, ${c.file.use('toStr')}(${expr(c, v.name)}), rt.globals.refInit(${c.file.use('toStr')}(${expr(c, v.name)})));`;
  if (v.name === 'this') compileError('Cannot use $this as global variable', v.line);
  const site = c.file.siteVar('GS', `${c.file.use('newGlobalSite')}()`);
  const cached = `${site}.scope === rt.globals && ${site}.version === rt.globals.version && ${site}.ref.v !== undefined`;
  return bindVar(c, v.name, `(${cached} ? ${site}.ref : ${c.file.use('globalRef')}(${site}, rt.globals, ${str(v.name)}))`) + ';';
}

function staticVar(c: FnCtx, v: A.StaticVar): string {
  if (v.name === 'this') compileError('Cannot use $this as static variable', v.line);
  if (v.default) checkConstExpr(v.default, true);
  const key = str(v.name + '#' + ++c.staticVarsN);
  const init = v.default ? normalMode(c, () => `() => ${expr(c, v.default!)}`) : 'null';
  const holder = c.kind === 'main' ? 'null' : c.infoName;
  const ref = `${c.file.use('staticVar')}(${holder}, this, ${key}, ${init})`;
  // a plain function's static lives as long as its module (FunctionInfo.statics): the statement keeps
  // the Ref after its first run (methods' and closures' statics depend on the class or closure)
  if (c.kind !== 'function') return bindVar(c, v.name, ref) + ';';
  const site = c.file.siteVar('SV', '{ref: null}');
  return bindVar(c, v.name, `(${site}.ref !== null ? ${site}.ref : (${site}.ref = ${ref}))`) + ';';
}

function tryStmt(c: FnCtx, s: A.Try): string {
  c.curLine = -1;
  // an exception may leave the try block anywhere: catch and finally blocks start from what was
  // assigned before it, and so does the code after the statement
  const saved = c.saveAssigned();
  let js = block(c, s.body);
  if (s.catches.length) {
    const e = c.file.id('e');
    js = `try ${js} catch (${e}) { ${catchHandler(c, s.catches, e, (k) => compileStmts(c, k.body), saved)} }`;
  }
  if (s.finally) {
    c.restoreAssigned(new Set(saved));
    js = withFinally(c, js, s.finally);
  }
  c.restoreAssigned(saved);
  c.curLine = -1;
  return js;
}

/**
 * try/catch code followed by a finally block. An exception the finally block throws while another
 * is on its way out gets that one as its previous (PHP chains them), so the pending one is kept.
 */
function withFinally(c: FnCtx, inner: string, fin: A.Stmt[]): string {
  const p = c.temp();
  const e = c.file.id('e');
  return `${p} = undefined; try { ${inner} } catch (${e}) { ${p} = ${e}; throw ${e}; } finally { if (${p} === undefined || !${c.file.use('abandons')}(${p})) { ${finallyBlock(c, fin, p)} } }`;
}

/** The body of a JS catch clause: the first PHP catch whose class matches binds the variable and runs. */
function catchHandler(c: FnCtx, catches: A.Catch[], e: string, onMatch: (k: A.Catch) => string, before: Set<string> = new Set()): string {
  const u = (h: string) => c.file.use(h);
  const branches = catches.map((k) => {
    // a catch starts from what was certainly assigned before its try block
    c.restoreAssigned(new Set(before));
    for (const t of k.types) {
      const lc = t.name.toLowerCase();
      if (t.form === 'unqualified' && (lc === 'self' || lc === 'parent' || lc === 'static')) compileError('Bad class name in the catch statement', k.line);
    }
    const test = k.types.map((t) => `${u('catches')}(${e}, ${str(c.file.resolveClass(t))})`).join(' || ');
    c.curLine = -1;
    if (k.var === 'this') compileError('Cannot re-assign $this', k.line);
    const bind = k.var ? writeVar(c, k.var, e) + ';' : '';
    return `if (${test}) { ${bind}\n${onMatch(k)} }`;
  });
  return `rt.top = fr; ${u('checkInternal')}(${e});\n${branches.join(' else ')} else throw ${e};`;
}

/** A finally block; break/continue/goto may not leave it (checked against finallyDepth). */
function finallyBlock(c: FnCtx, stmts: A.Stmt[], pending: string): string {
  c.curLine = -1;
  c.finallyDepth++;
  const js = compileStmts(c, stmts);
  c.finallyDepth--;
  c.curLine = -1;
  const e = c.file.id('e');
  return `if (!${c.file.use('bailingOut')}(${pending})) { rt.top = fr; try { ${js} } catch (${e}) { throw ${c.file.use('finallyThrew')}(${e}, ${pending}); } }`;
}

const SC: StmtCompiler = { stmt, cond, catchHandler, withFinally };

function listAssignsThis(l: A.ListExpr): boolean {
  return l.items.some((it) => it !== null && (isThis(it.value) || ((it.value.kind === 'ListExpr' || it.value.kind === 'ArrayLiteral') && listAssignsThis(it.value as A.ListExpr))));
}

/** A `const` statement's value is a constant expression (zend_ast_evaluate's rules apply). */
function constExpr(c: FnCtx, e: A.Expr): string {
  const was = c.inConstExpr;
  c.inConstExpr = true;
  try {
    return expr(c, e);
  } finally {
    c.inConstExpr = was;
  }
}

function declareStmt(c: FnCtx, s: A.Declare): string {
  for (const d of s.directives) {
    const key = d.key.toLowerCase();
    const literal = d.value.kind === 'ScalarInt' || d.value.kind === 'ScalarFloat' || d.value.kind === 'ScalarString';
    if (!literal) compileError(key === 'encoding' ? 'Encoding must be a literal' : `declare(${d.key}) value must be a literal`, s.line);
    if (key === 'strict_types') {
      if (d.value.kind !== 'ScalarInt' || (d.value.value !== '0' && d.value.value !== '1')) compileError('strict_types declaration must have 0 or 1 as its value', s.line);
      if (s.body !== null && s.body.length) compileError('strict_types declaration must not use block mode', s.line);
    } else if (key !== 'ticks' && key !== 'encoding') {
      c.file.warnings.push({ message: `Unsupported declare '${d.key}'`, line: s.line });
    }
  }
  return s.body ? compileStmts(c, s.body) : '';
}

function functionDecl(c: FnCtx, s: A.FunctionDecl): string {
  const u = (h: string) => c.file.use(h);
  const name = c.file.qualify(s.name.name);
  const top = c.kind === 'main' && c.file.topFunctions.get(name.toLowerCase())?.node === s;
  if (top) return ''; // hoisted: declared when the file starts running
  // the function itself lives at module level (see FileCtx.defs); the statement declares it
  const defName = c.file.id('F');
  const { js, info } = compileFunction(c.file, {
    kind: 'function', name, params: s.params, body: s.body, byRef: s.byRef, returnType: s.returnType,
    line: s.line, endLine: s.endLine, isStatic: false, docComment: s.docComment, attrGroups: s.attrGroups, defName,
  }, null, c, 'f_' + name.replace(/[^A-Za-z0-9_]/g, '_'));
  c.file.defs.push(`${defName}: {fn: ${defName}, info: ${info}}`);
  c.file.decls.push(`const ${defName} = ${js};`);
  return `${lineMark(c, s.line)}${u('declareFunction')}(${str(name)}, ${defName}, ${info});`;
}

export { readVar, scopeExpr };
