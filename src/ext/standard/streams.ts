// Streams (main/streams): the resource behind STDIN/STDOUT/STDERR, files and php:// wrappers.
// A PhpStream is a PhpResource of type "stream" whose handle is one of the stream kinds below.

import * as fs from 'node:fs';
import { PhpResource } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';

export interface StreamImpl {
  read(n: number): string;
  write(s: string): number;
  eof(): boolean;
  close(): void;
  /** seek support: undefined when not seekable */
  seek?(offset: number, whence: number): boolean;
  tell?(): number;
  flush?(): void;
  meta: { wrapper: string; streamType: string; mode: string; uri: string; seekable: boolean };
}

/** Reads this process's standard input synchronously, in chunks. */
class StdinStream implements StreamImpl {
  private buf = '';
  private done = false;
  meta = { wrapper: 'PHP', streamType: 'STDIO', mode: 'r', uri: 'php://stdin', seekable: false };
  constructor(private readonly preset: Uint8Array | string | undefined) {
    if (preset !== undefined) {
      this.buf = typeof preset === 'string' ? Buffer.from(preset, 'utf8').toString('latin1') : Buffer.from(preset).toString('latin1');
      this.done = true;
    }
  }
  private fill(): boolean {
    if (this.done) return false;
    const chunk = Buffer.alloc(65536);
    let n = 0;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e: any) {
      if (e.code === 'EAGAIN') return true;
      n = 0;
    }
    if (n === 0) {
      this.done = true;
      return false;
    }
    this.buf += chunk.subarray(0, n).toString('latin1');
    return true;
  }
  read(n: number): string {
    while (this.buf.length < n && this.fill());
    const s = this.buf.slice(0, n);
    this.buf = this.buf.slice(n);
    return s;
  }
  /** a line including its newline, or what is left */
  readLine(max: number): string {
    for (;;) {
      const i = this.buf.indexOf('\n');
      if (i >= 0 && i < max) {
        const s = this.buf.slice(0, i + 1);
        this.buf = this.buf.slice(i + 1);
        return s;
      }
      if (this.buf.length >= max || !this.fill()) break;
    }
    return this.read(Math.min(max, this.buf.length));
  }
  write(): number {
    return 0;
  }
  eof(): boolean {
    if (this.buf.length) return false;
    return !this.fill();
  }
  close(): void {}
}

class OutStream implements StreamImpl {
  meta: StreamImpl['meta'];
  constructor(private readonly fd: 1 | 2) {
    this.meta = { wrapper: 'PHP', streamType: 'STDIO', mode: fd === 1 ? 'w' : 'w', uri: fd === 1 ? 'php://stdout' : 'php://stderr', seekable: false };
  }
  read(): string {
    return '';
  }
  write(s: string): number {
    if (this.fd === 1) rt.core.writeStdout(s);
    else rt.core.writeStderr(s);
    return s.length;
  }
  eof(): boolean {
    return false;
  }
  close(): void {}
}

/** php://output: through the output buffers. */
class OutputStream implements StreamImpl {
  meta = { wrapper: 'PHP', streamType: 'Output', mode: 'wb', uri: 'php://output', seekable: false };
  read(): string {
    return '';
  }
  write(s: string): number {
    rt.echo(s);
    return s.length;
  }
  eof(): boolean {
    return false;
  }
  close(): void {}
}

export class PhpStream extends PhpResource {
  constructor(public readonly impl: StreamImpl) {
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

export { StdinStream };
