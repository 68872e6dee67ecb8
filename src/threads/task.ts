// What a thread runs: a callable with its arguments, or an object's run(). An extension whose objects
// run by a protocol of their own (pthreads' Thread and Worker: bookkeeping around run(), a Worker's
// loop over its stacked tasks) claims them here.

import type { PhpObject } from '../runtime/object.js';

export type ObjectRunner = (o: PhpObject, args: any[]) => void;

export const taskHooks = {
  /** the runner for an object task, or null to call its run() plainly */
  runnerFor: (o: PhpObject): ObjectRunner | null => {
    void o;
    return null;
  },
};
