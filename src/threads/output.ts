// Output from several threads to one file descriptor: each write is whole (taken under the
// process-wide output lock once threads exist), so no thread's write is split by another's.

import * as fs from 'node:fs';
import { hasSharedHeap, sharedHeap } from './heap.js';

function writeAll(fd: number, b: Uint8Array): void {
  let off = 0;
  while (off < b.length) {
    try {
      off += fs.writeSync(fd, b, off, b.length - off);
    } catch (e: any) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EPIPE') return;
      throw e;
    }
  }
}

/** Writes bytes to `fd` synchronously and whole. */
export function writeWhole(fd: number, b: Uint8Array): void {
  if (hasSharedHeap()) sharedHeap().withOutputLock(() => writeAll(fd, b));
  else writeAll(fd, b);
}
