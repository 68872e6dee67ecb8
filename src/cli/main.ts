// The phpts command: runs PHP scripts the way `php` (the CLI SAPI) does, with its options.

import * as fs from 'node:fs';
import * as path from 'node:path';
import '../engine/builtins.js';
import { EngineBuilder, Engine } from '../engine/engine.js';
import { parse } from '../syntax/parser.js';
import { PhpSyntaxError } from '../syntax/errors.js';
import { PHP_VERSION, PHPTS_VERSION } from '../version.js';
import { writeWhole } from '../threads/output.js';

interface CliOptions {
  mode: 'run' | 'lint' | 'version' | 'modules' | 'help' | 'info';
  code: string | null;
  file: string | null;
  args: string[];
  ini: Record<string, string>;
}

const USAGE = `Usage: phpts [options] [-f] <file> [--] [args...]
   phpts [options] -r <code> [--] [args...]
   phpts [options] -- [args...]

  -d key[=value]   Define INI entry key with value 'value'
  -f <file>        Parse and execute <file>.
  -h               This help
  -i               PHP information
  -l               Syntax check only (lint)
  -m               Show compiled in modules
  -n               No configuration (ini) files will be used
  -r <code>        Run PHP <code> without using script tags <?..?>
  -v               Version number

  args...          Arguments passed to script. Use -- args when first argument
                   starts with - or script is read from stdin
`;

function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { mode: 'run', code: null, file: null, args: [], ini: {} };
  let i = 0;
  const need = (flag: string): string => {
    if (i + 1 >= argv.length) fail(`Option ${flag} requires an argument`);
    return argv[++i];
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      o.args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      if (o.code === null && o.file === null) {
        o.file = a;
        o.args.push(...argv.slice(i + 1));
        break;
      }
      o.args.push(...argv.slice(i));
      break;
    }
    switch (a[1]) {
      case 'd': {
        const kv = a.length > 2 ? a.slice(2) : need('-d');
        const eq = kv.indexOf('=');
        if (eq < 0) o.ini[kv.trim()] = '1';
        else o.ini[kv.slice(0, eq).trim()] = commandLineIniValue(kv.slice(eq + 1));
        break;
      }
      case 'f':
        o.file = a.length > 2 ? a.slice(2) : need('-f');
        o.args.push(...argv.slice(i + 1).filter((x, j) => !(j === 0 && x === '--')));
        i = argv.length;
        break;
      case 'r':
        o.code = a.length > 2 ? a.slice(2) : need('-r');
        break;
      case 'n':
      case 'q':
      case 'e':
      case 'H':
        break;
      case 'c':
        if (a.length === 2) need('-c');
        break;
      case 'l':
        o.mode = 'lint';
        break;
      case 'v':
        o.mode = 'version';
        break;
      case 'm':
        o.mode = 'modules';
        break;
      case 'i':
        o.mode = 'info';
        break;
      case 'h':
      case '?':
        o.mode = 'help';
        break;
      case '-':
        if (a === '--help') o.mode = 'help';
        else if (a === '--version') o.mode = 'version';
        else fail(`Unknown option ${a}`);
        break;
      default:
        fail(`Unknown option ${a}`);
    }
  }
  return o;
}

/**
 * A -d value as php_cli.c hands it to the INI parser: one that starts with neither a letter, a digit
 * nor a quote is quoted (taken literally, leading spaces and all); others are INI syntax (trimmed,
 * quotes removed).
 */
function commandLineIniValue(v: string): string {
  if (v !== '' && !/^[A-Za-z0-9"']/.test(v)) return v;
  return stripQuotes(v.trimEnd());
}

function stripQuotes(v: string): string {
  return v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'"))) ? v.slice(1, -1) : v;
}

function fail(msg: string): never {
  process.stderr.write(msg + '\n' + USAGE);
  process.exit(1);
}

/** Writes bytes to stdout synchronously (so nothing is lost when the process exits), whole. */
function writeOut(b: Uint8Array): void {
  writeWhole(1, b);
}

function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e: any) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

function lint(file: string): number {
  let src: string;
  try {
    src = fs.readFileSync(file).toString('latin1');
  } catch {
    writeOut(Buffer.from(`Could not open input file: ${file}\n`));
    return 1;
  }
  try {
    parse(src);
    writeOut(Buffer.from(`No syntax errors detected in ${file}\n`, 'latin1'));
    return 0;
  } catch (e) {
    if (e instanceof PhpSyntaxError) {
      const label = e.type === 'parse' ? 'Parse error' : 'Fatal error';
      writeOut(Buffer.from(`\n${label}: ${e.message} in ${file} on line ${e.line}\nErrors parsing ${file}\n`, 'latin1'));
      return 255;
    }
    throw e;
  }
}

function version(): string {
  return `PHP ${PHP_VERSION} (cli) (phpts ${PHPTS_VERSION}; Node.js ${process.version}) (ZTS)\nCopyright (c) The PHP Group\nZend Engine v4.2 compatible, phpts ${PHPTS_VERSION}: PHP compiled to JavaScript, with real threads\n`;
}

function modules(engine: Engine): string {
  const names = engine.extensionNames.slice().sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return `[PHP Modules]\n${names.join('\n')}\n\n[Zend Modules]\n\n`;
}

export function main(argv: string[]): number {
  const o = parseArgs(argv);
  switch (o.mode) {
    case 'help':
      writeOut(Buffer.from(USAGE));
      return 0;
    case 'version':
      writeOut(Buffer.from(version()));
      return 0;
    case 'lint':
      if (!o.file) fail('No input file specified');
      return lint(o.file);
  }
  const engine = new EngineBuilder().build();
  if (o.mode === 'modules') {
    writeOut(Buffer.from(modules(engine)));
    return 0;
  }
  if (o.mode === 'info') {
    writeOut(Buffer.from(`phpinfo()\nPHP Version => ${PHP_VERSION}\n\nSystem => phpts ${PHPTS_VERSION}\n`));
    return 0;
  }
  let src: string;
  let filename: string;
  let scriptArg: string;
  let stdin: Buffer | undefined;
  if (o.code !== null) {
    src = '<?php ' + Buffer.from(o.code, 'utf8').toString('latin1');
    filename = 'Command line code';
    scriptArg = 'Standard input code';
  } else if (o.file !== null && o.file !== '-') {
    let abs: string;
    try {
      abs = fs.realpathSync(path.resolve(o.file));
      src = fs.readFileSync(abs).toString('latin1');
    } catch {
      writeOut(Buffer.from(`Could not open input file: ${o.file}\n`));
      return 1;
    }
    if (src.startsWith('#!')) {
      // PHP skips a shebang line; an empty PHP block keeps the line count (?> eats the newline)
      const nl = src.indexOf('\n');
      src = nl < 0 ? '' : '<?php ?>' + src.slice(nl);
    }
    filename = abs;
    scriptArg = o.file;
  } else {
    src = readStdin().toString('latin1');
    stdin = Buffer.alloc(0);
    filename = 'Standard input code';
    scriptArg = 'Standard input code';
  }
  const code = engine.execute(src, filename, { argv: [scriptArg, ...o.args], ini: o.ini, stdin, outputFd: 1 }, (s) => writeOut(Buffer.from(s, 'latin1')));
  engine.shutdownEngine();
  return code;
}
