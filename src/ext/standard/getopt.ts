// getopt() (ext/standard/basic_functions.c) and the option scanner it drives (main/getopt.c),
// reading the script's arguments from $_SERVER['argv'].

import type { Registry } from '../../engine/extension.js';
import { PhpArray, normStrKey } from '../../runtime/array.js';
import { Ref } from '../../runtime/values.js';
import { rt } from '../../runtime/request.js';
import { toStr } from '../../runtime/convert.js';

interface Opt {
  /** the short option character ('' for long options, '-' ends the table) */
  ch: string;
  name: string | null;
  /** 0 no value, 1 required, 2 optional */
  needParam: number;
}

const INVALID = -2;
const EOF = -1;

/** The state php_getopt keeps between calls while one getopt() runs. */
class Scanner {
  optchr = 0;
  dash = false;
  optidx = -1;
  optind = 1;
  optarg: string | null = null;
  constructor(private readonly argv: string[], private readonly opts: Opt[]) {}

  private at(arg: string, i: number): string {
    return i < arg.length ? arg[i] : '\0';
  }

  /** php_getopt: the next option (its character, '' for a long one), or EOF/INVALID. */
  next(): string | number {
    const { argv, opts } = this;
    this.optidx = -1;
    if (this.optind >= argv.length) return EOF;
    let arg = argv[this.optind];
    if (!this.dash) {
      if (this.at(arg, 0) !== '-') return EOF;
      if (this.at(arg, 1) === '\0') return EOF;
    }
    let argStart: number;
    if (this.at(arg, 0) === '-' && this.at(arg, 1) === '-') {
      if (this.at(arg, 2) === '\0') {
        this.optind++;
        return EOF;
      }
      argStart = 2;
      let argEnd: number;
      const eq = arg.indexOf('=', argStart);
      if (eq >= 0) {
        argEnd = eq - argStart;
        argStart++;
      } else argEnd = arg.length - 1 - 1;
      for (;;) {
        this.optidx++;
        const o = opts[this.optidx];
        if (o.ch === '-') {
          this.optind++;
          return INVALID;
        }
        if (o.name !== null && arg.slice(2, 2 + argEnd) === o.name.slice(0, argEnd) && argEnd === o.name.length) break;
      }
      this.optchr = 0;
      this.dash = false;
      argStart += opts[this.optidx].name!.length;
    } else {
      if (!this.dash) {
        this.dash = true;
        this.optchr = 1;
      }
      if (this.at(arg, this.optchr) === ':') {
        this.dash = false;
        this.optind++;
        return INVALID;
      }
      argStart = 1 + this.optchr;
    }
    if (this.optidx < 0) {
      for (;;) {
        this.optidx++;
        const o = opts[this.optidx];
        if (o.ch === '-') {
          if (this.at(arg, this.optchr + 1) === '\0') {
            this.dash = false;
            this.optind++;
          } else {
            this.optchr++;
            argStart++;
          }
          return INVALID;
        }
        if (this.at(arg, this.optchr) === o.ch) break;
      }
    }
    const o = opts[this.optidx];
    if (o.needParam) {
      this.dash = false;
      if (this.at(arg, argStart) === '\0') {
        this.optind++;
        if (this.optind === argv.length) {
          if (o.needParam === 1) return INVALID;
        } else if (o.needParam === 1) {
          this.optarg = argv[this.optind++];
          return o.ch;
        }
      } else if (this.at(arg, argStart) === '=') {
        this.optarg = arg.slice(argStart + 1);
        this.optind++;
      } else {
        this.optarg = arg.slice(argStart);
        this.optind++;
      }
      return o.ch;
    }
    // several short options in one argument (-abc)
    arg = argv[this.optind];
    if (argStart >= 2 && !(this.at(arg, 0) === '-' && this.at(arg, 1) === '-')) {
      if (this.at(arg, this.optchr + 1) === '\0') {
        this.dash = false;
        this.optind++;
      } else this.optchr++;
    } else this.optind++;
    return o.ch;
  }
}

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

/** parse_opts: "ab:c::" → short options; the table has a slot for every alphanumeric character. */
function parseShort(spec: string): Opt[] {
  let count = 0;
  for (const c of spec) if (isAlnum(c)) count++;
  const out: Opt[] = [];
  let i = 0;
  while (i < spec.length && isAlnum(spec[i])) {
    const o: Opt = { ch: spec[i], name: null, needParam: 0 };
    i++;
    if (spec[i] === ':') {
      o.needParam = 1;
      i++;
      if (spec[i] === ':') {
        o.needParam = 2;
        i++;
      }
    }
    out.push(o);
  }
  while (out.length < count) out.push({ ch: '\0', name: null, needParam: 0 });
  return out;
}

function parseLong(longopts: PhpArray): Opt[] {
  return longopts.valueList().map((v) => {
    let name = toStr(v instanceof Ref ? v.v : v);
    let needParam = 0;
    if (name.endsWith(':')) {
      needParam++;
      name = name.slice(0, -1);
      if (name.endsWith(':')) {
        needParam++;
        name = name.slice(0, -1);
      }
    }
    return { ch: '', name, needParam };
  });
}

function scriptArgv(): string[] | null {
  const server = rt.globals.get('_SERVER');
  let args = server instanceof PhpArray ? server.get('argv') : undefined;
  if (args === undefined) args = rt.globals.get('argv');
  if (args instanceof Ref) args = args.v;
  if (!(args instanceof PhpArray)) return null;
  return args.valueList().map((v) => toStr(v instanceof Ref ? v.v : v));
}

function getopt(spec: string, longopts: PhpArray | null, optind: Ref | null): PhpArray | false {
  if (optind instanceof Ref) optind.v = 1;
  const argv = scriptArgv();
  if (!argv) return false;
  const opts = [...parseShort(spec), ...(longopts ? parseLong(longopts) : []), { ch: '-', name: null, needParam: 0 }];
  const result = new PhpArray();
  const scanner = new Scanner(argv, opts);
  for (;;) {
    const o = scanner.next();
    if (o === EOF) break;
    if (o === INVALID) continue;
    const name = o === '' ? opts[scanner.optidx].name! : (o as string);
    const val = scanner.optarg !== null ? scanner.optarg : false;
    scanner.optarg = null;
    // numeric option names become integer keys (not "01")
    const key = !(name.length > 1 && name[0] === '0') ? normStrKey(name) : name;
    const prev = result.get(key);
    if (prev === undefined) result.set(key, val);
    else if (prev instanceof PhpArray) prev.append(val);
    else result.set(key, PhpArray.fromList([prev, val]));
  }
  if (optind instanceof Ref) optind.v = scanner.optind;
  return result;
}

export function registerGetopt(r: Registry): void {
  r.functions({
    'getopt(string $short_options, array $long_options = [], &$rest_index = null): array|false': (s: string, l: PhpArray, ri: Ref | null) =>
      getopt(s, l, ri ?? null),
  });
}
