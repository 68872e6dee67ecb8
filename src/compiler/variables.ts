// Variables and write targets: how a PHP lvalue ($x, $a[k], $o->p, A::$p, list()) is read, written,
// bound by reference, unset and tested with isset in the generated code, for each kind of variable
// storage (JS local, Ref-boxed JS local, dictionary scope).

import type * as A from '../syntax/ast.js';
import { exprNeverString } from './keyfacts.js';
import { FnCtx, str, compileError } from './context.js';
import { isCounted, StoreKind } from './refcount.js';
import { expr, exprRaw, isFresh, scopeExpr, classRefExpr, propName, staticPropName, lineOf, isGlobalsVar, propSite, inlinePropSet } from './expressions.js';
import { isSpecialBuiltinCall } from './calls.js';
import { floatLocalValue, mixedLocalValue } from './floatlocals.js';

// ───────────── simple variables ─────────────

export function isThis(e: A.Expr): boolean {
  return e.kind === 'Variable' && e.name === 'this';
}

const SUPERGLOBALS = new Set(['_SERVER', '_GET', '_POST', '_COOKIE', '_FILES', '_ENV', '_REQUEST', '_SESSION']);

export function isSuperglobal(name: string): boolean {
  return SUPERGLOBALS.has(name);
}

/** Where a variable lives: a JS local, a Ref box (a JS local, or the request's superglobals), or the dictionary scope S. */
type Storage = { kind: 'local'; js: string } | { kind: 'boxed'; js: string } | { kind: 'dynamic' };

function storage(c: FnCtx, name: string): Storage {
  if (SUPERGLOBALS.has(name)) return { kind: 'boxed', js: `rt.sg.${name}` };
  if (c.dynamic) return { kind: 'dynamic' };
  const v = c.varInfo(name);
  return v.boxed ? { kind: 'boxed', js: v.js } : { kind: 'local', js: v.js };
}

/** `$GLOBALS['name']` as a write target: the global variable itself (PHP 8.1: $GLOBALS is read-only only as a whole). */
export function isGlobalsElement(e: A.ArrayDimFetch): boolean {
  return e.var.kind === 'Variable' && e.var.name === 'GLOBALS' && e.dim !== null;
}

export function globalRef(c: FnCtx, e: A.ArrayDimFetch): string {
  return `rt.globals.exposedRef(${c.file.use('toStr')}(${expr(c, e.dim!)}))`;
}

/** The JS expression reading $name (with PHP's warning when undefined). */
export function readVar(c: FnCtx, name: string): string {
  if (name === 'this') return thisExpr(c);
  if (name === 'GLOBALS') return `${c.file.use('globalsArray')}()`;
  const st = storage(c, name);
  if (c.floatLocals.has(name)) return floatLocalValue(c, c.varInfo(name).js);
  if (c.mixedLocals.has(name)) return mixedLocalValue(c, name);
  if (st.kind === 'dynamic') return `${c.file.use('sget')}(S, ${str(name)})`;
  // a reference made for a by-reference argument holds a value (null for an undefined variable)
  if (st.kind === 'boxed' && c.refParams.has(name)) return `${st.js}.v`;
  if (st.kind === 'boxed') return `${c.file.use(SUPERGLOBALS.has(name) ? 'rvbGlobal' : 'rvb')}(${st.js}, ${str(name)})`;
  // a parameter always holds a value unless the function unsets it; so does a local assigned on every path here
  // (goto can jump over any assignment: no local counts as certainly assigned in such a function)
  if ((c.params.has(name) || (c.assigned.has(name) && !c.goto)) && !c.unsetNames.has(name)) return st.js;
  return `(${st.js} !== undefined ? ${st.js} : ${c.file.use('undef')}(${str(name)}))`;
}

/** Reads $name without a warning (isset, ??): undefined when unset. */
export function readVarQuiet(c: FnCtx, name: string): string {
  if (name === 'this') return `${c.file.use('thisOrNull')}(this)`;
  if (name === 'GLOBALS') return `${c.file.use('globalsArray')}()`;
  const st = storage(c, name);
  if (c.floatLocals.has(name)) return floatLocalValue(c, c.varInfo(name).js);
  if (c.mixedLocals.has(name)) return mixedLocalValue(c, name);
  if (st.kind === 'dynamic') return `S.get(${str(name)})`;
  return st.kind === 'boxed' ? `${st.js}.v` : st.js;
}

/** The JS location (assignable expression) of a non-dynamic variable's value. */
export function valueLocation(c: FnCtx, name: string): string | null {
  const st = storage(c, name);
  if (st.kind === 'dynamic') return null;
  return st.kind === 'boxed' ? `${st.js}.v` : st.js;
}

export function thisExpr(c: FnCtx): string {
  if (c.kind === 'method' && !c.isStaticMethod) return 'this';
  return `${c.file.use('thisObj')}(this)`;
}

/**
 * Assigns the JS expression `value` to $name; the result is the assigned value. `kind` says what the
 * value is for a counted variable (src/compiler/refcount.ts): anything not known escapes.
 */
export function writeVar(c: FnCtx, name: string, value: string, kind: StoreKind = 'E'): string {
  if (name === 'this') compileError('Cannot re-assign $this', c.curLine);
  const st = storage(c, name);
  if (st.kind === 'dynamic') return `${c.file.use(kind === 'T' ? 'ssetT' : kind === 'C' ? 'ssetC' : 'sset')}(S, ${str(name)}, ${value})`;
  if (st.kind === 'local') c.assigned.add(name);
  if (st.kind === 'boxed') return `(${st.js}.v = ${value})`;
  if (isCounted(c, name)) return `(${st.js} = ${c.file.use(kind === 'T' ? 'rcSet' : kind === 'C' ? 'rcSetC' : kind === 'E' ? 'rcSetE' : 'rcSetN')}(${st.js}, ${value}))`;
  return `(${st.js} = ${value})`;
}

/** The Ref cell of $name (the variable must be boxed or dynamic). */
export function refVar(c: FnCtx, name: string): string {
  if (name === 'this') return `new ${c.file.use('Ref')}(${c.file.use('esc')}(${thisExpr(c)}))`;
  const st = storage(c, name);
  if (st.kind === 'dynamic') return `S.refInit(${str(name)})`;
  if (st.kind === 'local') throw new Error('internal: variable $' + name + ' is not boxed');
  // referencing an unset variable creates it as null
  return `${c.file.use('refInit')}(${st.js})`;
}

/** Binds $name to a Ref: `$name = &...`, global, static. */
export function bindVar(c: FnCtx, name: string, ref: string): string {
  if (name === 'this') compileError('Cannot re-assign $this', c.curLine);
  const st = storage(c, name);
  if (st.kind === 'dynamic') return `S.bind(${str(name)}, ${ref})`;
  if (st.kind === 'local') throw new Error('internal: variable $' + name + ' is not boxed');
  // the variable lets go of its Ref when the function returns (see Ref.n)
  if (c.kind !== 'main' && !st.js.startsWith('rt.')) c.boundLocals.add(st.js);
  return `(${st.js} = ${c.file.use('bindTo')}(${ref}, ${st.js}))`;
}

export function unsetVar(c: FnCtx, name: string): string {
  if (name === 'this') compileError('Cannot unset $this', c.curLine);
  const st = storage(c, name);
  if (st.kind === 'dynamic') return `S.unset(${str(name)})`;
  c.assigned.delete(name);
  if (st.kind === 'boxed') return `(${st.js} = ${c.file.use('unbound')}(${st.js}))`;
  return isCounted(c, name) ? `(${st.js} = ${c.file.use('rcDrop')}(${st.js}))` : `(${st.js} = undefined)`;
}

/** Is this variable held in a Ref or a scope (so refOf needs no copy-back)? */
export function isRefable(c: FnCtx, name: string): boolean {
  return name === 'this' || storage(c, name).kind !== 'local';
}

// dynamic variable names: $$x, ${expr}
function dynName(c: FnCtx, e: A.Expr): string {
  return `${c.file.use('toStr')}(${expr(c, e)})`;
}

// ───────────── general lvalues ─────────────

/** The container of a quiet read ($x->p, $x[k] in isset()): $this must exist (FETCH_THIS), other bases are read quietly. */
function quietContainer(c: FnCtx, e: A.Expr): string {
  return isThis(e) ? thisExpr(c) : readQuiet(c, e);
}

/** Reads an lvalue quietly (no undefined warnings): for isset(), empty(), ??. Yields undefined when absent. */
export function readQuiet(c: FnCtx, e: A.Expr): string {
  switch (e.kind) {
    case 'Variable':
      if (typeof e.name === 'string') return readVarQuiet(c, e.name);
      return `${c.file.use('sgetDyn')}(${c.dynamic ? 'S' : 'null'}, ${dynName(c, e.name)}, true)`;
    case 'ArrayDimFetch':
      if (!e.dim) compileError('Cannot use [] for reading', e.line);
      if (isGlobalsVar(e.var)) return `${c.file.use('globalGetQuiet')}(${expr(c, e.dim)})`;
      return `${c.file.use('dimQ')}(${quietContainer(c, e.var)}, ${exprRaw(c, e.dim)})`;
    case 'PropertyFetch': {
      const site = propSite(c, e.name);
      if (site) return `${c.file.use('pquiet')}(${site}, ${quietContainer(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
      return `${c.file.use('propGetQuiet')}(${quietContainer(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
    }
    case 'NullsafePropertyFetch': {
      const t = c.temp();
      const r = `((${t} = ${quietContainer(c, e.var)}) == null ? undefined : ${c.file.use('propGetQuiet')}(${t}, ${propName(c, e.name)}, ${scopeExpr(c)}))`;
      return r;
    }
    case 'StaticPropertyFetch':
      if (typeof e.name === 'string') {
        const site = c.file.siteVar('SP', `${c.file.use('newStaticPropSite')}()`);
        return `${c.file.use('spQuiet')}(${site}, ${classRefExpr(c, e.cls)}, ${str(e.name)}, ${scopeExpr(c)})`;
      }
      return `${c.file.use('staticPropQuiet')}(${classRefExpr(c, e.cls)}, ${staticPropName(c, e.name)}, ${scopeExpr(c)})`;
    case 'ClassConstFetch':
    default:
      return expr(c, e);
  }
}

/**
 * The JS expression giving a writable container for a nested write through e (e[k] = v, e[] = v,
 * e->p[...]): arrays are separated and stored back, null becomes a new array.
 */
/** `rw`: the write follows a read ($a[k][j] .= x): an undefined variable or a missing element warns first. */
export function writableContainer(c: FnCtx, e: A.Expr, rw = false): string {
  switch (e.kind) {
    case 'Variable': {
      if (typeof e.name !== 'string') return `${c.file.use('wArrRef')}(${dynRef(c, e.name)})`;
      if (e.name === 'this') return thisExpr(c);
      const loc = valueLocation(c, e.name);
      if (loc === null) return rw ? `${c.file.use('wArrRefRW')}(S.ref(${str(e.name)}), ${str(e.name)})` : `${c.file.use('wArrRef')}(S.ref(${str(e.name)}))`;
      return `(${loc} = ${c.file.use('wArr')}(${rw && !SUPERGLOBALS.has(e.name) ? readVar(c, e.name) : loc}))`;
    }
    case 'ArrayDimFetch':
      if (isGlobalsElement(e)) return `${c.file.use('wArrRef')}(${globalRef(c, e)})`;
      if (!e.dim) return `${c.file.use('dimWAppend')}(${writableContainer(c, e.var, rw)})`;
      return `${c.file.use(rw ? 'dimRW' : 'dimW')}(${writableContainer(c, e.var, rw)}, ${expr(c, e.dim)})`;
    case 'PropertyFetch':
      return `${c.file.use('propW')}(${objectForWrite(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
    case 'StaticPropertyFetch':
      return `${c.file.use('wArrRef')}(${c.file.use('staticPropRef')}(${classRefExpr(c, e.cls)}, ${staticPropName(c, e.name)}, ${scopeExpr(c)}))`;
    case 'NullsafePropertyFetch':
    case 'NullsafeMethodCall':
      compileError("Can't use nullsafe operator in write context", e.line);
    default:
      if (isSpecialBuiltinCall(c, e)) compileError('Cannot use result of built-in function in write context', e.line);
      // a call returning by reference: writes go to the referenced location (foo()[0] = 1)
      if (e.kind === 'FuncCall' || e.kind === 'MethodCall' || e.kind === 'StaticCall') return `${c.file.use('wArrCall')}(${expr(c, e)})`;
      // a temporary: writes to it are lost (PHP compiles them the same way)
      return `${c.file.use('wArrTemp')}(${expr(c, e)})`;
  }
}

/** The object of a property write $x->p = v (no auto-vivification in PHP 8). */
export function objectForWrite(c: FnCtx, e: A.Expr): string {
  if (isThis(e)) return thisExpr(c);
  if (e.kind === 'Variable' || e.kind === 'StaticPropertyFetch') return readQuiet(c, e);
  return nestedObjectForWrite(c, e, false) ?? expr(c, e);
}

/**
 * The object of a read-modify-write on a property ($x->p += 1, $x->p++): the base variable is read
 * (with PHP's undefined-variable warning), a nested property or element is fetched for writing.
 */
export function objectForRmw(c: FnCtx, e: A.Expr): string {
  if (isThis(e)) return thisExpr(c);
  return nestedObjectForWrite(c, e, true) ?? expr(c, e);
}

/** The object of unset($x->q->p): $x->q is fetched for unsetting (FETCH_OBJ_UNSET creates a missing q as null). */
function objectForUnset(c: FnCtx, e: A.Expr): string {
  if (e.kind === 'PropertyFetch') return `${c.file.use('propFetchUnset')}(${objectForUnset(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
  return readQuiet(c, e);
}

/** $a[k]->p / $a[]->p / $o->q->p written: the container is fetched for writing (FETCH_DIM_W, FETCH_OBJ_W). */
function nestedObjectForWrite(c: FnCtx, e: A.Expr, rw: boolean): string | null {
  if (e.kind === 'ArrayDimFetch' && !isGlobalsElement(e)) {
    if (!e.dim) return `${c.file.use('dimFetchWAppend')}(${writableContainer(c, e.var)})`;
    return `${c.file.use('dimFetchW')}(${writableContainer(c, e.var)}, ${expr(c, e.dim)})`;
  }
  if (e.kind === 'PropertyFetch') return `${c.file.use('propFetchW')}(${rw ? objectForRmw(c, e.var) : objectForWrite(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
  return null;
}

function dynRef(c: FnCtx, nameExpr: A.Expr): string {
  return `${c.file.use('sref')}(${c.dynamic ? 'S' : 'null'}, ${dynName(c, nameExpr)})`;
}

/** Assigns `value` (a JS expression) to the lvalue e; the JS result is the assigned value. */
/** `castArray`: the value is an (array) cast, which objects keeping their members elsewhere are told of. */
export function assignTo(c: FnCtx, e: A.Expr, value: string, fresh: boolean, castArray = false, kind: StoreKind = 'E'): string {
  const v = fresh ? value : `${c.file.use('share')}(${value})`;
  switch (e.kind) {
    case 'Variable':
      if (typeof e.name === 'string') return writeVar(c, e.name, v, kind);
      return `(${dynRef(c, e.name)}.v = ${v})`;
    case 'ArrayDimFetch':
      if (isGlobalsElement(e)) return `(${globalRef(c, e)}.v = ${v})`;
      return assignDim(c, e, v, castArray);
    case 'PropertyFetch': {
      const site = castArray ? null : propSite(c, e.name);
      if (site) {
        const o = c.temp();
        const t = c.temp();
        return `(${o} = ${objectForWrite(c, e.var)}, ${t} = ${v}, ${inlinePropSet(c, o, site, propName(c, e.name), t, scopeExpr(c))})`;
      }
      if (e.name.kind === 'Variable' && typeof e.name.name === 'string') {
        // $o->$name = v: a variable name is read by ZEND_ASSIGN_OBJ itself, after the value
        const o = c.temp();
        const t = c.temp();
        return `(${o} = ${objectForWrite(c, e.var)}, ${t} = ${v}, ${c.file.use(castArray ? 'propSetCastArray' : 'propSet')}(${o}, ${propName(c, e.name)}, ${t}, ${scopeExpr(c)}${c.file.strictTypes ? ', true' : ''}))`;
      }
      return `${c.file.use(castArray ? 'propSetCastArray' : 'propSet')}(${objectForWrite(c, e.var)}, ${propName(c, e.name)}, ${v}, ${scopeExpr(c)}${c.file.strictTypes ? ', true' : ''})`;
    }
    case 'StaticPropertyFetch':
      if (typeof e.name === 'string') {
        const site = c.file.siteVar('SP', `${c.file.use('newStaticPropSite')}()`);
        return `${c.file.use('spSet')}(${site}, ${classRefExpr(c, e.cls)}, ${str(e.name)}, ${v}, ${scopeExpr(c)}${c.file.strictTypes ? ', true' : ''})`;
      }
      return `${c.file.use('staticPropSet')}(${classRefExpr(c, e.cls)}, ${staticPropName(c, e.name)}, ${v}, ${scopeExpr(c)}${c.file.strictTypes ? ', true' : ''})`;
    case 'ListExpr':
    case 'ArrayLiteral':
      return destructure(c, e as A.ListExpr, value);
    case 'NullsafePropertyFetch':
      compileError("Can't use nullsafe operator in write context", e.line);
    default:
      compileError('Cannot assign to this expression', e.line);
  }
}

function assignDim(c: FnCtx, e: A.ArrayDimFetch, value: string, castArray: boolean): string {
  const base = e.var;
  // key and value are evaluated before the container is fetched for writing (as PHP does)
  const key = e.dim ? exprRaw(c, e.dim) : null;
  if (base.kind === 'Variable' && typeof base.name === 'string' && base.name !== 'this') {
    // a variable holds the container: strings are rebuilt, so the new value is stored back
    const tv = c.temp();
    const tk = key === null ? null : c.temp();
    const pre = tk === null ? `${tv} = ${value}` : `${tk} = ${key}, ${tv} = ${value}`;
    const op = key === null ? `${c.file.use('appendTo')}(CUR, ${tv})` : `${c.file.use(castArray ? 'assignDimCastArrayTo' : 'assignDimTo')}(CUR, ${tk}, ${tv})`;
    const loc = valueLocation(c, base.name);
    if (loc === null) {
      const r = c.temp();
      return `(${pre}, ${r} = S.ref(${str(base.name)}), ${r}.v = ${op.replace('CUR', r + '.v')}, ${tv})`;
    }
    if (tk !== null && !castArray && !c.inlineDims) {
      // an existing element of an unshared array without references is written by dimSet itself
      return `(${pre}, ${loc} = ${c.file.use('dimSet')}(${loc}, ${tk}, ${tv}), ${tv})`;
    }
    if (tk !== null) {
      // an existing element of an unshared array without references is written inline
      const s = c.temp();
      const test = inlineSlotTest(c, loc, isStringKeyLiteral(key!) ? key! : tk, s, true, !exprNeverString(e.dim!, c.neverString));
      return `(${pre}, ${test} ? (${loc}.vals[${s}] = ${tv}) : (${loc} = ${op.replace('CUR', loc)}), ${tv})`;
    }
    return `(${pre}, ${loc} = ${op.replace('CUR', loc)}, ${tv})`;
  }
  if (key === null) return `${c.file.use('appendDim')}(${writableContainer(c, base)}, ${value})`;
  if (!castArray) {
    // the container may hold a string: its new value is stored back where it came from
    if (base.kind === 'ArrayDimFetch' && base.dim && !isGlobalsElement(base)) {
      return `${c.file.use('assignDimIn')}(${writableContainer(c, base.var)}, ${expr(c, base.dim)}, ${key}, ${value})`;
    }
    if (base.kind === 'PropertyFetch') {
      return `${c.file.use('assignDimInProp')}(${objectForWrite(c, base.var)}, ${propName(c, base.name)}, ${scopeExpr(c)}, ${key}, ${value}${c.file.strictTypes ? ', true' : ''})`;
    }
    if (base.kind === 'StaticPropertyFetch') {
      return `${c.file.use('assignDimInRef')}(${c.file.use('staticPropRef')}(${classRefExpr(c, base.cls)}, ${staticPropName(c, base.name)}, ${scopeExpr(c)}), ${key}, ${value})`;
    }
  }
  return `${c.file.use(castArray ? 'assignDimCastArray' : 'assignDim')}(${writableContainer(c, base)}, ${key}, ${value})`;
}

/**
 * The inline test that `arr` (a JS local or `x.v`) is an array without references holding int key
 * `k` (a JS local or int literal), which leaves the element's slot in `s`: packed arrays use the key,
 * hash arrays their direct int index (PhpArray.idx). `unshared` also asks for rc === 0 (a write).
 */
export function inlineSlotTest(c: FnCtx, arr: string, k: string, s: string, unshared: boolean, maybeString = true): string {
  const A = c.file.use('PhpArray');
  const head = `${arr} instanceof ${A}${unshared ? ` && ${arr}.rc === 0` : ''} && !${arr}.hasRefs && `;
  const intSlot = `${arr}.keys === null ? ((${k} | 0) === ${k} && ${k} < ${arr}.vals.length ? ${k} : -1) : ${arr}.idx[${k}]`;
  if (/^\(?-?\d+\)?$/.test(k)) return `${head}(${s} = ${intSlot}) >= 0`;
  if (!maybeString) return `${head}typeof ${k} === "number" && (${s} = ${intSlot}) >= 0`;
  if (isStringKeyLiteral(k)) return `${head}${arr}.map !== null && (${s} = ${arr}.map.get(${k})) !== undefined`;
  // a string key that cannot be numeric (it starts or ends above '9') is its own key: the Map has its slot
  const strSlot = `typeof ${k} === "string" && ${arr}.map !== null && (${k}.charCodeAt(0) > 57 || ${k}.charCodeAt(${k}.length - 1) > 57) ? ${arr}.map.get(${k}) : -1`;
  return `${head}(${s} = typeof ${k} === "number" ? (${intSlot}) : ${strSlot}) >= 0`;
}

/** A JS string literal that PHP keeps as a string key (not a canonical integer like "12"). */
export function isStringKeyLiteral(js: string): boolean {
  if (!/^"(?:[^"\\]|\\.)*"$/.test(js)) return false;
  let v: string;
  try {
    v = JSON.parse(js) as string;
  } catch {
    return false;
  }
  return !/^-?[0-9]/.test(v);
}

/** [$a, 'k' => $b, [$c]] = value */
export function destructure(c: FnCtx, e: A.ListExpr, value: string): string {
  const present = e.items.filter((it) => it !== null);
  if (present.length === 0) compileError('Cannot use empty list', e.line);
  // zend_compile_list_assign: the first entry decides whether the list is keyed
  const keyed = !!present[0]!.key;
  for (const it of e.items) {
    if (it === null) {
      if (keyed) compileError('Cannot use empty array entries in keyed array assignment', e.line);
    } else if (!!it.key !== keyed) compileError('Cannot mix keyed and unkeyed array entries in assignments', e.line);
  }
  const t = c.temp();
  const parts: string[] = [`${t} = ${value}`];
  let i = 0;
  for (const item of e.items) {
    if (!item) {
      i++;
      continue;
    }
    if (item.unpack) compileError('Spread operator is not supported in assignments', item.line);
    const key = item.key ? expr(c, item.key) : String(i++);
    if (item.byRef) {
      parts.push(bindRef(c, item.value, `${c.file.use('listRef')}(${writableTempContainer(c, t)}, ${key})`));
      continue;
    }
    const elem = `${c.file.use('listGet')}(${t}, ${key})`;
    if (item.value.kind === 'ListExpr' || item.value.kind === 'ArrayLiteral') parts.push(destructure(c, item.value as A.ListExpr, elem));
    else {
      // the element (its key) is fetched before the target's own parts are evaluated
      const tv = c.temp();
      parts.push(`${tv} = ${elem}`, assignTo(c, item.value, tv, false));
    }
  }
  parts.push(t);
  return `(${parts.join(', ')})`;
}

function writableTempContainer(_c: FnCtx, t: string): string {
  return t;
}

// ───────────── references ─────────────

/** A JS expression giving the Ref of lvalue e (creating it as PHP does for &$a['x']). */
/** An array literal or a scalar: a temporary that has no location to write through (ZEND_TMP_VAR / CONST). */
function isTempValue(e: A.Expr): boolean {
  return e.kind === 'ArrayLiteral' || e.kind.startsWith('Scalar');
}

export function refOf(c: FnCtx, e: A.Expr): string {
  if (e.kind === 'ArrayDimFetch' && isGlobalsElement(e)) return globalRef(c, e);
  if ((e.kind === 'ArrayDimFetch' || e.kind === 'PropertyFetch') && isTempValue(e.var)) return `${c.file.use('tempWriteError')}()`;
  switch (e.kind) {
    case 'Variable':
      if (typeof e.name === 'string') {
        if (!isRefable(c, e.name)) {
          // not boxed (an unknown callee took it by reference): a temporary Ref, copied back by the caller
          return `new ${c.file.use('Ref')}(${c.file.use('esc')}(${c.varInfo(e.name).js} ?? null))`;
        }
        return refVar(c, e.name);
      }
      return `${c.file.use('srefInit')}(${c.dynamic ? 'S' : 'null'}, ${dynName(c, e.name)})`;
    case 'ArrayDimFetch':
      if (!e.dim) return `${c.file.use('dimRefAppend')}(${writableContainer(c, e.var)})`;
      return `${c.file.use('dimRef')}(${writableContainer(c, e.var)}, ${expr(c, e.dim)})`;
    case 'PropertyFetch':
      return `${c.file.use('propRef')}(${objectForWrite(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
    case 'StaticPropertyFetch':
      return `${c.file.use('staticPropRefW')}(${classRefExpr(c, e.cls)}, ${staticPropName(c, e.name)}, ${scopeExpr(c)})`;
    default:
      // a function call result etc.: a temporary reference (PHP: "Only variables should be assigned by reference")
      return `${c.file.use('tempRef')}(${expr(c, e)})`;
  }
}

/** True when refOf(e) for a plain local needs copying back after the call. */
export function needsCopyBack(c: FnCtx, e: A.Expr): boolean {
  return e.kind === 'Variable' && typeof e.name === 'string' && !isRefable(c, e.name);
}

/** $target = &<ref>: binds target to the Ref given as a JS expression. */
export function bindRef(c: FnCtx, target: A.Expr, ref: string): string {
  switch (target.kind) {
    case 'Variable':
      if (typeof target.name === 'string') return bindVar(c, target.name, ref);
      return `${c.file.use('sbind')}(${c.dynamic ? 'S' : 'null'}, ${dynName(c, target.name)}, ${ref})`;
    case 'ArrayDimFetch':
      if (!target.dim) return `${c.file.use('appendRef')}(${writableContainer(c, target.var)}, ${ref})`;
      return `${c.file.use('setRef')}(${writableContainer(c, target.var)}, ${expr(c, target.dim)}, ${ref})`;
    case 'PropertyFetch':
      return `${c.file.use('propBindRef')}(${objectForWrite(c, target.var)}, ${propName(c, target.name)}, ${ref}, ${scopeExpr(c)})`;
    case 'StaticPropertyFetch':
      return `${c.file.use('staticPropBind')}(${classRefExpr(c, target.cls)}, ${staticPropName(c, target.name)}, ${ref}, ${scopeExpr(c)})`;
    case 'ListExpr':
    case 'ArrayLiteral':
      compileError('Cannot assign reference to non referenceable value', target.line);
    default:
      compileError('Cannot assign reference to non referenceable value', target.line);
  }
}

// ───────────── unset / isset ─────────────

export function unsetOf(c: FnCtx, e: A.Expr): string {
  switch (e.kind) {
    case 'Variable':
      if (typeof e.name === 'string') return unsetVar(c, e.name);
      return `${c.file.use('sunset')}(${c.dynamic ? 'S' : 'null'}, ${dynName(c, e.name)})`;
    case 'ArrayDimFetch':
      if (!e.dim) compileError('Cannot use [] for unsetting', e.line);
      // unset($GLOBALS['x']) unsets the global variable itself
      if (isGlobalsElement(e)) return `rt.globals.unsetExposed(${c.file.use('toStr')}(${expr(c, e.dim)}))`;
      return `${c.file.use('unsetDim')}(${containerForUnset(c, e.var)}, ${expr(c, e.dim)})`;
    case 'PropertyFetch':
      return `${c.file.use('propUnset')}(${objectForUnset(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
    case 'StaticPropertyFetch':
      // ZEND_UNSET_STATIC_PROP: the class is fetched (autoloading), then it's an error
      return `${c.file.use('unsetStaticProp')}(${classRefExpr(c, e.cls)}, ${staticPropName(c, e.name)})`;
    case 'NullsafePropertyFetch':
      compileError("Can't use nullsafe operator in write context", e.line);
    default:
      compileError('Cannot unset expression', e.line);
  }
}

/** The container for unset($a[k]): separated when it is an array, but never created. */
function containerForUnset(c: FnCtx, e: A.Expr): string {
  switch (e.kind) {
    case 'Variable':
      if (typeof e.name === 'string' && e.name !== 'this') {
        const loc = valueLocation(c, e.name);
        // (superglobals always exist; the rest warn when undefined)
        const warnName = e.name === 'GLOBALS' || SUPERGLOBALS.has(e.name) ? '' : `, ${str(e.name)}`;
        if (loc === null) return `${c.file.use('uArrRef')}(S.vars.get(${str(e.name)})${warnName})`;
        return `(${loc} = ${c.file.use('uArr')}(${loc}${warnName}))`;
      }
      return readQuiet(c, e);
    case 'ArrayDimFetch':
      if (!e.dim) compileError('Cannot use [] for unsetting', e.line);
      return `${c.file.use('dimU')}(${containerForUnset(c, e.var)}, ${exprRaw(c, e.dim)})`;
    case 'PropertyFetch':
      return `${c.file.use('propU')}(${readQuiet(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
    case 'StaticPropertyFetch':
      return `${c.file.use('wArrRef')}(${c.file.use('staticPropRef')}(${classRefExpr(c, e.cls)}, ${staticPropName(c, e.name)}, ${scopeExpr(c)}))`;
    default:
      return expr(c, e);
  }
}

export function issetOf(c: FnCtx, e: A.Expr): string {
  switch (e.kind) {
    case 'Variable':
      if (typeof e.name === 'string') {
        if (e.name === 'this') return `(${readVarQuiet(c, 'this')} != null)`;
        return `(${readVarQuiet(c, e.name)} != null)`;
      }
      return `(${readQuiet(c, e)} != null)`;
    case 'ArrayDimFetch':
      if (!e.dim) compileError('Cannot use [] for reading', e.line);
      if (isGlobalsVar(e.var)) return `(${c.file.use('globalGetQuiet')}(${expr(c, e.dim)}) != null)`;
      return `${c.file.use('issetDim')}(${quietContainer(c, e.var)}, ${expr(c, e.dim)})`;
    case 'PropertyFetch': {
      const site = propSite(c, e.name);
      if (site) return `${c.file.use('pisset')}(${site}, ${quietContainer(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
      // a computed name is only turned into a string when there is an object to ask
      if (e.name.kind !== 'Identifier') return `${c.file.use('propIssetDyn')}(${quietContainer(c, e.var)}, ${expr(c, e.name as A.Expr)}, ${scopeExpr(c)})`;
      return `${c.file.use('propIsset')}(${quietContainer(c, e.var)}, ${propName(c, e.name)}, ${scopeExpr(c)})`;
    }
    case 'NullsafePropertyFetch': {
      const t = c.temp();
      return `((${t} = ${quietContainer(c, e.var)}) != null && ${c.file.use('propIsset')}(${t}, ${propName(c, e.name)}, ${scopeExpr(c)}))`;
    }
    case 'StaticPropertyFetch':
      return `(${readQuiet(c, e)} != null)`;
    case 'ClassConstFetch':
    case 'ConstFetch':
    default:
      compileError('Cannot use isset() on the result of an expression (you can use "null !== expression" instead)', e.line);
  }
}

export { isFresh, lineOf };
