// Attributes as zend_compile_attributes checks them: argument lists (no unpacking, no duplicate or
// positional-after-named arguments, constant expressions only) and PHP's own attributes' targets.

import type * as A from '../syntax/ast.js';
import { FileCtx, compileError } from './context.js';
import { checkConstExpr } from './constexpr.js';

export const enum AttrTarget {
  Class = 1,
  Function = 2,
  Method = 4,
  Property = 8,
  ClassConstant = 16,
  Parameter = 32,
}

const TARGET_NAMES: [number, string][] = [
  [AttrTarget.Class, 'class'], [AttrTarget.Function, 'function'], [AttrTarget.Method, 'method'],
  [AttrTarget.Property, 'property'], [AttrTarget.ClassConstant, 'class constant'], [AttrTarget.Parameter, 'parameter'],
];

/** The targets of the attributes PHP itself declares (none of them is repeatable). */
const INTERNAL: Record<string, number> = {
  attribute: AttrTarget.Class,
  returntypewillchange: AttrTarget.Method,
  allowdynamicproperties: AttrTarget.Class,
  sensitiveparameter: AttrTarget.Parameter,
};

function targetNames(flags: number): string {
  return TARGET_NAMES.filter(([b]) => flags & b).map(([, n]) => n).join(', ');
}

/** What an #[AllowDynamicProperties] class may not be. */
export interface ClassKind {
  type: 'class' | 'interface' | 'trait' | 'enum';
  readonly: boolean;
  name: string;
}

export function checkAttributes(file: FileCtx, groups: A.AttributeGroup[], target: AttrTarget, cls?: ClassKind): void {
  const seen = new Set<string>();
  for (const g of groups) {
    for (const a of g.attrs) {
      checkArgs(a);
      const name = file.resolveClass(a.name);
      const lc = name.toLowerCase();
      const allowed = INTERNAL[lc];
      if (allowed === undefined) continue;
      if (!(allowed & target)) compileError(`Attribute "${name}" cannot target ${targetNames(target)} (allowed targets: ${targetNames(allowed)})`, a.line);
      if (seen.has(lc)) compileError(`Attribute "${name}" must not be repeated`, a.line);
      seen.add(lc);
      if (lc === 'allowdynamicproperties' && cls) {
        if (cls.type === 'trait') compileError('Cannot apply #[AllowDynamicProperties] to trait', a.line);
        if (cls.type === 'interface') compileError('Cannot apply #[AllowDynamicProperties] to interface', a.line);
        if (cls.type === 'enum') compileError(`Cannot apply #[AllowDynamicProperties] to enum ${cls.name}`, a.line);
        if (cls.readonly) compileError(`Cannot apply #[AllowDynamicProperties] to readonly class ${cls.name}`, a.line);
      }
    }
  }
}

function checkArgs(a: A.Attribute): void {
  const named = new Set<string>();
  for (const arg of a.args) {
    if (arg.unpack) compileError('Cannot use unpacking in attribute argument list', arg.line);
    if (arg.name) {
      if (named.has(arg.name.name)) compileError(`Duplicate named parameter $${arg.name.name}`, arg.line);
      named.add(arg.name.name);
    } else if (named.size) {
      compileError('Cannot use positional argument after named argument', arg.line);
    }
    checkConstExpr(arg.value, true);
  }
}
