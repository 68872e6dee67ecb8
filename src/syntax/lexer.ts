// The lexer: turns PHP source into exactly the tokens PHP 8.2's token_get_all() returns.
//
// It follows the state machine of php-src's Zend/zend_language_scanner.l (INITIAL, ST_IN_SCRIPTING,
// ST_DOUBLE_QUOTES, ST_HEREDOC, ...), including the quirks that decide token boundaries and line
// numbers, but is written as hand-made char-code dispatch rather than a generated automaton.
//
// Besides the tokens, it reports the errors PHP's scanner raises when it runs for the parser (for
// example "Invalid numeric literal", heredoc indentation errors, unmatched brackets): token_get_all
// stays silent about those, but a compiler must report them. See LexError.

import { T, isIgnorable, type Token } from './tokens.js';
import {
  MIXED_INDENTATION,
  checkHeredocIndentation,
  countNewlines,
  integerFits,
  isBinaryDigit,
  isDigit,
  isHexDigit,
  isLabelChar,
  isLabelStart,
  isOctalDigit,
  isWhitespace,
  matchHeredocStart,
  scanDigits,
  scanEscapes,
  scanLabel,
  scanWhitespace,
  type HeredocStart,
  type StringDiagnostic,
} from './lexer-strings.js';

/**
 * An error (or warning) PHP raises while scanning, in parser mode.
 *
 * PHP raises it at the moment its parser asks the scanner for token `tokenIndex` (an index into the
 * array tokenize() returns; `tokens.length` for errors found at the end of the input), so a parser
 * should report it when it reaches that token — unless it has already failed on an earlier token.
 * Errors are ParseErrors ("Parse error: <message>"); warnings (`warning: true`) are E_COMPILE_WARNINGs
 * that PHP prints and then goes on ("Warning: <message>").
 */
export interface LexError {
  message: string;
  line: number;
  tokenIndex: number;
  warning: boolean;
  /**
   * Set on the one error PHP raises while its scanner state is swapped out (a heredoc whose body
   * starts with an interpolation but whose closing marker is indented): PHP then has no compiled
   * file, so the error names the code being executed instead — "in [no active file] on line 0" for
   * the main script, the include/eval call's file and line otherwise. `line` is 0 then.
   */
  outsideFile?: boolean;
}

export interface LexerOptions {
  /** Whether `<?` opens PHP code (short_open_tag). Default true, as `php -n`. */
  shortOpenTag?: boolean;
  /**
   * Skip a first line starting with `#!`, as PHP does for every file it compiles (the main script and
   * included files alike) but not in token_get_all(). Default false.
   */
  skipShebang?: boolean;
  /** When given, receives the errors PHP's scanner would raise (see LexError). */
  errors?: LexError[];
}

/** Every token, exactly as PHP 8.2's token_get_all($src) returns them (ids, texts, lines). */
export function tokenize(src: string, options: LexerOptions = {}): Token[] {
  const scanner = new Scanner(src, options.shortOpenTag ?? true, options.errors ?? null);
  if (options.skipShebang) scanner.skipShebang();
  const tokens: Token[] = [];
  let line = scanner.line;
  // After __halt_compiler, token_get_all() keeps three more significant tokens (normally `(`, `)`
  // and `;`) and returns everything after them as one T_INLINE_HTML.
  let tokensBeforeHalt = -1;
  for (;;) {
    scanner.tokenIndex = tokens.length;
    const id = scanner.lex();
    if (id === END) break;
    const start = scanner.tokenStart;
    tokens.push({ id, text: src.slice(start, scanner.pos), line, pos: start });
    if (tokensBeforeHalt !== -1) {
      if (!isIgnorable(id) && --tokensBeforeHalt === 0) {
        if (scanner.pos < src.length) {
          tokens.push({ id: T.T_INLINE_HTML, text: src.slice(scanner.pos), line, pos: scanner.pos });
        }
        break;
      }
    } else if (id === T.T_HALT_COMPILER) {
      tokensBeforeHalt = 3;
    }
    if (scanner.incrementLine) {
      scanner.line++;
      scanner.incrementLine = false;
    }
    line = scanner.line;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------

const END = 0;

/** Scanner states (the <ST_...> conditions of zend_language_scanner.l). */
const enum S {
  INITIAL,
  IN_SCRIPTING,
  LOOKING_FOR_PROPERTY,
  DOUBLE_QUOTES,
  BACKQUOTE,
  HEREDOC,
  NOWDOC,
  END_HEREDOC,
  VAR_OFFSET,
  LOOKING_FOR_VARNAME,
}

const USING_SPACES = 1;
const USING_TABS = 2;

interface HeredocLabel {
  label: string;
  /** Indentation of the closing marker, removed from every body line. */
  indentation: number;
  usesSpaces: boolean;
}

/** Reserved words, case-insensitive (the label rule gives T_STRING for anything else). */
const KEYWORDS = new Map<string, number>([
  ['exit', T.T_EXIT], ['die', T.T_EXIT], ['fn', T.T_FN], ['function', T.T_FUNCTION],
  ['const', T.T_CONST], ['return', T.T_RETURN], ['yield', T.T_YIELD], ['try', T.T_TRY],
  ['catch', T.T_CATCH], ['finally', T.T_FINALLY], ['throw', T.T_THROW], ['if', T.T_IF],
  ['elseif', T.T_ELSEIF], ['endif', T.T_ENDIF], ['else', T.T_ELSE], ['while', T.T_WHILE],
  ['endwhile', T.T_ENDWHILE], ['do', T.T_DO], ['for', T.T_FOR], ['endfor', T.T_ENDFOR],
  ['foreach', T.T_FOREACH], ['endforeach', T.T_ENDFOREACH], ['declare', T.T_DECLARE],
  ['enddeclare', T.T_ENDDECLARE], ['instanceof', T.T_INSTANCEOF], ['as', T.T_AS],
  ['switch', T.T_SWITCH], ['match', T.T_MATCH], ['endswitch', T.T_ENDSWITCH], ['case', T.T_CASE],
  ['default', T.T_DEFAULT], ['break', T.T_BREAK], ['continue', T.T_CONTINUE], ['goto', T.T_GOTO],
  ['echo', T.T_ECHO], ['print', T.T_PRINT], ['class', T.T_CLASS], ['interface', T.T_INTERFACE],
  ['trait', T.T_TRAIT], ['enum', T.T_ENUM], ['extends', T.T_EXTENDS], ['implements', T.T_IMPLEMENTS],
  ['new', T.T_NEW], ['clone', T.T_CLONE], ['var', T.T_VAR], ['eval', T.T_EVAL],
  ['include', T.T_INCLUDE], ['include_once', T.T_INCLUDE_ONCE], ['require', T.T_REQUIRE],
  ['require_once', T.T_REQUIRE_ONCE], ['namespace', T.T_NAMESPACE], ['use', T.T_USE],
  ['insteadof', T.T_INSTEADOF], ['global', T.T_GLOBAL], ['isset', T.T_ISSET], ['empty', T.T_EMPTY],
  ['__halt_compiler', T.T_HALT_COMPILER], ['static', T.T_STATIC], ['abstract', T.T_ABSTRACT],
  ['final', T.T_FINAL], ['private', T.T_PRIVATE], ['protected', T.T_PROTECTED],
  ['public', T.T_PUBLIC], ['readonly', T.T_READONLY], ['unset', T.T_UNSET], ['list', T.T_LIST],
  ['array', T.T_ARRAY], ['callable', T.T_CALLABLE], ['or', T.T_LOGICAL_OR],
  ['and', T.T_LOGICAL_AND], ['xor', T.T_LOGICAL_XOR], ['__class__', T.T_CLASS_C],
  ['__trait__', T.T_TRAIT_C], ['__function__', T.T_FUNC_C], ['__method__', T.T_METHOD_C],
  ['__line__', T.T_LINE], ['__file__', T.T_FILE], ['__dir__', T.T_DIR],
  ['__namespace__', T.T_NS_C],
]);
const LONGEST_KEYWORD = 15; // __halt_compiler

/** The words of `(type)` casts, case-insensitive. */
const CASTS = new Map<string, number>([
  ['int', T.T_INT_CAST], ['integer', T.T_INT_CAST], ['bool', T.T_BOOL_CAST],
  ['boolean', T.T_BOOL_CAST], ['float', T.T_DOUBLE_CAST], ['double', T.T_DOUBLE_CAST],
  ['real', T.T_DOUBLE_CAST], ['string', T.T_STRING_CAST], ['binary', T.T_STRING_CAST],
  ['array', T.T_ARRAY_CAST], ['object', T.T_OBJECT_CAST], ['unset', T.T_UNSET_CAST],
]);

const C_TAB = 0x09, C_LF = 0x0a, C_CR = 0x0d, C_SPACE = 0x20;
const C_BANG = 0x21, C_DQUOTE = 0x22, C_HASH = 0x23, C_DOLLAR = 0x24, C_PERCENT = 0x25;
const C_AMP = 0x26, C_QUOTE = 0x27, C_LPAREN = 0x28, C_RPAREN = 0x29, C_STAR = 0x2a;
const C_PLUS = 0x2b, C_COMMA = 0x2c, C_MINUS = 0x2d, C_DOT = 0x2e, C_SLASH = 0x2f;
const C_ZERO = 0x30, C_COLON = 0x3a, C_SEMI = 0x3b, C_LT = 0x3c, C_EQ = 0x3d, C_GT = 0x3e;
const C_QUESTION = 0x3f, C_AT = 0x40, C_LBRACKET = 0x5b, C_BACKSLASH = 0x5c;
const C_RBRACKET = 0x5d, C_CARET = 0x5e, C_BACKTICK = 0x60, C_LBRACE = 0x7b, C_PIPE = 0x7c;
const C_RBRACE = 0x7d, C_TILDE = 0x7e;

/** PHP's single-char TOKENS class, returned as themselves inside "$a[...]" offsets. */
function isOperatorChar(c: number): boolean {
  switch (c) {
    case C_SEMI: case C_COLON: case C_COMMA: case C_DOT: case C_PIPE: case C_CARET: case C_AMP:
    case C_PLUS: case C_MINUS: case C_SLASH: case C_STAR: case C_EQ: case C_PERCENT: case C_BANG:
    case C_TILDE: case C_DOLLAR: case C_LT: case C_GT: case C_QUESTION: case C_AT:
      return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Whether src has `word` (lowercase ASCII) at `pos`, compared case-insensitively. */
function hasWordAt(src: string, pos: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if ((src.charCodeAt(pos + i) | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}

class Scanner {
  pos = 0;
  tokenStart = 0;
  /** PHP's CG(zend_lineno): the line the scanner is on. */
  line = 1;
  /** Set for a token whose final newline counts only from the next token on (`?>\n`, heredocs). */
  incrementLine = false;
  /** Index of the token being scanned, to attach errors to. */
  tokenIndex = 0;

  private state = S.INITIAL;
  private stateStack: S[] = [];
  private heredocs: HeredocLabel[] = [];
  /** Open brackets with the lines they opened on, to report unmatched ones as PHP does. */
  private nestChars: number[] = [];
  private nestLines: number[] = [];
  private tokenHasError = false;

  // Heredoc scan-ahead: to know a heredoc's closing indentation before its body, PHP scans the
  // body once in advance with a copy of the scanner; these fields serve that copy.
  private scanAhead = false;
  private aheadIndentation = 0;
  private aheadUsesSpaces = false;
  /** The copy stops at the first error PHP would throw (even in token_get_all mode). */
  private aheadFailed = false;

  constructor(
    private readonly src: string,
    private readonly shortTags: boolean,
    private readonly errors: LexError[] | null,
  ) {}

  skipShebang(): void {
    const src = this.src;
    if (!src.startsWith('#!')) return;
    let end = src.indexOf('\n');
    if (end === -1) end = src.lastIndexOf('\r');
    if (end === -1) return;
    this.pos = end + 1;
    this.line++;
  }

  /** Scans the next token: returns its id (END at the end) and leaves its text at [tokenStart, pos). */
  lex(): number {
    this.tokenHasError = false;
    for (;;) {
      this.tokenStart = this.pos;
      let id: number;
      switch (this.state) {
        case S.INITIAL: id = this.lexInitial(); break;
        case S.IN_SCRIPTING: id = this.lexScripting(); break;
        case S.LOOKING_FOR_PROPERTY: id = this.lexProperty(); break;
        case S.DOUBLE_QUOTES:
        case S.BACKQUOTE:
        case S.HEREDOC: id = this.lexInterpolated(); break;
        case S.NOWDOC: id = this.lexNowdocBody(); break;
        case S.END_HEREDOC: id = this.lexHeredocEnd(); break;
        case S.VAR_OFFSET: id = this.lexVarOffset(); break;
        case S.LOOKING_FOR_VARNAME: id = this.lexVarname(); break;
      }
      // -1: the state changed without consuming anything; scan again in the new state.
      if (id !== -1) return id;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Errors and state stacks

  /**
   * Records an error PHP raises here. `parserOnly`: PHP raises it only when scanning for its
   * parser; the others are thrown (and discarded) by token_get_all too, which matters for the
   * heredoc scan-ahead, stopped by them.
   */
  private raise(message: string, line: number, parserOnly: boolean): LexError | null {
    if (this.scanAhead) {
      if (!parserOnly) this.aheadFailed = true;
      return null;
    }
    if (this.errors === null || this.tokenHasError) return null;
    this.tokenHasError = true; // PHP stops at the first error of a token
    const error: LexError = { message, line, tokenIndex: this.tokenIndex, warning: false };
    this.errors.push(error);
    return error;
  }

  private reportStringDiagnostics(diagnostics: StringDiagnostic[] | null, line: number): void {
    if (diagnostics === null || this.scanAhead || this.errors === null) return;
    for (const d of diagnostics) {
      if (d.warning) {
        this.errors.push({ message: d.message, line: line + d.newlinesBefore, tokenIndex: this.tokenIndex, warning: true });
      } else {
        this.raise(d.message, line + d.newlinesBefore, true);
      }
    }
  }

  private pushState(state: S): void {
    this.stateStack.push(this.state);
    this.state = state;
  }

  private popState(): void {
    this.state = this.stateStack.pop() ?? S.IN_SCRIPTING;
  }

  private enterNesting(c: number): void {
    this.nestChars.push(c);
    this.nestLines.push(this.line);
  }

  private exitNesting(closing: number): void {
    const depth = this.nestChars.length;
    if (depth === 0) {
      this.raise(`Unmatched '${String.fromCharCode(closing)}'`, this.line, false);
      return;
    }
    const opening = this.nestChars[depth - 1];
    const expected = opening === C_LBRACE ? C_RBRACE : opening === C_LBRACKET ? C_RBRACKET : C_RPAREN;
    if (closing !== expected) {
      this.reportBadNesting(opening, this.nestLines[depth - 1], closing);
      return;
    }
    this.nestChars.pop();
    this.nestLines.pop();
  }

  private reportBadNesting(opening: number, openingLine: number, closing: number): void {
    let message = `Unclosed '${String.fromCharCode(opening)}'`;
    if (this.line !== openingLine) message += ` on line ${openingLine}`;
    if (closing !== 0) message += ` does not match '${String.fromCharCode(closing)}'`;
    this.raise(message, this.line, false);
  }

  private endOfInput(): number {
    const depth = this.nestChars.length;
    if (depth > 0) this.reportBadNesting(this.nestChars[depth - 1], this.nestLines[depth - 1], 0);
    return END;
  }

  // -------------------------------------------------------------------------------------------
  // INITIAL: inline HTML and open tags

  private lexInitial(): number {
    const src = this.src;
    const p = this.pos;
    if (p >= src.length) return this.endOfInput();
    if (src.charCodeAt(p) === C_LT && src.charCodeAt(p + 1) === C_QUESTION) {
      if (src.charCodeAt(p + 2) === C_EQ) {
        this.pos = p + 3;
        this.state = S.IN_SCRIPTING;
        return T.T_OPEN_TAG_WITH_ECHO;
      }
      if (hasWordAt(src, p + 2, 'php')) {
        const after = this.openTagEnd(p + 5);
        if (after !== -1) {
          this.pos = after;
          this.state = S.IN_SCRIPTING;
          return T.T_OPEN_TAG;
        }
        // `<?phpX` is `<?` followed by `phpX` with short tags, else just text.
        if (!this.shortTags) return this.lexInlineHtml(p + 5);
      }
      if (this.shortTags) {
        this.pos = p + 2;
        this.state = S.IN_SCRIPTING;
        return T.T_OPEN_TAG;
      }
      return this.lexInlineHtml(p + 2);
    }
    return this.lexInlineHtml(p + 1);
  }

  /** End of a `<?php` tag whose "php" ends at `p`: it takes one blank or newline; -1 if none. */
  private openTagEnd(p: number): number {
    const src = this.src;
    if (p === src.length) return p;
    const c = src.charCodeAt(p);
    if (c === C_SPACE || c === C_TAB) return p + 1;
    if (c === C_LF) {
      this.line++;
      return p + 1;
    }
    if (c === C_CR) {
      this.line++;
      return src.charCodeAt(p + 1) === C_LF ? p + 2 : p + 1;
    }
    return -1;
  }

  /** T_INLINE_HTML from tokenStart up to the next open tag, looking for it from `from`. */
  private lexInlineHtml(from: number): number {
    const src = this.src;
    const len = src.length;
    let end = len;
    let cursor = from;
    while (cursor < len) {
      const lt = src.indexOf('<', cursor);
      if (lt === -1 || lt + 1 >= len) break;
      cursor = lt + 1;
      if (src.charCodeAt(cursor) !== C_QUESTION) continue;
      if (this.shortTags || src.charCodeAt(cursor + 1) === C_EQ) {
        end = lt;
        break;
      }
      if (hasWordAt(src, cursor + 1, 'php')) {
        const c = src.charCodeAt(cursor + 4);
        if (cursor + 4 === len || c === C_SPACE || c === C_TAB || c === C_LF || c === C_CR) {
          end = lt;
          break;
        }
      }
    }
    this.line += countNewlines(src, this.tokenStart, end);
    this.pos = end;
    return T.T_INLINE_HTML;
  }

  // -------------------------------------------------------------------------------------------
  // ST_IN_SCRIPTING: PHP code

  private lexScripting(): number {
    const src = this.src;
    const p = this.pos;
    if (p >= src.length) return this.endOfInput();
    const c = src.charCodeAt(p);
    const next = src.charCodeAt(p + 1);
    switch (c) {
      case C_SPACE: case C_TAB: case C_LF: case C_CR:
        return this.lexWhitespace(p);
      case C_DOLLAR:
        if (isLabelStart(next)) return this.token(scanLabel(src, p + 1), T.T_VARIABLE);
        return this.token(p + 1, C_DOLLAR);
      case C_QUOTE:
        return this.lexSingleQuoted(p + 1);
      case C_DQUOTE:
        return this.lexDoubleQuoted(p + 1);
      case C_BACKTICK:
        this.state = S.BACKQUOTE;
        return this.token(p + 1, C_BACKTICK);
      case C_LT:
        return this.lexLessThan(p, next);
      case C_GT:
        if (next === C_GT) return src.charCodeAt(p + 2) === C_EQ ? this.token(p + 3, T.T_SR_EQUAL) : this.token(p + 2, T.T_SR);
        if (next === C_EQ) return this.token(p + 2, T.T_IS_GREATER_OR_EQUAL);
        return this.token(p + 1, C_GT);
      case C_EQ:
        if (next === C_EQ) return src.charCodeAt(p + 2) === C_EQ ? this.token(p + 3, T.T_IS_IDENTICAL) : this.token(p + 2, T.T_IS_EQUAL);
        if (next === C_GT) return this.token(p + 2, T.T_DOUBLE_ARROW);
        return this.token(p + 1, C_EQ);
      case C_BANG:
        if (next === C_EQ) return src.charCodeAt(p + 2) === C_EQ ? this.token(p + 3, T.T_IS_NOT_IDENTICAL) : this.token(p + 2, T.T_IS_NOT_EQUAL);
        return this.token(p + 1, C_BANG);
      case C_PLUS:
        if (next === C_PLUS) return this.token(p + 2, T.T_INC);
        if (next === C_EQ) return this.token(p + 2, T.T_PLUS_EQUAL);
        return this.token(p + 1, C_PLUS);
      case C_MINUS:
        if (next === C_MINUS) return this.token(p + 2, T.T_DEC);
        if (next === C_EQ) return this.token(p + 2, T.T_MINUS_EQUAL);
        if (next === C_GT) {
          this.pushState(S.LOOKING_FOR_PROPERTY);
          return this.token(p + 2, T.T_OBJECT_OPERATOR);
        }
        return this.token(p + 1, C_MINUS);
      case C_STAR:
        if (next === C_STAR) return src.charCodeAt(p + 2) === C_EQ ? this.token(p + 3, T.T_POW_EQUAL) : this.token(p + 2, T.T_POW);
        if (next === C_EQ) return this.token(p + 2, T.T_MUL_EQUAL);
        return this.token(p + 1, C_STAR);
      case C_SLASH:
        if (next === C_STAR) return this.lexBlockComment(p);
        if (next === C_SLASH) return this.lexLineComment(p + 2);
        if (next === C_EQ) return this.token(p + 2, T.T_DIV_EQUAL);
        return this.token(p + 1, C_SLASH);
      case C_PERCENT:
        return next === C_EQ ? this.token(p + 2, T.T_MOD_EQUAL) : this.token(p + 1, C_PERCENT);
      case C_DOT:
        if (next === C_DOT && src.charCodeAt(p + 2) === C_DOT) return this.token(p + 3, T.T_ELLIPSIS);
        if (next === C_EQ) return this.token(p + 2, T.T_CONCAT_EQUAL);
        if (isDigit(next)) return this.lexNumber(p);
        return this.token(p + 1, C_DOT);
      case C_AMP:
        if (next === C_AMP) return this.token(p + 2, T.T_BOOLEAN_AND);
        if (next === C_EQ) return this.token(p + 2, T.T_AND_EQUAL);
        return this.token(p + 1, this.isFollowedByVarOrVararg(p + 1)
          ? T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG
          : T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG);
      case C_PIPE:
        if (next === C_PIPE) return this.token(p + 2, T.T_BOOLEAN_OR);
        if (next === C_EQ) return this.token(p + 2, T.T_OR_EQUAL);
        return this.token(p + 1, C_PIPE);
      case C_CARET:
        return next === C_EQ ? this.token(p + 2, T.T_XOR_EQUAL) : this.token(p + 1, C_CARET);
      case C_QUESTION:
        if (next === C_QUESTION) return src.charCodeAt(p + 2) === C_EQ ? this.token(p + 3, T.T_COALESCE_EQUAL) : this.token(p + 2, T.T_COALESCE);
        if (next === C_MINUS && src.charCodeAt(p + 2) === C_GT) {
          this.pushState(S.LOOKING_FOR_PROPERTY);
          return this.token(p + 3, T.T_NULLSAFE_OBJECT_OPERATOR);
        }
        if (next === C_GT) return this.lexCloseTag(p + 2);
        return this.token(p + 1, C_QUESTION);
      case C_COLON:
        return next === C_COLON ? this.token(p + 2, T.T_DOUBLE_COLON) : this.token(p + 1, C_COLON);
      case C_LPAREN:
        return this.lexCastOrParen(p);
      case C_RPAREN: case C_RBRACKET:
        this.exitNesting(c);
        return this.token(p + 1, c);
      case C_LBRACKET:
        this.enterNesting(c);
        return this.token(p + 1, c);
      case C_LBRACE:
        this.pushState(S.IN_SCRIPTING);
        this.enterNesting(c);
        return this.token(p + 1, c);
      case C_RBRACE:
        if (this.stateStack.length > 0) this.popState();
        this.exitNesting(c);
        return this.token(p + 1, c);
      case C_HASH:
        if (next === C_LBRACKET) {
          this.enterNesting(C_LBRACKET);
          return this.token(p + 2, T.T_ATTRIBUTE);
        }
        return this.lexLineComment(p + 1);
      case C_BACKSLASH:
        if (isLabelStart(next)) return this.token(this.scanQualifiedName(p + 1), T.T_NAME_FULLY_QUALIFIED);
        return this.token(p + 1, T.T_NS_SEPARATOR);
      case C_SEMI: case C_COMMA: case C_TILDE: case C_AT:
        return this.token(p + 1, c);
    }
    if (isLabelStart(c)) return this.lexWord(p, next);
    if (isDigit(c)) return this.lexNumber(p);
    return this.token(p + 1, T.T_BAD_CHARACTER);
  }

  private token(end: number, id: number): number {
    this.pos = end;
    return id;
  }

  private lexWhitespace(p: number): number {
    const end = scanWhitespace(this.src, p);
    this.line += countNewlines(this.src, p, end);
    this.pos = end;
    return T.T_WHITESPACE;
  }

  private lexLessThan(p: number, next: number): number {
    const src = this.src;
    if (next === C_LT) {
      const third = src.charCodeAt(p + 2);
      if (third === C_LT) {
        const heredoc = matchHeredocStart(src, p);
        if (heredoc !== null) return this.lexHeredocStart(heredoc);
      }
      return third === C_EQ ? this.token(p + 3, T.T_SL_EQUAL) : this.token(p + 2, T.T_SL);
    }
    if (next === C_EQ) return src.charCodeAt(p + 2) === C_GT ? this.token(p + 3, T.T_SPACESHIP) : this.token(p + 2, T.T_IS_SMALLER_OR_EQUAL);
    if (next === C_GT) return this.token(p + 2, T.T_IS_NOT_EQUAL);
    return this.token(p + 1, C_LT);
  }

  /** `&` is "followed by var or vararg" when blanks and then `$` or `...` come next. */
  private isFollowedByVarOrVararg(p: number): boolean {
    const src = this.src;
    const q = scanWhitespace(src, p);
    const c = src.charCodeAt(q);
    return c === C_DOLLAR || (c === C_DOT && src.charCodeAt(q + 1) === C_DOT && src.charCodeAt(q + 2) === C_DOT);
  }

  /** `?>` (with `p` after it): takes one following newline and goes back to inline HTML. */
  private lexCloseTag(p: number): number {
    const src = this.src;
    const c = src.charCodeAt(p);
    if (c === C_LF) {
      p++;
      this.incrementLine = true;
    } else if (c === C_CR) {
      p += src.charCodeAt(p + 1) === C_LF ? 2 : 1;
      this.incrementLine = true;
    }
    this.state = S.INITIAL;
    return this.token(p, T.T_CLOSE_TAG);
  }

  /** `(` or a cast such as `( int )`: only blanks and tabs may surround the type. */
  private lexCastOrParen(p: number): number {
    const src = this.src;
    let q = p + 1;
    while (src.charCodeAt(q) === C_SPACE || src.charCodeAt(q) === C_TAB) q++;
    const wordStart = q;
    while (isAsciiLetter(src.charCodeAt(q))) q++;
    const wordEnd = q;
    if (wordEnd - wordStart >= 3 && wordEnd - wordStart <= 7) {
      while (src.charCodeAt(q) === C_SPACE || src.charCodeAt(q) === C_TAB) q++;
      if (src.charCodeAt(q) === C_RPAREN) {
        const word = src.slice(wordStart, wordEnd).toLowerCase();
        const cast = CASTS.get(word);
        if (cast !== undefined) {
          if (word === 'real') this.raise('The (real) cast has been removed, use (float) instead', this.line, true);
          return this.token(q + 1, cast);
        }
      }
    }
    this.enterNesting(C_LPAREN);
    return this.token(p + 1, C_LPAREN);
  }

  /** `#` or `//` comment from `p` (after the opener): up to the end of the line or `?>`. */
  private lexLineComment(p: number): number {
    const src = this.src;
    const len = src.length;
    for (; p < len; p++) {
      const c = src.charCodeAt(p);
      if (c === C_LF || c === C_CR) break; // since PHP 8 the newline is whitespace, not comment
      if (c === C_QUESTION && src.charCodeAt(p + 1) === C_GT) break;
    }
    return this.token(p, T.T_COMMENT);
  }

  /** `/* ... *\/`; `/**` followed by whitespace makes a doc comment. */
  private lexBlockComment(p: number): number {
    const src = this.src;
    let bodyStart = p + 2;
    const isDoc = src.charCodeAt(bodyStart) === C_STAR && isWhitespace(src.charCodeAt(bodyStart + 1));
    if (isDoc) bodyStart = scanWhitespace(src, bodyStart + 1);
    const close = src.indexOf('*/', bodyStart);
    let end: number;
    if (close === -1) {
      end = src.length;
      this.raise(`Unterminated comment starting line ${this.line}`, this.line, false);
    } else {
      end = close + 2;
    }
    this.line += countNewlines(src, p, end);
    return this.token(end, isDoc ? T.T_DOC_COMMENT : T.T_COMMENT);
  }

  /** End of `\`-separated labels starting with the label at `p`. */
  private scanQualifiedName(p: number): number {
    const src = this.src;
    let end = scanLabel(src, p);
    while (src.charCodeAt(end) === C_BACKSLASH && isLabelStart(src.charCodeAt(end + 1))) {
      end = scanLabel(src, end + 2);
    }
    return end;
  }

  /** A name, keyword, or `b`-prefixed string starting at `p`. */
  private lexWord(p: number, next: number): number {
    const src = this.src;
    const c = src.charCodeAt(p);
    if (c === 0x62 || c === 0x42) {
      // b'...', b"...", b<<<EOT: the binary-string prefix, a leftover of PHP 6.
      if (next === C_QUOTE) return this.lexSingleQuoted(p + 2);
      if (next === C_DQUOTE) return this.lexDoubleQuoted(p + 2);
      if (next === C_LT) {
        const heredoc = matchHeredocStart(src, p + 1);
        if (heredoc !== null) return this.lexHeredocStart(heredoc);
      }
    }
    const wordEnd = scanLabel(src, p);
    if (src.charCodeAt(wordEnd) === C_BACKSLASH && isLabelStart(src.charCodeAt(wordEnd + 1))) {
      const end = this.scanQualifiedName(p);
      const relative = wordEnd - p === 9 && hasWordAt(src, p, 'namespace');
      return this.token(end, relative ? T.T_NAME_RELATIVE : T.T_NAME_QUALIFIED);
    }
    this.pos = wordEnd;
    if (wordEnd - p < 2 || wordEnd - p > LONGEST_KEYWORD) return T.T_STRING;
    const keyword = KEYWORDS.get(src.slice(p, wordEnd).toLowerCase());
    if (keyword === undefined) return T.T_STRING;
    if (keyword === T.T_YIELD) return this.lexYieldFrom(p, wordEnd);
    if (keyword === T.T_ENUM) return this.isEnumKeyword(wordEnd) ? T.T_ENUM : T.T_STRING;
    return keyword;
  }

  /** `yield` + whitespace + `from` is one token (comments between make it two). */
  private lexYieldFrom(p: number, yieldEnd: number): number {
    const src = this.src;
    const fromStart = scanWhitespace(src, yieldEnd);
    if (fromStart > yieldEnd && hasWordAt(src, fromStart, 'from') && !isLabelChar(src.charCodeAt(fromStart + 4))) {
      this.line += countNewlines(src, p, fromStart);
      return this.token(fromStart + 4, T.T_YIELD_FROM);
    }
    return T.T_YIELD;
  }

  /**
   * `enum` is a keyword only when whitespace and a name follow, so that older code using enum as
   * a class or function name keeps working; `enum extends`/`enum implements` is a class named enum.
   */
  private isEnumKeyword(wordEnd: number): boolean {
    const src = this.src;
    const next = scanWhitespace(src, wordEnd);
    if (next === wordEnd || !isLabelStart(src.charCodeAt(next))) return false;
    return !hasWordAt(src, next, 'extends') && !hasWordAt(src, next, 'implements');
  }

  /** Integer or float literal at `p` (a digit, or a dot followed by a digit). */
  private lexNumber(p: number): number {
    const src = this.src;
    const c = src.charCodeAt(p);
    if (c === C_ZERO) {
      const prefixed = this.scanPrefixedInteger(p);
      if (prefixed !== -1) {
        const radix = (src.charCodeAt(p + 1) | 0x20) === 0x78 ? 16 : (src.charCodeAt(p + 1) | 0x20) === 0x62 ? 2 : 8;
        return this.token(prefixed, integerFits(src.slice(p + 2, prefixed), radix) ? T.T_LNUMBER : T.T_DNUMBER);
      }
    }
    let end: number;
    let isFloat = false;
    if (c === C_DOT) {
      end = scanDigits(src, p + 1, isDigit);
      isFloat = true;
    } else {
      end = scanDigits(src, p, isDigit);
      if (src.charCodeAt(end) === C_DOT) {
        isFloat = true;
        end = isDigit(src.charCodeAt(end + 1)) ? scanDigits(src, end + 1, isDigit) : end + 1;
      }
    }
    if ((src.charCodeAt(end) | 0x20) === 0x65 /* e */) {
      let q = end + 1;
      const sign = src.charCodeAt(q);
      if (sign === C_PLUS || sign === C_MINUS) q++;
      if (isDigit(src.charCodeAt(q))) {
        end = scanDigits(src, q, isDigit);
        isFloat = true;
      }
    }
    this.pos = end;
    if (isFloat) return T.T_DNUMBER;
    const digits = src.slice(p, end);
    if (c === C_ZERO && end - p > 1) {
      // A leading 0 makes an old-style octal literal.
      if (/[89]/.test(digits)) {
        this.raise('Invalid numeric literal', this.line, true);
        return T.T_LNUMBER;
      }
      return integerFits(digits, 8) ? T.T_LNUMBER : T.T_DNUMBER;
    }
    return integerFits(digits, 10) ? T.T_LNUMBER : T.T_DNUMBER;
  }

  /** End of a 0x / 0b / 0o literal at `p`, or -1 when the prefix has no digit after it. */
  private scanPrefixedInteger(p: number): number {
    const src = this.src;
    const kind = src.charCodeAt(p + 1) | 0x20;
    const digitOf = kind === 0x78 ? isHexDigit : kind === 0x62 ? isBinaryDigit : kind === 0x6f ? isOctalDigit : null;
    if (digitOf === null || !digitOf(src.charCodeAt(p + 2))) return -1;
    return scanDigits(src, p + 2, digitOf);
  }

  // -------------------------------------------------------------------------------------------
  // ST_LOOKING_FOR_PROPERTY: after `->` or `?->`, the next name is a property even if a keyword

  private lexProperty(): number {
    const src = this.src;
    const p = this.pos;
    const c = src.charCodeAt(p);
    const next = src.charCodeAt(p + 1);
    if (isWhitespace(c)) return this.lexWhitespace(p);
    if (c === C_MINUS && next === C_GT) return this.token(p + 2, T.T_OBJECT_OPERATOR);
    if (c === C_QUESTION && next === C_MINUS && src.charCodeAt(p + 2) === C_GT) {
      return this.token(p + 3, T.T_NULLSAFE_OBJECT_OPERATOR);
    }
    if (isLabelStart(c)) {
      this.popState();
      return this.token(scanLabel(src, p), T.T_STRING);
    }
    if (c === C_HASH) return this.lexLineComment(p + 1); // even `#[` is a comment here
    if (c === C_SLASH && next === C_SLASH) return this.lexLineComment(p + 2);
    if (c === C_SLASH && next === C_STAR) return this.lexBlockComment(p);
    this.popState();
    return -1;
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  /** '...' from its body start `p`; PHP returns an unterminated one as T_ENCAPSED_AND_WHITESPACE. */
  private lexSingleQuoted(p: number): number {
    const src = this.src;
    const len = src.length;
    let q = p;
    for (;;) {
      if (q >= len) return this.token(len, T.T_ENCAPSED_AND_WHITESPACE); // its lines go uncounted
      const c = src.charCodeAt(q++);
      if (c === C_QUOTE) break;
      if (c === C_BACKSLASH && q < len) q++;
    }
    this.line += countNewlines(src, p, q - 1);
    return this.token(q, T.T_CONSTANT_ENCAPSED_STRING);
  }

  /**
   * "..." from its body start `p`: one T_CONSTANT_ENCAPSED_STRING when nothing is interpolated,
   * else just the opening quote, the body following in ST_DOUBLE_QUOTES.
   */
  private lexDoubleQuoted(p: number): number {
    const src = this.src;
    const len = src.length;
    let q = p;
    while (q < len) {
      const c = src.charCodeAt(q++);
      if (c === C_DQUOTE) {
        const escapes = scanEscapes(src, p, q - 1);
        this.reportStringDiagnostics(escapes.diagnostics, this.line);
        this.line += escapes.newlines;
        return this.token(q, T.T_CONSTANT_ENCAPSED_STRING);
      }
      if (c === C_DOLLAR) {
        const n = src.charCodeAt(q);
        if (isLabelStart(n) || n === C_LBRACE) break;
      } else if (c === C_LBRACE) {
        if (src.charCodeAt(q) === C_DOLLAR) break;
      } else if (c === C_BACKSLASH && q < len) {
        q++;
      }
    }
    this.state = S.DOUBLE_QUOTES;
    return this.token(p, C_DQUOTE);
  }

  /** Inside "...", `...` or a heredoc: variables, `{$`, `${`, the closing quote, or literal text. */
  private lexInterpolated(): number {
    const src = this.src;
    const p = this.pos;
    if (p >= src.length) return this.endOfInput();
    const c = src.charCodeAt(p);
    const next = src.charCodeAt(p + 1);
    if (c === C_DOLLAR) {
      if (isLabelStart(next)) return this.lexInterpolatedVariable(p);
      if (next === C_LBRACE) {
        this.pushState(S.LOOKING_FOR_VARNAME);
        this.enterNesting(C_LBRACE);
        return this.token(p + 2, T.T_DOLLAR_OPEN_CURLY_BRACES);
      }
    } else if (c === C_LBRACE && next === C_DOLLAR) {
      this.pushState(S.IN_SCRIPTING);
      this.enterNesting(C_LBRACE);
      return this.token(p + 1, T.T_CURLY_OPEN);
    } else if ((c === C_DQUOTE && this.state === S.DOUBLE_QUOTES) || (c === C_BACKTICK && this.state === S.BACKQUOTE)) {
      this.state = S.IN_SCRIPTING;
      return this.token(p + 1, c);
    }
    if (this.state === S.HEREDOC) return this.lexHeredocBody(p);
    return this.lexQuotedBody(p, this.state === S.DOUBLE_QUOTES ? C_DQUOTE : C_BACKTICK);
  }

  /** `$name` in a string, maybe starting `$name[...]` or `$name->prop` / `$name?->prop`. */
  private lexInterpolatedVariable(p: number): number {
    const src = this.src;
    const end = scanLabel(src, p + 1);
    const c = src.charCodeAt(end);
    if (c === C_LBRACKET) {
      this.pushState(S.VAR_OFFSET);
    } else if (
      (c === C_MINUS && src.charCodeAt(end + 1) === C_GT && isLabelStart(src.charCodeAt(end + 2))) ||
      (c === C_QUESTION && src.charCodeAt(end + 1) === C_MINUS && src.charCodeAt(end + 2) === C_GT &&
        isLabelStart(src.charCodeAt(end + 3)))
    ) {
      this.pushState(S.LOOKING_FOR_PROPERTY);
    }
    return this.token(end, T.T_VARIABLE);
  }

  /** Literal text of "..." or `...` up to the closing quote or the next interpolation. */
  private lexQuotedBody(p: number, quote: number): number {
    const src = this.src;
    const len = src.length;
    // The first char is literal whatever it is (the rules above did not take it).
    let q = src.charCodeAt(p) === C_BACKSLASH && p + 1 < len ? p + 2 : p + 1;
    while (q < len) {
      const c = src.charCodeAt(q++);
      if (c === quote) {
        q--;
        break;
      }
      if (c === C_DOLLAR) {
        const n = src.charCodeAt(q);
        if (isLabelStart(n) || n === C_LBRACE) {
          q--;
          break;
        }
      } else if (c === C_LBRACE) {
        if (src.charCodeAt(q) === C_DOLLAR) {
          q--;
          break;
        }
      } else if (c === C_BACKSLASH && q < len) {
        q++;
      }
    }
    const escapes = scanEscapes(src, p, q);
    this.reportStringDiagnostics(escapes.diagnostics, this.line);
    this.line += escapes.newlines;
    return this.token(q, T.T_ENCAPSED_AND_WHITESPACE);
  }

  // ST_VAR_OFFSET: the `[...]` of "$a[...]"
  private lexVarOffset(): number {
    const src = this.src;
    const p = this.pos;
    if (p >= src.length) return this.endOfInput();
    const c = src.charCodeAt(p);
    if (isDigit(c)) {
      const prefixed = c === C_ZERO ? this.scanPrefixedInteger(p) : -1;
      return this.token(prefixed !== -1 ? prefixed : scanDigits(src, p, isDigit), T.T_NUM_STRING);
    }
    if (c === C_DOLLAR && isLabelStart(src.charCodeAt(p + 1))) return this.token(scanLabel(src, p + 1), T.T_VARIABLE);
    if (c === C_RBRACKET) {
      this.popState();
      return this.token(p + 1, c);
    }
    if (isOperatorChar(c) || c === C_LBRACKET || c === C_LPAREN || c === C_RPAREN || c === C_LBRACE ||
        c === C_RBRACE || c === C_DQUOTE || c === C_BACKTICK) {
      return this.token(p + 1, c);
    }
    if (isWhitespace(c) || c === C_BACKSLASH || c === C_QUOTE || c === C_HASH) {
      // PHP returns an empty string token here so its parser reports the error at this spot.
      this.popState();
      return this.token(p, T.T_ENCAPSED_AND_WHITESPACE);
    }
    if (isLabelStart(c)) return this.token(scanLabel(src, p), T.T_STRING);
    return this.token(p + 1, T.T_BAD_CHARACTER);
  }

  // ST_LOOKING_FOR_VARNAME: after `${` in a string
  private lexVarname(): number {
    const src = this.src;
    const p = this.pos;
    if (isLabelStart(src.charCodeAt(p))) {
      const end = scanLabel(src, p);
      const c = src.charCodeAt(end);
      if (c === C_LBRACKET || c === C_RBRACE) {
        this.state = S.IN_SCRIPTING;
        return this.token(end, T.T_STRING_VARNAME);
      }
    }
    // Anything else is an expression: `${expr}`.
    this.state = S.IN_SCRIPTING;
    return -1;
  }

  // -------------------------------------------------------------------------------------------
  // Heredoc and nowdoc

  private lexHeredocStart(start: HeredocStart): number {
    const src = this.src;
    const len = src.length;
    this.line++; // the opening line's newline
    const label = src.slice(start.labelStart, start.labelEnd);
    const heredoc: HeredocLabel = { label, indentation: 0, usesSpaces: false };
    this.heredocs.push(heredoc);
    this.state = start.nowdoc ? S.NOWDOC : S.HEREDOC;
    this.pos = start.end;

    // An empty body: the closing marker on the very next line.
    let q = start.end;
    let spacing = 0;
    while (q < len && (src.charCodeAt(q) === C_SPACE || src.charCodeAt(q) === C_TAB)) {
      spacing |= src.charCodeAt(q) === C_TAB ? USING_TABS : USING_SPACES;
      q++;
    }
    if (q === len) return T.T_START_HEREDOC;
    if (this.isClosingMarkerAt(q, label)) {
      if (spacing === (USING_SPACES | USING_TABS)) this.raise(MIXED_INDENTATION, this.line, true);
      heredoc.indentation = q - start.end;
      this.state = S.END_HEREDOC;
      return T.T_START_HEREDOC;
    }
    if (!start.nowdoc && !this.scanAhead) this.measureHeredocIndentation(heredoc);
    return T.T_START_HEREDOC;
  }

  /** Whether the closing marker `label` is at `p` (PHP wants at least one char after it). */
  private isClosingMarkerAt(p: number, label: string): boolean {
    const src = this.src;
    return label.length < src.length - p && src.startsWith(label, p) && !isLabelChar(src.charCodeAt(p + label.length));
  }

  /**
   * A heredoc body is lexed before its closing marker, whose indentation is removed from every line,
   * so PHP first scans ahead to the marker with a copy of the scanner (nested heredocs included).
   */
  private measureHeredocIndentation(heredoc: HeredocLabel): void {
    const ahead = new Scanner(this.src, this.shortTags, null);
    ahead.scanAhead = true;
    ahead.pos = this.pos;
    ahead.line = this.line;
    ahead.state = S.HEREDOC;
    ahead.heredocs = this.heredocs.map((h) => ({ ...h }));
    let nesting = 1;
    let firstToken = 0;
    while (nesting > 0) {
      const id = ahead.lex();
      if (ahead.aheadFailed) break;
      if (firstToken === 0) firstToken = id;
      if (id === T.T_START_HEREDOC) nesting++;
      else if (id === T.T_END_HEREDOC) nesting--;
      else if (id === END) nesting = 0;
    }
    const startsWithInterpolation =
      firstToken === T.T_VARIABLE || firstToken === T.T_DOLLAR_OPEN_CURLY_BRACES || firstToken === T.T_CURLY_OPEN;
    if (startsWithInterpolation && ahead.aheadIndentation > 0) {
      const message = `Invalid body indentation level (expecting an indentation level of at least ${ahead.aheadIndentation})`;
      const error = this.raise(message, 0, true);
      if (error !== null) error.outsideFile = true;
    }
    heredoc.indentation = ahead.aheadIndentation;
    heredoc.usesSpaces = ahead.aheadUsesSpaces;
  }

  /** Literal text of a heredoc, up to an interpolation or the line of the closing marker. */
  private lexHeredocBody(p: number): number {
    const src = this.src;
    const len = src.length;
    const heredoc = this.heredocs[this.heredocs.length - 1];
    const label = heredoc.label;
    let q = p;
    let newline = 0;
    while (q < len) {
      const c = src.charCodeAt(q++);
      if (c === C_LF || c === C_CR) {
        if (c === C_CR && src.charCodeAt(q) === C_LF) q++;
        let spacing = 0;
        const lineStart = q;
        while (q < len && (src.charCodeAt(q) === C_SPACE || src.charCodeAt(q) === C_TAB)) {
          spacing |= src.charCodeAt(q) === C_TAB ? USING_TABS : USING_SPACES;
          q++;
        }
        if (q === len) {
          // Unterminated: the rest is text.
          this.line += countNewlines(src, p, len);
          return this.token(len, T.T_ENCAPSED_AND_WHITESPACE);
        }
        if (!isLabelStart(src.charCodeAt(q)) || !this.isClosingMarkerAt(q, label)) continue;
        if (spacing === (USING_SPACES | USING_TABS)) this.raise(MIXED_INDENTATION, this.line, true);
        newline = src.charCodeAt(lineStart - 2) === C_CR && src.charCodeAt(lineStart - 1) === C_LF ? 2 : 1;
        this.incrementLine = true; // the newline before the marker belongs to no token's value
        if (this.scanAhead) {
          this.aheadIndentation = q - lineStart;
          this.aheadUsesSpaces = spacing === USING_SPACES;
        } else {
          q = lineStart;
        }
        this.state = S.END_HEREDOC;
        break;
      }
      if (c === C_DOLLAR) {
        const n = src.charCodeAt(q);
        if (isLabelStart(n) || n === C_LBRACE) {
          q--;
          break;
        }
      } else if (c === C_LBRACE) {
        if (src.charCodeAt(q) === C_DOLLAR) {
          q--;
          break;
        }
      } else if (c === C_BACKSLASH) {
        // Unlike in "...", a backslash cannot hide a newline: the next line may hold the marker.
        const n = src.charCodeAt(q);
        if (q < len && n !== C_LF && n !== C_CR) q++;
      }
    }
    const valueEnd = q - newline;
    if (!this.scanAhead && !this.tokenHasError) {
      const startsLine = p > 0 && (src.charCodeAt(p - 1) === C_LF || src.charCodeAt(p - 1) === C_CR);
      const problem = checkHeredocIndentation(src, p, valueEnd, heredoc.indentation, heredoc.usesSpaces, startsLine, newline !== 0);
      if (problem !== null) this.raise(problem.message, this.line + problem.newlinesBefore, true);
      else this.reportStringDiagnostics(scanEscapes(src, p, valueEnd).diagnostics, this.line);
    }
    this.line += countNewlines(src, p, valueEnd);
    return this.token(q, T.T_ENCAPSED_AND_WHITESPACE);
  }

  /** The whole body of a nowdoc, up to the line of its closing marker. */
  private lexNowdocBody(): number {
    const src = this.src;
    const len = src.length;
    const p = this.pos;
    if (p >= len) return this.endOfInput();
    const heredoc = this.heredocs[this.heredocs.length - 1];
    const label = heredoc.label;
    let q = p;
    let newline = 0;
    let indentation = 0;
    let spacing = -1; // no newline seen
    while (q < len) {
      const c = src.charCodeAt(q++);
      if (c !== C_LF && c !== C_CR) continue;
      if (c === C_CR && src.charCodeAt(q) === C_LF) q++;
      spacing = 0;
      const lineStart = q;
      while (q < len && (src.charCodeAt(q) === C_SPACE || src.charCodeAt(q) === C_TAB)) {
        spacing |= src.charCodeAt(q) === C_TAB ? USING_TABS : USING_SPACES;
        q++;
      }
      indentation = q - lineStart;
      if (q === len) {
        this.line += countNewlines(src, p, len);
        return this.token(len, T.T_ENCAPSED_AND_WHITESPACE);
      }
      if (!isLabelStart(src.charCodeAt(q)) || !this.isClosingMarkerAt(q, label)) continue;
      if (spacing === (USING_SPACES | USING_TABS)) this.raise(MIXED_INDENTATION, this.line, true);
      newline = src.charCodeAt(lineStart - 2) === C_CR && src.charCodeAt(lineStart - 1) === C_LF ? 2 : 1;
      this.incrementLine = true;
      q = lineStart;
      heredoc.indentation = indentation;
      this.state = S.END_HEREDOC;
      break;
    }
    const valueEnd = q - newline;
    if (spacing !== -1 && !this.scanAhead && !this.tokenHasError) {
      const startsLine = src.charCodeAt(p - 1) === C_LF || src.charCodeAt(p - 1) === C_CR;
      const problem = checkHeredocIndentation(src, p, valueEnd, indentation, spacing === USING_SPACES, startsLine, newline !== 0);
      if (problem !== null) this.raise(problem.message, this.line + problem.newlinesBefore, true);
    }
    this.line += countNewlines(src, p, valueEnd);
    return this.token(q, T.T_ENCAPSED_AND_WHITESPACE);
  }

  /** The closing marker with its indentation (as measured when the body was scanned). */
  private lexHeredocEnd(): number {
    const heredoc = this.heredocs.pop();
    // The length comes from the measured indentation, which can differ from the actual one when
    // PHP's scan-ahead stopped early; PHP then cuts the token short, or runs it into what follows.
    const length = heredoc === undefined ? 1 : heredoc.indentation + heredoc.label.length;
    this.state = S.IN_SCRIPTING;
    return this.token(Math.min(this.src.length, this.pos + length), T.T_END_HEREDOC);
  }
}
