// The embedding API, through the package's own exports (as a user imports it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineBuilder } from 'phpts';

test('run() returns stdout, bytes and the exit code; 64-bit ints exact, bytes kept', async () => {
  const engine = new EngineBuilder().build();
  const r = await engine.run('<?php echo strtoupper("héllo"), " ", intdiv(PHP_INT_MAX, 2); exit(4);');
  assert.equal(r.stdout, 'HéLLO 4611686018427387903');
  assert.equal(r.exitCode, 4);
  assert.ok(r.stdoutBytes instanceof Uint8Array);
  assert.equal(Buffer.from(r.stdoutBytes).toString('utf8'), r.stdout);
});

test('extensions get MINIT in order, RINIT/RSHUTDOWN per request and MSHUTDOWN in reverse', async () => {
  const log = [];
  const ext = (name, deps = []) => ({
    info: () => ({ name, version: '1', dependencies: deps }),
    moduleInit: (r) => {
      log.push(`MINIT ${name}`);
      r.function(`${name}_hi(int $n = 1): string`, (n) => `${name}:${n}`);
    },
    requestInit: () => log.push(`RINIT ${name}`),
    requestShutdown: () => log.push(`RSHUTDOWN ${name}`),
    moduleShutdown: () => log.push(`MSHUTDOWN ${name}`),
  });
  const engine = new EngineBuilder().withExtension(ext('b', ['a'])).withExtension(ext('a')).build();
  const r = await engine.run('<?php echo a_hi(), " ", b_hi("7");');
  assert.equal(r.stdout, 'a:1 b:7');
  engine.shutdownEngine();
  assert.deepEqual(log, ['MINIT a', 'MINIT b', 'RINIT a', 'RINIT b', 'RSHUTDOWN b', 'RSHUTDOWN a', 'MSHUTDOWN b', 'MSHUTDOWN a']);
});

test('builtins declared with a signature get PHP argument errors', async () => {
  const engine = new EngineBuilder()
    .withExtension({ info: () => ({ name: 'x', version: '1' }), moduleInit: (r) => r.function('twice(int $n): int', (n) => n * 2) })
    .build();
  const r = await engine.run('<?php try { twice("abc"); } catch (TypeError $e) { echo $e->getMessage(); }');
  assert.equal(r.stdout, 'twice(): Argument #1 ($n) must be of type int, string given');
});

test('output streams through onOutput and ini options apply', async () => {
  const engine = new EngineBuilder().build();
  const chunks = [];
  const r = await engine.run('<?php echo 1/3;', { ini: { precision: '3' }, onOutput: (c) => chunks.push(Buffer.from(c).toString()) });
  assert.equal(chunks.join(''), '0.333');
  assert.equal(r.exitCode, 0);
});

test('uncaught exceptions print PHP\'s fatal error and exit 255', async () => {
  const engine = new EngineBuilder().build();
  const r = await engine.run('<?php function f(){throw new LogicException("boom");} f();', { filename: 'Command line code' });
  assert.match(r.stdout, /Fatal error: Uncaught LogicException: boom in Command line code:1\nStack trace:\n#0 Command line code\(1\): f\(\)\n#1 \{main\}/);
  assert.equal(r.exitCode, 255);
});

test('sys_getloadavg() gives floats even when the load reads exactly 0 or 1 (as in some containers)', async () => {
  const os = process.getBuiltinModule('node:os');
  const real = os.loadavg;
  os.loadavg = () => [0, 1, 0.5];
  try {
    const r = await new EngineBuilder().build().run('<?php var_dump(sys_getloadavg());');
    assert.match(r.stdout, /\[0\]=>\n  float\(0\)\n  \[1\]=>\n  float\(1\)\n  \[2\]=>\n  float\(0\.5\)/);
  } finally {
    os.loadavg = real;
  }
});
