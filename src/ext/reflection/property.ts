// ReflectionProperty and ReflectionClassConstant.

import type { Registry } from '../../engine/extension.js';
import { PhpObject, PhpClass, PropInfo, ClassConst, Vis } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { UNINIT, Ref } from '../../runtime/values.js';
import { findClass, readClassConst as classConst } from '../../runtime/objects.js';
import { propGet, propSet, staticPropGet, staticPropSet, prepareDefaultsChain } from '../../runtime/props.js';
import { typeName, toStr } from '../../runtime/convert.js';
import { PhpArray } from '../../runtime/array.js';
import { mkRefl, nativeOf, reflError, factories, formatValue, nsOf } from './util.js';
import { typeFromText } from './type.js';
import { attributesOf, TARGET_PROPERTY, TARGET_CLASS_CONSTANT } from './attribute.js';

export const P_PUBLIC = 1, P_PROTECTED = 2, P_PRIVATE = 4, P_STATIC = 16, P_READONLY = 128, C_FINAL = 32;

export interface PropState {
  cls: PhpClass;
  info: PropInfo | null;
  name: string;
}

export interface ConstState {
  cls: PhpClass;
  c: ClassConst;
}

function ps(o: PhpObject): PropState {
  return nativeOf<PropState>(o);
}

export function propObj(cls: PhpClass, info: PropInfo | null, name: string): PhpObject {
  return mkRefl('ReflectionProperty', { cls, info, name } as PropState, { name, class: info ? info.cls.name : cls.name });
}

export function constObj(cls: PhpClass, c: ClassConst, as?: string): PhpObject {
  return mkRefl(as ?? 'ReflectionClassConstant', { cls, c } as ConstState, { name: c.name, class: c.cls.name });
}

/** A declared property (instance or static) of a class, as seen by reflection. */
export function findPropInfo(cls: PhpClass, name: string): PropInfo | null {
  const p = cls.props.get(name);
  if (p) return p;
  const sp = cls.staticProps.get(name);
  if (sp) return sp.info;
  return null;
}

export function propModifiers(info: PropInfo | null): number {
  if (!info) return P_PUBLIC;
  let f = info.vis === Vis.Private ? P_PRIVATE : info.vis === Vis.Protected ? P_PROTECTED : P_PUBLIC;
  if (info.isStatic) f |= P_STATIC;
  if (info.readonly) f |= P_READONLY;
  return f;
}

export function propDefault(info: PropInfo): any {
  if (!info.hasDefault) return undefined;
  const d = info.default;
  return typeof d === 'function' ? d() : d;
}

function hasDefault(info: PropInfo | null): boolean {
  return !!info && info.hasDefault && !info.meta?.promoted;
}

export function propertyString(s: PropState, indent: string): string {
  let out = `${indent}Property [ `;
  const info = s.info;
  if (!info) return out + `<dynamic> public $${s.name} ]\n`;
  out += info.vis === Vis.Private ? 'private ' : info.vis === Vis.Protected ? 'protected ' : 'public ';
  if (info.isStatic) out += 'static ';
  if (info.readonly) out += 'readonly ';
  if (info.type) out += info.type.text + ' ';
  out += '$' + info.name;
  if (hasDefault(info)) out += ' = ' + formatValue(propDefault(info));
  return out + ' ]\n';
}

export function constString(s: ConstState, indent: string): string {
  const c = s.c;
  const v = classConst(c.cls.isEnum ? c.cls : s.cls, c.name, c.cls);
  const vis = c.vis === Vis.Private ? 'private' : c.vis === Vis.Protected ? 'protected' : 'public';
  const body = v instanceof PhpArray ? 'Array' : v instanceof PhpObject ? 'Object' : toStr(v);
  return `${indent}Constant [ ${c.final ? 'final ' : ''}${vis} ${typeName(v)} ${c.name} ] { ${body} }\n`;
}

function checkObject(s: PropState, obj: any, method: string): PhpObject {
  if (!(obj instanceof PhpObject)) {
    return rt.throwError('TypeError', `ReflectionProperty::${method}(): Argument #1 ($object${method === 'setValue' ? 'OrValue' : ''}) must be provided for instance properties`);
  }
  if (s.info && !obj.cls.isSubclassOf(s.info.cls)) reflError('Given object is not an instance of the class this property was declared in');
  return obj;
}

export function registerProperties(r: Registry): void {
  r.class({
    name: 'ReflectionProperty',
    interfaces: ['Reflector'],
    consts: [
      ['IS_STATIC', P_STATIC], ['IS_READONLY', P_READONLY], ['IS_PUBLIC', P_PUBLIC], ['IS_PROTECTED', P_PROTECTED], ['IS_PRIVATE', P_PRIVATE],
    ].map(([n, v]) => ({ name: n as string, flags: 1, init: () => v })),
    props: [{ name: 'name', flags: 1, type: 'string' }, { name: 'class', flags: 1, type: 'string' }],
    nativeMethods: {
      'private __clone(): void': function () {},
      'public __construct(object|string $class, string $property)': function (this: PhpObject, c: any, name: string) {
        const cls = c instanceof PhpObject ? c.cls : findClass(String(c), true);
        if (!cls) reflError(`Class "${c}" does not exist`, -1);
        let info = findPropInfo(cls, name);
        if (info && info.vis === Vis.Private && info.cls !== cls) info = null;
        if (!info && !(c instanceof PhpObject && name in c.p)) reflError(`Property ${cls.name}::$${name} does not exist`);
        this.native = { cls, info, name } as PropState;
        this.p['name'] = name;
        this.p['class'] = info ? info.cls.name : cls.name;
      },
      'public __toString(): string': function (this: PhpObject) {
        return propertyString(ps(this), '');
      },
      'public getName(): string': function (this: PhpObject) {
        return ps(this).name;
      },
      'public getValue(?object $object = null): mixed': function (this: PhpObject, obj: PhpObject | null) {
        const s = ps(this);
        if (s.info && s.info.isStatic) return staticPropGet(s.info.cls, s.name, s.info.cls);
        const o = checkObject(s, obj, 'getValue');
        return propGet(o, s.name, s.info ? s.info.cls : null);
      },
      'public setValue(mixed $objectOrValue, mixed $value = UNKNOWN): void': function (this: PhpObject, a: any, b: any) {
        const s = ps(this);
        if (s.info && s.info.isStatic) {
          staticPropSet(s.info.cls, s.name, b === undefined ? a : b, s.info.cls);
          return;
        }
        const o = checkObject(s, a, 'setValue');
        propSet(o, s.name, b === undefined ? null : b, s.info ? s.info.cls : null);
      },
      'public isInitialized(?object $object = null): bool': function (this: PhpObject, obj: PhpObject | null) {
        const s = ps(this);
        if (s.info && s.info.isStatic) {
          prepareDefaultsChain(s.info.cls);
          const sp = s.info.cls.staticProps.get(s.name);
          return !!sp && sp.ref.v !== UNINIT;
        }
        const o = checkObject(s, obj, 'isInitialized');
        const key = s.info ? s.info.key : s.name;
        if (!(key in o.p)) return false;
        const v = o.p[key];
        return v !== UNINIT && !(v instanceof Ref && v.v === UNINIT);
      },
      'public isPublic(): bool': function (this: PhpObject) {
        return !ps(this).info || ps(this).info!.vis === Vis.Public;
      },
      'public isPrivate(): bool': function (this: PhpObject) {
        return ps(this).info?.vis === Vis.Private;
      },
      'public isProtected(): bool': function (this: PhpObject) {
        return ps(this).info?.vis === Vis.Protected;
      },
      'public isStatic(): bool': function (this: PhpObject) {
        return !!ps(this).info?.isStatic;
      },
      'public isReadOnly(): bool': function (this: PhpObject) {
        return !!ps(this).info?.readonly;
      },
      'public isDefault(): bool': function (this: PhpObject) {
        return !!ps(this).info;
      },
      'public isPromoted(): bool': function (this: PhpObject) {
        return !!ps(this).info?.meta?.promoted;
      },
      'public getModifiers(): int': function (this: PhpObject) {
        return propModifiers(ps(this).info);
      },
      'public getDeclaringClass(): ReflectionClass': function (this: PhpObject) {
        const s = ps(this);
        return factories.cls(s.info ? s.info.cls : s.cls);
      },
      'public getDocComment(): string|false': function (this: PhpObject) {
        return ps(this).info?.meta?.doc ?? false;
      },
      'public setAccessible(bool $accessible): void': function () {},
      'public getType(): ?ReflectionType': function (this: PhpObject) {
        const t = ps(this).info?.type;
        return t ? typeFromText((t as any).reflectText ?? t.text) : null;
      },
      'public hasType(): bool': function (this: PhpObject) {
        return !!ps(this).info?.type;
      },
      'public hasDefaultValue(): bool': function (this: PhpObject) {
        return hasDefault(ps(this).info);
      },
      'public getDefaultValue(): mixed': function (this: PhpObject) {
        const info = ps(this).info;
        if (!hasDefault(info)) return null;
        return propDefault(info!);
      },
      'public getAttributes(?string $name = null, int $flags = 0): array': function (this: PhpObject, name: string | null, flags: number) {
        const s = ps(this);
        const scope = s.info ? s.info.cls : s.cls;
        return attributesOf(s.info?.meta?.attrs, TARGET_PROPERTY, { scope, ns: nsOf(scope.name) }, name, flags, 'ReflectionProperty::getAttributes');
      },
    },
  });

  const cs = (o: PhpObject) => nativeOf<ConstState>(o);
  r.class({
    name: 'ReflectionClassConstant',
    interfaces: ['Reflector'],
    consts: [['IS_PUBLIC', P_PUBLIC], ['IS_PROTECTED', P_PROTECTED], ['IS_PRIVATE', P_PRIVATE], ['IS_FINAL', C_FINAL]].map(([n, v]) => ({ name: n as string, flags: 1, init: () => v })),
    props: [{ name: 'name', flags: 1, type: 'string' }, { name: 'class', flags: 1, type: 'string' }],
    nativeMethods: {
      'private __clone(): void': function () {},
      'public __construct(object|string $class, string $constant)': function (this: PhpObject, c: any, name: string) {
        const cls = c instanceof PhpObject ? c.cls : findClass(String(c), true);
        if (!cls) reflError(`Class "${c}" does not exist`, -1);
        const k = cls.consts.get(name);
        if (!k) reflError(`Constant ${cls.name}::${name} does not exist`);
        this.native = { cls, c: k } as ConstState;
        this.p['name'] = name;
        this.p['class'] = k.cls.name;
      },
      'public __toString(): string': function (this: PhpObject) {
        return constString(cs(this), '');
      },
      'public getName(): string': function (this: PhpObject) {
        return cs(this).c.name;
      },
      'public getValue(): mixed': function (this: PhpObject) {
        const s = cs(this);
        return classConst(s.c.cls.isEnum ? s.c.cls : s.cls, s.c.name, s.c.cls);
      },
      'public isPublic(): bool': function (this: PhpObject) {
        return cs(this).c.vis === Vis.Public;
      },
      'public isPrivate(): bool': function (this: PhpObject) {
        return cs(this).c.vis === Vis.Private;
      },
      'public isProtected(): bool': function (this: PhpObject) {
        return cs(this).c.vis === Vis.Protected;
      },
      'public isFinal(): bool': function (this: PhpObject) {
        return cs(this).c.final;
      },
      'public getModifiers(): int': function (this: PhpObject) {
        const c = cs(this).c;
        return (c.vis === Vis.Private ? P_PRIVATE : c.vis === Vis.Protected ? P_PROTECTED : P_PUBLIC) | (c.final ? C_FINAL : 0);
      },
      'public getDeclaringClass(): ReflectionClass': function (this: PhpObject) {
        return factories.cls(cs(this).c.cls);
      },
      'public getDocComment(): string|false': function (this: PhpObject) {
        return cs(this).c.meta?.doc ?? false;
      },
      'public getAttributes(?string $name = null, int $flags = 0): array': function (this: PhpObject, name: string | null, flags: number) {
        const s = cs(this);
        return attributesOf(s.c.meta?.attrs, TARGET_CLASS_CONSTANT, { scope: s.c.cls, ns: nsOf(s.c.cls.name) }, name, flags, 'ReflectionClassConstant::getAttributes');
      },
      'public isEnumCase(): bool': function (this: PhpObject) {
        return cs(this).c.isCase;
      },
    },
  });
}
