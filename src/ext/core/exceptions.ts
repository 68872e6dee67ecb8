// Throwable, Exception, Error and their subclasses (Zend/zend_exceptions.c): creation captures the
// file, line and stack trace; __toString and getTraceAsString format them exactly as PHP does.

import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass, privateKey } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpFloat, PhpResource, Ref } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { toStr, formatFloat, settings, scalarRepr } from '../../runtime/convert.js';
import { ClassFlags } from '../../runtime/object.js';
import { instantiate } from '../../runtime/classdecl.js';

const M_PUBLIC = 1, M_PROTECTED = 2, M_PRIVATE = 4, M_FINAL = 32;

/** Fills file, line and trace when a Throwable is created (zend_default_exception_new). */
function captureContext(o: PhpObject): void {
  const base = throwableBase(o.cls);
  // zend_get_executed_filename: the innermost user code; none when the engine itself called a builtin
  let f = rt.top;
  while (f.info && f.info.isBuiltin && f.prev) f = f.prev;
  if (f.prev === null && f.engineCalls) {
    o.p['file'] = '[no active file]';
    o.p['line'] = 0;
  } else {
    o.p['file'] = rt.top.file;
    o.p['line'] = rt.top.line;
  }
  o.p[privateKey(base, 'trace')] = rt.backtrace(0, rt.iniGet('zend.exception_ignore_args') !== '1', false);
  (o as any).capturedTop = rt.top;
}

export function traceOf(o: PhpObject): any {
  return o.p[privateKey(baseOf(o), 'trace')];
}
export function setTraceOf(o: PhpObject, trace: any): void {
  o.p[privateKey(baseOf(o), 'trace')] = trace;
}

/**
 * zend_exception_set_previous: an exception thrown while another one was pending (a finally block
 * throwing) keeps the pending one at the end of its chain of previous exceptions.
 */
export function chainPrevious(e: PhpObject, pending: PhpObject): void {
  // zend_exception_set_previous: `pending` goes at the end of e's chain, unless a link of that chain
  // is already among pending's previous ones (no cycles)
  if (e === pending) return;
  let ex: any = e;
  for (let k = 0; k < 10000 && ex !== pending; k++) {
    for (let a: any = get(pending, 'previous'); a instanceof PhpObject; a = get(a, 'previous')) if (a === ex) return;
    const prev = get(ex, 'previous');
    if (!(prev instanceof PhpObject)) {
      ex.p[privateKey(baseOf(ex), 'previous')] = pending;
      return;
    }
    ex = prev;
  }
}

function throwableBase(c: PhpClass): PhpClass {
  let k: PhpClass = c;
  while (k.parent) k = k.parent;
  return k;
}

function baseOf(o: PhpObject): PhpClass {
  return throwableBase(o.cls);
}

function get(o: PhpObject, name: string): any {
  const base = baseOf(o);
  const priv = o.p[privateKey(base, name)];
  const v = priv !== undefined ? priv : o.p[name];
  return v instanceof Ref ? v.v : v;
}

/** One argument in a trace line: 'str' (15 bytes then ...), Array, Object(Class), NULL, ... */
function traceArg(v: any): string {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof PhpFloat) {
    const max = parseInt(rt.iniGet('zend.exception_string_param_max_len') ?? '15', 10);
    return scalarRepr(v, Number.isNaN(max) ? 15 : max);
  }
  if (v instanceof PhpArray) return 'Array';
  if (v instanceof PhpObject) return `Object(${v.cls.isAnonymous ? v.cls.anonymousDebugName() : v.cls.name})`;
  if (v instanceof PhpResource) return `Resource id #${v.id}`;
  return '';
}

export function traceToString(trace: any): string {
  let out = '';
  let n = 0;
  if (trace instanceof PhpArray) {
    for (const frame of trace.values()) {
      if (!(frame instanceof PhpArray)) continue;
      const file = frame.get('file');
      const line = frame.get('line');
      const loc = file !== undefined ? `${toStr(file)}(${toStr(line)}): ` : '[internal function]: ';
      const cls = frame.get('class');
      const type = frame.get('type');
      const fn = frame.get('function');
      const args = frame.get('args');
      // named arguments collected by a variadic parameter show with their names
      const argStr = args instanceof PhpArray ? Array.from(args.entries()).map(([k, v]) => (typeof k === 'string' ? `${k}: ` : '') + traceArg(v)).join(', ') : '';
      // a C string in php-src: an anonymous class's name ends at its NUL byte
      const clsName = cls !== undefined ? toStr(cls).split('\0')[0] : '';
      out += `#${n++} ${loc}${cls !== undefined ? clsName + toStr(type) : ''}${toStr(fn)}(${argStr})\n`;
    }
  }
  out += `#${n} {main}`;
  return out;
}

/** Exception::__toString, with the chain of previous exceptions (innermost first, then "Next"). */
export function throwableToString(o: PhpObject): string {
  let str = '';
  for (let e: any = o; e instanceof PhpObject; e = get(e, 'previous')) {
    const msg = toStr(get(e, 'message') ?? '');
    const file = toStr(get(e, 'file') ?? '');
    const line = toStr(get(e, 'line') ?? 0);
    const trace = traceToString(get(e, 'trace'));
    const name = e.cls.isAnonymous ? e.cls.anonymousDebugName() : e.cls.name;
    // an argument error names the caller's location; the exception's own is where the callee is defined
    const lc = e.cls.lcname;
    const shown = (lc === 'typeerror' || lc === 'argumentcounterror') && msg.includes(', called in ') ? msg + ' and defined' : msg;
    const head = msg.length ? `${name}: ${shown}` : name;
    const cur = `${head} in ${file}:${line}\nStack trace:\n${trace}`;
    str = str.length ? `${cur}\n\nNext ${str}` : cur;
    if (get(e, 'previous') === e) break;
  }
  return str;
}

function throwableMethods(): Record<string, Function> {
  return {
    'public __construct(string $message = "", int $code = 0, ?Throwable $previous = null)': function (this: PhpObject, message: string, code: number, previous: any) {
      this.p['message'] = message;
      this.p['code'] = code;
      this.p[privateKey(baseOf(this), 'previous')] = previous;
    },
    'public __wakeup(): void': function () {},
    'final public getMessage(): string': function (this: PhpObject) {
      return get(this, 'message');
    },
    'final public getCode()': function (this: PhpObject) {
      return get(this, 'code');
    },
    'final public getFile(): string': function (this: PhpObject) {
      return get(this, 'file');
    },
    'final public getLine(): int': function (this: PhpObject) {
      return get(this, 'line');
    },
    'final public getTrace(): array': function (this: PhpObject) {
      return get(this, 'trace');
    },
    'final public getPrevious(): ?Throwable': function (this: PhpObject) {
      return get(this, 'previous');
    },
    'final public getTraceAsString(): string': function (this: PhpObject) {
      return traceToString(get(this, 'trace'));
    },
    'public __toString(): string': function (this: PhpObject) {
      return throwableToString(this);
    },
    'private __clone(): void': function () {},
  };
}

function throwableProps(): any[] {
  return [
    { name: 'message', flags: M_PROTECTED, default: () => '' },
    { name: 'string', flags: M_PRIVATE, type: 'string', default: () => '' },
    { name: 'code', flags: M_PROTECTED, default: () => 0 },
    { name: 'file', flags: M_PROTECTED, type: 'string', default: () => '' },
    { name: 'line', flags: M_PROTECTED, type: 'int', default: () => 0 },
    { name: 'trace', flags: M_PRIVATE, type: 'array', default: () => new PhpArray() },
    { name: 'previous', flags: M_PRIVATE, type: '?Throwable', default: () => null },
  ];
}

export function registerExceptions(r: Registry): void {
  r.class({ name: 'Throwable', flags: ClassFlags.Interface, interfaces: ['Stringable'] });
  for (const base of ['Exception', 'Error']) {
    r.class({
      name: base,
      interfaces: ['Throwable'],
      props: throwableProps(),
      nativeMethods: throwableMethods(),
      createNative: captureContext,
    });
  }
  r.class({
    name: 'ErrorException',
    parent: 'Exception',
    props: [{ name: 'severity', flags: M_PROTECTED, type: 'int', default: () => 1 }],
    nativeMethods: {
      'public __construct(string $message = "", int $code = 0, int $severity = E_ERROR, ?string $filename = null, ?int $line = null, ?Throwable $previous = null)': function (
        this: PhpObject, message: string, code: number, severity: number, filename: string | null, line: number | null, previous: any,
      ) {
        this.p['message'] = message;
        this.p['code'] = code;
        this.p['severity'] = severity;
        // a file given without a line means line 0 (not the line of the `new`)
        if (filename !== null) {
          this.p['file'] = filename;
          this.p['line'] = line ?? 0;
        } else if (line !== null) this.p['line'] = line;
        this.p[privateKey(baseOf(this), 'previous')] = previous;
      },
      'final public getSeverity(): int': function (this: PhpObject) {
        return this.p['severity'];
      },
    },
  });
  const errors: [string, string][] = [
    ['CompileError', 'Error'], ['ParseError', 'CompileError'], ['TypeError', 'Error'], ['ArgumentCountError', 'TypeError'],
    ['ValueError', 'Error'], ['ArithmeticError', 'Error'], ['DivisionByZeroError', 'ArithmeticError'],
    ['UnhandledMatchError', 'Error'], ['AssertionError', 'Error'],
  ];
  for (const [name, parent] of errors) r.class({ name, parent });
  // thrown into a generator whose `yield from` operand was aborted (Zend/zend_generators.stub.php)
  r.class({ name: 'ClosedGeneratorException', parent: 'Exception' });
  void M_PUBLIC;
  void M_FINAL;
}

/** Creates a Throwable of a builtin class with a message, as the engine raises them. */
export function createThrowable(className: string, message: string): PhpObject {
  const cls = rt.core.builtinClasses.get(className.toLowerCase()) ?? rt.classes.get(className.toLowerCase());
  if (!cls) throw new Error('no such throwable class ' + className);
  const o = instantiate(cls);
  o.p['message'] = message;
  return o;
}

