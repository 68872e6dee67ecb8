// The SPL extension: exceptions, data structures, iterators, ArrayObject, file classes, functions.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import type { ClassDecl } from '../../runtime/classdecl.js';
import { PHP_VERSION } from '../../version.js';
import { registerSplExceptions } from './exceptions.js';
import { registerIteratorInterfaces, registerIterators } from './iterators.js';
import { registerArrayObject } from './array_object.js';
import { registerDataStructures } from './datastructures.js';
import { registerSplFunctions, SPL_CLASS_NAMES } from './functions.js';
import { registerSplDirectory } from './spl_directory.js';
import { registerSplFileObject } from './spl_fileobject.js';

export class SplExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'SPL', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    // remember the class names for spl_classes()
    const reg: Registry = Object.create(r);
    reg.class = (decl: ClassDecl) => {
      r.class(decl);
      if (!decl.name.includes('@')) SPL_CLASS_NAMES.push(decl.name);
    };
    registerSplExceptions(reg);
    registerIteratorInterfaces(reg);
    registerArrayObject(reg);
    registerIterators(reg);
    registerDataStructures(reg);
    registerSplDirectory(reg);
    registerSplFileObject(reg);
    registerSplFunctions(reg);
  }
}
