// ext/json/json_encoder.c: json_encode's writer. Strings are bytes; UTF-8 is validated here.

import { PhpArray } from '../../runtime/array.js';
import { PhpObject, Vis } from '../../runtime/object.js';
import { PhpFloat, PhpResource, Ref, UNINIT } from '../../runtime/values.js';
import { formatFloat, settings, readNumeric } from '../../runtime/convert.js';
import { callMethodByName } from '../../runtime/objects.js';
import { J } from './constants.js';

export class Encoder {
  error = 0;
  depth = 0;
  private readonly active = new Set<any>();

  constructor(readonly maxDepth: number) {}

  private fail(out: string[], code: number, options: number): false {
    this.error = code;
    if (options & J.PARTIAL_OUTPUT_ON_ERROR) out.push('null');
    return false;
  }

  encode(out: string[], v: any, options: number): boolean {
    if (v instanceof Ref) v = v.v;
    switch (typeof v) {
      case 'boolean':
        out.push(v ? 'true' : 'false');
        return true;
      case 'number':
        if (Number.isInteger(v)) {
          out.push(String(v));
          return true;
        }
        return this.encodeDouble(out, v, options);
      case 'bigint':
        out.push(v.toString());
        return true;
      case 'string':
        return this.escapeString(out, v, options);
    }
    if (v === null || v === undefined) {
      out.push('null');
      return true;
    }
    if (v instanceof PhpFloat) return this.encodeDouble(out, v.v, options);
    if (v instanceof PhpArray) return this.encodeArray(out, v, options, null);
    if (v instanceof PhpObject) {
      const c = v.cls;
      if (c.interfaces.some((i) => i.lcname === 'jsonserializable')) return this.encodeSerializable(out, v, options);
      if (c.isEnum) {
        if (!c.enumBacking) return this.fail(out, J.ERROR_NON_BACKED_ENUM, options);
        return this.encode(out, v.p['value'], options);
      }
      return this.encodeArray(out, null, options, v);
    }
    if (v instanceof PhpResource) return this.fail(out, J.ERROR_UNSUPPORTED_TYPE, options);
    return this.fail(out, J.ERROR_UNSUPPORTED_TYPE, options);
  }

  private encodeDouble(out: string[], d: number, options: number): boolean {
    if (!Number.isFinite(d)) {
      this.error = J.ERROR_INF_OR_NAN;
      out.push('0');
      return false;
    }
    let s = formatFloat(d, settings.serializePrecision).replace('E', 'e');
    if (options & J.PRESERVE_ZERO_FRACTION && s.indexOf('.') < 0 && s.indexOf('e') < 0) s += '.0';
    out.push(s);
    return true;
  }

  private encodeSerializable(out: string[], o: PhpObject, options: number): boolean {
    if (this.active.has(o)) return this.fail(out, J.ERROR_RECURSION, options);
    this.active.add(o);
    let r: any;
    try {
      r = callMethodByName(o, 'jsonSerialize', []);
    } finally {
      this.active.delete(o);
    }
    if (r instanceof Ref) r = r.v;
    if (r === o) return this.encodeArray(out, null, options, o);
    this.active.add(o);
    try {
      return this.encode(out, r, options);
    } finally {
      this.active.delete(o);
    }
  }

  /** An array (list or map) or an object's public properties. */
  private encodeArray(out: string[], arr: PhpArray | null, options: number, obj: PhpObject | null): boolean {
    let entries: [string | number | bigint, any][];
    let asList: boolean;
    if (arr) {
      entries = [];
      let i = 0;
      asList = !(options & J.FORCE_OBJECT);
      for (let s = arr.nextSlot(0); s < arr.slotCount; s = arr.nextSlot(s + 1)) {
        const k = arr.keyAt(s);
        if (k !== i++) asList = false;
        entries.push([k, arr.rawAt(s)]);
      }
    } else {
      const o = obj!;
      entries = [];
      asList = false;
      const h = o.cls.handlers;
      const bag: [string, any][] = h && h.debugInfo && o.cls.ext.jsonProps ? o.cls.ext.jsonProps(o) : Object.keys(o.p).map((k) => [k, o.p[k]]);
      for (const [k, v] of bag) {
        if (v === UNINIT || v === undefined) continue;
        if (k.charCodeAt(0) === 0) continue;
        const info = o.cls.props.get(k);
        if (info && info.key === k && info.vis !== Vis.Public) continue;
        entries.push([k, v]);
      }
    }
    const key = arr ?? obj;
    if (this.active.has(key)) return this.fail(out, J.ERROR_RECURSION, options);
    const pretty = (options & J.PRETTY_PRINT) !== 0;
    out.push(asList ? '[' : '{');
    ++this.depth;
    if (entries.length > 0) this.active.add(key);
    let needComma = false;
    for (const [k, v] of entries) {
      if (needComma) out.push(',');
      else needComma = true;
      if (pretty) out.push('\n' + '    '.repeat(this.depth));
      if (!asList) {
        if (typeof k === 'string') {
          if (!this.escapeString(out, k, options & ~J.NUMERIC_CHECK) && options & J.PARTIAL_OUTPUT_ON_ERROR) {
            out.pop();
            out.push('""');
          }
        }
        else out.push(`"${k}"`);
        out.push(pretty ? ': ' : ':');
      }
      if (!this.encode(out, v, options) && !(options & J.PARTIAL_OUTPUT_ON_ERROR)) {
        this.active.delete(key);
        return false;
      }
    }
    this.active.delete(key);
    if (this.depth > this.maxDepth) {
      this.error = J.ERROR_DEPTH;
      if (!(options & J.PARTIAL_OUTPUT_ON_ERROR)) return false;
    }
    --this.depth;
    if (needComma && pretty) out.push('\n' + '    '.repeat(this.depth));
    out.push(asList ? ']' : '}');
    return true;
  }

  escapeString(out: string[], s: string, options: number): boolean {
    if (s.length === 0) {
      out.push('""');
      return true;
    }
    if (options & J.NUMERIC_CHECK) {
      const r = readNumeric(s);
      if (r.kind === 1) {
        const v = r.value;
        if (typeof v === 'number' && Number.isInteger(v)) {
          out.push(String(v));
          return true;
        }
        if (typeof v === 'bigint') {
          out.push(v.toString());
          return true;
        }
        const d = typeof v === 'number' ? v : (v as PhpFloat).v;
        if (Number.isFinite(d)) return this.encodeDouble(out, d, options);
      }
    }
    const parts: string[] = ['"'];
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        i++;
        switch (c) {
          case 0x22:
            parts.push(options & J.HEX_QUOT ? '\\u0022' : '\\"');
            break;
          case 0x5c:
            parts.push('\\\\');
            break;
          case 0x2f:
            parts.push(options & J.UNESCAPED_SLASHES ? '/' : '\\/');
            break;
          case 0x08:
            parts.push('\\b');
            break;
          case 0x0c:
            parts.push('\\f');
            break;
          case 0x0a:
            parts.push('\\n');
            break;
          case 0x0d:
            parts.push('\\r');
            break;
          case 0x09:
            parts.push('\\t');
            break;
          case 0x3c:
            parts.push(options & J.HEX_TAG ? '\\u003C' : '<');
            break;
          case 0x3e:
            parts.push(options & J.HEX_TAG ? '\\u003E' : '>');
            break;
          case 0x26:
            parts.push(options & J.HEX_AMP ? '\\u0026' : '&');
            break;
          case 0x27:
            parts.push(options & J.HEX_APOS ? '\\u0027' : "'");
            break;
          default:
            parts.push(c < 0x20 ? '\\u' + c.toString(16).padStart(4, '0') : s[i - 1]);
        }
        continue;
      }
      const [cp, len] = decodeUtf8(s, i);
      if (cp < 0) {
        if (options & J.INVALID_UTF8_IGNORE) {
          i += badLength(s, i);
          continue;
        }
        if (options & J.INVALID_UTF8_SUBSTITUTE) {
          parts.push(options & J.UNESCAPED_UNICODE ? '\xef\xbf\xbd' : '\\ufffd');
          i += badLength(s, i);
          continue;
        }
        this.error = J.ERROR_UTF8;
        if (options & J.PARTIAL_OUTPUT_ON_ERROR) out.push('null');
        return false;
      }
      if (options & J.UNESCAPED_UNICODE && !((cp === 0x2028 || cp === 0x2029) && !(options & J.UNESCAPED_LINE_TERMINATORS))) {
        parts.push(s.substr(i, len));
      } else if (cp >= 0x10000) {
        const v = cp - 0x10000;
        parts.push('\\u' + hex4(0xd800 | (v >> 10)) + '\\u' + hex4(0xdc00 | (v & 0x3ff)));
      } else parts.push('\\u' + hex4(cp));
      i += len;
    }
    parts.push('"');
    out.push(parts.join(''));
    return true;
  }
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** One UTF-8 sequence at i: [code point, length], or [-1, 1] when invalid (php_next_utf8_char). */
export function decodeUtf8(s: string, i: number): [number, number] {
  const n = s.length;
  const c = s.charCodeAt(i);
  if (c < 0x80) return [c, 1];
  if (c < 0xc2) return [-1, 1];
  const cont = (j: number) => j < n && (s.charCodeAt(j) & 0xc0) === 0x80;
  if (c < 0xe0) {
    if (!cont(i + 1)) return [-1, 1];
    return [((c & 0x1f) << 6) | (s.charCodeAt(i + 1) & 0x3f), 2];
  }
  if (c < 0xf0) {
    if (!cont(i + 1) || !cont(i + 2)) return [-1, 1];
    const cp = ((c & 0x0f) << 12) | ((s.charCodeAt(i + 1) & 0x3f) << 6) | (s.charCodeAt(i + 2) & 0x3f);
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return [-1, 1];
    return [cp, 3];
  }
  if (c < 0xf5) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return [-1, 1];
    const cp = ((c & 0x07) << 18) | ((s.charCodeAt(i + 1) & 0x3f) << 12) | ((s.charCodeAt(i + 2) & 0x3f) << 6) | (s.charCodeAt(i + 3) & 0x3f);
    if (cp < 0x10000 || cp > 0x10ffff) return [-1, 1];
    return [cp, 4];
  }
  return [-1, 1];
}

/** How many bytes an invalid UTF-8 sequence at i spans (php_next_utf8_char's MB_FAILURE lengths). */
function badLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const avail = s.length - i;
  const lead = (j: number) => {
    const b = s.charCodeAt(j);
    return b < 0x80 || (b >= 0xc2 && b <= 0xf4);
  };
  const trail = (j: number) => {
    const b = s.charCodeAt(j);
    return b >= 0x80 && b <= 0xbf;
  };
  if (c < 0xc2 || c >= 0xf5) return 1;
  if (c < 0xe0) {
    if (avail < 2) return 1;
    return lead(i + 1) ? 1 : 2;
  }
  if (c < 0xf0) {
    if (avail < 3 || !trail(i + 1) || !trail(i + 2)) {
      if (avail < 2 || lead(i + 1)) return 1;
      if (avail < 3 || lead(i + 2)) return 2;
      return 3;
    }
    return 3;
  }
  if (avail < 4 || !trail(i + 1) || !trail(i + 2) || !trail(i + 3)) {
    if (avail < 2 || lead(i + 1)) return 1;
    if (avail < 3 || lead(i + 2)) return 2;
    if (avail < 4 || lead(i + 3)) return 3;
    return 4;
  }
  return 4;
}
