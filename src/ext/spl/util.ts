// Helpers shared by the SPL classes: argument checking for native methods (zend_parse_parameters'
// work, as the function wrappers do it), calling methods a user subclass may override, and small
// conversions.

import { parseSignature, argCountError, coerceArg } from '../../runtime/builtin.js';
import { PhpClass, PhpObject, FunctionInfo } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { callMethodByName } from '../../runtime/objects.js';
import { resolveCallable } from '../../runtime/calls.js';
import { findClass } from '../../runtime/objects.js';
import { Ref } from '../../runtime/values.js';
import { toBool } from '../../runtime/convert.js';

/**
 * Wraps each native method so calls get PHP's argument count errors and type coercions (messages name
 * `className::method()`). Optional parameters not passed arrive as `undefined`: the implementation
 * applies its defaults.
 */
export function checked(className: string, defs: Record<string, Function>): Record<string, Function> {
  // the runtime now checks arguments of builtin methods from their signatures
  if (className) return defs;
  const out: Record<string, Function> = {};
  for (const [sig, fn] of Object.entries(defs)) {
    const rest = sig.replace(/^((final|public|protected|private|static|abstract)\s+)*/, '');
    const s = parseSignature(rest);
    let required = 0;
    s.params.forEach((p, i) => {
      if (!p.optional && !p.variadic) required = i + 1;
    });
    const variadic = s.params.some((p) => p.variadic);
    const info: FunctionInfo = {
      name: s.name, params: s.params, refMask: 0, required, variadic, returnType: null, returnsRef: false, isBuiltin: true,
      cls: { name: className } as PhpClass,
    };
    const max = s.params.length;
    const typed = s.params.map((p) => !!p.type && !p.byRef && p.type.text !== 'mixed' && !/^(array\|object|object\|array)$/.test(p.type.text));
    const anyTyped = typed.some((t) => t);
    const isCallableType = s.params.map((p) => !!p.type && p.type.text === 'callable');
    const wrapper = function (this: any, ...args: any[]) {
      const n = args.length;
      if (n < required || (!variadic && n > max)) argCountError(info, n);
      if (anyTyped) {
        for (let i = 0; i < n; i++) {
          const pi = i < max ? i : max - 1;
          if (!typed[pi]) continue;
          let a = args[i];
          if (a === undefined) continue;
          if (a instanceof Ref) a = a.v;
          if (isCallableType[pi]) {
            const why = { reason: '' };
            if (!resolveCallable(a, null, why)) {
              rt.throwError('TypeError', `${className}::${s.name}(): Argument #${i + 1} ($${s.params[pi].name}) must be a valid callback, ${why.reason}`);
            }
            continue;
          }
          args[i] = coerceArg(info, i, a, false);
        }
      }
      return fn.apply(this, args);
    };
    out[sig] = wrapper;
  }
  return out;
}

/** True when the object's class overrides the method `lc` in user code. */
export function overridden(o: PhpObject, lc: string): boolean {
  const m = o.cls.methods.get(lc);
  return !!m && !m.cls.isInternal && !m.info.isBuiltin;
}

export function call(o: PhpObject, name: string, ...args: any[]): any {
  return callMethodByName(o, name, args);
}

export function truthy(v: any): boolean {
  if (v instanceof Ref) v = v.v;
  return toBool(v);
}

export function clsByName(name: string): PhpClass {
  return findClass(name, false)!;
}

export function isA(v: any, name: string): boolean {
  if (!(v instanceof PhpObject)) return false;
  const c = rt.core.builtinClasses.get(name.toLowerCase()) ?? findClass(name, false);
  return !!c && v.cls.isSubclassOf(c);
}

/** Calls a builtin (or user) function by name at run time (e.g. preg_match from the pcre extension). */
export function callFunction(name: string, args: any[]): any {
  const f = rt.findFunction(name);
  if (!f) return rt.throwError('Error', `Call to undefined function ${name}()`);
  return f.fn(...args);
}
