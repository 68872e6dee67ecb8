// parallel\Channel: a PHP face for a shared channel (src/threads/channel.ts). The object holds only the
// channel's pointer, so a Channel passed to a task, sent over a channel or returned by one is the same
// channel in every thread.

import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { instantiate } from '../../runtime/classdecl.js';
import { sharedClasses } from '../../threads/transfer.js';
import { currentThreadId } from '../../threads/identity.js';
import {
  channelMake, channelOpen, channelSend, channelRecv, channelClose, channelName, channelBuffered, channelCapacity,
  channelSize, channelClosed, INFINITE,
} from '../../threads/channel.js';
import { illegalValue, valueTypeName } from './check.js';
import { copyIn, copyOut } from './copy.js';
import { fail } from './errors.js';

export function channelPtr(o: PhpObject): number {
  return o.native.ptr as number;
}

export function channelObject(ptr: number): PhpObject {
  const o = instantiate(rt.core.builtinClasses.get('parallel\\channel') as PhpClass);
  o.native = { ptr };
  return o;
}

function checkCapacity(capacity: number): void {
  if (capacity < -1 || capacity === 0) fail('Error\\InvalidArguments', 'capacity may be -1 for unlimited, or a positive integer');
}

/** The name parallel gives an anonymous channel: where it was made, and a serial number. */
let anonymous = 0;
function anonymousName(): string {
  const caller = rt.top.prev ?? rt.top;
  const where = caller.info && caller.info.name !== '{closure}' ? (caller.info.cls ? `${caller.info.cls.name}::${caller.info.name}` : caller.info.name) : caller.file;
  return `${where}#${caller.line}@${currentThreadId()}[${++anonymous}]`;
}

/** Sends a value as parallel does: checked, copied, refused by a closed channel. */
export function sendValue(ptr: number, value: any): void {
  const bad = illegalValue(value);
  if (bad !== undefined) fail('Channel\\Error\\IllegalValue', `value of type ${valueTypeName(bad)} is illegal`);
  if (channelClosed(ptr) || !channelSend(ptr, copyOut(value))) fail('Channel\\Error\\Closed', `channel(${channelName(ptr)}) closed`);
}

function debugInfo(o: PhpObject): [string, any][] {
  const p = channelPtr(o);
  const out: [string, any][] = [['name', channelName(p)]];
  if (!channelBuffered(p)) {
    out.push(['type', 'unbuffered']);
    return out;
  }
  out.push(['type', 'buffered']);
  const cap = channelCapacity(p);
  if (cap === INFINITE) {
    out.push(['capacity', 'infinite']);
    return out;
  }
  out.push(['capacity', cap]);
  const size = channelSize(p);
  if (size > 0) out.push(['size', size]);
  return out;
}

export function registerChannel(r: Registry): void {
  r.class({
    name: 'parallel\\Channel',
    flags: 32 /* final */,
    consts: [{ name: 'Infinite', flags: 1, init: () => INFINITE }],
    nativeMethods: {
      'public __construct(?int $capacity = null)': function (this: PhpObject, capacity: number | null) {
        if (capacity !== null) checkCapacity(capacity);
        const name = anonymousName();
        this.native = { ptr: channelMake(name, capacity ?? 0) };
      },
      'public static make(string $name, ?int $capacity = null): parallel\\Channel': function (name: string, capacity: number | null) {
        if (capacity !== null) checkCapacity(capacity);
        const p = channelMake(name, capacity ?? 0);
        if (p === 0) fail('Channel\\Error\\Existence', `channel named ${name} already exists`);
        return channelObject(p);
      },
      'public static open(string $name): parallel\\Channel': function (name: string) {
        const p = channelOpen(name);
        if (p === 0) fail('Channel\\Error\\Existence', `channel named ${name} not found`);
        return channelObject(p);
      },
      'public send(mixed $value): void': function (this: PhpObject, value: any) {
        sendValue(channelPtr(this), value);
      },
      'public recv(): mixed': function (this: PhpObject) {
        const p = channelPtr(this);
        const b = channelRecv(p);
        if (b === null) fail('Channel\\Error\\Closed', `channel(${channelName(p)}) closed`);
        return copyIn(b);
      },
      'public close(): void': function (this: PhpObject) {
        const p = channelPtr(this);
        if (!channelClose(p)) fail('Channel\\Error\\Closed', `channel(${channelName(p)}) already closed`);
      },
      'public closed(): bool': function (this: PhpObject) {
        return channelClosed(channelPtr(this));
      },
      'public __toString(): string': function (this: PhpObject) {
        return channelName(channelPtr(this));
      },
    },
    handlers: {
      debugInfo,
      compare: (a: PhpObject, b: any) => (b instanceof PhpObject && b.native && a.native && b.native.ptr === a.native.ptr ? 0 : 1),
      clone: (src: PhpObject, dst: PhpObject) => {
        dst.native = { ptr: channelPtr(src) };
      },
    },
  });
  sharedClasses.set('parallel\\channel', { ptr: channelPtr, object: channelObject });
}
