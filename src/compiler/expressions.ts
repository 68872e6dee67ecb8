// Compiling PHP expressions to JavaScript expressions. Every PHP expression becomes one JS expression
// (temporaries are function-level `let`s), so statements can embed them anywhere.

import type * as A from '../syntax/ast.js';
import { exprNeverString } from './keyfacts.js';
import { isFloatExpr, floatValueOf, floatCompare, isMixedExpr, mixedValueOf } from './floatlocals.js';
import { isShortCircuited } from './writecheck.js';
import { FnCtx, str, compileError } from './context.js';
import { literalType } from './typenames.js';
import { mayTrack, isCounted, storeKind } from './refcount.js';
import {
  readVar, readQuiet, assignTo, refOf, bindRef, unsetOf, issetOf, writableContainer, isThis, thisExpr, destructure, valueLocation, isGlobalsElement, globalRef, objectForRmw, objectForWrite, inlineSlotTest, isStringKeyLiteral,
} from './variables.js';
import { compileCall, compileMethodCall, compileStaticCall, compileNew, compileClosure, compileArrowFunction, isSpecialBuiltinCall } from './calls.js';
import { compileAnonClass } from './classes.js';

const BINOPS: Record<string, string> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod', '**': 'pow', '.': 'concat',
  '<<': 'shl', '>>': 'shr', '&': 'bitAnd', '|': 'bitOr', '^': 'bitXor',
  '==': 'looseEq', '===': 'strictEq', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '<=>': 'spaceship',
};

/** `$GLOBALS` itself: `$GLOBALS['x']` reads the global variable directly. */
export function isGlobalsVar(e: A.Expr): boolean {
  return e.kind === 'Variable' && e.name === 'GLOBALS';
}

export function lineOf(e: A.Node): number {
  return e.line;
}

/**
 * Can the value of e be stored without share()? Fresh values, and locals that never hold a string
 * (compiler/keyfacts.ts): they hold only numbers, booleans and null, never an array.
 */
function needsNoShare(c: FnCtx, e: A.Expr): boolean {
  return isFresh(e) || (e.kind === 'Variable' && typeof e.name === 'string' && c.neverString.has(e.name));
}

/** Does evaluating e yield a value nobody else holds (so storing it needs no copy-on-write share)? */
export function isFresh(e: A.Expr): boolean {
  switch (e.kind) {
    case 'ScalarInt': case 'ScalarFloat': case 'ScalarString': case 'InterpolatedString': case 'MagicConst':
    case 'BinaryOp': case 'UnaryOp': case 'Cast': case 'Isset': case 'Empty': case 'New': case 'Closure':
    case 'ArrowFunction': case 'Clone': case 'Instanceof': case 'ArrayLiteral': case 'Print':
    case 'FuncCall': case 'MethodCall': case 'StaticCall': case 'NullsafeMethodCall': case 'IncDec':
      return true;
    case 'ConstFetch': {
      // a constant may hold an array: assigning it shares it
      const lc = e.name.name.toLowerCase();
      return lc === 'true' || lc === 'false' || lc === 'null';
    }
    case 'Ternary':
      return (e.then === null || isFresh(e.then)) && isFresh(e.else) && e.then !== null;
    case 'Match':
      return e.arms.every((a) => isFresh(a.body));
  }
  return false;
}

const BOOL_BINOPS = new Set(['==', '!=', '<>', '===', '!==', '<', '<=', '>', '>=', '&&', '||', 'and', 'or', 'xor']);

/** Does e always evaluate to a JS boolean (so toBool() is not needed)? */
export function isBoolExpr(e: A.Expr): boolean {
  switch (e.kind) {
    case 'BinaryOp':
      return BOOL_BINOPS.has(e.op);
    case 'UnaryOp':
      return e.op === '!';
    case 'Isset':
    case 'Empty':
    case 'Instanceof':
      return true;
    case 'ConstFetch': {
      const lc = e.name.name.toLowerCase();
      return lc === 'true' || lc === 'false';
    }
  }
  return false;
}

/** A JS boolean for a PHP condition. */
export function boolExpr(c: FnCtx, e: A.Expr): string {
  // while (1), while (true): no conversion at each iteration
  const literal = literalTruth(e);
  if (literal !== undefined) return String(literal);
  const js = exprRaw(c, e);
  return isBoolExpr(e) ? js : `${c.file.use('toBool')}(${js})`;
}

/** The scope class for visibility checks, as a JS expression (null outside classes). */
export function scopeExpr(c: FnCtx): string {
  const closure = c.kind === 'closure' || c.kind === 'arrow';
  // a closure may be rebound to another scope (bindTo, call); a generator's body runs outside the call
  if (c.cls && (!closure || c.isGenerator || c.cls.isTrait)) return c.cls.isTrait ? traitScopeExpr(c) : c.cls.ref;
  if (closure) return `${c.file.use('closureScope')}(this)`;
  return 'null';
}

/** The inline cache of a property access site with a literal name (null for $o->$name). */
export function propSite(c: FnCtx, n: A.Identifier | A.Expr): string | null {
  return n.kind === 'Identifier' ? c.file.siteVar('PS', `${c.file.use('newPropSite')}()`) : null;
}

/**
 * The class using the trait whose code this is: trait methods are instantiated per using class with
 * that class as `TS`; elsewhere in a trait (constant expressions) it is found from `this`.
 */
export function traitScopeExpr(c: FnCtx): string {
  // closures in a trait method are module-level factories, outside the method's TS: found from `this`
  return c.inTraitMethod && c.kind === 'method' ? 'TS' : `${c.file.use('traitScope')}(this, ${c.cls!.ref})`;
}

/** A property name: an Identifier (compile-time string) or an expression. */
export function propName(c: FnCtx, n: A.Identifier | A.Expr): string {
  if (n.kind === 'Identifier') return str((n as A.Identifier).name);
  return `${c.file.use('toStr')}(${expr(c, n as A.Expr)})`;
}

export function staticPropName(c: FnCtx, n: string | A.Expr): string {
  return typeof n === 'string' ? str(n) : `${c.file.use('toStr')}(${expr(c, n)})`;
}

/** A JS expression evaluating to the PhpClass named by n (self/parent/static resolved in context). */
/** zend_ensure_valid_class_fetch_type: self/parent/static where the compiler knows they can't work. */
function checkClassFetch(c: FnCtx, kind: string, line: number, known = c.scopeKnown): void {
  if (!known) return;
  if (!c.cls) compileError(`Cannot use "${kind}" when no class scope is active`, line);
  if (kind === 'parent' && !c.cls.parentName && !c.cls.isTrait) compileError('Cannot use "parent" when current class scope has no parent', line);
}

export function classRefExpr(c: FnCtx, n: A.Name | A.Expr | A.ClassLike): string {
  if (n.kind === 'Name') {
    const resolved = c.file.resolveClass(n as A.Name);
    if (resolved === 'self' || resolved === 'parent' || resolved === 'static') checkClassFetch(c, resolved, n.line);
    switch (resolved) {
      case 'self':
        if (!c.cls) return `${c.file.use('selfOfClosure')}(this)`;
        return c.cls.isTrait ? traitScopeExpr(c) : c.cls.ref;
      case 'parent':
        if (!c.cls) return `${c.file.use('parentOfClosure')}(this)`;
        return `${c.file.use('parentOf')}(${c.cls.isTrait ? traitScopeExpr(c) : c.cls.ref})`;
      case 'static':
        return `${c.file.use('staticOf')}(this)`;
    }
    // a class name, once resolved, names the same class for the rest of the request
    const k = c.file.cacheVar('class:' + resolved.toLowerCase(), 'K');
    return `(${k} ??= ${c.file.use('cls')}(${str(resolved)}))`;
  }
  if (n.kind === 'ClassLike') return compileAnonClass(c, n as A.ClassLike);
  checkLiteralClassName(n as A.Expr);
  return `${c.file.use('clsOf')}(${exprRaw(c, n as A.Expr)})`;
}

/** zend_resolve_class_name_ast: a literal other than a string, as in (2)::X or []::X, names no class. */
function checkLiteralClassName(e: A.Expr): void {
  if (e.kind === 'ScalarInt' || e.kind === 'ScalarFloat' || (e.kind === 'ArrayLiteral' && literalType(e) !== null)) compileError('Illegal class name', e.line);
}

/** Compiles code that may not run (a right operand of &&, a branch): its assignments don't count after it. */
export function maybeRun(c: FnCtx, compile: () => string): string {
  const saved = c.saveAssigned();
  const js = compile();
  c.restoreAssigned(saved);
  return js;
}

/** Sets the frame's line when an expression starts on another line than the statement (traces, errors). */
export function withLine(c: FnCtx, e: A.Node, js: string): string {
  if (e.line !== c.curLine && e.line > 0) {
    c.curLine = e.line;
    return `(fr.line = ${e.line}, ${js})`;
  }
  return js;
}

/** The expression a chain element (->, [], ::, ()) applies to. */
function chainBase(e: A.Expr): A.Expr | null {
  switch (e.kind) {
    case 'ArrayDimFetch':
    case 'PropertyFetch':
    case 'MethodCall':
    case 'NullsafePropertyFetch':
    case 'NullsafeMethodCall':
      return e.var;
    case 'StaticPropertyFetch':
    case 'StaticCall':
      return e.cls.kind === 'Name' ? null : (e.cls as A.Expr);
  }
  return null;
}

function withBase(e: A.Expr, base: A.Expr): A.Expr {
  if (e.kind === 'StaticPropertyFetch' || e.kind === 'StaticCall') return { ...e, cls: base };
  return { ...(e as A.PropertyFetch), var: base };
}

/**
 * A chain after a ?-> short-circuits as a whole: `$a?->b()->c` is null when $a is, without calling
 * or fetching anything further. The nearest ?-> below e is tested once; the rest compiles as usual.
 */
function shortCircuitChain(c: FnCtx, e: A.Expr): string {
  const path: A.Expr[] = [];
  let n: A.Expr = e;
  while (n.kind !== 'NullsafePropertyFetch' && n.kind !== 'NullsafeMethodCall') {
    path.push(n);
    n = chainBase(n)!;
  }
  const t = c.temp();
  const tempRef = { kind: 'RawJs', js: t, line: n.line } as unknown as A.Expr;
  let rebuilt: A.Expr = n.kind === 'NullsafePropertyFetch'
    ? { kind: 'PropertyFetch', var: tempRef, name: n.name, line: n.line }
    : { kind: 'MethodCall', var: tempRef, name: n.name, args: n.args, line: n.line };
  for (let i = path.length - 1; i >= 0; i--) rebuilt = withBase(path[i], rebuilt);
  return `((${t} = ${expr(c, n.var)}) == null ? null : ${expr(c, rebuilt)})`;
}

/**
 * The JS expression for e, used where its value may be kept: a tracked object (see
 * src/compiler/refcount.ts) escapes. Positions that only look at the value use exprRaw.
 */
export function expr(c: FnCtx, e: A.Expr): string {
  const js = exprRaw(c, e);
  return mayTrack(c, e) ? `${c.file.use('esc')}(${js})` : js;
}

/** The JS expression for e, for a position that does not keep the value (an operand, a receiver, a counted store). */
export function exprRaw(c: FnCtx, e: A.Expr): string {
  const u = (h: string) => c.file.use(h);
  if ((e.kind === 'PropertyFetch' || e.kind === 'MethodCall' || e.kind === 'ArrayDimFetch' || e.kind === 'StaticPropertyFetch' || e.kind === 'StaticCall') && isShortCircuited(e)) {
    return shortCircuitChain(c, e);
  }
  switch (e.kind as string) {
    case 'RawJs':
      return (e as any).js;
  }
  if (isFloatExpr(c, e)) return floatValueOf(c, e);
  if (e.kind !== 'Variable' && isMixedExpr(c, e)) return mixedValueOf(c, e);
  switch (e.kind) {
    case 'ScalarInt':
      return intLiteral(e.value);
    case 'ScalarFloat':
      return floatLiteral(c, e.value);
    case 'ScalarString':
      return str(e.value);
    case 'InterpolatedString':
      return interpolate(c, e.parts);
    case 'ShellExec':
      return `${u('shellExec')}(${interpolate(c, e.parts)})`;
    case 'MagicConst':
      return magicConst(c, e);
    case 'Variable':
      if (typeof e.name === 'string') return readVar(c, e.name);
      return `${u('sgetDyn')}(${c.dynamic ? 'S' : 'null'}, ${u('toStr')}(${expr(c, e.name)}), false)`;
    case 'ArrayDimFetch':
      if (!e.dim) compileError('Cannot use [] for reading', e.line);
      if (isGlobalsVar(e.var)) return withLine(c, e, `${u('globalGet')}(${expr(c, e.dim)})`);
      return withLine(c, e, dimRead(c, exprRaw(c, e.var), exprRaw(c, e.dim), !exprNeverString(e.dim, c.neverString)));
    case 'PropertyFetch': {
      const obj = isThis(e.var) ? thisExpr(c) : exprRaw(c, e.var);
      if (c.inConstExpr) return withLine(c, e, `${u('constExprPropGet')}(${obj}, ${propName(c, e.name)}, ${scopeExpr(c)})`);
      const site = propSite(c, e.name);
      if (site) return withLine(c, e, inlinePropGet(c, obj, site, propName(c, e.name), scopeExpr(c), 'pget'));
      return withLine(c, e, `${u('propGet')}(${obj}, ${propName(c, e.name)}, ${scopeExpr(c)})`);
    }
    case 'NullsafePropertyFetch': {
      const t = c.temp();
      const obj = exprRaw(c, e.var);
      return `((${t} = ${obj}) == null ? null : ${maybeRun(c, () => `${u(c.inConstExpr ? 'constExprPropGet' : 'propGet')}(${t}, ${propName(c, e.name)}, ${scopeExpr(c)})`)})`;
    }
    case 'StaticPropertyFetch':
      if (typeof e.name === 'string') {
        const site = c.file.siteVar('SP', `${u('newStaticPropSite')}()`);
        return withLine(c, e, `${u('spGet')}(${site}, ${classRefExpr(c, e.cls)}, ${str(e.name)}, ${scopeExpr(c)})`);
      }
      return withLine(c, e, `${u('staticPropGet')}(${classRefExpr(c, e.cls)}, ${staticPropName(c, e.name)}, ${scopeExpr(c)})`);
    case 'ClassConstFetch':
      return classConst(c, e);
    case 'ConstFetch':
      return constFetch(c, e);
    case 'ArrayLiteral':
      return arrayLiteral(c, e);
    case 'ListExpr':
      compileError('Cannot use list() outside of an assignment context', e.line);
    case 'Assign':
      if (e.target.kind === 'ListExpr' || (e.target.kind === 'ArrayLiteral')) {
        // [&$x] = f(): a result not returned by reference is no place to bind to (a notice, then a copy)
        if (isCallExpr(e.value) && listBindsRefs(e.target as A.ListExpr)) return destructure(c, e.target as A.ListExpr, `${c.file.use('listRefSource')}(${expr(c, e.value)})`);
        return destructure(c, e.target as A.ListExpr, expr(c, e.value));
      }
      if (e.target.kind === 'ArrayDimFetch' || e.target.kind === 'PropertyFetch' || e.target.kind === 'StaticPropertyFetch') {
        // $o->p = (array) $v, $o[k] = (array) $v: objects keeping members elsewhere may keep such an array as is (pthreads)
        const castArray = e.value.kind === 'Cast' && e.value.type === 'array';
        if (e.target.kind !== 'StaticPropertyFetch' && hasSideEffects(e.value) && isDelayedTarget(e.target)) {
          // PHP fetches such a target (its variables, containers and keys) only after the value ran
          const t = c.temp();
          return withLine(c, e, `(${t} = ${expr(c, e.value)}, ${assignTo(c, e.target, t, needsNoShare(c, e.value), castArray)})`);
        }
        return withLine(c, e, assignTo(c, e.target, expr(c, e.value), needsNoShare(c, e.value), castArray));
      }
      if (e.target.kind === 'Variable' && typeof e.target.name === 'string' && e.target.name !== 'this' && (c.dynamic || isCounted(c, e.target.name))) {
        // a counted store: the value is counted (tracked sources) or escapes (anything else)
        return assignTo(c, e.target, exprRaw(c, e.value), isFresh(e.value), false, storeKind(c, e.value));
      }
      return assignTo(c, e.target, expr(c, e.value), needsNoShare(c, e.value));
    case 'AssignRef':
      return assignRef(c, e);
    case 'AssignOp':
      return assignOp(c, e);
    case 'BinaryOp':
      return binaryOp(c, e);
    case 'UnaryOp':
      return unaryOp(c, e);
    case 'IncDec':
      return incDec(c, e);
    case 'Cast':
      return cast(c, e);
    case 'Isset': {
      // isset($a, $b): the later ones are tested only while the earlier ones are set
      const parts = [issetOf(c, e.vars[0])];
      const saved = c.saveAssigned();
      for (const v of e.vars.slice(1)) parts.push(issetOf(c, v));
      c.restoreAssigned(saved);
      return '(' + parts.join(' && ') + ')';
    }
    case 'Empty':
      return `!${u('toBool')}(${emptyOperand(c, e.expr)})`;
    case 'ErrorSuppress': {
      const t = c.temp();
      // in a fiber variant the operand may suspend: it runs as a generator delegated to
      if (c.fiber) return `(rt.silence++, ${t} = (yield* ${u('silencedF')}(function* () { return ${expr(c, e.expr)}; }.call(this))), ${t})`;
      return `(rt.silence++, ${t} = ${u('silenced')}(() => ${expr(c, e.expr)}), ${t})`;
    }
    case 'Exit':
      return `${u('exit')}(${e.expr ? expr(c, e.expr) : 'undefined'})`;
    case 'Print':
      return `(${u('echo')}(${exprRaw(c, e.expr)}), 1)`;
    case 'Eval':
      return withLine(c, e, `${u('evalCode')}(${expr(c, e.expr)}, ${c.dynamic ? 'S' : 'null'}, this, ${scopeExpr(c)})`);
    case 'Include':
      return withLine(c, e, `${u('include')}(${expr(c, e.expr)}, ${str(e.type)}, ${c.dynamic ? 'S' : 'null'}, this, ${scopeExpr(c)}, ${str(c.file.dir())})`);
    case 'Instanceof':
      return instanceOf(c, e);
    case 'Clone':
      return withLine(c, e, `${u('cloneObj')}(${exprRaw(c, e.expr)}, ${scopeExpr(c)})`);
    case 'Ternary':
      return ternary(c, e);
    case 'Match':
      return match(c, e);
    case 'Throw':
      return withLine(c, e, `${u('throwValue')}(${expr(c, e.expr)})`);
    case 'FuncCall':
      return compileCall(c, e);
    case 'MethodCall':
    case 'NullsafeMethodCall':
      return compileMethodCall(c, e);
    case 'StaticCall':
      return compileStaticCall(c, e);
    case 'New':
      return compileNew(c, e);
    case 'Closure':
      return compileClosure(c, e);
    case 'ArrowFunction':
      return compileArrowFunction(c, e);
    case 'Yield':
      return compileYield(c, e);
    case 'YieldFrom':
      if (!c.isGenerator) compileError('The "yield" expression can only be used inside a function', e.line);
      if (c.returnsRef) compileError('Cannot use "yield from" inside a by-reference generator', e.line);
      if (isCallExpr(e.expr) && !c.fiber) {
        // yield from gen(): the generator is a temporary of the delegation (destroyed with it)
        const t = c.temp();
        const r = c.temp();
        return `(${t} = ${u('takeFloat')}(${exprRaw(c, e.expr)}), ${r} = (yield* ${u('yieldFrom')}(G, ${t})), ${u('discardF')}(${t}), ${r})`;
      }
      return `(yield* ${u(c.fiber ? 'yieldFromF' : 'yieldFrom')}(G, ${expr(c, e.expr)}))`;
  }
  compileError(`unsupported expression ${(e as A.Node).kind}`, (e as A.Node).line);
}

export function intLiteral(v: string): string {
  const n = Number(v);
  if (Number.isSafeInteger(n)) return n < 0 ? `(${n})` : String(n);
  return `${v}n`;
}

function floatLiteral(c: FnCtx, v: number): string {
  if (Number.isInteger(v) || Object.is(v, -0)) {
    // integral floats are boxed; hoist the box to module level so it is allocated once
    const id = c.file.id('F');
    c.file.decls.push(`const ${id} = new ${c.file.use('PhpFloat')}(${Object.is(v, -0) ? '-0' : String(v)});`);
    return id;
  }
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v !== v) return 'NaN';
  return String(v);
}

function interpolate(c: FnCtx, parts: (string | A.Expr)[]): string {
  if (parts.length === 0) return '""';
  for (const p of parts) {
    const mark = typeof p === 'string' ? undefined : (p as any).dollarCurly;
    if (mark === 'var') c.file.warnings.push({ message: 'Using ${var} in strings is deprecated, use {$var} instead', line: (p as A.Node).line, level: 8192 });
    else if (mark === 'expr') c.file.warnings.push({ message: 'Using ${expr} (variable variables) in strings is deprecated, use {${expr}} instead', line: (p as A.Node).line, level: 8192 });
  }
  const out: string[] = [];
  if (typeof parts[0] !== 'string') out.push('""');
  for (const p of parts) out.push(typeof p === 'string' ? str(p) : `${c.file.use('toStr')}(${exprRaw(c, p)})`);
  return '(' + out.join(' + ') + ')';
}

function magicConst(c: FnCtx, e: A.MagicConst): string {
  switch (e.name) {
    case '__LINE__':
      return String(e.line);
    case '__FILE__':
      return str(c.file.file);
    case '__DIR__':
      return str(c.file.dir());
    case '__NAMESPACE__':
      return str(c.file.namespace);
    case '__FUNCTION__':
      return str(c.phpName);
    case '__CLASS__':
      if (c.cls?.isTrait) return `${traitScopeExpr(c)}.name`;
      if (c.cls && c.cls.name === null) return `${c.cls.ref}.name`;
      if (!c.cls && (c.kind === 'closure' || c.kind === 'arrow')) return `${c.file.use('closureClassName')}(this)`;
      return str(c.cls?.name ?? '');
    case '__TRAIT__':
      return str(c.cls?.isTrait ? c.cls.name ?? '' : '');
    case '__METHOD__':
      // in a class body outside any method (constants, property defaults) there is no method
      if (c.cls && c.kind === 'method') return c.methodName ? str((c.cls.name ?? '') + '::' + c.methodName) : "''";
      return str(c.phpName);
  }
}

function classConst(c: FnCtx, e: A.ClassConstFetch): string {
  const name = e.name.name;
  if (name.toLowerCase() === 'class') {
    if (e.cls.kind === 'Name') {
      const resolved = c.file.resolveClass(e.cls as A.Name);
      if (resolved !== 'self' && resolved !== 'parent' && resolved !== 'static') return str(resolved);
      if (resolved === 'self' && c.cls && c.cls.name !== null && !c.cls.isTrait) return str(c.cls.name);
      // ::class is checked even in constant expressions when the class is known
      if (resolved !== 'static') checkClassFetch(c, resolved, e.line, c.scopeKnown || (c.inConstExpr && !!c.cls && !c.cls.isTrait));
      const scopeJs = c.cls ? (c.cls.isTrait ? traitScopeExpr(c) : c.cls.ref) : `${c.file.use('closureScope')}(this)`;
      return `${c.file.use('scopeClassName')}(${str(resolved)}, ${scopeJs}, this)`;
    }
    if (e.cls.kind === 'ScalarInt' || e.cls.kind === 'ScalarFloat') compileError('Illegal class name', e.line);
    if (e.cls.kind === 'ScalarString') return str((e.cls as A.ScalarString).value);
    return `${c.file.use('classNameOf')}(${expr(c, e.cls as A.Expr)})`;
  }
  if (c.inConstExpr && e.cls.kind === 'Name') {
    const written = c.file.resolveClass(e.cls as A.Name);
    return withLine(c, e, `${c.file.use('constExprClassConst')}(${classRefExpr(c, e.cls)}, ${str(name)}, ${scopeExpr(c)}, ${str(written)})`);
  }
  const site = c.file.siteVar('CC', `${c.file.use('newClassConstSite')}()`);
  return withLine(c, e, `${c.file.use('ccget')}(${site}, ${classRefExpr(c, e.cls)}, ${str(name)}, ${scopeExpr(c)})`);
}

function constFetch(c: FnCtx, e: A.ConstFetch): string {
  const lc = e.name.name.toLowerCase();
  if (e.name.form === 'unqualified' || e.name.form === 'fully') {
    if (lc === 'true') return 'true';
    if (lc === 'false') return 'false';
    if (lc === 'null') return 'null';
  }
  const [ns, global] = c.file.resolveConst(e.name);
  if (global === null && ns === '__COMPILER_HALT_OFFSET__') return `${c.file.use('haltOffset')}(${str(c.file.file)})`;
  if (global === null) {
    // constants never change once defined: the first successful lookup is kept
    const k = c.file.cacheVar('const:' + ns, 'N');
    return withLine(c, e, `(${k} !== undefined ? ${k} : (${k} = ${c.file.use('constant')}(${str(ns)}, null)))`);
  }
  return withLine(c, e, `${c.file.use('constant')}(${str(ns)}, ${str(global)})`);
}

function arrayLiteral(c: FnCtx, e: A.ArrayLiteral): string {
  const u = (h: string) => c.file.use(h);
  const simpleList = e.items.every((it) => !it.key && !it.byRef && !it.unpack);
  if (simpleList) {
    const vals = e.items.map((it) => (isFresh(it.value) ? expr(c, it.value) : `${u('share')}(${expr(c, it.value)})`));
    return `${u('PhpArray')}.fromList([${vals.join(', ')}])`;
  }
  const t = c.temp();
  const parts = [`${t} = new ${u('PhpArray')}()`];
  for (const it of e.items) {
    if (it.unpack) {
      parts.push(`${u('arrayUnpack')}(${t}, ${expr(c, it.value)})`);
    } else if (it.byRef) {
      const r = refOf(c, it.value);
      parts.push(it.key ? `${u('setRef')}(${t}, ${expr(c, it.key)}, ${r})` : `${u('appendRef')}(${t}, ${r})`);
    } else {
      const v = isFresh(it.value) ? expr(c, it.value) : `${u('share')}(${expr(c, it.value)})`;
      parts.push(it.key ? `${u('arraySet')}(${t}, ${expr(c, it.key)}, ${v})` : `${u('arrayPush')}(${t}, ${v})`);
    }
  }
  parts.push(t);
  return `(${parts.join(', ')})`;
}

function assignRef(c: FnCtx, e: A.AssignRef): string {
  const v = e.value;
  if (v.kind === 'New') compileError('Cannot assign reference to non referenceable value', e.line);
  if (isThis(e.target)) compileError('Cannot re-assign $this', e.line);
  if (isSpecialBuiltinCall(c, v)) compileError('Cannot use result of built-in function in write context', e.line);
  if (v.kind === 'FuncCall' || v.kind === 'MethodCall' || v.kind === 'StaticCall' || v.kind === 'NullsafeMethodCall') {
    // =& of a call: the call's reference if it returns one, else a notice and a plain assignment
    // the call runs first, then the target is fetched (its errors come before the notice), then the binding
    const cv = c.temp();
    const cr = c.temp();
    const t = e.target;
    if (t.kind === 'PropertyFetch') {
      // an overloaded property fails before the call's value is looked at
      const o = c.temp();
      const name = c.temp();
      return `(${cv} = ${expr(c, v)}, ${cr} = ${c.file.use('takeCallRef')}(${cv}), ${o} = ${objectForWrite(c, t.var)}, ${name} = ${propName(c, t.name)}, ${c.file.use('refToOverloaded')}(${o}, ${name}, ${scopeExpr(c)}), ` +
        `${c.file.use('propBindRef')}(${o}, ${name}, ${c.file.use('callRefOrValue')}(${cr}, ${cv}), ${scopeExpr(c)}))`;
    }
    return `(${cv} = ${expr(c, v)}, ${cr} = ${c.file.use('takeCallRef')}(${cv}), ${bindRef(c, e.target, `${c.file.use('callRefOrValue')}(${cr}, ${cv})`)})`;
  }
  const t = c.temp();
  return `(${t} = ${refOf(c, v)}, ${bindRef(c, e.target, t)}, ${t}.v)`;
}

/** `$a = &$b` given to a by-reference parameter: the reference itself is passed. */
export function assignRefGivingRef(c: FnCtx, e: A.AssignRef): string | null {
  const v = e.value;
  if (v.kind === 'New' || v.kind === 'FuncCall' || v.kind === 'MethodCall' || v.kind === 'StaticCall' || v.kind === 'NullsafeMethodCall' || isThis(e.target)) return null;
  const t = c.temp();
  return `(${t} = ${refOf(c, v)}, ${bindRef(c, e.target, t)}, ${t})`;
}

/**
 * `$a[f()] ??= v` reads and then writes the same location: the keys and names computed by expressions
 * are evaluated once, into temporaries (zend_compile_memoized_expr); variables and literals are kept.
 */
function memoizeLvalue(c: FnCtx, e: A.Expr, pre: string[]): A.Expr {
  const memo = (x: A.Expr): A.Expr => {
    if (x.kind === 'Variable' && typeof x.name === 'string') return x;
    if (x.kind === 'ScalarInt' || x.kind === 'ScalarString' || x.kind === 'ScalarFloat') return x;
    const t = c.temp();
    pre.push(`${t} = ${expr(c, x)}`);
    return { kind: 'RawJs', js: t, line: x.line } as unknown as A.Expr;
  };
  switch (e.kind) {
    case 'ArrayDimFetch': {
      const v = memoizeLvalue(c, e.var, pre);
      return { ...e, var: v, dim: e.dim ? memo(e.dim) : null };
    }
    case 'PropertyFetch': {
      const v = memoizeLvalue(c, e.var, pre);
      return { ...e, var: v, name: e.name.kind === 'Identifier' ? e.name : memo(e.name) };
    }
    case 'StaticPropertyFetch':
      return typeof e.name === 'string' ? e : { ...e, name: memo(e.name) };
    default:
      return e;
  }
}

function assignOp(c: FnCtx, e: A.AssignOp): string {
  const u = (h: string) => c.file.use(h);
  if (e.op === '??') {
    const t = c.temp();
    const pre: string[] = [];
    const target = memoizeLvalue(c, e.target, pre);
    const cur = readQuiet(c, target);
    const r = `((${t} = ${cur}) != null ? ${t} : ${maybeRun(c, () => assignTo(c, target, expr(c, e.value), isFresh(e.value)))})`;
    return pre.length ? `(${pre.join(', ')}, ${r})` : r;
  }
  const fn = u(BINOPS[e.op]);
  const target = e.target;
  if (target.kind === 'Variable' && typeof target.name === 'string') {
    // read, operate, write back (no share needed: operator results are fresh); ZEND_ASSIGN_OP reads
    // the variable after the value ran: a value that may change it ($x += ($x = 5)) is held first
    let value = exprRaw(c, e.value);
    let pre = '';
    if (hasSideEffects(e.value)) {
      const t = c.temp();
      pre = `${t} = ${value}, `;
      value = t;
    }
    const cur = readVar(c, target.name);
    const op = inlineIntArith(c, BINOPS[e.op], target, e.value, cur, value) ?? inlineConcat(BINOPS[e.op], cur, value, fn) ?? `${fn}(${cur}, ${value})`;
    const js = assignTo(c, target, op, true, false, 'N');
    return withLine(c, e, pre ? `(${pre}${js})` : js);
  }
  const inline = target.kind === 'ArrayDimFetch' ? inlineDimAssignOp(c, target, e.value, fn) : null;
  if (inline !== null) return withLine(c, e, inline);
  if (target.kind === 'PropertyFetch' || (target.kind === 'ArrayDimFetch' && target.dim)) {
    // the location's parts and the value first, then one read and one write (ZEND_ASSIGN_OBJ_OP/DIM_OP)
    const loc = rmwLocation(c, target);
    const v = c.temp();
    if (hasSideEffects(e.value) && isDelayedTarget(target)) {
      return withLine(c, e, `(${v} = ${expr(c, e.value)}, ${loc.prepare}, ${loc.write(`${fn}(${loc.read}, ${v})`)})`);
    }
    return withLine(c, e, `(${loc.prepare}, ${v} = ${expr(c, e.value)}, ${loc.write(`${fn}(${loc.read}, ${v})`)})`);
  }
  // other locations: evaluate once through their Ref
  const r = c.temp();
  return withLine(c, e, `(${r} = ${compoundRef(c, target, true)}, ${r}.v = ${fn}(${c.file.use('refRead')}(${r}), ${expr(c, e.value)}))`);
}

/**
 * $v[k] op= value for an array in a JS local: key and value are evaluated (as PHP does before
 * ZEND_ASSIGN_DIM_OP fetches the container), then an existing element of an unshared array without
 * references is updated inline; anything else takes the general path with the same key and value.
 */
function inlineDimAssignOp(c: FnCtx, target: A.ArrayDimFetch, value: A.Expr, fn: string): string | null {
  const base = target.var;
  if (!target.dim || base.kind !== 'Variable' || typeof base.name !== 'string' || base.name === 'this') return null;
  if (hasSideEffects(target.dim) || hasSideEffects(value)) return null;
  const loc = valueLocation(c, base.name);
  if (loc === null) return null;
  const u = (h: string) => c.file.use(h);
  const k = c.temp();
  const v = c.temp();
  const s = c.temp();
  const cur = c.temp();
  const o = c.temp();
  const k2 = c.temp();
  // $a[$k] += $v: two ints added inline too (hash2's loop)
  const op = inlineArithValues(c, fn, cur, v, fn) ?? `${fn}(${cur}, ${v})`;
  const fast = `${inlineSlotTest(c, loc, k, s, true, !exprNeverString(target.dim, c.neverString))} && (${cur} = ${loc}.vals[${s}]) !== undefined ? (${loc}.vals[${s}] = ${op})`;
  const slow = `(${o} = ${writableContainer(c, base, true)}, ${k2} = ${u('dimOpKey')}(${o}, ${k}), ${u('assignDim')}(${o}, ${k2}, ${fn}(${u('dimOpGet')}(${o}, ${k2}), ${v})))`;
  return `(${k} = ${exprRaw(c, target.dim)}, ${v} = ${expr(c, value)}, ${fast} : ${slow})`;
}

/**
 * A property or array element read and then written by a compound operation ($o->p += 1, $a[k]++):
 * `prepare` evaluates the object/container and the name/key into temporaries, `read` gives the current
 * value (null when missing, with PHP's warning), `write(v)` stores v and yields it. No handle object is
 * allocated on this path.
 */
function rmwLocation(c: FnCtx, target: A.PropertyFetch | A.ArrayDimFetch, incDec = false): { prepare: string; read: string; write: (v: string) => string } {
  const u = (h: string) => c.file.use(h);
  const o = c.temp();
  const k = c.temp();
  if (target.kind === 'PropertyFetch') {
    const obj = objectForRmw(c, target.var);
    const scope = scopeExpr(c);
    const site = propSite(c, target.name);
    if (site) {
      const name = propName(c, target.name);
      const nv = c.temp();
      return {
        prepare: `${o} = ${obj}`,
        read: inlinePropGet(c, o, site, name, scope, 'pgetOp'),
        write: (v) => `(${nv} = ${v}, ${inlinePropSet(c, o, site, name, nv, scope)})`,
      };
    }
    return {
      prepare: `${o} = ${obj}, ${k} = ${propName(c, target.name)}`,
      read: `${u('propOpGet')}(${o}, ${k}, ${scope})`,
      write: (v) => `${u('propSet')}(${o}, ${k}, ${v}, ${scope}${c.file.strictTypes ? ', true' : ''})`,
    };
  }
  return {
    prepare: `${o} = ${writableContainer(c, target.var, true)}, ${k} = ${u('dimOpKey')}(${o}, ${expr(c, target.dim!)})`,
    read: `${u('dimOpGet')}(${o}, ${k}${incDec ? ', true' : ''})`,
    write: (v) => `${u(incDec ? 'assignDimIncDec' : 'assignDim')}(${o}, ${k}, ${v})`,
  };
}

/** A Ref-like handle to a location for compound assignment ($a[k] .= x, $o->p += 1). */
function compoundRef(c: FnCtx, target: A.Expr, assignOp = false): string {
  switch (target.kind) {
    case 'ArrayDimFetch':
      if (isGlobalsElement(target)) return globalRef(c, target);
      // $obj[] op= v reads offsetGet(null) and writes offsetSet(null, ...) (zend_binary_assign_op_obj_dim)
      if (!target.dim) return `${c.file.use(assignOp ? 'dimSlotAppend' : 'dimRefAppend')}(${writableContainer(c, target.var)})`;
      return `${c.file.use('dimSlot')}(${writableContainer(c, target.var)}, ${expr(c, target.dim)})`;
    case 'PropertyFetch':
      return `${c.file.use('propSlot')}(${isThis(target.var) ? thisExpr(c) : expr(c, target.var)}, ${propName(c, target.name)}, ${scopeExpr(c)}${c.file.strictTypes ? ', true' : ''})`;
    case 'Variable':
      if (typeof target.name !== 'string') return `${c.file.use('srefRW')}(${c.dynamic ? 'S' : 'null'}, ${c.file.use('toStr')}(${expr(c, target.name)}))`;
      return refOf(c, target);
    default:
      return refOf(c, target);
  }
}

function isCallExpr(e: A.Expr): boolean {
  return e.kind === 'FuncCall' || e.kind === 'MethodCall' || e.kind === 'StaticCall' || e.kind === 'NullsafeMethodCall';
}

function listBindsRefs(l: A.ListExpr): boolean {
  return l.items.some((it) => it !== null && (it.byRef || ((it.value.kind === 'ListExpr' || it.value.kind === 'ArrayLiteral') && listBindsRefs(it.value as A.ListExpr))));
}

/** The truth of a literal the compiler knows (a number, a string, true/false/null), else undefined. */
function literalTruth(e: A.Expr): boolean | undefined {
  switch (e.kind) {
    case 'ScalarInt':
      return Number(e.value.replace(/_/g, '')) !== 0;
    case 'ScalarFloat':
      return e.value !== 0;
    case 'ScalarString':
      return e.value !== '' && e.value !== '0';
    case 'ConstFetch': {
      if (e.name.form !== 'unqualified' && e.name.form !== 'fully') return undefined;
      const lc = e.name.name.toLowerCase();
      return lc === 'true' ? true : lc === 'false' || lc === 'null' ? false : undefined;
    }
  }
  return undefined;
}

function binaryOp(c: FnCtx, e: A.BinaryOp): string {
  const u = (h: string) => c.file.use(h);
  const floats = c.floatLocals.size || c.mixedLocals.size ? floatCompare(c, e.op, e.left, e.right) : null;
  if (floats !== null) return withLine(c, e, floats);
  switch (e.op) {
    case '&&':
    case 'and': {
      // zend_compile_short_circuiting: a constant false left side leaves the right side uncompiled
      // (its compile-time errors never show: `assert(0 && ...)`)
      if (literalTruth(e.left) === false) return 'false';
      const left = boolExpr(c, e.left);
      return `(${left} && ${maybeRun(c, () => boolExpr(c, e.right))})`;
    }
    case '||':
    case 'or': {
      if (literalTruth(e.left) === true) return 'true';
      const left = boolExpr(c, e.left);
      return `(${left} || ${maybeRun(c, () => boolExpr(c, e.right))})`;
    }
    case 'xor':
      return `(${boolExpr(c, e.left)} !== ${boolExpr(c, e.right)})`;
    case '??': {
      const t = c.temp();
      const left = readQuiet(c, e.left);
      return `((${t} = ${left}) != null ? ${t} : ${maybeRun(c, () => expr(c, e.right))})`;
    }
    case '!=':
    case '<>': {
      const a = exprRaw(c, e.left);
      const b = exprRaw(c, e.right);
      return `!${inlineLooseEq(c, a, b, u('looseEq')) ?? `${u('looseEq')}(${a}, ${b})`}`;
    }
    case '!==':
      return `!${u('strictEq')}(${exprRaw(c, e.left)}, ${exprRaw(c, e.right)})`;
  }
  const fn = BINOPS[e.op];
  if (!fn) compileError(`unknown operator ${e.op}`, e.line);
  // PHP reads a plain variable operand at the operator itself, after the right operand ran
  // (`$a . ($a = $b)` sees the new $a): evaluate such a right side first
  if (isPlainVar(e.left) && hasSideEffects(e.right)) {
    const t = c.temp();
    return withLine(c, e, `(${t} = ${exprRaw(c, e.right)}, ${u(fn)}(${exprRaw(c, e.left)}, ${t}))`);
  }
  const a = exprRaw(c, e.left);
  const b = exprRaw(c, e.right);
  const inline =
    inlineCompare(fn, a, b, u(fn)) ??
    inlineCompareValues(c, fn, a, b, u(fn)) ??
    (fn === 'looseEq' ? inlineLooseEq(c, a, b, u(fn)) : (inlineAddInt(c, fn, a, b, u(fn), isIntVar(c, e.left)) ?? inlineIntArith(c, fn, e.left, e.right, a, b) ?? inlineConcat(fn, a, b, u(fn)) ?? inlineArithValues(c, fn, a, b, u(fn)) ?? inlineBitwise(c, fn, a, b, u(fn), isIntVar(c, e.left))));
  return withLine(c, e, inline ?? `${u(fn)}(${a}, ${b})`);
}

// ───────────── inline fast paths ─────────────
// For operands that are plain JS locals or number literals, the common case (both numbers) is tested
// in the compiled code itself: no call while V8 still interprets the function, a type test V8 can
// fold once it specialises it, and feedback of its own for each site. Anything else calls the helper.

const JS_LOCAL = /^[A-Za-z_$][\w$]*$/;
export const JS_INT_LITERAL = /^\(?-?\d+\)?$/;
const JS_NUMBER_LITERAL = /^\(?-?\d+(\.\d+)?(e[+-]?\d+)?\)?$/;
const MAX_SAFE = 9007199254740991;

/** The number an int literal of compiled code stands for (`5`, `(-5)`). */
export function jsIntLiteralValue(js: string): number {
  return Number(js.replace(/[()]/g, ''));
}

/** Is js an int literal that fits 32 bits? */
function isInt32Literal(js: string): boolean {
  if (!JS_INT_LITERAL.test(js)) return false;
  const v = jsIntLiteralValue(js);
  return v === (v | 0);
}

/** The inline test that the JS value t is a 32-bit int (JS's own arithmetic on it is exact). */
export function int32Test(t: string): string {
  return `typeof ${t} === "number" && (${t} | 0) === ${t}`;
}

function isJsLocal(js: string): boolean {
  return JS_LOCAL.test(js) && js !== 'null' && js !== 'true' && js !== 'false' && js !== 'undefined' && js !== 'this';
}

function isJsNumber(js: string): boolean {
  return JS_NUMBER_LITERAL.test(js);
}

/** `typeof A === "number"` for an operand, or nothing for a number literal. */
function numberTest(js: string): string[] {
  return isJsNumber(js) ? [] : [`typeof ${js} === "number"`];
}

const INLINE_COMPARE: Record<string, string> = { lt: '<', le: '<=', gt: '>', ge: '>=' };

/** a < b (and <=, >, >=) with both operands numbers tested inline; null when the operands are not simple. */
function inlineCompare(fn: string, a: string, b: string, helper: string): string | null {
  const op = INLINE_COMPARE[fn];
  if (!op || !(isJsLocal(a) || isJsNumber(a)) || !(isJsLocal(b) || isJsNumber(b))) return null;
  const tests = [...numberTest(a), ...numberTest(b)];
  if (!tests.length) return null;
  return `(${tests.join(' && ')} ? ${a} ${op} ${b} : ${helper}(${a}, ${b}))`;
}

/**
 * a < b (and <=, >, >=) of other expressions ($a[$i] < $a[$j]): each operand is evaluated once into a
 * temporary, in order, then compared inline as two locals are.
 */
function inlineCompareValues(c: FnCtx, fn: string, a: string, b: string, helper: string): string | null {
  if (!INLINE_COMPARE[fn]) return null;
  const { pre, ta, tb } = holdOperands(c, a, b, (js) => isJsLocal(js) || isJsNumber(js));
  if (!pre.length) return null;
  const inline = inlineCompare(fn, ta, tb, helper);
  return inline === null ? null : `(${pre.join(', ')}, ${inline})`;
}

/** Both operands evaluated once, in order: each that is not `simple` is held in a temporary first. */
function holdOperands(c: FnCtx, a: string, b: string, simple: (js: string) => boolean): { pre: string[]; ta: string; tb: string } {
  const pre: string[] = [];
  const hold = (js: string): string => {
    if (simple(js)) return js;
    const t = c.temp();
    pre.push(`${t} = ${js}`);
    return t;
  };
  const ta = hold(a);
  return { pre, ta, tb: hold(b) };
}

/** a == <int literal>: an int equals only the same number; every other type asks looseEq. */
function inlineLooseEq(c: FnCtx, a: string, b: string, helper: string): string | null {
  if (isJsLocal(a) && JS_INT_LITERAL.test(b)) return `(typeof ${a} === "number" ? ${a} === ${b} : ${helper}(${a}, ${b}))`;
  if (isJsLocal(b) && JS_INT_LITERAL.test(a)) return `(typeof ${b} === "number" ? ${b} === ${a} : ${helper}(${a}, ${b}))`;
  // (--$i == 1): the value held once
  if (JS_INT_LITERAL.test(b) && !JS_INT_LITERAL.test(a)) {
    const t = c.temp();
    return `(${t} = ${a}, typeof ${t} === "number" ? ${t} === ${b} : ${helper}(${t}, ${b}))`;
  }
  return null;
}

/** a . "literal" / "literal" . a for a local a: two strings are joined inline (V8 keeps long joins linear). */
function inlineConcat(fn: string, a: string, b: string, helper: string): string | null {
  if (fn !== 'concat') return null;
  if (isJsLocal(a) && isJsString(b)) return `(typeof ${a} === "string" ? ${a} + ${b} : ${helper}(${a}, ${b}))`;
  if (isJsLocal(b) && isJsString(a)) return `(typeof ${b} === "string" ? ${a} + ${b} : ${helper}(${a}, ${b}))`;
  return null;
}

/** Is js one string literal (as str() writes them)? */
function isJsString(js: string): boolean {
  if (js.length < 2 || js[0] !== '"') return false;
  for (let i = 1; i < js.length; i++) {
    if (js[i] === '\\') i++;
    else if (js[i] === '"') return i === js.length - 1;
  }
  return false;
}

/** Is e a local whose JS numbers are all ints (keyfacts: never a fraction)? Then `typeof` tells an int. */
function isIntVar(c: FnCtx, e: A.Expr): boolean {
  return e.kind === 'Variable' && typeof e.name === 'string' && c.neverFraction.has(e.name);
}

/** `typeof A === "number"` and, unless A is known to hold no fractions, `Number.isInteger(A)`. */
function intTest(a: string, intOnly: boolean): string {
  return intOnly ? `typeof ${a} === "number"` : `typeof ${a} === "number" && Number.isInteger(${a})`;
}

/**
 * a + <int literal> / a - <int literal> for an int a far from the safe-integer limit. A value that is
 * not a local is held in a temporary and tested as a 32-bit int first (`$x * 69069 + 1` goes past 2^31).
 */
function inlineAddInt(c: FnCtx, fn: string, a: string, b: string, helper: string, intOnly: boolean): string | null {
  if ((fn !== 'add' && fn !== 'sub') || !JS_INT_LITERAL.test(b) || JS_INT_LITERAL.test(a)) return null;
  const lit = jsIntLiteralValue(b);
  if (!Number.isSafeInteger(lit) || Math.abs(lit) > 1 << 30) return null;
  const lim = MAX_SAFE - Math.abs(lit);
  const op = fn === 'add' ? '+' : '-';
  if (isJsLocal(a)) return `(${intTest(a, intOnly)} && ${a} <= ${lim} && ${a} >= -${lim} ? ${a} ${op} ${b} : ${helper}(${a}, ${b}))`;
  const t = c.temp();
  return `(${t} = ${a}, typeof ${t} === "number" && ((${t} | 0) === ${t} || Number.isInteger(${t}) && ${t} <= ${lim} && ${t} >= -${lim}) ? ${t} ${op} ${b} : ${helper}(${t}, ${b}))`;
}

const INT_ARITH: Record<string, string> = { add: '+', sub: '-', mul: '*' };

/**
 * a + b, a - b, a * b of two locals whose JS numbers are all ints (keyfacts: never a fraction): two
 * numbers are two ints, and a result within the safe range is exact; anything else (ints past 2^53,
 * overflow to float, null, bools) asks the helper. -0 from 0 * -n is the int 0.
 */
function inlineIntArith(c: FnCtx, fn: string, left: A.Expr, right: A.Expr, a: string, b: string): string | null {
  const op = INT_ARITH[fn];
  if (!op || !isIntVar(c, left) || !isIntVar(c, right) || !isJsLocal(a) || !isJsLocal(b)) return null;
  const r = c.temp();
  return `(typeof ${a} === "number" && typeof ${b} === "number" && (${r} = ${a} ${op} ${b}) <= ${MAX_SAFE} && ${r} >= -${MAX_SAFE} ? ${r}${op === '*' ? ' + 0' : ''} : ${c.file.use(fn)}(${a}, ${b}))`;
}

/**
 * a + b, a - b, a * b, a % b of other operands (f($n - 2) + f($n - 1), $x * IA, $a[$i] % $n): each held
 * once, in order, and computed inline when both are 32-bit ints (exact in doubles; a product is
 * checked against the safe range); anything else asks the helper. The site keeps its own type
 * feedback: the helper's, shared by every caller, turns to doubles once any float passes through it.
 */
function inlineArithValues(c: FnCtx, fn: string, a: string, b: string, helper: string): string | null {
  const op = INT_ARITH[fn] ?? (fn === 'mod' ? '%' : null);
  if (op === null) return null;
  const literal = (js: string) => JS_INT_LITERAL.test(js);
  if ((literal(a) && !isInt32Literal(a)) || (literal(b) && !isInt32Literal(b)) || (literal(a) && literal(b))) return null;
  if (op === '%' && literal(b) && jsIntLiteralValue(b) === 0) return null;
  const { pre, ta, tb } = holdOperands(c, a, b, (js) => isJsLocal(js) || literal(js));
  const tests: string[] = [];
  for (const t of [ta, tb]) if (!literal(t)) tests.push(int32Test(t));
  let fast: string;
  if (op === '*') {
    const r = c.temp();
    tests.push(`(${r} = ${ta} * ${tb}) <= ${MAX_SAFE} && ${r} >= -${MAX_SAFE}`);
    fast = `${r} + 0`;
  } else if (op === '%') {
    if (!literal(tb)) tests.push(`${tb} !== 0`);
    fast = `${ta} % ${tb} + 0`;
  } else fast = `${ta} ${op} ${tb}`;
  const js = `${tests.join(' && ')} ? ${fast} : ${helper}(${ta}, ${tb})`;
  return pre.length ? `(${pre.join(', ')}, ${js})` : `(${js})`;
}

const BITWISE: Record<string, string> = { bitAnd: '&', bitOr: '|', bitXor: '^', shr: '>>', shl: '<<' };

/**
 * & | ^ >> << with int operands, inline: PHP's 64-bit results equal JS's 32-bit ones for 32-bit ints
 * (two's complement, sign-extended), and `int & mask` for a mask of 0..2^31-1 keeps the low bits of
 * any safe int (hash functions: `($x * 69069 + 1) & 0xffffff`). `<<` by a literal is a product,
 * checked against the safe range; `>>` shifts by 0..31 only. Anything else (strings are bitwise
 * string operations, floats convert, shifts by 32 or more) asks the helper. aIntOnly: a is a local
 * whose JS numbers are all ints.
 */
function inlineBitwise(c: FnCtx, fn: string, a: string, b: string, helper: string, aIntOnly: boolean): string | null {
  const op = BITWISE[fn];
  if (op === undefined) return null;
  const literal = (js: string) => JS_INT_LITERAL.test(js);
  if (literal(a) && literal(b)) return null;
  if ((literal(a) && !isInt32Literal(a)) || (literal(b) && !isInt32Literal(b))) return null;
  if ((op === '<<' || op === '>>') && !(literal(b) && jsIntLiteralValue(b) >= 0 && jsIntLiteralValue(b) < 32)) return null;
  const { pre, ta, tb } = holdOperands(c, a, b, (js) => isJsLocal(js) || literal(js));
  let js: string;
  if (op === '&' && literal(tb) && jsIntLiteralValue(tb) >= 0) {
    const anyInt = aIntOnly && ta === a ? `typeof ${ta} === "number"` : `typeof ${ta} === "number" && Number.isInteger(${ta})`;
    js = `${anyInt} ? ${ta} & ${tb} : ${helper}(${ta}, ${tb})`;
  } else if (op === '<<') {
    const r = c.temp();
    js = `${int32Test(ta)} && (${r} = ${ta} * ${2 ** jsIntLiteralValue(tb)}) <= ${MAX_SAFE} && ${r} >= -${MAX_SAFE} ? ${r} + 0 : ${helper}(${ta}, ${tb})`;
  } else {
    const tests = [ta, tb].filter((t) => !literal(t)).map(int32Test);
    js = `${tests.join(' && ')} ? ${ta} ${op} ${tb} : ${helper}(${ta}, ${tb})`;
  }
  return pre.length ? `(${pre.join(', ')}, ${js})` : `(${js})`;
}

/**
 * $a[$k] read. In a function with many element accesses (FnCtx.inlineDims unset) the read calls dimR,
 * which takes an existing element of an array itself and leaves the rest (missing keys, numeric
 * strings, strings, objects, warnings) to dimGet: V8 inlines it into a hot loop, and the function, if
 * it runs once, stays quick to compile (with the test inline at each site, ary2's twenty sites made
 * its optimized compile three times slower). String literal keys, and every key in functions with few
 * accesses, are tested inline: an element of a packed array or the direct int index, or the Map.
 */
function dimRead(c: FnCtx, container: string, key: string, maybeString: boolean): string {
  if (!c.inlineDims && !isStringKeyLiteral(key)) return `${c.file.use('dimR')}(${container}, ${key})`;
  const arr = isJsLocal(container) ? container : c.temp();
  const k = isJsLocal(key) || JS_INT_LITERAL.test(key) || isStringKeyLiteral(key) ? key : c.temp();
  const v = c.temp();
  const pre = [arr !== container ? `${arr} = ${container}` : '', k !== key ? `${k} = ${key}` : ''].filter((x) => x);
  const s = c.temp();
  const test = `${inlineSlotTest(c, arr, k, s, false, maybeString)} && (${v} = ${arr}.vals[${s}]) !== undefined`;
  return `(${pre.length ? pre.join(', ') + ', ' : ''}${test} ? ${v} : ${c.file.use('dimGet')}(${arr}, ${k}))`;
}

/**
 * $o->name read through its site: while the receiver's class and the scope are the site's, the value in
 * the property bag is taken inline (a keyed load with this site's own feedback), unless the slot is
 * unset or a reference; anything else goes to `helper` (pget, or pgetOp for compound assignments).
 */
export function inlinePropGet(c: FnCtx, obj: string, site: string, name: string, scope: string, helper: string): string {
  const u = (h: string) => c.file.use(h);
  if (scope !== 'null' && !isJsLocal(scope)) return `${u(helper)}(${site}, ${obj}, ${name}, ${scope})`;
  const o = obj === 'this' || isJsLocal(obj) ? obj : c.temp();
  const v = c.temp();
  const pre = o !== obj ? `${o} = ${obj}, ` : '';
  return `(${pre}${o} instanceof ${u('PhpObject')} && ${o}.cls === ${site}.cls && ${site}.scope === ${scope} && (${v} = ${o}.p[${site}.key]) !== undefined && ${v} !== ${u('UNINIT')} && !(${v} instanceof ${u('Ref')}) ? ${v} : ${u(helper)}(${site}, ${o}, ${name}, ${scope}))`;
}

/** $o->name = v through its site, for an object and a value already in JS locals or temporaries. */
export function inlinePropSet(c: FnCtx, o: string, site: string, name: string, v: string, scope: string): string {
  const u = (h: string) => c.file.use(h);
  const strict = c.file.strictTypes ? ', true' : '';
  if (scope !== 'null' && !isJsLocal(scope)) return `${u('pset')}(${site}, ${o}, ${name}, ${v}, ${scope}${strict})`;
  const cur = c.temp();
  return `(${o} instanceof ${u('PhpObject')} && ${o}.cls === ${site}.cls && ${site}.scope === ${scope} && ${site}.writable && (${cur} = ${o}.p[${site}.key]) !== undefined && ${cur} !== ${u('UNINIT')} && !(${cur} instanceof ${u('Ref')}) ? (${o}.p[${site}.key] = ${v}) : ${u('pset')}(${site}, ${o}, ${name}, ${v}, ${scope}${strict}))`;
}

/** ++/-- on a value held in a JS local or temporary `v` (intOnly: v's JS numbers are all ints). */
export function inlineIncDec(c: FnCtx, v: string, inc: boolean, intOnly = false): string {
  const helper = c.file.use(inc ? 'inc' : 'dec');
  return inc
    ? `(${intTest(v, intOnly)} && ${v} < ${MAX_SAFE} ? ${v} + 1 : ${helper}(${v}))`
    : `(${intTest(v, intOnly)} && ${v} > -${MAX_SAFE} ? ${v} - 1 : ${helper}(${v}))`;
}

export function isPlainVar(e: A.Expr): boolean {
  return e.kind === 'Variable' && typeof e.name === 'string' && e.name !== 'this';
}

/**
 * A write target PHP compiles as delayed oplines only (zend_delayed_compile_var): variables, constant
 * keys and property names. Its variables are read and its containers fetched after the assigned value
 * was evaluated, so `$a[$i] = $a[++$i]` writes to the new $i.
 */
function isDelayedTarget(e: A.Expr): boolean {
  for (;;) {
    if (e.kind === 'Variable') return typeof e.name === 'string';
    if (e.kind === 'PropertyFetch') {
      if (e.name.kind !== 'Identifier') return false;
    } else if (e.kind === 'ArrayDimFetch') {
      const d = e.dim;
      if (d && !isPlainVar(d) && d.kind !== 'ScalarInt' && d.kind !== 'ScalarString' && d.kind !== 'ScalarFloat') return false;
    } else return false;
    e = e.var;
  }
}

const SIDE_EFFECTS = new Set(['Assign', 'AssignOp', 'AssignRef', 'IncDec', 'FuncCall', 'MethodCall', 'StaticCall', 'NullsafeMethodCall', 'New', 'Include', 'Eval', 'Yield', 'YieldFrom']);

/** Could evaluating e change a variable? (conservative: any write or call inside) */
export function hasSideEffects(e: any): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some(hasSideEffects);
  if (typeof e.kind === 'string') {
    if (SIDE_EFFECTS.has(e.kind)) return true;
    if (e.kind === 'Closure' || e.kind === 'ArrowFunction' || e.kind === 'ClassLike') return false;
  }
  for (const k in e) if (k !== 'kind' && k !== 'line' && typeof e[k] === 'object' && hasSideEffects(e[k])) return true;
  return false;
}

function unaryOp(c: FnCtx, e: A.UnaryOp): string {
  const u = (h: string) => c.file.use(h);
  switch (e.op) {
    case '!':
      return `!${boolExpr(c, e.expr)}`;
    case '-':
      if (e.expr.kind === 'ScalarInt') return intLiteral(e.expr.value.startsWith('-') ? e.expr.value.slice(1) : '-' + e.expr.value);
      if (e.expr.kind === 'ScalarFloat') return floatLiteral(c, -e.expr.value);
      return `${u('neg')}(${exprRaw(c, e.expr)})`;
    case '+':
      return `${u('plus')}(${exprRaw(c, e.expr)})`;
    case '~':
      return `${u('bitNot')}(${exprRaw(c, e.expr)})`;
  }
  compileError(`unknown unary operator ${e.op}`, e.line);
}

function incDec(c: FnCtx, e: A.IncDec): string {
  const u = (h: string) => c.file.use(h);
  const op = u(e.inc ? 'inc' : 'dec');
  const target = e.var;
  if (target.kind === 'Variable' && typeof target.name === 'string' && target.name !== 'this') {
    // read (undefined variables warn, then count from null), operate, write back
    const read = readVar(c, target.name);
    const intOnly = isIntVar(c, target);
    if (e.prefix && isJsLocal(read)) return assignTo(c, target, inlineIncDec(c, read, e.inc, intOnly), true, false, 'N');
    const t = c.temp();
    if (e.prefix) return `(${t} = ${read}, ${assignTo(c, target, inlineIncDec(c, t, e.inc, intOnly), true, false, 'N')})`;
    return `(${t} = ${read}, ${assignTo(c, target, inlineIncDec(c, t, e.inc, intOnly), true, false, 'N')}, ${t})`;
  }
  if (target.kind === 'PropertyFetch') return withLine(c, e, propIncDec(c, target, e));
  if (target.kind === 'ArrayDimFetch' && target.dim) {
    const loc = rmwLocation(c, target, true);
    if (e.prefix) return withLine(c, e, `(${loc.prepare}, ${loc.write(`${op}(${loc.read})`)})`);
    const old = c.temp();
    return withLine(c, e, `(${loc.prepare}, ${old} = ${loc.read}, ${loc.write(`${op}(${old})`)}, ${old})`);
  }
  const r = c.temp();
  if (e.prefix) return withLine(c, e, `(${r} = ${compoundRef(c, target)}, ${r}.v = ${op}(${u('refRead')}(${r})))`);
  const t = c.temp();
  return withLine(c, e, `(${r} = ${compoundRef(c, target)}, ${t} = ${u('refRead')}(${r}), ${r}.v = ${op}(${t}), ${t})`);
}

/**
 * ++/-- on a property: an untyped property holding an int, found through the site, is counted inline;
 * anything else (typed and readonly properties, magic, other values) goes to the runtime's propIncDec.
 */
function propIncDec(c: FnCtx, target: A.PropertyFetch, e: A.IncDec): string {
  const u = (h: string) => c.file.use(h);
  const obj = objectForRmw(c, target.var);
  const scope = scopeExpr(c);
  const o = c.temp();
  const strict = c.file.strictTypes ? ', true' : '';
  const site = propSite(c, target.name);
  if (!site || (scope !== 'null' && !isJsLocal(scope))) return `(${o} = ${obj}, ${u('propIncDec')}(${o}, ${propName(c, target.name)}, ${scope}, ${e.inc}, ${!e.prefix}${strict}))`;
  // the slow path fills the site, so the next time takes the inline path
  const slow = `${u('pIncDec')}(${site}, ${o}, ${propName(c, target.name)}, ${scope}, ${e.inc}, ${!e.prefix}${strict})`;
  const cur = c.temp();
  const test = `${o} instanceof ${u('PhpObject')} && ${o}.cls === ${site}.cls && ${site}.scope === ${scope} && ${site}.writable && typeof (${cur} = ${o}.p[${site}.key]) === "number"`;
  const fast = `${o}.p[${site}.key] = ${inlineIncDec(c, cur, e.inc)}`;
  return `(${o} = ${obj}, ${test} ? ${e.prefix ? `(${fast})` : `(${fast}, ${cur})`} : ${slow})`;
}

function cast(c: FnCtx, e: A.Cast): string {
  const u = (h: string) => c.file.use(h);
  // (array) new A: the new object is a temporary; the cast's result doesn't hold it (a closure's does: it escapes)
  if (e.type === 'array' && e.expr.kind === 'New') {
    const t = c.temp();
    const r = c.temp();
    return `(${t} = ${exprRaw(c, e.expr)}, ${r} = ${u('toArray')}(${t}), ${u('discard')}(${t}), ${r})`;
  }
  // (object) gives the object itself: it may be kept
  const v = e.type === 'object' ? expr(c, e.expr) : exprRaw(c, e.expr);
  switch (e.type) {
    case 'int':
      return `${u('toInt')}(${v})`;
    case 'float':
      return `${u('toFloatV')}(${v})`;
    case 'string':
      return `${u('toStr')}(${v})`;
    case 'bool':
      return `${u('toBool')}(${v})`;
    case 'array':
      return `${u('toArray')}(${v})`;
    case 'object':
      return `${u('toObject')}(${v})`;
    case 'unset':
      compileError('The (unset) cast is no longer supported', e.line);
  }
}

function emptyOperand(c: FnCtx, e: A.Expr): string {
  switch (e.kind) {
    case 'Variable':
    case 'ArrayDimFetch':
    case 'PropertyFetch':
    case 'NullsafePropertyFetch':
    case 'StaticPropertyFetch':
      if (e.kind === 'ArrayDimFetch' && e.dim) return `${c.file.use('dimEmptyOperand')}(${readQuiet(c, e.var)}, ${expr(c, e.dim)})`;
      return readQuiet(c, e);
  }
  return expr(c, e);
}

function instanceOf(c: FnCtx, e: A.Instanceof): string {
  const v = exprRaw(c, e.expr);
  if (e.cls.kind === 'Name') {
    const resolved = c.file.resolveClass(e.cls as A.Name);
    if (resolved === 'self' || resolved === 'parent' || resolved === 'static') {
      return `${c.file.use('instanceOfCls')}(${v}, ${classRefExpr(c, e.cls)})`;
    }
    return `${c.file.use('instanceOfName')}(${v}, ${str(resolved)})`;
  }
  return `${c.file.use('instanceOfDyn')}(${v}, ${expr(c, e.cls as A.Expr)})`;
}

function ternary(c: FnCtx, e: A.Ternary): string {
  const u = (h: string) => c.file.use(h);
  if (e.then === null) {
    const t = c.temp();
    const test = expr(c, e.cond);
    return `(${u('toBool')}(${t} = ${test}) ? ${t} : ${maybeRun(c, () => expr(c, e.else))})`;
  }
  const test = boolExpr(c, e.cond);
  const afterCond = c.saveAssigned();
  const then = expr(c, e.then);
  const thenEnd = c.assigned;
  c.restoreAssigned(new Set(afterCond));
  const otherwise = expr(c, e.else);
  c.intersectAssigned([thenEnd, c.assigned]);
  return `(${test} ? ${then} : ${otherwise})`;
}

function match(c: FnCtx, e: A.Match): string {
  const u = (h: string) => c.file.use(h);
  const t = c.temp();
  const subject = expr(c, e.cond);
  // the arms' conditions run until one matches, and one body runs
  const saved = c.saveAssigned();
  let def: string | null = null;
  let chain = '';
  let close = '';
  for (const arm of e.arms) {
    if (arm.conds === null) {
      if (def !== null) compileError('Match expressions may only contain one default arm', arm.line);
      def = expr(c, arm.body);
      continue;
    }
    const test = arm.conds.map((k) => `${u('strictEq')}(${t}, ${expr(c, k)})`).join(' || ');
    chain += `(${test}) ? ${expr(c, arm.body)} : `;
    close += '';
  }
  const fallback = def ?? withLine(c, e, `${u('unhandledMatch')}(${t})`);
  c.restoreAssigned(saved);
  return `(${t} = ${subject}, ${chain}${fallback}${close})`;
}

/** What a by-reference generator yields: the variable's reference, or a notice and a temporary. */
function yieldedRef(c: FnCtx, e: A.Expr): string {
  switch (e.kind) {
    case 'Variable':
    case 'ArrayDimFetch':
    case 'PropertyFetch':
    case 'NullsafePropertyFetch':
    case 'StaticPropertyFetch':
      return refOf(c, e);
    case 'FuncCall':
    case 'MethodCall':
    case 'NullsafeMethodCall':
    case 'StaticCall':
      return `${c.file.use('yieldedCallRef')}(${expr(c, e)})`;
  }
  return `${c.file.use('yieldedValueRef')}(${expr(c, e)})`;
}

function compileYield(c: FnCtx, e: A.Yield): string {
  if (!c.isGenerator) compileError('The "yield" expression can only be used inside a function', e.line);
  const u = (h: string) => c.file.use(h);
  if (c.generatorByRef && e.value) {
    const key = e.key ? expr(c, e.key) : 'undefined';
    return `(yield ${u('yieldRef')}(G, ${key}, ${yieldedRef(c, e.value)}))`;
  }
  const value = e.value ? (isFresh(e.value) ? expr(c, e.value) : `${u('share')}(${expr(c, e.value)})`) : 'null';
  const key = e.key ? expr(c, e.key) : 'undefined';
  return `(yield ${u('yieldValue')}(G, ${key}, ${value}))`;
}

export { assignTo, refOf, unsetOf, issetOf };
