// The tokenizer extension (ext/tokenizer): token_get_all(), token_name(), the T_* constants and the
// PhpToken class. The tokens come from phpts' own lexer, which reproduces PHP 8.2's scanner exactly.
// With TOKEN_PARSE the code is parsed too (a syntax error throws ParseError) and the keywords the
// grammar used as identifiers (`X::class`, `$o->list()`, `const CONTINUE`) are reported as T_STRING,
// as PHP's parser does through zend_lex_tstring().

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject, type PhpClass } from '../../runtime/object.js';
import { givenType } from '../../runtime/types.js';
import { newInstance, findClass } from '../../runtime/objects.js';
import { propGet } from '../../runtime/props.js';
import { tokenize } from '../../syntax/lexer.js';
import { parse } from '../../syntax/parser.js';
import { PhpSyntaxError } from '../../syntax/errors.js';
import { T, TOKEN_NAMES, isIgnorable, type Token } from '../../syntax/tokens.js';
import { isSemiReserved } from '../../syntax/parser/names_and_types.js';

const TOKEN_PARSE = 1;

function isSignificant(t: Token): boolean {
  return !isIgnorable(t.id);
}

function prevSig(tokens: Token[], i: number): Token | null {
  for (let j = i - 1; j >= 0; j--) if (isSignificant(tokens[j])) return tokens[j];
  return null;
}

function nextSig(tokens: Token[], i: number): Token | null {
  for (let j = i + 1; j < tokens.length; j++) if (isSignificant(tokens[j])) return tokens[j];
  return null;
}

/** The significant token before `i`, skipping one `&` (for `function &list()`). */
function prevSigSkipAmp(tokens: Token[], i: number): Token | null {
  const p = prevSig(tokens, i);
  if (p && (p.id === 38 || p.id === T.T_AMPERSAND_FOLLOWED_BY_VAR_OR_VARARG || p.id === T.T_AMPERSAND_NOT_FOLLOWED_BY_VAR_OR_VARARG)) {
    return prevSig(tokens, tokens.indexOf(p));
  }
  return p;
}

/** Reports the keywords the grammar takes as identifiers as T_STRING (TOKEN_PARSE mode). */
function retagIdentifiers(tokens: Token[]): Token[] {
  const out = tokens.map((t) => ({ ...t }));
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t.id === T.T_STRING || !isSemiReserved(t.id)) continue;
    const p = prevSig(out, i);
    if (!p) continue;
    const n = nextSig(out, i);
    let ident = false;
    if (p.id === T.T_DOUBLE_COLON || p.id === T.T_OBJECT_OPERATOR || p.id === T.T_NULLSAFE_OBJECT_OPERATOR) ident = true;
    else if (p.id === T.T_CONST) ident = true;
    else if (prevSigSkipAmp(out, i)?.id === T.T_FUNCTION && n?.id === 40 /* ( */) ident = true;
    else if (p.id === T.T_CASE && n && (n.id === 59 /* ; */ || n.id === 61 /* = */)) ident = true;
    else if ((p.id === 40 || p.id === 44) && n?.id === 58 /* : */) ident = true; // named argument
    else if (p.id === T.T_AS && n && (n.id === 59)) ident = true; // trait alias
    else if (p.id === T.T_INSTEADOF || (n?.id === T.T_INSTEADOF || (n?.id === T.T_AS && p.id === T.T_DOUBLE_COLON))) ident = true;
    if (ident) t.id = T.T_STRING;
  }
  return out;
}

function getTokens(code: string, flags: number): Token[] {
  if (flags & TOKEN_PARSE) {
    try {
      parse(code, { skipShebang: false });
    } catch (e) {
      if (e instanceof PhpSyntaxError) rt.throwError(e.type === 'parse' ? 'ParseError' : 'CompileError', e.message);
      throw e;
    }
    return retagIdentifiers(tokenize(code));
  }
  return tokenize(code);
}

function tokenName(id: number): string {
  return TOKEN_NAMES[id] ?? 'UNKNOWN';
}

function tokenGetAll(code: string, flags: number): PhpArray {
  const out = new PhpArray();
  for (const t of getTokens(code, flags)) {
    if (t.id < 256) out.append(t.text);
    else out.append(PhpArray.fromList([t.id, t.text, t.line]));
  }
  return out;
}

function tokenField(o: PhpObject, name: string): any {
  return propGet(o, name, o.cls);
}

export class TokenizerExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'tokenizer', version: PHP_VERSION, dependencies: [] };
  }

  moduleInit(r: Registry): void {
    r.function('token_get_all(string $code, int $flags = 0): array', tokenGetAll);
    r.function('token_name(int $id): string', (id: number) => tokenName(Number(id)));
    for (const [id, name] of Object.entries(TOKEN_NAMES)) r.constant(name, Number(id));
    r.constant('T_PAAMAYIM_NEKUDOTAYIM', T.T_DOUBLE_COLON);
    r.constant('TOKEN_PARSE', TOKEN_PARSE);

    r.class({
      name: 'PhpToken',
      interfaces: ['Stringable'],
      props: [
        { name: 'id', flags: 1, type: 'int' },
        { name: 'text', flags: 1, type: 'string' },
        { name: 'line', flags: 1, type: 'int' },
        { name: 'pos', flags: 1, type: 'int' },
      ],
      nativeMethods: {
        'public static tokenize(string $code, int $flags = 0): array': function (this: PhpClass, code: string, flags: number) {
          const tokens = getTokens(code, flags);
          const cls = this;
          const out = new PhpArray();
          for (const t of tokens) {
            const o = newInstance(cls, cls);
            o.p['id'] = t.id;
            o.p['text'] = t.text;
            o.p['line'] = t.line;
            o.p['pos'] = t.pos;
            out.append(o);
          }
          return out;
        },
        'final public __construct(int $id, string $text, int $line = -1, int $pos = -1)': function (
          this: PhpObject, id: number, text: string, line: number, pos: number,
        ) {
          this.p['id'] = id;
          this.p['text'] = text;
          this.p['line'] = line;
          this.p['pos'] = pos;
        },
        'public is($kind): bool': function (this: PhpObject, kind: any) {
          if ((typeof kind === 'number' && Number.isInteger(kind)) || typeof kind === 'bigint') return tokenField(this, 'id') === Number(kind);
          if (typeof kind === 'string') return tokenField(this, 'text') === kind;
          if (kind instanceof PhpArray) {
            for (const v of kind.values()) {
              if (typeof v === 'number' && Number.isInteger(v)) {
                if (tokenField(this, 'id') === v) return true;
              } else if (typeof v === 'string') {
                if (tokenField(this, 'text') === v) return true;
              } else {
                rt.throwError('TypeError', `PhpToken::is(): Argument #1 ($kind) must only have elements of type string|int, ${givenType(v)} given`);
              }
            }
            return false;
          }
          rt.throwError('TypeError', `PhpToken::is(): Argument #1 ($kind) must be of type string|int|array, ${givenType(kind)} given`);
        },
        'public isIgnorable(): bool': function (this: PhpObject) {
          return isIgnorable(tokenField(this, 'id'));
        },
        'public getTokenName(): ?string': function (this: PhpObject) {
          const id = tokenField(this, 'id');
          if (id < 256) return String.fromCharCode(id);
          return TOKEN_NAMES[id] ?? null;
        },
        'public __toString(): string': function (this: PhpObject) {
          return tokenField(this, 'text');
        },
      },
    });
    void findClass;
  }
}
