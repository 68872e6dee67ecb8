// Shared helpers of the Reflection extension: making Reflection* objects around runtime metadata,
// ReflectionException, a small evaluator for constant expressions kept as AST JSON (attribute
// arguments) or as source text (parameter defaults), and PHP's value formatting for __toString.

import { PhpArray, Key, share, normStrKey } from '../../runtime/array.js';
import { PhpClass, PhpObject, FunctionInfo, PhpMethod } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref, PhpFloat, mkFloat } from '../../runtime/values.js';
import { instantiate } from '../../runtime/classdecl.js';
import { findClass, readClassConst as classConst } from '../../runtime/objects.js';
import { add, sub, mul, div, mod, pow, concat, bitAnd, bitOr, bitXor, bitNot, shl, shr, neg, plus, not, looseEq, strictEq, lt, le, gt, ge, spaceship } from '../../runtime/operators.js';
import { toBool, formatFloat } from '../../runtime/convert.js';
import { toKey } from '../../runtime/dims.js';
import { invokeArgs } from '../../runtime/functions.js';

/** Throws a ReflectionException (code 0 unless given). */
export function reflError(message: string, code = 0): never {
  const e = rt.core.createThrowable('ReflectionException', message);
  if (code) e.p['code'] = code;
  throw e;
}

/** A new object of a Reflection class (by name, or a given subclass) with its native state and public props. */
export function mkRefl(className: string | PhpClass, native: any, props: Record<string, any> = {}): PhpObject {
  const cls = typeof className === 'string' ? rt.core.builtinClasses.get(className.toLowerCase())! : className;
  const o = instantiate(cls);
  o.native = native;
  for (const k in props) o.p[k] = props[k];
  return o;
}

export function nativeOf<T>(o: PhpObject): T {
  if (!o.native) rt.throwError('Error', 'Internal error: Failed to retrieve the reflection object');
  return o.native as T;
}

/** Namespace part of a name: "A\B\c" → "A\B". */
export function nsOf(name: string): string {
  const i = name.lastIndexOf('\\');
  return i < 0 ? '' : name.slice(0, i);
}
export function shortOf(name: string): string {
  const i = name.lastIndexOf('\\');
  return i < 0 ? name : name.slice(i + 1);
}

// ───────────── reflection object factories (filled by the class modules) ─────────────

export const factories = {
  cls: (_c: PhpClass, _obj?: PhpObject | null): PhpObject => null as any,
  method: (_c: PhpClass, _m: PhpMethod): PhpObject => null as any,
  fn: (_info: FunctionInfo, _fn: Function, _closure: PhpObject | null): PhpObject => null as any,
};

/** The function part of a ReflectionFunction/ReflectionMethod. */
export interface FnState {
  info: FunctionInfo;
  fn: Function;
  /** ReflectionMethod: the method and the class it was looked up through */
  method: PhpMethod | null;
  cls: PhpClass | null;
  /** ReflectionFunction of a Closure */
  closure: PhpObject | null;
}

// ───────────── constant expressions ─────────────

export interface EvalCtx {
  /** self:: */
  scope: PhpClass | null;
  /** namespace for unqualified names */
  ns: string;
}

export function resolveClassName(n: any, ctx: EvalCtx, resolved?: string): string {
  if (resolved && !['self', 'static', 'parent'].includes(resolved)) return resolved;
  const name: string = n.name;
  const lc = name.toLowerCase();
  if (n.form === 'unqualified') {
    if (lc === 'self' || lc === 'static') return ctx.scope ? ctx.scope.name : name;
    if (lc === 'parent') return ctx.scope?.parent ? ctx.scope.parent.name : name;
  }
  if (n.form === 'fully') return name;
  return ctx.ns ? ctx.ns + '\\' + name : name;
}

function constByName(n: any, ctx: EvalCtx): any {
  const name: string = n.name;
  const lc = name.toLowerCase();
  if (n.form === 'unqualified' || n.form === 'fully') {
    if (lc === 'null') return null;
    if (lc === 'true') return true;
    if (lc === 'false') return false;
  }
  if (n.form !== 'fully' && ctx.ns) {
    const v = rt.findConstant(ctx.ns + '\\' + name);
    if (v !== undefined) return v;
  }
  if (n.form === 'unqualified' || n.form === 'fully') {
    const v = rt.findConstant(name);
    if (v !== undefined) return v;
  }
  return rt.throwError('Error', `Undefined constant "${n.form === 'fully' || !ctx.ns ? name : ctx.ns + '\\' + name}"`);
}

/** Evaluates a constant expression given as AST JSON. */
export function evalAst(e: any, ctx: EvalCtx): any {
  switch (e.kind) {
    case 'ScalarInt': {
      const t: string = e.value.replace(/_/g, '');
      let n: number | bigint;
      if (/^0[xX]/.test(t)) n = BigInt(t);
      else if (/^0[bB]/.test(t)) n = BigInt(t);
      else if (/^0[oO]/.test(t)) n = BigInt('0o' + t.slice(2));
      else if (/^0\d/.test(t)) n = BigInt('0o' + t.slice(1));
      else n = BigInt(t);
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
    }
    case 'ScalarFloat':
      return mkFloat(e.value);
    case 'ScalarString':
      return e.value;
    case 'InterpolatedString':
      return (e.parts as any[]).map((p) => (typeof p === 'string' ? p : String(evalAst(p, ctx)))).join('');
    case 'ConstFetch':
      return constByName(e.name, ctx);
    case 'ClassConstFetch': {
      if (e.cls.kind !== 'Name') return rt.throwError('Error', 'Unsupported constant expression');
      const cname = resolveClassName(e.cls, ctx);
      if (e.name.name.toLowerCase() === 'class') return cname;
      const c = findClass(cname, true);
      if (!c) return rt.throwError('Error', `Class "${cname}" not found`);
      return classConst(c, e.name.name, ctx.scope);
    }
    case 'MagicConst':
      switch (e.name) {
        case '__CLASS__':
          return ctx.scope ? ctx.scope.name : '';
        case '__NAMESPACE__':
          return ctx.ns;
        case '__LINE__':
          return e.line;
        default:
          return '';
      }
    case 'ArrayLiteral': {
      const a = new PhpArray();
      for (const it of e.items) {
        if (!it) continue;
        const v = evalAst(it.value, ctx);
        if (it.unpack) {
          if (v instanceof PhpArray) for (const [k, x] of v.entries()) typeof k === 'number' ? a.append(share(x)) : a.set(k, share(x));
          continue;
        }
        if (it.key) a.set(toKey(evalAst(it.key, ctx)) as Key, v);
        else a.append(v);
      }
      return a;
    }
    case 'UnaryOp': {
      const v = evalAst(e.expr, ctx);
      switch (e.op) {
        case '-':
          return neg(v);
        case '+':
          return plus(v);
        case '!':
          return not(v);
        case '~':
          return bitNot(v);
      }
      break;
    }
    case 'BinaryOp': {
      const op: string = e.op;
      if (op === '??') {
        const l = evalAst(e.left, ctx);
        return l ?? evalAst(e.right, ctx);
      }
      if (op === '&&' || op === 'and') return toBool(evalAst(e.left, ctx)) && toBool(evalAst(e.right, ctx));
      if (op === '||' || op === 'or') return toBool(evalAst(e.left, ctx)) || toBool(evalAst(e.right, ctx));
      const l = evalAst(e.left, ctx);
      const r = evalAst(e.right, ctx);
      const f: Record<string, (a: any, b: any) => any> = {
        '+': add, '-': sub, '*': mul, '/': div, '%': mod, '**': pow, '.': concat, '&': bitAnd, '|': bitOr, '^': bitXor,
        '<<': shl, '>>': shr, '==': looseEq, '!=': (a, b) => !looseEq(a, b), '<>': (a, b) => !looseEq(a, b), '===': strictEq,
        '!==': (a, b) => !strictEq(a, b), '<': lt, '<=': le, '>': gt, '>=': ge, '<=>': spaceship, 'xor': (a, b) => toBool(a) !== toBool(b),
      };
      if (f[op]) return f[op](l, r);
      break;
    }
    case 'Ternary': {
      const c = evalAst(e.cond, ctx);
      if (e.then === null) return toBool(c) ? c : evalAst(e.else, ctx);
      return toBool(c) ? evalAst(e.then, ctx) : evalAst(e.else, ctx);
    }
    case 'New': {
      if (e.cls.kind !== 'Name') break;
      const c = findClass(resolveClassName(e.cls, ctx), true);
      if (!c) return rt.throwError('Error', `Class "${resolveClassName(e.cls, ctx)}" not found`);
      const { positional, named } = evalArgs(e.args, ctx);
      return construct(c, positional, named);
    }
    case 'ArrayDimFetch': {
      const a = evalAst(e.var, ctx);
      const k = evalAst(e.dim, ctx);
      if (a instanceof PhpArray) return a.get(toKey(k) as Key) ?? null;
      return null;
    }
    case 'Paren':
      return evalAst(e.expr, ctx);
  }
  return rt.throwError('Error', 'Constant expression contains invalid operations');
}

export function evalArgs(args: any[], ctx: EvalCtx): { positional: any[]; named: Map<string, any> | null } {
  const positional: any[] = [];
  let named: Map<string, any> | null = null;
  for (const a of args) {
    const v = evalAst(a.value, ctx);
    if (a.unpack && v instanceof PhpArray) {
      for (const [k, x] of v.entries()) {
        if (typeof k === 'string') (named ??= new Map()).set(k, x);
        else positional.push(x);
      }
    } else if (a.name) (named ??= new Map()).set(a.name.name, v);
    else positional.push(v);
  }
  return { positional, named };
}

/** new C(...args) with positional and named arguments. */
export function construct(c: PhpClass, positional: any[], named: Map<string, any> | null): PhpObject {
  if (c.isInterface || c.isTrait || c.isAbstract || c.isEnum) {
    const what = c.isInterface ? 'interface' : c.isTrait ? 'trait' : c.isEnum ? 'enum' : 'abstract class';
    rt.throwError('Error', `Cannot instantiate ${what} ${c.name}`);
  }
  const o = instantiate(c);
  if (c.dtor) rt.destructibles.push(o);
  const ctor = c.ctor;
  if (ctor) {
    const named2 = named && named.size ? [...named.entries()] : null;
    invokeArgs({ fn: ctor.fn, info: ctor.info }, o, positional, named2, null);
  }
  return o;
}

// ───────────── default values given as source text ─────────────

/** Parses a default value's source text (as the compiler records it) into a value. */
export function evalDefaultText(text: string, scope: PhpClass | null, ns: string): any {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : mkFloat(n);
  }
  if (/^-?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(t) || /^-?(Infinity|NaN)$/.test(t)) return mkFloat(Number(t));
  if (t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/\\(['\\])/g, '$1');
  if (t === '[]') return new PhpArray();
  if (t === '[...]') return new PhpArray();
  if (t.startsWith('-')) return neg(evalDefaultText(t.slice(1), scope, ns));
  if (t.startsWith('!')) return not(evalDefaultText(t.slice(1), scope, ns));
  const cc = /^(\\?[A-Za-z_\x80-\xff][\w\\\x80-\xff]*)::([A-Za-z_\x80-\xff][\w\x80-\xff]*)$/.exec(t);
  if (cc) {
    const name = cc[1].startsWith('\\') ? { name: cc[1].slice(1), form: 'fully' } : { name: cc[1], form: cc[1].includes('\\') ? 'qualified' : 'unqualified' };
    return evalAst({ kind: 'ClassConstFetch', cls: { kind: 'Name', ...name }, name: { name: cc[2] } }, { scope, ns });
  }
  if (/^\\?[A-Za-z_\x80-\xff][\w\\\x80-\xff]*$/.test(t)) {
    const name = t.startsWith('\\') ? { name: t.slice(1), form: 'fully' } : { name: t, form: t.includes('\\') ? 'qualified' : 'unqualified' };
    return evalAst({ kind: 'ConstFetch', name: { kind: 'Name', ...name } }, { scope, ns });
  }
  const nw = /^new \\?([\w\\]+)\(\)$/.exec(t);
  if (nw) {
    const c = findClass(nw[1], true);
    if (c) return construct(c, [], null);
  }
  return null;
}

/** Is the default text a constant reference (not a literal)? Returns the constant's name. */
export function defaultConstantName(text: string): string | null {
  const t = text.trim();
  if (/^(null|true|false)$/i.test(t)) return null;
  if (/^\\?[A-Za-z_\x80-\xff][\w\\\x80-\xff]*(::[A-Za-z_\x80-\xff][\w\x80-\xff]*)?$/.test(t)) {
    if (/::class$/i.test(t)) return null;
    return t.replace(/^\\/, '');
  }
  return null;
}

// ───────────── formatting for __toString ─────────────

function escapeSingle(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/** smart_str_append_scalar + arrays, as format_default_value prints them. */
export function formatValue(v: any): string {
  if (v instanceof Ref) v = v.v;
  if (v === null || v === undefined) return 'NULL';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (typeof v === 'number' && !Number.isInteger(v)) return fmtFloat(v);
    return String(v);
  }
  if (v instanceof PhpFloat) return fmtFloat(v.v);
  if (typeof v === 'string') return "'" + escapeSingle(v) + "'";
  if (v instanceof PhpArray) {
    const keys = v.keyList();
    const isList = keys.every((k, i) => k === i);
    const parts: string[] = [];
    for (const [k, x] of v.entries()) {
      const kp = isList ? '' : (typeof k === 'string' ? "'" + escapeSingle(k) + "'" : String(k)) + ' => ';
      parts.push(kp + formatValue(x));
    }
    return '[' + parts.join(', ') + ']';
  }
  if (v instanceof PhpObject) {
    if (v.cls.isEnum) return v.cls.name + '::' + v.p['name'];
    return 'object(' + v.cls.name + ')';
  }
  return String(v);
}

function fmtFloat(x: number): string {
  const p = Number(rt.iniGet('precision') ?? 14) || 14;
  return formatFloat(x, p);
}

/** A parameter's default for __toString: literals formatted, constant expressions as written. */
export function formatDefaultText(text: string): string {
  const t = text.trim();
  if (/^null$/i.test(t)) return 'NULL';
  if (/^true$/i.test(t)) return 'true';
  if (/^false$/i.test(t)) return 'false';
  if (/^-?\d+$/.test(t)) return t;
  if (/^-?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(t)) return fmtFloat(Number(t));
  if (t.startsWith("'")) return t;
  return t.replace(/^\\/, '');
}

export { normStrKey, Ref, PhpFloat };
