// Stream filters (main/streams/filter.c, ext/standard/filters.c, user_filters.c): stream_filter_append()
// puts a filter on the read or write side of a stream; the data then passes through it chunk by chunk,
// with a last "closing" pass at the end of the data (EOF, fclose, stream_filter_remove). Builtin filters
// keep their state between chunks as php-src's do; user filters are php_user_filter subclasses that move
// buckets between brigades.

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpObject } from '../../runtime/object.js';
import { PhpResource, Ref } from '../../runtime/values.js';
import { toStr, toInt, toBool, typeName } from '../../runtime/convert.js';
import { instantiate } from '../../runtime/classdecl.js';
import { findClass, callMethodByName } from '../../runtime/objects.js';
import { PhpStream, BaseStream, StreamFilterChain } from './streams.js';
import { streamArg } from './file.js';

const PSFS_ERR_FATAL = 0;
const PSFS_FEED_ME = 1;
const PSFS_PASS_ON = 2;
const STREAM_FILTER_READ = 1;
const STREAM_FILTER_WRITE = 2;
const STREAM_FILTER_ALL = 3;

/** One filter's work: the output for a chunk of input, or false on a fatal error. */
interface FilterImpl {
  filter(data: string, closing: boolean, stream: PhpStream): string | false;
  onClose?(): void;
}

/** The "stream filter" resource stream_filter_append() returns. */
class PhpFilter extends PhpResource {
  chain: Chain | null = null;
  constructor(readonly name: string, readonly impl: FilterImpl, readonly stream: PhpStream) {
    super('stream filter', null);
  }
}

class Chain implements StreamFilterChain {
  filters: PhpFilter[] = [];
  run(stream: BaseStream, data: string, closing: boolean): string | false {
    for (const f of this.filters) {
      const out = f.impl.filter(data, closing, f.stream);
      if (out === false) return false;
      data = out;
    }
    void stream;
    return data;
  }
}

// ───────────── builtin filters ─────────────

function mapFilter(fn: (s: string) => string): FilterImpl {
  return { filter: (d) => fn(d) };
}

function upperAscii(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
function lowerAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const b = c.charCodeAt(0) < 97 ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b);
  });
}

function optionOf(params: any, name: string): any {
  if (params instanceof PhpArray) return params.get(name);
  if (params instanceof PhpObject) {
    const v = params.p[name];
    return v instanceof Ref ? v.v : v;
  }
  return undefined;
}

/** The line-length / line-break-chars options of the convert.* encoders (php_conv_open). */
function lineOptions(params: any): { lineLen: number; lb: string | null } {
  const lenOpt = optionOf(params, 'line-length');
  const lbOpt = optionOf(params, 'line-break-chars');
  let lineLen = lenOpt === undefined ? 0 : Number(toInt(lenOpt));
  if (lineLen < 0) lineLen = 0;
  if (lineLen < 4) return { lineLen, lb: null };
  return { lineLen, lb: lbOpt === undefined ? '\r\n' : toStr(lbOpt) };
}

function base64Encoder(params: any): FilterImpl {
  const { lineLen, lb } = lineOptions(params);
  let stub = '';
  let col = 0;
  const wrap = (enc: string): string => {
    if (lb === null) return enc;
    let out = '';
    for (let i = 0; i < enc.length; i++) {
      if (col >= lineLen) {
        out += lb;
        col = 0;
      }
      out += enc[i];
      col++;
    }
    return out;
  };
  return {
    filter(data, closing) {
      const all = stub + data;
      const whole = closing ? all.length : all.length - (all.length % 3);
      stub = all.slice(whole);
      return wrap(Buffer.from(all.slice(0, whole), 'latin1').toString('base64'));
    },
  };
}

function base64Decoder(): FilterImpl {
  let stub = '';
  return {
    filter(data, closing) {
      let clean = '';
      for (let i = 0; i < data.length; i++) {
        const c = data[i];
        if (/[A-Za-z0-9+/]/.test(c)) clean += c;
        else if (c === '=' || c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
        else {
          rt.warn('stream filter (convert.base64-decode): invalid byte sequence');
          return false;
        }
      }
      const all = stub + clean;
      const whole = closing ? all.length : all.length - (all.length % 4);
      stub = all.slice(whole);
      return Buffer.from(all.slice(0, whole), 'base64').toString('latin1');
    },
  };
}

const HEX = '0123456789ABCDEF';

/** php_conv_qprint_encode_convert, one chunk at a time (its state: the column, a pending line break). */
function qprintEncoder(params: any): FilterImpl {
  const { lineLen, lb } = lineOptions(params);
  const binary = toBool(optionOf(params, 'binary') ?? false);
  const forceFirst = toBool(optionOf(params, 'force-encode-first') ?? false);
  let lineCnt = lineLen;
  let lbCnt = 0;
  let lbPtr = 0;
  return {
    filter(data) {
      let out = '';
      let p = 0;
      let trailWs = 0;
      const softBreak = () => {
        out += '=' + lb;
        lineCnt = lineLen;
      };
      for (;;) {
        if (!binary && lb !== null && lb.length > 0) {
          if (p < data.length && data[p] === lb[lbCnt]) {
            lbCnt++;
            if (lbCnt >= lb.length) {
              out += lb.slice(0, lbCnt);
              lineCnt = lineLen;
              lbPtr = lbCnt = 0;
            }
            p++;
            continue;
          }
        }
        if (lbPtr >= lbCnt && p >= data.length) break;
        const fromLb = lbPtr < lbCnt;
        const c = fromLb ? lb!.charCodeAt(lbPtr) : data.charCodeAt(p);
        const consume = () => {
          if (lbPtr < lbCnt) lbPtr++;
          else {
            lbCnt = lbPtr = 0;
            p++;
          }
        };
        if (!binary && trailWs === 0 && (c === 9 || c === 32)) {
          if (lineCnt < 2 && lb !== null) {
            softBreak();
          } else {
            if (lb !== null) {
              // whitespace that ends a line must be encoded
              let lb2 = 0;
              trailWs = 1;
              for (let j = data.length - p - 1, q = p; j > 0; j--, q++) {
                if (data[q] === lb[lb2]) {
                  lb2++;
                  if (lb2 >= lb.length) break;
                } else if (lb2 !== 0 || (data[q] !== '\t' && data[q] !== ' ')) {
                  trailWs = 0;
                  break;
                } else {
                  trailWs++;
                }
              }
            }
            if (trailWs === 0) {
              out += String.fromCharCode(c);
              lineCnt--;
              consume();
            }
          }
        } else if ((!forceFirst || lineCnt < lineLen) && ((c >= 33 && c <= 60) || (c >= 62 && c <= 126))) {
          if (lineCnt < 2 && lb !== null) softBreak();
          out += String.fromCharCode(c);
          lineCnt--;
          consume();
        } else {
          if (lineCnt < 4 && lb !== null) softBreak();
          out += '=' + HEX[c >> 4] + HEX[c & 15];
          lineCnt -= 3;
          if (trailWs > 0) trailWs--;
          consume();
        }
      }
      return out;
    },
  };
}

function qprintDecoder(): FilterImpl {
  let pending = '';
  return {
    filter(data, closing) {
      const all = pending + data;
      // an escape cut by the chunk's end waits for the next chunk
      let cut = all.length;
      const eq = all.lastIndexOf('=');
      if (!closing && eq >= 0 && eq > all.length - 3) cut = eq;
      pending = all.slice(cut);
      const s = all.slice(0, cut);
      let out = '';
      for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (c !== '=') {
          out += c;
          continue;
        }
        if (s[i + 1] === '\r' && s[i + 2] === '\n') i += 2;
        else if (s[i + 1] === '\n' || s[i + 1] === '\r') i += 1;
        else if (/^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
          out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
          i += 2;
        } else {
          rt.warn('stream filter (convert.quoted-printable-decode): invalid byte sequence');
          return false;
        }
      }
      return out;
    },
  };
}

/** dechunk: HTTP chunked transfer decoding. */
function dechunkFilter(): FilterImpl {
  let buf = '';
  let left = -1;
  let done = false;
  return {
    filter(data) {
      buf += data;
      let out = '';
      for (;;) {
        if (done) return out;
        if (left < 0) {
          const nl = buf.indexOf('\n');
          if (nl < 0) return out;
          const size = parseInt(buf.slice(0, nl), 16);
          buf = buf.slice(nl + 1);
          if (Number.isNaN(size)) return out + buf;
          if (size === 0) {
            done = true;
            return out;
          }
          left = size;
        }
        const take = buf.slice(0, left);
        out += take;
        buf = buf.slice(take.length);
        left -= take.length;
        if (left > 0) return out;
        const nl = buf.indexOf('\n');
        if (nl < 0) {
          left = 0;
          return out;
        }
        buf = buf.slice(nl + 1);
        left = -1;
      }
    },
  };
}

function builtinFilter(name: string, params: any): FilterImpl | null {
  switch (name.toLowerCase()) {
    case 'string.toupper': return mapFilter(upperAscii);
    case 'string.tolower': return mapFilter(lowerAscii);
    case 'string.rot13': return mapFilter(rot13);
    case 'convert.base64-encode': return base64Encoder(params);
    case 'convert.base64-decode': return base64Decoder();
    case 'convert.quoted-printable-encode': return qprintEncoder(params);
    case 'convert.quoted-printable-decode': return qprintDecoder();
    case 'dechunk': return dechunkFilter();
    case 'consumed': return mapFilter((s) => s);
    default: return null;
  }
}

// ───────────── user filters ─────────────

function userFilters(): Map<string, string> {
  return ((rt.ext.userFilters as Map<string, string>) ??= new Map());
}

/** The class registered for a filter name: exact, then "a.b.*" for "a.b.c", then "a.*". */
function userFilterClass(name: string): string | undefined {
  const map = userFilters();
  const exact = map.get(name);
  if (exact !== undefined) return exact;
  let n = name;
  for (let i = n.lastIndexOf('.'); i >= 0; i = n.lastIndexOf('.')) {
    n = n.slice(0, i);
    const w = map.get(n + '.*');
    if (w !== undefined) return w;
  }
  return undefined;
}

/** A brigade: the buckets handed to php_user_filter::filter() as $in and $out. */
class Brigade extends PhpResource {
  buckets: Bucket[] = [];
  constructor() {
    super('userfilter.bucket brigade', null);
  }
}
class Bucket extends PhpResource {
  constructor(public data: string) {
    super('userfilter.bucket', null);
  }
}

function bucketObject(b: Bucket): PhpObject {
  const o = instantiate(rt.core.builtinClasses.get('stdclass')!);
  o.p.bucket = b;
  o.p.data = b.data;
  o.p.datalen = b.data.length;
  return o;
}

function prop(o: PhpObject, name: string): any {
  const v = o.p[name];
  return v instanceof Ref ? v.v : v;
}

function userFilter(obj: PhpObject): FilterImpl {
  return {
    filter(data, closing, stream) {
      const inB = new Brigade();
      if (data !== '') inB.buckets.push(new Bucket(data));
      const outB = new Brigade();
      const consumed = new Ref(0);
      obj.p.stream = stream;
      const r = callMethodByName(obj, 'filter', [inB, outB, consumed, closing]);
      const status = Number(toInt(r ?? 0));
      if (status === PSFS_PASS_ON) return outB.buckets.map((b) => b.data).join('');
      if (status === PSFS_FEED_ME) return '';
      return false;
    },
    onClose() {
      callMethodByName(obj, 'onClose', []);
    },
  };
}

function createFilter(name: string, params: any, stream: PhpStream, fname: string): PhpFilter | false {
  const builtin = builtinFilter(name, params);
  if (builtin) return new PhpFilter(name, builtin, stream);
  const clsName = userFilterClass(name);
  if (clsName !== undefined) {
    const cls = findClass(clsName, true);
    if (!cls) {
      rt.warn(`${fname}(): User-filter "${name}" requires class "${clsName}", but that class is not defined`);
      return false;
    }
    const o = instantiate(cls);
    o.p.filtername = name;
    o.p.params = params ?? '';
    if (callMethodByName(o, 'onCreate', []) === false) {
      rt.warn(`${fname}(): Unable to create or locate filter "${name}"`);
      return false;
    }
    return new PhpFilter(name, userFilter(o), stream);
  }
  rt.warn(`${fname}(): Unable to locate filter "${name}"`);
  rt.warn(`${fname}(): Unable to create or locate filter "${name}"`);
  return false;
}

/** stream_filter_append/prepend: the filter on the read and/or write side (by default as the mode allows). */
function addFilter(fname: string, h: any, name: string, rw: number, params: any, prepend: boolean): PhpFilter | false {
  const s = streamArg(h, fname);
  const impl = s.impl;
  if (rw === 0) {
    const mode = impl.meta.mode;
    if (mode.includes('r') || mode.includes('+')) rw |= STREAM_FILTER_READ;
    if (/[waxc+]/.test(mode)) rw |= STREAM_FILTER_WRITE;
  }
  let result: PhpFilter | false = false;
  if (rw & STREAM_FILTER_READ) {
    const f = createFilter(name, params, s, fname);
    if (!f) return false;
    const chain = ((impl.readFilters as Chain | null) ??= new Chain());
    f.chain = chain;
    if (prepend) chain.filters.unshift(f);
    else chain.filters.push(f);
    // data already read ahead passes through the new filter
    impl.filterBuffered((d) => {
      const out = f.impl.filter(d, false, s);
      return out === false ? '' : out;
    });
    result = f;
  }
  if (rw & STREAM_FILTER_WRITE) {
    const f = createFilter(name, params, s, fname);
    if (!f) return false;
    const chain = ((impl.writeFilters as Chain | null) ??= new Chain());
    f.chain = chain;
    if (prepend) chain.filters.unshift(f);
    else chain.filters.push(f);
    result = f;
  }
  return result;
}

/** fclose(): the write filters get their closing pass, then every filter's onClose(). */
export function closeStreamFilters(s: PhpStream): void {
  const impl = s.impl;
  if (!impl.readFilters && !impl.writeFilters) return;
  impl.flushWriteFilters();
  for (const chain of [impl.readFilters as Chain | null, impl.writeFilters as Chain | null]) {
    if (!chain) continue;
    for (const f of chain.filters) f.impl.onClose?.();
    chain.filters = [];
  }
}

function brigadeArg(v: any, fname: string): Brigade {
  if (v instanceof Brigade) return v;
  return rt.throwError('TypeError', `${fname}(): Argument #1 ($brigade) must be of type resource, ${typeName(v)} given`);
}

function bucketOf(o: PhpObject, fname: string): Bucket {
  const b = prop(o, 'bucket');
  if (!(b instanceof Bucket)) rt.throwError('TypeError', `${fname}(): Argument #2 ($bucket) must be an object that has a "bucket" property`);
  // the script may have changed $bucket->data
  const d = prop(o, 'data');
  if (d !== undefined) (b as Bucket).data = toStr(d);
  return b as Bucket;
}

export function registerStreamFilters(r: Registry): void {
  // the PSFS_* and STREAM_FILTER_* constants are registered with the other stream constants
  r.class({
    name: 'php_user_filter',
    props: [
      { name: 'filtername', flags: 1, type: 'string', default: () => '' },
      { name: 'params', flags: 1, type: 'mixed', default: () => '' },
      { name: 'stream', flags: 1, default: () => null },
    ],
    nativeMethods: {
      'public filter($in, $out, &$consumed, bool $closing): int': function () {
        return PSFS_ERR_FATAL;
      },
      'public onCreate(): bool': function () {
        return true;
      },
      'public onClose(): void': function () {},
    },
  });
  r.functions({
    'stream_filter_register(string $filter_name, string $class): bool': (name: string, cls: string) => {
      if (name === '') rt.throwError('ValueError', 'stream_filter_register(): Argument #1 ($filter_name) must be a non-empty string');
      if (cls === '') rt.throwError('ValueError', 'stream_filter_register(): Argument #2 ($class) must be a non-empty string');
      const map = userFilters();
      if (map.has(name) || builtinFilter(name, null)) return false;
      map.set(name, cls);
      return true;
    },
    'stream_filter_append($stream, string $filter_name, int $mode = 0, mixed $params = UNKNOWN)': (h: any, name: string, rw: number, params: any) =>
      addFilter('stream_filter_append', h, name, rw, params, false),
    'stream_filter_prepend($stream, string $filter_name, int $mode = 0, mixed $params = UNKNOWN)': (h: any, name: string, rw: number, params: any) =>
      addFilter('stream_filter_prepend', h, name, rw, params, true),
    'stream_filter_remove($stream_filter): bool': (f: any) => {
      if (!(f instanceof PhpFilter)) {
        rt.throwError('TypeError', `stream_filter_remove(): Argument #1 ($stream_filter) must be of type resource, ${typeName(f)} given`);
      }
      const chain = f.chain;
      if (!chain || f.closed) {
        rt.throwError('TypeError', 'stream_filter_remove(): supplied resource is not a valid stream filter resource');
      }
      // what the filter holds goes on down the chain
      const idx = chain!.filters.indexOf(f);
      if (chain === f.stream.impl.writeFilters) {
        const rest = f.impl.filter('', true, f.stream);
        if (rest !== false && rest !== '') {
          const after = new Chain();
          after.filters = chain!.filters.slice(idx + 1);
          const out = after.run(f.stream.impl, rest, false);
          if (out !== false && out !== '') {
            const saved = f.stream.impl.writeFilters;
            f.stream.impl.writeFilters = null;
            f.stream.impl.write(out);
            f.stream.impl.writeFilters = saved;
          }
        }
      }
      chain!.filters.splice(idx, 1);
      f.impl.onClose?.();
      f.closed = true;
      f.chain = null;
      return true;
    },
    'stream_bucket_make_writeable($brigade): ?object': (b: any) => {
      const br = brigadeArg(b, 'stream_bucket_make_writeable');
      const first = br.buckets.shift();
      return first ? bucketObject(first) : null;
    },
    'stream_bucket_append($brigade, object $bucket): void': (b: any, o: PhpObject) => {
      brigadeArg(b, 'stream_bucket_append').buckets.push(bucketOf(o, 'stream_bucket_append'));
    },
    'stream_bucket_prepend($brigade, object $bucket): void': (b: any, o: PhpObject) => {
      brigadeArg(b, 'stream_bucket_prepend').buckets.unshift(bucketOf(o, 'stream_bucket_prepend'));
    },
    'stream_bucket_new($stream, string $buffer): object': (h: any, data: string) => {
      streamArg(h, 'stream_bucket_new');
      return bucketObject(new Bucket(data));
    },
    'stream_get_filters(): array': () => {
      const names = ['zlib.*', 'string.rot13', 'string.toupper', 'string.tolower', 'convert.*', 'consumed', 'dechunk'];
      return PhpArray.fromList([...names.filter((n) => n !== 'zlib.*'), ...userFilters().keys()]);
    },
  });
}
