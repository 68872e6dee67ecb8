// Type declarations in generated code: each distinct type is built once per module (a DeclaredType)
// from the canonical text compileTypename produced (class names resolved at compile time).

import type * as A from '../syntax/ast.js';
import { FileCtx, ClassCtx, str } from './context.js';
import { CompiledType, typeToString } from './typenames.js';

/** A module-level DeclaredType for a compiled type; `self`/`parent` left unresolved bind to the class when it is declared. */
export function typeExpr(file: FileCtx, t: CompiledType, node: A.TypeNode, cls: ClassCtx | null): string {
  const text = typeToString(t);
  const id = file.id('T');
  const self = cls && /\b(self|parent)\b/.test(text) ? `() => ${cls.ref}` : 'undefined';
  // reflection still names a lone `iterable` / `?iterable` so (PHP 8.2 keeps it for BC)
  const alias = isIterableAlias(node) ? str(node.kind === 'NullableType' ? '?iterable' : 'iterable') : '';
  file.decls.push(`const ${id} = ${file.use('declType')}(${str(text)}${self !== 'undefined' || alias ? ', ' + self : ''}${alias ? ', ' + alias : ''});`);
  return id;
}

function isIterableAlias(t: A.TypeNode): boolean {
  const s = t.kind === 'NullableType' ? t.type : t;
  return s.kind === 'SimpleType' && s.name.form === 'unqualified' && s.name.name.toLowerCase() === 'iterable';
}
