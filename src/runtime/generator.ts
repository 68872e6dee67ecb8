// Generators: a PHP generator function compiles to a JS generator function; this is the machinery of
// the PHP Generator object around it (current/key/next/send/throw/getReturn/rewind, auto keys,
// `yield from` delegation, and the call-stack frame pushed while the body runs).

import { PhpArray } from './array.js';
import { PhpObject } from './object.js';
import { Ref } from './values.js';
import { rt, Frame } from './request.js';
import { objectIter, Iter } from './iterate.js';

export class GeneratorState {
  obj: PhpObject;
  js: Generator<any, any, any> | null = null;
  started = false;
  finished = false;
  running = false;
  curKey: any = null;
  curValue: any = null;
  curRef: Ref | null = null;
  /** the largest integer key yielded so far (auto keys continue from it) */
  autoKey = -1;
  retval: any = undefined;
  returned = false;
  /** the generator currently delegated to by `yield from` */
  delegate: GeneratorState | null = null;
  /** advanced past its first yield (rewind is then an error) */
  advanced = false;

  constructor(public readonly fr: Frame, self: any) {
    void self;
    this.obj = new PhpObject(rt.core.builtinClasses.get('generator')!);
    this.obj.native = this;
  }

  start(js: Generator<any, any, any>): void {
    this.js = js;
  }

  private step(mode: 'next' | 'throw', arg: any): void {
    if (this.finished) return;
    if (this.running) rt.throwError('Error', 'Cannot resume an already running generator');
    const fr = this.fr;
    fr.prev = rt.top;
    rt.top = fr;
    this.running = true;
    let r: IteratorResult<any>;
    try {
      r = mode === 'next' ? this.js!.next(arg) : this.js!.throw(arg);
    } catch (e) {
      this.finished = true;
      this.curKey = this.curValue = null;
      throw e;
    } finally {
      this.running = false;
      rt.top = fr.prev!;
    }
    if (r.done) {
      this.finished = true;
      this.returned = true;
      this.retval = r.value;
      this.curKey = this.curValue = null;
      this.curRef = null;
    }
  }

  ensureStarted(): void {
    if (!this.started) {
      this.started = true;
      this.step('next', undefined);
    }
  }

  current(): any {
    this.ensureStarted();
    return this.finished ? null : this.curValue;
  }

  key(): any {
    this.ensureStarted();
    return this.finished ? null : this.curKey;
  }

  next(): void {
    if (!this.started) {
      this.ensureStarted();
    }
    this.advanced = true;
    this.step('next', null);
  }

  send(v: any): any {
    if (!this.started) this.ensureStarted();
    this.advanced = true;
    this.step('next', v);
    return this.finished ? null : this.curValue;
  }

  throwInto(e: PhpObject): any {
    if (!this.started) {
      // an exception thrown into a generator that has not started is thrown from its first line
      this.started = true;
      this.finished = true;
      throw e;
    }
    if (this.finished) throw e;
    this.advanced = true;
    this.step('throw', e);
    return this.finished ? null : this.curValue;
  }

  valid(): boolean {
    this.ensureStarted();
    return !this.finished;
  }

  rewind(): void {
    this.ensureStarted();
    if (this.advanced) rt.throwError('Exception', 'Cannot rewind a generator that was already run');
  }

  getReturn(): any {
    // a generator that was never started runs up to its first yield (auto-priming)
    this.ensureStarted();
    if (this.returned) return this.retval;
    if (this.finished) rt.throwError('Exception', "Cannot get return value of a generator that hasn't returned");
    rt.throwError('Exception', "Cannot get return value of a generator that hasn't returned");
  }
}

export function newGenerator(fr: Frame, self: any): GeneratorState {
  return new GeneratorState(fr, self);
}

/** `yield $k => $v` / `yield $v`: records the current key and value; the JS yield suspends. */
export function yieldValue(G: GeneratorState, key: any, value: any): undefined {
  if (key === undefined) {
    key = ++G.autoKey;
  } else if (typeof key === 'number' && Number.isInteger(key) && key > G.autoKey) {
    G.autoKey = key;
  }
  G.curKey = key;
  G.curValue = value;
  G.curRef = null;
  return undefined;
}

export function yieldRef(G: GeneratorState, key: any, ref: Ref): undefined {
  yieldValue(G, key, ref.v);
  G.curRef = ref;
  return undefined;
}

/** `yield from <expr>`: delegates to an array, a Traversable or another generator; its value is the inner return value. */
export function* yieldFrom(G: GeneratorState, v: any): Generator<any, any, any> {
  if (v instanceof PhpArray) {
    for (let i = v.nextSlot(0); i < v.slotCount; i = v.nextSlot(i + 1)) {
      G.curKey = v.keyAt(i);
      G.curValue = v.valAt(i);
      yield undefined;
    }
    return null;
  }
  if (v instanceof PhpObject && v.native instanceof GeneratorState) {
    const inner = v.native as GeneratorState;
    if (inner === G) rt.throwError('Error', 'Impossible to yield from the Generator being currently run');
    if (inner.finished && inner.returned) return inner.retval;
    if (inner.finished) rt.throwError('Error', 'Generator passed to yield from was aborted without proper return and is unable to continue');
    inner.ensureStarted();
    while (!inner.finished) {
      G.curKey = inner.curKey;
      G.curValue = inner.curValue;
      G.delegate = inner;
      let sent: any;
      try {
        sent = yield undefined;
      } catch (e) {
        G.delegate = null;
        inner.throwInto(e as PhpObject);
        continue;
      }
      G.delegate = null;
      if (sent !== null && sent !== undefined) inner.send(sent);
      else inner.next();
    }
    return inner.returned ? inner.retval : null;
  }
  if (v instanceof PhpObject) {
    const it: Iter = objectIter(v, null, false);
    while (it.next()) {
      G.curKey = it.k;
      G.curValue = it.v;
      yield undefined;
    }
    it.end();
    return null;
  }
  return rt.throwError('Error', 'Can use "yield from" only with arrays and Traversables');
}

/** foreach over a Generator object. */
export class GeneratorIter implements Iter {
  k: any = null;
  v: any = null;
  private first = true;
  constructor(private readonly g: GeneratorState, private readonly byRef: boolean) {}
  next(): boolean {
    const g = this.g;
    if (this.first) {
      this.first = false;
      if (g.finished && g.started) rt.throwError('Exception', 'Cannot traverse an already closed generator');
      g.rewind();
    } else g.next();
    if (g.finished) return false;
    this.k = g.curKey;
    this.v = g.curValue;
    return true;
  }
  end(): void {}
  ref(): Ref {
    if (this.g.curRef) return this.g.curRef;
    if (this.byRef) rt.throwError('Exception', 'You can only iterate a generator by-reference if it declared that it yields by-reference');
    return new Ref(this.v);
  }
}
