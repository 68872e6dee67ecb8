// The compiled-code cache: PHP source compiles once per engine (per thread) for each distinct content.

import { createHash } from 'node:crypto';

export function hashSource(src: string): string {
  return createHash('sha1').update(src, 'latin1').digest('hex');
}

export class CodeCache<T> {
  private readonly map = new Map<string, T>();
  get(key: string): T | undefined {
    return this.map.get(key);
  }
  set(key: string, value: T): void {
    this.map.set(key, value);
  }
}
