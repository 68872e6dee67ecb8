// ext/standard/file.c: fopen and the f* functions, whole-file helpers, CSV, temp files, ini parsing.

import { closeStreamFilters } from './stream_filter.js';
import * as fs from 'node:fs';
/** node:os, loaded on first use (start-up does not pay for it) */
const nodeOs = (): typeof import('node:os') => process.getBuiltinModule('node:os');
import * as nodePath from 'node:path';
import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { Ref, PhpResource } from '../../runtime/values.js';
import { toStr, typeName } from '../../runtime/convert.js';
import {
  PhpStream, BaseStream, MemoryStream, FileStream, StringStream, stdinStream, newStdin, newOut, newOutput,
  errText, fsPath, absPath, asIoFn,
} from './streams.js';
import { openUserStream, findUserWrapper, filterStream } from './stream_funcs.js';
import { clearStatCache } from './filestat.js';

export function streamArg(h: any, fname: string, argn = 1, pname = 'stream'): PhpStream {
  if (h instanceof PhpStream) {
    if (h.closed) rt.throwError('TypeError', `${fname}(): supplied resource is not a valid stream resource`);
    return h;
  }
  if (h instanceof PhpResource) rt.throwError('TypeError', `${fname}(): supplied resource is not a valid stream resource`);
  return rt.throwError('TypeError', `${fname}(): Argument #${argn} ($${pname}) must be of type resource, ${typeName(h)} given`);
}

export function checkPath(p: string, fname: string, argn = 1, pname = 'filename'): void {
  if (p.includes('\0')) rt.throwError('ValueError', `${fname}(): Argument #${argn} ($${pname}) must not contain any null bytes`);
}

interface OpenMode {
  flags: string;
  read: boolean;
  write: boolean;
  append: boolean;
  create: boolean;
  truncate: boolean;
  exclusive: boolean;
}

export function parseMode(mode: string): OpenMode | null {
  const m = mode.replace(/[bte]/g, '');
  const plus = m.includes('+');
  const c = m[0];
  if (!c || !'rwaxc'.includes(c)) return null;
  return {
    flags: mode,
    read: c === 'r' || plus,
    write: c !== 'r' || plus,
    append: c === 'a',
    create: c !== 'r',
    truncate: c === 'w',
    exclusive: c === 'x',
  };
}

/** php_resolve_path: include_path lookup for a relative name, then the running script's directory. */
export function resolveIncludePath(p: string): string {
  if (p.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p.startsWith('./') || p.startsWith('../')) return p;
  const ip = rt.iniGet('include_path') ?? '.';
  for (const dir of ip.split(':')) {
    if (!dir) continue;
    const cand = nodePath.resolve(rt.cwd, dir, p);
    if (fs.existsSync(fsPath(cand))) return cand;
  }
  const script = rt.top?.file;
  if (script && script.startsWith('/')) {
    const cand = nodePath.resolve(nodePath.dirname(script), p);
    if (fs.existsSync(fsPath(cand))) return cand;
  }
  return p;
}

/** The wrapper scheme of a path ("file" for plain paths). */
export function schemeOf(p: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(p);
  if (m) return m[1].toLowerCase();
  if (/^data:/i.test(p)) return 'data';
  return 'file';
}

function openFail(fname: string, shown: string, why: string): false {
  rt.warn(`${fname}(${shown}): Failed to open stream: ${why}`);
  return false;
}

/**
 * php_stream_open_wrapper: opens a path or URL with a mode, warning as PHP does on failure.
 */
export function openStream(path: string, mode: string, fname: string, opts: { useIncludePath?: boolean; context?: any; quiet?: boolean } = {}): PhpStream | false {
  const quiet = opts.quiet === true;
  const fail = (why: string): false => (quiet ? false : openFail(fname, path, why));
  const scheme = schemeOf(path);
  if (scheme === 'php') {
    const rest = path.slice(6);
    const low = rest.toLowerCase();
    let impl: BaseStream;
    if (low === 'stdin') impl = newStdin();
    else if (low === 'stdout') impl = newOut(1);
    else if (low === 'stderr') impl = newOut(2);
    else if (low === 'output') impl = newOutput();
    else if (low === 'input') impl = new StringStream('', 'php://input', 'PHP', 'Input');
    else if (low === 'memory' || low === 'temp' || low.startsWith('temp/')) {
      const ms = new MemoryStream(low === 'memory' ? 'MEMORY' : 'TEMP', mode.includes('b') || mode.includes('+') ? (mode.includes('b') ? mode : mode) : mode, low === 'memory' ? 'php://memory' : 'php://temp');
      ms.meta.mode = low === 'memory' ? 'w+b' : 'w+b';
      if (!/[wa+]/.test(mode)) ms.readOnly = true;
      impl = ms;
    } else if (low.startsWith('fd/')) {
      const n = rest.slice(3);
      if (!/^\d+$/.test(n)) {
        if (!quiet) rt.warn(`${fname}(): Invalid php:// URL specified`);
        return fail('operation failed');
      }
      const fd = parseInt(n, 10);
      try {
        fs.fstatSync(fd);
      } catch (e: any) {
        if (!quiet) rt.warn(`${fname}(${path}): Failed to open stream: Error duping file descriptor ${fd}; possibly it doesn't exist: [9]: Bad file descriptor`);
        return false;
      }
      impl = fd === 1 || fd === 2 ? newOut(fd as 1 | 2) : new FileStream(fd, mode, path, false, false, false);
    } else if (low.startsWith('filter/')) {
      return filterStream(path, mode, fname, quiet);
    } else {
      if (!quiet) rt.warn(`${fname}(): Invalid php:// URL specified`);
      return fail('operation failed');
    }
    return new PhpStream(impl);
  }
  if (scheme === 'data') {
    const m = /^data:(\/\/)?([^,]*?),(.*)$/s.exec(path);
    if (!m) {
      if (!quiet) rt.warn(`${fname}(): rfc2397: no comma in URL`);
      return fail('operation failed');
    }
    const meta = m[2];
    let data = m[3];
    const parts = meta.split(';');
    const base64 = parts[parts.length - 1].toLowerCase() === 'base64';
    if (base64) {
      if (!/^[A-Za-z0-9+/=\s]*$/.test(data)) {
        if (!quiet) rt.warn(`${fname}(): rfc2397: unable to decode`);
        return fail('operation failed');
      }
      data = Buffer.from(data, 'base64').toString('latin1');
    } else data = decodeURIComponentBinary(data);
    return new PhpStream(new StringStream(data, path, 'RFC2397'));
  }
  if (scheme !== 'file') {
    const w = findUserWrapper(scheme);
    if (w) return openUserStream(w, path, mode, fname, opts);
    if (scheme === 'http' || scheme === 'https' || scheme === 'ftp' || scheme === 'ftps' || scheme === 'compress.zlib' || scheme === 'glob') {
      return fail('operation failed');
    }
    if (!quiet) rt.warn(`${fname}(): Unable to find the wrapper "${scheme}" - did you forget to enable it when you configured PHP?`);
    // PHP falls back to the plain file wrapper
  }
  const pm = parseMode(mode);
  if (!pm) return fail(`\`${mode}' is not a valid mode for fopen`);
  let target = path;
  if (opts.useIncludePath && pm.read && !pm.write) target = resolveIncludePath(path);
  const full = absPath(target);
  let flags = 0;
  const C = fs.constants;
  if (pm.read && pm.write) flags |= C.O_RDWR;
  else if (pm.write) flags |= C.O_WRONLY;
  else flags |= C.O_RDONLY;
  if (pm.create) flags |= C.O_CREAT;
  if (pm.truncate) flags |= C.O_TRUNC;
  if (pm.exclusive) flags |= C.O_EXCL;
  let fd: number;
  try {
    fd = fs.openSync(fsPath(full), flags, 0o666 & ~currentUmask());
  } catch (e: any) {
    return fail(errText(e));
  }
  clearStatCache();
  let seekable = true;
  try {
    const st = fs.fstatSync(fd);
    seekable = st.isFile() || st.isBlockDevice() || st.isDirectory();
  } catch {
    /* ignore */
  }
  const fsm = new FileStream(fd, mode, path, pm.append, seekable);
  fsm.canRead = pm.read;
  fsm.canWrite = pm.write;
  if (pm.append) fsm.position = 0;
  const s = new PhpStream(fsm);
  s.context = opts.context ?? null;
  s.origPath = target;
  return s;
}

function decodeURIComponentBinary(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

let umaskValue: number | null = null;
export function currentUmask(): number {
  if (umaskValue === null) {
    try {
      umaskValue = process.umask();
    } catch {
      umaskValue = 0o022;
    }
  }
  return umaskValue;
}
export function setUmask(m: number): number {
  const old = currentUmask();
  umaskValue = m & 0o777;
  try {
    process.umask(umaskValue);
  } catch {
    /* workers cannot */
  }
  return old;
}

/** php_stream_copy_to_mem: the rest of a stream. */
export function readAll(s: BaseStream, maxlen = -1): string {
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const want = maxlen >= 0 ? Math.min(8192, maxlen - total) : 8192;
    if (want <= 0) break;
    const c = s.read(want);
    if (c === '') break;
    parts.push(c);
    total += c.length;
  }
  return parts.join('');
}

// ───────────── CSV ─────────────

function trailingLineEnd(s: string): number {
  if (s.endsWith('\r\n')) return s.length - 2;
  if (s.endsWith('\n') || s.endsWith('\r')) return s.length - 1;
  return s.length;
}

/** php_fgetcsv: parses a line (reading more lines from the stream for multi-line enclosures). */
export function fgetcsvParse(stream: BaseStream | null, delim: string, enc: string, esc: number, line: string): PhpArray | false {
  const out = new PhpArray();
  let buf = line;
  let limit = trailingLineEnd(buf);
  let lineEnd = limit;
  let lineEndStr = buf.slice(limit);
  let bptr = 0;
  let firstField = true;
  let tempLen = buf.length;
  let incLen: number;
  do {
    let field = '';
    incLen = bptr < limit ? 1 : 0;
    if (incLen === 1) {
      let tmp = bptr;
      while (tmp < buf.length && buf[tmp] !== delim && /[ \t\n\r\v\f]/.test(buf[tmp])) tmp++;
      if (buf[tmp] === enc) bptr = tmp;
    }
    if (firstField && bptr === lineEnd) {
      out.append(null);
      break;
    }
    firstField = false;
    if (incLen !== 0 && buf[bptr] === enc) {
      let state = 0;
      bptr++;
      let hunk = bptr;
      loop2: for (;;) {
        if (incLen === 0) {
          if (state === 1) {
            field += buf.slice(hunk, bptr);
            hunk = bptr;
            state = 0;
          }
          switch (state) {
            case 2:
              field += buf.slice(hunk, bptr - 1);
              hunk = bptr;
              break loop2;
            case 0: {
              if (hunk !== lineEnd) {
                field += buf.slice(hunk, bptr);
                hunk = bptr;
              }
              field += lineEndStr;
              if (stream === null) break loop2;
              const nl = stream.readLine(Infinity);
              if (nl === '') {
                if (tempLen > limit) break loop2;
                return false;
              }
              tempLen += nl.length;
              buf = nl;
              bptr = 0;
              hunk = 0;
              limit = lineEnd = trailingLineEnd(buf);
              lineEndStr = buf.slice(limit);
              state = 0;
              break;
            }
          }
        } else {
          switch (state) {
            case 1:
              bptr++;
              state = 0;
              break;
            case 2:
              if (buf[bptr] !== enc) {
                field += buf.slice(hunk, bptr - 1);
                hunk = bptr;
                break loop2;
              }
              field += buf.slice(hunk, bptr);
              bptr++;
              hunk = bptr;
              state = 0;
              break;
            default:
              if (buf[bptr] === enc) state = 2;
              else if (esc >= 0 && buf.charCodeAt(bptr) === esc) state = 1;
              bptr++;
          }
        }
        incLen = bptr < limit ? 1 : 0;
      }
      for (;;) {
        if (incLen === 0) break;
        if (buf[bptr] === delim) break;
        bptr++;
        incLen = bptr < limit ? 1 : 0;
      }
      field += buf.slice(hunk, bptr);
      bptr += incLen;
    } else {
      const hunk = bptr;
      while (incLen !== 0 && buf[bptr] !== delim) {
        bptr++;
        incLen = bptr < limit ? 1 : 0;
      }
      field += buf.slice(hunk, bptr);
      field = field.slice(0, trailingLineEnd(field));
      if (buf[bptr] === delim) bptr++;
    }
    out.append(field);
  } while (incLen > 0);
  return out;
}

function csvArgs(fname: string, d: string, e: string, x: string, base = 2): number {
  if (d.length !== 1) rt.throwError('ValueError', `${fname}(): Argument #${base} ($separator) must be a single character`);
  if (e.length !== 1) rt.throwError('ValueError', `${fname}(): Argument #${base + 1} ($enclosure) must be a single character`);
  if (x.length > 1) rt.throwError('ValueError', `${fname}(): Argument #${base + 2} ($escape) must be empty or a single character`);
  return x === '' ? -1 : x.charCodeAt(0);
}

export function csvLine(fields: PhpArray, d: string, e: string, esc: number, eol: string): string {
  const parts: string[] = [];
  const special = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === d || c === e || (esc >= 0 && s.charCodeAt(i) === esc) || c === '\n' || c === '\r' || c === '\t' || c === ' ') return true;
    }
    return false;
  };
  for (const v of fields.values()) {
    const s = toStr(v);
    if (special(s)) {
      let o = e;
      let escaped = false;
      for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (escaped) escaped = false;
        else if (esc >= 0 && s.charCodeAt(i) === esc) escaped = true;
        else if (c === e) o += e;
        o += c;
      }
      parts.push(o + e);
    } else parts.push(s);
  }
  return parts.join(d) + eol;
}

// ───────────── ini parsing ─────────────


const IO_FUNCTIONS = new Set(['fread', 'fwrite', 'fputs', 'fgets', 'fgetc', 'fscanf', 'fgetcsv', 'fputcsv', 'fpassthru', 'file_get_contents', 'file_put_contents', 'file', 'readfile']);

export function registerFile(r: Registry): void {
  r.constants({
    SEEK_SET: 0, SEEK_CUR: 1, SEEK_END: 2, LOCK_SH: 1, LOCK_EX: 2, LOCK_UN: 3, LOCK_NB: 4,
    FILE_USE_INCLUDE_PATH: 1, FILE_IGNORE_NEW_LINES: 2, FILE_SKIP_EMPTY_LINES: 4, FILE_APPEND: 8, FILE_NO_DEFAULT_CONTEXT: 16,
    FILE_TEXT: 0, FILE_BINARY: 0, FNM_NOESCAPE: 2, FNM_PATHNAME: 1, FNM_PERIOD: 4, FNM_CASEFOLD: 16,
    INI_SCANNER_NORMAL: 0, INI_SCANNER_RAW: 1, INI_SCANNER_TYPED: 2,
  });
  const readImpl = (fname: string) => (h: any, n: number) => {
    const s = streamArg(h, fname);
    if (n <= 0) rt.throwError('ValueError', `${fname}(): Argument #2 ($length) must be greater than 0`);
    if (!s.impl.canRead && s.impl instanceof FileStream) {
      rt.notice(`${fname}(): Read of ${Math.max(n, 8192)} bytes failed with errno=9 Bad file descriptor`);
      return false;
    }
    const d = s.impl.read(n);
    return d === '' && s.impl.readFailed ? false : d;
  };
  const writeImpl = (fname: string) => (h: any, data: string, len: number | null) => {
    const s = streamArg(h, fname);
    let d = data;
    if (len !== null) {
      if (len <= 0) return 0;
      d = data.slice(0, len);
    }
    if (d === '') return 0;
    if (!s.impl.canWrite) {
      rt.notice(`${fname}(): Write of ${d.length} bytes failed with errno=9 Bad file descriptor`);
      return false;
    }
    return s.impl.write(d);
  };
  const defs: Record<string, any> = {
    'fopen(string $filename, string $mode, bool $use_include_path = false, $context = null)': (p: string, mode: string, inc: boolean, ctx: any) => {
      checkPath(p, 'fopen');
      if (p === '') rt.throwError('ValueError', 'Path cannot be empty');
      return openStream(p, mode, 'fopen', { useIncludePath: inc, context: ctx });
    },
    'fclose($stream): bool': (h: any) => {
      const s = streamArg(h, 'fclose');
      if (s.isDir) rt.throwError('TypeError', `fclose(): Argument #1 ($stream) must be a file stream resource`);
      closeStreamFilters(s);
      s.impl.close();
      s.closed = true;
      return true;
    },
    'fread($stream, int $length): string|false': readImpl('fread'),
    'fwrite($stream, string $data, ?int $length = null): int|false': writeImpl('fwrite'),
    'fputs($stream, string $data, ?int $length = null): int|false': writeImpl('fputs'),
    'fgets($stream, ?int $length = null): string|false': (h: any, len: number | null) => {
      const s = streamArg(h, 'fgets');
      if (len !== null && len <= 0) rt.throwError('ValueError', 'fgets(): Argument #2 ($length) must be greater than 0');
      if (!s.impl.canRead && s.impl instanceof FileStream) {
        rt.notice(`fgets(): Read of 8192 bytes failed with errno=9 Bad file descriptor`);
        return false;
      }
      if (len === 1) return '';
      const line = s.impl.readLine(len === null ? Infinity : len - 1);
      return line === '' ? false : line;
    },
    'fgetc($stream): string|false': (h: any) => {
      const s = streamArg(h, 'fgetc');
      const c = s.impl.read(1);
      return c === '' ? false : c;
    },
    'feof($stream): bool': (h: any) => streamArg(h, 'feof').impl.eof(),
    'fflush($stream): bool': (h: any) => streamArg(h, 'fflush').impl.flush(),
    'fseek($stream, int $offset, int $whence = SEEK_SET): int': (h: any, off: number, wh: number) => {
      const s = streamArg(h, 'fseek');
      if (!s.impl.meta.seekable) {
        rt.warn('fseek(): Stream does not support seeking');
        return -1;
      }
      return s.impl.seek(Number(off), wh) ? 0 : -1;
    },
    'ftell($stream): int|false': (h: any) => {
      const s = streamArg(h, 'ftell');
      if (!s.impl.meta.seekable && !(s.impl instanceof MemoryStream)) return false;
      return s.impl.tell();
    },
    'rewind($stream): bool': (h: any) => {
      const s = streamArg(h, 'rewind');
      if (!s.impl.meta.seekable) {
        rt.warn('rewind(): Stream does not support seeking');
        return false;
      }
      return s.impl.seek(0, 0);
    },
    'ftruncate($stream, int $size): bool': (h: any, size: number) => {
      const s = streamArg(h, 'ftruncate');
      if (size < 0) rt.throwError('ValueError', 'ftruncate(): Argument #2 ($size) must be greater than or equal to 0');
      if (!s.impl.meta.seekable && !(s.impl instanceof MemoryStream)) {
        rt.warn("ftruncate(): Can't truncate this stream!");
        return false;
      }
      if (!s.impl.canWrite) return false;
      return s.impl.truncate(Number(size));
    },
    'flock($stream, int $operation, &$would_block = null): bool': (h: any, op: number, wb: Ref) => {
      streamArg(h, 'flock');
      if ((op & 3) === 0) rt.throwError('ValueError', 'flock(): Argument #2 ($operation) must be one of LOCK_SH, LOCK_EX, or LOCK_UN');
      if (wb instanceof Ref) wb.v = 0;
      return true;
    },
    'fpassthru($stream): int': (h: any) => {
      const s = streamArg(h, 'fpassthru');
      const d = readAll(s.impl);
      rt.echo(d);
      return d.length;
    },
    'fscanf($stream, string $format, mixed &...$vars): array|int|false|null': (h: any, f: string, vars: Ref[]) => {
      if (h instanceof PhpStream && h.closed) rt.throwError('TypeError', 'fscanf(): supplied resource is not a valid File-Handle resource');
      const s = streamArg(h, 'fscanf');
      const line = s.impl.readLine(Infinity);
      if (line === '') return false;
      const fn = rt.findFunction('sscanf')!;
      return rt.core.callValue('sscanf', [line, f, ...vars]) ?? (void fn, null);
    },
    'fgetcsv($stream, ?int $length = null, string $separator = ",", string $enclosure = "\\"", string $escape = "\\\\"): array|false': (h: any, len: number | null, d: string, e: string, x: string) => {
      const s = streamArg(h, 'fgetcsv');
      const esc = csvArgs('fgetcsv', d, e, x, 3);
      if (len !== null && len < 0) rt.throwError('ValueError', 'fgetcsv(): Argument #2 ($length) must be between 0 and ' + '9223372036854775807');
      const line = s.impl.readLine(len === null || len === 0 ? Infinity : len);
      if (line === '') return false;
      return fgetcsvParse(s.impl, d, e, esc, line);
    },
    'fputcsv($stream, array $fields, string $separator = ",", string $enclosure = "\\"", string $escape = "\\\\", string $eol = "\\n"): int|false': (h: any, f: PhpArray, d: string, e: string, x: string, eol: string) => {
      const s = streamArg(h, 'fputcsv');
      const esc = csvArgs('fputcsv', d, e, x, 3);
      return s.impl.write(csvLine(f, d, e, esc, eol));
    },
    'file_get_contents(string $filename, bool $use_include_path = false, $context = null, int $offset = 0, ?int $length = null): string|false': (p: string, inc: boolean, ctx: any, off: number, len: number | null) => {
      checkPath(p, 'file_get_contents');
      if (p === '') rt.throwError('ValueError', 'Path cannot be empty');
      if (len !== null && len < 0) rt.throwError('ValueError', 'file_get_contents(): Argument #5 ($length) must be greater than or equal to 0');
      const s = openStream(p, 'rb', 'file_get_contents', { useIncludePath: inc, context: ctx });
      if (!s) return false;
      try {
        if (off !== 0) {
          if (!s.impl.seek(Number(off), off < 0 ? 2 : 0)) {
            rt.warn(`file_get_contents(): Failed to seek to position ${off} in the stream`);
            return false;
          }
        }
        if (s.impl instanceof FileStream) {
          const st = s.impl.stat();
          if (st && st.isDirectory()) {
            rt.notice(`file_get_contents(): Read of ${st.size + 8192} bytes failed with errno=21 Is a directory`);
            return '';
          }
        }
        return readAll(s.impl, len === null ? -1 : Number(len));
      } finally {
        s.impl.close();
        s.closed = true;
      }
    },
    'file_put_contents(string $filename, mixed $data, int $flags = 0, $context = null): int|false': (p: string, data: any, flags: number, ctx: any) => {
      checkPath(p, 'file_put_contents');
      if (p === '') rt.throwError('ValueError', 'Path cannot be empty');
      let str: string;
      if (data instanceof PhpStream) str = readAll(data.impl);
      else if (data instanceof PhpArray) str = data.valueList().map((v) => toStr(v)).join('');
      else if (data !== null && typeof data === 'object' && !(data instanceof PhpArray)) {
        if ((data as any).cls?.findMethod?.('__tostring')) str = toStr(data);
        else {
          rt.throwError('TypeError', `file_put_contents(): Argument #2 ($data) must be of type string|array|resource, ${typeName(data)} given`);
        }
      } else str = toStr(data);
      const mode = flags & 8 ? 'ab' : flags & 2 ? 'cb' : 'wb';
      const s = openStream(p, mode, 'file_put_contents', { context: ctx, useIncludePath: !!(flags & 1) });
      if (!s) return false;
      try {
        if (flags & 2 && !(flags & 8)) s.impl.truncate(0);
        if (str === '') return 0;
        const n = s.impl.write(str);
        if (n === false) return false;
        if (n < str.length) {
          rt.warn(`file_put_contents(): Only ${n} of ${str.length} bytes written, possibly out of free disk space`);
          return false;
        }
        return n;
      } finally {
        s.impl.close();
        s.closed = true;
      }
    },
    'file(string $filename, int $flags = 0, $context = null): array|false': (p: string, flags: number, ctx: any) => {
      checkPath(p, 'file');
      if (p === '') rt.throwError('ValueError', 'Path cannot be empty');
      if (flags < 0 || flags > 31) rt.throwError('ValueError', 'file(): Argument #2 ($flags) must be a valid flag value');
      const s = openStream(p, 'rb', 'file', { useIncludePath: !!(flags & 1), context: ctx });
      if (!s) return false;
      const data = readAll(s.impl);
      s.impl.close();
      s.closed = true;
      const out = new PhpArray();
      if (data === '') return out;
      const ignoreNl = !!(flags & 2), skipEmpty = !!(flags & 4);
      let start = 0;
      for (;;) {
        const i = data.indexOf('\n', start);
        if (i < 0) {
          if (start < data.length) out.append(data.slice(start));
          break;
        }
        let line = data.slice(start, i + 1);
        if (ignoreNl) {
          line = line.slice(0, -1);
          if (line.endsWith('\r')) line = line.slice(0, -1);
        }
        if (!(skipEmpty && ignoreNl && line === '')) out.append(line);
        start = i + 1;
      }
      return out;
    },
    'readfile(string $filename, bool $use_include_path = false, $context = null): int|false': (p: string, inc: boolean, ctx: any) => {
      checkPath(p, 'readfile');
      if (p === '') rt.throwError('ValueError', 'Path cannot be empty');
      const s = openStream(p, 'rb', 'readfile', { useIncludePath: inc, context: ctx });
      if (!s) return false;
      const d = readAll(s.impl);
      s.impl.close();
      s.closed = true;
      rt.echo(d);
      return d.length;
    },
    'tmpfile()': () => {
      const dir = nodeOs().tmpdir();
      const name = nodePath.join(dir, 'php' + Math.random().toString(36).slice(2, 8));
      const fd = fs.openSync(name, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
      try {
        fs.unlinkSync(name);
      } catch {
        /* ignore */
      }
      return new PhpStream(new FileStream(fd, 'r+b', name, false));
    },
    'tempnam(string $directory, string $prefix): string|false': (dir: string, prefix: string) => {
      checkPath(dir, 'tempnam', 1, 'directory');
      checkPath(prefix, 'tempnam', 2, 'prefix');
      let p = prefix;
      if (p.length > 64) p = p.slice(0, 63);
      p = p.slice(p.lastIndexOf('/') + 1);
      let d = dir === '' ? '' : absPath(dir);
      let fallback = false;
      try {
        if (!d || !fs.statSync(fsPath(d)).isDirectory()) fallback = true;
      } catch {
        fallback = true;
      }
      if (!fallback) {
        try {
          fs.accessSync(fsPath(d), fs.constants.W_OK);
        } catch {
          fallback = true;
        }
      }
      if (fallback) {
        rt.notice('tempnam(): file created in the system\'s temporary directory');
        d = nodeOs().tmpdir();
      }
      try {
        d = fs.realpathSync(fsPath(d), { encoding: 'buffer' }).toString('latin1');
      } catch {
        /* ignore */
      }
      for (let i = 0; i < 100; i++) {
        const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
        let suf = '';
        for (let j = 0; j < 6; j++) suf += chars[Math.floor(Math.random() * chars.length)];
        const name = (d.endsWith('/') ? d : d + '/') + p + suf;
        try {
          const fd = fs.openSync(fsPath(name), fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
          fs.closeSync(fd);
          return name;
        } catch (e: any) {
          if (e.code !== 'EEXIST') break;
        }
      }
      return false;
    },
    'fnmatch(string $pattern, string $filename, int $flags = 0): bool': (pat: string, name: string, flags: number) => {
      checkPath(pat, 'fnmatch', 1, 'pattern');
      checkPath(name, 'fnmatch', 2, 'filename');
      if (name.length >= 4096) {
        rt.warn('fnmatch(): Filename exceeds the maximum allowed length of 4096 characters');
        return false;
      }
      if (pat.length >= 4096) {
        rt.warn('fnmatch(): Pattern exceeds the maximum allowed length of 4096 characters');
        return false;
      }
      return fnmatch(pat, name, flags);
    },
    'umask(?int $mask = null): int': (m: number | null) => (m === null ? currentUmask() : setUmask(m)),
    'set_file_buffer($stream, int $size): int': (h: any) => {
      streamArg(h, 'set_file_buffer');
      return 0;
    },
    'parse_ini_file(string $filename, bool $process_sections = false, int $scanner_mode = INI_SCANNER_NORMAL): array|false': (p: string, sec: boolean, mode: number) => {
      if (p === '') rt.throwError('ValueError', 'parse_ini_file(): Argument #1 ($filename) cannot be empty');
      checkPath(p, 'parse_ini_file');
      let data: string;
      try {
        data = fs.readFileSync(fsPath(absPath(p))).toString('latin1');
      } catch (e: any) {
        return openFail('parse_ini_file', p, errText(e));
      }
      if (mode < 0 || mode > 2) rt.throwError('ValueError', 'parse_ini_file(): Argument #3 ($scanner_mode) must be one of INI_SCANNER_NORMAL, INI_SCANNER_RAW, or INI_SCANNER_TYPED');
      return parseIni(data, sec, mode, p);
    },
    'parse_ini_string(string $ini_string, bool $process_sections = false, int $scanner_mode = INI_SCANNER_NORMAL): array|false': (s: string, sec: boolean, mode: number) => {
      if (mode < 0 || mode > 2) rt.throwError('ValueError', 'parse_ini_string(): Argument #3 ($scanner_mode) must be one of INI_SCANNER_NORMAL, INI_SCANNER_RAW, or INI_SCANNER_TYPED');
      return parseIni(s, sec, mode, null);
    },
  };
  // the I/O functions name themselves in the stream layer's notices ("fgetc(): Read of ... failed")
  for (const sig of Object.keys(defs)) {
    const name = sig.slice(0, sig.indexOf('('));
    if (IO_FUNCTIONS.has(name)) defs[sig] = asIoFn(name, defs[sig]);
  }
  r.functions(defs);
  void stdinStream;
}

/** POSIX fnmatch (FNM_NOESCAPE 2, FNM_PATHNAME 1, FNM_PERIOD 4, FNM_CASEFOLD 16). */
export function fnmatch(pat: string, str: string, flags: number): boolean {
  const noEscape = !!(flags & 2), pathname = !!(flags & 1), period = !!(flags & 4), fold = !!(flags & 16);
  const lc = (c: string) => (fold ? c.toLowerCase() : c);
  const leadingPeriod = (si: number) => period && str[si] === '.' && (si === 0 || (pathname && str[si - 1] === '/'));
  const m = (pi: number, si: number): boolean => {
    while (pi < pat.length) {
      const c = pat[pi];
      if (c === '?') {
        if (si >= str.length || (pathname && str[si] === '/') || leadingPeriod(si)) return false;
        pi++;
        si++;
      } else if (c === '*') {
        while (pat[pi] === '*') pi++;
        if (leadingPeriod(si)) return false;
        if (pi === pat.length) return pathname ? !str.slice(si).includes('/') : true;
        for (let k = si; k <= str.length; k++) {
          if (m(pi, k)) return true;
          if (pathname && str[k] === '/') break;
        }
        return false;
      } else if (c === '[') {
        if (si >= str.length || (pathname && str[si] === '/') || leadingPeriod(si)) return false;
        let j = pi + 1;
        let neg = false;
        if (pat[j] === '!' || pat[j] === '^') {
          neg = true;
          j++;
        }
        let matched = false;
        let first = true;
        const ch = lc(str[si]);
        while (j < pat.length && (first || pat[j] !== ']')) {
          first = false;
          let a = pat[j];
          if (a === '\\' && !noEscape) a = pat[++j];
          if (pat[j + 1] === '-' && pat[j + 2] !== undefined && pat[j + 2] !== ']') {
            let b = pat[j + 2];
            j += 2;
            if (b === '\\' && !noEscape) b = pat[++j];
            if (ch >= lc(a) && ch <= lc(b)) matched = true;
          } else if (lc(a) === ch) matched = true;
          j++;
        }
        if (j >= pat.length) {
          // no closing bracket: literal '['
          if (str[si] !== '[') return false;
          pi++;
          si++;
          continue;
        }
        if (matched === neg) return false;
        pi = j + 1;
        si++;
      } else {
        let lit = c;
        if (c === '\\' && !noEscape && pi + 1 < pat.length) lit = pat[++pi];
        if (si >= str.length || lc(str[si]) !== lc(lit)) return false;
        pi++;
        si++;
      }
    }
    return si === str.length;
  };
  return m(0, 0);
}

// ───────────── parse_ini_string / parse_ini_file (Zend/zend_ini_scanner.l, zend_ini_parser.y) ─────────────

function iniConst(name: string): string | null {
  const v = rt.findConstant(name);
  return v === undefined ? null : toStr(v);
}

function iniBoolish(v: string): string | null {
  const l = v.toLowerCase();
  if (l === 'true' || l === 'on' || l === 'yes') return '1';
  if (l === 'false' || l === 'off' || l === 'no' || l === 'none') return '';
  if (l === 'null') return '';
  return null;
}

/** Evaluates an unquoted NORMAL-mode value: constants, booleans, ${vars}, | & ^ ~ ! ( ). */
function iniExpr(raw: string): string {
  const t = raw.trim();
  if (/[|&^~!()]/.test(t) && !/["']/.test(t)) {
    const toks = t.match(/\s*([|&^~!()]|[^|&^~!()\s]+)/g) ?? [];
    let i = 0;
    const next = () => (toks[i] ?? '').trim();
    const atom = (): number => {
      const k = next();
      i++;
      if (k === '~') return ~atom();
      if (k === '!') return atom() ? 0 : 1;
      if (k === '(') {
        const v = or();
        i++;
        return v;
      }
      const s = iniScalar(k);
      return parseInt(s, 10) || 0;
    };
    const and = (): number => {
      let v = atom();
      while (next() === '&') {
        i++;
        v &= atom();
      }
      return v;
    };
    const xor = (): number => {
      let v = and();
      while (next() === '^') {
        i++;
        v ^= and();
      }
      return v;
    };
    const or = (): number => {
      let v = xor();
      while (next() === '|') {
        i++;
        v |= xor();
      }
      return v;
    };
    return String(or());
  }
  return iniScalar(t);
}

function iniScalar(t: string): string {
  // several words: each constant among them is replaced (the words stay separated as written)
  if (/\s/.test(t)) return t.split(/(\s+)/).map((w) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(w) ? iniConst(w) ?? w : w)).join('');
  const b = iniBoolish(t);
  if (b !== null) return b;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) {
    const c = iniConst(t);
    if (c !== null) return c;
  }
  return t;
}

function iniInterp(s: string): string {
  return s.replace(/\$\{([^}]*)\}/g, (_, n) => {
    const v = rt.iniGet(n);
    if (v !== undefined && v !== null) return v;
    return process.env[n] ?? '';
  });
}

function iniTyped(v: string, quoted: boolean): any {
  if (quoted) return v;
  const l = v.toLowerCase();
  if (l === 'true' || l === 'on' || l === 'yes') return true;
  if (l === 'false' || l === 'off' || l === 'no' || l === 'none') return false;
  if (l === 'null') return null;
  if (/^-?\d+$/.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return n;
  }
  return v;
}

export function parseIni(src: string, sections: boolean, mode: number, file: string | null): PhpArray | false {
  const out = new PhpArray();
  let cur = out;
  const lines = src.split(/\r\n|\n|\r/);
  const RAW = mode === 1, TYPED = mode === 2;
  const setKey = (target: PhpArray, key: string, val: any) => {
    const m = /^([^\[]*)\[([^\]]*)\]$/.exec(key);
    if (m) {
      const base = m[1].trim();
      const bk = normKey(base);
      let arr = target.get(bk);
      arr = arr instanceof PhpArray ? arr.sep() : new PhpArray();
      if (m[2] === '') arr.append(val);
      else arr.set(normKey(m[2].trim().replace(/^["']|["']$/g, '')), val);
      target.set(bk, arr);
    } else target.set(normKey(key), val);
  };
  for (let ln = 0; ln < lines.length; ln++) {
    let line = lines[ln];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed[0] === ';' || trimmed[0] === '#') continue;
    if (trimmed[0] === '[') {
      const end = trimmed.indexOf(']');
      let name = end < 0 ? trimmed.slice(1) : trimmed.slice(1, end);
      name = name.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
      name = iniInterp(name);
      if (sections) {
        cur = new PhpArray();
        out.set(normKey(name), cur);
      }
      continue;
    }
    const eq = findEq(line);
    if (eq < 0) {
      const key = trimmed;
      if (/^[^=]+$/.test(key) && !/[\s]/.test(key)) {
        setKey(cur, key, TYPED ? null : '');
        continue;
      }
      rt.warn(`syntax error, unexpected end of file, expecting TC_DOLLAR_CURLY or TC_QUOTED_STRING or '"' in ${file ?? 'Unknown'} on line ${ln + 1}`);
      return false;
    }
    const key = line.slice(0, eq).trim();
    let rest = line.slice(eq + 1);
    // multi-line double-quoted values
    const startQ = rest.trimStart();
    if (startQ.startsWith('"')) {
      let acc = rest;
      while (!closedQuote(acc.trimStart()) && ln + 1 < lines.length) {
        ln++;
        acc += '\n' + lines[ln];
      }
      rest = acc;
    }
    let value: any;
    const parsed = parseIniValue(rest, RAW);
    if (parsed.quoted || RAW) value = parsed.quoted ? (RAW ? parsed.text : iniInterp(parsed.text)) : parsed.text;
    else value = iniExpr(iniInterp(parsed.text));
    if (TYPED) value = iniTyped(value, parsed.quoted);
    if (!RAW && !TYPED && !parsed.quoted && value === parsed.text) {
      /* plain */
    }
    setKey(cur, key, value);
  }
  return out;
}

function closedQuote(s: string): boolean {
  let inQ = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && inQ) {
      i++;
      continue;
    }
    if (c === '"') inQ = !inQ;
  }
  return !inQ;
}

function findEq(line: string): number {
  return line.indexOf('=');
}

function normKey(k: string): string | number {
  if (/^(0|-?[1-9][0-9]*)$/.test(k)) {
    const n = Number(k);
    if (Number.isSafeInteger(n)) return n;
  }
  return k;
}

/** A value: concatenated quoted and unquoted parts up to a ';' comment. */
function parseIniValue(s: string, raw: boolean): { text: string; quoted: boolean } {
  if (raw) {
    // INI_SCANNER_RAW: a value that is one quoted string is its text; anything else
    // is taken as it is (quotes included) up to a ';' comment
    const t = s.trim();
    if (t[0] === '"') {
      const close = t.indexOf('"', 1);
      const after = close > 0 ? t.slice(close + 1).trim() : '';
      if (close > 0 && (after === '' || after[0] === ';')) return { text: t.slice(1, close), quoted: true };
    }
    const semi = t.indexOf(';');
    return { text: (semi < 0 ? t : t.slice(0, semi)).trim(), quoted: false };
  }
  let i = 0;
  let text = '';
  let quoted = false;
  let any = false;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      quoted = true;
      any = true;
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length && (s[i + 1] === '"' || s[i + 1] === '\\') && !raw) {
          text += s[i + 1];
          i += 2;
          continue;
        }
        if (s[i] === '\\' && i + 1 < s.length && s[i + 1] === '"' && raw) {
          text += '\\"';
          i += 2;
          continue;
        }
        text += s[i++];
      }
      i++;
      continue;
    }
    if (c === "'" ) {
      const end = s.indexOf("'", i + 1);
      if (end > 0) {
        text += s.slice(i + 1, end);
        quoted = true;
        any = true;
        i = end + 1;
        continue;
      }
    }
    if (c === ';') break;
    if (c === ' ' || c === '\t') {
      // whitespace: kept only between unquoted words
      let j = i;
      while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
      if (j < s.length && s[j] !== ';' && any) text += s.slice(i, j);
      i = j;
      continue;
    }
    text += c;
    any = true;
    i++;
  }
  if (!quoted) text = text.trim();
  return { text, quoted };
}
