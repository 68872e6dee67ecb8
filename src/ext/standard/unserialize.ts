// ext/standard/var_unserializer.re: unserialize(), with PHP's error offsets, back-references (r:/R:
// number the values in the order they are read, from 1), delayed __wakeup/__unserialize calls,
// allowed_classes, max_depth and __PHP_Incomplete_Class.

import type { Registry } from '../../engine/extension.js';
import { PhpArray, Key, normStrKey } from '../../runtime/array.js';
import { PhpObject, PhpClass, NO_MATCH } from '../../runtime/object.js';
import { Ref, UNINIT, mkFloat, intFromBig } from '../../runtime/values.js';
import { toStr } from '../../runtime/convert.js';
import { rt } from '../../runtime/request.js';
import { findClass, newInstance, callMethodByName } from '../../runtime/objects.js';
import { enumCase } from '../../runtime/classdecl.js';
import { resolveCallable, callBound } from '../../runtime/calls.js';
import { givenType } from '../../runtime/types.js';
import { serState, withLock, notSerializable, isSerializable, hasMethod, INCOMPLETE_CLASS, INCOMPLETE_NAME } from './serialize.js';

// ───────────── slots: where a value read is stored (var_hash keeps pointers to them) ─────────────

interface Slot {
  get(): any;
  set(v: any): void;
}

class BoxSlot implements Slot {
  v: any = null;
  get(): any {
    return this.v;
  }
  set(v: any): void {
    this.v = v;
  }
}

/** Stores a value in an array slot as is (replacing a Ref rather than writing through it). */
function arrSetRaw(a: PhpArray, k: Key, v: any): void {
  if (v instanceof Ref) {
    a.setRef(k, v);
    return;
  }
  if (a.getRaw(k) instanceof Ref) {
    const idx = a.packed ? (k as number) : a.slotOf(k)!;
    a.vals[idx] = v;
    return;
  }
  a.set(k, v);
}

class ArrSlot implements Slot {
  constructor(readonly a: PhpArray, readonly k: Key) {}
  get(): any {
    return this.a.getRaw(this.k);
  }
  set(v: any): void {
    arrSetRaw(this.a, this.k, v);
  }
}

class PropSlot implements Slot {
  constructor(readonly o: PhpObject, readonly key: string) {}
  get(): any {
    return this.o.p[this.key];
  }
  set(v: any): void {
    this.o.p[this.key] = v;
  }
}

// ───────────── the unserialize context (php_unserialize_data) ─────────────

interface Delayed {
  o: PhpObject;
  /** null: __wakeup; an array: __unserialize's argument */
  data: PhpArray | null;
}

interface UnserCtx {
  entries: (Slot | null)[];
  delayed: Delayed[];
  /** lowercase class names allowed; null: all */
  allowed: Set<string> | null;
  maxDepth: number;
  curDepth: number;
}

let unserCtx: UnserCtx | null = null;
let unserLevel = 0;

function newCtx(): UnserCtx {
  const d = parseInt(rt.iniGet('unserialize_max_depth') ?? '4096', 10);
  return { entries: [], delayed: [], allowed: null, maxDepth: Number.isNaN(d) ? 4096 : d, curDepth: 0 };
}

/** var_destroy: the delayed __wakeup / __unserialize calls, in order; the first exception stops them. */
function runDelayed(ctx: UnserCtx, pending: boolean): void {
  let failed = pending;
  let err: unknown = null;
  for (const d of ctx.delayed) {
    if (failed) {
      d.o.destructed = true;
      continue;
    }
    try {
      withLock(() => {
        if (d.data) callMethodByName(d.o, '__unserialize', [d.data]);
        else callMethodByName(d.o, '__wakeup', []);
      });
    } catch (e) {
      failed = true;
      err = e;
      d.o.destructed = true;
    }
  }
  ctx.delayed = [];
  if (err !== null) throw err;
}

function incompleteClass(): PhpClass {
  const c = findClass(INCOMPLETE_CLASS, false)!;
  c.ext.allowDynamic = true;
  return c;
}

function isValidClassName(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 92 || c >= 128)) return false;
  }
  return true;
}

const RE_R = /[Rr]:([0-9]+);/y;
const RE_I = /i:([+-]?[0-9]+);/y;
const RE_D_SPECIAL = /d:(NAN|-?INF);/y;
const RE_D = /d:([+-]?(?:[0-9]*\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)(?:[eE][+-]?[0-9]+)?);/y;
const RE_S = /[sS]:([0-9]+):"/y;
const RE_A = /a:([0-9]+):\{/y;
const RE_O = /[OCE]:([0-9]+):"/y;

const LONG_MAX = 9223372036854775807n;

// ───────────── the parser ─────────────

class Parser {
  p = 0;
  readonly max: number;

  constructor(readonly buf: string, readonly ctx: UnserCtx) {
    this.max = buf.length;
  }

  private match(re: RegExp, at: number): RegExpExecArray | null {
    re.lastIndex = at;
    return re.exec(this.buf);
  }

  /** parse_iv2: a signed decimal from `at`; sets p past the digits; clamps with a warning. */
  private parseIv2(at: number): number | bigint {
    const b = this.buf;
    let i = at;
    let neg = false;
    if (b[i] === '-') {
      neg = true;
      i++;
    } else if (b[i] === '+') i++;
    while (b[i] === '0') i++;
    const start = i;
    while (i < this.max && b.charCodeAt(i) >= 48 && b.charCodeAt(i) <= 57) i++;
    this.p = i;
    const digits = b.slice(start, i);
    const v = digits.length ? BigInt(digits) : 0n;
    if (i - start > 19 || v > LONG_MAX + (neg ? 1n : 0n)) {
      rt.warn('unserialize(): Numerical result out of range');
      return neg ? -9223372036854775808n : LONG_MAX;
    }
    return intFromBig(neg ? -v : v);
  }

  private finish(): boolean {
    if (this.p >= this.max || this.buf[this.p] !== '}') return false;
    this.p++;
    return true;
  }

  /** php_var_unserialize_internal. `slot` null: an array key or property name (no var_hash). */
  read(slot: Slot | null, out?: { v: any }): boolean {
    const b = this.buf;
    const start = this.p;
    if (start >= this.max) return false;
    const hashed = slot !== null;
    const ch = b[start];
    if (hashed && ch !== 'R') this.ctx.entries.push(slot);
    const put = (v: any): true => {
      if (slot) slot.set(v);
      else out!.v = v;
      return true;
    };
    if (b[start + 1] !== ':' && ch !== 'N' && ch !== '}') return false;
    switch (ch) {
      case 'N':
        if (b[start + 1] !== ';') return false;
        this.p = start + 2;
        return put(null);
      case 'b': {
        const c = b[start + 2];
        if ((c !== '0' && c !== '1') || b[start + 3] !== ';') return false;
        this.p = start + 4;
        return put(c === '1');
      }
      case 'i': {
        const m = this.match(RE_I, start);
        if (!m) return false;
        const end = this.p = start + m[0].length;
        const v = this.parseIv2(start + 2);
        this.p = end;
        return put(v);
      }
      case 'd': {
        let m = this.match(RE_D_SPECIAL, start);
        if (m) {
          this.p = start + m[0].length;
          return put(m[1] === 'NAN' ? NaN : m[1] === 'INF' ? Infinity : -Infinity);
        }
        m = this.match(RE_D, start);
        if (!m) return false;
        this.p = start + m[0].length;
        return put(mkFloat(parseFloat(m[1])));
      }
      case 's':
      case 'S':
        return this.readString(start, ch === 'S', put);
      case 'R':
      case 'r': {
        const m = this.match(RE_R, start);
        if (!m) return false;
        this.p = start + m[0].length;
        if (!slot) return false;
        const id = Number(m[1]) - 1;
        const target = id >= 0 && id < this.ctx.entries.length ? this.ctx.entries[id] : null;
        if (!target || target === slot) return false;
        if (ch === 'R') {
          let raw = target.get();
          if (!(raw instanceof Ref)) {
            raw = new Ref(raw);
            target.set(raw);
          }
          // one more holder: the slot (var_dump shows the & of both); a bare result is no holder yet
          if (!(slot instanceof BoxSlot)) raw.n++;
          slot.set(raw);
          return true;
        }
        let v = target.get();
        if (v instanceof Ref) v = v.v;
        if (!(v instanceof PhpObject)) return false;
        slot.set(v);
        return true;
      }
      case 'a':
        return this.readArray(start, slot);
      case 'O':
      case 'C':
        return this.readObject(start, slot, ch === 'C');
      case 'E':
        return this.readEnum(start, slot);
      case '}':
        rt.notice('unserialize(): Unexpected end of serialized data');
        return false;
    }
    return false;
  }

  private readString(start: number, escaped: boolean, put: (v: any) => true): boolean {
    const m = this.match(RE_S, start);
    if (!m) return false;
    const b = this.buf;
    const len = Number(m[1]);
    let cur = start + m[0].length;
    if (this.max - cur < len) {
      this.p = start + 2;
      return false;
    }
    let str: string;
    if (!escaped) {
      str = b.substr(cur, len);
      cur += len;
    } else {
      const parts: string[] = [];
      for (let i = 0; i < len; i++) {
        if (cur >= this.max) return false;
        if (b[cur] !== '\\') parts.push(b[cur]);
        else {
          const hex = b.substr(cur + 1, 2);
          if (!/^[0-9a-fA-F]{2}$/.test(hex)) return false;
          parts.push(String.fromCharCode(parseInt(hex, 16)));
          cur += 2;
        }
        cur++;
      }
      str = parts.join('');
    }
    if (b[cur] !== '"') {
      this.p = cur;
      return false;
    }
    if (b[cur + 1] !== ';') {
      this.p = cur + 1;
      return false;
    }
    this.p = cur + 2;
    return put(str);
  }

  private readArray(start: number, slot: Slot | null): boolean {
    const m = this.match(RE_A, start);
    if (!m) return false;
    const cur = start + m[0].length;
    const elements = this.parseIv2(start + 2);
    this.p = cur;
    if (!slot) return false;
    if (elements < 0 || elements > (this.max - cur) / 2) return false;
    const arr = new PhpArray();
    slot.set(arr);
    if (elements === 0) return this.finish();
    if (!this.nestedArray(arr, Number(elements))) return false;
    return this.finish();
  }

  private depthExceeded(): boolean {
    const ctx = this.ctx;
    if (ctx.maxDepth > 0 && ctx.curDepth >= ctx.maxDepth) {
      rt.warn(`unserialize(): Maximum depth of ${ctx.maxDepth} exceeded. The depth limit can be changed using the max_depth unserialize() option or the unserialize_max_depth ini setting`);
      return true;
    }
    ctx.curDepth++;
    return false;
  }

  /** process_nested_array_data */
  nestedArray(arr: PhpArray, elements: number): boolean {
    if (this.depthExceeded()) return false;
    const ok = this.nestedArrayLoop(arr, elements);
    this.ctx.curDepth--;
    return ok;
  }

  private nestedArrayLoop(arr: PhpArray, elements: number): boolean {
    while (elements-- > 0) {
      const key = { v: undefined as any };
      if (!this.read(null, key)) return false;
      let k: Key;
      if (typeof key.v === 'number' || typeof key.v === 'bigint') k = key.v;
      else if (typeof key.v === 'string') k = normStrKey(key.v);
      else return false;
      arrSetRaw(arr, k, null);
      if (!this.read(new ArrSlot(arr, k))) return false;
      if (elements && this.buf[this.p - 1] !== ';' && this.buf[this.p - 1] !== '}') {
        this.p--;
        return false;
      }
    }
    return true;
  }

  /** process_nested_object_data */
  private nestedObject(o: PhpObject, elements: number): boolean {
    if (this.depthExceeded()) return false;
    const ok = this.nestedObjectLoop(o, elements);
    this.ctx.curDepth--;
    return ok;
  }

  private nestedObjectLoop(o: PhpObject, elements: number): boolean {
    while (elements-- > 0) {
      const key = { v: undefined as any };
      if (!this.read(null, key)) return false;
      let name: string;
      if (typeof key.v === 'string') name = key.v;
      else if (typeof key.v === 'number' || typeof key.v === 'bigint') name = String(key.v);
      else return false;
      const bagKey = this.propKey(o, name);
      if (bagKey === null) return false;
      const info = o.cls.allSlots.find((i) => i.key === bagKey) ?? null;
      o.p[bagKey] = null;
      if (!this.read(new PropSlot(o, bagKey))) return false;
      if (info && info.type) {
        const raw = o.p[bagKey];
        const v = raw instanceof Ref ? raw.v : raw;
        const r = info.type.check(v, true);
        if (r === NO_MATCH) {
          o.p[bagKey] = UNINIT;
          rt.throwError('TypeError', `Cannot assign ${givenType(v)} to property ${info.cls.name}::$${info.name} of type ${info.type.text}`);
        }
      }
      if (elements && this.buf[this.p - 1] !== ';' && this.buf[this.p - 1] !== '}') {
        this.p--;
        return false;
      }
    }
    return true;
  }

  /** The bag key a serialized property name lands in (visibility changes included); null: failure. */
  private propKey(o: PhpObject, name: string): string | null {
    const c = o.cls;
    let unmangled = name;
    let owner: string | null = null;
    if (name.charCodeAt(0) === 0) {
      const end = name.indexOf('\0', 1);
      if (end < 0) return null;
      owner = name.slice(1, end);
      unmangled = name.slice(end + 1);
      if (o.p[name] !== undefined) return name; // a private property of that class
    } else {
      const info = c.props.get(name);
      if (info) return info.key;
      if (o.p[name] !== undefined) return name;
    }
    if (owner !== null && (owner === '*' || owner.toLowerCase() === c.lcname)) {
      const info = c.props.get(unmangled);
      if (info) return info.key;
    }
    if (o.p[name] !== undefined) return name;
    // a new dynamic property
    if (c.isEnum || c.flags & 64) rt.throwError('Error', `Cannot create dynamic property ${c.name}::$${unmangled}`);
    let allowed = false;
    for (let k: PhpClass | null = c; k; k = k.parent) if (k.lcname === 'stdclass' || k.ext.allowDynamic) allowed = true;
    if (!allowed) rt.deprecated(`Creation of dynamic property ${c.name}::$${unmangled} is deprecated`);
    return name;
  }

  private resolveClass(name: string): { ce: PhpClass; incomplete: boolean } | null {
    const lc = name.toLowerCase();
    const allowed = this.ctx.allowed;
    if (allowed !== null && !(allowed.size && allowed.has(lc))) {
      if (!isValidClassName(name)) return null;
      return { ce: incompleteClass(), incomplete: true };
    }
    let ce = rt.classes.get(lc) ?? rt.core.builtinClasses.get(lc);
    if (ce && !ce.isAnonymous) return { ce, incomplete: false };
    if (!isValidClassName(name)) return null;
    ce = withLock(() => findClass(name, true)) ?? undefined;
    if (ce) return { ce, incomplete: false };
    const cb = rt.iniGet('unserialize_callback_func');
    if (!cb) return { ce: incompleteClass(), incomplete: true };
    const why = { reason: '' };
    const b = resolveCallable(cb, null, why);
    if (!b) rt.throwError('Error', `Invalid callback ${cb}, ${why.reason}`);
    withLock(() => callBound(b, [name]));
    ce = withLock(() => findClass(name, true)) ?? undefined;
    if (!ce) {
      rt.warn(`unserialize(): Function ${cb}() hasn't defined the class it was called for`);
      return { ce: incompleteClass(), incomplete: true };
    }
    return { ce, incomplete: false };
  }

  private readObject(start: number, slot: Slot | null, custom: boolean): boolean {
    const m = this.match(RE_O, start);
    if (!m) return false;
    if (!slot) {
      this.p = start + m[0].length;
      return false;
    }
    const b = this.buf;
    const len = Number(m[1]);
    let cur = start + m[0].length;
    if (this.max - cur < len || len === 0) {
      this.p = start + 2;
      return false;
    }
    const name = b.substr(cur, len);
    cur += len;
    if (b[cur] !== '"') {
      this.p = cur;
      return false;
    }
    if (b[cur + 1] !== ':') {
      this.p = cur + 1;
      return false;
    }
    if (name[0] === '\0' || name[0] === '\\') return false;
    const res = this.resolveClass(name);
    if (!res) return false;
    const { ce, incomplete } = res;
    this.p = cur;
    const quote = cur;
    if (notSerializable(ce)) rt.throwError('Exception', `Unserialization of '${ce.name}' is not allowed`);
    if (custom) return this.objectCustom(slot, ce, incomplete ? name : null);
    if (this.p >= this.max - 2) {
      rt.warn('Bad unserialize data');
      return false;
    }
    const elements = this.parseIv2(this.p + 2);
    if (elements < 0 || elements > (this.max - quote) / 2) return false;
    if (b[this.p] !== ':') return false;
    if (b[this.p + 1] !== '{') {
      this.p++;
      return false;
    }
    this.p += 2;
    const hasUnserialize = !incomplete && hasMethod(ce, '__unserialize');
    if (isSerializable(ce) && !hasUnserialize) {
      rt.warn(`Erroneous data format for unserializing '${ce.name}'`);
      return false;
    }
    const o = newInstance(ce, null);
    if (incomplete) o.p[INCOMPLETE_NAME] = name;
    slot.set(o);
    return this.objectCommon(o, Number(elements), hasUnserialize);
  }

  private objectCustom(slot: Slot, ce: PhpClass, incompleteName: string | null): boolean {
    const b = this.buf;
    const datalen = this.parseIv2(this.p + 2);
    if (this.max - this.p < 2) return false;
    if (b[this.p] !== ':') return false;
    if (b[this.p + 1] !== '{') {
      this.p++;
      return false;
    }
    this.p += 2;
    const present = this.max - this.p;
    if (datalen < 0 || present <= datalen) {
      rt.warn(`Insufficient data for unserializing - ${datalen} required, ${present} present`);
      return false;
    }
    const n = Number(datalen);
    if (b[this.p + n] !== '}') {
      this.p += n;
      return false;
    }
    if (!isSerializable(ce)) {
      rt.warn(`Class ${ce.name} has no unserializer`);
      const o = newInstance(ce, null);
      if (incompleteName !== null) o.p[INCOMPLETE_NAME] = incompleteName;
      slot.set(o);
    } else {
      const o = newInstance(ce, null);
      slot.set(o);
      callMethodByName(o, 'unserialize', [b.substr(this.p, n)]);
    }
    this.p += n + 1;
    return true;
  }

  private objectCommon(o: PhpObject, elements: number, hasUnserialize: boolean): boolean {
    if (hasUnserialize) {
      const ary = new PhpArray();
      if (!this.nestedArray(ary, elements)) {
        o.destructed = true;
        return false;
      }
      this.ctx.delayed.push({ o, data: ary });
      return this.finish();
    }
    const hasWakeup = o.cls.name !== INCOMPLETE_CLASS && hasMethod(o.cls, '__wakeup');
    if (!this.nestedObject(o, elements)) {
      if (hasWakeup) o.destructed = true;
      return false;
    }
    if (hasWakeup) this.ctx.delayed.push({ o, data: null });
    return this.finish();
  }

  private readEnum(start: number, slot: Slot | null): boolean {
    const m = this.match(RE_O, start);
    if (!m || !slot) return false;
    const b = this.buf;
    const len = Number(m[1]);
    let cur = start + m[0].length;
    if (this.max - cur < len || len === 0) {
      this.p = start + 2;
      return false;
    }
    const str = b.substr(cur, len);
    cur += len;
    if (b[cur] !== '"') {
      this.p = cur;
      return false;
    }
    if (b[cur + 1] !== ';') {
      this.p = cur + 1;
      return false;
    }
    const colon = str.indexOf(':');
    if (colon < 0) {
      rt.warn(`unserialize(): Invalid enum name '${str}' (missing colon)`);
      return false;
    }
    const enumName = str.slice(0, colon);
    const caseName = str.slice(colon + 1);
    if (!isValidClassName(enumName)) return false;
    const ce = findClass(enumName, true);
    if (!ce) {
      rt.warn(`unserialize(): Class '${enumName}' not found`);
      return false;
    }
    if (!ce.isEnum) {
      rt.warn(`unserialize(): Class '${enumName}' is not an enum`);
      return false;
    }
    this.p = cur + 2;
    const c = ce.consts.get(caseName);
    if (!c) {
      rt.warn(`unserialize(): Undefined constant ${enumName}::${caseName}`);
      return false;
    }
    if (!c.isCase) {
      rt.warn(`unserialize(): ${enumName}::${caseName} is not an enum case`);
      return false;
    }
    slot.set(enumCase(ce, caseName));
    return true;
  }
}

// ───────────── unserialize() ─────────────

function optionTypeName(v: any): string {
  return givenType(v);
}

export function phpUnserialize(data: string, options: PhpArray | null): any {
  if (data.length === 0) return false;
  const fresh = serState.lock > 0 || unserLevel === 0;
  let ctx: UnserCtx;
  if (fresh) {
    ctx = newCtx();
    if (serState.lock === 0) {
      unserCtx = ctx;
      unserLevel = 1;
    }
  } else {
    ctx = unserCtx!;
    unserLevel++;
  }
  const prevAllowed = ctx.allowed;
  const prevMax = ctx.maxDepth;
  const prevCur = ctx.curDepth;
  let pending = true;
  let result: any = false;
  const top = new BoxSlot();
  try {
    if (options) {
      const classes = options.get('allowed_classes');
      if (classes !== undefined) {
        if (!(classes instanceof PhpArray) && typeof classes !== 'boolean') {
          rt.throwError('TypeError', `unserialize(): Option "allowed_classes" must be of type array|bool, ${optionTypeName(classes)} given`);
        }
        if (classes instanceof PhpArray) {
          const set = new Set<string>();
          for (const v of classes.values()) set.add(toStr(v).toLowerCase());
          ctx.allowed = set;
        } else ctx.allowed = classes ? null : new Set();
      }
      const depth = options.get('max_depth');
      if (depth !== undefined) {
        if (!(typeof depth === 'number' && Number.isInteger(depth)) && typeof depth !== 'bigint') {
          rt.throwError('TypeError', `unserialize(): Option "max_depth" must be of type int, ${optionTypeName(depth)} given`);
        }
        if (depth < 0) rt.throwError('ValueError', 'unserialize(): Option "max_depth" must be greater than or equal to 0');
        ctx.maxDepth = Number(depth);
        ctx.curDepth = 0;
      }
    }
    const parser = new Parser(data, ctx);
    const origLen = ctx.entries.length;
    const ok = parser.read(top);
    if (!ok) {
      for (let i = origLen; i < ctx.entries.length; i++) ctx.entries[i] = null;
      rt.notice(`unserialize(): Error at offset ${parser.p} of ${data.length} bytes`);
      result = false;
    } else result = top;
    pending = false;
  } finally {
    ctx.allowed = prevAllowed;
    ctx.maxDepth = prevMax;
    ctx.curDepth = prevCur;
    const destroy = serState.lock > 0 || unserLevel === 1 || fresh;
    if (serState.lock === 0 && --unserLevel === 0) unserCtx = null;
    if (destroy) runDelayed(ctx, pending);
  }
  if (result === top) {
    const v = top.v;
    return v instanceof Ref ? v.v : v;
  }
  return false;
}

export function registerUnserialize(r: Registry): void {
  r.ini('unserialize_max_depth', '4096');
  r.ini('unserialize_callback_func', '');
  r.function('unserialize(string $data, array $options = []): mixed', (data: string, options: PhpArray) => phpUnserialize(data, options));
}
