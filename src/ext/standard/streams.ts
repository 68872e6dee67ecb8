// Streams (main/streams): the resource behind STDIN/STDOUT/STDERR, files and php:// wrappers.
// A PhpStream is a PhpResource of type "stream" whose handle is one of the stream kinds below.
// Every kind derives from BaseStream, which keeps PHP's read buffer and EOF flag: EOF is set only
// when a read of the underlying source returns nothing (main/streams/streams.c).

import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { PhpResource } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';

export interface StreamMeta {
  wrapper: string;
  streamType: string;
  mode: string;
  uri: string;
  seekable: boolean;
}

export interface StreamImpl {
  read(n: number): string;
  write(s: string): number | false;
  eof(): boolean;
  close(): void;
  /** seek support: undefined when not seekable */
  seek?(offset: number, whence: number): boolean;
  tell?(): number;
  flush?(): boolean;
  meta: StreamMeta;
}

const CHUNK = 8192;

/** The filters of one direction of a stream (stream_filter.ts runs them). */
export interface StreamFilterChain {
  filters: unknown[];
  /** data through every filter in order; false when a filter failed fatally */
  run(stream: BaseStream, data: string, closing: boolean): string | false;
}

/** errno texts (strerror) for the codes Node reports. */
export const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'], ENOENT: [2, 'No such file or directory'], EIO: [5, 'Input/output error'],
  EBADF: [9, 'Bad file descriptor'], EACCES: [13, 'Permission denied'], EEXIST: [17, 'File exists'], EXDEV: [18, 'Invalid cross-device link'],
  ENOTDIR: [20, 'Not a directory'], EISDIR: [21, 'Is a directory'], EINVAL: [22, 'Invalid argument'], ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'], EROFS: [30, 'Read-only file system'], EMLINK: [31, 'Too many links'], ENAMETOOLONG: [36, 'File name too long'],
  ENOTEMPTY: [39, 'Directory not empty'], ELOOP: [40, 'Too many levels of symbolic links'], EBUSY: [16, 'Device or resource busy'],
  EMFILE: [24, 'Too many open files'], ETXTBSY: [26, 'Text file busy'], EFBIG: [27, 'File too large'],
};
export function errText(e: any): string {
  return ERRNO[e?.code]?.[1] ?? String(e?.message ?? e);
}
export function errNo(e: any): number {
  return ERRNO[e?.code]?.[0] ?? 5;
}

/** A PHP (binary) path as Node wants it. */
export function fsPath(p: string): Buffer {
  return Buffer.from(p, 'latin1');
}
/** Resolves a path against the request's working directory. */
export function absPath(p: string): string {
  if (p.startsWith('file://')) p = p.slice(7);
  const abs = nodePath.resolve(rt.cwd ?? process.cwd(), p);
  // "file.txt/" names a directory: the system call fails with ENOTDIR, as PHP's does
  return p.endsWith('/') && abs !== '/' ? abs + '/' : abs;
}

export abstract class BaseStream implements StreamImpl {
  abstract meta: StreamMeta;
  /** read-ahead buffer (bytes after the logical position) */
  protected buf = '';
  eofFlag = false;
  /** fread keeps reading until it has $length bytes (plain files, memory) or returns after one read */
  protected greedy = true;
  canRead = true;
  canWrite = true;
  /** bytes read/written so far, for stream_get_meta_data-like needs */
  position = 0;
  /** stream_set_blocking(): a non-blocking read returns what is there, possibly nothing */
  blocking = true;
  /** set by rawRead when it returned nothing because no data is there yet (not the end) */
  protected wouldBlock = false;
  /** stream_select(): whether a read (or a write) would not block now */
  selectReady(_write: boolean): boolean {
    return true;
  }
  /** the file descriptor behind the stream (php_stream_cast to an fd), or null */
  castFd(): number | null {
    return null;
  }
  /** the underlying read: up to n bytes, '' at the end */
  protected abstract rawRead(n: number): string;
  protected rawWrite(_s: string): number | false {
    return false;
  }
  protected rawSeek(_offset: number, _whence: number): number | false {
    return false;
  }
  rawTell(): number {
    return this.position + this.buf.length;
  }
  /** stream_filter_append()ed filters: data read passes through readFilters, data written through writeFilters */
  readFilters: StreamFilterChain | null = null;
  writeFilters: StreamFilterChain | null = null;
  /** a read filter failed fatally (PSFS_ERR_FATAL): the read is an error */
  readFailed = false;
  /** the read filters have seen the end of the data (their closing pass is done) */
  private readFlushed = false;
  /** one read of the underlying source, through the read filters */
  protected pull(n: number): string {
    const chain = this.readFilters;
    if (chain === null || chain.filters.length === 0) return this.rawRead(n);
    for (;;) {
      if (this.readFlushed) return '';
      const s = this.rawRead(n);
      const closing = s === '' || this.eofFlag || this.rawAtEnd();
      if (closing) {
        this.readFlushed = true;
        this.eofFlag = true;
      }
      const out = chain.run(this, s, closing);
      if (out === false) {
        this.readFailed = true;
        this.readFlushed = true;
        return '';
      }
      if (out !== '' || closing) return out;
    }
  }
  /** a filter added to the read side also sees the data already read ahead */
  filterBuffered(fn: (s: string) => string): void {
    if (this.buf.length) this.buf = fn(this.buf);
  }
  /** the source knows it has no more data (a memory stream drained): the filters' pass is the closing one */
  protected rawAtEnd(): boolean {
    return false;
  }
  /** the read filters start again after a seek */
  protected resetReadFilters(): void {
    this.readFlushed = false;
  }
  /** fills the buffer with one chunk; false at the end */
  protected fill(n = CHUNK): boolean {
    this.wouldBlock = false;
    const s = this.pull(n);
    if (s === '') {
      if (!this.wouldBlock) this.eofFlag = true;
      return false;
    }
    this.buf += s;
    return true;
  }
  read(n: number): string {
    if (n <= 0) return '';
    let out = '';
    if (this.buf.length) {
      out = this.buf.slice(0, n);
      this.buf = this.buf.slice(out.length);
      if (out.length === n || !this.greedy) {
        this.position += out.length;
        return out;
      }
    }
    while (out.length < n) {
      this.wouldBlock = false;
      const s = this.pull(Math.max(CHUNK, n - out.length));
      if (s === '') {
        if (!this.wouldBlock) this.eofFlag = true;
        break;
      }
      const need = n - out.length;
      if (s.length > need) {
        out += s.slice(0, need);
        this.buf = s.slice(need) + this.buf;
      } else out += s;
      if (!this.greedy) break;
    }
    this.position += out.length;
    return out;
  }
  /**
   * php_stream_get_record on a non-blocking stream: one read, then a whole record (up to `delim`,
   * which is dropped) or `max` bytes; false when only an incomplete record is there yet.
   */
  getRecordNonBlocking(max: number, delim: string): string | false {
    if (this.buf.length < max && !this.eofFlag) this.fill();
    if (this.buf.length === 0) return false;
    const i = delim === '' ? -1 : this.buf.indexOf(delim);
    let take: number, skip: number;
    if (i >= 0 && i < max) {
      take = i;
      skip = i + delim.length;
    } else {
      if (this.buf.length < max && !this.eofFlag) return false;
      take = skip = Math.min(max, this.buf.length);
    }
    const rec = this.buf.slice(0, take);
    this.buf = this.buf.slice(skip);
    this.position += skip;
    return rec;
  }
  /** A line including its delimiter (at most max bytes), or what is left; '' at the end. */
  readLine(max: number, delim?: string): string {
    let scanned = 0;
    for (;;) {
      const i = delim === undefined ? this.buf.indexOf('\n', scanned) : this.buf.indexOf(delim, scanned);
      if (i >= 0 && i < max) {
        const end = delim === undefined ? i + 1 : i;
        const s = this.buf.slice(0, end);
        this.buf = this.buf.slice(delim === undefined ? end : end + delim.length);
        this.position += s.length + (delim === undefined ? 0 : delim.length);
        return s;
      }
      if (this.buf.length >= max) break;
      scanned = Math.max(0, this.buf.length - (delim ? delim.length - 1 : 0));
      if (!this.fill()) break;
    }
    const take = Math.min(max, this.buf.length);
    const s = this.buf.slice(0, take);
    this.buf = this.buf.slice(take);
    this.position += s.length;
    return s;
  }
  write(s: string): number | false {
    const chain = this.writeFilters;
    if (chain !== null && chain.filters.length) {
      const out = chain.run(this, s, false);
      if (out === false) return false;
      if (out !== '') this.writeRaw(out);
      return s.length;
    }
    return this.writeRaw(s);
  }
  /** writes what the write filters still hold (fclose, stream_filter_remove) */
  flushWriteFilters(): void {
    const chain = this.writeFilters;
    if (chain === null || chain.filters.length === 0) return;
    const out = chain.run(this, '', true);
    if (out !== false && out !== '') this.writeRaw(out);
  }
  private writeRaw(s: string): number | false {
    if (this.buf.length && this.meta.seekable) {
      this.rawSeek(this.position, 0);
      this.buf = '';
    }
    const n = this.rawWrite(s);
    if (n !== false) this.position += n;
    return n;
  }
  eof(): boolean {
    if (this.buf.length) return false;
    return this.eofFlag;
  }
  seek(offset: number, whence: number): boolean {
    if (!this.meta.seekable) return false;
    // seeking forward within the buffer / relative seeks use the logical position
    let target: number;
    if (whence === 1) {
      target = this.position + offset;
      whence = 0;
      offset = target;
    }
    const r = this.rawSeek(offset, whence);
    if (r === false) return false;
    this.buf = '';
    this.resetReadFilters();
    this.position = r;
    this.eofFlag = false;
    return true;
  }
  tell(): number {
    return this.position;
  }
  flush(): boolean {
    return true;
  }
  truncate(_size: number): boolean {
    return false;
  }
  stat(): fs.Stats | null {
    return null;
  }
  close(): void {}
  /** bytes already buffered (stream_get_meta_data unread_bytes) */
  unread(): number {
    return this.buf.length;
  }
}

/** Reads this process's standard input synchronously, in chunks. */
class StdinStream extends BaseStream {
  meta = { wrapper: 'PHP', streamType: 'STDIO', mode: 'r', uri: 'php://stdin', seekable: false };
  private done = false;
  protected greedy = false;
  castFd(): number {
    return 0;
  }
  constructor(preset: Uint8Array | string | undefined) {
    super();
    this.canWrite = false;
    if (preset !== undefined) {
      this.buf = typeof preset === 'string' ? Buffer.from(preset, 'utf8').toString('latin1') : Buffer.from(preset).toString('latin1');
      this.done = true;
    }
  }
  protected rawRead(n: number): string {
    if (this.done) return '';
    const chunk = Buffer.alloc(Math.max(n, 1));
    let got = 0;
    for (;;) {
      try {
        got = fs.readSync(0, chunk, 0, chunk.length, null);
      } catch (e: any) {
        if (e.code === 'EAGAIN') {
          const sab = new Int32Array(new SharedArrayBuffer(4));
          Atomics.wait(sab, 0, 0, 5);
          continue;
        }
        got = 0;
      }
      break;
    }
    if (got === 0) {
      this.done = true;
      return '';
    }
    return chunk.subarray(0, got).toString('latin1');
  }
  eof(): boolean {
    if (this.buf.length) return false;
    if (this.eofFlag) return true;
    return !this.fill() ;
  }
}

class OutStream extends BaseStream {
  meta: StreamMeta;
  castFd(): number {
    return this.fd;
  }
  constructor(private readonly fd: 1 | 2) {
    super();
    this.canRead = false;
    this.meta = { wrapper: 'PHP', streamType: 'STDIO', mode: 'w', uri: fd === 1 ? 'php://stdout' : 'php://stderr', seekable: false };
  }
  protected rawRead(): string {
    return '';
  }
  protected rawWrite(s: string): number {
    if (this.fd === 1) rt.core.writeStdout(s);
    else rt.core.writeStderr(s);
    return s.length;
  }
}

/** php://output: through the output buffers. */
class OutputStream extends BaseStream {
  meta = { wrapper: 'PHP', streamType: 'Output', mode: 'wb', uri: 'php://output', seekable: false };
  constructor() {
    super();
    this.canRead = false;
  }
  protected rawRead(): string {
    return '';
  }
  protected rawWrite(s: string): number {
    rt.echo(s);
    return s.length;
  }
}

/** php://memory and php://temp: a byte string with a position. */
export class MemoryStream extends BaseStream {
  meta: StreamMeta;
  data = '';
  pos = 0;
  append = false;
  /** opened with a mode without w, a or +: writes fail (TEMP_STREAM_READONLY) */
  readOnly = false;
  constructor(kind: 'MEMORY' | 'TEMP', mode: string, uri: string) {
    super();
    this.meta = { wrapper: 'PHP', streamType: kind, mode, uri, seekable: true };
    if (kind === 'MEMORY') this.meta.wrapper = 'PHP';
  }
  protected rawAtEnd(): boolean {
    return this.pos >= this.data.length;
  }
  protected rawRead(n: number): string {
    const s = this.data.slice(this.pos, this.pos + n);
    this.pos += s.length;
    // php://temp reads its inner memory stream greedily, so it knows it is at the end once drained
    if (this.meta.streamType === 'TEMP' && this.pos >= this.data.length) this.eofFlag = true;
    return s;
  }
  protected rawWrite(s: string): number | false {
    if (this.readOnly) return false;
    if (this.append) this.pos = this.data.length;
    if (this.pos > this.data.length) this.data += '\0'.repeat(this.pos - this.data.length);
    this.data = this.data.slice(0, this.pos) + s + this.data.slice(this.pos + s.length);
    this.pos += s.length;
    return s.length;
  }
  write(s: string): number | false {
    const n = super.write(s);
    if (this.append) this.position = this.pos;
    return n;
  }
  protected rawSeek(offset: number, whence: number): number | false {
    const base = whence === 2 ? this.data.length : whence === 1 ? this.pos : 0;
    const t = base + offset;
    if (t < 0) return false;
    this.pos = t;
    return t;
  }
  truncate(size: number): boolean {
    if (size > this.data.length) this.data += '\0'.repeat(size - this.data.length);
    else this.data = this.data.slice(0, size);
    return true;
  }
}

/** A plain file, with positional reads and writes. */
export class FileStream extends BaseStream {
  meta: StreamMeta;
  pos = 0;
  closedFd = false;
  constructor(public fd: number, mode: string, uri: string, public readonly appendMode: boolean, seekable = true, public ownsFd = true) {
    super();
    this.meta = { wrapper: 'plainfile', streamType: 'STDIO', mode, uri, seekable };
    const m = mode.replace(/[bt]/g, '');
    this.canRead = m.includes('+') || m[0] === 'r';
    this.canWrite = m.includes('+') || m[0] !== 'r';
    if (appendMode && seekable) {
      try {
        this.pos = this.position = fs.fstatSync(fd).size;
      } catch {
        /* ignore */
      }
    }
  }
  protected rawRead(n: number): string {
    if (!this.canRead) {
      rt.notice(`${curFn()}(): Read of ${Math.max(n, CHUNK)} bytes failed with errno=9 Bad file descriptor`);
      return '';
    }
    const b = Buffer.alloc(n);
    let got: number;
    try {
      got = fs.readSync(this.fd, b, 0, n, this.meta.seekable ? this.pos : null);
    } catch (e: any) {
      if (e.code === 'EAGAIN') return '';
      rt.notice(`${curFn()}(): Read of ${n} bytes failed with errno=${errNo(e)} ${errText(e)}`);
      return '';
    }
    this.pos += got;
    return b.subarray(0, got).toString('latin1');
  }
  protected rawWrite(s: string): number | false {
    if (!this.canWrite) {
      rt.notice(`${curFn()}(): Write of ${s.length} bytes failed with errno=9 Bad file descriptor`);
      return false;
    }
    if (this.appendMode && this.meta.seekable) {
      try {
        this.pos = fs.fstatSync(this.fd).size;
      } catch {
        /* ignore */
      }
    }
    const b = Buffer.from(s, 'latin1');
    let off = 0;
    try {
      while (off < b.length) off += fs.writeSync(this.fd, b, off, b.length - off, this.meta.seekable ? this.pos + off : null);
    } catch (e: any) {
      rt.notice(`${curFn()}(): Write of ${s.length} bytes failed with errno=${errNo(e)} ${errText(e)}`);
      return false;
    }
    this.pos += off;
    return off;
  }
  write(s: string): number | false {
    const n = super.write(s);
    if (this.appendMode) this.position = this.pos;
    return n;
  }
  protected rawSeek(offset: number, whence: number): number | false {
    let base = 0;
    if (whence === 2) {
      try {
        base = fs.fstatSync(this.fd).size;
      } catch {
        return false;
      }
    } else if (whence === 1) base = this.pos;
    const t = base + offset;
    if (t < 0) return false;
    this.pos = t;
    return t;
  }
  truncate(size: number): boolean {
    try {
      fs.ftruncateSync(this.fd, size);
      return true;
    } catch {
      return false;
    }
  }
  castFd(): number | null {
    return this.closedFd ? null : this.fd;
  }
  stat(): fs.Stats | null {
    try {
      return fs.fstatSync(this.fd);
    } catch {
      return null;
    }
  }
  flush(): boolean {
    return true;
  }
  close(): void {
    if (this.closedFd || !this.ownsFd) return;
    this.closedFd = true;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* ignore */
    }
  }
}

/** A read-only string (data: URLs). */
export class StringStream extends MemoryStream {
  constructor(data: string, uri: string, wrapper: string, streamType = 'RFC2397') {
    super('MEMORY', 'r', uri);
    this.data = data;
    this.canWrite = false;
    this.meta.wrapper = wrapper;
    this.meta.streamType = streamType;
  }
  protected rawWrite(): number {
    return 0;
  }
}

let ioFn: string | null = null;

/** Wraps a builtin so the stream layer's messages name it (builtins run without a frame of their own). */
export function asIoFn<F extends (...a: any[]) => any>(name: string, f: F): F {
  return function (this: any, ...a: any[]) {
    const prev = ioFn;
    ioFn = name;
    try {
      return f.apply(this, a);
    } finally {
      ioFn = prev;
    }
  } as F;
}

/** The name of the builtin running now (for "fread(): ..." messages). */
export function curFn(): string {
  if (ioFn !== null) return ioFn;
  const f: any = rt.top;
  const info = f?.info;
  return info?.name ?? 'fread';
}

export class PhpStream extends PhpResource {
  /** a context resource given to fopen, for stream_context_get_options */
  context: any = null;
  /** user wrapper instance (stream_get_meta_data wrapper_data) */
  wrapperData: any = null;
  isDir = false;
  /** the path the stream was opened with, after include_path resolution (php_stream's orig_path) */
  origPath: string | null = null;
  constructor(public readonly impl: BaseStream) {
    super('stream', impl);
  }
}

export function stdinStream(): PhpStream {
  return ((rt.ext.stdin as PhpStream) ??= new PhpStream(new StdinStream((rt as any).stdinData)));
}
export function stdoutStream(): PhpStream {
  return ((rt.ext.stdout as PhpStream) ??= new PhpStream(new OutStream(1)));
}
export function stderrStream(): PhpStream {
  return ((rt.ext.stderr as PhpStream) ??= new PhpStream(new OutStream(2)));
}
export function outputStream(): PhpStream {
  return new PhpStream(new OutputStream());
}
export function newStdin(): BaseStream {
  return new StdinStream(undefined);
}
export function newOut(fd: 1 | 2): BaseStream {
  return new OutStream(fd);
}
export function newOutput(): BaseStream {
  return new OutputStream();
}

export { StdinStream };
