// An extension written in TypeScript against phpts's Extension API, usable in threads too.
//
// It declares PHP functions by their signatures (arguments arrive checked and coerced), keeps per-request
// state (RINIT/RSHUTDOWN) and module state (MINIT/MSHUTDOWN), and names its own module in info() so
// that the engine of every PHP thread loads it as well.
//
// Build and run: npm ci (builds it), then node examples/extension/dist/stats.js

import { EngineBuilder, PthreadsExtension } from 'phpts';
import type { Extension, ExtensionInfo, Registry, Request } from 'phpts';
import { threadId } from 'node:worker_threads';

export class StatsExtension implements Extension {
  private requests = 0;

  info(): ExtensionInfo {
    return {
      name: 'stats',
      version: '1.0.0',
      dependencies: ['standard'],
      threadModule: { url: import.meta.url, exportName: 'StatsExtension' },
    };
  }

  /** MINIT: register functions and constants. */
  moduleInit(r: Registry): void {
    r.function('stats_mean(array $values): float', (values: any) => {
      const xs: number[] = values.valueList().map(Number);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
    });
    r.function('stats_worker(): int', () => threadId);
    r.function('stats_requests(): int', () => this.requests);
    r.constant('STATS_VERSION', '1.0.0');
  }

  /** RINIT: once per request (a script run, or a PHP thread's task). */
  requestInit(req: Request): void {
    void req;
    this.requests++;
  }

  requestShutdown(): void {}
  moduleShutdown(): void {}
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const engine = new EngineBuilder().withExtension(new PthreadsExtension()).withExtension(new StatsExtension()).build();
  const { stdout } = await engine.run(`<?php
    $threads = [];
    foreach ([[1, 2, 3], [10, 20], [5]] as $i => $values) {
        $threads[] = pthreads_thread_start(function ($values) {
            echo "mean ", stats_mean($values), " computed by Node worker #", stats_worker() > 0 ? "n" : "0", "\\n";
        }, $values);
    }
    foreach ($threads as $t) pthreads_thread_join($t);
    echo "main thread: Node worker #", stats_worker(), ", ", STATS_VERSION, "\\n";
  `);
  process.stdout.write(stdout);
  engine.shutdownEngine();
}
