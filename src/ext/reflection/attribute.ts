// ReflectionAttribute: attributes are kept by the compiler as the JSON text of their AST groups; the
// arguments are constant expressions evaluated here on demand.

import type { Registry } from '../../engine/extension.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { findClass } from '../../runtime/objects.js';
import { typeName } from '../../runtime/convert.js';
import { mkRefl, nativeOf, EvalCtx, evalArgs, construct, resolveClassName, formatValue } from './util.js';

export const TARGET_CLASS = 1, TARGET_FUNCTION = 2, TARGET_METHOD = 4, TARGET_PROPERTY = 8, TARGET_CLASS_CONSTANT = 16, TARGET_PARAMETER = 32;
const IS_INSTANCEOF = 2;

interface AttrState {
  name: string;
  node: any;
  target: number;
  repeated: boolean;
  ctx: EvalCtx;
}

function parseGroups(attrs: any): any[] {
  if (!attrs) return [];
  const groups = typeof attrs === 'string' ? JSON.parse(attrs) : attrs;
  const out: any[] = [];
  for (const g of groups) for (const a of g.attrs) out.push(a);
  return out;
}

/** getAttributes(?string $name, int $flags) for any reflector. */
export function attributesOf(attrs: any, target: number, ctx: EvalCtx, name: string | null, flags: number, method: string): PhpArray {
  if (flags & ~IS_INSTANCEOF) rt.throwError('ValueError', `${method}(): Argument #2 ($flags) must be a valid attribute filter flag`);
  const list = parseGroups(attrs);
  const names = list.map((a) => resolveClassName(a.name, ctx, a.resolved));
  let filterCls: PhpClass | null = null;
  if (name !== null && flags & IS_INSTANCEOF) {
    filterCls = findClass(name, true);
    if (!filterCls) rt.throwError('Error', `Class "${name}" not found`);
  }
  const out = new PhpArray();
  list.forEach((a, i) => {
    const n = names[i];
    if (name !== null) {
      if (filterCls) {
        const c = findClass(n, true);
        if (!c || !c.isSubclassOf(filterCls)) return;
      } else if (n.toLowerCase() !== name.replace(/^\\/, '').toLowerCase()) return;
    }
    const repeated = names.filter((x) => x.toLowerCase() === n.toLowerCase()).length > 1;
    out.append(mkRefl('ReflectionAttribute', { name: n, node: a, target, repeated, ctx } as AttrState, { name: n }));
  });
  return out;
}

const TARGET_NAMES: [number, string][] = [
  [TARGET_CLASS, 'class'], [TARGET_FUNCTION, 'function'], [TARGET_METHOD, 'method'], [TARGET_PROPERTY, 'property'],
  [TARGET_CLASS_CONSTANT, 'class constant'], [TARGET_PARAMETER, 'parameter'],
];

function targetNames(flags: number): string {
  return TARGET_NAMES.filter(([b]) => flags & b).map(([, n]) => n).join(', ');
}

const INTERNAL_ATTR_FLAGS: Record<string, number> = {
  attribute: TARGET_CLASS,
  returntypewillchange: TARGET_METHOD,
  allowdynamicproperties: TARGET_CLASS,
  sensitiveparameter: TARGET_PARAMETER,
};

/** The Attribute flags of an attribute class, or null when it is not one. */
function attributeFlags(c: PhpClass): number | null {
  if (c.isInternal) return INTERNAL_ATTR_FLAGS[c.lcname] ?? null;
  const list = parseGroups(c.attrs);
  const ctx: EvalCtx = { scope: c, ns: nsOfClass(c) };
  for (const a of list) {
    if (resolveClassName(a.name, ctx, a.resolved).toLowerCase() !== 'attribute') continue;
    if (!a.args.length) return 63;
    // zend_attribute_attribute_get_flags: the first argument, whatever its name
    const { positional, named } = evalArgs(a.args, ctx);
    const v = positional.length ? positional[0] : named ? [...named.values()][0] : undefined;
    if (typeof v !== 'number') rt.throwError('Error', `Attribute::__construct(): Argument #1 ($flags) must be of type int, ${typeName(v)} given`);
    if (v & ~127) rt.throwError('Error', 'Invalid attribute flags specified');
    return v;
  }
  return null;
}

function nsOfClass(c: PhpClass): string {
  const i = c.name.lastIndexOf('\\');
  return i < 0 ? '' : c.name.slice(0, i);
}

export function registerAttribute(r: Registry): void {
  r.class({
    name: 'ReflectionAttribute',
    interfaces: ['Reflector'],
    consts: [{ name: 'IS_INSTANCEOF', flags: 1, init: () => IS_INSTANCEOF }],
    props: [{ name: 'name', flags: 1, type: 'string' }],
    nativeMethods: {
      'private __construct()': function () {},
      'private __clone(): void': function () {
        rt.throwError('Error', 'Trying to clone an uncloneable object of class ReflectionAttribute');
      },
      'public getName(): string': function (this: PhpObject) {
        return nativeOf<AttrState>(this).name;
      },
      'public getTarget(): int': function (this: PhpObject) {
        return nativeOf<AttrState>(this).target;
      },
      'public isRepeated(): bool': function (this: PhpObject) {
        return nativeOf<AttrState>(this).repeated;
      },
      'public getArguments(): array': function (this: PhpObject) {
        const s = nativeOf<AttrState>(this);
        const a = new PhpArray();
        const { positional, named } = evalArgs(s.node.args, s.ctx);
        for (const v of positional) a.append(v);
        if (named) for (const [k, v] of named) a.set(k, v);
        return a;
      },
      'public newInstance(): object': function (this: PhpObject) {
        const s = nativeOf<AttrState>(this);
        const c = findClass(s.name, true);
        if (!c) rt.throwError('Error', `Attribute class "${s.name}" not found`);
        const flags = attributeFlags(c);
        if (flags === null) rt.throwError('Error', `Attempting to use non-attribute class "${c.name}" as attribute`);
        if (!(flags & s.target)) {
          rt.throwError('Error', `Attribute "${c.name}" cannot target ${targetNames(s.target)} (allowed targets: ${targetNames(flags)})`);
        }
        if (s.repeated && !(flags & 64)) rt.throwError('Error', `Attribute "${c.name}" must not be repeated`);
        const { positional, named } = evalArgs(s.node.args, s.ctx);
        return construct(c, positional, named);
      },
      'public __toString(): string': function (this: PhpObject) {
        const s = nativeOf<AttrState>(this);
        let out = `Attribute [ ${s.name} ]`;
        if (s.node.args.length) {
          const { positional, named } = evalArgs(s.node.args, s.ctx);
          const n = positional.length + (named ? named.size : 0);
          out += ` {\n  - Arguments [${n}] {\n`;
          positional.forEach((v, i) => (out += `    Argument #${i} [ ${formatValue(v)} ]\n`));
          let i = positional.length;
          if (named) for (const [k, v] of named) out += `    Argument #${i++} [ ${k} = ${formatValue(v)} ]\n`;
          out += '  }\n}';
        }
        return out + '\n';
      },
    },
  });
}
