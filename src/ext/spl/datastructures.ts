// SPL data structures: SplDoublyLinkedList/SplQueue/SplStack (spl_dllist.c), SplHeap/SplMinHeap/
// SplMaxHeap/SplPriorityQueue (spl_heap.c), SplFixedArray (spl_fixedarray.c), SplObjectStorage
// (spl_observer.c).

import type { Registry } from '../../engine/extension.js';
import { PhpArray, share } from '../../runtime/array.js';
import { PhpObject, PhpClass, privateKey } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref, PhpFloat, UNINIT, PhpResource } from '../../runtime/values.js';
import { propSet } from '../../runtime/props.js';
import { instantiate } from '../../runtime/classdecl.js';
import { callMethodByName } from '../../runtime/objects.js';
import { compare } from '../../runtime/operators.js';
import { toInt, readNumeric, toStr } from '../../runtime/convert.js';
import { givenType } from '../../runtime/types.js';
import type { Iter } from '../../runtime/iterate.js';
import { checked, overridden, truthy, callFunction } from './util.js';

function priv(cls: string, name: string): string {
  return privateKey({ name: cls } as PhpClass, name);
}

function ownProps(o: PhpObject): [string, any][] {
  const out: [string, any][] = [];
  for (const k in o.p) out.push([k, o.p[k]]);
  return out;
}

function propsArray(o: PhpObject): PhpArray {
  const a = new PhpArray();
  for (const k in o.p) {
    const v = o.p[k];
    if (v === UNINIT) continue;
    a.set(k, share(v instanceof Ref ? v.v : v));
  }
  return a;
}

function debugArray(entries: [string, any][]): PhpArray {
  const a = new PhpArray();
  for (const [k, v] of entries) a.set(k, share(v instanceof Ref ? v.v : v));
  return a;
}

/** spl_offset_convert_to_long (PHP 8.2): an index, or null when the value is not usable. */
function toIndex(v: any): number | null {
  if (v instanceof Ref) v = v.v;
  if (typeof v === 'number') return Number.isInteger(v) ? v : Math.trunc(v);
  if (v instanceof PhpFloat) return Math.trunc(v.v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    if (/^(0|-?[1-9][0-9]*)$/.test(v)) return Number(v);
    return null;
  }
  if (v === null) return 0;
  return null;
}

// ───────────── SplDoublyLinkedList ─────────────

const IT_MODE_LIFO = 2, IT_MODE_FIFO = 0, IT_MODE_DELETE = 1, IT_MODE_KEEP = 0;

interface DList {
  items: any[];
  flags: number;
  pos: number;
  /** the traversal has a current element */
  on: boolean;
}

function dl(o: PhpObject): DList {
  return o.native as DList;
}

function dllOutOfRange(method: string): never {
  return rt.throwError('OutOfRangeException', `SplDoublyLinkedList::${method}(): Argument #1 ($index) is out of range`);
}

function dllTypeError(method: string, k: any): never {
  return rt.throwError('TypeError', `SplDoublyLinkedList::${method}(): Argument #1 ($index) must be of type int, ${givenType(k)} given`);
}

function dllRewind(d: DList): void {
  d.pos = d.flags & IT_MODE_LIFO ? d.items.length - 1 : 0;
  d.on = d.items.length > 0;
}

function dllValid(d: DList): boolean {
  return d.on && d.pos >= 0 && d.pos < d.items.length;
}

function dllNext(d: DList, backwards: boolean): void {
  if (!dllValid(d)) return;
  const lifo = ((d.flags & IT_MODE_LIFO) !== 0) !== backwards;
  if (d.flags & IT_MODE_DELETE && !backwards) {
    if (lifo) {
      d.items.pop();
      d.pos--;
    } else d.items.shift();
  } else {
    d.pos += lifo ? -1 : 1;
  }
  if (d.pos < 0 || d.pos >= d.items.length) d.on = false;
}

function dllSerialize(o: PhpObject): string {
  const d = dl(o);
  let s = `i:${d.flags};`;
  for (const v of d.items) s += ':' + callFunction('serialize', [v]);
  return s;
}

// ───────────── heaps ─────────────

interface Heap {
  els: any[];
  flags: number;
  corrupted: boolean;
  modifying: boolean;
  pq: boolean;
  /** SplMinHeap: -1, SplMaxHeap / SplPriorityQueue: 1 */
  sign: number;
  serial: number;
}

const EXTR_DATA = 1, EXTR_PRIORITY = 2, EXTR_BOTH = 3;

function hp(o: PhpObject): Heap {
  return o.native as Heap;
}

function heapCmp(o: PhpObject, h: Heap, a: any, b: any): number {
  if (h.pq) {
    if (overridden(o, 'compare')) return toInt(callMethodByName(o, 'compare', [a.priority, b.priority])) as number;
    return compare(a.priority, b.priority);
  }
  if (overridden(o, 'compare')) return toInt(callMethodByName(o, 'compare', [a, b])) as number;
  return h.sign > 0 ? compare(a, b) : compare(b, a);
}

function heapGuard(h: Heap): void {
  if (h.corrupted) rt.throwError('RuntimeException', 'Heap is corrupted, heap properties are no longer ensured.');
  if (h.modifying) rt.throwError('RuntimeException', 'Heap cannot be changed when it is already being modified.');
}

function heapInsert(o: PhpObject, h: Heap, elem: any): void {
  heapGuard(h);
  h.modifying = true;
  const els = h.els;
  let i = els.length;
  els.push(undefined);
  try {
    for (; i > 0 && heapCmp(o, h, els[(i - 1) >> 1], elem) < 0; i = (i - 1) >> 1) els[i] = els[(i - 1) >> 1];
  } catch (e) {
    h.corrupted = true;
    els[i] = elem;
    throw e;
  } finally {
    h.modifying = false;
  }
  els[i] = elem;
}

function heapDeleteTop(o: PhpObject, h: Heap): any {
  heapGuard(h);
  const els = h.els;
  const limit = Math.trunc((els.length - 1) / 2);
  const top = els[0];
  const bottom = els[els.length - 1];
  const count = els.length - 1;
  let i = 0;
  h.modifying = true;
  try {
    for (let j: number; i < limit; i = j) {
      j = i * 2 + 1;
      if (j !== count && heapCmp(o, h, els[j + 1], els[j]) > 0) j++;
      if (heapCmp(o, h, bottom, els[j]) < 0) els[i] = els[j];
      else break;
    }
  } catch (e) {
    h.corrupted = true;
    els[i] = bottom;
    els.length = count;
    throw e;
  } finally {
    h.modifying = false;
  }
  els[i] = bottom;
  els.length = count;
  return top;
}

function pqValue(h: Heap, e: any): any {
  switch (h.flags & EXTR_BOTH) {
    case EXTR_DATA:
      return e.data;
    case EXTR_PRIORITY:
      return e.priority;
    default:
      return PhpArray.fromEntries([['data', share(e.data)], ['priority', share(e.priority)]]);
  }
}

function heapDebug(o: PhpObject, base: string): [string, any][] {
  const h = hp(o);
  const out = ownProps(o);
  out.push([priv(base, 'flags'), h.pq ? h.flags : 0]);
  out.push([priv(base, 'isCorrupted'), h.corrupted]);
  const a = new PhpArray();
  for (const e of h.els) a.append(h.pq ? PhpArray.fromEntries([['data', share(e.data)], ['priority', share(e.priority)]]) : share(e));
  out.push([priv(base, 'heap'), a]);
  return out;
}

class HeapIter implements Iter {
  k: any = null;
  v: any = null;
  private started = false;
  constructor(private readonly o: PhpObject) {}
  next(): boolean {
    const h = hp(this.o);
    if (this.started && h.els.length) heapDeleteTop(this.o, h);
    this.started = true;
    if (!h.els.length) return false;
    if (h.corrupted) rt.throwError('RuntimeException', 'Heap is corrupted, heap properties are no longer ensured.');
    this.k = h.els.length - 1;
    this.v = h.pq ? pqValue(h, h.els[0]) : h.els[0];
    return true;
  }
  end(): void {}
  ref(): Ref {
    return rt.throwError('Error', 'An iterator cannot be used with foreach by reference');
  }
}

// ───────────── SplFixedArray ─────────────

interface Fixed {
  items: any[];
}

function fx(o: PhpObject): Fixed {
  return o.native as Fixed;
}

/** spl_offset_convert_to_long (PHP 8.2) and the range check of SplFixedArray's dimension handlers. */
function fixedIndex(o: PhpObject, k: any, forWrite = false): number {
  void forWrite;
  const i = fixedOffset(k);
  if (i < 0 || i >= fx(o).items.length) rt.throwError('RuntimeException', 'Index invalid or out of range');
  return i;
}

function fixedHas(o: PhpObject, k: any, checkEmpty: boolean): boolean {
  const i = fixedOffset(k);
  if (i < 0 || i >= fx(o).items.length) return false;
  const v = fx(o).items[i];
  return checkEmpty ? truthy(v) : v !== null;
}

function fixedOffset(k: any): number {
  let v = k;
  if (v instanceof Ref) v = v.v;
  if (typeof v === 'string') {
    if (/^(0|-?[1-9][0-9]*)$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  } else if (typeof v === 'number' || v instanceof PhpFloat) {
    const d = typeof v === 'number' ? v : v.v;
    if (!Number.isInteger(d)) {
      if (!Number.isFinite(d)) return 0;
      rt.deprecated(`Implicit conversion from float ${toStr(v)} to int loses precision`);
    }
    return Math.trunc(d);
  } else if (typeof v === 'boolean') return v ? 1 : 0;
  else if (typeof v === 'bigint') return Number(v);
  else if (v instanceof PhpResource) {
    rt.warn(`Resource ID#${v.id} used as offset, casting to integer (${v.id})`);
    return v.id;
  }
  return rt.throwError('TypeError', 'Illegal offset type');
}

class FixedIter implements Iter {
  k: any = null;
  v: any = null;
  private i = 0;
  constructor(private readonly o: PhpObject) {}
  next(): boolean {
    const items = fx(this.o).items;
    if (this.i >= items.length) return false;
    this.k = this.i;
    this.v = items[this.i++];
    return true;
  }
  end(): void {}
  ref(): Ref {
    return rt.throwError('Error', 'An iterator cannot be used with foreach by reference');
  }
}

// ───────────── SplObjectStorage ─────────────

interface Storage {
  map: Map<any, { obj: PhpObject; inf: any }>;
  /** iteration: the keys in order and the position */
  pos: number;
}

function so(o: PhpObject): Storage {
  return o.native as Storage;
}

function storageKey(o: PhpObject, obj: PhpObject): any {
  if (overridden(o, 'gethash')) {
    const h = callMethodByName(o, 'getHash', [obj]);
    if (typeof h !== 'string') rt.throwError('RuntimeException', 'Hash needs to be a string');
    return 's:' + h;
  }
  return obj;
}

function soAttach(o: PhpObject, obj: PhpObject, inf: any): void {
  const s = so(o);
  const k = storageKey(o, obj);
  const e = s.map.get(k);
  if (e) e.inf = share(inf);
  else s.map.set(k, { obj, inf: share(inf) });
}

function soDetach(o: PhpObject, obj: PhpObject): void {
  so(o).map.delete(storageKey(o, obj));
}

function soEntryAt(s: Storage): { obj: PhpObject; inf: any } | undefined {
  let i = 0;
  for (const e of s.map.values()) {
    if (i === s.pos) return e;
    i++;
  }
  return undefined;
}

function soDebug(o: PhpObject): [string, any][] {
  const out = ownProps(o);
  const a = new PhpArray();
  for (const e of so(o).map.values()) a.append(PhpArray.fromEntries([['obj', e.obj], ['inf', share(e.inf)]]));
  out.push([priv('SplObjectStorage', 'storage'), a]);
  return out;
}

function soSerialize(o: PhpObject): string {
  const s = so(o);
  const ser = (v: any) => callFunction('serialize', [v]);
  let out = `x:i:${s.map.size};`;
  for (const e of s.map.values()) out += ser(e.obj) + ',' + ser(e.inf) + ';';
  return out + 'm:' + ser(propsArray(o));
}

// ───────────── registration ─────────────

export function registerDataStructures(r: Registry): void {
  const dllMethods = checked('SplDoublyLinkedList', {
    'public add(int $index, mixed $value)': function (this: PhpObject, i: number, v: any) {
      const d = dl(this);
      if (i < 0 || i > d.items.length) dllOutOfRange('add');
      d.items.splice(i, 0, share(v));
    },
    'public pop()': function (this: PhpObject) {
      const d = dl(this);
      if (!d.items.length) rt.throwError('RuntimeException', "Can't pop from an empty datastructure");
      return d.items.pop();
    },
    'public shift()': function (this: PhpObject) {
      const d = dl(this);
      if (!d.items.length) rt.throwError('RuntimeException', "Can't shift from an empty datastructure");
      return d.items.shift();
    },
    'public push(mixed $value)': function (this: PhpObject, v: any) {
      dl(this).items.push(share(v));
    },
    'public unshift(mixed $value)': function (this: PhpObject, v: any) {
      dl(this).items.unshift(share(v));
    },
    'public top()': function (this: PhpObject) {
      const d = dl(this);
      if (!d.items.length) rt.throwError('RuntimeException', "Can't peek at an empty datastructure");
      return d.items[d.items.length - 1];
    },
    'public bottom()': function (this: PhpObject) {
      const d = dl(this);
      if (!d.items.length) rt.throwError('RuntimeException', "Can't peek at an empty datastructure");
      return d.items[0];
    },
    'public __debugInfo()': function (this: PhpObject) {
      return debugArray(dllDebug(this));
    },
    'public count()': function (this: PhpObject) {
      return dl(this).items.length;
    },
    'public isEmpty()': function (this: PhpObject) {
      return dl(this).items.length === 0;
    },
    'public setIteratorMode(int $mode)': function (this: PhpObject, mode: number) {
      const d = dl(this);
      const frozen = this.native.frozenLifo as number | undefined;
      if (frozen !== undefined && (mode & IT_MODE_LIFO) !== frozen) {
        rt.throwError('RuntimeException', "Iterators' LIFO/FIFO modes for SplStack/SplQueue objects are frozen");
      }
      d.flags = mode & (IT_MODE_LIFO | IT_MODE_DELETE);
      return d.flags;
    },
    'public getIteratorMode()': function (this: PhpObject) {
      return dl(this).flags;
    },
    'public offsetExists($index)': function (this: PhpObject, k: any) {
      const i = toIndex(k);
      return i !== null && i >= 0 && i < dl(this).items.length;
    },
    'public offsetGet($index)': function (this: PhpObject, k: any) {
      const d = dl(this);
      const i = toIndex(k);
      if (i === null) dllTypeError('offsetGet', k);
      if (i! < 0 || i! >= d.items.length) dllOutOfRange('offsetGet');
      return d.items[i!];
    },
    'public offsetSet($index, mixed $value)': function (this: PhpObject, k: any, v: any) {
      const d = dl(this);
      if (k === null || k === undefined) {
        d.items.push(share(v));
        return;
      }
      const i = toIndex(k);
      if (i === null) dllTypeError('offsetSet', k);
      if (i! < 0 || i! >= d.items.length) dllOutOfRange('offsetSet');
      d.items[i!] = share(v);
    },
    'public offsetUnset($index)': function (this: PhpObject, k: any) {
      const d = dl(this);
      const i = toIndex(k);
      if (i === null) dllTypeError('offsetUnset', k);
      if (i! < 0 || i! >= d.items.length) dllOutOfRange('offsetUnset');
      d.items.splice(i!, 1);
    },
    'public rewind()': function (this: PhpObject) {
      dllRewind(dl(this));
    },
    'public current()': function (this: PhpObject) {
      const d = dl(this);
      return dllValid(d) ? d.items[d.pos] : null;
    },
    'public key()': function (this: PhpObject) {
      return dl(this).pos;
    },
    'public prev()': function (this: PhpObject) {
      dllNext(dl(this), true);
    },
    'public next()': function (this: PhpObject) {
      dllNext(dl(this), false);
    },
    'public valid()': function (this: PhpObject) {
      return dllValid(dl(this));
    },
    'public unserialize(string $data)': function (this: PhpObject, data: string) {
      const d = dl(this);
      const m = /^i:(\d+);/.exec(data);
      if (!m) rt.throwError('UnexpectedValueException', `Error at offset 0 of ${data.length} bytes`);
      d.flags = parseInt(m![1], 10);
      let rest = data.slice(m![0].length);
      while (rest.startsWith(':')) {
        rest = rest.slice(1);
        // find the shortest prefix that unserializes
        let done = false;
        for (let end = 1; end <= rest.length; end++) {
          if (rest[end - 1] !== ';' && rest[end - 1] !== '}') continue;
          if (end < rest.length && rest[end] !== ':') continue;
          const v = callFunction('unserialize', [rest.slice(0, end)]);
          if (v !== false || rest.slice(0, end) === 'b:0;') {
            d.items.push(v);
            rest = rest.slice(end);
            done = true;
            break;
          }
        }
        if (!done) break;
      }
    },
    'public serialize()': function (this: PhpObject) {
      return dllSerialize(this);
    },
    'public __serialize()': function (this: PhpObject) {
      const d = dl(this);
      const a = new PhpArray();
      a.append(d.flags);
      a.append(PhpArray.fromList(d.items.map(share)));
      a.append(propsArray(this));
      return a;
    },
    'public __unserialize(array $data)': function (this: PhpObject, data: PhpArray) {
      const flags = data.get(0), items = data.get(1), members = data.get(2);
      if (data.size !== 3 || typeof flags !== 'number' || !(items instanceof PhpArray) || !(members instanceof PhpArray)) {
        rt.throwError('UnexpectedValueException', 'Incomplete or ill-typed serialization data');
      }
      const d = dl(this);
      d.flags = flags;
      d.items = items.valueList().map(share);
      for (const [k, v] of members.entries()) this.p[String(k)] = share(v);
    },
  });

  function dllDebug(o: PhpObject): [string, any][] {
    const d = dl(o);
    const out = ownProps(o);
    out.push([priv('SplDoublyLinkedList', 'flags'), d.flags]);
    out.push([priv('SplDoublyLinkedList', 'dllist'), PhpArray.fromList(d.items.map(share))]);
    return out;
  }

  const dllHandlers = {
    readDim(o: PhpObject, k: any) {
      return callMethodByName(o, 'offsetGet', [k === undefined ? null : k]);
    },
    writeDim(o: PhpObject, k: any, v: any) {
      callMethodByName(o, 'offsetSet', [k === undefined ? null : k, v]);
    },
    hasDim(o: PhpObject, k: any, checkEmpty: boolean) {
      if (!truthy(callMethodByName(o, 'offsetExists', [k]))) return false;
      const v = callMethodByName(o, 'offsetGet', [k]);
      return checkEmpty ? truthy(v) : v !== null;
    },
    unsetDim(o: PhpObject, k: any) {
      callMethodByName(o, 'offsetUnset', [k]);
    },
    count(o: PhpObject) {
      return overridden(o, 'count') ? callMethodByName(o, 'count', []) : dl(o).items.length;
    },
    debugInfo(o: PhpObject) {
      return overridden(o, '__debuginfo') ? null : dllDebug(o);
    },
    clone(src: PhpObject, dst: PhpObject) {
      const d = dl(src);
      dst.native = { ...src.native, items: d.items.map(share) };
    },
  };

  r.class({
    name: 'SplDoublyLinkedList',
    interfaces: ['Iterator', 'Countable', 'ArrayAccess', 'Serializable'],
    consts: [
      ['IT_MODE_LIFO', IT_MODE_LIFO], ['IT_MODE_FIFO', IT_MODE_FIFO], ['IT_MODE_DELETE', IT_MODE_DELETE], ['IT_MODE_KEEP', IT_MODE_KEEP],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    createNative(o: PhpObject) {
      o.native = { items: [], flags: 0, pos: 0, on: false } as DList;
      if (o.cls.isSubclassOf(rt.core.builtinClasses.get('splstack')!)) {
        o.native.flags = IT_MODE_LIFO;
        o.native.frozenLifo = IT_MODE_LIFO;
      } else if (o.cls.isSubclassOf(rt.core.builtinClasses.get('splqueue')!)) o.native.frozenLifo = 0;
    },
    nativeMethods: dllMethods,
    handlers: dllHandlers as any,
  });
  r.class({
    name: 'SplQueue',
    parent: 'SplDoublyLinkedList',
    nativeMethods: checked('SplQueue', {
      'public enqueue(mixed $value)': function (this: PhpObject, v: any) {
        dl(this).items.push(share(v));
      },
      'public dequeue()': function (this: PhpObject) {
        const d = dl(this);
        if (!d.items.length) rt.throwError('RuntimeException', "Can't shift from an empty datastructure");
        return d.items.shift();
      },
    }),
  });
  r.class({ name: 'SplStack', parent: 'SplDoublyLinkedList' });

  // heaps
  const heapMethods = (cls: string) => checked(cls, {
    'public count()': function (this: PhpObject) {
      return hp(this).els.length;
    },
    'public isEmpty()': function (this: PhpObject) {
      return hp(this).els.length === 0;
    },
    'public rewind()': () => null,
    'public key()': function (this: PhpObject) {
      return hp(this).els.length - 1;
    },
    'public next()': function (this: PhpObject) {
      const h = hp(this);
      if (h.els.length) heapDeleteTop(this, h);
    },
    'public valid()': function (this: PhpObject) {
      return hp(this).els.length > 0;
    },
    'public recoverFromCorruption()': function (this: PhpObject) {
      hp(this).corrupted = false;
      return true;
    },
    'public isCorrupted()': function (this: PhpObject) {
      return hp(this).corrupted;
    },
    'public __debugInfo()': function (this: PhpObject) {
      return debugArray(heapDebug(this, cls));
    },
  });

  const heapHandlers = (base: string) => ({
    count(o: PhpObject) {
      return overridden(o, 'count') ? callMethodByName(o, 'count', []) : hp(o).els.length;
    },
    debugInfo(o: PhpObject) {
      return overridden(o, '__debuginfo') ? null : heapDebug(o, base);
    },
    clone(src: PhpObject, dst: PhpObject) {
      dst.native = { ...src.native, els: hp(src).els.map((e) => (hp(src).pq ? { ...e } : share(e))), modifying: false };
    },
    iterate(o: PhpObject, byRef: boolean) {
      if (byRef) rt.throwError('Error', 'An iterator cannot be used with foreach by reference');
      const its = ['rewind', 'valid', 'current', 'key', 'next'];
      if (its.some((n) => overridden(o, n))) return null as any;
      return new HeapIter(o);
    },
  });

  r.class({
    name: 'SplHeap',
    flags: 16,
    interfaces: ['Iterator', 'Countable'],
    createNative(o: PhpObject) {
      o.native = { els: [], flags: 0, corrupted: false, modifying: false, pq: false, sign: 1, serial: 0 } as Heap;
    },
    nativeMethods: {
      ...heapMethods('SplHeap'),
      ...checked('SplHeap', {
        'public extract()': function (this: PhpObject) {
          const h = hp(this);
          if (h.corrupted) heapGuard(h);
          if (!h.els.length) rt.throwError('RuntimeException', "Can't extract from an empty heap");
          return heapDeleteTop(this, h);
        },
        'public insert(mixed $value)': function (this: PhpObject, v: any) {
          heapInsert(this, hp(this), share(v));
          return true;
        },
        'public top()': function (this: PhpObject) {
          const h = hp(this);
          if (h.corrupted) heapGuard(h);
          if (!h.els.length) rt.throwError('RuntimeException', "Can't peek at an empty heap");
          return h.els[0];
        },
        'public current()': function (this: PhpObject) {
          const h = hp(this);
          return h.els.length ? h.els[0] : null;
        },
        'protected abstract compare(mixed $value1, mixed $value2)': () => 0,
      }),
    },
    handlers: heapHandlers('SplHeap') as any,
  });
  r.class({
    name: 'SplMinHeap',
    parent: 'SplHeap',
    createNative(o: PhpObject) {
      o.native = { els: [], flags: 0, corrupted: false, modifying: false, pq: false, sign: -1, serial: 0 } as Heap;
    },
    nativeMethods: checked('SplMinHeap', {
      'protected compare(mixed $value1, mixed $value2)': (a: any, b: any) => compare(b, a),
    }),
  });
  r.class({
    name: 'SplMaxHeap',
    parent: 'SplHeap',
    nativeMethods: checked('SplMaxHeap', {
      'protected compare(mixed $value1, mixed $value2)': (a: any, b: any) => compare(a, b),
    }),
  });

  r.class({
    name: 'SplPriorityQueue',
    interfaces: ['Iterator', 'Countable'],
    consts: [['EXTR_BOTH', EXTR_BOTH], ['EXTR_PRIORITY', EXTR_PRIORITY], ['EXTR_DATA', EXTR_DATA]].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    createNative(o: PhpObject) {
      o.native = { els: [], flags: EXTR_DATA, corrupted: false, modifying: false, pq: true, sign: 1, serial: 0 } as Heap;
    },
    nativeMethods: {
      ...heapMethods('SplPriorityQueue'),
      ...checked('SplPriorityQueue', {
        'public compare(mixed $priority1, mixed $priority2)': (a: any, b: any) => compare(a, b),
        'public insert(mixed $value, mixed $priority)': function (this: PhpObject, v: any, p: any) {
          heapInsert(this, hp(this), { data: share(v), priority: share(p) });
          return true;
        },
        'public setExtractFlags(int $flags)': function (this: PhpObject, f: number) {
          if ((f & EXTR_BOTH) === 0) rt.throwError('RuntimeException', 'Must specify at least one extract flag');
          hp(this).flags = f & EXTR_BOTH;
          return hp(this).flags;
        },
        'public top()': function (this: PhpObject) {
          const h = hp(this);
          if (h.corrupted) heapGuard(h);
          if (!h.els.length) rt.throwError('RuntimeException', "Can't peek at an empty heap");
          return pqValue(h, h.els[0]);
        },
        'public extract()': function (this: PhpObject) {
          const h = hp(this);
          if (h.corrupted) heapGuard(h);
          if (!h.els.length) rt.throwError('RuntimeException', "Can't extract from an empty heap");
          return pqValue(h, heapDeleteTop(this, h));
        },
        'public current()': function (this: PhpObject) {
          const h = hp(this);
          return h.els.length ? pqValue(h, h.els[0]) : null;
        },
        'public getExtractFlags()': function (this: PhpObject) {
          return hp(this).flags;
        },
      }),
    },
    handlers: heapHandlers('SplPriorityQueue') as any,
  });

  // SplFixedArray
  const fixedDecl = {
    name: 'SplFixedArray',
    interfaces: ['IteratorAggregate', 'ArrayAccess', 'Countable', 'JsonSerializable'],
    createNative(o: PhpObject) {
      o.native = { items: [] } as Fixed;
      if (!o.cls.ext.arrayCast) o.cls.ext.arrayCast = fixedArrayCast;
    },
    nativeMethods: checked('SplFixedArray', {
      'public __construct(int $size = 0)': function (this: PhpObject, n = 0) {
        if (n < 0) rt.throwError('ValueError', 'SplFixedArray::__construct(): Argument #1 ($size) must be greater than or equal to 0');
        fx(this).items = new Array(n).fill(null);
      },
      'public __wakeup()': function (this: PhpObject) {
        const f = fx(this);
        if (f.items.length === 0) {
          const items: any[] = [];
          for (const k of Object.keys(this.p)) {
            items.push(this.p[k] instanceof Ref ? this.p[k].v : this.p[k]);
            delete this.p[k];
          }
          f.items = items;
        }
      },
      'public __serialize(): array': function (this: PhpObject) {
        const a = PhpArray.fromList(fx(this).items.map(share));
        for (const k in this.p) {
          const v = this.p[k];
          if (v !== UNINIT) a.set(k, share(v instanceof Ref ? v.v : v));
        }
        return a;
      },
      'public __unserialize(array $data): void': function (this: PhpObject, data: PhpArray) {
        const f = fx(this);
        if (f.items.length) return;
        for (const [k, v] of data.entries()) {
          if (typeof k === 'string') propSet(this, k, share(v), this.cls);
          else f.items.push(share(v));
        }
      },
      'public count()': function (this: PhpObject) {
        return fx(this).items.length;
      },
      'public toArray()': function (this: PhpObject) {
        return PhpArray.fromList(fx(this).items.map(share));
      },
      'public static fromArray(array $array, bool $preserveKeys = true)': function (this: PhpClass, a: PhpArray, keep = true) {
        const o = instantiate(rt.core.builtinClasses.get('splfixedarray')!);
        const f = fx(o);
        if (keep && a.size) {
          let max = -1;
          for (const k of a.keyList()) {
            if (typeof k === 'string' || k < 0) rt.throwError('InvalidArgumentException', 'array must contain only positive integer keys');
            if (typeof k === 'bigint') {
              if (k === 9223372036854775807n) rt.throwError('InvalidArgumentException', 'integer overflow detected');
              rt.throwError('\0fatal', `Possible integer overflow in memory allocation (${k + 1n} * 16 + 0)`);
            }
            if (k > max) max = k as number;
          }
          f.items = new Array(max + 1).fill(null);
          for (const [k, v] of a.entries()) f.items[k as number] = share(v);
        } else f.items = a.valueList().map(share);
        return o;
      },
      'public getSize()': function (this: PhpObject) {
        return fx(this).items.length;
      },
      'public setSize(int $size)': function (this: PhpObject, n: number) {
        if (n < 0) rt.throwError('ValueError', 'SplFixedArray::setSize(): Argument #1 ($size) must be greater than or equal to 0');
        const f = fx(this);
        if (n < f.items.length) f.items.length = n;
        else while (f.items.length < n) f.items.push(null);
        return true;
      },
      'public offsetExists($index)': function (this: PhpObject, k: any) {
        return fixedHas(this, k, false);
      },
      'public offsetGet($index)': function (this: PhpObject, k: any) {
        return fx(this).items[fixedIndex(this, k)];
      },
      'public offsetSet($index, mixed $value)': function (this: PhpObject, k: any, v: any) {
        if (k === null || k === undefined) rt.throwError('RuntimeException', 'Index invalid or out of range');
        fx(this).items[fixedIndex(this, k, true)] = share(v);
      },
      'public offsetUnset($index)': function (this: PhpObject, k: any) {
        fx(this).items[fixedIndex(this, k)] = null;
      },
      'public getIterator(): Iterator': function (this: PhpObject) {
        return makeFixedIterator(this);
      },
      'public jsonSerialize(): array': function (this: PhpObject) {
        return PhpArray.fromList(fx(this).items.map(share));
      },
    }),
    handlers: {
      readDim(o: PhpObject, k: any) {
        if (overridden(o, 'offsetget')) return callMethodByName(o, 'offsetGet', [k === undefined ? null : k]);
        if (k === undefined) rt.throwError('Error', '[] operator not supported for SplFixedArray');
        return fx(o).items[fixedIndex(o, k)];
      },
      writeDim(o: PhpObject, k: any, v: any) {
        if (overridden(o, 'offsetset')) {
          callMethodByName(o, 'offsetSet', [k === undefined ? null : k, v]);
          return;
        }
        if (k === undefined) rt.throwError('Error', '[] operator not supported for SplFixedArray');
        fx(o).items[fixedIndex(o, k, true)] = share(v);
      },
      hasDim(o: PhpObject, k: any, checkEmpty: boolean) {
        // an overridden offsetExists() decides alone, also for empty()
        if (overridden(o, 'offsetexists')) return truthy(callMethodByName(o, 'offsetExists', [k]));
        return fixedHas(o, k, checkEmpty);
      },
      unsetDim(o: PhpObject, k: any) {
        if (overridden(o, 'offsetunset')) {
          callMethodByName(o, 'offsetUnset', [k]);
          return;
        }
        fx(o).items[fixedIndex(o, k)] = null;
      },
      count(o: PhpObject) {
        return overridden(o, 'count') ? callMethodByName(o, 'count', []) : fx(o).items.length;
      },
      debugInfo(o: PhpObject) {
        const out = ownProps(o);
        fx(o).items.forEach((v, i) => (out as [string | number, any][]).push([i, v]));
        return out;
      },
      clone(src: PhpObject, dst: PhpObject) {
        dst.native = { items: fx(src).items.map(share) };
      },
      iterate(o: PhpObject, byRef: boolean) {
        if (byRef) rt.throwError('Error', 'An iterator cannot be used with foreach by reference');
        if (overridden(o, 'getiterator')) {
          const it = callMethodByName(o, 'getIterator', []);
          return rt.core.iterate(it) as Iter;
        }
        return new FixedIter(o);
      },
    } as any,
  };
  try {
    r.class(fixedDecl);
  } catch {
    // JsonSerializable comes with the json extension: without it, the class still works
    r.class({ ...fixedDecl, interfaces: ['IteratorAggregate', 'ArrayAccess', 'Countable'] });
  }

  /** (array)$fixed: the properties, then the elements under integer keys (spl_fixedarray_object_get_properties) */
  function fixedArrayCast(o: PhpObject): PhpArray {
    const a = propsArray(o);
    fx(o).items.forEach((v, i) => a.set(i, share(v)));
    return a;
  }

  // the iterator SplFixedArray::getIterator() returns (an internal class in php-src)
  r.class({
    name: 'InternalIterator@SplFixedArray',
    flags: 32,
    interfaces: ['Iterator'],
    createNative(o: PhpObject) {
      o.native = { arr: null, i: 0 };
    },
    nativeMethods: {
      'public current(): mixed': function (this: PhpObject) {
        const n = this.native;
        const items = fx(n.arr).items;
        return n.i < items.length ? items[n.i] : null;
      },
      'public key(): mixed': function (this: PhpObject) {
        const n = this.native;
        return n.i < fx(n.arr).items.length ? n.i : null;
      },
      'public next(): void': function (this: PhpObject) {
        this.native.i++;
      },
      'public valid(): bool': function (this: PhpObject) {
        return this.native.i < fx(this.native.arr).items.length;
      },
      'public rewind(): void': function (this: PhpObject) {
        this.native.i = 0;
      },
    },
  });

  function makeFixedIterator(arr: PhpObject): PhpObject {
    const o = instantiate(rt.core.builtinClasses.get('internaliterator@splfixedarray') ?? rt.core.builtinClasses.get('internaliterator')!);
    o.native = { arr, i: 0 };
    return o;
  }

  // SplObjectStorage
  r.class({
    name: 'SplObjectStorage',
    interfaces: ['Countable', 'Iterator', 'Serializable', 'ArrayAccess'],
    createNative(o: PhpObject) {
      o.native = { map: new Map(), pos: 0 } as Storage;
    },
    nativeMethods: checked('SplObjectStorage', {
      'public attach(object $object, mixed $info = null)': function (this: PhpObject, obj: PhpObject, inf: any = null) {
        soAttach(this, obj, inf);
      },
      'public detach(object $object)': function (this: PhpObject, obj: PhpObject) {
        soDetach(this, obj);
      },
      'public contains(object $object)': function (this: PhpObject, obj: PhpObject) {
        return so(this).map.has(storageKey(this, obj));
      },
      'public addAll(SplObjectStorage $storage)': function (this: PhpObject, other: PhpObject) {
        for (const e of [...so(other).map.values()]) soAttach(this, e.obj, e.inf);
        return so(this).map.size;
      },
      'public removeAll(SplObjectStorage $storage)': function (this: PhpObject, other: PhpObject) {
        for (const e of [...so(other).map.values()]) soDetach(this, e.obj);
        so(this).pos = 0;
        return so(this).map.size;
      },
      'public removeAllExcept(SplObjectStorage $storage)': function (this: PhpObject, other: PhpObject) {
        const keep = so(other);
        for (const e of [...so(this).map.values()]) if (!keep.map.has(storageKey(other, e.obj))) soDetach(this, e.obj);
        so(this).pos = 0;
        return so(this).map.size;
      },
      'public getInfo()': function (this: PhpObject) {
        const e = soEntryAt(so(this));
        return e ? e.inf : null;
      },
      'public setInfo(mixed $info)': function (this: PhpObject, inf: any) {
        const e = soEntryAt(so(this));
        if (e) e.inf = share(inf);
      },
      'public count(int $mode = COUNT_NORMAL)': function (this: PhpObject, mode = 0) {
        const s = so(this);
        if (mode === 1) {
          let n = s.map.size;
          for (const e of s.map.values()) {
            const c = rt.findFunction('count');
            if (c) n += Number(c.fn(e.inf instanceof PhpArray || e.inf instanceof PhpObject ? e.inf : new PhpArray(), 1)) || 0;
          }
          return n;
        }
        return s.map.size;
      },
      'public rewind()': function (this: PhpObject) {
        so(this).pos = 0;
      },
      'public valid()': function (this: PhpObject) {
        const s = so(this);
        return s.pos < s.map.size;
      },
      'public key()': function (this: PhpObject) {
        return so(this).pos;
      },
      'public current()': function (this: PhpObject) {
        const e = soEntryAt(so(this));
        if (!e) rt.throwError('RuntimeException', 'Called current() on invalid iterator');
        return e!.obj;
      },
      'public next()': function (this: PhpObject) {
        so(this).pos++;
      },
      'public unserialize(string $data)': function (this: PhpObject, data: string) {
        soUnserialize(this, data);
      },
      'public serialize()': function (this: PhpObject) {
        return soSerialize(this);
      },
      'public offsetExists($object)': function (this: PhpObject, obj: any) {
        if (!(obj instanceof PhpObject)) rt.throwError('TypeError', `SplObjectStorage::offsetExists(): Argument #1 ($object) must be of type object, ${typeof obj} given`);
        return so(this).map.has(storageKey(this, obj));
      },
      'public offsetGet($object)': function (this: PhpObject, obj: any) {
        if (!(obj instanceof PhpObject)) rt.throwError('TypeError', `SplObjectStorage::offsetGet(): Argument #1 ($object) must be of type object, ${typeof obj} given`);
        const e = so(this).map.get(storageKey(this, obj));
        if (!e) rt.throwError('UnexpectedValueException', 'Object not found');
        return e!.inf;
      },
      'public offsetSet($object, mixed $info = null)': function (this: PhpObject, obj: any, inf: any = null) {
        if (!(obj instanceof PhpObject)) rt.throwError('TypeError', `SplObjectStorage::offsetSet(): Argument #1 ($object) must be of type object, ${typeof obj} given`);
        soAttach(this, obj, inf);
      },
      'public offsetUnset($object)': function (this: PhpObject, obj: any) {
        if (!(obj instanceof PhpObject)) rt.throwError('TypeError', `SplObjectStorage::offsetUnset(): Argument #1 ($object) must be of type object, ${typeof obj} given`);
        soDetach(this, obj);
      },
      'public getHash(object $object)': function (this: PhpObject, obj: PhpObject) {
        return callFunction('spl_object_hash', [obj]);
      },
      'public __serialize()': function (this: PhpObject) {
        const a = new PhpArray();
        const st = new PhpArray();
        for (const e of so(this).map.values()) {
          st.append(e.obj);
          st.append(share(e.inf));
        }
        a.append(st);
        a.append(propsArray(this));
        return a;
      },
      'public __unserialize(array $data)': function (this: PhpObject, data: PhpArray) {
        const st = data.get(0), members = data.get(1);
        if (data.size !== 2 || !(st instanceof PhpArray) || !(members instanceof PhpArray)) {
          rt.throwError('UnexpectedValueException', 'Incomplete or ill-typed serialization data');
        }
        if (st.size % 2 !== 0) rt.throwError('UnexpectedValueException', 'Odd number of elements');
        const vals = st.valueList();
        for (let i = 0; i < vals.length; i += 2) {
          if (!(vals[i] instanceof PhpObject)) rt.throwError('UnexpectedValueException', 'Non-object key');
          soAttach(this, vals[i], vals[i + 1]);
        }
        for (const [k, v] of members.entries()) this.p[String(k)] = share(v);
      },
      'public __debugInfo()': function (this: PhpObject) {
        return debugArray(soDebug(this));
      },
    }),
    handlers: {
      readDim(o: PhpObject, k: any) {
        return callMethodByName(o, 'offsetGet', [k === undefined ? null : k]);
      },
      writeDim(o: PhpObject, k: any, v: any) {
        callMethodByName(o, 'offsetSet', [k === undefined ? null : k, v]);
      },
      hasDim(o: PhpObject, k: any, checkEmpty: boolean) {
        if (overridden(o, 'offsetexists') || !(k instanceof PhpObject)) {
          if (!truthy(callMethodByName(o, 'offsetExists', [k]))) return false;
        } else if (!so(o).map.has(storageKey(o, k))) return false;
        const v = so(o).map.get(storageKey(o, k))?.inf;
        return checkEmpty ? truthy(v) : v !== null && v !== undefined;
      },
      unsetDim(o: PhpObject, k: any) {
        callMethodByName(o, 'offsetUnset', [k]);
      },
      count(o: PhpObject) {
        return overridden(o, 'count') ? callMethodByName(o, 'count', []) : so(o).map.size;
      },
      debugInfo(o: PhpObject) {
        return overridden(o, '__debuginfo') ? null : soDebug(o);
      },
      clone(src: PhpObject, dst: PhpObject) {
        const m = new Map();
        for (const [k, e] of so(src).map) m.set(k, { obj: e.obj, inf: share(e.inf) });
        dst.native = { map: m, pos: 0 };
      },
    } as any,
  });
  void toStr;
}

function soUnserialize(o: PhpObject, data: string): void {
  const bad = (pos: number): never => rt.throwError('UnexpectedValueException', `Error at offset ${pos} of ${data.length} bytes`);
  if (data === '') return;
  const m = /^x:i:(\d+);/.exec(data);
  if (!m) bad(0);
  const n = parseInt(m![1], 10);
  let rest = data.slice(m![0].length);
  let consumed = m![0].length;
  const take = (): any => {
    for (let end = 1; end <= rest.length; end++) {
      const c = rest[end - 1];
      if (c !== ';' && c !== '}') continue;
      const chunk = rest.slice(0, end);
      const v = callFunction('unserialize', [chunk]);
      if (v !== false || chunk === 'b:0;') {
        rest = rest.slice(end);
        consumed += end;
        return v;
      }
    }
    return bad(consumed);
  };
  for (let i = 0; i < n; i++) {
    const obj = take();
    if (rest[0] !== ',') bad(consumed);
    rest = rest.slice(1);
    consumed++;
    const inf = take();
    if (rest[0] !== ';') bad(consumed);
    rest = rest.slice(1);
    consumed++;
    if (!(obj instanceof PhpObject)) bad(consumed);
    soAttach(o, obj, inf);
  }
  if (!rest.startsWith('m:')) bad(consumed);
  const members = callFunction('unserialize', [rest.slice(2)]);
  if (members instanceof PhpArray) for (const [k, v] of members.entries()) o.p[String(k)] = share(v);
}
