// parallel\Events: an event loop over channels and futures. poll() picks, in random order, a target
// that is ready (a channel with a value to read, room to write the target's Input, or closed; a future
// that has finished), does the read or the write, and returns the Event, removing the target. A
// blocking poll sleeps on the process-wide change counter (src/threads/notify.ts) until a target may
// be ready, never in a sleep-and-look loop.

import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { instantiate } from '../../runtime/classdecl.js';
import type { Iter } from '../../runtime/iterate.js';
import { Ref } from '../../runtime/values.js';
import { share } from '../../runtime/array.js';
import { toBool } from '../../runtime/convert.js';
import { callValue } from '../../runtime/calls.js';
import { watchChanges } from '../../threads/notify.js';
import { channelClosed, channelReadable, channelWritable, channelTryRecv, channelName } from '../../threads/channel.js';
import { FutureState } from '../../threads/future.js';
import { channelPtr, sendValue } from './channel.js';
import { futureOutcome, futureReady } from './future.js';
import { illegalValue, valueTypeName } from './check.js';
import { copyIn } from './copy.js';
import { fail } from './errors.js';

/** Events\Event\Type */
export const enum EventType {
  Read = 1,
  Write = 2,
  Close = 3,
  Error = 4,
  Cancel = 5,
  Kill = 6,
}

interface EventsNative {
  targets: Map<string, PhpObject>;
  input: PhpObject | null;
  blocking: boolean;
  /** microseconds, -1: none */
  timeout: number;
  /** called while a blocking poll has nothing ready: a true result ends the poll with null */
  blocker: any;
}

function eventsOf(o: PhpObject): EventsNative {
  return o.native as EventsNative;
}

function inputOf(o: PhpObject | null): Map<string, any> | null {
  return o ? (o.native as Map<string, any>) : null;
}

function isChannel(o: PhpObject): boolean {
  return o.cls.lcname === 'parallel\\channel';
}

function makeEvent(ev: EventsNative, type: EventType, source: string, object: PhpObject, value: any): PhpObject {
  const e = instantiate(rt.core.builtinClasses.get('parallel\\events\\event') as PhpClass);
  e.p['type'] = type;
  e.p['source'] = source;
  e.p['object'] = object;
  if (type === EventType.Read || type === EventType.Error) e.p['value'] = value;
  else inputOf(ev.input)?.delete(source);
  ev.targets.delete(source);
  return e;
}

/** One look at a target: its event when it is ready, undefined otherwise. */
function tryTarget(ev: EventsNative, name: string, object: PhpObject): PhpObject | undefined {
  if (isChannel(object)) {
    const p = channelPtr(object);
    if (channelClosed(p)) return makeEvent(ev, EventType.Close, name, object, null);
    const input = inputOf(ev.input);
    if (input && input.has(name)) {
      if (!channelWritable(p)) return undefined;
      sendValue(p, input.get(name));
      return makeEvent(ev, EventType.Write, name, object, null);
    }
    if (!channelReadable(p)) return undefined;
    const b = channelTryRecv(p);
    if (b === null) return undefined;
    return makeEvent(ev, EventType.Read, name, object, copyIn(b));
  }
  if (!futureReady(object)) return undefined;
  const [value, s] = futureOutcome(object);
  const type = s & FutureState.Killed ? EventType.Kill : s & FutureState.Cancelled ? EventType.Cancel : s & FutureState.Error ? EventType.Error : EventType.Read;
  return makeEvent(ev, type, name, object, value);
}

/** One pass over the targets, in random order (no target starves another). */
function tryAll(ev: EventsNative): PhpObject | undefined {
  const entries = [...ev.targets];
  for (let n = entries.length; n > 0; n--) {
    const i = Math.floor(Math.random() * n);
    const [name, object] = entries[i];
    entries[i] = entries[n - 1];
    const e = tryTarget(ev, name, object);
    if (e !== undefined) return e;
  }
  return undefined;
}

/** How often a blocker is consulted while nothing is ready (it may be what makes progress). */
const BLOCKER_PERIOD_MS = 1;

function poll(o: PhpObject): PhpObject | null {
  const ev = eventsOf(o);
  if (ev.targets.size === 0) return null;
  if (!ev.blocking) return tryAll(ev) ?? null;
  const timeoutMs = ev.timeout < 0 ? Infinity : ev.timeout / 1000;
  if (ev.blocker === null) {
    const e = watchChanges(() => tryAll(ev), timeoutMs);
    if (e === undefined) fail('Events\\Error\\Timeout', 'timeout occured');
    return e;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const e = tryAll(ev);
    if (e !== undefined) return e;
    if (toBool(callValue(ev.blocker, []))) return null;
    const left = deadline - Date.now();
    if (left <= 0) fail('Events\\Error\\Timeout', 'timeout occured');
    const later = watchChanges(() => tryAll(ev), Math.min(left, BLOCKER_PERIOD_MS));
    if (later !== undefined) return later;
  }
}

/** foreach over Events: polls until no target is left. */
class EventsIter implements Iter {
  k: any = null;
  v: any = null;
  private n = 0;
  constructor(private readonly o: PhpObject) {}
  next(): boolean {
    const e = poll(this.o);
    if (e === null) return false;
    this.k = this.n++;
    this.v = e;
    return true;
  }
  end(): void {}
  ref(): Ref {
    return new Ref(this.v);
  }
}

function addTarget(ev: EventsNative, name: string, object: PhpObject): void {
  if (ev.targets.has(name)) fail('Events\\Error\\Existence', `target named "${name}" already added`);
  ev.targets.set(name, object);
}

export function registerEvents(r: Registry): void {
  r.class({
    name: 'parallel\\Events',
    flags: 32 /* final */,
    interfaces: ['Countable', 'Traversable'],
    createNative(o: PhpObject) {
      o.native = { targets: new Map(), input: null, blocking: true, timeout: -1, blocker: null } as EventsNative;
    },
    nativeMethods: {
      'public setInput(parallel\\Events\\Input $input): void': function (this: PhpObject, input: PhpObject) {
        eventsOf(this).input = input;
      },
      'public addChannel(parallel\\Channel $channel): void': function (this: PhpObject, channel: PhpObject) {
        addTarget(eventsOf(this), channelName(channelPtr(channel)), channel);
      },
      'public addFuture(string $name, parallel\\Future $future): void': function (this: PhpObject, name: string, future: PhpObject) {
        addTarget(eventsOf(this), name, future);
      },
      'public remove(string $target): void': function (this: PhpObject, target: string) {
        if (!eventsOf(this).targets.delete(target)) fail('Events\\Error\\Existence', `target named "${target}" not found`);
      },
      'public setBlocking(bool $blocking): void': function (this: PhpObject, blocking: boolean) {
        const ev = eventsOf(this);
        if (ev.timeout > -1) fail('Events\\Error', 'cannot set blocking mode on loop with timeout');
        ev.blocking = blocking;
      },
      'public setTimeout(int $timeout): void': function (this: PhpObject, timeout: number) {
        const ev = eventsOf(this);
        if (!ev.blocking) fail('Events\\Error', 'cannot set timeout on loop in non-blocking mode');
        ev.timeout = timeout;
      },
      'public setBlocker(callable $blocker): void': function (this: PhpObject, blocker: any) {
        eventsOf(this).blocker = blocker;
      },
      'public poll(): ?parallel\\Events\\Event': function (this: PhpObject) {
        return poll(this);
      },
      'public count(): int': function (this: PhpObject) {
        return eventsOf(this).targets.size;
      },
    },
    handlers: {
      count: (o: PhpObject) => eventsOf(o).targets.size,
      iterate: (o: PhpObject) => {
        if (!eventsOf(o).blocking) fail('Events\\Error', 'cannot create iterator for non-blocking event loop');
        return new EventsIter(o);
      },
    } as any,
  });

  r.class({
    name: 'parallel\\Events\\Input',
    flags: 32 /* final */,
    createNative(o: PhpObject) {
      o.native = new Map<string, any>();
    },
    nativeMethods: {
      'public add(string $target, mixed $value): void': function (this: PhpObject, target: string, value: any) {
        const bad = illegalValue(value);
        if (bad !== undefined) fail('Events\\Input\\Error\\IllegalValue', `value of type ${valueTypeName(bad)} is illegal`);
        const input = inputOf(this)!;
        if (input.has(target)) fail('Events\\Input\\Error\\Existence', `input for target ${target} exists`);
        input.set(target, share(value));
      },
      'public remove(string $target): void': function (this: PhpObject, target: string) {
        if (!inputOf(this)!.delete(target)) fail('Events\\Input\\Error\\Existence', `input for target ${target} does not exist`);
      },
      'public clear(): void': function (this: PhpObject) {
        inputOf(this)!.clear();
      },
    },
  });

  r.class({
    name: 'parallel\\Events\\Event',
    flags: 32 /* final */,
    props: ['type', 'source', 'object', 'value'].map((name) => ({ name, flags: 1, default: () => null })),
    nativeMethods: {
      'public __construct()': function () {
        fail('Events\\Event\\Error', 'construction of Events\\Event objects is not allowed');
      },
    },
  });

  r.class({
    name: 'parallel\\Events\\Event\\Type',
    flags: 32 /* final */,
    consts: [
      ['Read', EventType.Read], ['Write', EventType.Write], ['Close', EventType.Close],
      ['Error', EventType.Error], ['Cancel', EventType.Cancel], ['Kill', EventType.Kill],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
  });
}
