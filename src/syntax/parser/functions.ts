// Functions: declarations, closures, arrow functions and their parameter lists.

import { T } from '../tokens.js';
import type * as A from '../ast.js';
import { Modifier } from '../ast.js';
import { Parser, C } from './state.js';
import { parseAttributeGroups, parseType, parseOptionalReturnType, startsType } from './names_and_types.js';
import { parseExpr } from './expressions.js';
import { parseInnerStatementsUntil } from './statements.js';
import { addMemberModifier } from './classes.js';

function isAmpersand(id: number): boolean {
  return id === T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG || id === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG;
}

/** Constructor promotion modifiers allowed on parameters in PHP 8.2. */
const PARAM_MODIFIERS = new Map<number, number>([
  [T.T_PUBLIC, Modifier.Public],
  [T.T_PROTECTED, Modifier.Protected],
  [T.T_PRIVATE, Modifier.Private],
  [T.T_READONLY, Modifier.Readonly],
]);

/** '(' parameter_list ')' */
export function parseParameterList(p: Parser): A.Param[] {
  p.expect(C.LParen);
  const params: A.Param[] = [];
  while (p.id() !== C.RParen) {
    params.push(parseParameter(p));
    if (p.id() === C.Comma) {
      p.advance();
      continue;
    }
    break;
  }
  p.expect(C.RParen);
  return params;
}

/** attributes? optional_property_modifiers optional_type_without_static '&'? '...'? T_VARIABLE ('=' expr)? */
function parseParameter(p: Parser): A.Param {
  const line = p.cur().line;
  const attrGroups = parseAttributeGroups(p);
  let flags = 0;
  for (;;) {
    const m = PARAM_MODIFIERS.get(p.id());
    if (m === undefined) break;
    const t = p.advance();
    flags = addMemberModifier(p, flags, m, t.line);
  }
  let type: A.TypeNode | null = null;
  if (startsType(p.id(), false)) type = parseType(p, false);
  let byRef = false;
  if (p.id() === T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG) {
    p.advance();
    byRef = true;
  }
  let variadic = false;
  if (p.id() === T.T_ELLIPSIS) {
    p.advance();
    variadic = true;
  }
  const v = p.cur();
  if (v.id !== T.T_VARIABLE) p.syntaxError([T.T_VARIABLE]);
  p.advance();
  // backup_doc_comment right after the variable: a parameter consumes the pending doc comment.
  p.takeDocComment(p.i - 1);
  let def: A.Expr | null = null;
  if (p.accept(C.Eq)) def = parseExpr(p);
  if (p.id() !== C.Comma && p.id() !== C.RParen) p.syntaxError([C.RParen]);
  p.relocateDeferred(attrGroups, line);
  return { kind: 'Param', line, name: v.text.slice(1), type, default: def, byRef, variadic, flags, attrGroups };
}

/** '{' inner_statement_list '}' of a function body; returns the statements and the closing line. */
export function parseFunctionBody(p: Parser): { body: A.Stmt[]; endLine: number } {
  p.expect(C.LBrace);
  const body = parseInnerStatementsUntil(p, C.RBrace);
  const close = p.expect(C.RBrace);
  return { body, endLine: close.line };
}

/** function_declaration_statement, from the `function` token. */
export function parseFunctionDeclaration(p: Parser, attrGroups: A.AttributeGroup[]): A.FunctionDecl {
  // The declaration starts at the `function` keyword (ReflectionFunction::getStartLine()).
  const line = p.advance().line;
  p.relocateDeferred(attrGroups, line);
  let byRef = false;
  if (isAmpersand(p.id())) {
    p.advance();
    byRef = true;
  }
  const nameTok = p.cur();
  // (bison's state after `function` at statement level also allows a closure, and reduces the
  // closure's empty backup_doc_comment first: it reports only "(" as expected)
  if (nameTok.id !== T.T_STRING && nameTok.id !== T.T_READONLY) p.syntaxError([C.LParen]);
  p.advance();
  const docComment = p.takeDocComment(p.i - 1);
  const params = parseParameterList(p);
  const returnType = parseOptionalReturnType(p);
  if (p.id() !== C.LBrace) p.syntaxError([C.LBrace]);
  const { body, endLine } = parseFunctionBody(p);
  return {
    kind: 'FunctionDecl', line, name: { kind: 'Identifier', line: nameTok.line, name: nameTok.text },
    byRef, params, returnType, body, attrGroups, docComment, endLine,
  };
}

/** inline_function (closure), from the `function` token. */
export function parseClosure(p: Parser, isStatic: boolean, attrGroups: A.AttributeGroup[]): A.Closure {
  const line = p.advance().line; // function
  p.relocateDeferred(attrGroups, line);
  let byRef = false;
  if (isAmpersand(p.id())) {
    p.advance();
    byRef = true;
  }
  if (p.id() !== C.LParen) p.syntaxError([C.LParen]);
  const docComment = p.takeDocComment(byRef ? p.i - 1 : p.i);
  const params = parseParameterList(p);
  const uses: A.ClosureUse[] = [];
  if (p.accept(T.T_USE)) {
    p.expect(C.LParen);
    for (;;) {
      const t = p.cur();
      let ref = false;
      if (isAmpersand(t.id)) {
        p.advance();
        ref = true;
      }
      const v = p.cur();
      if (v.id !== T.T_VARIABLE) {
        p.syntaxError(ref ? [T.T_VARIABLE] : [T.T_VARIABLE, T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG, T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG]);
      }
      p.advance();
      uses.push({ kind: 'ClosureUse', line: t.line, name: v.text.slice(1), byRef: ref });
      if (p.id() === C.Comma) {
        p.advance();
        if (p.id() === C.RParen) break;
        continue;
      }
      break;
    }
    p.expect(C.RParen);
  }
  const returnType = parseOptionalReturnType(p);
  if (p.id() !== C.LBrace) p.syntaxError([C.LBrace]);
  const { body, endLine } = parseFunctionBody(p);
  // ReflectionFunction::getDocComment() works on closures; ast.ts has no field yet, so it is added.
  const node: A.Closure = { kind: 'Closure', line, static: isStatic, byRef, params, uses, returnType, body, attrGroups, endLine };
  return Object.assign(node, { docComment });
}

/** fn returns_ref '(' parameter_list ')' return_type '=>' expr */
export function parseArrowFunction(p: Parser, isStatic: boolean, attrGroups: A.AttributeGroup[]): A.ArrowFunction {
  const line = p.advance().line; // fn
  p.relocateDeferred(attrGroups, line);
  let byRef = false;
  if (isAmpersand(p.id())) {
    p.advance();
    byRef = true;
  }
  if (p.id() !== C.LParen) p.syntaxError([C.LParen]);
  const docComment = p.takeDocComment(byRef ? p.i - 1 : p.i);
  const params = parseParameterList(p);
  const returnType = parseOptionalReturnType(p);
  p.expect(T.T_DOUBLE_ARROW);
  const expr = parseExpr(p);
  const node: A.ArrowFunction = { kind: 'ArrowFunction', line, static: isStatic, byRef, params, returnType, expr, attrGroups };
  return Object.assign(node, { docComment });
}
