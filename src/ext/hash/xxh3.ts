// XXH3 (64 and 128 bits). Not implemented yet: digest() throws.
import type { HashState, HashOptions } from './algos.js';
import { rt } from '../../runtime/request.js';

class Xxh3 implements HashState {
  data: number[] = [];
  constructor(public bits: number, public opts: HashOptions) {}
  update(d: Uint8Array): void { for (let i = 0; i < d.length; i++) this.data.push(d[i]); }
  digest(): Uint8Array { return rt.throwError('Error', 'This hash algorithm is not supported by phpts yet'); }
  clone(): HashState { const c = new Xxh3(this.bits, this.opts); c.data = this.data.slice(); return c; }
}

export function xxh3State(bits: number, opts: HashOptions): HashState {
  return new Xxh3(bits, opts);
}
