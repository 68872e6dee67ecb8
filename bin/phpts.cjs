'use strict';
// The phpts command's entry point (bin/phpts starts it with a larger stack).
//
// It loads dist/phpts.bundle.js (all of the command's modules in one script, see scripts/bundle.mjs)
// through V8's code cache: the first run saves the compiled code of everything it ran next to the
// bundle (one cache file per Node version and architecture), later runs skip parsing and compiling
// it. V8 checks the cache against the source and its own version and flags and rejects a stale one,
// which is then rewritten. Without a current bundle (a build without the bundle step, or `tsc -p .`
// run after it) it imports the ES modules in dist/ instead.
const path = require('node:path');
const { loadBundle } = require('./load-bundle.cjs');

// PHP_BINARY: the command that started us, so PHP code can start phpts again
if (!process.env.PHPTS_BINARY) process.env.PHPTS_BINARY = path.join(__dirname, 'phpts');

const loaded = loadBundle();
if (loaded) {
  // threads start from the bundle too (src/threads/pool.ts)
  globalThis.__phptsWorkerScript = path.join(__dirname, 'phpts-worker.cjs');
  process.exitCode = loaded.exports.main(process.argv.slice(2));
  if (loaded.saveCache) loaded.saveCache();
} else {
  import('../dist/cli/main.js').then(({ main }) => {
    process.exitCode = main(process.argv.slice(2));
  });
}
