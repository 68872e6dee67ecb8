// ext/json/json_scanner.re and json_parser.y: json_decode's reader. Input is bytes; strings are
// checked for UTF-8 and \u escapes are written as UTF-8.

import { PhpArray, normStrKey } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { mkFloat, intFromBig } from '../../runtime/values.js';
import { instantiate } from '../../runtime/classdecl.js';
import { rt } from '../../runtime/request.js';
import { J } from './constants.js';
import { decodeUtf8 } from './encoder.js';

const enum T {
  EOI,
  Error,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  Colon,
  Comma,
  Value,
  String,
}

class JsonError {
  constructor(readonly code: number) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

function utf8(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

export class Decoder {
  private pos = 0;
  private tok: T = T.EOI;
  private val: any = null;
  private depth = 0;

  constructor(
    private readonly s: string,
    private readonly assoc: boolean,
    private readonly maxDepth: number,
    private readonly options: number,
  ) {}

  /** The decoded value, or throws JsonError. */
  decode(): any {
    this.next();
    const v = this.value();
    if (this.tok !== T.EOI) this.syntax();
    return v;
  }

  private syntax(): never {
    if (this.tok === T.Error) throw new JsonError(this.val);
    throw new JsonError(J.ERROR_SYNTAX);
  }

  private next(): void {
    const s = this.s;
    const n = s.length;
    let i = this.pos;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    if (i >= n) {
      this.pos = i;
      this.tok = T.EOI;
      return;
    }
    const c = s[i];
    this.pos = i + 1;
    switch (c) {
      case '{': this.tok = T.LBrace; return;
      case '}': this.tok = T.RBrace; return;
      case '[': this.tok = T.LBracket; return;
      case ']': this.tok = T.RBracket; return;
      case ':': this.tok = T.Colon; return;
      case ',': this.tok = T.Comma; return;
      case '"':
        this.string(i + 1);
        return;
      case 'n':
      case 't':
      case 'f': {
        const word = c === 'n' ? 'null' : c === 't' ? 'true' : 'false';
        if (s.startsWith(word, i)) {
          this.pos = i + word.length;
          this.tok = T.Value;
          this.val = c === 'n' ? null : c === 't';
          return;
        }
        break;
      }
      case '\0':
        this.tok = T.Error;
        this.val = J.ERROR_CTRL_CHAR;
        return;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s);
      if (m) {
        this.pos = i + m[0].length;
        this.tok = T.Value;
        this.val = this.number(m[0], m[1] !== undefined || m[2] !== undefined);
        return;
      }
    }
    this.tok = T.Error;
    this.val = s.charCodeAt(i) >= 0x80 && decodeUtf8(s, i)[0] < 0 ? J.ERROR_UTF8 : J.ERROR_SYNTAX;
  }

  private number(t: string, isDouble: boolean): any {
    if (isDouble) return mkFloat(parseFloat(t));
    const neg = t[0] === '-';
    const digits = t.length - (neg ? 1 : 0);
    let big = false;
    if (digits >= 19) {
      if (digits === 19) {
        const d = t.slice(neg ? 1 : 0);
        const cmp = d < '9223372036854775808' ? -1 : d === '9223372036854775808' ? 0 : 1;
        if (!(cmp < 0 || (cmp === 0 && neg))) big = true;
      } else big = true;
    }
    if (big) {
      if (this.options & J.BIGINT_AS_STRING) return t;
      return mkFloat(parseFloat(t));
    }
    if (digits < 16) return Number(t) || 0;
    return intFromBig(BigInt(t));
  }

  private string(start: number): void {
    const s = this.s;
    const n = s.length;
    const parts: string[] = [];
    let i = start;
    let run = i;
    const fail = (code: number): void => {
      this.tok = T.Error;
      this.val = code;
    };
    for (;;) {
      if (i >= n) {
        this.pos = i;
        return fail(J.ERROR_CTRL_CHAR);
      }
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        parts.push(s.slice(run, i));
        this.pos = i + 1;
        this.tok = T.String;
        this.val = parts.join('');
        return;
      }
      if (c < 0x20) {
        this.pos = i;
        return fail(J.ERROR_CTRL_CHAR);
      }
      if (c === 0x5c) {
        parts.push(s.slice(run, i));
        const e = s[i + 1];
        i += 2;
        switch (e) {
          case '"': parts.push('"'); break;
          case '\\': parts.push('\\'); break;
          case '/': parts.push('/'); break;
          case 'b': parts.push('\b'); break;
          case 'f': parts.push('\f'); break;
          case 'n': parts.push('\n'); break;
          case 'r': parts.push('\r'); break;
          case 't': parts.push('\t'); break;
          case 'u': {
            const h = s.substr(i, 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) return fail(J.ERROR_SYNTAX);
            let cp = parseInt(h, 16);
            i += 4;
            if (cp >= 0xd800 && cp <= 0xdbff) {
              const h2 = s.substr(i, 6);
              if (/^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(h2)) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(h2.slice(2), 16) - 0xdc00);
                i += 6;
              } else return fail(J.ERROR_UTF16);
            } else if (cp >= 0xdc00 && cp <= 0xdfff) return fail(J.ERROR_UTF16);
            parts.push(utf8(cp));
            break;
          }
          default:
            return fail(J.ERROR_SYNTAX);
        }
        run = i;
        continue;
      }
      if (c < 0x80) {
        i++;
        continue;
      }
      const [cp, len] = decodeUtf8(s, i);
      if (cp < 0) {
        if (this.options & (J.INVALID_UTF8_IGNORE | J.INVALID_UTF8_SUBSTITUTE)) {
          parts.push(s.slice(run, i));
          if (this.options & J.INVALID_UTF8_SUBSTITUTE) parts.push('\xef\xbf\xbd');
          i++;
          run = i;
          continue;
        }
        this.pos = i;
        return fail(J.ERROR_UTF8);
      }
      i += len;
    }
  }

  private is(t: T): boolean {
    return this.tok === t;
  }

  private enter(): void {
    if (++this.depth >= this.maxDepth) throw new JsonError(J.ERROR_DEPTH);
  }

  private value(): any {
    switch (this.tok) {
      case T.Value:
      case T.String: {
        const v = this.val;
        this.next();
        return v;
      }
      case T.LBracket:
        return this.array();
      case T.LBrace:
        return this.object();
    }
    return this.syntax();
  }

  private array(): PhpArray {
    this.enter();
    const a = new PhpArray();
    this.next();
    if (this.is(T.RBracket)) {
      this.next();
      this.depth--;
      return a;
    }
    for (;;) {
      a.append(this.value());
      if (this.is(T.Comma)) {
        this.next();
        continue;
      }
      if (this.is(T.RBracket)) break;
      this.syntax();
    }
    this.next();
    this.depth--;
    return a;
  }

  private object(): PhpArray | PhpObject {
    this.enter();
    const assoc = this.assoc;
    const a = assoc ? new PhpArray() : null;
    const o = assoc ? null : instantiate(rt.core.builtinClasses.get('stdclass')!);
    this.next();
    if (this.is(T.RBrace)) {
      this.next();
      this.depth--;
      return (a ?? o)!;
    }
    for (;;) {
      if (this.tok !== T.String) this.syntax();
      const key = this.val as string;
      this.next();
      if (!this.is(T.Colon)) this.syntax();
      this.next();
      const v = this.value();
      if (a) a.set(normStrKey(key), v);
      else {
        if (key.length > 0 && key.charCodeAt(0) === 0) throw new JsonError(J.ERROR_INVALID_PROPERTY_NAME);
        o!.p[key] = v;
      }
      if (this.is(T.Comma)) {
        this.next();
        continue;
      }
      if (this.is(T.RBrace)) break;
      this.syntax();
    }
    this.next();
    this.depth--;
    return (a ?? o)!;
  }
}

/** Decodes; returns [value, error code]. */
export function jsonDecode(s: string, assoc: boolean, depth: number, options: number): [any, number] {
  try {
    return [new Decoder(s, assoc, depth, options).decode(), 0];
  } catch (e) {
    if (e instanceof JsonError) return [null, e.code];
    throw e;
  }
}
