// String literals and interpolation ("$a", "$a[0]", "$a->b", "{$expr}", "${name}", heredocs,
// backticks): the grammar's encaps_list / encaps_var / encaps_var_offset rules.

import { T, type Token } from '../tokens.js';
import type * as A from '../ast.js';
import { Parser, C } from './state.js';
import { parseExpr, parseVariable, parseSimpleVariable, EXPECT_DEREF } from './expressions.js';
import {
  constantStringValue, unescapeDouble, heredocInfo, stripIndentation, trailingNewlineLength, numStringOffset,
  type HeredocInfo,
} from '../strings.js';

export function scalarFromConstantString(p: Parser, t: Token): A.ScalarString {
  return { kind: 'ScalarString', line: t.line, value: constantStringValue(t.text, t.line) };
}

/** How the literal pieces of an encaps_list are turned into values. */
type LiteralFn = (t: Token, isLast: boolean) => string;

/** '"' encaps_list '"' */
export function parseDoubleQuoted(p: Parser): A.Expr {
  const open = p.advance();
  const parts = parseEncapsList(p, C.DQuote, (t) => unescapeDouble(t.text, 34, t.line), [
    T.T_VARIABLE, T.T_DOLLAR_OPEN_CURLY_BRACES, T.T_CURLY_OPEN,
  ]);
  p.expect(C.DQuote);
  return { kind: 'InterpolatedString', line: open.line, parts };
}

/** '`' backticks_expr '`' */
export function parseBackticks(p: Parser): A.ShellExec {
  const open = p.advance();
  const parts = parseEncapsList(p, C.Backtick, (t) => unescapeDouble(t.text, 96, t.line), null);
  p.expect(C.Backtick);
  return { kind: 'ShellExec', line: open.line, parts };
}

/** T_START_HEREDOC (T_ENCAPSED_AND_WHITESPACE | encaps_list)? T_END_HEREDOC; nowdocs too. */
export function parseHeredoc(p: Parser): A.Expr {
  const start = p.advance();
  // The closing marker's indentation is needed before the body: find T_END_HEREDOC.
  let k = p.i;
  let depth = 0;
  while (k < p.toks.length - 1) {
    const id = p.toks[k].id;
    if (id === T.T_START_HEREDOC) depth++;
    else if (id === T.T_END_HEREDOC) {
      if (depth === 0) break;
      depth--;
    }
    k++;
  }
  const endTok = p.toks[k];
  const info = heredocInfo(start.text, endTok.id === T.T_END_HEREDOC ? endTok.text : '');
  const literal: LiteralFn = (t, isLast) => heredocPiece(p, t, info, isLast);
  const parts = parseEncapsList(p, T.T_END_HEREDOC, literal, [
    T.T_VARIABLE, T.T_END_HEREDOC, T.T_DOLLAR_OPEN_CURLY_BRACES, T.T_CURLY_OPEN,
  ]);
  p.expect(T.T_END_HEREDOC, null);
  if (parts.length === 0) return { kind: 'ScalarString', line: start.line, value: '' };
  if (parts.length === 1 && typeof parts[0] === 'string') {
    return { kind: 'ScalarString', line: start.line, value: parts[0] };
  }
  return { kind: 'InterpolatedString', line: start.line, parts };
}

function heredocPiece(p: Parser, t: Token, info: HeredocInfo, isLast: boolean): string {
  let text = t.text;
  if (isLast) text = text.slice(0, text.length - trailingNewlineLength(text));
  const before = p.src.charCodeAt(t.pos - 1);
  const newlineAtStart = before === 10 || before === 13;
  text = stripIndentation(text, info.indentation, info.usingSpaces, newlineAtStart, isLast, t.line);
  return info.nowdoc ? text : unescapeDouble(text, 0, t.line);
}

/**
 * encaps_list up to (not including) `end`. `afterFirstLiteral` is what bison expects right after a
 * leading literal piece (the grammar makes that state narrow).
 */
function parseEncapsList(
  p: Parser,
  end: number,
  literal: LiteralFn,
  afterFirstLiteral: readonly number[] | null,
): (string | A.Expr)[] {
  const parts: (string | A.Expr)[] = [];
  let first = true;
  while (p.id() !== end) {
    const t = p.cur();
    if (t.id === T.T_ENCAPSED_AND_WHITESPACE) {
      p.advance();
      const isLast = p.id() === end;
      const s = literal(t, isLast);
      if (s !== '') parts.push(s);
      if (first && !isLast && !isEncapsVarStart(p.id())) p.syntaxError(afterFirstLiteral);
      first = false;
      continue;
    }
    first = false;
    parts.push(parseEncapsVar(p));
  }
  return parts;
}

function isEncapsVarStart(id: number): boolean {
  return id === T.T_VARIABLE || id === T.T_DOLLAR_OPEN_CURLY_BRACES || id === T.T_CURLY_OPEN;
}

/** encaps_var */
function parseEncapsVar(p: Parser): A.Expr {
  const t = p.cur();
  const line = t.line;
  switch (t.id) {
    case T.T_VARIABLE: {
      p.advance();
      const v: A.Variable = { kind: 'Variable', line, name: t.text.slice(1) };
      if (p.id() === C.LBracket) {
        p.advance();
        const dim = parseEncapsOffset(p);
        p.expect(C.RBracket);
        return { kind: 'ArrayDimFetch', line, var: v, dim };
      }
      if (p.id() === T.T_OBJECT_OPERATOR || p.id() === T.T_NULLSAFE_OBJECT_OPERATOR) {
        const op = p.advance();
        const nt = p.expect(T.T_STRING);
        const name: A.Identifier = { kind: 'Identifier', line: nt.line, name: nt.text };
        return op.id === T.T_NULLSAFE_OBJECT_OPERATOR
          ? { kind: 'NullsafePropertyFetch', line, var: v, name }
          : { kind: 'PropertyFetch', line, var: v, name };
      }
      return v;
    }
    case T.T_DOLLAR_OPEN_CURLY_BRACES: {
      // PHP 8.2 deprecates both "${name}" forms at compile time; the node is marked with
      // `dollarCurly` ('var' or 'expr') so the compiler can say so (ast.ts has no field for it).
      p.advance();
      if (p.id() === T.T_STRING_VARNAME) {
        const nameTok = p.advance();
        const v: A.Variable = { kind: 'Variable', line, name: nameTok.text };
        if (p.id() === C.LBracket) {
          p.advance();
          const dim = parseExpr(p);
          p.expect(C.RBracket, null);
          p.expect(C.RBrace);
          return Object.assign({ kind: 'ArrayDimFetch', line, var: v, dim } as A.ArrayDimFetch, { dollarCurly: 'var' });
        }
        p.expect(C.RBrace, [C.LBracket, C.RBrace]);
        return Object.assign(v, { dollarCurly: 'var' });
      }
      const e = parseExpr(p);
      p.expect(C.RBrace, null);
      return Object.assign({ kind: 'Variable', line, name: e } as A.Variable, { dollarCurly: 'expr' });
    }
    case T.T_CURLY_OPEN: {
      p.advance();
      const v = parseVariable(p, null);
      p.expect(C.RBrace, EXPECT_DEREF);
      return v;
    }
    default:
      return p.syntaxError(null);
  }
}

/** encaps_var_offset: T_STRING | T_NUM_STRING | '-' T_NUM_STRING | T_VARIABLE */
function parseEncapsOffset(p: Parser): A.Expr {
  const t = p.cur();
  const expected = [C.Minus, T.T_STRING, T.T_VARIABLE, T.T_NUM_STRING];
  switch (t.id) {
    case T.T_STRING:
      p.advance();
      return { kind: 'ScalarString', line: t.line, value: t.text };
    case T.T_NUM_STRING:
      p.advance();
      return numOffset(t, false);
    case C.Minus: {
      p.advance();
      const n = p.expect(T.T_NUM_STRING);
      return numOffset(n, true);
    }
    case T.T_VARIABLE:
      return parseSimpleVariable(p);
    default:
      return p.syntaxError(expected);
  }
}

function numOffset(t: Token, negative: boolean): A.Expr {
  const v = numStringOffset(t.text, negative);
  if ('int' in v) return { kind: 'ScalarInt', line: t.line, value: v.int };
  if ('str' in v) return { kind: 'ScalarString', line: t.line, value: v.str };
  return { kind: 'ScalarFloat', line: t.line, value: v.float };
}
