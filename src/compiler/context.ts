// The compile-time state of one PHP file and of each function being compiled in it: how each PHP
// variable is held in the generated JavaScript (a JS local, a Ref-boxed JS local, or a dictionary
// scope entry), temporaries, loop labels, the class being compiled, the namespace and `use` imports.

import type * as A from '../syntax/ast.js';
import { PhpSyntaxError } from '../syntax/errors.js';
import type { KnownBuiltin } from './compile.js';
import type { CompiledType } from './typenames.js';
import type { GotoState } from './goto.js';

export type FnKind = 'main' | 'function' | 'method' | 'closure' | 'arrow';

export interface ClassCtx {
  /** the class's resolved name, or null for anonymous classes (runtime name) */
  name: string | null;
  /** the JS expression that evaluates to the PhpClass at run time */
  ref: string;
  parentName: string | null;
  isTrait: boolean;
  isInterface: boolean;
  node: A.ClassLike;
  /**
   * Instance methods with a body, by lowercase name, hoisted to module-level constants so that
   * `$this->name()` in this class can call them directly (see compileMethodCall): null when not done.
   */
  direct?: Map<string, DirectMethod> | null;
}

/** A method a call may reach directly (ClassCtx.direct). */
export interface DirectMethod {
  js: string;
  /** the method's name as declared (what PHP's messages about the call name) */
  name: string;
  params: A.Param[];
  isStatic: boolean;
  isPublic: boolean;
}

export class FileCtx {
  namespace = '';
  /** use imports: lowercase alias → fully qualified name, per kind */
  useClass = new Map<string, string>();
  useFunction = new Map<string, string>();
  useConst = new Map<string, string>();
  strictTypes = false;
  /** helpers of the runtime the generated code uses */
  helpers = new Set<string>();
  /** module-level declarations (function infos, caches) */
  decls: string[] = [];
  /** the file's named classes compiled so far, by lowercase name (for direct static calls) */
  classCtxs = new Map<string, ClassCtx>();
  /**
   * The file's definitions as entries of the `M$.defs` object literal (a closure factory or class
   * declarer by name; a function as `name: {fn, info}`), so another thread can re-create what this
   * file declared (src/threads/program.ts).
   */
  defs: string[] = [];
  private uid = 0;
  /** user functions declared unconditionally at the top level: lowercase FQ name → JS function name */
  topFunctions = new Map<string, { js: string; node: A.FunctionDecl }>();
  /** anonymous class counter */
  anonCount = 0;
  closureCount = 0;
  /** compile-time warnings (E_COMPILE_WARNING), shown when the file runs */
  warnings: { message: string; line: number; level?: number }[] = [];
  /** top-level classes: hoisted declaration functions, by node */
  classDecls = new Map<A.ClassLike, string>();
  /** the JS names of every FunctionInfo declared */
  infoNames: string[] = [];
  /** the file's fiber unit (its module key; its infos point to the unit), or null */
  unit: string | null = null;
  /** compiling the fiber variants of the file's functions (see fibers.ts) rather than the file itself */
  fiberMode = false;
  /** fiber mode: `VF.set(<info>, <variant>);` statements, one per function */
  variants: string[] = [];
  /** fiber mode: each function's normal compilation, by its parameter list (one per function node) */
  fiberCache = new Map<A.Param[], Map<string, { js: string; info: string; after: number[] }>>();

  constructor(public readonly file: string, public readonly knownBuiltin: (lcname: string) => KnownBuiltin | null) {}

  /** module-level cache variables by what they cache (resolved class names, constants) */
  private readonly caches = new Map<string, string>();

  /**
   * A module-level `let` that caches something resolved at run time and fixed for the rest of the
   * request once found (a class by name, a constant's value): one per distinct key and file.
   */
  cacheVar(key: string, prefix: string): string {
    let v = this.caches.get(key);
    if (v === undefined) {
      // named from its own count, not from id(): a second compilation of the same code (one that
      // restarts the id counter to name everything alike) finds the same variable and names the rest
      // as the first did
      v = `${prefix}c${this.caches.size + 1}`;
      this.caches.set(key, v);
      this.decls.push(`let ${v};`);
    }
    return v;
  }

  private readonly declaredSites = new Set<string>();

  /**
   * A module-level constant for one access site's inline cache, initialised by `init` (JS). Compiling
   * the same code again with the id counter restarted gives the same name, declared once.
   */
  siteVar(prefix: string, init: string): string {
    const v = this.id(prefix);
    if (!this.declaredSites.has(v)) {
      this.declaredSites.add(v);
      this.decls.push(`const ${v} = ${init};`);
    }
    return v;
  }

  id(prefix: string): string {
    return `${prefix}${++this.uid}`;
  }

  /** The counters names are made from: a second compilation of the same code restarts them to get the same names. */
  counters(): number[] {
    return [this.uid, this.anonCount, this.closureCount];
  }

  setCounters(c: number[]): void {
    [this.uid, this.anonCount, this.closureCount] = c;
  }

  use(helper: string): string {
    this.helpers.add(helper);
    return helper;
  }

  dir(): string {
    const i = this.file.lastIndexOf('/');
    return i <= 0 ? (i === 0 ? '/' : '.') : this.file.slice(0, i);
  }

  // ───────────── names ─────────────

  /** A class name as written → fully qualified (no leading backslash). self/parent/static are kept. */
  resolveClass(n: A.Name): string {
    const lc = n.name.toLowerCase();
    if (lc === 'self' || lc === 'parent' || lc === 'static') {
      // zend_resolve_class_name: the special names only work unqualified
      if (n.form === 'unqualified') return lc;
      if (n.form === 'fully') compileError(`'\\${n.name}' is an invalid class name`, n.line);
      if (n.form === 'relative') compileError(`'namespace\\${n.name}' is an invalid class name`, n.line);
    }
    if (n.form === 'fully') return n.name;
    if (n.form === 'relative') return this.prefix(n.name);
    const first = n.name.split('\\')[0].toLowerCase();
    const imported = this.useClass.get(first);
    if (imported) return n.form === 'unqualified' ? imported : imported + n.name.slice(first.length);
    return this.prefix(n.name);
  }

  private prefix(name: string): string {
    return this.namespace ? this.namespace + '\\' + name : name;
  }

  /** A function name → [namespaced candidate, global fallback or null]. */
  resolveFunction(n: A.Name): [string, string | null] {
    if (n.form === 'fully') return [n.name, null];
    if (n.form === 'relative') return [this.prefix(n.name), null];
    if (n.form === 'qualified') {
      const first = n.name.split('\\')[0].toLowerCase();
      const imported = this.useClass.get(first);
      if (imported) return [imported + n.name.slice(first.length), null];
      return [this.prefix(n.name), null];
    }
    const imported = this.useFunction.get(n.name.toLowerCase());
    if (imported) return [imported, null];
    if (!this.namespace) return [n.name, null];
    return [this.prefix(n.name), n.name];
  }

  /** A constant name → [namespaced candidate, global fallback or null]. */
  resolveConst(n: A.Name): [string, string | null] {
    if (n.form === 'fully') return [n.name, null];
    if (n.form === 'relative') return [this.prefix(n.name), null];
    if (n.form === 'qualified') {
      const first = n.name.split('\\')[0].toLowerCase();
      const imported = this.useClass.get(first);
      if (imported) return [imported + n.name.slice(first.length), null];
      return [this.prefix(n.name), null];
    }
    const imported = this.useConst.get(n.name);
    if (imported) return [imported, null];
    if (!this.namespace) return [n.name, null];
    return [this.prefix(n.name), n.name];
  }

  qualify(name: string): string {
    return this.prefix(name);
  }
}

export interface LoopLabel {
  /** the JS label for break */
  brk: string;
  /** the JS label for continue (a loop), or null for switch (continue acts like break there) */
  cont: string | null;
  isSwitch: boolean;
  /** how many finally blocks enclose the loop (break/continue may not leave a finally block) */
  finallyDepth: number;
}

export interface VarInfo {
  js: string;
  /** boxed in a Ref: bound by reference somewhere in the function */
  boxed: boolean;
}

export class FnCtx {
  /** dictionary-backed scope: variables live in `S` (a Scope) */
  dynamic: boolean;
  vars = new Map<string, VarInfo>();
  params = new Set<string>();
  /** the non-variadic parameters in order (func_get_args reads their current values) */
  fixedParams: string[] = [];
  /** boxed locals bound by reference somewhere (=&, foreach by reference, global, static): they let go of their Refs on return */
  boundLocals = new Set<string>();
  temps: string[] = [];
  private freeTemps: string[] = [];
  private tempN = 0;
  loops: LoopLabel[] = [];
  labelN = 0;
  isGenerator = false;
  usesThis = false;
  /** variables that must be boxed (computed by the pre-pass) */
  boxedNames = new Set<string>();
  /** locals that never hold a string (src/compiler/keyfacts.ts) */
  neverString = new Set<string>();
  /**
   * element reads and writes test the array inline at each site (their own feedback, no call while
   * V8 interprets) rather than calling dimR/dimSet: only in functions with few of them, as each
   * site's test makes the function's optimized compile slower (compiler/keyfacts.ts, fewDimSites)
   */
  inlineDims = false;
  /** locals that never hold a float with a fraction nor a string (src/compiler/keyfacts.ts) */
  neverFraction = new Set<string>();
  /** by-reference parameters only ever bound to their argument's reference (which always holds a value) */
  refParams = new Set<string>();
  /** locals that hold a float wherever read, as raw JS doubles (src/compiler/floatlocals.ts) */
  floatLocals = new Set<string>();
  /** locals that hold an int literal or a float, as a raw double and an int flag → the literals' largest magnitude */
  mixedLocals = new Map<string, number>();
  /** the temporaries holding mixed locals' int flags */
  mixedFlags = new Map<string, string>();
  /** the JS name of this function's FunctionInfo */
  infoName = '';
  /** line last written to fr.line */
  curLine = -1;
  /** set inside finally blocks / generators where `fr` handling differs */
  hasFinally = false;
  /** goto state machines of a function that has labels (null for all others) */
  goto: GotoState | null = null;
  /** finally blocks around the code being compiled */
  finallyDepth = 0;
  /** code of a trait method (or a closure in one): `TS` is the class using the trait */
  inTraitMethod = false;
  /** compiling a constant expression (initializers): self/parent/static are checked when evaluated */
  inConstExpr = false;

  /** zend_is_scope_known: can self/parent be checked while compiling this code? */
  get scopeKnown(): boolean {
    if (this.inConstExpr) return false;
    if (this.kind === 'function') return true;
    return this.kind === 'method' && !!this.cls && !this.cls.isTrait;
  }
  /** params that must be shared on entry (written to or escaping) */
  sharedParams = new Set<string>();
  staticVarsN = 0;
  isStaticMethod = false;
  /** variables the function passes to unset() */
  unsetNames = new Set<string>();
  generatorByRef = false;
  returnType: A.TypeNode | null = null;
  /** the compiled return type (for the compile-time checks of return statements) */
  returnTypeInfo: CompiledType | null = null;
  returnVoid = false;
  returnsRef = false;
  /**
   * Local variables certainly assigned at the point being compiled: their reads need no "undefined
   * variable" check. Grows with assignments in code that always runs; code that may not run (branches,
   * loop bodies, right operands of && || ??, ...) is compiled between `saveAssigned()` and
   * `restoreAssigned()`. Variables the function ever unset()s never count.
   */
  assigned = new Set<string>();

  saveAssigned(): Set<string> {
    return new Set(this.assigned);
  }

  restoreAssigned(saved: Set<string>): void {
    this.assigned = saved;
  }

  /** After alternative branches: what every one of them assigned. */
  intersectAssigned(states: Set<string>[]): void {
    const [first, ...rest] = states;
    this.assigned = new Set([...first].filter((n) => rest.every((st) => st.has(n))));
  }

  /** the name of the function for __FUNCTION__ */
  phpName = '';
  /** emitting a fiber variant: PHP calls delegate with `yield*` so Fiber::suspend() can unwind */
  fiber = false;
  methodName = '';
  /** set by an expression statement for the call it consists of: the callee learns its result is unused */
  discardNext = false;
  /** locals that count the objects they hold (src/compiler/refcount.ts); null in dictionary scopes */
  counted: Set<string> | null = null;
  /** compiling the arguments of a builtin that keeps none of them: tracked values pass as they are */
  borrowArgs = false;
  /** temporaries holding new objects passed to such a builtin: destroyed after the call unless kept */
  argDiscards: string[] | null = null;

  constructor(
    public readonly file: FileCtx,
    public readonly kind: FnKind,
    public readonly cls: ClassCtx | null,
    public readonly parent: FnCtx | null,
    dynamic: boolean,
  ) {
    this.dynamic = dynamic;
  }

  /** The JS name of PHP variable $name in this function (not used for dynamic scopes). */
  varInfo(name: string): VarInfo {
    let v = this.vars.get(name);
    if (!v) {
      v = { js: jsVarName(name), boxed: this.boxedNames.has(name) };
      this.vars.set(name, v);
    }
    return v;
  }

  temp(): string {
    const t = this.freeTemps.pop() ?? `t${++this.tempN}`;
    if (!this.temps.includes(t)) this.temps.push(t);
    return t;
  }

  release(t: string): void {
    this.freeTemps.push(t);
  }

  label(): string {
    return `L${++this.labelN}`;
  }

  get isStaticContext(): boolean {
    return this.kind === 'main';
  }
}

const JS_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function jsVarName(name: string): string {
  if (JS_IDENT.test(name)) return '$' + name;
  let hex = '';
  for (let i = 0; i < name.length; i++) hex += name.charCodeAt(i).toString(16).padStart(2, '0');
  return '$$' + hex;
}

/** A JS string literal for a binary string. */
export function str(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 32 || c > 126) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += s[i];
  }
  return out + '"';
}

export function compileError(message: string, line: number): never {
  throw new PhpSyntaxError(message, line, 'compile');
}

/** Attribute groups as JSON for reflection, each attribute's class name resolved in the file's context. */
export function attrsJson(file: FileCtx, groups: A.AttributeGroup[]): string {
  if (!groups.length) return 'null';
  const resolved = groups.map((g) => ({ ...g, attrs: g.attrs.map((a) => ({ ...a, resolved: file.resolveClass(a.name) })) }));
  return str(JSON.stringify(resolved));
}
