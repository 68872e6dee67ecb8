// Compile-time checks on what code writes to (zend_compile.c): a nullsafe chain can't be written to or
// referenced, and $GLOBALS can only be changed element by element ($GLOBALS['x'] = ...).

import type * as A from '../syntax/ast.js';
import { compileError } from './context.js';
import { forEachChild } from './analyze.js';

const GLOBALS_MODIFIED = '$GLOBALS can only be modified using the $GLOBALS[$name] = $value syntax';

/** zend_ast_is_short_circuited: does the chain start with a ?-> ? */
export function isShortCircuited(e: A.Expr): boolean {
  switch (e.kind) {
    case 'ArrayDimFetch':
    case 'PropertyFetch':
    case 'MethodCall':
      return isShortCircuited(e.var);
    case 'StaticPropertyFetch':
    case 'StaticCall':
      return e.cls.kind !== 'Name' && isShortCircuited(e.cls as A.Expr);
    case 'NullsafePropertyFetch':
    case 'NullsafeMethodCall':
      return true;
  }
  return false;
}

function isGlobalsVar(e: A.Expr): boolean {
  return e.kind === 'Variable' && e.name === 'GLOBALS';
}

/** zend_compile_var_inner in a write context: a chain of [] and -> must start at something writable. */
function checkWritableBase(e: A.Expr): void {
  let base = e;
  while (base.kind === 'ArrayDimFetch' || base.kind === 'PropertyFetch' || base.kind === 'NullsafePropertyFetch') base = base.var;
  if (base === e) return;
  switch (base.kind) {
    case 'Variable':
    case 'StaticPropertyFetch':
    case 'FuncCall':
    case 'MethodCall':
    case 'NullsafeMethodCall':
    case 'StaticCall':
      return;
  }
  compileError('Cannot use temporary expression in write context', e.line);
}

/** zend_ensure_writable_variable */
function checkWrite(e: A.Expr, unset = false): void {
  if (e.kind === 'FuncCall') compileError("Can't use function return value in write context", e.line);
  if (e.kind === 'MethodCall' || e.kind === 'NullsafeMethodCall' || e.kind === 'StaticCall') compileError("Can't use method return value in write context", e.line);
  if (isShortCircuited(e)) compileError("Can't use nullsafe operator in write context", e.line);
  if (isGlobalsVar(e)) compileError(GLOBALS_MODIFIED, e.line);
  if (!unset && e.kind === 'ArrayDimFetch' && e.dim === null && isGlobalsVar(e.var)) compileError('Cannot append to $GLOBALS', e.line);
  checkWritableBase(e);
}

function checkList(l: A.ListExpr | A.ArrayLiteral): void {
  for (const it of l.items) {
    if (!it) continue;
    const v = it.value;
    // zend_verify_list_assign_target
    if (v.kind === 'ArrayLiteral' && !(v as A.ArrayLiteral).short) compileError('Cannot assign to array(), use [] instead', v.line);
    if (v.kind === 'ListExpr' || v.kind === 'ArrayLiteral') {
      if ((v as A.ListExpr).short !== l.short) compileError('Cannot mix [] and list()', v.line);
      checkList(v as A.ListExpr);
      continue;
    }
    if (it.byRef && isGlobalsVar(v)) compileError('Cannot assign reference to non referenceable value', v.line);
    if (!canWriteTo(v)) compileError('Assignments can only happen to writable values', v.line);
    checkWrite(v);
  }
}

function isVariableOrCall(e: A.Expr): boolean {
  switch (e.kind) {
    case 'Variable':
    case 'ArrayDimFetch':
    case 'PropertyFetch':
    case 'NullsafePropertyFetch':
    case 'StaticPropertyFetch':
    case 'FuncCall':
    case 'MethodCall':
    case 'NullsafeMethodCall':
    case 'StaticCall':
      return true;
  }
  return false;
}

/** zend_can_write_to_variable: what a list() element may assign to. */
function canWriteTo(e: A.Expr): boolean {
  let base = e;
  while (base.kind === 'ArrayDimFetch' || base.kind === 'PropertyFetch') base = base.var;
  return isVariableOrCall(base) && !isShortCircuited(base);
}

/** zend_propagate_list_refs: does the list (or a nested one) take an element by reference? */
function listHasRefs(l: A.ListExpr | A.ArrayLiteral): boolean {
  return l.items.some((it) => it !== null && (it.byRef || (isList(it.value) && listHasRefs(it.value as A.ListExpr))));
}

function checkRefSource(e: A.Expr): void {
  if (isShortCircuited(e)) compileError('Cannot take reference of a nullsafe chain', e.line);
  if (isGlobalsVar(e)) compileError('Cannot acquire reference to $GLOBALS', e.line);
}

function isList(e: A.Expr): boolean {
  return e.kind === 'ListExpr' || (e.kind === 'ArrayLiteral' && (e as A.ArrayLiteral).short);
}

/** Checks a function body (not the functions and classes declared in it: they are checked when compiled). */
export function checkWriteContexts(stmts: A.Stmt[], returnsRef: boolean): void {
  const visit = (n: any): void => {
    switch (n.kind) {
      case 'FunctionDecl':
      case 'ClassLike':
      case 'Closure':
      case 'ArrowFunction':
        return;
      case 'Assign':
        if (isList(n.target)) {
          checkList(n.target);
          if (listHasRefs(n.target)) {
            if (!isVariableOrCall(n.value)) compileError('Cannot assign reference to non referenceable value', n.line);
            if (isShortCircuited(n.value)) compileError('Cannot take reference of a nullsafe chain', n.line);
          }
        }
        else checkWrite(n.target);
        break;
      case 'AssignOp':
        checkWrite(n.target);
        break;
      case 'IncDec':
        checkWrite(n.var);
        break;
      case 'AssignRef':
        checkWrite(n.target);
        checkRefSource(n.value);
        break;
      case 'Unset':
        for (const v of n.vars) checkWrite(v, true);
        break;
      case 'Foreach':
        if (isList(n.value)) checkList(n.value);
        else checkWrite(n.value);
        if (n.key) checkWrite(n.key);
        break;
      case 'MethodCall':
      case 'NullsafeMethodCall':
        if (!Array.isArray(n.args) && isShortCircuited(n)) compileError('Cannot combine nullsafe operator with Closure creation', n.line);
        break;
      case 'Return':
        if (returnsRef && n.expr && isShortCircuited(n.expr)) compileError('Cannot take reference of a nullsafe chain', n.expr.line);
        break;
    }
    forEachChild(n, visit);
  };
  for (const s of stmts) visit(s);
}
