'use strict';
// A thread worker of the phpts command (src/threads/pool.ts starts it): the worker module from the
// command's bundle, loaded through the code cache as the command itself is (load-bundle.cjs). The
// command writes the caches; a worker only reads them.
const { loadBundle } = require('./load-bundle.cjs');

const loaded = loadBundle();
if (loaded) loaded.load('threads/worker.js');
else import('../dist/threads/worker.js');
