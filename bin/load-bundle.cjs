'use strict';
// Loads dist/phpts.bundle.js (all of the command's modules in one script, see scripts/bundle.mjs)
// through V8's code cache: the first run saves the compiled code of everything it ran next to the
// bundle (one cache file per Node version and architecture), later runs skip parsing and compiling
// it. V8 checks the cache against the source and its own version and flags and rejects a stale one,
// which is then rewritten. Used by the command (phpts.cjs) and by its thread workers (phpts-worker.cjs).
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

/** The bundle's exports ({ main, load }) and, when the cache was missing or stale, a function that saves it. */
function loadBundle() {
  if (!bundleIsCurrent()) return null;
  let source;
  try {
    // the bundle is ASCII (scripts/bundle.mjs escapes the rest): no UTF-8 decoding
    source = fs.readFileSync(bundleFile, 'latin1');
  } catch {
    return null;
  }
  const cacheFile = `${bundleFile}.${process.version}-${process.arch}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundleFile, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, bundleFile, dist);
  const needsCache = cachedData === undefined || script.cachedDataRejected === true;
  return { exports: module.exports, saveCache: needsCache ? () => saveCache(script, cacheFile) : null };
}

/** Writes the code cache (atomically: a rename), silently giving up where dist/ is read-only. */
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

module.exports = { loadBundle };
