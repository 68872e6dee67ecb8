// ReflectionException, Reflection, Reflector, ReflectionReference, ReflectionExtension and
// ReflectionZendExtension (minimal), ReflectionGenerator (minimal).

import type { Registry } from '../../engine/extension.js';
import { PhpArray, Key } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref } from '../../runtime/values.js';
import { reflError, nativeOf } from './util.js';

let refIds = new WeakMap<Ref, string>();
let nextRefId = 1;

export function registerMisc(r: Registry): void {
  r.class({ name: 'ReflectionException', parent: 'Exception' });
  r.class({
    name: 'Reflection',
    nativeMethods: {
      'public static getModifierNames(int $modifiers): array': function (m: number) {
        const a = new PhpArray();
        if (m & 64) a.append('abstract');
        if (m & 32) a.append('final');
        if (m & 1) a.append('public');
        else if (m & 2) a.append('protected');
        else if (m & 4) a.append('private');
        if (m & 16) a.append('static');
        if (m & (128 | 65536)) a.append('readonly');
        return a;
      },
    },
  });
  r.class({ name: 'Reflector', flags: 1 << 8, interfaces: ['Stringable'] });

  r.class({
    name: 'ReflectionReference',
    flags: 32,
    nativeMethods: {
      'private __construct()': function () {},
      'private __clone(): void': function () {},
      'public static fromArrayElement(array $array, int|string $key): ?ReflectionReference': function (arr: PhpArray, key: Key) {
        if (!arr.has(key)) reflError('Array key not found');
        const raw = arr.getRaw(key);
        if (!(raw instanceof Ref)) return null;
        const o = new PhpObject(rt.core.builtinClasses.get('reflectionreference')!);
        o.native = raw;
        return o;
      },
      'public getId(): string': function (this: PhpObject) {
        const ref = nativeOf<Ref>(this);
        let id = refIds.get(ref);
        if (!id) {
          id = (nextRefId++).toString(16).padStart(40, '0');
          refIds.set(ref, id);
        }
        return id;
      },
    },
  });

  r.class({
    name: 'ReflectionExtension',
    interfaces: ['Reflector'],
    props: [{ name: 'name', flags: 1, type: 'string' }],
    nativeMethods: {
      'private __clone(): void': function () {},
      'public __construct(string $name)': function (this: PhpObject, name: string) {
        const names = rt.core.extensionNames;
        const lc = name.toLowerCase();
        if (!names.has(lc) && ![...names].some((n) => n.toLowerCase() === lc)) reflError(`Extension "${name}" does not exist`);
        this.native = { name: rt.core.extensionDisplayNames.get(lc) ?? name };
        this.p['name'] = this.native.name;
      },
      'public __toString(): string': function (this: PhpObject) {
        return `Extension [ <persistent> extension #0 ${this.native.name} version ${this.native.version ?? '8.2.0'} ] {\n}\n`;
      },
      'public getName(): string': function (this: PhpObject) {
        return this.native.name;
      },
      'public getVersion(): ?string': function () {
        return '8.2.0';
      },
      'public getFunctions(): array': function () {
        return new PhpArray();
      },
      'public getConstants(): array': function () {
        return new PhpArray();
      },
      'public getINIEntries(): array': function () {
        return new PhpArray();
      },
      'public getClasses(): array': function () {
        return new PhpArray();
      },
      'public getClassNames(): array': function () {
        return new PhpArray();
      },
      'public getDependencies(): array': function () {
        return new PhpArray();
      },
      'public info(): void': function () {},
      'public isPersistent(): bool': function () {
        return true;
      },
      'public isTemporary(): bool': function () {
        return false;
      },
    },
  });
  r.class({
    name: 'ReflectionZendExtension',
    interfaces: ['Reflector'],
    props: [{ name: 'name', flags: 1, type: 'string' }],
    nativeMethods: {
      'private __clone(): void': function () {},
      'public __construct(string $name)': function (this: PhpObject, name: string) {
        reflError(`Zend Extension "${name}" does not exist`);
      },
      'public __toString(): string': function () {
        return '';
      },
      'public getName(): string': function (this: PhpObject) {
        return this.p['name'];
      },
      'public getVersion(): string': function () {
        return '';
      },
      'public getAuthor(): string': function () {
        return '';
      },
      'public getURL(): string': function () {
        return '';
      },
      'public getCopyright(): string': function () {
        return '';
      },
    },
  });
}

export function resetRefIds(): void {
  refIds = new WeakMap();
  nextRefId = 1;
}
