// The embedding API: EngineBuilder → Engine → run(). An Engine holds the extensions (MINIT at build,
// MSHUTDOWN at shutdown) and the compiled-code cache; each run() is one PHP request (RINIT, the
// script, shutdown functions, destructors, output flush, RSHUTDOWN).

import { destroyGlobals } from '../runtime/refcount.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Extension, Registry, BuiltinImpl } from './extension.js';
import type { BuiltinFunction } from '../runtime/builtin.js';
import { EngineCore } from '../runtime/engine-core.js';
import { Request, Frame, setCurrentRequest, rt } from '../runtime/request.js';
import { Output } from '../runtime/output.js';
import { ClassDecl, declareClass, instantiate, prepareDefaults } from '../runtime/classdecl.js';
import { PhpClass, PhpObject, resetObjectIds, FunctionInfo } from '../runtime/object.js';
import { PhpArray } from '../runtime/array.js';
import { parse } from '../syntax/parser.js';
import { PhpSyntaxError } from '../syntax/errors.js';
import { compileProgram } from '../compiler/compile.js';
import { R } from '../runtime/helpers.js';
import { ExitSignal, FatalSignal, E_ERROR, E_PARSE, E_COMPILE_ERROR } from '../runtime/errors.js';
import { Scope } from '../runtime/scope.js';
import { objectIter } from '../runtime/iterate.js';
import { closureBound, resolveCall, invokeArgs } from '../runtime/functions.js';
import { classConst, findClass, objectToArray } from '../runtime/objects.js';
import { createThrowable, throwableToString, traceOf, setTraceOf, chainPrevious } from '../ext/core/exceptions.js';
import { settings, toStr } from '../runtime/convert.js';
import { typeEnv } from '../runtime/types.js';
import { isCallable, argsFromArray } from '../runtime/calls.js';
import { fiberBuiltins } from '../runtime/variants.js';
import { LazyExtension } from './lazy.js';
import { hashSource, CodeCache, loadCompiled, saveCompiled, DISK_CACHE_MIN_BYTES } from './cache.js';

export interface RunOptions {
  /** the script's file name (__FILE__); default "Standard input code" for run(), the path for runFile() */
  filename?: string;
  /** $argv (argv[0] is the script name) */
  argv?: string[];
  /** ini values for this run, e.g. { precision: '3' } */
  ini?: Record<string, string>;
  /** receives output as it is produced (UTF-8 decoding is the caller's business: bytes as Uint8Array) */
  onOutput?: (chunk: Uint8Array) => void;
  /** the working directory for relative include paths (default: process.cwd()) */
  cwd?: string;
  /** standard input contents for php://stdin and STDIN (default: the process's stdin, read lazily) */
  stdin?: Uint8Array | string;
  /**
   * The file descriptor `sink` writes to, when it writes straight to one (the CLI: 1). Threads then
   * write their output to it too, a whole write at a time; otherwise their output is handed to `sink`.
   */
  outputFd?: number;
}

export interface RunResult {
  /** everything the script printed, decoded as UTF-8 */
  stdout: string;
  /** the same output as bytes */
  stdoutBytes: Uint8Array;
  exitCode: number;
}

/** A compiled module as threads exchange it: its JavaScript, and the PHP it came from (for fiber variants). */
export interface ModuleSource {
  file: string;
  js: string;
  php: string;
  shortOpenTag: boolean;
}

export type ModuleFactory = (R: any, rt: Request) => (S: Scope, fr: Frame) => any;

/** A PHP engine with its extensions initialised. */
/** The engine's own frame destructors run from at shutdown (left out of traces). */
const SHUTDOWN_INFO: FunctionInfo = {
  name: '{shutdown}', params: [], refMask: 0, required: 0, variadic: false, returnType: null, returnsRef: false, isBuiltin: true, hidden: true,
};

export class Engine {
  readonly core = new EngineCore();
  private readonly extensions: Extension[];
  private readonly cache = new CodeCache<ModuleFactory>();
  /** compiled modules by path and source (see compile) */
  private readonly bySource = new Map<string, ModuleFactory>();
  private readonly sources = new Map<string, ModuleSource>();
  /**
   * Every file compiled or adopted, by fiber unit (its cache key): what its fiber variants are compiled
   * from. Keys, not numbers, so a module adopted from another thread keeps its unit.
   */
  private readonly fiberUnits = new Map<string, { src: string; file: string; shortOpenTag: boolean; source: string | null }>();
  private shutDown = false;

  constructor(extensions: Extension[]) {
    this.extensions = orderByDependencies(extensions);
    this.core.engine = this;
    this.installServices();
    for (const ext of this.extensions) {
      const info = ext.info();
      this.core.extensionNames.add(info.name.toLowerCase());
      this.core.extensionDisplayNames.set(info.name.toLowerCase(), info.name);
      if (ext instanceof LazyExtension) ext.install(this.core, () => this.registryFor(info.name, true));
      else ext.moduleInit(this.registryFor(info.name));
    }
  }

  /** The modules threads import to have this engine's own (non built-in) extensions. */
  threadExtensionModules(): { url: string; exportName: string }[] {
    const out: { url: string; exportName: string }[] = [];
    for (const e of this.extensions) {
      const m = e.info().threadModule;
      if (m) out.push(m);
    }
    return out;
  }

  /** The extensions' names, in initialisation order. */
  get extensionNames(): string[] {
    return this.extensions.map((e) => e.info().name);
  }

  /** `replacing`: the registry of a lazy extension loaded on first use, replacing its stand-ins (src/engine/lazy.ts). */
  private registryFor(extName: string, replacing = false): Registry {
    const core = this.core;
    const reg: Registry = {
      function(signature: string, impl: BuiltinImpl) {
        core.addFunction(signature, impl, extName);
      },
      functions(defs: Record<string, BuiltinImpl>) {
        for (const sig in defs) core.addFunction(sig, defs[sig], extName);
      },
      alias(alias: string, target: string) {
        const b = core.builtins.get(target.toLowerCase());
        if (!b) throw new Error(`alias ${alias}: no function ${target}`);
        core.builtins.set(alias.toLowerCase(), aliasOf(b, alias));
      },
      constant(name: string, value: any) {
        core.constants.set(name, value);
      },
      constants(defs: Record<string, any>) {
        for (const k in defs) core.constants.set(k, defs[k]);
      },
      class(decl: ClassDecl) {
        // linked on first use (see BuiltinClassTable)
        const link = () => {
          const c = declareClass(decl, (n) => core.builtinClasses.get(n.toLowerCase().replace(/^\\/, '')) ?? null, true);
          (c as any).extension = extName;
          return c;
        };
        if (replacing) core.builtinClasses.redefer(decl.name.toLowerCase(), link);
        else core.builtinClasses.defer(decl.name.toLowerCase(), link);
      },
      ini(name: string, defaultValue: string | null, onChange?: (value: string, req: Request | null) => boolean | void) {
        core.iniDefaults.set(name, defaultValue);
        if (onChange) core.iniHooks.set(name, onChange);
      },
    };
    return reg;
  }

  /** Wires the runtime's service hooks to this engine. */
  private installServices(): void {
    const core = this.core;
    core.createThrowable = createThrowable;
    core.traceOf = traceOf;
    core.setTraceOf = setTraceOf;
    core.chainPrevious = chainPrevious;
    core.lookupClass = (name, autoload) => findClass(name, autoload);
    core.closureTarget = (o: PhpObject) => (o.native && o.native.closure ? closureBound(o) : null);
    core.iterate = (o: PhpObject) => objectIter(o, null, false);
    core.classConstant = classConst;
    core.prepareDefaults = prepareDefaults;
    core.objectToArray = objectToArray;
    core.instantiateClass = instantiate;
    core.includeFile = (p, kind, scope, self, cls, dir) => this.includeFile(p, kind, scope, self, cls, dir);
    core.evalString = (code, scope, self, cls) => this.evalString(code, scope, self, cls);
    core.fiberSource = (unit) => this.fiberSource(unit);
    core.callWithArray = (cb, arr) => {
      const b = resolveCall(cb, rt.callerScope());
      const { positional, named } = argsFromArray(b.info, arr as PhpArray);
      return invokeArgs(b, b.self, positional, named, null);
    };
    typeEnv.resolver = { findClass: (n, a) => findClass(n, a), isCallable: (v) => isCallable(v) };
  }

  // ───────────── compiling ─────────────

  /** Compiles PHP source (bytes as a binary string) to a module factory; cached by content. */
  compile(src: string, file: string, onDisk = false): ModuleFactory {
    // looked up by the source itself (hashing it would cost more than the Map's own hashing and compare);
    // the module's own key, which compiled code and threads carry, is short: the path and a hash
    const lookup = file + '\0' + src;
    const hit = this.bySource.get(lookup);
    if (hit) return hit;
    const key = file + '\0' + hashSource(src);
    const shortOpenTag = this.shortOpenTag();
    // a file (not eval'd or command-line code) may have been compiled by an earlier process
    const diskKey = onDisk && src.length >= DISK_CACHE_MIN_BYTES && !process.env.PHPTS_DUMP ? [file, String(shortOpenTag), this.builtinsStamp()] : null;
    let compiled = diskKey ? loadCompiled(diskKey, src) : null;
    if (compiled === null) {
      const program = parse(src, { shortOpenTag });
      compiled = { js: compileProgram(program, { file, knownBuiltin: this.knownBuiltin, unit: key }).source, haltOffset: program.haltOffset };
      if (process.env.PHPTS_DUMP) process.stderr.write(compiled.js + '\n');
      if (diskKey) saveCompiled(diskKey, src, compiled);
    }
    if (compiled.haltOffset !== null) this.core.haltOffsets.set(file, compiled.haltOffset);
    const factory = this.adoptModule(key, { file, js: compiled.js, php: src, shortOpenTag });
    this.bySource.set(lookup, factory);
    return factory;
  }

  /**
   * Makes compiled JavaScript a module of this engine under its cache key: for source compiled here,
   * or handed over by another thread (which then never parses the PHP again).
   */
  adoptModule(key: string, m: ModuleSource): ModuleFactory {
    const { file, js } = m;
    let raw: (R: any, rt: Request, key: string) => any;
    try {
      raw = new Function('R', 'rt', 'MODKEY', js) as typeof raw;
    } catch (e) {
      if (process.env.PHPTS_DEBUG) process.stderr.write(js + '\n');
      throw new Error(`phpts internal error: generated code for ${file} does not compile: ${(e as Error).message}`);
    }
    // the request remembers the modules it ran: a thread it starts gets them (src/threads/program.ts)
    const factory: ModuleFactory = (R, req) => {
      (req.ext.modulesLoaded ??= new Set<string>()).add(key);
      return raw(R, req, key);
    };
    this.cache.set(key, factory);
    this.sources.set(key, m);
    this.fiberUnits.set(key, { src: m.php, file, shortOpenTag: m.shortOpenTag, source: null });
    return factory;
  }

  /** The compiled JavaScript of a module, by cache key (what another thread needs to run it). */
  moduleSource(key: string): ModuleSource | undefined {
    return this.sources.get(key);
  }

  /** An adopted or compiled module's factory, by cache key. */
  moduleFactory(key: string): ModuleFactory | undefined {
    return this.cache.get(key);
  }

  /** What the builtins known at compile time depend on: the extensions loaded (compiled calls differ with them). */
  private builtinsStamp(): string {
    return (this.stampOfBuiltins ??= this.extensions.map((e) => e.info()).map((i) => `${i.name}/${i.version ?? ''}`).join(','));
  }
  private stampOfBuiltins: string | undefined;

  private readonly knownBuiltin = (lc: string) => {
    const b = this.core.builtins.get(lc);
    return b ? { refMask: b.info.refMask, params: b.info.params.map((p) => p.name), fiberAware: fiberBuiltins.has('::' + lc), returnsObject: !SCALAR_RETURN.test(b.info.returnType?.text ?? 'mixed') } : null;
  };

  /** The fiber variants of a compiled file's functions: the file compiled again in fiber mode, once. */
  private fiberSource(unit: string): string {
    const u = this.fiberUnits.get(unit)!;
    if (u.source === null) {
      const program = parse(u.src, { shortOpenTag: u.shortOpenTag });
      u.source = compileProgram(program, { file: u.file, knownBuiltin: this.knownBuiltin, fiberMode: true }).source;
      if (process.env.PHPTS_DUMP) process.stderr.write(u.source + '\n');
    }
    return u.source;
  }

  private shortOpenTag(): boolean {
    const v = rt?.ini.get('short_open_tag');
    return v === undefined || v === null ? true : !(v === '0' || v === '' || v.toLowerCase() === 'off');
  }

  // ───────────── running ─────────────

  /** Runs PHP code (with its `<?php` tag) as a request. */
  async run(code: string | Uint8Array, options: RunOptions = {}): Promise<RunResult> {
    const src = typeof code === 'string' ? Buffer.from(code, 'utf8').toString('latin1') : Buffer.from(code).toString('latin1');
    return this.runRequest(src, options.filename ?? 'Standard input code', options);
  }

  /** Runs a PHP file as a request. */
  async runFile(file: string, options: RunOptions = {}): Promise<RunResult> {
    const abs = path.resolve(options.cwd ?? process.cwd(), file);
    const src = fs.readFileSync(abs).toString('latin1');
    return this.runRequest(src, options.filename ?? abs, { ...options, argv: options.argv ?? [file] });
  }

  /** The synchronous core of run(): used by the CLI and by threads. */
  runRequest(src: string, filename: string, options: RunOptions): RunResult {
    const chunks: Buffer[] = [];
    const sink = (s: string) => {
      const b = Buffer.from(s, 'latin1');
      if (options.onOutput) options.onOutput(b);
      else chunks.push(b);
    };
    const exitCode = this.execute(src, filename, options, sink);
    const bytes = Buffer.concat(chunks);
    return { stdout: bytes.toString('utf8'), stdoutBytes: new Uint8Array(bytes), exitCode };
  }

  /** Runs one request writing output to `sink`; returns the exit status. */
  execute(src: string, filename: string, options: RunOptions, sink: (s: string) => void, prepare?: (req: Request) => void): number {
    return this.executeWith(filename, options, sink, (req) => {
      if (prepare) prepare(req);
      if (!this.checkStartupDirectives(req)) {
        req.exitStatus = 255;
        return;
      }
      this.guard(req, () => {
        const factory = this.compileForRun(req, src, filename);
        if (!factory) return;
        req.includedFiles.add(filename);
        const main = factory(R, req);
        main(req.globals, req.top);
      });
    });
  }

  /**
   * Runs one request whose work is `body` (the main script, or a thread's task): RINIT, the body,
   * shutdown functions and destructors, output flush, RSHUTDOWN. Returns the exit status.
   */
  executeWith(filename: string, options: RunOptions, sink: (s: string) => void, body: (req: Request) => void): number {
    if (this.shutDown) throw new Error('Engine has been shut down');
    const out = new Output(sink);
    const req = new Request(this.core, out, filename, options.cwd ?? process.cwd());
    const prev = rt;
    setCurrentRequest(req);
    resetObjectIds();
    settings.precision = 14;
    settings.serializePrecision = -1;
    for (const [k, v] of req.ini) if (v !== null) req.applyIni(k, v);
    if (options.ini) for (const [k, v] of Object.entries(options.ini)) this.setIni(req, k, v);
    // the -d settings: threads started later begin with them, as with a process's php.ini
    req.ext.startupIni = options.ini ?? {};
    (req as any).stdinData = options.stdin;
    req.outputFd = options.outputFd ?? null;
    this.initArgv(req, options.argv ?? [filename]);
    try {
      for (const ext of this.extensions) ext.requestInit?.(req);
      body(req);
      this.shutdown(req);
    } finally {
      for (const ext of [...this.extensions].reverse()) {
        try {
          ext.requestShutdown?.(req);
        } catch {
          /* RSHUTDOWN must not fail a request that already finished */
        }
      }
      setCurrentRequest(prev);
    }
    return req.exitStatus;
  }

  /** php_module_startup's check of directives given at startup: removed ones are fatal, some deprecated. */
  private checkStartupDirectives(req: Request): boolean {
    const truthy = (k: string) => {
      const v = req.iniStartup.get(k);
      return v !== undefined && v !== null && parseInt(v, 10) !== 0 && !Number.isNaN(parseInt(v, 10));
    };
    if (truthy('allow_url_include')) req.displayError('Deprecated', "Directive 'allow_url_include' is deprecated", 'Unknown', 0);
    for (const k of REMOVED_DIRECTIVES) {
      if (!truthy(k)) continue;
      req.displayError('Fatal error', `Directive '${k}' is no longer available in PHP`, 'Unknown', 0);
      return false;
    }
    return true;
  }

  private setIni(req: Request, k: string, v: string): void {
    if (!req.ini.has(k) && !this.core.iniDefaults.has(k)) req.ini.set(k, v);
    else req.ini.set(k, v);
    req.iniStartup.set(k, v);
    req.applyIni(k, v);
  }

  private initArgv(req: Request, argv: string[]): void {
    const a = R.PhpArray.fromList(argv.map((s) => Buffer.from(s, 'utf8').toString('latin1')));
    req.globals.set('argv', a);
    req.globals.set('argc', argv.length);
    (req as any).argv = a;
    // $_SERVER as php-cli fills it: the environment, then the script's entries
    const server = new PhpArray();
    const env = new PhpArray();
    for (const [k, v] of Object.entries(process.env)) {
      if (v === undefined) continue;
      server.set(k, v);
      env.set(k, v);
    }
    const now = Date.now() / 1000;
    const script = argv[0] ?? '';
    for (const [k, v] of [['PHP_SELF', script], ['SCRIPT_NAME', script], ['SCRIPT_FILENAME', script], ['PATH_TRANSLATED', script], ['DOCUMENT_ROOT', '']] as const) server.set(k, v);
    server.set('REQUEST_TIME_FLOAT', now);
    server.set('REQUEST_TIME', Math.floor(now));
    server.set('argv', a);
    server.set('argc', argv.length);
    req.sg._SERVER.v = server;
    req.sg._ENV.v = env;
  }

  /** Compiles the main script, reporting a syntax error the PHP way. */
  private compileForRun(req: Request, src: string, file: string): ModuleFactory | null {
    try {
      return this.compile(src, file, path.isAbsolute(file));
    } catch (e) {
      if (e instanceof PhpSyntaxError) {
        this.reportSyntaxError(req, e, file);
        return null;
      }
      throw e;
    }
  }

  reportSyntaxError(req: Request, e: PhpSyntaxError, file: string): void {
    req.displayError(e.type === 'parse' ? 'Parse error' : 'Fatal error', e.message, file, e.line);
    req.exitStatus = 255;
  }

  /**
   * Runs PHP code and turns whatever ends it into PHP's behaviour: exit() → status, fatal error →
   * message and 255, uncaught exception → the user exception handler or "Fatal error: Uncaught ...".
   * Returns false when the request must stop (no more shutdown work).
   */
  guard(req: Request, f: () => void): boolean {
    try {
      f();
      return true;
    } catch (e) {
      return this.handleEnd(req, e);
    }
  }

  private handleEnd(req: Request, e: any): boolean {
    req.top = rootFrame(req.top);
    if (e instanceof ExitSignal) {
      req.exitStatus = e.status;
      return false;
    }
    if (e instanceof FatalSignal) {
      // a bailout: objects are not destroyed any more (no __destruct, no fiber unwinding)
      req.bailedOut = true;
      req.lastError = { type: E_ERROR, message: e.message, file: e.file, line: e.line };
      req.displayError(e.label, e.message, e.file, e.line);
      req.exitStatus = 255;
      return false;
    }
    if (e instanceof PhpObject) {
      const handler = req.exceptionHandlers.length ? req.exceptionHandlers[req.exceptionHandlers.length - 1] : null;
      if (handler !== null && handler !== undefined) {
        req.exceptionHandlers.pop();
        req.top.engineCalls = true;
        return this.guard(req, () => {
          req.core.callValue(handler, [e]);
        }) && (req.exitStatus = 255, false);
      }
      this.reportUncaught(req, e);
      req.exitStatus = 255;
      return false;
    }
    if (e instanceof PhpSyntaxError) {
      this.reportSyntaxError(req, e, req.top.file);
      return false;
    }
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      req.displayError('Fatal error', 'Maximum call stack size reached. Infinite recursion?', req.top.file, req.top.line);
      req.exitStatus = 255;
      return false;
    }
    // a bug in phpts: one short line, never a JS stack trace
    const msg = e instanceof Error ? e.message : String(e);
    req.output.write(`\nphpts internal error: ${msg}\n`);
    if (process.env.PHPTS_DEBUG && e instanceof Error) process.stderr.write(String(e.stack) + '\n');
    req.exitStatus = 255;
    return false;
  }

  reportUncaught(req: Request, e: PhpObject, depth = 0): void {
    let str: string;
    req.top.engineCalls = true;
    try {
      const m = e.cls.toStringMethod;
      if (m && !m.info.isBuiltin) str = toStr(m.fn.call(e));
      else {
        // Exception::__toString() runs as a call of its own (a trace shows it as [internal function])
        const root = req.top;
        if (m) req.top = new Frame(m.info, root, root.file, e);
        try {
          str = throwableToString(e);
        } finally {
          req.top = root;
        }
      }
    } catch (inner) {
      // turning the exception into text threw: that exception is the one reported
      if (inner instanceof PhpObject && depth < 3) return this.reportUncaught(req, inner, depth + 1);
      str = e.cls.name;
    }
    const file = toStr(e.p['file'] ?? req.top.file);
    const line = Number(e.p['line'] ?? 0);
    // zend_exception_error: a ParseError or CompileError (exactly those classes) is reported as the
    // compile error it stands for, without "Uncaught" or a trace
    const cname = e.cls.name;
    if (cname === 'ParseError' || cname === 'CompileError') {
      const msg = toStr(e.p['message'] ?? '');
      req.lastError = { type: cname === 'ParseError' ? E_PARSE : E_COMPILE_ERROR, message: msg, file, line };
      req.displayError(cname === 'ParseError' ? 'Parse error' : 'Fatal error', msg, file, line);
      return;
    }
    req.lastError = { type: E_ERROR, message: 'Uncaught ' + str, file, line };
    req.displayError('Fatal error', `Uncaught ${str}\n  thrown`, file, line);
  }

  /** php_request_shutdown: shutdown functions, destructors, output buffers. */
  private shutdown(req: Request): void {
    req.top = rootFrame(req.top);
    req.top.engineCalls = true;
    for (let i = 0; i < req.shutdownFunctions.length; i++) {
      const { fn, args } = req.shutdownFunctions[i];
      if (!this.guard(req, () => req.core.callValue(fn, args.slice()))) {
        if (req.exitStatus !== 0 || true) {
          // exit() in a shutdown function stops the remaining ones
        }
        break;
      }
    }
    // (destructors keep the last line as their call site: phpts runs late those PHP runs earlier)
    req.top.engineCalls = false;
    if (!req.bailedOut) this.guard(req, () => this.callDestructors(req));
    this.guard(req, () => req.core.flushOutputBuffers(req));
  }

  private callDestructors(req: Request): void {
    // objects still alive at the end: destroyed in creation order; fibers may not switch meanwhile
    req.fiberSwitchBlocked++;
    const top = req.top;
    // unlike shutdown functions, destructors show the script's last position as their caller
    const engineCalls = top.engineCalls;
    top.engineCalls = false;
    try {
      destroyGlobals(req.globals, (fn) => void this.guard(req, fn));
      for (let i = 0; i < req.destructibles.length; i++) {
        const o = req.destructibles[i];
        if (o.destructed) continue;
        o.destructed = true;
        const d = o.cls.dtor;
        if (d) this.guard(req, () => d.fn.call(o));
        else if (o.cls.handlers?.destroy) this.guard(req, () => o.cls.handlers!.destroy!(o));
      }
      // suspended generators still to run their finally blocks; the engine destroys them, so traces
      // show [internal function] as their caller
      req.top = new Frame(SHUTDOWN_INFO, top, top.file);
      for (const g of req.liveGenerators) this.guard(req, () => g.destroy());
    } finally {
      req.top = top;
      top.engineCalls = engineCalls;
      req.fiberSwitchBlocked--;
    }
  }

  // ───────────── include / eval ─────────────

  private includeFile(p: string, kind: string, scope: Scope, self: any, cls: PhpClass | null, dir: string): any {
    const req = rt;
    const resolved = this.resolveInclude(req, p, dir);
    const once = kind.endsWith('_once');
    const isRequire = kind.startsWith('require');
    if (resolved === null) {
      const fn = kind;
      if (p === '') {
        if (isRequire) req.throwError('ValueError', 'Path cannot be empty');
        req.throwError('ValueError', 'Path cannot be empty');
      }
      req.warn(`${fn}(${p}): Failed to open stream: No such file or directory`);
      const includePath = req.ini.get('include_path') ?? '.:/usr/share/php';
      if (isRequire) req.throwError('Error', `Failed opening required '${p}' (include_path='${includePath}')`);
      req.warn(`${fn}(): Failed opening '${p}' for inclusion (include_path='${includePath}')`);
      return false;
    }
    if (once && req.includedFiles.has(resolved)) return true;
    req.includedFiles.add(resolved);
    const src = fs.readFileSync(resolved).toString('latin1');
    const factory = this.compile(src, resolved, true);
    const fr = new Frame(null, req.top, resolved, self);
    fr.includeKind = kind;
    const prevTop = req.top;
    req.top = fr;
    try {
      const main = factory(R, req);
      return main.call(self, scope, fr);
    } finally {
      req.top = prevTop;
    }
    void cls;
  }

  private resolveInclude(req: Request, p: string, dir: string): string | null {
    if (p === '') return null;
    const candidates: string[] = [];
    if (path.isAbsolute(p)) candidates.push(p);
    else if (p.startsWith('./') || p.startsWith('../')) candidates.push(path.resolve(req.cwd, p));
    else {
      const includePath = (req.ini.get('include_path') ?? '.').split(':');
      for (const ip of includePath) candidates.push(path.resolve(ip === '.' ? req.cwd : ip, p));
      candidates.push(path.resolve(dir, p));
    }
    for (const c of candidates) {
      try {
        if (fs.statSync(c).isFile()) return c;
      } catch {
        /* next */
      }
    }
    return null;
  }

  private evalString(code: string, scope: Scope, self: any, cls: PhpClass | null): any {
    const req = rt;
    const caller = req.top;
    const name = `${caller.file}(${caller.line}) : eval()'d code`;
    let factory: ModuleFactory;
    try {
      factory = this.compile('<?php ' + code, name);
    } catch (e) {
      if (e instanceof PhpSyntaxError) {
        if (e.type === 'parse' || e.thrown) {
          const err = createThrowable(e.type === 'parse' ? 'ParseError' : 'CompileError', e.message);
          err.p['file'] = name;
          err.p['line'] = e.line;
          throw err;
        }
        throw new FatalSignal(e.message, name, e.line);
      }
      throw e;
    }
    const fr = new Frame(null, req.top, name, self);
    fr.includeKind = 'eval';
    const prevTop = req.top;
    req.top = fr;
    try {
      const r = factory(R, req).call(self, scope, fr);
      return r === 1 ? null : r;
    } finally {
      req.top = prevTop;
    }
    void cls;
  }

  /** MSHUTDOWN, in reverse order of initialisation. */
  shutdownEngine(): void {
    if (this.shutDown) return;
    this.shutDown = true;
    for (const ext of [...this.extensions].reverse()) ext.moduleShutdown?.();
  }
}

/** A declared return type admitting no object. */
const SCALAR_RETURN = /^\??(int|float|string|bool|false|true|null|array|void|never)(\|(int|float|string|bool|false|true|null|array|void|never))*$/;

function rootFrame(f: Frame): Frame {
  while (f.prev) f = f.prev;
  return f;
}

/** ini directives PHP removed: giving one at startup is a fatal error (main.c). */
const REMOVED_DIRECTIVES = [
  'allow_call_time_pass_reference', 'asp_tags', 'define_syslog_variables', 'highlight.bg', 'magic_quotes_gpc', 'magic_quotes_runtime',
  'magic_quotes_sybase', 'register_globals', 'register_long_arrays', 'safe_mode', 'safe_mode_gid', 'safe_mode_include_dir',
  'safe_mode_exec_dir', 'safe_mode_allowed_env_vars', 'safe_mode_protected_env_vars', 'zend.ze1_compatibility_mode', 'track_errors',
];

/** Orders extensions so that each comes after its dependencies (stable otherwise). */
function orderByDependencies(exts: Extension[]): Extension[] {
  const byName = new Map(exts.map((e) => [e.info().name.toLowerCase(), e]));
  const out: Extension[] = [];
  const state = new Map<Extension, number>();
  const visit = (e: Extension) => {
    const s = state.get(e);
    if (s === 2) return;
    if (s === 1) throw new Error(`extension dependency cycle at ${e.info().name}`);
    state.set(e, 1);
    for (const dep of e.info().dependencies ?? []) {
      const d = byName.get(dep.toLowerCase());
      if (!d) throw new Error(`extension ${e.info().name} requires ${dep}, which is not loaded`);
      visit(d);
    }
    state.set(e, 2);
    out.push(e);
  };
  for (const e of exts) visit(e);
  return out;
}

/** Builds an Engine: the standard extensions plus any added with withExtension(). */
export class EngineBuilder {
  private readonly exts: Extension[] = [];
  private includeStandard = true;

  withExtension(ext: Extension): this {
    this.exts.push(ext);
    return this;
  }

  /** Leaves out the built-in extensions (core is always loaded). */
  withoutStandardExtensions(): this {
    this.includeStandard = false;
    return this;
  }

  build(): Engine {
    const builtins = builtinExtensions(this.includeStandard);
    const names = new Set(this.exts.map((e) => e.info().name.toLowerCase()));
    return new Engine([...builtins.filter((b) => !names.has(b.info().name.toLowerCase())), ...this.exts]);
  }
}

let builtinExtensionsFactory: (standard: boolean) => Extension[] = () => [];

/** Set by the module that lists the built-in extensions (keeps this file free of them). */
export function setBuiltinExtensions(f: (standard: boolean) => Extension[]): void {
  builtinExtensionsFactory = f;
}

function builtinExtensions(standard: boolean): Extension[] {
  return builtinExtensionsFactory(standard);
}

export { hashSource };

/** An alias of a builtin function: the target's signature under the alias's name, parsed on first use as the target's is. */
function aliasOf(target: BuiltinFunction, name: string): BuiltinFunction {
  let info: BuiltinFunction['info'] | null = null;
  return {
    get info() {
      return (info ??= { ...target.info, name });
    },
    get impl() {
      return target.impl;
    },
    weak: null,
    strict: null,
  };
}
