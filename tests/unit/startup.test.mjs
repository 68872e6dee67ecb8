// The phpts command's start-up: extensions loaded on first use (src/engine/lazy.ts) behave as if they
// had been loaded at start-up, and the environment bin/phpts hands over reaches PHP unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineBuilder } from '../../dist/index.js';

const phpts = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'phpts');

function cli(code, env = process.env) {
  const r = spawnSync(phpts, ['-r', code], { env, encoding: 'latin1' });
  return r.stdout + r.stderr;
}

/** The same code run by an Engine from the ES modules, where every extension is loaded eagerly. */
async function eager(code) {
  const engine = new EngineBuilder().build();
  const r = await engine.run('<?php ' + code);
  engine.shutdownEngine();
  return r.stdout;
}

// each line reaches a lazily loaded extension a different way first
const FIRST_USES = [
  // a function by name through a callback, and its constants
  `echo call_user_func('json_encode', ['a' => 1], JSON_PRETTY_PRINT), "\\n";`,
  // RINIT of an extension loaded mid-request (json's last error starts cleared)
  `var_dump(json_last_error(), json_decode('{'), json_last_error_msg());`,
  // a class first through instanceof of an object of a subclass, then by name
  `$e = new UnexpectedValueException('x'); var_dump($e instanceof RuntimeException, class_exists('ArrayIterator', false), get_parent_class($e));`,
  // an ini entry with a hook before any function of its extension
  `var_dump(ini_set('date.timezone', 'Europe/Paris'), ini_get('date.timezone')); echo date('e T', 0), "\\n";`,
  `var_dump(ini_set('date.timezone', 'Nowhere/Atlantis'), ini_get('date.timezone'));`,
  // reflection of a function that was never called, and its extension's name
  `$f = new ReflectionFunction('preg_match'); echo $f->getName(), ' ', $f->getNumberOfParameters(), ' ', $f->getExtensionName(), "\\n";`,
  `var_dump(function_exists('ctype_alpha'), is_callable('hash_hmac'), extension_loaded('tokenizer'), in_array('random', get_loaded_extensions()));`,
  `var_dump(count(get_extension_funcs('hash')), PHP_INT_SIZE, T_STRING === token_get_all('<?php x')[1][0], MT_RAND_PHP);`,
  // a callable string resolved by a builtin of another extension
  `echo implode(',', array_map('ctype_digit', ['1', 'a'])), ' ', implode(',', preg_split('/,/', 'a,b')), "\\n";`,
];

test('extensions loaded on first use behave as loaded at start-up', async () => {
  for (const line of FIRST_USES) assert.equal(cli(line), await eager(line), line);
});

test('the constants a manifest registers are those the extension registers when loaded', () => {
  // linking every class and calling a function loads every lazy extension: the constants must not change
  const code = `$before = serialize(get_defined_constants(true)); get_declared_classes(); ctype_digit('1'); echo $before === serialize(get_defined_constants(true)) ? 'same' : 'differ', "\\n";`;
  assert.equal(cli(code), 'same\n');
});

test('NODE_EXTRA_CA_CERTS, kept from Node by bin/phpts, is back for PHP code and the programs it starts', () => {
  const code = `var_dump(getenv('NODE_EXTRA_CA_CERTS'), getenv('PHPTS_EXTRA_CA_CERTS')); echo shell_exec('echo "$NODE_EXTRA_CA_CERTS"');`;
  assert.equal(cli(code, { ...process.env, NODE_EXTRA_CA_CERTS: '/no/such/ca.pem' }), 'string(15) "/no/such/ca.pem"\nbool(false)\n/no/such/ca.pem\n');
  const without = { ...process.env };
  delete without.NODE_EXTRA_CA_CERTS;
  assert.equal(cli(code, without), 'bool(false)\nbool(false)\n\n');
});
