// Names, identifiers (PHP's semi_reserved rules), type declarations (nullable, union, intersection,
// DNF) and attributes.

import { T, type Token } from '../tokens.js';
import type * as A from '../ast.js';
import { Parser, C } from './state.js';
import { parseArgumentList } from './expressions.js';

/** reserved_non_modifiers: keywords usable as method, constant and class-constant names. */
export const RESERVED_NON_MODIFIERS: ReadonlySet<number> = new Set<number>([
  T.T_INCLUDE, T.T_INCLUDE_ONCE, T.T_EVAL, T.T_REQUIRE, T.T_REQUIRE_ONCE, T.T_LOGICAL_OR, T.T_LOGICAL_XOR,
  T.T_LOGICAL_AND, T.T_INSTANCEOF, T.T_NEW, T.T_CLONE, T.T_EXIT, T.T_IF, T.T_ELSEIF, T.T_ELSE, T.T_ENDIF,
  T.T_ECHO, T.T_DO, T.T_WHILE, T.T_ENDWHILE, T.T_FOR, T.T_ENDFOR, T.T_FOREACH, T.T_ENDFOREACH, T.T_DECLARE,
  T.T_ENDDECLARE, T.T_AS, T.T_TRY, T.T_CATCH, T.T_FINALLY, T.T_THROW, T.T_USE, T.T_INSTEADOF, T.T_GLOBAL,
  T.T_VAR, T.T_UNSET, T.T_ISSET, T.T_EMPTY, T.T_CONTINUE, T.T_GOTO, T.T_FUNCTION, T.T_CONST, T.T_RETURN,
  T.T_PRINT, T.T_YIELD, T.T_LIST, T.T_SWITCH, T.T_ENDSWITCH, T.T_CASE, T.T_DEFAULT, T.T_BREAK, T.T_ARRAY,
  T.T_CALLABLE, T.T_EXTENDS, T.T_IMPLEMENTS, T.T_NAMESPACE, T.T_TRAIT, T.T_INTERFACE, T.T_CLASS, T.T_CLASS_C,
  T.T_TRAIT_C, T.T_FUNC_C, T.T_METHOD_C, T.T_LINE, T.T_FILE, T.T_DIR, T.T_NS_C, T.T_FN, T.T_MATCH, T.T_ENUM,
]);

/** Member modifiers: semi_reserved = reserved_non_modifiers + these. */
export const MODIFIER_TOKENS: ReadonlySet<number> = new Set<number>([
  T.T_STATIC, T.T_ABSTRACT, T.T_FINAL, T.T_PRIVATE, T.T_PROTECTED, T.T_PUBLIC, T.T_READONLY,
]);

export function isSemiReserved(id: number): boolean {
  return RESERVED_NON_MODIFIERS.has(id) || MODIFIER_TOKENS.has(id);
}

/** `identifier`: T_STRING or any semi-reserved keyword. */
export function isIdentifierToken(id: number): boolean {
  return id === T.T_STRING || isSemiReserved(id);
}

export function isNameToken(id: number): boolean {
  return id === T.T_STRING || id === T.T_NAME_QUALIFIED || id === T.T_NAME_FULLY_QUALIFIED || id === T.T_NAME_RELATIVE;
}

export const NAME_TOKENS: readonly number[] = [T.T_STRING, T.T_NAME_QUALIFIED, T.T_NAME_FULLY_QUALIFIED, T.T_NAME_RELATIVE];

export function nameFromToken(t: Token): A.Name {
  switch (t.id) {
    case T.T_NAME_FULLY_QUALIFIED:
      return { kind: 'Name', line: t.line, name: t.text.slice(1), form: 'fully' };
    case T.T_NAME_RELATIVE:
      // "namespace\Foo": drop the keyword and the separator
      return { kind: 'Name', line: t.line, name: t.text.slice(10), form: 'relative' };
    case T.T_NAME_QUALIFIED:
      return { kind: 'Name', line: t.line, name: t.text, form: 'qualified' };
    default:
      return { kind: 'Name', line: t.line, name: t.text, form: 'unqualified' };
  }
}

export function simpleName(text: string, line: number): A.Name {
  return { kind: 'Name', line, name: text, form: 'unqualified' };
}

/** name: any of the four name tokens. */
export function parseName(p: Parser, expected: readonly number[] | null = NAME_TOKENS): A.Name {
  if (!isNameToken(p.id())) p.syntaxError(expected);
  return nameFromToken(p.advance());
}

/** class_name: `static` or a name. */
export function parseClassName(p: Parser, expected: readonly number[] | null = null): A.Name {
  if (p.id() === T.T_STATIC) {
    const t = p.advance();
    return simpleName(t.text, t.line);
  }
  if (!isNameToken(p.id())) p.syntaxError(expected);
  return nameFromToken(p.advance());
}

/** class_name_list: class_name (',' class_name)* */
export function parseClassNameList(p: Parser): A.Name[] {
  const names = [parseClassName(p)];
  while (p.accept(C.Comma)) names.push(parseClassName(p));
  return names;
}

/** identifier: T_STRING | semi_reserved (the keyword keeps its spelling). */
export function parseIdentifier(p: Parser, expected: readonly number[] | null = null): A.Identifier {
  const t = p.cur();
  if (!isIdentifierToken(t.id)) p.syntaxError(expected);
  checkLexTstring(p, t);
  p.advance();
  return { kind: 'Identifier', line: t.line, name: t.text };
}

/** zend_lex_tstring refuses `<?=` (lexed as `echo`) as an identifier. */
export function checkLexTstring(p: Parser, t: Token): void {
  if (t.id === T.T_ECHO && t.text.startsWith('<?=')) {
    p.parseErrorNow('Cannot use "<?=" as an identifier', t.line);
  }
}

// ───────────────────────────── types ─────────────────────────────

/** Can the current token start a type (type_expr_without_static, or type_expr when allowStatic)? */
export function startsType(id: number, allowStatic: boolean): boolean {
  return (
    id === C.Question || id === C.LParen || id === T.T_ARRAY || id === T.T_CALLABLE || isNameToken(id) ||
    (allowStatic && id === T.T_STATIC)
  );
}

function parseSingleType(p: Parser, allowStatic: boolean): A.SimpleType {
  const t = p.cur();
  if (t.id === T.T_ARRAY || t.id === T.T_CALLABLE || (allowStatic && t.id === T.T_STATIC)) {
    p.advance();
    return { kind: 'SimpleType', line: t.line, name: simpleName(t.text, t.line) };
  }
  if (!isNameToken(t.id)) p.syntaxError(null);
  p.advance();
  return { kind: 'SimpleType', line: t.line, name: nameFromToken(t) };
}

/** intersection_type: type (& type)+, with `&` not followed by a variable or `...`. */
function parseIntersectionRest(p: Parser, first: A.SimpleType, allowStatic: boolean): A.IntersectionType {
  const types = [first];
  while (p.id() === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG) {
    p.advance();
    types.push(parseSingleType(p, allowStatic));
  }
  return { kind: 'IntersectionType', line: first.line, types };
}

/** '(' intersection_type ')' inside a DNF union. */
function parseParenthesizedIntersection(p: Parser, allowStatic: boolean): A.IntersectionType {
  p.expect(C.LParen);
  const first = parseSingleType(p, allowStatic);
  if (p.id() !== T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG) p.syntaxError([T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG]);
  const inter = parseIntersectionRest(p, first, allowStatic);
  p.expect(C.RParen, [C.RParen, T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG]);
  return inter;
}

/**
 * type_expr: type | '?' type | union_type | intersection_type. `allowStatic` distinguishes return
 * types from parameter and property types (where `static` is not a type).
 */
export function parseType(p: Parser, allowStatic: boolean): A.TypeNode {
  const line = p.cur().line;
  if (p.id() === C.Question) {
    p.advance();
    const inner = parseSingleType(p, allowStatic);
    return { kind: 'NullableType', line, type: inner };
  }
  let first: A.SimpleType | A.IntersectionType;
  if (p.id() === C.LParen) {
    first = parseParenthesizedIntersection(p, allowStatic);
    if (p.id() !== C.Pipe) p.syntaxError([C.Pipe]);
  } else {
    first = parseSingleType(p, allowStatic);
    if (p.id() === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG) return parseIntersectionRest(p, first, allowStatic);
  }
  if (p.id() !== C.Pipe) return first;
  const types: (A.SimpleType | A.IntersectionType)[] = [first];
  while (p.accept(C.Pipe)) {
    types.push(p.id() === C.LParen ? parseParenthesizedIntersection(p, allowStatic) : parseSingleType(p, allowStatic));
  }
  return { kind: 'UnionType', line, types };
}

/** return_type: (':' type_expr)? */
export function parseOptionalReturnType(p: Parser): A.TypeNode | null {
  if (!p.accept(C.Colon)) return null;
  return parseType(p, true);
}

// ───────────────────────────── attributes ─────────────────────────────

/** attributes: ('#[' attribute_group possible_comma ']')+ ; empty array when there are none. */
export function parseAttributeGroups(p: Parser): A.AttributeGroup[] {
  const groups: A.AttributeGroup[] = [];
  while (p.id() === T.T_ATTRIBUTE) groups.push(parseAttributeGroup(p));
  return groups;
}

function parseAttributeGroup(p: Parser): A.AttributeGroup {
  const start = p.advance();
  const attrs: A.Attribute[] = [];
  const group: A.AttributeGroup = { kind: 'AttributeGroup', line: start.line, attrs };
  const outer = p.deferGroup;
  p.deferGroup = group;
  for (;;) {
    const name = parseClassName(p, [T.T_STATIC, ...NAME_TOKENS]);
    let args: A.Arg[] = [];
    if (p.id() === C.LParen) {
      const list = parseArgumentList(p);
      if (Array.isArray(list)) args = list;
      else p.deferCompileError('Cannot create Closure as attribute argument', name.line);
    }
    attrs.push({ kind: 'Attribute', line: name.line, name, args });
    if (p.id() === C.Comma) {
      p.advance();
      if (p.id() === C.RBracket) break;
      // after ',' bison reduces the optional trailing comma: only ']' is expected
      if (p.id() !== T.T_STATIC && !isNameToken(p.id())) p.syntaxError([C.RBracket]);
      continue;
    }
    break;
  }
  p.deferGroup = outer;
  p.expect(C.RBracket);
  return group;
}
