// What may cross into a task (parallel/src/check.c): values (no objects of internal classes with
// native storage, no resources but streams, no closures declaring classes or functions), the task's
// signature (class types must be copyable, nothing by reference) and its body (no declarations, no
// yield, no reference captures, a return only when the caller keeps the Future). The body facts come
// from the compiler (FunctionInfo.facts); the rest is looked at here.

import { PhpArray } from '../../runtime/array.js';
import { PhpObject, PhpClass, FunctionInfo } from '../../runtime/object.js';
import { PhpResource, Ref } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { fail } from './errors.js';

/** Classes whose objects cross by identity (parallel\Channel, parallel\Sync), lower-case. */
export const SHARED_CLASSES = new Set(['parallel\\channel', 'parallel\\sync']);

/** An internal class (or a class extending one) whose objects keep native state: they cannot be copied. */
export function nativeStorage(cls: PhpClass): boolean {
  const cached = cls.ext.parallelNative;
  if (cached !== undefined) return cached;
  let r = false;
  for (let c: PhpClass | null = cls; c; c = c.parent) {
    if (c.isInternal && c.lcname !== 'stdclass') {
      r = true;
      break;
    }
  }
  cls.ext.parallelNative = r;
  return r;
}

/** zend_get_type_by_const's name for a value, or its class. */
export function valueTypeName(v: any): string {
  if (v instanceof PhpObject) return v.cls.name;
  if (v instanceof PhpArray) return 'array';
  if (v instanceof PhpResource) return 'resource';
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' && !Number.isInteger(v)) return 'float';
  return typeof v === 'number' || typeof v === 'bigint' ? 'int' : 'float';
}

/** A closure whose body (or a closure within it) declares a class or a function. */
function closureDeclares(o: PhpObject): boolean {
  const info: FunctionInfo | undefined = o.native?.info;
  const facts = info?.facts;
  if (!facts || !facts.illegal) return false;
  return facts.illegal[2] || facts.illegal[0] !== 'yield';
}

/**
 * The value that makes `v` impossible to copy into another thread, or undefined when it can be copied.
 * As parallel reports it: an array gives its offending element, an object itself.
 */
export function illegalValue(v: any): any {
  if (typeof v !== 'object' || v === null) return undefined;
  if (v instanceof PhpResource) return v.type === 'stream' ? undefined : v;
  return illegalIn(v, new Set());
}

function illegalIn(v: any, seen: Set<any>): any {
  if (v instanceof Ref) v = v.v;
  if (v instanceof PhpArray) {
    if (seen.has(v)) return undefined;
    seen.add(v);
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      const el = v.valAt(i);
      if (illegalIn(el, seen) !== undefined) return el instanceof Ref ? el.v : el;
    }
    return undefined;
  }
  if (v instanceof PhpObject) {
    if (seen.has(v)) return undefined;
    seen.add(v);
    if (v.native && v.native.closure) return closureDeclares(v) ? v : undefined;
    if (SHARED_CLASSES.has(v.cls.lcname)) return undefined;
    if (nativeStorage(v.cls)) return v;
    for (const k in v.p) if (illegalIn(v.p[k], seen) !== undefined) return v;
    return undefined;
  }
  if (v instanceof PhpResource) return v.type === 'stream' ? undefined : v;
  return undefined;
}

const NOT_CLASSES = new Set([
  'int', 'float', 'string', 'bool', 'array', 'mixed', 'callable', 'iterable', 'object', 'null', 'false', 'true', 'void', 'never',
  'static', 'self', 'parent',
]);

/** The class named in a declared type that a task cannot receive or return, or null. */
function illegalTypeClass(typeText: string): string | null {
  for (const raw of typeText.split(/[|&()?]/)) {
    const name = raw.trim().replace(/^\\/, '');
    if (!name || NOT_CLASSES.has(name.toLowerCase())) continue;
    const lc = name.toLowerCase();
    if (lc === 'closure' || SHARED_CLASSES.has(lc)) continue;
    const cls = rt.core.lookupClass(name, true);
    if (!cls || nativeStorage(cls)) return name;
  }
  return null;
}

/** Parameter and return declarations of a task (php_parallel_check_arginfo). */
function checkSignature(info: FunctionInfo): void {
  if (info.returnType) {
    const bad = illegalTypeClass(info.returnType.text);
    if (bad !== null) fail('Runtime\\Error\\IllegalReturn', `illegal return (${bad}) from task`);
  }
  if (info.returnsRef) fail('Runtime\\Error\\IllegalReturn', 'illegal return (reference) from task');
  info.params.forEach((p, i) => {
    if (p.type) {
      const bad = illegalTypeClass(p.type.text);
      if (bad !== null) fail('Runtime\\Error\\IllegalParameter', `illegal parameter (${bad}) accepted by task at argument ${i + 1}`);
    }
    if (p.byRef) fail('Runtime\\Error\\IllegalParameter', `illegal parameter (reference) accepted by task at argument ${i + 1}`);
  });
}

/**
 * Checks a task before it is queued (php_parallel_check_task); `discarded`: the caller does not keep
 * the result. Returns whether the task needs a Future.
 */
export function checkTask(task: PhpObject, argv: PhpArray | null, discarded: boolean): boolean {
  const n = task.native;
  const info: FunctionInfo = n.info;
  if (info.isBuiltin) fail('Runtime\\Error\\IllegalFunction', 'illegal function type (internal)');
  if (argv) {
    let at = 1;
    for (const v of argv.values()) {
      const bad = illegalValue(v);
      if (bad !== undefined) fail('Runtime\\Error\\IllegalParameter', `illegal parameter (${valueTypeName(bad)}) passed to task at argument ${at}`);
      at++;
    }
  }
  checkSignature(info);
  const facts = info.facts;
  const start = info.line ?? 0;
  // captured variables are bound first (ZEND_BIND_STATIC at the top of the closure)
  if (n.usedValues && n.usedValues.some((u: any) => u instanceof Ref)) {
    fail('Runtime\\Error\\IllegalInstruction', 'illegal instruction (lexical reference) in task');
  }
  const exit = facts ? facts.exit : -1;
  const illegal = facts ? facts.illegal : null;
  if (discarded && exit >= 0 && (illegal === null || exit <= illegal[1])) {
    fail('Runtime\\Error\\IllegalReturn', `return on line ${exit - start} of task ignored by caller, caller must retain reference to Future`);
  }
  if (illegal) {
    const [kind, line, nested] = illegal;
    fail('Runtime\\Error\\IllegalInstruction', `illegal instruction (${kind}) ${nested ? 'in closure ' : ''}on line ${line - start} of task`);
  }
  checkCaptured(n);
  return exit >= 0 || !discarded;
}

/** Captured values go with the task (as static variables in parallel): they must be copyable. */
function checkCaptured(n: any): void {
  const names: string[] = n.usedNames ?? [];
  const values: any[] = n.usedValues ?? [];
  values.forEach((v, i) => {
    const bad = illegalValue(v);
    if (bad !== undefined) fail('Runtime\\Error\\IllegalVariable', `illegal variable (${valueTypeName(bad)}) named ${names[i]} in static scope of function`);
  });
}
