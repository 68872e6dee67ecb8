// PHP source regenerated from the AST, as zend_ast_export does it (Zend/zend_ast.c): the message of
// a failed assert() is "assert(<the argument as PHP prints it>)", statements and declarations of
// closures included, four spaces per level of indentation.

import type * as A from '../syntax/ast.js';

/** The first argument of an assert() call, as its message shows it. */
export function exportArg(a: A.Arg): string {
  return (a.name ? a.name.name + ': ' : '') + (a.unpack ? '...' : '') + exportExpr(a.value);
}

/** The expression as PHP exports it; `priority` is the binding strength of the surrounding operator. */
export function exportExpr(e: A.Expr, priority = 0, indent = 0): string {
  return new Exporter().expr(e, priority, indent);
}

/** Binary operators: [text, own priority, left priority, right priority] (zend_ast_export_ex). */
const BINARY: Record<string, [string, number, number, number]> = {
  '+': [' + ', 200, 200, 201], '-': [' - ', 200, 200, 201], '*': [' * ', 210, 210, 211], '/': [' / ', 210, 210, 211],
  '%': [' % ', 210, 210, 211], '<<': [' << ', 190, 190, 191], '>>': [' >> ', 190, 190, 191], '.': [' . ', 185, 185, 186],
  '|': [' | ', 140, 140, 141], '&': [' & ', 160, 160, 161], '^': [' ^ ', 150, 150, 151],
  '===': [' === ', 170, 171, 171], '!==': [' !== ', 170, 171, 171], '==': [' == ', 170, 171, 171], '!=': [' != ', 170, 171, 171],
  '<>': [' != ', 170, 171, 171], '<': [' < ', 180, 181, 181], '<=': [' <= ', 180, 181, 181], '>': [' > ', 180, 181, 181],
  '>=': [' >= ', 180, 181, 181], '<=>': [' <=> ', 180, 181, 181], '**': [' ** ', 250, 251, 250], xor: [' xor ', 40, 40, 41],
  '&&': [' && ', 130, 130, 131], and: [' && ', 130, 130, 131], '||': [' || ', 120, 120, 121], or: [' || ', 120, 120, 121],
  '??': [' ?? ', 110, 111, 110],
};

const CASTS: Record<string, string> = { int: '(int)', float: '(double)', string: '(string)', bool: '(bool)', array: '(array)', object: '(object)', unset: '(unset)' };

/** Statements after which zend_ast_export_stmt puts no semicolon. */
const BLOCK_STMTS = new Set(['Label', 'If', 'Switch', 'While', 'Try', 'For', 'Foreach', 'FunctionDecl', 'ClassLike', 'ClassMethod', 'TraitUse', 'Namespace', 'Declare']);

const PUBLIC = 1, PROTECTED = 2, PRIVATE = 4, STATIC = 8, ABSTRACT = 16, FINAL = 32, READONLY = 64;

function pad(indent: number): string {
  return '    '.repeat(indent);
}

/** zend_ast_export_str: a single-quoted string's content. */
function singleQuoted(s: string): string {
  return "'" + s.replace(/[\\']/g, (c) => '\\' + c) + "'";
}

/** zend_ast_export_qstr: a double-quoted (or backtick) string's literal part. */
function quotedPart(s: string, quote: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 32) {
      const named: Record<number, string> = { 10: '\\n', 13: '\\r', 9: '\\t', 12: '\\f', 11: '\\v', 27: '\\e' };
      out += named[c] ?? '\\0' + Math.floor(c / 8) + (c % 8);
    } else {
      if (ch === quote || ch === '$' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out;
}

/** A decimal integer literal's value (hex, octal, binary and separators resolved); too large ones are floats. */
function intText(v: string): string {
  const s = v.replace(/_/g, '').toLowerCase();
  let n: bigint;
  if (s.startsWith('0x')) n = BigInt(s);
  else if (s.startsWith('0b')) n = BigInt(s);
  else if (s.startsWith('0o')) n = BigInt('0o' + s.slice(2));
  else if (s.length > 1 && s.startsWith('0')) n = BigInt('0o' + s.slice(1));
  else n = BigInt(s);
  if (n > 0x7fffffffffffffffn) return floatText(Number(n));
  return n.toString();
}

/** "%.*G" with precision 14 (EG(precision)). */
export function floatText(f: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NAN' : f > 0 ? 'INF' : '-INF';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  const digits = Number(f.toPrecision(14));
  const realExp = digits === 0 ? 0 : Math.floor(Math.log10(Math.abs(digits)));
  if (realExp < -4 || realExp >= 14) {
    const [m, e] = digits.toExponential(13).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return mant + 'E' + (n < 0 ? '-' : '+') + String(Math.abs(n)).padStart(1, '0');
  }
  void exp;
  const t = digits.toPrecision(14);
  return t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t;
}

function isVarName(s: string): boolean {
  return /^[A-Za-z_\x80-\uffff][A-Za-z0-9_\x80-\uffff]*$/.test(s);
}

class Exporter {
  name(n: A.Name): string {
    return (n.form === 'fully' ? '\\' : n.form === 'relative' ? 'namespace\\' : '') + n.name;
  }

  /** zend_ast_export_class_name: a Name as written, an expression as exported. */
  className(c: A.Name | A.Expr, indent: number): string {
    if (c.kind === 'Name') return this.name(c as A.Name);
    return this.expr(c as A.Expr, 0, indent);
  }

  /** zend_ast_export_var: a member or variable name; anything else in braces. */
  varName(n: A.Identifier | A.Expr | string, indent: number): string {
    if (typeof n === 'string') return isVarName(n) ? n : '{' + n + '}';
    if (n.kind === 'Identifier') return isVarName((n as A.Identifier).name) ? (n as A.Identifier).name : '{' + (n as A.Identifier).name + '}';
    if (n.kind === 'Variable') return this.expr(n as A.Expr, 0, indent);
    // a literal name is printed bare (zend_ast_export_name)
    if (n.kind === 'ScalarString') return isVarName((n as A.ScalarString).value) ? (n as A.ScalarString).value : '{' + (n as A.ScalarString).value + '}';
    return '{' + this.expr(n as A.Expr, 0, indent) + '}';
  }

  type(t: A.TypeNode): string {
    switch (t.kind) {
      case 'SimpleType':
        return this.name(t.name);
      case 'NullableType':
        return '?' + this.type(t.type);
      case 'UnionType':
        return t.types.map((x) => this.type(x)).join('|');
      case 'IntersectionType':
        return t.types.map((x) => this.type(x)).join('&');
    }
  }

  attributes(groups: A.AttributeGroup[], indent: number, newlines: boolean): string {
    let s = '';
    for (const g of groups) {
      s += '#[' + g.attrs.map((a) => this.name(a.name) + (a.args.length ? '(' + this.args(a.args, indent) + ')' : '')).join(', ') + ']';
      s += newlines ? '\n' + pad(indent) : ' ';
    }
    return s;
  }

  args(a: A.Args, indent: number): string {
    if (!Array.isArray(a)) return '...';
    return a.map((x) => (x.name ? x.name.name + ': ' : '') + (x.unpack ? '...' : '') + this.expr(x.value, x.name || x.unpack ? 0 : 20, indent)).join(', ');
  }

  arrayItems(items: (A.ArrayItem | null)[], indent: number): string {
    return items
      .map((it) => {
        if (it === null) return '';
        if (it.unpack) return '...' + this.expr(it.value, 0, indent);
        return (it.key ? this.expr(it.key, 80, indent) + ' => ' : '') + (it.byRef ? '&' : '') + this.expr(it.value, 80, indent);
      })
      .join(', ');
  }

  /** zend_ast_export_encaps_list */
  encaps(parts: (string | A.Expr)[], quote: string, indent: number): string {
    let s = '';
    parts.forEach((p, i) => {
      if (typeof p === 'string') {
        s += quotedPart(p, quote);
        return;
      }
      const next = parts[i + 1];
      const plain = p.kind === 'Variable' && (typeof p.name === 'string' || p.name.kind === 'ScalarString') && (typeof next !== 'string' || !/^[\[A-Za-z0-9_\x80-\uffff]/.test(next));
      s += plain ? this.expr(p, 0, indent) : '{' + this.expr(p, 0, indent) + '}';
    });
    return s;
  }

  params(ps: A.Param[], indent: number): string {
    return ps
      .map((p) => {
        let s = p.attrGroups.length ? this.attributes(p.attrGroups, indent, false) : '';
        if (p.flags) s += this.modifiers(p.flags, false);
        if (p.type) s += this.type(p.type) + ' ';
        if (p.byRef) s += '&';
        if (p.variadic) s += '...';
        s += '$' + p.name;
        if (p.default) s += ' = ' + this.expr(p.default, 0, indent);
        return s;
      })
      .join(', ');
  }

  modifiers(flags: number, method: boolean): string {
    let s = flags & PUBLIC ? 'public ' : flags & PROTECTED ? 'protected ' : flags & PRIVATE ? 'private ' : '';
    if (flags & STATIC) s += 'static ';
    if (method) {
      if (flags & ABSTRACT) s += 'abstract ';
      if (flags & FINAL) s += 'final ';
    } else if (flags & READONLY) s += 'readonly ';
    return s;
  }

  /** A function-like declaration: closure, arrow function, function or method. */
  fn(kind: 'closure' | 'arrow' | 'function' | 'method', d: {
    byRef: boolean; params: A.Param[]; returnType: A.TypeNode | null; attrGroups: A.AttributeGroup[];
  }, indent: number, opts: { flags?: number; name?: string; uses?: A.ClosureUse[]; body?: A.Stmt[] | null; expr?: A.Expr }): string {
    const inline = kind === 'closure' || kind === 'arrow';
    let s = d.attrGroups.length ? this.attributes(d.attrGroups, indent, !inline) : '';
    s += this.modifiers(opts.flags ?? 0, true);
    s += kind === 'arrow' ? 'fn' : 'function ';
    if (d.byRef) s += '&';
    if (!inline) s += opts.name;
    s += '(' + this.params(d.params, indent) + ')';
    if (opts.uses && opts.uses.length) s += ' use(' + opts.uses.map((u) => (u.byRef ? '&$' : '$') + u.name).join(', ') + ')';
    if (d.returnType) s += ': ' + this.type(d.returnType);
    if (kind === 'arrow') return s + ' => ' + this.expr(opts.expr!, 0, indent);
    if (opts.body == null) return s + ';\n';
    s += ' {\n' + this.stmts(opts.body, indent + 1) + pad(indent) + '}';
    return kind === 'closure' ? s : s + '\n';
  }

  classDecl(c: A.ClassLike, indent: number, header: boolean): string {
    let s = '';
    if (header) {
      if (c.attrGroups.length) s += this.attributes(c.attrGroups, indent, true);
      if (c.type === 'class') {
        if (c.flags & ABSTRACT) s += 'abstract ';
        if (c.flags & FINAL) s += 'final ';
        if (c.flags & READONLY) s += 'readonly ';
      }
      s += c.type + ' ' + (c.name ? c.name.name : '');
      if (c.type === 'enum' && c.enumType) s += ': ' + this.type(c.enumType);
    }
    if (c.extends) s += ' extends ' + this.name(c.extends);
    if (c.implements.length) s += (c.type === 'interface' ? ' extends ' : ' implements ') + c.implements.map((n) => this.name(n)).join(', ');
    s += ' {\n';
    for (const m of c.members) s += pad(indent + 1) + this.member(m, indent + 1) + (BLOCK_STMTS.has(m.kind) ? '' : ';') + '\n';
    return s + pad(indent) + '}';
  }

  member(m: A.ClassMember, indent: number): string {
    switch (m.kind) {
      case 'ClassConst':
        return (m.attrGroups.length ? this.attributes(m.attrGroups, indent, true) : '') + this.modifiers(m.flags || PUBLIC, true) + 'const ' +
          m.consts.map((k) => k.name.name + ' = ' + this.expr(k.value, 20, indent)).join(', ');
      case 'Property':
        return (m.attrGroups.length ? this.attributes(m.attrGroups, indent, true) : '') + this.modifiers(m.flags || PUBLIC, false) + (m.type ? this.type(m.type) + ' ' : '') +
          m.props.map((p) => '$' + p.name + (p.default ? ' = ' + this.expr(p.default, 20, indent) : '')).join(', ');
      case 'ClassMethod':
        return this.fn('method', m, indent, { flags: m.flags & (PUBLIC | PROTECTED | PRIVATE) ? m.flags : m.flags | PUBLIC, name: m.name.name, body: m.body });
      case 'TraitUse': {
        let s = 'use ' + m.traits.map((n) => this.name(n)).join(', ');
        if (!m.adaptations.length) return s + ';';
        s += ' {\n';
        for (const a of m.adaptations) s += pad(indent + 1) + this.adaptation(a) + ';\n';
        return s + pad(indent) + '}';
      }
      case 'EnumCase':
        return (m.attrGroups.length ? this.attributes(m.attrGroups, indent, true) : '') + 'case ' + m.name.name + (m.value ? ' = ' + this.expr(m.value, 0, indent) : '');
    }
  }

  adaptation(a: A.TraitAdaptation): string {
    const ref = (a.trait ? this.name(a.trait) + '::' : '') + a.method.name;
    if (a.kind === 'TraitPrecedence') return ref + ' insteadof ' + a.insteadof.map((n) => this.name(n)).join(', ');
    let s = ref;
    const v = a.newModifier;
    if (v !== null && v & PUBLIC) s += ' as public';
    else if (v !== null && v & PROTECTED) s += ' as protected';
    else if (v !== null && v & PRIVATE) s += ' as private';
    else if (a.newName) s += ' as';
    if (a.newName) s += ' ' + a.newName.name;
    return s;
  }

  /** zend_ast_export_stmt over a list: one line per statement (blocks flattened). */
  stmts(list: A.Stmt[], indent: number): string {
    let s = '';
    for (const st of list) s += this.stmt(st, indent);
    return s;
  }

  stmt(st: A.Stmt, indent: number): string {
    const line = (text: string, kind: string = st.kind): string => pad(indent) + text + (BLOCK_STMTS.has(kind) ? '' : ';') + '\n';
    switch (st.kind) {
      case 'Block':
        return this.stmts(st.stmts, indent);
      case 'Nop':
        return '';
      case 'Echo':
        return st.exprs.map((e) => line('echo ' + this.expr(e, 0, indent))).join('');
      case 'InlineHTML':
        return line('echo ' + singleQuoted(st.value));
      case 'ExprStmt':
        return line(this.expr(st.expr, 0, indent));
      case 'Global':
        return st.vars.map((v) => line('global ' + this.expr(v, 0, indent))).join('');
      case 'Static':
        return st.vars.map((v) => line('static $' + v.name + (v.default ? ' = ' + this.expr(v.default, 0, indent) : ''))).join('');
      case 'Unset':
        return st.vars.map((v) => line('unset(' + this.expr(v, 0, indent) + ')')).join('');
      case 'ConstStmt':
        return line('const ' + st.consts.map((k) => k.name.name + ' = ' + this.expr(k.value, 20, indent)).join(', '));
      default:
        return line(this.stmtBody(st, indent));
    }
  }

  /** A statement's text without the indentation of its first line and without the closing semicolon. */
  stmtBody(st: A.Stmt, indent: number): string {
    const block = (b: A.Stmt[]): string => ' {\n' + this.stmts(b, indent + 1) + pad(indent) + '}';
    const list = (es: A.Expr[]): string => es.map((e) => this.expr(e, 20, indent)).join(', ');
    switch (st.kind) {
      case 'If':
        return this.ifStmt(st, indent);
      case 'While':
        return 'while (' + this.expr(st.cond, 0, indent) + ')' + block(st.body);
      case 'DoWhile':
        return 'do {\n' + this.stmts(st.body, indent + 1) + pad(indent) + '} while (' + this.expr(st.cond, 0, indent) + ')';
      case 'For':
        return 'for (' + list(st.init) + ';' + (st.cond.length ? ' ' + list(st.cond) : '') + ';' + (st.loop.length ? ' ' + list(st.loop) : '') + ')' + block(st.body);
      case 'Foreach':
        return 'foreach (' + this.expr(st.expr, 0, indent) + ' as ' + (st.key ? this.expr(st.key, 0, indent) + ' => ' : '') + (st.byRef ? '&' : '') + this.expr(st.value, 0, indent) + ')' + block(st.body);
      case 'Switch': {
        let s = 'switch (' + this.expr(st.cond, 0, indent) + ') {\n';
        for (const k of st.cases) {
          s += pad(indent + 1) + (k.cond ? 'case ' + this.expr(k.cond, 0, indent + 1) + ':\n' : 'default:\n');
          s += this.stmts(k.body, indent + 2);
        }
        return s + pad(indent) + '}';
      }
      case 'Break':
        return 'break' + (st.levels ? ' ' + this.expr(st.levels, 0, indent) : '');
      case 'Continue':
        return 'continue' + (st.levels ? ' ' + this.expr(st.levels, 0, indent) : '');
      case 'Return':
        return 'return' + (st.expr ? ' ' + this.expr(st.expr, 0, indent) : '');
      case 'Try': {
        let s = 'try {\n' + this.stmts(st.body, indent + 1) + pad(indent);
        for (const k of st.catches) {
          s += '} catch (' + k.types.map((n) => this.name(n)).join('|') + (k.var !== null ? ' $' + k.var : '') + ') {\n' + this.stmts(k.body, indent + 1) + pad(indent);
        }
        if (st.finally) s += '} finally {\n' + this.stmts(st.finally, indent + 1) + pad(indent);
        return s + '}';
      }
      case 'ThrowStmt':
        return 'throw ' + this.expr(st.expr, 0, indent);
      case 'Goto':
        return 'goto ' + st.label;
      case 'Label':
        return st.name + ':';
      case 'Declare': {
        const head = 'declare(' + st.directives.map((d) => d.key + ' = ' + this.expr(d.value, 0, indent)).join(', ') + ')';
        return st.body ? head + block(st.body) : head + ';';
      }
      case 'FunctionDecl':
        return this.fn('function', st, indent, { name: st.name.name, body: st.body });
      case 'ClassLike':
        return this.classDecl(st, indent, true) + '\n';
      case 'Namespace':
        return 'namespace' + (st.name ? ' ' + st.name.name : '') + (st.body ? ' {\n' + this.stmts(st.body, indent + 1) + pad(indent) + '}\n' : ';');
      case 'Use':
        return 'use ' + (st.type === 'function' ? 'function ' : st.type === 'const' ? 'const ' : '') + st.uses.map((u) => u.name.name + (u.alias ? ' as ' + u.alias.name : '')).join(', ');
      case 'GroupUse':
        return 'use ' + this.name(st.prefix) + '\\{' + st.uses.map((u) => u.name.name + (u.alias ? ' as ' + u.alias.name : '')).join(', ') + '}';
      case 'HaltCompiler':
        return '__HALT_COMPILER()';
    }
    return '';
  }

  /** zend_ast_export_if_stmt: `else if` continues the chain, `elseif` stays a word. */
  ifStmt(st: A.If, indent: number): string {
    let s = 'if (' + this.expr(st.cond, 0, indent) + ') {\n' + this.stmts(st.body, indent + 1);
    for (const ei of st.elseifs) s += pad(indent) + '} elseif (' + this.expr(ei.cond, 0, indent) + ') {\n' + this.stmts(ei.body, indent + 1);
    if (st.else) {
      const only = st.else.length === 1 ? st.else[0] : null;
      if (only && only.kind === 'If') return s + pad(indent) + '} else ' + this.ifStmt(only, indent);
      s += pad(indent) + '} else {\n' + this.stmts(st.else, indent + 1);
    }
    return s + pad(indent) + '}';
  }

  binary(op: [string, number, number, number], l: A.Expr, r: A.Expr, priority: number, indent: number): string {
    const s = this.expr(l, op[2], indent) + op[0] + this.expr(r, op[3], indent);
    return priority > op[1] ? '(' + s + ')' : s;
  }

  prefix(op: string, p: number, pl: number, e: A.Expr, priority: number, indent: number): string {
    const s = op + this.expr(e, pl, indent);
    return priority > p ? '(' + s + ')' : s;
  }

  expr(e: A.Expr, priority: number, indent: number): string {
    switch (e.kind) {
      case 'ScalarInt':
        return intText(e.value);
      case 'ScalarFloat':
        return floatText(e.value);
      case 'ScalarString':
        return singleQuoted(e.value);
      case 'InterpolatedString':
        return '"' + this.encaps(e.parts, '"', indent) + '"';
      case 'ShellExec':
        return '`' + this.encaps(e.parts, '`', indent) + '`';
      case 'MagicConst':
        return e.name;
      case 'Variable':
        return '$' + this.varName(typeof e.name === 'string' ? e.name : e.name, indent);
      case 'ArrayDimFetch':
        return this.expr(e.var, 260, indent) + '[' + (e.dim ? this.expr(e.dim, 0, indent) : '') + ']';
      case 'PropertyFetch':
        return this.expr(e.var, 0, indent) + '->' + this.varName(e.name, indent);
      case 'NullsafePropertyFetch':
        return this.expr(e.var, 0, indent) + '?->' + this.varName(e.name, indent);
      case 'StaticPropertyFetch':
        return this.className(e.cls, indent) + '::$' + this.varName(e.name, indent);
      case 'ClassConstFetch':
        return this.className(e.cls, indent) + '::' + e.name.name;
      case 'ConstFetch':
        return this.name(e.name);
      case 'ArrayLiteral':
      case 'ListExpr':
        return '[' + this.arrayItems(e.items, indent) + ']';
      case 'Assign':
        return this.binary([' = ', 90, 91, 90], e.target, e.value, priority, indent);
      case 'AssignRef':
        return this.binary([' =& ', 90, 91, 90], e.target, e.value, priority, indent);
      case 'AssignOp':
        return this.binary([' ' + e.op + '= ', 90, 91, 90], e.target, e.value, priority, indent);
      case 'BinaryOp':
        return this.binary(BINARY[e.op] ?? [' ' + e.op + ' ', 100, 100, 101], e.left, e.right, priority, indent);
      case 'UnaryOp':
        return this.prefix(e.op, 240, 241, e.expr, priority, indent);
      case 'IncDec': {
        const op = e.inc ? '++' : '--';
        if (e.prefix) return this.prefix(op, 240, 241, e.var, priority, indent);
        const s = this.expr(e.var, 241, indent) + op;
        return priority > 240 ? '(' + s + ')' : s;
      }
      case 'Cast':
        return this.prefix(CASTS[e.type], 240, 241, e.expr, priority, indent);
      case 'Isset': {
        // isset($a, $b) is parsed as isset($a) && isset($b)
        const parts = e.vars.map((v) => 'isset(' + this.expr(v, 0, indent) + ')');
        const s = parts.join(' && ');
        return parts.length > 1 && priority > 130 ? '(' + s + ')' : s;
      }
      case 'Empty':
        return 'empty(' + this.expr(e.expr, 0, indent) + ')';
      case 'ErrorSuppress':
        return this.prefix('@', 240, 241, e.expr, priority, indent);
      case 'Exit':
        return e.expr ? 'exit(' + this.expr(e.expr, 0, indent) + ')' : 'exit';
      case 'Print':
        return this.prefix('print ', 60, 61, e.expr, priority, indent);
      case 'Eval':
        return 'eval(' + this.expr(e.expr, 0, indent) + ')';
      case 'Include':
        return e.type + '(' + this.expr(e.expr, 0, indent) + ')';
      case 'Instanceof':
        return this.expr(e.expr, 0, indent) + ' instanceof ' + this.className(e.cls, indent);
      case 'Clone':
        return this.prefix('clone ', 270, 271, e.expr, priority, indent);
      case 'Ternary': {
        let s = this.expr(e.cond, 100, indent) + (e.then ? ' ? ' + this.expr(e.then, 101, indent) + ' : ' : ' ?: ') + this.expr(e.else, 101, indent);
        if (priority > 100) s = '(' + s + ')';
        return s;
      }
      case 'Match': {
        let s = 'match (' + this.expr(e.cond, 0, indent) + ') {\n';
        for (const a of e.arms) {
          s += pad(indent + 1) + (a.conds ? a.conds.map((k) => this.expr(k, 0, indent + 1)).join(', ') + ' => ' : 'default => ') + this.expr(a.body, 0, 0) + ',\n';
        }
        return s + pad(indent) + '}';
      }
      case 'Throw':
        return 'throw ' + this.expr(e.expr, priority, indent);
      case 'FuncCall':
        return (e.name.kind === 'Name' ? this.name(e.name as A.Name) : this.expr(e.name as A.Expr, 0, indent)) + '(' + this.args(e.args, indent) + ')';
      case 'MethodCall':
        return this.expr(e.var, 0, indent) + '->' + this.varName(e.name, indent) + '(' + this.args(e.args, indent) + ')';
      case 'NullsafeMethodCall':
        return this.expr(e.var, 0, indent) + '?->' + this.varName(e.name, indent) + '(' + this.args(e.args, indent) + ')';
      case 'StaticCall':
        return this.className(e.cls, indent) + '::' + this.varName(e.name, indent) + '(' + this.args(e.args, indent) + ')';
      case 'New': {
        if (e.cls.kind === 'ClassLike') {
          const c = e.cls as A.ClassLike;
          const attrs = c.attrGroups.length ? this.attributes(c.attrGroups, indent, false) : '';
          return 'new ' + attrs + 'class' + (e.args.length ? '(' + this.args(e.args, indent) + ')' : '') + this.classDecl(c, indent, false);
        }
        return 'new ' + this.className(e.cls as A.Name | A.Expr, indent) + '(' + this.args(e.args, indent) + ')';
      }
      case 'Closure':
        return this.fn('closure', e, indent, { flags: e.static ? STATIC : 0, uses: e.uses, body: e.body });
      case 'ArrowFunction':
        return this.fn('arrow', e, indent, { flags: e.static ? STATIC : 0, expr: e.expr });
      case 'Yield': {
        let s = 'yield ';
        if (e.value) s += (e.key ? this.expr(e.key, 70, indent) + ' => ' : '') + this.expr(e.value, 70, indent);
        return priority > 70 ? '(' + s + ')' : s;
      }
      case 'YieldFrom':
        return this.prefix('yield from ', 85, 86, e.expr, priority, indent);
    }
    return '';
  }
}
