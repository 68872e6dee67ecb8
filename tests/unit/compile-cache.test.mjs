// The compiled-file cache on disk (src/engine/cache.ts), through the phpts command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const phpts = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'phpts');

function run(file, cacheDir) {
  const r = spawnSync(phpts, [file], { env: { ...process.env, PHPTS_CACHE_DIR: cacheDir }, encoding: 'latin1' });
  return { out: r.stdout, status: r.status };
}

test('a file compiled once is taken from the cache by the next process, same output; a torn entry is compiled again', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phpts-cc-'));
  const cache = path.join(dir, 'cache');
  const file = path.join(dir, 'big.php');
  // over the 2 KB under which files are not cached; the data after __halt_compiler() needs its offset kept
  const fns = Array.from({ length: 80 }, (_, i) => `function f${i}($x) { return $x + ${i}; }`).join('\n');
  fs.writeFileSync(file, `<?php\n${fns}\necho f79(1), "\\n";\necho file_get_contents(__FILE__, false, null, __COMPILER_HALT_OFFSET__);\n__halt_compiler();tail data\n`);
  try {
    const first = run(file, cache);
    assert.equal(first.out, '80\ntail data\n');
    const entries = fs.readdirSync(cache);
    assert.equal(entries.length, 1);
    assert.deepEqual(run(file, cache), first);
    const entry = path.join(cache, entries[0]);
    fs.writeFileSync(entry, fs.readFileSync(entry, 'latin1').slice(0, 50), 'latin1');
    assert.deepEqual(run(file, cache), first);
    // a changed file is another entry
    fs.appendFileSync(file, 'more');
    assert.equal(run(file, cache).out, '80\ntail data\nmore');
    assert.equal(fs.readdirSync(cache).length, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an unusable cache directory only means compiling every time', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phpts-cc-'));
  const file = path.join(dir, 'big.php');
  fs.writeFileSync(file, `<?php\n/*${'x'.repeat(3000)}*/\necho "ok\\n";\n`);
  try {
    for (const cache of ['/proc/phpts-no-such-dir', path.join(dir, 'missing', 'parent'), '']) {
      assert.deepEqual(run(file, cache), { out: 'ok\n', status: 0 });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
