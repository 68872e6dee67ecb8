// The compiled-code cache: PHP source compiles once per engine (per thread) for each distinct content.


/**
 * A 64-bit digest of a source (two multiply-xor lanes over its characters, with its length): it tells
 * the contents of one file apart, which is all a module key needs. Not node:crypto's sha1: loading
 * node:crypto costs a hello world a tenth of its start-up.
 */
export function hashSource(src: string): string {
  let h1 = 0xdeadbeef ^ src.length;
  let h2 = 0x41c6ce57 ^ src.length;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0') + src.length.toString(16);
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
