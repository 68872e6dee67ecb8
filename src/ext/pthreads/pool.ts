// pthreads' Pool: up to `size` Workers of a class, made (with the constructor arguments given) and
// started as submit() first needs each, tasks handed round robin. An ordinary object: its state is its
// protected properties, as in pthreads (var_dump shows them).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { instantiate } from '../../runtime/classdecl.js';
import { invokeArgs } from '../../runtime/functions.js';
import { callMethodByName, findClass } from '../../runtime/objects.js';
import { toInt } from '../../runtime/convert.js';

const PROTECTED = 2;

function workerClass(): PhpClass {
  return rt.core.builtinClasses.get('worker')!;
}

function workersOf(pool: PhpObject): PhpArray {
  const w = pool.p['workers'];
  return w instanceof PhpArray ? w : new PhpArray();
}

/** new $class(...$ctor), started. */
function spawn(pool: PhpObject): PhpObject {
  const name = pool.p['class'];
  const cls = typeof name === 'string' ? findClass(name, true) : null;
  if (cls === null) return rt.throwError('RuntimeException', `this Pool has not been initialized properly, the Worker class ${String(name)} could not be found`);
  const w = instantiate(cls);
  if (cls.dtor) rt.destructibles.push(w);
  const ctor = pool.p['ctor'];
  if (cls.ctor) invokeArgs({ fn: cls.ctor.fn, info: cls.ctor.info }, w, ctor instanceof PhpArray ? ctor.valueList() : [], null, null);
  callMethodByName(w, 'start', []);
  return w;
}

function submit(pool: PhpObject, task: PhpObject): number {
  let last = toInt(pool.p['last'] ?? 0) as number;
  if (last >= (toInt(pool.p['size'] ?? 0) as number)) last = 0;
  let worker = workersOf(pool).get(last);
  if (!(worker instanceof PhpObject)) {
    worker = spawn(pool);
    const list = workersOf(pool).sep();
    list.set(last, worker);
    pool.p['workers'] = list;
  }
  callMethodByName(worker, 'stack', [task]);
  pool.p['last'] = last + 1;
  return last;
}

function submitTo(pool: PhpObject, at: number, task: PhpObject): number {
  const worker = workersOf(pool).get(at);
  if (!(worker instanceof PhpObject)) return rt.throwError('Exception', `The selected worker (${at}) does not exist`);
  callMethodByName(worker, 'stack', [task]);
  return at;
}

function collect(pool: PhpObject, collector: any): number {
  let held = 0;
  for (const w of workersOf(pool).valueList()) {
    if (w instanceof PhpObject) held += toInt(callMethodByName(w, 'collect', collector === null ? [] : [collector])) as number;
  }
  return held;
}

function shutdown(pool: PhpObject): void {
  for (const w of workersOf(pool).valueList()) if (w instanceof PhpObject) callMethodByName(w, 'shutdown', []);
  pool.p['workers'] = new PhpArray();
}

/** The last workers started are shut down until `size` remain. */
function resize(pool: PhpObject, size: number): void {
  const list = workersOf(pool).sep();
  while (list.size > size) {
    const top = list.size - 1;
    const w = list.get(top);
    if (w instanceof PhpObject) callMethodByName(w, 'shutdown', []);
    list.delete(top);
  }
  pool.p['workers'] = list;
  pool.p['size'] = size;
}

export function registerPool(r: Registry): void {
  r.class({
    name: 'Pool',
    props: [
      { name: 'size', flags: PROTECTED, default: () => null },
      { name: 'class', flags: PROTECTED, default: () => null },
      { name: 'workers', flags: PROTECTED, default: () => new PhpArray() },
      { name: 'ctor', flags: PROTECTED, default: () => null },
      { name: 'last', flags: PROTECTED, default: () => 0 },
    ],
    nativeMethods: {
      'public __construct(int $size, string $class = "Worker", ?array $ctor = null)': function (this: PhpObject, size: number, className: string, ctor: PhpArray | null) {
        const cls = findClass(className, true);
        if (cls === null || !cls.isSubclassOf(workerClass())) rt.throwError('Exception', `The class provided (${className}) does not extend Worker`);
        this.p['size'] = size;
        this.p['class'] = cls!.name;
        this.p['ctor'] = ctor ?? null;
      },
      'public submit(Threaded $task): int': function (this: PhpObject, task: PhpObject) {
        return submit(this, task);
      },
      'public submitTo(int $worker, Threaded $task): int': function (this: PhpObject, at: number, task: PhpObject) {
        return submitTo(this, at, task);
      },
      'public collect(?callable $collector = null): int': function (this: PhpObject, collector: any) {
        return collect(this, collector ?? null);
      },
      'public resize(int $size): void': function (this: PhpObject, size: number) {
        resize(this, size);
      },
      'public shutdown(): void': function (this: PhpObject) {
        shutdown(this);
      },
    },
  });
}
