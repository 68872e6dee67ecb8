// PHP's ordered hash table (zend_hash.c), with the two layouts php-src has:
//  - packed: keys are exactly 0..n-1 in order; values in `vals`, no key storage at all
//  - hash: keys in `keys`, values in `vals` (same slot); deleted slots are holes. The slot of an int key
//    0 <= k < idx.length is idx[k] (a direct index: 1-based arrays and keys written out of order stay
//    as fast as a list); every other key's slot is in a Map.
// Copy-on-write: `rc` counts the extra holders of this array (a variable assignment, an argument kept by
// a callee, an element...). A holder that wants to write calls `sep()` first: when rc > 0 it gets its own
// copy and the shared original loses one holder. Over-counting (a holder that went away without telling)
// costs at most one extra copy; it never makes a write visible through another holder.

import { Ref } from './values.js';

export type Key = number | string | bigint;

/** A hole left in `keys` by a deletion in hash layout. */
const HOLE: unique symbol = Symbol('hole');

export class PhpArray {
  /** values by slot */
  vals: any[];
  /** keys by slot; null while the array is packed */
  keys: (Key | typeof HOLE)[] | null = null;
  /** key → slot for keys not in `idx`; null while packed */
  map: Map<Key, number> | null = null;
  /** hash layout: slot of int key k for 0 <= k < idx.length (undefined: absent); null while packed */
  idx: (number | undefined)[] | null = null;
  /** how many int keys the Map holds (they must move when idx grows over them) */
  private mapInts = 0;
  /** number of live elements */
  size: number;
  /** next integer key for $a[] (nNextFreeElement); -Infinity until an integer key is used (then max key + 1, negative keys too) */
  nextFree: number | bigint;
  /** extra holders (copy-on-write) */
  rc = 0;
  /** internal pointer (current/next/reset/end): a slot index */
  pos = 0;
  /** set when some element is a Ref (so plain reads can skip the check) */
  hasRefs = false;

  constructor(vals?: any[]) {
    this.vals = vals ?? [];
    this.size = this.vals.length;
    this.nextFree = this.size === 0 ? -Infinity : this.size;
  }

  static fromList(vals: any[]): PhpArray {
    return new PhpArray(vals);
  }

  /** An array from [key, value] pairs (keys already normalised). */
  static fromEntries(entries: Iterable<[Key, any]>): PhpArray {
    const a = new PhpArray();
    for (const [k, v] of entries) a.set(k, v);
    return a;
  }

  get packed(): boolean {
    return this.keys === null;
  }

  // ───────────── reading ─────────────

  /** The value at key (a Ref is followed), or undefined when absent. */
  get(k: Key): any {
    let v;
    if (this.keys === null) {
      if (typeof k !== 'number' || k < 0 || k >= this.vals.length) return undefined;
      v = this.vals[k];
    } else {
      const slot = this.slotOf(k);
      if (slot === undefined) return undefined;
      v = this.vals[slot];
    }
    return this.hasRefs && v instanceof Ref ? v.v : v;
  }

  /** Hash layout: the slot of key k, or undefined. */
  slotOf(k: Key): number | undefined {
    if (typeof k === 'number' && k >= 0) {
      const idx = this.idx!;
      if (k < idx.length) return idx[k];
    }
    return this.map!.get(k);
  }

  /** The stored slot content at key (a Ref is returned as is), or undefined. */
  getRaw(k: Key): any {
    if (this.keys === null) {
      return typeof k === 'number' && k >= 0 && k < this.vals.length ? this.vals[k] : undefined;
    }
    const slot = this.slotOf(k);
    return slot === undefined ? undefined : this.vals[slot];
  }

  has(k: Key): boolean {
    if (this.keys === null) return typeof k === 'number' && k >= 0 && k < this.vals.length;
    return this.slotOf(k) !== undefined;
  }

  // ───────────── writing (callers have separated the array first) ─────────────

  set(k: Key, v: any): void {
    if (this.keys === null) {
      const n = this.vals.length;
      if (typeof k === 'number' && k >= 0 && k <= n) {
        if (k === n) {
          this.vals.push(v);
          this.size++;
          if (n >= (this.nextFree as number)) this.nextFree = n + 1;
          return;
        }
        const old = this.vals[k];
        if (this.hasRefs && old instanceof Ref && !(v instanceof Ref)) old.v = v;
        else this.vals[k] = v;
        return;
      }
      this.toHash();
    }
    const slot = this.slotOf(k);
    if (slot !== undefined) {
      const old = this.vals[slot];
      if (this.hasRefs && old instanceof Ref && !(v instanceof Ref)) old.v = v;
      else this.vals[slot] = v;
      return;
    }
    this.placeKey(k, this.vals.length);
    this.keys!.push(k);
    this.vals.push(v);
    this.size++;
    if (typeof k !== 'string' && k >= this.nextFree) {
      this.nextFree = typeof k === 'number' ? k + 1 : k + 1n;
      if (typeof this.nextFree === 'bigint' && this.nextFree <= 9007199254740991n) this.nextFree = Number(this.nextFree);
    }
  }

  /** Stores a Ref in the slot (binding the element by reference). */
  setRef(k: Key, r: Ref): void {
    this.hasRefs = true;
    if (this.keys === null && typeof k === 'number' && k >= 0 && k < this.vals.length) {
      this.vals[k] = r;
      return;
    }
    if (this.keys !== null) {
      const slot = this.slotOf(k);
      if (slot !== undefined) {
        this.vals[slot] = r;
        return;
      }
    }
    this.set(k, r);
  }

  /**
   * Records a new key's slot (hash layout): in idx when the key fits or idx may grow to it (up to four
   * times the element count, so a lone huge key does not allocate a huge index), else in the Map.
   */
  private placeKey(k: Key, slot: number): void {
    if (typeof k === 'number' && k >= 0) {
      const idx = this.idx!;
      if (k < idx.length) {
        idx[k] = slot;
        return;
      }
      if (k < 4 * this.size + 64) {
        this.growIdx(k + 1);
        this.idx![k] = slot;
        return;
      }
      // keys written from high to low ($a[$i] = … for $i counting down): once the int keys so far
      // fill a sixteenth of the range below the highest, the index takes them all (at most sixteen
      // index entries per element), instead of a Map that would take a quarter of them first
      const top = this.nextFree;
      if (typeof top === 'number' && this.mapInts >= 32 && top <= 16 * this.size + 64) {
        this.growIdx(Math.max(k + 1, top));
        this.idx![k] = slot;
        return;
      }
      this.mapInts++;
    }
    this.map!.set(k, slot);
  }

  /** Grows idx to cover keys below n (at least doubling), moving such int keys out of the Map. */
  private growIdx(n: number): void {
    const idx = this.idx!;
    const cap = Math.max(n, idx.length * 2);
    const old = idx.length;
    idx.length = cap;
    if (this.mapInts === 0) return;
    for (const [k, slot] of this.map!) {
      if (typeof k === 'number' && k >= old && k < cap) {
        idx[k] = slot;
        this.map!.delete(k);
        this.mapInts--;
      }
    }
  }

  /** Forgets a key's slot (hash layout). */
  private unplaceKey(k: Key): void {
    if (typeof k === 'number' && k >= 0) {
      const idx = this.idx!;
      if (k < idx.length) {
        idx[k] = undefined;
        return;
      }
      if (this.map!.delete(k)) this.mapInts--;
      return;
    }
    this.map!.delete(k);
  }

  /** The key $a[] would use now. */
  nextKey(): number | bigint {
    return this.nextFree === -Infinity ? 0 : this.nextFree;
  }

  /** $a[] = v. Returns false when the next key would overflow (PHP warns and does nothing). */
  append(v: any): boolean {
    if (this.keys === null && (this.nextFree === this.vals.length || (this.nextFree === -Infinity && this.vals.length === 0))) {
      this.vals.push(v);
      this.size++;
      this.nextFree = this.vals.length;
      return true;
    }
    const k = this.nextKey();
    if (typeof k === 'bigint' && k > 9223372036854775807n) return false;
    if (typeof k === 'bigint' && this.nextFreeOverflowed) return false;
    this.set(k, v);
    return true;
  }

  /** Set once an element with key PHP_INT_MAX exists: the next append fails. */
  private get nextFreeOverflowed(): boolean {
    return this.nextFree === 9223372036854775808n;
  }

  /** The Ref for an element, creating the element (null) and converting it to a Ref as needed. */
  refAt(k: Key): Ref {
    const raw = this.getRaw(k);
    if (raw instanceof Ref) return raw;
    const r = new Ref(raw === undefined ? null : raw);
    this.setRef(k, r);
    return r;
  }

  /** A Ref for a new element appended with $a[] (for `$x = &$a[]`). */
  appendRef(): Ref | null {
    const r = new Ref(null);
    if (!this.append(r)) return null;
    this.hasRefs = true;
    return r;
  }

  delete(k: Key): void {
    if (this.keys === null) {
      if (typeof k !== 'number' || k < 0 || k >= this.vals.length) return;
      if (k === this.vals.length - 1) {
        this.vals.pop();
        this.size--;
        return;
      }
      this.toHash();
    }
    const slot = this.slotOf(k);
    if (slot === undefined) return;
    this.unplaceKey(k);
    this.keys![slot] = HOLE;
    this.vals[slot] = undefined;
    this.size--;
    // trailing holes can go at once; otherwise compact when holes dominate
    if (slot === this.keys!.length - 1) {
      while (this.keys!.length > 0 && this.keys![this.keys!.length - 1] === HOLE) {
        this.keys!.pop();
        this.vals.pop();
      }
    } else if (this.keys!.length > 16 && this.size < this.keys!.length >> 1) {
      this.compact();
    }
  }

  private toHash(): void {
    const n = this.vals.length;
    const keys: Key[] = new Array(n);
    const idx: (number | undefined)[] = new Array(Math.max(8, n * 2));
    for (let i = 0; i < n; i++) {
      keys[i] = i;
      idx[i] = i;
    }
    this.keys = keys;
    this.idx = idx;
    this.map = new Map();
    this.mapInts = 0;
  }

  private compact(): void {
    const keys = this.keys!;
    const vals = this.vals;
    const nk: Key[] = [];
    const nv: any[] = [];
    this.idx = new Array(this.idx!.length);
    this.map = new Map();
    this.mapInts = 0;
    let newPos = -1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === HOLE) continue;
      if (newPos < 0 && i >= this.pos) newPos = nk.length;
      this.placeKey(k, nk.length);
      nk.push(k);
      nv.push(vals[i]);
    }
    this.pos = newPos < 0 ? nk.length : newPos;
    this.keys = nk;
    this.vals = nv;
  }

  // ───────────── slots: the iteration API (foreach, builtins) ─────────────

  /** Number of slots, holes included: iterate i from 0 while i < slotCount and skip isHole(i). */
  get slotCount(): number {
    return this.vals.length;
  }
  isHole(i: number): boolean {
    return this.keys !== null && this.keys[i] === HOLE;
  }
  keyAt(i: number): Key {
    return this.keys === null ? i : (this.keys[i] as Key);
  }
  valAt(i: number): any {
    const v = this.vals[i];
    return this.hasRefs && v instanceof Ref ? v.v : v;
  }
  rawAt(i: number): any {
    return this.vals[i];
  }
  /** Turns the element in slot i into a Ref (foreach by reference) and returns it. */
  refAtSlot(i: number): Ref {
    const v = this.vals[i];
    if (v instanceof Ref) return v;
    const r = new Ref(v);
    this.vals[i] = r;
    this.hasRefs = true;
    return r;
  }
  /** The first live slot at or after i, or slotCount. */
  nextSlot(i: number): number {
    if (this.keys === null) return i;
    const keys = this.keys;
    while (i < keys.length && keys[i] === HOLE) i++;
    return i;
  }
  /** The last live slot at or before i, or -1. */
  prevSlot(i: number): number {
    if (this.keys === null) return i;
    const keys = this.keys;
    while (i >= 0 && keys[i] === HOLE) i--;
    return i;
  }

  *entries(): IterableIterator<[Key, any]> {
    for (let i = 0; i < this.vals.length; i++) {
      if (this.keys !== null && this.keys[i] === HOLE) continue;
      yield [this.keyAt(i), this.valAt(i)];
    }
  }
  *values(): IterableIterator<any> {
    for (let i = 0; i < this.vals.length; i++) {
      if (this.keys !== null && this.keys[i] === HOLE) continue;
      yield this.valAt(i);
    }
  }
  keyList(): Key[] {
    if (this.keys === null) return Array.from({ length: this.vals.length }, (_, i) => i);
    return this.keys.filter((k) => k !== HOLE) as Key[];
  }
  valueList(): any[] {
    if (this.keys === null && !this.hasRefs) return this.vals.slice();
    return Array.from(this.values());
  }

  // ───────────── copy-on-write ─────────────

  /** A copy with the same keys, values, order, next free key and internal pointer. */
  clone(): PhpArray {
    const vals = this.vals.slice();
    // nested arrays now have one more holder: the copy
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i];
      if (v instanceof PhpArray) v.rc++;
    }
    const c = new PhpArray(vals);
    c.size = this.size;
    c.nextFree = this.nextFree;
    c.pos = this.pos;
    if (this.keys !== null) {
      c.keys = this.keys.slice();
      c.map = new Map(this.map!);
      c.idx = this.idx!.slice();
      c.mapInts = this.mapInts;
    }
    if (this.hasRefs) {
      // zend_array_dup: a reference only this array holds is copied as its value; the copy shares
      // the others (it is one more holder of each)
      c.hasRefs = true;
      for (let i = 0; i < vals.length; i++) {
        const v = vals[i];
        if (!(v instanceof Ref)) continue;
        if (v.n <= 1 && v.v !== this) {
          const inner = v.v;
          if (inner instanceof PhpArray) inner.rc++;
          vals[i] = inner;
        } else v.n++;
      }
    }
    return c;
  }

  /** This array if unshared; else a private copy (and this one loses a holder). */
  sep(): PhpArray {
    if (this.rc === 0) return this;
    this.rc--;
    return this.clone();
  }
}

/** Marks a value as having one more holder (assignment by value). Arrays only; others are immutable or handles. */
export function share<T>(v: T): T {
  if (v instanceof PhpArray) v.rc++;
  return v;
}

/**
 * PHP's array key normalisation for a string key: "123" → 123, "-5" → -5, but "0123", "1.5", " 1",
 * "-0" and out-of-range integers stay strings (ZEND_HANDLE_NUMERIC_STR).
 */
export function normStrKey(s: string): Key {
  const n = s.length;
  if (n === 0 || n > 20) return s;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */) {
    if (n === 1) return s;
    i = 1;
  }
  const first = s.charCodeAt(i);
  if (first < 48 || first > 57) return s;
  if (first === 48 && n > i + 1) return s; // leading zero
  if (first === 48 && i === 1) return s; // "-0"
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return s;
  }
  if (n - i < 16) return +s;
  const b = BigInt(s);
  if (b > 9223372036854775807n || b < -9223372036854775808n) return s;
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}
