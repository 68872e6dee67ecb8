'use strict';
// The phpts command's entry point (bin/phpts starts it with a larger stack).
//
// It loads dist/phpts.bundle.js (the command's modules in one script, see scripts/bundle.mjs; the
// lazily loaded extensions' code is in a second one, dist/phpts.ext.js, compiled on first use)
// through V8's code cache: the first run saves the compiled code of everything it ran next to each
// script (one cache file per Node version and architecture), later runs skip parsing and compiling
// it. V8 checks the cache against the source and its own version and flags and rejects a stale one,
// which is then rewritten. Without a current bundle (a build without the bundle step, or `tsc -p .`
// run after it) it imports the ES modules in dist/ instead.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

// bin/phpts keeps NODE_EXTRA_CA_CERTS from Node's start-up (see there): the environment PHP code and
// the programs it starts see has it back
if (process.env.PHPTS_EXTRA_CA_CERTS !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = process.env.PHPTS_EXTRA_CA_CERTS;
  delete process.env.PHPTS_EXTRA_CA_CERTS;
}

const dist = path.join(__dirname, '..', 'dist');
// PHP_BINARY: the command that started us, so PHP code can start phpts again
if (!process.env.PHPTS_BINARY) process.env.PHPTS_BINARY = path.join(__dirname, 'phpts');
const bundleFile = path.join(dist, 'phpts.bundle.js');

/** Is the bundle at least as new as the ES modules (`tsc -p .` alone rewrites dist/ but not the bundle)? */
function bundleIsCurrent() {
  try {
    return fs.statSync(bundleFile).mtimeMs >= fs.statSync(path.join(dist, 'cli', 'main.js')).mtimeMs;
  } catch {
    return false;
  }
}

/** Scripts compiled without a usable code cache: theirs is written when the command is done. */
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
  run(module.exports, require, module, bundleFile, dist, loadScript);
  return { main: module.exports.main };
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

const loaded = loadBundle();
if (loaded) {
  process.exitCode = loaded.main(process.argv.slice(2));
  for (const save of cachesToSave) save();
  // Nothing is left to run (output is written synchronously; thread workers are unref'd and would not
  // keep the process either): exit now rather than tear down the heap and the environment first.
  process.exit();
} else {
  import('../dist/cli/main.js').then(({ main }) => {
    process.exitCode = main(process.argv.slice(2));
  });
}
