// Output: PHP's output buffer stack (ob_start & co.) over a sink the engine owns (stdout for the CLI,
// a buffer or a callback when embedded). Strings are binary; the sink receives bytes.

export type Sink = (bytes: string) => void;

export interface OutputBuffer {
  /** the buffered binary string, as chunks */
  chunks: string[];
  length: number;
  /** the PHP callback given to ob_start, or null */
  callback: any;
  chunkSize: number;
  flags: number;
  /** the name ob_get_status()/ob_list_handlers() report */
  name: string;
  /** set while its callback runs (output from a handler is an error) */
  inHandler: boolean;
  started: boolean;
}

export const PHP_OUTPUT_HANDLER_CLEANABLE = 0x10;
export const PHP_OUTPUT_HANDLER_FLUSHABLE = 0x20;
export const PHP_OUTPUT_HANDLER_REMOVABLE = 0x40;
export const PHP_OUTPUT_HANDLER_STDFLAGS = 0x70;

export class Output {
  stack: OutputBuffer[] = [];
  /** bytes written to the sink so far (headers_sent and friends) */
  written = 0;

  constructor(public sink: Sink) {}

  write(s: string): void {
    if (s.length === 0) return;
    const n = this.stack.length;
    if (n === 0) {
      this.written += s.length;
      this.sink(s);
      return;
    }
    const top = this.stack[n - 1];
    top.chunks.push(s);
    top.length += s.length;
    if (top.chunkSize > 0 && top.length >= top.chunkSize && this.flushHook) this.flushHook(top);
  }

  /** set by the request: runs a buffer's callback and passes its output down (chunk_size flushing) */
  flushHook: ((b: OutputBuffer) => void) | null = null;

  /** Takes a buffer's contents. */
  static take(b: OutputBuffer): string {
    const s = b.chunks.length === 1 ? b.chunks[0] : b.chunks.join('');
    b.chunks = [];
    b.length = 0;
    return s;
  }

  static peek(b: OutputBuffer): string {
    if (b.chunks.length > 1) b.chunks = [b.chunks.join('')];
    return b.chunks.length ? b.chunks[0] : '';
  }
}
