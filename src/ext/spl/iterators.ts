// SPL iterators (ext/spl/spl_iterators.c): the interfaces OuterIterator, RecursiveIterator,
// SeekableIterator; the "dual" iterators wrapping an inner one (IteratorIterator and its family),
// RecursiveIteratorIterator with its hooks, RecursiveTreeIterator, EmptyIterator, MultipleIterator.

import type { Registry } from '../../engine/extension.js';
import { PhpArray, share } from '../../runtime/array.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref } from '../../runtime/values.js';
import { instantiate } from '../../runtime/classdecl.js';
import { findClass, callMethodByName } from '../../runtime/objects.js';
import { callBound, callValue, findMethodForCall } from '../../runtime/calls.js';
import { toStr } from '../../runtime/convert.js';
import { toKey } from '../../runtime/dims.js';
import { checked, overridden, truthy, isA, callFunction } from './util.js';

const I = 1 << 8; // ClassFlags.Interface
const ABSTRACT = 16;

function abstractMethod(name: string, params = ''): Record<string, Function> {
  return { [`public abstract ${name}(${params})`]: () => null };
}

function m(o: PhpObject, name: string, ...args: any[]): any {
  return callMethodByName(o, name, args);
}

/** new $cls(...$args), calling the constructor. */
function construct(cls: PhpClass, args: any[]): PhpObject {
  const o = instantiate(cls);
  if (cls.dtor) rt.destructibles.push(o);
  const ctor = cls.ctor;
  if (ctor) callBound({ fn: ctor.fn, self: o, info: ctor.info }, args);
  return o;
}

// ───────────── dual iterators ─────────────

const enum Kind {
  Default, Filter, Limit, Caching, RecursiveCaching, NoRewind, Append, Infinite, Regex, RecursiveRegex, CallbackFilter,
}

interface Dual {
  dual: true;
  kind: Kind;
  inner: PhpObject | null;
  /** the fetched current element */
  has: boolean;
  key: any;
  data: any;
  pos: number;
  // LimitIterator
  offset: number;
  count: number;
  // CachingIterator
  flags: number;
  str: any;
  cache: PhpArray | null;
  children: PhpObject | null;
  valid: boolean;
  // AppendIterator
  list: PhpObject | null;
  // CallbackFilterIterator
  callback: any;
  // RegexIterator
  regex: string;
  mode: number;
  pregFlags: number;
}

function newDual(): Dual {
  return {
    dual: true, kind: Kind.Default, inner: null, has: false, key: null, data: null, pos: 0, offset: 0, count: -1, flags: 0, str: null,
    cache: null, children: null, valid: false, list: null, callback: null, regex: '', mode: 0, pregFlags: 0,
  };
}

/** The dual state, or the LogicException when the parent constructor never ran. */
function dual(o: PhpObject): Dual {
  const d = o.native as Dual;
  if (!d || !d.inner) {
    if (d && d.kind === Kind.Append && d.list) return d;
    rt.throwError('LogicException', 'The object is in an invalid state as the parent constructor was not called');
  }
  return d;
}

function free(d: Dual): void {
  d.has = false;
  d.key = null;
  d.data = null;
}

function innerValid(d: Dual): boolean {
  return !!d.inner && truthy(m(d.inner, 'valid'));
}

function fetch(d: Dual, checkMore: boolean): boolean {
  free(d);
  if (!checkMore || innerValid(d)) {
    d.data = m(d.inner!, 'current');
    d.key = m(d.inner!, 'key');
    d.has = true;
    return true;
  }
  return false;
}

function dualRewind(d: Dual): void {
  free(d);
  if (d.inner) m(d.inner, 'rewind');
  d.pos = 0;
}

function dualNext(d: Dual, doFree: boolean): void {
  if (doFree) free(d);
  m(d.inner!, 'next');
  d.pos++;
}

/** The iterator to wrap: Iterator as is, IteratorAggregate through getIterator(). */
function innerOf(v: PhpObject, cls: string): PhpObject {
  if (isA(v, 'IteratorAggregate') && !isA(v, 'Iterator')) {
    const it = m(v, 'getIterator');
    if (!(it instanceof PhpObject) || !isA(it, 'Traversable')) {
      rt.throwError('LogicException', `${cls}::getIterator() must return an object that implements Traversable`);
    }
    return innerOf(it, cls);
  }
  return v;
}

function initDual(o: PhpObject, inner: PhpObject, kind: Kind): Dual {
  const d = o.native as Dual;
  if (d.inner) rt.throwError('BadMethodCallException', `${o.cls.name}::getIterator() must be called exactly once per instance`);
  d.inner = inner;
  d.kind = kind;
  return d;
}

/** Unknown methods on a dual iterator are looked up on the inner iterator. */
function forwardCall(this: PhpObject, name: string, args: PhpArray): any {
  const d = this.native as Dual | any;
  const inner: PhpObject | null = d && d.dual ? d.inner : d && d.levels ? (d.levels.length ? d.levels[d.levels.length - 1].it : null) : null;
  if (inner && inner.cls.methods.has(name.toLowerCase())) {
    return callBound(findMethodForCall(inner, name, null), args.valueList());
  }
  return rt.throwError('Error', `Call to undefined method ${this.cls.name}::${name}()`);
}

// FilterIterator
function fetchAccepted(o: PhpObject, d: Dual): void {
  while (fetch(d, true)) {
    if (truthy(m(o, 'accept'))) return;
    m(d.inner!, 'next');
  }
  free(d);
}

// LimitIterator
function limitSeek(o: PhpObject, d: Dual, pos: number): void {
  if (pos < d.offset) rt.throwError('OutOfBoundsException', `Cannot seek to ${pos} which is below the offset ${d.offset}`);
  if (pos >= d.offset + d.count && d.count !== -1) {
    rt.throwError('OutOfBoundsException', `Cannot seek to ${pos} which is behind offset ${d.offset} plus count ${d.count}`);
  }
  if (pos !== d.pos && isA(d.inner, 'SeekableIterator')) {
    free(d);
    m(d.inner!, 'seek', pos);
    d.pos = pos;
    if (limitValid(d)) fetch(d, false);
  } else {
    if (pos < d.pos) dualRewind(d);
    while (pos > d.pos && innerValid(d)) dualNext(d, true);
    if (innerValid(d)) fetch(d, true);
  }
  void o;
}

function limitValid(d: Dual): boolean {
  if (d.count !== -1 && d.pos >= d.offset + d.count) return false;
  return innerValid(d);
}

// CachingIterator
const CIT_CALL_TOSTRING = 1, CIT_TOSTRING_USE_KEY = 2, CIT_TOSTRING_USE_CURRENT = 4, CIT_TOSTRING_USE_INNER = 8;
const CIT_CATCH_GET_CHILD = 16, CIT_FULL_CACHE = 256;
const CIT_PUBLIC = 0xffff;
const CIT_VALID = 0x10000;

function cachingNext(o: PhpObject, d: Dual): void {
  if (fetch(d, true)) {
    d.flags |= CIT_VALID;
    if (d.flags & CIT_FULL_CACHE) {
      d.cache!.set(toKey(d.key), share(d.data));
    }
    if (d.kind === Kind.RecursiveCaching) {
      d.children = null;
      let has: any = false;
      try {
        has = m(d.inner!, 'hasChildren');
        if (truthy(has)) {
          const child = m(d.inner!, 'getChildren');
          d.children = construct(o.cls, [child, d.flags & CIT_PUBLIC]);
        }
      } catch (e) {
        if (!(d.flags & CIT_CATCH_GET_CHILD) || !(e instanceof PhpObject)) throw e;
        d.children = null;
      }
    }
    if (d.flags & (CIT_CALL_TOSTRING | CIT_TOSTRING_USE_INNER)) {
      d.str = d.flags & CIT_TOSTRING_USE_INNER ? toStr(d.inner) : d.data instanceof PhpArray ? (rt.warn('Array to string conversion'), 'Array') : toStr(d.data);
    }
    dualNext(d, false);
  } else {
    d.flags &= ~CIT_VALID;
  }
}

function cachingRewind(o: PhpObject, d: Dual): void {
  dualRewind(d);
  if (d.cache) d.cache = new PhpArray();
  cachingNext(o, d);
}

function fullCache(o: PhpObject, d: Dual): void {
  if (!(d.flags & CIT_FULL_CACHE)) rt.throwError('BadMethodCallException', `${o.cls.name} does not use a full cache (see CachingIterator::__construct)`);
}

function checkCachingFlags(cls: string, argNo: number, flags: number): void {
  const f = flags & (CIT_CALL_TOSTRING | CIT_TOSTRING_USE_KEY | CIT_TOSTRING_USE_CURRENT | CIT_TOSTRING_USE_INNER);
  if (f & (f - 1)) {
    rt.throwError('ValueError', `${cls}::__construct(): Argument #${argNo} ($flags) must contain only one of CachingIterator::CALL_TOSTRING, CachingIterator::TOSTRING_USE_KEY, CachingIterator::TOSTRING_USE_CURRENT, or CachingIterator::TOSTRING_USE_INNER`);
  }
}

// AppendIterator
function appendList(d: Dual): PhpObject {
  return d.list!;
}

function appendNextIterator(d: Dual): boolean {
  free(d);
  const list = appendList(d);
  if (d.inner) {
    d.inner = null;
    m(list, 'next');
  }
  if (truthy(m(list, 'valid'))) {
    const it = m(list, 'current');
    d.inner = it;
    m(it, 'rewind');
    return true;
  }
  return false;
}

function appendFetch(d: Dual): void {
  while (!innerValid(d)) {
    if (!appendNextIterator(d)) return;
  }
  fetch(d, false);
}

// RegexIterator
const REGIT_USE_KEY = 1, REGIT_INVERTED = 2;
const MODE_MATCH = 0, MODE_GET_MATCH = 1, MODE_ALL_MATCHES = 2, MODE_SPLIT = 3, MODE_REPLACE = 4;

function regexAccept(o: PhpObject, d: Dual): boolean {
  if (!d.has) return false;
  const subjectV = d.flags & REGIT_USE_KEY ? d.key : d.data;
  if (subjectV instanceof PhpArray) return false;
  const subject = toStr(subjectV);
  let r = false;
  switch (d.mode) {
    case MODE_MATCH: {
      const n = callFunction('preg_match', [d.regex, subject]);
      r = typeof n === 'number' && n > 0;
      break;
    }
    case MODE_GET_MATCH:
    case MODE_ALL_MATCHES: {
      const out = new Ref(null);
      const n = callFunction(d.mode === MODE_ALL_MATCHES ? 'preg_match_all' : 'preg_match', [d.regex, subject, out, d.pregFlags]);
      d.data = out.v;
      r = d.mode === MODE_ALL_MATCHES ? typeof n === 'number' && n >= 0 : typeof n === 'number' && n > 0;
      break;
    }
    case MODE_SPLIT: {
      const parts = callFunction('preg_split', [d.regex, subject, -1, d.pregFlags]);
      if (parts instanceof PhpArray && parts.size > 1) {
        d.data = parts;
        r = true;
      }
      break;
    }
    case MODE_REPLACE: {
      const rep = o.p['replacement'];
      const cnt = new Ref(0);
      const result = callFunction('preg_replace', [d.regex, rep === null || rep === undefined ? '' : toStr(rep instanceof Ref ? rep.v : rep), subject, -1, cnt]);
      if (d.flags & REGIT_USE_KEY) d.key = result;
      else d.data = result;
      r = typeof cnt.v === 'number' && cnt.v > 0;
      break;
    }
  }
  if (d.flags & REGIT_INVERTED) return !r;
  return r;
}

function checkRegexMode(where: string, mode: number): void {
  if (mode < 0 || mode > 4) {
    rt.throwError('ValueError', `${where} must be RegexIterator::MATCH, RegexIterator::GET_MATCH, RegexIterator::ALL_MATCHES, RegexIterator::SPLIT, or RegexIterator::REPLACE`);
  }
}

// ───────────── RecursiveIteratorIterator ─────────────

const RS_NEXT = 0, RS_TEST = 1, RS_SELF = 2, RS_CHILD = 3, RS_START = 4;
const RIT_LEAVES_ONLY = 0, RIT_SELF_FIRST = 1, RIT_CHILD_FIRST = 2;
const RIT_CATCH_GET_CHILD = 16;

interface Level {
  it: PhpObject;
  state: number;
}

interface Rii {
  levels: Level[];
  mode: number;
  flags: number;
  maxDepth: number;
  inIteration: boolean;
  // RecursiveTreeIterator
  tree: boolean;
  treeFlags: number;
  prefix: string[];
  postfix: string;
}

function rii(o: PhpObject): Rii {
  const r = o.native as Rii;
  if (!r || !r.levels || !r.levels.length) rt.throwError('LogicException', 'The object is in an invalid state as the parent constructor was not called');
  return r;
}

function hook(o: PhpObject, lc: string): boolean {
  return overridden(o, lc);
}

function guarded(r: Rii, f: () => void): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (!(r.flags & RIT_CATCH_GET_CHILD) || !isPhpException(e)) throw e;
    return false;
  }
}

function isPhpException(e: any): boolean {
  return e instanceof PhpObject;
}

function riiForward(o: PhpObject, r: Rii): void {
  for (;;) {
    const lvl = r.levels[r.levels.length - 1];
    const it = lvl.it;
    let done = false;
    step: for (;;) {
      if (lvl.state === RS_NEXT || lvl.state === RS_START) {
        if (lvl.state === RS_NEXT) guarded(r, () => m(it, 'next'));
        if (!truthy(m(it, 'valid'))) {
          done = true;
          break step;
        }
        lvl.state = RS_TEST;
      }
      switch (lvl.state) {
        case RS_TEST: {
          let has: any = undefined;
          try {
            has = hook(o, 'callhaschildren') ? m(o, 'callHasChildren') : m(it, 'hasChildren');
          } catch (e) {
            if (!(r.flags & RIT_CATCH_GET_CHILD) || !(e instanceof PhpObject)) {
              lvl.state = RS_NEXT;
              throw e;
            }
            has = undefined;
          }
          if (has !== undefined && truthy(has)) {
            const level = r.levels.length - 1;
            if (r.maxDepth === -1 || r.maxDepth > level) {
              lvl.state = r.mode === RIT_SELF_FIRST ? RS_SELF : RS_CHILD;
              continue step;
            } else if (r.mode === RIT_LEAVES_ONLY) {
              lvl.state = RS_NEXT;
              continue step;
            }
          }
          if (hook(o, 'nextelement')) {
            lvl.state = RS_NEXT;
            guarded(r, () => m(o, 'nextElement'));
          }
          lvl.state = RS_NEXT;
          return;
        }
        case RS_SELF:
          if (hook(o, 'nextelement') && (r.mode === RIT_SELF_FIRST || r.mode === RIT_CHILD_FIRST)) m(o, 'nextElement');
          lvl.state = r.mode === RIT_SELF_FIRST ? RS_CHILD : RS_NEXT;
          return;
        case RS_CHILD: {
          let child: any;
          try {
            child = hook(o, 'callgetchildren') ? m(o, 'callGetChildren') : m(it, 'getChildren');
          } catch (e) {
            if (!(r.flags & RIT_CATCH_GET_CHILD) || !(e instanceof PhpObject)) throw e;
            lvl.state = RS_NEXT;
            continue step;
          }
          if (!(child instanceof PhpObject) || !isA(child, 'RecursiveIterator')) {
            rt.throwError('UnexpectedValueException', 'Objects returned by RecursiveIterator::getChildren() must implement RecursiveIterator');
          }
          lvl.state = r.mode === RIT_CHILD_FIRST ? RS_SELF : RS_NEXT;
          r.levels.push({ it: child, state: RS_START });
          m(child, 'rewind');
          if (hook(o, 'beginchildren')) guarded(r, () => m(o, 'beginChildren'));
          break step;
        }
        default:
          done = true;
          break step;
      }
    }
    if (!done) continue;
    // no more elements at this level
    if (r.levels.length > 1) {
      if (hook(o, 'endchildren')) {
        if (!guarded(r, () => m(o, 'endChildren'))) {
          /* caught */
        }
      }
      r.levels.pop();
    } else return;
  }
}

function riiRewind(o: PhpObject, r: Rii): void {
  while (r.levels.length > 1) {
    r.levels.pop();
    if (hook(o, 'endchildren')) m(o, 'endChildren');
  }
  r.levels[0].state = RS_START;
  m(r.levels[0].it, 'rewind');
  if (hook(o, 'beginiteration') && !r.inIteration) m(o, 'beginIteration');
  r.inIteration = true;
  riiForward(o, r);
}

function riiValid(o: PhpObject, r: Rii): boolean {
  for (let level = r.levels.length - 1; level >= 0; level--) {
    if (truthy(m(r.levels[level].it, 'valid'))) return true;
  }
  if (hook(o, 'enditeration') && r.inIteration) m(o, 'endIteration');
  r.inIteration = false;
  return false;
}

function riiCur(r: Rii): PhpObject {
  return r.levels[r.levels.length - 1].it;
}

function riiConstruct(o: PhpObject, iterator: any, mode: number, flags: number, cls: string): void {
  let it = iterator;
  if (it instanceof PhpObject && isA(it, 'IteratorAggregate')) it = m(it, 'getIterator');
  if (!(it instanceof PhpObject) || !isA(it, 'RecursiveIterator')) {
    rt.throwError('InvalidArgumentException', 'An instance of RecursiveIterator or IteratorAggregate creating it is required');
  }
  void cls;
  const r = o.native as Rii;
  r.levels = [{ it, state: RS_START }];
  r.mode = mode;
  r.flags = flags;
  r.maxDepth = -1;
  r.inIteration = false;
}

// RecursiveTreeIterator
const RTIT_BYPASS_CURRENT = 4, RTIT_BYPASS_KEY = 8;

function treePrefix(r: Rii): string {
  let s = r.prefix[0];
  const last = r.levels.length - 1;
  for (let level = 0; level < last; level++) {
    s += truthy(m(r.levels[level].it, 'hasNext')) ? r.prefix[1] : r.prefix[2];
  }
  s += truthy(m(r.levels[last].it, 'hasNext')) ? r.prefix[3] : r.prefix[4];
  return s + r.prefix[5];
}

function treeEntry(r: Rii): any {
  const v = m(riiCur(r), 'current');
  if (v instanceof PhpArray) return 'Array';
  return toStr(v);
}

// ───────────── MultipleIterator ─────────────

const MIT_NEED_ANY = 0, MIT_NEED_ALL = 1, MIT_KEYS_NUMERIC = 0, MIT_KEYS_ASSOC = 2;

interface Multi {
  flags: number;
  its: { it: PhpObject; info: any }[];
}

function multiAll(o: PhpObject, what: 'current' | 'key'): PhpArray {
  const s = o.native as Multi;
  if (!s.its.length) rt.throwError('RuntimeException', `Called ${what}() on an invalid iterator`);
  const out = new PhpArray();
  for (const { it, info } of s.its) {
    let v: any;
    if (truthy(m(it, 'valid'))) v = m(it, what);
    else {
      if (s.flags & MIT_NEED_ALL) rt.throwError('RuntimeException', `Called ${what}() with non valid sub iterator`);
      v = null;
    }
    if (s.flags & MIT_KEYS_ASSOC) {
      if (typeof info === 'number' || typeof info === 'string') out.set(toKey(info), share(v));
      else rt.throwError('InvalidArgumentException', 'Sub-Iterator is associated with NULL');
    } else out.append(share(v));
  }
  return out;
}

// ───────────── registration ─────────────

export function registerIteratorInterfaces(r: Registry): void {
  r.class({ name: 'RecursiveIterator', flags: I, interfaces: ['Iterator'], nativeMethods: { ...abstractMethod('hasChildren'), ...abstractMethod('getChildren') } });
  r.class({ name: 'OuterIterator', flags: I, interfaces: ['Iterator'], nativeMethods: abstractMethod('getInnerIterator') });
  r.class({ name: 'SeekableIterator', flags: I, interfaces: ['Iterator'], nativeMethods: abstractMethod('seek', 'int $offset') });
  r.class({ name: 'SplObserver', flags: I, nativeMethods: abstractMethod('update', 'SplSubject $subject') });
  r.class({
    name: 'SplSubject', flags: I,
    nativeMethods: { ...abstractMethod('attach', 'SplObserver $observer'), ...abstractMethod('detach', 'SplObserver $observer'), ...abstractMethod('notify') },
  });
}

export function registerIterators(r: Registry): void {
  const dualNative = (o: PhpObject) => {
    o.native = newDual();
  };

  r.class({
    name: 'EmptyIterator',
    interfaces: ['Iterator'],
    nativeMethods: checked('EmptyIterator', {
      'public current()': () => rt.throwError('BadMethodCallException', 'Accessing the value of an EmptyIterator'),
      'public next()': () => null,
      'public key()': () => rt.throwError('BadMethodCallException', 'Accessing the key of an EmptyIterator'),
      'public valid()': () => false,
      'public rewind()': () => null,
    }),
  });

  r.class({
    name: 'IteratorIterator',
    interfaces: ['OuterIterator'],
    createNative: dualNative,
    nativeMethods: {
      ...checked('IteratorIterator', {
        'public __construct(Traversable $iterator, ?string $class = null)': function (this: PhpObject, it: PhpObject) {
          initDual(this, innerOf(it, this.cls.name), Kind.Default);
        },
        'public getInnerIterator()': function (this: PhpObject) {
          const d = this.native as Dual;
          return d.inner ?? null;
        },
        'public rewind()': function (this: PhpObject) {
          const d = dual(this);
          dualRewind(d);
          fetch(d, true);
        },
        'public valid()': function (this: PhpObject) {
          return dual(this).has;
        },
        'public key()': function (this: PhpObject) {
          const d = dual(this);
          return d.has ? d.key : null;
        },
        'public current()': function (this: PhpObject) {
          const d = dual(this);
          return d.has ? d.data : null;
        },
        'public next()': function (this: PhpObject) {
          const d = dual(this);
          dualNext(d, true);
          fetch(d, true);
        },
      }),
      'public __call(string $name, array $arguments)': forwardCall,
    },
  });

  r.class({
    name: 'FilterIterator',
    flags: ABSTRACT,
    parent: 'IteratorIterator',
    nativeMethods: {
      ...abstractMethod('accept'),
      ...checked('FilterIterator', {
        'public __construct(Iterator $iterator)': function (this: PhpObject, it: PhpObject) {
          initDual(this, it, Kind.Filter);
        },
        'public rewind()': function (this: PhpObject) {
          const d = dual(this);
          dualRewind(d);
          fetchAccepted(this, d);
        },
        'public next()': function (this: PhpObject) {
          const d = dual(this);
          dualNext(d, true);
          fetchAccepted(this, d);
        },
      }),
    },
  });

  r.class({
    name: 'CallbackFilterIterator',
    parent: 'FilterIterator',
    nativeMethods: checked('CallbackFilterIterator', {
      'public __construct(Iterator $iterator, callable $callback)': function (this: PhpObject, it: PhpObject, cb: any) {
        initDual(this, it, Kind.CallbackFilter).callback = cb;
      },
      'public accept()': function (this: PhpObject) {
        const d = dual(this);
        if (!d.has) return false;
        return truthy(callValue(d.callback, [d.data, d.key, d.inner]));
      },
    }),
  });

  r.class({
    name: 'RecursiveFilterIterator',
    flags: ABSTRACT,
    parent: 'FilterIterator',
    interfaces: ['RecursiveIterator'],
    nativeMethods: checked('RecursiveFilterIterator', {
      'public __construct(RecursiveIterator $iterator)': function (this: PhpObject, it: PhpObject) {
        initDual(this, it, Kind.Filter);
      },
      'public hasChildren()': function (this: PhpObject) {
        return truthy(m(dual(this).inner!, 'hasChildren'));
      },
      'public getChildren()': function (this: PhpObject) {
        const child = m(dual(this).inner!, 'getChildren');
        return construct(this.cls, [child]);
      },
    }),
  });

  r.class({
    name: 'RecursiveCallbackFilterIterator',
    parent: 'CallbackFilterIterator',
    interfaces: ['RecursiveIterator'],
    nativeMethods: checked('RecursiveCallbackFilterIterator', {
      'public __construct(RecursiveIterator $iterator, callable $callback)': function (this: PhpObject, it: PhpObject, cb: any) {
        initDual(this, it, Kind.CallbackFilter).callback = cb;
      },
      'public hasChildren()': function (this: PhpObject) {
        return truthy(m(dual(this).inner!, 'hasChildren'));
      },
      'public getChildren()': function (this: PhpObject) {
        const d = dual(this);
        const child = m(d.inner!, 'getChildren');
        return construct(this.cls, [child, d.callback]);
      },
    }),
  });

  r.class({
    name: 'ParentIterator',
    parent: 'RecursiveFilterIterator',
    nativeMethods: checked('ParentIterator', {
      'public __construct(RecursiveIterator $iterator)': function (this: PhpObject, it: PhpObject) {
        initDual(this, it, Kind.Filter);
      },
      'public accept()': function (this: PhpObject) {
        return truthy(m(dual(this).inner!, 'hasChildren'));
      },
    }),
  });

  r.class({
    name: 'LimitIterator',
    parent: 'IteratorIterator',
    nativeMethods: checked('LimitIterator', {
      'public __construct(Iterator $iterator, int $offset = 0, int $limit = -1)': function (this: PhpObject, it: PhpObject, offset = 0, limit = -1) {
        if (offset < 0) rt.throwError('ValueError', 'LimitIterator::__construct(): Argument #2 ($offset) must be greater than or equal to 0');
        if (limit < -1) rt.throwError('ValueError', 'LimitIterator::__construct(): Argument #3 ($limit) must be greater than or equal to -1');
        const d = initDual(this, it, Kind.Limit);
        d.offset = offset;
        d.count = limit;
      },
      'public rewind()': function (this: PhpObject) {
        const d = dual(this);
        dualRewind(d);
        limitSeek(this, d, d.offset);
      },
      'public valid()': function (this: PhpObject) {
        const d = dual(this);
        return (d.count === -1 || d.pos < d.offset + d.count) && d.has;
      },
      'public next()': function (this: PhpObject) {
        const d = dual(this);
        dualNext(d, true);
        if (d.count === -1 || d.pos < d.offset + d.count) fetch(d, true);
      },
      'public seek(int $offset)': function (this: PhpObject, pos: number) {
        const d = dual(this);
        limitSeek(this, d, pos);
        return d.pos;
      },
      'public getPosition()': function (this: PhpObject) {
        return dual(this).pos;
      },
    }),
  });

  const cachingMethods = (cls: string) => checked(cls, {
    'public rewind()': function (this: PhpObject) {
      cachingRewind(this, dual(this));
    },
    'public valid()': function (this: PhpObject) {
      return (dual(this).flags & CIT_VALID) !== 0;
    },
    'public next()': function (this: PhpObject) {
      cachingNext(this, dual(this));
    },
    'public hasNext()': function (this: PhpObject) {
      return innerValid(dual(this));
    },
    'public __toString(): string': function (this: PhpObject) {
      const d = dual(this);
      if (!(d.flags & (CIT_CALL_TOSTRING | CIT_TOSTRING_USE_KEY | CIT_TOSTRING_USE_CURRENT | CIT_TOSTRING_USE_INNER))) {
        rt.throwError('BadMethodCallException', `${this.cls.name} does not fetch string value (see CachingIterator::__construct)`);
      }
      if (d.flags & CIT_TOSTRING_USE_KEY) return toStr(d.key);
      if (d.flags & CIT_TOSTRING_USE_CURRENT) return toStr(d.data);
      return d.str === null ? '' : toStr(d.str);
    },
    'public getFlags()': function (this: PhpObject) {
      return dual(this).flags & CIT_PUBLIC;
    },
    'public setFlags(int $flags)': function (this: PhpObject, flags: number) {
      const d = dual(this);
      checkCachingFlags(this.cls.name, 1, flags);
      if ((d.flags & CIT_CALL_TOSTRING) && !(flags & CIT_CALL_TOSTRING)) rt.throwError('InvalidArgumentException', 'Unsetting flag CALL_TO_STRING is not possible');
      if ((d.flags & CIT_TOSTRING_USE_INNER) && !(flags & CIT_TOSTRING_USE_INNER)) rt.throwError('InvalidArgumentException', 'Unsetting flag TOSTRING_USE_INNER is not possible');
      if ((flags & CIT_FULL_CACHE) && !(d.flags & CIT_FULL_CACHE)) d.cache = new PhpArray();
      d.flags = (d.flags & ~CIT_PUBLIC) | (flags & CIT_PUBLIC);
    },
    'public offsetGet($key)': function (this: PhpObject, k: any) {
      const d = dual(this);
      fullCache(this, d);
      const key = toKey(toStr(k));
      const v = d.cache!.get(key);
      if (v === undefined) {
        rt.warn(`Undefined array key "${toStr(k)}"`);
        return null;
      }
      return v;
    },
    'public offsetSet($key, mixed $value)': function (this: PhpObject, k: any, v: any) {
      const d = dual(this);
      fullCache(this, d);
      d.cache!.set(toKey(toStr(k)), share(v));
    },
    'public offsetUnset($key)': function (this: PhpObject, k: any) {
      const d = dual(this);
      fullCache(this, d);
      d.cache!.delete(toKey(toStr(k)));
    },
    'public offsetExists($key)': function (this: PhpObject, k: any) {
      const d = dual(this);
      fullCache(this, d);
      return d.cache!.has(toKey(toStr(k)));
    },
    'public getCache()': function (this: PhpObject) {
      const d = dual(this);
      fullCache(this, d);
      return d.cache!.clone();
    },
    'public count()': function (this: PhpObject) {
      const d = dual(this);
      fullCache(this, d);
      return d.cache!.size;
    },
  });

  const cachingHandlers = {
    readDim(o: PhpObject, k: any) {
      return callMethodByName(o, 'offsetGet', [k === undefined ? null : k]);
    },
    writeDim(o: PhpObject, k: any, v: any) {
      callMethodByName(o, 'offsetSet', [k === undefined ? null : k, v]);
    },
    hasDim(o: PhpObject, k: any, checkEmpty: boolean) {
      if (!truthy(callMethodByName(o, 'offsetExists', [k]))) return false;
      if (!checkEmpty) return true;
      return truthy(callMethodByName(o, 'offsetGet', [k]));
    },
    unsetDim(o: PhpObject, k: any) {
      callMethodByName(o, 'offsetUnset', [k]);
    },
  };

  const cachingCtor = (cls: string, kind: Kind) => function (this: PhpObject, it: PhpObject, flags = CIT_CALL_TOSTRING) {
    checkCachingFlags(cls, 2, flags);
    const d = initDual(this, it, kind);
    d.flags = flags & CIT_PUBLIC;
    d.cache = new PhpArray();
  };

  r.class({
    name: 'CachingIterator',
    parent: 'IteratorIterator',
    interfaces: ['ArrayAccess', 'Countable', 'Stringable'],
    consts: [
      ['CALL_TOSTRING', CIT_CALL_TOSTRING], ['CATCH_GET_CHILD', CIT_CATCH_GET_CHILD], ['TOSTRING_USE_KEY', CIT_TOSTRING_USE_KEY],
      ['TOSTRING_USE_CURRENT', CIT_TOSTRING_USE_CURRENT], ['TOSTRING_USE_INNER', CIT_TOSTRING_USE_INNER], ['FULL_CACHE', CIT_FULL_CACHE],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    nativeMethods: {
      ...checked('CachingIterator', { 'public __construct(Iterator $iterator, int $flags = CachingIterator::CALL_TOSTRING)': cachingCtor('CachingIterator', Kind.Caching) }),
      ...cachingMethods('CachingIterator'),
    },
    handlers: cachingHandlers as any,
  });

  r.class({
    name: 'RecursiveCachingIterator',
    parent: 'CachingIterator',
    interfaces: ['RecursiveIterator'],
    nativeMethods: checked('RecursiveCachingIterator', {
      'public __construct(Iterator $iterator, int $flags = RecursiveCachingIterator::CALL_TOSTRING)': cachingCtor('RecursiveCachingIterator', Kind.RecursiveCaching),
      'public hasChildren()': function (this: PhpObject) {
        return dual(this).children !== null;
      },
      'public getChildren()': function (this: PhpObject) {
        return dual(this).children;
      },
    }),
  });

  r.class({
    name: 'NoRewindIterator',
    parent: 'IteratorIterator',
    nativeMethods: checked('NoRewindIterator', {
      'public __construct(Iterator $iterator)': function (this: PhpObject, it: PhpObject) {
        initDual(this, it, Kind.NoRewind);
      },
      'public rewind()': function (this: PhpObject) {
        dual(this);
      },
      'public valid()': function (this: PhpObject) {
        return truthy(m(dual(this).inner!, 'valid'));
      },
      'public key()': function (this: PhpObject) {
        return m(dual(this).inner!, 'key');
      },
      'public current()': function (this: PhpObject) {
        return m(dual(this).inner!, 'current');
      },
      'public next()': function (this: PhpObject) {
        m(dual(this).inner!, 'next');
      },
    }),
  });

  r.class({
    name: 'AppendIterator',
    parent: 'IteratorIterator',
    nativeMethods: checked('AppendIterator', {
      'public __construct()': function (this: PhpObject) {
        const d = this.native as Dual;
        if (d.list) rt.throwError('BadMethodCallException', 'AppendIterator::getIterator() must be called exactly once per instance');
        d.kind = Kind.Append;
        d.list = construct(findClass('ArrayIterator', false)!, []);
      },
      'public append(Iterator $iterator)': function (this: PhpObject, it: PhpObject) {
        const d = dual(this);
        const list = d.list!;
        const listValid = truthy(m(list, 'valid'));
        m(list, 'append', it);
        if (listValid && !innerValid(d)) {
          // the list iterator had been exhausted: step onto the new element
        }
        if (!d.inner || !innerValid(d)) {
          if (!truthy(m(list, 'valid'))) m(list, 'rewind');
          do {
            appendNextIterator(d);
          } while (d.inner && d.inner !== it);
          appendFetch(d);
        }
      },
      'public rewind()': function (this: PhpObject) {
        const d = dual(this);
        d.inner = null;
        free(d);
        m(d.list!, 'rewind');
        if (truthy(m(d.list!, 'valid'))) {
          d.inner = m(d.list!, 'current');
          m(d.inner!, 'rewind');
          appendFetch(d);
        }
      },
      'public valid()': function (this: PhpObject) {
        return dual(this).has;
      },
      'public current()': function (this: PhpObject) {
        const d = dual(this);
        return d.has ? d.data : null;
      },
      'public next()': function (this: PhpObject) {
        const d = dual(this);
        if (!d.inner) return;
        dualNext(d, true);
        appendFetch(d);
      },
      'public getIteratorIndex()': function (this: PhpObject) {
        const d = dual(this);
        return m(d.list!, 'key');
      },
      'public getArrayIterator()': function (this: PhpObject) {
        return dual(this).list;
      },
    }),
  });

  r.class({
    name: 'InfiniteIterator',
    parent: 'IteratorIterator',
    nativeMethods: checked('InfiniteIterator', {
      'public __construct(Iterator $iterator)': function (this: PhpObject, it: PhpObject) {
        initDual(this, it, Kind.Infinite);
      },
      'public next()': function (this: PhpObject) {
        const d = dual(this);
        dualNext(d, true);
        if (innerValid(d)) fetch(d, false);
        else {
          dualRewind(d);
          if (innerValid(d)) fetch(d, false);
        }
      },
    }),
  });

  const regexCtor = (cls: string, kind: Kind) => function (this: PhpObject, it: PhpObject, regex: string, mode = 0, flags = 0, pregFlags = 0) {
    checkRegexMode(`${cls}::__construct(): Argument #3 ($mode)`, mode);
    const d = initDual(this, it, kind);
    d.regex = regex;
    d.mode = mode;
    d.flags = flags;
    d.pregFlags = pregFlags;
  };

  r.class({
    name: 'RegexIterator',
    parent: 'FilterIterator',
    consts: [
      ['USE_KEY', REGIT_USE_KEY], ['INVERT_MATCH', REGIT_INVERTED], ['MATCH', MODE_MATCH], ['GET_MATCH', MODE_GET_MATCH],
      ['ALL_MATCHES', MODE_ALL_MATCHES], ['SPLIT', MODE_SPLIT], ['REPLACE', MODE_REPLACE],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    props: [{ name: 'replacement', flags: 1, type: '?string', default: () => null }],
    nativeMethods: checked('RegexIterator', {
      'public __construct(Iterator $iterator, string $pattern, int $mode = RegexIterator::MATCH, int $flags = 0, int $pregFlags = 0)': regexCtor('RegexIterator', Kind.Regex),
      'public accept()': function (this: PhpObject) {
        return regexAccept(this, dual(this));
      },
      'public getMode()': function (this: PhpObject) {
        return dual(this).mode;
      },
      'public setMode(int $mode)': function (this: PhpObject, mode: number) {
        checkRegexMode('RegexIterator::setMode(): Argument #1 ($mode)', mode);
        dual(this).mode = mode;
      },
      'public getFlags()': function (this: PhpObject) {
        return dual(this).flags;
      },
      'public setFlags(int $flags)': function (this: PhpObject, f: number) {
        dual(this).flags = f;
      },
      'public getRegex()': function (this: PhpObject) {
        return dual(this).regex;
      },
      'public getPregFlags()': function (this: PhpObject) {
        return dual(this).pregFlags;
      },
      'public setPregFlags(int $pregFlags)': function (this: PhpObject, f: number) {
        dual(this).pregFlags = f;
      },
    }),
  });

  r.class({
    name: 'RecursiveRegexIterator',
    parent: 'RegexIterator',
    interfaces: ['RecursiveIterator'],
    nativeMethods: checked('RecursiveRegexIterator', {
      'public __construct(RecursiveIterator $iterator, string $pattern, int $mode = RecursiveRegexIterator::MATCH, int $flags = 0, int $pregFlags = 0)': regexCtor('RecursiveRegexIterator', Kind.RecursiveRegex),
      'public accept()': function (this: PhpObject) {
        const d = dual(this);
        if (!d.has) return false;
        if (d.data instanceof PhpArray) return d.data.size > 0;
        return regexAccept(this, d);
      },
      'public hasChildren()': function (this: PhpObject) {
        return truthy(m(dual(this).inner!, 'hasChildren'));
      },
      'public getChildren()': function (this: PhpObject) {
        const d = dual(this);
        const child = m(d.inner!, 'getChildren');
        return construct(this.cls, [child, d.regex, d.mode, d.flags, d.pregFlags]);
      },
    }),
  });

  // RecursiveIteratorIterator
  r.class({
    name: 'RecursiveIteratorIterator',
    interfaces: ['OuterIterator'],
    consts: [
      ['LEAVES_ONLY', RIT_LEAVES_ONLY], ['SELF_FIRST', RIT_SELF_FIRST], ['CHILD_FIRST', RIT_CHILD_FIRST], ['CATCH_GET_CHILD', RIT_CATCH_GET_CHILD],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    createNative(o: PhpObject) {
      o.native = { levels: [], mode: 0, flags: 0, maxDepth: -1, inIteration: false, tree: false, treeFlags: 0, prefix: [], postfix: '' } as Rii;
    },
    nativeMethods: {
      ...checked('RecursiveIteratorIterator', {
        'public __construct(Traversable $iterator, int $mode = RecursiveIteratorIterator::LEAVES_ONLY, int $flags = 0)': function (this: PhpObject, it: PhpObject, mode = 0, flags = 0) {
          riiConstruct(this, it, mode, flags, 'RecursiveIteratorIterator');
        },
        'public rewind()': function (this: PhpObject) {
          riiRewind(this, rii(this));
        },
        'public valid()': function (this: PhpObject) {
          return riiValid(this, rii(this));
        },
        'public key()': function (this: PhpObject) {
          return m(riiCur(rii(this)), 'key');
        },
        'public current()': function (this: PhpObject) {
          return m(riiCur(rii(this)), 'current');
        },
        'public next()': function (this: PhpObject) {
          riiForward(this, rii(this));
        },
        'public getDepth()': function (this: PhpObject) {
          return rii(this).levels.length - 1;
        },
        'public getSubIterator(?int $level = null)': function (this: PhpObject, level: number | null | undefined) {
          const r = rii(this);
          const l = level === null || level === undefined ? r.levels.length - 1 : level;
          if (l < 0 || l >= r.levels.length) return null;
          return r.levels[l].it;
        },
        'public getInnerIterator()': function (this: PhpObject) {
          return riiCur(rii(this));
        },
        'public beginIteration()': () => null,
        'public endIteration()': () => null,
        'public callHasChildren()': function (this: PhpObject) {
          const r = this.native as Rii;
          if (!r.levels.length) return false;
          return m(riiCur(r), 'hasChildren');
        },
        'public callGetChildren()': function (this: PhpObject) {
          const r = this.native as Rii;
          if (!r.levels.length) return null;
          return m(riiCur(r), 'getChildren');
        },
        'public beginChildren()': () => null,
        'public endChildren()': () => null,
        'public nextElement()': () => null,
        'public setMaxDepth(int $maxDepth = -1)': function (this: PhpObject, d = -1) {
          if (d < -1) rt.throwError('OutOfRangeException', 'RecursiveIteratorIterator::setMaxDepth(): Argument #1 ($maxDepth) must be greater than or equal to -1');
          rii(this).maxDepth = d;
        },
        'public getMaxDepth()': function (this: PhpObject) {
          const d = rii(this).maxDepth;
          return d === -1 ? false : d;
        },
      }),
      'public __call(string $name, array $arguments)': forwardCall,
    },
  });

  r.class({
    name: 'RecursiveTreeIterator',
    parent: 'RecursiveIteratorIterator',
    consts: [
      ['BYPASS_CURRENT', RTIT_BYPASS_CURRENT], ['BYPASS_KEY', RTIT_BYPASS_KEY], ['PREFIX_LEFT', 0], ['PREFIX_MID_HAS_NEXT', 1],
      ['PREFIX_MID_LAST', 2], ['PREFIX_END_HAS_NEXT', 3], ['PREFIX_END_LAST', 4], ['PREFIX_RIGHT', 5],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    nativeMethods: checked('RecursiveTreeIterator', {
      'public __construct($iterator, int $flags = RecursiveTreeIterator::BYPASS_KEY, int $cachingIteratorFlags = CachingIterator::CATCH_GET_CHILD, int $mode = RecursiveTreeIterator::SELF_FIRST)': function (this: PhpObject, iterator: any, flags = RTIT_BYPASS_KEY, citFlags = CIT_CATCH_GET_CHILD, mode = RIT_SELF_FIRST) {
        let it = iterator;
        if (it instanceof PhpObject && isA(it, 'IteratorAggregate')) it = m(it, 'getIterator');
        if (!(it instanceof PhpObject) || !isA(it, 'RecursiveIterator')) {
          rt.throwError('InvalidArgumentException', 'An instance of RecursiveIterator or IteratorAggregate creating it is required');
        }
        const caching = construct(findClass('RecursiveCachingIterator', false)!, [it, citFlags]);
        riiConstruct(this, caching, mode, flags, 'RecursiveTreeIterator');
        const r = this.native as Rii;
        r.tree = true;
        r.treeFlags = flags;
        r.prefix = ['', '| ', '  ', '|-', '\\-', ''];
        r.postfix = '';
      },
      'public key()': function (this: PhpObject) {
        const r = rii(this);
        const k = m(riiCur(r), 'key');
        if (r.treeFlags & RTIT_BYPASS_KEY) return k;
        return treePrefix(r) + toStr(k) + r.postfix;
      },
      'public current()': function (this: PhpObject) {
        const r = rii(this);
        if (r.treeFlags & RTIT_BYPASS_CURRENT) return m(riiCur(r), 'current');
        const entry = treeEntry(r);
        return treePrefix(r) + entry + r.postfix;
      },
      'public getPrefix()': function (this: PhpObject) {
        return treePrefix(rii(this));
      },
      'public setPostfix(string $postfix)': function (this: PhpObject, s: string) {
        rii(this).postfix = s;
      },
      'public setPrefixPart(int $part, string $value)': function (this: PhpObject, part: number, v: string) {
        if (part < 0 || part > 5) rt.throwError('ValueError', 'RecursiveTreeIterator::setPrefixPart(): Argument #1 ($part) must be a RecursiveTreeIterator::PREFIX_* constant');
        rii(this).prefix[part] = v;
      },
      'public getEntry()': function (this: PhpObject) {
        return treeEntry(rii(this));
      },
      'public getPostfix()': function (this: PhpObject) {
        return rii(this).postfix;
      },
    }),
  });

  r.class({
    name: 'MultipleIterator',
    interfaces: ['Iterator'],
    consts: [
      ['MIT_NEED_ANY', MIT_NEED_ANY], ['MIT_NEED_ALL', MIT_NEED_ALL], ['MIT_KEYS_NUMERIC', MIT_KEYS_NUMERIC], ['MIT_KEYS_ASSOC', MIT_KEYS_ASSOC],
    ].map(([name, v]) => ({ name: name as string, flags: 1, init: () => v })),
    createNative(o: PhpObject) {
      o.native = { flags: MIT_NEED_ALL, its: [] } as Multi;
    },
    nativeMethods: checked('MultipleIterator', {
      'public __construct(int $flags = MultipleIterator::MIT_NEED_ALL | MultipleIterator::MIT_KEYS_NUMERIC)': function (this: PhpObject, flags = MIT_NEED_ALL) {
        (this.native as Multi).flags = flags;
      },
      'public getFlags()': function (this: PhpObject) {
        return (this.native as Multi).flags;
      },
      'public setFlags(int $flags)': function (this: PhpObject, f: number) {
        (this.native as Multi).flags = f;
      },
      'public attachIterator(Iterator $iterator, string|int|null $info = null)': function (this: PhpObject, it: PhpObject, info: any = null) {
        const s = this.native as Multi;
        if (s.flags & MIT_KEYS_ASSOC) {
          if (info === null) rt.throwError('InvalidArgumentException', 'Sub-Iterator is associated with NULL');
          for (const e of s.its) if (e.it !== it && e.info !== null && toKey(e.info) === toKey(info)) rt.throwError('InvalidArgumentException', 'Key duplication error');
        }
        const e = s.its.find((x) => x.it === it);
        if (e) e.info = info;
        else s.its.push({ it, info });
      },
      'public detachIterator(Iterator $iterator)': function (this: PhpObject, it: PhpObject) {
        const s = this.native as Multi;
        s.its = s.its.filter((x) => x.it !== it);
      },
      'public containsIterator(Iterator $iterator)': function (this: PhpObject, it: PhpObject) {
        return (this.native as Multi).its.some((x) => x.it === it);
      },
      'public countIterators()': function (this: PhpObject) {
        return (this.native as Multi).its.length;
      },
      'public rewind()': function (this: PhpObject) {
        for (const { it } of (this.native as Multi).its) m(it, 'rewind');
      },
      'public valid()': function (this: PhpObject) {
        const s = this.native as Multi;
        if (!s.its.length) return false;
        const all = (s.flags & MIT_NEED_ALL) !== 0;
        for (const { it } of s.its) {
          const v = truthy(m(it, 'valid'));
          if (all && !v) return false;
          if (!all && v) return true;
        }
        return all;
      },
      'public key()': function (this: PhpObject) {
        return multiAll(this, 'key');
      },
      'public current()': function (this: PhpObject) {
        return multiAll(this, 'current');
      },
      'public next()': function (this: PhpObject) {
        for (const { it } of (this.native as Multi).its) m(it, 'next');
      },
      'public __debugInfo()': function (this: PhpObject) {
        return multiDebug(this);
      },
    }),
    handlers: {
      debugInfo(o: PhpObject) {
        const a = multiDebug(o);
        const out: [string, any][] = [];
        for (const k in o.p) out.push([k, o.p[k]]);
        out.push(['\0SplObjectStorage\0storage', a.get('\0SplObjectStorage\0storage')]);
        return out;
      },
    } as any,
  });
}

function multiDebug(o: PhpObject): PhpArray {
  const s = o.native as Multi;
  const storage = new PhpArray();
  for (const { it, info } of s.its) {
    storage.append(PhpArray.fromEntries([['obj', it], ['inf', info]]));
  }
  const a = new PhpArray();
  a.set('\0SplObjectStorage\0storage', storage);
  return a;
}

export { forwardCall };
