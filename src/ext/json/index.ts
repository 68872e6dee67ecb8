// The json extension (ext/json/json.c): json_encode, json_decode, json_last_error(_msg),
// JsonSerializable, JsonException and the JSON_* constants.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import type { Request } from '../../runtime/request.js';
import { PHP_VERSION } from '../../version.js';
import { rt } from '../../runtime/request.js';
import { J, JSON_CONSTANTS, errorMessage } from './constants.js';
import { Encoder } from './encoder.js';
import { jsonDecode } from './decoder.js';

/** JSON_G(error_code) of the running request. */
function lastError(): number {
  return rt.ext.jsonError ?? 0;
}
function setLastError(code: number): void {
  rt.ext.jsonError = code;
}

function throwJson(code: number): never {
  const e = rt.core.createThrowable('JsonException', errorMessage(code));
  e.p['code'] = code;
  throw e;
}

export function jsonEncode(v: any, flags: number, depth: number): string | false {
  const enc = new Encoder(depth);
  const out: string[] = [];
  enc.encode(out, v, flags);
  if (!(flags & J.THROW_ON_ERROR) || flags & J.PARTIAL_OUTPUT_ON_ERROR) {
    setLastError(enc.error);
    if (enc.error !== 0 && !(flags & J.PARTIAL_OUTPUT_ON_ERROR)) return false;
  } else if (enc.error !== 0) {
    throwJson(enc.error);
  }
  return out.join('');
}

export class JsonExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'json', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    r.constants(JSON_CONSTANTS);
    r.class({
      name: 'JsonSerializable',
      flags: 1 << 8,
      methods: [{ name: 'jsonSerialize', flags: 1 | 16, fn: null, signature: 'jsonSerialize(): mixed' }],
    });
    r.class({ name: 'JsonException', parent: 'Exception' });
    r.functions({
      'json_encode(mixed $value, int $flags = 0, int $depth = 512): string|false': (v: any, flags: number, depth: number) => {
        if (depth > 2147483647) rt.throwError('ValueError', 'json_encode(): Argument #3 ($depth) must be less than 2147483647');
        return jsonEncode(v, Number(flags), Number(depth));
      },
      'json_decode(string $json, ?bool $associative = null, int $depth = 512, int $flags = 0): mixed': (s: string, assoc: boolean | null, depth: number, flags: number) => {
        flags = Number(flags);
        if (assoc === true) flags |= J.OBJECT_AS_ARRAY;
        else if (assoc === false) flags &= ~J.OBJECT_AS_ARRAY;
        const thr = (flags & J.THROW_ON_ERROR) !== 0;
        if (!thr) setLastError(0);
        if (s.length === 0) {
          if (!thr) setLastError(J.ERROR_SYNTAX);
          else throwJson(J.ERROR_SYNTAX);
          return null;
        }
        if (depth <= 0) rt.throwError('ValueError', 'json_decode(): Argument #3 ($depth) must be greater than 0');
        if (depth > 2147483647) rt.throwError('ValueError', 'json_decode(): Argument #3 ($depth) must be less than 2147483647');
        const [v, err] = jsonDecode(s, (flags & J.OBJECT_AS_ARRAY) !== 0, Number(depth), flags);
        if (err) {
          if (thr) throwJson(err);
          setLastError(err);
          return null;
        }
        return v;
      },
      'json_last_error(): int': () => lastError(),
      'json_last_error_msg(): string': () => errorMessage(lastError()),
    });
  }
  requestInit(req: Request): void {
    req.ext.jsonError = 0;
  }
}
