// The PHP 8.2 parser: source text → AST (src/syntax/ast.ts).
//
// A hand-written recursive-descent parser over the lexer's tokens, following php-src's
// Zend/zend_language_parser.y rule by rule, with PHP's exact operator precedence and PHP's syntax
// error messages. The grammar lives in ./parser/: statements.ts, expressions.ts, classes.ts,
// functions.ts, names_and_types.ts, interpolation.ts; literal values in ./strings.ts.

import type { Program } from './ast.js';
import { tokenize, type LexError } from './lexer.js';
import { parseTokens, type ParseOptions } from './parser/core.js';

export { parseTokens };
export type { ParseOptions };

export interface ParseFileOptions {
  /** Whether `<?` opens PHP code (short_open_tag). Default true, as `php -n`. */
  shortOpenTag?: boolean;
  /** Skip a first `#!` line, as PHP does for the files it compiles. Default true. */
  skipShebang?: boolean;
  /** Receives the compile warnings the lexer found ("Octal escape sequence overflow ..."). */
  warnings?: { message: string; line: number }[];
}

/**
 * Parses a PHP file. `src` is a binary string (char codes 0-255, the file's bytes). Throws a
 * PhpSyntaxError: type 'parse' for what PHP reports as "Parse error", 'compile' for the "Fatal
 * error"s PHP raises while parsing and a few purely syntactic ones it raises while compiling.
 */
export function parse(src: string, options: ParseFileOptions = {}): Program {
  const errors: LexError[] = [];
  const tokens = tokenize(src, {
    shortOpenTag: options.shortOpenTag ?? true,
    skipShebang: options.skipShebang ?? true,
    errors,
  });
  if (options.warnings) {
    for (const e of errors) if (e.warning) options.warnings.push({ message: e.message, line: e.line });
  }
  return parseTokens(src, tokens, { shortOpenTag: options.shortOpenTag, errors });
}
