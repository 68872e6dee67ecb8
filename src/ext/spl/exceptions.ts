// SPL's exception hierarchy (ext/spl/spl_exceptions.c).

import type { Registry } from '../../engine/extension.js';

export function registerSplExceptions(r: Registry): void {
  const tree: [string, string][] = [
    ['LogicException', 'Exception'], ['BadFunctionCallException', 'LogicException'], ['BadMethodCallException', 'BadFunctionCallException'],
    ['DomainException', 'LogicException'], ['InvalidArgumentException', 'LogicException'], ['LengthException', 'LogicException'],
    ['OutOfRangeException', 'LogicException'], ['RuntimeException', 'Exception'], ['OutOfBoundsException', 'RuntimeException'],
    ['OverflowException', 'RuntimeException'], ['RangeException', 'RuntimeException'], ['UnderflowException', 'RuntimeException'],
    ['UnexpectedValueException', 'RuntimeException'],
  ];
  for (const [name, parent] of tree) r.class({ name, parent });
}
