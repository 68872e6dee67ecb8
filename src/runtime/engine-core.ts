// What an Engine holds across requests: everything the extensions registered at MINIT (builtin
// functions, classes, constants, ini entries), and the services requests need from it.

import { BuiltinFunction, buildWrapper, makeBuiltin, signatureName } from './builtin.js';
import { PhpClass, PhpObject } from './object.js';
import { rt, Callee } from './request.js';
import { writeWhole } from '../threads/output.js';
import { callValue, Bound } from './calls.js';
import type { ClassDecl } from './classdecl.js';

/**
 * The built-in class table (lowercase name → class). Classes registered at MINIT are linked when first
 * looked up: a script uses a few of the ~130, and linking one (its methods' signatures and types)
 * costs more than the rest of start-up. Iterating the table links them all, in registration order
 * (get_declared_classes() lists them in that order).
 */
export class BuiltinClassTable extends Map<string, PhpClass> {
  private readonly pending = new Map<string, () => PhpClass>();
  private readonly order: string[] = [];

  /** Registers a class to be linked by `link` (which returns it) on first use. */
  defer(lcname: string, link: () => PhpClass): void {
    this.pending.set(lcname, link);
    this.order.push(lcname);
  }

  /** Replaces a deferred class's link, keeping its place in the order (a lazy extension's stand-in, src/engine/lazy.ts). */
  redefer(lcname: string, link: () => PhpClass): void {
    if (!this.pending.has(lcname) && !super.has(lcname) && !this.order.includes(lcname)) this.order.push(lcname);
    this.pending.set(lcname, link);
  }

  override get(lcname: string): PhpClass | undefined {
    const c = super.get(lcname);
    if (c !== undefined || this.pending.size === 0) return c;
    return this.linkPending(lcname);
  }

  override has(lcname: string): boolean {
    return super.has(lcname) || this.pending.has(lcname);
  }

  override set(lcname: string, c: PhpClass): this {
    if (!this.pending.has(lcname) && !super.has(lcname)) this.order.push(lcname);
    return super.set(lcname, c);
  }

  override get size(): number {
    return super.size + this.pending.size;
  }

  private linkPending(lcname: string): PhpClass | undefined {
    const link = this.pending.get(lcname);
    if (link === undefined) return undefined;
    this.pending.delete(lcname);
    const c = link();
    super.set(lcname, c);
    return c;
  }

  private linkAll(): void {
    for (const lc of [...this.pending.keys()]) this.linkPending(lc);
  }

  override *entries(): MapIterator<[string, PhpClass]> {
    this.linkAll();
    for (const lc of this.order) {
      const c = super.get(lc);
      if (c !== undefined) yield [lc, c];
    }
  }

  override *values(): MapIterator<PhpClass> {
    for (const [, c] of this.entries()) yield c;
  }

  override *keys(): MapIterator<string> {
    for (const [lc] of this.entries()) yield lc;
  }

  override [Symbol.iterator](): MapIterator<[string, PhpClass]> {
    return this.entries();
  }

  override forEach(cb: (value: PhpClass, key: string, map: Map<string, PhpClass>) => void, thisArg?: any): void {
    for (const [lc, c] of this.entries()) cb.call(thisArg, c, lc, this);
  }
}

export class EngineCore {
  /** the Engine owning this core (typed loosely: the runtime layer does not depend on the engine's) */
  engine: any = null;
  readonly builtins = new Map<string, BuiltinFunction>();
  readonly builtinClasses = new BuiltinClassTable();
  /** class declarations registered at MINIT, linked in order */
  readonly classDecls: ClassDecl[] = [];
  readonly constants = new Map<string, any>();
  readonly iniDefaults = new Map<string, string | null>();
  readonly iniHooks = new Map<string, (value: string, req: any) => boolean | void>();
  /** set by the classes layer: builds a Throwable object of a builtin class */
  createThrowable: (className: string, message: string) => PhpObject = () => {
    throw new Error('classes not ready');
  };
  /** set by the classes layer: a class by name, with autoloading */
  lookupClass: (name: string, autoload: boolean) => PhpClass | null = () => null;
  /** set by the Closure class: the callable target of a Closure object */
  closureTarget: (o: PhpObject) => Bound | null = () => null;
  /** foreach over an object with no scope (builtins iterating Traversables) */
  iterate: (o: PhpObject) => { k: any; v: any; next(): boolean; end(): void } = () => {
    throw new Error('iteration not ready');
  };
  /** __COMPILER_HALT_OFFSET__ per file */
  readonly haltOffsets = new Map<string, number>();
  /** set by the engine: include/require and eval */
  includeFile: (path: string, kind: string, scope: any, self: any, cls: PhpClass | null, dir: string) => any = () => {
    throw new Error('include not ready');
  };
  evalString: (code: string, scope: any, self: any, cls: PhpClass | null) => any = () => {
    throw new Error('eval not ready');
  };
  shellExec: (cmd: string) => any = () => null;
  /** set by the engine: the fiber variants of a compiled file's functions, as source (src/compiler/fibers.ts) */
  fiberSource: (unit: string) => string = () => {
    throw new Error('fibers not ready');
  };
  classConstant: (cls: PhpClass, name: string, scope: PhpClass | null) => any = () => null;
  prepareDefaults: (cls: PhpClass) => void = () => {};
  objectToArray: (o: PhpObject) => any = () => null;
  instantiateClass: (cls: PhpClass) => PhpObject = () => {
    throw new Error('not ready');
  };
  /** set by the output extension: ends every output buffer at request end, running the handlers */
  flushOutputBuffers: (req: any) => void = (req) => {
    while (req.output.stack.length) {
      const b = req.output.stack.pop();
      req.output.write(b.chunks.join(''));
    }
  };
  /** writes to the request's output sink directly (STDOUT bypasses output buffering) */
  writeStdout: (s: string) => void = (s) => rt.output.sink(s);
  /** call_user_func_array: positional (int keys) and named (string keys) arguments */
  callWithArray: (callable: any, args: any) => any = () => null;
  /** the environment seen by getenv/putenv */
  env: (req: any) => Record<string, string> = (req) => (req.ext.env ??= { ...process.env });
  /** the trace array of a Throwable (set by the exceptions module) */
  traceOf: (e: PhpObject) => any = () => null;
  setTraceOf: (e: PhpObject, trace: any) => void = () => {};
  /** links an exception pending during a finally block to the one the block throws */
  chainPrevious: (e: PhpObject, pending: PhpObject) => void = () => {};
  readonly extensionNames = new Set<string>();
  readonly extensionDisplayNames = new Map<string, string>();
  /** synchronous, like php's write(2): a parent reading our stdout and stderr in turn must not wait on a queued write */
  writeStderr: (s: string) => void = (s) => writeWhole(2, Buffer.from(s, 'latin1'));
  /** builtin functions' callees, one per name, built on first use */
  private readonly weakCallees = new Map<string, Callee>();
  private readonly strictCallees = new Map<string, Callee>();

  addFunction(signature: string, impl: (...args: any[]) => any, extension: string | null = null): BuiltinFunction {
    const b = makeBuiltin(signature, impl, extension);
    this.builtins.set(signatureName(signature).toLowerCase(), b);
    return b;
  }

  /** The callee for a builtin function (weak-mode wrapper), or undefined. */
  builtinCallee(lcname: string, strict = false): Callee | undefined {
    const cache = strict ? this.strictCallees : this.weakCallees;
    let c = cache.get(lcname);
    if (c) return c;
    const b = this.builtins.get(lcname);
    if (!b) return undefined;
    const fn = buildWrapper(b, strict, (name) => this.constantForDefault(name));
    c = { info: b.info, fn };
    cache.set(lcname, c);
    return c;
  }

  private constantForDefault(name: string): any {
    if (name.includes('::')) {
      const [c, k] = name.split('::');
      const cls = this.builtinClasses.get(c.toLowerCase());
      const kc = cls?.consts.get(k);
      if (kc) return kc.value ?? kc.init?.();
    }
    const v = this.constants.get(name);
    if (v === undefined) throw new Error('unknown constant in builtin default: ' + name);
    return v;
  }

  callValue(callable: any, args: any[]): any {
    return callValue(callable, args);
  }

  get request() {
    return rt;
  }
}
