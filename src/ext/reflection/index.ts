// The Reflection extension (ext/reflection): classes that describe classes, functions, methods,
// parameters, properties, constants, types, attributes and enums from the runtime's metadata.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import type { ClassDecl } from '../../runtime/classdecl.js';
import { registerMisc, resetRefIds } from './misc.js';
import { registerTypes } from './type.js';
import { registerAttribute } from './attribute.js';
import { registerFunctions } from './function.js';
import { registerProperties } from './property.js';
import { registerClasses } from './class.js';
import { registerFiberReflection } from './fiber.js';

export class ReflectionExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'Reflection', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(registry: Registry): void {
    // reflection objects cannot be cloned (reflection_object_handlers has no clone_obj)
    const r: Registry = Object.create(registry);
    r.class = (decl: ClassDecl) => {
      const uncloneable = decl.name !== 'ReflectionException' && decl.name !== 'Reflection' && !(decl.flags && decl.flags & (1 << 8));
      registry.class(uncloneable ? { ...decl, uncloneable: true } : decl);
    };
    registerMisc(r);
    registerTypes(r);
    registerAttribute(r);
    registerFunctions(r);
    registerProperties(r);
    registerClasses(r);
    registerFiberReflection(r);
  }
  requestInit(): void {
    resetRefIds();
  }
}
