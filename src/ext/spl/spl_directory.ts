// SplFileInfo and the directory iterators DirectoryIterator, FilesystemIterator,
// RecursiveDirectoryIterator and GlobIterator (ext/spl/spl_directory.c). SplFileObject and
// SplTempFileObject share the state defined here and live in spl_fileobject.ts.

import * as fs from 'node:fs';
import type { Registry } from '../../engine/extension.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject, PhpClass, privateKey } from '../../runtime/object.js';
import { rt } from '../../runtime/request.js';
import { Ref } from '../../runtime/values.js';
import { instantiate } from '../../runtime/classdecl.js';
import { findClass, callMethodByName } from '../../runtime/objects.js';
import { callBound } from '../../runtime/calls.js';
import { PhpStream, errText, fsPath, absPath } from '../standard/streams.js';
import { DirStream, openDir } from '../standard/dir.js';
import { phpStat } from '../standard/filestat.js';
import { basename, dirnameOnce } from '../standard/strings_misc.js';
import { truthy } from './util.js';

export const enum FsType {
  Info, Dir, File,
}

// FilesystemIterator flags
export const CURRENT_MODE_MASK = 0xf0, CURRENT_AS_PATHNAME = 0x20, CURRENT_AS_FILEINFO = 0, CURRENT_AS_SELF = 0x10;
export const KEY_MODE_MASK = 0xf00, KEY_AS_PATHNAME = 0, KEY_AS_FILENAME = 0x100, FOLLOW_SYMLINKS = 0x4000;
export const OTHER_MODE_MASK = 0x7000, SKIP_DOTS = 0x1000, UNIX_PATHS = 0x2000;

/** spl_filesystem_object: what every SplFileInfo-derived object carries. */
export interface FsState {
  splFs: true;
  type: FsType;
  path: string | null;
  fileName: string | null;
  /** the path the file stream was opened with (SplFileObject) */
  origPath: string | null;
  flags: number;
  fileClass: PhpClass | null;
  infoClass: PhpClass | null;
  /** GlobIterator, SplFileObject: methods need an initialised object (spl_filesystem_object_get_method_check) */
  checked: boolean;
  // directories
  dir: DirStream | null;
  /** d_name of the current entry; '' past the end */
  entry: string;
  index: number;
  subPath: string | null;
  // files
  stream: PhpStream | null;
  openMode: string;
  currentLine: string | null;
  /** the current element when it is not a plain line (CSV fields, getCurrentLine()'s non-string result) */
  currentZval: any;
  currentLineNum: number;
  maxLineLen: number;
  delimiter: string;
  enclosure: string;
  /** escape character code, or -1 for none */
  escape: number;
}

export function newFsState(checked: boolean): FsState {
  return {
    splFs: true, type: FsType.Info, path: null, fileName: null, origPath: null, flags: 0, fileClass: null, infoClass: null, checked,
    dir: null, entry: '', index: 0, subPath: null,
    stream: null, openMode: 'r', currentLine: null, currentZval: undefined, currentLineNum: 0, maxLineLen: 0,
    delimiter: ',', enclosure: '"', escape: 92,
  };
}

export const INVALID_STATE = 'The parent constructor was not called: the object is in an invalid state';

/** The object's state; GlobIterator/SplFileObject objects whose constructor did not run are unusable. */
export function fsOf(o: PhpObject): FsState {
  const s = o.native as FsState;
  if (s.checked && s.dir === null && s.origPath === null) rt.throwError('Error', INVALID_STATE);
  return s;
}

function cls(name: string): PhpClass {
  return rt.core.builtinClasses.get(name.toLowerCase())!;
}

function priv(clsName: string, name: string): string {
  return privateKey({ name: clsName } as PhpClass, name);
}

/** spl_filesystem_object_get_path: the directory part (for glob streams, the current match's directory). */
export function getPath(s: FsState): string | null {
  if (s.type === FsType.Dir && s.dir?.globPaths) {
    const p = s.dir.globDir();
    return p === '' ? null : p;
  }
  return s.path;
}

/** spl_filesystem_object_get_file_name: the full name; a directory iterator builds it from the entry. */
export function getFileName(s: FsState): string {
  if (s.type === FsType.Dir) {
    const path = getPath(s);
    const slash = '/';
    return path === null || path === '' ? s.entry : path + slash + s.entry;
  }
  if (s.fileName === null) rt.throwError('Error', 'Object not initialized');
  return s.fileName!;
}

/** spl_filesystem_object_get_pathname */
function getPathname(s: FsState): string | null {
  if (s.type === FsType.Dir) return s.entry !== '' ? getFileName(s) : null;
  return s.fileName;
}

/** spl_filesystem_info_set_filename: the name without trailing slashes, the path up to its last slash. */
export function setFileName(s: FsState, name: string): void {
  let len = name.length;
  while (len > 1 && name[len - 1] === '/') len--;
  s.fileName = name.slice(0, len);
  while (len > 1 && name[len - 1] !== '/') len--;
  if (len) len--;
  s.path = name.slice(0, len);
}

/** The file name part after the path (SplFileInfo::getFilename()). */
function nameAfterPath(s: FsState): string {
  const fname = s.fileName ?? '';
  const path = getPath(s);
  if (path !== null && path.length && path.length < fname.length) return fname.slice(path.length + 1);
  return fname;
}

function isDot(name: string): boolean {
  return name === '.' || name === '..';
}

// ───────────── directories ─────────────

function dirRead(s: FsState): boolean {
  const e = s.dir ? s.dir.next() : false;
  s.entry = e === false ? '' : e;
  return e !== false;
}

function dirReadSkipping(s: FsState): void {
  const skip = (s.flags & SKIP_DOTS) !== 0;
  do dirRead(s);
  while (skip && isDot(s.entry));
}

/** spl_filesystem_dir_open */
function dirOpen(s: FsState, path: string, fname: string): void {
  s.type = FsType.Dir;
  const stream = rt.throwingErrors('UnexpectedValueException', () => openDir(fname, path));
  s.path = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  s.index = 0;
  if (!stream) {
    s.entry = '';
    rt.throwError('UnexpectedValueException', `Failed to open directory "${path}"`);
  }
  s.dir = stream.impl as DirStream;
  dirReadSkipping(s);
}

const CTOR_FLAGS = 1, CTOR_GLOB = 2;

/** spl_filesystem_object_construct */
function dirConstruct(o: PhpObject, fname: string, path: string, flags: number, ctor: number): void {
  const s = o.native as FsState;
  if (path.includes('\0')) rt.throwError('ValueError', `${fname}(): Argument #1 ($directory) must not contain any null bytes`);
  if (path === '') rt.throwError('ValueError', `${fname}(): Argument #1 ($directory) cannot be empty`);
  if (s.path !== null) rt.throwError('Error', 'Directory object is already initialized');
  s.flags = ctor & CTOR_FLAGS ? flags : KEY_AS_PATHNAME | CURRENT_AS_SELF;
  if (ctor & CTOR_GLOB && !path.startsWith('glob://')) path = 'glob://' + path;
  dirOpen(s, path, fname);
}

function checkDirInit(s: FsState): void {
  if (s.dir === null) rt.throwError('Error', 'Object not initialized');
}

// ───────────── creating related objects ─────────────

/** new $ce without running a constructor, with the source's classes for files and infos. */
function newFsObject(ce: PhpClass): PhpObject {
  const o = instantiate(ce);
  if (ce.dtor) rt.destructibles.push(o);
  return o;
}

function callCtor(o: PhpObject, args: any[]): void {
  const ctor = o.cls.ctor;
  if (ctor) callBound({ fn: ctor.fn, self: o, info: ctor.info }, args);
}

/** True when $ce's constructor is the builtin one of `base` (so the object can be filled in directly). */
function ctorIsBuiltin(ce: PhpClass, base: string): boolean {
  const ctor = ce.ctor;
  return !!ctor && ctor.cls.name === base;
}

/** spl_filesystem_object_create_info: a SplFileInfo (or $ce) for a path. */
export function createInfo(source: FsState, filePath: string, ce: PhpClass | null): PhpObject | null {
  if (filePath === '') return null;
  ce ??= source.infoClass ?? cls('SplFileInfo');
  const o = newFsObject(ce);
  if (!ctorIsBuiltin(ce, 'SplFileInfo')) callCtor(o, [filePath]);
  else setFileName(o.native as FsState, filePath);
  return o;
}

/** spl_filesystem_object_create_type for SPL_FS_INFO: the current entry (or file) as a SplFileInfo. */
export function createInfoOf(source: FsState, ce: PhpClass | null): PhpObject {
  if (source.type === FsType.Dir && source.entry === '') rt.throwError('RuntimeException', 'Could not open file');
  ce ??= source.infoClass ?? cls('SplFileInfo');
  const o = newFsObject(ce);
  const name = getFileName(source);
  if (!ctorIsBuiltin(ce, 'SplFileInfo')) callCtor(o, [name]);
  else {
    const t = o.native as FsState;
    t.fileName = name;
    t.path = getPath(source);
  }
  return o;
}

/** Hooks filled in by spl_fileobject.ts (it opens files; this module only creates the objects). */
export const fileObjectHooks = {
  open: null as null | ((o: PhpObject, s: FsState, fname: string, useIncludePath: boolean, context: any) => void),
};

/** spl_filesystem_object_create_type for SPL_FS_FILE: SplFileInfo::openFile(). */
function openFileOf(source: FsState, mode: string, useIncludePath: boolean, context: any): PhpObject {
  if (source.type === FsType.Dir && source.entry === '') rt.throwError('RuntimeException', 'Could not open file');
  const ce = source.fileClass ?? cls('SplFileObject');
  const o = newFsObject(ce);
  const name = getFileName(source);
  if (!ctorIsBuiltin(ce, 'SplFileObject')) {
    callCtor(o, [name, mode]);
    return o;
  }
  const t = o.native as FsState;
  t.fileName = name;
  t.path = getPath(source);
  t.openMode = mode;
  fileObjectHooks.open!(o, t, 'SplFileInfo::openFile', useIncludePath, context);
  return o;
}

/** A class-name argument ("C" in zend_parse_parameters) that must derive from `base`. */
function derivedClass(fname: string, name: string, base: string, orNull: boolean): PhpClass {
  const c = findClass(name);
  const b = cls(base);
  if (!c && orNull) rt.throwError('TypeError', `${fname}(): Argument #1 ($class) must be a class name derived from ${base} or null, ${name} given`);
  if (!c || !c.isSubclassOf(b)) {
    rt.throwError('TypeError', `${fname}(): Argument #1 ($class) must be a class name derived from ${base}${orNull ? ' or null' : ''}, ${name} given`);
  }
  return c!;
}

// ───────────── SplFileInfo ─────────────

function statMethod(kind: string, label: string): Function {
  return function (this: PhpObject) {
    const s = fsOf(this);
    const name = getFileName(s);
    return rt.throwingErrors('RuntimeException', () => phpStat(kind, name, 'SplFileInfo::' + label));
  };
}

function debugInfo(o: PhpObject): [string, any][] {
  const s = o.native as FsState;
  const out: [string, any][] = [];
  for (const k in o.p) out.push([k, o.p[k] instanceof Ref ? o.p[k].v : o.p[k]]);
  out.push([priv('SplFileInfo', 'pathName'), getPathname(s) ?? '']);
  const fileName = s.type === FsType.Dir ? (s.entry !== '' || s.dir ? getFileName(s) : null) : s.fileName;
  if (fileName !== null) {
    const path = getPath(s);
    out.push([priv('SplFileInfo', 'fileName'), path !== null && path.length && path.length < fileName.length ? fileName.slice(path.length + 1) : fileName]);
  }
  if (s.type === FsType.Dir) {
    out.push([priv('DirectoryIterator', 'glob'), s.dir?.globPaths ? s.path ?? '' : false]);
    out.push([priv('RecursiveDirectoryIterator', 'subPathName'), s.subPath ?? '']);
  }
  if (s.type === FsType.File) {
    out.push([priv('SplFileObject', 'openMode'), s.openMode]);
    out.push([priv('SplFileObject', 'delimiter'), s.delimiter]);
    out.push([priv('SplFileObject', 'enclosure'), s.enclosure]);
  }
  return out;
}

function debugArray(o: PhpObject): PhpArray {
  const a = new PhpArray();
  for (const [k, v] of debugInfo(o)) a.set(k, v);
  return a;
}

const fsHandlers = {
  debugInfo(o: PhpObject) {
    const m = o.cls.methods.get('__debuginfo');
    if (m && !m.info.isBuiltin) return null;
    return debugInfo(o);
  },
  clone(src: PhpObject, dst: PhpObject) {
    const s = src.native as FsState;
    const t: FsState = { ...s, dir: null, stream: null };
    dst.native = t;
    if (s.type === FsType.Dir && s.path !== null) {
      // spl_filesystem_object_clone: reopen and read up to the same position
      t.path = null;
      dirOpen(t, s.dir?.globPaths ? s.path : s.path, 'DirectoryIterator::__clone');
      for (let i = 0; i < s.index; i++) dirReadSkipping(t);
      t.index = s.index;
    }
  },
};

function registerSplFileInfo(r: Registry): void {
  r.class({
    name: 'SplFileInfo',
    interfaces: ['Stringable'],
    createNative(o: PhpObject) {
      const c = o.cls;
      o.native = newFsState(c.isSubclassOf(cls('SplFileObject')) || (!!findBuiltin('GlobIterator') && c.isSubclassOf(cls('GlobIterator'))));
    },
    handlers: fsHandlers,
    nativeMethods: {
      'public __construct(string $filename)': function (this: PhpObject, name: string) {
        if (name.includes('\0')) rt.throwError('ValueError', 'SplFileInfo::__construct(): Argument #1 ($filename) must not contain any null bytes');
        setFileName(this.native as FsState, name);
      },
      'public getPath(): string': function (this: PhpObject) {
        return getPath(fsOf(this)) ?? '';
      },
      'public getFilename(): string': function (this: PhpObject) {
        const s = fsOf(this);
        if (s.fileName === null) rt.throwError('Error', 'Object not initialized');
        return nameAfterPath(s);
      },
      'public getExtension(): string': function (this: PhpObject) {
        const s = fsOf(this);
        if (s.fileName === null) rt.throwError('Error', 'Object not initialized');
        return extensionOf(basename(nameAfterPath(s)));
      },
      'public getBasename(string $suffix = ""): string': function (this: PhpObject, suffix: string) {
        const s = fsOf(this);
        if (s.fileName === null) rt.throwError('Error', 'Object not initialized');
        return basename(nameAfterPath(s), suffix);
      },
      'public getPathname(): string': function (this: PhpObject) {
        return getPathname(fsOf(this)) ?? '';
      },
      'public getPerms(): int|false': statMethod('fileperms', 'getPerms'),
      'public getInode(): int|false': statMethod('fileinode', 'getInode'),
      'public getSize(): int|false': statMethod('filesize', 'getSize'),
      'public getOwner(): int|false': statMethod('fileowner', 'getOwner'),
      'public getGroup(): int|false': statMethod('filegroup', 'getGroup'),
      'public getATime(): int|false': statMethod('fileatime', 'getATime'),
      'public getMTime(): int|false': statMethod('filemtime', 'getMTime'),
      'public getCTime(): int|false': statMethod('filectime', 'getCTime'),
      'public getType(): string|false': statMethod('filetype', 'getType'),
      'public isWritable(): bool': statMethod('is_writable', 'isWritable'),
      'public isReadable(): bool': statMethod('is_readable', 'isReadable'),
      'public isExecutable(): bool': statMethod('is_executable', 'isExecutable'),
      'public isFile(): bool': statMethod('is_file', 'isFile'),
      'public isDir(): bool': statMethod('is_dir', 'isDir'),
      'public isLink(): bool': statMethod('is_link', 'isLink'),
      'public getLinkTarget(): string|false': function (this: PhpObject) {
        const s = fsOf(this);
        const name = getFileName(s);
        try {
          return fs.readlinkSync(fsPath(absPath(name)), { encoding: 'buffer' }).toString('latin1');
        } catch (e: any) {
          return rt.throwError('RuntimeException', `Unable to read link ${name}, error: ${errText(e)}`);
        }
      },
      'public getRealPath(): string|false': function (this: PhpObject) {
        const s = fsOf(this);
        let name: string | null;
        if (s.origPath !== null) name = s.origPath;
        else if (s.type === FsType.Dir) name = s.entry !== '' ? getFileName(s) : null;
        else name = s.fileName;
        if (name === null) return false;
        if (s.type === FsType.File && /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(name)) return false;
        try {
          return fs.realpathSync(fsPath(absPath(name === '' ? '.' : name)), { encoding: 'buffer' }).toString('latin1');
        } catch {
          return false;
        }
      },
      'public getFileInfo(?string $class = null): SplFileInfo': function (this: PhpObject, c: string | null) {
        const s = fsOf(this);
        const ce = c === null || c === undefined ? null : derivedClass('SplFileInfo::getFileInfo', c, 'SplFileInfo', true);
        return createInfoOf(s, ce);
      },
      'public getPathInfo(?string $class = null): ?SplFileInfo': function (this: PhpObject, c: string | null) {
        const s = fsOf(this);
        const ce = c === null || c === undefined ? null : derivedClass('SplFileInfo::getPathInfo', c, 'SplFileInfo', true);
        const path = getPathname(s);
        if (path === null || path === '') return null;
        return createInfo(s, dirnameOnce(path), ce);
      },
      'public openFile(string $mode = "r", bool $useIncludePath = false, $context = null): SplFileObject': function (this: PhpObject, mode: string, inc: boolean, ctx: any) {
        return openFileOf(fsOf(this), mode, inc, ctx);
      },
      'public setFileClass(string $class = "SplFileObject"): void': function (this: PhpObject, c: string) {
        const ce = derivedClass('SplFileInfo::setFileClass', c, 'SplFileObject', false);
        fsOf(this).fileClass = ce;
      },
      'public setInfoClass(string $class = "SplFileInfo"): void': function (this: PhpObject, c: string) {
        const ce = derivedClass('SplFileInfo::setInfoClass', c, 'SplFileInfo', false);
        fsOf(this).infoClass = ce;
      },
      'public __toString(): string': function (this: PhpObject) {
        return getPathname(fsOf(this)) ?? '';
      },
      'public __debugInfo(): array': function (this: PhpObject) {
        return debugArray(this);
      },
      'final public _bad_state_ex(): void': function () {
        rt.deprecated('Method SplFileInfo::_bad_state_ex() is deprecated');
        rt.throwError('Error', INVALID_STATE);
      },
    },
  });
}

function findBuiltin(name: string): PhpClass | undefined {
  return rt.core.builtinClasses.get(name.toLowerCase());
}

function extensionOf(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1);
}

// ───────────── the iterators ─────────────

function registerDirectoryIterator(r: Registry): void {
  r.class({
    name: 'DirectoryIterator',
    parent: 'SplFileInfo',
    interfaces: ['SeekableIterator'],
    nativeMethods: {
      'public __construct(string $directory)': function (this: PhpObject, path: string) {
        dirConstruct(this, 'DirectoryIterator::__construct', path, 0, 0);
      },
      'public getFilename(): string': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        return s.entry;
      },
      'public getExtension(): string': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        return extensionOf(basename(s.entry));
      },
      'public getBasename(string $suffix = ""): string': function (this: PhpObject, suffix: string) {
        const s = fsOf(this);
        checkDirInit(s);
        return basename(s.entry, suffix);
      },
      'public isDot(): bool': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        return isDot(s.entry);
      },
      'public rewind(): void': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        s.index = 0;
        s.dir!.rewind();
        dirRead(s);
      },
      'public valid(): bool': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        return s.entry !== '';
      },
      'public key(): mixed': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        return s.index;
      },
      'public current(): mixed': function (this: PhpObject) {
        checkDirInit(fsOf(this));
        return this;
      },
      'public next(): void': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        s.index++;
        dirReadSkipping(s);
      },
      'public seek(int $offset): void': function (this: PhpObject, pos: number) {
        const s = fsOf(this);
        checkDirInit(s);
        if (s.index > pos) callMethodByName(this, 'rewind', []);
        while (s.index < pos) {
          if (!truthy(callMethodByName(this, 'valid', []))) rt.throwError('OutOfBoundsException', `Seek position ${pos} is out of range`);
          callMethodByName(this, 'next', []);
        }
      },
      'public __toString(): string': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        return s.entry;
      },
    },
  });

  const flagConsts: [string, number][] = [
    ['CURRENT_MODE_MASK', CURRENT_MODE_MASK], ['CURRENT_AS_PATHNAME', CURRENT_AS_PATHNAME], ['CURRENT_AS_FILEINFO', CURRENT_AS_FILEINFO],
    ['CURRENT_AS_SELF', CURRENT_AS_SELF], ['KEY_MODE_MASK', KEY_MODE_MASK], ['KEY_AS_PATHNAME', KEY_AS_PATHNAME],
    ['FOLLOW_SYMLINKS', FOLLOW_SYMLINKS], ['KEY_AS_FILENAME', KEY_AS_FILENAME], ['NEW_CURRENT_AND_KEY', KEY_AS_FILENAME | CURRENT_AS_FILEINFO],
    ['OTHER_MODE_MASK', OTHER_MODE_MASK], ['SKIP_DOTS', SKIP_DOTS], ['UNIX_PATHS', UNIX_PATHS],
  ];
  const MASK = KEY_MODE_MASK | CURRENT_MODE_MASK | OTHER_MODE_MASK;
  r.class({
    name: 'FilesystemIterator',
    parent: 'DirectoryIterator',
    consts: flagConsts.map(([name, v]) => ({ name, flags: 1, init: () => v })),
    nativeMethods: {
      'public __construct(string $directory, int $flags = FilesystemIterator::KEY_AS_PATHNAME | FilesystemIterator::CURRENT_AS_FILEINFO | FilesystemIterator::SKIP_DOTS)': function (this: PhpObject, path: string, flags: number) {
        dirConstruct(this, 'FilesystemIterator::__construct', path, flags, CTOR_FLAGS);
      },
      'public rewind(): void': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        s.index = 0;
        s.dir!.rewind();
        dirReadSkipping(s);
      },
      'public key(): string': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        if (s.flags & KEY_AS_FILENAME) return s.entry;
        return getFileName(s);
      },
      'public current(): SplFileInfo|FilesystemIterator|string': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        if (s.flags & CURRENT_AS_PATHNAME) return getFileName(s);
        if ((s.flags & CURRENT_MODE_MASK) === CURRENT_AS_FILEINFO) return createInfoOf(s, null);
        return this;
      },
      'public getFlags(): int': function (this: PhpObject) {
        return fsOf(this).flags & MASK;
      },
      'public setFlags(int $flags): void': function (this: PhpObject, flags: number) {
        const s = fsOf(this);
        s.flags = (s.flags & ~MASK) | (flags & MASK);
      },
    },
  });

  r.class({
    name: 'RecursiveDirectoryIterator',
    parent: 'FilesystemIterator',
    interfaces: ['RecursiveIterator'],
    nativeMethods: {
      'public __construct(string $directory, int $flags = FilesystemIterator::KEY_AS_PATHNAME | FilesystemIterator::CURRENT_AS_FILEINFO)': function (this: PhpObject, path: string, flags: number) {
        dirConstruct(this, 'RecursiveDirectoryIterator::__construct', path, flags, CTOR_FLAGS);
      },
      'public hasChildren(bool $allowLinks = false): bool': function (this: PhpObject, allowLinks: boolean) {
        const s = fsOf(this);
        checkDirInit(s);
        if (s.entry === '' || isDot(s.entry)) return false;
        const name = getFileName(s);
        let st: fs.Stats;
        try {
          st = fs.lstatSync(fsPath(absPath(name)));
        } catch {
          return phpStat('is_dir', name);
        }
        if (st.isSymbolicLink() && !allowLinks && !(s.flags & FOLLOW_SYMLINKS)) return false;
        return phpStat('is_dir', name);
      },
      'public getChildren(): RecursiveDirectoryIterator': function (this: PhpObject) {
        const s = fsOf(this);
        checkDirInit(s);
        const name = getFileName(s);
        const o = newFsObject(this.cls);
        callCtor(o, [name, s.flags]);
        const sub = o.native as FsState;
        sub.subPath = s.subPath !== null && s.subPath !== '' ? s.subPath + '/' + s.entry : s.entry;
        sub.infoClass = s.infoClass;
        sub.fileClass = s.fileClass;
        return o;
      },
      'public getSubPath(): string': function (this: PhpObject) {
        return fsOf(this).subPath ?? '';
      },
      'public getSubPathname(): string': function (this: PhpObject) {
        const s = fsOf(this);
        return s.subPath !== null ? s.subPath + '/' + s.entry : s.entry;
      },
    },
  });

  r.class({
    name: 'GlobIterator',
    parent: 'FilesystemIterator',
    interfaces: ['Countable'],
    uncloneable: true,
    nativeMethods: {
      'public __construct(string $pattern, int $flags = FilesystemIterator::KEY_AS_PATHNAME | FilesystemIterator::CURRENT_AS_FILEINFO)': function (this: PhpObject, path: string, flags: number) {
        dirConstruct(this, 'GlobIterator::__construct', path, flags, CTOR_FLAGS | CTOR_GLOB);
      },
      'public count(): int': function (this: PhpObject) {
        const s = fsOf(this);
        if (!s.dir?.globPaths) rt.throwError('\0fatal', 'GlobIterator lost glob state');
        return s.dir!.globPaths!.length;
      },
    },
  });
}

export function registerSplDirectory(r: Registry): void {
  registerSplFileInfo(r);
  registerDirectoryIterator(r);
}
