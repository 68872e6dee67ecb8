// Values crossing between threads the parallel way (transfer.ts in Copy mode): copied, never shared,
// except channels and syncs, which cross by identity. An exception thrown by a task crosses as its
// class name, message, code, file, line and trace, and is re-created in the thread that reads it.

import { PhpArray } from '../../runtime/array.js';
import { PhpObject, privateKey, PhpClass } from '../../runtime/object.js';
import { Ref } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { instantiate } from '../../runtime/classdecl.js';
import { encodeValue, decodeValue, CopyMode, Encode } from '../../threads/transfer.js';
import { publishModules } from '../../threads/modules.js';

/** Encodes a value for another thread (after the modules its closures come from are published). */
export function copyOut(v: any): Uint8Array {
  publishModules(rt);
  return encodeValue(v, Encode.Copy, CopyMode.Copy);
}

export function copyIn(b: Uint8Array): any {
  return decodeValue(b);
}

function throwableBase(c: PhpClass): PhpClass {
  let k = c;
  while (k.parent) k = k.parent;
  return k;
}

function field(o: PhpObject, name: string): any {
  const base = throwableBase(o.cls);
  const priv = o.p[privateKey(base, name)];
  const v = priv !== undefined ? priv : o.p[name];
  return v instanceof Ref ? v.v : v;
}

/** An uncaught exception of a task, saved for the thread holding its Future. */
export function saveException(e: PhpObject): Uint8Array {
  const trace = field(e, 'trace');
  return copyOut(PhpArray.fromList([e.cls.name, field(e, 'message') ?? '', field(e, 'code') ?? 0, field(e, 'file') ?? '', field(e, 'line') ?? 0, trace instanceof PhpArray ? trace : new PhpArray()]));
}

/** The saved exception re-created here: of its class when this thread knows it, else Future\Error\Foreign. */
export function restoreException(b: Uint8Array): PhpObject {
  const [className, message, code, file, line, trace] = (copyIn(b) as PhpArray).valueList();
  const cls = rt.core.lookupClass(className, true) ?? rt.core.lookupClass('parallel\\Future\\Error\\Foreign', false)!;
  const o = instantiate(cls);
  const base = throwableBase(cls);
  o.p['message'] = message;
  o.p['code'] = code;
  o.p['file'] = file;
  o.p['line'] = line;
  o.p[privateKey(base, 'trace')] = trace;
  o.p[privateKey(base, 'previous')] = null;
  return o;
}
