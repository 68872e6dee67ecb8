// A dictionary-backed variable scope: the global scope, included files, and functions that use
// $$name, extract(), compact(), get_defined_vars(), eval or include. Every variable is a Ref cell, so
// `global $x`, `$GLOBALS`, references and include'd code all see the same variable.

import { Ref, bindTo, dropRef } from './values.js';
import { esc, rcDrop } from './refcount.js';

export class Scope {
  readonly vars = new Map<string, Ref>();
  /**
   * The global scope counts the objects its variables hold (src/runtime/refcount.ts) while nothing
   * but the compiled code of the global scope reaches a variable: a variable handed out as a Ref
   * (global, &, by-reference arguments, $GLOBALS) is "exposed" and escapes what it holds from then on.
   */
  counted = false;
  exposed: Set<Ref> | null = null;
  /** Bumped whenever a name is bound to another Ref or unset: what `global $x` sites cache (globalRef) stays good until then. */
  version = 0;

  /** The variable's Ref leaves the scope's own hands: its value (now and later) escapes. */
  expose(r: Ref): Ref {
    if (this.counted) {
      (this.exposed ??= new Set()).add(r);
      esc(r.v);
    }
    return r;
  }

  /** Does the scope count what this variable holds? */
  counts(r: Ref): boolean {
    return this.counted && (this.exposed === null || !this.exposed.has(r));
  }

  /** The Ref of a variable, created (unset: value undefined) when missing. */
  ref(name: string): Ref {
    let r = this.vars.get(name);
    if (r === undefined) {
      r = new Ref(undefined);
      this.vars.set(name, r);
    }
    return r;
  }

  /** The Ref of a variable for code that may keep it or store through it ($GLOBALS['x'] = ...). */
  exposedRef(name: string): Ref {
    return this.expose(this.ref(name));
  }

  /** The Ref of a variable being bound by reference: an unset variable comes into existence as null. */
  refInit(name: string): Ref {
    const r = this.ref(name);
    if (r.v === undefined) r.v = null;
    return this.expose(r);
  }

  /** The value, or undefined when unset. */
  get(name: string): any {
    const r = this.vars.get(name);
    return r === undefined ? undefined : r.v;
  }

  /** A store from runtime code (argv, extract, parameters of dynamic scopes): the value escapes. */
  set(name: string, v: any): void {
    const r = this.vars.get(name);
    esc(v);
    if (r === undefined) this.vars.set(name, new Ref(v));
    else r.v = v;
  }

  /** `$name = &r` (and global, static): the variable is one more holder of r. */
  bind(name: string, r: Ref): Ref {
    const old = this.vars.get(name);
    if (old !== undefined && old !== r && this.counts(old)) rcDrop(old.v);
    this.version++;
    this.vars.set(name, bindTo(r, old));
    return this.expose(r);
  }

  /** A by-reference parameter or capture: the caller's holder stands for it (see Ref.n). */
  bindParam(name: string, r: Ref): Ref {
    this.version++;
    this.vars.set(name, r);
    return this.expose(r);
  }

  unset(name: string): void {
    const r = this.vars.get(name);
    dropRef(r);
    this.version++;
    this.vars.delete(name);
    if (r !== undefined && this.counts(r)) rcDrop(r.v);
  }

  /**
   * unset($GLOBALS['x']) from anywhere: the object may be $this of a method still running (a holder
   * not counted), so it escapes instead of being destroyed now.
   */
  unsetExposed(name: string): void {
    const r = this.vars.get(name);
    if (r !== undefined) this.expose(r);
    this.unset(name);
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

/** What a `global $x` statement keeps between calls: the global's Ref, while the scope's version holds. */
export interface GlobalSite {
  scope: Scope | null;
  version: number;
  ref: Ref | null;
}

export function newGlobalSite(): GlobalSite {
  return { scope: null, version: -1, ref: null };
}

/**
 * The Ref `global $name` binds (Scope.refInit), remembered in the statement's site: a function that
 * runs often (bench.php's gen_random) finds it without the lookup and the bookkeeping of exposing it
 * again (an exposed Ref stays exposed). Compiled code tests the site itself first.
 */
export function globalRef(site: GlobalSite, globals: Scope, name: string): Ref {
  const r = globals.refInit(name);
  site.scope = globals;
  site.version = globals.version;
  site.ref = r;
  return r;
}
