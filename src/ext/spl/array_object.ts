// ArrayObject, ArrayIterator, RecursiveArrayIterator (ext/spl/spl_array.c).
// The storage is an array, a plain object (its properties), or another ArrayObject/ArrayIterator whose
// storage is used (what getIterator() hands to the iterator, so both see the same elements).

import type { Registry } from '../../engine/extension.js';
import { PhpArray, Key, share } from '../../runtime/array.js';
import { PhpObject, PhpClass, privateKey, Vis } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref, UNINIT, PhpFloat, PhpResource } from '../../runtime/values.js';
import { normStrKey } from '../../runtime/array.js';
import { instantiate } from '../../runtime/classdecl.js';
import { findClass, callMethodByName } from '../../runtime/objects.js';
import { callBound } from '../../runtime/calls.js';
import { propsIter, type Iter } from '../../runtime/iterate.js';
import { givenType } from '../../runtime/types.js';
import { findProp, propGet, propGetQuiet, propSet, propSetCastArray, propIsset, propUnset, propW } from '../../runtime/props.js';
import type { ObjectHandlers } from '../../runtime/object.js';
import { checked, overridden, truthy, callFunction } from './util.js';

export const STD_PROP_LIST = 1;
export const ARRAY_AS_PROPS = 2;
export const CHILD_ARRAYS_ONLY = 4;

export interface ArrState {
  splArray: true;
  arr: PhpArray | null;
  obj: PhpObject | null;
  flags: number;
  iterClass: PhpClass | null;
  /** iterator position: the current key (null = past the end) and a slot hint */
  posKey: Key | null;
  posSlot: number;
  isIterator: boolean;
}

function newState(isIterator: boolean): ArrState {
  return { splArray: true, arr: new PhpArray(), obj: null, flags: 0, iterClass: null, posKey: null, posSlot: 0, isIterator };
}

export function isSplArray(o: any): o is PhpObject {
  return o instanceof PhpObject && o.native && o.native.splArray === true;
}

function st(o: PhpObject): ArrState {
  return o.native as ArrState;
}

/** The state that really holds the elements (following other ArrayObjects used as storage). */
function target(s: ArrState): ArrState {
  for (let depth = 0; depth < 64 && s.obj && isSplArray(s.obj); depth++) s = st(s.obj);
  return s;
}

function propsToHash(o: PhpObject, all: boolean): PhpArray {
  const a = new PhpArray();
  // protected properties are stored under their plain names: spl_array_skip_protected skips them too
  let hidden: Set<string> | null = null;
  if (!all) for (const info of o.cls.allSlots) if (info.vis === Vis.Protected) (hidden ??= new Set()).add(info.key);
  for (const k in o.p) {
    const v = o.p[k];
    if (v === UNINIT) continue;
    if (!all && (k.charCodeAt(0) === 0 || (hidden !== null && hidden.has(k)))) continue;
    const key = normStrKey(k);
    if (v instanceof Ref) a.setRef(key, v);
    else a.set(key, v);
  }
  return a;
}

/** The elements, for reading. */
export function readHash(s: ArrState): PhpArray {
  const t = target(s);
  if (t.obj) return propsToHash(t.obj, false);
  return t.arr ?? (t.arr = new PhpArray());
}

/** Changes the elements: `mutate` gets a writable array. */
function writeHash(s: ArrState, mutate: (a: PhpArray) => void): void {
  const t = target(s);
  if (t.obj) {
    const o = t.obj;
    const a = propsToHash(o, true);
    mutate(a);
    for (const k of Object.keys(o.p)) delete o.p[k];
    for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) o.p[String(a.keyAt(i))] = a.rawAt(i);
    return;
  }
  let a = t.arr ?? new PhpArray();
  if (a.rc > 0) a = a.sep();
  mutate(a);
  t.arr = a;
}

function describeKey(k: Key): string {
  return typeof k === 'string' ? `"${k}"` : String(k);
}

/** An offset as a key (spl_array_get_key): PHP's rules, with SPL's error texts. */
function splKey(k: any, forIsset = false): Key {
  if (k instanceof Ref) k = k.v;
  switch (typeof k) {
    case 'string':
      return normStrKey(k);
    case 'number':
      if (Number.isInteger(k)) return k;
      return Math.trunc(k);
    case 'bigint':
      return k;
    case 'boolean':
      return k ? 1 : 0;
  }
  if (k === null || k === undefined) return '';
  if (k instanceof PhpFloat) return Math.trunc(k.v);
  if (k instanceof PhpResource) {
    rt.warn(`Resource ID#${k.id} used as offset, casting to integer (${k.id})`);
    return k.id;
  }
  return rt.throwError('TypeError', forIsset ? 'Illegal offset type in isset or empty' : 'Illegal offset type');
}

function nativeGet(o: PhpObject, k: any): any {
  const key = splKey(k);
  const a = readHash(st(o));
  const v = a.get(key);
  if (v === undefined) {
    rt.warn(`Undefined array key ${describeKey(key)}`);
    return null;
  }
  return v;
}

function nativeSet(o: PhpObject, k: any, v: any): void {
  const s = st(o);
  if (k === null || k === undefined) {
    writeHash(s, (a) => {
      a.append(share(v));
    });
    return;
  }
  const key = splKey(k);
  writeHash(s, (a) => {
    const raw = a.getRaw(key);
    if (raw instanceof Ref) raw.v = share(v);
    else a.set(key, share(v));
  });
}

function nativeUnset(o: PhpObject, k: any): void {
  const key = splKey(k);
  const a = readHash(st(o));
  if (!a.has(key)) return;
  writeHash(st(o), (w) => w.delete(key));
}

/** check: 0 isset, 1 empty, 2 offsetExists() */
function nativeHas(o: PhpObject, k: any, check: number): boolean {
  const key = splKey(k, check !== 2);
  const v = readHash(st(o)).get(key);
  if (v === undefined) return false;
  if (check === 2) return true;
  if (check === 1) return truthy(v);
  return v !== null;
}

function count(o: PhpObject): number {
  return readHash(st(o)).size;
}

// ───────────── construction ─────────────

function setStorage(o: PhpObject, input: any, justArray: boolean, method = '__construct'): void {
  const s = st(o);
  if (input instanceof PhpArray) {
    s.arr = share(input);
    s.obj = null;
  } else if (input instanceof PhpObject) {
    if (isSplArray(input)) {
      if (justArray || !input.cls.isSubclassOf(findClass('ArrayObject', false)!) && !input.cls.isSubclassOf(findClass('ArrayIterator', false)!)) {
        s.arr = share(readHash(st(input)));
        s.obj = null;
      } else {
        s.obj = input;
        s.arr = null;
      }
    } else {
      s.obj = input;
      s.arr = null;
    }
  } else {
    rt.throwError('TypeError', `${o.cls.isSubclassOf(findClass('ArrayIterator', false)!) ? 'ArrayIterator' : 'ArrayObject'}::${method}(): Argument #1 ($array) must be of type array, ${givenType(input)} given`);
  }
  s.posKey = null;
  s.posSlot = 0;
  if (s.isIterator) rewind(o);
}

function checkIteratorClass(method: string, argNo: number, name: string): PhpClass {
  const c = findClass(name, true);
  const base = findClass('ArrayIterator', false)!;
  if (!c || !c.isSubclassOf(base)) {
    rt.throwError('TypeError', `ArrayObject::${method}(): Argument #${argNo} ($iteratorClass) must be a class name derived from ArrayIterator, ${name} given`);
  }
  return c;
}

// ───────────── iteration ─────────────

function curSlot(s: ArrState, a: PhpArray): number {
  if (s.posKey === null) return -1;
  let i = s.posSlot;
  if (i < a.slotCount && !a.isHole(i) && a.keyAt(i) === s.posKey) return i;
  if (a.has(s.posKey)) {
    for (let j = a.nextSlot(0); j < a.slotCount; j = a.nextSlot(j + 1)) {
      if (a.keyAt(j) === s.posKey) {
        s.posSlot = j;
        return j;
      }
    }
  }
  // the current element was deleted: the position moves on to the next one
  i = a.nextSlot(Math.min(i, a.slotCount));
  if (i >= a.slotCount) {
    s.posKey = null;
    return -1;
  }
  s.posKey = a.keyAt(i);
  s.posSlot = i;
  return i;
}

function rewind(o: PhpObject): void {
  const s = st(o);
  const a = readHash(s);
  const i = a.nextSlot(0);
  if (i >= a.slotCount) {
    s.posKey = null;
    s.posSlot = 0;
  } else {
    s.posKey = a.keyAt(i);
    s.posSlot = i;
  }
}

function valid(o: PhpObject): boolean {
  const s = st(o);
  return curSlot(s, readHash(s)) >= 0;
}

function current(o: PhpObject): any {
  const s = st(o);
  const a = readHash(s);
  const i = curSlot(s, a);
  if (i < 0) return null;
  return a.valAt(i);
}

function key(o: PhpObject): any {
  const s = st(o);
  const a = readHash(s);
  const i = curSlot(s, a);
  if (i < 0) return null;
  return a.keyAt(i);
}

function next(o: PhpObject): void {
  const s = st(o);
  const a = readHash(s);
  const i = curSlot(s, a);
  if (i < 0) return;
  const j = a.nextSlot(i + 1);
  if (j >= a.slotCount) {
    s.posKey = null;
    s.posSlot = a.slotCount;
  } else {
    s.posKey = a.keyAt(j);
    s.posSlot = j;
  }
}

/** foreach by reference over an ArrayObject / ArrayIterator: walks the live storage. */
class RefIter implements Iter {
  k: any = null;
  v: any = null;
  private i = 0;
  private cur: Ref | null = null;
  /** the storage is an object: its public properties, typed ones becoming typed references */
  private props: Iter | null = null;
  constructor(private readonly o: PhpObject) {}
  next(): boolean {
    const s = target(st(this.o));
    if (s.obj) {
      this.props ??= propsIter(s.obj, null, true);
      if (!this.props.next()) return false;
      this.k = this.props.k;
      this.v = this.props.v;
      this.cur = this.props.ref();
      return true;
    }
    let a = s.arr!;
    if (a.rc > 0) a = s.arr = a.sep();
    let i = a.nextSlot(this.i);
    if (i >= a.slotCount) return false;
    this.k = a.keyAt(i);
    this.cur = a.refAtSlot(i);
    this.v = this.cur.v;
    this.i = i + 1;
    return true;
  }
  end(): void {}
  ref(): Ref {
    return this.cur!;
  }
}

/** foreach by value over an ArrayIterator whose iteration methods are all native. */
class NativeIter implements Iter {
  k: any = null;
  v: any = null;
  private started = false;
  constructor(private readonly o: PhpObject) {}
  next(): boolean {
    if (!this.started) {
      this.started = true;
      rewind(this.o);
    } else next(this.o);
    const s = st(this.o);
    const a = readHash(s);
    const i = curSlot(s, a);
    if (i < 0) return false;
    this.k = a.keyAt(i);
    this.v = a.valAt(i);
    return true;
  }
  end(): void {}
  ref(): Ref {
    return new Ref(this.v);
  }
}

class MethodIter implements Iter {
  k: any = null;
  v: any = null;
  private started = false;
  constructor(private readonly o: PhpObject) {}
  next(): boolean {
    const o = this.o;
    if (!this.started) {
      this.started = true;
      callMethodByName(o, 'rewind', []);
    } else callMethodByName(o, 'next', []);
    if (!truthy(callMethodByName(o, 'valid', []))) return false;
    this.v = callMethodByName(o, 'current', []);
    this.k = callMethodByName(o, 'key', []);
    return true;
  }
  end(): void {}
  ref(): Ref {
    return new Ref(this.v);
  }
}

const ITER_METHODS = ['rewind', 'valid', 'current', 'key', 'next'];

function iterateIterator(o: PhpObject, byRef: boolean): Iter {
  if (ITER_METHODS.some((m) => overridden(o, m))) return new MethodIter(o);
  if (byRef) return new RefIter(o);
  return new NativeIter(o);
}

function iterateObject(o: PhpObject, byRef: boolean): Iter {
  if (byRef && !overridden(o, 'getiterator')) return new RefIter(o);
  const it = callMethodByName(o, 'getIterator', []);
  if (!(it instanceof PhpObject)) rt.throwError('Exception', `Objects returned by ${o.cls.name}::getIterator() must be traversable or implement interface Iterator`);
  const h = it.cls.handlers as any;
  if (h && h.iterate) return h.iterate(it, byRef);
  return new MethodIter(it);
}

// ───────────── debug info, clone ─────────────

function debugInfo(o: PhpObject, base: string): [string, any][] {
  const out: [string, any][] = [];
  for (const k in o.p) out.push([k, o.p[k]]);
  const s = st(o);
  out.push([privateKey({ name: base } as PhpClass, 'storage'), s.obj ?? s.arr ?? new PhpArray()]);
  return out;
}

function cloneArrayObject(src: PhpObject, dst: PhpObject): void {
  const s = st(src);
  const copy: ArrState = { ...s };
  copy.arr = share(readHash(s));
  copy.obj = null;
  dst.native = copy;
}

function cloneArrayIterator(src: PhpObject, dst: PhpObject): void {
  const s = st(src);
  const copy: ArrState = { ...s };
  if (s.arr) copy.arr = share(s.arr);
  dst.native = copy;
}

// ───────────── sorting ─────────────

function sortWith(o: PhpObject, fn: string, extra: any[]): boolean {
  const s = st(o);
  const r = new Ref(readHash(s));
  share(r.v);
  callFunction(fn, [r, ...extra]);
  const sorted = r.v as PhpArray;
  writeHash(s, (a) => {
    for (const k of a.keyList()) a.delete(k);
    for (let i = sorted.nextSlot(0); i < sorted.slotCount; i = sorted.nextSlot(i + 1)) a.set(sorted.keyAt(i), share(sorted.valAt(i)));
  });
  return true;
}

// ───────────── shared methods ─────────────

function sharedMethods(cls: string): Record<string, Function> {
  return checked(cls, {
    'public offsetExists(mixed $key)': function (this: PhpObject, k: any) {
      return nativeHas(this, k, 2);
    },
    'public offsetGet(mixed $key)': function (this: PhpObject, k: any) {
      return nativeGet(this, k);
    },
    'public offsetSet(mixed $key, mixed $value)': function (this: PhpObject, k: any, v: any) {
      nativeSet(this, k, v);
    },
    'public offsetUnset(mixed $key)': function (this: PhpObject, k: any) {
      nativeUnset(this, k);
    },
    'public append(mixed $value)': function (this: PhpObject, v: any) {
      const t = target(st(this));
      if (t.obj) rt.throwError('Error', `Cannot append properties to objects, use ${this.cls.name}::offsetSet() instead`);
      nativeSet(this, null, v);
    },
    'public getArrayCopy()': function (this: PhpObject) {
      const a = readHash(st(this));
      return target(st(this)).obj ? a : a.clone();
    },
    'public count()': function (this: PhpObject) {
      return count(this);
    },
    'public getFlags()': function (this: PhpObject) {
      return st(this).flags;
    },
    'public setFlags(int $flags)': function (this: PhpObject, f: number) {
      st(this).flags = f;
    },
    'public asort(int $flags = SORT_REGULAR)': function (this: PhpObject, f: number | undefined) {
      return sortWith(this, 'asort', [f ?? 0]);
    },
    'public ksort(int $flags = SORT_REGULAR)': function (this: PhpObject, f: number | undefined) {
      return sortWith(this, 'ksort', [f ?? 0]);
    },
    'public uasort(callable $callback)': function (this: PhpObject, cb: any) {
      return sortWith(this, 'uasort', [cb]);
    },
    'public uksort(callable $callback)': function (this: PhpObject, cb: any) {
      return sortWith(this, 'uksort', [cb]);
    },
    'public natsort()': function (this: PhpObject) {
      return sortWith(this, 'natsort', []);
    },
    'public natcasesort()': function (this: PhpObject) {
      return sortWith(this, 'natcasesort', []);
    },
    'public unserialize(string $data)': function (this: PhpObject, data: string) {
      unserializeLegacy(this, data);
    },
    'public serialize()': function (this: PhpObject) {
      const s = st(this);
      const ser = (v: any) => callFunction('serialize', [v]);
      return `x:i:${s.flags};${ser(s.obj ?? readHash(s))};m:${ser(propsArray(this))}`;
    },
    'public __serialize()': function (this: PhpObject) {
      const s = st(this);
      const a = new PhpArray();
      a.append(s.flags);
      a.append(s.obj ?? share(readHash(s)));
      a.append(propsArray(this));
      if (!s.isIterator) a.append(s.iterClass && s.iterClass.lcname !== 'arrayiterator' ? s.iterClass.name : null);
      return a;
    },
    'public __unserialize(array $data)': function (this: PhpObject, data: PhpArray) {
      const flags = data.get(0), storage = data.get(1), members = data.get(2);
      if (typeof flags !== 'number' || !(storage instanceof PhpArray || storage instanceof PhpObject) || !(members instanceof PhpArray)) {
        rt.throwError('UnexpectedValueException', 'Incomplete or ill-typed serialization data');
      }
      const s = st(this);
      s.flags = flags;
      setStorage(this, storage, false);
      for (const [k, v] of members.entries()) this.p[String(k)] = share(v);
      const ic = data.get(3);
      if (!s.isIterator && typeof ic === 'string') {
        const c = findClass(ic, true);
        if (!c) rt.throwError('UnexpectedValueException', `Cannot deserialize ArrayObject with iterator class '${ic}'; no such class exists`);
        if (!c.isSubclassOf(findClass('ArrayIterator', false)!)) rt.throwError('UnexpectedValueException', `Cannot deserialize ArrayObject with iterator class '${ic}'; this class does not implement the Iterator interface`);
        s.iterClass = c;
      }
    },
    'public __debugInfo()': function (this: PhpObject) {
      const a = new PhpArray();
      for (const [k, v] of debugInfo(this, this.native.isIterator ? 'ArrayIterator' : 'ArrayObject')) a.set(normStrKey(k), share(v instanceof Ref ? v.v : v));
      return a;
    },
  });
}

function propsArray(o: PhpObject): PhpArray {
  const a = new PhpArray();
  for (const k in o.p) {
    const v = o.p[k];
    if (v === UNINIT) continue;
    a.set(normStrKey(k), share(v instanceof Ref ? v.v : v));
  }
  return a;
}

function unserializeLegacy(o: PhpObject, data: string): void {
  const bad = (pos: number) => rt.throwError('UnexpectedValueException', `Error at offset ${pos} of ${data.length} bytes`);
  if (data === '') return;
  const m = /^x:i:(-?\d+);/.exec(data);
  if (!m) bad(0);
  const flags = parseInt(m![1], 10);
  let rest = data.slice(m![0].length);
  // the storage, then ";m:" and the members
  const idx = rest.lastIndexOf(';m:');
  if (idx < 0) bad(m![0].length);
  const storage = callFunction('unserialize', [rest.slice(0, idx + (rest[idx - 1] === '}' ? 0 : 1))]);
  const members = callFunction('unserialize', [rest.slice(idx + 3)]);
  if (!(storage instanceof PhpArray || storage instanceof PhpObject)) bad(m![0].length);
  st(o).flags = flags;
  setStorage(o, storage, false);
  if (members instanceof PhpArray) for (const [k, v] of members.entries()) o.p[String(k)] = share(v);
}

/** (array)$ao: the storage, or the properties with STD_PROP_LIST. */
function arrayCast(o: PhpObject): PhpArray {
  const s = st(o);
  if (s.flags & STD_PROP_LIST) return propsArray(o);
  const a = readHash(s);
  return target(s).obj ? a : a.clone();
}

// ───────────── registration ─────────────

// ───────────── ARRAY_AS_PROPS: $ao->name is $ao['name'] unless a real property of that name exists ─────────────

/** zend_std_has_property(ZEND_PROPERTY_EXISTS): a declared or dynamic property named `name`. */
function hasRealProp(o: PhpObject, name: string, scope: PhpClass | null): boolean {
  const info = findProp(o.cls, name, scope, true);
  if (info !== undefined) {
    const v = o.p[info.key];
    return v !== undefined && v !== UNINIT;
  }
  return Object.prototype.hasOwnProperty.call(o.p, name);
}

function asProps(o: PhpObject, name: string, scope: PhpClass | null): boolean {
  return o.native !== null && o.native !== undefined && (st(o).flags & ARRAY_AS_PROPS) !== 0 && !hasRealProp(o, name, scope);
}

const PROP_HANDLERS = ['readProp', 'writeProp', 'hasProp', 'unsetProp', 'propForWrite'] as const;
const plainHandlers = new WeakMap<object, ObjectHandlers>();

/** Runs the standard property access (the class's handlers without the property ones, for the call). */
function standard<T>(o: PhpObject, access: () => T): T {
  const cls = o.cls as any;
  const h = cls.handlers as ObjectHandlers;
  let plain = plainHandlers.get(h);
  if (!plain) {
    plain = { ...h };
    for (const k of PROP_HANDLERS) delete (plain as any)[k];
    plainHandlers.set(h, plain);
  }
  cls.handlers = plain;
  try {
    return access();
  } finally {
    cls.handlers = h;
  }
}

const propHandlers = (dims: { readDim: Function; writeDim: Function; hasDim: Function; unsetDim: Function }) => ({
  readProp(o: PhpObject, name: string, scope: PhpClass | null, quiet: boolean) {
    if (!asProps(o, name, scope)) return standard(o, () => (quiet ? propGetQuiet(o, name, scope) : propGet(o, name, scope)));
    if (quiet && !readHash(st(o)).has(splKey(name))) return undefined;
    return dims.readDim(o, name);
  },
  writeProp(o: PhpObject, name: string, v: any, scope: PhpClass | null, castArray?: boolean) {
    if (!asProps(o, name, scope)) {
      standard(o, () => (castArray ? propSetCastArray(o, name, v, scope) : propSet(o, name, v, scope)));
      return;
    }
    dims.writeDim(o, name, v);
  },
  hasProp(o: PhpObject, name: string, scope: PhpClass | null) {
    if (!asProps(o, name, scope)) return standard(o, () => propIsset(o, name, scope));
    return dims.hasDim(o, name, false);
  },
  unsetProp(o: PhpObject, name: string, scope: PhpClass | null) {
    if (!asProps(o, name, scope)) {
      standard(o, () => propUnset(o, name, scope));
      return;
    }
    dims.unsetDim(o, name);
  },
  propForWrite(o: PhpObject, name: string, scope: PhpClass | null) {
    if (!asProps(o, name, scope)) return standard(o, () => propW(o, name, scope));
    if (!readHash(st(o)).has(splKey(name))) dims.writeDim(o, name, new PhpArray());
    return dims.readDim(o, name);
  },
});

const handlersFor = (base: string, isIterator: boolean) => withPropHandlers({
  readDim(o: PhpObject, k: any) {
    if (overridden(o, 'offsetget')) return callMethodByName(o, 'offsetGet', [k === undefined ? null : k]);
    const key = splKey(k);
    const s = st(o);
    const a = readHash(s);
    const v = a.get(key);
    if (v === undefined) {
      rt.warn(`Undefined array key ${describeKey(key)}`);
      return null;
    }
    if (v instanceof PhpArray && v.rc > 0 && !target(s).obj) {
      // nested writes ($ao['k'][] = 1) reach the stored array: give it its own copy first
      let inner: PhpArray = v;
      writeHash(s, (w) => {
        const raw = w.getRaw(key);
        if (raw instanceof Ref) {
          if (raw.v instanceof PhpArray) raw.v = inner = raw.v.sep();
        } else {
          inner = v.sep();
          w.set(key, inner);
        }
      });
      return inner;
    }
    return v;
  },
  writeDim(o: PhpObject, k: any, v: any) {
    if (overridden(o, 'offsetset')) {
      callMethodByName(o, 'offsetSet', [k === undefined ? null : k, v]);
      return;
    }
    nativeSet(o, k, v);
  },
  hasDim(o: PhpObject, k: any, checkEmpty: boolean) {
    if (overridden(o, 'offsetexists')) {
      if (!truthy(callMethodByName(o, 'offsetExists', [k]))) return false;
      if (!checkEmpty) return true;
      const v = overridden(o, 'offsetget') ? callMethodByName(o, 'offsetGet', [k]) : readHash(st(o)).get(splKey(k, true));
      return truthy(v);
    }
    return nativeHas(o, k, checkEmpty ? 1 : 0);
  },
  unsetDim(o: PhpObject, k: any) {
    if (overridden(o, 'offsetunset')) {
      callMethodByName(o, 'offsetUnset', [k]);
      return;
    }
    nativeUnset(o, k);
  },
  count(o: PhpObject) {
    if (overridden(o, 'count')) return callMethodByName(o, 'count', []);
    return count(o);
  },
  iterate: isIterator ? iterateIterator : iterateObject,
  debugInfo(o: PhpObject) {
    if (overridden(o, '__debuginfo')) return null;
    return debugInfo(o, base);
  },
  clone: isIterator ? cloneArrayIterator : cloneArrayObject,
});

function withPropHandlers<H extends { readDim: Function; writeDim: Function; hasDim: Function; unsetDim: Function }>(h: H) {
  return { ...h, ...propHandlers(h), propsInBag: true };
}

export function registerArrayObject(r: Registry): void {
  r.class({
    name: 'ArrayObject',
    interfaces: ['IteratorAggregate', 'ArrayAccess', 'Serializable', 'Countable'],
    consts: [
      { name: 'STD_PROP_LIST', flags: 1, init: () => STD_PROP_LIST },
      { name: 'ARRAY_AS_PROPS', flags: 1, init: () => ARRAY_AS_PROPS },
    ],
    createNative(o: PhpObject) {
      o.native = newState(false);
      if (!o.cls.ext.arrayCast) o.cls.ext.arrayCast = arrayCast;
    },
    nativeMethods: {
      ...checked('ArrayObject', {
        'public __construct(array|object $array = [], int $flags = 0, string $iteratorClass = ArrayIterator::class)': function (this: PhpObject, input: any, flags: number | undefined, ic: string | undefined) {
          const s = st(this);
          if (input !== undefined) setStorage(this, input, false);
          s.flags = flags ?? 0;
          if (ic !== undefined) s.iterClass = checkIteratorClass('__construct', 3, ic);
        },
        'public getIterator(): Iterator': function (this: PhpObject) {
          const s = st(this);
          const c = s.iterClass ?? findClass('ArrayIterator', false)!;
          const it = instantiate(c);
          const is = st(it);
          is.obj = this;
          is.arr = null;
          is.flags = s.flags;
          rewind(it);
          return it;
        },
        'public exchangeArray(array|object $array)': function (this: PhpObject, input: any) {
          const s = st(this);
          const old = readHash(s);
          const ret = target(s).obj ? old : old.clone();
          setStorage(this, input, false, 'exchangeArray');
          return ret;
        },
        'public setIteratorClass(string $iteratorClass)': function (this: PhpObject, ic: string) {
          st(this).iterClass = checkIteratorClass('setIteratorClass', 1, ic);
        },
        'public getIteratorClass()': function (this: PhpObject) {
          return (st(this).iterClass ?? findClass('ArrayIterator', false)!).name;
        },
      }),
      ...sharedMethods('ArrayObject'),
    },
    handlers: handlersFor('ArrayObject', false) as any,
  });

  r.class({
    name: 'ArrayIterator',
    interfaces: ['SeekableIterator', 'ArrayAccess', 'Serializable', 'Countable'],
    consts: [
      { name: 'STD_PROP_LIST', flags: 1, init: () => STD_PROP_LIST },
      { name: 'ARRAY_AS_PROPS', flags: 1, init: () => ARRAY_AS_PROPS },
    ],
    createNative(o: PhpObject) {
      o.native = newState(true);
      if (!o.cls.ext.arrayCast) o.cls.ext.arrayCast = arrayCast;
    },
    nativeMethods: {
      ...checked('ArrayIterator', {
        'public __construct(array|object $array = [], int $flags = 0)': function (this: PhpObject, input: any, flags: number | undefined) {
          if (input !== undefined) setStorage(this, input, true);
          st(this).flags = flags ?? 0;
        },
        'public rewind()': function (this: PhpObject) {
          rewind(this);
        },
        'public current()': function (this: PhpObject) {
          return current(this);
        },
        'public key()': function (this: PhpObject) {
          return key(this);
        },
        'public next()': function (this: PhpObject) {
          next(this);
        },
        'public valid()': function (this: PhpObject) {
          return valid(this);
        },
        'public seek(int $offset)': function (this: PhpObject, n: number) {
          const s = st(this);
          const a = readHash(s);
          if (n >= 0 && n < a.size) {
            rewind(this);
            for (let i = 0; i < n; i++) next(this);
            if (valid(this)) return;
          }
          rt.throwError('OutOfBoundsException', `Seek position ${n} is out of range`);
        },
      }),
      ...sharedMethods('ArrayIterator'),
    },
    handlers: handlersFor('ArrayIterator', true) as any,
  });

  r.class({
    name: 'RecursiveArrayIterator',
    parent: 'ArrayIterator',
    interfaces: ['RecursiveIterator'],
    consts: [{ name: 'CHILD_ARRAYS_ONLY', flags: 1, init: () => CHILD_ARRAYS_ONLY }],
    nativeMethods: checked('RecursiveArrayIterator', {
      'public hasChildren()': function (this: PhpObject) {
        const v = current(this);
        if (v instanceof PhpArray) return true;
        return v instanceof PhpObject && !(st(this).flags & CHILD_ARRAYS_ONLY);
      },
      'public getChildren()': function (this: PhpObject) {
        const v = current(this);
        if (v instanceof PhpObject && v.cls.isSubclassOf(this.cls)) return v;
        const c = instantiate(this.cls);
        if (c.cls.dtor) rt.destructibles.push(c);
        const ctor = c.cls.ctor!;
        callBound({ fn: ctor.fn, self: c, info: ctor.info }, [v, st(this).flags]);
        return c;
      },
    }),
  });
}
