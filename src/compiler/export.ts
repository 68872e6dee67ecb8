// PHP source regenerated from the AST, as zend_ast_export does it: the message of a failed
// assert() is "assert(<the expression as PHP prints it>)".

import type * as A from '../syntax/ast.js';

/** Binding strength for parenthesising (higher binds tighter), after zend_ast_export's priorities. */
const BINARY_PRIORITY: Record<string, number> = {
  or: 10, xor: 20, and: 30, '??': 110, '||': 120, '&&': 130, '|': 140, '^': 150, '&': 160,
  '==': 170, '!=': 170, '<>': 170, '===': 170, '!==': 170, '<=>': 170,
  '<': 180, '<=': 180, '>': 180, '>=': 180, '<<': 190, '>>': 190, '+': 200, '-': 200, '.': 200,
  '*': 210, '/': 210, '%': 210, '**': 250,
};

function quote(s: string): string {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

function name(n: A.Name): string {
  return (n.form === 'fully' ? '\\' : n.form === 'relative' ? 'namespace\\' : '') + n.name;
}

function classRef(c: A.Name | A.Expr | A.ClassLike): string {
  if (c.kind === 'Name') return name(c as A.Name);
  if (c.kind === 'ClassLike') return 'class';
  return exportExpr(c as A.Expr, 300);
}

function memberName(n: A.Identifier | A.Expr): string {
  return n.kind === 'Identifier' ? (n as A.Identifier).name : '{' + exportExpr(n as A.Expr, 0) + '}';
}

function args(a: A.Args): string {
  if (!Array.isArray(a)) return '...';
  return a.map((x) => (x.name ? x.name.name + ': ' : '') + (x.unpack ? '...' : '') + exportExpr(x.value, 0)).join(', ');
}

function arrayItems(items: (A.ArrayItem | null)[]): string {
  return items
    .map((it) => (it === null ? '' : (it.unpack ? '...' : '') + (it.key ? exportExpr(it.key, 0) + ' => ' : '') + (it.byRef ? '&' : '') + exportExpr(it.value, 0)))
    .join(', ');
}

function wrap(s: string, own: number, outer: number): string {
  return own < outer ? '(' + s + ')' : s;
}

/** The expression as PHP exports it; `outer` is the priority of the surrounding operator. */
export function exportExpr(e: A.Expr, outer = 0): string {
  switch (e.kind) {
    case 'ScalarInt':
      return e.value;
    case 'ScalarFloat':
      return Number.isInteger(e.value) ? e.value.toFixed(1) : String(e.value);
    case 'ScalarString':
      return quote(e.value);
    case 'InterpolatedString':
      return '"' + e.parts.map((p) => (typeof p === 'string' ? p.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : '{' + exportExpr(p, 0) + '}')).join('') + '"';
    case 'MagicConst':
      return e.name;
    case 'Variable':
      return typeof e.name === 'string' ? '$' + e.name : '${' + exportExpr(e.name, 0) + '}';
    case 'ArrayDimFetch':
      return exportExpr(e.var, 300) + '[' + (e.dim ? exportExpr(e.dim, 0) : '') + ']';
    case 'PropertyFetch':
      return exportExpr(e.var, 300) + '->' + memberName(e.name);
    case 'NullsafePropertyFetch':
      return exportExpr(e.var, 300) + '?->' + memberName(e.name);
    case 'StaticPropertyFetch':
      return classRef(e.cls) + '::$' + (typeof e.name === 'string' ? e.name : '{' + exportExpr(e.name, 0) + '}');
    case 'ClassConstFetch':
      return classRef(e.cls) + '::' + e.name.name;
    case 'ConstFetch':
      return name(e.name);
    case 'ArrayLiteral':
      return e.short ? '[' + arrayItems(e.items) + ']' : 'array(' + arrayItems(e.items) + ')';
    case 'ListExpr':
      return '[' + arrayItems(e.items) + ']';
    case 'Assign':
      return wrap(exportExpr(e.target, 90) + ' = ' + exportExpr(e.value, 90), 90, outer);
    case 'AssignRef':
      return wrap(exportExpr(e.target, 90) + ' =& ' + exportExpr(e.value, 90), 90, outer);
    case 'AssignOp':
      return wrap(exportExpr(e.target, 90) + ' ' + e.op + '= ' + exportExpr(e.value, 90), 90, outer);
    case 'BinaryOp': {
      const p = BINARY_PRIORITY[e.op] ?? 100;
      const right = e.op === '**' ? p : p + 1;
      return wrap(exportExpr(e.left, e.op === '**' ? p + 1 : p) + ' ' + e.op + ' ' + exportExpr(e.right, right), p, outer);
    }
    case 'UnaryOp':
      return wrap(e.op + exportExpr(e.expr, 240), 240, outer);
    case 'IncDec': {
      const op = e.inc ? '++' : '--';
      return e.prefix ? op + exportExpr(e.var, 260) : exportExpr(e.var, 260) + op;
    }
    case 'Cast':
      return wrap('(' + (e.type === 'float' ? 'double' : e.type) + ')' + exportExpr(e.expr, 240), 240, outer);
    case 'Isset':
      return 'isset(' + e.vars.map((v) => exportExpr(v, 0)).join(', ') + ')';
    case 'Empty':
      return 'empty(' + exportExpr(e.expr, 0) + ')';
    case 'ErrorSuppress':
      return '@' + exportExpr(e.expr, 240);
    case 'Exit':
      return 'exit' + (e.expr ? '(' + exportExpr(e.expr, 0) + ')' : '');
    case 'Print':
      return wrap('print ' + exportExpr(e.expr, 60), 60, outer);
    case 'Eval':
      return 'eval(' + exportExpr(e.expr, 0) + ')';
    case 'Include':
      return e.type + ' ' + exportExpr(e.expr, 0);
    case 'Instanceof':
      return wrap(exportExpr(e.expr, 230) + ' instanceof ' + classRef(e.cls), 230, outer);
    case 'Clone':
      return 'clone ' + exportExpr(e.expr, 270);
    case 'Ternary':
      return wrap(exportExpr(e.cond, 100) + (e.then ? ' ? ' + exportExpr(e.then, 101) + ' : ' : ' ?: ') + exportExpr(e.else, 101), 100, outer);
    case 'Match':
      return 'match (' + exportExpr(e.cond, 0) + ') {\n' + e.arms.map((a) => '    ' + (a.conds ? a.conds.map((k) => exportExpr(k, 0)).join(', ') : 'default') + ' => ' + exportExpr(a.body, 0) + ',\n').join('') + '}';
    case 'Throw':
      return 'throw ' + exportExpr(e.expr, 0);
    case 'FuncCall':
      return (e.name.kind === 'Name' ? name(e.name as A.Name) : exportExpr(e.name as A.Expr, 300)) + '(' + args(e.args) + ')';
    case 'MethodCall':
      return exportExpr(e.var, 300) + '->' + memberName(e.name) + '(' + args(e.args) + ')';
    case 'NullsafeMethodCall':
      return exportExpr(e.var, 300) + '?->' + memberName(e.name) + '(' + args(e.args) + ')';
    case 'StaticCall':
      return classRef(e.cls) + '::' + memberName(e.name) + '(' + args(e.args) + ')';
    case 'New':
      return 'new ' + classRef(e.cls) + '(' + args(e.args) + ')';
    case 'Closure':
      return (e.static ? 'static ' : '') + 'function (' + e.params.map((p) => '$' + p.name).join(', ') + ') {\n}';
    case 'ArrowFunction':
      return (e.static ? 'static ' : '') + 'fn(' + e.params.map((p) => '$' + p.name).join(', ') + ') => ' + exportExpr(e.expr, 0);
    case 'Yield':
      return 'yield' + (e.value ? ' ' + (e.key ? exportExpr(e.key, 0) + ' => ' : '') + exportExpr(e.value, 0) : '');
    case 'YieldFrom':
      return 'yield from ' + exportExpr(e.expr, 0);
    case 'ShellExec':
      return '`...`';
  }
  return '...';
}
