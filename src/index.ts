// phpts: a PHP 8.2 runtime for Node.js. The embedding API.
//
//   import { EngineBuilder } from 'phpts';
//   const engine = new EngineBuilder().withExtension(myExtension).build();
//   const { stdout, exitCode } = await engine.run('<?php echo "hi";');

import './engine/builtins.js';

export { Engine, EngineBuilder } from './engine/engine.js';
export type { RunOptions, RunResult } from './engine/engine.js';
export type { Extension, ExtensionInfo, Registry, BuiltinImpl } from './engine/extension.js';
export type { Request } from './runtime/request.js';
export type { ClassDecl } from './runtime/classdecl.js';
export { PhpArray } from './runtime/array.js';
export { PhpObject, PhpClass } from './runtime/object.js';
export { PhpFloat, Ref, PhpResource } from './runtime/values.js';
export { rt as currentRequest } from './runtime/request.js';
export { PHP_VERSION, PHPTS_VERSION } from './version.js';
export { PthreadsExtension } from './ext/pthreads/index.js';
