// Extensions loaded on first use. Building an Engine registers every extension's functions, classes,
// constants and ini entries (MINIT); for a short script that, and loading the extensions' code at all,
// is most of its start-up. A lazy extension is registered from a manifest made at build time (the
// names and signatures its moduleInit declares, see describeExtension and scripts/bundle.mjs) with
// stand-ins: its code is loaded, and its real moduleInit run, when a script first calls one of its
// functions, links one of its classes or sets one of its ini entries with a hook. Its constants are
// plain values, registered from the manifest. An extension loaded during a request gets its RINIT
// then (and its RSHUTDOWN at the request's end), as if it had been there from the start.

import type { Extension, ExtensionInfo, Registry } from './extension.js';
import type { EngineCore } from '../runtime/engine-core.js';
import type { BuiltinFunction } from '../runtime/builtin.js';
import type { ClassDecl } from '../runtime/classdecl.js';
import type { Request } from '../runtime/request.js';
import { makeBuiltin, signatureName } from '../runtime/builtin.js';
import { PhpFloat, mkFloat } from '../runtime/values.js';
import { rt } from '../runtime/request.js';

/** A constant's value in a manifest: [tag, payload] (JSON has no NaN, -0 or bigint). */
type EncodedValue = ['u'] | ['b', boolean] | ['s', string] | ['n', number] | ['x', string] | ['i', string] | ['f', EncodedValue];

/** What an extension's moduleInit declares, in declaration order. */
export interface ExtensionManifest {
  info: ExtensionInfo;
  /** ['f', signature] for a function, ['a', alias, target] for an alias */
  functions: (['f', string] | ['a', string, string])[];
  constants: [string, EncodedValue][];
  /** class names as declared */
  classes: string[];
  /** [name, default, has an onChange hook] */
  ini: [string, string | null, boolean][];
}

class Unencodable extends Error {}

function encodeValue(v: any): EncodedValue {
  if (v === null || v === undefined) return ['u'];
  switch (typeof v) {
    case 'boolean':
      return ['b', v];
    case 'string':
      return ['s', v];
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0) ? ['n', v] : ['x', Object.is(v, -0) ? '-0' : String(v)];
    case 'bigint':
      return ['i', String(v)];
  }
  if (v instanceof PhpFloat) return ['f', encodeValue(v.v)];
  throw new Unencodable();
}

function decodeValue(e: EncodedValue): any {
  switch (e[0]) {
    case 'u':
      return null;
    case 'b':
    case 's':
    case 'n':
      return e[1];
    case 'x':
      return e[1] === '-0' ? -0 : Number(e[1]);
    case 'i':
      return BigInt(e[1]);
    case 'f':
      return mkFloat(decodeValue(e[1]));
  }
}

/**
 * Runs an extension's moduleInit against a recording registry: its manifest, or null when it declares
 * something a manifest cannot hold (a constant whose value is an object), so it must stay eager.
 */
export function describeExtension(ext: Extension): ExtensionManifest | null {
  const m: ExtensionManifest = { info: ext.info(), functions: [], constants: [], classes: [], ini: [] };
  const reg: Registry = {
    function: (signature) => void m.functions.push(['f', signature]),
    functions: (defs) => {
      for (const sig of Object.keys(defs)) m.functions.push(['f', sig]);
    },
    alias: (alias, target) => void m.functions.push(['a', alias, target]),
    constant: (name, value) => void m.constants.push([name, encodeValue(value)]),
    constants: (defs) => {
      for (const [k, v] of Object.entries(defs)) m.constants.push([k, encodeValue(v)]);
    },
    class: (decl: ClassDecl) => void m.classes.push(decl.name),
    ini: (name, defaultValue, onChange) => void m.ini.push([name, defaultValue, onChange !== undefined]),
  };
  try {
    ext.moduleInit(reg);
  } catch (e) {
    if (e instanceof Unencodable) return null;
    throw e;
  }
  return m;
}

/** An extension whose code is loaded on first use (see the file's comment). */
export class LazyExtension implements Extension {
  private real: Extension | null = null;
  private materialize: () => Extension = () => {
    throw new Error(`extension ${this.manifest.info.name} is not installed in an engine`);
  };

  constructor(
    private readonly manifest: ExtensionManifest,
    private readonly load: () => Extension,
  ) {}

  info(): ExtensionInfo {
    return this.manifest.info;
  }

  /** Never called: the engine installs a lazy extension with install(). */
  moduleInit(): void {
    throw new Error('LazyExtension.moduleInit: use install()');
  }

  /**
   * Registers the stand-ins in `core`. `registry` makes the registry the real moduleInit runs with: one
   * that replaces the stand-ins in place (the classes keep their place in the declaration order).
   */
  install(core: EngineCore, registry: () => Registry): void {
    const m = this.manifest;
    const extName = m.info.name;
    this.materialize = () => {
      if (this.real === null) {
        const real = this.load();
        this.real = real;
        real.moduleInit(registry());
        // loaded during a request: it gets that request's RINIT now
        if (rt && rt.core === core) real.requestInit?.(rt);
      }
      return this.real;
    };
    for (const f of m.functions) {
      if (f[0] === 'f') core.builtins.set(signatureName(f[1]).toLowerCase(), new FunctionStub(this, core, f[1], extName, null));
      else core.builtins.set(f[1].toLowerCase(), new FunctionStub(this, core, f[1], extName, f[2].toLowerCase()));
    }
    for (const [name, value] of m.constants) core.constants.set(name, decodeValue(value));
    for (const name of m.classes) {
      const lc = name.toLowerCase();
      core.builtinClasses.defer(lc, () => {
        this.materialize();
        return core.builtinClasses.get(lc) ?? notDeclared(extName, name);
      });
    }
    for (const [name, defaultValue, hooked] of m.ini) {
      core.iniDefaults.set(name, defaultValue);
      if (!hooked) continue;
      const stub = (value: string, req: Request | null): boolean | void => {
        this.materialize();
        const hook = core.iniHooks.get(name);
        return hook && hook !== stub ? hook(value, req) : undefined;
      };
      core.iniHooks.set(name, stub);
    }
  }

  /** Loads the extension now (e.g. to compare it with its manifest). */
  loadNow(): Extension {
    return this.materialize();
  }

  get loaded(): boolean {
    return this.real !== null;
  }

  requestInit(req: Request): void {
    this.real?.requestInit?.(req);
  }

  requestShutdown(req: Request): void {
    this.real?.requestShutdown?.(req);
  }

  moduleShutdown(): void {
    this.real?.moduleShutdown?.();
  }
}

function notDeclared(extName: string, name: string): never {
  throw new Error(`phpts internal error: extension ${extName} does not declare ${name}, which its manifest lists`);
}

function noImpl(): never {
  throw new Error('phpts internal error: a lazy builtin was called before its extension was loaded');
}

/**
 * A function's stand-in: its info without loading the extension (the compiler asks for it), its
 * implementation (asked for once, when the call wrapper is built) by loading it, which puts the real
 * function in its place.
 */
class FunctionStub implements BuiltinFunction {
  weak: Function | null = null;
  strict: Function | null = null;
  private parsed: BuiltinFunction['info'] | null = null;

  constructor(
    private readonly ext: LazyExtension,
    private readonly core: EngineCore,
    /** the signature, or for an alias its name */
    private readonly declared: string,
    private readonly extName: string,
    /** an alias's target (lowercase) */
    private readonly aliasOf: string | null,
  ) {}

  get info(): BuiltinFunction['info'] {
    if (this.parsed === null) {
      const d = this.declared;
      this.parsed = this.aliasOf === null ? makeBuiltin(d, noImpl, this.extName).info : { ...this.core.builtins.get(this.aliasOf)!.info, name: d };
    }
    return this.parsed;
  }

  get impl(): BuiltinFunction['impl'] {
    this.ext.loadNow();
    const lc = this.aliasOf === null ? signatureName(this.declared).toLowerCase() : this.declared.toLowerCase();
    const real = this.core.builtins.get(lc);
    if (real === undefined || real === this) return notDeclared(this.extName, lc);
    return real.impl;
  }
}

/** The lazy form of an extension when the build made a manifest for it, else the extension itself. */
export function lazily(manifest: Record<string, ExtensionManifest> | null, name: string, load: () => Extension): Extension {
  const m = manifest?.[name];
  return m ? new LazyExtension(m, load) : load();
}
