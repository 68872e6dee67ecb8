// ext/standard/math.c (the first few; the math library grows here).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { intFromBig } from '../../runtime/values.js';

export function registerMath(r: Registry): void {
  r.functions({
    'intdiv(int $num1, int $num2): int': (a: number | bigint, b: number | bigint) => {
      if (b === 0 || b === 0n) rt.throwError('DivisionByZeroError', 'Division by zero');
      if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b);
      const ba = BigInt(a), bb = BigInt(b);
      if (ba === -9223372036854775808n && bb === -1n) rt.throwError('ArithmeticError', 'Division of PHP_INT_MIN by -1 is not an integer');
      return intFromBig(ba / bb);
    },
  });
  r.constants({
    M_PI: Math.PI, M_E: Math.E, M_LOG2E: Math.LOG2E, M_LOG10E: Math.LOG10E, M_LN2: Math.LN2, M_LN10: Math.LN10,
    M_PI_2: Math.PI / 2, M_PI_4: Math.PI / 4, M_1_PI: 1 / Math.PI, M_2_PI: 2 / Math.PI, M_SQRTPI: Math.sqrt(Math.PI),
    M_2_SQRTPI: 2 / Math.sqrt(Math.PI), M_SQRT2: Math.SQRT2, M_SQRT3: Math.sqrt(3), M_SQRT1_2: Math.SQRT1_2, M_LNPI: Math.log(Math.PI),
    M_EULER: 0.5772156649015329,
  });
}
