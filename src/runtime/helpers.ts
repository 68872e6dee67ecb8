// The table of runtime functions generated code uses (`const {add, ...} = R;` at the top of each
// compiled module). One flat namespace, built once per thread.

import * as ops from './operators.js';
import * as conv from './convert.js';
import * as dims from './dims.js';
import * as objects from './objects.js';
import * as props from './props.js';
import * as functions from './functions.js';
import * as control from './control.js';
import * as iterate from './iterate.js';
import * as generator from './generator.js';
import { fiberUnit, fvb, resolveCallF, invokeArgsF, silencedF, fiberBuiltin } from './variants.js';
import { PhpArray, share } from './array.js';
import { PhpFloat, Ref, UNINIT, bindTo, dropRef, unbound, captureRef } from './values.js';
import { PhpObject } from './object.js';
import { Frame, pushFrame } from './request.js';
import { Scope, newGlobalSite, globalRef } from './scope.js';
import { floating } from './object.js';
import { floatNew, esc, rcSet, rcSetE, rcSetN, rcSetC, rcDrop, rcHold, rcFloat, discard, discardC, discardF, takeFloat, unfloat, discardReceiver, discardReceiverF } from './refcount.js';

export const R: Record<string, any> = Object.freeze({
  ...ops,
  ...conv,
  ...dims,
  ...objects,
  ...props,
  ...functions,
  ...control,
  ...iterate,
  ...generator,
  esc,
  floatNew,
  rcSet,
  rcSetE,
  rcSetN,
  rcDrop,
  discard,
  discardReceiver,
  rcSetC,
  rcHold,
  rcFloat,
  discardC,
  discardF,
  takeFloat,
  FLO: floating,
  unfloat,
  discardReceiverF,
  fiberUnit,
  newGlobalSite,
  globalRef,
  fvb,
  resolveCallF,
  invokeArgsF,
  silencedF,
  fiberBuiltin,
  PhpArray,
  PhpFloat,
  Ref,
  bindTo,
  dropRef,
  unbound,
  captureRef,
  UNINIT,
  PhpObject,
  Frame,
  pushFrame,
  Scope,
  share,
});
