// SplFileObject and SplTempFileObject (ext/spl/spl_directory.c): a file read line by line as an
// iterator, with the f* functions as methods. The line kept as "current" follows php-src's rules: it is
// read lazily by current(), dropped by next(), and counted by key().

import type { Registry } from '../../engine/extension.js';
import { PhpArray, share } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref } from '../../runtime/values.js';
import { typeName } from '../../runtime/convert.js';
import { callMethodByName } from '../../runtime/objects.js';
import { BaseStream, FileStream, MemoryStream } from '../standard/streams.js';
import { openStream, fgetcsvParse, csvLine, readAll } from '../standard/file.js';
import { phpStat } from '../standard/filestat.js';
import { scan } from '../standard/scanf.js';
import { FsState, FsType, fsOf, fileObjectHooks, INVALID_STATE } from './spl_directory.js';
import { overridden, callFunction } from './util.js';

const DROP_NEW_LINE = 1, READ_AHEAD = 2, SKIP_EMPTY = 4, READ_CSV = 8;

function has(s: FsState, flag: number): boolean {
  return (s.flags & flag) !== 0;
}

/** The object's open stream ("Object not initialized" before its constructor ran). */
function impl(s: FsState): BaseStream {
  if (!s.stream) rt.throwError('Error', 'Object not initialized');
  return s.stream!.impl;
}

/** spl_filesystem_file_open */
function fileOpen(o: PhpObject, s: FsState, fname: string, useIncludePath: boolean, context: any): void {
  s.type = FsType.File;
  const name = s.fileName ?? '';
  if (name !== '' && phpStat('is_dir', name) === true) {
    s.fileName = null;
    rt.throwError('LogicException', 'Cannot use SplFileObject with directories');
  }
  if (name === '') rt.throwError('ValueError', 'Path cannot be empty');
  const stream = rt.throwingErrors('RuntimeException', () => openStream(name, s.openMode, fname, { useIncludePath, context }));
  if (!stream) {
    s.fileName = null;
    rt.throwError('RuntimeException', `Cannot open file '${name}'`);
  }
  s.stream = stream;
  if (name.length > 1 && name.endsWith('/')) s.fileName = name.slice(0, -1);
  s.origPath = stream.origPath ?? name;
  s.delimiter = ',';
  s.enclosure = '"';
  s.escape = 92;
  void o;
}
fileObjectHooks.open = fileOpen;

function freeLine(s: FsState): void {
  s.currentLine = null;
  s.currentZval = undefined;
}

function hasCurrent(s: FsState): boolean {
  return s.currentLine !== null || s.currentZval !== undefined;
}

/** spl_filesystem_file_read_ex: reads the next line into the object. */
function readEx(s: FsState, silent: boolean, lineAdd: number): boolean {
  const st = impl(s);
  freeLine(s);
  if (st.eof()) {
    if (!silent) rt.throwError('RuntimeException', `Cannot read from file ${s.fileName}`);
    return false;
  }
  let line = st.readLine(s.maxLineLen > 0 ? s.maxLineLen : Infinity);
  if (has(s, DROP_NEW_LINE) && line.endsWith('\n')) line = line.slice(0, line.endsWith('\r\n') ? -2 : -1);
  s.currentLine = line;
  s.currentLineNum += lineAdd;
  return true;
}

function read(s: FsState, silent: boolean): boolean {
  return readEx(s, silent, s.currentLine !== null ? 1 : 0);
}

function isLineEmpty(s: FsState): boolean {
  const z = s.currentZval;
  if (z !== undefined) {
    if (z instanceof PhpArray) {
      if (has(s, READ_CSV) && z.size === 1) {
        const first = z.valueList()[0];
        return first === '';
      }
      return z.size === 0;
    }
    return z === null;
  }
  const line = s.currentLine ?? '';
  return line.length === 0 || (has(s, READ_AHEAD) && has(s, DROP_NEW_LINE) && (line === '\n' || line === '\r\n'));
}

/** spl_filesystem_file_read_csv */
function readCsv(s: FsState, delim: string, enc: string, esc: number, silent: boolean): PhpArray | false {
  do {
    if (!read(s, silent)) return false;
  } while (isLineEmpty(s) && has(s, SKIP_EMPTY));
  const fields = fgetcsvParse(impl(s), delim, enc, esc, s.currentLine ?? '');
  s.currentZval = fields;
  return fields;
}

/** spl_filesystem_file_read_line_ex: CSV, a user getCurrentLine(), or a plain line. */
function readLineEx(o: PhpObject, s: FsState, silent: boolean): boolean {
  if (has(s, READ_CSV)) return readCsv(s, s.delimiter, s.enclosure, s.escape, silent) !== false;
  if (overridden(o, 'getcurrentline')) {
    freeLine(s);
    if (impl(s).eof()) {
      if (!silent) rt.throwError('RuntimeException', `Cannot read from file ${s.fileName}`);
      return false;
    }
    let v = callMethodByName(o, 'getCurrentLine', []);
    if (v instanceof Ref) v = v.v;
    if (typeof v !== 'string') rt.throwError('TypeError', `${o.cls.name}::getCurrentLine(): Return value must be of type string, ${typeName(v)} returned`);
    if (hasCurrent(s)) s.currentLineNum++;
    freeLine(s);
    s.currentLine = v;
    return true;
  }
  return read(s, silent);
}

function readLine(o: PhpObject, s: FsState, silent: boolean): boolean {
  let ok = readLineEx(o, s, silent);
  while (has(s, SKIP_EMPTY) && ok && isLineEmpty(s)) {
    freeLine(s);
    ok = readLineEx(o, s, silent);
  }
  return ok;
}

function rewind(o: PhpObject, s: FsState): void {
  const st = impl(s);
  if (!st.seek(0, 0)) rt.throwError('RuntimeException', `Cannot rewind file ${s.fileName}`);
  freeLine(s);
  s.currentLineNum = 0;
  if (has(s, READ_AHEAD)) readLine(o, s, true);
}

function current(o: PhpObject, s: FsState): any {
  impl(s);
  if (!hasCurrent(s)) readLine(o, s, true);
  if (s.currentLine !== null && (!has(s, READ_CSV) || s.currentZval === undefined)) return s.currentLine;
  if (s.currentZval !== undefined) return share(s.currentZval);
  return false;
}

/** Checks CSV control arguments as SplFileObject's methods do (only the ones passed: not undefined). */
function csvControl(fname: string, d: string | undefined, e: string | undefined, x: string | undefined, s: FsState, first = 1): [string, string, number] {
  let delim = s.delimiter, enc = s.enclosure, esc = s.escape;
  if (d !== undefined) {
    if (d.length !== 1) rt.throwError('ValueError', `${fname}(): Argument #${first} ($separator) must be a single character`);
    delim = d;
  }
  if (e !== undefined) {
    if (e.length !== 1) rt.throwError('ValueError', `${fname}(): Argument #${first + 1} ($enclosure) must be a single character`);
    enc = e;
  }
  if (x !== undefined) {
    if (x.length > 1) rt.throwError('ValueError', `${fname}(): Argument #${first + 2} ($escape) must be empty or a single character`);
    esc = x === '' ? -1 : x.charCodeAt(0);
  }
  return [delim, enc, esc];
}

export function registerSplFileObject(r: Registry): void {
  r.class({
    name: 'SplFileObject',
    parent: 'SplFileInfo',
    interfaces: ['RecursiveIterator', 'SeekableIterator'],
    uncloneable: true,
    consts: [['DROP_NEW_LINE', DROP_NEW_LINE], ['READ_AHEAD', READ_AHEAD], ['SKIP_EMPTY', SKIP_EMPTY], ['READ_CSV', READ_CSV]].map(([name, v]) => ({
      name: name as string, flags: 1, init: () => v,
    })),
    nativeMethods: {
      'public __construct(string $filename, string $mode = "r", bool $useIncludePath = false, $context = null)': function (this: PhpObject, name: string, mode: string, inc: boolean, ctx: any) {
        if (name.includes('\0')) rt.throwError('ValueError', 'SplFileObject::__construct(): Argument #1 ($filename) must not contain any null bytes');
        const s = this.native as FsState;
        s.fileName = name;
        s.openMode = mode;
        fileOpen(this, s, 'SplFileObject::__construct', inc, ctx);
        // the path: the opened name up to its last slash
        const opened = s.origPath!;
        let len = opened.length;
        if (len > 1 && opened[len - 1] === '/') len--;
        while (len > 1 && opened[len - 1] !== '/') len--;
        if (len) len--;
        s.path = opened.slice(0, len);
      },
      'public rewind(): void': function (this: PhpObject) {
        rewind(this, fsOf(this));
      },
      'public eof(): bool': function (this: PhpObject) {
        return impl(fsOf(this)).eof();
      },
      'public valid(): bool': function (this: PhpObject) {
        const s = fsOf(this);
        if (has(s, READ_AHEAD)) return hasCurrent(s);
        if (!s.stream) return false;
        return !s.stream.impl.eof();
      },
      'public fgets(): string': function (this: PhpObject) {
        const s = fsOf(this);
        readEx(s, false, 1);
        return s.currentLine ?? '';
      },
      'public fread(int $length): string|false': function (this: PhpObject, n: number) {
        const s = fsOf(this);
        const st = impl(s);
        if (n <= 0) rt.throwError('ValueError', 'SplFileObject::fread(): Argument #1 ($length) must be greater than 0');
        return st.read(n);
      },
      'public fgetcsv(string $separator = UNKNOWN, string $enclosure = UNKNOWN, string $escape = UNKNOWN): array|false': function (this: PhpObject, d?: string, e?: string, x?: string) {
        const s = fsOf(this);
        impl(s);
        const [delim, enc, esc] = csvControl('SplFileObject::fgetcsv', d, e, x, s);
        const r = readCsv(s, delim, enc, esc, true);
        return r === false ? false : share(r);
      },
      'public fputcsv(array $fields, string $separator = UNKNOWN, string $enclosure = UNKNOWN, string $escape = UNKNOWN, string $eol = "\\n"): int|false': function (this: PhpObject, fields: PhpArray, d?: string, e?: string, x?: string, eol = '\n') {
        const s = fsOf(this);
        const st = impl(s);
        const [delim, enc, esc] = csvControl('SplFileObject::fputcsv', d, e, x, s, 2);
        return st.write(csvLine(fields, delim, enc, esc, eol));
      },
      'public setCsvControl(string $separator = ",", string $enclosure = "\\"", string $escape = "\\\\"): void': function (this: PhpObject, d: string, e: string, x: string) {
        const s = fsOf(this);
        const [delim, enc, esc] = csvControl('SplFileObject::setCsvControl', d, e, x, s);
        s.delimiter = delim;
        s.enclosure = enc;
        s.escape = esc;
      },
      'public getCsvControl(): array': function (this: PhpObject) {
        const s = fsOf(this);
        return PhpArray.fromList([s.delimiter, s.enclosure, s.escape < 0 ? '' : String.fromCharCode(s.escape)]);
      },
      'public flock(int $operation, &$wouldBlock = null): bool': function (this: PhpObject, op: number, wb: Ref) {
        const s = fsOf(this);
        impl(s);
        return callFunction('flock', [s.stream, op, wb ?? new Ref(null)]);
      },
      'public fflush(): bool': function (this: PhpObject) {
        return impl(fsOf(this)).flush();
      },
      'public ftell(): int|false': function (this: PhpObject) {
        return impl(fsOf(this)).tell();
      },
      'public fseek(int $offset, int $whence = SEEK_SET): int': function (this: PhpObject, off: number, whence: number) {
        const s = fsOf(this);
        const st = impl(s);
        freeLine(s);
        return st.seek(off, whence) ? 0 : -1;
      },
      'public fgetc(): string|false': function (this: PhpObject) {
        const s = fsOf(this);
        const st = impl(s);
        freeLine(s);
        const c = st.read(1);
        if (c === '') return false;
        if (c === '\n') s.currentLineNum++;
        return c;
      },
      'public fpassthru(): int': function (this: PhpObject) {
        const d = readAll(impl(fsOf(this)));
        rt.echo(d);
        return d.length;
      },
      'public fscanf(string $format, mixed &...$vars): array|int|null': function (this: PhpObject, format: string, vars: Ref[]) {
        const s = fsOf(this);
        impl(s);
        read(s, false);
        return scan(s.currentLine ?? '', format, vars ?? []);
      },
      'public fwrite(string $data, int $length = UNKNOWN): int|false': function (this: PhpObject, data: string, len?: number) {
        const s = fsOf(this);
        const st = impl(s);
        if (len !== undefined) data = len >= 0 ? data.slice(0, len) : '';
        if (data === '') return 0;
        return st.write(data);
      },
      'public fstat(): array': function (this: PhpObject) {
        const s = fsOf(this);
        impl(s);
        return callFunction('fstat', [s.stream]);
      },
      'public ftruncate(int $size): bool': function (this: PhpObject, size: number) {
        const s = fsOf(this);
        const st = impl(s);
        if (!(st instanceof FileStream || st instanceof MemoryStream)) rt.throwError('LogicException', `Can't truncate file ${s.fileName}`);
        return st.truncate(size);
      },
      'public current(): string|array|false': function (this: PhpObject) {
        return current(this, fsOf(this));
      },
      'public key(): int': function (this: PhpObject) {
        return fsOf(this).currentLineNum;
      },
      'public next(): void': function (this: PhpObject) {
        const s = fsOf(this);
        freeLine(s);
        if (has(s, READ_AHEAD)) readLine(this, s, true);
        s.currentLineNum++;
      },
      'public setFlags(int $flags): void': function (this: PhpObject, flags: number) {
        fsOf(this).flags = flags;
      },
      'public getFlags(): int': function (this: PhpObject) {
        return fsOf(this).flags & (DROP_NEW_LINE | READ_AHEAD | SKIP_EMPTY | READ_CSV);
      },
      'public setMaxLineLen(int $maxLength): void': function (this: PhpObject, max: number) {
        if (max < 0) rt.throwError('ValueError', 'SplFileObject::setMaxLineLen(): Argument #1 ($maxLength) must be greater than or equal to 0');
        fsOf(this).maxLineLen = max;
      },
      'public getMaxLineLen(): int': function (this: PhpObject) {
        return fsOf(this).maxLineLen;
      },
      'public hasChildren(): false': function (this: PhpObject) {
        fsOf(this);
        return false;
      },
      'public getChildren(): null': function (this: PhpObject) {
        fsOf(this);
        return null;
      },
      'public seek(int $line): void': function (this: PhpObject, pos: number) {
        const s = fsOf(this);
        impl(s);
        if (pos < 0) rt.throwError('ValueError', 'SplFileObject::seek(): Argument #1 ($line) must be greater than or equal to 0');
        rewind(this, s);
        for (let i = 0; i < pos; i++) {
          if (!readLine(this, s, true)) return;
        }
        if (pos > 0 && !has(s, READ_AHEAD)) {
          s.currentLineNum++;
          freeLine(s);
        }
      },
      'public getCurrentLine(): string': function (this: PhpObject) {
        const s = fsOf(this);
        readEx(s, false, 1);
        return s.currentLine ?? '';
      },
      'public __toString(): string': function (this: PhpObject) {
        const s = fsOf(this);
        impl(s);
        if (s.currentLine === null) readLine(this, s, false);
        return s.currentLine ?? '';
      },
    },
  });

  r.class({
    name: 'SplTempFileObject',
    parent: 'SplFileObject',
    nativeMethods: {
      'public __construct(int $maxMemory = UNKNOWN)': function (this: PhpObject, max?: number) {
        const s = this.native as FsState;
        let name: string;
        if (max !== undefined && max < 0) name = 'php://memory';
        else if (max !== undefined) name = `php://temp/maxmemory:${max}`;
        else name = 'php://temp';
        s.fileName = name;
        s.openMode = 'wb';
        fileOpen(this, s, 'SplTempFileObject::__construct', false, null);
        s.path = '';
      },
    },
  });
  void INVALID_STATE;
}
