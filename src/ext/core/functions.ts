// Zend/zend_builtin_functions.c: the functions the engine itself provides — about functions, classes,
// constants, errors and the call stack.

import { esc } from '../../runtime/refcount.js';
import type { Registry } from '../../engine/extension.js';
import { PhpArray, share, normStrKey } from '../../runtime/array.js';
import { PhpObject, PhpClass, Vis, ClassFlags } from '../../runtime/object.js';
import { Ref, UNINIT } from '../../runtime/values.js';
import { rt, Request } from '../../runtime/request.js';
import { findClass } from '../../runtime/objects.js';
import { isCallable, visible, callableClass } from '../../runtime/calls.js';
import { toStr, typeName } from '../../runtime/convert.js';
import { E_USER_ERROR, E_USER_WARNING, E_USER_NOTICE, E_USER_DEPRECATED, E_ALL, E_COMPILE_ERROR, E_ERROR, E_CORE_ERROR, E_RECOVERABLE_ERROR, E_PARSE } from '../../runtime/errors.js';
import { isReservedClassName } from '../../compiler/typenames.js';
import { traceToString } from './exceptions.js';
import { assertOn, assertResult } from '../../runtime/control.js';

function scopeClass(): PhpClass | null {
  return rt.callerScope();
}

/** Z_PARAM_OBJ_OR_CLASS_NAME: an object or the name of an existing class, else a TypeError. */
function classArg(v: any, fname: string): PhpClass {
  if (v instanceof PhpObject) return v.cls;
  const c = typeof v === 'string' ? findClass(v, true) : null;
  if (c) return c;
  return rt.throwError('TypeError', `${fname}(): Argument #1 ($object_or_class) must be an object or a valid class name, ${typeName(v)} given`);
}

function forbidDynamicCall(name: string): never {
  return rt.throwError('Error', `Cannot call ${name}() dynamically`);
}

export function registerCoreFunctions(r: Registry): void {
  r.functions({
    'zend_version(): string': () => '4.2.36',
    // the compiler turns direct calls of these into inline code that sees the caller's scope and arguments;
    // only a dynamic call ($f(), callbacks) gets here, which PHP forbids (zend_forbid_dynamic_call)
    'func_num_args(): int': () => forbidDynamicCall('func_num_args'),
    'func_get_args(): array': () => forbidDynamicCall('func_get_args'),
    'func_get_arg(int $position): mixed': () => forbidDynamicCall('func_get_arg'),
    'get_defined_vars(): array': () => forbidDynamicCall('get_defined_vars'),
    'compact(mixed $var_name, mixed ...$var_names): array': () => forbidDynamicCall('compact'),
    // PHP's $array is prefer-ref (a value is accepted without a warning)
    'extract(array $array, int $flags = EXTR_OVERWRITE, string $prefix = ""): int': () => forbidDynamicCall('extract'),
    'strlen(string $string): int': (s: string) => s.length,
    'strcmp(string $string1, string $string2): int': (a: string, b: string) => binaryCompare(a, b, Infinity, false),
    'strncmp(string $string1, string $string2, int $length): int': (a: string, b: string, n: number) => {
      if (n < 0) rt.throwError('ValueError', 'strncmp(): Argument #3 ($length) must be greater than or equal to 0');
      return binaryCompare(a, b, n, false);
    },
    'strcasecmp(string $string1, string $string2): int': (a: string, b: string) => binaryCompare(a, b, Infinity, true),
    'strncasecmp(string $string1, string $string2, int $length): int': (a: string, b: string, n: number) => {
      if (n < 0) rt.throwError('ValueError', 'strncasecmp(): Argument #3 ($length) must be greater than or equal to 0');
      return binaryCompare(a, b, n, true);
    },
    'error_reporting(?int $error_level = null): int': (level: number | null) => {
      // ZEND_BEGIN_SILENCE leaves only the fatal errors in EG(error_reporting)
      const old = rt.silence > 0 ? rt.errorReporting & (E_ERROR | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_RECOVERABLE_ERROR | E_PARSE) : rt.errorReporting;
      if (level !== null) {
        // inside @, a level with non-fatal errors ends the silence (BEGIN/END_SILENCE keep what was set)
        if (rt.silence > 0 && (level & ~(E_ERROR | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_RECOVERABLE_ERROR | E_PARSE))) {
          rt.silenceDebt += rt.silence;
          rt.silence = 0;
        }
        rt.errorReporting = level;
        rt.ini.set('error_reporting', String(level));
      }
      return old;
    },
    'define(string $constant_name, mixed $value, bool $case_insensitive = false): bool': (name: string, value: any, ci: boolean) => {
      if (ci) rt.warn('define(): Argument #3 ($case_insensitive) is ignored since declaration of case-insensitive constants is no longer supported');
      if (name.includes('::')) rt.throwError('ValueError', 'define(): Argument #1 ($constant_name) cannot be a class constant');
      // zend_register_constant: __COMPILER_HALT_OFFSET__ is reserved, defined or not
      if (rt.findConstant(name) !== undefined || name === '__COMPILER_HALT_OFFSET__') {
        rt.warn(`Constant ${name} already defined`);
        return false;
      }
      rt.constants.set(Request.constantKey(name), share(value));
      return true;
    },
    'defined(string $constant_name): bool': (name: string) => {
      if (name.includes('::')) {
        const [c, k] = name.split('::');
        const cls = constantClass(c);
        return !!cls && !cls.isTrait && cls.consts.has(k);
      }
      return rt.findConstant(name.startsWith('\\') ? name.slice(1) : name) !== undefined;
    },
    'constant(string $name): mixed': (name: string) => {
      if (name.includes('::')) {
        const [c, k] = name.split('::');
        const cls = constantClass(c);
        if (!cls) rt.throwError('Error', `Class "${c.startsWith('\\') ? c.slice(1) : c}" not found`);
        const rtm = rt.core.classConstant;
        return rtm(cls!, k, scopeClass());
      }
      const v = rt.findConstant(name.startsWith('\\') ? name.slice(1) : name);
      if (v === undefined) rt.throwError('Error', `Undefined constant "${name}"`);
      return v;
    },
    'get_class(object $object): string': (o: PhpObject) => (o.cls.isAnonymous ? o.cls.name : o.cls.name),
    'get_parent_class(mixed $object_or_class = UNKNOWN): string|false': (v: any) => {
      const c = v === undefined ? scopeClass() : classArg(v, 'get_parent_class');
      return c && c.parent ? c.parent.name : false;
    },
    'get_object_vars(object $object): array': (o: PhpObject) => objectVars(o, scopeClass()),
    'get_class_vars(string $class): array|false': (name: string) => {
      const c = findClass(name, true);
      if (!c) rt.throwError('Error', `get_class_vars(): Argument #1 ($class) must be a valid class name, ${name} given`);
      rt.core.prepareDefaults(c!);
      return classVars(c!, scopeClass());
    },
    'get_class_methods(mixed $object_or_class): array': (v: any) => {
      const c = classArg(v, 'get_class_methods');
      const scope = scopeClass();
      const a = new PhpArray();
      for (const m of c!.methods.values()) {
        if (m.vis === Vis.Public || visible(m.vis, m.cls, scope)) a.append(m.name);
      }
      return a;
    },
    'method_exists($object_or_class, string $method): bool': (v: any, m: string) => {
      const c = v instanceof PhpObject ? v.cls : typeof v === 'string' ? findClass(v, true) : null;
      if (!c && !(typeof v === 'string')) rt.throwError('TypeError', `method_exists(): Argument #1 ($object_or_class) must be of type object|string, ${typeName(v)} given`);
      if (!c) return false;
      const meth = c.methods.get(m.toLowerCase());
      // a class named by string does not count its ancestors' private methods (an object does)
      if (meth) return v instanceof PhpObject || meth.vis !== Vis.Private || meth.cls === c;
      return v instanceof PhpObject && v.cls.lcname === 'closure' && m.toLowerCase() === '__invoke';
    },
    'property_exists($object_or_class, string $property): bool': (v: any, p: string) => {
      const c = v instanceof PhpObject ? v.cls : typeof v === 'string' ? findClass(v, true) : null;
      if (!c && !(typeof v === 'string')) rt.throwError('TypeError', `property_exists(): Argument #1 ($object_or_class) must be of type object|string, ${typeName(v)} given`);
      if (!c) return false;
      if (c.props.has(p) || c.staticProps.has(p)) return true;
      if (c.allSlots.some((s) => s.name === p)) return true;
      return v instanceof PhpObject && p in v.p;
    },
    'class_exists(string $class, bool $autoload = true): bool': (n: string, al: boolean) => {
      const c = findClass(n, al);
      return !!c && !(c.flags & (ClassFlags.Interface | ClassFlags.Trait | ClassFlags.Enum));
    },
    'interface_exists(string $interface, bool $autoload = true): bool': (n: string, al: boolean) => !!findClass(n, al)?.isInterface,
    'trait_exists(string $trait, bool $autoload = true): bool': (n: string, al: boolean) => !!findClass(n, al)?.isTrait,
    'enum_exists(string $enum, bool $autoload = true): bool': (n: string, al: boolean) => !!findClass(n, al)?.isEnum,
    'function_exists(string $function): bool': (n: string) => !!rt.findFunction((n.startsWith('\\') ? n.slice(1) : n).toLowerCase()),
    'class_alias(string $class, string $alias, bool $autoload = true): bool': (c: string, alias: string, al: boolean) => {
      const k = findClass(c, al);
      if (!k) {
        rt.warn(`Class "${c}" not found`);
        return false;
      }
      if (k.isInternal) rt.throwError('ValueError', 'class_alias(): Argument #1 ($class) must be a user-defined class name, internal class name given');
      const lc = (alias.startsWith('\\') ? alias.slice(1) : alias).toLowerCase();
      // zend_register_class_alias_ex: a compile error naming the lowercased alias
      if (isReservedClassName(lc)) rt.error(E_COMPILE_ERROR, `Cannot use '${lc}' as class name as it is reserved`);
      if (rt.classes.has(lc) || rt.core.builtinClasses.has(lc)) {
        rt.warn(`Cannot declare class ${alias}, because the name is already in use`);
        return false;
      }
      rt.classes.set(lc, k);
      return true;
    },
    'get_declared_classes(): array': () => declared((c) => !c.isInterface && !c.isTrait),
    'get_declared_interfaces(): array': () => declared((c) => c.isInterface),
    'get_declared_traits(): array': () => declared((c) => c.isTrait),
    'is_subclass_of(mixed $object_or_class, string $class, bool $allow_string = true): bool': (v: any, name: string, allowString: boolean) => {
      const c = v instanceof PhpObject ? v.cls : typeof v === 'string' && allowString ? findClass(v, true) : null;
      const target = findClass(name, true);
      return !!c && !!target && c !== target && c.isSubclassOf(target);
    },
    'is_a(mixed $object_or_class, string $class, bool $allow_string = false): bool': (v: any, name: string, allowString: boolean) => {
      const c = v instanceof PhpObject ? v.cls : typeof v === 'string' && allowString ? findClass(v, true) : null;
      const target = findClass(name, false);
      return !!c && !!target && c.isSubclassOf(target);
    },
    'get_called_class(): string': () => rt.throwError('Error', 'get_called_class() must be called from within a class'),
    'trigger_error(string $message, int $error_level = E_USER_NOTICE): bool': triggerError,
    'user_error(string $message, int $error_level = E_USER_NOTICE): bool': triggerError,
    'set_error_handler(?callable $callback, int $error_levels = E_ALL)': (cb: any, levels: number) => {
      const prev = rt.errorHandlers.length ? rt.errorHandlers[rt.errorHandlers.length - 1].handler : null;
      rt.errorHandlers.push({ handler: cb, mask: levels });
      return prev;
    },
    'restore_error_handler(): bool': () => {
      rt.errorHandlers.pop();
      return true;
    },
    'set_exception_handler(?callable $callback)': (cb: any) => {
      const prev = rt.exceptionHandlers.length ? rt.exceptionHandlers[rt.exceptionHandlers.length - 1] : null;
      rt.exceptionHandlers.push(cb);
      return prev;
    },
    'restore_exception_handler(): bool': () => {
      rt.exceptionHandlers.pop();
      return true;
    },
    'get_defined_functions(bool $exclude_disabled = true): array': () => {
      const internal = PhpArray.fromList([...rt.core.builtins.keys()]);
      const user = PhpArray.fromList([...rt.functions.keys()]);
      return PhpArray.fromEntries([['internal', internal], ['user', user]]);
    },
    'get_defined_constants(bool $categorize = false): array': () => {
      const a = new PhpArray();
      for (const [k, v] of rt.core.constants) a.set(normStrKey(k), v);
      for (const [k, v] of rt.constants) a.set(normStrKey(k), v);
      return a;
    },
    'debug_backtrace(int $options = DEBUG_BACKTRACE_PROVIDE_OBJECT, int $limit = 0): array': (options: number, limit: number) => {
      const bt = rt.backtrace(1, (options & 2) === 0);
      const out = new PhpArray();
      let n = 0;
      for (const e of bt.values()) {
        if (!(options & 1) && e instanceof PhpArray) e.delete('object');
        // the frames' objects are kept in the array now (src/runtime/refcount.ts)
        else if (e instanceof PhpArray) esc(e.get('object'));
        out.append(e);
        if (limit > 0 && ++n >= limit) break;
      }
      return out;
    },
    'debug_print_backtrace(int $options = 0, int $limit = 0): void': (options: number, limit: number) => {
      const bt = rt.backtrace(1, (options & 2) === 0);
      if (limit > 0) {
        const cut = new PhpArray();
        let n = 0;
        for (const e of bt.values()) if (n++ < limit) cut.append(e);
        rt.echo(traceToString(cut).replace(/#\d+ \{main\}$/, ''));
        return;
      }
      const s = traceToString(bt);
      rt.echo(s.slice(0, s.lastIndexOf('#')));
    },
    'extension_loaded(string $extension): bool': (n: string) => rt.core.extensionNames.has(n.toLowerCase()),
    'get_loaded_extensions(bool $zend_extensions = false): array': () => PhpArray.fromList([...rt.core.extensionNames.values()].map((n) => rt.core.extensionDisplayNames.get(n) ?? n)),
    'get_extension_funcs(string $extension): array|false': (ext: string) => {
      const want = ext.toLowerCase();
      if (!rt.core.extensionNames.has(want)) return false;
      const names: string[] = [];
      for (const [lc, b] of rt.core.builtins) if (String((b.info as any).extension ?? '').toLowerCase() === want) names.push(lc);
      return names.length ? PhpArray.fromList(names) : false;
    },
    'get_included_files(): array': () => PhpArray.fromList([...rt.includedFiles]),
    'gc_collect_cycles(): int': () => 0,
    'gc_enabled(): bool': () => true,
    'gc_enable(): void': () => undefined,
    'gc_disable(): void': () => undefined,
    'gc_mem_caches(): int': () => 0,
    'gc_status(): array': () => PhpArray.fromEntries([['runs', 0], ['collected', 0], ['threshold', 10001], ['roots', 0]]),
    'get_resource_type($resource): string': (r: any) => (r && r.type !== undefined ? (r.closed ? 'Unknown' : r.type) : rt.throwError('TypeError', `get_resource_type(): Argument #1 ($resource) must be of type resource, ${typeName(r)} given`)),
    'get_resource_id($resource): int': (r: any) => r.id,
    'get_resources(?string $type = null): array': () => new PhpArray(),
    'error_get_last(): ?array': () => {
      const e = rt.lastError;
      if (!e) return null;
      return PhpArray.fromEntries([['type', e.type], ['message', e.message], ['file', e.file], ['line', e.line]]);
    },
    'error_clear_last(): void': () => {
      rt.lastError = null;
    },
    'get_mangled_object_vars(object $object): array': (o: PhpObject) => rt.core.objectToArray(o),
    'spl_object_id(object $object): int': (o: PhpObject) => o.id,
    'assert(mixed $assertion, Throwable|string|null $description = null): bool': (v: any, d: any) =>
      !assertOn() ? true : assertResult(v, d, 'assert($assertion)'),
    'assert_options(int $option, mixed $value = UNKNOWN): mixed': (option: number, value: any) => {
      const names: Record<number, string> = { 1: 'assert.active', 2: 'assert.callback', 3: 'assert.bail', 4: 'assert.warning', 5: 'assert.exception' };
      const key = names[option];
      if (!key) rt.throwError('ValueError', 'assert_options(): Argument #1 ($option) must be an ASSERT_* constant');
      const old = rt.iniGet(key);
      if (value !== undefined) rt.iniSet(key, typeof value === 'boolean' ? (value ? '1' : '0') : value === null ? '' : toStr(value));
      return key === 'assert.callback' ? (old ?? null) : Number(old ?? 0);
    },
    'spl_object_hash(object $object): string': (o: PhpObject) => o.id.toString(16).padStart(32, '0'),
  });
  r.alias('get_required_files', 'get_included_files');
  r.constants({
    E_ERROR: 1, E_WARNING: 2, E_PARSE: 4, E_NOTICE: 8, E_CORE_ERROR: 16, E_CORE_WARNING: 32, E_COMPILE_ERROR: 64,
    E_COMPILE_WARNING: 128, E_USER_ERROR, E_USER_WARNING, E_USER_NOTICE, E_STRICT: 2048, E_RECOVERABLE_ERROR: 4096,
    E_DEPRECATED: 8192, E_USER_DEPRECATED, E_ALL,
    DEBUG_BACKTRACE_PROVIDE_OBJECT: 1, DEBUG_BACKTRACE_IGNORE_ARGS: 2,
    ASSERT_ACTIVE: 1, ASSERT_CALLBACK: 2, ASSERT_BAIL: 3, ASSERT_WARNING: 4, ASSERT_EXCEPTION: 5,
    TRUE: true, FALSE: false, NULL: null, ZEND_THREAD_SAFE: true, ZEND_DEBUG_BUILD: false,
  });
  void isCallable;
  void toStr;
  void Ref;
}

/**
 * get_class_vars() (add_class_vars): the class's own properties first, then inherited ones, the
 * instance ones before the static ones; visibility as seen from `scope`; uninitialized typed ones as null.
 */
function classVars(c: PhpClass, scope: PhpClass | null): PhpArray {
  const a = new PhpArray();
  const visibleHere = (info: { vis: Vis; cls: PhpClass }) =>
    info.vis === Vis.Public || (info.vis === Vis.Private ? info.cls === scope : !!scope && (scope.isSubclassOf(info.cls) || info.cls.isSubclassOf(scope)));
  const seen = new Set<string>();
  for (let k: PhpClass | null = c; k; k = k.parent) {
    for (const info of k.allSlots) {
      if (info.cls !== k || seen.has(info.name)) continue;
      seen.add(info.name);
      if (visibleHere(info)) a.set(info.name, info.hasDefault ? share(info.default) : null);
    }
  }
  const seenStatic = new Set<string>();
  for (let k: PhpClass | null = c; k; k = k.parent) {
    for (const [n, sp] of k.staticProps) {
      if (sp.info.cls !== k || seenStatic.has(n)) continue;
      seenStatic.add(n);
      if (!visibleHere(sp.info)) continue;
      const v = (c.staticProps.get(n) ?? sp).ref.v;
      a.set(n, v === UNINIT || v === undefined ? null : share(v));
    }
  }
  return a;
}

/** The class of "A::NAME" given to defined()/constant(): self, parent and static are the caller's. */
function constantClass(name: string): PhpClass | null {
  const lc = name.toLowerCase();
  if (lc === 'self' || lc === 'parent' || lc === 'static') return callableClass(name, null);
  return findClass(name, true);
}

function declared(pred: (c: PhpClass) => boolean): PhpArray {
  const a = new PhpArray();
  for (const c of rt.core.builtinClasses.values()) if (pred(c) && !c.isEnum) a.append(c.name);
  // a class_alias() entry shows as its (lower-case) key (copy_class_or_interface_name)
  for (const [lc, c] of rt.classes) if (pred(c) && !c.isAnonymous) a.append(lc === c.lcname ? c.name : lc);
  return a;
}

function triggerError(message: string, level: number): boolean {
  if (level !== E_USER_ERROR && level !== E_USER_WARNING && level !== E_USER_NOTICE && level !== E_USER_DEPRECATED) {
    rt.throwError('ValueError', 'trigger_error(): Argument #2 ($error_level) must be one of E_USER_ERROR, E_USER_WARNING, E_USER_NOTICE, or E_USER_DEPRECATED');
  }
  rt.error(level, message);
  return true;
}

/** get_object_vars(): the properties visible from the calling scope, by name. */
export function objectVars(o: PhpObject, scope: PhpClass | null): PhpArray {
  // an object keeping its properties elsewhere (pthreads' Threaded) gives them through its (array) cast
  if (o.cls.handlers?.readProp && !o.cls.handlers.propsInBag && o.cls.ext.arrayCast) return o.cls.ext.arrayCast(o);
  const a = new PhpArray();
  for (const k in o.p) {
    const v = o.p[k];
    if (v === UNINIT) continue;
    let name = k;
    if (k.charCodeAt(0) === 0) {
      const end = k.indexOf('\0', 1);
      if (!scope || scope.name !== k.slice(1, end)) continue;
      name = k.slice(end + 1);
    } else {
      const info = o.cls.props.get(k);
      if (info && info.vis !== Vis.Public && !visible(info.vis, info.cls, scope)) continue;
    }
    const key = normStrKey(name);
    if (v instanceof Ref) a.setRef(key, v);
    else a.set(key, share(v));
  }
  return a;
}

/** zend_binary_str(n)(case)cmp: the difference of the first differing bytes, else the lengths' order. */
export function binaryCompare(a: string, b: string, limit: number, foldCase: boolean): number {
  const la = Math.min(a.length, limit), lb = Math.min(b.length, limit);
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (foldCase) {
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
    }
    if (x !== y) return x - y;
  }
  // PHP 8.2: a length difference compares as -1/1 (ZEND_THREEWAY_COMPARE)
  return la < lb ? -1 : la > lb ? 1 : 0;
}
