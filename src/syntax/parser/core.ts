// Parsing a token stream (token_get_all()'s output) into a Program.

import type { Token } from '../tokens.js';
import type { Program } from '../ast.js';
import { PhpSyntaxError } from '../errors.js';
import { Parser, C, type ParseOptions } from './state.js';
import { parseTopStatements } from './statements.js';

export type { ParseOptions };

/** Parses the tokens of `src` (as the lexer returns them, whitespace and comments included). */
export function parseTokens(src: string, tokens: Token[], options: ParseOptions = {}): Program {
  const p = new Parser(src, tokens, options);
  let stmts;
  try {
    stmts = parseTopStatements(p, C.End);
    if (!p.halted) p.expect(C.End, null);
  } catch (e) {
    // A JS stack overflow on absurdly deep nesting: bison's own stack would overflow too.
    if (e instanceof RangeError) throw new PhpSyntaxError('memory exhausted', p.endLine(p.i), 'parse');
    throw e;
  }
  p.throwDeferred();
  return { stmts, haltOffset: p.haltOffset, warnings: p.lexWarnings };
}
