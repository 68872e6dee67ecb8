'use strict';
// The phpts command's entry point (bin/phpts starts it with a larger stack).
//
// It loads dist/phpts.bundle.js through V8's code cache (load-bundle.cjs). Without a current bundle
// (a build without the bundle step, or `tsc -p .` run after it) it imports the ES modules in dist/.
const path = require('node:path');
const { loadBundle, saveCaches } = require('./load-bundle.cjs');

// bin/phpts keeps NODE_EXTRA_CA_CERTS from Node's start-up (see there): the environment PHP code and
// the programs it starts see has it back
if (process.env.PHPTS_EXTRA_CA_CERTS !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = process.env.PHPTS_EXTRA_CA_CERTS;
  delete process.env.PHPTS_EXTRA_CA_CERTS;
}

// PHP_BINARY: the command that started us, so PHP code can start phpts again
if (!process.env.PHPTS_BINARY) process.env.PHPTS_BINARY = path.join(__dirname, 'phpts');

const loaded = loadBundle();
if (loaded) {
  // threads start from the bundle too (src/threads/pool.ts)
  globalThis.__phptsWorkerScript = path.join(__dirname, 'phpts-worker.cjs');
  process.exitCode = loaded.main(process.argv.slice(2));
  saveCaches();
  // Nothing is left to run (output is written synchronously; thread workers are unref'd and would not
  // keep the process either): exit now rather than tear down the heap and the environment first.
  process.exit();
} else {
  import('../dist/cli/main.js').then(({ main }) => {
    process.exitCode = main(process.argv.slice(2));
  });
}
