// SPL functions (ext/spl/php_spl.c): autoloading, class_implements/parents/uses, spl_classes,
// iterator_to_array/count/apply.

import * as fs from 'node:fs';
import type { Registry } from '../../engine/extension.js';
import { PhpArray, share } from '../../runtime/array.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref } from '../../runtime/values.js';
import { findClass } from '../../runtime/objects.js';
import { resolveCallable, callValue, callBound, callableClass } from '../../runtime/calls.js';
import { objectIter } from '../../runtime/iterate.js';
import { toKey } from '../../runtime/dims.js';
import { toStr, typeName } from '../../runtime/convert.js';
import { truthy } from './util.js';

/** The SPL classes spl_classes() lists (those this extension registers). */
export const SPL_CLASS_NAMES: string[] = [];

/** Iterates any Traversable (or array) with a callback per element; stop by returning false. */
export function eachOf(v: any, f: (k: any, v: any) => boolean | void): void {
  if (v instanceof PhpArray) {
    for (const [k, x] of v.entries()) if (f(k, x) === false) return;
    return;
  }
  const it = objectIter(v as PhpObject, null, false);
  try {
    while (it.next()) if (f(it.k, it.v) === false) return;
  } finally {
    it.end();
  }
}

function classArg(fn: string, v: any, autoload: boolean): PhpClass | false {
  if (v instanceof PhpObject) return v.cls;
  if (typeof v === 'string') {
    const c = findClass(v, autoload);
    if (!c) {
      rt.warn(`${fn}(): Class ${v} does not exist${autoload ? ' and could not be loaded' : ''}`);
      return false;
    }
    return c;
  }
  return rt.throwError('TypeError', `${fn}(): Argument #1 ($object_or_class) must be of type object|string, ${typeName(v)} given`);
}

/** The same callable? (spl_autoload_unregister compares by value like zend_fcall_info_cache). */
function sameCallable(a: any, b: any): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return a.replace(/^\\/, '').toLowerCase() === b.replace(/^\\/, '').toLowerCase();
  if (a instanceof PhpArray && b instanceof PhpArray && a.size === 2 && b.size === 2) {
    const a0 = a.get(0), b0 = b.get(0);
    const sameTarget = a0 instanceof PhpObject || b0 instanceof PhpObject ? a0 === b0 : toStr(a0).toLowerCase() === toStr(b0).toLowerCase();
    return sameTarget && toStr(a.get(1)).toLowerCase() === toStr(b.get(1)).toLowerCase();
  }
  return false;
}

/** How spl_autoload_functions() shows a loader. */
function normalizeLoader(cb: any): any {
  if (typeof cb === 'string' && cb.includes('::')) {
    const [c, mth] = cb.split('::');
    return PhpArray.fromList([c, mth]);
  }
  return share(cb);
}

function defaultAutoload(cls: string, exts: string | null): void {
  const list = (exts ?? rt.ext.splAutoloadExtensions ?? '.inc,.php').split(',');
  const base = cls.toLowerCase().replace(/\\/g, '/');
  for (const ext of list) {
    const file = base + ext;
    const incPath = (rt.iniGet('include_path') ?? '.').split(':');
    for (const dir of incPath) {
      const full = (dir === '.' || dir === '' ? rt.cwd : dir) + '/' + file;
      if (fs.existsSync(full)) {
        const inc = rt.findFunction('\0include');
        if (inc) inc.fn(full);
        else rt.warn(`spl_autoload(): cannot include ${full}`);
        if (findClass(cls, false)) return;
      }
    }
  }
}


export function registerSplFunctions(r: Registry): void {
  r.functions({
    'class_implements($object_or_class, bool $autoload = true): array|false': (v: any, autoload: boolean) => {
      const c = classArg('class_implements', v, autoload);
      if (!c) return false;
      const a = new PhpArray();
      for (const i of c.interfaces) a.set(i.name, i.name);
      return a;
    },
    'class_parents($object_or_class, bool $autoload = true): array|false': (v: any, autoload: boolean) => {
      const c = classArg('class_parents', v, autoload);
      if (!c) return false;
      const a = new PhpArray();
      for (let p = c.parent; p; p = p.parent) a.set(p.name, p.name);
      return a;
    },
    'class_uses($object_or_class, bool $autoload = true): array|false': (v: any, autoload: boolean) => {
      const c = classArg('class_uses', v, autoload);
      if (!c) return false;
      const a = new PhpArray();
      for (const t of c.traits) a.set(t.name, t.name);
      return a;
    },
    'spl_classes(): array': () => {
      const a = new PhpArray();
      for (const n of [...SPL_CLASS_NAMES].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1))) a.set(n, n);
      return a;
    },
    'spl_autoload(string $class, ?string $file_extensions = null): void': (cls: string, exts: string | null) => {
      defaultAutoload(cls, exts);
    },
    'spl_autoload_extensions(?string $file_extensions = null): string': (exts: string | null) => {
      if (exts !== null && exts !== undefined) rt.ext.splAutoloadExtensions = exts;
      return rt.ext.splAutoloadExtensions ?? '.inc,.php';
    },
    'spl_autoload_call(string $class): void': (cls: string) => {
      findClass(cls, true);
    },
    'spl_autoload_functions(): array': () => {
      return PhpArray.fromList(rt.autoloaders.map((l: any) => (l && l.splDefault ? 'spl_autoload' : normalizeLoader(l))));
    },
    'spl_autoload_register(?callable $callback = null, bool $throw = true, bool $prepend = false): bool': (cb: any, _throw: boolean, prepend: boolean) => {
      if (!_throw) rt.notice('spl_autoload_register(): Argument #2 ($do_throw) has been ignored, spl_autoload_register() will always throw');
      let loader = cb;
      if (cb === null || cb === undefined) loader = 'spl_autoload';
      else {
        const why = { reason: '' };
        if (!resolveCallable(cb, rt.callerScope(), why)) {
          rt.throwError('TypeError', `spl_autoload_register(): Argument #1 ($callback) must be a valid callback or null, ${why.reason}`);
        }
        // [self/parent/static, "m"] is kept with the class it stands for now
        if (cb instanceof PhpArray && typeof cb.get(0) === 'string') {
          const c = callableClass(cb.get(0), null);
          if (c) loader = PhpArray.fromList([c.name, cb.get(1)]);
        }
      }
      if (rt.autoloaders.some((l) => sameCallable(l, loader))) return true;
      if (prepend) rt.autoloaders.unshift(share(loader));
      else rt.autoloaders.push(share(loader));
      return true;
    },
    'spl_autoload_unregister(callable $callback): bool': (cb: any) => {
      const i = rt.autoloaders.findIndex((l) => sameCallable(l, cb));
      if (i < 0) return false;
      rt.autoloaders.splice(i, 1);
      return true;
    },
    'iterator_to_array(Traversable|array $iterator, bool $preserve_keys = true): array': (it: any, keys: boolean) => {
      if (it instanceof PhpArray) return keys ? it : PhpArray.fromList(it.valueList().map(share));
      const a = new PhpArray();
      eachOf(it, (k, v) => {
        if (keys) {
          if (k === null || k === undefined) k = '';
          a.set(toKey(k), share(v));
        } else a.append(share(v));
      });
      return a;
    },
    'iterator_count(Traversable|array $iterator): int': (it: any) => {
      if (it instanceof PhpArray) return it.size;
      let n = 0;
      eachOf(it, () => {
        n++;
      });
      return n;
    },
    'iterator_apply(Traversable $iterator, callable $callback, ?array $args = null): int': (it: PhpObject, cb: any, args: PhpArray | null) => {
      let n = 0;
      const b = resolveCallable(cb, null)!;
      const argv = args ? args.valueList() : [];
      const iter = objectIter(it, null, false);
      try {
        while (iter.next()) {
          n++;
          const r = callBound(b, argv.slice());
          if (!truthy(r)) break;
        }
      } finally {
        iter.end();
      }
      return n;
    },
  });
  void callValue;
  void Ref;
}
