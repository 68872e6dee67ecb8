// Binding traits into a class (zend_do_bind_traits): resolving `insteadof` and `as` rules, copying
// methods (with their collision and abstract-signature rules), then constants and properties, which
// must agree with what the class already has.

import { PhpClass, PhpMethod, PropInfo, ClassConst, FunctionInfo, Vis } from './object.js';
import { classError, addProp, TraitRule, M_PUBLIC, M_PROTECTED, M_PRIVATE, M_STATIC, M_READONLY } from './classdecl.js';
import { checkTraitAbstract, checkTraitOverride, propertyTypesAgree } from './inheritance.js';
import { strictEq } from './operators.js';

type Lookup = (name: string) => PhpClass | null;

/** A method copied from a trait remembers where it came from (reflection, collisions). */
interface TraitMethod extends PhpMethod {
  fromTrait?: boolean;
  trait?: PhpClass;
}

function visOf(flags: number): Vis {
  return flags & M_PRIVATE ? Vis.Private : flags & M_PROTECTED ? Vis.Protected : Vis.Public;
}

/** zend_check_trait_usage: the trait named in a rule must be a trait the class uses. */
function traitIndex(cls: PhpClass, t: PhpClass): number {
  if (!t.isTrait) classError(`Class ${t.name} is not a trait, Only traits may be used in 'as' and 'insteadof' statements`);
  const i = cls.traits.indexOf(t);
  if (i < 0) classError(`Required Trait ${t.name} wasn't added to ${cls.name}`);
  return i;
}

function findTrait(name: string, lookup: Lookup): PhpClass {
  const t = lookup(name);
  if (!t) classError(`Could not find trait ${name}`);
  return t;
}

interface Aliases {
  rule: TraitRule;
  trait: PhpClass;
}

/** zend_traits_init_trait_structures: exclude tables from `insteadof`, the trait each `as` applies to. */
function initRules(cls: PhpClass, rules: TraitRule[], lookup: Lookup): { excluded: Set<string>[]; aliases: Aliases[] } {
  const excluded: Set<string>[] = cls.traits.map(() => new Set());
  for (const r of rules) {
    if (r.kind !== 'insteadof') continue;
    const trait = findTrait(r.trait!, lookup);
    traitIndex(cls, trait);
    const lc = r.method.toLowerCase();
    if (!trait.methods.has(lc)) classError(`A precedence rule was defined for ${trait.name}::${r.method} but this method does not exist`);
    for (const other of r.insteadof ?? []) {
      const ex = findTrait(other, lookup);
      const i = traitIndex(cls, ex);
      if (excluded[i].has(lc)) classError(`Failed to evaluate a trait precedence (${r.method}). Method of trait ${ex.name} was defined to be excluded multiple times`);
      excluded[i].add(lc);
      if (ex === trait) classError(`Inconsistent insteadof definition. The method ${r.method} is to be used from ${trait.name}, but ${trait.name} is also on the exclude list`);
    }
  }
  const aliases: Aliases[] = [];
  for (const r of rules) {
    if (r.kind !== 'alias') continue;
    const lc = r.method.toLowerCase();
    let trait: PhpClass | null = null;
    if (r.trait) {
      trait = findTrait(r.trait, lookup);
      traitIndex(cls, trait);
      if (!trait.methods.has(lc)) classError(`An alias was defined for ${trait.name}::${r.method} but this method does not exist`);
    } else {
      for (const t of cls.traits) {
        if (!t.methods.has(lc)) continue;
        if (trait) {
          classError(`An alias was defined for method ${r.method}(), which exists in both ${trait.name} and ${t.name}. Use ${trait.name}::${r.method} or ${t.name}::${r.method} to resolve the ambiguity`);
        }
        trait = t;
      }
      if (!trait) {
        classError(r.alias
          ? `An alias (${r.alias}) was defined for method ${r.method}(), but this method does not exist`
          : `The modifiers of the trait method ${r.method}() are changed, but this method does not exist. Error`);
      }
    }
    aliases.push({ rule: r, trait });
  }
  return { excluded, aliases };
}

/** The trait a method copy belongs to: the trait it was declared in (or copied into, for traits using traits). */
function sourceTrait(m: TraitMethod, t: PhpClass): PhpClass {
  return m.cls.isTrait ? m.cls : m.trait ?? t;
}

/** zend_add_trait_method */
function addTraitMethod(cls: PhpClass, name: string, fn: TraitMethod, from: PhpClass, added: Map<string, TraitMethod>): void {
  const lc = name.toLowerCase();
  const existing = cls.methods.get(lc) as TraitMethod | undefined;
  const origin = fn.origin ?? fn;
  if (existing) {
    const existingAdded = added.get(lc) === existing;
    // until all traits are bound, a method added from a trait still counts as the trait's
    const shown: PhpMethod = existingAdded ? { ...existing, cls: existing.trait! } : existing;
    // the same method reached twice (a trait used through two paths) with the same visibility
    if (existingAdded && (existing.origin ?? existing) === origin && existing.vis === fn.vis) return;
    if (fn.isAbstract) {
      checkTraitAbstract(cls, shown, { ...fn, name, cls: from });
      return;
    }
    if (existing.cls === cls && !existingAdded) return; // the class's own method wins
    if (existingAdded && !existing.isAbstract) {
      classError(`Trait method ${from.name}::${fn.name} has not been applied as ${cls.name}::${name}, because of collision with ${existing.trait!.name}::${existing.name}`);
    }
    // an inherited (or abstract trait) method is replaced: the trait method must be compatible
    checkTraitOverride(cls, { ...fn, name, cls: from }, shown);
  }
  // origin: the trait's own info, by which a fiber finds the method's variant
  const info: FunctionInfo = { ...fn.info, name, cls, origin: fn.info.origin ?? fn.info };
  const made = fn.mk ? fn.mk(cls, info) : fn.fn;
  const copy: TraitMethod = { ...fn, fn: made, name, lcname: lc, cls, info, fromTrait: true, trait: from, origin };
  cls.methods.set(lc, copy);
  added.set(lc, copy);
}

/** zend_traits_copy_functions */
function copyFunctions(cls: PhpClass, t: PhpClass, lc: string, fn: TraitMethod, excluded: Set<string>, aliases: Aliases[], added: Map<string, TraitMethod>): void {
  const from = sourceTrait(fn, t);
  for (const a of aliases) {
    if (a.rule.alias && a.trait === t && a.rule.method.toLowerCase() === lc) {
      const vis = a.rule.vis ? visOf(a.rule.vis) : fn.vis;
      addTraitMethod(cls, a.rule.alias, { ...fn, vis, origin: fn.origin ?? fn }, from, added);
    }
  }
  if (excluded.has(lc)) return;
  let vis = fn.vis;
  for (const a of aliases) {
    if (!a.rule.alias && a.rule.vis && a.trait === t && a.rule.method.toLowerCase() === lc) vis = visOf(a.rule.vis);
  }
  addTraitMethod(cls, fn.name, { ...fn, vis, origin: fn.origin ?? fn }, from, added);
}

/** check_trait_property_or_constant_value_compatibility */
function sameValue(a: any, b: any): boolean {
  return strictEq(a, b);
}

function evaluate(thunk: any, cls: PhpClass): any {
  return typeof thunk === 'function' ? thunk.call(cls) : thunk;
}

/** find_first_constant_definition / find_first_property_definition: who defined the colliding member first. */
function firstDefinition(cls: PhpClass, upTo: number, has: (t: PhpClass) => boolean, colliding: PhpClass): PhpClass {
  if (colliding === cls) for (let i = 0; i < upTo; i++) if (has(cls.traits[i])) return cls.traits[i];
  return colliding;
}

function bindConstants(cls: PhpClass): void {
  cls.traits.forEach((t, i) => {
    for (const [name, c] of t.consts) {
      const existing = cls.consts.get(name);
      if (existing) {
        const ok = existing.vis === c.vis && existing.final === c.final &&
          sameValue(constValue(existing, cls), constValue(c, cls));
        if (!ok) {
          const first = firstDefinition(cls, i, (x) => x.consts.has(name), existing.cls);
          classError(`${first.name} and ${c.cls.name} define the same constant (${name}) in the composition of ${cls.name}. However, the definition differs and is considered incompatible. Class was composed`);
        }
        continue;
      }
      const copy: ClassConst = { ...c, cls, fromTrait: true } as ClassConst;
      cls.consts.set(name, copy);
    }
  });
}

function constValue(c: ClassConst, cls: PhpClass): any {
  if (c.value !== undefined) return c.value;
  return c.init ? c.init.call(c.cls.isTrait ? cls : c.cls) : null;
}

function propDefault(p: PropInfo, cls: PhpClass): any {
  if (!p.hasDefault) return p.type ? undefined : null;
  return (p as any).evaluated ? p.default : evaluate(p.default, cls);
}

function bindProperties(cls: PhpClass): void {
  cls.traits.forEach((t, i) => {
    const traitProps = [...t.allSlots, ...[...t.staticProps.values()].map((s) => s.info)];
    for (const p of traitProps) {
      const colliding = p.isStatic ? cls.staticProps.get(p.name)?.info : cls.props.get(p.name);
      if (colliding && !(colliding.vis === Vis.Private && colliding.cls !== cls)) {
        const ok = colliding.vis === p.vis && colliding.isStatic === p.isStatic && colliding.readonly === p.readonly &&
          propertyTypesAgree(p, colliding) && sameValue(propDefault(colliding, cls), propDefault(p, cls));
        if (!ok) {
          const first = firstDefinition(cls, i, (x) => x.props.has(p.name) || x.staticProps.has(p.name), colliding.cls);
          classError(`${first.name} and ${p.cls.name} define the same property ($${p.name}) in the composition of ${cls.name}. However, the definition differs and is considered incompatible. Class was composed`);
        }
        if (!p.isStatic) continue;
      }
      if ((cls.flags & M_READONLY) && !p.readonly) {
        classError(`Readonly class ${cls.name} cannot use trait with a non-readonly property ${p.cls.name}::$${p.name}`);
      }
      const flags = (p.vis === Vis.Private ? M_PRIVATE : p.vis === Vis.Protected ? M_PROTECTED : M_PUBLIC) | (p.isStatic ? M_STATIC : 0) | (p.readonly ? M_READONLY : 0);
      addProp(cls, { name: p.name, flags, type: p.type, default: p.hasDefault ? p.default : undefined, meta: p.meta });
    }
  });
}

/** Binds cls.traits into cls: methods, then constants, then properties (zend_do_bind_traits). */
export function bindTraits(cls: PhpClass, rules: TraitRule[], lookup: Lookup): void {
  const { excluded, aliases } = initRules(cls, rules, lookup);
  const added = new Map<string, TraitMethod>();
  cls.traits.forEach((t, i) => {
    for (const [lc, fn] of t.methods) copyFunctions(cls, t, lc, fn as TraitMethod, excluded[i], aliases, added);
  });
  bindConstants(cls);
  bindProperties(cls);
  for (const t of cls.traits) {
    for (const x of [t, ...t.allTraits]) if (!cls.allTraits.includes(x)) cls.allTraits.push(x);
  }
}
