// Synchronous sockets for PHP code. Node's sockets are asynchronous, and PHP's socket calls block
// (connect, accept, fread): a helper thread owns the real sockets and runs its own event loop; the
// request posts it one command and sleeps on a shared word (Atomics.wait) until the answer is in
// shared memory. Data that arrives while PHP is busy is buffered by the helper, as the kernel would.

import { Worker } from 'node:worker_threads';

/** The answer to one command: `err`/`msg` on failure, else command-specific fields. */
export interface NetReply {
  err?: string;
  msg?: string;
  id?: number;
  /** bytes read, as a binary string */
  data?: string;
  eof?: boolean;
  timeout?: boolean;
  local?: string;
  remote?: string;
  ready?: number[];
  n?: number;
}

const REPLY_BYTES = 1 << 20;

/** The helper thread's program (runs from its source text: no imports). */
function socketWorkerMain(): void {
  const net: typeof import('node:net') = (process as any).getBuiltinModule('node:net');
  const dgram: typeof import('node:dgram') = (process as any).getBuiltinModule('node:dgram');
  const { parentPort, workerData } = (process as any).getBuiltinModule('node:worker_threads');
  const ctl = new Int32Array(workerData.ctl);
  const out = new Uint8Array(workerData.data);
  interface Conn { sock: any; chunks: Buffer[]; ended: boolean; error: string | null; waiters: (() => void)[]; dgram: boolean; peers: string[] }
  interface Srv { server: any; pending: any[]; waiters: (() => void)[] }
  const conns = new Map<number, Conn>();
  const servers = new Map<number, Srv>();
  let nextId = 1;
  const addr = (a: any) => (a && typeof a === 'object' && a.address !== undefined ? (a.family === 'IPv6' || a.family === 6 ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`) : '');
  const wake = (ws: (() => void)[]) => { for (const w of ws.splice(0)) w(); };
  const track = (sock: any, isDgram = false): number => {
    const id = nextId++;
    const c: Conn = { sock, chunks: [], ended: false, error: null, waiters: [], dgram: isDgram, peers: [] };
    conns.set(id, c);
    if (isDgram) {
      sock.on('message', (m: Buffer, r: any) => { c.chunks.push(m); c.peers.push(addr(r)); wake(c.waiters); });
    } else {
      sock.on('data', (d: Buffer) => { c.chunks.push(d); wake(c.waiters); });
      sock.on('end', () => { c.ended = true; wake(c.waiters); });
      sock.on('close', () => { c.ended = true; wake(c.waiters); });
    }
    sock.on('error', (e: any) => { c.error = e.code ?? String(e); c.ended = true; wake(c.waiters); });
    return id;
  };
  const names = (sock: any) => {
    let local = '', remote = '';
    try { local = addr(sock.address()); } catch { /* unix socket */ }
    try { remote = sock.remoteAddress !== undefined ? addr({ address: sock.remoteAddress, port: sock.remotePort, family: sock.remoteFamily }) : ''; } catch { /* none */ }
    return { local, remote };
  };
  const waitFor = (ws: (() => void)[], ms: number): Promise<void> => new Promise((res) => {
    let t: any = null;
    const done = () => { if (t) clearTimeout(t); res(); };
    ws.push(done);
    if (ms >= 0) t = setTimeout(() => { const i = ws.indexOf(done); if (i >= 0) ws.splice(i, 1); res(); }, ms);
  });
  const readable = (c: Conn) => c.chunks.length > 0 || c.ended;
  const take = (c: Conn, max: number): string => {
    if (c.dgram) { c.peers.shift(); return (c.chunks.shift() as Buffer).subarray(0, max).toString('latin1'); }
    const parts: Buffer[] = [];
    let n = 0;
    while (c.chunks.length && n < max) {
      const b = c.chunks[0];
      if (n + b.length <= max) { parts.push(b); n += b.length; c.chunks.shift(); }
      else { parts.push(b.subarray(0, max - n)); c.chunks[0] = b.subarray(max - n); n = max; }
    }
    return Buffer.concat(parts).toString('latin1');
  };
  const handlers: Record<string, (q: any) => Promise<any> | any> = {
    listen: (q) => new Promise((res) => {
      if (q.udp) {
        const s = dgram.createSocket(q.host.includes(':') ? 'udp6' : 'udp4');
        s.once('error', (e: any) => res({ err: e.code, msg: e.message }));
        s.bind(q.port, q.host, () => { const id = track(s, true); res({ id, local: addr(s.address()) }); });
        return;
      }
      const server = net.createServer({ pauseOnConnect: false });
      const srv: Srv = { server, pending: [], waiters: [] };
      server.on('connection', (sock: any) => { srv.pending.push(sock); sock.pause(); wake(srv.waiters); });
      server.once('error', (e: any) => res({ err: e.code, msg: e.message }));
      const done = () => { const id = nextId++; servers.set(id, srv); res({ id, local: q.path ? '' : addr(server.address()) }); };
      if (q.path) server.listen(q.path, done);
      else server.listen(q.port, q.host, 128, done);
    }),
    connect: (q) => new Promise((res) => {
      if (q.udp) {
        const s = dgram.createSocket(q.host.includes(':') ? 'udp6' : 'udp4');
        s.once('error', (e: any) => res({ err: e.code, msg: e.message }));
        s.connect(q.port, q.host, () => { const id = track(s, true); res({ id, local: addr(s.address()), remote: addr(s.remoteAddress()) }); });
        return;
      }
      const sock = q.path ? net.createConnection({ path: q.path }) : net.createConnection({ host: q.host, port: q.port });
      let t: any = null;
      const fail = (e: any) => { if (t) clearTimeout(t); sock.destroy(); res({ err: e.code, msg: e.message }); };
      sock.once('error', fail);
      if (q.timeout >= 0) t = setTimeout(() => fail({ code: 'ETIMEDOUT', message: 'Connection timed out' }), q.timeout);
      sock.once('connect', () => {
        if (t) clearTimeout(t);
        sock.removeListener('error', fail);
        const id = track(sock);
        res({ id, ...(q.path ? { local: '', remote: '' } : names(sock)) });
      });
    }),
    accept: async (q) => {
      const srv = servers.get(q.id);
      if (!srv) return { err: 'EBADF' };
      if (!srv.pending.length) await waitFor(srv.waiters, q.timeout);
      const sock = srv.pending.shift();
      if (!sock) return { timeout: true };
      const id = track(sock);
      sock.resume();
      return { id, ...(q.unix ? { local: '', remote: '' } : names(sock)) };
    },
    read: async (q) => {
      const c = conns.get(q.id);
      if (!c) return { eof: true };
      if (!readable(c) && q.timeout !== 0) await waitFor(c.waiters, q.timeout);
      if (c.chunks.length) {
        const peer = c.dgram ? c.peers[0] : undefined;
        return { data: take(c, q.max), remote: peer };
      }
      if (c.ended) return { eof: true };
      return { timeout: true };
    },
    write: (q) => {
      const c = conns.get(q.id);
      if (!c || c.ended && !c.dgram) return { err: c?.error ?? 'EPIPE' };
      const b = Buffer.from(q.data, 'latin1');
      if (c.dgram) {
        if (q.to) { const i = q.to.lastIndexOf(':'); c.sock.send(b, Number(q.to.slice(i + 1)), q.to.slice(0, i).replace(/^\[|\]$/g, '')); }
        else c.sock.send(b);
      } else c.sock.write(b);
      return { n: b.length };
    },
    poll: (q) => {
      const ready: number[] = [];
      for (const id of q.ids as number[]) {
        const c = conns.get(id);
        if (c ? readable(c) : (servers.get(id)?.pending.length ?? 0) > 0) ready.push(id);
      }
      return { ready };
    },
    shutdown: (q) => {
      const c = conns.get(q.id);
      if (c && !c.dgram && (q.how === 1 || q.how === 2)) c.sock.end();
      return {};
    },
    close: (q) => {
      const c = conns.get(q.id);
      if (c) { if (c.dgram) c.sock.close(); else c.sock.destroy(); conns.delete(q.id); }
      const s = servers.get(q.id);
      if (s) { s.server.close(); for (const p of s.pending) p.destroy(); servers.delete(q.id); }
      return {};
    },
  };
  parentPort.on('message', async (q: any) => {
    let r: any;
    try {
      r = await handlers[q.op](q);
    } catch (e: any) {
      r = { err: e.code ?? 'EIO', msg: e.message };
    }
    const bytes = Buffer.from(JSON.stringify(r), 'utf8');
    out.set(bytes.subarray(0, out.length));
    Atomics.store(ctl, 1, Math.min(bytes.length, out.length));
    Atomics.store(ctl, 0, 1);
    Atomics.notify(ctl, 0);
  });
}

let bridge: { worker: Worker; ctl: Int32Array; data: Uint8Array } | null = null;

function start(): NonNullable<typeof bridge> {
  const ctl = new Int32Array(new SharedArrayBuffer(8));
  const data = new Uint8Array(new SharedArrayBuffer(REPLY_BYTES));
  const worker = new Worker(`(${socketWorkerMain.toString()})()`, { eval: true, workerData: { ctl: ctl.buffer, data: data.buffer } });
  worker.unref();
  return (bridge = { worker, ctl, data });
}

/** Runs one socket command in the helper thread and waits for its answer. */
export function netCall(op: string, args: Record<string, unknown>): NetReply {
  const b = bridge ?? start();
  Atomics.store(b.ctl, 0, 0);
  b.worker.postMessage({ op, ...args });
  while (Atomics.load(b.ctl, 0) === 0) Atomics.wait(b.ctl, 0, 0, 1000);
  const len = Atomics.load(b.ctl, 1);
  return JSON.parse(Buffer.from(b.data.subarray(0, len)).toString('utf8'));
}
