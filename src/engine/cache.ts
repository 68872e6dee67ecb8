// The compiled-code cache: PHP source compiles once per engine (per thread) for each distinct content.


export function hashSource(src: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha1').update(src, 'latin1').digest('hex');
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
