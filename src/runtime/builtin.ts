// Builtin functions are declared with their PHP signature (as in php-src's *.stub.php files). From the
// signature this module builds, on first use, a wrapper that does what zend_parse_parameters does:
// argument counts, coercion to the declared types (weak or strict_types mode), defaults, by-reference
// parameters, and PHP's exact ArgumentCountError / TypeError texts. The wrapper is generated JS code, so
// a call to strlen() costs a typeof check, not an arguments array.

import { PhpFloat, Ref, mkFloat } from './values.js';
import { NO_MATCH, FunctionInfo, ParamInfo, floating } from './object.js';
import { DeclaredType, parseTypeText, givenType } from './types.js';
import { hooks } from './hooks.js';
import { PhpArray } from './array.js';

export interface BuiltinParam extends ParamInfo {
  type: DeclaredType | null;
  /** default value source text, e.g. "null", "PHP_INT_MAX", "[]" */
  defaultText?: string;
}

export interface BuiltinFunction {
  info: FunctionInfo & { params: BuiltinParam[] };
  impl: (...args: any[]) => any;
  /** generated wrappers, built on first use: [weak, strict] */
  weak: Function | null;
  strict: Function | null;
}

/** Resolves constant names used in default values (registered by the extensions). */
export type ConstantLookup = (name: string) => any;

// ───────────── signature parsing ─────────────

/** Parses `name(type $a, type &$b = default, type ...$c): returntype`. */
export function parseSignature(sig: string): { name: string; params: BuiltinParam[]; returnType: string | null; returnsRef: boolean } {
  const open = sig.indexOf('(');
  const close = sig.lastIndexOf(')');
  if (open < 0 || close < 0) throw new Error('bad builtin signature: ' + sig);
  let name = sig.slice(0, open).trim();
  let returnsRef = false;
  if (name.startsWith('&')) {
    returnsRef = true;
    name = name.slice(1).trim();
  }
  const rest = sig.slice(close + 1).trim();
  const returnType = rest.startsWith(':') ? rest.slice(1).trim() : null;
  const params: BuiltinParam[] = [];
  for (const raw of splitParams(sig.slice(open + 1, close))) {
    const p = raw.trim();
    if (!p) continue;
    params.push(parseParam(p));
  }
  return { name, params, returnType, returnsRef };
}

function splitParams(s: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0, quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function parseParam(p: string): BuiltinParam {
  const m = /^(.*?)\s*(&)?\s*(\.\.\.)?\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*([\s\S]+))?$/.exec(p);
  if (!m) throw new Error('bad builtin parameter: ' + p);
  const typeText = m[1].trim();
  return {
    name: m[4],
    byRef: !!m[2],
    variadic: !!m[3],
    optional: m[5] !== undefined || !!m[3],
    type: typeText ? parseTypeText(typeText) : null,
    defaultText: m[5]?.trim(),
  };
}

/** Evaluates a default written in a signature: literals, constants, `|` of constants. */
export function evalDefault(text: string, constant: ConstantLookup): any {
  const t = text.trim();
  if (t === 'null' || t === 'NULL') return null;
  if (t === 'UNKNOWN') return undefined;
  const classConstant = /^\\?([A-Za-z_][\w\\]*)::class$/.exec(t);
  if (classConstant) return classConstant[1];
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === '[]') return new PhpArray();
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : BigInt(t);
  }
  if (/^-?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(t)) return mkFloat(parseFloat(t));
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) {
    return t.slice(1, -1).replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '0' ? '\0' : c));
  }
  if (t.includes('|')) {
    let r = 0;
    for (const part of t.split('|')) r |= evalDefault(part, constant) as number;
    return r;
  }
  return constant(t);
}

/** Frame push/pop for builtins, installed by the request layer. */
export const frameHooks = {
  enter: (_info: FunctionInfo, _self: any, _n: number, _a0: any, _a1: any, _a2: any, _a3: any): any => null,
  leave: (_fr: any): void => {},
  /** a frameless builtin threw: fixes the request's frame and the exception's trace */
  failed: (e: any, _info: FunctionInfo, _self: any, _top: any, _n: number, _a0: any, _a1: any, _a2: any, _a3: any, _rest?: any[]): any => e,
};
export const builtinState = { top: (): any => null };

/** Builtins that run PHP code (callbacks, magic methods) or read the caller's frame get a frame of their own. */
const FRAMED = new Set([
  'var_dump', 'print_r', 'var_export', 'debug_zval_dump', 'serialize', 'unserialize', 'json_encode', 'iterator_to_array',
  'iterator_count', 'iterator_apply', 'debug_backtrace', 'debug_print_backtrace', 'trigger_error', 'user_error', 'func_get_args',
  'func_get_arg', 'func_num_args', 'get_called_class', 'array_walk', 'array_walk_recursive', 'settype', 'spl_autoload_call',
  'class_exists', 'interface_exists', 'trait_exists', 'enum_exists', 'is_subclass_of', 'is_a', 'method_exists', 'property_exists',
  'get_class_methods', 'get_object_vars', 'get_class_vars', 'constant', 'include', 'eval', 'error_log', 'assert', 'ob_start',
  'ob_end_flush', 'ob_get_flush', 'ob_flush', 'ob_end_clean', 'ob_get_clean', 'ob_clean', 'implode', 'join', 'str_replace',
  'in_array', 'array_search', 'sort', 'rsort', 'asort', 'arsort', 'ksort', 'krsort', 'array_multisort', 'array_unique', 'max', 'min',
  'count', 'sizeof', 'iterator_to_array', 'spl_object_id', 'is_callable', 'array_sum', 'array_product', 'strval', 'settype',
]);

function needsFrame(info: FunctionInfo): boolean {
  if (info.cls) return true;
  if (FRAMED.has(info.name.toLowerCase())) return true;
  // array_udiff() & co. take their callbacks in the variadic tail
  if (/^array_(u|diff_u|intersect_u)/.test(info.name)) return true;
  return info.params.some((p) => !!p.type && /callable|closure/i.test(p.type.text));
}

/** The function name of a signature, e.g. "strlen" for "strlen(string $string): int". */
export function signatureName(sig: string): string {
  const name = sig.slice(0, sig.indexOf('(')).trim();
  return name.startsWith('&') ? name.slice(1).trim() : name;
}

/**
 * A builtin registered at MINIT: its signature is parsed on first use (most of the hundreds of
 * functions a build registers are never called by a given script).
 */
class LazyBuiltin implements BuiltinFunction {
  weak: Function | null = null;
  strict: Function | null = null;
  private parsed: (FunctionInfo & { params: BuiltinParam[] }) | null = null;

  constructor(
    private readonly signature: string,
    readonly impl: (...args: any[]) => any,
    /** the extension that registered it (ReflectionFunction::getExtensionName) */
    private readonly extension: string | null,
  ) {}

  get info(): FunctionInfo & { params: BuiltinParam[] } {
    if (this.parsed === null) {
      this.parsed = builtinInfo(this.signature);
      if (this.extension !== null) (this.parsed as any).extension = this.extension;
    }
    return this.parsed;
  }
}

export function makeBuiltin(sig: string, impl: (...args: any[]) => any, extension: string | null = null): BuiltinFunction {
  return new LazyBuiltin(sig, impl, extension);
}

function builtinInfo(sig: string): FunctionInfo & { params: BuiltinParam[] } {
  const s = parseSignature(sig);
  let refMask = 0;
  let required = 0;
  s.params.forEach((p, i) => {
    if (p.byRef) refMask |= 1 << Math.min(i, 30);
    if (!p.optional) required = i + 1;
  });
  const variadic = s.params.length > 0 && s.params[s.params.length - 1].variadic;
  if (variadic && s.params[s.params.length - 1].byRef) {
    for (let i = s.params.length; i < 31; i++) refMask |= 1 << i;
  }
  const info: FunctionInfo & { params: BuiltinParam[] } = {
    name: s.name,
    params: s.params,
    refMask,
    required,
    variadic,
    returnType: s.returnType ? parseTypeText(s.returnType) : null,
    returnsRef: s.returnsRef,
    isBuiltin: true,
  };
  return info;
}

// ───────────── argument errors ─────────────

export function argCountError(info: FunctionInfo, given: number): never {
  const total = info.params.length;
  const min = info.required;
  const max = info.variadic ? Infinity : total;
  const [word, n] = min === max ? ['exactly', min] : given < min ? ['at least', min] : ['at most', max];
  return hooks.throwError('ArgumentCountError', `${displayName(info)}() expects ${word} ${n} argument${n === 1 ? '' : 's'}, ${given} given`);
}

export function displayName(info: FunctionInfo): string {
  return info.cls ? `${info.cls.name}::${info.name}` : info.name;
}

/** Coerces argument i (0-based) or throws PHP's TypeError. Used by the wrappers' slow paths. */
export function coerceArg(info: FunctionInfo, i: number, v: any, strict: boolean): any {
  const p = info.params[Math.min(i, info.params.length - 1)] as BuiltinParam;
  const type = p.type as DeclaredType | null;
  if (!type) return v;
  if (v === null && !type.allowsNull && info.isBuiltin && !strict) {
    const scalar = nullToScalar(type);
    if (scalar !== NO_MATCH) {
      hooks.deprecated(`${displayName(info)}(): Passing null to parameter #${i + 1} ($${p.name}) of type ${type.text} is deprecated`);
      return scalar;
    }
  }
  const r = type.check(v, strict);
  if (r === NO_MATCH) {
    const arg = p.variadic ? `Argument #${i + 1}` : `Argument #${i + 1} ($${p.name})`;
    if (type.isCallableOnly) {
      hooks.throwError('TypeError', `${displayName(info)}(): ${arg} must be a valid callback${type.allowsNull ? ' or null' : ''}, ${callableFailure(v)}`);
    }
    hooks.throwError('TypeError', `${displayName(info)}(): ${arg} must be of type ${type.text}, ${givenType(v)} given`);
  }
  return r;
}

/** Why a value is not a valid callback, as zend_is_callable_error words it. */
export const callableFailure = (v: any): string => callableWhy(v);
let callableWhy: (v: any) => string = () => 'no array or string given';
export function setCallableWhy(f: (v: any) => string): void {
  callableWhy = f;
}

function nullToScalar(type: DeclaredType): any {
  for (const [name, value] of [['string', ''], ['int', 0], ['float', new PhpFloat(0)], ['bool', false]] as const) {
    if (type.check(value, true) !== NO_MATCH) {
      void name;
      return value;
    }
  }
  return NO_MATCH;
}

// ───────────── wrapper generation ─────────────

/** The fast inline test for a value that needs no coercion for the given parameter type, as JS source. */
function exactTest(type: DeclaredType | null, v: string): string | null {
  if (!type) return 'true';
  switch (type.text) {
    case 'string':
      return `typeof ${v} === 'string'`;
    case 'int':
      return `(typeof ${v} === 'number' && Number.isInteger(${v}))`;
    case 'bool':
      return `typeof ${v} === 'boolean'`;
    case 'array':
      return `${v} instanceof PhpArray`;
    case 'mixed':
      return 'true';
    case 'float':
      return `(typeof ${v} === 'number' && !Number.isInteger(${v}))`;
  }
  return null;
}

/**
 * Builds the wrapper: fn(a0, a1, ...) checks the count, applies defaults and coercions, unboxes floats
 * for float parameters, and boxes an integral float result when the declared return type is float.
 */
export function buildWrapper(b: BuiltinFunction, strict: boolean, constant: ConstantLookup): Function {
  const { info } = b;
  const params = info.params as BuiltinParam[];
  const fixed = info.variadic ? params.length - 1 : params.length;
  const names = params.slice(0, fixed).map((_, i) => 'a' + i);
  const lines: string[] = [];
  const defaults: any[] = [];
  // the builtin's frame: stack traces show it. Builtins that never run PHP code skip it on the fast
  // path; when they throw, `failed` puts their entry into the exception's trace.
  const framed = needsFrame(info);
  const firstFour = [0, 1, 2, 3].map((i) => (i < names.length ? names[i] : 'undefined'));
  lines.push('const n = arguments.length;');
  if (framed) {
    lines.push(`const fr = enter(info, this, n, ${firstFour.join(', ')});`);
    if (info.variadic) lines.push(`if (n > ${Math.min(names.length, 4)}) fr.rest = Array.prototype.slice.call(arguments);`);
  } else {
    lines.push('const top = state.top();');
  }
  lines.push('try {');
  const maxCheck = info.variadic ? '' : ` || n > ${fixed}`;
  lines.push(`if (n < ${info.required}${maxCheck}) argCountError(info, n);`);
  params.slice(0, fixed).forEach((p, i) => {
    const a = 'a' + i;
    if (p.optional) {
      defaults[i] = p.defaultText !== undefined ? evalDefault(p.defaultText, constant) : undefined;
      lines.push(`if (${a} === undefined) ${a} = D[${i}]; else {`);
    } else {
      lines.push('{');
    }
    if (p.byRef) {
      if (p.type && !p.type.isMixed) {
        lines.push(`  if (${a} instanceof Ref) { const c = coerceArg(info, ${i}, ${a}.v, ${strict}); if (c !== ${a}.v) ${a}.v = c; }`);
      }
    } else {
      const test = exactTest(p.type, a);
      if (test !== 'true') lines.push(`  if (!(${test || 'false'})) ${a} = coerceArg(info, ${i}, ${a}, ${strict});`);
      if (p.type && p.type.text === 'float') lines.push(`  if (${a} instanceof PhpFloat) ${a} = ${a}.v;`);
    }
    lines.push('}');
  });
  let call = `impl.call(this${names.length ? ', ' : ''}${names.join(', ')}`;
  if (info.variadic) {
    const vi = fixed;
    const vp = params[vi];
    lines.push('const rest = [];');
    lines.push(`for (let i = ${vi}; i < n; i++) { let v = arguments[i];`);
    if (!vp.byRef && vp.type && !vp.type.isMixed) lines.push(`  v = coerceArg(info, i, v, ${strict});`);
    if (vp.type && vp.type.text === 'float') lines.push('  if (v instanceof PhpFloat) v = v.v;');
    lines.push('  rest.push(v); }');
    call += ', rest';
  }
  call += ')';
  const rt = info.returnType?.text;
  if (rt === 'float') {
    lines.push(`const r = ${call};`);
    lines.push('FL.obj = undefined;');
    lines.push('return typeof r === "number" && Number.isInteger(r) ? new PhpFloat(r) : r === undefined ? null : r;');
  } else {
    lines.push(`const r = ${call};`);
    // a result some callback left floating is the builtin's now (src/runtime/refcount.ts)
    lines.push('FL.obj = undefined;');
    lines.push('return r === undefined ? null : r;');
  }
  if (framed) lines.push('} finally { leave(fr); }');
  else {
    // variadic builtins read `arguments` anyway: their trace entry gets all the arguments
    const all = info.variadic || names.length > 4 ? ', Array.prototype.slice.call(arguments)' : '';
    lines.push(`} catch (e) { throw failed(e, info, this, top, n, ${firstFour.join(', ')}${all}); }`);
  }
  const src = `return function ${safeJsName(info.name)}(${names.join(', ')}) {\n${lines.join('\n')}\n};`;
  const factory = new Function('impl', 'info', 'D', 'argCountError', 'coerceArg', 'PhpFloat', 'PhpArray', 'Ref', 'enter', 'leave', 'failed', 'state', 'FL', src);
  const fn = factory(b.impl, info, defaults, argCountError, coerceArg, PhpFloat, PhpArray, Ref, frameHooks.enter, frameHooks.leave, frameHooks.failed, builtinState, floating);
  (fn as any).phpInfo = info;
  return fn;
}

function safeJsName(name: string): string {
  return 'php_' + name.replace(/[^A-Za-z0-9_]/g, '_');
}
