// ext/standard/browscap.c: get_browser() looks a user agent up in the browscap.ini file named by
// the `browscap` ini setting. Each section is a pattern (* and ? wildcards) with properties and a
// Parent whose properties it inherits; the matching pattern with the most literal characters wins.

import * as fs from 'node:fs';
import type { Registry } from '../../engine/extension.js';
import { rt } from '../../runtime/request.js';
import { PhpArray } from '../../runtime/array.js';
import { toObject } from '../../runtime/objects.js';
import { Ref } from '../../runtime/values.js';

interface Entry {
  pattern: string;
  /** the pattern lowercased, for the exact-match test */
  lower: string;
  regex: string;
  re: RegExp | null;
  /** properties in file order, keys lowercased */
  props: [string, string][];
  parent: string | null;
  /** characters that are not wildcards */
  literal: number;
}

interface Browscap {
  entries: Entry[];
  byName: Map<string, Entry>;
}

const loaded = new Map<string, Browscap | null>();

/** browscap_convert_pattern: the PCRE pattern php shows as browser_name_regex. */
function convertPattern(pattern: string): string {
  let t = '~^';
  for (const c of pattern.toLowerCase()) {
    switch (c) {
      case '?': t += '.'; break;
      case '*': t += '.*'; break;
      case '.': case '\\': case '(': case ')': case '~': case '+': t += '\\' + c; break;
      default: t += c;
    }
  }
  return t + '$~';
}

/** The value as browscap stores it: booleans become "1" and "". */
function browscapValue(v: string): string {
  const l = v.toLowerCase();
  if (l === 'on' || l === 'yes' || l === 'true') return '1';
  if (l === 'no' || l === 'off' || l === 'none' || l === 'false') return '';
  return v;
}

/** Reads the ini file the way INI_SCANNER_RAW does for browscap's simple syntax. */
function parseBrowscap(text: string): Browscap {
  const entries: Entry[] = [];
  const byName = new Map<string, Entry>();
  let cur: Entry | null = null;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (line === '' || line[0] === ';' || line[0] === '#') continue;
    if (line[0] === '[') {
      const end = line.lastIndexOf(']');
      const pattern = end > 0 ? line.slice(1, end) : line.slice(1);
      const regex = convertPattern(pattern);
      let re: RegExp | null = null;
      try {
        re = new RegExp(regex.slice(1, -1));
      } catch {
        re = null;
      }
      let literal = 0;
      for (const c of pattern) if (c !== '*' && c !== '?') literal++;
      cur = { pattern, lower: pattern.toLowerCase(), regex, re, props: [], parent: null, literal };
      entries.push(cur);
      byName.set(pattern.toLowerCase(), cur);
      continue;
    }
    const eq = line.indexOf('=');
    if (!cur || eq < 0) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    let value = line.slice(eq + 1).trim();
    if (value.startsWith('"')) {
      const close = value.indexOf('"', 1);
      value = close > 0 ? value.slice(1, close) : value.slice(1);
    } else {
      const semi = value.indexOf(';');
      if (semi >= 0) value = value.slice(0, semi).trim();
    }
    if (key === 'parent') cur.parent = value;
    cur.props.push([key, browscapValue(value)]);
  }
  return { entries, byName };
}

function browscapData(): Browscap | null {
  const file = rt.iniGet('browscap') ?? '';
  if (file === '') return null;
  if (!loaded.has(file)) {
    let data: Browscap | null = null;
    try {
      data = parseBrowscap(fs.readFileSync(file, 'latin1'));
    } catch {
      data = null;
    }
    loaded.set(file, data);
  }
  return loaded.get(file)!;
}

/** The best entry for a lowercased user agent: an exact pattern, else the match with the most literal characters. */
function findEntry(data: Browscap, agent: string): Entry | null {
  let found: Entry | null = null;
  for (const e of data.entries) {
    if (e.lower === agent) return e;
    if (e.re === null || !e.re.test(agent)) continue;
    if (found === null || e.literal > found.literal) found = e;
  }
  return found;
}

function getBrowser(agentArg: string | null, asArray: boolean): any {
  const data = browscapData();
  if (!data) {
    rt.warn('get_browser(): browscap ini directive not set');
    return false;
  }
  let agent = agentArg;
  if (agent === null) {
    const server = rt.sg._SERVER.v;
    let ua = server instanceof PhpArray ? server.get('HTTP_USER_AGENT') : undefined;
    if (ua instanceof Ref) ua = ua.v;
    if (typeof ua !== 'string') {
      rt.warn('get_browser(): HTTP_USER_AGENT variable is not set, cannot determine user agent name');
      return false;
    }
    agent = ua;
  }
  let entry = findEntry(data, agent.toLowerCase());
  if (!entry) return false;
  const out = new PhpArray();
  out.set('browser_name_regex', entry.regex);
  out.set('browser_name_pattern', entry.pattern);
  for (let depth = 0; entry && depth < 64; depth++) {
    for (const [k, v] of entry.props) if (!out.has(k)) out.set(k, v);
    entry = entry.parent !== null ? data.byName.get(entry.parent.toLowerCase()) ?? null : null;
  }
  return asArray ? out : toObject(out);
}

export function registerBrowscap(r: Registry): void {
  r.function('get_browser(?string $user_agent = null, bool $return_array = false): object|array|false', getBrowser);
}
