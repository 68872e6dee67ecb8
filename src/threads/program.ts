// A thread starts with its creator's program as declared at that moment (pthreads' PTHREADS_INHERIT_ALL):
// the user functions, classes and constants, the ini settings and the included files. The creator
// takes a snapshot; the new thread adopts the compiled modules (JavaScript, never re-parsed) and
// re-runs the declarations, in the creator's order, from the modules' definitions (compile.ts: M$.defs).

import type { Request } from '../runtime/request.js';
import { rt } from '../runtime/request.js';
import { R } from '../runtime/helpers.js';
import { declareFunction } from '../runtime/functions.js';
import type { ModuleOrigin } from '../runtime/object.js';
import { encodeValue, decodeValue, transferHooks } from './transfer.js';
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
}

function originKey(o: ModuleOrigin | null | undefined): string | null {
  return o && o.mod.key !== null ? o.mod.key : null;
}

/** The running request's program, for a thread about to start. */
export function snapshotProgram(req: Request, flags: number = Inherit.All): ProgramSnapshot {
  // every module the request ran: declarations, closures and objects may come from any of them
  const modules = new Set<string>(req.ext.modulesLoaded ?? []);
  const functions: ProgramSnapshot['functions'] = [];
  const classes: ProgramSnapshot['classes'] = [];
  if (flags & Inherit.Functions) {
    for (const [, f] of req.functions) {
      const key = originKey(f.info.origin);
      if (key === null) continue;
      modules.add(key);
      functions.push([f.info.name, key, f.info.origin!.def]);
    }
  }
  if (flags & Inherit.Classes) {
    for (const [, c] of req.classes) {
      const key = originKey(c.origin);
      if (key === null) continue;
      modules.add(key);
      classes.push([key, c.origin!.def]);
    }
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
  return { modules: [...modules], functions, classes, constants, ini, includes, cwd: req.cwd, scriptPath: req.scriptPath };
}

/** A module's definitions in this thread's request, instantiating the module on first use. */
function moduleDefs(key: string): Record<string, any> {
  const req = rt;
  const loaded: Map<string, Record<string, any>> = (req.ext.threadModules ??= new Map());
  let defs = loaded.get(key);
  if (!defs) {
    let factory = req.core.engine.moduleFactory(key);
    if (!factory) {
      // compiled after this thread started: another thread published it (modules.ts)
      const src = publishedModule(key);
      if (src) factory = req.core.engine.adoptModule(key, src.file, src.js);
    }
    if (!factory) throw new Error(`phpts: compiled module ${key} is not available in this thread`);
    defs = factory(R, req).mod.defs as Record<string, any>;
    loaded.set(key, defs);
  }
  return defs;
}

transferHooks.moduleDefs = moduleDefs;

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
    for (const [key, def] of p.classes) {
      const d = moduleDefs(key)[def];
      if (typeof d === 'function') d();
      else d.declare();
    }
  } finally {
    req.silence--;
  }
  for (const [name, v] of p.constants) req.constants.set(name, decodeValue(v));
}
