// ext/standard: version_compare (versioning.c), the URL functions (url.c, http.c, parse_str from
// main/php_variables.c), and small process/system functions (exec.c, basic_functions.c).

/** node:child_process's spawnSync, loaded on first use (start-up does not pay for it) */
const spawnSync: typeof import('node:child_process').spawnSync = ((...args: any[]) => (process.getBuiltinModule('node:child_process').spawnSync as any)(...args)) as any;
/** node:os, loaded on first use (start-up does not pay for it) */
const nodeOs = (): typeof import('node:os') => process.getBuiltinModule('node:os');
import type { Registry } from '../../engine/extension.js';
import { objectVars } from '../core/functions.js';
import { rt } from '../../runtime/request.js';
import { PhpArray, normStrKey, share } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { Ref, PhpFloat } from '../../runtime/values.js';
import { toStr, typeName, floatValue } from '../../runtime/convert.js';

// ───────────── version_compare ─────────────

const isDigitC = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlnumC = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

function canonVersion(v: string): string {
  if (v.length === 0) return '';
  const isdig = (c: string) => isDigitC(c) && c !== '.';
  const isndig = (c: string) => !isDigitC(c) && c !== '.';
  let out = v[0];
  let lp = v[0];
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    const last = out[out.length - 1];
    if (c === '-' || c === '_' || c === '+') {
      if (last !== '.') out += '.';
    } else if ((isndig(lp) && isdig(c)) || (isdig(lp) && isndig(c))) {
      if (last !== '.') out += '.';
      out += c;
    } else if (!isAlnumC(c)) {
      if (last !== '.') out += '.';
    } else {
      out += c;
    }
    lp = c;
  }
  return out;
}

const SPECIAL: [string, number][] = [['dev', 0], ['alpha', 1], ['a', 1], ['beta', 2], ['b', 2], ['RC', 3], ['rc', 3], ['#', 4], ['pl', 5], ['p', 5]];

function specialForm(f: string): number {
  for (const [name, order] of SPECIAL) if (f.startsWith(name)) return order;
  return -1;
}

function compareSpecial(a: string, b: string): number {
  return Math.sign(specialForm(a) - specialForm(b));
}

function strtolPrefix(s: string): bigint {
  const m = /^\d+/.exec(s);
  let v = m ? BigInt(m[0]) : 0n;
  if (v > 9223372036854775807n) v = 9223372036854775807n;
  return v;
}

export function versionCompare(orig1: string, orig2: string): number {
  if (!orig1 || !orig2) {
    if (!orig1 && !orig2) return 0;
    return orig1 ? 1 : -1;
  }
  const v1 = orig1[0] === '#' ? orig1 : canonVersion(orig1);
  const v2 = orig2[0] === '#' ? orig2 : canonVersion(orig2);
  // positions into the strings; n = index of the next '.', or -1
  let p1 = 0, p2 = 0;
  let n1: number = 0, n2: number = 0;
  let compare = 0;
  let seg1 = '', seg2 = '';
  while (p1 < v1.length && p2 < v2.length && n1 >= 0 && n2 >= 0) {
    n1 = v1.indexOf('.', p1);
    n2 = v2.indexOf('.', p2);
    seg1 = n1 >= 0 ? v1.slice(p1, n1) : v1.slice(p1);
    seg2 = n2 >= 0 ? v2.slice(p2, n2) : v2.slice(p2);
    if (isDigitC(seg1[0]) && isDigitC(seg2[0])) {
      const l1 = strtolPrefix(seg1), l2 = strtolPrefix(seg2);
      compare = l1 < l2 ? -1 : l1 > l2 ? 1 : 0;
    } else if (!isDigitC(seg1[0]) && !isDigitC(seg2[0])) {
      compare = compareSpecial(seg1, seg2);
    } else if (isDigitC(seg1[0])) {
      compare = compareSpecial('#N#', seg2);
    } else {
      compare = compareSpecial(seg1, '#N#');
    }
    if (compare !== 0) break;
    if (n1 >= 0) p1 = n1 + 1;
    if (n2 >= 0) p2 = n2 + 1;
  }
  if (compare === 0) {
    if (n1 >= 0) {
      const rest = v1.slice(p1);
      compare = isDigitC(rest[0]) ? 1 : versionCompare(rest, '#N#');
    } else if (n2 >= 0) {
      const rest = v2.slice(p2);
      compare = isDigitC(rest[0]) ? -1 : versionCompare('#N#', rest);
    }
  }
  return compare;
}

// ───────────── URL encoding ─────────────

const HEX = '0123456789ABCDEF';

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function urlencode(s: string, raw: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnumCode(c) || c === 45 || c === 46 || c === 95 || (raw && c === 126)) out += s[i];
    else if (c === 32 && !raw) out += '+';
    else out += '%' + HEX[c >> 4] + HEX[c & 15];
  }
  return out;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

export function urldecode(s: string, raw: boolean): string {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s[i];
    if (ch === '+' && !raw) out += ' ';
    else if (ch === '%' && i + 2 < n + 0 && i + 2 <= n - 1 + 0 && hexVal(s.charCodeAt(i + 1)) >= 0 && hexVal(s.charCodeAt(i + 2)) >= 0) {
      out += String.fromCharCode(hexVal(s.charCodeAt(i + 1)) * 16 + hexVal(s.charCodeAt(i + 2)));
      i += 2;
    } else out += ch;
  }
  return out;
}

// ───────────── parse_url ─────────────

interface Url {
  scheme?: string;
  host?: string;
  port?: number;
  user?: string;
  pass?: string;
  path?: string;
  query?: string;
  fragment?: string;
}

function ctl(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, '_');
}

function isAlphaC(c: string): boolean {
  return /^[A-Za-z]$/.test(c);
}

/** php_url_parse_ex2 */
export function parseUrl(str: string): Url | null {
  const ret: Url = {};
  const ue = str.length;
  let s = 0;
  let e = str.indexOf(':');
  let p: number, pp: number;
  type Go = 'port' | 'host' | 'path' | 'nohost';
  let go: Go;

  const cspn = (from: number, to: number, chars: string): number => {
    let end = to;
    for (const ch of chars) {
      const i = str.indexOf(ch, from);
      if (i >= 0 && i < end) end = i;
    }
    return end;
  };

  block: {
    if (e > 0) {
      // validate scheme
      for (p = s; p < e; p++) {
        const c = str[p];
        if (!isAlphaC(c) && !isDigitC(c) && c !== '+' && c !== '.' && c !== '-') {
          if (e + 1 < ue && e < cspn(s, ue, '?#')) {
            go = 'port';
          } else if (s + 1 < ue && str[s] === '/' && str[s + 1] === '/') {
            s += 2;
            e = -1;
            go = 'host';
          } else {
            go = 'path';
          }
          break block;
        }
      }
      if (e + 1 === ue) {
        ret.scheme = ctl(str.slice(s, e));
        return ret;
      }
      if (str[e + 1] !== '/') {
        // a port like a.com:80, or a scheme without slashes (mailto:)
        p = e + 1;
        while (p < ue && isDigitC(str[p])) p++;
        if ((p === ue || str[p] === '/') && p - e < 7) {
          go = 'port';
          break block;
        }
        ret.scheme = ctl(str.slice(s, e));
        s = e + 1;
        go = 'path';
        break block;
      }
      ret.scheme = ctl(str.slice(s, e));
      if (e + 2 < ue && str[e + 2] === '/') {
        s = e + 3;
        if (ret.scheme.toLowerCase() === 'file' && e + 3 < ue && str[e + 3] === '/') {
          // file:///c:/dir: windows drive letters
          if (e + 5 < ue && str[e + 5] === ':') s = e + 4;
          go = 'path';
          break block;
        }
        go = 'host';
      } else {
        s = e + 1;
        go = 'path';
      }
      break block;
    } else if (e === 0) {
      go = 'port';
      break block;
    } else if (s + 1 < ue && str[s] === '/' && str[s + 1] === '/') {
      s += 2;
      go = 'host';
    } else {
      go = 'path';
    }
  }

  if (go! === 'port') {
    p = e + 1;
    pp = p;
    while (pp < ue && pp - p < 6 && isDigitC(str[pp])) pp++;
    if (pp - p > 0 && pp - p < 6 && (pp === ue || str[pp] === '/')) {
      const port = parseInt(str.slice(p, pp), 10);
      if (port >= 0 && port <= 65535) {
        ret.port = port;
        if (s + 1 < ue && str[s] === '/' && str[s + 1] === '/') s += 2;
      } else {
        return null;
      }
      go = 'host';
    } else if (p === pp && pp === ue) {
      return null;
    } else if (s + 1 < ue && str[s] === '/' && str[s + 1] === '/') {
      s += 2;
      go = 'host';
    } else {
      go = 'path';
    }
  }

  if (go! === 'host') {
    e = cspn(s, ue, '/?#');
    // login and password
    p = str.lastIndexOf('@', e - 1);
    if (p >= s) {
      pp = str.indexOf(':', s);
      if (pp >= 0 && pp < p) {
        ret.user = ctl(str.slice(s, pp));
        ret.pass = ctl(str.slice(pp + 1, p));
      } else {
        ret.user = ctl(str.slice(s, p));
      }
      s = p + 1;
    }
    // port
    let pc: number;
    if (s < ue && str[s] === '[' && str[e - 1] === ']') {
      pc = -1; // IPv6 literal
    } else {
      pc = str.lastIndexOf(':', e - 1);
      if (pc < s) pc = -1;
    }
    if (pc >= 0) {
      if (!ret.port) {
        const q = pc + 1;
        if (e - q > 5) return null;
        if (e - q > 0) {
          const m = /^[ \t\n\v\f\r]*[+-]?\d+/.exec(str.slice(q, e));
          const port = m ? parseInt(m[0], 10) : NaN;
          if (m && port >= 0 && port <= 65535) ret.port = port;
          else return null;
        }
      }
      p = pc;
    } else {
      p = e;
    }
    if (p - s < 1) return null;
    ret.host = ctl(str.slice(s, p));
    if (e === ue) return ret;
    s = e;
  }

  // just_path
  e = ue;
  p = str.indexOf('#', s);
  if (p >= 0) {
    ret.fragment = ctl(str.slice(p + 1, e));
    e = p;
  }
  p = str.indexOf('?', s);
  if (p >= 0 && p < e) {
    ret.query = ctl(str.slice(p + 1, e));
    e = p;
  }
  if (s < e || s === ue) ret.path = ctl(str.slice(s, e));
  return ret;
}

// ───────────── http_build_query ─────────────

function buildQuery(
  out: string[], data: PhpArray | PhpObject, prefix: string | null, numPrefix: string, sep: string, raw: boolean, seen: Set<any>,
): void {
  if (seen.has(data)) return;
  seen.add(data);
  let entries: [string | number | bigint, any][];
  if (data instanceof PhpArray) {
    entries = data.entries() as any;
  } else {
    // the properties the calling scope can see (zend_check_property_access)
    entries = objectVars(data, rt.callerScope()).entries() as any;
  }
  for (let [key, val] of entries) {
    if (val instanceof Ref) val = val.v;
    if (val === null) continue;
    let name: string;
    if (typeof key === 'string') {
      const ek = urlencode(key, raw);
      name = prefix !== null ? prefix + ek + '%5D' : ek;
    } else {
      name = prefix !== null ? prefix + key + '%5D' : numPrefix + key;
    }
    if (val instanceof PhpArray || val instanceof PhpObject) {
      buildQuery(out, val, name + '%5B', numPrefix, sep, raw, seen);
      continue;
    }
    if (val instanceof Object && !(val instanceof PhpFloat)) continue; // resources
    let sv: string;
    if (val === true) sv = '1';
    else if (val === false) sv = '0';
    else if (typeof val === 'string') sv = urlencode(val, raw);
    else sv = urlencode(toStr(val), raw);
    out.push(name + '=' + sv);
  }
  seen.delete(data);
}

// ───────────── parse_str ─────────────

function registerVariable(result: PhpArray, varName: string, val: string): void {
  let v = varName.replace(/^ +/, '');
  const nul = v.indexOf('\0');
  if (nul >= 0) v = v.slice(0, nul);
  // the base name: ' ' and '.' become '_' up to the first '['
  let i = 0;
  let base = '';
  let isArray = false;
  for (; i < v.length; i++) {
    const c = v[i];
    if (c === ' ' || c === '.') base += '_';
    else if (c === '[') {
      isArray = true;
      break;
    } else base += c;
  }
  if (base.length === 0) return;
  const keys: (string | null)[] = [base];
  if (isArray) {
    let ip = i; // at '['
    for (;;) {
      ip++;
      const idxStart = ip;
      let idx: string | null;
      if (v[ip] === ']') {
        idx = null;
      } else {
        const close = v.indexOf(']', ip);
        if (close < 0) {
          // not an index: the '[' becomes '_' and the rest is part of the plain name
          const rest = v.slice(idxStart).replace(/[ .[]/g, '_');
          if (keys.length === 1) {
            keys[0] = base + '_' + rest;
          }
          break;
        }
        idx = v.slice(ip, close);
        ip = close;
      }
      keys.push(idx);
      ip++;
      if (v[ip] !== '[') break;
    }
  }
  let arr = result;
  for (let k = 0; k < keys.length - 1; k++) {
    const key = keys[k];
    let child: any;
    if (key === null) {
      child = new PhpArray();
      if (!arr.append(child)) return;
    } else {
      const nk = normStrKey(key);
      child = arr.get(nk);
      if (!(child instanceof PhpArray)) {
        child = new PhpArray();
        arr.set(nk, child);
      } else {
        child = child.sep();
        arr.set(nk, child);
      }
    }
    arr = child;
  }
  const last = keys[keys.length - 1];
  if (last === null) arr.append(val);
  else arr.set(normStrKey(last), val);
}

export function parseStr(s: string): PhpArray {
  const result = new PhpArray();
  const seps = rt.iniGet('arg_separator.input') ?? '&';
  const parts: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (seps.includes(ch)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let name: string, value: string;
    if (eq >= 0) {
      name = urldecode(part.slice(0, eq), false);
      value = urldecode(part.slice(eq + 1), false);
    } else {
      name = urldecode(part, false);
      value = '';
    }
    registerVariable(result, name, value);
  }
  return result;
}

// ───────────── shell ─────────────

/** sysconf(_SC_ARG_MAX) on Linux: the longest command line */
const ARG_MAX = 2097152;

export function escapeshellarg(s: string): string {
  if (s.includes('\0')) rt.throwError('ValueError', 'escapeshellarg(): Argument #1 ($arg) must not contain any null bytes');
  if (s.length > ARG_MAX - 2 - 1) rt.throwError('\0fatal', `escapeshellarg(): Argument exceeds the allowed length of ${ARG_MAX} bytes`);
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

export function escapeshellcmd(s: string): string {
  if (s.includes('\0')) rt.throwError('ValueError', 'escapeshellcmd(): Argument #1 ($command) must not contain any null bytes');
  if (s.length > ARG_MAX - 1) rt.throwError('\0fatal', `escapeshellcmd(): Command exceeds the allowed length of ${ARG_MAX} bytes`);
  let out = '';
  let p = -1;
  for (let x = 0; x < s.length; x++) {
    const c = s[x];
    if (c === '"' || c === "'") {
      let j: number;
      if (p < 0 && (j = s.indexOf(c, x + 1)) >= 0) {
        p = j;
        out += c;
      } else if (p >= 0 && s[p] === c) {
        p = -1;
        out += c;
      } else {
        out += '\\' + c;
      }
    } else if ('#&;`|*?~<>^()[]{}$\\,\x0A\xFF'.includes(c)) {
      out += '\\' + c;
    } else out += c;
  }
  return out;
}

function runShell(cmd: string): { out: string; status: number } {
  const r = spawnSync('/bin/sh', ['-c', cmd], { encoding: 'latin1', stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
  return { out: r.stdout ?? '', status: r.status ?? -1 };
}

// ───────────── registration ─────────────

export function registerGeneral(r: Registry): void {
  r.functions({
    'version_compare(string $version1, string $version2, ?string $operator = null): int|bool': (a: string, b: string, op: string | null) => {
      const c = versionCompare(a, b);
      if (op === null) return c;
      switch (op) {
        case '<': case 'lt': return c === -1;
        case '<=': case 'le': return c !== 1;
        case '>': case 'gt': return c === 1;
        case '>=': case 'ge': return c !== -1;
        case '==': case '=': case 'eq': return c === 0;
        case '!=': case '<>': case 'ne': return c !== 0;
      }
      return rt.throwError('ValueError', 'version_compare(): Argument #3 ($operator) must be a valid comparison operator');
    },
    'urlencode(string $string): string': (s: string) => urlencode(s, false),
    'rawurlencode(string $string): string': (s: string) => urlencode(s, true),
    'urldecode(string $string): string': (s: string) => urldecode(s, false),
    'rawurldecode(string $string): string': (s: string) => urldecode(s, true),
    'parse_url(string $url, int $component = -1): int|string|array|null|false': (url: string, comp: number | bigint) => {
      const u = parseUrl(url);
      if (!u) return false;
      if (comp > -1) {
        switch (Number(comp)) {
          case 0: return u.scheme ?? null;
          case 1: return u.host ?? null;
          case 2: return u.port ?? null;
          case 3: return u.user ?? null;
          case 4: return u.pass ?? null;
          case 5: return u.path ?? null;
          case 6: return u.query ?? null;
          case 7: return u.fragment ?? null;
        }
        return rt.throwError('ValueError', `parse_url(): Argument #2 ($component) must be a valid URL component identifier, ${comp} given`);
      }
      const a = new PhpArray();
      if (u.scheme !== undefined) a.set('scheme', u.scheme);
      if (u.host !== undefined) a.set('host', u.host);
      if (u.port !== undefined) a.set('port', u.port);
      if (u.user !== undefined) a.set('user', u.user);
      if (u.pass !== undefined) a.set('pass', u.pass);
      if (u.path !== undefined) a.set('path', u.path);
      if (u.query !== undefined) a.set('query', u.query);
      if (u.fragment !== undefined) a.set('fragment', u.fragment);
      return a;
    },
    'http_build_query(array|object $data, string $numeric_prefix = "", ?string $arg_separator = null, int $encoding_type = PHP_QUERY_RFC1738): string':
      (data: PhpArray | PhpObject, numPrefix: string, sep: string | null, enc: number | bigint) => {
        const out: string[] = [];
        const separator = sep ?? rt.iniGet('arg_separator.output') ?? '&';
        buildQuery(out, data, null, numPrefix, separator, enc === 2, new Set());
        return out.join(separator);
      },
    'parse_str(string $string, &$result): void': (s: string, ref: Ref) => {
      ref.v = parseStr(s);
    },
    'escapeshellarg(string $arg): string': escapeshellarg,
    'escapeshellcmd(string $command): string': escapeshellcmd,
    'shell_exec(string $command): string|false|null': (cmd: string) => {
      const r = runShell(cmd);
      return r.out === '' ? null : r.out;
    },
    'exec(string $command, &$output = null, &$result_code = null): string|false': (cmd: string, out: Ref | undefined, code: Ref | undefined) => {
      if (cmd === '') rt.throwError('ValueError', 'exec(): Argument #1 ($command) cannot be empty');
      if (cmd.includes('\0')) rt.throwError('ValueError', 'exec(): Argument #1 ($command) must not contain any null bytes');
      const r = runShell(cmd);
      const lines = r.out.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const trimmed = lines.map((l) => l.replace(/[ \t\r\n\v\f]+$/, ''));
      if (out) {
        const arr = out.v instanceof PhpArray ? out.v.sep() : new PhpArray();
        for (const l of trimmed) arr.append(l);
        out.v = arr;
      }
      if (code) code.v = r.status;
      return trimmed.length ? trimmed[trimmed.length - 1] : '';
    },
    'system(string $command, &$result_code = null): string|false': (cmd: string, code: Ref | undefined) => {
      if (cmd === '') rt.throwError('ValueError', 'system(): Argument #1 ($command) cannot be empty');
      if (cmd.includes('\0')) rt.throwError('ValueError', 'system(): Argument #1 ($command) must not contain any null bytes');
      const r = runShell(cmd);
      rt.echo(r.out);
      if (code) code.v = r.status;
      const lines = r.out.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      return lines.length ? lines[lines.length - 1].replace(/[ \t\r\n\v\f]+$/, '') : '';
    },
    'passthru(string $command, &$result_code = null): ?false': (cmd: string, code: Ref | undefined) => {
      if (cmd === '') rt.throwError('ValueError', 'passthru(): Argument #1 ($command) cannot be empty');
      if (cmd.includes('\0')) rt.throwError('ValueError', 'passthru(): Argument #1 ($command) must not contain any null bytes');
      const r = runShell(cmd);
      rt.echo(r.out);
      if (code) code.v = r.status;
      return null;
    },
    'gethostname(): string|false': () => nodeOs().hostname(),
    'getmyuid(): int|false': () => (process.getuid ? process.getuid() : 0),
    'getmygid(): int|false': () => (process.getgid ? process.getgid() : 0),
    'getmyinode(): int|false': () => 0,
    'getlastmod(): int|false': () => 0,
    'get_current_user(): string': () => {
      try {
        return nodeOs().userInfo().username;
      } catch {
        return '';
      }
    },
    // A container's load can read exactly 0 (or 1): still floats, as PHP's getloadavg() gives doubles.
    'sys_getloadavg(): array|false': () => PhpArray.fromList(nodeOs().loadavg().map(floatValue)),
    'getrusage(int $mode = 0): array|false': (mode: number) => {
      const u = process.resourceUsage();
      const a = new PhpArray();
      if (mode === 1) {
        a.set('ru_utime.tv_usec', 0);
        a.set('ru_utime.tv_sec', 0);
        a.set('ru_stime.tv_usec', 0);
        a.set('ru_stime.tv_sec', 0);
        return a;
      }
      a.set('ru_oublock', u.fsWrite);
      a.set('ru_inblock', u.fsRead);
      a.set('ru_msgsnd', u.ipcSent);
      a.set('ru_msgrcv', u.ipcReceived);
      a.set('ru_maxrss', u.maxRSS);
      a.set('ru_ixrss', u.sharedMemorySize);
      a.set('ru_idrss', u.unsharedDataSize);
      a.set('ru_minflt', u.minorPageFault);
      a.set('ru_majflt', u.majorPageFault);
      a.set('ru_nsignals', u.signalsCount);
      a.set('ru_nvcsw', u.voluntaryContextSwitches);
      a.set('ru_nivcsw', u.involuntaryContextSwitches);
      a.set('ru_nswap', u.swappedOut);
      a.set('ru_utime.tv_usec', u.userCPUTime % 1000000);
      a.set('ru_utime.tv_sec', Math.floor(u.userCPUTime / 1000000));
      a.set('ru_stime.tv_usec', u.systemCPUTime % 1000000);
      a.set('ru_stime.tv_sec', Math.floor(u.systemCPUTime / 1000000));
      return a;
    },
    'error_log(string $message, int $message_type = 0, ?string $destination = null, ?string $additional_headers = null): bool':
      (msg: string, type: number, dest: string | null) => {
        if (type === 3 && dest !== null) {
          try {
            // eslint-disable-next-line @typescript-eslint/no-var-requires
            appendFile(dest, msg);
            return true;
          } catch {
            return false;
          }
        }
        rt.core.writeStderr(msg + '\n');
        return true;
      },
  });
  r.constants({
    PHP_URL_SCHEME: 0, PHP_URL_HOST: 1, PHP_URL_PORT: 2, PHP_URL_USER: 3, PHP_URL_PASS: 4, PHP_URL_PATH: 5, PHP_URL_QUERY: 6, PHP_URL_FRAGMENT: 7,
    PHP_QUERY_RFC1738: 1, PHP_QUERY_RFC3986: 2,
  });
  void share;
  void typeName;
}

import { appendFileSync } from 'node:fs';
function appendFile(path: string, data: string): void {
  appendFileSync(path, Buffer.from(data, 'latin1'));
}
