// ReflectionType, ReflectionNamedType, ReflectionUnionType, ReflectionIntersectionType: built from a
// declared type's text as PHP prints it ("?int", "A|B|null", "(A&B)|null").

import { splitTopLevel } from '../../runtime/types.js';
import type { Registry } from '../../engine/extension.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject, TypeCheck } from '../../runtime/object.js';
import { mkRefl, nativeOf } from './util.js';

interface TypeState {
  kind: 'named' | 'union' | 'inter';
  /** named: the name without "?"; union/intersection: the text */
  name: string;
  allowsNull: boolean;
  text: string;
  parts: string[];
}

const BUILTIN = new Set(['int', 'float', 'string', 'bool', 'array', 'callable', 'object', 'iterable', 'mixed', 'null', 'false', 'true', 'void', 'never', 'static']);


/** A ReflectionType object for a type text, or null for no type. */
export function typeFromText(text: string | null | undefined, allowsNull?: boolean): PhpObject | null {
  if (!text) return null;
  let t = text.trim();
  if (t.startsWith('?')) return mkRefl('ReflectionNamedType', st('named', t.slice(1), true, t, []));
  const parts = splitTopLevel(t, '|').map((p) => p.trim());
  if (parts.length === 2 && parts.some((p) => p.toLowerCase() === 'null') && !parts.some((p) => p.startsWith('('))) {
    const other = parts.find((p) => p.toLowerCase() !== 'null')!;
    if (!other.includes('&')) return mkRefl('ReflectionNamedType', st('named', other, true, '?' + other, []));
  }
  if (parts.length > 1) {
    const hasNull = parts.some((p) => p.toLowerCase() === 'null');
    return mkRefl('ReflectionUnionType', st('union', t, hasNull, t, parts));
  }
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1);
  if (t.includes('&')) return mkRefl('ReflectionIntersectionType', st('inter', t, false, t, t.split('&').map((x) => x.trim())));
  const lc = t.toLowerCase();
  const nullable = allowsNull ?? (lc === 'mixed' || lc === 'null');
  return mkRefl('ReflectionNamedType', st('named', t, nullable || lc === 'mixed' || lc === 'null', t, []));
}

function st(kind: TypeState['kind'], name: string, allowsNull: boolean, text: string, parts: string[]): TypeState {
  return { kind, name, allowsNull, text, parts };
}

export function typeObj(t: TypeCheck | null | undefined): PhpObject | null {
  if (!t) return null;
  return typeFromText((t as any).reflectText ?? t.text);
}

export function registerTypes(r: Registry): void {
  r.class({
    name: 'ReflectionType',
    flags: 16,
    interfaces: ['Stringable'],
    nativeMethods: {
      'private __clone(): void': function () {},
      'public allowsNull(): bool': function (this: PhpObject) {
        return nativeOf<TypeState>(this).allowsNull;
      },
      'public __toString(): string': function (this: PhpObject) {
        return nativeOf<TypeState>(this).text;
      },
    },
  });
  r.class({
    name: 'ReflectionNamedType',
    parent: 'ReflectionType',
    nativeMethods: {
      'public getName(): string': function (this: PhpObject) {
        return nativeOf<TypeState>(this).name;
      },
      'public isBuiltin(): bool': function (this: PhpObject) {
        return BUILTIN.has(nativeOf<TypeState>(this).name.toLowerCase());
      },
    },
  });
  const getTypes = function (this: PhpObject) {
    const s = nativeOf<TypeState>(this);
    const a = new PhpArray();
    for (const p of s.parts) a.append(typeFromText(p, p.toLowerCase() === 'null' || p.toLowerCase() === 'mixed'));
    return a;
  };
  r.class({ name: 'ReflectionUnionType', parent: 'ReflectionType', nativeMethods: { 'public getTypes(): array': getTypes } });
  r.class({ name: 'ReflectionIntersectionType', parent: 'ReflectionType', nativeMethods: { 'public getTypes(): array': getTypes } });
}
