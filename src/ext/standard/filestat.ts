// ext/standard/filestat.c: stat and the is_* / file* family, touch, chmod, disk space, realpath, links.

import * as fs from 'node:fs';
import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { mkFloat } from '../../runtime/values.js';
import { typeName } from '../../runtime/convert.js';
import { PhpStream, errText, fsPath, absPath } from './streams.js';
import { checkPath, schemeOf } from './file.js';
import { findUserWrapper, userUrlStat } from './stream_funcs.js';

export function clearStatCache(): void {
  /* stats are not cached */
}

function bigToNum(v: number | bigint): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

function statOf(p: string, link: boolean): fs.BigIntStats | fs.Stats | null {
  try {
    return link ? fs.lstatSync(fsPath(absPath(p))) : fs.statSync(fsPath(absPath(p)));
  } catch {
    return null;
  }
}

export function statArray(st: fs.Stats): PhpArray {
  const vals: [string, number][] = [
    ['dev', st.dev], ['ino', st.ino], ['mode', st.mode], ['nlink', st.nlink], ['uid', st.uid], ['gid', st.gid],
    ['rdev', st.rdev], ['size', st.size], ['atime', Math.floor(st.atimeMs / 1000)], ['mtime', Math.floor(st.mtimeMs / 1000)],
    ['ctime', Math.floor(st.ctimeMs / 1000)], ['blksize', st.blksize], ['blocks', st.blocks],
  ];
  const a = new PhpArray();
  vals.forEach(([, v], i) => a.set(i, bigToNum(v)));
  for (const [k, v] of vals) a.set(k, bigToNum(v));
  return a;
}

function fileType(st: fs.Stats): string {
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'char';
  if (st.isDirectory()) return 'dir';
  if (st.isBlockDevice()) return 'block';
  if (st.isFile()) return 'file';
  if (st.isSymbolicLink()) return 'link';
  if (st.isSocket()) return 'socket';
  return 'unknown';
}

function accessOk(p: string, mode: number): boolean {
  try {
    fs.accessSync(fsPath(absPath(p)), mode);
    return true;
  } catch {
    return false;
  }
}

const quietFns = new Set(['file_exists', 'is_writable', 'is_writeable', 'is_readable', 'is_executable', 'is_file', 'is_dir', 'is_link']);

/** php_stat: `fname` names the kind of query (the function's name); `label` prefixes the warnings. */
export function phpStat(fname: string, p: string, label = fname): any {
  if (p.includes('\0')) {
    // existence checks are quiet about a path that cannot exist
    if (!quietFns.has(fname)) rt.warn(`${label}(): Filename contains null byte`);
    return false;
  }
  if (p === '') return false;
  const scheme = schemeOf(p);
  let st: fs.Stats | null;
  if (scheme !== 'file') {
    const w = findUserWrapper(scheme);
    if (!w) return false;
    const arr = userUrlStat(w, p, fname === 'is_link' || fname === 'lstat' ? 1 : 0, quietFns.has(fname));
    if (!arr) return quietFns.has(fname) ? false : (rt.warn(`${label}(): stat failed for ${p}`), false);
    const g = (k: string) => (arr.get(k) ?? arr.get(['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'atime', 'mtime', 'ctime', 'blksize', 'blocks'].indexOf(k)) ?? 0) as number;
    const mode = g('mode');
    switch (fname) {
      case 'file_exists': return true;
      case 'is_file': return (mode & 0o170000) === 0o100000;
      case 'is_dir': return (mode & 0o170000) === 0o040000;
      case 'is_link': return (mode & 0o170000) === 0o120000;
      case 'is_readable': case 'is_writable': case 'is_writeable': case 'is_executable': return true;
      case 'filesize': return g('size');
      case 'filemtime': return g('mtime');
      case 'fileperms': return mode;
      case 'stat': case 'lstat': return statArray({ dev: g('dev'), ino: g('ino'), mode, nlink: g('nlink'), uid: g('uid'), gid: g('gid'), rdev: g('rdev'), size: g('size'), atimeMs: g('atime') * 1000, mtimeMs: g('mtime') * 1000, ctimeMs: g('ctime') * 1000, blksize: g('blksize'), blocks: g('blocks') } as any);
      default: return false;
    }
  }
  const link = fname === 'lstat' || fname === 'is_link' || fname === 'filetype';
  st = statOf(p, link) as fs.Stats | null;
  if (!st) {
    if (!quietFns.has(fname)) rt.warn(`${label}(): ${fname === 'lstat' || fname === 'filetype' ? 'Lstat' : 'stat'} failed for ${p}`);
    return false;
  }
  switch (fname) {
    case 'file_exists': return true;
    case 'is_file': return st.isFile();
    case 'is_dir': return st.isDirectory();
    case 'is_link': return st.isSymbolicLink();
    case 'is_readable': return accessOk(p, fs.constants.R_OK);
    case 'is_writable': case 'is_writeable': return accessOk(p, fs.constants.W_OK);
    case 'is_executable': return !st.isDirectory() && accessOk(p, fs.constants.X_OK);
    case 'filesize': return st.size;
    case 'filemtime': return Math.floor(st.mtimeMs / 1000);
    case 'fileatime': return Math.floor(st.atimeMs / 1000);
    case 'filectime': return Math.floor(st.ctimeMs / 1000);
    case 'fileinode': return st.ino;
    case 'fileperms': return st.mode;
    case 'fileowner': return st.uid;
    case 'filegroup': return st.gid;
    case 'filetype': return fileType(st);
    case 'stat': case 'lstat': return statArray(st);
  }
  return false;
}

export function registerFilestat(r: Registry): void {
  const defs: Record<string, any> = {};
  const bools = ['file_exists', 'is_writable', 'is_writeable', 'is_readable', 'is_executable', 'is_file', 'is_dir', 'is_link'];
  for (const n of bools) defs[`${n}(string $filename): bool`] = (p: string) => phpStat(n, p);
  const ints = ['filesize', 'filemtime', 'fileatime', 'filectime', 'fileinode', 'fileperms', 'fileowner', 'filegroup'];
  for (const n of ints) defs[`${n}(string $filename): int|false`] = (p: string) => phpStat(n, p);
  defs['filetype(string $filename): string|false'] = (p: string) => phpStat('filetype', p);
  defs['stat(string $filename): array|false'] = (p: string) => phpStat('stat', p);
  defs['lstat(string $filename): array|false'] = (p: string) => phpStat('lstat', p);
  r.functions(defs);
  r.functions({
    'fstat($stream): array|false': (h: any) => {
      if (!(h instanceof PhpStream) || h.closed) {
        if (h instanceof PhpStream) rt.throwError('TypeError', 'fstat(): supplied resource is not a valid stream resource');
        rt.throwError('TypeError', `fstat(): Argument #1 ($stream) must be of type resource, ${typeName(h)} given`);
      }
      const st = h.impl.stat();
      if (st) return statArray(st);
      const sz = (h.impl as any).data;
      if (typeof sz === 'string') {
        return statArray({ dev: 12, ino: 0, mode: (h.impl as any).canWrite ? 0o100666 : 0o100444, nlink: 1, uid: 0, gid: 0, rdev: -1, size: sz.length, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, blksize: -1, blocks: -1 } as any);
      }
      const us = (h as any).userStat?.();
      if (us) return us;
      return false;
    },
    'clearstatcache(bool $clear_realpath_cache = false, string $filename = ""): void': () => undefined,
    'realpath_cache_size(): int': () => 0,
    'realpath_cache_get(): array': () => new PhpArray(),
    'touch(string $filename, ?int $mtime = null, ?int $atime = null): bool': (p: string, mt: number | null, at: number | null) => {
      checkPath(p, 'touch');
      const full = fsPath(absPath(p));
      const now = Date.now() / 1000;
      const m = mt === null ? now : mt;
      const a = at === null ? m : at;
      try {
        if (!fs.existsSync(full)) fs.closeSync(fs.openSync(full, 'a'));
        fs.utimesSync(full, a, m);
        return true;
      } catch (e: any) {
        if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'ENOTDIR') rt.warn(`touch(): Unable to create file ${p} because ${errText(e)}`);
        else rt.warn(`touch(): Utime failed: ${errText(e)}`);
        return false;
      }
    },
    'chmod(string $filename, int $permissions): bool': (p: string, mode: number) => {
      checkPath(p, 'chmod');
      try {
        fs.chmodSync(fsPath(absPath(p)), Number(mode) & 0o7777);
        return true;
      } catch (e: any) {
        rt.warn(`chmod(): ${errText(e)}`);
        return false;
      }
    },
    'chown(string $filename, string|int $user): bool': (p: string, u: any) => chownImpl('chown', p, u, true, false),
    'chgrp(string $filename, string|int $group): bool': (p: string, g: any) => chownImpl('chgrp', p, g, false, false),
    'lchown(string $filename, string|int $user): bool': (p: string, u: any) => chownImpl('lchown', p, u, true, true),
    'lchgrp(string $filename, string|int $group): bool': (p: string, g: any) => chownImpl('lchgrp', p, g, false, true),
    'disk_free_space(string $directory): float|false': (p: string) => diskSpace('disk_free_space', p, true),
    'diskfreespace(string $directory): float|false': (p: string) => diskSpace('diskfreespace', p, true),
    'disk_total_space(string $directory): float|false': (p: string) => diskSpace('disk_total_space', p, false),
    'realpath(string $path): string|false': (p: string) => {
      checkPath(p, 'realpath', 1, 'path');
      try {
        return fs.realpathSync(fsPath(absPath(p === '' ? '.' : p)), { encoding: 'buffer' }).toString('latin1');
      } catch {
        return false;
      }
    },
    'readlink(string $path): string|false': (p: string) => {
      checkPath(p, 'readlink', 1, 'path');
      try {
        return fs.readlinkSync(fsPath(absPath(p)), { encoding: 'buffer' }).toString('latin1');
      } catch (e: any) {
        rt.warn(`readlink(): ${errText(e)}`);
        return false;
      }
    },
    'linkinfo(string $path): int|false': (p: string) => {
      checkPath(p, 'linkinfo', 1, 'path');
      try {
        return Number(fs.lstatSync(fsPath(absPath(p))).dev);
      } catch (e: any) {
        rt.warn(`linkinfo(): ${errText(e)}`);
        return -1;
      }
    },
    'symlink(string $target, string $link): bool': (t: string, l: string) => {
      checkPath(t, 'symlink', 1, 'target');
      checkPath(l, 'symlink', 2, 'link');
      try {
        fs.symlinkSync(fsPath(t), fsPath(absPath(l)));
        return true;
      } catch (e: any) {
        rt.warn(`symlink(): ${errText(e)}`);
        return false;
      }
    },
    'link(string $target, string $link): bool': (t: string, l: string) => {
      checkPath(t, 'link', 1, 'target');
      checkPath(l, 'link', 2, 'link');
      try {
        fs.linkSync(fsPath(absPath(t)), fsPath(absPath(l)));
        return true;
      } catch (e: any) {
        rt.warn(`link(): ${errText(e)}`);
        return false;
      }
    },
  });
}

function diskSpace(fname: string, p: string, free: boolean): any {
  checkPath(p, fname, 1, 'directory');
  try {
    const s = fs.statfsSync(fsPath(absPath(p)));
    return mkFloat((free ? s.bavail : s.blocks) * s.bsize);
  } catch (e: any) {
    rt.warn(`${fname}(): ${errText(e)}`);
    return false;
  }
}

function lookupId(name: string, file: string): number | null {
  try {
    for (const line of fs.readFileSync(file, 'latin1').split('\n')) {
      const f = line.split(':');
      if (f[0] === name) return parseInt(f[2], 10);
    }
  } catch {
    /* ignore */
  }
  return null;
}

function chownImpl(fname: string, p: string, who: any, user: boolean, link: boolean): boolean {
  checkPath(p, fname);
  let id: number;
  if (typeof who === 'string') {
    const r = lookupId(who, user ? '/etc/passwd' : '/etc/group');
    if (r === null) {
      rt.warn(`${fname}(): Unable to find ${user ? 'uid' : 'gid'} for ${who}`);
      return false;
    }
    id = r;
  } else id = Number(who);
  const full = fsPath(absPath(p));
  try {
    const st = link ? fs.lstatSync(full) : fs.statSync(full);
    const uid = user ? id : -1, gid = user ? -1 : id;
    if (link) fs.lchownSync(full, uid === -1 ? st.uid : uid, gid === -1 ? st.gid : gid);
    else fs.chownSync(full, uid === -1 ? st.uid : uid, gid === -1 ? st.gid : gid);
    return true;
  } catch (e: any) {
    rt.warn(`${fname}(): ${errText(e)}`);
    return false;
  }
}
