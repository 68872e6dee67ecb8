// ext/standard/dir.c: directory streams, the Directory class, scandir, glob, chdir/getcwd; plus the
// file system operations of file.c (mkdir, rmdir, unlink, rename, copy).

import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { typeName } from '../../runtime/convert.js';
import { instantiate } from '../../runtime/classdecl.js';
import { findClass } from '../../runtime/objects.js';
import { PhpStream, BaseStream, errText, fsPath, absPath } from './streams.js';
import { checkPath, fnmatch, openStream, readAll, schemeOf, currentUmask } from './file.js';
import { findUserWrapper, userDirOpen, userFsOp } from './stream_funcs.js';

/** A directory listing as a stream: read() gives one entry name. */
export class DirStream extends BaseStream {
  meta = { wrapper: 'plainfile', streamType: 'dir', mode: 'r', uri: '', seekable: true };
  idx = 0;
  /** glob:// streams: the matched paths (entries are their base names) */
  globPaths: string[] | null = null;
  constructor(public entries: string[], uri: string) {
    super();
    this.meta.uri = uri;
  }
  /** php_glob_stream_get_path: the directory of the entry read last (of the first match before any read). */
  globDir(): string {
    const paths = this.globPaths ?? [];
    const cur = paths[Math.max(0, Math.min(this.idx, paths.length) - 1)];
    if (cur === undefined) return '';
    const slash = cur.lastIndexOf('/');
    if (slash < 0) return '';
    return slash === 0 ? '/' : cur.slice(0, slash);
  }
  protected rawRead(): string {
    return '';
  }
  next(): string | false {
    if (this.idx >= this.entries.length) return false;
    return this.entries[this.idx++];
  }
  rewind(): void {
    this.idx = 0;
  }
}

export function listDir(full: string): string[] {
  const d = fs.opendirSync(fsPath(full), { encoding: 'buffer' as any });
  const names = ['.', '..'];
  try {
    for (;;) {
      const e = d.readSync();
      if (!e) break;
      names.push(Buffer.isBuffer(e.name) ? (e.name as Buffer).toString('latin1') : Buffer.from(e.name as string, 'utf8').toString('latin1'));
    }
  } finally {
    d.closeSync();
  }
  return names;
}

/** php_stream_opendir: a directory stream (plain, glob:// or a user wrapper's), warning on failure. */
export function openDir(fname: string, p: string): PhpStream | false {
  checkPath(p, fname, 1, 'directory');
  if (p === '') rt.throwError('ValueError', `${fname}(): Argument #1 ($directory) cannot be empty`);
  const scheme = schemeOf(p);
  if (scheme === 'glob') {
    const matches = globToEntries(p.slice(7), 0) || [];
    const ds = new DirStream(matches.map((m) => m.slice(m.lastIndexOf('/') + 1)), p);
    ds.globPaths = matches;
    ds.meta.wrapper = 'glob';
    ds.meta.streamType = 'dir';
    const s = new PhpStream(ds);
    s.isDir = true;
    return s;
  }
  if (scheme !== 'file') {
    const w = findUserWrapper(scheme);
    if (w) {
      const entries = userDirOpen(w, p, fname);
      if (entries === false) return false;
      const s = new PhpStream(new DirStream(entries, p));
      s.isDir = true;
      return s;
    }
  }
  let names: string[];
  try {
    names = listDir(absPath(p));
  } catch (e: any) {
    rt.warn(`${fname}(${p}): Failed to open directory: ${errText(e)}`);
    return false;
  }
  const s = new PhpStream(new DirStream(names, p));
  s.isDir = true;
  return s;
}

function dirHandle(h: any, fname: string): PhpStream | false {
  if (h === null || h === undefined) {
    const last = rt.ext.lastDir as PhpStream | undefined;
    if (!last || last.closed) rt.throwError('TypeError', 'No resource supplied');
    return last!;
  }
  if (!(h instanceof PhpStream)) rt.throwError('TypeError', `${fname}(): Argument #1 ($dir_handle) must be of type resource or null, ${typeName(h)} given`);
  if (h.closed) rt.throwError('TypeError', `${fname}(): supplied resource is not a valid Directory resource`);
  if (!h.isDir) rt.throwError('TypeError', `${fname}(): Argument #1 ($dir_handle) must be a valid Directory resource`);
  return h;
}

/** the Directory object's handle */
function objHandle(o: PhpObject, fname: string): PhpStream {
  const h = o.p['handle'];
  if (h === undefined || !(h instanceof PhpStream)) rt.throwError('Error', 'Unable to find my handle property');
  if (h.closed) rt.throwError('TypeError', `Directory::${fname}(): supplied resource is not a valid Directory resource`);
  return h;
}

function globToEntries(pattern: string, flags: number): string[] | false {
  const GLOB_MARK = 2, GLOB_NOSORT = 4, GLOB_NOCHECK = 16, GLOB_NOESCAPE = 64, GLOB_BRACE = 1024, GLOB_ONLYDIR = 8192, GLOB_ERR = 1;
  const pats = flags & GLOB_BRACE ? expandBraces(pattern) : [pattern];
  const all: string[] = [];
  for (const pat of pats) {
    const res: string[] = [];
    const abs = pat.startsWith('/');
    const segs = pat.split('/');
    const walk = (prefix: string, i: number) => {
      if (i === segs.length) {
        res.push(prefix);
        return;
      }
      const seg = segs[i];
      if (seg === '' && i < segs.length - 1) {
        walk(i === 0 ? '/' : prefix, i + 1);
        return;
      }
      const isLast = i === segs.length - 1;
      const join = (name: string) => (prefix === '' ? name : prefix.endsWith('/') ? prefix + name : prefix + '/' + name);
      if (!/[*?[]/.test(seg)) {
        const lit = flags & GLOB_NOESCAPE ? seg : seg.replace(/\\(.)/g, '$1');
        const p = join(lit);
        try {
          const st = fs.statSync(fsPath(absPath(p)));
          if (!isLast && !st.isDirectory()) return;
        } catch {
          try {
            fs.lstatSync(fsPath(absPath(p)));
          } catch {
            return;
          }
        }
        walk(p, i + 1);
        return;
      }
      let names: string[];
      try {
        names = listDir(absPath(prefix === '' ? '.' : prefix)).slice(2);
      } catch {
        return;
      }
      names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const n of names) {
        if (n.startsWith('.') && !seg.startsWith('.')) continue;
        if (!fnmatch(seg, n, (flags & GLOB_NOESCAPE ? 2 : 0) | 4)) continue;
        walk(join(n), i + 1);
      }
    };
    walk('', 0);
    void abs;
    let list = res;
    if (flags & GLOB_ONLYDIR) list = list.filter((p) => isDir(p));
    if (flags & GLOB_MARK) list = list.map((p) => (isDir(p) && !p.endsWith('/') ? p + '/' : p));
    if (!(flags & GLOB_NOSORT)) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (list.length === 0 && flags & GLOB_NOCHECK) list = [pat];
    all.push(...list);
  }
  void GLOB_ERR;
  return all;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(fsPath(absPath(p))).isDirectory();
  } catch {
    return false;
  }
}

function expandBraces(p: string): string[] {
  // find the first top-level {...} group
  let depth = 0, start = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = p.slice(start + 1, i);
        const alts: string[] = [];
        let d = 0, last = 0;
        for (let j = 0; j < body.length; j++) {
          const ch = body[j];
          if (ch === '\\') {
            j++;
            continue;
          }
          if (ch === '{') d++;
          else if (ch === '}') d--;
          else if (ch === ',' && d === 0) {
            alts.push(body.slice(last, j));
            last = j + 1;
          }
        }
        alts.push(body.slice(last));
        const pre = p.slice(0, start), post = p.slice(i + 1);
        return alts.flatMap((a) => expandBraces(pre + a + post));
      }
    }
  }
  return [p];
}

export function registerDir(r: Registry): void {
  r.constants({
    GLOB_BRACE: 1024, GLOB_MARK: 2, GLOB_NOSORT: 4, GLOB_NOCHECK: 16, GLOB_NOESCAPE: 64, GLOB_ERR: 1, GLOB_ONLYDIR: 8192,
    GLOB_AVAILABLE_FLAGS: 9303, SCANDIR_SORT_ASCENDING: 0, SCANDIR_SORT_DESCENDING: 1, SCANDIR_SORT_NONE: 2,
  });
  r.class({
    name: 'Directory',
    props: [
      { name: 'path', flags: 1 | 64, type: 'string' },
      { name: 'handle', flags: 1 | 64, type: 'mixed' },
    ],
    nativeMethods: {
      'public close(): void': function (this: PhpObject) {
        const h = objHandle(this, 'close');
        h.impl.close();
        h.closed = true;
      },
      'public rewind(): void': function (this: PhpObject) {
        (objHandle(this, 'rewind').impl as DirStream).rewind();
      },
      'public read(): string|false': function (this: PhpObject) {
        return (objHandle(this, 'read').impl as DirStream).next();
      },
    },
  });
  r.functions({
    'opendir(string $directory, $context = null)': (p: string) => {
      const s = openDir('opendir', p);
      if (s) rt.ext.lastDir = s;
      return s;
    },
    'dir(string $directory, $context = null): Directory|false': (p: string) => {
      const s = openDir('dir', p);
      if (!s) return false;
      rt.ext.lastDir = s;
      const o = instantiate(findClass('Directory', false)!);
      o.p['path'] = p;
      o.p['handle'] = s;
      return o;
    },
    'readdir($dir_handle = null): string|false': (h: any) => {
      const s = dirHandle(h, 'readdir');
      return s ? (s.impl as DirStream).next() : false;
    },
    'rewinddir($dir_handle = null): void': (h: any) => {
      const s = dirHandle(h, 'rewinddir');
      if (s) (s.impl as DirStream).rewind();
    },
    'closedir($dir_handle = null): void': (h: any) => {
      const s = dirHandle(h, 'closedir');
      if (!s) return;
      s.impl.close();
      s.closed = true;
      if (rt.ext.lastDir === s) rt.ext.lastDir = undefined;
    },
    'scandir(string $directory, int $sorting_order = SCANDIR_SORT_ASCENDING, $context = null): array|false': (p: string, order: number) => {
      checkPath(p, 'scandir', 1, 'directory');
      if (p === '') rt.throwError('ValueError', 'scandir(): Argument #1 ($directory) cannot be empty');
      let names: string[];
      const scheme = schemeOf(p);
      const w = scheme !== 'file' ? findUserWrapper(scheme) : null;
      if (w) {
        const e = userDirOpen(w, p, 'scandir');
        if (e === false) {
          rt.warn('scandir(): (errno 2): No such file or directory');
          return false;
        }
        names = e;
      } else {
        try {
          names = listDir(absPath(p));
        } catch (e: any) {
          rt.warn(`scandir(${p}): Failed to open directory: ${errText(e)}`);
          rt.warn(`scandir(): (errno ${e.errno ? -e.errno : 2}): ${errText(e)}`);
          return false;
        }
      }
      if (order === 0) names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      else if (order === 1) names.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
      else if (order !== 2) names.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
      return PhpArray.fromList(names);
    },
    'glob(string $pattern, int $flags = 0): array|false': (pat: string, flags: number) => {
      checkPath(pat, 'glob', 1, 'pattern');
      if (flags & ~9303) {
        rt.warn('glob(): At least one of the passed flags is invalid or not supported on this platform');
        return false;
      }
      const r = globToEntries(pat, flags);
      return r === false ? false : PhpArray.fromList(r);
    },
    'chdir(string $directory): bool': (p: string) => {
      checkPath(p, 'chdir', 1, 'directory');
      const full = absPath(p);
      try {
        if (!fs.statSync(fsPath(full)).isDirectory()) {
          rt.warn(`chdir(): Not a directory (errno 20)`);
          return false;
        }
        fs.accessSync(fsPath(full), fs.constants.X_OK);
      } catch (e: any) {
        rt.warn(`chdir(): ${errText(e)} (errno ${e.errno ? -e.errno : 2})`);
        return false;
      }
      rt.cwd = full.length > 1 && full.endsWith("/") ? full.slice(0, -1) : full;
      try {
        process.chdir(full);
      } catch {
        /* workers cannot */
      }
      return true;
    },
    'getcwd(): string|false': () => rt.cwd,
    'mkdir(string $directory, int $permissions = 0777, bool $recursive = false, $context = null): bool': (p: string, mode: number, rec: boolean) => {
      checkPath(p, 'mkdir', 1, 'directory');
      const scheme = schemeOf(p);
      if (scheme !== 'file') {
        const w = findUserWrapper(scheme);
        if (w) return userFsOp(w, 'mkdir', [p, mode, rec ? 1 : 0]);
      }
      const full = absPath(p);
      try {
        if (rec) {
          if (fs.existsSync(fsPath(full))) {
            rt.warn('mkdir(): File exists');
            return false;
          }
          fs.mkdirSync(fsPath(full), { recursive: true, mode: Number(mode) & ~currentUmask() & 0o7777 });
        } else fs.mkdirSync(fsPath(full), { mode: Number(mode) & 0o7777 });
        return true;
      } catch (e: any) {
        rt.warn(`mkdir(): ${errText(e)}`);
        return false;
      }
    },
    'rmdir(string $directory, $context = null): bool': (p: string) => {
      checkPath(p, 'rmdir', 1, 'directory');
      const scheme = schemeOf(p);
      if (scheme !== 'file') {
        const w = findUserWrapper(scheme);
        if (w) return userFsOp(w, 'rmdir', [p, 0]);
      }
      try {
        fs.rmdirSync(fsPath(absPath(p)));
        return true;
      } catch (e: any) {
        rt.warn(`rmdir(${p}): ${errText(e)}`);
        return false;
      }
    },
    'unlink(string $filename, $context = null): bool': (p: string) => {
      checkPath(p, 'unlink');
      const scheme = schemeOf(p);
      if (scheme !== 'file') {
        const w = findUserWrapper(scheme);
        if (w) return userFsOp(w, 'unlink', [p]);
      }
      const full = fsPath(absPath(p));
      try {
        const st = fs.lstatSync(full);
        if (st.isDirectory()) {
          rt.warn(`unlink(${p}): Is a directory`);
          return false;
        }
        fs.unlinkSync(full);
        return true;
      } catch (e: any) {
        rt.warn(`unlink(${p}): ${errText(e)}`);
        return false;
      }
    },
    'rename(string $from, string $to, $context = null): bool': (from: string, to: string) => {
      checkPath(from, 'rename', 1, 'from');
      checkPath(to, 'rename', 2, 'to');
      const scheme = schemeOf(from);
      if (scheme !== 'file') {
        const w = findUserWrapper(scheme);
        if (w) return userFsOp(w, 'rename', [from, to]);
      }
      const a = fsPath(absPath(from)), b = fsPath(absPath(to));
      try {
        fs.renameSync(a, b);
        return true;
      } catch (e: any) {
        if (e.code === 'EXDEV') {
          try {
            fs.copyFileSync(a, b);
            fs.unlinkSync(a);
            return true;
          } catch (e2: any) {
            e = e2;
          }
        }
        rt.warn(`rename(${from},${to}): ${errText(e)}`);
        return false;
      }
    },
    'copy(string $from, string $to, $context = null): bool': (from: string, to: string) => {
      checkPath(from, 'copy', 1, 'from');
      checkPath(to, 'copy', 2, 'to');
      if (schemeOf(from) === 'file') {
        try {
          if (fs.statSync(fsPath(absPath(from))).isDirectory()) {
            rt.warn('copy(): The first argument to copy() function cannot be a directory');
            return false;
          }
        } catch {
          /* reported by open */
        }
      }
      const src = openStream(from, 'rb', 'copy');
      if (!src) return false;
      if (schemeOf(to) === 'file') {
        try {
          if (fs.statSync(fsPath(absPath(to))).isDirectory()) {
            src.impl.close();
            rt.warn('copy(): The second argument to copy() function cannot be a directory');
            return false;
          }
        } catch {
          /* new file */
        }
      }
      const dst = openStream(to, 'wb', 'copy');
      if (!dst) {
        src.impl.close();
        return false;
      }
      const data = readAll(src.impl);
      const n = data === '' ? 0 : dst.impl.write(data);
      src.impl.close();
      dst.impl.close();
      src.closed = dst.closed = true;
      return n !== false;
    },
  });
  void nodePath;
}
