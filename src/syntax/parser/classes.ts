// Class-likes: classes (with abstract/final/readonly), interfaces, traits, enums, anonymous classes,
// and their members (constants, properties, methods, trait uses with adaptations, enum cases).

import { T } from '../tokens.js';
import type * as A from '../ast.js';
import { Modifier } from '../ast.js';
import { Parser, C } from './state.js';
import {
  parseAttributeGroups, parseClassName, parseClassNameList, parseIdentifier, parseType, startsType,
  parseOptionalReturnType, isIdentifierToken, RESERVED_NON_MODIFIERS, checkLexTstring,
} from './names_and_types.js';
import { parseExpr, parseArgumentList } from './expressions.js';
import { parseParameterList, parseFunctionBody } from './functions.js';

const MEMBER_MODIFIERS = new Map<number, number>([
  [T.T_PUBLIC, Modifier.Public],
  [T.T_PROTECTED, Modifier.Protected],
  [T.T_PRIVATE, Modifier.Private],
  [T.T_STATIC, Modifier.Static],
  [T.T_ABSTRACT, Modifier.Abstract],
  [T.T_FINAL, Modifier.Final],
  [T.T_READONLY, Modifier.Readonly],
]);

const VISIBILITY = Modifier.Public | Modifier.Protected | Modifier.Private;

/** zend_add_member_modifier: combining member modifiers, with PHP's errors (raised while parsing). */
export function addMemberModifier(p: Parser, flags: number, add: number, line: number): number {
  if (flags & VISIBILITY && add & VISIBILITY) p.compileErrorNow('Multiple access type modifiers are not allowed', line);
  if (flags & add & Modifier.Abstract) p.compileErrorNow('Multiple abstract modifiers are not allowed', line);
  if (flags & add & Modifier.Static) p.compileErrorNow('Multiple static modifiers are not allowed', line);
  if (flags & add & Modifier.Final) p.compileErrorNow('Multiple final modifiers are not allowed', line);
  if (flags & add & Modifier.Readonly) p.compileErrorNow('Multiple readonly modifiers are not allowed', line);
  const all = flags | add;
  if (all & Modifier.Abstract && all & Modifier.Final) {
    p.compileErrorNow('Cannot use the final modifier on an abstract class member', line);
  }
  return all;
}

/** zend_add_class_modifier */
function addClassModifier(p: Parser, flags: number, add: number, line: number): number {
  if (flags & add & Modifier.Abstract) p.compileErrorNow('Multiple abstract modifiers are not allowed', line);
  if (flags & add & Modifier.Final) p.compileErrorNow('Multiple final modifiers are not allowed', line);
  if (flags & add & Modifier.Readonly) p.compileErrorNow('Multiple readonly modifiers are not allowed', line);
  const all = flags | add;
  if (all & Modifier.Abstract && all & Modifier.Final) {
    p.compileErrorNow('Cannot use the final modifier on an abstract class', line);
  }
  return all;
}

const CLASS_MODIFIERS = new Map<number, number>([
  [T.T_ABSTRACT, Modifier.Abstract],
  [T.T_FINAL, Modifier.Final],
  [T.T_READONLY, Modifier.Readonly],
]);

export function isClassModifier(id: number): boolean {
  return CLASS_MODIFIERS.has(id);
}

function classLike(
  p: Parser, type: A.ClassLike['type'], name: A.Identifier | null, flags: number, line: number, attrGroups: A.AttributeGroup[],
): A.ClassLike {
  p.relocateDeferred(attrGroups, line);
  return {
    kind: 'ClassLike', line, type, name, flags, extends: null, implements: [], enumType: null, members: [],
    attrGroups, docComment: null, endLine: line,
  };
}

function parseClassNameToken(p: Parser): A.Identifier {
  const t = p.cur();
  if (t.id !== T.T_STRING) p.syntaxError([T.T_STRING]);
  p.advance();
  return { kind: 'Identifier', line: t.line, name: t.text };
}

/** class_declaration_statement (with class_modifiers), from the first modifier or `class`. */
export function parseClassDeclaration(p: Parser, attrGroups: A.AttributeGroup[]): A.ClassLike {
  let flags = 0;
  while (CLASS_MODIFIERS.has(p.id())) {
    const t = p.advance();
    flags = addClassModifier(p, flags, CLASS_MODIFIERS.get(t.id)!, t.line);
  }
  if (p.id() !== T.T_CLASS) p.syntaxError(flags ? [T.T_ABSTRACT, T.T_FINAL, T.T_READONLY, T.T_CLASS] : [T.T_CLASS]);
  // The declaration starts at the `class` keyword (ReflectionClass::getStartLine()).
  const line = p.advance().line;
  const cls = classLike(p, 'class', parseClassNameToken(p), flags, line, attrGroups);
  if (p.accept(T.T_EXTENDS)) cls.extends = parseClassName(p);
  if (p.accept(T.T_IMPLEMENTS)) cls.implements = parseClassNameList(p);
  parseClassBody(p, cls, [C.LBrace]);
  return cls;
}

export function parseInterfaceDeclaration(p: Parser, attrGroups: A.AttributeGroup[]): A.ClassLike {
  const line = p.advance().line;
  const cls = classLike(p, 'interface', parseClassNameToken(p), 0, line, attrGroups);
  if (p.accept(T.T_EXTENDS)) cls.implements = parseClassNameList(p);
  parseClassBody(p, cls, [C.LBrace]);
  return cls;
}

export function parseTraitDeclaration(p: Parser, attrGroups: A.AttributeGroup[]): A.ClassLike {
  const line = p.advance().line;
  const cls = classLike(p, 'trait', parseClassNameToken(p), 0, line, attrGroups);
  // trait_declaration_statement takes the doc comment right after the name (no lookahead needed).
  cls.docComment = p.takeDocComment(p.i - 1);
  parseClassBody(p, cls, [C.LBrace], true);
  return cls;
}

export function parseEnumDeclaration(p: Parser, attrGroups: A.AttributeGroup[]): A.ClassLike {
  const line = p.advance().line;
  const cls = classLike(p, 'enum', parseClassNameToken(p), 0, line, attrGroups);
  if (p.accept(C.Colon)) cls.enumType = parseType(p, true);
  if (p.accept(T.T_IMPLEMENTS)) cls.implements = parseClassNameList(p);
  parseClassBody(p, cls, [C.LBrace]);
  return cls;
}

/** `new class(args) extends X implements Y { ... }`, from `class`. */
export function parseAnonymousClass(p: Parser, attrGroups: A.AttributeGroup[]): { cls: A.ClassLike; args: A.Arg[] } {
  const t = p.advance(); // class
  let args: A.Arg[] = [];
  if (p.id() === C.LParen) {
    const list = parseArgumentList(p);
    if (Array.isArray(list)) args = list;
    else p.deferCompileError('Cannot create Closure for new expression', t.line);
  }
  const cls = classLike(p, 'class', null, 0, t.line, attrGroups);
  if (p.accept(T.T_EXTENDS)) cls.extends = parseClassName(p);
  if (p.accept(T.T_IMPLEMENTS)) cls.implements = parseClassNameList(p);
  parseClassBody(p, cls, [C.LBrace]);
  return { cls, args };
}

/**
 * backup_doc_comment '{' class_statement_list '}'. A bad token before '{' reports only '{': bison
 * reduces the optional extends/implements lists to empty by default.
 */
function parseClassBody(p: Parser, cls: A.ClassLike, expected: readonly number[] | null, docTaken = false): void {
  if (p.id() !== C.LBrace) p.syntaxError(expected);
  if (!docTaken) cls.docComment = p.takeDocComment(p.i);
  p.advance();
  while (p.id() !== C.RBrace) cls.members.push(parseClassStatement(p));
  cls.endLine = p.advance().line;
}

/** class_statement: attributed_class_statement | attributes attributed_class_statement | use ... */
function parseClassStatement(p: Parser): A.ClassMember {
  p.enter(2);
  const first = p.cur();
  const line = first.line;
  let member: A.ClassMember;
  if (first.id === T.T_USE) {
    member = parseTraitUse(p);
  } else {
    const attrGroups = parseAttributeGroups(p);
    member = parseAttributedClassStatement(p, attrGroups, line);
  }
  p.leave(2);
  return member;
}

function parseAttributedClassStatement(p: Parser, attrGroups: A.AttributeGroup[], line: number): A.ClassMember {
  if (p.id() === T.T_CASE) return parseEnumCase(p, attrGroups, line);
  if (p.id() === T.T_VAR) {
    p.advance();
    return parseProperty(p, Modifier.Public, attrGroups, line);
  }
  let flags = 0;
  let any = false;
  for (;;) {
    const m = MEMBER_MODIFIERS.get(p.id());
    if (m === undefined) break;
    const t = p.advance();
    flags = any ? addMemberModifier(p, flags, m, t.line) : m;
    any = true;
  }
  if (p.id() === T.T_CONST) return parseClassConst(p, flags, attrGroups, line);
  if (p.id() === T.T_FUNCTION) return parseMethod(p, flags, attrGroups, line);
  if (!any) p.syntaxError([T.T_FUNCTION, T.T_CONST]);
  return parseProperty(p, flags, attrGroups, line);
}

/** Adds `docComment` to a declarator (a field ast.ts does not declare yet). */
function withDoc<N extends object>(node: N, doc: string | null): N {
  return Object.assign(node, { docComment: doc });
}

function withPublic(flags: number): number {
  return flags & VISIBILITY ? flags : flags | Modifier.Public;
}

/** method_modifiers T_CONST class_const_list ';' */
function parseClassConst(p: Parser, flags: number, attrGroups: A.AttributeGroup[], line: number): A.ClassConst {
  p.advance(); // const
  p.relocateDeferred(attrGroups, line);
  if (flags & Modifier.Static) p.deferCompileError("Cannot use 'static' as constant modifier", line);
  else if (flags & Modifier.Abstract) p.deferCompileError("Cannot use 'abstract' as constant modifier", line);
  else if (flags & Modifier.Readonly) p.deferCompileError("Cannot use 'readonly' as constant modifier", line);
  const consts: A.ClassConstDecl[] = [];
  let docComment: string | null = null;
  for (;;) {
    const name = parseIdentifier(p);
    p.expect(C.Eq);
    const value = parseExpr(p);
    const doc = p.takeDocComment(p.i);
    if (consts.length === 0) docComment = doc;
    // PHP keeps a doc comment per constant; the AST has one per group (also set on each declarator).
    consts.push(withDoc({ kind: 'ClassConstDecl', line: name.line, name, value }, doc));
    if (p.accept(C.Comma)) continue;
    break;
  }
  p.expect(C.Semi, [C.Comma, C.Semi]);
  return { kind: 'ClassConst', line, flags: withPublic(flags), consts, attrGroups, docComment };
}

/** property_modifiers optional_type_without_static property_list ';' */
function parseProperty(p: Parser, flags: number, attrGroups: A.AttributeGroup[], line: number): A.Property {
  p.relocateDeferred(attrGroups, line);
  let type: A.TypeNode | null = null;
  if (startsType(p.id(), false)) type = parseType(p, false);
  const props: A.PropertyDecl[] = [];
  let docComment: string | null = null;
  for (;;) {
    const v = p.cur();
    if (v.id !== T.T_VARIABLE) p.syntaxError([T.T_VARIABLE]);
    p.advance();
    let def: A.Expr | null = null;
    let doc: string | null;
    if (p.id() === C.Eq) {
      p.advance();
      def = parseExpr(p);
      doc = p.takeDocComment(p.i);
    } else {
      doc = p.takeDocComment(p.i);
    }
    if (props.length === 0) docComment = doc;
    // PHP keeps a doc comment per property; the AST has one per group (also set on each declarator).
    props.push(withDoc({ kind: 'PropertyDecl', line: v.line, name: v.text.slice(1), default: def }, doc));
    if (p.accept(C.Comma)) continue;
    break;
  }
  p.expect(C.Semi, [C.Comma, C.Semi]);
  if (flags & Modifier.Abstract) p.deferCompileError('Properties cannot be declared abstract', line);
  return { kind: 'Property', line, flags: withPublic(flags), type, props, attrGroups, docComment };
}

/** method_modifiers function returns_ref identifier '(' parameter_list ')' return_type method_body */
function parseMethod(p: Parser, flags: number, attrGroups: A.AttributeGroup[], first: number): A.ClassMethod {
  // A method starts at its `function` keyword (ReflectionMethod::getStartLine()).
  const line = p.advance().line;
  p.relocateDeferred(attrGroups, line);
  if (flags & Modifier.Readonly) p.deferCompileError("Cannot use 'readonly' as method modifier", first);
  let byRef = false;
  if (p.id() === T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG || p.id() === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG) {
    p.advance();
    byRef = true;
  }
  const name = parseIdentifier(p);
  const docComment = p.takeDocComment(p.i - 1);
  const params = parseParameterList(p);
  const returnType = parseOptionalReturnType(p);
  let body: A.Stmt[] | null = null;
  let endLine: number;
  if (p.id() === C.Semi) {
    endLine = p.advance().line;
  } else {
    if (p.id() !== C.LBrace) p.syntaxError([C.Semi, C.LBrace]);
    const b = parseFunctionBody(p);
    body = b.body;
    endLine = b.endLine;
  }
  return {
    kind: 'ClassMethod', line, flags: withPublic(flags), byRef, name, params, returnType, body, attrGroups,
    docComment, endLine,
  };
}

/** enum_case: T_CASE backup_doc_comment identifier ('=' expr)? ';' */
function parseEnumCase(p: Parser, attrGroups: A.AttributeGroup[], line: number): A.EnumCase {
  p.advance();
  p.relocateDeferred(attrGroups, line);
  p.takeDocComment(p.i - 1);
  const name = parseIdentifier(p);
  let value: A.Expr | null = null;
  if (p.accept(C.Eq)) value = parseExpr(p);
  p.expect(C.Semi);
  return { kind: 'EnumCase', line, name, value, attrGroups };
}

/** T_USE class_name_list trait_adaptations */
function parseTraitUse(p: Parser): A.TraitUse {
  const line = p.advance().line;
  const traits = parseClassNameList(p);
  const adaptations: A.TraitAdaptation[] = [];
  if (p.id() === C.Semi) {
    p.advance();
    return { kind: 'TraitUse', line, traits, adaptations };
  }
  if (p.id() !== C.LBrace) p.syntaxError([C.Comma, C.Semi, C.LBrace]);
  p.advance();
  while (p.id() !== C.RBrace) {
    adaptations.push(parseTraitAdaptation(p));
    p.expect(C.Semi);
  }
  p.advance();
  return { kind: 'TraitUse', line, traits, adaptations };
}

/** trait_precedence | trait_alias */
function parseTraitAdaptation(p: Parser): A.TraitAdaptation {
  const line = p.cur().line;
  let trait: A.Name | null = null;
  let method: A.Identifier;
  const id = p.id();
  const next = p.peekId(1);
  const isClassName = id === T.T_STATIC || id === T.T_STRING || id === T.T_NAME_QUALIFIED ||
    id === T.T_NAME_FULLY_QUALIFIED || id === T.T_NAME_RELATIVE;
  if (isClassName && next === T.T_DOUBLE_COLON) {
    trait = parseClassName(p);
    p.advance(); // ::
    method = parseIdentifier(p);
  } else if (isClassName && !(next === T.T_AS && (id === T.T_STRING || id === T.T_STATIC))) {
    // bison's (LALR-merged) state after a name prefers reducing it to a class name: '::' expected
    p.advance();
    return p.syntaxError([T.T_DOUBLE_COLON]);
  } else {
    method = parseIdentifier(p);
  }
  if (trait !== null && p.id() === T.T_INSTEADOF) {
    p.advance();
    const insteadof = parseClassNameList(p);
    return { kind: 'TraitPrecedence', line, trait, method, insteadof };
  }
  p.expect(T.T_AS, trait !== null ? [T.T_INSTEADOF, T.T_AS] : [T.T_AS]);
  let newModifier: number | null = null;
  let newName: A.Identifier | null = null;
  const m = MEMBER_MODIFIERS.get(p.id());
  if (m !== undefined) {
    p.advance();
    newModifier = m;
    if (isIdentifierToken(p.id())) newName = parseIdentifier(p);
  } else {
    const t = p.cur();
    if (t.id !== T.T_STRING && !RESERVED_NON_MODIFIERS.has(t.id)) p.syntaxError(null);
    checkLexTstring(p, t);
    p.advance();
    newName = { kind: 'Identifier', line: t.line, name: t.text };
  }
  return { kind: 'TraitAlias', line, trait, method, newModifier, newName };
}
