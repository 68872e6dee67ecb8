// parallel\Sync: a scalar shared by every thread that holds the Sync (it crosses by identity), with a
// lock taken by __invoke() and a condition (wait/notify) for use inside it (src/threads/sync.ts).

import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpResource } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { instantiate } from '../../runtime/classdecl.js';
import { callValue } from '../../runtime/calls.js';
import { encodeValue, decodeValue, sharedClasses } from '../../threads/transfer.js';
import { syncCreate, syncGet, syncSet, syncLock, syncUnlock, syncWait, syncNotify } from '../../threads/sync.js';
import { valueTypeName } from './check.js';
import { fail } from './errors.js';

function syncPtr(o: PhpObject): number {
  return o.native.ptr as number;
}

function syncObject(ptr: number): PhpObject {
  const o = instantiate(rt.core.builtinClasses.get('parallel\\sync') as PhpClass);
  o.native = { ptr };
  return o;
}

function scalar(v: any): Uint8Array {
  if (v instanceof PhpObject || v instanceof PhpArray || v instanceof PhpResource) {
    fail('Sync\\Error\\IllegalValue', `sync cannot contain non-scalar ${valueTypeName(v)}`);
  }
  return encodeValue(v);
}

export function registerSync(r: Registry): void {
  r.class({
    name: 'parallel\\Sync',
    flags: 32 /* final */,
    nativeMethods: {
      'public __construct(mixed ...$value)': function (this: PhpObject, value: any[]) {
        this.native = { ptr: syncCreate(value.length ? scalar(value[0]) : null) };
      },
      'public get(): mixed': function (this: PhpObject) {
        const b = syncGet(syncPtr(this));
        return b === null ? null : decodeValue(b);
      },
      'public set(mixed $value): void': function (this: PhpObject, value: any) {
        syncSet(syncPtr(this), scalar(value));
      },
      'public wait(): bool': function (this: PhpObject) {
        syncWait(syncPtr(this));
        return true;
      },
      'public notify(bool $all = false): bool': function (this: PhpObject, all: boolean) {
        syncNotify(syncPtr(this), all);
        return true;
      },
      'public __invoke(callable $block): mixed': function (this: PhpObject, block: any) {
        const p = syncPtr(this);
        syncLock(p);
        try {
          return callValue(block, []);
        } finally {
          syncUnlock(p);
        }
      },
    },
    handlers: {
      debugInfo: (o: PhpObject) => {
        if (!o.native) return [];
        const b = syncGet(syncPtr(o));
        return b === null ? [] : [['value', decodeValue(b)]];
      },
    },
  });
  sharedClasses.set('parallel\\sync', { ptr: syncPtr, object: syncObject });
}
