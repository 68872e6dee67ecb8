// The netdb look-ups of ext/standard/basic_functions.c: getservbyname(), getservbyport(),
// getprotobyname(), getprotobynumber(), answered from /etc/services and /etc/protocols as the C
// library does.

import * as fs from 'node:fs';
import type { Registry } from '../../engine/extension.js';

interface Entry {
  name: string;
  aliases: string[];
  number: number;
  proto: string;
}

function readTable(file: string, parse: (fields: string[]) => Entry | null): Entry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'latin1');
  } catch {
    return [];
  }
  const out: Entry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const e = parse(line.split(/\s+/));
    if (e) out.push(e);
  }
  return out;
}

let services: Entry[] | null = null;
let protocols: Entry[] | null = null;

/** /etc/services lines: "name port/proto aliases..." */
function serviceTable(): Entry[] {
  return (services ??= readTable('/etc/services', (f) => {
    const m = /^(\d+)\/(\S+)$/.exec(f[1] ?? '');
    return m ? { name: f[0], aliases: f.slice(2), number: Number(m[1]), proto: m[2] } : null;
  }));
}

/** /etc/protocols lines: "name number aliases..." */
function protocolTable(): Entry[] {
  return (protocols ??= readTable('/etc/protocols', (f) => {
    if (!/^\d+$/.test(f[1] ?? '')) return null;
    return { name: f[0], aliases: f.slice(2), number: Number(f[1]), proto: '' };
  }));
}

export function registerNetdb(r: Registry): void {
  r.functions({
    'getservbyname(string $service, string $protocol): int|false': (name: string, proto: string) => {
      const e = serviceTable().find((s) => s.proto === proto && (s.name === name || s.aliases.includes(name)));
      return e ? e.number : false;
    },
    'getservbyport(int $port, string $protocol): string|false': (port: number, proto: string) => {
      const e = serviceTable().find((s) => s.proto === proto && s.number === port);
      return e ? e.name : false;
    },
    'getprotobyname(string $protocol): int|false': (name: string) => {
      const e = protocolTable().find((p) => p.name === name || p.aliases.includes(name));
      return e ? e.number : false;
    },
    'getprotobynumber(int $protocol): string|false': (n: number) => {
      const e = protocolTable().find((p) => p.number === n);
      return e ? e.name : false;
    },
  });
}
