#!/usr/bin/env node
// Builds dist/phpts.bundle.js: the command line's modules (compiled to CommonJS by
// `tsc -p tsconfig.bundle.json` into build/cjs) in one script, so `bin/phpts` loads one file and
// V8 can keep its compiled code in a code cache (see bin/phpts.cjs). Start-up is most of a short
// script's run time: an ES module graph of ~120 files costs a resolution, a read and a compile
// each, every time.
//
// Each module becomes a function in a table; `require` of a relative path runs it once (as Node's
// CommonJS loader does, cycles included); other requires (node:fs, ...) go to Node's require.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cjsDir = path.join(root, 'build', 'cjs');
const entry = 'cli/main.js';
// pool workers started by the command run this module from the bundle too (bin/phpts-worker.cjs); it
// is not reachable from the command's entry, so its code is in the second script
const workerEntry = 'threads/worker.js';
const out = path.join(root, 'dist', 'phpts.bundle.js');
// the second script (see bundle()), in the same folder
const CHUNK = 'phpts.ext.js';

const REQUIRE = /\brequire\("(\.{1,2}\/[^"]+)"\)/g;

// Node's modules that a hello world never uses but whose loading costs start-up time (each pulls in
// Node's stream, net or crypto internals): required on their first use instead. The compiled code
// reaches them only as `mod_1.name` (a property read at call time), which the stand-in answers.
const LAZY = /\brequire\("(node:(?:worker_threads|child_process|crypto|os|v8))"\)/g;

/** The modules reachable from the entry, in a stable order. */
function collect() {
  const seen = new Map();
  const visit = (id) => {
    if (seen.has(id)) return;
    const file = path.join(cjsDir, id);
    const src = fs.readFileSync(file, 'utf8');
    seen.set(id, src);
    for (const m of src.matchAll(REQUIRE)) visit(resolve(id, m[1]));
  };
  visit(entry);
  visit(workerEntry);
  return seen;
}

/**
 * The modules a script that uses no lazily loaded extension evaluates: reachable from the entry
 * without going through the requires that the extension list makes lazy (see EXTENSION_MODULE).
 */
function eagerModules(modules) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const m of modules.get(id).matchAll(REQUIRE)) {
      const dep = resolve(id, m[1]);
      if (id === EXTENSION_LIST && /^ext\/[\w-]+\/index\.js$/.test(dep) && !EAGER_EXTENSIONS.has(dep)) continue;
      visit(dep);
    }
  };
  visit(entry);
  return seen;
}

/** The module's id for a relative require from module `from`. */
function resolve(from, spec) {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
}

/**
 * tsc declares every export first (`exports.a = exports.b = void 0;`) and then turns a re-exported
 * name (`export { x } from`) into a getter with Object.defineProperty. Redefining a data property as
 * an accessor makes V8 keep the exports object as a dictionary: every `mod_1.name` read from such a
 * module is then a hash lookup, and calls through it are never inlined. Re-exported names are left
 * out of the declaration, so the getter is a new property and the object stays fast.
 */
function withoutPredeclaredReexports(src) {
  const reexported = new Set([...src.matchAll(/^Object\.defineProperty\(exports, "([\w$]+)", \{ enumerable: true, get: /gm)].map((m) => m[1]));
  if (reexported.size === 0) return src;
  return src.replace(/^exports\.[\w$]+ = (?:exports\.[\w$]+ = )*void 0;$/gm, (line) => {
    const names = [...line.matchAll(/exports\.([\w$]+) = /g)].map((m) => m[1]).filter((n) => !reexported.has(n));
    return names.length ? names.map((n) => `exports.${n} = `).join('') + 'void 0;' : '';
  });
}

// The extensions' modules, as the module listing the built-in extensions requires them: loaded on first
// use (a property read of the stand-in), so an extension loaded lazily (src/engine/lazy.ts) is neither
// read nor evaluated by a script that does not use it.
const EXTENSION_LIST = 'engine/builtins.js';
const EXTENSION_MODULE = /__load\("(ext\/[\w-]+\/index\.js)"\)/g;
// the extensions always loaded (src/engine/builtins.ts): their code is in the main script
const EAGER_EXTENSIONS = new Set(['ext/core/index.js', 'ext/standard/index.js']);
// where the manifests of the lazy extensions go (src/engine/ext-manifest.ts)
const MANIFEST_MODULE = 'engine/ext-manifest.js';
const MANIFEST_NULL = 'exports.EXTENSION_MANIFESTS = null;';

/** A module as the bundle holds it: a function of (exports, require, module) in the table of definitions. */
function moduleDef(id, src, manifests) {
  const body = withoutPredeclaredReexports(src)
    .replace(/^"use strict";\n/, '')
    .replace(/\n\/\/# sourceMappingURL=.*$/, '')
    // relative requires are resolved now: the bundle looks them up by id
    .replace(REQUIRE, (_, spec) => `__load(${JSON.stringify(resolve(id, spec))})`)
    .replace(LAZY, (_, name) => `__lazy(${JSON.stringify(name)})`)
    .replace(id === EXTENSION_LIST ? EXTENSION_MODULE : /(?!)/g, (_, ext) => `__lazyModule(${JSON.stringify(ext)})`)
    .replace(id === MANIFEST_MODULE && manifests ? MANIFEST_NULL : /(?!)/g, () => `exports.EXTENSION_MANIFESTS = ${JSON.stringify(manifests)};`)
    // `import * as fs from 'node:fs'`: Node's own module object serves as the namespace; TypeScript's
    // __importStar would copy each of its ~100 exports into a getter, once per importing module
    .replace(/__importStar\(require\("(node:[a-z_/]+)"\)\)/g, 'require("$1")')
    // a module that locates files beside it (the thread worker script) gets its twin's URL in dist/
    .replace(/\bimport\.meta\.url\b/g, `require("node:url").pathToFileURL(__dirname + ${JSON.stringify('/' + id)}).href`);
  return `${JSON.stringify(id)}: function (exports, require, module) {\n${body}\n},`;
}

// ASCII only (other characters as \u escapes, valid in strings, regular expressions, comments and
// identifiers alike): the loader reads it as latin1, with no UTF-8 decoding
const ascii = (text) => text.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

// Both scripts are stored as the function expression the loader compiles (no wrapping at run time).
const MAIN_PARAMS = 'exports, require, module, __filename, __dirname, __loadScript, __phptsBundleLoader';

/**
 * The main script: the modules in `main`, and the loader. The others (the lazily loaded extensions'
 * code) are in a second script, CHUNK, which `__loadScript` (bin/phpts.cjs) compiles on the first
 * require of one of them; without `split`, everything is in the main script.
 */
function bundle(modules, manifests, main = null) {
  const parts = [`(function (${MAIN_PARAMS}) {`, '"use strict";', 'const __defs = {'];
  for (const [id, src] of modules) if (main === null || main.has(id)) parts.push(moduleDef(id, src, manifests));
  parts.push('};');
  parts.push(`function __lazy(name) {
  let mod = null;
  return new Proxy({}, { get: (_, key) => (mod ??= require(name))[key] });
}
function __lazyModule(id) {
  let mod = null;
  return new Proxy({}, { get: (_, key) => (mod ??= __load(id))[key] });
}
let __chunkLoaded = false;
function __define(id) {
  if (!__chunkLoaded && !(id in __defs)) {
    __chunkLoaded = true;
    __loadScript(${JSON.stringify(CHUNK)})(__defs, __load, __lazy, require, __dirname);
  }
  return __defs[id];
}
const __cache = Object.create(null);
function __load(id) {
  const hit = __cache[id];
  if (hit !== undefined) return hit.exports;
  const module = { exports: {} };
  __cache[id] = module;
  __define(id).call(module.exports, module.exports, require, module);
  return module.exports;
}
module.exports = __load(${JSON.stringify(entry)});
if (typeof __phptsBundleLoader === 'function') __phptsBundleLoader(__load);
})`);
  return ascii(parts.join('\n') + '\n');
}

/** The second script: the modules not in `main`, added to the main script's table when it runs. */
function chunk(modules, manifests, main) {
  const parts = ['(function (__defs, __load, __lazy, require, __dirname) {', '"use strict";', 'Object.assign(__defs, {'];
  for (const [id, src] of modules) if (!main.has(id)) parts.push(moduleDef(id, src, manifests));
  parts.push('});', '})');
  return ascii(parts.join('\n') + '\n');
}

/**
 * The manifests of the lazily loaded extensions (src/engine/lazy.ts), made by running the bundle's own
 * code: each extension's moduleInit against a recording registry. null (every extension then loads
 * eagerly) if that fails, which the build reports.
 */
function extensionManifests(source) {
  try {
    let load = null;
    const module = { exports: {} };
    const noChunk = () => {
      throw new Error('the unsplit bundle has no second script');
    };
    vm.runInThisContext(source, { filename: out })(module.exports, createRequire(out), module, out, path.dirname(out), noChunk, (l) => (load = l));
    const { LAZY_EXTENSIONS } = load(EXTENSION_LIST);
    const { describeExtension } = load('engine/lazy.js');
    const manifests = {};
    for (const [name, make] of LAZY_EXTENSIONS) {
      const m = describeExtension(make());
      if (m) manifests[name] = m;
      else process.stderr.write(`bundle: extension ${name} stays eager (its manifest cannot hold what it declares)\n`);
    }
    return manifests;
  } catch (e) {
    process.stderr.write(`bundle: no extension manifests (every extension loads eagerly): ${e && e.stack ? e.stack : e}\n`);
    return null;
  }
}

const modules = collect();
if (!modules.get(MANIFEST_MODULE)?.includes(MANIFEST_NULL)) throw new Error(`bundle: ${MANIFEST_MODULE} does not hold "${MANIFEST_NULL}"`);
const manifests = extensionManifests(bundle(modules, null));
// with no manifests every extension is loaded at start-up: one script then
const main = manifests ? eagerModules(modules) : new Set(modules.keys());
fs.writeFileSync(out, bundle(modules, manifests, main));
fs.writeFileSync(path.join(path.dirname(out), CHUNK), chunk(modules, manifests, main));
// a code cache made for older scripts is useless
for (const f of fs.readdirSync(path.dirname(out))) if (/^phpts\.(bundle|ext)\.js\..*\.cache$/.test(f)) fs.rmSync(path.join(path.dirname(out), f), { force: true });
process.stdout.write(`dist/phpts.bundle.js: ${main.size} modules, dist/${CHUNK}: ${modules.size - main.size}\n`);

// The code cache is made by the first run (bin/phpts.cjs): make it now, with a hello world, so that it
// holds what every script runs (and no more: loading a larger cache costs every start-up). A failure
// only means the first real run makes it.
const warm = spawnSync(path.join(root, 'bin', 'phpts'), [path.join(root, 'examples', 'hello.php')], { stdio: 'ignore' });
if (warm.status !== 0) process.stderr.write(`bundle: the warm-up run failed (${warm.error ?? 'status ' + warm.status}); the first run will make the code cache\n`);
