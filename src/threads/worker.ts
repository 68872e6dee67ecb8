// A pool worker: one Engine for its lifetime (MINIT once), one request per PHP thread it runs (RINIT,
// the thread's callable, RSHUTDOWN), with the creator's program adopted and declared first.

import { parentPort, workerData, MessagePort } from 'node:worker_threads';
import { loadExtensionsEagerly } from '../engine/builtins.js';
import { EngineBuilder, Engine } from '../engine/engine.js';
import { PhpObject, FunctionInfo } from '../runtime/object.js';
import { FatalSignal } from '../runtime/errors.js';
import { adoptSharedHeap } from './heap.js';
import { setCurrentThreadId } from './identity.js';
import { replayProgram } from './program.js';
import { decodeValue, forgetHandles } from './transfer.js';
import { threadFinished, threadEntries, ThreadTask } from './pool.js';
import { writeWhole } from './output.js';
import { taskHooks } from './task.js';
import { PhpArray } from '../runtime/array.js';
import { PhpResource } from '../runtime/values.js';

const THREAD_ROOT: FunctionInfo = { name: 'run', params: [], refMask: 0, required: 0, variadic: false, returnType: null, returnsRef: false, isBuiltin: true };

adoptSharedHeap(workerData.sab as SharedArrayBuffer);
// The values a thread receives and the entries it runs need what extensions set up as their modules
// load and initialise (pthreads' objects, parallel's channels and task loop): a worker's engine loads
// them all at once, where the command's would load them on first use (src/engine/lazy.ts).
loadExtensionsEagerly();
const port = workerData.port as MessagePort;
let engine: Engine;

/** The creator's own extensions (ExtensionInfo.threadModule), added to the built-in ones. */
async function buildEngine(): Promise<Engine> {
  const builder = new EngineBuilder();
  for (const m of workerData.extensions as { url: string; exportName: string }[]) {
    const mod = await importModule(m.url);
    builder.withExtension(new mod[m.exportName]());
  }
  return builder.build();
}

// `import()` kept as it is in the CommonJS build too (TypeScript would make it a require of the URL)
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<any>;

function sinkFor(t: ThreadTask): (s: string) => void {
  if (t.outputFd !== null) {
    const fd = t.outputFd;
    return (s) => writeWhole(fd, Buffer.from(s, 'latin1'));
  }
  return (s) => port.postMessage(s);
}

/** Calls the thread's task: a callable with arguments, or an object's run(). */
function runTask(t: ThreadTask): void {
  const [target, args] = (decodeValue(t.task) as PhpArray).valueList() as [any, PhpArray];
  const list = args.valueList();
  if (target instanceof PhpObject && !(target.native && (target.native as any).closure)) {
    const runner = taskHooks.runnerFor(target);
    if (runner) return runner(target, list);
    return engine.core.callValue(PhpArray.fromList([target, 'run']), list);
  }
  engine.core.callValue(target, list);
}

function runThread(t: ThreadTask): void {
  let terminated = false;
  try {
    for (const m of t.modules) engine.adoptModule(m.key, m);
    setCurrentThreadId(t.tid);
    engine.executeWith(t.program.scriptPath, { cwd: t.program.cwd, argv: [t.program.scriptPath] }, sinkFor(t), (req) => {
      req.outputFd = t.outputFd;
      // the thread's code is called from the runtime: traces show "[internal function]" as its caller
      req.top.info = THREAD_ROOT;
      forgetHandles();
      // a thread numbers its resources as PHP numbers a new thread's: the CLI's STDIN/STDOUT/STDERR are
      // the main thread's, and its first fopen() makes the default stream context (#1), so its first
      // stream is #2
      PhpResource.nextId = 2;
      engine.guard(req, () => {
        replayProgram(req, t.program);
        try {
          if (t.entry !== null) threadEntries.get(t.entry)!(req, t.payload);
          else runTask(t);
        } catch (e) {
          if (e instanceof PhpObject || e instanceof FatalSignal) terminated = true;
          throw e;
        }
      });
    });
  } catch (e) {
    terminated = true;
    sinkFor(t)(`PHP Fatal error:  phpts internal error in thread ${t.tid}: ${(e as Error).message}\n`);
  } finally {
    threadFinished(t.handle, terminated, t.busy);
  }
}

// threads sent meanwhile wait in the port's queue until the engine is built
void buildEngine().then((built) => {
  engine = built;
  // a first request initialises what requests set up lazily (about 100 ms): do it before any thread waits
  engine.executeWith('', {}, () => {}, () => {});
  parentPort!.on('message', (t: ThreadTask) => runThread(t));
});
