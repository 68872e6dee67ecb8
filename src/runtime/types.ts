// Type declarations (int, ?string, A|B, (A&B)|null, ...) and PHP's parameter coercion rules
// (zend_verify_arg_type / zend_verify_scalar_type_hint): exact matches pass, and in coercive mode
// scalars convert (int ↔ float ↔ numeric string ↔ bool) with PHP 8's deprecations and failures.

import { PhpFloat, PhpResource, mkFloat } from './values.js';
import { PhpArray } from './array.js';
import { PhpObject, PhpClass, NO_MATCH, TypeCheck } from './object.js';
import { readNumeric, formatFloat, settings } from './convert.js';
import { hooks } from './hooks.js';

export type ScalarTypeName =
  | 'int' | 'float' | 'string' | 'bool' | 'array' | 'callable' | 'object' | 'iterable' | 'mixed'
  | 'null' | 'false' | 'true' | 'void' | 'never' | 'static' | 'self' | 'parent';

const BUILTIN_TYPES = new Set<string>([
  'int', 'float', 'string', 'bool', 'array', 'callable', 'object', 'iterable', 'mixed', 'null', 'false',
  'true', 'void', 'never', 'static', 'self', 'parent',
]);

export function isBuiltinTypeName(lc: string): boolean {
  return BUILTIN_TYPES.has(lc);
}

/** Looks classes up by name (the request's class table, with autoloading). */
export interface ClassResolver {
  findClass(name: string, autoload: boolean): PhpClass | null;
  isCallable(v: any): boolean;
}

export const typeEnv: { resolver: ClassResolver | null } = { resolver: null };

/** One alternative of a union: a builtin type name, a class name, or an intersection of class names. */
type Alt = { kind: 'builtin'; name: ScalarTypeName } | { kind: 'class'; name: string } | { kind: 'inter'; names: string[] };

/** Whether o's class is, extends or implements the class of that lowercase name (no autoloading: an object's classes are all loaded). */
function instanceOfLc(o: PhpObject, lc: string): boolean {
  for (let c: PhpClass | null = o.cls; c; c = c.parent) if (c.lcname === lc) return true;
  for (const i of o.cls.interfaces) if (i.lcname === lc) return true;
  return false;
}

export class DeclaredType implements TypeCheck {
  readonly allowsNull: boolean;
  private readonly has: Set<string>;
  /** the class alternatives, each the lowercase names an object must all be instances of (one for a class) */
  private readonly classAlts: string[][];
  /** the class to resolve self/parent/static against, when known */
  selfClass: PhpClass | null = null;
  /** the type as reflection names it when that differs from the message text (a lone `iterable`) */
  reflectText: string | null = null;

  constructor(public readonly text: string, private readonly alts: Alt[]) {
    this.has = new Set(alts.filter((a) => a.kind === 'builtin').map((a) => (a as any).name));
    this.allowsNull = this.has.has('null') || this.has.has('mixed');
    this.classAlts = alts.flatMap((a) => (a.kind === 'class' ? [[a.name.toLowerCase()]] : a.kind === 'inter' ? [a.names.map((n) => n.toLowerCase())] : []));
  }

  get isMixed(): boolean {
    return this.has.has('mixed');
  }

  /** `callable` or `?callable`: mismatches are reported as "must be a valid callback". */
  get isCallableOnly(): boolean {
    return this.has.has('callable') && this.classAlts.length === 0 && [...this.has].every((t) => t === 'callable' || t === 'null');
  }

  /**
   * Accepts v as is, or returns the coerced value, or NO_MATCH. `scope`: the class self/parent mean
   * (the function's class: for a trait method, the class using the trait).
   */
  check(v: any, strict: boolean, calledClass?: PhpClass | null, scope?: PhpClass | null): any {
    const h = this.has;
    if (h.has('mixed')) return v;
    switch (typeof v) {
      case 'number':
        if (Number.isInteger(v)) {
          if (h.has('int')) return v;
          if (h.has('float')) return mkFloat(v);
        } else if (h.has('float')) return v;
        break;
      case 'bigint':
        if (h.has('int')) return v;
        if (h.has('float')) return mkFloat(Number(v));
        break;
      case 'string':
        if (h.has('string')) return v;
        if (h.has('callable') && typeEnv.resolver?.isCallable(v)) return v;
        break;
      case 'boolean':
        if (h.has('bool') || (v ? h.has('true') : h.has('false'))) return v;
        break;
      case 'object':
        if (v === null) {
          if (this.allowsNull) return v;
          return NO_MATCH;
        }
        if (v instanceof PhpFloat) {
          if (h.has('float')) return v;
          break;
        }
        if (v instanceof PhpArray) {
          if (h.has('array') || h.has('iterable')) return v;
          if (h.has('callable') && typeEnv.resolver?.isCallable(v)) return v;
          break;
        }
        if (v instanceof PhpObject) {
          if (h.has('object')) return v;
          if (this.matchesClass(v, calledClass, scope)) return v;
          if (h.has('iterable') && this.isTraversable(v)) return v;
          if (h.has('callable') && typeEnv.resolver?.isCallable(v)) return v;
          if (h.has('string') && !strict && v.cls.toStringMethod) return v.toPhpString();
          return NO_MATCH;
        }
        if (v instanceof PhpResource) return NO_MATCH;
    }
    if (strict) return NO_MATCH;
    return this.coerceScalar(v);
  }

  private isTraversable(o: PhpObject): boolean {
    const t = typeEnv.resolver?.findClass('Traversable', false);
    return !!t && o.cls.isSubclassOf(t);
  }

  private matchesClass(o: PhpObject, calledClass?: PhpClass | null, scope?: PhpClass | null): boolean {
    for (const names of this.classAlts) {
      let all = true;
      for (const lc of names) if (!instanceOfLc(o, lc)) all = false;
      if (all) return true;
    }
    const self = scope ?? this.selfClass;
    if (this.has.has('self') && self && o.cls.isSubclassOf(self)) return true;
    if (this.has.has('parent') && self?.parent && o.cls.isSubclassOf(self.parent)) return true;
    if (this.has.has('static') && calledClass && o.cls.isSubclassOf(calledClass)) return true;
    return false;
  }

  /** Weak-mode scalar coercion, in PHP's order of preference int, float, string, bool. */
  private coerceScalar(v: any): any {
    const h = this.has;
    const isScalar = typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string' || typeof v === 'boolean' || v instanceof PhpFloat;
    if (!isScalar) return NO_MATCH;
    if (h.has('int')) {
      const r = toIntWeak(v, h.has('float'));
      if (r !== NO_MATCH) return r;
    }
    if (h.has('float')) {
      const r = toFloatWeak(v);
      if (r !== NO_MATCH) return r;
    }
    if (h.has('string')) {
      if (typeof v === 'string') return v;
      if (typeof v === 'boolean') return v ? '1' : '';
      if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatToParamString(v);
      if (typeof v === 'bigint') return v.toString();
      if (v instanceof PhpFloat) return floatToParamString(v.v);
    }
    if (h.has('bool') && typeof v !== 'boolean') {
      return typeof v === 'string' ? v !== '' && v !== '0' : typeof v === 'number' ? v !== 0 : typeof v === 'bigint' ? v !== 0n : v.v !== 0;
    }
    return NO_MATCH;
  }
}

function floatToParamString(d: number): string {
  // a float passed to a string parameter converts like (string)$float (precision ini)
  return formatFloat(d, settings.precision);
}

/** int parameter in weak mode. `soft`: part of a union that has another scalar type to try. */
function toIntWeak(v: any, soft: boolean): any {
  if (typeof v === 'boolean') return v ? 1 : 0;
  let d: number;
  if (typeof v === 'string') {
    const r = readNumeric(v);
    if (r.kind !== 1) return NO_MATCH;
    const x = r.value;
    if (typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x))) return x;
    d = typeof x === 'number' ? x : x.v;
    if (soft && d !== Math.trunc(d)) return NO_MATCH;
  } else if (typeof v === 'number') {
    d = v;
    if (soft && d !== Math.trunc(d)) return NO_MATCH;
  } else if (v instanceof PhpFloat) {
    d = v.v;
  } else {
    return NO_MATCH;
  }
  if (!Number.isFinite(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return NO_MATCH;
  if (d !== Math.trunc(d)) {
    hooks.deprecated(typeof v === 'string'
      ? `Implicit conversion from float-string "${v}" to int loses precision`
      : `Implicit conversion from float ${formatFloat(d, -1)} to int loses precision`);
  }
  const t = Math.trunc(d);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : BigInt(t);
}

function toFloatWeak(v: any): any {
  if (typeof v === 'boolean') return v ? new PhpFloat(1) : new PhpFloat(0);
  if (typeof v === 'number') return mkFloat(v);
  if (typeof v === 'bigint') return mkFloat(Number(v));
  if (typeof v === 'string') {
    const r = readNumeric(v);
    if (r.kind !== 1) return NO_MATCH;
    const x = r.value;
    return mkFloat(typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : x.v);
  }
  return NO_MATCH;
}

// ───────────── parsing type text (builtin signatures) and AST types ─────────────

/** Parses "?int", "int|string|null", "A&B", "(A&B)|null", "array|string|null" into a DeclaredType. */
/** The order zend_type_to_string lists builtin types in. */
const TYPE_ORDER = ['static', 'callable', 'object', 'array', 'string', 'int', 'float', 'bool', 'false', 'true', 'void', 'never', 'null', 'mixed', 'iterable'];

/** A union as PHP prints it: classes first, then builtin types in PHP's order; ?T for T|null. */
export function canonicalTypeText(text: string): string {
  if (!text.includes('|')) return text;
  let parts = splitTopLevel(text, '|').map((p) => p.trim());
  // in a union, iterable stands for Traversable|array (PHP 8.2)
  if (parts.some((p) => p.toLowerCase() === 'iterable')) {
    parts = parts.flatMap((p) => (p.toLowerCase() === 'iterable' ? ['Traversable', 'array'] : [p]));
    parts = parts.filter((p, i) => parts.findIndex((q) => q.toLowerCase() === p.toLowerCase()) === i);
  }
  const builtin = parts.filter((p) => TYPE_ORDER.includes(p.toLowerCase())).sort((a, b) => TYPE_ORDER.indexOf(a.toLowerCase()) - TYPE_ORDER.indexOf(b.toLowerCase()));
  const classes = parts.filter((p) => !TYPE_ORDER.includes(p.toLowerCase()));
  const all = [...classes, ...builtin];
  if (all.length === 2 && all[1].toLowerCase() === 'null' && !all[0].startsWith('(')) return '?' + all[0];
  return all.join('|');
}

export function parseTypeText(text: string): DeclaredType {
  let t = text.trim();
  const alts: Alt[] = [];
  if (t.startsWith('?')) {
    t = t.slice(1);
    alts.push({ kind: 'builtin', name: 'null' });
  }
  for (let part of splitTopLevel(t, '|')) {
    part = part.trim();
    if (part.startsWith('(') && part.endsWith(')')) part = part.slice(1, -1);
    if (part.includes('&')) {
      alts.push({ kind: 'inter', names: part.split('&').map((s) => s.trim().replace(/^\\/, '')) });
      continue;
    }
    const lc = part.toLowerCase();
    if (BUILTIN_TYPES.has(lc)) alts.push({ kind: 'builtin', name: lc as ScalarTypeName });
    else alts.push({ kind: 'class', name: part.replace(/^\\/, '') });
  }
  return new DeclaredType(canonicalTypeText(text), alts);
}

/** Splits a type text at top-level separators (not inside DNF parentheses). */
export function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/**
 * zend_type_to_string_resolved: the type as runtime messages show it, self and parent named after the
 * scope's classes and static after the called class.
 */
export function typeTextIn(t: TypeCheck, scope: PhpClass | null | undefined, called?: PhpClass | null): string {
  const text = t.text;
  if (!/\b(self|parent|static)\b/i.test(text)) return text;
  return text.replace(/\b(self|parent|static)\b/gi, (w) => {
    const lc = w.toLowerCase();
    if (lc === 'self') return scope ? scope.name : w;
    if (lc === 'parent') return scope?.parent ? scope.parent.name : w;
    return called ? called.name : w;
  });
}

/** The "X given" part of a TypeError: zend_zval_type_name. */
export function givenType(v: any): string {
  if (v instanceof PhpObject) return v.cls.isAnonymous ? v.cls.anonymousDebugName() : v.cls.name;
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  if (v === null || v === undefined) return 'null';
  if (v instanceof PhpFloat) return 'float';
  if (v instanceof PhpArray) return 'array';
  if (v instanceof PhpResource) return 'resource';
  return 'mixed';
}
