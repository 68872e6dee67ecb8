// Threads through the embedding API: an engine with PthreadsExtension, output of threads delivered to
// the embedder, and an embedder's TypeScript extension loaded in the threads' engines too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineBuilder, PthreadsExtension } from 'phpts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('an embedded engine runs threads; their output reaches run() in order of joining', async () => {
  const engine = new EngineBuilder().withExtension(new PthreadsExtension()).build();
  const r = await engine.run(`<?php
    $v = pthreads_volatile_create();
    $t = pthreads_thread_start(function ($v, $x) { echo "thread $x\\n"; pthreads_volatile_set($v, 'r', $x * 2); }, $v, 21);
    pthreads_thread_join($t);
    echo "main ", pthreads_volatile_get($v, 'r'), "\\n";
    exit(5);`);
  assert.equal(r.stdout, 'thread 21\nmain 42\n');
  assert.equal(r.exitCode, 5);
  engine.shutdownEngine();
});

test('the TypeScript example extension works in PHP threads too', () => {
  const out = execFileSync(process.execPath, [path.join(root, 'examples', 'extension', 'dist', 'stats.js')], { encoding: 'utf8' });
  assert.equal(out, 'mean 2 computed by Node worker #n\nmean 15 computed by Node worker #n\nmean 5 computed by Node worker #n\nmain thread: Node worker #0, 1.0.0\n');
});
