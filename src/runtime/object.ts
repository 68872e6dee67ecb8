// Classes and objects (zend_object, zend_class_entry). A PhpClass is built at run time when its
// declaration executes (or at MINIT for built-in classes); a PhpObject holds its class, its handle
// (spl_object_id) and its properties in a prototype-less bag whose keys are the property names
// (private properties of an ancestor are stored as "\0Class\0name", as PHP mangles them).

import { Ref, UNINIT } from './values.js';
import { hooks } from './hooks.js';

export const enum ClassFlags {
  Abstract = 16,
  Final = 32,
  Readonly = 64,
  Interface = 1 << 8,
  Trait = 1 << 9,
  Enum = 1 << 10,
  Anonymous = 1 << 11,
  /** an internal (built-in) class */
  Internal = 1 << 12,
  /** `new` refuses it: objects come from the engine only (zend_generator_get_constructor) */
  EngineOnly = 1 << 13,
}

export const enum Vis {
  Public = 1,
  Protected = 2,
  Private = 4,
}

/** The property bag's constructor: instances have no Object.prototype, so no inherited keys. */
export function PropBag(this: any) {}
PropBag.prototype = Object.create(null);
export type Props = Record<string, any>;
export function newProps(): Props {
  return new (PropBag as any)();
}

/** A declared property (instance or static). */
export interface PropInfo {
  name: string;
  /** the key in the object's bag: name, or "\0Class\0name" for private */
  key: string;
  vis: Vis;
  isStatic: boolean;
  readonly: boolean;
  /** the class that declares it */
  cls: PhpClass;
  /** a type check: null when untyped */
  type: TypeCheck | null;
  /** default value thunk (evaluated once per class, then copied); undefined when typed without default */
  hasDefault: boolean;
  default: any;
  /** attributes, doc comment: for reflection */
  meta?: any;
}

/** A compiled type declaration: check(value) returns the (possibly coerced) value or undefined on failure. */
export interface TypeCheck {
  /** the type as PHP prints it: "?int", "A|B", "int|string" */
  text: string;
  allowsNull: boolean;
  /** returns the accepted (possibly coerced) value, or NO_MATCH */
  check(v: any, strict: boolean, calledClass?: PhpClass | null, scope?: PhpClass | null): any;
}
export const NO_MATCH: unique symbol = Symbol('no match');

export interface ClassConst {
  name: string;
  vis: Vis;
  final: boolean;
  cls: PhpClass;
  /** value once evaluated */
  value: any;
  /** evaluates the constant expression (first access) */
  init: (() => any) | null;
  /** an enum case */
  isCase: boolean;
  meta?: any;
}

export interface PhpMethod {
  name: string;
  lcname: string;
  /** the JS function: `this` is the object (instance methods) or the called class (static methods) */
  fn: Function;
  vis: Vis;
  isStatic: boolean;
  isAbstract: boolean;
  isFinal: boolean;
  /** declaring class (for traits: the class that uses the trait) */
  cls: PhpClass;
  /** the function's signature information (parameters, return type) */
  info: FunctionInfo;
  /** trait methods: makes the method's function for a using class */
  mk?: (scope: PhpClass, info: FunctionInfo) => Function;
  /** a method copied from a trait: the trait's own method it was made from */
  origin?: PhpMethod;
}

export interface ParamInfo {
  name: string;
  byRef: boolean;
  variadic: boolean;
  optional: boolean;
  type: TypeCheck | null;
  /** default value for reflection / named-arg skipping, as source text */
  defaultText?: string;
  /** evaluates the default value (user functions; for reflection) */
  defaultFn?: (() => any) | null;
  promoted?: boolean;
  meta?: any;
  /** #[\SensitiveParameter]: traces show the argument wrapped in a SensitiveParameterValue */
  sensitive?: boolean;
}

/** What a call needs to know about a function (user or builtin). */
export interface FunctionInfo {
  name: string;
  params: ParamInfo[];
  /** bit i set when parameter i is by reference (the last bit repeats for variadics) */
  refMask: number;
  required: number;
  variadic: boolean;
  returnType: TypeCheck | null;
  returnsRef: boolean;
  isBuiltin: boolean;
  file?: string;
  line?: number;
  endLine?: number;
  docComment?: string | null;
  isStatic?: boolean;
  /** the class a method belongs to */
  cls?: PhpClass | null;
  isClosure?: boolean;
  /** a closure whose body uses $this (ZEND_ACC_USES_THIS): it can't be unbound */
  usesThis?: boolean;
  isGenerator?: boolean;
  /** a generator function with a finally block: destroying its generator early runs the block */
  hasFinally?: boolean;
  attrs?: any;
  /** true when the callee accepts extra arguments (func_get_args) */
  usesArgs?: boolean;
  deprecated?: boolean;
  strictTypes?: boolean;
  /** compiled functions and closures: where their definition lives in the compiled module */
  moduleDef?: ModuleOrigin | null;
  /** a frame of the engine's own (a fiber's bottom frame): left out of traces */
  hidden?: boolean;
  /** some parameter is #[\SensitiveParameter] */
  hasSensitive?: boolean;
  /** a trait method's copy in a class: the trait's own info (the compiled function's) */
  origin?: FunctionInfo;
  /** closures: what their body contains that a thread's task may not (src/compiler/bodyfacts.ts) */
  facts?: ClosureBodyFacts | null;
}

/** See BodyFacts in src/compiler/bodyfacts.ts: the first illegal instruction and the first return/throw. */
export interface ClosureBodyFacts {
  illegal: [kind: string, line: number, inNestedClosure: boolean] | null;
  exit: number;
}

/** A compiled module's self-description (its `M$`): `key` is its code-cache key, `defs` its definitions. */
export interface CompiledModuleRecord {
  key: string | null;
  defs: Record<string, any> | null;
}

/** A definition's place: module and name in its `defs`. */
export interface ModuleOrigin {
  mod: CompiledModuleRecord;
  def: string;
}

let nextClassId = 1;

export class PhpClass {
  readonly id = nextClassId++;
  lcname: string;
  parent: PhpClass | null = null;
  /** every interface implemented, directly or inherited */
  interfaces: PhpClass[] = [];
  /** direct interfaces, in declaration order */
  ownInterfaces: PhpClass[] = [];
  traits: PhpClass[] = [];
  /** every trait used, directly or through other traits */
  allTraits: PhpClass[] = [];
  flags = 0;
  /** compiled classes: where the declarer lives, so another thread can declare the class too */
  moduleDef: ModuleOrigin | null = null;
  consts = new Map<string, ClassConst>();
  /** instance props by name, as seen from outside (public/protected/own private), in declaration order */
  props = new Map<string, PropInfo>();
  /** every private property of this class and its ancestors, by key */
  allSlots: PropInfo[] = [];
  staticProps = new Map<string, { info: PropInfo; ref: Ref }>();
  methods = new Map<string, PhpMethod>();
  /** magic methods, resolved once the class is linked */
  getter: PhpMethod | null = null;
  setter: PhpMethod | null = null;
  issetter: PhpMethod | null = null;
  unsetter: PhpMethod | null = null;
  caller: PhpMethod | null = null;
  staticCaller: PhpMethod | null = null;
  ctor: PhpMethod | null = null;
  dtor: PhpMethod | null = null;
  toStringMethod: PhpMethod | null = null;
  invoker: PhpMethod | null = null;
  cloner: PhpMethod | null = null;
  /** enum backing type: 'int' | 'string' | null */
  enumBacking: 'int' | 'string' | null = null;
  /** enum cases by name (objects) */
  enumCases: Map<string, PhpObject> | null = null;
  /** declaring file/lines, attributes, doc comment: for reflection */
  file: string | null = null;
  line = 0;
  endLine = 0;
  docComment: string | null = null;
  attrs: any = null;
  /** built-in classes: creates the native part of a new instance */
  createNative: ((o: PhpObject) => void) | null = null;
  /** built-in classes may handle property/dim access natively */
  handlers: ObjectHandlers | null = null;
  /** static vars of methods, per class (PHP 8.1: shared with child classes only when inherited unchanged) */
  statics = new Map<string, Ref>();
  /** default values of instance props, evaluated on first instantiation */
  defaultsReady = false;
  private instanceofCache = new Map<PhpClass, boolean>();
  /** spl_autoload etc: extra per-class data for extensions */
  ext: Record<string, any> = {};

  constructor(public name: string) {
    this.lcname = name.toLowerCase();
  }

  get isInterface(): boolean {
    return (this.flags & ClassFlags.Interface) !== 0;
  }
  get isTrait(): boolean {
    return (this.flags & ClassFlags.Trait) !== 0;
  }
  get isEnum(): boolean {
    return (this.flags & ClassFlags.Enum) !== 0;
  }
  get isAbstract(): boolean {
    return (this.flags & ClassFlags.Abstract) !== 0;
  }
  get isFinal(): boolean {
    return (this.flags & ClassFlags.Final) !== 0;
  }
  get isAnonymous(): boolean {
    return (this.flags & ClassFlags.Anonymous) !== 0;
  }
  get isInternal(): boolean {
    return (this.flags & ClassFlags.Internal) !== 0;
  }

  /** get_debug_type() / error message name of an anonymous class: "Foo@anonymous" / "class@anonymous" */
  anonymousDebugName(): string {
    const base = this.parent ? this.parent.name : this.ownInterfaces.length ? this.ownInterfaces[0].name : 'class';
    return base + '@anonymous';
  }

  /** $obj instanceof $cls */
  isSubclassOf(other: PhpClass): boolean {
    if (other === this) return true;
    let r = this.instanceofCache.get(other);
    if (r === undefined) {
      r = false;
      for (let c = this.parent; c; c = c.parent) if (c === other) r = true;
      if (!r && other.isInterface) r = this.interfaces.includes(other);
      this.instanceofCache.set(other, r);
    }
    return r;
  }

  findMethod(lcname: string): PhpMethod | undefined {
    return this.methods.get(lcname);
  }
}

/** Hooks a built-in class can give its objects (ArrayObject, Closure, ...). */
export interface ObjectHandlers {
  readDim?(o: PhpObject, key: any): any;
  /** read_dimension for writing: the stored element itself, so $o[k][] = v and $o[k]++ change it */
  dimRef?(o: PhpObject, key: any): Ref | null;
  /** `castArray`: the value comes from an (array) cast ($o[k] = (array) $v) */
  writeDim?(o: PhpObject, key: any, v: any, castArray?: boolean): void;
  hasDim?(o: PhpObject, key: any, checkEmpty: boolean): boolean;
  unsetDim?(o: PhpObject, key: any): void;
  count?(o: PhpObject): number;
  compare?(a: PhpObject, b: any): number;
  /** get_properties for var_dump/foreach/(array) when the object shows more than its bag */
  debugInfo?(o: PhpObject): [string | number, any][] | null;
  clone?(src: PhpObject, dst: PhpObject): void;
  cast?(o: PhpObject, type: 'int' | 'float' | 'bool'): any;
  /** dtor_obj: runs when the object is destroyed (at shutdown), like a __destruct of the class's own */
  destroy?(o: PhpObject): void;
  /**
   * Objects whose properties live elsewhere (pthreads' shared stores): each replaces the standard
   * property access of props.ts entirely. readProp with `quiet` (isset/empty/??) gives undefined for
   * an absent property and warns about nothing.
   */
  readProp?(o: PhpObject, name: string, scope: PhpClass | null, quiet: boolean): any;
  /** `castArray`: the value comes from an (array) cast ($o->p = (array) $v) */
  writeProp?(o: PhpObject, name: string, v: any, scope: PhpClass | null, castArray?: boolean): void;
  hasProp?(o: PhpObject, name: string, scope: PhpClass | null): boolean;
  unsetProp?(o: PhpObject, name: string, scope: PhpClass | null): void;
  /** the property made ready for a nested write ($o->p[k] = v, $o->p->q = v) */
  propForWrite?(o: PhpObject, name: string, scope: PhpClass | null): any;
  /** the property handlers only add to the standard properties, which stay in o.p (ArrayObject's ARRAY_AS_PROPS) */
  propsInBag?: boolean;
  /** debugInfo's keys are shown as they are (no visibility looked up; integer-like keys as integers) */
  literalDebugKeys?: boolean;
}

let nextObjectId = 1;
const freeIds: number[] = [];

/** Hands out object handles as PHP does: the handle freed last is reused first (the store's free list). */
export function allocObjectId(): number {
  return freeIds.length ? freeIds.pop()! : nextObjectId++;
}
export function releaseObjectId(id: number): void {
  freeIds.push(id);
}
export function resetObjectIds(): void {
  nextObjectId = 1;
  freeIds.length = 0;
}

/** The floating result of the last user function's return (src/runtime/refcount.ts); here to keep imports acyclic. */
export const floating: { obj: PhpObject | undefined } = { obj: undefined };

export class PhpObject {
  readonly id: number;
  p: Props;
  /** the native part of a built-in class's object (Closure's function, ArrayObject's storage, ...) */
  native: any = null;
  /** set while __get/__set/... run for a name, so they don't recurse (zend_guard) */
  guards: Map<string, number> | null = null;
  /**
   * Declared properties unset() explicitly: unlike never-initialized typed properties, reading or
   * writing them goes through __get/__set (PHP's IS_PROP_UNINIT flag, inverted).
   */
  unsetKeys: Set<string> | null = null;
  destructed = false;
  /** counted holders (src/runtime/refcount.ts); ESCAPED once the object went where holders are not counted */
  rc = 0;

  constructor(public cls: PhpClass) {
    this.id = allocObjectId();
    this.p = newProps();
  }

  toBool(): boolean {
    return true;
  }

  /** (string)$obj */
  toPhpString(): string {
    const m = this.cls.toStringMethod;
    if (m) {
      const s = m.fn.call(this);
      if (typeof s !== 'string') hooks.throwError('Error', `${this.cls.name}::__toString(): Return value must be of type string, ${typeof s} returned`);
      return s;
    }
    return hooks.throwError('Error', `Object of class ${this.cls.name} could not be converted to string`);
  }

  /** (int)$obj / (float)$obj: a warning and 1, unless the class converts itself */
  /** `notice`: a comparison's conversion (zend_std_compare_objects) only notices; arithmetic warns. */
  toNumberCast(type: 'int' | 'float', notice = false): number | bigint {
    const h = this.cls.handlers;
    if (h && h.cast) {
      const r = h.cast(this, type);
      if (r !== undefined) return r;
    }
    const msg = `Object of class ${this.cls.name} could not be converted to ${type}`;
    if (notice) hooks.notice(msg);
    else hooks.warn(msg);
    return 1;
  }

  /** Declared and dynamic properties, in order, with their bag keys; uninitialized ones left out. */
  propEntries(): [string, any][] {
    const out: [string, any][] = [];
    for (const k in this.p) {
      const v = this.p[k];
      if (v === UNINIT) continue;
      out.push([k, v]);
    }
    return out;
  }
}

/** The bag key of a private property. */
export function privateKey(cls: PhpClass, name: string): string {
  return '\0' + cls.name + '\0' + name;
}
