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

function checkWrite(e: A.Expr, unset = false): void {
  if (isShortCircuited(e)) compileError("Can't use nullsafe operator in write context", e.line);
  if (isGlobalsVar(e)) compileError(GLOBALS_MODIFIED, e.line);
  if (!unset && e.kind === 'ArrayDimFetch' && e.dim === null && isGlobalsVar(e.var)) compileError('Cannot append to $GLOBALS', e.line);
}

function checkList(l: A.ListExpr | A.ArrayLiteral): void {
  for (const it of l.items) {
    if (!it) continue;
    const v = it.value;
    if (v.kind === 'ListExpr' || (v.kind === 'ArrayLiteral' && (v as A.ArrayLiteral).short)) {
      checkList(v as A.ListExpr);
      continue;
    }
    if (it.byRef && isGlobalsVar(v)) compileError('Cannot assign reference to non referenceable value', v.line);
    if (isShortCircuited(v)) compileError('Assignments can only happen to writable values', v.line);
    checkWrite(v);
  }
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
        if (isList(n.target)) checkList(n.target);
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
      case 'Return':
        if (returnsRef && n.expr && isShortCircuited(n.expr)) compileError('Cannot take reference of a nullsafe chain', n.expr.line);
        break;
    }
    forEachChild(n, visit);
  };
  for (const s of stmts) visit(s);
}
