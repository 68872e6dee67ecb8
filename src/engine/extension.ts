// The extension interface: every PHP extension, built in (standard, json, pcre, pthreads, ...) or
// written by an embedder, registers itself through it, with PHP's module lifecycle:
//   MINIT (moduleInit) once when the engine is built · RINIT (requestInit) before each script run ·
//   RSHUTDOWN (requestShutdown) after it · MSHUTDOWN (moduleShutdown) when the engine shuts down.

import type { Request } from '../runtime/request.js';
import type { ClassDecl } from '../runtime/classdecl.js';

export interface ExtensionInfo {
  /** the name extension_loaded() and `php -m` know it by, e.g. "standard" */
  name: string;
  version: string;
  /** names of extensions that must be initialised before this one */
  dependencies?: string[];
  /**
   * Where threads find this extension (an embedder's own extension): the module's URL and the name of the
   * class it exports, built with `new`. Built-in extensions need none; without it, threads lack the extension.
   */
  threadModule?: { url: string; exportName: string };
}

/**
 * A builtin function's implementation. It receives its arguments already checked and coerced to the
 * declared parameter types: by-reference parameters receive a Ref; a variadic parameter receives a JS
 * array of the remaining arguments; an optional parameter that was not passed receives its declared
 * default (or undefined when the declaration has none). It returns a PHP value (undefined means null).
 */
export type BuiltinImpl = (...args: any[]) => any;

export interface Registry {
  /**
   * Declares a function by its PHP signature, as in php-src's stubs:
   *   r.function('str_repeat(string $string, int $times): string', (s, n) => ...)
   * Parameter types and defaults drive argument checking and coercion (coercive or strict_types).
   */
  function(signature: string, impl: BuiltinImpl): void;
  /** Declares many functions: signature → implementation. */
  functions(defs: Record<string, BuiltinImpl>): void;
  /** An alias (e.g. sizeof → count). */
  alias(alias: string, target: string): void;
  constant(name: string, value: any): void;
  constants(defs: Record<string, any>): void;
  class(decl: ClassDecl): void;
  /** An ini entry with its default (string) and optional validation/apply hook. */
  ini(name: string, defaultValue: string | null, onChange?: (value: string, req: Request | null) => boolean | void): void;
}

export interface Extension {
  info(): ExtensionInfo;
  /** MINIT */
  moduleInit(registry: Registry): void;
  /** MSHUTDOWN */
  moduleShutdown?(): void;
  /** RINIT */
  requestInit?(req: Request): void;
  /** RSHUTDOWN */
  requestShutdown?(req: Request): void;
}
