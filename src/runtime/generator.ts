// Generators: a PHP generator function compiles to a JS generator function; this is the machinery of
// the PHP Generator object around it (current/key/next/send/throw/getReturn/rewind, auto keys,
// `yield from` delegation, and the call-stack frame pushed while the body runs).

import { PhpArray } from './array.js';
import { PhpObject } from './object.js';
import { Ref } from './values.js';
import { rt, Frame } from './request.js';
import { objectIter, Iter } from './iterate.js';
import { generatorRestart, fiberTraversable } from './variants.js';

const NO_ERROR = Symbol('no error');

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
  /** the body is a fiber variant's (runtime/fiber.ts): it also yields the suspensions of its fiber */
  fiberBody = false;
  /** the Closure a closure's generator was made by (its captured values, for a fiber-capable restart) */
  closure: PhpObject | null;
  /** being destroyed: its finally blocks run, and may not yield (ZEND_GENERATOR_FORCED_CLOSE) */
  forcedClose = false;

  constructor(public readonly fr: Frame, self: any) {
    void self;
    this.obj = new PhpObject(rt.core.builtinClasses.get('generator')!);
    this.obj.native = this;
    this.closure = fr.info !== null && fr.info.isClosure ? rt.currentClosure : null;
  }

  start(js: Generator<any, any, any>): void {
    this.js = js;
  }

  private step(mode: 'next' | 'throw', arg: any): void {
    if (this.finished) return;
    if (this.running) rt.throwError('Error', 'Cannot resume an already running generator');
    if (this.fr.info!.hasFinally) rt.liveGenerators.add(this);
    const fr = this.fr;
    fr.prev = rt.top;
    rt.top = fr;
    this.running = true;
    let r: IteratorResult<any>;
    try {
      const d = this.delegate;
      if (d !== null && !d.finished) {
        // `yield from` a generator: the innermost one runs; this body resumes once it has finished
        let failed = false;
        try {
          if (mode === 'next') d.send(arg);
          else d.throwInto(arg);
        } catch (e) {
          failed = true;
          arg = e;
        }
        if (!failed && !d.finished) return;
        mode = failed ? 'throw' : 'next';
      }
      r = mode === 'next' ? this.js!.next(arg) : this.js!.throw(arg);
      if (this.fiberBody) r = this.refuseSuspensions(r);
    } catch (e) {
      this.abort();
      throw e;
    } finally {
      this.running = false;
      rt.top = fr.prev!;
    }
    if (r.done) this.finish(r.value);
  }

  /** The body threw: the generator is closed without a return value. */
  private abort(): void {
    this.finished = true;
    this.curKey = this.curValue = null;
    if (this.fr.info!.hasFinally) rt.liveGenerators.delete(this);
  }

  /**
   * zend_generator_dtor_storage: a generator destroyed while suspended runs its pending finally blocks
   * (a JS return() from the suspended yield does exactly that); they may not yield again.
   */
  destroy(): void {
    if (this.finished) return;
    if (!this.started || this.js === null || this.running) {
      this.abort();
      return;
    }
    // a generator delegated to that only this one held (`yield from gen()`) goes first: its finally
    // blocks run before ours, as its last reference dies with the delegating frame
    const d = this.delegate;
    if (d !== null && !d.finished && d.obj.rc <= 0) d.destroy();
    this.forcedClose = true;
    const fr = this.fr;
    fr.prev = rt.top;
    rt.top = fr;
    this.running = true;
    try {
      let r = this.js.return(null);
      // a fiber-capable body suspending its fiber from a finally block: it can't switch now
      while (!r.done && this.fiberBody) r = this.js.throw(rt.core.createThrowable('FiberError', 'Cannot switch fibers in current execution context'));
    } finally {
      this.running = false;
      rt.top = fr.prev!;
      this.abort();
    }
  }

  /** The body returned: the last value stays readable by generators delegating here (`yield from`). */
  private finish(retval: any): void {
    this.finished = true;
    this.returned = true;
    this.retval = retval;
    this.curRef = null;
    if (this.fr.info!.hasFinally) rt.liveGenerators.delete(this);
  }

  /**
   * The generator whose yield is the current one: the innermost of a `yield from` chain (PHP's root).
   * One that has finished still shows its last value until the generator delegating to it resumes.
   */
  leaf(): GeneratorState {
    let g: GeneratorState = this;
    while (g.delegate !== null) g = g.delegate;
    return g;
  }

  /** Normal code stepped a fiber-capable body that suspended: the suspension fails where it happened. */
  private refuseSuspensions(r: IteratorResult<any>): IteratorResult<any> {
    while (!r.done && r.value !== undefined) r = this.js!.throw(rt.core.createThrowable('FiberError', 'Cannot switch fibers in current execution context'));
    return r;
  }

  /** step() as a fiber variant does it: the body's suspensions pass on to the fiber (`yield`). */
  *stepF(mode: 'next' | 'throw', arg: any): Generator<any, void, any> {
    if (this.finished) return;
    if (this.running) rt.throwError('Error', 'Cannot resume an already running generator');
    if (this.fr.info!.hasFinally) rt.liveGenerators.add(this);
    const fr = this.fr;
    const js = this.js!;
    fr.prev = rt.top;
    rt.top = fr;
    this.running = true;
    let r: IteratorResult<any>;
    let unwound = true;
    try {
      const d = this.delegate;
      if (d !== null && !d.finished) {
        let failed = false;
        try {
          if (mode === 'next') yield* d.sendF(arg);
          else yield* d.throwIntoF(arg);
        } catch (e) {
          failed = true;
          arg = e;
        }
        if (!failed && !d.finished) {
          unwound = false;
          return;
        }
        mode = failed ? 'throw' : 'next';
      }
      r = mode === 'next' ? js.next(arg) : js.throw(arg);
      while (!r.done && r.value !== undefined) {
        let sent: any;
        let error: any = NO_ERROR;
        try {
          sent = yield r.value;
        } catch (e) {
          error = e;
        }
        r = error === NO_ERROR ? js.next(sent) : js.throw(error);
      }
      unwound = false;
    } catch (e) {
      unwound = false;
      this.abort();
      throw e;
    } finally {
      this.running = false;
      if (unwound) {
        // the fiber was destroyed while suspended in the body: the body unwinds with it
        this.abort();
        js.return(undefined);
      }
      rt.top = fr.prev!;
    }
    if (r.done) this.finish(r.value);
  }

  /** A Generator made by normal code, first run by a fiber, runs the fiber-capable body instead. */
  private restartForFiber(): void {
    const info = this.fr.info!;
    const restart = generatorRestart(info);
    if (!restart) return;
    const make = info.isClosure ? restart(this, ...((this.closure?.native?.usedValues as any[]) ?? [])) : restart(this);
    this.js = make.apply(this.fr.self, this.fr.args);
    this.fiberBody = true;
  }

  *ensureStartedF(): Generator<any, void, any> {
    if (!this.started) {
      this.started = true;
      if (!this.fiberBody) this.restartForFiber();
      yield* this.stepF('next', undefined);
    }
  }

  *currentF(): Generator<any, any, any> {
    yield* this.ensureStartedF();
    return this.finished ? null : this.leaf().curValue;
  }

  *keyF(): Generator<any, any, any> {
    yield* this.ensureStartedF();
    return this.finished ? null : this.leaf().curKey;
  }

  *nextF(): Generator<any, void, any> {
    yield* this.ensureStartedF();
    this.advanced = true;
    yield* this.stepF('next', null);
  }

  *sendF(v: any): Generator<any, any, any> {
    yield* this.ensureStartedF();
    this.advanced = true;
    yield* this.stepF('next', v);
    return this.finished ? null : this.leaf().curValue;
  }

  *throwIntoF(e: PhpObject): Generator<any, any, any> {
    yield* this.ensureStartedF();
    if (this.finished) throw e;
    this.advanced = true;
    yield* this.stepF('throw', e);
    return this.finished ? null : this.leaf().curValue;
  }

  *validF(): Generator<any, boolean, any> {
    yield* this.ensureStartedF();
    return !this.finished;
  }

  *rewindF(): Generator<any, void, any> {
    yield* this.ensureStartedF();
    if (this.advanced) rt.throwError('Exception', 'Cannot rewind a generator that was already run');
  }

  *getReturnF(): Generator<any, any, any> {
    yield* this.ensureStartedF();
    return this.getReturn();
  }

  ensureStarted(): void {
    if (!this.started) {
      this.started = true;
      this.step('next', undefined);
    }
  }

  /**
   * The generator delegated to was aborted (no return value): this one resumes at once with a
   * ClosedGeneratorException at its `yield from` (zend_generator_update_current).
   */
  private settle(): void {
    const d = this.delegate;
    if (d !== null && d.finished && !d.returned) this.step('next', null);
  }

  current(): any {
    this.ensureStarted();
    this.settle();
    return this.finished ? null : this.leaf().curValue;
  }

  key(): any {
    this.ensureStarted();
    this.settle();
    return this.finished ? null : this.leaf().curKey;
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
    return this.finished ? null : this.leaf().curValue;
  }

  throwInto(e: PhpObject): any {
    // zend_generator_ensure_initialized: a generator not yet started first runs to its first yield
    this.ensureStarted();
    if (this.finished) throw e;
    this.advanced = true;
    this.step('throw', e);
    return this.finished ? null : this.leaf().curValue;
  }

  valid(): boolean {
    this.ensureStarted();
    this.settle();
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
  if (G.forcedClose) rt.throwError('Error', 'Cannot yield from finally in a force-closed generator');
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
function isTraversable(o: PhpObject): boolean {
  return o.cls.isSubclassOf(rt.core.builtinClasses.get('traversable')!);
}

export function* yieldFrom(G: GeneratorState, v: any): Generator<any, any, any> {
  if (G.forcedClose) rt.throwError('Error', 'Cannot use "yield from" in a force-closed generator');
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
    return yield* delegateTo(G, inner);
  }
  if (v instanceof PhpObject && isTraversable(v)) {
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

/** `yield from` in a fiber-capable body: inner generators step as variants (their suspensions pass through). */
export function* yieldFromF(G: GeneratorState, v: any): Generator<any, any, any> {
  if (G.forcedClose) rt.throwError('Error', 'Cannot use "yield from" in a force-closed generator');
  if (v instanceof PhpObject && !(v.native instanceof GeneratorState)) v = yield* fiberTraversable(v);
  if (!(v instanceof PhpObject && v.native instanceof GeneratorState)) return yield* yieldFromIterF(G, v);
  const inner = v.native as GeneratorState;
  if (inner === G) rt.throwError('Error', 'Impossible to yield from the Generator being currently run');
  if (inner.finished && inner.returned) return inner.retval;
  if (inner.finished) rt.throwError('Error', 'Generator passed to yield from was aborted without proper return and is unable to continue');
  yield* inner.ensureStartedF();
  return yield* delegateTo(G, inner);
}

/**
 * The body of G waits in `yield from inner` (G.step resumes the innermost generator instead) until inner
 * has finished, maybe resumed through another generator delegating to it too (zend_generator_update_current).
 */
function* delegateTo(G: GeneratorState, inner: GeneratorState): Generator<any, any, any> {
  try {
    while (!inner.finished) {
      G.delegate = inner;
      yield undefined;
    }
  } finally {
    G.delegate = null;
  }
  G.curValue = inner.curValue;
  if (!inner.returned) rt.throwError('ClosedGeneratorException', 'Generator yielded from aborted, no return value available');
  return inner.retval;
}

/** `yield from` an array or a non-generator Traversable in a fiber-capable body. */
function* yieldFromIterF(G: GeneratorState, v: any): Generator<any, any, any> {
  if (v instanceof PhpArray) return yield* yieldFrom(G, v);
  if (!(v instanceof PhpObject) || !isTraversable(v)) return rt.throwError('Error', 'Can use "yield from" only with arrays and Traversables');
  const it: Iter = objectIter(v, null, false);
  while (it.nextF !== undefined ? yield* it.nextF() : it.next()) {
    G.curKey = it.k;
    G.curValue = it.v;
    yield undefined;
  }
  it.end();
  return null;
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
    const leaf = g.leaf();
    this.k = leaf.curKey;
    this.v = leaf.curValue;
    return true;
  }
  /** next() in a fiber variant */
  *nextF(): Generator<any, boolean, any> {
    const g = this.g;
    if (this.first) {
      this.first = false;
      if (g.finished && g.started) rt.throwError('Exception', 'Cannot traverse an already closed generator');
      yield* g.rewindF();
    } else yield* g.nextF();
    if (g.finished) return false;
    const leaf = g.leaf();
    this.k = leaf.curKey;
    this.v = leaf.curValue;
    return true;
  }
  end(): void {}
  ref(): Ref {
    const leaf = this.g.leaf();
    if (leaf.curRef) return leaf.curRef;
    if (this.byRef) rt.throwError('Exception', 'You can only iterate a generator by-reference if it declared that it yields by-reference');
    return new Ref(this.v);
  }
}
