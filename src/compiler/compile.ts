// The compiler's entry: one PHP file (a parsed Program) → the JavaScript source of a module factory.
//
//   factory(R, rt) → main(S, fr)
//
// R is the runtime helper table, rt the request. main runs the file's top-level code in the variable
// scope S (the global scope, or the includer's scope) with `fr` its frame, and returns the file's
// return value (1 when it has none, as include does). Top-level functions and classes are declared at
// the start of main (PHP's hoisting / early binding).

import type * as A from '../syntax/ast.js';
import { FileCtx, FnCtx, str, compileError } from './context.js';
import { compileStmts } from './statements.js';
import { compileFunction } from './calls.js';
import { hoistClassDecl } from './classes.js';
import { fiberUnitSource } from './fibers.js';
import { checkGotos, resolveGotoMarkers } from './goto.js';
import { checkWriteContexts } from './writecheck.js';

export interface CompileOptions {
  /** the file path as PHP reports it (__FILE__, messages) */
  file: string;
  /** looks up a builtin function known at compile time: its by-reference parameter mask */
  knownBuiltin: (lcname: string) => KnownBuiltin | null;
  /** the file's fiber unit, its module key (see fibers.ts); none: the file is not fiber-capable */
  unit?: string;
  /** compile the fiber variants of the file's functions instead (the source is then an expression) */
  fiberMode?: boolean;
}

export interface KnownBuiltin {
  /** its by-reference parameter mask */
  refMask: number;
  params: string[];
  /** it calls back PHP code and has a fiber variant (call_user_func) */
  fiberAware?: boolean;
  /** false when its declared return type admits no object (object lifetimes: see src/compiler/refcount.ts) */
  returnsObject?: boolean;
}

export interface CompiledModule {
  /** JS source of the factory body (parameters R, rt) */
  source: string;
  /** helper names the code uses (for the runtime's table) */
  helpers: string[];
  strictTypes: boolean;
}

/** Statements grouped with the namespace they are in (braced or unbraced namespace declarations). */
interface NsGroup {
  namespace: string;
  stmts: A.Stmt[];
}

function groupByNamespace(program: A.Program): NsGroup[] {
  const groups: NsGroup[] = [];
  let cur: NsGroup = { namespace: '', stmts: [] };
  groups.push(cur);
  let sawNamespace = false;
  let sawCode = false;
  let bracketed: boolean | null = null;
  for (const s of program.stmts) {
    if (s.kind === 'Namespace') {
      if (bracketed !== null && bracketed !== (s.body !== null)) {
        compileError('Cannot mix bracketed namespace declarations with unbracketed namespace declarations', s.line);
      }
      bracketed = s.body !== null;
      if (s.body) for (const inner of s.body) if (inner.kind === 'Namespace') compileError('Namespace declarations cannot be nested', inner.line);
      if (!sawNamespace && sawCode) {
        compileError('Namespace declaration statement has to be the very first statement or after any declare call in the script', s.line);
      }
      sawNamespace = true;
      const name = s.name ? s.name.name : '';
      if (name.toLowerCase() === 'namespace') compileError(`Cannot use '${name}' as namespace name`, s.line);
      if (s.body) {
        groups.push({ namespace: name, stmts: s.body });
        cur = { namespace: '', stmts: [] };
        groups.push(cur);
      } else {
        cur = { namespace: name, stmts: [] };
        groups.push(cur);
      }
      continue;
    }
    if (s.kind !== 'Declare' && s.kind !== 'Nop' && !(s.kind === 'InlineHTML' && !sawCode && /^\s*$/.test(s.value))) sawCode = true;
    if (sawNamespace && s.kind !== 'Nop' && s.kind !== 'HaltCompiler' && cur.namespace === '' && groups.length > 1 && isBracedContext(program)) {
      if (s.kind !== 'Declare') compileError('No code may exist outside of namespace {}', s.line);
    }
    cur.stmts.push(s);
  }
  return groups.filter((g) => g.stmts.length);
}

function isBracedContext(program: A.Program): boolean {
  return program.stmts.some((s) => s.kind === 'Namespace' && s.body !== null);
}

function detectStrictTypes(program: A.Program): boolean {
  let strict = false;
  for (const s of program.stmts) {
    if (s.kind !== 'Declare') continue;
    for (const d of s.directives) {
      if (d.key.toLowerCase() === 'strict_types' && d.value.kind === 'ScalarInt' && d.value.value === '1') strict = true;
    }
  }
  // strict_types must be the very first statement
  const first = program.stmts.find((s) => !(s.kind === 'InlineHTML' && false));
  const declIdx = program.stmts.findIndex((s) => s.kind === 'Declare' && s.directives.some((d) => d.key.toLowerCase() === 'strict_types'));
  if (declIdx > 0) {
    const before = program.stmts.slice(0, declIdx).filter((s) => s.kind !== 'Declare' && s.kind !== 'Nop');
    if (before.length) compileError('strict_types declaration must be the very first statement in the script', program.stmts[declIdx].line);
  }
  void first;
  return strict;
}

/** Functions and constants declared so far in the file (zend_have_seen_symbol): lowercase functions, constants as written. */
interface Seen {
  functions: Set<string>;
  consts: Set<string>;
  /** lowercase class names */
  classes: Set<string>;
}

/** Records the functions and constants a top-level statement declares (conditional ones too). */
function noteDeclared(file: FileCtx, s: A.Stmt, seen: Seen): void {
  switch (s.kind) {
    case 'FunctionDecl':
      seen.functions.add(file.qualify(s.name.name).toLowerCase());
      return;
    case 'ConstStmt':
      for (const k of s.consts) seen.consts.add(file.qualify(k.name.name));
      return;
    case 'ClassLike':
      if (s.name) seen.classes.add(file.qualify(s.name.name).toLowerCase());
      return;
    case 'Block':
      for (const x of s.stmts) noteDeclared(file, x, seen);
      return;
    case 'If':
      for (const x of [...s.body, ...s.elseifs.flatMap((e) => e.body), ...(s.else ?? [])]) noteDeclared(file, x, seen);
      return;
  }
}

function applyUse(file: FileCtx, s: A.Use | A.GroupUse, seen: Seen): void {
  const add = (type: 'normal' | 'function' | 'const', full: string, alias: string | null, line: number) => {
    const short = alias ?? full.slice(full.lastIndexOf('\\') + 1);
    if (!alias && !full.includes('\\') && !file.namespace) {
      file.warnings.push({ message: `The use statement with non-compound name '${full}' has no effect`, line, level: 2 });
    }
    if (type === 'function' || type === 'const') {
      const isFn = type === 'function';
      const table = isFn ? file.useFunction : file.useConst;
      const key = isFn ? short.toLowerCase() : short;
      const same = (a: string, b: string) => (isFn ? a.toLowerCase() === b.toLowerCase() : a === b);
      const local = file.qualify(short);
      const inUse = table.has(key) ||
        (isFn ? seen.functions.has(local.toLowerCase()) : seen.consts.has(local)) && !same(local, full);
      if (inUse) compileError(`Cannot use ${type} ${full} as ${short} because the name is already in use`, line);
      table.set(key, full);
    } else {
      const lc = short.toLowerCase();
      if (['self', 'parent', 'static', 'int', 'float', 'bool', 'string', 'true', 'false', 'null', 'void', 'iterable', 'object', 'mixed', 'never'].includes(lc)) {
        compileError(`Cannot use ${full} as ${short} because '${short}' is a special class name`, line);
      }
      if (file.useClass.has(lc) || (seen.classes.has(file.qualify(short).toLowerCase()) && file.qualify(short).toLowerCase() !== full.toLowerCase())) {
        compileError(`Cannot use ${full} as ${short} because the name is already in use`, line);
      }
      file.useClass.set(lc, full);
    }
  };
  if (s.kind === 'Use') {
    for (const u of s.uses) add(s.type === 'normal' ? u.type : s.type, u.name.name, u.alias?.name ?? null, u.line);
  } else {
    for (const u of s.uses) add(s.type !== 'normal' ? s.type : u.type, s.prefix.name + '\\' + u.name.name, u.alias?.name ?? null, u.line);
  }
}

/** A function or constant declared under a name `use` imported from elsewhere. */
function checkNotImported(file: FileCtx, s: A.Stmt): void {
  if (s.kind === 'ClassLike' && s.name) {
    const imported = file.useClass.get(s.name.name.toLowerCase());
    if (imported && imported.toLowerCase() !== file.qualify(s.name.name).toLowerCase()) compileError(`Cannot declare class ${file.qualify(s.name.name)} because the name is already in use`, s.line);
  } else if (s.kind === 'FunctionDecl') {
    const imported = file.useFunction.get(s.name.name.toLowerCase());
    if (imported && imported.toLowerCase() !== file.qualify(s.name.name).toLowerCase()) compileError(`Cannot declare function ${file.qualify(s.name.name)} because the name is already in use`, s.line);
  } else if (s.kind === 'ConstStmt') {
    for (const k of s.consts) {
      const imported = file.useConst.get(k.name.name);
      if (imported && imported !== file.qualify(k.name.name)) compileError(`Cannot declare const ${file.qualify(k.name.name)} because the name is already in use`, k.line);
    }
  }
}

export function compileProgram(program: A.Program, options: CompileOptions): CompiledModule {
  const file = new FileCtx(options.file, options.knownBuiltin);
  for (const w of program.warnings ?? []) file.warnings.push({ message: w.message, line: w.line, level: 128 });
  file.fiberMode = !!options.fiberMode;
  file.unit = options.unit ?? null;
  file.strictTypes = detectStrictTypes(program);
  const main = new FnCtx(file, 'main', null, null, true);
  const groups = groupByNamespace(program);
  const moduleFns: string[] = [];
  const prologue: string[] = [];

  // pass 1: top-level functions (hoisted, callable directly from this file)
  for (const g of groups) {
    file.namespace = g.namespace;
    for (const s of g.stmts) {
      if (s.kind === 'FunctionDecl') {
        const name = file.qualify(s.name.name);
        const lc = name.toLowerCase();
        const prev = file.topFunctions.get(lc);
        if (prev) compileError(`Cannot redeclare ${name}() (previously declared in ${file.file}:${prev.node.line})`, s.line);
        file.topFunctions.set(lc, { js: 'f_' + name.replace(/[^A-Za-z0-9_]/g, '_') + '_' + file.topFunctions.size, node: s });
      }
    }
  }
  // pass 2: compile each namespace group in order
  const body: string[] = [];
  // with labels, a group's statements compile as one list (a goto state machine spans them)
  checkWriteContexts(groups.flatMap((g) => g.stmts), false);
  if (checkGotos(groups.flatMap((g) => g.stmts))) main.goto = { regions: [], labels: new Map(), sites: [] };
  const seen: Seen = { functions: new Set(), consts: new Set(), classes: new Set() };
  for (const g of groups) {
    const rest: A.Stmt[] = [];
    file.namespace = g.namespace;
    file.useClass = new Map();
    file.useFunction = new Map();
    file.useConst = new Map();
    for (const s of g.stmts) {
      if (s.kind === 'Use' || s.kind === 'GroupUse') {
        applyUse(file, s, seen);
        continue;
      }
      checkNotImported(file, s);
      noteDeclared(file, s, seen);
      if (s.kind === 'FunctionDecl') {
        const name = file.qualify(s.name.name);
        const entry = file.topFunctions.get(name.toLowerCase())!;
        const { js, info } = compileFunction(file, {
          kind: 'function', name, params: s.params, body: s.body, byRef: s.byRef, returnType: s.returnType,
          line: s.line, endLine: s.endLine, isStatic: false, docComment: s.docComment, attrGroups: s.attrGroups,
          defName: entry.js,
        }, null, main, entry.js);
        file.defs.push(`${entry.js}: {fn: ${entry.js}, info: ${info}}`);
        moduleFns.push(js);
        prologue.push(`${file.use('declareFunction')}(${str(name)}, ${entry.js}, ${info});`);
        continue;
      }
      // PHP binds a top-level class early only when it implements no interface and uses no trait
      if (s.kind === 'ClassLike' && s.name && !s.implements.length && s.type !== 'enum' && !s.members.some((m) => m.kind === 'TraitUse')) {
        const h = hoistClassDecl(file, s, main);
        prologue.push(`${file.use('hoistClass')}(${h});`);
      }
      if (main.goto) {
        rest.push(s);
      } else {
        const js = compileStmts(main, [s]);
        if (js) body.push(js);
      }
      if (s.kind === 'HaltCompiler') break;
    }
    if (main.goto) body.push(resolveGotoMarkers(main, compileStmts(main, rest)));
  }
  if (file.fiberMode) return { source: fiberUnitSource(file), helpers: [...file.helpers], strictTypes: file.strictTypes };
  // the file's functions can run in fibers: their variants are compiled on first use there
  // (each FunctionInfo names the unit: `fu: FU`)
  if (file.unit !== null && file.infoNames.length) {
    file.decls.unshift(`const FU = ${file.use('fiberUnit')}(${JSON.stringify(file.unit)}, (s) => eval(s));`);
  }
  const warnings = file.warnings.map((w) => `${file.use('compileWarning')}(${str(w.message)}, ${w.line}, ${w.level ?? 128});`);
  const helpers = [...file.helpers];
  const locals = main.temps.length ? `let ${main.temps.join(', ')};\n` : '';
  // M$ describes the module: `defs` reaches its definitions by name, `key` is set by the engine
  const source = [
    '"use strict";',
    'const M$ = {key: typeof MODKEY === "string" ? MODKEY : null, defs: null};',
    helpers.length ? `const {${helpers.join(', ')}} = R;` : '',
    ...file.decls,
    ...moduleFns,
    `M$.defs = {${file.defs.join(', ')}};`,
    `const main = function main(S, fr) {`,
    file.strictTypes ? 'fr.strict = true;' : '',
    locals,
    ...warnings,
    ...prologue,
    ...body,
    'return 1;',
    '};',
    'main.mod = M$;',
    'return main;',
  ].join('\n');
  return { source, helpers, strictTypes: file.strictTypes };
}
