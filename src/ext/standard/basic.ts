// ext/standard/basic_functions.c: constants, ini, shutdown functions, time, environment, process info,
// call_user_func and the minimal stream functions for STDIN/STDOUT/STDERR.

import type { Registry } from '../../engine/extension.js';
/** node:os, loaded on first use (start-up does not pay for it) */
/** The command that runs phpts (bin/phpts tells it through PHPTS_BINARY, then it leaves PHP's environment). */
const phpBinary = process.env.PHPTS_BINARY || process.execPath;
delete process.env.PHPTS_BINARY;
const nodeOs = (): typeof import('node:os') => process.getBuiltinModule('node:os');
import { rt } from '../../runtime/request.js';
import { PhpArray, share } from '../../runtime/array.js';
import { PhpFloat, mkFloat, Ref } from '../../runtime/values.js';
import { callValue } from '../../runtime/calls.js';
import { takeNamedArgs, argsWithNamed } from '../../runtime/functions.js';
import { looseEq } from '../../runtime/operators.js';
import { toStr } from '../../runtime/convert.js';
import { PHP_VERSION, PHP_MAJOR_VERSION, PHP_MINOR_VERSION, PHP_RELEASE_VERSION, PHP_VERSION_ID } from '../../version.js';
import { stdinStream, stdoutStream, stderrStream } from './streams.js';
import { registerFile } from './file.js';
import { registerDir } from './dir.js';
import { registerGetopt } from './getopt.js';
import { registerNetdb } from './netdb.js';
import { registerFilestat } from './filestat.js';
import { registerStreamFuncs } from './stream_funcs.js';
import { registerProcOpen } from './proc_open.js';
import { registerSocketFuncs } from './xp_socket.js';
import { registerBrowscap } from './browscap.js';
import { registerStreamFilters } from './stream_filter.js';

export function registerBasic(r: Registry): void {
  r.constants({
    PHP_VERSION, PHP_MAJOR_VERSION, PHP_MINOR_VERSION, PHP_RELEASE_VERSION, PHP_VERSION_ID, PHP_EXTRA_VERSION: '',
    PHP_EOL: '\n', PHP_INT_MAX: 9223372036854775807n, PHP_INT_MIN: -9223372036854775808n, PHP_INT_SIZE: 8,
    PHP_FLOAT_EPSILON: Number.EPSILON, PHP_FLOAT_MAX: Number.MAX_VALUE, PHP_FLOAT_MIN: 2.2250738585072014e-308, PHP_FLOAT_DIG: 15,
    PHP_OS: 'Linux', PHP_OS_FAMILY: 'Linux', PHP_SAPI: 'cli', PHP_DEBUG: 0, PHP_ZTS: 1, PHP_MAXPATHLEN: 4096,
    DIRECTORY_SEPARATOR: '/', PATH_SEPARATOR: ':', PHP_SHLIB_SUFFIX: 'so', PHP_FD_SETSIZE: 1024,
    PHP_BINARY: phpBinary, PHP_PREFIX: '/usr', PHP_BINDIR: '/usr/bin', PHP_LIBDIR: '/usr/lib/php', PHP_DATADIR: '/usr/share/php/8.2',
    DEFAULT_INCLUDE_PATH: '.:/usr/share/php', PEAR_INSTALL_DIR: '/usr/share/php', PEAR_EXTENSION_DIR: '/usr/lib/php/20220829',
    PHP_EXTENSION_DIR: '/usr/lib/php/20220829', PHP_CONFIG_FILE_PATH: '/etc/php/8.2/cli', PHP_SYSCONFDIR: '/etc', PHP_LOCALSTATEDIR: '/var',
    PHP_CONFIG_FILE_SCAN_DIR: '/etc/php/8.2/cli/conf.d', PHP_MANDIR: '/usr/share/man',
    INF: Infinity, NAN: NaN,
  });
  r.functions({
    'phpversion(?string $extension = null): string|false': (ext: string | null) => (ext === null ? PHP_VERSION : rt.core.extensionNames.has(ext.toLowerCase()) ? PHP_VERSION : false),
    'php_sapi_name(): string|false': () => 'cli',
    'php_uname(string $mode = "a"): string': (mode: string) => {
      const parts: Record<string, string> = { s: 'Linux', n: nodeOs().hostname(), r: nodeOs().release(), v: '#1 SMP', m: nodeOs().machine?.() ?? 'x86_64' };
      return mode === 'a' ? `${parts.s} ${parts.n} ${parts.r} ${parts.v} ${parts.m}` : parts[mode] ?? parts.s;
    },
    'php_ini_loaded_file(): string|false': () => false,
    'php_ini_scanned_files(): string|false': () => false,
    'zend_thread_id(): int': () => 1,
    'getmypid(): int|false': () => process.pid,
    'sys_get_temp_dir(): string': () => nodeOs().tmpdir(),
    'ini_get(string $option): string|false': (name: string) => {
      const v = rt.iniGet(name);
      return v === undefined ? false : v === null ? '' : v;
    },
    'ini_set(string $option, string|int|float|bool|null $value): string|false': (name: string, value: any) => {
      const v = value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '') : toStr(value);
      const old = rt.iniSet(name, v);
      return old === null ? '' : old;
    },
    'ini_alter(string $option, string|int|float|bool|null $value): string|false': (name: string, value: any) => {
      const old = rt.iniSet(name, toStr(value));
      return old === null ? '' : old;
    },
    'ini_restore(string $option): void': (name: string) => {
      const d = rt.iniStartup.has(name) ? rt.iniStartup.get(name) : rt.core.iniDefaults.get(name);
      if (d !== undefined) rt.iniSet(name, d ?? '');
    },
    'get_cfg_var(string $option): string|array|false': (name: string) => {
      // the configuration as given at startup (php.ini is not read: only -d values)
      const v = rt.iniStartup.get(name);
      return v === undefined || v === null ? false : v;
    },
    'ini_get_all(?string $extension = null, bool $details = true): array|false': () => {
      const a = new PhpArray();
      for (const [k, v] of [...rt.ini.entries()].sort(([a1], [b1]) => (a1 < b1 ? -1 : 1))) a.set(k, v);
      return a;
    },
    'set_include_path(string $include_path): string|false': (p: string) => {
      const old = rt.iniGet('include_path');
      if (rt.iniSet('include_path', p) === false) return false;
      return old ?? false;
    },
    'get_include_path(): string|false': () => rt.iniGet('include_path') ?? false,
    // ticks are not counted (declare(ticks) has no effect): the callbacks are kept, never called
    'register_tick_function(callable $callback, mixed ...$args): bool': (cb: any, args: any[]) => {
      ((rt.ext.tickFunctions as any[]) ??= []).push({ cb, args });
      return true;
    },
    'unregister_tick_function(callable $callback): void': (cb: any) => {
      const list = (rt.ext.tickFunctions as any[]) ?? [];
      const i = list.findIndex((t) => looseEq(t.cb, cb));
      if (i >= 0) list.splice(i, 1);
    },
    'dl(string $extension_filename): bool': (name: string) => {
      const v = rt.iniGet('enable_dl');
      if (v === '0' || v === '' || v?.toLowerCase() === 'off') {
        rt.warn("dl(): Dynamically loaded extensions aren't enabled");
        return false;
      }
      if (name.length >= 4096) {
        rt.warn('dl(): Filename exceeds the maximum allowed length of 4096 characters');
        return false;
      }
      if (name.includes('/')) {
        rt.warn('dl(): Temporary module name should contain only filename');
        return false;
      }
      const dir = rt.iniGet('extension_dir') ?? '/usr/lib/php';
      rt.warn(`dl(): Unable to load dynamic library '${name}' (tried: ${dir}/${name} (${dir}/${name}: cannot open shared object file: No such file or directory), ${dir}/${name}.so (${dir}/${name}.so: cannot open shared object file: No such file or directory))`);
      return false;
    },
    'register_shutdown_function(callable $callback, mixed ...$args): void': (cb: any, args: any[]) => {
      rt.shutdownFunctions.push({ fn: cb, args });
    },
    'call_user_func(callable $callback, mixed ...$args): mixed': (cb: any, args: any[]) => {
      const named = takeNamedArgs();
      return named ? rt.core.callWithArray(cb, argsWithNamed(args, named)) : callValue(cb, args);
    },
    'call_user_func_array(callable $callback, array $args): mixed': (cb: any, args: PhpArray) => rt.core.callWithArray(cb, args),
    'forward_static_call(callable $callback, mixed ...$args): mixed': (cb: any, args: any[]) => {
      const named = takeNamedArgs();
      return named ? rt.core.callWithArray(cb, argsWithNamed(args, named)) : callValue(cb, args);
    },
    'forward_static_call_array(callable $callback, array $args): mixed': (cb: any, args: PhpArray) => rt.core.callWithArray(cb, args),
    'usleep(int $microseconds): void': (us: number) => {
      if (us < 0) rt.throwError('ValueError', 'usleep(): Argument #1 ($microseconds) must be greater than or equal to 0');
      sleepMs(us / 1000);
    },
    'sleep(int $seconds): int': (s: number) => {
      if (s < 0) rt.throwError('ValueError', 'sleep(): Argument #1 ($seconds) must be greater than or equal to 0');
      sleepMs(s * 1000);
      return 0;
    },
    'time_nanosleep(int $seconds, int $nanoseconds): array|bool': (s: number, ns: number) => {
      if (s < 0) rt.throwError('ValueError', 'time_nanosleep(): Argument #1 ($seconds) must be greater than or equal to 0');
      if (ns < 0) rt.throwError('ValueError', 'time_nanosleep(): Argument #2 ($nanoseconds) must be greater than or equal to 0');
      // nanosleep(2) fails with EINVAL
      if (ns > 999999999) rt.throwError('ValueError', 'Nanoseconds was not in the range 0 to 999 999 999 or seconds was negative');
      sleepMs(Number(s) * 1000 + Number(ns) / 1e6);
      return true;
    },
    'time_sleep_until(float $timestamp): bool': (ts: number) => {
      // the target is kept in nanoseconds as an unsigned 64-bit number
      if (!(ts >= 0 && ts <= 18446744073)) rt.throwError('ValueError', 'time_sleep_until(): Argument #1 ($timestamp) must be between 0 and 18446744073');
      const wait = ts * 1000 - (performance.timeOrigin + performance.now());
      if (wait < 0) {
        rt.warn('time_sleep_until(): Argument #1 ($timestamp) must be greater than or equal to the current time');
        return false;
      }
      sleepMs(wait);
      return true;
    },
    'time(): int': () => Math.floor(Date.now() / 1000),
    'microtime(bool $as_float = false): string|float': (asFloat: boolean) => {
      const t = performance.timeOrigin + performance.now();
      if (asFloat) return t / 1000;
      const sec = Math.floor(t / 1000);
      return `${((t / 1000 - sec)).toFixed(8)} ${sec}`;
    },
    'hrtime(bool $as_number = false): array|int|float|false': (asNumber: boolean) => {
      const ns = process.hrtime.bigint();
      if (asNumber) return ns <= 9007199254740991n ? Number(ns) : ns;
      return PhpArray.fromList([Number(ns / 1000000000n), Number(ns % 1000000000n)]);
    },
    'gettimeofday(bool $as_float = false): array|float': (asFloat: boolean) => {
      const t = performance.timeOrigin + performance.now();
      if (asFloat) return t / 1000;
      const sec = Math.floor(t / 1000);
      return PhpArray.fromEntries([['sec', sec], ['usec', Math.floor((t - sec * 1000) * 1000)], ['minuteswest', 0], ['dsttime', 0]]);
    },
    'memory_get_usage(bool $real_usage = false): int': () => process.memoryUsage().heapUsed,
    'memory_get_peak_usage(bool $real_usage = false): int': () => process.memoryUsage().heapTotal,
    'memory_reset_peak_usage(): void': () => undefined,
    'set_time_limit(int $seconds): bool': () => true,
    'ignore_user_abort(?bool $enable = null): int': () => 0,
    'connection_status(): int': () => 0,
    'connection_aborted(): int': () => 0,
    'getenv(?string $name = null, bool $local_only = false): array|string|false': (name: string | null) => {
      const env = rt.core.env(rt);
      if (name === null) return PhpArray.fromEntries(Object.entries(env));
      const v = env[name];
      return v === undefined ? false : v;
    },
    'putenv(string $assignment): bool': (a: string) => {
      const env = rt.core.env(rt);
      const i = a.indexOf('=');
      if (i === 0 || a === '') rt.throwError('ValueError', 'putenv(): Argument #1 ($assignment) must have a valid syntax');
      if (i < 0) delete env[a];
      else env[a.slice(0, i)] = a.slice(i + 1);
      return true;
    },
  });
  r.constants({ CONNECTION_ABORTED: 1, CONNECTION_NORMAL: 0, CONNECTION_TIMEOUT: 2 });
  r.constants({ INI_USER: 1, INI_PERDIR: 2, INI_SYSTEM: 4, INI_ALL: 7 });
  void share;
  void mkFloat;
  void PhpFloat;
  void Ref;
  registerFile(r);
  registerDir(r);
  registerFilestat(r);
  registerStreamFuncs(r);
  registerProcOpen(r);
  registerSocketFuncs(r);
  registerBrowscap(r);
  registerStreamFilters(r);
  registerGetopt(r);
  registerNetdb(r);
}

/** How the thread blocks in sleep(): a thread whose task can be cancelled installs an interruptible wait. */
export const sleeper = {
  sleep(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  },
};

/** Blocks the thread (PHP's sleep is synchronous). */
export function sleepMs(ms: number): void {
  if (ms <= 0) return;
  sleeper.sleep(ms);
}

export { stdinStream, stdoutStream, stderrStream };
