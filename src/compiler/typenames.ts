// Type declarations as zend_compile_typename sees them: resolving names (self/parent to the class when
// the scope is known, iterable to Traversable|array), PHP's compile-time checks (duplicate and redundant
// members, standalone-only types, intersection members, confusable names) and the canonical text
// zend_type_to_string prints, which the runtime builds its DeclaredType from.

import type * as A from '../syntax/ast.js';
import { FileCtx, ClassCtx, compileError } from './context.js';

/** Where a type is written: the class around it and whether self/parent/static can be checked now. */
export interface TypeScope {
  cls: ClassCtx | null;
  /** zend_is_scope_known: false in closures (rebindable) and traits (the using class decides) */
  scopeKnown: boolean;
}

/** A compiled type: class members (names, or intersections of names) in order, builtin types as a set. */
export interface CompiledType {
  classes: (string | string[])[];
  builtins: Set<string>;
  /** the Traversable member stands for `iterable` (it does not make `object` redundant) */
  iterableClass: string | null;
}

const BUILTIN_TYPES = new Set(['int', 'float', 'string', 'bool', 'array', 'callable', 'object', 'iterable', 'mixed', 'null', 'false', 'true', 'void', 'never', 'static']);
/** zend_is_reserved_class_name */
const RESERVED_CLASS_NAMES = new Set(['bool', 'false', 'float', 'int', 'null', 'parent', 'self', 'static', 'string', 'true', 'void', 'never', 'iterable', 'object', 'mixed']);
const CONFUSABLE: Record<string, string | null> = { boolean: 'bool', integer: 'int', double: 'float', resource: null };
/** The order zend_type_to_string prints builtin types in (after the class names). */
const PRINT_ORDER = ['static', 'callable', 'object', 'array', 'string', 'int', 'float', 'bool', 'false', 'true', 'void', 'never'];

export function isReservedClassName(name: string): boolean {
  return RESERVED_CLASS_NAMES.has(name.slice(name.lastIndexOf('\\') + 1).toLowerCase());
}

/** "Cannot use 'int' as class name as it is reserved" for a class declared or aliased under such a name. */
export function assertValidClassName(name: string, line: number): void {
  if (isReservedClassName(name)) compileError(`Cannot use '${name}' as class name as it is reserved`, line);
}

/** zend_type_to_string */
export function typeToString(t: CompiledType): string {
  const parts: string[] = [];
  const isUnion = t.classes.length + [...t.builtins].filter((b) => b !== 'null').length > 1;
  for (const c of t.classes) {
    if (typeof c === 'string') parts.push(c);
    else parts.push(isUnion || t.builtins.has('null') ? '(' + c.join('&') + ')' : c.join('&'));
  }
  if (t.builtins.has('mixed')) return parts.length ? parts.join('|') + '|mixed' : 'mixed';
  for (const b of PRINT_ORDER) {
    if (!t.builtins.has(b)) continue;
    if ((b === 'false' || b === 'true') && t.builtins.has('bool')) continue;
    parts.push(b);
  }
  if (t.builtins.has('null')) {
    if (parts.length === 1 && !parts[0].includes('&') && !parts[0].includes('|')) return '?' + parts[0];
    parts.push('null');
  }
  return parts.join('|');
}

function builtinName(t: A.SimpleType): string | null {
  const lc = t.name.name.toLowerCase();
  if (t.name.form !== 'unqualified' || !BUILTIN_TYPES.has(lc)) return null;
  return lc;
}

/** A class name in a type: resolved, checked (reserved names, self/parent/static scope), warned about. */
function className(file: FileCtx, t: A.SimpleType, scope: TypeScope): string {
  const n = t.name;
  const lc = n.name.toLowerCase();
  if (n.form === 'unqualified' && (lc === 'self' || lc === 'parent')) {
    if (!scope.scopeKnown) return lc;
    const cls = scope.cls;
    if (!cls) compileError(`Cannot use "${lc}" when no class scope is active`, t.line);
    if (lc === 'parent' && !cls.parentName) compileError('Cannot use "parent" when current class scope has no parent', t.line);
    // kept as written: messages name the class (zend_type_to_string_resolved), the type itself doesn't
    return lc;
  }
  if ((n.form === 'fully' || n.form === 'relative') && BUILTIN_TYPES.has(lc)) compileError(`Type declaration '${lc}' must be unqualified`, t.line);
  const resolved = file.resolveClass(n);
  assertValidClassName(resolved, t.line);
  if (n.form === 'unqualified' && lc in CONFUSABLE && !file.useClass.has(lc)) {
    const correct = CONFUSABLE[lc];
    const extra = file.namespace ? ' or import the class with "use"' : '';
    file.warnings.push({
      message: correct
        ? `"${n.name}" will be interpreted as a class name. Did you mean "${correct}"? Write "\\${resolved}"${extra} to suppress this warning`
        : `"${n.name}" is not a supported builtin type and will be interpreted as a class name. Write "\\${resolved}"${extra} to suppress this warning`,
      line: t.line,
    });
  }
  return resolved;
}

function intersection(file: FileCtx, t: A.IntersectionType, scope: TypeScope): string[] {
  const names: string[] = [];
  for (const m of t.types) {
    const b = builtinName(m);
    if (b !== null || isSelfOrParent(m)) {
      const shown = b === 'iterable' ? 'Traversable|array' : b ?? m.name.name.toLowerCase();
      compileError(`Type ${shown} cannot be part of an intersection type`, m.line);
    }
    const name = className(file, m, scope);
    if (names.some((x) => x.toLowerCase() === name.toLowerCase())) compileError(`Duplicate type ${name} is redundant`, m.line);
    names.push(name);
  }
  return names;
}

function isSelfOrParent(t: A.SimpleType): boolean {
  const lc = t.name.name.toLowerCase();
  return t.name.form === 'unqualified' && (lc === 'self' || lc === 'parent');
}

/** zend_are_intersection_types_redundant / zend_is_intersection_type_redundant_by_single_type */
function checkIntersectionRedundancy(a: string | string[], b: string | string[], line: number): void {
  if (typeof a === 'string' && typeof b === 'string') return;
  const la = typeof a === 'string' ? [a] : a;
  const lb = typeof b === 'string' ? [b] : b;
  const [small, large] = la.length <= lb.length ? [la, lb] : [lb, la];
  const lcLarge = new Set(large.map((x) => x.toLowerCase()));
  if (!small.every((x) => lcLarge.has(x.toLowerCase()))) return;
  if (small.length === large.length) compileError(`Type ${la.join('&')} is redundant with type ${lb.join('&')}`, line);
  compileError(`Type ${large.join('&')} is redundant as it is more restrictive than type ${small.join('&')}`, line);
}

function addBuiltin(out: CompiledType, name: string, line: number): void {
  const b = out.builtins;
  const dup = (n: string) => compileError(`Duplicate type ${n} is redundant`, line);
  switch (name) {
    case 'iterable':
      if (b.has('array')) dup('array');
      if (out.classes.some((c) => typeof c === 'string' && c.toLowerCase() === 'traversable')) dup('Traversable');
      b.add('array');
      out.classes.push('Traversable');
      out.iterableClass = 'Traversable';
      return;
    case 'bool':
      if (b.has('false') || b.has('true')) dup('bool');
      break;
    case 'false':
    case 'true':
      if (b.has('bool')) dup(name);
      if (b.has(name === 'false' ? 'true' : 'false')) compileError('Type contains both true and false, bool should be used instead', line);
      break;
  }
  if (b.has(name)) dup(name);
  b.add(name);
}

function addClass(out: CompiledType, name: string, line: number): void {
  const lc = name.toLowerCase();
  for (const c of out.classes) {
    if (typeof c === 'string') {
      if (c.toLowerCase() === lc) compileError(`Duplicate type ${name} is redundant`, line);
    } else checkIntersectionRedundancy(c, name, line);
  }
  out.classes.push(name);
}

function addIntersection(out: CompiledType, names: string[], line: number): void {
  for (const c of out.classes) checkIntersectionRedundancy(names, c, line);
  out.classes.push(names);
}

function addSimple(file: FileCtx, out: CompiledType, t: A.SimpleType, scope: TypeScope): void {
  const b = builtinName(t);
  if (b === 'static' && scope.scopeKnown && !scope.cls) compileError('Cannot use "static" when no class scope is active', t.line);
  if (b !== null) addBuiltin(out, b, t.line);
  else addClass(out, className(file, t, scope), t.line);
}

/**
 * zend_compile_typename: checks a declared type and returns it compiled. `forceAllowNull`: a parameter
 * whose default is null is implicitly nullable.
 */
export function compileTypename(file: FileCtx, t: A.TypeNode, scope: TypeScope, forceAllowNull = false): CompiledType {
  const out: CompiledType = { classes: [], builtins: new Set(), iterableClass: null };
  switch (t.kind) {
    case 'SimpleType':
      addSimple(file, out, t, scope);
      break;
    case 'NullableType': {
      const b = builtinName(t.type);
      if (b === 'mixed') compileError('Type mixed cannot be marked as nullable since mixed already includes null', t.line);
      if (b === 'null') compileError('null cannot be marked as nullable', t.line);
      if (b === 'void') compileError('Void can only be used as a standalone type', t.line);
      if (b === 'never') compileError('never can only be used as a standalone type', t.line);
      addSimple(file, out, t.type, scope);
      out.builtins.add('null');
      break;
    }
    case 'IntersectionType':
      out.classes.push(intersection(file, t, scope));
      break;
    case 'UnionType':
      for (const m of t.types) {
        if (m.kind === 'IntersectionType') addIntersection(out, intersection(file, m, scope), m.line);
        else addSimple(file, out, m, scope);
      }
      checkUnion(out, t.line);
      break;
  }
  if (forceAllowNull && !out.builtins.has('mixed')) out.builtins.add('null');
  return out;
}

/** The checks PHP makes once a union is complete. */
function checkUnion(out: CompiledType, line: number): void {
  const b = out.builtins;
  if (b.has('mixed')) compileError('Type mixed can only be used as a standalone type', line);
  if (b.has('void')) compileError('Void can only be used as a standalone type', line);
  if (b.has('never')) compileError('never can only be used as a standalone type', line);
  // the Traversable that `iterable` stands for is not a class written by the user
  const explicitClasses = out.classes.length - (out.iterableClass ? 1 : 0);
  if (b.has('object') && (explicitClasses > 0 || b.has('static'))) {
    compileError(`Type ${typeToString(out)} contains both object and a class type, which is redundant`, line);
  }
}

/** Is the compiled type exactly `builtin` (ignoring null)? */
export function isOnly(t: CompiledType, builtin: string): boolean {
  return t.classes.length === 0 && t.builtins.has(builtin) && [...t.builtins].every((x) => x === builtin || x === 'null');
}

export function allowsNull(t: CompiledType): boolean {
  return t.builtins.has('null') || t.builtins.has('mixed');
}

/** The PHP type name of a literal default value (zend_zval_type_name), or null when not a compile-time literal. */
export function literalType(e: A.Expr): string | null {
  switch (e.kind) {
    case 'ScalarInt':
      return 'int';
    case 'ScalarFloat':
      return 'float';
    case 'ScalarString':
      return 'string';
    case 'ConstFetch': {
      if (e.name.form !== 'unqualified' && e.name.form !== 'fully') return null;
      const lc = e.name.name.toLowerCase();
      return lc === 'null' ? 'null' : lc === 'true' || lc === 'false' ? 'bool' : null;
    }
    case 'UnaryOp':
      if ((e.op === '-' || e.op === '+') && (e.expr.kind === 'ScalarInt' || e.expr.kind === 'ScalarFloat')) return literalType(e.expr);
      return null;
    case 'ArrayLiteral':
      return e.items.every((i) => !i.unpack && !i.byRef && (i.key === null || literalType(i.key) !== null) && literalType(i.value) !== null) ? 'array' : null;
  }
  return null;
}

/** zend_is_valid_default_value: may a literal of type `lit` be the default of type t? */
export function isValidDefault(t: CompiledType, lit: string, e: A.Expr): boolean {
  const b = t.builtins;
  if (b.has('mixed')) return true;
  switch (lit) {
    case 'null':
      return b.has('null');
    case 'bool': {
      const v = (e as A.ConstFetch).name.name.toLowerCase() === 'true';
      return b.has('bool') || b.has(v ? 'true' : 'false');
    }
    case 'int':
      return b.has('int') || b.has('float');
    default:
      return b.has(lit);
  }
}
