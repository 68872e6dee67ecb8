// foreach: one iteration protocol for arrays (by value over a copy-on-write snapshot, or by reference
// over the live array), Iterator / IteratorAggregate / Generator objects, built-in iterable objects and
// plain objects (their visible properties).

import { takeFloat, discardF, FLOATING } from './refcount.js';
import { PhpArray, Key } from './array.js';
import { PhpObject, PhpClass, Vis } from './object.js';
import { Ref, UNINIT } from './values.js';
import { addTypeSource } from './typedref.js';
import { rt } from './request.js';
import { typeName } from './convert.js';
import { callMethodByName } from './objects.js';
import { visible } from './calls.js';
import { callMethodF } from './variants.js';

export interface Iter {
  /** the current key and value after next() returned true */
  k: any;
  v: any;
  next(): boolean;
  /** next() in a fiber variant, for iterators whose steps run PHP code (Generator, Iterator objects) */
  nextF?(): Generator<any, boolean, any>;
  end(): void;
  /** foreach by reference: the current element's Ref */
  ref(): Ref;
}

class ArrayIter implements Iter {
  k: any = null;
  v: any = null;
  private i = 0;
  constructor(private readonly a: PhpArray) {
    a.rc++;
  }
  next(): boolean {
    const a = this.a;
    let i = this.i;
    const n = a.slotCount;
    if (a.keys === null) {
      if (i >= n) return false;
      this.k = i;
      this.v = a.valAt(i);
      this.i = i + 1;
      return true;
    }
    while (i < n && a.isHole(i)) i++;
    if (i >= n) return false;
    this.k = a.keyAt(i);
    this.v = a.valAt(i);
    this.i = i + 1;
    return true;
  }
  end(): void {
    if (this.a.rc > 0) this.a.rc--;
  }
  ref(): Ref {
    return new Ref(this.v);
  }
}

/** foreach ($a as &$v): iterates the live array held by `holder`, turning elements into Refs. */
class ArrayRefIter implements Iter {
  k: any = null;
  v: any = null;
  private i = 0;
  private cur: Ref | null = null;
  constructor(private readonly holder: Ref) {}
  next(): boolean {
    let a = this.holder.v;
    if (!(a instanceof PhpArray)) return false;
    if (a.rc > 0) a = this.holder.v = a.sep();
    let i = this.i;
    while (i < a.slotCount && a.isHole(i)) i++;
    if (i >= a.slotCount) return false;
    this.k = a.keyAt(i);
    const r = a.refAtSlot(i);
    this.cur = r;
    this.v = r.v;
    this.i = i + 1;
    return true;
  }
  end(): void {}
  ref(): Ref {
    return this.cur!;
  }
}

class IteratorIter implements Iter {
  v: any = null;
  private key: any = null;
  private hasKey = false;
  private started = false;
  constructor(private readonly o: PhpObject) {}
  /** key() is called only when the key is used (foreach without `$k =>` never calls it) */
  get k(): any {
    if (!this.hasKey) {
      this.hasKey = true;
      this.key = callMethodByName(this.o, 'key', []);
    }
    return this.key;
  }
  next(): boolean {
    const o = this.o;
    this.hasKey = false;
    this.key = null;
    if (!this.started) {
      this.started = true;
      callMethodByName(o, 'rewind', []);
    } else {
      callMethodByName(o, 'next', []);
    }
    const valid = callMethodByName(o, 'valid', []);
    if (!valid || valid === '0' || valid === '') return false;
    this.v = callMethodByName(o, 'current', []);
    return true;
  }
  *nextF(): Generator<any, boolean, any> {
    const o = this.o;
    if (!this.started) {
      this.started = true;
      yield* callMethodF(o, 'rewind');
    } else {
      yield* callMethodF(o, 'next');
    }
    const valid = yield* callMethodF(o, 'valid');
    if (!valid || valid === '0' || valid === '') return false;
    this.v = yield* callMethodF(o, 'current');
    this.key = yield* callMethodF(o, 'key');
    this.hasKey = true;
    return true;
  }
  end(): void {}
  ref(): Ref {
    return new Ref(this.v);
  }
}

class PropsIter implements Iter {
  k: any = null;
  v: any = null;
  private keys: string[];
  private i = 0;
  private cur: Ref | null = null;
  constructor(private readonly o: PhpObject, private readonly scope: PhpClass | null, private readonly byRef: boolean) {
    this.keys = Object.keys(o.p);
  }
  next(): boolean {
    const o = this.o;
    while (this.i < this.keys.length) {
      const key = this.keys[this.i++];
      if (!(key in o.p)) continue;
      const raw = o.p[key];
      if (raw === UNINIT) continue;
      const name = visibleName(o, key, this.scope);
      if (name === null) continue;
      this.k = /^(0|-?[1-9][0-9]*)$/.test(name) && Number.isSafeInteger(Number(name)) ? Number(name) : name;
      if (this.byRef) {
        if (raw instanceof Ref) this.cur = raw;
        else {
          const info = o.cls.allSlots.find((p) => p.key === key);
          if (info && info.readonly) rt.throwError('Error', `Cannot acquire reference to readonly property ${info.cls.name}::$${info.name}`);
          this.cur = o.p[key] = new Ref(raw);
          if (info && info.type) addTypeSource(this.cur, info);
        }
        this.v = this.cur.v;
      } else this.v = raw instanceof Ref ? raw.v : raw;
      return true;
    }
    // dynamic properties added during iteration
    const now = Object.keys(o.p);
    if (now.length > this.keys.length) {
      this.keys = now;
      return this.next();
    }
    return false;
  }
  end(): void {}
  ref(): Ref {
    return this.cur ?? new Ref(this.v);
  }
}

/** The property name a bag key shows as from `scope`, or null when not visible there. */
function visibleName(o: PhpObject, key: string, scope: PhpClass | null): string | null {
  if (key.charCodeAt(0) === 0) {
    const end = key.indexOf('\0', 1);
    const owner = key.slice(1, end);
    if (!scope || scope.name !== owner) return null;
    return key.slice(end + 1);
  }
  const info = o.cls.props.get(key);
  if (info && info.vis !== Vis.Public && !visible(info.vis, info.cls, scope)) return null;
  return key;
}

const EMPTY: Iter = {
  k: null,
  v: null,
  next: () => false,
  end: () => {},
  ref: () => new Ref(null),
};

/** foreach ($v as ...) by value. */
export function iter(v: any, scope: PhpClass | null): Iter {
  if (v instanceof PhpArray) return new ArrayIter(v);
  if (v instanceof PhpObject) return objectIter(v, scope, false);
  rt.warn(`foreach() argument must be of type array|object, ${typeName(v === undefined ? null : v)} given`);
  return EMPTY;
}

/** foreach ($v as &...) over the Ref holding the subject. */
export function iterRef(holder: Ref, scope: PhpClass | null = null): Iter {
  const v = holder.v;
  if (v instanceof PhpArray) return new ArrayRefIter(holder);
  if (v instanceof PhpObject) return objectIter(v, scope, true);
  rt.warn(`foreach() argument must be of type array|object, ${typeName(v === undefined ? null : v)} given`);
  return EMPTY;
}

export function objectIter(o: PhpObject, scope: PhpClass | null, byRef: boolean): Iter {
  const core = rt.core;
  const h = o.cls.handlers as any;
  if (h && h.iterate) {
    // a handler may decline (null) when user code overrides the iteration methods
    const it = h.iterate(o, byRef);
    if (it) return it;
  }
  const iterator = core.builtinClasses.get('iterator')!;
  if (o.cls.isSubclassOf(iterator)) {
    if (byRef) {
      // only ArrayIterator and generators (with their own iterate handlers) can be iterated by reference
      rt.throwError('Error', 'An iterator cannot be used with foreach by reference');
    }
    return new IteratorIter(o);
  }
  const aggregate = core.builtinClasses.get('iteratoraggregate')!;
  if (o.cls.isSubclassOf(aggregate)) {
    let inner = callMethodByName(o, 'getIterator', []);
    for (let depth = 0; inner instanceof PhpObject && !inner.cls.isSubclassOf(iterator) && inner.cls.isSubclassOf(aggregate) && depth < 32; depth++) {
      inner = callMethodByName(inner, 'getIterator', []);
    }
    if (!(inner instanceof PhpObject) || !inner.cls.isSubclassOf(core.builtinClasses.get('traversable')!)) {
      rt.throwError('Exception', `Objects returned by ${o.cls.name}::getIterator() must be traversable or implement interface Iterator`);
    }
    // an iterator only getIterator() held dies with the loop (FE_FREE), unless something kept it
    const floated = takeFloat(inner) as PhpObject;
    const it = objectIter(floated, scope, byRef);
    if (floated.rc !== FLOATING) return it;
    const end = it.end;
    it.end = function (this: Iter) {
      end.call(this);
      discardF(floated);
    };
    return it;
  }
  return new PropsIter(o, scope, byRef);
}

/** The properties of o as foreach sees them from scope, without the object's own iteration (ArrayIterator over an object). */
export function propsIter(o: PhpObject, scope: PhpClass | null, byRef: boolean): Iter {
  return new PropsIter(o, scope, byRef);
}

export type { Key };
