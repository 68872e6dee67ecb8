// What an Engine holds across requests: everything the extensions registered at MINIT (builtin
// functions, classes, constants, ini entries), and the services requests need from it.

import { BuiltinFunction, buildWrapper, makeBuiltin } from './builtin.js';
import { PhpClass, PhpObject } from './object.js';
import { rt, Callee } from './request.js';
import { callValue, Bound } from './calls.js';
import type { ClassDecl } from './classdecl.js';

export class EngineCore {
  readonly builtins = new Map<string, BuiltinFunction>();
  readonly builtinClasses = new Map<string, PhpClass>();
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
  writeStderr: (s: string) => void = (s) => process.stderr.write(Buffer.from(s, 'latin1'));
  /** builtin functions' callees, one per name, built on first use */
  private readonly weakCallees = new Map<string, Callee>();
  private readonly strictCallees = new Map<string, Callee>();

  addFunction(signature: string, impl: (...args: any[]) => any): BuiltinFunction {
    const b = makeBuiltin(signature, impl);
    this.builtins.set(b.info.name.toLowerCase(), b);
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
