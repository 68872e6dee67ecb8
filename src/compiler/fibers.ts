// Fiber variants. JavaScript has no stackful coroutines, so a PHP function that runs inside a Fiber
// runs as a second compilation of itself: a JS generator function in which every PHP call delegates
// to the callee's variant with `yield*`, and Fiber::suspend() is a `yield` that unwinds the whole JS
// stack of the fiber to the driver in Fiber::start()/resume() (src/runtime/fiber.ts).
//
// Normal code never pays for this. A compiled file only registers itself as a "fiber unit" (its
// FunctionInfos and an eval in its module scope); the first time a fiber needs one of its functions,
// the file is compiled again in fiber mode: the same traversal with the same names (the counters
// that make names restart for the second pass), producing `V.<info> = <variant>` for each function,
// evaluated inside the original module so the variants share its infos, classes and constants.

import type * as A from '../syntax/ast.js';
import type { FileCtx, FnCtx } from './context.js';
import type { FnSpec } from './calls.js';

export interface CompiledFn {
  js: string;
  info: string;
  isGenerator: boolean;
  /** a generator function's variant that gives a Generator made by normal code its fiber-capable body */
  restartJs?: string;
}

/**
 * Fiber mode: compiles a function normally (its text is what enclosing code embeds), then once more
 * as its fiber variant, recorded in file.variants. Nested functions compile once: the second pass
 * finds them in the cache and skips their names, so both passes name everything alike.
 */
export function compileWithFiberVariant(file: FileCtx, spec: FnSpec, once: (fiber: boolean) => CompiledFn, traitMethod = false): CompiledFn {
  // the same node can compile more than once (new's arguments do): a compilation is known by where it starts
  const before = file.counters();
  const key = before.join();
  const hit = file.fiberCache.get(spec.params)?.get(key);
  if (hit) {
    file.setCounters(hit.after);
    return { js: hit.js, info: hit.info, isGenerator: false };
  }
  const normal = once(false);
  const after = file.counters();
  file.setCounters(before);
  const variant = once(true);
  if (file.counters().join() !== after.join()) throw new Error('internal: the fiber pass named things differently');
  const top = isTopFunction(file, normal.js) ? `VT.${jsNameOf(normal.js)} = ` : '';
  if (traitMethod) {
    // a trait method's code names its using class TS: its variants are made per class (variants.ts)
    file.variants.push(`VC.set(${normal.info}, function (TS) { return ${variant.js}; });`);
    if (variant.restartJs) file.variants.push(`VCR.set(${normal.info}, function (TS) { return ${variant.restartJs}; });`);
  } else {
    file.variants.push(`VF.set(${normal.info}, ${top}${variant.js});`);
    if (variant.restartJs) file.variants.push(`VR.set(${normal.info}, ${variant.restartJs});`);
  }
  let byStart = file.fiberCache.get(spec.params);
  if (!byStart) file.fiberCache.set(spec.params, (byStart = new Map()));
  byStart.set(key, { js: normal.js, info: normal.info, after });
  return normal;
}

function jsNameOf(fnJs: string): string {
  return /^function\*? ([A-Za-z0-9_$]+)/.exec(fnJs)![1];
}

/** Functions declared at the file's top level are called directly (VT.f_name) from the variants. */
function isTopFunction(file: FileCtx, fnJs: string): boolean {
  const name = jsNameOf(fnJs);
  for (const t of file.topFunctions.values()) if (t.js === name) return true;
  return false;
}

/** A generator's restart variant: a function of the Generator (and captured values) returning the function that makes its body. */
export function generatorRestartJs(jsName: string, params: string[], body: string, caps: string[] | null): string {
  return `function (G${caps && caps.length ? ', ' + caps.join(', ') : ''}) { return function ${jsName}(${params.join(', ')}) {\n${body}\n}; }`;
}

/** The variant's JS: a generator function; for closures, a function of the captured values returning it. */
export function fiberVariantJs(jsName: string, params: string[], body: string, caps: string[] | null): string {
  const gen = `function* ${jsName}(${params.join(', ')}) {\n${body}\n}`;
  if (caps === null) return gen;
  return `function (${caps.join(', ')}) { return ${gen}; }`;
}

/** Emits f's code as normal code (nested JS functions such as thunks cannot contain `yield`). */
export function normalMode<T>(c: FnCtx, f: () => T): T {
  const saved = c.fiber;
  c.fiber = false;
  try {
    return f();
  } finally {
    c.fiber = saved;
  }
}

/**
 * The source evaluated in the module's scope: every function's variant by its FunctionInfo (VF), the
 * generator functions' restart variants (VR); VT holds the top-level functions' for direct calls.
 * Trait methods' variants are functions of the using class (VC, VCR), made per class on first use.
 */
export function fiberUnitSource(file: FileCtx): string {
  const helpers = [...file.helpers];
  return [
    '(() => {',
    helpers.length ? `const {${helpers.join(', ')}} = R;` : '',
    'const VF = new Map(), VR = new Map(), VT = {}, VC = new Map(), VCR = new Map();',
    ...file.variants,
    'return {variants: VF, restarts: VR, perClass: VC, restartsPerClass: VCR};',
    '})()',
  ].join('\n');
}

export type { A };
