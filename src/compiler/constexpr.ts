// Constant expressions (zend_is_allowed_in_const_expr): the initializers of constants, properties,
// parameters, static variables and attribute arguments may only use literals, constants, operators,
// arrays and (where PHP allows it) `new` of a named class.

import type * as A from '../syntax/ast.js';
import { compileError } from './context.js';

const INVALID = 'Constant expression contains invalid operations';

/** Checks e; `allowNew`: `new` is allowed here (not in class constants and property defaults). */
export function checkConstExpr(e: A.Expr, allowNew: boolean): void {
  switch (e.kind) {
    case 'ScalarInt':
    case 'ScalarFloat':
    case 'ScalarString':
    case 'MagicConst':
    case 'ConstFetch':
      return;
    case 'ClassConstFetch':
      if (e.cls.kind !== 'Name') {
        if (e.name.name.toLowerCase() === 'class') compileError('(expression)::class cannot be used in constant expressions', e.line);
        compileError('Dynamic class names are not allowed in compile-time class constant references', e.line);
      }
      if ((e.cls as A.Name).form === 'unqualified' && (e.cls as A.Name).name.toLowerCase() === 'static') {
        compileError(e.name.name.toLowerCase() === 'class' ? 'static::class cannot be used for compile-time class name resolution' : '"static::" is not allowed in compile-time constants', e.line);
      }
      return;
    case 'ArrayLiteral':
      for (const it of e.items) {
        if (it.byRef) compileError(INVALID, it.line);
        if (it.key) checkConstExpr(it.key, allowNew);
        checkConstExpr(it.value, allowNew);
      }
      return;
    case 'BinaryOp':
      checkConstExpr(e.left, allowNew);
      checkConstExpr(e.right, allowNew);
      return;
    case 'UnaryOp':
      checkConstExpr(e.expr, allowNew);
      return;
    case 'Ternary':
      checkConstExpr(e.cond, allowNew);
      if (e.then) checkConstExpr(e.then, allowNew);
      checkConstExpr(e.else, allowNew);
      return;
    case 'PropertyFetch':
    case 'NullsafePropertyFetch':
      // PHP 8.2: enum case properties (Foo::Bar->value) are constant expressions
      checkConstExpr(e.var, allowNew);
      if (e.name.kind !== 'Identifier') checkConstExpr(e.name as A.Expr, allowNew);
      return;
    case 'ArrayDimFetch':
      if (!e.dim) compileError('Cannot use [] for reading', e.line);
      checkConstExpr(e.var, allowNew);
      checkConstExpr(e.dim, allowNew);
      return;
    case 'New':
      if (!allowNew) compileError('New expressions are not supported in this context', e.line);
      if (e.cls.kind === 'ClassLike') compileError('Cannot use anonymous class in constant expression', e.line);
      if (e.cls.kind !== 'Name') compileError('Cannot use dynamic class name in constant expression', e.line);
      if ((e.cls as A.Name).form === 'unqualified' && (e.cls as A.Name).name.toLowerCase() === 'static') compileError('"static" is not allowed in compile-time constants', e.line);
      for (const a of e.args) {
        if (a.unpack) compileError('Argument unpacking in constant expressions is not supported', a.line);
        checkConstExpr(a.value, allowNew);
      }
      return;
  }
  compileError(INVALID, e.line);
}
