// ext/standard/proc_open.c and file.c's popen(): child processes with pipes to and from them.
//
// PHP code talks to a child synchronously, so the pipes are read and written with blocking
// system calls on their file descriptors (libuv made them non-blocking: EAGAIN means "wait a
// little and retry"); the event loop never runs meanwhile. The exit status is read from the
// zombie's /proc/<pid>/stat (Linux), because reaping the child is libuv's job and happens only
// in the event loop; a child the loop did reap reports through Node's exitCode.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { PhpResource, Ref } from '../../runtime/values.js';
import { toStr, typeName } from '../../runtime/convert.js';
import { BaseStream, PhpStream, errNo, errText, type StreamMeta } from './streams.js';
import { openStream } from './file.js';

// made on first use: start-up allocates no SharedArrayBuffer a script never waits on
let sleeper: Int32Array | null = null;
function sleepMs(ms: number): void {
  Atomics.wait((sleeper ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, ms);
}

/** The parent's end of a pipe (a libuv socket handle) as a PHP stream. */
export class PipeStream extends BaseStream {
  meta: StreamMeta;
  protected greedy = false;
  private closedFd = false;
  constructor(private readonly handle: { destroy(): void } | null, private readonly fd: number, mode: string) {
    super();
    this.meta = { wrapper: '', streamType: 'STDIO', mode, uri: '', seekable: false };
    this.canRead = mode[0] === 'r' || mode.includes('+');
    this.canWrite = mode[0] !== 'r' || mode.includes('+');
  }
  castFd(): number | null {
    return this.closedFd ? null : this.fd;
  }
  /** One read(2): data, '' at the end, or null when nothing is there yet. */
  private tryRead(n: number): string | null {
    const b = Buffer.alloc(Math.max(n, 1));
    try {
      const got = fs.readSync(this.fd, b, 0, b.length, null);
      return b.subarray(0, got).toString('latin1');
    } catch (e: any) {
      if (e.code === 'EAGAIN' || e.code === 'EWOULDBLOCK') return null;
      return '';
    }
  }
  protected rawRead(n: number): string {
    if (this.closedFd || !this.canRead) return '';
    // No blocking read(2) on libuv's non-blocking descriptor: poll at a fine grain instead.
    for (;;) {
      const s = this.tryRead(n);
      if (s !== null) return s;
      if (!this.blocking) {
        this.wouldBlock = true;
        return '';
      }
      sleepMs(1);
    }
  }
  protected rawWrite(s: string): number | false {
    if (this.closedFd || !this.canWrite) return false;
    const b = Buffer.from(s, 'latin1');
    let off = 0;
    for (let wait = 1; off < b.length; ) {
      try {
        off += fs.writeSync(this.fd, b, off, b.length - off);
        wait = 1;
      } catch (e: any) {
        if (e.code !== 'EAGAIN' && e.code !== 'EWOULDBLOCK') {
          rt.notice(`fwrite(): Write of ${s.length} bytes failed with errno=${errNo(e)} ${errText(e)}`);
          return off ? off : false;
        }
        if (!this.blocking) return off;
        sleepMs(wait);
        wait = Math.min(wait * 2, 20);
      }
    }
    return off;
  }
  selectReady(write: boolean): boolean {
    if (write || this.closedFd) return true;
    if (this.buf.length || this.eofFlag) return true;
    const s = this.tryRead(8192);
    if (s === null) return false;
    if (s === '') this.eofFlag = true;
    else this.buf += s;
    return true;
  }
  eof(): boolean {
    if (this.buf.length) return false;
    return this.eofFlag;
  }
  close(): void {
    if (this.closedFd) return;
    this.closedFd = true;
    if (this.handle) this.handle.destroy();
    else {
      try {
        fs.closeSync(this.fd);
      } catch {
        /* already closed */
      }
    }
  }
}

interface ExitStatus {
  exited: boolean;
  code: number;
  signal: number;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGUSR1: 10, SIGUSR2: 12 };

/** A child started by proc_open() or popen(). */
class ProcHandle {
  /** proc_get_status() reported the exit: as waitpid() has reaped it, later queries find no child */
  reaped = false;
  constructor(public readonly child: ChildProcess, public readonly command: string, public readonly pipes: PhpStream[]) {}

  /** The exit status if the child has ended, without waiting. */
  poll(): ExitStatus | null {
    const c = this.child;
    if (c.exitCode !== null) return { exited: true, code: c.exitCode, signal: 0 };
    if (c.signalCode !== null) return { exited: true, code: -1, signal: SIGNALS[c.signalCode] ?? 0 };
    if (c.pid === undefined) return { exited: true, code: 127, signal: 0 };
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${c.pid}/stat`, 'latin1');
    } catch {
      return null;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && fields[0] !== 'X') return null;
    const status = Number(fields[49] ?? 0);
    return (status & 0x7f) === 0 ? { exited: true, code: (status >> 8) & 0xff, signal: 0 } : { exited: true, code: -1, signal: status & 0x7f };
  }

  wait(): ExitStatus {
    for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
      const s = this.poll();
      if (s) return s;
      sleepMs(wait);
    }
  }
}

function procArg(h: any, fname: string): ProcHandle {
  if (h instanceof PhpResource && h.type === 'process' && !h.closed) return h.handle as ProcHandle;
  if (h instanceof PhpResource) return rt.throwError('TypeError', `${fname}(): supplied resource is not a valid process resource`);
  return rt.throwError('TypeError', `${fname}(): Argument #1 ($process) must be of type resource, ${typeName(h)} given`);
}

/** One child descriptor: what Node's spawn() gets for it, and what the parent keeps. */
type StdioItem = 'pipe' | 'inherit' | 'ignore' | number;
interface Descriptor {
  index: number;
  stdio: StdioItem;
  /** the parent's stream mode for a pipe */
  parentMode?: string;
  /** descriptors opened here for the child, closed once it has started */
  ownFd?: number;
}

function descriptorFromArray(spec: PhpArray, index: number, done: Descriptor[]): Descriptor | null {
  const type = spec.get(0);
  if (type === undefined) rt.throwError('ValueError', 'Missing handle qualifier');
  const kind = toStr(type);
  switch (kind) {
    case 'pipe': {
      const mode = spec.get(1);
      if (mode === undefined) rt.throwError('ValueError', "Missing mode parameter for 'pipe'");
      return { index, stdio: 'pipe', parentMode: toStr(mode).startsWith('w') ? 'r' : 'w' };
    }
    case 'socket':
      return { index, stdio: 'pipe', parentMode: 'r+' };
    case 'file': {
      const file = spec.get(1);
      if (file === undefined) rt.throwError('ValueError', "Missing file name parameter for 'file'");
      const mode = spec.get(2);
      if (mode === undefined) rt.throwError('ValueError', "Missing mode parameter for 'file'");
      const s = openStream(toStr(file), toStr(mode), 'proc_open');
      if (s === false) return null;
      const fd = s.impl.castFd();
      if (fd === null) return null;
      return { index, stdio: fd, ownFd: fd };
    }
    case 'redirect': {
      const target = spec.get(1);
      if (target === undefined) rt.throwError('ValueError', 'Missing redirection target');
      if (typeof target !== 'number') rt.throwError('ValueError', `Redirection target must be of type int, ${typeof target} given`);
      const to = done.find((d) => d.index === target);
      if (to) return { index, stdio: to.stdio === 'pipe' ? 'inherit' : to.stdio };
      if (target < 0 || target > 2) {
        rt.warn(`proc_open(): Redirection target ${target} not found`);
        return null;
      }
      return { index, stdio: target };
    }
    case 'null':
      return index <= 2 ? { index, stdio: 'ignore' } : (() => {
        const fd = fs.openSync('/dev/null', 'r+');
        return { index, stdio: fd, ownFd: fd };
      })();
    case 'pty':
      rt.warn('proc_open(): PTY (pseudoterminal) not supported on this system');
      return null;
    default:
      rt.warn(`proc_open(): ${kind} is not a valid descriptor spec/mode`);
      return null;
  }
}

function descriptorFromResource(res: PhpResource, index: number): Descriptor | null {
  if (!(res instanceof PhpStream) || res.closed) rt.throwError('TypeError', 'proc_open(): supplied resource is not a valid stream resource');
  const fd = res.impl.castFd();
  if (fd === null) {
    rt.warn(`proc_open(): Cannot represent a stream of type ${res.impl.meta.streamType} as a File Descriptor`);
    return null;
  }
  return { index, stdio: fd };
}

/** php_array_to_envp: "key=value" strings of the environment array. */
function environment(env: PhpArray): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of env.entries()) {
    const val = toStr(v);
    if (typeof k === 'string') out[k] = val;
    else {
      const eq = val.indexOf('=');
      if (eq > 0) out[val.slice(0, eq)] = val.slice(eq + 1);
    }
  }
  return out;
}

/** The program and its arguments of an array command (execvp, no shell). */
function commandArgs(cmd: PhpArray): string[] | null {
  const args: string[] = [];
  let n = 0;
  for (const v of cmd.values()) {
    n++;
    const s = toStr(v);
    if (n === 1 && s === '') rt.throwError('ValueError', 'First element must contain a non-empty program name');
    if (s.includes('\0')) rt.throwError('ValueError', `Command array element ${n} contains a null byte`);
    args.push(s);
  }
  return args;
}

function latin1ToUtf8Arg(s: string): string {
  // Node encodes spawn() arguments as UTF-8: pass the bytes through unchanged.
  return Buffer.from(s, 'latin1').toString('utf8');
}

function startChild(command: string | string[], stdio: StdioItem[], cwd: string | null, env: NodeJS.ProcessEnv | null): ChildProcess {
  const file = typeof command === 'string' ? '/bin/sh' : latin1ToUtf8Arg(command[0]);
  const args = typeof command === 'string' ? ['-c', latin1ToUtf8Arg(command)] : command.slice(1).map(latin1ToUtf8Arg);
  const child = spawn(file, args, {
    stdio,
    cwd: cwd ?? process.cwd(),
    env: env ?? process.env,
    argv0: typeof command === 'string' ? 'sh' : undefined,
  });
  // An unread child must not keep this process alive, nor report its spawn error as an exception.
  child.on('error', () => {});
  child.unref();
  return child;
}

/** Node's handle for child descriptor `i`, with its file descriptor. */
function pipeEnd(child: ChildProcess, i: number): { handle: any; fd: number } | null {
  const s: any = child.stdio[i];
  const fd = s?._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) return null;
  s.unref?.();
  return { handle: s, fd };
}

function procOpen(command: string | PhpArray, spec: PhpArray, pipesRef: Ref, cwd: string | null, env: PhpArray | null): PhpResource | false {
  let cmd: string | string[];
  if (command instanceof PhpArray) {
    if (command.size === 0) rt.throwError('ValueError', 'proc_open(): Argument #1 ($command) cannot be empty');
    const args = commandArgs(command);
    if (!args) return false;
    cmd = args;
  } else cmd = command;
  const envp = env ? environment(env) : null;
  const descriptors: Descriptor[] = [];
  const release = () => {
    for (const d of descriptors) if (d.ownFd !== undefined) try { fs.closeSync(d.ownFd); } catch { /* ignore */ }
  };
  for (const [key, item] of spec.entries()) {
    if (typeof key !== 'number') {
      release();
      rt.throwError('ValueError', 'proc_open(): Argument #2 ($descriptor_spec) must be an integer indexed array');
    }
    const v = item instanceof Ref ? item.v : item;
    let d: Descriptor | null;
    if (v instanceof PhpResource) d = descriptorFromResource(v, key);
    else if (v instanceof PhpArray) d = descriptorFromArray(v, key, descriptors);
    else {
      release();
      return rt.throwError('ValueError', 'proc_open(): Argument #2 ($descriptor_spec) must only contain arrays and streams');
    }
    if (d === null) {
      release();
      return false;
    }
    descriptors.push(d);
  }
  const max = descriptors.reduce((m, d) => Math.max(m, d.index), 2);
  const stdio: StdioItem[] = [];
  for (let i = 0; i <= max; i++) stdio.push(i <= 2 ? 'inherit' : 'ignore');
  for (const d of descriptors) stdio[d.index] = d.stdio;
  const child = startChild(cmd, stdio, cwd, envp);
  release();
  const pipes = new PhpArray();
  const streams: PhpStream[] = [];
  for (const d of descriptors) {
    if (d.stdio !== 'pipe') continue;
    const end = pipeEnd(child, d.index);
    if (!end) continue;
    const s = new PhpStream(new PipeStream(end.handle, end.fd, d.parentMode ?? 'r'));
    streams.push(s);
    pipes.set(d.index, s);
  }
  pipesRef.v = pipes;
  const text = typeof cmd === 'string' ? cmd : cmd[0];
  return new PhpResource('process', new ProcHandle(child, text, streams));
}

/** proc_close()/pclose(): closes the pipes, waits for the child, gives its exit status. */
function closeProcess(res: PhpResource, proc: ProcHandle): number {
  for (const p of proc.pipes) {
    if (!p.closed) {
      p.impl.close();
      p.closed = true;
    }
  }
  res.closed = true;
  if (proc.reaped) return -1;
  const st = proc.wait();
  return st.signal ? 128 + st.signal : st.code;
}

export function registerProcOpen(r: Registry): void {
  r.functions({
    'proc_open(array|string $command, array $descriptor_spec, &$pipes, ?string $cwd = null, ?array $env_vars = null, ?array $options = null)': procOpen,
    'proc_close($process): int': (h: any) => closeProcess(h, procArg(h, 'proc_close')),
    'proc_terminate($process, int $signal = 15): bool': (h: any, sig: number) => {
      const proc = procArg(h, 'proc_terminate');
      try {
        return proc.child.pid !== undefined && process.kill(proc.child.pid, sig) === true;
      } catch {
        return false;
      }
    },
    'proc_get_status($process): array': (h: any) => {
      const proc = procArg(h, 'proc_get_status');
      const a = new PhpArray();
      a.set('command', proc.command);
      a.set('pid', proc.child.pid ?? 0);
      let running = true, signaled = false, exitcode = -1, termsig = 0;
      if (proc.reaped) running = false;
      else {
        const st = proc.poll();
        if (st) {
          running = false;
          proc.reaped = true;
          if (st.signal) {
            signaled = true;
            termsig = st.signal;
          } else exitcode = st.code;
        }
      }
      a.set('running', running);
      a.set('signaled', signaled);
      a.set('stopped', false);
      a.set('exitcode', exitcode);
      a.set('termsig', termsig);
      a.set('stopsig', 0);
      return a;
    },
    'popen(string $command, string $mode)': (cmd: string, mode: string) => {
      const m = mode.replace('b', '');
      if (m !== 'r' && m !== 'w') rt.throwError('ValueError', 'popen(): Argument #2 ($mode) must be one of "r", "rb", "w", or "wb"');
      const stdio: StdioItem[] = m === 'r' ? ['inherit', 'pipe', 'inherit'] : ['pipe', 'inherit', 'inherit'];
          const child = startChild(cmd, stdio, null, null);
      const end = pipeEnd(child, m === 'r' ? 1 : 0);
      if (!end) {
        rt.warn(`popen(${cmd},${mode}): ${'No such file or directory'}`);
        return false;
      }
      const s = new PhpStream(new PipeStream(end.handle, end.fd, mode));
      (s as any).process = new ProcHandle(child, cmd, [s]);
      return s;
    },
    'pclose($handle): int': (h: any) => {
      const proc: ProcHandle | undefined = h instanceof PhpStream ? (h as any).process : undefined;
      if (!proc || h.closed) {
        if (h instanceof PhpResource) rt.throwError('TypeError', 'pclose(): supplied resource is not a valid stream resource');
        return rt.throwError('TypeError', `pclose(): Argument #1 ($handle) must be of type resource, ${typeName(h)} given`);
      }
      const st = (() => {
        h.impl.close();
        h.closed = true;
        return proc.wait();
      })();
      return st.signal ? 128 + st.signal : st.code;
    },
  });
}
