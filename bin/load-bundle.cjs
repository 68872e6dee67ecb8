'use strict';
// Loads dist/phpts.bundle.js (the command's modules in one script, see scripts/bundle.mjs; the lazily
// loaded extensions' code and the thread worker's are in a second one, dist/phpts.ext.js, compiled on
// first use) through V8's code cache: the first run saves the compiled code of everything it ran next
// to each script (one cache file per Node version and architecture), later runs skip parsing and
// compiling it. V8 checks the cache against the source and its own version and flags and rejects a
// stale one, which is then rewritten. Used by the command (phpts.cjs) and its thread workers
// (phpts-worker.cjs).
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const dist = path.join(__dirname, '..', 'dist');
const bundleFile = path.join(dist, 'phpts.bundle.js');

/** Is the bundle at least as new as the ES modules (`tsc -p .` alone rewrites dist/ but not the bundle)? */
function bundleIsCurrent() {
  try {
    return fs.statSync(bundleFile).mtimeMs >= fs.statSync(path.join(dist, 'cli', 'main.js')).mtimeMs;
  } catch {
    return false;
  }
}

/** Scripts compiled without a usable code cache: saveCaches() writes theirs. */
const cachesToSave = [];

/**
 * Compiles one of the bundle's scripts (stored as a function expression, see scripts/bundle.mjs)
 * with its code cache, and runs it: returns the function.
 */
function loadScript(name) {
  const file = path.join(dist, name);
  // the scripts are ASCII (scripts/bundle.mjs escapes the rest): no UTF-8 decoding
  const source = fs.readFileSync(file, 'latin1');
  const cacheFile = `${file}.${process.version}-${process.arch}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) cachesToSave.push(() => saveCache(script, cacheFile));
  return script.runInThisContext();
}

/** The bundle's main (the command's) and its module loader, or null without a current bundle. */
function loadBundle() {
  if (!bundleIsCurrent()) return null;
  let run;
  try {
    run = loadScript('phpts.bundle.js');
  } catch (e) {
    if (e && e.code === 'ENOENT') return null;
    throw e;
  }
  const module = { exports: {} };
  let load = null;
  run(module.exports, require, module, bundleFile, dist, loadScript, (l) => (load = l));
  return { main: module.exports.main, load };
}

/** Writes the code caches of the scripts that had none (or a stale one). */
function saveCaches() {
  for (const save of cachesToSave.splice(0)) save();
}

/** Writes a code cache (atomically: a rename), silently giving up where dist/ is read-only. */
function saveCache(script, cacheFile) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to clean */
    }
  }
}

module.exports = { loadBundle, saveCaches };
