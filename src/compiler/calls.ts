// Calls (functions, methods, static methods, callables, new) and the functions themselves (named
// functions, methods, closures, arrow functions, generators): parameters, defaults, type checks,
// by-reference passing, variadics, frames for stack traces.

import type * as A from '../syntax/ast.js';
import { FnCtx, FileCtx, ClassCtx, DirectMethod, str, compileError, jsVarName, attrsJson } from './context.js';
import { expr, exprRaw, isFresh, scopeExpr, classRefExpr, withLine, intLiteral, assignRefGivingRef } from './expressions.js';
import { countedLocals, NON_RETAINING, discarder } from './refcount.js';
import { refOf, needsCopyBack, isThis, thisExpr, readVar, readVarQuiet, isSuperglobal } from './variables.js';
import { analyzeBody } from './analyze.js';
import { neverStringLocals, neverFractionLocals, fewDimSites } from './keyfacts.js';
import { numberLocals } from './floatlocals.js';
import { compileStmts, UNBIND_MARK } from './statements.js';
import { thunk } from './classes.js';
import { typeExpr } from './types.js';
import { checkGotos, resolveGotoMarkers } from './goto.js';
import { checkWriteContexts } from './writecheck.js';
import { checkAttributes, AttrTarget } from './attributes.js';
import { checkConstExpr } from './constexpr.js';
import { compileTypename, TypeScope, literalType, isValidDefault, typeToString, CompiledType } from './typenames.js';
import { exportArg, floatText } from './export.js';
import { compileWithFiberVariant, fiberVariantJs, generatorRestartJs, normalMode, CompiledFn } from './fibers.js';
import { closureFacts, factsJs } from './bodyfacts.js';

// ───────────── arguments ─────────────

function hasComplexArgs(args: A.Arg[]): boolean {
  return args.some((a) => a.unpack || a.name !== null);
}

function isLvalue(e: A.Expr): boolean {
  return e.kind === 'Variable' || e.kind === 'ArrayDimFetch' || e.kind === 'PropertyFetch' || e.kind === 'StaticPropertyFetch';
}

/** Argument i passed to a parameter known to be by reference (refMask) or by value. */
function argFor(c: FnCtx, a: A.Arg, byRef: boolean, copyBacks: string[], callee?: { name: string; params: string[]; variadic?: boolean }, i = 0): string {
  if (!byRef) return argValue(c, a.value);
  if (!isLvalue(a.value) || isTempArg(a.value)) {
    if (a.value.kind === 'AssignRef') {
      const r = assignRefGivingRef(c, a.value);
      if (r !== null) return r;
    }
    if (isSpecialBuiltinCall(c, a.value) && callee) {
      const pname = callee.variadic && i >= callee.params.length - 1 ? '' : callee.params[Math.min(i, callee.params.length - 1)] ?? '';
      return `(${expr(c, a.value)}, ${c.file.use('cannotPassByRef')}(${str(callee.name)}, ${i}, ${str(pname)}))`;
    }
    if (a.value.kind === 'FuncCall' || a.value.kind === 'MethodCall' || a.value.kind === 'StaticCall' || a.value.kind === 'NullsafeMethodCall' || a.value.kind === 'New') {
      return `${c.file.use('refFromCall')}(${expr(c, a.value)})`;
    }
    // array_multisort's parameters are "prefer-ref" in php-src: values are accepted too
    if (callee && callee.name.toLowerCase() !== 'array_multisort') {
      const pname = callee.variadic && i >= callee.params.length - 1 ? '' : callee.params[Math.min(i, callee.params.length - 1)] ?? '';
      return `(${expr(c, a.value)}, ${c.file.use('cannotPassByRef')}(${str(callee.name)}, ${i}, ${str(pname)}))`;
    }
    return `${c.file.use('refFromValue')}(${expr(c, a.value)})`;
  }
  if (needsCopyBack(c, a.value)) {
    const t = c.temp();
    const v = c.varInfo((a.value as A.Variable).name as string).js;
    // the callee may keep what it got and give anything back: both escape
    copyBacks.push(`${v} = ${c.file.use('esc')}(${t}.v)`);
    return `(${t} = new ${c.file.use('Ref')}(${c.file.use('esc')}(${v} ?? null)))`;
  }
  return refOf(c, a.value);
}

const TEMP_KINDS = new Set(['Match', 'Ternary', 'BinaryOp', 'UnaryOp', 'Cast', 'ScalarInt', 'ScalarFloat', 'ScalarString', 'ArrayLiteral', 'ConstFetch', 'ClassConstFetch', 'Closure', 'ArrowFunction', 'Isset', 'Empty', 'InterpolatedString', 'Instanceof', 'MagicConst', 'NullsafePropertyFetch']);

/** An argument that compiles to a temporary (TMP_VAR or CONST): it can't be passed by reference. */
function isTempArg(e: A.Expr): boolean {
  // $GLOBALS is a read-only copy since PHP 8.1
  return TEMP_KINDS.has(e.kind) || (e.kind === 'Variable' && e.name === 'GLOBALS');
}

/** A by-value argument: arrays are passed without a copy (the callee shares what it keeps). */
function argValue(c: FnCtx, e: A.Expr): string {
  if (!c.borrowArgs) return expr(c, e);
  // a builtin that keeps no argument: tracked values pass as they are (calls inside the argument are on their own)
  c.borrowArgs = false;
  let js = exprRaw(c, e);
  c.borrowArgs = true;
  const d = discarder(e);
  if (d !== null && c.argDiscards !== null) {
    const t = c.temp();
    if (d === 'discard') {
      c.argDiscards.push(`${c.file.use('discard')}(${t})`);
      js = `(${t} = ${js})`;
    } else {
      c.argDiscards.push(`${c.file.use('discardF')}(${t})`);
      js = `(${t} = ${c.file.use('takeFloat')}(${js}))`;
    }
  }
  return js;
}

/** Compiles a call to a builtin that keeps none of its arguments: new objects passed to it die after it. */
function borrowingCall(c: FnCtx, compile: () => string): string {
  const savedBorrow = c.borrowArgs;
  const savedDiscards = c.argDiscards;
  c.borrowArgs = true;
  c.argDiscards = [];
  let js: string;
  try {
    js = compile();
  } finally {
    c.borrowArgs = savedBorrow;
  }
  const discards = c.argDiscards;
  c.argDiscards = savedDiscards;
  if (!discards.length) return js;
  const r = c.temp();
  return `(${r} = ${js}, ${discards.join(', ')}, ${r})`;
}

/** Takes the "result unused" mark an expression statement left for the call compiled next. */
function takeDiscard(c: FnCtx): boolean {
  const d = c.discardNext;
  c.discardNext = false;
  return d;
}

/**
 * A discarded call records its callee in `rt.discard` once the arguments are evaluated, just before
 * the call: a builtin's frame entry consumes it (Frame.unused), as php-src's USED_RET() reads the
 * caller's opline. The last argument carries the store, so argument evaluation order is untouched.
 */
function markDiscard(c: FnCtx, fnJs: string, vals: string[]): string {
  const store = `rt.discard = ${fnJs}`;
  if (!vals.length) return store;
  const t = c.temp();
  vals[vals.length - 1] = `(${t} = ${vals[vals.length - 1]}, ${store}, ${t})`;
  return '';
}

/**
 * A call to a JS function `fn` with `self` as `this`: the by-reference mask is known at compile time
 * (`mask`), or only at run time (`maskExpr`, then lvalue arguments get both paths). `discard`: the
 * caller does not use the result (see markDiscard).
 */
function emitCall(c: FnCtx, fnJs: string, selfJs: string | null, args: A.Args, mask: number | null, maskExpr: string | null, target?: { name: string; params: string[]; variadic?: boolean } | null, fiberGen?: string, discard = false, line = 0): string {
  if (!Array.isArray(args)) compileError('internal: placeholder', 0);
  // in a fiber variant the callee's variant runs under `yield*` (fiberGen evaluates to it)
  const gen = c.fiber && fiberGen ? fiberGen : null;
  const callee = gen ? `${gen}.call` : selfJs === null ? fnJs : `${fnJs}.call`;
  const pre = gen ? (selfJs ?? 'undefined') + (args.length ? ', ' : '') : selfJs === null ? '' : selfJs + (args.length ? ', ' : '');
  const invoke = (argList: string) => (gen ? `(yield* ${callee}(${pre}${argList}))` : `${callee}(${pre}${argList})`);
  const marked = (vals: string[]): string => {
    // arguments on later lines moved the frame's line: the call itself happens on its own line
    if (line > 0 && c.curLine !== line) {
      vals = vals.slice();
      const store = `fr.line = ${line}`;
      c.curLine = line;
      if (!vals.length) return `(${store}, ${marked(vals)})`;
      const t = c.temp();
      vals[vals.length - 1] = `(${t} = ${vals[vals.length - 1]}, ${store}, ${t})`;
    }
    if (!discard) return invoke(vals.join(', '));
    const v = vals.slice();
    const before = markDiscard(c, fnJs, v);
    return before ? `(${before}, ${invoke(v.join(', '))})` : invoke(v.join(', '));
  };
  if (mask !== null) {
    const copyBacks: string[] = [];
    const vals = args.map((a, i) => argFor(c, a, i < 31 ? (mask & (1 << i)) !== 0 : (mask & (1 << 30)) !== 0, copyBacks, target ?? undefined, i));
    const call = marked(vals);
    if (!copyBacks.length) return call;
    const r = c.temp();
    return `(${r} = ${call}, ${copyBacks.join(', ')}, ${r})`;
  }
  // unknown by-ref mask: lvalue arguments are checked at run time
  const anyLvalue = args.some((a) => isLvalue(a.value) || isTempArg(a.value));
  const beforeArgs = c.saveAssigned();
  const plain = marked(args.map((a) => argValue(c, a.value)));
  if (!anyLvalue) return plain;
  // the arguments are compiled a second time for the by-reference variant: from the same state
  const afterPlain = c.assigned;
  c.restoreAssigned(beforeArgs);
  const copyBacks: string[] = [];
  const refVals = args.map((a, i) => {
    const bit = `(${maskExpr} & ${1 << Math.min(i, 30)})`;
    // a temporary value for a by-reference parameter is an error (ZEND_SEND_VAL_EX)
    if (isTempArg(a.value)) return `(${bit} ? ${c.file.use('tempByRef')}(${maskExpr!.replace(/\.refMask$/, '')}, ${i}, ${argValue(c, a.value)}) : ${argValue(c, a.value)})`;
    if (!isLvalue(a.value)) return argValue(c, a.value);
    if (needsCopyBack(c, a.value)) {
      const t = c.temp();
      const v = c.varInfo((a.value as A.Variable).name as string).js;
      copyBacks.push(`(${t} instanceof ${c.file.use('Ref')} ? ${v} = ${c.file.use('esc')}(${t}.v) : 0)`);
      return `(${t} = ${bit} ? new ${c.file.use('Ref')}(${c.file.use('esc')}(${v} ?? null)) : ${argValue(c, a.value)})`;
    }
    return `(${bit} ? ${refOf(c, a.value)} : ${argValue(c, a.value)})`;
  });
  const refCall = marked(refVals);
  c.intersectAssigned([afterPlain, c.assigned]);
  const r = c.temp();
  const withRefs = copyBacks.length ? `(${r} = ${refCall}, ${copyBacks.join(', ')}, ${r})` : refCall;
  return `(${maskExpr} === 0 ? ${plain} : ${withRefs})`;
}

/** Spread and named arguments: built at run time, then invoked generically. */
function emitGenericCall(c: FnCtx, calleeJs: string, selfJs: string, args: A.Arg[]): string {
  const u = (h: string) => c.file.use(h);
  const pos: string[] = [];
  const named: string[] = [];
  const spreads: string[] = [];
  let sawNamed = false;
  for (const a of args) {
    if (a.unpack) {
      if (sawNamed) compileError('Cannot use argument unpacking after named arguments', a.line);
      // a variable's array can give references to its elements (lvalueOrValue's LazyRef)
      const spreadVar = a.value.kind === 'Variable' && typeof a.value.name === 'string' && a.value.name !== 'this';
      spreads.push(`[${pos.length}, ${spreadVar ? lvalueOrValue(c, a.value) : expr(c, a.value)}]`);
      continue;
    }
    if (a.name) {
      sawNamed = true;
      named.push(`[${str(a.name.name)}, ${lvalueOrValue(c, a.value)}]`);
      continue;
    }
    if (sawNamed) compileError('Cannot use positional argument after named argument', a.line);
    if (spreads.length) compileError('Cannot use positional argument after argument unpacking', a.line);
    pos.push(lvalueOrValue(c, a.value));
  }
  const call = `${u(c.fiber ? 'invokeArgsF' : 'invokeArgs')}(${calleeJs}, ${selfJs}, [${pos.join(', ')}], ${named.length ? `[${named.join(', ')}]` : 'null'}, ${spreads.length ? `[${spreads.join(', ')}]` : 'null'})`;
  return c.fiber ? `(yield* ${call})` : call;
}

/** For generic calls: lvalues are passed as ArgRef thunks so a by-ref parameter can bind them. */
function lvalueOrValue(c: FnCtx, e: A.Expr): string {
  if (isTempArg(e)) return `${c.file.use('tempArg')}(${expr(c, e)})`;
  if (!isLvalue(e) || needsCopyBack(c, e)) return expr(c, e);
  return normalMode(c, () => `${c.file.use('lazyRef')}(() => ${refOf(c, e)}, () => ${expr(c, e)})`);
}

// ───────────── function calls ─────────────

const COMPILE_TIME_FUNCS = new Set(['assert', 'func_get_args', 'func_num_args', 'func_get_arg', 'compact', 'extract', 'get_defined_vars', 'get_called_class', 'get_class', 'get_parent_class']);

/**
 * Builtins php-src compiles to their own instructions (zend_try_compile_special_func) when the call
 * names them unambiguously: their result is a temporary, which can't be written through or referenced.
 * The value is the argument counts that qualify.
 */
const SPECIAL_BUILTINS = new Map<string, number[]>([
  ['strlen', [1]], ['is_null', [1]], ['is_bool', [1]], ['is_long', [1]], ['is_int', [1]], ['is_integer', [1]],
  ['is_float', [1]], ['is_double', [1]], ['is_string', [1]], ['is_array', [1]], ['is_object', [1]], ['is_resource', [1]],
  ['is_scalar', [1]], ['boolval', [1]], ['intval', [1]], ['floatval', [1]], ['doubleval', [1]], ['strval', [1]],
  ['gettype', [1]], ['count', [1]], ['sizeof', [1]], ['get_class', [0, 1]], ['get_called_class', [0]],
  ['func_num_args', [0]], ['func_get_args', [0]], ['array_key_exists', [2]],
]);

/** Is e a call of such a builtin (a temporary result: "Cannot use result of built-in function in write context")? */
export function isSpecialBuiltinCall(c: FnCtx, e: A.Expr): boolean {
  if (e.kind !== 'FuncCall' || e.name.kind !== 'Name' || !Array.isArray(e.args)) return false;
  if (e.args.some((a) => a.unpack || a.name !== null)) return false;
  const [name, fallback] = c.file.resolveFunction(e.name as A.Name);
  if (fallback !== null) return false;
  const counts = SPECIAL_BUILTINS.get(name.toLowerCase());
  return counts !== undefined && counts.includes(e.args.length);
}

export function compileCall(c: FnCtx, e: A.FuncCall): string {
  const u = (h: string) => c.file.use(h);
  const discard = takeDiscard(c);
  if (e.name.kind !== 'Name') {
    // $f(...), (expr)(...)
    const callee = expr(c, e.name as A.Expr);
    if (!Array.isArray(e.args)) return `${u('closureFromCallable')}(${callee}, ${scopeExpr(c)})`;
    const t = c.temp();
    const bound = `(${t} = ${u(c.fiber ? 'resolveCallF' : 'resolveCall')}(${callee}, ${scopeExpr(c)}${c.fiber ? '' : ', true'}))`;
    if (hasComplexArgs(e.args)) return withLine(c, e, emitGenericCall(c, bound, `${t}.self`, e.args));
    return withLine(c, e, `(${bound}, ${emitCall(c, `${t}.fn`, `${t}.self`, e.args, null, `${t}.info.refMask`, null, `${u('fvb')}(${t})`, discard)})`);
  }
  const [nsName, globalName] = c.file.resolveFunction(e.name as A.Name);
  const lcNs = nsName.toLowerCase();
  const lcGlobal = globalName?.toLowerCase() ?? null;
  const beforeSpecial = c.saveAssigned();
  const lineBefore = c.curLine;
  const special = specialCall(c, e, lcGlobal ?? lcNs);
  if (special !== null && (lcGlobal !== null || !nsName.includes('\\'))) return special;
  c.restoreAssigned(beforeSpecial);
  c.curLine = lineBefore;
  if (!Array.isArray(e.args)) {
    return `${u('closureFromFunction')}(${str(lcNs)}, ${lcGlobal === null ? 'null' : str(lcGlobal)})`;
  }
  // same-file function declared at the top level: a direct JS call
  const local = c.file.topFunctions.get(lcNs);
  if (local && !hasComplexArgs(e.args)) {
    const mark = beginCall(c, e);
    return mark(emitCall(c, local.js, null, e.args, paramRefMask(local.node.params), null, { name: nsName, params: local.node.params.map((p) => p.name), variadic: local.node.params.some((p) => p.variadic) }, `VT.${local.js}`, false, e.line));
  }
  // a builtin known at compile time (no namespace fallback ambiguity)
  const builtinName = lcGlobal === null ? lcNs : null;
  const builtin = builtinName !== null ? c.file.knownBuiltin(builtinName) : null;
  // zend_compile_func_cuf / cufa: the callback is called from here, without a frame of its own
  const cuf = builtinName === 'call_user_func' ? 'cufCall' : builtinName === 'call_user_func_array' && e.args.length === 2 ? 'cufaCall' : null;
  if (builtin && cuf !== null && e.args.length >= 1 && !hasComplexArgs(e.args) && !c.fiber) {
    // the fiber variant of this code calls the builtin (it suspends through it): keep it declared
    builtinRef(c.file, builtinName!);
    const mark = beginCall(c, e);
    return mark(emitCall(c, u(cuf), null, e.args, 0, null, { name: builtinName!, params: builtin.params }, undefined, discard, e.line));
  }
  if (builtin && !hasComplexArgs(e.args)) {
    const inline = builtinName === 'strlen' ? inlineStrlen(c, e) : null;
    if (inline !== null) return inline;
    const id = builtinRef(c.file, builtinName!);
    const fiberGen = builtin.fiberAware ? `${u('fiberBuiltin')}(${str(builtinName!)})` : undefined;
    const mark = beginCall(c, e);
    const call = () => emitCall(c, id, null, e.args, builtin.refMask, null, { name: builtinName!, params: builtin.params }, fiberGen, discard, e.line);
    return mark(NON_RETAINING.has(builtinName!) ? borrowingCall(c, call) : call());
  }
  const t = c.temp();
  // the name as written goes along for the error message when its case differs
  const shown = nsName === lcNs ? '' : `, ${str(nsName)}`;
  const lookup = `(${t} = ${u('fn')}(${str(lcNs)}, ${lcGlobal === null ? 'null' : str(lcGlobal)}${shown}))`;
  if (hasComplexArgs(e.args)) return withLine(c, e, `(${lookup}, ${emitGenericCall(c, t, 'undefined', e.args)})`);
  const mark = beginCall(c, e);
  return mark(`(${lookup}, ${emitCall(c, `${t}.fn`, null, e.args, null, `${t}.info.refMask`, null, `${u('fvb')}(${t})`, discard, e.line)})`);
}

/**
 * A call's line, stored before its arguments are evaluated (they may store their own) and again
 * before the call if they did (emitCall's `line`): the wrapper puts the first store in front.
 */
function beginCall(c: FnCtx, e: A.Node): (js: string) => string {
  if (e.line <= 0 || e.line === c.curLine) return (js) => js;
  c.curLine = e.line;
  return (js) => `(fr.line = ${e.line}, ${js})`;
}

/**
 * strlen($s) as php-src compiles it (zend_compile_func_strlen): a string's length is taken inline (the
 * length of a literal at compile time); any other argument goes to the builtin for its coercion or error.
 */
function inlineStrlen(c: FnCtx, e: A.FuncCall): string | null {
  const args = e.args as A.Arg[];
  if (args.length !== 1 || args[0].unpack || args[0].name !== null) return null;
  const arg = args[0].value;
  if (arg.kind === 'ScalarString') return String(arg.value.length);
  const t = c.temp();
  const mark = beginCall(c, e);
  return mark(`(typeof (${t} = ${expr(c, arg)}) === "string" ? ${t}.length : ${builtinRef(c.file, 'strlen')}(${t}))`);
}

/** A module-level constant holding a builtin's wrapper (weak or strict mode per file). */
function builtinRef(f: FileCtx, lc: string): string {
  const key = 'B_' + lc.replace(/[^a-z0-9_]/g, '_');
  const mark = `/*builtin:${lc}*/`;
  if (!f.decls.some((d) => d.includes(mark))) {
    f.decls.push(`const ${key} = ${f.use('builtinFn')}(${str(lc)}, ${f.strictTypes}).fn; ${mark}`);
  }
  return key;
}

function paramRefMask(params: A.Param[]): number {
  let m = 0;
  params.forEach((p, i) => {
    if (p.byRef) {
      if (p.variadic) for (let j = i; j < 31; j++) m |= 1 << j;
      else if (i < 31) m |= 1 << i;
    }
  });
  return m;
}

/** Functions that need the caller's scope or arguments, compiled inline. */
function specialCall(c: FnCtx, e: A.FuncCall, lc: string): string | null {
  if (!COMPILE_TIME_FUNCS.has(lc) || !Array.isArray(e.args)) return null;
  const u = (h: string) => c.file.use(h);
  const beforeArgs = c.saveAssigned();
  const args = e.args.map((a) => expr(c, a.value));
  switch (lc) {
    case 'assert': {
      // evaluated only while zend.assertions is 1; the message is the expression as PHP exports it
      if (!e.args.length) return null;
      c.restoreAssigned(beforeArgs);
      const msg = 'assert(' + exportArg(e.args[0]) + ')';
      return withLine(c, e, `(${u('assertOn')}() ? ${u('assertResult')}(${args[0]}, ${args[1] ?? 'undefined'}, ${str(msg)}) : true)`);
    }
    case 'func_get_args':
      if (args.length) return `(${args.join(', ')}, ${u('tooManyArgs')}('func_get_args', ${args.length}))`;
      if (c.kind === 'main') return `${u('funcArgsOutside')}('func_get_args')`;
      // the parameters' current values (PHP 7+), then the extra arguments as passed
      return `${u('funcGetArgs')}(fr.args, [${c.fixedParams.map((p) => readVarQuiet(c, p)).join(', ')}])`;
    case 'func_num_args':
      if (args.length) return `(${args.join(', ')}, ${u('tooManyArgs')}('func_num_args', ${args.length}))`;
      if (c.kind === 'main') return `${u('funcArgsOutside')}('func_num_args')`;
      return `${u('funcNumArgs')}(fr.nargs)`;
    case 'func_get_arg':
      if (c.kind === 'main') return `${u('funcArgsOutside')}('func_get_arg')`;
      return `${u('funcGetArg')}(fr.args, ${args[0] ?? 'undefined'}, [${c.fixedParams.map((p) => readVarQuiet(c, p)).join(', ')}])`;
    case 'compact':
      return `${u('compact')}(S, [${args.join(', ')}])`;
    case 'extract':
      return withLine(c, e, `${u('extract')}(S, ${args.join(', ')})`);
    case 'get_defined_vars':
      return `${u('definedVars')}(S)`;
    case 'get_called_class':
      if (args.length) return null;
      return `${u('calledClassName')}(this)`;
    case 'get_class':
      if (args.length) return null;
      if (!c.cls) return `${u('getClassNoArgs')}(null)`;
      return `${u('getClassNoArgs')}(${scopeExpr(c)})`;
    case 'get_parent_class':
      if (args.length) return null;
      return `${u('parentClassName')}(${c.cls ? scopeExpr(c) : 'null'})`;
  }
  return null;
}

// ───────────── methods ─────────────

/** A literal PHP folds at compile time to something other than a string (zend_compile_method_call). */
function isNonStringLiteral(e: A.Expr): boolean {
  if (e.kind === 'ScalarInt' || e.kind === 'ScalarFloat') return true;
  if (e.kind !== 'ConstFetch' || (e.name.form !== 'unqualified' && e.name.form !== 'fully')) return false;
  const lc = e.name.name.toLowerCase();
  return lc === 'true' || lc === 'false' || lc === 'null';
}

export function compileMethodCall(c: FnCtx, e: A.MethodCall | A.NullsafeMethodCall): string {
  const u = (h: string) => c.file.use(h);
  const discard = takeDiscard(c) && e.kind === 'MethodCall';
  const o = c.temp();
  const m = c.temp();
  // the object is evaluated on its own line, the call happens on the line of `->`
  const objMark = lineSet(c, e.var.line);
  // the receiver is $this of the call, not kept by it (a method keeping $this makes it escape)
  const objJs = isThis(e.var) ? thisExpr(c) : exprRaw(c, e.var);
  const mark = lineSet(c, e.line);
  // ?->: the name and the arguments are evaluated only for an object
  const afterObj = c.saveAssigned();
  if (e.name.kind !== 'Identifier' && isNonStringLiteral(e.name as A.Expr)) compileError('Method name must be a string', e.line);
  const nameJs = e.name.kind === 'Identifier' ? str((e.name as A.Identifier).name) : `${u('methodNameOf')}(${expr(c, e.name as A.Expr)})`;
  if (!Array.isArray(e.args)) {
    // $o->m(...): the closure keeps the object
    return `(${objMark}${mark}${u('closureFromMethod')}(${u('esc')}(${objJs}), ${nameJs}, ${scopeExpr(c)}))`;
  }
  const direct = directThisMethod(c, e);
  const beforeCall = direct ? { assigned: c.saveAssigned(), line: c.curLine } : null;
  const directCall = direct ? emitCall(c, direct.js, o, e.args as A.Arg[], paramRefMask(direct.params), null, { name: qualifiedMethodName(c.cls!, direct), params: direct.params.map((p) => p.name), variadic: direct.params.some((p) => p.variadic) }, undefined, false) : null;
  const afterDirect = direct ? { assigned: c.assigned, line: c.curLine } : null;
  if (beforeCall) {
    c.restoreAssigned(beforeCall.assigned);
    c.curLine = beforeCall.line;
  }
  let lookup: string;
  let call: string;
  if (hasComplexArgs(e.args)) {
    lookup = `${m} = ${u('meth')}(${o}, ${nameJs}, ${scopeExpr(c)})`;
    call = emitGenericCall(c, m, `${m}.self`, e.args);
  } else {
    // a literal method name: the site remembers the method found for the receiver's class
    const site = e.name.kind === 'Identifier' ? c.file.siteVar('MC', `${u('newCallSite')}()`) : null;
    lookup = site ? `${m} = ${u('mcall')}(${site}, ${o}, ${nameJs}, ${scopeExpr(c)})` : `${m} = ${u('meth')}(${o}, ${nameJs}, ${scopeExpr(c)})`;
    call = emitCall(c, `${m}.fn`, `${m}.self`, e.args, null, `${m}.info.refMask`, null, `${u('fvb')}(${m})`, discard);
  }
  if (e.kind === 'NullsafeMethodCall') {
    c.restoreAssigned(afterObj);
    c.curLine = -1;
    return `(${objMark}(${o} = ${objJs}) == null ? null : (${mark}${lookup}, ${call}))`;
  }
  if (directCall !== null) {
    // $this of exactly this class: the method found is its own declaration
    c.intersectAssigned([afterDirect!.assigned, c.assigned]);
    if (c.curLine !== afterDirect!.line) c.curLine = -1;
    return `(${objMark}${o} = ${objJs}, ${mark}${o}.cls === ${scopeExpr(c)} ? ${directCall} : (${lookup}, ${call}))`;
  }
  const d = discarder(e.var);
  if (d !== null) {
    // (new A)->m(), f()->m(): the object dies after the call unless something kept it
    const r = c.temp();
    if (d === 'discard') return `(${objMark}${o} = ${objJs}, ${mark}${lookup}, ${r} = ${call}, ${u('discardReceiver')}(${o}, ${r}), ${r})`;
    return `(${objMark}${o} = ${u('takeFloat')}(${objJs}), ${mark}${lookup}, ${r} = ${call}, ${u('discardReceiverF')}(${o}, ${r}), ${r})`;
  }
  return `(${objMark}${o} = ${objJs}, ${mark}${lookup}, ${call})`;
}

/** Class::method, as PHP's messages about a call name a method. */
function qualifiedMethodName(cls: ClassCtx, m: DirectMethod): string {
  return cls.name === null ? m.name : `${cls.name.replace(/^\\/, '')}::${m.name}`;
}

/**
 * `$this->name(...)` in a method of a class that declares an instance method `name`: while $this is
 * of exactly that class, method lookup finds that declaration, visible from its own scope.
 */
function directThisMethod(c: FnCtx, e: A.MethodCall | A.NullsafeMethodCall): DirectMethod | null {
  if (e.kind !== 'MethodCall' || c.kind !== 'method' || c.isStaticMethod || c.fiber || !c.cls?.direct) return null;
  if (!isThis(e.var) || e.name.kind !== 'Identifier' || !Array.isArray(e.args) || hasComplexArgs(e.args)) return null;
  const m = c.cls.direct.get((e.name as A.Identifier).name.toLowerCase());
  return m && !m.isStatic ? m : null;
}

/**
 * A::name(...) naming a class of this file compiled before, or self::name(...) in a static method,
 * for a static method that class declares and the caller may call: the guard (`cls`, the class the
 * call names, being exactly that class) leaves the called class that class too.
 */
function directStaticMethod(c: FnCtx, e: A.StaticCall): { m: DirectMethod; cls: ClassCtx; self: boolean } | null {
  if (c.fiber || e.cls.kind !== 'Name' || e.name.kind !== 'Identifier' || !Array.isArray(e.args) || hasComplexArgs(e.args)) return null;
  const resolved = c.file.resolveClass(e.cls as A.Name);
  const lc = resolved.toLowerCase();
  let cls: ClassCtx | undefined;
  let self = false;
  if (lc === 'self') {
    if (c.kind !== 'method' || !c.isStaticMethod || !c.cls) return null;
    cls = c.cls;
    self = true;
  } else if (lc === 'parent' || lc === 'static') return null;
  else cls = c.file.classCtxs.get(lc.replace(/^\\/, ''));
  if (!cls?.direct) return null;
  const m = cls.direct.get((e.name as A.Identifier).name.toLowerCase());
  if (!m || !m.isStatic) return null;
  if (!m.isPublic && !(c.kind === 'method' && c.cls === cls)) return null;
  return { m, cls, self };
}

/** `fr.line = N, ` when the line the code is at changes (tracked in c.curLine). */
function lineSet(c: FnCtx, line: number): string {
  if (line <= 0 || line === c.curLine) return '';
  c.curLine = line;
  return `fr.line = ${line}, `;
}

export function compileStaticCall(c: FnCtx, e: A.StaticCall): string {
  const u = (h: string) => c.file.use(h);
  const discard = takeDiscard(c);
  const m = c.temp();
  const nameJs = e.name.kind === 'Identifier' ? str((e.name as A.Identifier).name) : `${u('methodNameOf')}(${expr(c, e.name as A.Expr)})`;
  const clsJs = classRefExpr(c, e.cls);
  const thisJs = c.kind === 'function' ? 'null' : `${u('thisOrNull')}(this)`;
  if (!Array.isArray(e.args)) {
    return `${u('closureFromStatic')}(${clsJs}, ${nameJs}, ${scopeExpr(c)}, ${thisJs === 'null' ? thisJs : `${u('esc')}(${thisJs})`})`;
  }
  const relative = e.cls.kind === 'Name' ? c.file.resolveClass(e.cls as A.Name) : '';
  const isParentCall = relative === 'parent' || relative === 'self' || relative === 'static';
  // parent:: and self:: forward the called class of a static context (static:: names it already)
  const forwards = (relative === 'parent' || relative === 'self') && thisJs !== 'null';
  let lookup = `${m} = ${u(isParentCall ? 'smethFwd' : 'smeth')}(${clsJs}, ${nameJs}, ${scopeExpr(c)}, ${forwards ? 'this' : thisJs})`;
  let call: string;
  if (hasComplexArgs(e.args)) call = emitGenericCall(c, m, `${m}.self`, e.args);
  else {
    if (e.name.kind === 'Identifier' && (e.name as A.Identifier).name.toLowerCase() === '__construct') {
      // ZEND_INIT_STATIC_METHOD_CALL for a constructor: the class's own, never __callStatic
      lookup = `${m} = ${u('staticCtorCall')}(${clsJs}, ${scopeExpr(c)}, ${thisJs})`;
    } else if (e.name.kind === 'Identifier') {
      const site = c.file.siteVar('MC', `${u('newCallSite')}()`);
      lookup = forwards
        ? `${m} = ${u('smcallFwd')}(${site}, ${clsJs}, ${nameJs}, ${scopeExpr(c)}, this)`
        : `${m} = ${u('smcall')}(${site}, ${clsJs}, ${nameJs}, ${scopeExpr(c)}, ${thisJs})`;
    }
    const direct = directStaticMethod(c, e);
    if (direct !== null) {
      // the class the call names is exactly the class declaring the method: call it directly
      const before = { assigned: c.saveAssigned(), line: c.curLine };
      const { m: dm, cls } = direct;
      const target = { name: qualifiedMethodName(cls, dm), params: dm.params.map((p) => p.name), variadic: dm.params.some((p) => p.variadic) };
      const directCall = emitCall(c, dm.js, cls.ref, e.args, paramRefMask(dm.params), null, target, undefined, false);
      const after = { assigned: c.assigned, line: c.curLine };
      c.restoreAssigned(before.assigned);
      c.curLine = before.line;
      const generic = emitCall(c, `${m}.fn`, `${m}.self`, e.args, null, `${m}.info.refMask`, null, `${u('fvb')}(${m})`, discard);
      c.intersectAssigned([after.assigned, c.assigned]);
      if (c.curLine !== after.line) c.curLine = -1;
      const guard = direct.self ? `this === ${cls.ref}` : `${clsJs} === ${cls.ref}`;
      return withLine(c, e, `(${guard} ? ${directCall} : (${lookup}, ${generic}))`);
    }
    const emit = () => emitCall(c, `${m}.fn`, `${m}.self`, e.args, null, `${m}.info.refMask`, null, `${u('fvb')}(${m})`, discard);
    // WeakReference::create() refers to its object without keeping it
    const weak = relative.toLowerCase().replace(/^\\/, '') === 'weakreference' && e.name.kind === 'Identifier' && (e.name as A.Identifier).name.toLowerCase() === 'create';
    call = weak ? borrowingCall(c, emit) : emit();
  }
  return withLine(c, e, `(${lookup}, ${call})`);
}

export function compileNew(c: FnCtx, e: A.New): string {
  const u = (h: string) => c.file.use(h);
  const clsJs = classRefExpr(c, e.cls);
  const t = c.temp();
  const m = c.temp();
  // instantiate, then call the constructor like a method (by-ref args, named args)
  const inst = `${t} = ${u('newInstance')}(${clsJs}, ${scopeExpr(c)})`;
  const ctor = `${m} = ${u('ctorOf')}(${t}, ${scopeExpr(c)})`;
  let call: string;
  const beforeArgs = c.saveAssigned();
  if (hasComplexArgs(e.args)) call = emitGenericCall(c, m, t, e.args);
  else call = emitCall(c, `${m}.fn`, t, e.args, null, `${m}.info.refMask`, null, `${u('fvb')}(${m})`);
  let noCtor = '0';
  if (e.args.length) {
    // the arguments again, for a class without constructor: from the same state
    const afterCall = c.assigned;
    c.restoreAssigned(beforeArgs);
    noCtor = `${u('noCtorArgs')}(${[...e.args.map((a) => expr(c, a.value))].join(', ')})`;
    c.intersectAssigned([afterCall, c.assigned]);
  }
  // an exception before the constructor returns leaves an object whose destructor never runs
  // (zend_object_store_ctor_failed): it counts as destructed until then
  return withLine(c, e, `(${inst}, ${ctor}, ${t}.destructed = true, ${m} !== null ? ${call} : ${noCtor}, ${t}.destructed = false, ${t})`);
}

// ───────────── function bodies ─────────────

export interface FnSpec {
  kind: 'function' | 'method' | 'closure' | 'arrow';
  name: string;
  params: A.Param[];
  body: A.Stmt[];
  byRef: boolean;
  returnType: A.TypeNode | null;
  line: number;
  endLine: number;
  isStatic: boolean;
  docComment?: string | null;
  attrGroups?: A.AttributeGroup[];
  /** closures: captured variables (by value or by reference) */
  uses?: A.ClosureUse[];
  methodName?: string;
  isAbstract?: boolean;
  /**
   * The module-level name under which the compiled definition is reachable (a function, or a closure's
   * factory): other threads re-create it from there (src/threads). Methods have none: their class does.
   */
  defName?: string;
}

/**
 * An optional parameter before a required one is required (PHP 8.0): its default is dropped, with a
 * deprecation unless it is the PHP 5 spelling of a nullable type (`Type $p = null`).
 */
function demoteOptionalBeforeRequired(file: FileCtx, params: A.Param[], line: number): A.Param[] {
  let lastRequired = -1;
  params.forEach((p, i) => {
    if (!p.default && !p.variadic) lastRequired = i;
  });
  if (lastRequired <= 0) return params;
  return params.map((p, i) => {
    if (i >= lastRequired || !p.default) return p;
    const isNull = p.default.kind === 'ConstFetch' && (p.default as A.ConstFetch).name.name.toLowerCase().replace(/^\\/, '') === 'null';
    if (!(p.type && isNull && !typeAllowsNull(p.type))) {
      const required = params[lastRequired].name;
      file.warnings.push({ message: `Optional parameter $${p.name} declared before required parameter $${required} is implicitly treated as a required parameter`, line, level: 8192 });
      return { ...p, default: null };
    }
    // the PHP 5 nullable spelling keeps its implicit null
    return { ...p, default: null, type: withNull(p.type) };
  });
}

/** `T` as `?T`, `A|B` as `A|B|null`. */
function withNull(t: A.TypeNode): A.TypeNode {
  if (t.kind === 'SimpleType') return { kind: 'NullableType', type: t, line: t.line };
  if (t.kind === 'UnionType') return { ...t, types: [...t.types, { kind: 'SimpleType', name: { kind: 'Name', name: 'null', form: 'unqualified', line: t.line }, line: t.line }] };
  return t;
}

/** Whether a declared type already admits null (`?T`, `T|null`, `mixed`, `null`). */
function typeAllowsNull(t: A.TypeNode): boolean {
  if (t.kind === 'NullableType') return true;
  if (t.kind === 'UnionType') return t.types.some((m) => typeAllowsNull(m));
  if (t.kind === 'SimpleType') {
    const n = t.name.name.toLowerCase();
    return n === 'mixed' || n === 'null';
  }
  return false;
}

/**
 * Compiles a function to JS source `function NAME(params) {...}` and declares its FunctionInfo at module
 * level under `infoName`. Returns the JS function expression.
 */
export function compileFunction(file: FileCtx, spec: FnSpec, cls: ClassCtx | null, parent: FnCtx | null, jsName: string): { js: string; info: string } {
  spec = { ...spec, params: demoteOptionalBeforeRequired(file, spec.params, spec.line) };
  if (file.fiberMode) return compileWithFiberVariant(file, spec, (fiber) => compileFunctionOnce(file, spec, cls, parent, jsName, fiber), spec.kind === 'method' && !!cls?.isTrait);
  return compileFunctionOnce(file, spec, cls, parent, jsName, false);
}

/**
 * One compilation of a function: the normal JS function, or (fiber = true) its fiber variant, a JS
 * generator function (for closures, a function of the captured values returning it).
 */
export function compileFunctionOnce(file: FileCtx, spec: FnSpec, cls: ClassCtx | null, parent: FnCtx | null, jsName: string, fiber: boolean): CompiledFn {
  const facts = analyzeBody(spec.body, spec.params, (call, i) => knownRefArg(file, call, i));
  const c = new FnCtx(file, spec.kind, cls, parent, facts.dynamic);
  c.fiber = fiber;
  c.isGenerator = facts.isGenerator;
  c.isStaticMethod = spec.isStatic;
  c.generatorByRef = spec.byRef && facts.isGenerator;
  // PHP 8.2 names a closure after its namespace: ns\{closure}
  c.phpName = spec.kind === 'closure' || spec.kind === 'arrow' ? (file.namespace ? file.namespace + '\\{closure}' : '{closure}') : spec.name;
  c.methodName = spec.methodName ?? spec.name;
  c.returnType = spec.returnType;
  c.returnVoid = !!spec.returnType && spec.returnType.kind === 'SimpleType' && spec.returnType.name.name.toLowerCase() === 'void';
  c.returnsRef = spec.byRef;
  c.inTraitMethod = (spec.kind === 'method' && !!cls?.isTrait) || (spec.kind !== 'method' && spec.kind !== 'function' && !!parent?.inTraitMethod);
  c.boxedNames = facts.boxed;
  c.unsetNames = facts.unset;
  c.refParams = new Set(spec.params.filter((p) => p.byRef && !p.variadic && !facts.unset.has(p.name) && !facts.rebound.has(p.name)).map((p) => p.name));
  c.neverString = neverStringLocals(spec.body, spec.params, facts.dynamic);
  c.neverFraction = neverFractionLocals(spec.body, spec.params, facts.dynamic);
  c.inlineDims = fewDimSites(spec.body, 2);
  if (!spec.byRef) {
    const numbers = numberLocals(spec.body, spec.params, (spec.uses ?? []).map((use) => use.name), facts.dynamic, new Set([...facts.boxed, ...facts.unset]));
    c.floatLocals = numbers.floats;
    c.mixedLocals = numbers.mixed;
  }
  if (!c.dynamic) {
    // parameters and captured variables hold values from elsewhere: never counted (nor do float locals)
    const own = new Set(['this', 'GLOBALS', ...spec.params.map((p) => p.name), ...(spec.uses ?? []).map((use) => use.name), ...c.floatLocals, ...c.mixedLocals.keys()]);
    c.counted = countedLocals(c, spec.body, (n) => own.has(n) || facts.boxed.has(n) || isSuperglobal(n));
  }
  const info = file.id('I');
  c.infoName = info;
  const u = (h: string) => file.use(h);

  // FunctionInfo, declared at module level
  const defaultCtx = new FnCtx(file, spec.kind, cls, parent, false);
  defaultCtx.inConstExpr = true;
  const scope: TypeScope = { cls, scopeKnown: spec.kind !== 'closure' && spec.kind !== 'arrow' && !cls?.isTrait };
  const returnType = spec.returnType ? compileTypename(file, spec.returnType, scope) : null;
  c.returnTypeInfo = returnType;
  if (facts.isGenerator && returnType) checkGeneratorReturnType(returnType, spec.line);
  checkAttributes(file, spec.attrGroups ?? [], spec.kind === 'method' ? AttrTarget.Method : AttrTarget.Function);
  checkParams(file, spec, cls);
  const paramInfos = spec.params.map((p) => {
    checkAttributes(file, p.attrGroups, AttrTarget.Parameter);
    if (p.default) checkConstExpr(p.default, true);
    const t = p.type ? paramType(file, p, scope) : 'null';
    // reflection evaluates defaults later: a thunk in the function's class context
    const defaultFn = p.default ? thunk(defaultCtx, p.default) : 'null';
    const sensitive = isSensitive(file, p);
    return `{name: ${str(p.name)}, byRef: ${p.byRef}, variadic: ${p.variadic}, optional: ${!!p.default || p.variadic}, type: ${t}, promoted: ${p.flags !== 0}, defaultText: ${p.default ? str(defaultText(p.default, file)) : 'undefined'}, defaultFn: ${defaultFn}, attrs: ${attrsJson(file, p.attrGroups)}${sensitive ? ', sensitive: true' : ''}}`;
  });
  const hasSensitive = spec.params.some((p) => isSensitive(file, p));
  let required = 0;
  spec.params.forEach((p, i) => {
    if (!p.default && !p.variadic) required = i + 1;
  });
  const variadic = spec.params.length > 0 && spec.params[spec.params.length - 1].variadic;
  file.decls.push(
    `const ${info} = {name: ${str(c.phpName)}, params: [${paramInfos.join(', ')}], refMask: ${paramRefMask(spec.params)}, required: ${required}, variadic: ${variadic}, ${hasSensitive ? 'hasSensitive: true, ' : ''}` +
      `returnType: ${returnType ? typeExpr(file, returnType, spec.returnType!, cls) : 'null'}, returnsRef: ${spec.byRef}, isBuiltin: false, file: ${str(file.file)}, line: ${spec.line}, endLine: ${spec.endLine}, ` +
      `docComment: ${spec.docComment ? str(spec.docComment) : 'null'}, isStatic: ${spec.isStatic}, isClosure: ${spec.kind === 'closure' || spec.kind === 'arrow'}, ${(spec.kind === 'closure' || spec.kind === 'arrow') && facts.usesThis ? 'usesThis: true, ' : ''}isGenerator: ${facts.isGenerator}, ${facts.isGenerator && facts.hasFinally ? 'hasFinally: true, ' : ''}usesArgs: ${facts.usesArgs}, strictTypes: ${file.strictTypes}, ` +
      `attrs: ${attrsJson(file, spec.attrGroups ?? [])}, cls: null, moduleDef: ${spec.defName ? `{mod: M$, def: ${str(spec.defName)}}` : 'null'}, ` +
      `facts: ${spec.kind === 'closure' || spec.kind === 'arrow' ? factsJs(closureFacts(spec.body)) : 'null'}${file.unit !== null ? ', fu: FU' : ''}};`,
  );
  file.infoNames.push(info);

  const params = spec.params.map((p) => (p.variadic ? '...' : '') + jsVarName(p.name));
  const lines: string[] = [];
  const fixedParams = spec.params.filter((p) => !p.variadic);
  // the frame keeps the first four arguments in fields; longer or variadic lists keep them all
  const many = fixedParams.length > 4 || variadic;
  const first = fixedParams.slice(0, 4).map((p) => jsVarName(p.name));
  const frameArgs = many ? `arguments.length, undefined, undefined, undefined, undefined, Array.prototype.slice.call(arguments)` : `arguments.length${first.length ? ', ' + first.join(', ') : ''}`;
  // a generator's frame outlives the call that creates it (a fiber's restart takes the generator's own)
  const frameLine = `const fr = new ${u('Frame')}(${info}, null, ${str(file.file)}, this, ${frameArgs});`;
  // arguments beyond the parameters are kept only when there are some (traces, func_get_args)
  const extraArgs = `if (arguments.length > ${first.length}) fr.rest = Array.prototype.slice.call(arguments);`;
  if (c.isGenerator) {
    lines.push(frameLine);
    if (!many) lines.push(extraArgs);
  } else if (many) {
    lines.push(`const fr = ${u('pushFrame')}(${info}, ${str(file.file)}, this, arguments.length);`);
    lines.push('fr.rest = Array.prototype.slice.call(arguments);');
  } else {
    lines.push(`const fr = ${u('pushFrame')}(${info}, ${str(file.file)}, this, ${frameArgs});`);
    lines.push(extraArgs);
  }
  if (required > 0) lines.push(`if (arguments.length < ${required}) ${u('tooFewArgs')}(${info}, arguments.length, fr);`);
  if (c.dynamic) lines.push(`const S = new ${u('Scope')}();`);

  // parameters: defaults, types, references, variadics
  spec.params.forEach((p, i) => {
    const v = jsVarName(p.name);
    if (p.variadic) {
      lines.push(`${v} = ${u('variadicArray')}(${v}, ${info}, ${i}, fr, ${p.byRef}, arguments);`);
    } else if (p.default) {
      // the default is a constant expression evaluated in the function's context
      // an argument skipped by named arguments shows its default in traces and func_get_args
      lines.push(`if (${v} === undefined) { ${v} = ${withDefaultCtx(c, p.default)}; if (arguments.length > ${i}) ${u('skippedArg')}(fr, ${i}, ${v}); }`);
    }
    if (p.byRef) {
      lines.push(`if (!(${v} instanceof ${u('Ref')})) ${v} = new ${u('Ref')}(${v});`);
      if (p.type && !p.variadic) lines.push(`${u('checkRefParam')}(${info}, ${i}, ${v}, fr);`);
    } else if (p.type && !p.variadic) {
      lines.push(`${v} = ${u('checkParam')}(${info}, ${i}, ${v}, fr);`);
    }
    if (!p.byRef && (facts.written.has(p.name) || c.isGenerator)) lines.push(`${u('share')}(${v});`);
  });
  // move parameters into the function's storage
  for (const p of spec.params) {
    const v = jsVarName(p.name);
    if (c.dynamic) {
      lines.push(p.byRef ? `S.bindParam(${str(p.name)}, ${v});` : `S.set(${str(p.name)}, ${v});`);
    } else if (facts.boxed.has(p.name) && !p.byRef) {
      lines.push(`${v} = new ${u('Ref')}(${v});`);
    }
    c.params.add(p.name);
    if (!p.variadic) c.fixedParams.push(p.name);
    c.vars.set(p.name, { js: v, boxed: facts.boxed.has(p.name) });
  }
  // captured variables of closures
  for (const use of spec.uses ?? []) {
    const v = jsVarName(use.name);
    if (spec.params.some((p) => p.name === use.name)) compileError(`Cannot use lexical variable $${use.name} as a parameter name`, spec.line);
    c.vars.set(use.name, { js: v, boxed: use.byRef || facts.boxed.has(use.name) });
    if (c.dynamic) lines.push(use.byRef ? `S.bindParam(${str(use.name)}, cap${v});` : `S.set(${str(use.name)}, ${u('share')}(cap${v}));`);
    else if (use.byRef) lines.push(`let ${v} = cap${v};`);
    else if (facts.boxed.has(use.name)) lines.push(`let ${v} = new ${u('Ref')}(${u('share')}(cap${v}));`);
    else lines.push(`let ${v} = ${u('share')}(cap${v});`);
  }
  if (c.kind === 'arrow' && parent) {
    // arrow functions see the parent's variables by value (captured at creation)
  }

  checkWriteContexts(spec.body, spec.byRef);
  if (checkGotos(spec.body)) c.goto = { regions: [], labels: new Map(), sites: [] };
  const bodyJs = resolveGotoMarkers(c, compileStmts(c, spec.body));
  // locals
  const declared = new Set([...spec.params.map((p) => p.name), ...(spec.uses ?? []).map((u2) => u2.name)]);
  const locals: string[] = [];
  if (!c.dynamic) {
    for (const [name, vi] of c.vars) {
      if (declared.has(name) || name === 'this' || vi.js.startsWith('rt.sg.')) continue;
      locals.push(vi.boxed ? `${vi.js} = new ${u('Ref')}(undefined)` : vi.js);
      // a boxed local dies on return: its Ref has one holder less (a by-value parameter's too, below)
      if (vi.boxed) c.boundLocals.add(vi.js);
    }
    for (const p of spec.params) {
      const vi = c.vars.get(p.name);
      if (vi && vi.boxed && !p.byRef) c.boundLocals.add(vi.js);
    }
  }
  const localsJs = locals.length ? `let ${locals.join(', ')};\n` : '';
  // temporaries are used by the prologue too (default values): declared first
  const tempsJs = c.temps.length ? `let ${c.temps.join(', ')};\n` : '';
  lines.unshift(tempsJs);

  const caps = spec.kind === 'closure' || spec.kind === 'arrow' ? (spec.uses ?? []).map((use) => 'cap' + jsVarName(use.name)) : null;
  let body: string;
  if (c.isGenerator) {
    const genBody = `function* () {\n${localsJs}${bodyJs}\nreturn null;\n}.call(this)`;
    if (fiber) {
      // a generator created in a fiber gets the fiber-capable body; one created by normal code gets it
      // when a fiber starts it (the generator's arguments run through the prologue again then)
      const main = `${lines.join('\n')}\nconst G = ${u('newGenerator')}(fr, this);\nG.fiberBody = true;\nG.start(${genBody});\nreturn G.obj;`;
      const restart = `${lines.map((l) => (l === frameLine ? 'const fr = G.fr;' : l)).join('\n')}\nreturn ${genBody};`;
      return { js: fiberVariantJs(jsName, params, main, caps), info, isGenerator: true, restartJs: generatorRestartJs(jsName, params, restart, caps) };
    }
    // the new Generator object floats to the caller: counted there, destroyed when its last holder lets go
    body = `${lines.join('\n')}\nconst G = ${u('newGenerator')}(fr, this);\nG.start(${genBody});\nreturn ${u('floatNew')}(G.obj);`;
  } else {
    // falling off the end of a function returning by reference returns a null that is no variable
    const tail = spec.returnType && isVoidOrNever(spec.returnType) ? '' : spec.returnType ? `${u('missingReturn')}(${info}, fr);\n` : spec.byRef ? `fr.line = ${spec.endLine}; rt.retRef = ${u('returnedValueRef')}(null);\n` : '';
    body = `${lines.join('\n')}\n${localsJs}${bodyJs}\n${tail}${UNBIND_MARK}rt.st.top = fr.prev;\nreturn null;`;
    if (isNeverType(spec.returnType)) {
      body = `${lines.join('\n')}\n${localsJs}${bodyJs}\n${u('neverReturned')}(${info});`;
    }
  }
  // bound locals let go of their Refs on return (see Ref.n)
  if (body.includes(UNBIND_MARK)) {
    const drops = [...c.boundLocals].map((v) => `${u('dropRef')}(${v}), `).join('');
    // counted locals let go once the frame is left (zend_leave_helper): a destructor's trace starts at the caller
    const rcDrops = [...(c.counted ?? [])].filter((n) => c.vars.has(n)).map((n) => `, ${u('rcDrop')}(${c.vars.get(n)!.js})`).join('');
    body = body.split(UNBIND_MARK + 'rt.st.top = fr.prev').join(drops + 'rt.st.top = fr.prev' + rcDrops);
    body = body.split(UNBIND_MARK).join(drops);
  }
  if (fiber) return { js: fiberVariantJs(jsName, params, body, caps), info, isGenerator: facts.isGenerator };
  const js = `function ${jsName}(${params.join(', ')}) {\n${body}\n}`;
  return { js, info, isGenerator: facts.isGenerator };
}

/** zend_compile_params' errors, and the deprecation of optional parameters before required ones. */
function checkParams(file: FileCtx, spec: FnSpec, cls: ClassCtx | null): void {
  const names = new Set<string>();
  let lastRequired = -1;
  spec.params.forEach((p, i) => {
    if (!p.default && !p.variadic) lastRequired = i;
  });
  const isCtor = spec.kind === 'method' && spec.name.toLowerCase() === '__construct';
  spec.params.forEach((p, i) => {
    if (p.name === 'this') compileError('Cannot use $this as parameter', p.line);
    if (names.has(p.name)) compileError(`Redefinition of parameter $${p.name}`, p.line);
    names.add(p.name);
    if (i > 0 && spec.params[i - 1].variadic) compileError('Only the last parameter can be variadic', p.line);
    if (p.variadic && p.default) compileError('Variadic parameter cannot have a default value', p.line);
    if (p.flags) {
      if (!isCtor || !cls) compileError('Cannot declare promoted property outside a constructor', p.line);
      if (spec.isAbstract || cls.isInterface) compileError('Cannot declare promoted property in an abstract constructor', p.line);
      if (p.variadic) compileError('Cannot declare variadic promoted property', p.line);
    }
    if (p.default && i < lastRequired) {
      const implicitNullable = p.type !== null && p.type.kind !== 'NullableType' && literalType(p.default) === 'null';
      if (!implicitNullable) {
        file.warnings.push({ message: `Optional parameter $${p.name} declared before required parameter $${spec.params[lastRequired].name} is implicitly treated as a required parameter`, line: p.line, level: 8192 });
      }
    }
  });
}

/** zend_mark_function_as_generator: a generator's declared return type must admit a Generator. */
function checkGeneratorReturnType(t: CompiledType, line: number): void {
  if (t.builtins.has('object') || t.builtins.has('mixed')) return;
  if (t.classes.some((c) => typeof c === 'string' && ['traversable', 'iterator', 'generator'].includes(c.toLowerCase()))) return;
  compileError(`Generator return type must be a supertype of Generator, ${typeToString(t)} given`, line);
}

/** A parameter's type: PHP's checks (no void/never, a literal default must fit), implicitly nullable with a null default. */
function paramType(file: FileCtx, p: A.Param, scope: TypeScope): string {
  const lit = p.default ? literalType(p.default) : null;
  const t = compileTypename(file, p.type!, scope, lit === 'null' && !p.flags);
  const only = t.classes.length === 0 && t.builtins.size === 1 ? [...t.builtins][0] : null;
  if (only === 'void' || only === 'never') compileError(`${only} cannot be used as a parameter type`, p.type!.line);
  if (lit !== null && p.default) {
    if (!isValidDefault(t, lit, p.default)) compileError(`Cannot use ${lit} as default value for parameter $${p.name} of type ${typeToString(t)}`, p.default.line);
    if (lit === 'int' && !t.builtins.has('int') && t.builtins.has('float')) p.default = toFloatLiteral(p.default);
  }
  return typeExpr(file, t, p.type!, scope.cls);
}

/** An int literal default of a float-typed declaration is stored as a float (zend_is_valid_default_value converts it). */
export function toFloatLiteral(e: A.Expr): A.Expr {
  if (e.kind === 'ScalarInt') return { kind: 'ScalarFloat', value: Number(e.value), line: e.line } as A.ScalarFloat;
  if (e.kind === 'UnaryOp') return { ...e, expr: toFloatLiteral(e.expr) };
  return e;
}

function isVoidOrNever(t: A.TypeNode): boolean {
  return t.kind === 'SimpleType' && ['void'].includes(t.name.name.toLowerCase());
}
function isNeverType(t: A.TypeNode | null): boolean {
  return !!t && t.kind === 'SimpleType' && t.name.name.toLowerCase() === 'never';
}

function isSensitive(file: FileCtx, p: A.Param): boolean {
  return p.attrGroups.some((g) => g.attrs.some((a) => file.resolveClass(a.name).toLowerCase() === 'sensitiveparameter'));
}

/** Default values are compiled in the function's own context (self::CONST, new Foo in initializers). */
function withDefaultCtx(c: FnCtx, e: A.Expr): string {
  c.inConstExpr = true;
  try {
    return expr(c, e);
  } finally {
    c.inConstExpr = false;
  }
}

/** The source text PHP's reflection shows for a default value (approximate, for messages). */
export function defaultText(e: A.Expr, file?: FileCtx): string {
  switch (e.kind) {
    case 'ScalarInt':
      return e.value;
    case 'ScalarFloat':
      // smart_str_append_double with EG(precision)
      return floatText(e.value);
    case 'ScalarString':
      return "'" + e.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
    case 'ConstFetch': {
      // names as compiled: resolved against the namespace and imports (true/false/null are literals)
      const lc = e.name.name.toLowerCase();
      if (!file || lc === 'true' || lc === 'false' || lc === 'null') return e.name.name;
      return file.resolveConst(e.name)[0];
    }
    case 'ArrayLiteral':
      return e.items.length ? '[...]' : '[]';
    case 'ClassConstFetch': {
      if (e.cls.kind !== 'Name') return '?::' + e.name.name;
      const n = e.cls as A.Name;
      const lc = n.name.toLowerCase();
      const special = n.form === 'unqualified' && (lc === 'self' || lc === 'parent' || lc === 'static');
      return (file && !special ? file.resolveClass(n) : n.name) + '::' + e.name.name;
    }
    case 'UnaryOp':
      return e.op + defaultText(e.expr, file);
    case 'New':
      return 'new ' + (e.cls.kind === 'Name' ? (e.cls as A.Name).name : '?') + '()';
  }
  return '<expression>';
}

/** Is argument i of this call passed to a by-reference parameter of a callee known now? */
function knownRefArg(file: FileCtx, call: A.FuncCall, i: number): boolean {
  if (call.name.kind !== 'Name') return false;
  const [ns, global] = file.resolveFunction(call.name as A.Name);
  const local = file.topFunctions.get(ns.toLowerCase());
  if (local) {
    const ps = local.node.params;
    const p = i < ps.length ? ps[i] : ps[ps.length - 1];
    return !!p && p.byRef && (i < ps.length || p.variadic);
  }
  if (global !== null) return false;
  const b = file.knownBuiltin(ns.toLowerCase());
  if (!b) return false;
  return (b.refMask & (1 << Math.min(i, 30))) !== 0;
}

// ───────────── closures ─────────────

const AUTO_GLOBALS = new Set(['GLOBALS', '_SERVER', '_GET', '_POST', '_COOKIE', '_FILES', '_ENV', '_REQUEST', '_SESSION']);

/** zend_compile_closure_binding's checks on the `use` list. */
function checkClosureUses(e: A.Closure): void {
  const seen = new Set<string>();
  for (const use of e.uses) {
    if (use.name === 'this') compileError('Cannot use $this as lexical variable', e.line);
    if (AUTO_GLOBALS.has(use.name)) compileError('Cannot use auto-global as lexical variable', e.line);
    if (seen.has(use.name)) compileError(`Cannot use variable $${use.name} twice`, e.line);
    seen.add(use.name);
  }
}

export function compileClosure(c: FnCtx, e: A.Closure): string {
  const u = (h: string) => c.file.use(h);
  checkClosureUses(e);
  const name = c.file.id('closure');
  const spec: FnSpec = {
    kind: 'closure', name: '{closure}', params: e.params, body: e.body, byRef: e.byRef, returnType: e.returnType,
    line: e.line, endLine: e.endLine ?? e.line, isStatic: e.static, uses: e.uses, attrGroups: e.attrGroups, defName: c.file.id('K'),
  };
  const { js, info } = compileFunction(c.file, spec, c.cls, c, name);
  const caps = e.uses.map((use) => 'cap' + jsVarName(use.name));
  const capVals = e.uses.map((use) => {
    if (use.name === 'this') compileError('Cannot use $this as lexical variable', e.line);
    if (use.byRef) return refOfVarForCapture(c, use.name);
    return quietVar(c, use.name, e.line);
  });
  // a static closure has no $this, but keeps the called class (static::)
  const self = e.static ? staticClosureCalled(c) : closureThis(c);
  // the captured values travel with the Closure object too (var_dump shows them under "static")
  const made = closureFactoryCall(c, spec.defName!, info, js, caps, e.uses.map((use) => use.name), capVals, self);
  const end = e.endLine ?? e.line;
  if (end === e.line || end === c.curLine) return made;
  // PHP compiles what follows a closure in the same statement on the closure's last line: a call
  // taking a multi-line closure reports that line
  const t = c.temp();
  c.curLine = end;
  return `(${t} = ${made}, fr.line = ${end}, ${t})`;
}

/**
 * A closure's factory lives at module level, `K(self, scope, ...captured) => Closure`, so the closure
 * can be re-created from its captured values elsewhere (another thread: src/threads/transfer.ts).
 */
function closureFactoryCall(c: FnCtx, defName: string, info: string, js: string, caps: string[], names: string[], capVals: string[], self: string): string {
  const used = caps.length ? `, [${names.map((n) => str(n)).join(', ')}], [${caps.join(', ')}]` : '';
  c.file.defs.push(defName);
  c.file.decls.push(`const ${defName} = (self, scope${caps.map((k) => ', ' + k).join('')}) => ${c.file.use('mkClosure')}(${info}, ${js}, self, scope${used});`);
  return `${defName}(${self}, ${scopeExpr(c)}${capVals.map((v) => ', ' + v).join('')})`;
}

/** A static closure has no $this but keeps the called class (static::) of the code creating it. */
function staticClosureCalled(c: FnCtx): string {
  if (c.kind === 'main' || c.kind === 'function') return 'undefined';
  return `${c.file.use('calledClassOf')}(this)`;
}

/** `$this` (or the called class) captured by a closure created here. */
function closureThis(c: FnCtx): string {
  if (c.kind === 'main' || c.kind === 'function') return 'undefined';
  // the closure keeps $this
  return `${c.file.use('esc')}(this)`;
}

function refOfVarForCapture(c: FnCtx, name: string): string {
  // the closure is one more holder of the captured variable's Ref (for good: we never see it go)
  if (c.dynamic) return `${c.file.use('captureRef')}(S.refInit(${str(name)}))`;
  const v = c.varInfo(name);
  if (!v.boxed) compileError('internal: by-ref capture of unboxed variable $' + name, 0);
  return `${c.file.use('captureRef')}(${v.js})`;
}

/** A captured by-value variable: undefined variables warn at capture time. */
function quietVar(c: FnCtx, name: string, line: number): string {
  void line;
  return `${c.file.use('esc')}(${readVar(c, name)})`;
}

export function compileArrowFunction(c: FnCtx, e: A.ArrowFunction): string {
  const u = (h: string) => c.file.use(h);
  // arrow functions capture (by value, silently) every parent variable they mention
  const inner = new Set(e.params.map((p) => p.name));
  const mentioned: string[] = [];
  const walk = (n: any): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.kind === 'Variable' && typeof n.name === 'string' && !inner.has(n.name) && n.name !== 'this' && !mentioned.includes(n.name)) mentioned.push(n.name);
    if (n.kind === 'Closure') {
      for (const use of n.uses) if (!inner.has(use.name) && !mentioned.includes(use.name)) mentioned.push(use.name);
      return;
    }
    if (n.kind === 'ClassLike' || n.kind === 'FunctionDecl') return;
    for (const k in n) if (k !== 'kind' && k !== 'line') walk(n[k]);
  };
  walk(e.expr);
  const available = mentioned.filter((n) => !isSuperglobal(n));
  const uses: A.ClosureUse[] = available.map((n) => ({ kind: 'ClosureUse', name: n, byRef: false, line: e.line }));
  // a never-returning arrow function evaluates its expression without returning it (GH-7900)
  const never = e.returnType?.kind === 'SimpleType' && e.returnType.name.name.toLowerCase() === 'never';
  const ret: A.Stmt = never ? { kind: 'ExprStmt', expr: e.expr, line: e.expr.line } : { kind: 'Return', expr: e.expr, line: e.expr.line };
  const name = c.file.id('arrow');
  const spec: FnSpec = {
    kind: 'arrow', name: '{closure}', params: e.params, body: [ret], byRef: e.byRef, returnType: e.returnType,
    line: e.line, endLine: e.line, isStatic: e.static, uses, attrGroups: e.attrGroups, defName: c.file.id('K'),
  };
  const { js, info } = compileFunction(c.file, spec, c.cls, c, name);
  const caps = uses.map((use) => 'cap' + jsVarName(use.name));
  const capVals = uses.map((use) => silentRead(c, use.name));
  // a static closure has no $this, but keeps the called class (static::)
  const self = e.static ? staticClosureCalled(c) : closureThis(c);
  return closureFactoryCall(c, spec.defName!, info, js, caps, uses.map((use) => use.name), capVals, self);
}

function silentRead(c: FnCtx, name: string): string {
  return `${c.file.use('esc')}(${readVarQuiet(c, name)})`;
}

export { intLiteral, isFresh };
