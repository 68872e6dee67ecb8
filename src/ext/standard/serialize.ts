// ext/standard/var.c (serialize) and the shared state of serialize()/unserialize() (BG(serialize),
// BG(unserialize), BG(serialize_lock)). The unserializer itself is in unserialize.ts.
//
// Format: N; b:1; i:5; d:0.1; s:3:"abc"; a:n:{key;value...} O:len:"Class":n:{name;value...}
// C:len:"Class":len:{data} E:len:"Enum:Case"; and back-references r:n; (object) / R:n; (reference),
// where n numbers every value written so far, from 1, in the order written.

import type { Registry } from '../../engine/extension.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject, PhpClass, Vis } from '../../runtime/object.js';
import { PhpFloat, PhpResource, Ref, UNINIT } from '../../runtime/values.js';
import { formatFloat, settings, toStr } from '../../runtime/convert.js';
import { rt } from '../../runtime/request.js';
import { callMethodByName } from '../../runtime/objects.js';
import { registerUnserialize } from './unserialize.js';

// ───────────── shared state ─────────────

/** Calls of __sleep, __serialize, __wakeup, __unserialize... run with this raised: a serialize() or
 * unserialize() inside them starts a fresh context (BG(serialize_lock)). */
export const serState = { lock: 0 };

/** BG(serialize): the context a nested serialize() (inside Serializable::serialize) shares. */
interface SerCtx {
  /** key (object or Ref) → number of its first occurrence; -1: a Serializable that returned null */
  map: Map<any, number>;
  n: number;
}
let serCtx: SerCtx | null = null;
let serLevel = 0;

export function withLock<T>(fn: () => T): T {
  serState.lock++;
  try {
    return fn();
  } finally {
    serState.lock--;
  }
}

// ───────────── class facts ─────────────

export const INCOMPLETE_CLASS = '__PHP_Incomplete_Class';
export const INCOMPLETE_NAME = '__PHP_Incomplete_Class_Name';

const NOT_SERIALIZABLE = new Set(['closure', 'generator', 'weakreference', 'weakmap', 'fiber', 'splfixedarray_iterator', 'sensitiveparametervalue']);

/** Another extension's internal class is ZEND_ACC_NOT_SERIALIZABLE (by lower-case name: the class need not be linked yet). */
export function markNotSerializable(lcname: string): void {
  NOT_SERIALIZABLE.add(lcname);
}

/** The class name as PHP prints it (an anonymous class's name stops at its NUL byte). */
export function printedName(c: PhpClass): string {
  const i = c.name.indexOf('\0');
  return i >= 0 ? c.name.slice(0, i) : c.name;
}

/** ZEND_ACC_NOT_SERIALIZABLE: Closure, Generator, anonymous classes, reflection, ... (inherited). */
export function notSerializable(c: PhpClass): boolean {
  for (let k: PhpClass | null = c; k; k = k.parent) {
    if (k.isAnonymous) return true;
    if (k.isInternal && (NOT_SERIALIZABLE.has(k.lcname) || k.lcname.startsWith('reflection'))) return true;
  }
  return false;
}

export function hasMethod(c: PhpClass, lc: string): boolean {
  return c.methods.has(lc);
}

/** Implements Serializable (ce->serialize / ce->unserialize). */
export function isSerializable(c: PhpClass): boolean {
  return c.interfaces.some((i) => i.lcname === 'serializable');
}

/** bag key → the property name as PHP stores it in the properties table ("\0*\0prot" for protected). */
export function mangledName(o: PhpObject, key: string): string {
  if (key.charCodeAt(0) === 0) return key;
  const info = o.cls.props.get(key);
  if (info && info.vis === Vis.Protected && info.key === key) return '\0*\0' + key;
  return key;
}

// ───────────── serialize ─────────────

function serString(s: string): string {
  return `s:${s.length}:"${s}";`;
}

function serKey(k: number | string | bigint): string {
  return typeof k === 'string' ? serString(k) : `i:${k};`;
}

export function serializeFloat(d: number): string {
  return 'd:' + formatFloat(d, settings.serializePrecision, true) + ';';
}

/** php_add_var_hash: 0 when the value is new (or not tracked), else its number (-1: write N;). */
function addVarHash(ctx: SerCtx, raw: any): number {
  const isRef = raw instanceof Ref;
  ctx.n++;
  let key: any;
  if (isRef) key = raw.v instanceof PhpObject ? raw.v : raw;
  else if (raw instanceof PhpObject) key = raw;
  else return 0;
  const found = ctx.map.get(key);
  if (found !== undefined) {
    if (isRef && found !== -1) ctx.n--;
    return found;
  }
  ctx.map.set(key, ctx.n);
  return 0;
}

function serValue(out: string[], raw: any, ctx: SerCtx): void {
  const already = addVarHash(ctx, raw);
  if (already) {
    if (already === -1) out.push('N;');
    else if (raw instanceof Ref) out.push(`R:${already};`);
    else out.push(`r:${already};`);
    return;
  }
  const v = raw instanceof Ref ? raw.v : raw;
  switch (typeof v) {
    case 'number':
      out.push(Number.isInteger(v) ? `i:${v};` : serializeFloat(v));
      return;
    case 'bigint':
      out.push(`i:${v};`);
      return;
    case 'string':
      out.push(serString(v));
      return;
    case 'boolean':
      out.push(v ? 'b:1;' : 'b:0;');
      return;
  }
  if (v === null || v === undefined || v === UNINIT) {
    out.push('N;');
    return;
  }
  if (v instanceof PhpFloat) {
    out.push(serializeFloat(v.v));
    return;
  }
  if (v instanceof PhpArray) {
    out.push(`a:${v.size}:{`);
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      out.push(serKey(v.keyAt(i)));
      serValue(out, v.rawAt(i), ctx);
    }
    out.push('}');
    return;
  }
  if (v instanceof PhpObject) {
    serObject(out, v, ctx);
    return;
  }
  if (v instanceof PhpResource) {
    out.push('i:0;');
    return;
  }
  out.push('N;');
}

/** O:len:"Class":n:{...} from [name, raw value] pairs (keys already mangled). */
function serNested(out: string[], entries: [number | string | bigint, any][], ctx: SerCtx): void {
  out.push(`${entries.length}:{`);
  for (const [k, val] of entries) {
    out.push(serKey(k));
    serValue(out, val, ctx);
  }
  out.push('}');
}

function classNameFor(o: PhpObject): string {
  if (o.cls.name === INCOMPLETE_CLASS) {
    const n = o.p[INCOMPLETE_NAME];
    const s = n instanceof Ref ? n.v : n;
    if (typeof s === 'string') return s;
  }
  return o.cls.name;
}

function serObject(out: string[], o: PhpObject, ctx: SerCtx): void {
  const c = o.cls;
  if (notSerializable(c)) {
    rt.throwError('Exception', `Serialization of '${printedName(c)}' is not allowed`);
  }
  if (c.isEnum) {
    const s = `${c.name}:${o.p['name']}`;
    out.push(`E:${s.length}:"${s}";`);
    return;
  }
  const name = classNameFor(o);
  if (hasMethod(c, '__serialize')) {
    const r = withLock(() => callMethodByName(o, '__serialize', []));
    if (!(r instanceof PhpArray)) {
      rt.throwError('TypeError', `${c.name}::__serialize() must return an array`);
    }
    out.push(`O:${name.length}:"${name}":`);
    const entries: [number | string | bigint, any][] = [];
    for (let i = r.nextSlot(0); i < r.slotCount; i = r.nextSlot(i + 1)) entries.push([r.keyAt(i), r.rawAt(i)]);
    serNested(out, entries, ctx);
    return;
  }
  if (isSerializable(c)) {
    // zend_user_serialize: nested serialize() calls share this context (no lock)
    const r = callMethodByName(o, 'serialize', []);
    if (typeof r === 'string') {
      out.push(`C:${name.length}:"${name}":${r.length}:{${r}}`);
      return;
    }
    if (r !== null && r !== undefined) rt.throwError('Exception', `${c.name}::serialize() must return a string or NULL`);
    if (ctx.map.has(o)) ctx.map.set(o, -1);
    out.push('N;');
    return;
  }
  if (c.name !== INCOMPLETE_CLASS && hasMethod(c, '__sleep')) {
    const r = withLock(() => callMethodByName(o, '__sleep', []));
    const names = r instanceof PhpArray ? Array.from(r.values()) : r instanceof PhpObject ? r.propEntries().map(([, x]) => (x instanceof Ref ? x.v : x)) : null;
    if (names === null) {
      rt.warn(`serialize(): ${c.name}::__sleep() should return an array only containing the names of instance-variables to serialize`);
      out.push('N;');
      return;
    }
    const entries = sleepProps(o, names);
    out.push(`O:${name.length}:"${name}":`);
    serNested(out, entries, ctx);
    return;
  }
  out.push(`O:${name.length}:"${name}":`);
  const entries: [string, any][] = [];
  const incomplete = c.name === INCOMPLETE_CLASS;
  for (const k in o.p) {
    const val = o.p[k];
    if (val === UNINIT || val === undefined) continue;
    if (incomplete && k === INCOMPLETE_NAME) continue;
    entries.push([mangledName(o, k), val]);
  }
  serNested(out, entries, ctx);
}

/** php_var_serialize_get_sleep_props: the properties __sleep named, with PHP's warnings. */
function sleepProps(o: PhpObject, names: any[]): [string, any][] {
  const c = o.cls;
  // the properties table as PHP has it: mangled name → bag key
  const table = new Map<string, string>();
  for (const k in o.p) table.set(mangledName(o, k), k);
  const out = new Map<string, any>();
  const tryAdd = (mangled: string, shown: string): boolean => {
    const key = table.get(mangled);
    if (key === undefined) return false;
    const val = o.p[key];
    if (val === UNINIT) {
      // an uninitialized typed property is skipped silently
      return c.allSlots.some((i) => i.key === key && i.type) || !!c.props.get(key)?.type;
    }
    if (out.has(mangled)) {
      rt.notice(`serialize(): "${shown}" is returned from __sleep() multiple times`);
      return true;
    }
    out.set(mangled, val);
    return true;
  };
  for (const nv of names) {
    if (typeof nv !== 'string') {
      rt.warn(`serialize(): ${c.name}::__sleep() should return an array only containing the names of instance-variables to serialize`);
    }
    const n = toStr(nv);
    if (tryAdd(n, n)) continue;
    if (tryAdd('\0' + c.name + '\0' + n, n)) continue;
    if (tryAdd('\0*\0' + n, n)) continue;
    rt.warn(`serialize(): "${n}" returned as member variable from __sleep() but does not exist`);
  }
  return Array.from(out.entries());
}

/** serialize(): the whole value, with a fresh context unless nested in Serializable::serialize. */
export function phpSerialize(v: any): string {
  let ctx: SerCtx;
  const fresh = serState.lock > 0 || serLevel === 0;
  if (fresh) {
    ctx = { map: new Map(), n: 0 };
    if (serState.lock === 0) {
      serCtx = ctx;
      serLevel = 1;
    }
  } else {
    ctx = serCtx!;
    serLevel++;
  }
  const out: string[] = [];
  try {
    serValue(out, v, ctx);
  } finally {
    if (serState.lock === 0 && --serLevel === 0) serCtx = null;
  }
  return out.join('');
}

export function registerSerialize(r: Registry): void {
  r.class({ name: INCOMPLETE_CLASS, flags: 32 /* final */ });
  r.function('serialize(mixed $value): string', (v: any) => phpSerialize(v));
  registerUnserialize(r);
}
