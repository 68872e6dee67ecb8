// Type declarations in generated code: each distinct type is built once per module (a DeclaredType),
// with class names resolved against the file's namespace and imports at compile time.

import type * as A from '../syntax/ast.js';
import { FileCtx, ClassCtx, str } from './context.js';
import { isBuiltinTypeName } from '../runtime/types.js';

/** The type as PHP prints it in messages, with class names fully qualified. */
export function typeText(file: FileCtx, t: A.TypeNode): string {
  switch (t.kind) {
    case 'SimpleType': {
      const lc = t.name.name.toLowerCase();
      if (t.name.form === 'unqualified' && isBuiltinTypeName(lc)) return lc;
      return file.resolveClass(t.name);
    }
    case 'NullableType':
      return '?' + typeText(file, t.type);
    case 'UnionType':
      return t.types.map((m) => (m.kind === 'IntersectionType' ? '(' + typeText(file, m) + ')' : typeText(file, m))).join('|');
    case 'IntersectionType':
      return t.types.map((m) => typeText(file, m)).join('&');
  }
}

/** A module-level DeclaredType for t; `self`/`parent` are bound to the class when it is declared. */
export function typeExpr(file: FileCtx, t: A.TypeNode, cls: ClassCtx | null): string {
  const text = typeText(file, t);
  const id = file.id('T');
  const self = cls && /\b(self|parent)\b/.test(text) ? `, () => ${cls.ref}` : '';
  file.decls.push(`const ${id} = ${file.use('declType')}(${str(text)}${self});`);
  return id;
}
