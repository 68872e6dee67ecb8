// Method signature compatibility (zend_do_perform_implementation_check): an overriding method must
// accept at least what the parent accepts (contravariant parameters) and return no more than it
// promises (covariant return type). Checked for user-defined parents; PHP reports a fatal error.

import { PhpClass, PhpMethod, FunctionInfo, Vis, ParamInfo } from './object.js';
import { rt } from './request.js';

/** Splits a type text into its union members: "?int" → ["int", "null"]. */
function members(text: string): string[] {
  if (text.startsWith('?')) return [text.slice(1), 'null'];
  return text.split('|').map((t) => t.replace(/^\(|\)$/g, ''));
}

function findLoaded(name: string): PhpClass | null {
  const lc = name.toLowerCase().replace(/^\\/, '');
  return rt.classes.get(lc) ?? rt.core.builtinClasses.get(lc) ?? null;
}

const SCALARS = new Set(['int', 'float', 'string', 'bool', 'false', 'true', 'null', 'array', 'void', 'never', 'mixed', 'iterable', 'object', 'callable', 'static', 'self', 'parent']);

/** Is type member `a` a subtype of member `b`? `self` means the declaring class of each side. */
function memberSubtype(a: string, aSelf: PhpClass, b: string, bSelf: PhpClass): boolean {
  const la = a.toLowerCase(), lb = b.toLowerCase();
  if (lb === 'mixed') return true;
  if (la === 'never') return true;
  if (la === lb && !['self', 'parent'].includes(la)) return true;
  if (lb === 'bool' && (la === 'false' || la === 'true')) return true;
  if (lb === 'iterable' && (la === 'array' || (!SCALARS.has(la) && isClassSub(resolve(a, aSelf), findLoaded('Traversable'))))) return true;
  if (la === 'static' && lb === 'object') return true;
  if (la === 'static' && (lb === 'self' || !SCALARS.has(lb))) return isClassSub(aSelf, resolve(b, bSelf));
  const isClassA = !SCALARS.has(la) || la === 'self' || la === 'parent';
  const ca = isClassA ? resolve(a, aSelf) : null;
  // a class not loaded yet cannot be checked now (PHP would delay the declaration): assume compatible
  if (isClassA && !ca) return true;
  if (!ca) return false;
  if (lb === 'object') return true;
  if (lb === 'callable') return ca.lcname === 'closure';
  if (SCALARS.has(lb) && lb !== 'self' && lb !== 'parent') return false;
  const cb = resolve(b, bSelf);
  if (!cb) return true;
  return isClassSub(ca, cb);
}

function resolve(name: string, self: PhpClass): PhpClass | null {
  const lc = name.toLowerCase();
  if (lc === 'self' || lc === 'static') return self;
  if (lc === 'parent') return self.parent;
  // the class being declared is not registered yet
  const plain = lc.replace(/^\\/, '');
  if (plain === self.lcname) return self;
  if (declaring && plain === declaring.lcname) return declaring;
  return findLoaded(name);
}

function isClassSub(a: PhpClass | null, b: PhpClass | null): boolean {
  return !!a && !!b && a.isSubclassOf(b);
}

/** Is every member of type `a` a subtype of some member of `b`? */
function subtype(a: string, aSelf: PhpClass, b: string, bSelf: PhpClass): boolean {
  return members(a).every((m) => members(b).some((n) => memberSubtype(m, aSelf, n, bSelf)));
}

function paramAt(info: FunctionInfo, i: number): ParamInfo | null {
  if (i < info.params.length && !info.params[i].variadic) return info.params[i];
  const last = info.params[info.params.length - 1];
  return last && last.variadic ? last : null;
}

function compatible(child: PhpMethod, parent: PhpMethod): boolean {
  const c = child.info, p = parent.info;
  if (c.required > p.required) return false;
  if (p.variadic && !c.variadic) return false;
  const n = Math.max(p.params.length, c.params.length);
  for (let i = 0; i < n; i++) {
    const pp = paramAt(p, i);
    const cp = paramAt(c, i);
    if (!pp) break;
    if (!cp) return false;
    if (cp.byRef !== pp.byRef) return false;
    if (cp.type) {
      const pt = pp.type ? pp.type.text : 'mixed';
      if (!subtype(pt, parent.cls, cp.type.text, child.cls)) return false;
    }
  }
  if (p.returnType && !(c.isBuiltin && !p.isBuiltin)) {
    if (!c.returnType) return p.returnType.text === 'mixed' ? false : false;
    if (c.returnType.text.toLowerCase() === 'void' || p.returnType.text.toLowerCase() === 'void') return c.returnType.text.toLowerCase() === p.returnType.text.toLowerCase();
    if (!subtype(c.returnType.text, child.cls, p.returnType.text, parent.cls)) return false;
  }
  return true;
}

/** A default value as zend_get_function_declaration prints it. */
function defaultShown(text: string): string {
  if (text.startsWith("'")) {
    const raw = text.slice(1, -1).replace(/\\(['\\])/g, '$1');
    return "'" + (raw.length > 10 ? raw.slice(0, 10) + '...' : raw) + "'";
  }
  const lc = text.toLowerCase();
  if (lc === 'null' || lc === 'true' || lc === 'false') return lc;
  return text;
}

export function declarationText(m: PhpMethod): string {
  const info = m.info;
  const params = info.params.map((p) => {
    let s = p.type ? p.type.text + ' ' : '';
    if (p.byRef) s += '&';
    if (p.variadic) s += '...';
    s += '$' + p.name;
    if (p.optional && !p.variadic && p.defaultText !== undefined) s += ' = ' + defaultShown(p.defaultText);
    return s;
  });
  return `${m.cls.name}::${m.name}(${params.join(', ')})${info.returnType ? ': ' + info.returnType.text : ''}`;
}

/** Checks a user class's methods against its parent's and interfaces' (fatal error on mismatch). */
let declaring: PhpClass | null = null;

export function checkMethodCompatibility(cls: PhpClass): void {
  declaring = cls;
  for (const m of cls.methods.values()) {
    if (m.cls !== cls) continue;
    const parents: PhpMethod[] = [];
    const pm = cls.parent?.methods.get(m.lcname);
    if (pm) parents.push(pm);
    for (const iface of cls.interfaces) {
      const im = iface.methods.get(m.lcname);
      if (im && im !== pm) parents.push(im);
    }
    for (const p of parents) {
      if (p === m) continue;
      if (p.info.isBuiltin || p.cls.isInternal) {
        checkTentativeReturnType(m, p);
        continue;
      }
      if (p.vis === Vis.Private && !p.isAbstract) continue;
      if (m.lcname === '__construct' && !p.isAbstract && !p.cls.isInterface) continue;
      if (!compatible(m, p)) {
        rt.top.line = m.info.line ?? rt.top.line;
        rt.throwError('\0fatal', `Declaration of ${declarationText(m)} must be compatible with ${declarationText(p)}`);
      }
    }
  }
}

/**
 * Internal methods' return types are tentative (PHP 8.1): a user method overriding one without a
 * compatible return type is deprecated, unless it carries #[\ReturnTypeWillChange].
 */
function checkTentativeReturnType(m: PhpMethod, p: PhpMethod): void {
  const pt = p.info.returnType;
  // __toString's string type is real (and implied on user methods); constructors have none
  if (!pt || m.info.isBuiltin || m.lcname === '__construct' || m.lcname === '__tostring') return;
  const ct = m.info.returnType;
  if (ct) {
    const c = ct.text.toLowerCase(), t = pt.text.toLowerCase();
    if (c === 'void' || t === 'void' ? c === t : subtype(ct.text, m.cls, pt.text, p.cls)) return;
  }
  if (hasAttribute(m.info.attrs, 'returntypewillchange')) return;
  const prev = rt.top.line;
  rt.top.line = m.info.line ?? prev;
  rt.deprecated(`Return type of ${declarationText(m)} should either be compatible with ${declarationText(p)}, or the #[\\ReturnTypeWillChange] attribute should be used to temporarily suppress the notice`);
  rt.top.line = prev;
}

function hasAttribute(attrs: any, lcname: string): boolean {
  if (!attrs) return false;
  const groups = typeof attrs === 'string' ? JSON.parse(attrs) : attrs;
  if (!Array.isArray(groups)) return false;
  return groups.some((g: any) => (g.attrs ?? []).some((a: any) => String(a.resolved ?? a.name?.name ?? a.name ?? '').replace(/^\\/, '').toLowerCase() === lcname));
}
