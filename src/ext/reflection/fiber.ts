// ReflectionFiber (ext/reflection/php_reflection.c): the state of a started fiber from outside it.

import type { Registry } from '../../engine/extension.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { rt, Frame } from '../../runtime/request.js';
import { FiberState, FiberStatus } from '../../runtime/fiber.js';

function fiberOf(o: PhpObject): FiberState {
  return (o.native as PhpObject).native as FiberState;
}

/** REFLECTION_CHECK_VALID_FIBER */
function startedFiber(o: PhpObject): FiberState {
  const f = fiberOf(o);
  if (f.status === FiberStatus.Init || f.status === FiberStatus.Dead) {
    rt.throwError('Error', 'Cannot fetch information from a fiber that has not been started or is terminated');
  }
  return f;
}

/** The PHP code the fiber executes: the first user frame below its innermost frame (builtins skipped). */
function executingFrame(f: FiberState): Frame | null {
  let fr: Frame | null = f.innermostFrame().prev;
  while (fr && (!fr.info || fr.info.isBuiltin) && fr.prev) fr = fr.prev;
  return fr && fr.info && !fr.info.isBuiltin ? fr : null;
}

export function registerFiberReflection(r: Registry): void {
  r.class({
    name: 'ReflectionFiber',
    flags: 32,
    nativeMethods: {
      'public __construct(Fiber $fiber)': function (this: PhpObject, fiber: PhpObject) {
        this.native = fiber;
      },
      'public getFiber(): Fiber': function (this: PhpObject) {
        return this.native;
      },
      'public getExecutingFile(): ?string': function (this: PhpObject) {
        return executingFrame(startedFiber(this))?.file ?? null;
      },
      'public getExecutingLine(): ?int': function (this: PhpObject) {
        return executingFrame(startedFiber(this))?.line ?? null;
      },
      'public getCallable(): callable': function (this: PhpObject) {
        const f = fiberOf(this);
        if (f.status === FiberStatus.Dead) rt.throwError('Error', 'Cannot fetch the callable from a fiber that has terminated');
        return f.callable;
      },
      'public getTrace(int $options = DEBUG_BACKTRACE_PROVIDE_OBJECT): array': function (this: PhpObject, options: number) {
        const trace: PhpArray = startedFiber(this).trace((options & 2) === 0);
        if (!(options & 1)) for (const e of trace.values()) if (e instanceof PhpArray) e.delete('object');
        return trace;
      },
    },
  });
}
