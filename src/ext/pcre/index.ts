// The pcre extension: preg_* on top of JavaScript's RegExp, with PCRE2 patterns translated to JS
// (translate.ts), compiled patterns cached (cache.ts), and the functions in functions.ts.
//
// Limitation: JS RegExp has no backtrack or recursion limit, so pcre.backtrack_limit and
// pcre.recursion_limit are accepted but not enforced: a catastrophic pattern can run for a long time
// where PHP would return false with PREG_BACKTRACK_LIMIT_ERROR.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import * as F from './functions.js';

export const PCRE_VERSION = '10.42 2022-12-11';

export class PcreExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'pcre', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    r.functions(F.functions);
    r.constants({
      PREG_PATTERN_ORDER: F.PREG_PATTERN_ORDER,
      PREG_SET_ORDER: F.PREG_SET_ORDER,
      PREG_OFFSET_CAPTURE: F.PREG_OFFSET_CAPTURE,
      PREG_UNMATCHED_AS_NULL: F.PREG_UNMATCHED_AS_NULL,
      PREG_SPLIT_NO_EMPTY: F.PREG_SPLIT_NO_EMPTY,
      PREG_SPLIT_DELIM_CAPTURE: F.PREG_SPLIT_DELIM_CAPTURE,
      PREG_SPLIT_OFFSET_CAPTURE: F.PREG_SPLIT_OFFSET_CAPTURE,
      PREG_GREP_INVERT: F.PREG_GREP_INVERT,
      PREG_NO_ERROR: F.PREG_NO_ERROR,
      PREG_INTERNAL_ERROR: F.PREG_INTERNAL_ERROR,
      PREG_BACKTRACK_LIMIT_ERROR: F.PREG_BACKTRACK_LIMIT_ERROR,
      PREG_RECURSION_LIMIT_ERROR: F.PREG_RECURSION_LIMIT_ERROR,
      PREG_BAD_UTF8_ERROR: F.PREG_BAD_UTF8_ERROR,
      PREG_BAD_UTF8_OFFSET_ERROR: F.PREG_BAD_UTF8_OFFSET_ERROR,
      PREG_JIT_STACKLIMIT_ERROR: F.PREG_JIT_STACKLIMIT_ERROR,
      PCRE_VERSION,
      PCRE_VERSION_MAJOR: 10,
      PCRE_VERSION_MINOR: 42,
      PCRE_JIT_SUPPORT: false,
    });
    r.ini('pcre.backtrack_limit', '1000000');
    r.ini('pcre.recursion_limit', '100000');
    r.ini('pcre.jit', '1');
  }
  requestInit(): void {
    F.state.lastError = F.PREG_NO_ERROR;
  }
}
