// ext/standard/streamsfuncs.c and main/streams/userspace.c: stream_* functions, contexts, user wrappers.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { PhpResource, Ref } from '../../runtime/values.js';
import { toStr, toBool, toInt, typeName } from '../../runtime/convert.js';
import { instantiate } from '../../runtime/classdecl.js';
import { findClass, callMethodByName } from '../../runtime/objects.js';
import { PhpStream, BaseStream, StringStream, MemoryStream, FileStream, StreamMeta } from './streams.js';
import { setSocketTimeout, socketTimedOut } from './xp_socket.js';
import { streamArg, openStream, readAll, resolveIncludePath, schemeOf } from './file.js';

// ───────────── user wrappers ─────────────

interface UserWrapper {
  protocol: string;
  cls: string;
  flags: number;
}

function wrappers(): Map<string, UserWrapper> {
  return ((rt.ext.userWrappers as Map<string, UserWrapper>) ??= new Map());
}
function disabledBuiltins(): Set<string> {
  return ((rt.ext.disabledWrappers as Set<string>) ??= new Set());
}
const BUILTIN_WRAPPERS = ['https', 'ftps', 'compress.zlib', 'php', 'file', 'glob', 'data', 'http', 'ftp', 'phar'];

export function findUserWrapper(scheme: string): UserWrapper | undefined {
  return wrappers().get(scheme.toLowerCase());
}

function hasMethod(o: PhpObject, name: string): boolean {
  return !!o.cls.findMethod(name.toLowerCase()) || !!o.cls.findMethod('__call');
}

function newWrapperInstance(w: UserWrapper, ctx: any): PhpObject | null {
  const cls = findClass(w.cls, true);
  if (!cls) return null;
  const o = instantiate(cls);
  {
    try {
      o.p['context'] = ctx ?? null;
    } catch {
      /* ignore */
    }
  }
  if (cls.findMethod('__construct')) callMethodByName(o, '__construct', []);
  return o;
}

class UserStream extends BaseStream {
  meta: StreamMeta;
  protected greedy = false;
  constructor(public obj: PhpObject, mode: string, uri: string) {
    super();
    this.meta = { wrapper: 'user-space', streamType: 'user-space', mode, uri, seekable: true };
  }
  private call(name: string, args: any[]): any {
    return callMethodByName(this.obj, name, args);
  }
  protected fill(n = 8192): boolean {
    if (this.eofFlag) return false;
    return super.fill(n);
  }
  protected rawRead(n: number): string {
    if (this.eofFlag) return '';
    const cn = this.obj.cls.name;
    if (!hasMethod(this.obj, 'stream_read')) {
      rt.warn(`${curName()}(): ${cn}::stream_read is not implemented!`);
      this.eofFlag = true;
      return '';
    }
    const count = 8192;
    let r = this.call('stream_read', [count]);
    let s = '';
    if (r === false) s = '';
    else {
      s = toStr(r);
      if (s.length > count) {
        rt.warn(`${curName()}(): ${cn}::stream_read - read ${s.length - count} bytes more data than requested (${s.length} read, ${count} max) - excess data will be lost`);
        s = s.slice(0, count);
      }
    }
    if (hasMethod(this.obj, 'stream_eof')) {
      const e = this.call('stream_eof', []);
      if (toBool(e)) this.eofFlag = true;
    } else {
      rt.warn(`${curName()}(): ${cn}::stream_eof is not implemented! Assuming EOF`);
      this.eofFlag = true;
    }
    void n;
    return s;
  }
  read(n: number): string {
    const out = super.read(n);
    return out;
  }
  protected rawWrite(s: string): number | false {
    const cn = this.obj.cls.name;
    if (!hasMethod(this.obj, 'stream_write')) {
      rt.warn(`${curName()}(): ${cn}::stream_write is not implemented!`);
      return false;
    }
    let total = 0;
    for (let i = 0; i < s.length || (i === 0 && s.length === 0); i += 8192) {
      const chunk = s.slice(i, i + 8192);
      const r = this.call('stream_write', [chunk]);
      if (r === false) return total || false;
      let n = Number(toInt(r));
      if (n > chunk.length) {
        rt.warn(`${curName()}(): ${cn}::stream_write wrote ${n - chunk.length} bytes more data than requested (${n} written, ${chunk.length} max)`);
        n = chunk.length;
      }
      total += n;
      if (n < chunk.length) break;
      if (s.length === 0) break;
    }
    return total;
  }
  protected rawSeek(offset: number, whence: number): number | false {
    if (!hasMethod(this.obj, 'stream_seek')) return false;
    const r = this.call('stream_seek', [offset, whence]);
    if (!toBool(r)) return false;
    if (hasMethod(this.obj, 'stream_tell')) return Number(toInt(this.call('stream_tell', [])));
    return offset;
  }
  seek(offset: number, whence: number): boolean {
    if (!hasMethod(this.obj, 'stream_seek')) {
      return false;
    }
    if (whence === 1) {
      offset = this.position + offset;
      whence = 0;
    }
    const r = this.rawSeek(offset, whence);
    if (r === false) return false;
    this.buf = '';
    this.position = r;
    this.eofFlag = false;
    return true;
  }
  eof(): boolean {
    if (this.buf.length) return false;
    return this.eofFlag;
  }
  flush(): boolean {
    if (!hasMethod(this.obj, 'stream_flush')) return false;
    return toBool(this.call('stream_flush', []));
  }
  truncate(size: number): boolean {
    if (!hasMethod(this.obj, 'stream_truncate')) return false;
    const r = this.call('stream_truncate', [size]);
    if (typeof r !== 'boolean') {
      rt.warn(`ftruncate(): ${this.obj.cls.name}::stream_truncate did not return a boolean!`);
      return false;
    }
    return r;
  }
  userStat(): PhpArray | false {
    if (!hasMethod(this.obj, 'stream_stat')) {
      rt.warn(`fstat(): ${this.obj.cls.name}::stream_stat is not implemented!`);
      return false;
    }
    const r = this.call('stream_stat', []);
    return r instanceof PhpArray ? statFromUser(r) : false;
  }
  close(): void {
    if (hasMethod(this.obj, 'stream_flush')) this.call('stream_flush', []);
    if (hasMethod(this.obj, 'stream_close')) this.call('stream_close', []);
  }
}

function statFromUser(a: PhpArray): PhpArray {
  const keys = ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'atime', 'mtime', 'ctime', 'blksize', 'blocks'];
  const out = new PhpArray();
  const vals = keys.map((k) => Number(toInt(a.get(k) ?? 0)));
  vals.forEach((v, i) => out.set(i, v));
  keys.forEach((k, i) => out.set(k, vals[i]));
  return out;
}

function curName(): string {
  return (rt.top as any)?.info?.name ?? 'fopen';
}

export function openUserStream(w: UserWrapper, path: string, mode: string, fname: string, opts: { context?: any; quiet?: boolean; useIncludePath?: boolean }): PhpStream | false {
  const o = newWrapperInstance(w, opts.context);
  if (!o) return false;
  const opened = new Ref(null);
  let ok: any = false;
  if (!hasMethod(o, 'stream_open')) {
    ok = false;
  } else ok = callMethodByName(o, 'stream_open', [path, mode, (opts.useIncludePath ? 1 : 0) | (opts.quiet ? 0 : 8), opened]);
  if (!toBool(ok)) {
    if (!opts.quiet) rt.warn(`${fname}(${path}): Failed to open stream: "${w.cls}::stream_open" call failed`);
    return false;
  }
  const s = new PhpStream(new UserStream(o, mode, path));
  s.wrapperData = o;
  (s as any).userStat = () => (s.impl as UserStream).userStat();
  return s;
}

export function userDirOpen(w: UserWrapper, path: string, fname: string): string[] | false {
  const o = newWrapperInstance(w, null);
  if (!o) return false;
  if (!hasMethod(o, 'dir_opendir') || !toBool(callMethodByName(o, 'dir_opendir', [path, 0]))) {
    rt.warn(`${fname}(${path}): Failed to open directory: "${w.cls}::dir_opendir" call failed`);
    return false;
  }
  const out: string[] = [];
  for (let i = 0; i < 100000; i++) {
    const r = callMethodByName(o, 'dir_readdir', []);
    if (r === false || r === null) break;
    out.push(toStr(r));
  }
  if (hasMethod(o, 'dir_closedir')) callMethodByName(o, 'dir_closedir', []);
  return out;
}

export function userUrlStat(w: UserWrapper, path: string, flags: number, quiet: boolean): PhpArray | false {
  const o = newWrapperInstance(w, null);
  if (!o) return false;
  if (!hasMethod(o, 'url_stat')) {
    if (!quiet) rt.warn(`${curName()}(): ${w.cls}::url_stat is not implemented!`);
    return false;
  }
  const r = callMethodByName(o, 'url_stat', [path, flags | (quiet ? 2 : 0)]);
  return r instanceof PhpArray ? r : false;
}

export function userFsOp(w: UserWrapper, op: string, args: any[]): boolean {
  const o = newWrapperInstance(w, null);
  if (!o) return false;
  if (!hasMethod(o, op)) {
    rt.warn(`${curName()}(): ${w.cls}::${op} is not implemented!`);
    return false;
  }
  return toBool(callMethodByName(o, op, args));
}

// ───────────── php://filter ─────────────

function applyFilter(name: string, s: string): string | null {
  switch (name.toLowerCase()) {
    case 'string.toupper': return s.toUpperCase().replace(/[^\x00-\x7f]/g, (c) => c);
    case 'string.tolower': return s.toLowerCase();
    case 'string.rot13': return s.replace(/[a-zA-Z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) & 31) + 12) % 26 + (c.charCodeAt(0) & 96) + 1));
    case 'convert.base64-encode': return Buffer.from(s, 'latin1').toString('base64');
    case 'convert.base64-decode': return Buffer.from(s.replace(/\s/g, ''), 'base64').toString('latin1');
    case 'convert.quoted-printable-encode': return s;
    case 'string.strip_tags': return s.replace(/<[^>]*>/g, '');
    default: return null;
  }
}

export function filterStream(path: string, mode: string, fname: string, quiet: boolean): PhpStream | false {
  const spec = path.slice('php://filter/'.length);
  const ri = spec.indexOf('resource=');
  if (ri < 0) {
    if (!quiet) rt.warn(`${fname}(): No URL resource specified`);
    if (!quiet) rt.warn(`${fname}(${path}): Failed to open stream: operation failed`);
    return false;
  }
  const res = spec.slice(ri + 9);
  const chain = spec.slice(0, ri).split('/').filter(Boolean);
  const readF: string[] = [], writeF: string[] = [];
  for (const c of chain) {
    const m = /^(read|write)=(.*)$/.exec(c);
    const names = (m ? m[2] : c).split('|').map((x) => decodeURIComponent(x));
    if (!m || m[1] === 'read') readF.push(...names);
    if (!m || m[1] === 'write') writeF.push(...names);
  }
  const inner = openStream(res, mode, fname, { quiet });
  if (!inner) return false;
  if (/[wax+c]/.test(mode)) {
    const impl = new FilterWriteStream(inner, writeF, path);
    return new PhpStream(impl);
  }
  let data = readAll(inner.impl);
  inner.impl.close();
  for (const f of readF) {
    const r = applyFilter(f, data);
    if (r === null) {
      rt.warn(`${fname}(): Unable to create filter (${f})`);
      continue;
    }
    data = r;
  }
  return new PhpStream(new StringStream(data, path, 'PHP', inner.impl.meta.streamType));
}

class FilterWriteStream extends BaseStream {
  meta: StreamMeta;
  private pending = '';
  constructor(private inner: PhpStream, private filters: string[], uri: string) {
    super();
    this.meta = { wrapper: 'PHP', streamType: inner.impl.meta.streamType, mode: inner.impl.meta.mode, uri, seekable: false };
  }
  protected rawRead(): string {
    return '';
  }
  protected rawWrite(s: string): number {
    this.pending += s;
    return s.length;
  }
  close(): void {
    let d = this.pending;
    for (const f of this.filters) d = applyFilter(f, d) ?? d;
    this.inner.impl.write(d);
    this.inner.impl.close();
  }
}

// ───────────── contexts ─────────────

export class StreamContext extends PhpResource {
  options = new PhpArray();
  params = new PhpArray();
  constructor() {
    super('stream-context', null);
  }
}

function ctxArg(h: any, fname: string): StreamContext {
  if (h instanceof StreamContext) return h;
  if (h instanceof PhpStream) {
    return (h.context as StreamContext) ?? (h.context = new StreamContext());
  }
  return rt.throwError('TypeError', `${fname}(): Argument #1 ($context) must be of type resource, ${typeName(h)} given`);
}

function mergeOptions(ctx: StreamContext, opts: PhpArray, fname: string): void {
  for (const [w, o] of opts.entries()) {
    if (!(o instanceof PhpArray)) {
      rt.throwError('ValueError', `Options should have the form ["wrappername"]["optionname"] = $value`);
    }
    let cur = ctx.options.get(w);
    const next = cur instanceof PhpArray ? cur.sep() : new PhpArray();
    for (const [k, v] of (o as PhpArray).entries()) next.set(k, v);
    ctx.options.set(w, next);
    void fname;
  }
}

function defaultContext(): StreamContext {
  return ((rt.ext.defaultContext as StreamContext) ??= new StreamContext());
}

export function registerStreamFuncs(r: Registry): void {
  r.constants({
    STREAM_USE_PATH: 1, STREAM_REPORT_ERRORS: 8, STREAM_MUST_SEEK: 16, STREAM_URL_STAT_LINK: 1, STREAM_URL_STAT_QUIET: 2,
    STREAM_MKDIR_RECURSIVE: 1, STREAM_IS_URL: 1, STREAM_OPTION_BLOCKING: 1, STREAM_OPTION_READ_TIMEOUT: 4,
    STREAM_OPTION_READ_BUFFER: 2, STREAM_OPTION_WRITE_BUFFER: 3, STREAM_BUFFER_NONE: 0, STREAM_BUFFER_LINE: 1, STREAM_BUFFER_FULL: 2,
    STREAM_CAST_AS_STREAM: 0, STREAM_CAST_FOR_SELECT: 3, STREAM_META_TOUCH: 1, STREAM_META_OWNER: 3, STREAM_META_OWNER_NAME: 2,
    STREAM_META_GROUP: 5, STREAM_META_GROUP_NAME: 4, STREAM_META_ACCESS: 6, STREAM_FILTER_READ: 1, STREAM_FILTER_WRITE: 2,
    STREAM_FILTER_ALL: 3, PSFS_PASS_ON: 2, PSFS_FEED_ME: 1, PSFS_ERR_FATAL: 0, PSFS_FLAG_NORMAL: 0, PSFS_FLAG_FLUSH_INC: 1, PSFS_FLAG_FLUSH_CLOSE: 2,
    STREAM_CLIENT_PERSISTENT: 1, STREAM_CLIENT_ASYNC_CONNECT: 2, STREAM_CLIENT_CONNECT: 4, STREAM_SERVER_BIND: 4, STREAM_SERVER_LISTEN: 8,
    STREAM_SHUT_RD: 0, STREAM_SHUT_WR: 1, STREAM_SHUT_RDWR: 2, STREAM_PF_INET: 2, STREAM_PF_INET6: 10, STREAM_PF_UNIX: 1,
    STREAM_SOCK_STREAM: 1, STREAM_SOCK_DGRAM: 2, STREAM_SOCK_RAW: 3, STREAM_IPPROTO_IP: 0, STREAM_IPPROTO_TCP: 6, STREAM_IPPROTO_UDP: 17,
    STREAM_OOB: 1, STREAM_PEEK: 2, STREAM_NOTIFY_CONNECT: 2, STREAM_NOTIFY_PROGRESS: 7, STREAM_NOTIFY_COMPLETED: 8, STREAM_NOTIFY_FAILURE: 9,
    STREAM_NOTIFY_AUTH_REQUIRED: 3, STREAM_NOTIFY_AUTH_RESULT: 10, STREAM_NOTIFY_MIME_TYPE_IS: 4, STREAM_NOTIFY_FILE_SIZE_IS: 5,
    STREAM_NOTIFY_REDIRECTED: 6, STREAM_NOTIFY_RESOLVE: 1, STREAM_NOTIFY_SEVERITY_INFO: 0, STREAM_NOTIFY_SEVERITY_WARN: 1, STREAM_NOTIFY_SEVERITY_ERR: 2,
  });
  r.functions({
    'stream_get_contents($stream, ?int $length = null, int $offset = -1): string|false': (h: any, len: number | null, off: number) => {
      const s = streamArg(h, 'stream_get_contents');
      if (len !== null && len < -1) rt.throwError('ValueError', 'stream_get_contents(): Argument #2 ($length) must be greater than or equal to -1');
      if (off >= 0) {
        if (off !== s.impl.tell() && !s.impl.seek(Number(off), 0)) {
          rt.warn(`stream_get_contents(): Failed to seek to position ${off} in the stream`);
          return false;
        }
      } else if (off < -1) {
        rt.throwError('ValueError', 'stream_get_contents(): Argument #3 ($offset) must be greater than or equal to -1');
      }
      return readAll(s.impl, len === null || len === -1 ? -1 : Number(len));
    },
    'stream_get_line($stream, int $length, string $ending = ""): string|false': (h: any, len: number, end: string) => {
      const s = streamArg(h, 'stream_get_line');
      if (len < 0) rt.throwError('ValueError', 'stream_get_line(): Argument #2 ($length) must be greater than or equal to 0');
      const max = len === 0 ? 8192 : Number(len);
      if (!s.impl.blocking) return s.impl.getRecordNonBlocking(max, end);
      if (s.impl.eof()) return false;
      const line = end === '' ? s.impl.read(max) : s.impl.readLine(max, end);
      if (line === '' && s.impl.eof()) return false;
      return line;
    },
    'stream_copy_to_stream($from, $to, ?int $length = null, int $offset = 0): int|false': (a: any, b: any, len: number | null, off: number) => {
      const src = streamArg(a, 'stream_copy_to_stream', 1, 'from');
      const dst = streamArg(b, 'stream_copy_to_stream', 2, 'to');
      if (off > 0 && !src.impl.seek(Number(off), 0)) {
        rt.warn(`stream_copy_to_stream(): Failed to seek to position ${off} in the stream`);
        return false;
      }
      const d = readAll(src.impl, len === null || len < 0 ? -1 : Number(len));
      if (d === '') return src.impl.readFailed ? false : 0;
      const n = dst.impl.write(d);
      return n === false ? false : n;
    },
    'stream_get_meta_data($stream): array': (h: any) => {
      const s = streamArg(h, 'stream_get_meta_data');
      const m = s.impl.meta;
      const a = new PhpArray();
      a.set('timed_out', socketTimedOut(s.impl));
      a.set('blocked', s.impl.blocking);
      a.set('eof', s.impl.eof());
      if (s.wrapperData) a.set('wrapper_data', s.wrapperData);
      if (m.wrapper !== '') a.set('wrapper_type', m.wrapper);
      a.set('stream_type', m.streamType);
      a.set('mode', m.mode);
      a.set('unread_bytes', s.impl.unread());
      a.set('seekable', m.seekable);
      if (m.uri) a.set('uri', m.uri);
      return a;
    },
    'stream_context_create(?array $options = null, ?array $params = null)': (o: PhpArray | null, p: PhpArray | null) => {
      const c = new StreamContext();
      if (o) mergeOptions(c, o, 'stream_context_create');
      if (p) {
        const opts = p.get('options');
        if (opts instanceof PhpArray) mergeOptions(c, opts, 'stream_context_create');
        for (const [k, v] of p.entries()) if (k !== 'options') c.params.set(k, v);
      }
      return c;
    },
    'stream_context_get_options($stream_or_context): array': (h: any) => ctxArg(h, 'stream_context_get_options').options,
    'stream_context_set_option($context, array|string $wrapper_or_options, ?string $option_name = null, mixed $value = UNKNOWN): bool': (h: any, w: any, name: string | null, v: any) => {
      const c = ctxArg(h, 'stream_context_set_option');
      if (w instanceof PhpArray) {
        mergeOptions(c, w, 'stream_context_set_option');
        return true;
      }
      if (name === null) rt.throwError('ValueError', 'stream_context_set_option(): Argument #3 ($option_name) cannot be null when argument #2 ($wrapper_or_options) is a string');
      const cur = c.options.get(w);
      const next = cur instanceof PhpArray ? cur.sep() : new PhpArray();
      next.set(name!, v);
      c.options.set(w, next);
      return true;
    },
    'stream_context_set_options($context, array $options): bool': (h: any, o: PhpArray) => {
      mergeOptions(ctxArg(h, 'stream_context_set_options'), o, 'stream_context_set_options');
      return true;
    },
    'stream_context_get_params($context): array': (h: any) => {
      const c = ctxArg(h, 'stream_context_get_params');
      const a = new PhpArray();
      for (const [k, v] of c.params.entries()) a.set(k, v);
      a.set('options', c.options);
      return a;
    },
    'stream_context_set_params($context, array $params): bool': (h: any, p: PhpArray) => {
      const c = ctxArg(h, 'stream_context_set_params');
      const opts = p.get('options');
      if (opts instanceof PhpArray) mergeOptions(c, opts, 'stream_context_set_params');
      for (const [k, v] of p.entries()) if (k !== 'options') c.params.set(k, v);
      return true;
    },
    'stream_context_get_default(?array $options = null)': (o: PhpArray | null) => {
      const c = defaultContext();
      if (o) mergeOptions(c, o, 'stream_context_get_default');
      return c;
    },
    'stream_context_set_default(array $options)': (o: PhpArray) => {
      const c = defaultContext();
      mergeOptions(c, o, 'stream_context_set_default');
      return c;
    },
    'stream_wrapper_register(string $protocol, string $class, int $flags = 0): bool': (proto: string, cls: string, flags: number) => {
      const lc = proto.toLowerCase();
      if (!/^[a-zA-Z0-9+.-]+$/.test(proto)) {
        rt.warn(`stream_wrapper_register(): Invalid protocol scheme specified. Unable to register wrapper class ${cls} to ${proto}://`);
        return false;
      }
      if (!findClass(cls, true)) rt.throwError('TypeError', `stream_wrapper_register(): Argument #2 ($class) must be a valid class name, ${cls} given`);
      if (wrappers().has(lc) || (BUILTIN_WRAPPERS.includes(lc) && !disabledBuiltins().has(lc))) {
        rt.warn(`stream_wrapper_register(): Protocol ${proto}:// is already defined`);
        return false;
      }
      wrappers().set(lc, { protocol: proto, cls: findClass(cls, false)!.name, flags });
      return true;
    },
    'stream_register_wrapper(string $protocol, string $class, int $flags = 0): bool': (proto: string, cls: string, flags: number) =>
      rt.core.callValue('stream_wrapper_register', [proto, cls, flags]),
    'stream_wrapper_unregister(string $protocol): bool': (proto: string) => {
      const lc = proto.toLowerCase();
      if (wrappers().delete(lc)) return true;
      if (BUILTIN_WRAPPERS.includes(lc) && !disabledBuiltins().has(lc)) {
        disabledBuiltins().add(lc);
        return true;
      }
      rt.warn(`stream_wrapper_unregister(): Unable to unregister protocol ${proto}://`);
      return false;
    },
    'stream_wrapper_restore(string $protocol): bool': (proto: string) => {
      const lc = proto.toLowerCase();
      if (!BUILTIN_WRAPPERS.includes(lc)) {
        rt.warn(`stream_wrapper_restore(): ${proto}:// never existed, nothing to restore`);
        return false;
      }
      if (!disabledBuiltins().has(lc) && !wrappers().has(lc)) {
        rt.notice(`stream_wrapper_restore(): ${proto}:// was never changed, nothing to restore`);
        return true;
      }
      wrappers().delete(lc);
      disabledBuiltins().delete(lc);
      return true;
    },
    'stream_get_wrappers(): array': () => {
      const list = BUILTIN_WRAPPERS.filter((w) => !disabledBuiltins().has(w));
      for (const w of wrappers().values()) list.push(w.protocol);
      return PhpArray.fromList(list);
    },
    'stream_get_transports(): array': () => PhpArray.fromList(['tcp', 'udp', 'unix', 'udg']),
    'stream_is_local($stream): bool': (h: any) => {
      if (h instanceof PhpStream) {
        if (h.closed) rt.throwError('TypeError', 'stream_is_local(): supplied resource is not a valid stream resource');
        return h.impl.meta.wrapper !== 'http';
      }
      if (typeof h !== 'string') rt.throwError('TypeError', `stream_is_local(): Argument #1 ($stream) must be of type resource|string, ${typeName(h)} given`);
      const sc = schemeOf(h);
      return !['http', 'https', 'ftp', 'ftps'].includes(sc);
    },
    'stream_isatty($stream): bool': (h: any) => {
      const s = streamArg(h, 'stream_isatty');
      return s.impl instanceof FileStream ? require_tty(s.impl.fd) : false;
    },
    'stream_set_write_buffer($stream, int $size): int': (h: any) => {
      streamArg(h, 'stream_set_write_buffer');
      return 0;
    },
    'stream_set_read_buffer($stream, int $size): int': (h: any) => {
      streamArg(h, 'stream_set_read_buffer');
      return 0;
    },
    'stream_set_chunk_size($stream, int $size): int': (h: any, n: number) => {
      streamArg(h, 'stream_set_chunk_size');
      if (n <= 0) rt.throwError('ValueError', 'stream_set_chunk_size(): Argument #2 ($size) must be greater than 0');
      return 8192;
    },
    'stream_set_blocking($stream, bool $enable): bool': (h: any, on: boolean) => {
      streamArg(h, 'stream_set_blocking').impl.blocking = on;
      return true;
    },
    'socket_set_blocking($stream, bool $enable): bool': (h: any, on: boolean) => {
      streamArg(h, 'socket_set_blocking').impl.blocking = on;
      return true;
    },
    'stream_select(?array &$read, ?array &$write, ?array &$except, ?int $seconds, ?int $microseconds = null): int|false': streamSelect,
    'stream_set_timeout($stream, int $seconds, int $microseconds = 0): bool': (h: any, sec: number, usec: number) => {
      if (setSocketTimeout(streamArg(h, 'stream_set_timeout'), sec, usec)) return true;
      return false;
    },
    'stream_supports_lock($stream): bool': (h: any) => {
      const s = streamArg(h, 'stream_supports_lock');
      return s.impl instanceof FileStream;
    },
    'stream_resolve_include_path(string $filename): string|false': (p: string) => {
      if (p === '') rt.throwError('ValueError', 'stream_resolve_include_path(): Argument #1 ($filename) cannot be empty');
      const r = resolveIncludePath(p);
      try {
        const full = require_abs(r);
        return full;
      } catch {
        return false;
      }
    },
    'is_uploaded_file(string $filename): bool': () => false,
    'move_uploaded_file(string $from, string $to): bool': () => false,
  });
  void MemoryStream;
}

import * as fs from 'node:fs';
import { absPath, fsPath } from './streams.js';
function require_tty(fd: number): boolean {
  try {
    return require_isatty(fd);
  } catch {
    return false;
  }
}
/** node:tty, loaded on first use (start-up does not pay for it) */
const nodeTty = (): typeof import('node:tty') => process.getBuiltinModule('node:tty');
function require_isatty(fd: number): boolean {
  return nodeTty().isatty(fd);
}
function require_abs(p: string): string {
  const full = absPath(p);
  fs.statSync(fsPath(full));
  return full;
}

// made on first use: start-up allocates no SharedArrayBuffer a script never waits on
let selectSleeper: Int32Array | null = null;

/** The streams of a stream_select() array that are ready, keys kept. */
function readyStreams(arr: PhpArray, write: boolean): PhpArray {
  const out = new PhpArray();
  for (const [k, v] of arr.entries()) {
    const s = v instanceof Ref ? v.v : v;
    if (s instanceof PhpStream && !s.closed && s.impl.selectReady(write)) out.set(k, v);
  }
  return out;
}

/** Checks every member is a stream (php_stream_array_to_fd_set's TypeError). */
function checkSelectArray(arr: PhpArray | null, argn: number): void {
  if (!arr) return;
  for (const v of arr.values()) {
    const s = v instanceof Ref ? v.v : v;
    if (!(s instanceof PhpStream) || s.closed) rt.throwError('TypeError', `stream_select(): supplied resource is not a valid stream resource`);
    void argn;
  }
}

/** stream_select(): polls the streams until one is ready or the timeout passes (null: no limit). */
function streamSelect(r: Ref, w: Ref, e: Ref, sec: number | null, usec: number | null): number | false {
  const rd = r.v instanceof PhpArray ? r.v : null, wr = w.v instanceof PhpArray ? w.v : null, ex = e.v instanceof PhpArray ? e.v : null;
  if (!rd && !wr && !ex) rt.throwError('ValueError', 'No stream arrays were passed');
  if (sec !== null && sec < 0) rt.throwError('ValueError', 'stream_select(): Argument #4 ($seconds) must be greater than or equal to 0');
  if (usec !== null && usec < 0) rt.throwError('ValueError', 'stream_select(): Argument #5 ($microseconds) must be greater than or equal to 0');
  if (sec === null && usec !== null && usec !== 0) rt.throwError('ValueError', 'stream_select(): Argument #5 ($microseconds) must be null when argument #4 ($seconds) is null');
  checkSelectArray(rd, 1);
  checkSelectArray(wr, 2);
  checkSelectArray(ex, 3);
  const deadline = sec === null ? Infinity : Date.now() + sec * 1000 + Math.floor((usec ?? 0) / 1000);
  for (let wait = 1; ; wait = Math.min(wait * 2, 10)) {
    const rr = rd ? readyStreams(rd, false) : null;
    const wr2 = wr ? readyStreams(wr, true) : null;
    const n = (rr?.size ?? 0) + (wr2?.size ?? 0);
    if (n > 0 || Date.now() >= deadline) {
      if (rd) r.v = rr;
      if (wr) w.v = wr2;
      if (ex) e.v = new PhpArray();
      return n;
    }
    Atomics.wait((selectSleeper ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, Math.min(wait, Math.max(1, deadline - Date.now())));
  }
}
