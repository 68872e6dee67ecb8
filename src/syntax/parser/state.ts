// The parser's state: the significant tokens of a file, a cursor over them, doc-comment tracking,
// and PHP's syntax error messages. The grammar functions (statements.ts, expressions.ts, ...) are
// free functions taking this object.
//
// PHP's parser is a bison LALR(1) parser fed by a lexer that runs one token ahead. Two consequences
// shape this file:
//  - a lexer error (bad nesting, invalid escape...) is reported when the parser first *looks at* the
//    token carrying it, so errors are attached to tokens and thrown by `cur()`;
//  - bison's "syntax error, unexpected X, expecting A or B" lists the tokens acceptable in the LR state
//    where the error is detected. Callers pass that list (or null when bison's state accepts more than
//    four tokens, which makes bison print no list).

import { T, type Token } from '../tokens.js';
import { PhpSyntaxError } from '../errors.js';

/** Single-character token ids (the character's code), named. */
export const enum C {
  End = 0,
  Bang = 33,
  DQuote = 34,
  Dollar = 36,
  Percent = 37,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Colon = 58,
  Semi = 59,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  Question = 63,
  At = 64,
  LBracket = 91,
  RBracket = 93,
  Caret = 94,
  Backtick = 96,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
  Tilde = 126,
}

/** An error the lexer found: reported when the parser asks for raw token `tokenIndex`. */
export interface LexerError {
  message: string;
  line: number;
  /** index into the raw token array (tokens.length: at the end); without it, located by line */
  tokenIndex?: number;
  /** a compile warning (PHP goes on): not an error */
  warning?: boolean;
}

export interface ParseOptions {
  shortOpenTag?: boolean;
  /**
   * Errors the lexer found; each becomes a parse error when the parser reaches it. When absent, the
   * parser checks bracket nesting itself (PHP's lexer does that check).
   */
  errors?: LexerError[];
}

interface PendingError {
  message: string;
  line: number;
  type: 'parse' | 'compile';
}

/** A compile error PHP raises after parsing (zend_compile.c); reported only if the parse succeeds. */
interface DeferredError {
  message: string;
  line: number;
  seq: number;
  /** the node whose conversion cancels the error (an array literal that turns out to be a list) */
  key: object | null;
  /** attribute arguments are compiled with their owner: the error takes the owner's line */
  group: object | null;
}

/** Tokens after which a T_ENCAPSED_AND_WHITESPACE is a piece of a string body. */
const STRING_CONTEXT: ReadonlySet<number> = new Set<number>([
  C.DQuote, C.Backtick, T.T_START_HEREDOC, T.T_VARIABLE, T.T_STRING, C.RBracket, C.RBrace, T.T_NUM_STRING,
]);

function countNewlines(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) n++;
  }
  return n;
}

export class Parser {
  readonly src: string;
  /** Significant tokens, ending with an END token (id 0). `?>` is turned into ';' and `<?=` into `echo`. */
  readonly toks: Token[];
  /** Doc comment in the trivia right before each token (the last one if several). */
  private readonly docBefore: (string | null)[];
  /** Lexer-level errors, thrown when the parser looks at the token. */
  private readonly errAt = new Map<number, PendingError>();
  private firstErr = Infinity;
  i = 0;
  /** Position after `__halt_compiler();` once seen. */
  haltOffset: number | null = null;
  /** the scanner's compile warnings (octal escape overflow), shown when the file runs */
  lexWarnings: { message: string; line: number }[] = [];
  halted = false;
  /** Nodes written in parentheses: `($a)` is not a `variable` and `(a ? b : c) ? d : e` is fine. */
  readonly parenthesized = new WeakSet<object>();
  private readonly deferred: DeferredError[] = [];
  private deferSeq = 0;
  /** Nesting depth guard: bison's stack is limited too ("memory exhausted"). */
  depth = 0;
  // Doc comment state: PHP keeps the last doc comment seen by the lexer in CG(doc_comment); `}`
  // clears it, and each declaration takes (and clears) it at a fixed point of its rule.
  private docApplied = 0;
  private docCurrent: string | null = null;

  constructor(src: string, raw: Token[], options: ParseOptions) {
    this.src = src;
    const toks: Token[] = [];
    const docs: (string | null)[] = [];
    /** raw index → index of the first significant token at or after it */
    const rawToSig: number[] = [];
    let doc: string | null = null;
    let line = 1;
    for (const t of raw) {
      rawToSig.push(toks.length);
      switch (t.id) {
        case T.T_WHITESPACE:
        case T.T_COMMENT:
        case T.T_OPEN_TAG:
          continue;
        case T.T_DOC_COMMENT:
          doc = t.text;
          continue;
        case T.T_OPEN_TAG_WITH_ECHO:
          // The lexer gives the parser `echo` for `<?=` (the text stays, for error messages).
          toks.push({ id: T.T_ECHO, text: t.text, line: t.line, pos: t.pos });
          break;
        case T.T_CLOSE_TAG:
          toks.push({ id: C.Semi, text: t.text, line: t.line, pos: t.pos });
          break;
        default:
          toks.push(t);
      }
      docs.push(doc);
      doc = null;
    }
    const last = raw.length > 0 ? raw[raw.length - 1] : null;
    if (last) line = last.line + countNewlines(last.text);
    toks.push({ id: C.End, text: '', line, pos: src.length });
    docs.push(doc);
    this.toks = toks;
    this.docBefore = docs;
    rawToSig.push(toks.length - 1);
    if (options.errors) {
      for (const e of options.errors) {
        if (e.warning) {
          this.lexWarnings.push({ message: e.message, line: e.line });
          continue;
        }
        if (e.tokenIndex !== undefined) {
          const k = rawToSig[Math.min(e.tokenIndex, rawToSig.length - 1)];
          this.attachError(k, e.message, e.line);
        } else {
          this.attachErrorAtLine(e.message, e.line);
        }
      }
    } else {
      checkNesting(this);
    }
  }

  // ───────────── errors attached to tokens ─────────────

  /** Line PHP reports for an error at token k: where the lexer is after reading it. */
  endLine(k: number): number {
    const t = this.toks[k];
    // `?>` + newline: PHP counts that newline only when it reads the next token
    if (t.id === C.Semi && t.text.length > 1) return t.line;
    // an unterminated single-quoted string runs to the end of the file; PHP counts no newline in it
    if (t.id === T.T_ENCAPSED_AND_WHITESPACE && t.pos + t.text.length === this.src.length &&
      /^[bB]?'/.test(t.text) && k > 0 && !STRING_CONTEXT.has(this.toks[k - 1].id)) return t.line;
    return t.line + countNewlines(t.text);
  }

  attachError(k: number, message: string, line: number, type: 'parse' | 'compile' = 'parse'): void {
    if (this.errAt.has(k)) return;
    this.errAt.set(k, { message, line, type });
    if (k < this.firstErr) this.firstErr = k;
  }

  /** A lexer error known only by line: it belongs to the first token that ends on or after it. */
  private attachErrorAtLine(message: string, line: number): void {
    let k = 0;
    while (k < this.toks.length - 1 && this.endLine(k) < line) k++;
    this.attachError(k, message, line);
  }

  // ───────────── cursor ─────────────

  /** The current token; throws the lexer error the lexer would have raised while reading it. */
  cur(): Token {
    if (this.i >= this.firstErr) this.throwLexerError();
    return this.toks[this.i];
  }

  id(): number {
    if (this.i >= this.firstErr) this.throwLexerError();
    return this.toks[this.i].id;
  }

  /** Id of a token further ahead (no lexer-error check: bison would not have read it yet). */
  peekId(k: number): number {
    const j = this.i + k;
    return j < this.toks.length ? this.toks[j].id : C.End;
  }

  peek(k: number): Token {
    const j = this.i + k;
    return j < this.toks.length ? this.toks[j] : this.toks[this.toks.length - 1];
  }

  private throwLexerError(): never | void {
    for (let k = this.firstErr; k <= this.i; k++) {
      const e = this.errAt.get(k);
      if (e) throw new PhpSyntaxError(e.message, e.line, e.type);
    }
  }

  advance(): Token {
    const t = this.cur();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }

  accept(id: number): Token | null {
    if (this.id() === id) return this.advance();
    return null;
  }

  /**
   * Consumes a token of the given kind or fails like bison. `expected` is the list bison prints for
   * the state; pass null where bison's state accepts many tokens (operators after an expression).
   */
  expect(id: number, expected: readonly number[] | null = [id]): Token {
    if (this.id() !== id) this.syntaxError(expected);
    return this.advance();
  }

  syntaxError(expected: readonly number[] | null = null): never {
    const t = this.cur();
    this.lastSyntaxErrorAt = this.i;
    let msg = 'syntax error, unexpected ' + describeUnexpected(t);
    if (expected && expected.length > 0 && expected.length <= 4) {
      const sorted = [...new Set(expected)].sort((a, b) => symbolOrder(a) - symbolOrder(b));
      msg += ', expecting ' + sorted.map(describeExpected).join(' or ');
    }
    throw new PhpSyntaxError(msg, this.endLine(this.i), 'parse');
  }

  /** A ParseError PHP raises from a grammar action (not a bison syntax error). */
  parseErrorNow(message: string, line: number): never {
    throw new PhpSyntaxError(message, line, 'parse');
  }

  /** An error PHP raises while parsing (in a grammar action), e.g. duplicated modifiers. */
  compileErrorNow(message: string, line: number): never {
    throw new PhpSyntaxError(message, line, 'compile', true);
  }

  /** A compile error PHP finds after parsing; reported only if the whole file parses. */
  deferCompileError(message: string, line: number, key: object | null = null): void {
    this.deferred.push({ message, line, seq: this.deferSeq++, key, group: this.deferGroup });
  }

  /** While set, deferred errors belong to this group (see relocateDeferred). */
  deferGroup: object | null = null;

  /** Gives the deferred errors of these groups the line where PHP compiles them. */
  relocateDeferred(groups: readonly object[], line: number): void {
    if (groups.length === 0) return;
    for (const d of this.deferred) if (d.group !== null && groups.includes(d.group)) d.line = line;
  }

  /** Index of the token where the last bison-style syntax error was raised. */
  lastSyntaxErrorAt = -1;

  cancelDeferred(key: object): void {
    for (let k = this.deferred.length - 1; k >= 0; k--) {
      if (this.deferred[k].key === key) this.deferred.splice(k, 1);
    }
  }

  hasDeferred(key: object): boolean {
    return this.deferred.some((d) => d.key === key);
  }

  setDeferredLine(key: object, line: number): void {
    for (const d of this.deferred) if (d.key === key) d.line = line;
  }

  throwDeferred(): void {
    if (this.deferred.length === 0) return;
    const first = this.deferred.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.seq < a.seq) ? b : a));
    throw new PhpSyntaxError(first.message, first.line, 'compile');
  }

  // ───────────── doc comments ─────────────

  private applyDocsThrough(k: number): void {
    const last = Math.min(k, this.toks.length - 1);
    for (let j = this.docApplied; j <= last; j++) {
      const d = this.docBefore[j];
      if (d !== null) this.docCurrent = d;
      if (this.toks[j].id === C.RBrace) this.docCurrent = null;
    }
    if (last + 1 > this.docApplied) this.docApplied = last + 1;
  }

  /**
   * backup_doc_comment: the doc comment the lexer has seen once it has read token `k`, taken (the
   * next declaration will not see it again).
   */
  takeDocComment(k: number): string | null {
    this.applyDocsThrough(k);
    const d = this.docCurrent;
    this.docCurrent = null;
    return d;
  }

  /** RESET_DOC_COMMENT() after the lexer has read token `k`. */
  resetDocComment(k: number): void {
    this.applyDocsThrough(k);
    this.docCurrent = null;
  }

  // ───────────── recursion guard ─────────────

  /**
   * Nesting guard. bison's stack holds 10000 entries (YYMAXDEPTH) and PHP reports "memory exhausted"
   * past it; `cost` approximates the entries one nesting level keeps on that stack (2 for an
   * expression operand, 6 for a nested statement). Deeper than the JS stack allows, the RangeError
   * is reported the same way (see core.ts).
   */
  enter(cost: number): void {
    this.depth += cost;
    if (this.depth > 10000) {
      throw new PhpSyntaxError('memory exhausted', this.endLine(this.i), 'parse');
    }
  }

  leave(cost: number): void {
    this.depth -= cost;
  }
}

// ───────────────────────────── bracket nesting (a lexer check) ─────────────────────────────

/**
 * PHP's lexer checks that (), [] and {} match ("Unmatched ')'", "Unclosed '{' on line 3 does not
 * match ']'", "Unclosed '(' on line 2" at the end of the file). Inside strings only the `{$` / `${`
 * interpolations nest; `[` after a variable in a string is not counted.
 */
function checkNesting(p: Parser): void {
  const toks = p.toks;
  const stack: { ch: string; line: number; interp: boolean }[] = [];
  // modes: true = inside a string body (not in an interpolation)
  const modes: boolean[] = [false];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const inString = modes[modes.length - 1];
    const id = t.id;
    if (inString) {
      if (id === C.DQuote || id === C.Backtick || id === T.T_END_HEREDOC) modes.pop();
      else if (id === T.T_CURLY_OPEN || id === T.T_DOLLAR_OPEN_CURLY_BRACES) {
        stack.push({ ch: '{', line: t.line, interp: true });
        modes.push(false);
      }
      continue;
    }
    switch (id) {
      case C.DQuote:
      case C.Backtick:
      case T.T_START_HEREDOC:
        modes.push(true);
        break;
      case C.LParen:
        stack.push({ ch: '(', line: t.line, interp: false });
        break;
      case C.LBracket:
      case T.T_ATTRIBUTE:
        stack.push({ ch: '[', line: t.line, interp: false });
        break;
      case C.LBrace:
        stack.push({ ch: '{', line: t.line, interp: false });
        break;
      case C.RParen:
      case C.RBracket:
      case C.RBrace: {
        const closing = String.fromCharCode(id);
        const top = stack.pop();
        if (!top) {
          p.attachError(k, `Unmatched '${closing}'`, t.line);
          return;
        }
        const want = top.ch === '(' ? ')' : top.ch === '[' ? ']' : '}';
        if (want !== closing) {
          let msg = `Unclosed '${top.ch}'`;
          if (top.line !== t.line) msg += ` on line ${top.line}`;
          p.attachError(k, msg + ` does not match '${closing}'`, t.line);
          return;
        }
        if (top.interp) modes.pop();
        break;
      }
      case C.End:
        if (stack.length > 0) {
          const top = stack[stack.length - 1];
          let msg = `Unclosed '${top.ch}'`;
          if (top.line !== t.line) msg += ` on line ${top.line}`;
          p.attachError(k, msg, t.line);
        }
        return;
      case T.T_HALT_COMPILER:
        // The lexer stops after `__halt_compiler();`; nothing after it is checked.
        return;
    }
  }
}

// ───────────────────────────── token names in messages (zend_yytnamerr) ─────────────────────────────

/** Bison labels of keyword-like tokens (printed as `token "x"` / `"x"`). */
const QUOTED_LABELS: Record<number, string> = {
  [T.T_INCLUDE]: 'include', [T.T_INCLUDE_ONCE]: 'include_once', [T.T_EVAL]: 'eval', [T.T_REQUIRE]: 'require',
  [T.T_REQUIRE_ONCE]: 'require_once', [T.T_LOGICAL_OR]: 'or', [T.T_LOGICAL_XOR]: 'xor', [T.T_LOGICAL_AND]: 'and',
  [T.T_PRINT]: 'print', [T.T_YIELD]: 'yield', [T.T_YIELD_FROM]: 'yield from', [T.T_INSTANCEOF]: 'instanceof',
  [T.T_NEW]: 'new', [T.T_CLONE]: 'clone', [T.T_EXIT]: 'exit', [T.T_IF]: 'if', [T.T_ELSEIF]: 'elseif',
  [T.T_ELSE]: 'else', [T.T_ENDIF]: 'endif', [T.T_ECHO]: 'echo', [T.T_DO]: 'do', [T.T_WHILE]: 'while',
  [T.T_ENDWHILE]: 'endwhile', [T.T_FOR]: 'for', [T.T_ENDFOR]: 'endfor', [T.T_FOREACH]: 'foreach',
  [T.T_ENDFOREACH]: 'endforeach', [T.T_DECLARE]: 'declare', [T.T_ENDDECLARE]: 'enddeclare', [T.T_AS]: 'as',
  [T.T_SWITCH]: 'switch', [T.T_ENDSWITCH]: 'endswitch', [T.T_CASE]: 'case', [T.T_DEFAULT]: 'default',
  [T.T_MATCH]: 'match', [T.T_BREAK]: 'break', [T.T_CONTINUE]: 'continue', [T.T_GOTO]: 'goto',
  [T.T_FUNCTION]: 'function', [T.T_FN]: 'fn', [T.T_CONST]: 'const', [T.T_RETURN]: 'return', [T.T_TRY]: 'try',
  [T.T_CATCH]: 'catch', [T.T_FINALLY]: 'finally', [T.T_THROW]: 'throw', [T.T_USE]: 'use',
  [T.T_INSTEADOF]: 'insteadof', [T.T_GLOBAL]: 'global', [T.T_STATIC]: 'static', [T.T_ABSTRACT]: 'abstract',
  [T.T_FINAL]: 'final', [T.T_PRIVATE]: 'private', [T.T_PROTECTED]: 'protected', [T.T_PUBLIC]: 'public',
  [T.T_READONLY]: 'readonly', [T.T_VAR]: 'var', [T.T_UNSET]: 'unset', [T.T_ISSET]: 'isset', [T.T_EMPTY]: 'empty',
  [T.T_HALT_COMPILER]: '__halt_compiler', [T.T_CLASS]: 'class', [T.T_TRAIT]: 'trait',
  [T.T_INTERFACE]: 'interface', [T.T_ENUM]: 'enum', [T.T_EXTENDS]: 'extends', [T.T_IMPLEMENTS]: 'implements',
  [T.T_NAMESPACE]: 'namespace', [T.T_LIST]: 'list', [T.T_ARRAY]: 'array', [T.T_CALLABLE]: 'callable',
  [T.T_LINE]: '__LINE__', [T.T_FILE]: '__FILE__', [T.T_DIR]: '__DIR__', [T.T_CLASS_C]: '__CLASS__',
  [T.T_TRAIT_C]: '__TRAIT__', [T.T_METHOD_C]: '__METHOD__', [T.T_FUNC_C]: '__FUNCTION__',
  [T.T_NS_C]: '__NAMESPACE__', [T.T_ATTRIBUTE]: '#[', [T.T_PLUS_EQUAL]: '+=', [T.T_MINUS_EQUAL]: '-=',
  [T.T_MUL_EQUAL]: '*=', [T.T_DIV_EQUAL]: '/=', [T.T_CONCAT_EQUAL]: '.=', [T.T_MOD_EQUAL]: '%=',
  [T.T_AND_EQUAL]: '&=', [T.T_OR_EQUAL]: '|=', [T.T_XOR_EQUAL]: '^=', [T.T_SL_EQUAL]: '<<=',
  [T.T_SR_EQUAL]: '>>=', [T.T_COALESCE_EQUAL]: '??=', [T.T_BOOLEAN_OR]: '||', [T.T_BOOLEAN_AND]: '&&',
  [T.T_IS_EQUAL]: '==', [T.T_IS_NOT_EQUAL]: '!=', [T.T_IS_IDENTICAL]: '===', [T.T_IS_NOT_IDENTICAL]: '!==',
  [T.T_IS_SMALLER_OR_EQUAL]: '<=', [T.T_IS_GREATER_OR_EQUAL]: '>=', [T.T_SPACESHIP]: '<=>', [T.T_SL]: '<<',
  [T.T_SR]: '>>', [T.T_INC]: '++', [T.T_DEC]: '--', [T.T_INT_CAST]: '(int)', [T.T_DOUBLE_CAST]: '(double)',
  [T.T_STRING_CAST]: '(string)', [T.T_ARRAY_CAST]: '(array)', [T.T_OBJECT_CAST]: '(object)',
  [T.T_BOOL_CAST]: '(bool)', [T.T_UNSET_CAST]: '(unset)', [T.T_OBJECT_OPERATOR]: '->',
  [T.T_NULLSAFE_OBJECT_OPERATOR]: '?->', [T.T_DOUBLE_ARROW]: '=>', [T.T_OPEN_TAG_WITH_ECHO]: '<?=',
  [T.T_CLOSE_TAG]: '?>', [T.T_DOLLAR_OPEN_CURLY_BRACES]: '${', [T.T_CURLY_OPEN]: '{$',
  [T.T_DOUBLE_COLON]: '::', [T.T_NS_SEPARATOR]: '\\', [T.T_ELLIPSIS]: '...', [T.T_COALESCE]: '??',
  [T.T_POW]: '**', [T.T_POW_EQUAL]: '**=', [T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG]: '&',
};

/** Bison labels of tokens with varying text (printed as `integer "5"` / `integer`). */
const PLAIN_LABELS: Record<number, string> = {
  [T.T_LNUMBER]: 'integer', [T.T_DNUMBER]: 'floating-point number', [T.T_STRING]: 'identifier',
  [T.T_NAME_FULLY_QUALIFIED]: 'fully qualified name', [T.T_NAME_RELATIVE]: 'namespace-relative name',
  [T.T_NAME_QUALIFIED]: 'namespaced name', [T.T_VARIABLE]: 'variable', [T.T_INLINE_HTML]: 'T_INLINE_HTML',
  [T.T_ENCAPSED_AND_WHITESPACE]: 'string content', [T.T_CONSTANT_ENCAPSED_STRING]: 'quoted string',
  [T.T_STRING_VARNAME]: 'variable name', [T.T_NUM_STRING]: 'number', [T.T_COMMENT]: 'comment',
  [T.T_DOC_COMMENT]: 'doc comment', [T.T_OPEN_TAG]: 'open tag', [T.T_WHITESPACE]: 'whitespace',
  [T.T_START_HEREDOC]: 'heredoc start', [T.T_END_HEREDOC]: 'heredoc end',
  [T.T_BAD_CHARACTER]: 'invalid character',
};

function describeUnexpected(t: Token): string {
  const id = t.id;
  if (id === C.End) return 'end of file';
  if (id === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG) return 'token "&"';
  if (id === C.DQuote) return 'double-quote mark';
  if (id < 256) return `token "${String.fromCharCode(id)}"`;
  const quoted = QUOTED_LABELS[id];
  if (quoted !== undefined) return `token "${quoted}"`;
  let label = PLAIN_LABELS[id] ?? 'T_ERROR';
  let text = t.text;
  if (id === T.T_BAD_CHARACTER && text.length === 1) {
    return 'character 0x' + text.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  }
  const nl = text.indexOf('\n');
  if (nl >= 0) text = text.slice(0, nl);
  if (text.length > 0 && id === T.T_CONSTANT_ENCAPSED_STRING) {
    if (text[0] === '"') label = 'double-quoted string';
    else if (text[0] === "'") label = 'single-quoted string';
  }
  if (text.length > 0 && (text[0] === "'" || text[0] === '"')) text = text.slice(1);
  if (text.length > 0 && (text[text.length - 1] === "'" || text[text.length - 1] === '"')) text = text.slice(0, -1);
  if (text.length > 33) text = text.slice(0, 30) + '...';
  return `${label} "${text}"`;
}

function describeExpected(id: number): string {
  if (id === C.End) return 'end of file';
  if (id === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG) return 'amp';
  if (id < 256) return `"${String.fromCharCode(id)}"`;
  const quoted = QUOTED_LABELS[id];
  if (quoted !== undefined) return `"${quoted}"`;
  return PLAIN_LABELS[id] ?? 'T_ERROR';
}

/**
 * Bison's symbol order, in which expected tokens are listed. Observed on PHP 8.2 (consistent with
 * bison ordering symbols by where they are declared): the end of file, the character literals of
 * the precedence declarations, the %token list (which is the T_* numbering order), then character
 * literals met in the rules.
 */
const SYMBOL_ORDER: Map<number, number> = (() => {
  const order: number[] = [
    C.End,
    C.Eq, C.Question, C.Colon, C.Pipe, C.Caret, C.Lt, C.Gt, C.Dot, C.Plus, C.Minus, C.Star, C.Slash, C.Percent,
    C.Bang, C.Tilde, C.At,
  ];
  for (let id = 260; id <= 405; id++) order.push(id);
  order.push(C.Comma, C.RBracket, C.LParen, C.RParen, C.Semi, C.LBrace, C.RBrace, C.LBracket, C.Backtick, C.DQuote, C.Dollar);
  const m = new Map<number, number>();
  order.forEach((id, k) => m.set(id, k));
  return m;
})();

function symbolOrder(id: number): number {
  return SYMBOL_ORDER.get(id) ?? 1000 + id;
}
