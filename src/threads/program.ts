// A thread starts with its creator's program as declared at that moment (pthreads' PTHREADS_INHERIT_ALL):
// the user functions, classes and constants, the ini settings and the included files. The creator
// takes a snapshot; the new thread adopts the compiled modules (JavaScript, never re-parsed) and
// re-runs the declarations, in the creator's order, from the modules' definitions (compile.ts: M$.defs).

import * as fs from 'node:fs';
import type { Request } from '../runtime/request.js';
import { rt } from '../runtime/request.js';
import { R } from '../runtime/helpers.js';
import { declareFunction } from '../runtime/functions.js';
import type { ModuleOrigin, PhpClass } from '../runtime/object.js';
import { UNINIT } from '../runtime/values.js';
import { encodeValue, decodeValue, transferHooks, Encode } from './transfer.js';
import { publishedModule } from './modules.js';

/** What PHPTS_INHERIT_* flags a snapshot honours (pthreads' constants). */
export const enum Inherit {
  None = 0,
  Ini = 0x1,
  Constants = 0x10,
  Functions = 0x100,
  Classes = 0x1000,
  Includes = 0x10000,
  Comments = 0x100000,
  All = 0x111111,
}

export interface ProgramSnapshot {
  /** cache keys of the modules the declarations come from */
  modules: string[];
  functions: [name: string, key: string, def: string][];
  classes: [key: string, def: string][];
  constants: [name: string, value: Uint8Array][];
  ini: [name: string, value: string | null][];
  includes: string[];
  cwd: string;
  scriptPath: string;
  /** static properties' values as the creator has them: [class, property, encoded value] */
  statics?: [cls: string, prop: string, value: Uint8Array][];
}

/** What a snapshot takes beyond its flags. */
export interface SnapshotOptions {
  /** classes the thread needs whatever the flags (with their parents, interfaces and traits) */
  classes?: PhpClass[];
  /** copy the static properties of the classes taken, leaving out what cannot be shared (pthreads) */
  statics?: boolean;
}

function originKey(o: ModuleOrigin | null | undefined): string | null {
  return o && o.mod.key !== null ? o.mod.key : null;
}

/** The running request's program, for a thread about to start. */
export function snapshotProgram(req: Request, flags: number = Inherit.All, opts: SnapshotOptions = {}): ProgramSnapshot {
  // every module the request ran: declarations, closures and objects may come from any of them
  const modules = new Set<string>(req.ext.modulesLoaded ?? []);
  const functions: ProgramSnapshot['functions'] = [];
  const classes: ProgramSnapshot['classes'] = [];
  if (flags & Inherit.Functions) {
    for (const [, f] of req.functions) {
      const key = originKey(f.info.moduleDef);
      if (key === null) continue;
      modules.add(key);
      functions.push([f.info.name, key, f.info.moduleDef!.def]);
    }
  }
  const wanted = flags & Inherit.Classes ? null : classesNeeded(opts.classes ?? []);
  const taken: PhpClass[] = [];
  for (const [, c] of req.classes) {
    if (wanted !== null && !wanted.has(c)) continue;
    const key = originKey(c.moduleDef);
    if (key === null) continue;
    modules.add(key);
    classes.push([key, c.moduleDef!.def]);
    taken.push(c);
  }
  const constants: ProgramSnapshot['constants'] = [];
  if (flags & Inherit.Constants) {
    for (const [name, v] of req.constants) {
      try {
        constants.push([name, encodeValue(v)]);
      } catch {
        /* a constant that cannot be copied (an object without serialisation) stays behind */
      }
    }
  }
  const ini: ProgramSnapshot['ini'] = flags & Inherit.Ini ? [...req.ini] : [];
  const includes = flags & Inherit.Includes ? [...req.includedFiles] : [];
  const statics = opts.statics ? staticsOf(taken) : undefined;
  return { modules: [...modules], functions, classes, constants, ini, includes, cwd: req.cwd, scriptPath: req.scriptPath, statics };
}

/** The classes `roots` need declared first: themselves, their ancestors, interfaces and traits. */
export function classesNeeded(roots: PhpClass[]): Set<PhpClass> {
  const out = new Set<PhpClass>();
  const visit = (c: PhpClass) => {
    if (out.has(c) || c.isInternal) return;
    out.add(c);
    if (c.parent) visit(c.parent);
    for (const i of c.ownInterfaces) visit(i);
    for (const t of c.traits) visit(t);
  };
  for (const c of roots) visit(c);
  return out;
}

function staticsOf(classes: PhpClass[]): [string, string, Uint8Array][] {
  const out: [string, string, Uint8Array][] = [];
  for (const c of classes) {
    // statics not yet initialised are at their defaults, which the thread computes itself
    if (!c.defaultsReady) continue;
    for (const [name, sp] of c.staticProps) {
      if (sp.info.cls !== c || sp.ref.v === UNINIT || sp.ref.v === undefined) continue;
      try {
        out.push([c.name, name, encodeValue(sp.ref.v, Encode.DropUnshareable)]);
      } catch {
        /* a value that cannot be copied stays behind */
      }
    }
  }
  return out;
}

/** A module's definitions in this thread's request, instantiating the module on first use. */
function moduleDefs(key: string): Record<string, any> {
  const req = rt;
  const loaded: Map<string, Record<string, any>> = (req.ext.threadModules ??= new Map());
  let defs = loaded.get(key);
  if (!defs) {
    let factory = req.core.engine.moduleFactory(key);
    if (!factory) {
      // compiled after this thread started: another thread published it (modules.ts), or its file says
      const src = publishedModule(key);
      factory = src ? req.core.engine.adoptModule(key, src) : compileFromFile(req, key);
    }
    if (!factory) req.throwError('Error', 'This closure cannot be used in this thread: its code was loaded after the thread started');
    defs = factory(R, req).mod.defs as Record<string, any>;
    loaded.set(key, defs);
  }
  return defs;
}

/**
 * A module this thread was not given (compiled by another thread after this one started): compiled
 * here from its file, if the file still holds the same source (the key carries the path and a hash).
 */
function compileFromFile(req: Request, key: string) {
  const file = key.slice(0, key.indexOf('\0'));
  let src: string;
  try {
    src = fs.readFileSync(file).toString('latin1');
  } catch {
    return undefined;
  }
  const engine = req.core.engine;
  const factory = engine.compile(src, file);
  return engine.moduleFactory(key) === factory ? factory : undefined;
}

transferHooks.moduleDefs = moduleDefs;

/** Declares a class from its compiled definition (module key and name in its defs). */
export function declareDefinition(key: string, def: string): void {
  const d = moduleDefs(key)[def];
  if (typeof d === 'function') d();
  else d.declare();
}

/** Declares the snapshot's program in this thread's (fresh) request. */
export function replayProgram(req: Request, p: ProgramSnapshot): void {
  for (const [k, v] of p.ini) {
    req.ini.set(k, v);
    if (v !== null) req.applyIni(k, v);
  }
  for (const f of p.includes) req.includedFiles.add(f);
  // declarations made again are not news: deprecations they raise were shown in the creator
  req.silence++;
  try {
    for (const [name, key, def] of p.functions) {
      const d = moduleDefs(key)[def];
      declareFunction(name, d.fn, d.info);
    }
    for (const [key, def] of p.classes) declareDefinition(key, def);
  } finally {
    req.silence--;
  }
  for (const [name, v] of p.constants) req.constants.set(name, decodeValue(v));
  if (p.statics) applyStatics(req, p.statics);
}

/** Static properties take the creator's values (their classes are all declared by now). */
function applyStatics(req: Request, statics: [string, string, Uint8Array][]): void {
  for (const [clsName, prop, v] of statics) {
    const c = req.classes.get(clsName.toLowerCase());
    const sp = c?.staticProps.get(prop);
    if (!sp || sp.info.cls !== c) continue;
    // set before the class's defaults are computed, which leave a value already there alone
    sp.ref.v = decodeValue(v);
  }
}
