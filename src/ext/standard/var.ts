// ext/standard/var.c and type functions: var_dump, print_r, var_export, gettype & co.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { varDump, printR, varExport, debugZvalDump } from './var_dump.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { PhpFloat, PhpResource, Ref, mkFloat } from '../../runtime/values.js';
import { getType, debugType, toInt, toFloat, toBool, toStr, strToInt, readNumeric } from '../../runtime/convert.js';
import { isCallable, callableName } from '../../runtime/calls.js';
import { toArray, toObject } from '../../runtime/objects.js';

export function registerVar(r: Registry): void {
  r.functions({
    'var_dump(mixed $value, mixed ...$values): void': (v: any, rest: any[]) => {
      rt.echo(varDump(v));
      for (const x of rest) rt.echo(varDump(x));
    },
    'debug_zval_dump(mixed $value, mixed ...$values): void': (v: any, rest: any[]) => {
      rt.echo(debugZvalDump(v));
      for (const x of rest) rt.echo(debugZvalDump(x));
    },
    'print_r(mixed $value, bool $return = false): string|bool': (v: any, ret: boolean) => {
      const s = printR(v);
      if (ret) return s;
      rt.echo(s);
      return true;
    },
    'var_export(mixed $value, bool $return = false): ?string': (v: any, ret: boolean) => {
      const s = varExport(v);
      if (ret) return s;
      rt.echo(s);
      return null;
    },
    'gettype(mixed $value): string': (v: any) => getType(v),
    'get_debug_type(mixed $value): string': (v: any) => debugType(v),
    'is_null(mixed $value): bool': (v: any) => v === null,
    'is_bool(mixed $value): bool': (v: any) => typeof v === 'boolean',
    'is_int(mixed $value): bool': isInt,
    'is_integer(mixed $value): bool': isInt,
    'is_long(mixed $value): bool': isInt,
    'is_float(mixed $value): bool': isFloat,
    'is_double(mixed $value): bool': isFloat,
    'is_string(mixed $value): bool': (v: any) => typeof v === 'string',
    'is_array(mixed $value): bool': (v: any) => v instanceof PhpArray,
    'is_object(mixed $value): bool': (v: any) => v instanceof PhpObject,
    'is_resource(mixed $value): bool': (v: any) => v instanceof PhpResource && !v.closed,
    'is_scalar(mixed $value): bool': (v: any) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string' || typeof v === 'boolean' || v instanceof PhpFloat,
    'is_numeric(mixed $value): bool': (v: any) => typeof v === 'number' || typeof v === 'bigint' || v instanceof PhpFloat || (typeof v === 'string' && readNumeric(v).kind === 1),
    'is_iterable(mixed $value): bool': (v: any) => v instanceof PhpArray || (v instanceof PhpObject && v.cls.isSubclassOf(rt.core.builtinClasses.get('traversable')!)),
    'is_countable(mixed $value): bool': (v: any) => v instanceof PhpArray || (v instanceof PhpObject && (v.cls.isSubclassOf(rt.core.builtinClasses.get('countable')!) || !!v.cls.handlers?.count)),
    'is_callable(mixed $value, bool $syntax_only = false, &$callable_name = null): bool': (v: any, syntax: boolean, name?: Ref) => {
      const r = isCallable(v, syntax);
      if (name instanceof Ref) name.v = callableName(v);
      return r;
    },
    'intval(mixed $value, int $base = 10): int': (v: any, base: number) => {
      if (typeof v === 'string' && base !== 10) return intvalBase(v, base);
      return toInt(v);
    },
    'floatval(mixed $value): float': (v: any) => toFloat(v),
    'doubleval(mixed $value): float': (v: any) => toFloat(v),
    'boolval(mixed $value): bool': (v: any) => toBool(v),
    'strval(mixed $value): string': (v: any) => toStr(v),
    'settype(mixed &$var, string $type): bool': (ref: any, type: string) => {
      const t = type.toLowerCase();
      const v = ref.v;
      switch (t) {
        case 'int': case 'integer': ref.v = toInt(v); return true;
        case 'float': case 'double': ref.v = mkFloat(toFloat(v)); return true;
        case 'string':
          try {
            ref.v = toStr(v);
          } catch (e) {
            // convert_to_string leaves an empty string behind when an object cannot be converted
            ref.v = '';
            throw e;
          }
          return true;
        case 'bool': case 'boolean': ref.v = toBool(v); return true;
        case 'array': ref.v = toArray(v); return true;
        case 'object': ref.v = toObject(v); return true;
        case 'null': ref.v = null; return true;
        case 'resource': rt.throwError('ValueError', 'Cannot convert to resource type');
      }
      rt.throwError('ValueError', 'settype(): Argument #2 ($type) must be a valid type');
    },
  });
}

function isInt(v: any): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}
function isFloat(v: any): boolean {
  return (typeof v === 'number' && !Number.isInteger(v)) || v instanceof PhpFloat;
}

function intvalBase(s: string, base: number): number | bigint {
  let t = s.trim().toLowerCase();
  let neg = false;
  if (t.startsWith('-') || t.startsWith('+')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (base === 0) {
    if (t.startsWith('0x')) { base = 16; t = t.slice(2); }
    else if (t.startsWith('0b')) { base = 2; t = t.slice(2); }
    else if (t.startsWith('0o')) { base = 8; t = t.slice(2); }
    else if (t.startsWith('0') && t.length > 1) { base = 8; t = t.slice(1); }
    else base = 10;
  } else if (base === 16 && t.startsWith('0x')) t = t.slice(2);
  else if (base === 2 && t.startsWith('0b')) t = t.slice(2);
  else if (base === 8 && t.startsWith('0o')) t = t.slice(2);
  let n = 0n;
  const b = BigInt(base);
  for (const ch of t) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) break;
    n = n * b + BigInt(d);
    if (n > 9223372036854775808n) break;
  }
  if (neg) n = -n;
  if (n > 9223372036854775807n) n = 9223372036854775807n;
  if (n < -9223372036854775808n) n = -9223372036854775808n;
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

export { strToInt };
