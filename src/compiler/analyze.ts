// The pre-pass over a function body: is it a generator, does it need a dictionary scope ($$x,
// extract(), compact(), get_defined_vars(), eval, include), which variables are bound by reference
// (they become Ref boxes), which parameters are written to (they are shared on entry, copy-on-write).

import type * as A from '../syntax/ast.js';

/** Calls cb for each direct child node of n. */
export function forEachChild(n: any, cb: (child: any) => void): void {
  for (const key in n) {
    if (key === 'line' || key === 'kind') continue;
    const v = n[key];
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const e of v) if (e && typeof e === 'object' && typeof e.kind === 'string') cb(e);
    } else if (typeof v.kind === 'string') cb(v);
  }
}

const DYNAMIC_FUNCS = new Set(['extract', 'compact', 'get_defined_vars', 'parse_str', 'func_get_args', 'func_get_arg', 'func_num_args']);
const SCOPE_FUNCS = new Set(['extract', 'compact', 'get_defined_vars', 'parse_str']);

export interface FnFacts {
  isGenerator: boolean;
  dynamic: boolean;
  boxed: Set<string>;
  written: Set<string>;
  usesArgs: boolean;
  usesThis: boolean;
  /** some try statement has a finally block (a generator destroyed early runs it) */
  hasFinally: boolean;
  /** variables passed to unset() */
  unset: Set<string>;
  /** variables a global or static statement binds */
  rebound: Set<string>;
  /** variable names used (reads or writes), in order of first appearance */
  names: string[];
}

/** Analyses a function body (statements) without descending into nested functions or classes. */
export function analyzeBody(stmts: A.Node[], params: A.Param[], knownRefArg: (call: A.FuncCall, i: number) => boolean): FnFacts {
  const f: FnFacts = { isGenerator: false, dynamic: false, boxed: new Set(), written: new Set(), usesArgs: false, usesThis: false, hasFinally: false, unset: new Set(), rebound: new Set(), names: [] };
  const seen = new Set<string>();
  const note = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      f.names.push(name);
    }
  };
  for (const p of params) {
    note(p.name);
    if (p.byRef) f.boxed.add(p.name);
  }
  const varName = (e: any): string | null => (e && e.kind === 'Variable' && typeof e.name === 'string' ? e.name : null);
  /** the variable at the root of an lvalue chain $a[..][..] / $a->x (for by-ref binding of elements) */
  const rootVar = (e: any): string | null => {
    while (e && (e.kind === 'ArrayDimFetch')) e = e.var;
    return varName(e);
  };
  const markWritten = (e: any) => {
    const r = rootVar(e);
    if (r) f.written.add(r);
  };
  const markRef = (e: any) => {
    const v = varName(e);
    if (v) f.boxed.add(v);
    else markWritten(e);
  };
  const visitList = (l: A.ListExpr) => {
    for (const it of l.items) {
      if (!it) continue;
      if (it.value.kind === 'ListExpr') visitList(it.value as A.ListExpr);
      else {
        markWritten(it.value);
        if (it.byRef) markRef(it.value);
      }
    }
  };
  const walk = (n: any): void => {
    switch (n.kind) {
      case 'FunctionDecl':
      case 'ClassLike':
        return;
      case 'Closure':
        for (const u of (n as A.Closure).uses) {
          note(u.name);
          if (u.byRef) f.boxed.add(u.name);
        }
        return;
      case 'ArrowFunction':
        // captures by value: walk to note the names it reads from us
        walkArrow(n);
        return;
      case 'Variable':
        if (typeof n.name === 'string') {
          note(n.name);
          if (n.name === 'this') f.usesThis = true;
        } else f.dynamic = true;
        break;
      case 'Yield':
      case 'YieldFrom':
        f.isGenerator = true;
        break;
      case 'Try':
        if ((n as A.Try).finally) f.hasFinally = true;
        break;
      case 'Eval':
      case 'Include':
        f.dynamic = true;
        break;
      case 'FuncCall': {
        const c = n as A.FuncCall;
        if (c.name.kind === 'Name') {
          const lc = c.name.name.toLowerCase().replace(/^.*\\/, '');
          if (DYNAMIC_FUNCS.has(lc)) {
            if (SCOPE_FUNCS.has(lc)) f.dynamic = true;
            else f.usesArgs = true;
          }
        }
        if (Array.isArray(c.args)) {
          c.args.forEach((a, i) => {
            // a spread array's elements may be bound to by-reference parameters (ZEND_SEND_UNPACK)
            if (knownRefArg(c, i) || (a.unpack && a.value.kind === 'Variable')) markRef(a.value);
            else markWritten(a.value); // an unknown callee may take it by reference
          });
        }
        break;
      }
      case 'MethodCall':
      case 'StaticCall':
      case 'NullsafeMethodCall':
      case 'New':
        if (Array.isArray(n.args)) for (const a of n.args) markWritten(a.value);
        break;
      case 'Assign':
        if (n.target.kind === 'ListExpr') visitList(n.target);
        else markWritten(n.target);
        break;
      case 'AssignOp':
      case 'IncDec':
        markWritten(n.kind === 'IncDec' ? n.var : n.target);
        break;
      case 'AssignRef':
        markRef(n.target);
        markRef(n.value);
        break;
      case 'Unset':
        for (const v of n.vars) {
          markWritten(v);
          const name = varName(v);
          if (name) f.unset.add(name);
        }
        break;
      case 'Global':
        for (const v of n.vars) {
          const name = varName(v);
          if (name) {
            note(name);
            f.boxed.add(name);
            f.rebound.add(name);
          } else f.dynamic = true;
        }
        break;
      case 'Static':
        for (const v of n.vars) {
          note(v.name);
          f.boxed.add(v.name);
          f.rebound.add(v.name);
        }
        break;
      case 'Foreach': {
        const fe = n as A.Foreach;
        if (fe.byRef) {
          markRef(fe.expr);
          if (fe.value.kind === 'ListExpr') visitList(fe.value as A.ListExpr);
          else markRef(fe.value);
        } else if (fe.value.kind === 'ListExpr') visitList(fe.value as A.ListExpr);
        else markWritten(fe.value);
        if (fe.key) markWritten(fe.key);
        break;
      }
      case 'ArrayItem':
        if (n.byRef) markRef(n.value);
        break;
      case 'Catch':
        if (n.var) note(n.var);
        break;
    }
    forEachChild(n, walk);
  };
  const walkArrow = (n: A.ArrowFunction) => {
    const inner = new Set(n.params.map((p) => p.name));
    const w = (m: any): void => {
      if (m.kind === 'Variable' && typeof m.name === 'string' && !inner.has(m.name)) note(m.name);
      if (m.kind === 'Variable' && m.name === 'this') f.usesThis = true;
      if (m.kind === 'ArrowFunction') {
        for (const p of m.params) inner.add(p.name);
      }
      if (m.kind === 'Closure') {
        for (const u of m.uses) if (!inner.has(u.name)) note(u.name);
        return;
      }
      if (m.kind === 'FunctionDecl' || m.kind === 'ClassLike') return;
      forEachChild(m, w);
    };
    w(n.expr);
  };
  for (const s of stmts) walk(s);
  return f;
}
