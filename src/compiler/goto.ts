// goto and labels. JavaScript has no goto, so a statement list that holds labels becomes a small state
// machine — a labelled `for (;;) { switch (state) { case 0: ... case N: ... } break; }` — where each
// label is a `case` and `goto` sets the state and `continue`s the loop. If/else, blocks and declare
// blocks around labels are flattened into the enclosing machine (PHP may jump into them); a try with
// labels gets a machine of its own whose entry state an outer goto sets before jumping to the try.
// Loops and switches are never entered from outside (PHP forbids it), so their bodies are machines of
// their own. Functions without labels compile exactly as before: nothing here runs for them.
//
// A goto to a label not yet compiled (a forward jump) is emitted as a marker and patched once the
// function body is complete (resolveGotoMarkers).

import type * as A from '../syntax/ast.js';
import { FnCtx, compileError } from './context.js';

/** One state machine: its JS loop label, its state variable, and how an outer machine enters it. */
export interface Region {
  js: string;
  st: string;
  next: number;
  parent: Region | null;
  /** the parent's state that leads into this region (a try statement's start) */
  entry: number;
}

export interface GotoState {
  regions: Region[];
  labels: Map<string, { region: Region; state: number }>;
  sites: { label: string; chain: Region[] }[];
}

// ───────────── the pre-pass: PHP's compile-time goto errors ─────────────

type Barrier = { kind: 'loop' | 'finally' };

interface Scan {
  labels: Map<string, Barrier[]>;
  gotos: { label: string; line: number; barriers: Barrier[] }[];
}

/**
 * Checks a function body's labels and gotos as PHP does (duplicate labels, undefined labels, jumps into
 * loops/switches and into or out of finally blocks). Returns whether the body has labels at all.
 */
export function checkGotos(stmts: A.Stmt[]): boolean {
  const scan: Scan = { labels: new Map(), gotos: [] };
  walk(stmts, [], scan);
  for (const g of scan.gotos) {
    const target = scan.labels.get(g.label);
    if (!target) compileError(`'goto' to undefined label '${g.label}'`, g.line);
    for (const b of target) if (b.kind === 'loop' && !g.barriers.includes(b)) compileError("'goto' into loop or switch statement is disallowed", g.line);
    for (const b of target) if (b.kind === 'finally' && !g.barriers.includes(b)) compileError('jump into a finally block is disallowed', g.line);
    for (const b of g.barriers) if (b.kind === 'finally' && !target.includes(b)) compileError('jump out of a finally block is disallowed', g.line);
  }
  return scan.labels.size > 0;
}

function walk(stmts: A.Stmt[], barriers: Barrier[], scan: Scan): void {
  for (const s of stmts) walkStmt(s, barriers, scan);
}

function walkStmt(s: A.Stmt, barriers: Barrier[], scan: Scan): void {
  const inside = (kind: Barrier['kind']) => [...barriers, { kind }];
  switch (s.kind) {
    case 'Label':
      if (scan.labels.has(s.name)) compileError(`Label '${s.name}' already defined`, s.line);
      scan.labels.set(s.name, barriers);
      return;
    case 'Goto':
      scan.gotos.push({ label: s.label, line: s.line, barriers });
      return;
    case 'Block':
      return walk(s.stmts, barriers, scan);
    case 'Declare':
      if (s.body) walk(s.body, barriers, scan);
      return;
    case 'If':
      walk(s.body, barriers, scan);
      for (const e of s.elseifs) walk(e.body, barriers, scan);
      if (s.else) walk(s.else, barriers, scan);
      return;
    case 'While':
    case 'DoWhile':
    case 'For':
    case 'Foreach':
      return walk(s.body, inside('loop'), scan);
    case 'Switch': {
      const b = inside('loop');
      for (const k of s.cases) walk(k.body, b, scan);
      return;
    }
    case 'Try':
      walk(s.body, barriers, scan);
      for (const k of s.catches) walk(k.body, barriers, scan);
      if (s.finally) walk(s.finally, inside('finally'), scan);
      return;
  }
}

/** Does this statement hold a label that the enclosing state machine must be able to reach? */
export function hasFlatLabel(s: A.Stmt): boolean {
  switch (s.kind) {
    case 'Label':
      return true;
    case 'Block':
      return s.stmts.some(hasFlatLabel);
    case 'Declare':
      return !!s.body && s.body.some(hasFlatLabel);
    case 'If':
      return s.body.some(hasFlatLabel) || s.elseifs.some((e) => e.body.some(hasFlatLabel)) || (!!s.else && s.else.some(hasFlatLabel));
    case 'Try':
      return s.body.some(hasFlatLabel) || s.catches.some((k) => k.body.some(hasFlatLabel));
  }
  return false;
}

// ───────────── code generation ─────────────

/** The compiler's statement functions the state machines are built from (passed in to avoid an import cycle). */
export interface StmtCompiler {
  stmt(c: FnCtx, s: A.Stmt): string;
  cond(c: FnCtx, e: A.Expr): string;
  catchHandler(c: FnCtx, k: A.Catch[], e: string, onMatch: (k: A.Catch) => string, before?: Set<string>): string;
  withFinally(c: FnCtx, inner: string, fin: A.Stmt[]): string;
}

function newRegion(c: FnCtx, parent: Region | null, entry: number): Region {
  return { js: c.label(), st: c.temp(), next: 1, parent, entry };
}

/** A statement list holding labels, as a state machine starting at state 0. */
export function regionStmts(c: FnCtx, sc: StmtCompiler, stmts: A.Stmt[]): string {
  const g = c.goto!;
  const r = newRegion(c, null, 0);
  g.regions.push(r);
  const parts: string[] = ['case 0:'];
  c.curLine = -1;
  flatten(c, sc, r, stmts, parts);
  g.regions.pop();
  c.curLine = -1;
  return `${r.st} = 0; ${r.js}: for (;;) { switch (${r.st}) {\n${parts.join('\n')}\n} break; }`;
}

function caseLabel(c: FnCtx, parts: string[], n: number): void {
  parts.push(`case ${n}:`);
  c.curLine = -1;
}

function flatten(c: FnCtx, sc: StmtCompiler, r: Region, stmts: A.Stmt[], parts: string[]): void {
  for (const s of stmts) {
    if (!hasFlatLabel(s)) {
      const js = sc.stmt(c, s);
      if (js) parts.push(js);
      if (s.kind === 'HaltCompiler') return;
      continue;
    }
    switch (s.kind) {
      case 'Label': {
        const n = r.next++;
        c.goto!.labels.set(s.name, { region: r, state: n });
        caseLabel(c, parts, n);
        break;
      }
      case 'Block':
        flatten(c, sc, r, s.stmts, parts);
        break;
      case 'Declare':
        flatten(c, sc, r, s.body!, parts);
        break;
      case 'If':
        flattenIf(c, sc, r, s, parts);
        break;
      case 'Try': {
        const entry = r.next++;
        const inner = newRegion(c, r, entry);
        parts.push(`${inner.st} = 0;`);
        caseLabel(c, parts, entry);
        parts.push(tryRegion(c, sc, inner, s));
        c.curLine = -1;
        break;
      }
    }
  }
}

function flattenIf(c: FnCtx, sc: StmtCompiler, r: Region, s: A.If, parts: string[]): void {
  const end = r.next++;
  const branches: { cond: A.Expr; body: A.Stmt[] }[] = [{ cond: s.cond, body: s.body }, ...s.elseifs];
  for (const b of branches) {
    const next = r.next++;
    parts.push(`if (!${sc.cond(c, b.cond)}) { ${r.st} = ${next}; continue ${r.js}; }`);
    flatten(c, sc, r, b.body, parts);
    parts.push(`${r.st} = ${end}; continue ${r.js};`);
    caseLabel(c, parts, next);
  }
  if (s.else) flatten(c, sc, r, s.else, parts);
  caseLabel(c, parts, end);
}

/**
 * A try statement whose body or catch blocks hold labels: one machine for both, so a goto can enter
 * either. Catch blocks run outside the JS try (an exception they throw is not caught again here).
 */
function tryRegion(c: FnCtx, sc: StmtCompiler, r: Region, s: A.Try): string {
  const g = c.goto!;
  g.regions.push(r);
  const bodyParts: string[] = ['case 0:'];
  c.curLine = -1;
  flatten(c, sc, r, s.body, bodyParts);
  const firstCatch = r.next;
  const catchParts: string[] = [];
  const entries = new Map<A.Catch, number>();
  for (const k of s.catches) {
    const n = r.next++;
    entries.set(k, n);
    caseLabel(c, catchParts, n);
    flatten(c, sc, r, k.body, catchParts);
    catchParts.push(`break ${r.js};`);
  }
  g.regions.pop();
  const e = c.file.id('e');
  const handler = s.catches.length ? ` catch (${e}) { ${sc.catchHandler(c, s.catches, e, (k) => `${r.st} = ${entries.get(k)}; continue ${r.js};`)} }` : ' finally {}';
  let js = `${r.js}: for (;;) { if (${r.st} < ${firstCatch}) { try { switch (${r.st}) {\n${bodyParts.join('\n')}\n} break ${r.js}; }${handler} }\n` +
    (catchParts.length ? `switch (${r.st}) {\n${catchParts.join('\n')}\n}\n` : '') + 'break; }';
  if (s.finally) js = sc.withFinally(c, js, s.finally);
  c.curLine = -1;
  return js;
}

/** A goto: a marker replaced by the jump once every label of the function has its state. */
export function gotoStmt(c: FnCtx, s: A.Goto): string {
  const g = c.goto!;
  g.sites.push({ label: s.label, chain: [...g.regions] });
  return `\0goto${g.sites.length - 1}\0`;
}

/** Replaces the goto markers in a compiled function body by the jumps. */
export function resolveGotoMarkers(c: FnCtx, js: string): string {
  const g = c.goto;
  if (!g || !g.sites.length) return js;
  return js.replace(/\0goto(\d+)\0/g, (_m, i) => {
    const site = g.sites[Number(i)];
    const target = g.labels.get(site.label);
    if (!target) compileError(`'goto' to undefined label '${site.label}'`, 0);
    // set the state of each machine from the one both share down to the label's
    const sets: string[] = [`${target.region.st} = ${target.state};`];
    let r: Region = target.region;
    while (!site.chain.includes(r)) {
      if (!r.parent) compileError("'goto' into loop or switch statement is disallowed", 0);
      sets.unshift(`${r.parent.st} = ${r.entry};`);
      r = r.parent;
    }
    return `{ ${sets.join(' ')} continue ${r.js}; }`;
  });
}
