// main/streams/xp_socket.c, ext/standard/streamsfuncs.c and fsock.c: socket streams
// (tcp://, udp://, unix://), stream_socket_server/client/accept/pair and fsockopen(). The real
// sockets live in the helper thread of net_bridge.ts; stream_socket_pair() is a pair of in-process
// buffers (both ends belong to this request).

import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpResource, Ref } from '../../runtime/values.js';
import { toStr, toFloat } from '../../runtime/convert.js';
import { BaseStream, PhpStream, type StreamMeta } from './streams.js';
import { streamArg } from './file.js';
import { netCall, type NetReply } from './net_bridge.js';

/** errno numbers and strerror() texts of the socket errors Node reports. */
const SOCKET_ERRORS: Record<string, [number, string]> = {
  ECONNREFUSED: [111, 'Connection refused'], EADDRINUSE: [98, 'Address already in use'], ETIMEDOUT: [110, 'Connection timed out'],
  ENOENT: [2, 'No such file or directory'], EACCES: [13, 'Permission denied'], EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ENOTFOUND: [0, 'php_network_getaddresses: getaddrinfo for host failed: Name or service not known'], EAI_AGAIN: [0, 'php_network_getaddresses: getaddrinfo failed: Temporary failure in name resolution'],
  ECONNRESET: [104, 'Connection reset by peer'], EPIPE: [32, 'Broken pipe'], ENETUNREACH: [101, 'Network is unreachable'],
  EINVAL: [22, 'Invalid argument'], EHOSTUNREACH: [113, 'No route to host'],
};

function socketError(r: NetReply): [number, string] {
  const known = SOCKET_ERRORS[r.err ?? ''];
  if (known) return known;
  return [0, r.msg ?? 'Unknown error'];
}

/** default_socket_timeout, in milliseconds. */
function defaultTimeoutMs(): number {
  const v = Number(rt.iniGet('default_socket_timeout') ?? 60);
  return v < 0 ? -1 : v * 1000;
}

function timeoutMs(timeout: number | null): number {
  if (timeout === null) return defaultTimeoutMs();
  const t = toFloat(timeout);
  return t < 0 ? -1 : Math.round(t * 1000);
}

/** A connected socket or a listening one, in the helper thread. */
export class SocketStream extends BaseStream {
  meta: StreamMeta;
  protected greedy = false;
  timedOut = false;
  /** read timeout in ms (stream_set_timeout), -1 for none */
  readTimeout = defaultTimeoutMs();
  private closedSock = false;
  /** data feof()'s liveness check took from the socket: not yet in the read buffer (unread_bytes), as PHP peeks */
  private peeked = '';
  constructor(public readonly id: number, public readonly transport: string, public readonly listening: boolean, public local: string, public remote: string) {
    super();
    this.meta = { wrapper: '', streamType: `${transport}_socket`, mode: 'r+', uri: '', seekable: false };
  }
  protected rawRead(n: number): string {
    if (this.listening) this.readFailed = true;
    if (this.closedSock || this.listening) return '';
    this.timedOut = false;
    if (this.peeked !== '') {
      const d = this.peeked;
      this.peeked = '';
      return d;
    }
    const r = netCall('read', { id: this.id, max: Math.min(Math.max(n, 1), 65536), timeout: this.blocking ? this.readTimeout : 0 });
    if (r.data !== undefined) return r.data;
    if (r.timeout) {
      if (this.blocking) this.timedOut = true;
      this.wouldBlock = true;
      return '';
    }
    return '';
  }
  protected rawWrite(s: string): number | false {
    if (this.closedSock || this.listening) return false;
    const r = netCall('write', { id: this.id, data: s });
    if (r.err) {
      const [no, text] = socketError(r);
      rt.notice(`fwrite(): Send of ${s.length} bytes failed with errno=${no} ${text}`);
      return false;
    }
    return r.n ?? 0;
  }
  /** A datagram and its sender (stream_socket_recvfrom). */
  recvFrom(n: number): { data: string; peer: string } | null {
    const r = netCall('read', { id: this.id, max: n, timeout: this.blocking ? this.readTimeout : 0 });
    return r.data === undefined ? null : { data: r.data, peer: r.remote ?? '' };
  }
  sendTo(s: string, to: string | null): number | false {
    const r = netCall('write', { id: this.id, data: s, to });
    return r.err ? false : r.n ?? 0;
  }
  selectReady(write: boolean): boolean {
    if (write || this.closedSock) return true;
    if (this.buf.length || this.peeked !== '' || this.eofFlag) return true;
    return (netCall('poll', { ids: [this.id] }).ready ?? []).length > 0;
  }
  /** feof() checks the connection is alive (PHP_STREAM_OPTION_CHECK_LIVENESS): a closed peer is the end */
  eof(): boolean {
    if (this.buf.length || this.peeked !== '') return false;
    if (this.eofFlag || this.closedSock) return true;
    if (this.listening) return false;
    const r = netCall('read', { id: this.id, max: 8192, timeout: 0 });
    if (r.data !== undefined) this.peeked = r.data;
    else if (r.eof) this.eofFlag = true;
    return this.eofFlag;
  }
  shutdown(how: number): void {
    netCall('shutdown', { id: this.id, how });
  }
  close(): void {
    if (this.closedSock) return;
    this.closedSock = true;
    netCall('close', { id: this.id });
  }
}

/** One end of stream_socket_pair(): what one end writes, the other reads. */
class SocketPairStream extends BaseStream {
  meta: StreamMeta = { wrapper: '', streamType: 'generic_socket', mode: 'r+', uri: '', seekable: false };
  protected greedy = false;
  peer: SocketPairStream | null = null;
  incoming: string[] = [];
  /** the peer will write no more (closed, or shut down for writing) */
  peerDone = false;
  readShut = false;
  private closedEnd = false;
  protected rawRead(n: number): string {
    if (this.incoming.length === 0) {
      if (this.peerDone || this.readShut || this.closedEnd) return '';
      this.wouldBlock = true;
      return '';
    }
    let s = this.incoming.join('');
    this.incoming = [];
    if (s.length > n) {
      this.incoming.push(s.slice(n));
      s = s.slice(0, n);
    }
    return s;
  }
  protected rawWrite(s: string): number | false {
    if (this.closedEnd || !this.peer || this.peer.closedEnd || this.peer.readShut) return false;
    this.peer.incoming.push(s);
    return s.length;
  }
  selectReady(write: boolean): boolean {
    return write || this.buf.length > 0 || this.incoming.length > 0 || this.peerDone || this.eofFlag;
  }
  shutdown(how: number): void {
    if (how === 0 || how === 2) this.readShut = true;
    if ((how === 1 || how === 2) && this.peer) this.peer.peerDone = true;
  }
  close(): void {
    if (this.closedEnd) return;
    this.closedEnd = true;
    if (this.peer) this.peer.peerDone = true;
  }
}

interface Target { transport: string; host: string; port: number; path?: string }

/** Splits "transport://host:port" (transport tcp when absent); a string error when malformed. */
function parseAddress(address: string, defaultPort: number | null = null): Target | string {
  let transport = 'tcp', rest = address;
  const m = /^([a-z0-9+.-]+):\/\//i.exec(address);
  if (m) {
    transport = m[1].toLowerCase();
    rest = address.slice(m[0].length);
  }
  if (transport === 'unix' || transport === 'udg') return { transport, host: '', port: 0, path: rest };
  if (transport !== 'tcp' && transport !== 'udp') return `Unable to find the socket transport "${transport}" - did you forget to enable it when you configured PHP?`;
  if (defaultPort !== null && defaultPort >= 0 && !/:\d*$/.test(rest.replace(/^\[[^\]]*\]/, ''))) rest += `:${defaultPort}`;
  if (rest[0] === '[' && rest.length > 1) {
    const close = rest.indexOf(']', 1);
    if (close < 0 || close > rest.length - 2 || rest[close + 1] !== ':') return `Failed to parse IPv6 address "${rest}"`;
    return { transport, host: rest.slice(1, close), port: parseInt(rest.slice(close + 2), 10) || 0 };
  }
  const colon = rest.length ? rest.lastIndexOf(':', rest.length - 2) : -1;
  if (colon < 0 || rest.indexOf(':') !== colon) return `Failed to parse address "${rest}"`;
  const host = rest.slice(0, colon);
  if (host.includes('\0')) return 'The hostname must not contain null bytes';
  // the port goes through a 16-bit htons(), as in C
  return { transport, host, port: (parseInt(rest.slice(colon + 1), 10) || 0) & 0xffff };
}

function setErr(code: Ref | undefined, msg: Ref | undefined, no: number, text: string): void {
  if (code) code.v = no;
  if (msg) msg.v = text;
}

function checkFinite(t: number | null, fname: string, argn: number): void {
  if (t !== null && !Number.isFinite(toFloat(t))) rt.throwError('ValueError', `${fname}(): Argument #${argn} ($timeout) must be a finite value`);
}

function clientConnect(fname: string, address: string, shown: string, code: Ref | undefined, msg: Ref | undefined, timeout: number | null): PhpStream | false {
  setErr(code, msg, 0, '');
  const t = parseAddress(address);
  if (typeof t === 'string') {
    setErr(code, msg, 0, t);
    rt.warn(`${fname}(): Unable to connect to ${shown.replace(/\0/g, '\\0')} (${t})`);
    return false;
  }
  const r = netCall('connect', { host: t.host, port: t.port, path: t.path, udp: t.transport === 'udp', timeout: timeoutMs(timeout) });
  if (r.err || r.id === undefined) {
    const [no, text] = socketError(r);
    setErr(code, msg, no, text);
    rt.warn(`${fname}(): Unable to connect to ${shown} (${text})`);
    return false;
  }
  return new PhpStream(new SocketStream(r.id, t.transport, false, r.local ?? '', r.remote ?? ''));
}

function socketArg(h: any, fname: string): SocketStream | SocketPairStream | null {
  const s = streamArg(h, fname).impl;
  return s instanceof SocketStream || s instanceof SocketPairStream ? s : null;
}

export function registerSocketFuncs(r: Registry): void {
  r.constants({ STREAM_OOB: 1, STREAM_PEEK: 2, STREAM_SOCK_STREAM: 1, STREAM_SOCK_DGRAM: 2, STREAM_SOCK_RAW: 3, STREAM_SOCK_SEQPACKET: 5, STREAM_SOCK_RDM: 4, STREAM_IPPROTO_IP: 0, STREAM_IPPROTO_TCP: 6, STREAM_IPPROTO_UDP: 17, STREAM_IPPROTO_ICMP: 1, STREAM_IPPROTO_RAW: 255 });
  r.functions({
    'stream_socket_server(string $address, &$error_code = null, &$error_message = null, int $flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context = null)':
      (address: string, code: Ref | undefined, msg: Ref | undefined) => {
        setErr(code, msg, 0, '');
        const t = parseAddress(address);
        if (typeof t === 'string') {
          setErr(code, msg, 0, t);
          rt.warn(`stream_socket_server(): Unable to connect to ${address} (${t})`);
          return false;
        }
        const rep = netCall('listen', { host: t.host, port: t.port, path: t.path, udp: t.transport === 'udp' });
        if (rep.err || rep.id === undefined) {
          const [no, text] = socketError(rep);
          setErr(code, msg, no, text);
          rt.warn(`stream_socket_server(): Unable to connect to ${address} (${text})`);
          return false;
        }
        return new PhpStream(new SocketStream(rep.id, t.transport, t.transport !== 'udp', rep.local ?? '', ''));
      },
    'stream_socket_client(string $address, &$error_code = null, &$error_message = null, ?float $timeout = null, int $flags = STREAM_CLIENT_CONNECT, $context = null)':
      (address: string, code: Ref | undefined, msg: Ref | undefined, timeout: number | null, flags: number) => {
        checkFinite(timeout, 'stream_socket_client', 4);
        // without STREAM_CLIENT_CONNECT nothing is connected (nor parsed) yet
        if ((flags & 4) === 0) return false;
        return clientConnect('stream_socket_client', address, address, code, msg, timeout);
      },
    'stream_socket_accept($socket, ?float $timeout = null, &$peer_name = null)': (h: any, timeout: number | null, peer: Ref | undefined) => {
      checkFinite(timeout, 'stream_socket_accept', 2);
      const s = socketArg(h, 'stream_socket_accept');
      if (!(s instanceof SocketStream) || !s.listening) {
        rt.warn('stream_socket_accept(): Accept failed: Invalid argument');
        return false;
      }
      const rep = netCall('accept', { id: s.id, timeout: timeoutMs(timeout), unix: s.transport === 'unix' });
      if (rep.id === undefined) {
        rt.warn(`stream_socket_accept(): Accept failed: ${rep.timeout ? 'Connection timed out' : socketError(rep)[1]}`);
        return false;
      }
      if (peer) peer.v = rep.remote ?? '';
      return new PhpStream(new SocketStream(rep.id, s.transport, false, rep.local ?? '', rep.remote ?? ''));
    },
    'stream_socket_get_name($socket, bool $remote): string|false': (h: any, remote: boolean) => {
      const s = socketArg(h, 'stream_socket_get_name');
      if (!(s instanceof SocketStream)) return false;
      const name = remote ? s.remote : s.local;
      return name === '' ? false : name;
    },
    'stream_socket_shutdown($stream, int $mode): bool': (h: any, how: number) => {
      if (how !== 0 && how !== 1 && how !== 2) rt.throwError('ValueError', 'stream_socket_shutdown(): Argument #2 ($mode) must be one of STREAM_SHUT_RD, STREAM_SHUT_WR, or STREAM_SHUT_RDWR');
      const s = socketArg(h, 'stream_socket_shutdown');
      if (!s) return false;
      s.shutdown(how);
      return true;
    },
    'stream_socket_pair(int $domain, int $type, int $protocol): array|false': () => {
      const a = new SocketPairStream(), b = new SocketPairStream();
      a.peer = b;
      b.peer = a;
      return PhpArray.fromList([new PhpStream(a), new PhpStream(b)]);
    },
    'stream_socket_recvfrom($socket, int $length, int $flags = 0, &$address = null): string|false': (h: any, len: number, _flags: number, addr: Ref | undefined) => {
      const s = socketArg(h, 'stream_socket_recvfrom');
      if (addr) addr.v = null;
      if (len <= 0) rt.throwError('ValueError', 'stream_socket_recvfrom(): Argument #2 ($length) must be greater than 0');
      if (!(s instanceof SocketStream)) return false;
      const got = s.recvFrom(len);
      if (!got) return false;
      if (addr) addr.v = got.peer;
      return got.data;
    },
    'stream_socket_sendto($socket, string $data, int $flags = 0, string $address = ""): int|false': (h: any, data: string, _flags: number, address: string) => {
      const s = socketArg(h, 'stream_socket_sendto');
      if (!(s instanceof SocketStream)) return false;
      return s.sendTo(data, address === '' ? null : address);
    },
    'fsockopen(string $hostname, int $port = -1, &$error_code = null, &$error_message = null, ?float $timeout = null)': fsockopen('fsockopen'),
    'pfsockopen(string $hostname, int $port = -1, &$error_code = null, &$error_message = null, ?float $timeout = null)': fsockopen('pfsockopen'),
  });
  r.alias('socket_set_timeout', 'stream_set_timeout');
}

const PHP_TIMEOUT_ULL_MAX = 18446744073709.551615;

function fsockopen(fname: string) {
  return (host: string, port: number, code: Ref | undefined, msg: Ref | undefined, t: number | null) => {
    const timeout = t === null ? null : toFloat(t);
    if (timeout !== null && (!Number.isFinite(timeout) || (timeout < 0 && timeout !== -1) || timeout > PHP_TIMEOUT_ULL_MAX)) {
      rt.throwError('ValueError', `${fname}(): Argument #6 must be -1 or between 0 and ${Math.floor(PHP_TIMEOUT_ULL_MAX)}`);
    }
    const address = port >= 0 ? `${host}:${port}` : host;
    const s = clientConnect(fname, address, address, code, msg, timeout);
    if (s && fname === 'pfsockopen') s.type = 'persistent stream';
    return s;
  };
}

/** stream_set_timeout() on a socket; false for other streams. */
export function setSocketTimeout(h: PhpResource, sec: number, usec: number): boolean {
  const s = (h as PhpStream).impl;
  if (!(s instanceof SocketStream)) return false;
  s.readTimeout = sec * 1000 + Math.floor(usec / 1000);
  return true;
}

/** stream_get_meta_data()'s timed_out for sockets. */
export function socketTimedOut(s: BaseStream): boolean {
  return s instanceof SocketStream && s.timedOut;
}

void toStr;
