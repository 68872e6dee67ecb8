// Output control (main/output.c): ob_start and its handlers, nesting, chunked flushing, ob_get_*.

import type { Registry } from '../../engine/extension.js';
import { rt, Request } from '../../runtime/request.js';
import { Output, OutputBuffer, PHP_OUTPUT_HANDLER_STDFLAGS } from '../../runtime/output.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { callableName } from '../../runtime/calls.js';
import { toStr } from '../../runtime/convert.js';

const START = 1, CLEAN = 2, FLUSH = 4, FINAL = 8;

/** Runs the buffer's handler over its contents (or passes them through) for the given phase flags. */
function process(b: OutputBuffer, data: string, phase: number): string {
  if (b.callback === null) return data;
  if (!b.started) {
    phase |= START;
    b.started = true;
  }
  b.inHandler = true;
  let r: any;
  try {
    r = rt.core.callValue(b.callback, [data, phase]);
  } finally {
    b.inHandler = false;
  }
  if (r === false) return data;
  return r instanceof PhpArray || r instanceof PhpObject ? data : toStr(r);
}

function top(): OutputBuffer | null {
  const s = rt.output.stack;
  return s.length ? s[s.length - 1] : null;
}

/** Writes to the output below the top buffer (its parent or the sink). */
function writeBelow(s: string): void {
  const out = rt.output;
  const b = out.stack.pop()!;
  try {
    out.write(s);
  } finally {
    out.stack.push(b);
  }
}

function endBuffer(flush: boolean, phaseExtra = 0): void {
  const out = rt.output;
  const b = out.stack[out.stack.length - 1];
  const data = Output.take(b);
  const result = process(b, data, FINAL | (flush ? 0 : CLEAN) | phaseExtra);
  out.stack.pop();
  if (flush) out.write(result);
}

export function flushAll(req: Request): void {
  while (req.output.stack.length) endBuffer(true);
}

export function registerOutput(r: Registry): void {
  r.functions({
    'ob_start($callback = null, int $chunk_size = 0, int $flags = PHP_OUTPUT_HANDLER_STDFLAGS): bool': (cb: any, chunk: number, flags: number) => {
      const b: OutputBuffer = {
        chunks: [], length: 0, callback: cb ?? null, chunkSize: chunk > 1 ? chunk : chunk === 1 ? 4096 : 0, flags,
        name: cb === null || cb === undefined ? 'default output handler' : callableName(cb instanceof PhpObject && cb.cls.lcname === 'closure' ? 'Closure::__invoke' : cb),
        inHandler: false, started: false,
      };
      if (top()?.inHandler) {
        rt.throwError('Error', 'ob_start(): Cannot use output buffering in output buffering display handlers');
      }
      rt.output.stack.push(b);
      return true;
    },
    'ob_get_contents(): string|false': () => {
      const b = top();
      return b ? Output.peek(b) : false;
    },
    'ob_get_length(): int|false': () => {
      const b = top();
      return b ? b.length : false;
    },
    'ob_get_level(): int': () => rt.output.stack.length,
    'ob_get_clean(): string|false': () => {
      const b = top();
      if (!b) return false;
      const s = Output.peek(b);
      endBuffer(false);
      return s;
    },
    'ob_get_flush(): string|false': () => {
      const b = top();
      if (!b) {
        rt.notice('ob_get_flush(): Failed to delete and flush buffer. No buffer to delete or flush');
        return false;
      }
      const s = Output.peek(b);
      endBuffer(true);
      return s;
    },
    'ob_end_clean(): bool': () => {
      if (!top()) {
        rt.notice('ob_end_clean(): Failed to delete buffer. No buffer to delete');
        return false;
      }
      endBuffer(false);
      return true;
    },
    'ob_end_flush(): bool': () => {
      if (!top()) {
        rt.notice('ob_end_flush(): Failed to delete and flush buffer. No buffer to delete or flush');
        return false;
      }
      endBuffer(true);
      return true;
    },
    'ob_clean(): bool': () => {
      const b = top();
      if (!b) {
        rt.notice('ob_clean(): Failed to delete buffer. No buffer to delete');
        return false;
      }
      const data = Output.take(b);
      process(b, data, CLEAN);
      return true;
    },
    'ob_flush(): bool': () => {
      const b = top();
      if (!b) {
        rt.notice('ob_flush(): Failed to flush buffer. No buffer to flush');
        return false;
      }
      const data = Output.take(b);
      writeBelow(process(b, data, FLUSH));
      return true;
    },
    'flush(): void': () => undefined,
    'ob_implicit_flush(bool $enable = true): void': () => undefined,
    'ob_list_handlers(): array': () => PhpArray.fromList(rt.output.stack.map((b) => b.name)),
    'ob_get_status(bool $full_status = false): array': (full: boolean) => {
      const status = (b: OutputBuffer, level: number) =>
        PhpArray.fromEntries([
          ['name', b.name], ['type', b.callback === null ? 0 : 1], ['flags', b.flags | (b.started ? 0x1000 : 0)], ['level', level],
          ['chunk_size', b.chunkSize], ['buffer_size', 16384], ['buffer_used', b.length],
        ]);
      const s = rt.output.stack;
      if (full) return PhpArray.fromList(s.map((b, i) => status(b, i)));
      return s.length ? status(s[s.length - 1], s.length - 1) : new PhpArray();
    },
    'output_add_rewrite_var(string $name, string $value): bool': () => true,
    'output_reset_rewrite_vars(): bool': () => true,
  });
  r.constants({
    PHP_OUTPUT_HANDLER_START: 1, PHP_OUTPUT_HANDLER_WRITE: 0, PHP_OUTPUT_HANDLER_FLUSH: 4, PHP_OUTPUT_HANDLER_CLEAN: 2,
    PHP_OUTPUT_HANDLER_FINAL: 8, PHP_OUTPUT_HANDLER_CONT: 0, PHP_OUTPUT_HANDLER_END: 8,
    PHP_OUTPUT_HANDLER_CLEANABLE: 16, PHP_OUTPUT_HANDLER_FLUSHABLE: 32, PHP_OUTPUT_HANDLER_REMOVABLE: 64,
    PHP_OUTPUT_HANDLER_STDFLAGS, PHP_OUTPUT_HANDLER_STARTED: 0x1000, PHP_OUTPUT_HANDLER_DISABLED: 0x2000, PHP_OUTPUT_HANDLER_PROCESSED: 0x4000,
  });
}
