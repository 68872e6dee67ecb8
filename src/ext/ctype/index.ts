// The ctype extension (ext/ctype/ctype.c): character class tests in the C locale.
// A non-string argument is deprecated since PHP 8.1: an int in -128..255 is taken as one character
// (negative values + 256), any other int as its decimal string; other types give false.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { PHP_VERSION } from '../../version.js';
import { rt } from '../../runtime/request.js';
import { typeName } from '../../runtime/convert.js';
type Test = (c: number) => boolean;

const isUpper: Test = (c) => c >= 65 && c <= 90;
const isLower: Test = (c) => c >= 97 && c <= 122;
const isDigit: Test = (c) => c >= 48 && c <= 57;
const isAlpha: Test = (c) => isUpper(c) || isLower(c);
const isAlnum: Test = (c) => isAlpha(c) || isDigit(c);
const isCntrl: Test = (c) => c < 32 || c === 127;
const isGraph: Test = (c) => c > 32 && c < 127;
const isPrint: Test = (c) => c >= 32 && c < 127;
const isPunct: Test = (c) => isGraph(c) && !isAlnum(c);
const isSpace: Test = (c) => c === 32 || (c >= 9 && c <= 13);
const isXdigit: Test = (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

const TESTS: [string, Test][] = [
  ['alnum', isAlnum], ['alpha', isAlpha], ['cntrl', isCntrl], ['digit', isDigit], ['lower', isLower], ['graph', isGraph],
  ['print', isPrint], ['punct', isPunct], ['space', isSpace], ['upper', isUpper], ['xdigit', isXdigit],
];

const ALLOW_DIGITS = new Set(['alnum', 'digit', 'graph', 'print', 'xdigit']);
const ALLOW_MINUS = new Set(['graph', 'print']);

function ctype(name: string, test: Test, text: any): boolean {
  if (typeof text === 'string') {
    const n = text.length;
    if (n === 0) return false;
    for (let i = 0; i < n; i++) if (!test(text.charCodeAt(i))) return false;
    return true;
  }
  rt.deprecated(`ctype_${name}(): Argument of type ${typeName(text)} will be interpreted as string in the future`);
  if (typeof text === 'number' && Number.isInteger(text)) {
    if (text <= 255 && text >= 0) return test(text);
    if (text >= -128 && text < 0) return test(text + 256);
    return text >= 0 ? ALLOW_DIGITS.has(name) : ALLOW_MINUS.has(name);
  }
  if (typeof text === 'bigint') return text >= 0n ? ALLOW_DIGITS.has(name) : ALLOW_MINUS.has(name);
  return false;
}

export class CtypeExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'ctype', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    for (const [name, test] of TESTS) {
      r.function(`ctype_${name}(mixed $text): bool`, (text: any) => ctype(name, test, text));
    }
  }
}
