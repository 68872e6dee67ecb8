// How PHP values cross threads: encoded to bytes in one thread, decoded to fresh values in another.
// Scalars, strings and arrays are copied (references become plain values); objects travel as PHP's
// serialize() text; closures as their compiled definition plus copies of their captured values; the
// handles of the threads machinery (threads, mutexes, conds, volatiles) by identity: the same shared
// words, and within one thread the same PHP value.

import { PhpArray } from '../runtime/array.js';
import { PhpFloat, PhpResource, Ref, UNINIT } from '../runtime/values.js';
import { instantiate } from '../runtime/classdecl.js';
import { PhpObject, PhpClass } from '../runtime/object.js';
import { rt } from '../runtime/request.js';
import { phpSerialize } from '../ext/standard/serialize.js';
import { phpUnserialize } from '../ext/standard/unserialize.js';
import { HandleKind } from './mutex.js';

const enum T {
  Null = 0,
  False,
  True,
  Int,
  BigInt,
  Float,
  IntegralFloat,
  String,
  Array,
  Object,
  Handle,
  Closure,
  NamedCallable,
  Shared,
  Properties,
}

/**
 * How values cross. Serialize (pthreads): objects as serialize() text, other resources as 0. Copy
 * (parallel): objects of user classes (and stdClass) property by property, without magic methods, so
 * closures in properties cross too; closures with their static variables; other resources as null.
 */
export const enum CopyMode {
  Serialize = 0,
  Copy = 1,
}

/** Objects that cross by identity (a handle into the shared heap), by lower-case class name. */
export interface SharedClassCodec {
  /** the shared-heap pointer behind the object */
  ptr(o: PhpObject): number;
  /** the object for a pointer, in this thread */
  object(ptr: number): PhpObject;
}
export const sharedClasses = new Map<string, SharedClassCodec>();

/** A handle of the threads machinery as PHP code holds it: a resource naming shared words. */
export interface HandleRef {
  kind: HandleKind;
  ptr: number;
}

export const HANDLE_TYPE_NAMES: Record<number, string> = {
  [HandleKind.Thread]: 'pthreads thread',
  [HandleKind.Mutex]: 'pthreads mutex',
  [HandleKind.Cond]: 'pthreads cond',
  [HandleKind.Volatile]: 'pthreads volatile',
};

/** Hooks the layers above fill in: module loading (program.ts) and shared objects (pthreads classes). */
export const transferHooks = {
  /** the definitions of a compiled module in this thread's request, loading it if needed */
  moduleDefs: (key: string): Record<string, any> => {
    throw new Error(`phpts: compiled module ${key} is not available in this thread`);
  },
  /** a shared (Threaded) object's handle, or 0 when `o` is an ordinary object */
  sharedPtr: (o: PhpObject): number => {
    void o;
    return 0;
  },
  /** the PHP object for a shared handle, in this thread */
  sharedObject: (ptr: number, className: string): PhpObject => {
    void ptr;
    return rt.throwError('Error', `Class ${className} cannot be shared between threads`);
  },
};

// ───────────── handles ─────────────

/** Handles seen in this thread, by pointer: a handle decodes to the same resource every time. */
const handles = new Map<number, PhpResource>();

export function handleResource(kind: HandleKind, ptr: number): PhpResource {
  let r = handles.get(ptr);
  if (!r || r.closed) {
    r = new PhpResource(HANDLE_TYPE_NAMES[kind], { kind, ptr } as HandleRef);
    handles.set(ptr, r);
  }
  return r;
}

/** A new request forgets the previous one's resources (their ids belong to that request). */
export function forgetHandles(): void {
  handles.clear();
}

// ───────────── encoding ─────────────

/** Scratch for float64 <-> bytes (little-endian on every platform Node runs on). */
const f64Scratch = new Float64Array(1);
const f64Bytes = new Uint8Array(f64Scratch.buffer);

/** How encodeValue treats values that cannot cross by copy or identity. */
export const enum Encode {
  /** objects travel serialized, foreign resources as 0 */
  Copy = 0,
  /**
   * objects that are neither shared (Threaded) nor closures, and resources that are not handles,
   * become null, and are left out of arrays: what pthreads does when it copies a class's statics
   */
  DropUnshareable = 1,
  /** the same, only inside the captured variables of closures */
  DropInCaptures = 2,
}

class Writer {
  buf = new Uint8Array(256);
  n = 0;
  flags = 0;
  mode = CopyMode.Serialize;

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.n++] = b;
  }
  u32(v: number): void {
    this.room(4);
    this.u32At(this.n, v);
    this.n += 4;
  }
  u32At(at: number, v: number): void {
    const b = this.buf;
    b[at] = v & 255;
    b[at + 1] = (v >>> 8) & 255;
    b[at + 2] = (v >>> 16) & 255;
    b[at + 3] = v >>> 24;
  }
  f64(v: number): void {
    this.room(8);
    f64Scratch[0] = v;
    this.buf.set(f64Bytes, this.n);
    this.n += 8;
  }
  str(s: string): void {
    this.u32(s.length);
    this.room(s.length);
    const b = this.buf;
    const n = this.n;
    for (let i = 0; i < s.length; i++) b[n + i] = s.charCodeAt(i);
    this.n += s.length;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

/** One writer serves every encoding; a nested one (serialize() running PHP code) gets its own. */
const sharedWriter = new Writer();
let writerBusy = false;

/** Encodes a PHP value for another thread (`flags`: Encode bits; `mode`: parallel's copy semantics). */
export function encodeValue(v: any, flags: number = Encode.Copy, mode = CopyMode.Serialize): Uint8Array {
  if (writerBusy) {
    const w = new Writer();
    w.flags = flags;
    w.mode = mode;
    put(w, v, 0);
    return w.bytes();
  }
  writerBusy = true;
  try {
    sharedWriter.n = 0;
    sharedWriter.flags = flags;
    sharedWriter.mode = mode;
    put(sharedWriter, v, 0);
    return sharedWriter.bytes();
  } finally {
    writerBusy = false;
  }
}

/** Whether an encoded value's first byte (its tag) says it is an object shared by identity. */
export function isSharedTag(tag: number): boolean {
  return tag === T.Shared;
}

/** The tag (first byte) of an encoded object shared by identity. */
export const SHARED_TAG: number = T.Shared;

/** The shared record an encoded value names when it is an object shared by identity, else 0. */
export function sharedPtrOf(bytes: Uint8Array): number {
  if (bytes.length < 5 || bytes[0] !== T.Shared) return 0;
  return (bytes[1] | (bytes[2] << 8) | (bytes[3] << 16) | (bytes[4] << 24)) >>> 0;
}

/** Whether `v` is a value Encode.DropUnshareable leaves behind. */
function unshareable(v: any): boolean {
  if (v instanceof PhpObject) return !transferHooks.sharedPtr(v) && !(v.native && v.native.closure);
  if (v instanceof PhpResource) {
    const h = v.handle as HandleRef | null;
    return !h || typeof h !== 'object' || !('ptr' in h) || !HANDLE_TYPE_NAMES[h.kind];
  }
  return false;
}

function put(w: Writer, v: any, depth: number): void {
  if (v instanceof Ref) v = v.v;
  if (depth > 256) return rt.throwError('Error', 'Value is nested too deeply to be shared between threads');
  switch (typeof v) {
    case 'undefined':
      return w.byte(T.Null);
    case 'boolean':
      return w.byte(v ? T.True : T.False);
    case 'number':
      if (Number.isInteger(v) && !Object.is(v, -0)) {
        w.byte(T.Int);
      } else {
        w.byte(T.Float);
      }
      return w.f64(v);
    case 'bigint':
      w.byte(T.BigInt);
      return w.str(v.toString());
    case 'string':
      w.byte(T.String);
      return w.str(v);
  }
  if (v === null) return w.byte(T.Null);
  if (v instanceof PhpFloat) {
    w.byte(T.IntegralFloat);
    return w.f64(v.v);
  }
  if (v instanceof PhpArray) {
    w.byte(T.Array);
    if (w.flags & Encode.DropUnshareable) return putArrayDropping(w, v, depth);
    w.u32(v.size);
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      put(w, v.keyAt(i), depth + 1);
      put(w, v.valAt(i), depth + 1);
    }
    return;
  }
  if (w.flags & Encode.DropUnshareable && unshareable(v)) return w.byte(T.Null);
  if (v instanceof PhpResource) {
    const h = v.handle as HandleRef | null;
    if (!h || typeof h !== 'object' || !('ptr' in h) || !HANDLE_TYPE_NAMES[h.kind] || v.type !== HANDLE_TYPE_NAMES[h.kind]) {
      // other resources (streams) belong to their thread; PHP's serialize() turns them into 0
      if (w.mode === CopyMode.Copy) return w.byte(T.Null);
      w.byte(T.Int);
      return w.f64(0);
    }
    w.byte(T.Handle);
    w.byte(h.kind);
    return w.u32(h.ptr);
  }
  if (v instanceof PhpObject) return putObject(w, v, depth);
  w.byte(T.Null);
}

function putObject(w: Writer, o: PhpObject, depth: number): void {
  const codec = sharedClasses.get(o.cls.lcname);
  const shared = codec ? codec.ptr(o) : transferHooks.sharedPtr(o);
  if (shared) {
    w.byte(T.Shared);
    w.u32(shared);
    return w.str(o.cls.name);
  }
  const n = o.native as any;
  if (n && n.closure) return putClosure(w, n, depth);
  if (w.mode === CopyMode.Copy && n === null && !o.cls.isEnum) return putProperties(w, o, depth);
  w.byte(T.Object);
  w.str(phpSerialize(o));
}

/** An object as its class name and its properties (keys as stored: "\0Class\0name" for privates). */
function putProperties(w: Writer, o: PhpObject, depth: number): void {
  w.byte(T.Properties);
  w.str(o.cls.name);
  const keys: string[] = [];
  for (const k in o.p) if (o.p[k] !== UNINIT) keys.push(k);
  w.u32(keys.length);
  for (const k of keys) {
    w.str(k);
    put(w, o.p[k], depth + 1);
  }
}

function putClosure(w: Writer, n: any, depth: number): void {
  const info = n.info;
  const self: PhpObject | undefined = n.self;
  const scope: PhpClass | null = n.scope;
  if (!info.isClosure) {
    // a first-class callable of a named function or method: it travels by name
    w.byte(T.NamedCallable);
    w.str(info.cls ? info.cls.name : '');
    w.str(info.name);
    return put(w, self ?? null, depth + 1);
  }
  const origin = info.moduleDef;
  if (!origin || origin.mod.key === null) return rt.throwError('Error', 'This closure cannot be shared between threads');
  w.byte(T.Closure);
  w.str(origin.mod.key);
  w.str(origin.def);
  put(w, self ?? null, depth + 1);
  w.str(scope ? scope.name : '');
  const used: any[] = n.usedValues ?? [];
  w.u32(used.length);
  const outer = w.flags;
  if (outer & Encode.DropInCaptures) w.flags |= Encode.DropUnshareable;
  try {
    for (const u of used) {
      // a by-reference capture arrives as a fresh reference to a copy: `use` variables cross by value
      w.byte(u instanceof Ref ? 1 : 0);
      put(w, u, depth + 1);
    }
  } finally {
    w.flags = outer;
  }
  // Copy mode: static variables travel with the closure, as they are at the time of the copy
  w.byte(w.mode);
  if (w.mode !== CopyMode.Copy) return;
  const statics: Map<string, Ref> | null = n.statics;
  w.u32(statics ? statics.size : 0);
  if (statics) {
    for (const [k, r] of statics) {
      w.str(k);
      put(w, r.v, depth + 1);
    }
  }
}

function putArrayDropping(w: Writer, v: PhpArray, depth: number): void {
  const at = w.n;
  w.u32(0);
  let n = 0;
  for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
    let x = v.valAt(i);
    if (x instanceof Ref) x = x.v;
    if (unshareable(x)) continue;
    put(w, v.keyAt(i), depth + 1);
    put(w, x, depth + 1);
    n++;
  }
  w.u32At(at, n);
}

/**
 * Copy mode: the copies of one closure a thread receives share their static variables, as parallel's
 * copies share their function's; a copy that brings initialised statics sets them.
 */
const receivedStatics = new WeakMap<object, Map<string, Ref>>();

// ───────────── decoding ─────────────

class Reader {
  i = 0;
  constructor(private readonly b: Uint8Array) {}
  byte(): number {
    return this.b[this.i++];
  }
  u32(): number {
    const b = this.b;
    const i = this.i;
    this.i += 4;
    return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
  }
  f64(): number {
    const b = this.b;
    const i = this.i;
    for (let k = 0; k < 8; k++) f64Bytes[k] = b[i + k];
    this.i += 8;
    return f64Scratch[0];
  }
  str(): string {
    const n = this.u32();
    const b = this.b;
    const start = this.i;
    const end = start + n;
    this.i = end;
    // short strings (keys, names) are built directly: cheaper than setting up an apply
    if (n <= 24) {
      let s = '';
      for (let at = start; at < end; at++) s += String.fromCharCode(b[at]);
      return s;
    }
    return Buffer.from(b.buffer, b.byteOffset + start, n).toString('latin1');
  }
}

/** Decodes a value encoded by encodeValue, in this thread's request. */
export function decodeValue(b: Uint8Array): any {
  return take(new Reader(b));
}

function take(r: Reader): any {
  const t = r.byte();
  switch (t) {
    case T.Null:
      return null;
    case T.False:
      return false;
    case T.True:
      return true;
    case T.Int: {
      // a small int comes back as a Smi, as literals are: code optimised for one is not deoptimised by the other
      const v = r.f64();
      return (v | 0) === v ? v | 0 : v;
    }
    case T.BigInt:
      return BigInt(r.str());
    case T.Float:
      return r.f64();
    case T.IntegralFloat:
      return new PhpFloat(r.f64());
    case T.String:
      return r.str();
    case T.Array: {
      const n = r.u32();
      const a = new PhpArray();
      for (let i = 0; i < n; i++) {
        const k = take(r);
        a.set(k, take(r));
      }
      return a;
    }
    case T.Object:
      return phpUnserialize(r.str(), null);
    case T.Handle: {
      const kind = r.byte() as HandleKind;
      return handleResource(kind, r.u32());
    }
    case T.Shared: {
      const ptr = r.u32();
      const className = r.str();
      const codec = sharedClasses.get(className.toLowerCase());
      return codec ? codec.object(ptr) : transferHooks.sharedObject(ptr, className);
    }
    case T.Properties:
      return takeProperties(r);
    case T.Closure:
      return takeClosure(r);
    case T.NamedCallable: {
      const cls = r.str();
      const name = r.str();
      const self = take(r);
      if (!cls) return name;
      return PhpArray.fromList([self ?? cls, name]);
    }
  }
  throw new Error(`phpts: corrupt value from another thread (tag ${t})`);
}

function takeClosure(r: Reader): any {
  const key = r.str();
  const def = r.str();
  const self = take(r);
  const scopeName = r.str();
  const n = r.u32();
  const used: any[] = [];
  for (let i = 0; i < n; i++) {
    const byRef = r.byte() === 1;
    const v = take(r);
    used.push(byRef ? new Ref(v) : v);
  }
  const factory = transferHooks.moduleDefs(key)[def];
  const scope = scopeName ? rt.core.lookupClass(scopeName, true) : null;
  const closure = factory(self instanceof PhpObject ? self : scope ?? undefined, scope, ...used);
  if (r.byte() !== CopyMode.Copy) return closure;
  const info = closure.native.info;
  let statics = receivedStatics.get(info);
  if (!statics) receivedStatics.set(info, (statics = new Map()));
  for (let i = r.u32(); i > 0; i--) {
    const k = r.str();
    statics.set(k, new Ref(take(r)));
  }
  closure.native.statics = statics;
  return closure;
}

/** An object copied property by property; a class this thread does not know gives an incomplete object. */
function takeProperties(r: Reader): any {
  const className = r.str();
  const cls = rt.core.lookupClass(className, true);
  const o = cls ? instantiate(cls) : instantiate(rt.core.lookupClass('__PHP_Incomplete_Class', false)!);
  if (!cls) o.p['__PHP_Incomplete_Class_Name'] = className;
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const k = r.str();
    o.p[k] = take(r);
  }
  return o;
}
