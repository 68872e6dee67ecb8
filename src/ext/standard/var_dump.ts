// var_dump(), print_r() and var_export(): the three ways PHP shows a value (ext/standard/var.c,
// Zend/zend.c print_r). Exact formats: indentation, float precision, property visibility annotations,
// recursion markers.

import { PhpArray, Key } from '../../runtime/array.js';
import { PhpObject, PhpClass, Vis } from '../../runtime/object.js';
import { PhpFloat, PhpResource, Ref, UNINIT } from '../../runtime/values.js';
import { formatFloat, settings, toStr } from '../../runtime/convert.js';
import { rt } from '../../runtime/request.js';

/** The properties an object shows (var_dump/print_r/var_export): [bag key, value] with built-in debug info. */
export function shownProps(o: PhpObject, forDump: boolean): [string | number, any][] {
  const h = o.cls.handlers;
  if (h && h.debugInfo) {
    const d = h.debugInfo(o);
    if (d) return d;
  }
  if (forDump && o.cls.methods.has('__debuginfo')) {
    const r = o.cls.methods.get('__debuginfo')!.fn.call(o);
    if (r instanceof PhpArray) return Array.from(r.entries()).map(([k, v]) => [typeof k === 'bigint' ? String(k) : k, v]);
    if (r !== null) rt.throwError('\0fatal', '__debuginfo() must return an array');
    return [];
  }
  const out: [string | number, any][] = [];
  for (const k in o.p) out.push([k, o.p[k]]);
  return out;
}

/** Splits a bag key into [name, annotation] for var_dump: ["b", ':protected'], ["c", ':"A":private']. */
function propLabel(o: PhpObject, key: string | number, quote: boolean): string {
  if (o.cls.handlers?.literalDebugKeys && typeof key === 'string') {
    // an integer key shows as PHP shows it in an array
    if (/^(0|-?[1-9][0-9]*)$/.test(key)) return key;
    return quote ? `"${key}"` : key;
  }
  // integer keys (from debug info hash tables) show unquoted
  if (typeof key === 'number') return String(key);
  if (key.charCodeAt(0) === 0) {
    const end = key.indexOf('\0', 1);
    const owner = key.slice(1, end);
    // an anonymous class's name holds a NUL byte itself: the property's name follows the last one
    const name = key.slice(key.lastIndexOf('\0') + 1);
    if (owner === '*') return quote ? `"${name}":protected` : `${name}:protected`;
    return quote ? `"${name}":"${owner}":private` : `${name}:${owner}:private`;
  }
  const info = o.cls.props.get(key);
  if (info && info.vis === Vis.Protected) return quote ? `"${key}":protected` : `${key}:protected`;
  return quote ? `"${key}"` : key;
}

/** The class name as PHP's printf %s shows it: an anonymous class's name ends at its NUL byte. */
function className(c: PhpClass): string {
  return c.isAnonymous ? c.name.split('\0')[0] : c.name;
}

/** The type of a declared property without a value; null when it has none (an unset untyped one is not shown). */
function typeOfUninit(o: PhpObject, key: string | number): string | null {
  for (const info of o.cls.allSlots) if (info.key === key) return info.type ? info.type.text : null;
  return null;
}

// ───────────── var_dump ─────────────

export function varDump(v: any): string {
  const out: string[] = [];
  dump(v, 0, out, new Set(), false);
  return out.join('');
}

function dump(v: any, indent: number, out: string[], seen: Set<any>, isRef: boolean): void {
  const pad = ' '.repeat(indent);
  const amp = isRef ? '&' : '';
  // a reference with a single holder is shown as a plain value, as PHP does for refcount 1
  if (v instanceof Ref) return dump(v.v, indent, out, seen, v.n > 1);
  switch (typeof v) {
    case 'number':
      if (Number.isInteger(v)) out.push(`${pad}${amp}int(${v})\n`);
      else out.push(`${pad}${amp}float(${formatFloat(v, settings.serializePrecision)})\n`);
      return;
    case 'bigint':
      out.push(`${pad}${amp}int(${v})\n`);
      return;
    case 'string':
      out.push(`${pad}${amp}string(${v.length}) "${v}"\n`);
      return;
    case 'boolean':
      out.push(`${pad}${amp}bool(${v})\n`);
      return;
  }
  if (v === null || v === undefined) {
    out.push(`${pad}${amp}NULL\n`);
    return;
  }
  if (v instanceof PhpFloat) {
    out.push(`${pad}${amp}float(${formatFloat(v.v, settings.serializePrecision)})\n`);
    return;
  }
  if (v instanceof PhpArray) {
    if (seen.has(v)) {
      out.push(`${pad}*RECURSION*\n`);
      return;
    }
    out.push(`${pad}${amp}array(${v.size}) {\n`);
    seen.add(v);
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      const k = v.keyAt(i);
      out.push(typeof k === 'string' ? `${pad}  ["${k}"]=>\n` : `${pad}  [${k}]=>\n`);
      const raw = v.rawAt(i);
      if (raw instanceof Ref && raw.v instanceof PhpArray && seen.has(raw.v)) {
        out.push(`${pad}  *RECURSION*\n`);
        continue;
      }
      dump(raw, indent + 2, out, seen, false);
    }
    seen.delete(v);
    out.push(`${pad}}\n`);
    return;
  }
  if (v instanceof PhpObject) {
    if (v.cls.isEnum) {
      out.push(`${pad}${amp}enum(${v.cls.name}::${v.p['name']})\n`);
      return;
    }
    if (seen.has(v)) {
      out.push(`${pad}*RECURSION*\n`);
      return;
    }
    const props = shownProps(v, true);
    const shown = props.filter(([, x]) => x !== undefined);
    out.push(`${pad}${amp}object(${className(v.cls)})#${v.id} (${shown.filter(([, x]) => x !== UNINIT).length}) {\n`);
    seen.add(v);
    for (const [k, val] of shown) {
      if (val === UNINIT) {
        const type = typeOfUninit(v, k);
        if (type !== null) out.push(`${pad}  [${propLabel(v, k, true)}]=>\n${pad}  uninitialized(${type})\n`);
        continue;
      }
      out.push(`${pad}  [${propLabel(v, k, true)}]=>\n`);
      dump(val, indent + 2, out, seen, false);
    }
    seen.delete(v);
    out.push(`${pad}}\n`);
    return;
  }
  if (v instanceof PhpResource) {
    out.push(v.closed ? `${pad}${amp}resource(${v.id}) of type (Unknown)\n` : `${pad}${amp}resource(${v.id}) of type (${v.type})\n`);
    return;
  }
  out.push(`${pad}NULL\n`);
}

// ───────────── print_r ─────────────

export function printR(v: any): string {
  const out: string[] = [];
  printRInto(v, 0, out, new Set());
  return out.join('');
}

function printRInto(v: any, indent: number, out: string[], seen: Set<any>): void {
  if (v instanceof Ref) v = v.v;
  if (v instanceof PhpArray) {
    if (seen.has(v)) {
      out.push('Array\n *RECURSION*');
      return;
    }
    const pad = ' '.repeat(indent);
    out.push(`Array\n${pad}(\n`);
    seen.add(v);
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      out.push(`${pad}    [${v.keyAt(i)}] => `);
      printRInto(v.rawAt(i), indent + 8, out, seen);
      out.push('\n');
    }
    seen.delete(v);
    out.push(`${pad})\n`);
    return;
  }
  if (v instanceof PhpObject) {
    if (seen.has(v)) {
      out.push(`${className(v.cls)} Object\n *RECURSION*`);
      return;
    }
    const pad = ' '.repeat(indent);
    out.push(`${v.cls.isEnum ? `${v.cls.name} Enum${v.cls.enumBacking ? ':' + v.cls.enumBacking : ''}` : `${className(v.cls)} Object`}\n${pad}(\n`);
    seen.add(v);
    for (const [k, val] of shownProps(v, true)) {
      if (val === UNINIT || val === undefined) continue;
      out.push(`${pad}    [${propLabel(v, k, false)}] => `);
      printRInto(val, indent + 8, out, seen);
      out.push('\n');
    }
    seen.delete(v);
    out.push(`${pad})\n`);
    return;
  }
  out.push(toStr(v));
}

// ───────────── var_export ─────────────

export function varExport(v: any): string {
  const out: string[] = [];
  exportInto(v, 0, out, new Set());
  return out.join('');
}

function exportString(s: string): string {
  // NUL bytes are written as '' . "\0" . ''
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\' . "\\0" . \'') + "'";
}

function exportKey(k: Key): string {
  return typeof k === 'string' ? exportString(k) : String(k);
}

export function exportFloat(d: number): string {
  const s = formatFloat(d, settings.serializePrecision);
  if (/^-?\d+$/.test(s)) return s + '.0';
  return s;
}

function exportInto(v: any, indent: number, out: string[], seen: Set<any>): void {
  if (v instanceof Ref) v = v.v;
  switch (typeof v) {
    case 'number':
      out.push(Number.isInteger(v) ? String(v) : exportFloat(v));
      return;
    case 'bigint':
      out.push(v === -9223372036854775808n ? '-9223372036854775807-1' : v.toString());
      return;
    case 'string':
      out.push(exportString(v));
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
  }
  if (v === null || v === undefined) {
    out.push('NULL');
    return;
  }
  if (v instanceof PhpFloat) {
    out.push(exportFloat(v.v));
    return;
  }
  const pad = ' '.repeat(indent);
  if (v instanceof PhpArray) {
    if (seen.has(v)) {
      rt.warn('var_export does not handle circular references');
      out.push('NULL');
      return;
    }
    seen.add(v);
    out.push('array (\n');
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      out.push(`${pad}  ${exportKey(v.keyAt(i))} => `);
      const val = v.valAt(i);
      if (val instanceof PhpArray || val instanceof PhpObject) out.push(`\n${pad}  `);
      exportInto(val, indent + 2, out, seen);
      out.push(',\n');
    }
    seen.delete(v);
    out.push(`${pad})`);
    return;
  }
  if (v instanceof PhpObject) {
    if (v.cls.isEnum) {
      out.push(`\\${v.cls.name}::${v.p['name']}`);
      return;
    }
    if (seen.has(v)) {
      rt.warn('var_export does not handle circular references');
      out.push('NULL');
      return;
    }
    seen.add(v);
    const isStd = v.cls.lcname === 'stdclass';
    out.push(isStd ? '(object) array(\n' : `\\${v.cls.name}::__set_state(array(\n`);
    for (const [k, val0] of shownProps(v, false)) {
      if (val0 === UNINIT || val0 === undefined) continue;
      const val = val0 instanceof Ref ? val0.v : val0;
      const name = typeof k === 'number' ? String(k) : k.charCodeAt(0) === 0 ? k.slice(k.indexOf('\0', 1) + 1) : k;
      out.push(`${pad}   ${exportKey(/^(0|-?[1-9]\d*)$/.test(name) ? Number(name) : name)} => `);
      if (val instanceof PhpArray || val instanceof PhpObject) out.push(`\n${pad}  `);
      exportInto(val, indent + 2, out, seen);
      out.push(',\n');
    }
    seen.delete(v);
    out.push(isStd ? `${pad})` : `${pad}))`);
    return;
  }
  if (v instanceof PhpResource) {
    rt.warn('var_export does not handle resources');
    out.push('NULL');
  }
}

// ───────────── debug_zval_dump ─────────────

/**
 * debug_zval_dump(): var_dump's format with reference counts. phpts does not count references, so the
 * counts are the usual ones of a value held by one variable and passed as an argument (2); strings
 * and the empty array show as interned, as literals are in php-src.
 */
export function debugZvalDump(v: any): string {
  const out: string[] = [];
  zdump(v, 0, out, new Set());
  return out.join('');
}

function zdump(v: any, indent: number, out: string[], seen: Set<any>): void {
  const pad = ' '.repeat(indent);
  if (v instanceof Ref) {
    out.push(`${pad}reference refcount(2) {\n`);
    zdump(v.v, indent + 2, out, seen);
    out.push(`${pad}}\n`);
    return;
  }
  if (typeof v === 'string') {
    out.push(`${pad}string(${v.length}) "${v}" interned\n`);
    return;
  }
  if (v instanceof PhpArray) {
    if (seen.has(v)) {
      out.push(`${pad}*RECURSION*\n`);
      return;
    }
    out.push(v.size === 0 ? `${pad}array(0) interned {\n` : `${pad}array(${v.size}) refcount(2){\n`);
    seen.add(v);
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      const k = v.keyAt(i);
      out.push(typeof k === 'string' ? `${pad}  ["${k}"]=>\n` : `${pad}  [${k}]=>\n`);
      zdump(v.rawAt(i), indent + 2, out, seen);
    }
    seen.delete(v);
    out.push(`${pad}}\n`);
    return;
  }
  if (v instanceof PhpObject && !v.cls.isEnum) {
    if (seen.has(v)) {
      out.push(`${pad}*RECURSION*\n`);
      return;
    }
    const props = shownProps(v, true).filter(([, x]) => x !== undefined && x !== UNINIT);
    out.push(`${pad}object(${className(v.cls)})#${v.id} (${props.length}) refcount(2){\n`);
    seen.add(v);
    for (const [k, val] of props) {
      out.push(`${pad}  [${propLabel(v, k, true)}]=>\n`);
      zdump(val, indent + 2, out, seen);
    }
    seen.delete(v);
    out.push(`${pad}}\n`);
    return;
  }
  if (v instanceof PhpResource) {
    out.push(`${pad}resource(${v.id}) of type (${v.closed ? 'Unknown' : v.type}) refcount(2)\n`);
    return;
  }
  out.push(varDump(v).replace(/^/gm, pad).replace(new RegExp(`\n${pad}$`), '\n'));
}
