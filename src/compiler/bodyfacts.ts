// Facts about a closure's body that a runtime checking it as a thread's task needs (the parallel
// extension refuses tasks that declare classes or named functions, that yield, or whose return value
// the caller ignores). php-src's parallel finds them by scanning the closure's opcodes; here the
// compiler records them, once, in the closure's FunctionInfo (`facts`).

import type * as A from '../syntax/ast.js';
import { forEachChild } from './analyze.js';

/** What parallel calls an instruction a task may not contain: ZEND_DECLARE_FUNCTION → "function"... */
export type IllegalKind = 'function' | 'class' | 'new class' | 'yield';

export interface BodyFacts {
  /** the first illegal instruction, in source order: kind, line, and whether it sits in a nested
   * closure (then the line is where the closure holding the declaration starts; closures may yield) */
  illegal: [IllegalKind, number, boolean] | null;
  /** line of the first explicit `return` or `throw` of the body, or -1 */
  exit: number;
}

/** The facts of a closure or arrow function body. */
export function closureFacts(body: A.Node[]): BodyFacts {
  const f: BodyFacts = { illegal: null, exit: -1 };
  const visit = (n: any): void => {
    switch (n.kind) {
      case 'FunctionDecl':
        noteIllegal(f, 'function', n.line);
        return;
      case 'ClassLike':
        noteIllegal(f, 'class', n.line);
        return;
      case 'New':
        if (n.cls && n.cls.kind === 'ClassLike') {
          noteIllegal(f, 'new class', n.line);
          for (const a of n.args) visit(a);
          return;
        }
        break;
      case 'Yield':
      case 'YieldFrom':
        noteIllegal(f, 'yield', n.line);
        break;
      case 'Return':
      case 'Throw':
      case 'ThrowStmt':
        if (f.exit < 0) f.exit = n.line;
        break;
      case 'Closure':
      case 'ArrowFunction': {
        const d = declarationIn(n.kind === 'Closure' ? n.body : [n.expr], n.line);
        if (d && !f.illegal) f.illegal = [d[0], d[1], true];
        return;
      }
    }
    forEachChild(n, visit);
  };
  for (const s of body) visit(s);
  return f;
}

function noteIllegal(f: BodyFacts, kind: IllegalKind, line: number): void {
  if (!f.illegal) f.illegal = [kind, line, false];
}

/** A function or class declared in a closure body (or in closures within it): yields are allowed there. */
function declarationIn(body: A.Node[], line: number): [IllegalKind, number] | null {
  let found: [IllegalKind, number] | null = null;
  const visit = (n: any): void => {
    if (found) return;
    switch (n.kind) {
      case 'FunctionDecl':
        found = ['function', line];
        return;
      case 'ClassLike':
        found = ['class', line];
        return;
      case 'New':
        if (n.cls && n.cls.kind === 'ClassLike') {
          found = ['new class', line];
          return;
        }
        break;
      case 'Closure':
      case 'ArrowFunction':
        found = declarationIn(n.kind === 'Closure' ? n.body : [n.expr], n.line);
        return;
    }
    forEachChild(n, visit);
  };
  for (const s of body) visit(s);
  return found;
}

/** The facts as a JS object literal for the FunctionInfo declaration. */
export function factsJs(f: BodyFacts): string {
  const i = f.illegal;
  return `{illegal: ${i ? `[${JSON.stringify(i[0])}, ${i[1]}, ${i[2]}]` : 'null'}, exit: ${f.exit}}`;
}
