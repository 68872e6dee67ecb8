// A dictionary-backed variable scope: the global scope, included files, and functions that use
// $$name, extract(), compact(), get_defined_vars(), eval or include. Every variable is a Ref cell, so
// `global $x`, `$GLOBALS`, references and include'd code all see the same variable.

import { Ref, bindTo, dropRef } from './values.js';

export class Scope {
  readonly vars = new Map<string, Ref>();

  /** The Ref of a variable, created (unset: value undefined) when missing. */
  ref(name: string): Ref {
    let r = this.vars.get(name);
    if (r === undefined) {
      r = new Ref(undefined);
      this.vars.set(name, r);
    }
    return r;
  }

  /** The Ref of a variable being bound by reference: an unset variable comes into existence as null. */
  refInit(name: string): Ref {
    const r = this.ref(name);
    if (r.v === undefined) r.v = null;
    return r;
  }

  /** The value, or undefined when unset. */
  get(name: string): any {
    const r = this.vars.get(name);
    return r === undefined ? undefined : r.v;
  }

  set(name: string, v: any): void {
    const r = this.vars.get(name);
    if (r === undefined) this.vars.set(name, new Ref(v));
    else r.v = v;
  }

  /** Binds the name to a Ref (=&, global, static). */
  /** `$name = &r` (and global, static): the variable is one more holder of r. */
  bind(name: string, r: Ref): Ref {
    this.vars.set(name, bindTo(r, this.vars.get(name)));
    return r;
  }

  /** A by-reference parameter or capture: the caller's holder stands for it (see Ref.n). */
  bindParam(name: string, r: Ref): Ref {
    this.vars.set(name, r);
    return r;
  }

  unset(name: string): void {
    dropRef(this.vars.get(name));
    this.vars.delete(name);
  }

  has(name: string): boolean {
    const r = this.vars.get(name);
    return r !== undefined && r.v !== undefined && r.v !== null;
  }

  /** Names of the variables that are set, in order of creation. */
  *defined(): IterableIterator<[string, Ref]> {
    for (const [k, r] of this.vars) if (r.v !== undefined) yield [k, r];
  }
}
