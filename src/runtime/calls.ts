// Calling PHP functions and methods from the runtime and from compiled code's generic paths:
// callables (strings, arrays, closures, invokable objects), method lookup with visibility and
// __call/__callStatic, named arguments, by-reference parameters, and PHP's error texts for each.

import { PhpArray, Key, share } from './array.js';
import { PhpClass, PhpObject, PhpMethod, FunctionInfo, Vis } from './object.js';
import { rt, Callee } from './request.js';
import { Ref } from './values.js';
import { toStr } from './convert.js';
import { setCallableWhy } from './builtin.js';

/** A resolved callable: the JS function, its `this`, and its signature. */
export interface Bound {
  fn: Function;
  self: any;
  info: FunctionInfo;
  /** the method when the callable names one (for __call fallbacks the magic method's target name) */
  magicName?: string;
  /** for __call fallbacks: __call / __callStatic itself */
  magic?: PhpMethod;
}

// ───────────── method lookup ─────────────

/** Can code running in `scope` see a member with this visibility declared by `declaring`? */
export function visible(vis: Vis, declaring: PhpClass, scope: PhpClass | null): boolean {
  if (vis === Vis.Public) return true;
  if (!scope) return false;
  if (vis === Vis.Private) return scope === declaring;
  // protected: related classes (either is an ancestor of the other), judged on the root declaration
  return scope.isSubclassOf(declaring) || declaring.isSubclassOf(scope) || sharesProtectedRoot(scope, declaring);
}

function sharesProtectedRoot(a: PhpClass, b: PhpClass): boolean {
  let root = b;
  while (root.parent) root = root.parent;
  return a.isSubclassOf(root);
}

/**
 * May code in `scope` call method m? A protected method is judged on its root class, the class of the
 * topmost non-private declaration it overrides (zend_get_function_root_class + zend_check_protected).
 */
export function methodVisible(m: PhpMethod, scope: PhpClass | null): boolean {
  if (m.vis === Vis.Public) return true;
  if (!scope) return false;
  if (m.vis === Vis.Private) return scope === m.cls;
  const root = methodRootClass(m);
  return scope.isSubclassOf(root) || root.isSubclassOf(scope);
}

function methodRootClass(m: PhpMethod): PhpClass {
  let root = m.cls;
  for (let p = m.cls.parent; p; p = p.parent) {
    const pm = p.methods.get(m.lcname);
    if (pm === undefined) break;
    if (pm.vis !== Vis.Private) root = pm.cls;
  }
  return root;
}

/** Closure::__invoke of one closure: the internal method, with the closure's parameters (by-reference passing). */
function closureInvoke(obj: PhpObject): Bound {
  const m = obj.cls.methods.get('__invoke')!;
  const own: FunctionInfo = obj.native.info;
  const info: FunctionInfo = { ...m.info, params: own.params, refMask: own.refMask, returnsRef: own.returnsRef };
  return { fn: m.fn, self: obj, info };
}

export function visName(vis: Vis): string {
  return vis === Vis.Public ? 'public' : vis === Vis.Protected ? 'protected' : 'private';
}

/**
 * Finds the method `name` to call on an object from `scope`: a private method of the scope class
 * wins when the object is of that class (private methods are not virtual); an inaccessible or missing
 * method falls back to __call; else PHP's Error.
 */
export function findMethodForCall(obj: PhpObject, name: string, scope: PhpClass | null): Bound {
  const lc = name.toLowerCase();
  const cls = obj.cls;
  // zend_get_closure_invoke_method: a closure's __invoke has the closure's own parameters (by-reference ones too)
  if (lc === '__invoke' && obj.native !== null && obj.native.closure === true) return closureInvoke(obj);
  if (scope && scope !== cls) {
    const own = scope.methods.get(lc);
    if (own && own.vis === Vis.Private && own.cls === scope && cls.isSubclassOf(scope)) return { fn: own.fn, self: obj, info: own.info };
  }
  const m = cls.methods.get(lc);
  if (m) {
    if (methodVisible(m, scope)) {
      if (m.isStatic) return { fn: m.fn, self: cls, info: m.info };
      return { fn: m.fn, self: obj, info: m.info };
    }
    if (cls.caller) return magicCall(cls.caller, obj, name);
    rt.throwError('Error', `Call to ${visName(m.vis)} method ${m.cls.name}::${m.name}() from ${scope ? 'scope ' + scope.name : 'global scope'}`);
  }
  if (cls.caller) return magicCall(cls.caller, obj, name);
  return rt.throwError('Error', `Call to undefined method ${displayClassName(cls)}::${name}()`);
}

export function displayClassName(cls: PhpClass): string {
  return cls.isAnonymous ? cls.anonymousDebugName() : cls.name;
}

function magicCall(m: PhpMethod, self: any, name: string): Bound {
  // __call($name, $arguments): adapt positional args into the array
  const fn = function (this: any, ...args: any[]) {
    return m.fn.call(this, name, PhpArray.fromList(args.map((a) => (a instanceof Ref ? a.v : a))));
  };
  return { fn, self, info: MAGIC_INFO, magicName: name, magic: m };
}

const MAGIC_INFO: FunctionInfo = {
  name: '__call', params: [], refMask: 0, required: 0, variadic: true, returnType: null, returnsRef: false, isBuiltin: false, usesArgs: true,
};

/** A static call A::m() (also parent::m(), self::m(), static::m() with $this forwarded when compatible). */
export function findStaticMethod(cls: PhpClass, name: string, scope: PhpClass | null, thisObj: PhpObject | null): Bound {
  const lc = name.toLowerCase();
  let m = cls.methods.get(lc);
  if (m && scope && m.vis === Vis.Private && m.cls !== scope && cls.isSubclassOf(scope)) {
    const own = scope.methods.get(lc);
    if (own && own.cls === scope) m = own;
  }
  if (m) {
    if (!methodVisible(m, scope)) {
      // X::__construct() compiles to the constructor call of X (ZEND_INIT_STATIC_METHOD_CALL)
      if (lc === '__construct' && m.vis === Vis.Private && thisObj) rt.throwError('Error', `Cannot call private ${cls.name}::__construct()`);
      if (thisObj && cls.caller && thisObj.cls.isSubclassOf(cls)) return magicCall(thisObj.cls.caller ?? cls.caller, thisObj, name);
      if (cls.staticCaller) return magicCall(cls.staticCaller, cls, name);
      rt.throwError('Error', `Call to ${visName(m.vis)} method ${m.cls.name}::${m.name}() from ${scope ? 'scope ' + scope.name : 'global scope'}`);
    }
    if (m.isStatic) {
      if (cls.isTrait) rt.deprecated(`Calling static trait method ${cls.name}::${m.name} is deprecated, it should only be called on a class using the trait`);
      // static:: keeps the late-static-binding class when calling up the hierarchy
      const called = thisObj && thisObj.cls.isSubclassOf(cls) ? thisObj.cls : cls;
      return { fn: m.fn, self: scope && called !== cls && !called.isSubclassOf(cls) ? cls : called, info: m.info };
    }
    if (thisObj && thisObj.cls.isSubclassOf(m.cls)) return { fn: m.fn, self: thisObj, info: m.info };
    if (m.isAbstract) rt.throwError('Error', `Cannot call abstract method ${m.cls.name}::${m.name}()`);
    rt.throwError('Error', `Non-static method ${m.cls.name}::${m.name}() cannot be called statically`);
  }
  // zend_std_get_static_method: the top-level __call() of $this's class (tests/classes/__call_004.phpt)
  if (thisObj && cls.caller && thisObj.cls.isSubclassOf(cls)) return magicCall(thisObj.cls.caller ?? cls.caller, thisObj, name);
  if (cls.staticCaller) {
    if (cls.isTrait) rt.deprecated(`Calling static trait method ${cls.name}::${name} is deprecated, it should only be called on a class using the trait`);
    return magicCall(cls.staticCaller, cls, name);
  }
  return rt.throwError('Error', `Call to undefined method ${displayClassName(cls)}::${name}()`);
}

// ───────────── callables ─────────────

/** Resolves a PHP callable value, or returns null (with `why` set) when it is not callable. */
export function resolveCallable(v: any, scope: PhpClass | null = null, why?: { reason: string }, dynamic = false): Bound | null {
  if (v instanceof Ref) v = v.v;
  if (typeof v === 'string') {
    const sep = v.indexOf('::');
    if (sep > 0) {
      const cls = callableClass(v.slice(0, sep), scope);
      if (!cls) {
        if (why) why.reason = callableClassMissing(v.slice(0, sep), scope);
        return null;
      }
      deprecatedRelativeClass(v.slice(0, sep));
      return resolveMethodCallable(cls, null, v.slice(sep + 2), scope, why, false, forwardedCalledClass(v.slice(0, sep), cls), dynamic);
    }
    const name = v.startsWith('\\') ? v.slice(1) : v;
    const f = rt.findFunction(name.toLowerCase());
    if (!f) {
      if (why) why.reason = `function "${v}" not found or invalid function name`;
      return null;
    }
    return { fn: f.fn, self: undefined, info: f.info };
  }
  if (v instanceof PhpObject) {
    if (v.cls.invoker) {
      const closure = rt.core.closureTarget(v);
      if (closure) return closure;
      return { fn: v.cls.invoker.fn, self: v, info: v.cls.invoker.info };
    }
    if (why) why.reason = 'no array or string given';
    return null;
  }
  if (v instanceof PhpArray && v.size === 2) {
    const target = v.get(0);
    const method = v.get(1);
    if (typeof method !== 'string') {
      if (why) why.reason = 'second array member is not a valid method';
      return null;
    }
    if (target instanceof PhpObject) return resolveMethodCallable(target.cls, target, method, scope, why, true);
    if (typeof target === 'string') {
      const cls = callableClass(target, scope);
      if (!cls) {
        if (why) why.reason = callableClassMissing(target, scope);
        return null;
      }
      deprecatedRelativeClass(target);
      return resolveMethodCallable(cls, null, method, scope, why, true, forwardedCalledClass(target, cls), dynamic);
    }
    if (why) why.reason = 'first array member is not a valid class name or object';
    return null;
  }
  if (why) why.reason = v instanceof PhpArray ? 'array callback must have exactly two members' : 'no array or string given';
  return null;
}

/**
 * `method` may name its class ("parent::m", "A::m"); `fromArray` says it came from an [object-or-class,
 * "method"] array, whose "A::m" form PHP 8.2 deprecates.
 */
function resolveMethodCallable(cls: PhpClass, obj: PhpObject | null, method: string, scope: PhpClass | null, why?: { reason: string }, fromArray = false, called: PhpClass = cls, dynamic = false): Bound | null {
  let name = method;
  let lookupCls = cls;
  const sep = method.indexOf('::');
  if (sep > 0) {
    const prefix = method.slice(0, sep).toLowerCase();
    name = method.slice(sep + 2);
    if (prefix === 'parent' && cls.parent) {
      lookupCls = cls.parent;
      called = forwardedCalledClass('parent', lookupCls);
    }
    else if (prefix !== 'self' && prefix !== 'static') {
      const c = rt.core.lookupClass(method.slice(0, sep), true);
      if (!c) {
        if (why) why.reason = `class "${method.slice(0, sep)}" not found`;
        return null;
      }
      if (!cls.isSubclassOf(c)) {
        if (why) why.reason = `class ${cls.name} is not a subclass of ${c.name}`;
        return null;
      }
      lookupCls = c;
    }
    if (fromArray && deprecateCallables) rt.deprecated(`Callables of the form ["${cls.name}", "${method}"] are deprecated`);
  }
  const lc = name.toLowerCase();
  if (lc === '__invoke' && obj !== null && obj.native !== null && obj.native.closure === true) return closureInvoke(obj);
  const m = lookupCls.methods.get(lc);
  if (!m || !methodVisible(m, scope)) {
    if (obj && cls.caller) return magicCall(cls.caller, obj, name);
    if (!obj && cls.caller && !dynamic) {
      // zend_std_get_static_method: the calling $this, when it is one of the class's objects, gets the
      // top-level __call() of its own class
      const self = rt.callerFrame().self;
      if (self instanceof PhpObject && self.cls.isSubclassOf(cls)) return magicCall(self.cls.caller ?? cls.caller, self, name);
    }
    if (!obj && cls.staticCaller) return magicCall(cls.staticCaller, called, name);
    if (why) {
      why.reason = m
        ? `cannot access ${visName(m.vis)} method ${cls.name}::${m.name}()`
        : `class ${cls.name} does not have a method "${name}"`;
    }
    return null;
  }
  if (m.isAbstract) {
    if (why) why.reason = `cannot call abstract method ${m.cls.name}::${m.name}()`;
    return null;
  }
  if (m.isStatic) return { fn: m.fn, self: obj ? obj.cls : called, info: m.info };
  if (!obj) {
    const self = dynamic ? null : rt.callerFrame().self;
    if (self instanceof PhpObject && self.cls.isSubclassOf(m.cls)) return { fn: m.fn, self, info: m.info };
    if (why) why.reason = `non-static method ${m.cls.name}::${m.name}() cannot be called statically`;
    return null;
  }
  return { fn: m.fn, self: obj, info: m.info };
}

/**
 * is_callable() and the callable type check (zend_is_callable without IS_CALLABLE_SUPPRESS_DEPRECATIONS):
 * the PHP 8.2 deprecations of "self"/"parent"/"static" and ["A", "B::m"] callables are raised here, not
 * when the callable is finally called.
 */
export function isCallable(v: any, syntaxOnly = false): boolean {
  if (syntaxOnly) return callableSyntax(v);
  const saved = deprecateCallables;
  deprecateCallables = true;
  try {
    return resolveCallable(v, rt.callerScope()) !== null;
  } catch (e) {
    // an exception thrown on the way (an autoloader's) goes on; internal failures mean "not callable"
    if (e instanceof PhpObject) throw e;
    return false;
  } finally {
    deprecateCallables = saved;
  }
}

let deprecateCallables = false;

/** The IS_CALLABLE_CHECK_SYNTAX_ONLY test: a string, an invokable object, or [class-or-object, "method"]. */
function callableSyntax(v: any): boolean {
  if (v instanceof Ref) v = v.v;
  if (typeof v === 'string') return true;
  if (v instanceof PhpObject) return !!v.cls.invoker;
  if (!(v instanceof PhpArray) || v.size !== 2) return false;
  let t = v.get(0), m = v.get(1);
  if (t instanceof Ref) t = t.v;
  if (m instanceof Ref) m = m.v;
  return typeof m === 'string' && (typeof t === 'string' || t instanceof PhpObject);
}

/** A class named in a callable: self, parent and static are relative to the calling scope. */
/** zend_is_callable_check_class's reasons when a callable's class can't be found. */
function callableClassMissing(name: string, scope: PhpClass | null): string {
  if (!isRelativeClassName(name)) return `class "${name}" not found`;
  const lc = name.toLowerCase();
  if (!(scope ?? rt.callerScope())) return `cannot access "${lc}" when no class scope is active`;
  return `cannot access "${lc}" when current class scope has no parent`;
}

/**
 * "self::m", "parent::m", ["static", "m"] keep the caller's called class when it is a subclass of the
 * class named (zend_is_callable_check_class forwards late static binding); other names don't.
 */
function forwardedCalledClass(name: string, cls: PhpClass): PhpClass {
  if (!isRelativeClassName(name)) return cls;
  const self = rt.callerFrame().self;
  const called = self instanceof PhpObject ? self.cls : self instanceof PhpClass ? self : null;
  return called !== null && called.isSubclassOf(cls) ? called : cls;
}

export function callableClass(name: string, scope: PhpClass | null): PhpClass | null {
  const lc = name.toLowerCase();
  if (lc === 'self' || lc === 'parent' || lc === 'static') {
    const sc = scope ?? rt.callerScope();
    if (!sc) return null;
    if (lc === 'self') return sc;
    if (lc === 'parent') return sc.parent;
    const self = rt.callerFrame().self;
    return self instanceof PhpObject ? self.cls : self instanceof PhpClass ? self : sc;
  }
  return rt.core.lookupClass(name, true);
}

function isRelativeClassName(name: string): boolean {
  const lc = name.toLowerCase();
  return lc === 'self' || lc === 'parent' || lc === 'static';
}

function deprecatedRelativeClass(name: string): void {
  if (deprecateCallables && isRelativeClassName(name)) rt.deprecated(`Use of "${name.toLowerCase()}" in callables is deprecated`);
}

/** Calls a PHP callable with positional arguments (values, or Refs for by-reference passing). */
export function callValue(v: any, args: any[]): any {
  const scope = rt.callerScope();
  const why = { reason: '' };
  const b = resolveCallable(v, scope, why);
  if (!b) rt.throwError('Error', `Value not callable: ${why.reason}`);
  return callBound(b, args);
}

/** zend_param_must_be_ref: a callback called by the engine got a value for a by-reference parameter. */
export function paramMustBeRef(info: FunctionInfo, i: number): void {
  // ZEND_SEND_PREFER_REF parameters (@prefer-ref in the stubs) take a value silently
  if (info.isBuiltin && info.name === 'array_multisort') return;
  const p = info.params[Math.min(i, info.params.length - 1)];
  const cls = info.cls && !info.isClosure ? info.cls.name.split('\0')[0] + '::' : '';
  rt.warn(`${cls}${info.name}(): Argument #${i + 1}${p ? ` ($${p.name})` : ''} must be passed by reference, value given`);
}

/** Invokes a resolved callable: Refs for by-reference parameters, values for the others. */
export function callBound(b: Bound, args: any[]): any {
  const info = b.info;
  if (info.refMask !== 0) {
    for (let i = 0; i < args.length; i++) {
      const byRef = (info.refMask & (1 << Math.min(i, 30))) !== 0;
      const a = args[i];
      if (byRef && !(a instanceof Ref)) {
        if (a !== undefined) paramMustBeRef(info, i);
        args[i] = new Ref(share(a));
      } else if (!byRef && a instanceof Ref) args[i] = a.v;
    }
  } else {
    for (let i = 0; i < args.length; i++) if (args[i] instanceof Ref) args[i] = args[i].v;
  }
  return b.fn.apply(b.self, args);
}


/**
 * The arguments in an array (call_user_func_array(), ReflectionFunction::invokeArgs()): a reference
 * element is passed as the reference to a by-reference parameter; a value there warns.
 */
export function argsFromArray(info: FunctionInfo, arr: PhpArray): { positional: any[]; named: [string, any][] | null } {
  const positional: any[] = [];
  let named: [string, any][] | null = null;
  const refMask = info.refMask;
  for (let i = arr.nextSlot(0); i < arr.slotCount; i = arr.nextSlot(i + 1)) {
    const k = arr.keyAt(i);
    let v = arr.rawAt(i);
    if (typeof k === 'string') {
      // a named argument for a by-reference parameter is checked like a positional one
      const idx = refMask !== 0 ? info.params.findIndex((p) => p.name === k && !p.variadic) : -1;
      if (idx >= 0 && info.params[idx].byRef) {
        if (!(v instanceof Ref)) {
          paramMustBeRef(info, idx);
          v = new Ref(share(v));
        }
      } else if (v instanceof Ref) v = v.v;
      (named ??= []).push([k, v]);
      continue;
    }
    if (named) rt.throwError('Error', 'Cannot use positional argument after named argument');
    const n = positional.length;
    const byRef = refMask !== 0 && (refMask & (1 << Math.min(n, 30))) !== 0;
    // a reference the array alone holds is a value (PHP dereferences refcount-1 references)
    if (v instanceof Ref && (!byRef || v.n <= 1)) v = v.v;
    if (byRef && !(v instanceof Ref)) {
      paramMustBeRef(info, n);
      v = new Ref(share(v));
    }
    positional.push(v);
  }
  return { positional, named };
}

/**
 * Arranges positional and named arguments into parameter order (named args of a call like
 * f(1, y: 2)). Unknown names go into the variadic parameter, or are an Error.
 */
export function arrangeNamedArgs(info: FunctionInfo, positional: any[], named: Map<string, any> | null): any[] {
  if (!named || named.size === 0) return positional;
  const args = positional.slice();
  let extra: PhpArray | null = null;
  const fname = info.cls ? `${info.cls.name}::${info.name}` : info.name;
  for (const [name, value] of named) {
    const idx = info.params.findIndex((p) => p.name === name && !p.variadic);
    if (idx < 0) {
      if (info.variadic || info.usesArgs) {
        extra ??= new PhpArray();
        extra.set(name as Key, value instanceof Ref ? value.v : value);
        continue;
      }
      rt.throwError('Error', `Unknown named parameter $${name}`);
    }
    if (idx < positional.length || args[idx] !== undefined) rt.throwError('Error', `Named parameter $${name} overwrites previous argument`);
    while (args.length < idx) args.push(undefined);
    args[idx] = value;
  }
  // required parameters skipped by named arguments
  for (let i = 0; i < args.length; i++) {
    if (args[i] === undefined && i < info.params.length && !info.params[i].optional) {
      rt.throwError('ArgumentCountError', `${fname}(): Argument #${i + 1} ($${info.params[i].name}) not passed`);
    }
  }
  if (extra) {
    const vi = info.params.length - 1;
    while (args.length < vi) args.push(undefined);
    (args as any).namedExtra = extra;
  }
  return args;
}

/** A function by name for a call f(), trying the namespaced name first then the global one. */
export function lookupFunction(nsName: string, globalName: string | null): Callee {
  const f = rt.findFunction(nsName) ?? (globalName !== null ? rt.findFunction(globalName) : undefined);
  if (f) return f;
  return rt.throwError('Error', `Call to undefined function ${displayFunctionName(globalName !== null ? nsName : nsName)}()`);
}

function displayFunctionName(lc: string): string {
  return lc;
}

/** A string for a callable in messages, as zend_get_callable_name does. */
export function callableName(v: any): string {
  if (v instanceof Ref) v = v.v;
  if (typeof v === 'string') return v;
  if (v instanceof PhpArray) {
    let t = v.size === 2 ? v.get(0) : undefined;
    let m = v.size === 2 ? v.get(1) : undefined;
    if (t instanceof Ref) t = t.v;
    if (m instanceof Ref) m = m.v;
    if (typeof m !== 'string') return 'Array';
    if (typeof t === 'string') return t + '::' + m;
    if (t instanceof PhpObject) return t.cls.name + '::' + m;
    return 'Array';
  }
  if (v instanceof PhpObject) return v.cls.name + '::__invoke';
  return toStr(v);
}

setCallableWhy((v: any): string => {
  const why = { reason: 'no array or string given' };
  try {
    resolveCallable(v, rt.callerScope(), why);
  } catch {
    /* the reason stays */
  }
  return why.reason;
});
