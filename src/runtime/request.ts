// One PHP request: the state a script run owns (PHP's executor globals) — the function, class and
// constant tables, the global scope, the call stack, error handling, output buffers, ini values.
// Exactly one request runs at a time in a thread; `rt` is that request, so the runtime's helpers and
// builtins reach it without threading it through every call.

import { PhpArray } from './array.js';
import { PhpClass, PhpObject, FunctionInfo } from './object.js';
import { Output } from './output.js';
import { Scope } from './scope.js';
import { hooks } from './hooks.js';
import { settings, toStr } from './convert.js';
import {
  E_ALL, E_DEPRECATED, E_NOTICE, E_WARNING, E_USER_WARNING, E_USER_NOTICE, E_USER_DEPRECATED, E_CORE_WARNING, E_COMPILE_WARNING, E_USER_ERROR, E_ERROR, E_RECOVERABLE_ERROR, E_CORE_ERROR, E_COMPILE_ERROR, E_PARSE,
  errorLabel, FatalSignal,
} from './errors.js';
import { Ref } from './values.js';
import type { EngineCore } from './engine-core.js';
import { frameHooks, builtinState } from './builtin.js';

/** A callable function as the tables hold it: its signature and its JS function. */
export interface Callee {
  info: FunctionInfo;
  fn: Function;
}

/**
 * A call-stack frame: what PHP traces show, and the line the frame is executing. The first four
 * arguments live in fields (no array per call); `rest` holds the others.
 */
export class Frame {
  line = 0;
  /** builtins: the caller discards the result (the call was a statement of its own) */
  unused = false;
  /** the frame a thread's tasks are called from: their traces end there, with {main} (parallel) */
  taskRoot = false;
  /** 'include' / 'require' / 'eval' ... for include frames */
  includeKind: string | null = null;
  /**
   * The frame object calls made from this frame reuse (see pushFrame): its `prev` is always this
   * frame. Frames are pooled this way, one chain per stack, so a call allocates nothing.
   */
  next: Frame | null = null;
  /** a file's top-level code declared strict_types=1 (calls made from it are strict) */
  strict = false;
  /** the engine itself calls from here (exception handler, shutdown functions): traces show [internal function] */
  engineCalls = false;
  /** a variadic function's unknown named arguments (set by variadicArray; traces show them by name) */
  namedArgs: PhpArray | null = null;
  constructor(
    /** null for the main script / an included file */
    public info: FunctionInfo | null,
    public prev: Frame | null,
    public file: string,
    /** $this or the called class, for "Class->method()" / "Class::method()" in traces */
    public self: any = null,
    public nargs = 0,
    public a0: any = undefined,
    public a1: any = undefined,
    public a2: any = undefined,
    public a3: any = undefined,
    public rest: any[] | null = null,
  ) {}

  /** The arguments the frame was called with (for traces). */
  get args(): any[] {
    if (this.rest) return this.rest.slice(0, Math.max(this.nargs, this.rest.length));
    const n = this.nargs;
    const out: any[] = [];
    if (n > 0) out.push(this.a0);
    if (n > 1) out.push(this.a1);
    if (n > 2) out.push(this.a2);
    if (n > 3) out.push(this.a3);
    return out;
  }
}

export interface ErrorHandlerEntry {
  handler: any;
  mask: number;
}

export let rt: Request = null as unknown as Request;

/**
 * Pushes the frame of a function call and returns it. The frame object is the current frame's `next`,
 * reused by every call made from that frame (allocated on the first): a call allocates nothing and
 * stores nothing young into old objects except its arguments. So a Frame lives only while its call
 * runs: code must not keep one after the call returned (traces are copied when taken), and code that
 * starts a separate stack (a generator's body, a fiber) starts it on a frame of its own (`new Frame`).
 */
export function pushFrame(info: FunctionInfo, file: string, self: any, n: number, a0?: any, a1?: any, a2?: any, a3?: any): Frame {
  let st = rt.st;
  const top = st.top;
  let f = top.next;
  if (f === null) {
    f = new Frame(info, top, file, self, n, a0, a1, a2, a3);
    top.next = f;
    // a holder as young as the new frame (see Request.st)
    st = rt.st = { top: f };
  } else {
    f.info = info;
    f.file = file;
    f.self = self;
    f.nargs = n;
    f.a0 = a0;
    f.a1 = a1;
    f.a2 = a2;
    f.a3 = a3;
    f.rest = null;
    f.unused = false;
    f.namedArgs = null;
    f.engineCalls = false;
  }
  // until its first statement runs, a function is at its declaration (where PHP's RECV opcodes are)
  f.line = info.line ?? 0;
  st.top = f;
  return f;
}

/**
 * Engine messages name classes with C's %s, which stops at a NUL byte: an anonymous class
 * ("class@anonymous\0/file.php:3$0") shows as "class@anonymous".
 */
export function cutAnonymousNames(message: string): string {
  return message.indexOf('@anonymous\0') < 0 ? message : message.replace(/@anonymous\0[^\0]*?\$[0-9a-f]+/g, '@anonymous');
}

// builtins push a frame that carries the caller's file and line
frameHooks.enter = (info: FunctionInfo, self: any, n: number, a0: any, a1: any, a2: any, a3: any): Frame => {
  const top = rt.top;
  const fr = pushFrame(info, top.file, self instanceof PhpObject || self instanceof PhpClass ? self : null, n, a0, a1, a2, a3);
  fr.line = top.line;
  const d = rt.discard;
  if (d !== null) {
    rt.discard = null;
    fr.unused = d.phpInfo === info;
  }
  return fr;
};
frameHooks.leave = (fr: Frame): void => {
  rt.top = fr.prev!;
};
frameHooks.failed = (e: any, info: FunctionInfo, self: any, top: Frame, n: number, a0: any, a1: any, a2: any, a3: any, rest?: any[]): any => {
  // a builtin without a frame of its own threw: put its entry in the trace where PHP has it
  rt.top = top;
  if (e instanceof PhpObject && (e as any).capturedTop) {
    let k = 0;
    for (let f: Frame | null = (e as any).capturedTop; f && f !== top; f = f.prev) if (!f.info?.hidden) k++;
    const trace = rt.core.traceOf(e);
    if (trace instanceof PhpArray && k <= trace.size) {
      const fr = new Frame(info, top, top.file, self instanceof PhpObject || self instanceof PhpClass ? self : null, n, a0, a1, a2, a3, rest ?? null);
      fr.line = top.line;
      const entry = rt.traceEntry(fr, rt.iniGet('zend.exception_ignore_args') !== '1', false);
      const list = trace.valueList();
      if (k > 0) {
        const callee = list[k - 1];
        if (callee instanceof PhpArray) {
          callee.delete('file');
          callee.delete('line');
        }
      }
      list.splice(k, 0, entry);
      rt.core.setTraceOf(e, PhpArray.fromList(list));
    }
  }
  return e;
};
builtinState.top = () => rt.top;

export function setCurrentRequest(r: Request | null): void {
  rt = r as Request;
  if (r) {
    hooks.warn = (m) => r.error(E_WARNING, m);
    hooks.notice = (m) => r.error(E_NOTICE, m);
    hooks.deprecated = (m) => r.error(E_DEPRECATED, m);
    hooks.throwError = (cls, m) => r.throwError(cls, m);
  }
}

export class Request {
  readonly functions = new Map<string, Callee>();
  readonly classes = new Map<string, PhpClass>();
  readonly constants = new Map<string, any>();
  readonly globals = Object.assign(new Scope(), { counted: true });
  /**
   * Holds the running frame: every call and return stores it. A store of an object V8 still keeps
   * in its young generation into one it has moved to the old generation costs a write barrier; the
   * request soon is old, and frames made since the last garbage collection are young (fibo(30) ran
   * 1.7x slower once anything had collected garbage). So the frame is kept in a small holder that
   * pushFrame replaces whenever it makes a frame: the holder is never older than the frames stored
   * in it. Compiled code writes `rt.st.top` itself.
   */
  st: { top: Frame };
  get top(): Frame {
    return this.st.top;
  }
  set top(f: Frame) {
    this.st.top = f;
  }
  readonly ini = new Map<string, string | null>();
  errorReporting = E_ALL;
  /** depth of active @ operators; errors are silenced while > 0 */
  silence = 0;
  /** @ levels an error_reporting() call inside them lifted (their END_SILENCE no longer restores) */
  silenceDebt = 0;
  errorHandlers: ErrorHandlerEntry[] = [];
  exceptionHandlers: any[] = [];
  /** EH_THROW (zend_replace_error_handling): warnings become exceptions of this class, user handlers are skipped */
  errorThrowClass: string | null = null;
  shutdownFunctions: { fn: any; args: any[] }[] = [];
  includedFiles = new Set<string>();
  autoloaders: any[] = [];
  /** Lower-case names of the classes being autoloaded now: a nested lookup of one of them does not autoload again. */
  autoloading = new Set<string>();
  /** the script's path, for the main frame */
  readonly scriptPath: string;
  /** error_get_last() */
  lastError: { type: number; message: string; file: string; line: number } | null = null;
  /** per-extension request state */
  readonly ext: Record<string, any> = Object.create(null);
  exitStatus = 0;
  /** the file descriptor the request's output goes to directly, if any (RunOptions.outputFd) */
  outputFd: number | null = null;
  /** objects with __destruct still to run at shutdown, in creation order */
  destructibles: PhpObject[] = [];
  /** include_path etc. read from ini */
  cwd: string;
  /** scope classes of the closures running now (innermost last) */
  closureScopes: (PhpClass | null)[] = [];
  currentClosure: PhpObject | null = null;
  /** the function a statement-level call is about to call (compiled code sets it; see Frame.unused) */
  discard: any = null;
  /** the Ref a by-reference function returned last (for $x = &f()) */
  retRef: Ref | null = null;
  /** the superglobals ($_SERVER, $_GET, ...), visible in every scope */
  readonly sg: Record<string, Ref> = {
    _SERVER: new Ref(new PhpArray()), _GET: new Ref(new PhpArray()), _POST: new Ref(new PhpArray()), _COOKIE: new Ref(new PhpArray()),
    _FILES: new Ref(new PhpArray()), _ENV: new Ref(new PhpArray()), _REQUEST: new Ref(new PhpArray()), _SESSION: new Ref(undefined),
  };
  /** unknown named arguments collected for a variadic parameter */
  pendingNamedExtra: PhpArray | null = null;
  /** the fiber running now (a FiberState), or null on the main stack */
  activeFiber: any = null;
  /** > 0 while fibers may not switch (destructors, shutdown) */
  fiberSwitchBlocked = 0;
  /** suspended generators with finally blocks still to run should they be destroyed (at shutdown) */
  liveGenerators = new Set<{ destroy(): void }>();
  /** a fatal error ended the script: shutdown skips destructors, as PHP's unclean shutdown does */
  bailedOut = false;

  constructor(
    public readonly core: EngineCore,
    public readonly output: Output,
    scriptPath: string,
    cwd: string,
  ) {
    this.scriptPath = scriptPath;
    this.cwd = cwd;
    this.st = { top: new Frame(null, null, scriptPath) };
    for (const [k, v] of core.iniDefaults) this.ini.set(k, v);
  }

  // ───────────── ini ─────────────

  /** values given at startup (-d, --INI--): what ini_restore() goes back to */
  readonly iniStartup = new Map<string, string | null>();

  iniGet(name: string): string | null | undefined {
    return this.ini.get(name);
  }

  /** Sets an ini value (ini_set / -d); returns the old value, or false if the entry does not exist. */
  iniSet(name: string, value: string): string | null | false {
    if (!this.ini.has(name) && !this.core.iniDefaults.has(name)) return false;
    const old = this.ini.get(name) ?? null;
    const hook = this.core.iniHooks.get(name);
    if (hook && hook(value, this) === false) return false;
    this.ini.set(name, value);
    this.applyIni(name, value);
    return old;
  }

  /** ini entries the runtime itself reads. */
  applyIni(name: string, value: string): void {
    switch (name) {
      case 'precision':
        settings.precision = parseInt(value, 10) || 0;
        break;
      case 'serialize_precision':
        settings.serializePrecision = parseInt(value, 10);
        if (Number.isNaN(settings.serializePrecision)) settings.serializePrecision = -1;
        break;
      case 'error_reporting':
        this.errorReporting = parseIniInt(value);
        break;
    }
  }

  // ───────────── the error path ─────────────

  /** The file and line executing now. */
  where(): [string, number] {
    return [this.top.file, this.top.line];
  }

  /**
   * Raises a PHP diagnostic: the user error handler if one takes it, else the display (stdout, as
   * php-cli with display_errors=1 prints it). Fatal levels end the request.
   */
  error(level: number, message: string, file?: string, line?: number): void {
    if (file === undefined) [file, line] = this.where();
    // the engine's own messages print class names as C strings; trigger_error()'s text stays whole
    if (!(level & (E_USER_ERROR | E_USER_WARNING | E_USER_NOTICE | E_USER_DEPRECATED))) message = cutAnonymousNames(message);
    if (this.errorThrowClass !== null) return this.errorInThrowMode(level, message, file!, line!);
    const prev = this.lastError;
    this.lastError = { type: level, message, file, line: line! };
    const fatal = level === E_ERROR || level === E_CORE_ERROR || level === E_COMPILE_ERROR || level === E_PARSE || level === E_USER_ERROR || level === E_RECOVERABLE_ERROR;
    if (!fatal || level === E_USER_ERROR || level === E_RECOVERABLE_ERROR) {
      const top = this.errorHandlers.length - 1;
      const h = this.errorHandlers[top];
      if (h && h.handler !== null && (h.mask & level)) {
        // zend_error_impl: no user handler while this one runs (its own errors are displayed), unless
        // it installs one; it is restored afterwards unless it was replaced
        const none = { handler: null, mask: h.mask };
        this.errorHandlers[top] = none;
        let r: any;
        try {
          r = this.core.callValue(h.handler, [level, message, file, line]);
        } finally {
          const now = this.errorHandlers.length - 1;
          if (now >= 0 && this.errorHandlers[now] === none) this.errorHandlers[now] = h;
        }
        if (r !== false) return;
      }
    }
    if (fatal) throw new FatalSignal(message, file!, line!, errorLabel(level));
    if (this.silence > 0 && !(level & (E_ERROR | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_RECOVERABLE_ERROR | E_PARSE))) return;
    if (!(this.errorReporting & level)) return;
    if (prev && prev.message === message && this.isRepeatedError(prev, file!, line!)) return;
    this.displayError(errorLabel(level), message, file!, line!);
  }

  /** php_error_cb: ignore_repeated_errors hides a message just shown (from the same place, unless ignore_repeated_source). */
  private isRepeatedError(prev: { file?: string; line: number }, file: string, line: number): boolean {
    const on = (k: string) => {
      const v = (this.ini.get(k) ?? '0').toLowerCase();
      return v === '1' || v === 'on' || v === 'true' || v === 'yes';
    };
    if (!on('ignore_repeated_errors')) return false;
    return on('ignore_repeated_source') || (prev.line === line && prev.file === file);
  }

  /** php_error_cb under EH_THROW: a warning throws (unless an exception is pending), the rest is only displayed. */
  private errorInThrowMode(level: number, message: string, file: string, line: number): void {
    if (level & (E_WARNING | E_USER_WARNING | E_CORE_WARNING | E_COMPILE_WARNING)) {
      throw this.core.createThrowable(this.errorThrowClass!, message);
    }
    const saved = this.errorThrowClass;
    this.errorThrowClass = null;
    try {
      this.lastError = { type: level, message, file, line };
      if (this.silence > 0 || !(this.errorReporting & level)) return;
      this.displayError(errorLabel(level), message, file, line);
    } finally {
      this.errorThrowClass = saved;
    }
  }

  /** Runs `fn` with warnings turned into `cls` exceptions (zend_replace_error_handling(EH_THROW, cls)). */
  throwingErrors<T>(cls: string, fn: () => T): T {
    const saved = this.errorThrowClass;
    this.errorThrowClass = cls;
    try {
      return fn();
    } finally {
      this.errorThrowClass = saved;
    }
  }

  displayError(label: string, message: string, file: string, line: number): void {
    const display = this.ini.get('display_errors');
    if (display === '0' || display === '' || display === 'off' || display === 'Off' || display === 'stderr') {
      if (display === 'stderr') this.core.writeStderr(`${label}: ${message} in ${file} on line ${line}\n`);
      return;
    }
    const html = this.ini.get('html_errors');
    if (html === '1' || html === 'On' || html === 'on') {
      this.output.write(`<br />\n<b>${label}</b>:  ${message} in <b>${file}</b> on line <b>${line}</b><br />\n`);
    } else {
      this.output.write(`\n${label}: ${message} in ${file} on line ${line}\n`);
    }
  }

  warn(message: string): void {
    this.error(E_WARNING, message);
  }
  notice(message: string): void {
    this.error(E_NOTICE, message);
  }
  deprecated(message: string): void {
    this.error(E_DEPRECATED, message);
  }

  /** Throws a new instance of a built-in Throwable class. */
  throwError(className: string, message: string): never {
    message = cutAnonymousNames(message);
    if (className === '\0fatal') throw new FatalSignal(message, this.top.file, this.top.line);
    throw this.core.createThrowable(className, message);
  }

  // ───────────── output ─────────────

  echo(s: string): void {
    this.output.write(s);
  }

  // ───────────── tables ─────────────

  /** A function by (lowercase) name, user or builtin. */
  findFunction(lcname: string): Callee | undefined {
    return this.functions.get(lcname) ?? this.core.builtinCallee(lcname);
  }

  /** A constant's name as stored: the namespace part lower-cased (it is case-insensitive, the name is not). */
  static constantKey(name: string): string {
    const i = name.lastIndexOf('\\');
    return i < 0 ? name : name.slice(0, i).toLowerCase() + name.slice(i);
  }

  findConstant(name: string): any {
    let v = this.constants.get(name);
    if (v !== undefined) return v;
    v = this.core.constants.get(name);
    if (v !== undefined) return v;
    // namespaced constants: the namespace part is case-insensitive
    const i = name.lastIndexOf('\\');
    if (i >= 0) {
      const n = name.slice(0, i).toLowerCase() + name.slice(i);
      v = this.constants.get(n) ?? this.core.constants.get(n);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  // ───────────── frames ─────────────

  /** The debug_backtrace()/exception trace of the current stack, innermost first (exceptions': no objects). */
  backtrace(skip = 0, withArgs = true, withObjects = true, from: Frame = this.top): PhpArray {
    const frames = new PhpArray();
    let f: Frame | null = from;
    for (let i = 0; i < skip && f; i++) f = f.prev;
    for (; f && f.prev && !f.prev.taskRoot; f = f.prev) {
      if (f.info?.hidden) continue;
      frames.append(this.traceEntry(f, withArgs, withObjects));
    }
    return frames;
  }

  traceEntry(f: Frame, withArgs: boolean, withObject = true): PhpArray {
    const e = new PhpArray();
    const caller = f.prev!;
    // a function called by a builtin (a callback) shows as [internal function]
    if ((caller.line > 0 || f.info) && !(caller.info && caller.info.isBuiltin) && !caller.engineCalls) {
      e.set('file', caller.file);
      e.set('line', caller.line);
    }
    if (f.includeKind) {
      e.set('function', f.includeKind);
      // include/require frames carry the file as their argument; eval() frames have none
      if (withArgs && f.includeKind !== 'eval') e.set('args', PhpArray.fromList([f.file]));
      return e;
    }
    const info = f.info!;
    e.set('function', info.name);
    if (info.cls && !info.isClosure) {
      e.set('class', info.cls.name);
      if (withObject && f.self instanceof PhpObject) e.set('object', f.self);
      e.set('type', f.self instanceof PhpObject ? '->' : '::');
    } else if (info.isClosure) {
      // a closure shows its scope: the class it was bound to ($this's class, or the scope class)
      const scope = info.cls ?? (f.self instanceof PhpObject ? f.self.cls : f.self instanceof PhpClass ? f.self : null);
      if (scope) {
        e.set('class', scope.name);
        e.set('type', f.self instanceof PhpObject ? '->' : '::');
      }
    }
    if (withArgs) {
      // an argument skipped by named arguments shows as null until its default is set
      const args = f.args.map((a) => (a instanceof Ref ? a.v : a)).map((a) => (a === undefined ? null : a));
      if (info.hasSensitive) this.hideSensitiveArgs(info, args);
      const list = PhpArray.fromList(args);
      if (info.variadic && f.namedArgs !== null) for (const [k, v] of f.namedArgs.entries()) list.set(k, v);
      e.set('args', list);
    }
    return e;
  }

  /** zend_fetch_debug_backtrace: #[\SensitiveParameter] arguments are wrapped in a SensitiveParameterValue. */
  private hideSensitiveArgs(info: FunctionInfo, args: any[]): void {
    const params = info.params;
    const last = params[params.length - 1];
    for (let i = 0; i < args.length; i++) {
      const p = i < params.length ? params[i] : last?.variadic ? last : null;
      if (!p?.sensitive) continue;
      const cls = this.core.lookupClass('SensitiveParameterValue', false)!;
      const o = this.core.instantiateClass(cls);
      o.p[cls.props.get('value')!.key] = args[i];
      args[i] = o;
    }
  }

  /** The innermost frame of PHP code (builtin frames skipped). */
  callerFrame(): Frame {
    let f = this.top;
    while (f.info && f.info.isBuiltin && f.prev) f = f.prev;
    return f;
  }

  /** The class scope of the PHP code calling now (visibility checks in builtins such as is_callable). */
  callerScope(): PhpClass | null {
    const f = this.callerFrame();
    if (f.info?.isClosure && this.closureScopes.length) return this.closureScopes[this.closureScopes.length - 1];
    if (f.info?.cls) return f.info.cls;
    const s = f.self;
    return s instanceof PhpObject ? s.cls : s instanceof PhpClass ? s : null;
  }

  /** error_reporting() as an int */
  get reporting(): number {
    return this.errorReporting;
  }

  scriptFile(): string {
    return this.scriptPath;
  }

  toStr(v: any): string {
    return toStr(v);
  }
}

/** zend_ini_parse_bool: "true", "yes" and "on" (any case), else the leading integer (atoi) is non-zero. */
export function iniBool(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  const l = value.toLowerCase();
  if (l === 'true' || l === 'yes' || l === 'on') return true;
  return (parseInt(value.trimStart(), 10) || 0) !== 0;
}

export function parseIniInt(value: string): number {
  const v = value.trim();
  if (/^-?\d+$/.test(v)) return parseInt(v, 10);
  // expressions like E_ALL & ~E_NOTICE are evaluated by the ini layer; here plain names
  const names: Record<string, number> = { E_ALL: E_ALL, E_WARNING: E_WARNING, E_NOTICE: E_NOTICE, E_DEPRECATED: E_DEPRECATED };
  return names[v] ?? (parseInt(v, 10) || 0);
}
