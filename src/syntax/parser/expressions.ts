// Expressions: precedence climbing with PHP's operator table (zend_language_parser.y's %left /
// %right / %nonassoc / %precedence lines), and the `variable` / dereference grammar.
//
// How bison's grammar maps onto this code:
//  - binary operators: parseBinary(minPrec); a right operand is parsed with the operator's
//    precedence (+1 for left-associative ones); %nonassoc operators reject a second operator of the
//    same level ("1 < 2 < 3").
//  - prefix operators (!, casts, print, yield, include, throw, ...) parse their operand with their
//    own precedence, so `!$a instanceof B` is `!($a instanceof B)` and `print 1 and 2` is
//    `(print 1) and 2`.
//  - assignment: the grammar rule is `variable '=' expr`, and '=' never follows an `expr`, so an
//    assignment target binds tighter than any prefix or binary operator: `!$a = f()` is
//    `!($a = f())`. parsePrimary() turns a `variable` followed by an assignment operator into the
//    assignment directly.
//  - dereferencing ([...], ->, ?->, ::, calls) follows the grammar's restrictions: `new Foo->x`,
//    `1[0]` or `__LINE__()` are syntax errors, `"abc"[0]` and `[1][0]` are fine.

import { T } from '../tokens.js';
import type * as A from '../ast.js';
import { Parser, C } from './state.js';
import {
  isIdentifierToken, isNameToken, nameFromToken, parseClassName, parseIdentifier, parseAttributeGroups,
  simpleName, NAME_TOKENS, checkLexTstring,
} from './names_and_types.js';
import { parseClosure, parseArrowFunction } from './functions.js';
import { parseAnonymousClass } from './classes.js';
import {
  parseDoubleQuoted, parseHeredoc, parseBackticks, scalarFromConstantString,
} from './interpolation.js';
import { integerLiteral, floatLiteral } from '../strings.js';

// ───────────────────────────── precedence table ─────────────────────────────

const PREC_THROW = 1;
const PREC_INCLUDE = 3;
const PREC_PRINT = 7;
const PREC_YIELD = 8;
const PREC_DOUBLE_ARROW = 9;
const PREC_YIELD_FROM = 10;
const PREC_ASSIGN = 11;
const PREC_TERNARY = 12;
const PREC_NOT = 25;
const PREC_INSTANCEOF = 26;
const PREC_UNARY = 27;
const PREC_POW = 28;
const PREC_CLONE = 29;

const LEFT = 0;
const RIGHT = 1;
const NONASSOC = 2;

interface BinOp {
  prec: number;
  assoc: number;
  op: string;
}

const BINARY = new Map<number, BinOp>([
  [T.T_LOGICAL_OR, { prec: 4, assoc: LEFT, op: 'or' }],
  [T.T_LOGICAL_XOR, { prec: 5, assoc: LEFT, op: 'xor' }],
  [T.T_LOGICAL_AND, { prec: 6, assoc: LEFT, op: 'and' }],
  [T.T_COALESCE, { prec: 13, assoc: RIGHT, op: '??' }],
  [T.T_BOOLEAN_OR, { prec: 14, assoc: LEFT, op: '||' }],
  [T.T_BOOLEAN_AND, { prec: 15, assoc: LEFT, op: '&&' }],
  [C.Pipe, { prec: 16, assoc: LEFT, op: '|' }],
  [C.Caret, { prec: 17, assoc: LEFT, op: '^' }],
  [T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG, { prec: 18, assoc: LEFT, op: '&' }],
  [T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG, { prec: 18, assoc: LEFT, op: '&' }],
  [T.T_IS_EQUAL, { prec: 19, assoc: NONASSOC, op: '==' }],
  [T.T_IS_NOT_EQUAL, { prec: 19, assoc: NONASSOC, op: '!=' }],
  [T.T_IS_IDENTICAL, { prec: 19, assoc: NONASSOC, op: '===' }],
  [T.T_IS_NOT_IDENTICAL, { prec: 19, assoc: NONASSOC, op: '!==' }],
  [T.T_SPACESHIP, { prec: 19, assoc: NONASSOC, op: '<=>' }],
  [C.Lt, { prec: 20, assoc: NONASSOC, op: '<' }],
  [T.T_IS_SMALLER_OR_EQUAL, { prec: 20, assoc: NONASSOC, op: '<=' }],
  [C.Gt, { prec: 20, assoc: NONASSOC, op: '>' }],
  [T.T_IS_GREATER_OR_EQUAL, { prec: 20, assoc: NONASSOC, op: '>=' }],
  [C.Dot, { prec: 21, assoc: LEFT, op: '.' }],
  [T.T_SL, { prec: 22, assoc: LEFT, op: '<<' }],
  [T.T_SR, { prec: 22, assoc: LEFT, op: '>>' }],
  [C.Plus, { prec: 23, assoc: LEFT, op: '+' }],
  [C.Minus, { prec: 23, assoc: LEFT, op: '-' }],
  [C.Star, { prec: 24, assoc: LEFT, op: '*' }],
  [C.Slash, { prec: 24, assoc: LEFT, op: '/' }],
  [C.Percent, { prec: 24, assoc: LEFT, op: '%' }],
  [T.T_POW, { prec: 28, assoc: RIGHT, op: '**' }],
]);

const ASSIGN_OPS = new Map<number, string>([
  [C.Eq, '='],
  [T.T_PLUS_EQUAL, '+'], [T.T_MINUS_EQUAL, '-'], [T.T_MUL_EQUAL, '*'], [T.T_DIV_EQUAL, '/'],
  [T.T_CONCAT_EQUAL, '.'], [T.T_MOD_EQUAL, '%'], [T.T_POW_EQUAL, '**'], [T.T_AND_EQUAL, '&'],
  [T.T_OR_EQUAL, '|'], [T.T_XOR_EQUAL, '^'], [T.T_SL_EQUAL, '<<'], [T.T_SR_EQUAL, '>>'],
  [T.T_COALESCE_EQUAL, '??'],
]);

const CASTS = new Map<number, A.Cast["type"]>([
  [T.T_INT_CAST, 'int'], [T.T_DOUBLE_CAST, 'float'], [T.T_STRING_CAST, 'string'], [T.T_BOOL_CAST, 'bool'],
  [T.T_ARRAY_CAST, 'array'], [T.T_OBJECT_CAST, 'object'], [T.T_UNSET_CAST, 'unset'],
]);

const MAGIC = new Map<number, A.MagicConst["name"]>([
  [T.T_LINE, '__LINE__'], [T.T_FILE, '__FILE__'], [T.T_DIR, '__DIR__'], [T.T_FUNC_C, '__FUNCTION__'],
  [T.T_CLASS_C, '__CLASS__'], [T.T_TRAIT_C, '__TRAIT__'], [T.T_METHOD_C, '__METHOD__'], [T.T_NS_C, '__NAMESPACE__'],
]);

const INCLUDES = new Map<number, A.Include["type"]>([
  [T.T_INCLUDE, 'include'], [T.T_INCLUDE_ONCE, 'include_once'], [T.T_REQUIRE, 'require'], [T.T_REQUIRE_ONCE, 'require_once'],
]);

/** After a `variable` where only a variable may stand, bison's state expects a dereference. */
export const EXPECT_DEREF: readonly number[] = [T.T_OBJECT_OPERATOR, T.T_NULLSAFE_OBJECT_OPERATOR, C.LBrace, C.LBracket];

/** Tokens that can start an expression (to know whether `yield` has an operand). */
export function startsExpr(id: number): boolean {
  switch (id) {
    case T.T_VARIABLE: case C.Dollar: case T.T_STRING: case T.T_NAME_QUALIFIED: case T.T_NAME_FULLY_QUALIFIED:
    case T.T_NAME_RELATIVE: case T.T_STATIC: case C.LParen: case C.LBracket: case T.T_ARRAY: case T.T_LIST:
    case T.T_CONSTANT_ENCAPSED_STRING: case C.DQuote: case T.T_START_HEREDOC: case C.Backtick:
    case T.T_LNUMBER: case T.T_DNUMBER: case T.T_NEW: case T.T_CLONE: case T.T_ISSET: case T.T_EMPTY:
    case T.T_EVAL: case T.T_EXIT: case T.T_FUNCTION: case T.T_FN: case T.T_ATTRIBUTE: case T.T_MATCH:
    case T.T_INC: case T.T_DEC: case C.Bang: case C.Tilde: case C.Minus: case C.Plus: case C.At:
    case T.T_PRINT: case T.T_YIELD: case T.T_YIELD_FROM: case T.T_THROW: case T.T_INCLUDE:
    case T.T_INCLUDE_ONCE: case T.T_REQUIRE: case T.T_REQUIRE_ONCE: case T.T_READONLY:
      return true;
    default:
      return CASTS.has(id) || MAGIC.has(id);
  }
}

// ───────────────────────────── entry points ─────────────────────────────

export function parseExpr(p: Parser): A.Expr {
  return parseBinary(p, 0);
}

/** optional_expr before a known terminator. */
export function parseOptionalExpr(p: Parser): A.Expr | null {
  return startsExpr(p.id()) ? parseExpr(p) : null;
}

/** `variable` kinds of node (when not parenthesized): what may be assigned, referenced, unset. */
export function isVariable(p: Parser, e: A.Expr): boolean {
  switch (e.kind) {
    case 'Variable': case 'ArrayDimFetch': case 'PropertyFetch': case 'NullsafePropertyFetch':
    case 'StaticPropertyFetch': case 'FuncCall': case 'MethodCall': case 'NullsafeMethodCall': case 'StaticCall':
      return !p.parenthesized.has(e);
    default:
      return false;
  }
}

// ───────────────────────────── binary operators ─────────────────────────────

export function parseBinary(p: Parser, minPrec: number): A.Expr {
  p.enter(2);
  let left = parseUnary(p);
  for (;;) {
    const id = p.id();
    if (id === C.Question) {
      if (PREC_TERNARY < minPrec) break;
      left = parseTernaryRest(p, left);
      continue;
    }
    if (id === T.T_INSTANCEOF) {
      if (PREC_INSTANCEOF < minPrec) break;
      p.advance();
      const cls = parseClassNameReference(p);
      left = { kind: 'Instanceof', line: left.line, expr: left, cls };
      continue;
    }
    const op = BINARY.get(id);
    if (op === undefined || op.prec < minPrec) break;
    p.advance();
    const right = parseBinary(p, op.assoc === RIGHT ? op.prec : op.prec + 1);
    left = { kind: 'BinaryOp', line: left.line, op: op.op, left, right };
    if (op.assoc === NONASSOC) {
      const next = BINARY.get(p.id());
      if (next !== undefined && next.prec === op.prec) p.syntaxError(null);
    }
  }
  p.leave(2);
  return left;
}

function parseTernaryRest(p: Parser, cond: A.Expr): A.Ternary {
  p.advance(); // ?
  let then: A.Expr | null = null;
  if (!p.accept(C.Colon)) {
    then = parseExpr(p);
    p.expect(C.Colon, null);
  }
  const els = parseBinary(p, PREC_TERNARY + 1);
  checkNestedTernary(p, cond, then !== null);
  return { kind: 'Ternary', line: cond.line, cond, then, else: els };
}

/** PHP 8 rejects unparenthesized nested ternaries (zend_compile_conditional). */
function checkNestedTernary(p: Parser, cond: A.Expr, hasThen: boolean): void {
  if (cond.kind !== 'Ternary' || p.parenthesized.has(cond)) return;
  let msg: string | null = null;
  if (cond.then !== null) {
    msg = hasThen
      ? 'Unparenthesized `a ? b : c ? d : e` is not supported. Use either `(a ? b : c) ? d : e` or `a ? b : (c ? d : e)`'
      : 'Unparenthesized `a ? b : c ?: d` is not supported. Use either `(a ? b : c) ?: d` or `a ? b : (c ?: d)`';
  } else if (hasThen) {
    msg = 'Unparenthesized `a ?: b ? c : d` is not supported. Use either `(a ?: b) ? c : d` or `a ?: (b ? c : d)`';
  }
  if (msg) p.deferCompileError(msg, cond.line);
}

// ───────────────────────────── prefix operators ─────────────────────────────

function parseUnary(p: Parser): A.Expr {
  const t = p.cur();
  const id = t.id;
  const line = t.line;
  switch (id) {
    case C.Bang:
      p.advance();
      return { kind: 'UnaryOp', line, op: '!', expr: parseBinary(p, PREC_NOT + 1) };
    case C.Tilde:
    case C.Minus:
    case C.Plus:
      p.advance();
      return { kind: 'UnaryOp', line, op: t.text, expr: parseBinary(p, PREC_UNARY + 1) };
    case C.At:
      p.advance();
      return { kind: 'ErrorSuppress', line, expr: parseBinary(p, PREC_UNARY + 1) };
    case T.T_CLONE:
      p.advance();
      return { kind: 'Clone', line, expr: parseBinary(p, PREC_CLONE + 1) };
    case T.T_PRINT:
      p.advance();
      return { kind: 'Print', line, expr: parseBinary(p, PREC_PRINT + 1) };
    case T.T_YIELD:
      return parseYield(p);
    case T.T_YIELD_FROM:
      p.advance();
      return { kind: 'YieldFrom', line, expr: parseBinary(p, PREC_YIELD_FROM + 1) };
    case T.T_THROW:
      p.advance();
      return { kind: 'Throw', line, expr: parseBinary(p, PREC_THROW + 1) };
    case T.T_INC:
    case T.T_DEC: {
      p.advance();
      const v = parseVariable(p, null);
      return { kind: 'IncDec', line, inc: id === T.T_INC, prefix: true, var: v };
    }
  }
  const cast = CASTS.get(id);
  if (cast !== undefined) {
    p.advance();
    const as = castKeyword(t.text);
    return { kind: 'Cast', line, type: cast, as, expr: parseBinary(p, PREC_UNARY + 1) };
  }
  const inc = INCLUDES.get(id);
  if (inc !== undefined) {
    p.advance();
    return { kind: 'Include', line, type: inc, expr: parseBinary(p, PREC_INCLUDE + 1) };
  }
  return parsePrimary(p);
}

/** "(integer)" → "integer": the cast keyword as written, lowercased, without blanks. */
function castKeyword(text: string): string {
  return text.replace(/[()\s]/g, '').toLowerCase();
}

function parseYield(p: Parser): A.Expr {
  const line = p.advance().line;
  if (!startsExpr(p.id())) return { kind: 'Yield', line, key: null, value: null };
  let value = parseBinary(p, PREC_YIELD + 1);
  let key: A.Expr | null = null;
  if (p.id() === T.T_DOUBLE_ARROW) {
    p.advance();
    key = value;
    value = parseBinary(p, PREC_DOUBLE_ARROW + 1);
  }
  return { kind: 'Yield', line, key, value };
}

// ───────────────────────────── primary expressions ─────────────────────────────

/** What a dereference chain may continue with (the grammar's fully_dereferenceable & co). */
const enum K {
  /** `variable`: all dereferences and calls */
  Var,
  /** '(' expr ')' */
  Paren,
  /** dereferenceable_scalar: array literal, quoted string */
  DScalar,
  /** class_constant: [ -> ?-> :: but no call */
  ClassConst,
  /** constant (a name or magic constant): [ -> ?-> only */
  Const,
}

function parsePrimary(p: Parser): A.Expr {
  const t = p.cur();
  const line = t.line;
  switch (t.id) {
    case T.T_LNUMBER: {
      p.advance();
      const v = integerLiteral(t.text);
      return 'int' in v ? { kind: 'ScalarInt', line, value: v.int } : { kind: 'ScalarFloat', line, value: v.float };
    }
    case T.T_DNUMBER:
      p.advance();
      return { kind: 'ScalarFloat', line, value: floatLiteral(t.text) };
    case T.T_START_HEREDOC:
      return parseHeredoc(p);
    case C.Backtick:
      return parseBackticks(p);
    case T.T_NEW:
      return parseNew(p);
    case T.T_LIST:
      return parseListAssignment(p);
    case C.LBracket: {
      const arr = parseArrayLiteral(p);
      if (p.id() === C.Eq) return parseListAssignmentRest(p, toListExpr(p, arr));
      return finishChain(p, parseChain(p, arr, K.DScalar));
    }
    case T.T_ISSET:
      return parseIsset(p);
    case T.T_EMPTY: {
      p.advance();
      p.expect(C.LParen);
      const e = parseExpr(p);
      p.expect(C.RParen, null);
      return { kind: 'Empty', line, expr: e };
    }
    case T.T_EVAL: {
      p.advance();
      p.expect(C.LParen);
      const e = parseExpr(p);
      p.expect(C.RParen, null);
      return { kind: 'Eval', line, expr: e };
    }
    case T.T_EXIT: {
      p.advance();
      let e: A.Expr | null = null;
      if (p.accept(C.LParen)) {
        e = parseOptionalExpr(p);
        p.expect(C.RParen);
      }
      return { kind: 'Exit', line, expr: e };
    }
    case T.T_FUNCTION:
      return parseClosure(p, false, []);
    case T.T_FN:
      return parseArrowFunction(p, false, []);
    case T.T_ATTRIBUTE: {
      const attrs = parseAttributeGroups(p);
      let isStatic = false;
      if (p.id() === T.T_STATIC) {
        p.advance();
        isStatic = true;
        if (p.id() !== T.T_FUNCTION && p.id() !== T.T_FN) p.syntaxError([T.T_FUNCTION, T.T_FN]);
      }
      if (p.id() === T.T_FUNCTION) return parseClosure(p, isStatic, attrs);
      if (p.id() === T.T_FN) return parseArrowFunction(p, isStatic, attrs);
      p.syntaxError([T.T_FUNCTION, T.T_FN, T.T_STATIC, T.T_ATTRIBUTE]);
    }
    // falls through (unreachable)
    case T.T_MATCH:
      return parseMatch(p);
    case T.T_STATIC: {
      const next = p.peekId(1);
      if (next === T.T_FUNCTION) {
        p.advance();
        return parseClosure(p, true, []);
      }
      if (next === T.T_FN) {
        p.advance();
        return parseArrowFunction(p, true, []);
      }
      break;
    }
  }
  const base = parseChainStart(p);
  if (base === null) p.syntaxError(null);
  return finishChain(p, base);
}

/** A `variable` may be followed by an assignment operator or a postfix ++/--. */
function finishChain(p: Parser, e: A.Expr): A.Expr {
  if (!isVariable(p, e)) return e;
  const id = p.id();
  if (id === T.T_INC || id === T.T_DEC) {
    p.advance();
    return { kind: 'IncDec', line: e.line, inc: id === T.T_INC, prefix: false, var: e };
  }
  const op = ASSIGN_OPS.get(id);
  if (op === undefined) return e;
  p.advance();
  if (op === '=') {
    if (p.id() === T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG || p.id() === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG) {
      p.advance();
      const value = parseVariable(p, null);
      return { kind: 'AssignRef', line: e.line, target: e, value };
    }
    const value = parseBinary(p, PREC_ASSIGN + 1);
    return { kind: 'Assign', line: e.line, target: e, value };
  }
  const value = parseBinary(p, PREC_ASSIGN + 1);
  return { kind: 'AssignOp', line: e.line, op, target: e, value };
}

/**
 * The start of a dereference chain and the chain itself: simple variables, names (constants,
 * function calls, class references), `static::`, parenthesized expressions, array literals, quoted
 * strings and magic constants. Returns null when the current token cannot start one.
 */
function parseChainStart(p: Parser): A.Expr | null {
  const t = p.cur();
  const line = t.line;
  switch (t.id) {
    case T.T_VARIABLE:
    case C.Dollar:
      return parseChain(p, parseSimpleVariable(p), K.Var);
    case T.T_STRING:
    case T.T_NAME_QUALIFIED:
    case T.T_NAME_FULLY_QUALIFIED:
    case T.T_NAME_RELATIVE: {
      p.advance();
      const name = nameFromToken(t);
      if (p.id() === C.LParen) {
        const args = parseArgumentList(p);
        return parseChain(p, { kind: 'FuncCall', line, name, args }, K.Var);
      }
      if (p.id() === T.T_DOUBLE_COLON) return parseStaticMember(p, name);
      return parseChain(p, { kind: 'ConstFetch', line, name }, K.Const);
    }
    case T.T_STATIC: {
      p.advance();
      if (p.id() !== T.T_DOUBLE_COLON) p.syntaxError([T.T_DOUBLE_COLON]);
      return parseStaticMember(p, simpleName(t.text, line));
    }
    case T.T_READONLY: {
      // `readonly(...)` is still a function call (function_call: T_READONLY argument_list).
      p.advance();
      if (p.id() !== C.LParen) p.syntaxError([C.LParen]);
      const args = parseArgumentList(p);
      return parseChain(p, { kind: 'FuncCall', line, name: simpleName(t.text, line), args }, K.Var);
    }
    case C.LParen: {
      p.advance();
      const e = parseExpr(p);
      p.expect(C.RParen, null);
      p.parenthesized.add(e);
      return parseChain(p, e, K.Paren);
    }
    case C.LBracket:
      return parseChain(p, parseArrayLiteral(p), K.DScalar);
    case T.T_ARRAY: {
      p.advance();
      if (p.id() !== C.LParen) p.syntaxError([C.LParen]);
      return parseChain(p, parseArrayBody(p, line, false), K.DScalar);
    }
    case T.T_CONSTANT_ENCAPSED_STRING:
      p.advance();
      return parseChain(p, scalarFromConstantString(p, t), K.DScalar);
    case C.DQuote:
      return parseChain(p, parseDoubleQuoted(p), K.DScalar);
  }
  const magic = MAGIC.get(t.id);
  if (magic !== undefined) {
    p.advance();
    return parseChain(p, { kind: 'MagicConst', line, name: magic }, K.Const);
  }
  return null;
}

/** simple_variable: T_VARIABLE | '$' '{' expr '}' | '$' simple_variable */
export function parseSimpleVariable(p: Parser): A.Variable {
  const t = p.cur();
  if (t.id === T.T_VARIABLE) {
    p.advance();
    return { kind: 'Variable', line: t.line, name: t.text.slice(1) };
  }
  if (t.id !== C.Dollar) p.syntaxError([T.T_VARIABLE, C.Dollar]);
  p.advance();
  if (p.id() === C.LBrace) {
    p.advance();
    const e = parseExpr(p);
    p.expect(C.RBrace, null);
    return { kind: 'Variable', line: t.line, name: e };
  }
  if (p.id() !== T.T_VARIABLE && p.id() !== C.Dollar) p.syntaxError([T.T_VARIABLE, C.LBrace, C.Dollar]);
  p.enter(2);
  const inner = parseSimpleVariable(p);
  p.leave(2);
  return { kind: 'Variable', line: t.line, name: inner };
}

function parseChain(p: Parser, node: A.Expr, kind: K): A.Expr {
  for (;;) {
    const t = p.cur();
    switch (t.id) {
      case C.LBracket: {
        p.advance();
        const dim = p.id() === C.RBracket ? null : parseOptionalExpr(p);
        p.expect(C.RBracket);
        node = { kind: 'ArrayDimFetch', line: node.line, var: node, dim };
        kind = K.Var;
        continue;
      }
      case C.LBrace: {
        p.advance();
        const dim = parseExpr(p);
        p.expect(C.RBrace, null);
        node = { kind: 'ArrayDimFetch', line: node.line, var: node, dim };
        p.deferCompileError('Array and string offset access syntax with curly braces is no longer supported', node.line);
        kind = K.Var;
        continue;
      }
      case T.T_OBJECT_OPERATOR:
      case T.T_NULLSAFE_OBJECT_OPERATOR: {
        p.advance();
        const name = parsePropertyName(p);
        const nullsafe = t.id === T.T_NULLSAFE_OBJECT_OPERATOR;
        if (p.id() === C.LParen) {
          const args = parseArgumentList(p);
          // php-src reports a method call on the line of its name (a chain split over lines)
          const line = (name as { line?: number }).line || t.line;
          node = nullsafe
            ? { kind: 'NullsafeMethodCall', line, var: node, name, args }
            : { kind: 'MethodCall', line, var: node, name, args };
        } else {
          node = nullsafe
            ? { kind: 'NullsafePropertyFetch', line: node.line, var: node, name }
            : { kind: 'PropertyFetch', line: node.line, var: node, name };
        }
        kind = K.Var;
        continue;
      }
      case T.T_DOUBLE_COLON:
        if (kind === K.Const) return node;
        return parseStaticMember(p, node);
      case C.LParen: {
        if (kind === K.ClassConst || kind === K.Const) return node;
        const args = parseArgumentList(p);
        node = { kind: 'FuncCall', line: node.line, name: node, args };
        kind = K.Var;
        continue;
      }
      default:
        return node;
    }
  }
}

/** property_name: T_STRING | '{' expr '}' | simple_variable */
function parsePropertyName(p: Parser): A.Identifier | A.Expr {
  const t = p.cur();
  if (t.id === T.T_STRING) {
    p.advance();
    return { kind: 'Identifier', line: t.line, name: t.text };
  }
  if (t.id === C.LBrace) {
    p.advance();
    const e = parseExpr(p);
    p.expect(C.RBrace, null);
    return e;
  }
  if (t.id === T.T_VARIABLE || t.id === C.Dollar) return parseSimpleVariable(p);
  return p.syntaxError([T.T_STRING, T.T_VARIABLE, C.LBrace, C.Dollar]);
}

/**
 * After `cls` and `::`: a static property (simple_variable), a static call (member_name followed
 * by arguments) or a class constant (identifier, including `class`).
 */
function parseStaticMember(p: Parser, cls: A.Name | A.Expr): A.Expr {
  p.advance(); // ::
  const line = cls.line;
  const t = p.cur();
  if (t.id === T.T_VARIABLE || t.id === C.Dollar) {
    const v = parseSimpleVariable(p);
    if (p.id() === C.LParen) {
      const args = parseArgumentList(p);
      return parseChain(p, { kind: 'StaticCall', line, cls, name: v, args }, K.Var);
    }
    return parseChain(p, { kind: 'StaticPropertyFetch', line, cls, name: v.name }, K.Var);
  }
  if (t.id === C.LBrace) {
    p.advance();
    const e = parseExpr(p);
    p.expect(C.RBrace, null);
    if (p.id() !== C.LParen) p.syntaxError([C.LParen]);
    const args = parseArgumentList(p);
    return parseChain(p, { kind: 'StaticCall', line, cls, name: e, args }, K.Var);
  }
  if (!isIdentifierToken(t.id)) p.syntaxError(null);
  checkLexTstring(p, t);
  p.advance();
  const name: A.Identifier = { kind: 'Identifier', line: t.line, name: t.text };
  if (p.id() === C.LParen) {
    const args = parseArgumentList(p);
    return parseChain(p, { kind: 'StaticCall', line, cls, name, args }, K.Var);
  }
  return parseChain(p, { kind: 'ClassConstFetch', line, cls, name }, K.ClassConst);
}

/**
 * A `variable` where only a variable may stand (++/--, `= &`, foreach targets, unset, `&` in
 * arrays). `afterExpected` is bison's list when the variable is not followed by one of `follow`.
 */
export function parseVariable(p: Parser, follow: readonly number[] | null): A.Expr {
  const base = parseChainStart(p);
  if (base === null) return p.syntaxError(null);
  if (!isVariable(p, base)) p.syntaxError(EXPECT_DEREF);
  if (follow !== null && !follow.includes(p.id())) p.syntaxError(EXPECT_DEREF);
  return base;
}

// ───────────────────────────── arguments ─────────────────────────────

/** argument_list: '(' ')' | '(' arguments ','? ')' | '(' '...' ')' */
export function parseArgumentList(p: Parser): A.Args {
  const open = p.expect(C.LParen);
  if (p.accept(C.RParen)) return [];
  if (p.id() === T.T_ELLIPSIS && p.peekId(1) === C.RParen) {
    p.advance();
    p.advance();
    return { kind: 'VariadicPlaceholder', line: open.line };
  }
  const args: A.Arg[] = [];
  let named = false;
  let unpacked = false;
  for (;;) {
    const t = p.cur();
    let arg: A.Arg;
    if (t.id === T.T_ELLIPSIS) {
      p.advance();
      if (named) p.deferCompileError('Cannot use argument unpacking after named arguments', open.line);
      unpacked = true;
      arg = { kind: 'Arg', line: t.line, value: parseExpr(p), unpack: true, name: null };
    } else if (isIdentifierToken(t.id) && (p.peekId(1) === C.Colon || !startsExpr(t.id))) {
      // a keyword that cannot start an expression can only be a named argument's name
      const name = parseIdentifier(p);
      p.expect(C.Colon);
      named = true;
      arg = { kind: 'Arg', line: t.line, value: parseExpr(p), unpack: false, name };
    } else {
      if (unpacked) p.deferCompileError('Cannot use positional argument after argument unpacking', open.line);
      else if (named) p.deferCompileError('Cannot use positional argument after named argument', open.line);
      arg = { kind: 'Arg', line: t.line, value: parseArgumentExpr(p), unpack: false, name: null };
    }
    args.push(arg);
    if (p.id() === C.Comma) {
      p.advance();
      if (p.id() === C.RParen) break;
      // after ',' bison reduces the optional trailing comma when no argument can start: ')' expected
      if (!startsExpr(p.id()) && p.id() !== T.T_ELLIPSIS && !isIdentifierToken(p.id())) p.syntaxError([C.RParen]);
      continue;
    }
    break;
  }
  p.expect(C.RParen);
  return args;
}

/**
 * Keywords that start an expression are also identifiers (named arguments, `new: 1`). In bison's
 * state after such a keyword at the start of an argument, reducing it to an identifier is the
 * default action: a token that cannot follow the keyword gives "expecting ':'".
 */
const KEYWORD_ARG_STARTS: ReadonlySet<number> = new Set<number>([
  T.T_NEW, T.T_CLONE, T.T_PRINT, T.T_THROW, T.T_INCLUDE, T.T_INCLUDE_ONCE, T.T_REQUIRE, T.T_REQUIRE_ONCE,
  T.T_EVAL, T.T_ISSET, T.T_EMPTY, T.T_LIST, T.T_ARRAY, T.T_MATCH, T.T_STATIC, T.T_READONLY,
]);

function parseArgumentExpr(p: Parser): A.Expr {
  const start = p.i;
  if (!KEYWORD_ARG_STARTS.has(p.id())) return parseExpr(p);
  p.lastSyntaxErrorAt = -1;
  try {
    return parseExpr(p);
  } catch (e) {
    if (p.lastSyntaxErrorAt === start + 1 && p.i === start + 1) {
      p.syntaxError([C.Colon]);
    }
    throw e;
  }
}

// ───────────────────────────── arrays and lists ─────────────────────────────

/** Items of array literals as parsed, before we know whether the array is a destructuring target. */
const rawItems = new WeakMap<A.ArrayLiteral, (A.ArrayItem | null)[]>();
/** Arrays holding (directly or in nested arrays) a leading-hole error whose line follows the outer array. */
const leadingHole = new WeakMap<A.ArrayLiteral, A.ArrayLiteral[]>();
/** The line PHP's AST gives an array literal: its first element's (an element's is its value's). */
const arrayLines = new WeakMap<A.ArrayLiteral, number>();

function phpLineOf(e: A.Expr): number {
  return e.kind === 'ArrayLiteral' ? arrayLines.get(e) ?? e.line : e.line;
}

function parseArrayLiteral(p: Parser): A.ArrayLiteral {
  const line = p.cur().line;
  return parseArrayBody(p, line, true);
}

/** '[' array_pair_list ']' or (after `array`) '(' array_pair_list ')'. */
function parseArrayBody(p: Parser, line: number, short: boolean): A.ArrayLiteral {
  const holeLines: number[] = [];
  const raw = parseArrayPairList(p, short ? C.RBracket : C.RParen, holeLines);
  const items: A.ArrayItem[] = [];
  for (const it of raw) if (it) items.push(it);
  const node: A.ArrayLiteral = { kind: 'ArrayLiteral', line, items, short };
  rawItems.set(node, raw);
  // PHP's line for the array: its first element's, or where the first ',' was read.
  const phpLine = raw.length > 0 && raw[0] ? phpLineOf(raw[0].value) : holeLines.length > 0 ? holeLines[0] : line;
  arrayLines.set(node, phpLine);
  const hole = raw.indexOf(null);
  if (hole >= 0) {
    // zend_try_ct_eval_array reports it at the line of the last element before the hole; for a
    // leading hole, at the line of the expression being compiled (an enclosing array's, if any).
    const errLine = hole > 0 ? phpLineOf(raw[hole - 1]!.value) : phpLine;
    p.deferCompileError('Cannot use empty array elements in arrays', errLine, node);
  }
  const pending: A.ArrayLiteral[] = hole === 0 ? [node] : [];
  for (const it of raw) {
    const v = it?.value;
    const inner = v && v.kind === 'ArrayLiteral' ? leadingHole.get(v) : undefined;
    if (inner) {
      for (const a of inner) p.setDeferredLine(a, phpLine);
      pending.push(...inner);
    }
  }
  if (pending.length) leadingHole.set(node, pending);
  return node;
}

/**
 * array_pair_list after its opening token: comma-separated possible_array_pair, where a single
 * trailing empty element is dropped (zend_ast_list_rtrim).
 */
export function parseArrayPairList(p: Parser, close: number, holeLines?: number[]): (A.ArrayItem | null)[] {
  p.advance(); // [ or (
  const items: (A.ArrayItem | null)[] = [];
  for (;;) {
    const id = p.id();
    if (id === C.Comma || id === close) {
      items.push(null);
      holeLines?.push(p.cur().line);
    }
    else if (startsExpr(id) || isAmpersand(id) || id === T.T_ELLIPSIS) items.push(parseArrayPair(p));
    else p.syntaxError([close]);
    if (p.id() === C.Comma) {
      p.advance();
      continue;
    }
    break;
  }
  p.expect(close);
  if (items.length > 0 && items[items.length - 1] === null) items.pop();
  return items;
}

function isAmpersand(id: number): boolean {
  return id === T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG || id === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG;
}

/** array_pair: expr ['=>' expr] | [expr '=>'] '&' variable | '...' expr | [expr '=>'] list(...) */
function parseArrayPair(p: Parser): A.ArrayItem {
  const t = p.cur();
  const line = t.line;
  const refFollow = [C.Comma, C.RBracket, C.RParen];
  if (isAmpersand(t.id)) {
    p.advance();
    const value = parseVariable(p, refFollow);
    return { kind: 'ArrayItem', line, key: null, value, byRef: true, unpack: false };
  }
  if (t.id === T.T_ELLIPSIS) {
    p.advance();
    return { kind: 'ArrayItem', line, key: null, value: parseExpr(p), byRef: false, unpack: true };
  }
  if (t.id === T.T_LIST) {
    return { kind: 'ArrayItem', line, key: null, value: parseNestedList(p), byRef: false, unpack: false };
  }
  const first = parseExpr(p);
  if (p.id() !== T.T_DOUBLE_ARROW) return { kind: 'ArrayItem', line, key: null, value: first, byRef: false, unpack: false };
  p.advance();
  if (isAmpersand(p.id())) {
    p.advance();
    const value = parseVariable(p, refFollow);
    return { kind: 'ArrayItem', line, key: first, value, byRef: true, unpack: false };
  }
  if (p.id() === T.T_LIST) {
    return { kind: 'ArrayItem', line, key: first, value: parseNestedList(p), byRef: false, unpack: false };
  }
  return { kind: 'ArrayItem', line, key: first, value: parseExpr(p), byRef: false, unpack: false };
}

/** T_LIST '(' array_pair_list ')' as a list item. */
function parseNestedList(p: Parser): A.ListExpr {
  const line = p.advance().line;
  if (p.id() !== C.LParen) p.syntaxError([C.LParen]);
  return listFromItems(p, parseArrayPairList(p, C.RParen), line, false);
}

function listFromItems(p: Parser, raw: (A.ArrayItem | null)[], line: number, short: boolean): A.ListExpr {
  return { kind: 'ListExpr', line, items: raw.map((it) => (it ? listItem(p, it) : null)), short };
}

/** In a destructuring target, nested short arrays are lists too (array() ones stay, for PHP's error). */
function listItem(p: Parser, it: A.ArrayItem): A.ArrayItem {
  const v = it.value;
  if (v.kind === 'ArrayLiteral' && v.short && !p.parenthesized.has(v)) {
    return { ...it, value: toListExpr(p, v) };
  }
  return it;
}

/** An array literal that turns out to be a destructuring target becomes a ListExpr. */
export function toListExpr(p: Parser, arr: A.ArrayLiteral): A.ListExpr {
  p.cancelDeferred(arr);
  const raw = rawItems.get(arr) ?? arr.items;
  return listFromItems(p, raw, arr.line, arr.short);
}

/** `list(...) = expr` */
function parseListAssignment(p: Parser): A.Expr {
  const line = p.advance().line;
  if (p.id() !== C.LParen) p.syntaxError([C.LParen]);
  const list = listFromItems(p, parseArrayPairList(p, C.RParen), line, false);
  if (p.id() !== C.Eq) p.syntaxError([C.Eq]);
  return parseListAssignmentRest(p, list);
}

function parseListAssignmentRest(p: Parser, list: A.ListExpr): A.Assign {
  p.advance(); // =
  const value = parseBinary(p, PREC_ASSIGN + 1);
  return { kind: 'Assign', line: list.line, target: list, value };
}

/** foreach_variable: variable | '&' variable | list(...) | [...] */
export function parseForeachTarget(p: Parser, follow: readonly number[]): { expr: A.Expr; byRef: boolean } {
  const t = p.cur();
  if (isAmpersand(t.id)) {
    p.advance();
    return { expr: parseVariable(p, follow), byRef: true };
  }
  if (t.id === T.T_LIST) {
    return { expr: parseNestedList(p), byRef: false };
  }
  if (t.id === C.LBracket) {
    const raw = parseArrayPairList(p, C.RBracket);
    return { expr: listFromItems(p, raw, t.line, true), byRef: false };
  }
  return { expr: parseVariable(p, follow), byRef: false };
}

// ───────────────────────────── isset, new, instanceof, match ─────────────────────────────

function parseIsset(p: Parser): A.Isset {
  const line = p.advance().line;
  p.expect(C.LParen);
  const vars: A.Expr[] = [];
  for (;;) {
    vars.push(parseExpr(p));
    if (p.id() === C.Comma) {
      p.advance();
      if (p.id() === C.RParen) break;
      continue;
    }
    break;
  }
  p.expect(C.RParen);
  return { kind: 'Isset', line, vars };
}

/**
 * class_name_reference (after `new` and `instanceof`): class_name | new_variable | '(' expr ')'.
 * new_variable is a restricted chain: no calls.
 */
function parseClassNameReference(p: Parser): A.Name | A.Expr {
  const t = p.cur();
  if (t.id === T.T_STATIC || isNameToken(t.id)) {
    const name = parseClassName(p);
    if (p.id() !== T.T_DOUBLE_COLON) return name;
    p.advance();
    const v = parseSimpleVariable(p);
    return parseNewVariableChain(p, { kind: 'StaticPropertyFetch', line: name.line, cls: name, name: v.name });
  }
  if (t.id === C.LParen) {
    p.advance();
    const e = parseExpr(p);
    p.expect(C.RParen, null);
    return e;
  }
  if (t.id === T.T_VARIABLE || t.id === C.Dollar) return parseNewVariableChain(p, parseSimpleVariable(p));
  return p.syntaxError(null);
}

function parseNewVariableChain(p: Parser, node: A.Expr): A.Expr {
  for (;;) {
    const t = p.cur();
    switch (t.id) {
      case C.LBracket: {
        p.advance();
        const dim = p.id() === C.RBracket ? null : parseOptionalExpr(p);
        p.expect(C.RBracket);
        node = { kind: 'ArrayDimFetch', line: node.line, var: node, dim };
        continue;
      }
      case C.LBrace: {
        p.advance();
        const dim = parseExpr(p);
        p.expect(C.RBrace, null);
        node = { kind: 'ArrayDimFetch', line: node.line, var: node, dim };
        p.deferCompileError('Array and string offset access syntax with curly braces is no longer supported', node.line);
        continue;
      }
      case T.T_OBJECT_OPERATOR:
      case T.T_NULLSAFE_OBJECT_OPERATOR: {
        p.advance();
        const name = parsePropertyName(p);
        node = t.id === T.T_NULLSAFE_OBJECT_OPERATOR
          ? { kind: 'NullsafePropertyFetch', line: node.line, var: node, name }
          : { kind: 'PropertyFetch', line: node.line, var: node, name };
        continue;
      }
      case T.T_DOUBLE_COLON: {
        p.advance();
        const v = parseSimpleVariable(p);
        node = { kind: 'StaticPropertyFetch', line: node.line, cls: node, name: v.name };
        continue;
      }
      default:
        return node;
    }
  }
}

function parseNew(p: Parser): A.New {
  const line = p.advance().line;
  if (p.id() === T.T_CLASS || p.id() === T.T_ATTRIBUTE) {
    const attrs = parseAttributeGroups(p);
    if (p.id() !== T.T_CLASS) p.syntaxError([T.T_CLASS]);
    const { cls, args } = parseAnonymousClass(p, attrs);
    return { kind: 'New', line, cls, args };
  }
  const cls = parseClassNameReference(p);
  let args: A.Arg[] = [];
  if (p.id() === C.LParen) {
    const list = parseArgumentList(p);
    if (Array.isArray(list)) args = list;
    else p.deferCompileError('Cannot create Closure for new expression', line);
  }
  return { kind: 'New', line, cls, args };
}

/** match '(' expr ')' '{' (match_arm (',' match_arm)* ','?)? '}' */
function parseMatch(p: Parser): A.Match {
  const line = p.advance().line;
  p.expect(C.LParen);
  const cond = parseExpr(p);
  p.expect(C.RParen, null);
  p.expect(C.LBrace);
  const arms: A.MatchArm[] = [];
  // an empty arm list is reduced by default: a token that cannot start an arm expects '}'
  if (p.id() !== T.T_DEFAULT && !startsExpr(p.id()) && p.id() !== C.RBrace) p.syntaxError([C.RBrace]);
  while (p.id() !== C.RBrace) {
    const armLine = p.cur().line;
    let conds: A.Expr[] | null = null;
    if (p.id() === T.T_DEFAULT) {
      p.advance();
      p.accept(C.Comma);
    } else {
      conds = [];
      for (;;) {
        conds.push(parseExpr(p));
        if (p.id() === C.Comma) {
          p.advance();
          if (p.id() === T.T_DOUBLE_ARROW) break;
          // after ',' the optional trailing comma is reduced by default: '=>' expected
          if (!startsExpr(p.id())) p.syntaxError([T.T_DOUBLE_ARROW]);
          continue;
        }
        break;
      }
    }
    p.expect(T.T_DOUBLE_ARROW);
    const body = parseExpr(p);
    arms.push({ kind: 'MatchArm', line: armLine, conds, body });
    if (p.id() === C.Comma) {
      p.advance();
      // after ',' bison reduces the optional trailing comma when no arm can start: '}' expected
      if (p.id() !== T.T_DEFAULT && !startsExpr(p.id()) && p.id() !== C.RBrace) p.syntaxError([C.RBrace]);
      continue;
    }
    break;
  }
  p.expect(C.RBrace);
  return { kind: 'Match', line, cond, arms };
}
