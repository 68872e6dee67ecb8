// The Fiber and FiberError classes (Zend/zend_fibers.stub.php); the machinery is src/runtime/fiber.ts.

import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass, ClassFlags } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { FiberState, FiberStatus, suspendNormal, fiberError, checkSwitch } from '../../runtime/fiber.js';
import { resolveCallF } from '../../runtime/variants.js';

const F = ClassFlags.Final;

function fiberOf(o: PhpObject): FiberState {
  return o.native as FiberState;
}

export function registerFibers(r: Registry): void {
  r.class({
    name: 'Fiber',
    flags: F,
    uncloneable: true,
    createNative(o: PhpObject) {
      o.native = new FiberState(o);
      // a suspended fiber is unwound when its object is destroyed
      rt.destructibles.push(o);
    },
    nativeMethods: {
      'public __construct(callable $callback)': function (this: PhpObject, callback: any) {
        const f = fiberOf(this);
        if (f.status !== FiberStatus.Init || f.callable !== undefined) fiberError('Cannot call constructor twice');
        f.bound = resolveCallF(callback, rt.callerScope());
        f.callable = callback;
      },
      'public start(mixed ...$args): mixed': function (this: PhpObject, args: any[]) {
        const f = fiberOf(this);
        checkSwitch();
        if (f.status !== FiberStatus.Init) fiberError('Cannot start a fiber that has already been started');
        checkStackSize();
        return f.start(args);
      },
      'public resume(mixed $value = null): mixed': function (this: PhpObject, value: any) {
        const f = fiberOf(this);
        checkSwitch();
        if (f.status !== FiberStatus.Suspended) fiberError('Cannot resume a fiber that is not suspended');
        return f.transfer('next', value);
      },
      'public throw(Throwable $exception): mixed': function (this: PhpObject, e: PhpObject) {
        const f = fiberOf(this);
        checkSwitch();
        if (f.status !== FiberStatus.Suspended) fiberError('Cannot resume a fiber that is not suspended');
        return f.transfer('throw', e);
      },
      'public getReturn(): mixed': function (this: PhpObject) {
        const f = fiberOf(this);
        let why: string;
        if (f.status === FiberStatus.Dead) {
          if (!f.threw && !f.bailout) return f.result;
          why = f.threw ? 'The fiber threw an exception' : 'The fiber exited with a fatal error';
        } else if (f.status === FiberStatus.Init) why = 'The fiber has not been started';
        else why = 'The fiber has not returned';
        return fiberError(`Cannot get fiber return value: ${why}`);
      },
      'public isStarted(): bool': function (this: PhpObject) {
        return fiberOf(this).status !== FiberStatus.Init;
      },
      'public isSuspended(): bool': function (this: PhpObject) {
        return fiberOf(this).status === FiberStatus.Suspended;
      },
      'public isRunning(): bool': function (this: PhpObject) {
        return fiberOf(this).status === FiberStatus.Running;
      },
      'public isTerminated(): bool': function (this: PhpObject) {
        return fiberOf(this).status === FiberStatus.Dead;
      },
      'public static suspend(mixed $value = null): mixed': function (this: PhpClass) {
        // called from a fiber variant, Fiber::suspend() is fiberSuspend (runtime/fiber.ts)
        return suspendNormal();
      },
      'public static getCurrent(): ?Fiber': function () {
        const f = rt.activeFiber as FiberState | null;
        return f ? f.obj : null;
      },
    },
    handlers: {
      destroy(o: PhpObject) {
        fiberOf(o).destroy();
      },
    },
  });
  r.class({
    name: 'FiberError',
    parent: 'Error',
    flags: F,
    nativeMethods: {
      // php-src's constructor does not parse its arguments: any count is refused the same way
      'public __construct(mixed ...$args)': function (this: PhpObject) {
        rt.throwError('Error', `The "${this.cls.name}" class is reserved for internal use and cannot be manually instantiated`);
      },
    },
  });
  r.ini('fiber.stack_size', null, (value) => {
    if (parseQuantity(value) < 0) {
      rt.warn('fiber.stack_size must be a positive number');
      return false;
    }
    return true;
  });
}

/** The smallest stack php-src accepts for a fiber (ZEND_FIBER_MIN_C_STACK_SIZE's page rounding on x86-64). */
const MIN_STACK_SIZE = 8192;

/** fiber.stack_size has no meaning for generator-based fibers, but php-src's checks of it remain. */
function checkStackSize(): void {
  const v = rt.iniGet('fiber.stack_size');
  if (v === null || v === undefined) return;
  if (parseQuantity(v) < MIN_STACK_SIZE) {
    rt.throwError('Exception', `Fiber stack size is too small, it needs to be at least ${MIN_STACK_SIZE} bytes`);
  }
}

/** An ini quantity ("64K", "2M"): zend_ini_parse_quantity without its warnings. */
function parseQuantity(v: string): number {
  const m = /^\s*([+-]?\d+)\s*([kKmMgG]?)\s*$/.exec(v);
  if (!m) return v.trim() === '' ? 0 : parseInt(v, 10) || 0;
  const mult = { '': 1, k: 1024, m: 1024 * 1024, g: 1024 * 1024 * 1024 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return parseInt(m[1], 10) * mult;
}
