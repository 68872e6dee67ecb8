// The compiled-code caches: PHP source compiles once per engine (per thread) for each distinct content,
// and compiled files are kept on disk for the next process.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';


/**
 * A 64-bit digest of a source (two multiply-xor lanes over its characters, with its length): it tells
 * the contents of one file apart, which is all a module key needs. Not node:crypto's sha1: loading
 * node:crypto costs a hello world a tenth of its start-up.
 */
export function hashSource(src: string): string {
  let h1 = 0xdeadbeef ^ src.length;
  let h2 = 0x41c6ce57 ^ src.length;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0') + src.length.toString(16);
}

export class CodeCache<T> {
  private readonly map = new Map<string, T>();
  get(key: string): T | undefined {
    return this.map.get(key);
  }
  set(key: string, value: T): void {
    this.map.set(key, value);
  }
}

/**
 * Compiled PHP files kept on disk between processes, by content: a script run again skips lexing,
 * parsing and compiling. An entry's name digests everything the compiled JavaScript depends on (this
 * build of phpts, the file's path and bytes, short_open_tag, the builtins known at compile time), so
 * an entry is never stale, only unused. The directory is $PHPTS_CACHE_DIR, or phpts-<uid> in the
 * system's temporary directory; PHPTS_CACHE_DIR set to the empty string turns the cache off. Every
 * failure (no directory, no room, a torn entry) just means compiling again.
 */
export interface CompiledFile {
  js: string;
  haltOffset: number | null;
}

let cacheDir: string | null | undefined;
let buildStamp: string | undefined;

function dirOfCache(): string | null {
  if (cacheDir !== undefined) return cacheDir;
  const env = process.env.PHPTS_CACHE_DIR;
  if (env === '') return (cacheDir = null);
  // os.tmpdir()'s choice, without loading node:os for it
  const tmp = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  cacheDir = env ?? path.join(tmp, `phpts-${process.getuid?.() ?? 'user'}`);
  return cacheDir;
}

/** This build of phpts: the modification time of this module's file (every build rewrites it). */
function stampOfBuild(): string {
  if (buildStamp !== undefined) return buildStamp;
  try {
    // scripts/bundle.mjs rewrites import.meta.url to the URL of this module's twin in dist/
    // @ts-ignore TS1343: import.meta in the CommonJS build (tsconfig.bundle.json)
    buildStamp = String(fs.statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    buildStamp = 'unknown';
  }
  return buildStamp;
}

function entryPath(dir: string, parts: string[], src: string): string {
  return path.join(dir, hashSource(stampOfBuild() + '\0' + parts.join('\0') + '\0' + src) + '.js');
}

/** Sources shorter than this compile faster than their entry is found and read. */
export const DISK_CACHE_MIN_BYTES = 2048;

/** The compiled form of `src` saved by an earlier process, or null. */
export function loadCompiled(parts: string[], src: string): CompiledFile | null {
  const dir = dirOfCache();
  if (dir === null) return null;
  let text: string;
  try {
    text = fs.readFileSync(entryPath(dir, parts, src), 'latin1');
  } catch {
    return null;
  }
  // first line: the header; the rest: the JavaScript (an entry cut short has no END mark)
  const nl = text.indexOf('\n');
  if (nl < 0 || !text.endsWith('\n//END\n')) return null;
  const halt = text.slice(0, nl);
  return { haltOffset: halt === 'null' ? null : Number(halt), js: text.slice(nl + 1, text.length - 7) };
}

/**
 * Creates the cache directory itself, its parent being there (no recursive mkdir: Node's loops
 * forever on some file systems, /proc for one).
 */
function makeDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** Saves a compiled file for later processes (atomically: written aside, then renamed). */
export function saveCompiled(parts: string[], src: string, compiled: CompiledFile): void {
  const dir = dirOfCache();
  if (dir === null) return;
  const file = entryPath(dir, parts, src);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    makeDir(dir);
    fs.writeFileSync(tmp, `${compiled.haltOffset}\n${compiled.js}\n//END\n`, 'latin1');
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to clean */
    }
  }
}
