// parallel's exception hierarchy (parallel/src/exceptions.c): every class derives from parallel\Error,
// itself an \Error. Messages are raised with parallel's own words by the classes that throw them.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';

/** [class, parent], parents first. */
const CLASSES: [string, string][] = [
  ['parallel\\Error', 'Error'],
  ['parallel\\Error\\InvalidArguments', 'parallel\\Error'],

  ['parallel\\Runtime\\Error', 'parallel\\Error'],
  ['parallel\\Runtime\\Error\\Bootstrap', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\Closed', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\Killed', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\IllegalFunction', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\IllegalInstruction', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\IllegalParameter', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\IllegalVariable', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\IllegalType', 'parallel\\Runtime\\Error'],
  ['parallel\\Runtime\\Error\\IllegalReturn', 'parallel\\Runtime\\Error'],

  ['parallel\\Future\\Error', 'parallel\\Error'],
  // as in parallel, Future's specific errors derive from parallel\Error directly
  ['parallel\\Future\\Error\\Killed', 'parallel\\Error'],
  ['parallel\\Future\\Error\\Cancelled', 'parallel\\Error'],
  ['parallel\\Future\\Error\\Foreign', 'parallel\\Error'],

  ['parallel\\Channel\\Error', 'parallel\\Error'],
  ['parallel\\Channel\\Error\\Existence', 'parallel\\Channel\\Error'],
  ['parallel\\Channel\\Error\\IllegalValue', 'parallel\\Channel\\Error'],
  ['parallel\\Channel\\Error\\Closed', 'parallel\\Channel\\Error'],

  ['parallel\\Sync\\Error', 'parallel\\Error'],
  ['parallel\\Sync\\Error\\IllegalValue', 'parallel\\Sync\\Error'],

  ['parallel\\Events\\Error', 'parallel\\Error'],
  ['parallel\\Events\\Error\\Existence', 'parallel\\Events\\Error'],
  ['parallel\\Events\\Error\\Timeout', 'parallel\\Events\\Error'],

  ['parallel\\Events\\Input\\Error', 'parallel\\Error'],
  ['parallel\\Events\\Input\\Error\\Existence', 'parallel\\Events\\Input\\Error'],
  ['parallel\\Events\\Input\\Error\\IllegalValue', 'parallel\\Events\\Input\\Error'],

  ['parallel\\Events\\Event\\Error', 'parallel\\Error'],
];

export function registerErrors(r: Registry): void {
  for (const [name, parent] of CLASSES) r.class({ name, parent });
}

/** Throws a parallel exception of `cls` (a name relative to the parallel namespace). */
export function fail(cls: string, message: string): never {
  return rt.throwError('parallel\\' + cls, message);
}
