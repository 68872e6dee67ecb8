// Compiling class-likes (classes, interfaces, traits, enums, anonymous classes) to a ClassDecl object
// literal handed to the runtime's declareClass at the point the declaration executes (or hoisted to
// the start of the file, as PHP's early binding does for top-level classes).

import type * as A from '../syntax/ast.js';
import { FnCtx, FileCtx, ClassCtx, DirectMethod, str, compileError, attrsJson } from './context.js';
import { expr } from './expressions.js';
import { compileFunction } from './calls.js';
import { typeExpr } from './types.js';
import { normalMode } from './fibers.js';
import { compileTypename, TypeScope, literalType, isValidDefault, typeToString, assertValidClassName } from './typenames.js';
import { toFloatLiteral } from './calls.js';
import { checkMagicMethod } from './magic.js';
import { checkAttributes, AttrTarget } from './attributes.js';
import { checkConstExpr } from './constexpr.js';

const M_PUBLIC = 1, M_PROTECTED = 2, M_PRIVATE = 4, M_STATIC = 8, M_ABSTRACT = 16, M_FINAL = 32, M_READONLY = 64;
const CF_INTERFACE = 1 << 8, CF_TRAIT = 1 << 9, CF_ENUM = 1 << 10, CF_ANON = 1 << 11;

/** The JS expression declaring the class now (its value is the PhpClass). */
export function compileClassDecl(c: FnCtx, node: A.ClassLike): string {
  const hoisted = c.file.classDecls.get(node);
  if (hoisted) return `${c.file.use('declareHoisted')}(${hoisted})`;
  const ref = c.file.id('C');
  const defName = 'decl' + ref;
  c.file.decls.push(`let ${ref};`);
  const decl = classDeclObject(c.file, node, ref, node.name ? c.file.qualify(node.name.name) : null, c, defName);
  // a module-level declarer (see FileCtx.defs); the statement calls it each time it runs
  c.file.defs.push(defName);
  c.file.decls.push(`const ${defName} = () => (${ref} = ${c.file.use('declareClass')}(${decl}));`);
  return `${defName}()`;
}

/**
 * Hoisting: a module-level function that declares the class once; the file's start tries it (early
 * binding) and the statement position calls it again if the start could not (parent not yet known).
 */
export function hoistClassDecl(file: FileCtx, node: A.ClassLike, mainCtx: FnCtx): string {
  const ref = file.id('C');
  const fnName = 'decl' + ref;
  const decl = classDeclObject(file, node, ref, file.qualify(node.name!.name), mainCtx, fnName);
  file.defs.push(fnName);
  file.decls.push(`let ${ref};`);
  file.decls.push(`const ${fnName} = {cls: null, declare() { return this.cls ??= (${ref} = ${file.use('declareClass')}(${decl})); }, name: ${str(file.qualify(node.name!.name))}, deps: ${str(JSON.stringify(classDeps(file, node)))}};`);
  file.classDecls.set(node, fnName);
  return fnName;
}

function classDeps(file: FileCtx, node: A.ClassLike): string[] {
  const deps: string[] = [];
  if (node.extends) deps.push(file.resolveClass(node.extends));
  for (const i of node.implements) deps.push(file.resolveClass(i));
  for (const m of node.members) if (m.kind === 'TraitUse') for (const t of m.traits) deps.push(file.resolveClass(t));
  return deps;
}

export function compileAnonClass(c: FnCtx, node: A.ClassLike): string {
  const ref = c.file.id('C');
  const defName = 'decl' + ref;
  c.file.decls.push(`let ${ref};`);
  // zend_generate_anon_class_name: named after the parent class, or else the first interface
  const prefix = node.extends ? c.file.resolveClass(node.extends) : node.implements.length ? c.file.resolveClass(node.implements[0]) : 'class';
  const name = `${prefix}@anonymous${'\0'}${c.file.file}:${node.line}$${(c.file.anonCount++).toString(16)}`;
  const decl = classDeclObject(c.file, node, ref, name, c, defName);
  // module-level, like named classes' declarers: another thread can declare the class too
  c.file.defs.push(defName);
  c.file.decls.push(`const ${defName} = () => (${ref} ??= ${c.file.use('declareAnonClass')}(${decl}));`);
  return `(${ref} ?? ${defName}())`;
}

function flagsOf(node: A.ClassLike): number {
  let f = node.flags & (M_ABSTRACT | M_FINAL | M_READONLY);
  if (node.type === 'interface') f |= CF_INTERFACE;
  if (node.type === 'trait') f |= CF_TRAIT;
  if (node.type === 'enum') f |= CF_ENUM | M_FINAL;
  if (!node.name) f |= CF_ANON;
  return f;
}

/** zend_resolve_const_class_name_reference: extends/implements/use name a class, never self/parent/static. */
function classReference(file: FileCtx, n: A.Name, what: 'class' | 'interface' | 'trait'): string {
  const lc = n.name.toLowerCase();
  if (n.form === 'unqualified' && (lc === 'self' || lc === 'parent' || lc === 'static')) {
    compileError(`Cannot use '${n.name}' as ${what} name, as it is reserved`, n.line);
  }
  return file.resolveClass(n);
}

/**
 * The instance methods `$this->m()` may call directly: a plain class's (not a trait's or interface's,
 * and not in the fiber compilation, whose functions are variants) non-static methods with a body. The
 * constant's name comes from the class's variable, not from the id counter, so compiling the file
 * again names everything else alike.
 */
function directMethods(file: FileCtx, node: A.ClassLike, ref: string): Map<string, DirectMethod> | null {
  if (file.fiberMode || (node.type !== 'class' && node.type !== 'enum') || !/^[A-Za-z_$][\w$]*$/.test(ref)) return null;
  const out = new Map<string, DirectMethod>();
  node.members.forEach((m, i) => {
    if (m.kind !== 'ClassMethod' || m.body === null || m.flags & M_ABSTRACT) return;
    const lc = m.name.name.toLowerCase();
    // a method declared twice is a compile error reported later: nothing is direct then
    if (out.has(lc)) out.set(lc, null as any);
    else out.set(lc, { js: `MF_${ref}_${i}`, name: m.name.name, params: m.params, isStatic: (m.flags & M_STATIC) !== 0, isPublic: (m.flags & (M_PRIVATE | M_PROTECTED)) === 0 });
  });
  for (const [k, v] of out) if (v === null) out.delete(k);
  return out;
}

function classDeclObject(file: FileCtx, node: A.ClassLike, ref: string, name: string | null, outer: FnCtx, defName: string | null = null): string {
  if (node.name) assertValidClassName(node.name.name, node.line);
  const cls: ClassCtx = {
    name,
    ref,
    parentName: node.extends ? classReference(file, node.extends, 'class') : null,
    isTrait: node.type === 'trait',
    isInterface: node.type === 'interface',
    node,
  };
  cls.direct = directMethods(file, node, ref);
  // a second declaration of the name (in another branch) is a different class: neither is direct
  if (name !== null && cls.direct) {
    const lc = name.toLowerCase();
    if (file.classCtxs.has(lc)) file.classCtxs.get(lc)!.direct = null;
    else file.classCtxs.set(lc, cls);
  }
  // constant expressions (defaults, constants) compile in a function-less context of the class
  const cctx = new FnCtx(file, 'method', cls, outer, false);
  cctx.inConstExpr = true;
  cctx.isStaticMethod = true;
  const consts: string[] = [];
  const props: string[] = [];
  const methods: string[] = [];
  const traits: string[] = [];
  const rules: string[] = [];
  const ctor = node.members.find((m) => m.kind === 'ClassMethod' && m.name.name.toLowerCase() === '__construct') as A.ClassMethod | undefined;
  const interfaces = node.implements.map((i) => str(classReference(file, i, 'interface')));
  const propNames = new Set<string>();
  checkClassRules(file, node, name);
  checkAttributes(file, node.attrGroups, AttrTarget.Class, { type: node.type, readonly: (node.flags & M_READONLY) !== 0, name: name ?? 'class@anonymous' });
  for (const m of node.members) {
    switch (m.kind) {
      case 'ClassConst':
        checkAttributes(file, m.attrGroups, AttrTarget.ClassConstant);
        for (const k of m.consts) {
          if (node.type === 'interface' && m.flags & (M_PRIVATE | M_PROTECTED)) compileError(`Access type for interface constant ${name}::${k.name.name} must be public`, k.line);
          checkConstExpr(k.value, false);
          if (k.name.name.toLowerCase() === 'class') compileError('A class constant must not be called \'class\'; it is reserved for class name fetching', k.line);
          consts.push(`{name: ${str(k.name.name)}, flags: ${m.flags || M_PUBLIC}, init: ${thunk(cctx, k.value)}, meta: {line: ${k.line}, doc: ${m.docComment ? str(m.docComment) : 'null'}, attrs: ${attrsJson(file, m.attrGroups)}}}`);
        }
        break;
      case 'EnumCase':
        if (node.type !== 'enum') compileError('Case can only be used in enums', m.line);
        checkAttributes(file, m.attrGroups, AttrTarget.ClassConstant);
        if (m.value) checkConstExpr(m.value, false);
        consts.push(`{name: ${str(m.name.name)}, flags: ${M_PUBLIC}, isCase: true, init: ${m.value ? thunk(cctx, m.value) : 'null'}, meta: {line: ${m.line}, doc: null, attrs: ${attrsJson(file, m.attrGroups)}}}`);
        break;
      case 'Property':
        if (node.type === 'interface') compileError('Interfaces may not include properties', m.line);
        checkAttributes(file, m.attrGroups, AttrTarget.Property);
        for (const p of m.props) {
          if (m.flags & M_FINAL) compileError(`Cannot declare property ${name}::$${p.name} final, the final modifier is allowed only for methods, classes, and class constants`, p.line);
          if (propNames.has(p.name)) compileError(`Cannot redeclare ${name}::$${p.name}`, p.line);
          propNames.add(p.name);
          if (p.default) checkConstExpr(p.default, false);
          const type = m.type ? propertyType(file, m.type, cls, name, p) : 'null';
          const def = p.default ? thunk(cctx, p.default) : m.type ? 'undefined' : '() => null';
          if (m.flags & M_READONLY && m.flags & M_STATIC) compileError(`Static property ${name}::$${p.name} cannot be readonly`, p.line);
          if (m.flags & M_READONLY && !m.type) compileError(`Readonly property ${name}::$${p.name} must have type`, p.line);
          if (m.flags & M_READONLY && p.default) compileError(`Readonly property ${name}::$${p.name} cannot have default value`, p.line);
          props.push(`{name: ${str(p.name)}, flags: ${m.flags || M_PUBLIC}, type: ${type}, default: ${def}, meta: {line: ${p.line}, doc: ${m.docComment ? str(m.docComment) : 'null'}, attrs: ${attrsJson(file, m.attrGroups)}}}`);
        }
        break;
      case 'ClassMethod':
        methods.push(methodDecl(file, node, m, cls, outer, m === ctor));
        break;
      case 'TraitUse':
        if (node.type === 'interface') compileError(`Cannot use traits inside of interfaces. ${file.resolveClass(m.traits[0])} is used in ${name}`, m.line);
        for (const t of m.traits) traits.push(str(classReference(file, t, 'trait')));
        for (const a of m.adaptations) {
          if (a.kind === 'TraitAlias' && a.newModifier !== null) checkAliasModifier(a.newModifier, a.line);
          if (a.kind === 'TraitPrecedence') {
            rules.push(`{kind: 'insteadof', trait: ${str(classReference(file, a.trait, 'trait'))}, method: ${str(a.method.name)}, insteadof: [${a.insteadof.map((n) => str(classReference(file, n, 'trait'))).join(', ')}]}`);
          } else {
            rules.push(`{kind: 'alias', trait: ${a.trait ? str(classReference(file, a.trait, 'trait')) : 'null'}, method: ${str(a.method.name)}, alias: ${a.newName ? str(a.newName.name) : 'null'}, vis: ${a.newModifier ?? 'null'}}`);
          }
        }
        break;
    }
  }
  // promoted constructor parameters are properties
  if (ctor) {
    for (const p of ctor.params) {
      if (!p.flags) continue;
      if (propNames.has(p.name)) compileError(`Cannot redeclare ${name}::$${p.name}`, p.line);
      propNames.add(p.name);
      if ((p.flags & M_READONLY || node.flags & M_READONLY) && !p.type) compileError(`Readonly property ${name}::$${p.name} must have type`, p.line);
      const type = p.type ? propertyType(file, p.type, cls, name, { kind: 'PropertyDecl', name: p.name, default: null, line: p.line }) : 'null';
      props.push(`{name: ${str(p.name)}, flags: ${p.flags}, type: ${type}, default: ${p.type ? 'undefined' : '() => null'}, meta: {promoted: true, line: ${p.line}, attrs: ${attrsJson(file, p.attrGroups)}}}`);
    }
  }
  let enumBacking = 'null';
  if (node.enumType) {
    const t = node.enumType.kind === 'SimpleType' && node.enumType.name.form === 'unqualified' ? node.enumType.name.name.toLowerCase() : '';
    if (t !== 'int' && t !== 'string') {
      const given = typeToString(compileTypename(file, node.enumType, typeScope(cls)));
      compileError(`Enum backing type must be int or string, ${given} given`, node.line);
    }
    enumBacking = str(t);
  }
  const nameJs = name === null ? 'null' : str(name);
  const allowDynamic = node.attrGroups.some((g) => g.attrs.some((a) => file.resolveClass(a.name).toLowerCase() === 'allowdynamicproperties'));
  return `{name: ${nameJs}, flags: ${flagsOf(node)}, parent: ${cls.parentName ? str(cls.parentName) : 'null'}, interfaces: [${interfaces.join(', ')}], ` +
    `traits: [${traits.join(', ')}], traitRules: [${rules.join(', ')}], consts: [${consts.join(', ')}], props: [${props.join(', ')}], ` +
    `methods: [${methods.join(', ')}], enumBacking: ${enumBacking}, file: ${str(file.file)}, line: ${node.line}, endLine: ${node.endLine}, ` +
    `allowDynamic: ${allowDynamic}, docComment: ${node.docComment ? str(node.docComment) : 'null'}, attrs: ${attrsJson(file, node.attrGroups)}, moduleDef: ${defName ? `{mod: M$, def: ${str(defName)}}` : 'null'}}`;
}

/** A constant expression evaluated later (first use): runs on the current frame, with its own temporaries. */
const ENUM_FORBIDDEN_MAGIC = ['__clone', '__construct', '__destruct', '__get', '__set', '__unset', '__isset', '__tostring', '__debuginfo', '__serialize', '__unserialize', '__sleep', '__wakeup', '__set_state'];

/** Rules PHP checks when it compiles a class-like (zend_compile.c): enums, readonly classes. */
function checkClassRules(file: FileCtx, node: A.ClassLike, name: string | null): void {
  const display = name ?? 'class@anonymous';
  if (node.type === 'enum') {
    for (const i of node.implements) {
      if (!node.enumType && file.resolveClass(i).toLowerCase() === 'backedenum') compileError(`Non-backed enum ${display} cannot implement interface BackedEnum`, node.line);
    }
    const generated = node.enumType ? ['cases', 'from', 'tryfrom'] : ['cases'];
    for (const m of node.members) {
      if (m.kind === 'ClassMethod' && generated.includes(m.name.name.toLowerCase())) compileError(`Cannot redeclare ${display}::${m.name.name}()`, m.line);
    }
    for (const m of node.members) {
      if (m.kind === 'Property') compileError(`Enum ${display} cannot include properties`, m.line);
      if (m.kind === 'ClassMethod' && ENUM_FORBIDDEN_MAGIC.includes(m.name.name.toLowerCase())) {
        compileError(`Enum ${display} cannot include magic method ${m.name.name}`, m.line);
      }
      if (m.kind === 'EnumCase') {
        if (!node.enumType && m.value) compileError(`Case ${m.name.name} of non-backed enum ${display} must not have a value`, m.line);
        if (node.enumType && !m.value) compileError(`Case ${m.name.name} of backed enum ${display} must have a value`, m.line);
      }
    }
  } else if (node.type === 'class') {
    for (const i of node.implements) {
      const lc = file.resolveClass(i).toLowerCase();
      if (lc === 'unitenum' || lc === 'backedenum') compileError(`Non-enum class ${display} cannot implement interface ${lc === 'unitenum' ? 'UnitEnum' : 'BackedEnum'}`, node.line);
    }
  }
  if (node.flags & M_READONLY && node.type === 'class') {
    for (const m of node.members) {
      if (m.kind !== 'Property') continue;
      if (m.flags & M_STATIC) compileError(`Static property ${display}::$${m.props[0].name} cannot be readonly`, m.line);
      if (!m.type) compileError(`Readonly property ${display}::$${m.props[0].name} must have type`, m.line);
    }
  }
}

/** zend_compile_trait_alias: `as` may change visibility only. */
function checkAliasModifier(mod: number, line: number): void {
  const word = mod === M_STATIC ? 'static' : mod === M_ABSTRACT ? 'abstract' : mod === M_FINAL ? 'final' : mod === M_READONLY ? 'readonly' : null;
  if (word) compileError(`Cannot use '${word}' as method modifier`, line);
}

function typeScope(cls: ClassCtx): TypeScope {
  return { cls, scopeKnown: !cls.isTrait };
}

/** A property's type with zend_compile_prop_decl's checks: no void/never/callable, a literal default must fit. */
function propertyType(file: FileCtx, node: A.TypeNode, cls: ClassCtx, className: string | null, decl: A.PropertyDecl): string {
  const t = compileTypename(file, node, typeScope(cls));
  const prop = decl.name, def = decl.default;
  if (t.builtins.has('void') || t.builtins.has('never') || t.builtins.has('callable')) {
    compileError(`Property ${className}::$${prop} cannot have type ${typeToString(t)}`, node.line);
  }
  const lit = def ? literalType(def) : null;
  if (def && lit !== null && !isValidDefault(t, lit, def)) {
    const text = typeToString(t);
    if (lit === 'null' && !t.classes.some((c) => typeof c !== 'string')) {
      const nullable = typeToString({ ...t, builtins: new Set([...t.builtins, 'null']) });
      compileError(`Default value for property of type ${text} may not be null. Use the nullable type ${nullable} to allow null default value`, def.line);
    }
    compileError(`Cannot use ${lit} as default value for property ${className}::$${prop} of type ${text}`, def.line);
  }
  if (def && lit === 'int' && t.builtins.has('float') && !t.builtins.has('int') && !t.builtins.has('mixed')) decl.default = toFloatLiteral(def);
  return typeExpr(file, t, node, cls);
}

export function thunk(c: FnCtx, e: A.Expr): string {
  const js = normalMode(c, () => expr(c, e));
  const temps = c.temps.length ? `let ${c.temps.join(', ')}; ` : '';
  // a function, not an arrow: in traits `this` is the using class the runtime evaluates it for
  return `function () { const fr = rt.top; ${temps}return ${js}; }`;
}

function methodDecl(file: FileCtx, node: A.ClassLike, m: A.ClassMethod, cls: ClassCtx, outer: FnCtx, isCtor: boolean): string {
  const flags = (m.flags & (M_PUBLIC | M_PROTECTED | M_PRIVATE)) ? m.flags : m.flags | M_PUBLIC;
  const isAbstract = (m.flags & M_ABSTRACT) !== 0 || node.type === 'interface';
  if (node.type === 'interface') {
    if (!(flags & M_PUBLIC)) compileError(`Access type for interface method ${cls.name}::${m.name.name}() must be public`, m.line);
    if (m.flags & M_FINAL) compileError(`Interface method ${cls.name}::${m.name.name}() must not be final`, m.line);
    if (m.flags & M_ABSTRACT) compileError(`Interface method ${cls.name}::${m.name.name}() must not be abstract`, m.line);
  }
  if (m.flags & M_PRIVATE && m.flags & M_FINAL && m.name.name.toLowerCase() !== '__construct') {
    file.warnings.push({ message: 'Private methods cannot be final as they are never overridden by other classes', line: m.line });
  }
  if (m.flags & M_ABSTRACT && m.flags & M_PRIVATE && node.type !== 'trait') {
    compileError(`Abstract function ${cls.name}::${m.name.name}() cannot be declared private`, m.line);
  }
  if (m.body === null && !isAbstract) {
    compileError(`Non-abstract method ${cls.name}::${m.name.name}() must contain body`, m.line);
  }
  if (m.body !== null && isAbstract && node.type !== 'interface') {
    compileError(`Abstract function ${cls.name}::${m.name.name}() cannot contain body`, m.line);
  }
  if (node.type === 'interface' && m.body !== null) compileError(`Interface function ${cls.name}::${m.name.name}() cannot contain body`, m.line);
  checkMagicMethod(file, cls, m);
  let body = m.body ?? [];
  if (isCtor && m.params.some((p) => p.flags)) {
    // constructor promotion: assign the promoted parameters first
    const assigns: A.Stmt[] = m.params.filter((p) => p.flags).map((p) => ({
      kind: 'ExprStmt', line: p.line,
      expr: {
        kind: 'Assign', line: p.line,
        target: { kind: 'PropertyFetch', line: p.line, var: { kind: 'Variable', name: 'this', line: p.line }, name: { kind: 'Identifier', name: p.name, line: p.line } },
        value: { kind: 'Variable', name: p.name, line: p.line },
      },
    } as A.ExprStmt));
    body = [...assigns, ...body];
  }
  const jsName = 'm_' + m.name.name.replace(/[^A-Za-z0-9_]/g, '_');
  // zend_compile_func_decl: __toString() without a declared return type returns string
  const returnType: A.TypeNode | null = m.returnType ?? (m.name.name.toLowerCase() === '__tostring'
    ? { kind: 'SimpleType', line: m.line, name: { kind: 'Name', name: 'string', form: 'unqualified', line: m.line } }
    : null);
  const { js, info } = compileFunction(file, {
    kind: 'method', name: m.name.name, params: m.params, body, byRef: m.byRef, returnType,
    line: m.line, endLine: m.endLine, isStatic: (m.flags & M_STATIC) !== 0, docComment: m.docComment,
    attrGroups: m.attrGroups, methodName: m.name.name, isAbstract,
  }, cls, outer, jsName);
  // a trait method is made once per using class: TS is that class, its FunctionInfo the copy's
  const direct = cls.direct?.get(m.name.name.toLowerCase());
  if (direct) file.decls.push(`const ${direct.js} = ${js};`);
  const fn = m.body === null ? 'fn: null' : cls.isTrait ? `fn: null, mk: (TS, ${info}) => ${js}` : `fn: ${direct ? direct.js : js}`;
  return `{name: ${str(m.name.name)}, flags: ${flags | (node.type === 'interface' ? M_ABSTRACT : 0)}, ${fn}, info: ${info}}`;
}

export { M_STATIC };
