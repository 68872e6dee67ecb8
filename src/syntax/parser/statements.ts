// Statements: top_statement, inner_statement and statement of zend_language_parser.y, including the
// alternative syntax (if: ... endif;), namespaces, use declarations and __halt_compiler().

import { T } from '../tokens.js';
import type * as A from '../ast.js';
import { Parser, C } from './state.js';
import {
  parseExpr, parseOptionalExpr, parseVariable, parseForeachTarget, parseSimpleVariable, EXPECT_DEREF, startsExpr,
} from './expressions.js';
import { parseAttributeGroups, parseClassName, nameFromToken, isSemiReserved as isSemiReservedToken } from './names_and_types.js';
import { parseFunctionDeclaration } from './functions.js';
import {
  parseClassDeclaration, parseInterfaceDeclaration, parseTraitDeclaration, parseEnumDeclaration, isClassModifier,
} from './classes.js';

// ───────────────────────────── statement lists ─────────────────────────────

/** top_statement_list until `end` (END for the file, '}' for a braced namespace). */
export function parseTopStatements(p: Parser, end: number): A.Stmt[] {
  const stmts: A.Stmt[] = [];
  // At file level bison reduces the statement list by default (start: top_statement_list), so a
  // token that cannot start a statement gets "expecting end of file".
  const startExpected = end === C.End ? [C.End] : null;
  while (p.id() !== end && !p.halted) {
    const s = parseTopStatement(p, startExpected);
    if (s) stmts.push(s);
  }
  return stmts;
}

/**
 * inner_statement_list until one of the given tokens. `startExpected`: what bison reports when a
 * token cannot start a statement (non-null where the list is reduced by default, e.g. in a switch
 * case or an alternative-syntax if).
 */
export function parseInnerStatementsUntil(
  p: Parser, end1: number, end2 = -1, end3 = -1, startExpected: readonly number[] | null = null,
): A.Stmt[] {
  const stmts: A.Stmt[] = [];
  for (;;) {
    const id = p.id();
    if (id === end1 || id === end2 || id === end3) break;
    if (id === C.End) p.syntaxError(startExpected);
    stmts.push(parseInnerStatement(p, startExpected));
  }
  return stmts;
}

function parseTopStatement(p: Parser, startExpected: readonly number[] | null): A.Stmt | null {
  const t = p.cur();
  switch (t.id) {
    case T.T_HALT_COMPILER:
      return parseHaltCompiler(p);
    case T.T_NAMESPACE:
      return parseNamespace(p);
    case T.T_USE:
      return parseUse(p);
    case T.T_CONST:
      return parseConstStatement(p);
  }
  return parseInnerStatement(p, startExpected);
}

/** inner_statement: statement | attributed_statement | attributes attributed_statement */
export function parseInnerStatement(p: Parser, startExpected: readonly number[] | null = null): A.Stmt {
  p.enter(6);
  const s = parseInnerStatementInner(p, startExpected);
  p.leave(6);
  return s;
}

function parseInnerStatementInner(p: Parser, startExpected: readonly number[] | null): A.Stmt {
  const t = p.cur();
  const line = t.line;
  switch (t.id) {
    case T.T_HALT_COMPILER:
      if (p.peekId(1) === C.LParen && p.peekId(2) === C.RParen && p.peekId(3) === C.Semi) {
        p.compileErrorNow('__HALT_COMPILER() can only be used from the outermost scope', line);
      }
      break;
    case T.T_ATTRIBUTE: {
      const attrs = parseAttributeGroups(p);
      const decl = parseAttributedStatement(p, attrs, line);
      if (decl) return decl;
      // attributes before a closure or arrow function: an expression statement
      return parseExpressionStatementFrom(p, parseAttributedClosureExpr(p, attrs, line));
    }
    case T.T_FUNCTION:
    case T.T_ABSTRACT:
    case T.T_FINAL:
    case T.T_CLASS:
    case T.T_TRAIT:
    case T.T_INTERFACE:
    case T.T_ENUM:
    case T.T_READONLY: {
      const decl = parseAttributedStatement(p, [], line);
      if (decl) return decl;
      break;
    }
  }
  return parseStatement(p, startExpected);
}

/** attributed_statement: function, class, trait, interface or enum declaration (or null). */
function parseAttributedStatement(p: Parser, attrs: A.AttributeGroup[], line: number): A.Stmt | null {
  switch (p.id()) {
    case T.T_FUNCTION: {
      const next = p.peekId(1);
      const isRef = next === T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG || next === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG;
      const nameId = isRef ? p.peekId(2) : next;
      if (nameId === T.T_STRING || nameId === T.T_READONLY) return parseFunctionDeclaration(p, attrs);
      if (nameId !== C.LParen) {
        // neither a declaration nor a closure: bison expects a name or '('
        p.advance();
        if (isRef) p.advance();
        p.syntaxError([C.LParen]);
      }
      return null;
    }
    case T.T_READONLY:
      // `readonly(...)` is a function call; otherwise a readonly class
      if (p.peekId(1) === C.LParen) return null;
      return parseClassDeclaration(p, attrs);
    case T.T_ABSTRACT:
    case T.T_FINAL:
    case T.T_CLASS:
      return parseClassDeclaration(p, attrs);
    case T.T_TRAIT:
      return parseTraitDeclaration(p, attrs);
    case T.T_INTERFACE:
      return parseInterfaceDeclaration(p, attrs);
    case T.T_ENUM:
      return parseEnumDeclaration(p, attrs);
  }
  return null;
}

/** After attributes at statement level: `#[A] function() {}`, `#[A] static fn() => 1`. */
function parseAttributedClosureExpr(p: Parser, attrs: A.AttributeGroup[], line: number): A.Expr {
  // Reuse the expression parser: it handles T_ATTRIBUTE-less closures; attach the attributes after.
  const id = p.id();
  const isStatic = id === T.T_STATIC && (p.peekId(1) === T.T_FUNCTION || p.peekId(1) === T.T_FN);
  if (id !== T.T_FUNCTION && id !== T.T_FN && !isStatic) p.syntaxError(null);
  const e = parseExpr(p);
  let fn: A.Expr = e;
  // the closure is the leftmost operand of whatever expression follows it
  for (;;) {
    if (fn.kind === 'Closure' || fn.kind === 'ArrowFunction') break;
    if (fn.kind === 'BinaryOp') fn = fn.left;
    else if (fn.kind === 'Ternary') fn = fn.cond;
    else if (fn.kind === 'Instanceof') fn = fn.expr;
    else break;
  }
  if (fn.kind === 'Closure' || fn.kind === 'ArrowFunction') {
    fn.attrGroups = attrs;
    p.relocateDeferred(attrs, fn.line);
  }
  return e;
}

// ───────────────────────────── statement ─────────────────────────────

function body(s: A.Stmt): A.Stmt[] {
  return s.kind === 'Block' ? s.stmts : [s];
}

export function parseStatement(p: Parser, startExpected: readonly number[] | null = null): A.Stmt {
  const t = p.cur();
  const line = t.line;
  switch (t.id) {
    case C.LBrace: {
      p.advance();
      const stmts = parseInnerStatementsUntil(p, C.RBrace);
      p.advance();
      return { kind: 'Block', line, stmts };
    }
    case T.T_IF:
      return parseIf(p);
    case T.T_WHILE: {
      p.advance();
      const cond = parseParenExpr(p);
      return { kind: 'While', line, cond, body: parseLoopBody(p, T.T_ENDWHILE) };
    }
    case T.T_DO: {
      p.advance();
      const b = parseStatement(p);
      p.expect(T.T_WHILE);
      const cond = parseParenExpr(p);
      p.expect(C.Semi);
      return { kind: 'DoWhile', line, cond, body: body(b) };
    }
    case T.T_FOR:
      return parseFor(p);
    case T.T_FOREACH:
      return parseForeach(p);
    case T.T_SWITCH:
      return parseSwitch(p);
    case T.T_BREAK:
    case T.T_CONTINUE: {
      p.advance();
      const levels = parseOptionalExpr(p);
      p.expect(C.Semi);
      return t.id === T.T_BREAK ? { kind: 'Break', line, levels } : { kind: 'Continue', line, levels };
    }
    case T.T_RETURN: {
      p.advance();
      const expr = parseOptionalExpr(p);
      p.expect(C.Semi);
      return { kind: 'Return', line, expr };
    }
    case T.T_GLOBAL: {
      p.advance();
      const vars: A.Expr[] = [];
      do vars.push(parseSimpleVariable(p));
      while (p.accept(C.Comma));
      p.expect(C.Semi, [C.Comma, C.Semi]);
      return { kind: 'Global', line, vars };
    }
    case T.T_STATIC:
      if (p.peekId(1) === T.T_VARIABLE) return parseStaticVars(p);
      break;
    case T.T_ECHO: {
      p.advance();
      const exprs: A.Expr[] = [];
      do exprs.push(parseExpr(p));
      while (p.accept(C.Comma));
      p.expect(C.Semi, [C.Comma, C.Semi]);
      return { kind: 'Echo', line, exprs };
    }
    case T.T_INLINE_HTML:
      p.advance();
      return { kind: 'InlineHTML', line, value: t.text };
    case T.T_UNSET:
      return parseUnset(p);
    case T.T_DECLARE:
      return parseDeclare(p);
    case C.Semi:
      p.advance();
      return { kind: 'Nop', line };
    case T.T_TRY:
      return parseTry(p);
    case T.T_GOTO: {
      p.advance();
      const label = p.expect(T.T_STRING);
      p.expect(C.Semi);
      return { kind: 'Goto', line, label: label.text };
    }
    case T.T_STRING:
      if (p.peekId(1) === C.Colon) {
        p.advance();
        p.advance();
        return { kind: 'Label', line, name: t.text };
      }
      break;
  }
  if (!startsExpr(t.id)) p.syntaxError(startExpected);
  return parseExpressionStatementFrom(p, parseExpr(p));
}

/** expr ';' — `throw expr;` becomes a ThrowStmt. */
function parseExpressionStatementFrom(p: Parser, e: A.Expr): A.Stmt {
  p.expect(C.Semi, null);
  if (e.kind === 'Throw' && !p.parenthesized.has(e)) return { kind: 'ThrowStmt', line: e.line, expr: e.expr };
  return { kind: 'ExprStmt', line: e.line, expr: e };
}

/** '(' expr ')' of if / while / switch / elseif. */
function parseParenExpr(p: Parser): A.Expr {
  p.expect(C.LParen);
  const e = parseExpr(p);
  p.expect(C.RParen, null);
  return e;
}

/** while_statement / for_statement / foreach_statement: statement | ':' inner_statement_list T_ENDxxx ';' */
function parseLoopBody(p: Parser, endToken: number): A.Stmt[] {
  if (p.id() === C.Colon) {
    p.advance();
    const stmts = parseInnerStatementsUntil(p, endToken);
    p.advance();
    p.expect(C.Semi);
    return stmts;
  }
  return body(parseStatement(p));
}

function parseIf(p: Parser): A.If {
  const line = p.advance().line;
  const cond = parseParenExpr(p);
  if (p.id() === C.Colon) {
    // alt_if_stmt
    p.advance();
    const altEnds = [T.T_ELSEIF, T.T_ELSE, T.T_ENDIF];
    const stmts = parseInnerStatementsUntil(p, T.T_ELSEIF, T.T_ELSE, T.T_ENDIF, altEnds);
    const elseifs: A.ElseIf[] = [];
    while (p.id() === T.T_ELSEIF) {
      const eline = p.advance().line;
      const econd = parseParenExpr(p);
      p.expect(C.Colon);
      elseifs.push({ kind: 'ElseIf', line: eline, cond: econd, body: parseInnerStatementsUntil(p, T.T_ELSEIF, T.T_ELSE, T.T_ENDIF, altEnds) });
    }
    let els: A.Stmt[] | null = null;
    if (p.id() === T.T_ELSE) {
      p.advance();
      p.expect(C.Colon);
      els = parseInnerStatementsUntil(p, T.T_ENDIF);
    }
    p.expect(T.T_ENDIF);
    p.expect(C.Semi);
    return { kind: 'If', line, cond, body: stmts, elseifs, else: els };
  }
  const stmts = body(parseStatement(p));
  const elseifs: A.ElseIf[] = [];
  while (p.id() === T.T_ELSEIF) {
    const eline = p.advance().line;
    const econd = parseParenExpr(p);
    elseifs.push({ kind: 'ElseIf', line: eline, cond: econd, body: body(parseStatement(p)) });
  }
  let els: A.Stmt[] | null = null;
  if (p.id() === T.T_ELSE) {
    p.advance();
    els = body(parseStatement(p));
  }
  return { kind: 'If', line, cond, body: stmts, elseifs, else: els };
}

/** for_exprs: (expr (',' expr)*)? */
function parseForExprs(p: Parser, end: number): A.Expr[] {
  const exprs: A.Expr[] = [];
  if (p.id() === end) return exprs;
  if (!startsExpr(p.id())) p.syntaxError([end]);
  do exprs.push(parseExpr(p));
  while (p.accept(C.Comma));
  p.expect(end, [end]);
  return exprs;
}

function parseFor(p: Parser): A.For {
  const line = p.advance().line;
  p.expect(C.LParen);
  const init = parseForExprs(p, C.Semi);
  if (init.length === 0) p.advance();
  const cond = parseForExprs(p, C.Semi);
  if (cond.length === 0) p.advance();
  const loop = parseForExprs(p, C.RParen);
  if (loop.length === 0) p.advance();
  return { kind: 'For', line, init, cond, loop, body: parseLoopBody(p, T.T_ENDFOR) };
}

function parseForeach(p: Parser): A.Foreach {
  const line = p.advance().line;
  p.expect(C.LParen);
  const expr = parseExpr(p);
  p.expect(T.T_AS, null);
  const follow = [T.T_DOUBLE_ARROW, C.RParen];
  const first = parseForeachTarget(p, follow);
  let key: A.Expr | null = null;
  let value = first;
  if (p.id() === T.T_DOUBLE_ARROW) {
    p.advance();
    key = first.expr;
    if (first.byRef) p.deferCompileError('Key element cannot be a reference', line);
    value = parseForeachTarget(p, [C.RParen]);
  }
  p.expect(C.RParen, key ? [C.RParen] : [T.T_DOUBLE_ARROW, C.RParen]);
  return { kind: 'Foreach', line, expr, key, value: value.expr, byRef: value.byRef, body: parseLoopBody(p, T.T_ENDFOREACH) };
}

function parseSwitch(p: Parser): A.Switch {
  const line = p.advance().line;
  const cond = parseParenExpr(p);
  let alt = false;
  if (p.id() === C.Colon) alt = true;
  else if (p.id() !== C.LBrace) p.syntaxError([C.Colon, C.LBrace]);
  p.advance();
  p.accept(C.Semi);
  const end = alt ? T.T_ENDSWITCH : C.RBrace;
  const cases: A.Case[] = [];
  while (p.id() !== end) {
    const t = p.cur();
    let caseCond: A.Expr | null = null;
    if (t.id === T.T_CASE) {
      p.advance();
      caseCond = parseExpr(p);
    } else if (t.id === T.T_DEFAULT) {
      p.advance();
    } else {
      p.syntaxError(alt ? [T.T_ENDSWITCH, T.T_CASE, T.T_DEFAULT] : [T.T_CASE, T.T_DEFAULT, C.RBrace]);
    }
    if (p.id() !== C.Colon && p.id() !== C.Semi) p.syntaxError(caseCond ? null : [C.Colon, C.Semi]);
    p.advance();
    const stmts = parseInnerStatementsUntil(p, T.T_CASE, T.T_DEFAULT, end,
      alt ? [T.T_ENDSWITCH, T.T_CASE, T.T_DEFAULT] : [T.T_CASE, T.T_DEFAULT, C.RBrace]);
    cases.push({ kind: 'Case', line: t.line, cond: caseCond, body: stmts });
  }
  p.advance();
  if (alt) p.expect(C.Semi);
  return { kind: 'Switch', line, cond, cases };
}

function parseStaticVars(p: Parser): A.Static {
  const line = p.advance().line;
  const vars: A.StaticVar[] = [];
  do {
    const v = p.expect(T.T_VARIABLE);
    let def: A.Expr | null = null;
    if (p.accept(C.Eq)) def = parseExpr(p);
    vars.push({ kind: 'StaticVar', line: v.line, name: v.text.slice(1), default: def });
  } while (p.accept(C.Comma));
  p.expect(C.Semi, [C.Comma, C.Semi]);
  return { kind: 'Static', line, vars };
}

function parseUnset(p: Parser): A.Unset {
  const line = p.advance().line;
  p.expect(C.LParen);
  const vars: A.Expr[] = [];
  for (;;) {
    vars.push(parseVariable(p, [C.Comma, C.RParen]));
    if (p.id() === C.Comma) {
      p.advance();
      if (p.id() === C.RParen) break;
      continue;
    }
    break;
  }
  p.expect(C.RParen, EXPECT_DEREF);
  p.expect(C.Semi);
  return { kind: 'Unset', line, vars };
}

function parseDeclare(p: Parser): A.Declare {
  const line = p.advance().line;
  p.expect(C.LParen);
  const directives: A.DeclareDirective[] = [];
  do {
    const name = p.expect(T.T_STRING);
    p.expect(C.Eq);
    const value = parseExpr(p);
    directives.push({ kind: 'DeclareDirective', line: name.line, key: name.text, value });
  } while (p.accept(C.Comma));
  p.expect(C.RParen, [C.Comma, C.RParen]);
  // zend_handle_encoding_declaration runs in the middle of the rule, before the body is parsed.
  for (const d of directives) {
    if (d.key.toLowerCase() === 'encoding') {
      const k = d.value.kind;
      if (k !== 'ScalarString' && k !== 'ScalarInt' && k !== 'ScalarFloat') {
        p.compileErrorNow('Encoding must be a literal', d.line);
      }
    }
  }
  let stmts: A.Stmt[] | null;
  if (p.id() === C.Colon) {
    p.advance();
    stmts = parseInnerStatementsUntil(p, T.T_ENDDECLARE);
    p.advance();
    p.expect(C.Semi);
  } else {
    const s = parseStatement(p);
    stmts = s.kind === 'Nop' ? null : body(s);
  }
  return { kind: 'Declare', line, directives, body: stmts };
}

function parseTry(p: Parser): A.Try {
  const line = p.advance().line;
  p.expect(C.LBrace);
  const stmts = parseInnerStatementsUntil(p, C.RBrace);
  p.advance();
  const catches: A.Catch[] = [];
  while (p.id() === T.T_CATCH) {
    const cline = p.advance().line;
    p.expect(C.LParen);
    const types = [parseClassName(p)];
    while (p.accept(C.Pipe)) types.push(parseClassName(p));
    let v: string | null = null;
    if (p.id() === T.T_VARIABLE) v = p.advance().text.slice(1);
    p.expect(C.RParen, v ? [C.RParen] : [C.Pipe, T.T_VARIABLE, C.RParen]);
    p.expect(C.LBrace);
    const cbody = parseInnerStatementsUntil(p, C.RBrace);
    p.advance();
    catches.push({ kind: 'Catch', line: cline, types, var: v, body: cbody });
  }
  let fin: A.Stmt[] | null = null;
  if (p.id() === T.T_FINALLY) {
    p.advance();
    p.expect(C.LBrace);
    fin = parseInnerStatementsUntil(p, C.RBrace);
    p.advance();
  }
  if (catches.length === 0 && fin === null) p.deferCompileError('Cannot use try without catch or finally', line);
  return { kind: 'Try', line, body: stmts, catches, finally: fin };
}

// ───────────────────────────── top-level only ─────────────────────────────

function parseHaltCompiler(p: Parser): A.HaltCompiler {
  const line = p.advance().line;
  p.expect(C.LParen);
  p.expect(C.RParen);
  const semi = p.expect(C.Semi);
  // zend_get_scanned_file_offset(): just past the ';' (or the `?>` and its newline).
  const offset = semi.pos + semi.text.length;
  p.haltOffset = offset;
  p.halted = true;
  return { kind: 'HaltCompiler', line, remaining: p.src.slice(offset) };
}

function parseNamespace(p: Parser): A.Namespace {
  const line = p.advance().line;
  const t = p.cur();
  if (t.id === C.LBrace) {
    p.resetDocComment(p.i);
    p.advance();
    const stmts = parseTopStatements(p, C.RBrace);
    if (!p.halted) p.advance();
    return { kind: 'Namespace', line, name: null, body: stmts };
  }
  // namespace_declaration_name: identifier (T_STRING or semi-reserved) | T_NAME_QUALIFIED
  let name: A.Name;
  if (t.id === T.T_NAME_QUALIFIED || t.id === T.T_STRING) {
    p.advance();
    name = nameFromToken(t);
  } else if (isSemiReservedToken(t.id)) {
    p.advance();
    name = { kind: 'Name', line: t.line, name: t.text, form: 'unqualified' };
  } else {
    // bison reduced the empty action before `namespace {` by default
    return p.syntaxError([C.LBrace]);
  }
  p.resetDocComment(p.i);
  if (p.id() === C.Semi) {
    p.advance();
    return { kind: 'Namespace', line, name, body: null };
  }
  if (p.id() !== C.LBrace) p.syntaxError([C.LBrace]);
  p.advance();
  const stmts = parseTopStatements(p, C.RBrace);
  if (!p.halted) p.advance();
  return { kind: 'Namespace', line, name, body: stmts };
}

function useType(id: number): 'function' | 'const' | null {
  return id === T.T_FUNCTION ? 'function' : id === T.T_CONST ? 'const' : null;
}

/** T_USE: plain, typed and group use declarations. */
function parseUse(p: Parser): A.Use | A.GroupUse {
  const line = p.advance().line;
  const type = useType(p.id()) ?? 'normal';
  if (type !== 'normal') p.advance();
  const first = p.cur();
  const okFirst = first.id === T.T_STRING || first.id === T.T_NAME_QUALIFIED || first.id === T.T_NAME_FULLY_QUALIFIED;
  if (!okFirst) {
    p.syntaxError(type === 'normal'
      ? [T.T_STRING, T.T_NAME_QUALIFIED, T.T_NAME_FULLY_QUALIFIED, T.T_FUNCTION, T.T_CONST]
      : [T.T_STRING, T.T_NAME_QUALIFIED, T.T_NAME_FULLY_QUALIFIED]);
  }
  // group use: prefix '\' '{'
  if (p.peekId(1) === T.T_NS_SEPARATOR) {
    p.advance();
    const prefix = nameFromToken(first);
    if (prefix.form === 'fully') prefix.form = prefix.name.indexOf('\\') >= 0 ? 'qualified' : 'unqualified';
    p.advance(); // \
    p.expect(C.LBrace);
    const uses: A.UseItem[] = [];
    // inline_use_declaration (mixed group) may start with `function` / `const`
    const itemStarts = type === 'normal'
      ? [T.T_STRING, T.T_NAME_QUALIFIED, T.T_FUNCTION, T.T_CONST]
      : [T.T_STRING, T.T_NAME_QUALIFIED];
    for (;;) {
      let itemType: A.UseItem['type'] = type;
      if (type === 'normal') {
        const ut = useType(p.id());
        if (ut) {
          p.advance();
          itemType = ut;
          uses.push(parseUseItem(p, itemType, false));
        } else {
          if (p.id() !== T.T_STRING && p.id() !== T.T_NAME_QUALIFIED) p.syntaxError(uses.length ? [C.RBrace] : itemStarts);
          uses.push(parseUseItem(p, itemType, false));
        }
      } else {
        if (p.id() !== T.T_STRING && p.id() !== T.T_NAME_QUALIFIED) p.syntaxError(uses.length ? [C.RBrace] : itemStarts);
        uses.push(parseUseItem(p, itemType, false));
      }
      if (p.id() === C.Comma) {
        p.advance();
        if (p.id() === C.RBrace) break;
        continue;
      }
      break;
    }
    // after an item bison reduces the optional trailing comma: only '}' is expected
    p.expect(C.RBrace);
    p.expect(C.Semi);
    return { kind: 'GroupUse', line, type, prefix, uses };
  }
  const uses: A.UseItem[] = [];
  do uses.push(parseUseItem(p, type, true));
  while (p.accept(C.Comma));
  p.expect(C.Semi, [C.Comma, C.Semi]);
  return { kind: 'Use', line, type, uses };
}

/** use_declaration / unprefixed_use_declaration: name (as T_STRING)? */
function parseUseItem(p: Parser, type: A.UseItem['type'], allowFullyQualified: boolean): A.UseItem {
  const t = p.cur();
  const ok = t.id === T.T_STRING || t.id === T.T_NAME_QUALIFIED || (allowFullyQualified && t.id === T.T_NAME_FULLY_QUALIFIED);
  if (!ok) p.syntaxError(allowFullyQualified ? [T.T_STRING, T.T_NAME_QUALIFIED, T.T_NAME_FULLY_QUALIFIED] : [T.T_STRING, T.T_NAME_QUALIFIED]);
  p.advance();
  const name = nameFromToken(t);
  // `use \Foo\Bar;` is the same as `use Foo\Bar;`
  if (name.form === 'fully') name.form = name.name.indexOf('\\') >= 0 ? 'qualified' : 'unqualified';
  let alias: A.Identifier | null = null;
  if (p.accept(T.T_AS)) {
    const a = p.expect(T.T_STRING);
    alias = { kind: 'Identifier', line: a.line, name: a.text };
  }
  return { kind: 'UseItem', line: t.line, type, name, alias };
}

/** T_CONST const_list ';' (top level) */
function parseConstStatement(p: Parser): A.ConstStmt {
  const line = p.advance().line;
  const consts: A.ConstDecl[] = [];
  do {
    const n = p.expect(T.T_STRING);
    p.expect(C.Eq);
    const value = parseExpr(p);
    p.takeDocComment(p.i);
    consts.push({ kind: 'ConstDecl', line: n.line, name: { kind: 'Identifier', line: n.line, name: n.text }, value });
  } while (p.accept(C.Comma));
  p.expect(C.Semi, [C.Comma, C.Semi]);
  return { kind: 'ConstStmt', line, consts };
}

