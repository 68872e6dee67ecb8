// How PHP values live in JavaScript (see DESIGN.md, "Values"):
//   null → null · bool → boolean · int → number (a safe integer) or bigint (beyond ±2^53, up to ±2^63)
//   float → number that is not an integer, or a PhpFloat box for integral floats (1.0, -0.0, 1e20)
//   string → binary JS string (char codes 0–255) · array → PhpArray · object → PhpObject
//   resource → PhpResource · a reference cell shared by `&` bindings → Ref
// Invariant: an int is a JS number exactly when it is a safe integer; so two equal ints always have
// the same representation and `===` compares them.

import type { PhpArray } from './array.js';
import type { PhpObject } from './object.js';

/** An integral-valued float: 2.0 must stay a float (`var_dump(2.0)` says `float(2)`). */
export class PhpFloat {
  constructor(public readonly v: number) {}
}

export class PhpResource {
  static nextId = 1;
  readonly id: number;
  closed = false;
  constructor(
    /** the resource type name get_resource_type() reports, e.g. "stream" */
    public type: string,
    public handle: unknown,
  ) {
    this.id = PhpResource.nextId++;
  }
}

export type PhpValue = null | boolean | number | bigint | PhpFloat | string | PhpArray | PhpObject | PhpResource;

/** A reference cell: variables, array elements and properties bound with `&` share one. */
export class Ref {
  /**
   * Its holders as far as they are known (variables bound to it, array and property slots): PHP shows
   * a reference (var_dump's &) only while more than one holds it. Holders we cannot see (a function's
   * by-reference parameter, a copy we never learn is gone) are left out or never given back, so this
   * only decides how values are shown, never how they behave.
   */
  n = 1;
  /** `undefined` means an unset variable (no default: `new Ref(undefined)` must stay unset) */
  constructor(public v: any) {}
}

/** `$x = &r` for a variable holding `old`: r gains a holder, old loses one. */
export function bindTo(r: Ref, old: any): Ref {
  if (old !== r) {
    r.n++;
    if (old instanceof Ref && old.n > 1) old.n--;
  }
  return r;
}

/** A closure's by-reference capture holds the Ref. */
export function captureRef(r: Ref): Ref {
  r.n++;
  return r;
}

/** A holder of the value lets go of it (unset, the function returns). */
export function dropRef(old: any): void {
  if (old instanceof Ref && old.n > 1) old.n--;
}

/** unset($x) of a variable held in a Ref: it lets go of its Ref and is a fresh unset variable. */
export function unbound(old: any): Ref {
  dropRef(old);
  return new Ref(undefined);
}

export const INT_MAX = 9223372036854775807n;
export const INT_MIN = -9223372036854775808n;
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Makes the canonical int value from a bigint known to be within int64. */
export function intFromBig(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/** Shared boxes for the integral floats arithmetic meets most (-0.0 and -256.0 ... 1024.0): no allocation. */
const SMALL_FLOATS: PhpFloat[] = [];
for (let i = -256; i <= 1024; i++) SMALL_FLOATS.push(new PhpFloat(i));
const NEG_ZERO = new PhpFloat(-0);

/** The box for an integral float (a shared one for small values). */
export function boxFloat(x: number): PhpFloat {
  if (x >= -256 && x <= 1024 && Number.isInteger(x)) return x === 0 && 1 / x < 0 ? NEG_ZERO : SMALL_FLOATS[x + 256];
  return new PhpFloat(x);
}

/** A float value from a JS number: integral results must be boxed to stay floats. */
export function mkFloat(x: number): number | PhpFloat {
  return Number.isInteger(x) ? boxFloat(x) : x;
}

export function isInt(v: any): v is number | bigint {
  return typeof v === 'number' ? Number.isInteger(v) : typeof v === 'bigint';
}

export function isFloat(v: any): boolean {
  return typeof v === 'number' ? !Number.isInteger(v) : v instanceof PhpFloat;
}

/** The JS number of a PHP float or int (precision may be lost for big ints, as in PHP's int→float). */
export function numVal(v: number | bigint | PhpFloat): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.v;
}

/** Marker for a declared property that is uninitialized (typed, no default) or has been unset. */
export const UNINIT: unique symbol = Symbol('uninitialized');
