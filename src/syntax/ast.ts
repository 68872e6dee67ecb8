// The abstract syntax tree of PHP 8.2 programs: what the parser produces and the compiler consumes.
// Node kinds follow nikic/PHP-Parser's naming (Expr_*, Stmt_*, Scalar_*) so a reader who knows that
// parser finds their way. Every node carries the 1-based source line where it starts.
//
// Names: `Name` holds a name as written (`Foo\Bar`, `\Foo`, `namespace\Foo`) plus how it was written;
// the parser does NOT resolve names against namespaces and `use` imports — the compiler does (it needs
// the namespace context anyway for functions/constants, which fall back to the global namespace).

export interface Node {
  kind: string;
  line: number;
}

// ───────────────────────────── names, identifiers, types ─────────────────────────────

export interface Name extends Node {
  kind: 'Name';
  /** The name as written, without a leading backslash or `namespace\` prefix: "Foo\Bar". */
  name: string;
  /** 'unqualified' Foo, 'qualified' Foo\Bar, 'fully' \Foo\Bar, 'relative' namespace\Foo */
  form: 'unqualified' | 'qualified' | 'fully' | 'relative';
}

/** A plain identifier where PHP allows reserved words: method names, property names, constants. */
export interface Identifier extends Node {
  kind: 'Identifier';
  name: string;
}

export type TypeNode = SimpleType | NullableType | UnionType | IntersectionType;
/** int, string, self, static, Foo\Bar, ... `name` is a Name (builtin type names are unqualified). */
export interface SimpleType extends Node { kind: 'SimpleType'; name: Name; }
export interface NullableType extends Node { kind: 'NullableType'; type: SimpleType; }
/** A|B|(C&D) — DNF types: members may be IntersectionType. */
export interface UnionType extends Node { kind: 'UnionType'; types: (SimpleType | IntersectionType)[]; }
export interface IntersectionType extends Node { kind: 'IntersectionType'; types: SimpleType[]; }

export interface Attribute extends Node { kind: 'Attribute'; name: Name; args: Arg[]; }
export interface AttributeGroup extends Node { kind: 'AttributeGroup'; attrs: Attribute[]; }

// ───────────────────────────── expressions ─────────────────────────────

export type Expr =
  | Variable | ArrayDimFetch | PropertyFetch | NullsafePropertyFetch | StaticPropertyFetch
  | ClassConstFetch | ConstFetch
  | ScalarInt | ScalarFloat | ScalarString | InterpolatedString | MagicConst
  | ArrayLiteral | ListExpr
  | Assign | AssignRef | AssignOp
  | BinaryOp | UnaryOp | IncDec | Cast
  | Isset | Empty | ErrorSuppress | Exit | Print | Eval | Include | Instanceof | Clone
  | Ternary | Match | Throw
  | FuncCall | MethodCall | NullsafeMethodCall | StaticCall | New
  | Closure | ArrowFunction | Yield | YieldFrom | ShellExec;

/** $name. `name` is a string for $x, or an expression for $$x / ${expr}. */
export interface Variable extends Node { kind: 'Variable'; name: string | Expr; }

/** $a[dim]; dim is null for the append form $a[] (only valid as a write target). */
export interface ArrayDimFetch extends Node { kind: 'ArrayDimFetch'; var: Expr; dim: Expr | null; }

/** $a->name; name is an Identifier for $a->b, an Expr for $a->{$b} or $a->$b. */
export interface PropertyFetch extends Node { kind: 'PropertyFetch'; var: Expr; name: Identifier | Expr; }
export interface NullsafePropertyFetch extends Node { kind: 'NullsafePropertyFetch'; var: Expr; name: Identifier | Expr; }

/** A::$name; cls is a Name (incl. self/parent/static) or an Expr; name is a VarLikeIdentifier string or Expr ($$x). */
export interface StaticPropertyFetch extends Node { kind: 'StaticPropertyFetch'; cls: Name | Expr; name: string | Expr; }

/** A::NAME, A::class, $obj::class. name is an Identifier (also 'class'), or an Expr for A::{expr} (8.3, not needed). */
export interface ClassConstFetch extends Node { kind: 'ClassConstFetch'; cls: Name | Expr; name: Identifier; }

/** FOO, \FOO, true/false/null (the compiler recognises those, case-insensitively). */
export interface ConstFetch extends Node { kind: 'ConstFetch'; name: Name; }

/** An integer literal that fits in 64 bits. `value` is the decimal text of the value ("9223372036854775807"). */
export interface ScalarInt extends Node { kind: 'ScalarInt'; value: string; }
/** A float literal (also integer literals that overflow 64 bits). `value` is the JS number. */
export interface ScalarFloat extends Node { kind: 'ScalarFloat'; value: number; }
/** A string literal with escapes already processed: a binary string (char codes 0-255). */
export interface ScalarString extends Node { kind: 'ScalarString'; value: string; }
/**
 * "...$x..." / heredoc with interpolation. parts alternate freely between literal strings (escapes
 * processed) and expressions (Variable, ArrayDimFetch, PropertyFetch, NullsafePropertyFetch, or any Expr
 * from {$...} / ${...}).
 */
export interface InterpolatedString extends Node { kind: 'InterpolatedString'; parts: (string | Expr)[]; }
/** `cmd $x` — backticks. */
export interface ShellExec extends Node { kind: 'ShellExec'; parts: (string | Expr)[]; }
export interface MagicConst extends Node {
  kind: 'MagicConst';
  name: '__LINE__' | '__FILE__' | '__DIR__' | '__FUNCTION__' | '__CLASS__' | '__TRAIT__' | '__METHOD__' | '__NAMESPACE__';
}

export interface ArrayItem extends Node {
  kind: 'ArrayItem';
  key: Expr | null;
  value: Expr;
  byRef: boolean;
  /** ...$x spread inside an array literal */
  unpack: boolean;
}
/** [a, b] or array(a, b). In a destructuring position the parser produces ListExpr instead. */
export interface ArrayLiteral extends Node { kind: 'ArrayLiteral'; items: ArrayItem[]; short: boolean; }
/**
 * list($a, , $b) or [$a, [$b]] = ... as an assignment target / foreach value. Skipped slots are null.
 * Nested destructuring items have a ListExpr as their value.
 */
export interface ListExpr extends Node { kind: 'ListExpr'; items: (ArrayItem | null)[]; short: boolean; }

export interface Assign extends Node { kind: 'Assign'; target: Expr; value: Expr; }
export interface AssignRef extends Node { kind: 'AssignRef'; target: Expr; value: Expr; }
/** $a op= $b; op is the binary operator: '+', '-', '*', '/', '.', '%', '**', '&', '|', '^', '<<', '>>', '??' */
export interface AssignOp extends Node { kind: 'AssignOp'; op: string; target: Expr; value: Expr; }

/**
 * Binary operators, op as written: '+', '-', '*', '/', '%', '**', '.', '<<', '>>', '&', '|', '^',
 * '&&', '||', 'and', 'or', 'xor', '==', '!=', '<>', '===', '!==', '<', '<=', '>', '>=', '<=>', '??'
 */
export interface BinaryOp extends Node { kind: 'BinaryOp'; op: string; left: Expr; right: Expr; }
/** '!', '-', '+', '~' */
export interface UnaryOp extends Node { kind: 'UnaryOp'; op: string; expr: Expr; }
/** ++$a, $a++, --$a, $a-- */
export interface IncDec extends Node { kind: 'IncDec'; inc: boolean; prefix: boolean; var: Expr; }
/** (int) (float) (string) (bool) (array) (object) (unset); `as` is the cast keyword as written, lowercased. */
export interface Cast extends Node { kind: 'Cast'; type: 'int' | 'float' | 'string' | 'bool' | 'array' | 'object' | 'unset'; as: string; expr: Expr; }

export interface Isset extends Node { kind: 'Isset'; vars: Expr[]; }
export interface Empty extends Node { kind: 'Empty'; expr: Expr; }
export interface ErrorSuppress extends Node { kind: 'ErrorSuppress'; expr: Expr; }
/** exit / die, with an optional argument. */
export interface Exit extends Node { kind: 'Exit'; expr: Expr | null; }
export interface Print extends Node { kind: 'Print'; expr: Expr; }
export interface Eval extends Node { kind: 'Eval'; expr: Expr; }
export interface Include extends Node { kind: 'Include'; type: 'include' | 'include_once' | 'require' | 'require_once'; expr: Expr; }
export interface Instanceof extends Node { kind: 'Instanceof'; expr: Expr; cls: Name | Expr; }
export interface Clone extends Node { kind: 'Clone'; expr: Expr; }
/** a ? b : c; `then` is null for the short form a ?: c. */
export interface Ternary extends Node { kind: 'Ternary'; cond: Expr; then: Expr | null; else: Expr; }
export interface MatchArm extends Node { kind: 'MatchArm'; conds: Expr[] | null /* null = default */; body: Expr; }
export interface Match extends Node { kind: 'Match'; cond: Expr; arms: MatchArm[]; }
export interface Throw extends Node { kind: 'Throw'; expr: Expr; }

/** A call argument. `name` for named arguments (foo(x: 1)); `unpack` for ...$args. */
export interface Arg extends Node { kind: 'Arg'; value: Expr; unpack: boolean; name: Identifier | null; }
/** f(...) first-class callable syntax: args is the marker object. */
export interface VariadicPlaceholder extends Node { kind: 'VariadicPlaceholder'; }
export type Args = Arg[] | VariadicPlaceholder;

export interface FuncCall extends Node { kind: 'FuncCall'; name: Name | Expr; args: Args; }
export interface MethodCall extends Node { kind: 'MethodCall'; var: Expr; name: Identifier | Expr; args: Args; }
export interface NullsafeMethodCall extends Node { kind: 'NullsafeMethodCall'; var: Expr; name: Identifier | Expr; args: Args; }
export interface StaticCall extends Node { kind: 'StaticCall'; cls: Name | Expr; name: Identifier | Expr; args: Args; }
/** new Foo(...), new $cls, new (expr), new class(...) { ... } (cls is then a ClassLike with name null). */
export interface New extends Node { kind: 'New'; cls: Name | Expr | ClassLike; args: Arg[]; }

export interface Param extends Node {
  kind: 'Param';
  name: string; // without the $
  type: TypeNode | null;
  default: Expr | null;
  byRef: boolean;
  variadic: boolean;
  /** constructor promotion: 'public' | 'protected' | 'private' flags, readonly */
  flags: number; // Modifier bits (below), 0 when not promoted
  attrGroups: AttributeGroup[];
}
export interface ClosureUse extends Node { kind: 'ClosureUse'; name: string; byRef: boolean; }
export interface Closure extends Node {
  kind: 'Closure';
  static: boolean;
  byRef: boolean; // function &() returns by reference
  params: Param[];
  uses: ClosureUse[];
  returnType: TypeNode | null;
  body: Stmt[];
  attrGroups: AttributeGroup[];
  /** the line of the closing brace */
  endLine?: number;
}
export interface ArrowFunction extends Node {
  kind: 'ArrowFunction';
  static: boolean;
  byRef: boolean;
  params: Param[];
  returnType: TypeNode | null;
  expr: Expr;
  attrGroups: AttributeGroup[];
}
/** yield; yield $v; yield $k => $v. */
export interface Yield extends Node { kind: 'Yield'; key: Expr | null; value: Expr | null; }
export interface YieldFrom extends Node { kind: 'YieldFrom'; expr: Expr; }

// ───────────────────────────── statements ─────────────────────────────

export type Stmt =
  | Echo | InlineHTML | ExprStmt | If | While | DoWhile | For | Foreach | Switch | Break | Continue
  | Return | Global | Static | Unset | Try | ThrowStmt | Goto | Label | Declare | Block | Nop
  | FunctionDecl | ClassLike | ConstStmt | Namespace | Use | GroupUse | HaltCompiler;

export interface Echo extends Node { kind: 'Echo'; exprs: Expr[]; }
export interface InlineHTML extends Node { kind: 'InlineHTML'; value: string; }
export interface ExprStmt extends Node { kind: 'ExprStmt'; expr: Expr; }
export interface ElseIf extends Node { kind: 'ElseIf'; cond: Expr; body: Stmt[]; }
export interface If extends Node { kind: 'If'; cond: Expr; body: Stmt[]; elseifs: ElseIf[]; else: Stmt[] | null; }
export interface While extends Node { kind: 'While'; cond: Expr; body: Stmt[]; }
export interface DoWhile extends Node { kind: 'DoWhile'; cond: Expr; body: Stmt[]; }
export interface For extends Node { kind: 'For'; init: Expr[]; cond: Expr[]; loop: Expr[]; body: Stmt[]; }
/** foreach ($expr as $key => $value); value may be a ListExpr; byRef for &$value. */
export interface Foreach extends Node { kind: 'Foreach'; expr: Expr; key: Expr | null; value: Expr; byRef: boolean; body: Stmt[]; }
export interface Case extends Node { kind: 'Case'; cond: Expr | null /* default */; body: Stmt[]; }
export interface Switch extends Node { kind: 'Switch'; cond: Expr; cases: Case[]; }
/** break / continue with an optional level (an integer literal expression, checked by the compiler). */
export interface Break extends Node { kind: 'Break'; levels: Expr | null; }
export interface Continue extends Node { kind: 'Continue'; levels: Expr | null; }
export interface Return extends Node { kind: 'Return'; expr: Expr | null; }
export interface Global extends Node { kind: 'Global'; vars: Expr[]; }
export interface StaticVar extends Node { kind: 'StaticVar'; name: string; default: Expr | null; }
export interface Static extends Node { kind: 'Static'; vars: StaticVar[]; }
export interface Unset extends Node { kind: 'Unset'; vars: Expr[]; }
export interface Catch extends Node { kind: 'Catch'; types: Name[]; var: string | null; body: Stmt[]; }
export interface Try extends Node { kind: 'Try'; body: Stmt[]; catches: Catch[]; finally: Stmt[] | null; }
/** `throw expr;` as a statement (the expression form is Throw). */
export interface ThrowStmt extends Node { kind: 'ThrowStmt'; expr: Expr; }
export interface Goto extends Node { kind: 'Goto'; label: string; }
export interface Label extends Node { kind: 'Label'; name: string; }
export interface DeclareDirective extends Node { kind: 'DeclareDirective'; key: string; value: Expr; }
/** declare(strict_types=1); body null for the statement form, [] or stmts for the block form. */
export interface Declare extends Node { kind: 'Declare'; directives: DeclareDirective[]; body: Stmt[] | null; }
/** { ... } */
export interface Block extends Node { kind: 'Block'; stmts: Stmt[]; }
/** An empty statement `;` (kept so line numbers of empty statements are not lost). */
export interface Nop extends Node { kind: 'Nop'; }
export interface HaltCompiler extends Node { kind: 'HaltCompiler'; remaining: string; }

export interface FunctionDecl extends Node {
  kind: 'FunctionDecl';
  name: Identifier;
  byRef: boolean;
  params: Param[];
  returnType: TypeNode | null;
  body: Stmt[];
  attrGroups: AttributeGroup[];
  /** the doc comment right before the declaration, for ReflectionFunction::getDocComment() */
  docComment: string | null;
  endLine: number;
}

// Modifier bits, the same values as PHP's ZEND_ACC_* / PHP-Parser's Class_::MODIFIER_*.
export const enum Modifier {
  Public = 1,
  Protected = 2,
  Private = 4,
  Static = 8,
  Abstract = 16,
  Final = 32,
  Readonly = 64,
}

export interface ClassConstDecl extends Node { kind: 'ClassConstDecl'; name: Identifier; value: Expr; }
export interface ClassConst extends Node {
  kind: 'ClassConst';
  flags: number;
  consts: ClassConstDecl[];
  attrGroups: AttributeGroup[];
  docComment: string | null;
}
export interface PropertyDecl extends Node { kind: 'PropertyDecl'; name: string; default: Expr | null; }
export interface Property extends Node {
  kind: 'Property';
  flags: number; // `var` gives Public
  type: TypeNode | null;
  props: PropertyDecl[];
  attrGroups: AttributeGroup[];
  docComment: string | null;
}
export interface ClassMethod extends Node {
  kind: 'ClassMethod';
  flags: number;
  byRef: boolean;
  name: Identifier;
  params: Param[];
  returnType: TypeNode | null;
  body: Stmt[] | null; // null for abstract/interface methods
  attrGroups: AttributeGroup[];
  docComment: string | null;
  endLine: number;
}
/** `use A, B { A::foo insteadof B; B::foo as protected bar; }` inside a class body. */
export interface TraitUse extends Node { kind: 'TraitUse'; traits: Name[]; adaptations: TraitAdaptation[]; }
export type TraitAdaptation = TraitPrecedence | TraitAlias;
export interface TraitPrecedence extends Node { kind: 'TraitPrecedence'; trait: Name; method: Identifier; insteadof: Name[]; }
export interface TraitAlias extends Node {
  kind: 'TraitAlias';
  trait: Name | null;
  method: Identifier;
  newModifier: number | null; // a visibility Modifier bit
  newName: Identifier | null;
}
/** enum case NAME [= expr]; */
export interface EnumCase extends Node { kind: 'EnumCase'; name: Identifier; value: Expr | null; attrGroups: AttributeGroup[]; }

export type ClassMember = ClassConst | Property | ClassMethod | TraitUse | EnumCase;

export interface ClassLike extends Node {
  kind: 'ClassLike';
  type: 'class' | 'interface' | 'trait' | 'enum';
  /** null for anonymous classes */
  name: Identifier | null;
  flags: number; // Abstract, Final, Readonly
  extends: Name | null; // class
  /** interfaces: `implements` for classes/enums, `extends` list for interfaces */
  implements: Name[];
  /** enum backing type (int|string) */
  enumType: TypeNode | null;
  members: ClassMember[];
  attrGroups: AttributeGroup[];
  docComment: string | null;
  endLine: number;
}

export interface ConstDecl extends Node { kind: 'ConstDecl'; name: Identifier; value: Expr; }
/** top-level `const A = 1, B = 2;` */
export interface ConstStmt extends Node { kind: 'ConstStmt'; consts: ConstDecl[]; }

/** namespace Foo; (body null: applies to the following statements until the next namespace) or namespace Foo { } */
export interface Namespace extends Node { kind: 'Namespace'; name: Name | null; body: Stmt[] | null; }

export interface UseItem extends Node {
  kind: 'UseItem';
  /** 'normal' (classes), 'function', 'const'; inside a GroupUse, items may carry their own type */
  type: 'normal' | 'function' | 'const';
  name: Name;
  alias: Identifier | null;
}
export interface Use extends Node { kind: 'Use'; type: 'normal' | 'function' | 'const'; uses: UseItem[]; }
/** use Foo\{Bar, function baz}; prefix is Foo */
export interface GroupUse extends Node { kind: 'GroupUse'; type: 'normal' | 'function' | 'const'; prefix: Name; uses: UseItem[]; }

/** The parser's result for one file. */
export interface Program {
  stmts: Stmt[];
  /** the source text after __halt_compiler();, if any (for __COMPILER_HALT_OFFSET__) */
  haltOffset: number | null;
  /** compile warnings the scanner raised */
  warnings?: { message: string; line: number }[];
}
