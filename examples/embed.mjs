// Embedding phpts in a Node program, with an extension of our own (MINIT/RINIT/RSHUTDOWN/MSHUTDOWN).
// Run with: node examples/embed.mjs   (after `npm ci`, which builds dist/)
import { EngineBuilder } from '../dist/index.js';

class GreetingExtension {
  info() {
    return { name: 'greeting', version: '1.0.0', dependencies: ['standard'] };
  }
  moduleInit(r) {
    // declared with its PHP signature: arguments arrive checked and coerced
    r.function('greet(string $name, int $times = 1): string', (name, times) => `Hello, ${name}! `.repeat(times).trim());
    r.constant('GREETING_VERSION', '1.0.0');
  }
  requestInit(req) {
    this.requests = (this.requests ?? 0) + 1;
  }
  requestShutdown() {}
  moduleShutdown() {
    console.log(`greeting: served ${this.requests} request(s)`);
  }
}

const engine = new EngineBuilder().withExtension(new GreetingExtension()).build();
const { stdout, exitCode } = await engine.run('<?php echo greet("world", 2), " (", GREETING_VERSION, ")\\n"; exit(4);');
process.stdout.write(stdout);
console.log('exit code:', exitCode);
engine.shutdownEngine();
