// The members of Threaded objects. They live in the object's shared store, never in the PhpObject:
// properties and array elements are one table ($t->a and $t['a'] are the same member), visibility
// does not apply, and values cross threads as pthreads has them cross — scalars and strings copied,
// arrays turned into Volatile objects (unless assigned from an (array) cast), Threaded objects by
// identity, closures re-created, other objects serialized. A member holding a Threaded object cannot
// be overwritten or unset, except in a Volatile. Magic __get/__set/__isset/__unset, when a class
// has them, are called for every access that is not already inside them (pthreads' guards).

import { rt } from '../../runtime/request.js';
import { PhpObject, PhpClass, ObjectHandlers, newProps } from '../../runtime/object.js';
import { PhpArray, Key, normStrKey } from '../../runtime/array.js';
import { Ref, UNINIT } from '../../runtime/values.js';
import { toKey } from '../../runtime/dims.js';
import { toBool, toInt } from '../../runtime/convert.js';
import { instantiate } from '../../runtime/classdecl.js';
import type { Iter } from '../../runtime/iterate.js';
import { storeSet, storeGet, storeDelete, storeCount, storeEntries, storeAppend, storeValueTag, storeSetUnlessTag, keyBytes, keyFromBytes } from '../../threads/store.js';
import { encodeValue, decodeValue, isSharedTag, Encode, SHARED_TAG } from '../../threads/transfer.js';
import { ThreadedState, stateOf, isThreaded, onClassSeen } from './shared.js';

// ───────────── keys ─────────────

const keyCache = new Map<Key, Uint8Array>();

/** A member key as the store keys it (cached: programs use few names, over and over). */
export function memberKey(k: Key): Uint8Array {
  let b = keyCache.get(k);
  if (b === undefined) {
    if (keyCache.size > 4096) keyCache.clear();
    b = keyBytes(k);
    keyCache.set(k, b);
  }
  return b;
}

/** "0" and 0 are the same member, as in an array. */
function propKey(name: string): Key {
  return normStrKey(name);
}

// ───────────── values ─────────────

let volatileClass: PhpClass | null = null;

function volatileCls(): PhpClass {
  return (volatileClass ??= rt.core.builtinClasses.get('volatile')!);
}

export function isVolatile(o: PhpObject): boolean {
  const ext = o.cls.ext;
  return (ext.threadedVolatile ??= o.cls.isSubclassOf(volatileCls())) as boolean;
}

/** A value made ready for a store: arrays become Volatile objects unless kept `plain`. */
export function encodeMember(v: any, plain = false): Uint8Array {
  if (v instanceof Ref) v = v.v;
  if (v instanceof PhpArray && !plain) v = volatileOf(v);
  // an object of an anonymous class cannot be serialized: the member is null (as pthreads has it)
  else if (v instanceof PhpObject && v.cls.isAnonymous && !isThreaded(v)) v = null;
  return encodeValue(v, Encode.DropInCaptures);
}

/** A new Volatile object holding the elements of `a` (nested arrays become Volatile too). */
export function volatileOf(a: PhpArray): PhpObject {
  const o = instantiate(volatileCls());
  const store = stateOf(o).store;
  for (let i = a.nextSlot(0); i < a.slotCount; i = a.nextSlot(i + 1)) storeSet(store, memberKey(a.keyAt(i)), encodeMember(a.valAt(i)));
  return o;
}

/** The member's value, or undefined when there is none. */
export function readMember(st: ThreadedState, key: Key): any {
  const b = storeGet(st.store, memberKey(key));
  return b === null ? undefined : decodeValue(b);
}

function immutable(key: Key): never {
  return rt.throwError('RuntimeException', `Threaded members previously set to Threaded objects are immutable, cannot overwrite ${key}`);
}

/** Writes a member, refusing to replace a Threaded object held by a non-Volatile object. */
export function writeMember(o: PhpObject, key: Key, v: any, plain = false): void {
  const st = stateOf(o);
  const kb = memberKey(key);
  const bytes = encodeMember(v, plain);
  if (isVolatile(o)) storeSet(st.store, kb, bytes);
  else if (!storeSetUnlessTag(st.store, kb, bytes, SHARED_TAG)) immutable(key);
}

export function deleteMember(o: PhpObject, key: Key): void {
  const st = stateOf(o);
  const kb = memberKey(key);
  if (!isVolatile(o) && isSharedTag(storeValueTag(st.store, kb))) immutable(key);
  storeDelete(st.store, kb);
}

/** Every member, decoded, in order. */
export function members(st: ThreadedState): [Key, any][] {
  return storeEntries(st.store).map(([k, v]) => [keyFromBytes(k), decodeValue(v)]);
}

export function membersArray(o: PhpObject): PhpArray {
  const a = new PhpArray();
  for (const [k, v] of members(stateOf(o))) a.set(k, v);
  return a;
}

// ───────────── magic methods, guarded ─────────────

const IN_GET = 1, IN_SET = 2, IN_ISSET = 4, IN_UNSET = 8;
const NOT_CALLED: unique symbol = Symbol('not called');

/** Calls the magic method unless the object is already inside it for this member. */
function magic(o: PhpObject, m: { fn: Function } | null, key: Key, bit: number, args: any[]): any {
  if (m === null) return NOT_CALLED;
  const name = String(key);
  const g = (o.guards ??= new Map());
  const cur = g.get(name) ?? 0;
  if (cur & bit) return NOT_CALLED;
  g.set(name, cur | bit);
  try {
    return m.fn.apply(o, args);
  } finally {
    g.set(name, g.get(name)! & ~bit);
  }
}


function read(o: PhpObject, key: Key, quiet: boolean): any {
  const cls = o.cls;
  if (quiet && cls.issetter !== null) {
    const r = magic(o, cls.issetter, key, IN_ISSET, [String(key)]);
    if (r !== NOT_CALLED && !toBool(r)) return undefined;
  }
  if (cls.getter !== null) {
    const r = magic(o, cls.getter, key, IN_GET, [String(key)]);
    if (r !== NOT_CALLED) return r;
  }
  const v = readMember(stateOf(o), key);
  // pthreads reads an absent member as null, without a notice
  return v === undefined && !quiet ? null : v;
}

function write(o: PhpObject, key: Key, v: any, plain: boolean): void {
  if (o.cls.setter !== null && magic(o, o.cls.setter, key, IN_SET, [String(key), v]) !== NOT_CALLED) return;
  writeMember(o, key, v, plain);
}

function has(o: PhpObject, key: Key, checkEmpty: boolean): boolean {
  if (o.cls.issetter !== null) {
    const r = magic(o, o.cls.issetter, key, IN_ISSET, [String(key)]);
    if (r !== NOT_CALLED) return toBool(r);
  }
  const v = readMember(stateOf(o), key);
  if (v === undefined || v === null) return false;
  return checkEmpty ? toBool(v) : true;
}

function remove(o: PhpObject, key: Key): void {
  if (o.cls.unsetter !== null && magic(o, o.cls.unsetter, key, IN_UNSET, [String(key)]) !== NOT_CALLED) return;
  deleteMember(o, key);
}

/** $t->m[...] = v: the member as a container; a missing one becomes a Volatile object. */
function forWrite(o: PhpObject, key: Key): any {
  const v = read(o, key, true);
  if (v instanceof PhpArray) {
    rt.notice(`Indirect modification of overloaded property ${o.cls.name}::$${key} has no effect`);
    return v.clone();
  }
  if (v !== undefined && v !== null) return v;
  const fresh = volatileOf(new PhpArray());
  writeMember(o, key, fresh);
  return fresh;
}

// ───────────── iteration, comparison ─────────────

class MembersIter implements Iter {
  k: any = null;
  v: any = null;
  private i = 0;
  constructor(private readonly entries: [Uint8Array, Uint8Array][]) {}
  next(): boolean {
    if (this.i >= this.entries.length) return false;
    const [k, v] = this.entries[this.i++];
    this.k = keyFromBytes(k);
    this.v = decodeValue(v);
    return true;
  }
  end(): void {}
  ref(): Ref {
    return new Ref(this.v);
  }
}

function dimKey(k: any): Key {
  return toKey(k === undefined ? null : k);
}

/** Element access as Threaded's own offsetGet() & co. do it. */
export const elements = {
  read: (o: PhpObject, k: any): any => read(o, dimKey(k), false),
  write: (o: PhpObject, k: any, v: any, castArray = false): void => {
    // $t[] = v (and a null offset, as pthreads has it) appends
    if (k === undefined || k === null) storeAppend(stateOf(o).store, encodeMember(v, castArray));
    else write(o, dimKey(k), v, castArray);
  },
  has: (o: PhpObject, k: any, checkEmpty: boolean): boolean => has(o, dimKey(k), checkEmpty),
  remove: (o: PhpObject, k: any): void => remove(o, dimKey(k)),
};

/** A class's own offsetGet() & co. (or count()), when it overrides Threaded's: the interface as the class defines it. */
function userOffset(o: PhpObject, lc: string): Function | null {
  const m = o.cls.findMethod(lc);
  return m !== undefined && !m.info.isBuiltin ? m.fn : null;
}

/** The object handlers of Threaded and every class extending it. */
export const threadedHandlers: ObjectHandlers & { iterate(o: PhpObject, byRef: boolean): Iter } = {
  readProp: (o, name, _scope, quiet) => read(o, propKey(name), quiet),
  writeProp: (o, name, v, _scope, castArray) => write(o, propKey(name), v, castArray === true),
  hasProp: (o, name) => has(o, propKey(name), false),
  unsetProp: (o, name) => remove(o, propKey(name)),
  propForWrite: (o, name) => forWrite(o, propKey(name)),
  readDim: (o, k) => {
    const f = userOffset(o, 'offsetget');
    return f ? f.call(o, k === undefined ? null : k) : elements.read(o, k);
  },
  writeDim: (o, k, v, castArray) => {
    const f = userOffset(o, 'offsetset');
    if (f) f.call(o, k === undefined ? null : k, v);
    else elements.write(o, k, v, castArray === true);
  },
  hasDim: (o, k, checkEmpty) => {
    const f = userOffset(o, 'offsetexists');
    if (!f) return elements.has(o, k, checkEmpty);
    if (!toBool(f.call(o, k))) return false;
    return !checkEmpty || toBool(threadedHandlers.readDim!(o, k));
  },
  unsetDim: (o, k) => {
    const f = userOffset(o, 'offsetunset');
    if (f) f.call(o, k);
    else elements.remove(o, k);
  },
  count: (o) => {
    const f = userOffset(o, 'count');
    return f ? Number(toInt(f.call(o))) : storeCount(stateOf(o).store);
  },
  iterate: (o, byRef) => {
    // a reference to a member could not reach the store: pthreads refuses rather than surprise
    if (byRef) rt.throwError('RuntimeException', 'iteration by reference is not allowed on Threaded objects');
    return new MembersIter(storeEntries(stateOf(o).store));
  },
  debugInfo: (o) => members(stateOf(o)).map(([k, v]) => [String(k), v]),
  literalDebugKeys: true,
  compare: (a, b) => (isThreaded(b) && stateOf(b).rec === stateOf(a).rec ? 0 : 1),
  clone: () => rt.throwError('RuntimeException', 'Threaded objects cannot be cloned'),
};

/** (array) $threaded gives its members; set on each class whose objects this module handles. */
export function readyClass(cls: PhpClass): void {
  if (cls.ext.arrayCast) return;
  cls.ext.arrayCast = membersArray;
  cls.ext.jsonProps = (o: PhpObject) => members(stateOf(o)).map(([k, v]) => [String(k), v]);
}
onClassSeen(readyClass);

/** A declared property's member key, and its default encoded once when it is a plain value. */
interface DefaultSlot {
  bagKey: string;
  key: Uint8Array;
  encoded: Uint8Array | null;
}

function defaultSlots(cls: PhpClass): DefaultSlot[] {
  let slots: DefaultSlot[] | undefined = cls.ext.threadedDefaults;
  if (slots) return slots;
  slots = cls.allSlots.map((info) => {
    const v = info.hasDefault ? info.default : null;
    // arrays become a new Volatile object for each object: only plain values are encoded ahead
    const plain = !(v instanceof PhpArray) && !(v instanceof PhpObject);
    return { bagKey: info.key, key: keyBytes(propKey(info.name)), encoded: plain ? encodeMember(v === UNINIT ? null : v) : null };
  });
  cls.ext.threadedDefaults = slots;
  return slots;
}

/** Moves the declared properties' defaults a new object got into its store (arrays made Volatile). */
export function adoptDefaults(o: PhpObject): void {
  const p = o.p;
  const store = stateOf(o).store;
  const slots = defaultSlots(o.cls);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    if (s.encoded !== null) storeSet(store, s.key, s.encoded);
    else storeSet(store, s.key, encodeMember(p[s.bagKey]));
  }
  // the object's own bag stays empty: every access goes to the store
  o.p = newProps();
}
