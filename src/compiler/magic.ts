// The signatures PHP requires of magic methods (zend_check_magic_method_implementation): argument
// counts, static or not, visibility, and the parameter and return types they may declare.

import type * as A from '../syntax/ast.js';
import { FileCtx, ClassCtx, compileError } from './context.js';
import { compileTypename, typeToString, CompiledType } from './typenames.js';

const M_PUBLIC = 1, M_PROTECTED = 2, M_PRIVATE = 4, M_STATIC = 8;

interface MagicRule {
  args?: number;
  isStatic?: boolean;
  isPublic?: boolean;
  /** the builtin type each parameter must include when typed */
  argTypes?: string[];
  /** the builtin types a declared return type may contain; null: no return type allowed */
  ret?: string[] | null;
}

const RULES: Record<string, MagicRule> = {
  __construct: { isStatic: false, ret: null },
  __destruct: { args: 0, isStatic: false, ret: null },
  __clone: { args: 0, isStatic: false, ret: ['void'] },
  __get: { args: 1, isStatic: false, isPublic: true, argTypes: ['string'] },
  __set: { args: 2, isStatic: false, isPublic: true, argTypes: ['string'], ret: ['void'] },
  __unset: { args: 1, isStatic: false, isPublic: true, argTypes: ['string'], ret: ['void'] },
  __isset: { args: 1, isStatic: false, isPublic: true, argTypes: ['string'], ret: ['bool'] },
  __call: { args: 2, isStatic: false, isPublic: true, argTypes: ['string', 'array'] },
  __callstatic: { args: 2, isStatic: true, isPublic: true, argTypes: ['string', 'array'] },
  __tostring: { args: 0, isStatic: false, isPublic: true, ret: ['string'] },
  __debuginfo: { args: 0, isStatic: false, isPublic: true, ret: ['array', 'null'] },
  __serialize: { args: 0, isStatic: false, isPublic: true, ret: ['array'] },
  __unserialize: { args: 1, isStatic: false, isPublic: true, argTypes: ['array'], ret: ['void'] },
  __set_state: { args: 1, isStatic: true, isPublic: true, argTypes: ['array'], ret: ['object'] },
  __invoke: { isStatic: false, isPublic: true },
  __sleep: { args: 0, isStatic: false, isPublic: true, ret: ['array'] },
  __wakeup: { args: 0, isStatic: false, isPublic: true, ret: ['void'] },
};

function maskText(types: string[]): string {
  return typeToString({ classes: [], builtins: new Set(types), iterableClass: null });
}

/** Checks a method named like a magic method; warnings (visibility) go to the file's compile warnings. */
export function checkMagicMethod(file: FileCtx, cls: ClassCtx, m: A.ClassMethod): void {
  const lc = m.name.name.toLowerCase();
  const rule = RULES[lc];
  if (!rule) return;
  const where = `${cls.name ?? 'class@anonymous'}::${m.name.name}`;
  const params = m.params.filter((p) => !p.variadic);
  if (rule.args !== undefined && (params.length !== rule.args || m.params.length !== params.length)) {
    compileError(rule.args === 0 ? `Method ${where}() cannot take arguments`
      : `Method ${where}() must take exactly ${rule.args} argument${rule.args === 1 ? '' : 's'}`, m.line);
  }
  if (rule.args !== undefined && m.params.some((p) => p.byRef)) compileError(`Method ${where}() cannot take arguments by reference`, m.line);
  const isStatic = (m.flags & M_STATIC) !== 0;
  if (rule.isStatic === false && isStatic) compileError(`Method ${where}() cannot be static`, m.line);
  if (rule.isStatic === true && !isStatic) compileError(`Method ${where}() must be static`, m.line);
  if (rule.isPublic && (m.flags & (M_PROTECTED | M_PRIVATE)) && !(m.flags & M_PUBLIC)) {
    file.warnings.push({ message: `The magic method ${where}() must have public visibility`, line: m.line, level: 2 });
  }
  const scope = { cls, scopeKnown: !cls.isTrait };
  (rule.argTypes ?? []).forEach((need, i) => {
    const p = m.params[i];
    if (!p || !p.type) return;
    const t = compileTypename(file, p.type, scope);
    if (!t.builtins.has(need) && !t.builtins.has('mixed')) {
      compileError(`${where}(): Parameter #${i + 1} ($${p.name}) must be of type ${need} when declared`, m.line);
    }
  });
  if (!m.returnType || rule.ret === undefined) return;
  if (rule.ret === null) compileError(`Method ${where}() cannot declare a return type`, m.line);
  const t = compileTypename(file, m.returnType, scope);
  if (!returnFits(t, rule.ret)) compileError(`${where}(): Return type must be ${maskText(rule.ret)} when declared`, m.line);
}

function returnFits(t: CompiledType, allowed: string[]): boolean {
  if (t.builtins.has('never') && t.builtins.size === 1 && t.classes.length === 0) return true;
  const extra = [...t.builtins].filter((b) => !allowed.includes(b));
  const complex = t.classes.length > 0 || extra.includes('static');
  const rest = extra.filter((b) => b !== 'static');
  return rest.length === 0 && (!complex || (allowed.length === 1 && allowed[0] === 'object'));
}
