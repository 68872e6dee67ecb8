// DateTimeInterface, DateTime, DateTimeImmutable, DateTimeZone, DateInterval, DatePeriod.

import { rt } from '../../runtime/request.js';
import { PhpObject, PhpClass } from '../../runtime/object.js';
import { PhpArray, normStrKey } from '../../runtime/array.js';
import { instantiate } from '../../runtime/classdecl.js';
import { mkFloat } from '../../runtime/values.js';
import { toStr, toInt, toFloat } from '../../runtime/convert.js';
import type { ClassDecl } from '../../runtime/classdecl.js';
import { DT, fromSse, fromLocal, updateTs, newRel, Parsed, Fields } from './time.js';
import { Zone, UTC_ZONE, findZoneId, idZone, offsetZone, abbrZone, zoneName, zoneOffset, ABBR_OFFSETS, daysFromCivil, daysInMonth, floorDiv, mod, allZoneIds, transitions, zoneAbbr, ianaIsDst, offsetString } from './timezone.js';
import { parseDate } from './parse.js';
import { formatDate } from './format.js';
import { parseFromFormat } from './fromformat.js';

// ───────────── request state ─────────────

export const state = {
  defaultTz: 'UTC',
  lastErrors: null as Parsed | null,
};

export function defaultZone(): Zone {
  return idZone(state.defaultTz);
}

export function nowDT(zone: Zone): DT {
  const ms = Date.now();
  const us = (ms % 1000) * 1000 + Math.floor((performance.now() * 1000) % 1000);
  return fromSse(Math.floor(ms / 1000), us, zone);
}

/** A zone from a user string: offset, abbreviation or identifier (timezone_open rules). */
export function zoneFromString(s: string): Zone | null {
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/i.exec(s);
  if (m) {
    const off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
    if (Math.abs(off) > 99 * 3600) return null;
    return offsetZone(off);
  }
  if (s === 'UTC') return idZone('UTC');
  // timelib_parse_zone: a known abbreviation first (type 2), then an identifier (type 3)
  const a = ABBR_OFFSETS[s.toLowerCase()];
  if (a) return abbrZone(s, a[0], a[1]);
  const id = findZoneId(s);
  if (id) return idZone(id);
  return null;
}

/** Parses a free-form string relative to `base` (timelib_strtotime + fill holes + update). */
export function resolveParsed(p: Parsed, base: DT): DT {
  const zone = p.zone ?? base.zone;
  const now = p.zone ? fromSse(base.sse, base.us, zone) : base;
  if (p.haveDate && !p.haveTime) {
    p.h = 0; p.i = 0; p.s = 0; p.us = 0;
  }
  const f: Fields = { y: p.y ?? now.y, m: p.m ?? now.m, d: p.d ?? now.d, h: p.h ?? now.h, i: p.i ?? now.i, s: p.s ?? now.s, us: p.us ?? now.us };
  return updateTs(f, { ...p.rel }, p.haveRelative, zone);
}

export function parseError(p: Parsed): string | null {
  if (!p.errors.length) return null;
  const e = p.errors[0];
  return `at position ${e.pos} (${e.ch}): ${e.msg}`;
}

// ───────────── classes ─────────────

export function cls(name: string): PhpClass {
  return rt.core.builtinClasses.get(name.toLowerCase())!;
}

export function dtOf(o: PhpObject): DT {
  const t = o.native?.t as DT | undefined;
  if (!t) rt.throwError('Error', 'The DateTime object has not been correctly initialized by its constructor');
  return t!;
}

export function newDateObj(c: PhpClass, t: DT): PhpObject {
  const o = instantiate(c);
  o.native = { t };
  return o;
}

export function newZoneObj(z: Zone): PhpObject {
  const o = instantiate(cls('DateTimeZone'));
  o.native = { z };
  return o;
}

function isImmutable(o: PhpObject): boolean {
  return o.cls.isSubclassOf(cls('DateTimeImmutable'));
}

/** Initialises a date object from a string (date_initialize); returns false on a parse error. */
export function initDate(o: PhpObject, time: string, tzObj: PhpObject | null, ctor: string | null): boolean {
  const p = parseDate(time === '' ? 'now' : time);
  state.lastErrors = p.errors.length || p.warnings.length ? p : null;
  if (p.errors.length) {
    if (ctor) rt.throwError('Exception', `Failed to parse time string (${time}) ${parseError(p)}`);
    return false;
  }
  const zone = tzObj ? (tzObj.native?.z as Zone) ?? defaultZone() : defaultZone();
  const base = nowDT(p.zone ?? zone);
  o.native = { t: resolveParsed(p, base) };
  return true;
}

export function modifyDate(o: PhpObject, s: string, fn: string): boolean {
  const t = dtOf(o);
  const p = parseDate(s);
  state.lastErrors = p.errors.length || p.warnings.length ? p : null;
  if (p.errors.length) {
    // php_error_docref formats with %s: the message ends at a NUL byte
    rt.warn(`${fn}(): Failed to parse time string (${s}) ${parseError(p)}`.split('\0')[0]);
    return false;
  }
  const f: Fields = { y: t.y, m: t.m, d: t.d, h: t.h, i: t.i, s: t.s, us: t.us };
  if (p.y !== null) f.y = p.y;
  if (p.m !== null) f.m = p.m;
  if (p.d !== null) f.d = p.d;
  if (p.h !== null) {
    f.h = p.h;
    if (p.i !== null) {
      f.i = p.i;
      f.s = p.s !== null ? p.s : 0;
    } else {
      f.i = 0;
      f.s = 0;
    }
  }
  if (p.us !== null) f.us = p.us;
  let zone = t.zone;
  if (p.zone && p.zone.type === 1 && p.zone.offset === 0 && p.y === 1970 && p.m === 1 && p.d === 1 && p.h === 0 && p.i === 0 && p.s === 0) zone = p.zone;
  else if (p.zone) zone = p.zone;
  // the zone of the string applies to its wall fields; keep the object's zone otherwise
  o.native = { t: updateTs(f, { ...p.rel }, p.haveRelative, zone) };
  if (p.zone && zone !== t.zone && !(p.zone.type === 1 && p.y === 1970)) {
    o.native = { t: fromSse(o.native.t.sse, o.native.t.us, zone) };
  }
  return true;
}

// ───────────── intervals ─────────────

export interface Interval {
  y: number; m: number; d: number; h: number; i: number; s: number; us: number;
  invert: number;
  days: number | false;
}

function n(v: any): number {
  return Number(toInt(v ?? 0));
}

export function intervalOf(o: PhpObject): Interval {
  const p = o.p;
  const f = toFloat(p['f'] ?? 0);
  return {
    y: n(p['y']), m: n(p['m']), d: n(p['d']), h: n(p['h']), i: n(p['i']), s: n(p['s']),
    us: Math.round(f * 1e6), invert: n(p['invert']), days: p['days'] === false ? false : n(p['days']),
  };
}

export function newIntervalObj(iv: Interval, fromString: string | null = null, rel?: any): PhpObject {
  const o = instantiate(cls('DateInterval'));
  setIntervalProps(o, iv, fromString);
  if (rel) o.native = { rel };
  return o;
}

function setIntervalProps(o: PhpObject, iv: Interval, fromString: string | null): void {
  const p = o.p;
  p['y'] = iv.y; p['m'] = iv.m; p['d'] = iv.d; p['h'] = iv.h; p['i'] = iv.i; p['s'] = iv.s;
  p['f'] = mkFloat(iv.us / 1e6);
  p['invert'] = iv.invert;
  p['days'] = iv.days;
  p['from_string'] = fromString !== null;
  if (fromString !== null) p['date_string'] = fromString;
}

/** ISO 8601 duration "P1Y2M3DT4H5M6S" / "P2W" / "P0001-02-03T04:05:06" */
function parseDuration(spec: string): Interval | null {
  const iv: Interval = { y: 0, m: 0, d: 0, h: 0, i: 0, s: 0, us: 0, invert: 0, days: false };
  let m = /^P(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})$/.exec(spec);
  if (m) {
    [iv.y, iv.m, iv.d, iv.h, iv.i, iv.s] = m.slice(1).map(Number);
    return iv;
  }
  m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(spec);
  if (!m || spec === 'P' || spec.endsWith('T')) return null;
  iv.y = Number(m[1] ?? 0); iv.m = Number(m[2] ?? 0);
  iv.d = Number(m[4] ?? 0) + (m[3] ? Number(m[3]) * 7 : 0);
  iv.h = Number(m[5] ?? 0); iv.i = Number(m[6] ?? 0); iv.s = Number(m[7] ?? 0);
  return iv;
}

export function addInterval(t: DT, iv: Interval, sign: number, relNative?: any): DT {
  const s = (iv.invert ? -1 : 1) * sign;
  if (relNative) {
    const rel = { ...relNative.rel };
    if (sign < 0) {
      rel.y = -rel.y; rel.m = -rel.m; rel.d = -rel.d; rel.h = -rel.h; rel.i = -rel.i; rel.s = -rel.s; rel.us = -rel.us;
      if (rel.haveSpecial) rel.specialAmount = -rel.specialAmount;
    }
    return updateTs({ y: t.y, m: t.m, d: t.d, h: t.h, i: t.i, s: t.s, us: t.us }, rel, true, t.zone);
  }
  const rel = newRel();
  rel.y = s * iv.y; rel.m = s * iv.m; rel.d = s * iv.d; rel.h = s * iv.h; rel.i = s * iv.i; rel.s = s * iv.s; rel.us = s * iv.us;
  return updateTs({ y: t.y, m: t.m, d: t.d, h: t.h, i: t.i, s: t.s, us: t.us }, rel, true, t.zone);
}

/** timelib_diff */
export function diff(a: DT, b: DT, absolute: boolean): Interval {
  let one = a, two = b;
  let invert = 0;
  if (one.sse > two.sse || (one.sse === two.sse && one.us > two.us)) {
    [one, two] = [two, one];
    invert = 1;
  }
  const sameZone = one.zone.type === 3 && two.zone.type === 3 && one.zone.name === two.zone.name;
  let o1 = one, o2 = two;
  if (!sameZone) {
    // compare in UTC, with the offsets of each
    o1 = fromSse(one.sse + zoneOffset(one.zone, one.sse) - zoneOffset(one.zone, one.sse), one.us, offsetZone(0));
    o2 = fromSse(two.sse, two.us, offsetZone(0));
    if (one.zone.type !== 3 || two.zone.type !== 3) {
      // timelib keeps wall time of `one` and corrects by the offset difference
      o1 = fromSse(one.sse + zoneOffset(one.zone, one.sse), one.us, offsetZone(0));
      o2 = fromSse(two.sse + zoneOffset(one.zone, one.sse), two.us, offsetZone(0));
    }
  }
  const iv: Interval = { y: o2.y - o1.y, m: o2.m - o1.m, d: o2.d - o1.d, h: o2.h - o1.h, i: o2.i - o1.i, s: o2.s - o1.s, us: o2.us - o1.us, invert: absolute ? 0 : invert, days: 0 };
  if (sameZone) {
    // wall clock differences across a DST change: use elapsed seconds for the time part
    const dOff = zoneOffset(two.zone, two.sse) - zoneOffset(one.zone, one.sse);
    if (dOff && o2.y === o1.y && o2.m === o1.m && o2.d === o1.d) {
      iv.h = 0; iv.i = 0; iv.s = (two.sse - one.sse) - 0; iv.us = two.us - one.us;
    }
  }
  // normalise (timelib_do_rel_normalize)
  if (iv.us < 0) { iv.us += 1000000; iv.s--; }
  while (iv.s < 0) { iv.s += 60; iv.i--; }
  while (iv.s >= 60) { iv.s -= 60; iv.i++; }
  while (iv.i < 0) { iv.i += 60; iv.h--; }
  while (iv.i >= 60) { iv.i -= 60; iv.h++; }
  while (iv.h < 0) { iv.h += 24; iv.d--; }
  while (iv.h >= 24) { iv.h -= 24; iv.d++; }
  let by = o2.y, bm = o2.m;
  if (invert) {
    by = o1.y; bm = o1.m;
    while (iv.d < 0) {
      iv.d += daysInMonth(by, bm);
      iv.m--;
      bm++;
      if (bm > 12) { bm = 1; by++; }
    }
  }
  while (iv.d < 0) {
    bm--;
    if (bm < 1) { bm = 12; by--; }
    iv.d += daysInMonth(by, bm);
    iv.m--;
  }
  while (iv.m < 0) { iv.m += 12; iv.y--; }
  // days
  let days: number;
  if (sameZone || true) {
    const d1 = daysFromCivil(o1.y, o1.m, o1.d), d2 = daysFromCivil(o2.y, o2.m, o2.d);
    days = d2 - d1;
    const t1 = o1.h * 3600 + o1.i * 60 + o1.s + o1.us / 1e6, t2 = o2.h * 3600 + o2.i * 60 + o2.s + o2.us / 1e6;
    if (t2 < t1 && days > 0) days--;
  }
  iv.days = Math.abs(days);
  return iv;
}

export function formatInterval(iv: Interval, fmt: string): string {
  let out = '';
  const p2 = (n: number) => String(n).padStart(2, '0');
  for (let k = 0; k < fmt.length; k++) {
    const c = fmt[k];
    if (c !== '%') {
      out += c;
      continue;
    }
    // a lone '%' at the end prints nothing (date_interval_format)
    if (k + 1 >= fmt.length) break;
    const f = fmt[++k];
    switch (f) {
      case 'Y': out += p2(iv.y); break;
      case 'y': out += iv.y; break;
      case 'M': out += p2(iv.m); break;
      case 'm': out += iv.m; break;
      case 'D': out += p2(iv.d); break;
      case 'd': out += iv.d; break;
      case 'H': out += p2(iv.h); break;
      case 'h': out += iv.h; break;
      case 'I': out += p2(iv.i); break;
      case 'i': out += iv.i; break;
      case 'S': out += p2(iv.s); break;
      case 's': out += iv.s; break;
      case 'F': out += String(iv.us).padStart(6, '0'); break;
      case 'f': out += iv.us; break;
      case 'a': out += iv.days === false ? '(unknown)' : iv.days; break;
      case 'R': out += iv.invert ? '-' : '+'; break;
      case 'r': out += iv.invert ? '-' : ''; break;
      case '%': out += '%'; break;
      default: out += '%' + f;
    }
  }
  return out;
}

export function intervalFromString(s: string, fname = 'DateInterval::createFromDateString'): PhpObject | false {
  const p = parseDate(s);
  if (p.errors.length) {
    rt.warn(`${fname}(): Unknown or bad format (${s}) ${parseError(p)}`);
    return false;
  }
  const r = p.rel;
  const iv: Interval = { y: r.y, m: r.m, d: r.d, h: r.h, i: r.i, s: r.s, us: r.us, invert: 0, days: false };
  return newIntervalObj(iv, s, { rel: { ...r } });
}

// ───────────── var_dump / serialization ─────────────

function dateProps(t: DT): [string, any][] {
  return [
    ['date', formatDate('Y-m-d H:i:s.u', t)],
    ['timezone_type', t.zone.type],
    ['timezone', zoneName(t.zone)],
  ];
}
function zoneProps(z: Zone): [string, any][] {
  return [['timezone_type', z.type], ['timezone', zoneName(z)]];
}

function userProps(o: PhpObject): [string, any][] {
  const out: [string, any][] = [];
  for (const k in o.p) out.push([k, o.p[k]]);
  return out;
}

function arrOf(entries: [string, any][]): PhpArray {
  return PhpArray.fromEntries(entries as any);
}

function restoreDate(o: PhpObject, a: PhpArray, fn: string): boolean {
  const date = a.get('date'), type = a.get('timezone_type'), tz = a.get('timezone');
  if (typeof date !== 'string' || typeof tz !== 'string' || (typeof type !== 'number')) return false;
  let zone: Zone | null = null;
  if (type === 3) {
    const id = findZoneId(tz);
    zone = id ? idZone(id) : null;
  } else if (type === 1) {
    zone = zoneFromString(tz);
    if (zone && zone.type !== 1) zone = null;
  } else if (type === 2) {
    const ab = ABBR_OFFSETS[tz.toLowerCase()];
    zone = ab ? abbrZone(tz, ab[0], ab[1]) : null;
  }
  if (!zone) return false;
  const p = parseDate(date);
  if (p.errors.length) return false;
  p.zone = zone;
  o.native = { t: resolveParsed(p, nowDT(zone)) };
  void fn;
  return true;
}

function restoreZone(o: PhpObject, a: PhpArray): boolean {
  const type = a.get('timezone_type'), tz = a.get('timezone');
  if (typeof tz !== 'string' || typeof type !== 'number') return false;
  const z = zoneFromString(tz);
  if (!z) return false;
  o.native = { z };
  return true;
}

// ───────────── class declarations ─────────────

const DATE_FORMATS: [string, string][] = [
  ['ATOM', 'Y-m-d\\TH:i:sP'], ['COOKIE', 'l, d-M-Y H:i:s T'], ['ISO8601', 'Y-m-d\\TH:i:sO'], ['RFC822', 'D, d M y H:i:s O'],
  ['RFC850', 'l, d-M-y H:i:s T'], ['RFC1036', 'D, d M y H:i:s O'], ['RFC1123', 'D, d M Y H:i:s O'], ['RFC7231', 'D, d M Y H:i:s \\G\\M\\T'],
  ['RFC2822', 'D, d M Y H:i:s O'], ['RFC3339', 'Y-m-d\\TH:i:sP'], ['RFC3339_EXTENDED', 'Y-m-d\\TH:i:s.vP'], ['RSS', 'D, d M Y H:i:s O'], ['W3C', 'Y-m-d\\TH:i:sP'],
];
export { DATE_FORMATS };

/** (array) of a date object: its properties as var_dump shows them (date_object_get_properties_for). */
function debugArrayCast(o: PhpObject): PhpArray {
  const a = new PhpArray();
  for (const [k, v] of o.cls.handlers!.debugInfo!(o) ?? []) a.set(typeof k === 'string' ? normStrKey(k) : k, v);
  return a;
}
function withArrayCast(o: PhpObject): void {
  if (!o.cls.ext.arrayCast) o.cls.ext.arrayCast = debugArrayCast;
}

function dateHandlers() {
  return {
    debugInfo(o: PhpObject) {
      const t = o.native?.t as DT | undefined;
      return t ? [...userProps(o), ...dateProps(t)] : userProps(o);
    },
    clone(src: PhpObject, dst: PhpObject) {
      dst.native = src.native ? { t: (src.native.t as DT).clone() } : src.native;
    },
    compare(a: PhpObject, b: any) {
      if (!(b instanceof PhpObject) || !b.native?.t) return 1;
      const x = dtOf(a), y = dtOf(b);
      return x.sse < y.sse ? -1 : x.sse > y.sse ? 1 : x.us < y.us ? -1 : x.us > y.us ? 1 : 0;
    },
  };
}

/** The methods DateTime and DateTimeImmutable share (mutating ones work on `target`). */
function commonMethods(clsName: string, mutable: boolean): Record<string, Function> {
  const target = (o: PhpObject): PhpObject => {
    if (mutable) return o;
    const c = instantiate(o.cls);
    for (const k in o.p) c.p[k] = o.p[k];
    c.native = { t: dtOf(o).clone() };
    return c;
  };
    return {
    'public __construct(string $datetime = "now", ?DateTimeZone $timezone = null)': function (this: PhpObject, time: string, tz: PhpObject | null) {
      initDate(this, time, tz, `${clsName}::__construct()`);
    },
    'public __wakeup(): void': function (this: PhpObject) {
      const a = PhpArray.fromEntries(Object.keys(this.p).map((k) => [k, this.p[k]]) as any);
      if (!restoreDate(this, a, clsName)) rt.throwError('Error', `Invalid serialization data for ${clsName} object`);
    },
    'public __serialize(): array': function (this: PhpObject) {
      return arrOf([...dateProps(dtOf(this)), ...userProps(this)]);
    },
    'public __unserialize(array $data): void': function (this: PhpObject, a: PhpArray) {
      if (!restoreDate(this, a, clsName)) rt.throwError('Error', `Invalid serialization data for ${clsName} object`);
      for (const [k, v] of a.entries()) if (k !== 'date' && k !== 'timezone_type' && k !== 'timezone') this.p[String(k)] = v;
    },
    'public static __set_state(array $array)': function (this: PhpClass, a: PhpArray) {
      const o = instantiate(this);
      if (!restoreDate(o, a, clsName)) rt.throwError('Error', `Invalid serialization data for ${clsName} object`);
      return o;
    },
    'public static createFromFormat(string $format, string $datetime, ?DateTimeZone $timezone = null)': function (this: PhpClass, f: string, s: string, tz: PhpObject | null) {
      return createFromFormat(this, f, s, tz);
    },
    'public static createFromInterface(DateTimeInterface $object): static': function (this: PhpClass, src: PhpObject) {
      return newDateObj(this, dtOf(src).clone());
    },
    'public static getLastErrors(): array|false': () => lastErrorsArray(),
    'public format(string $format)': function (this: PhpObject, f: string) {
      return formatDate(f, dtOf(this));
    },
    'public modify(string $modifier)': function (this: PhpObject, s: string) {
      const o = target(this);
      if (!modifyDate(o, s, `${clsName}::modify`)) return false;
      return o;
    },
    'public add(DateInterval $interval)': function (this: PhpObject, iv: PhpObject) {
      const o = target(this);
      o.native = { t: addInterval(dtOf(o), intervalOf(iv), 1, iv.native) };
      return o;
    },
    'public sub(DateInterval $interval)': function (this: PhpObject, iv: PhpObject) {
      const o = target(this);
      if (iv.native?.rel?.rel?.haveSpecial || iv.native?.rel?.rel?.haveWeekdayRel) {
        rt.warn(`${clsName}::sub(): Only non-special relative time specifications are supported for subtraction`);
        return o;
      }
      o.native = { t: addInterval(dtOf(o), intervalOf(iv), -1, iv.native) };
      return o;
    },
    'public getTimezone()': function (this: PhpObject) {
      return newZoneObj(dtOf(this).zone);
    },
    'public setTimezone(DateTimeZone $timezone)': function (this: PhpObject, tz: PhpObject) {
      const o = target(this);
      const t = dtOf(o);
      o.native = { t: fromSse(t.sse, t.us, tz.native.z) };
      return o;
    },
    'public getOffset()': function (this: PhpObject) {
      return dtOf(this).offset;
    },
    'public setTime(int $hour, int $minute, int $second = 0, int $microsecond = 0)': function (this: PhpObject, h: number, i: number, s: number, us: number) {
      const o = target(this);
      const t = dtOf(o);
      o.native = { t: fromLocal(t.y, t.m, t.d, h, i, s, us, t.zone) };
      return o;
    },
    'public setDate(int $year, int $month, int $day)': function (this: PhpObject, y: number, m: number, d: number) {
      const o = target(this);
      const t = dtOf(o);
      o.native = { t: fromLocal(y, m, d, t.h, t.i, t.s, t.us, t.zone) };
      return o;
    },
    'public setISODate(int $year, int $week, int $dayOfWeek = 1)': function (this: PhpObject, y: number, w: number, d: number) {
      const o = target(this);
      const t = dtOf(o);
      const jan4 = daysFromCivil(y, 1, 4);
      const wd = mod(jan4 + 3, 7);
      const days = jan4 - wd + (w - 1) * 7 + (d - 1);
      o.native = { t: fromLocal(1970, 1, 1 + days, t.h, t.i, t.s, t.us, t.zone) };
      return o;
    },
    'public setTimestamp(int $timestamp)': function (this: PhpObject, ts: number) {
      const o = target(this);
      o.native = { t: fromSse(ts, 0, dtOf(o).zone) };
      return o;
    },
    'public getTimestamp()': function (this: PhpObject) {
      return dtOf(this).sse;
    },
    'public diff(DateTimeInterface $targetObject, bool $absolute = false)': function (this: PhpObject, other: PhpObject, abs: boolean) {
      return newIntervalObj(diff(dtOf(this), dtOf(other), abs));
    },
  };
}

export function lastErrorsArray(): PhpArray | false {
  const p = state.lastErrors;
  if (!p) return false;
  const w = new PhpArray();
  for (const e of p.warnings) w.set(e.pos, e.msg);
  const er = new PhpArray();
  for (const e of p.errors) er.set(e.pos, e.msg);
  return PhpArray.fromEntries([['warning_count', p.warnings.length], ['warnings', w], ['error_count', p.errors.length], ['errors', er]] as any);
}

export function createFromFormat(c: PhpClass, f: string, s: string, tz: PhpObject | null): PhpObject | false {
  const zone = tz ? (tz.native.z as Zone) : defaultZone();
  const r = parseFromFormat(f, s);
  state.lastErrors = r.errors.length || r.warnings.length ? r : null;
  if (r.errors.length) return false;
  const p = r;
  const z = p.zone ?? zone;
  const now = nowDT(z);
  // fields not given take the current time, unless '|' or '!' reset them
  const f2: Fields = { y: p.y ?? now.y, m: p.m ?? now.m, d: p.d ?? now.d, h: p.h ?? now.h, i: p.i ?? now.i, s: p.s ?? now.s, us: p.us ?? now.us };
  if (p.h !== null || p.i !== null || p.s !== null) {
    if (p.i === null) f2.i = 0;
    if (p.s === null) f2.s = 0;
    if (p.us === null) f2.us = 0;
  }
  const t = updateTs(f2, p.rel, p.haveRelative, z);
  return newDateObj(c, t);
}

export function dateClasses(): ClassDecl[] {
  const iface: ClassDecl = {
    name: 'DateTimeInterface',
    flags: 1 << 8,
    consts: DATE_FORMATS.map(([n, v]) => ({ name: n, flags: 1, init: () => v })),
    methods: [
      { name: 'format', flags: 1 | 16, fn: null, signature: 'format(string $format)' },
      { name: 'getTimezone', flags: 1 | 16, fn: null },
      { name: 'getOffset', flags: 1 | 16, fn: null },
      { name: 'getTimestamp', flags: 1 | 16, fn: null },
      { name: 'diff', flags: 1 | 16, fn: null },
      { name: '__wakeup', flags: 1 | 16, fn: null },
      { name: '__serialize', flags: 1 | 16, fn: null },
      { name: '__unserialize', flags: 1 | 16, fn: null },
    ],
  };
  const dt: ClassDecl = {
    name: 'DateTime',
    interfaces: ['DateTimeInterface'],
    nativeMethods: {
      ...commonMethods('DateTime', true),
      'public static createFromImmutable(DateTimeImmutable $object): static': function (this: PhpClass, src: PhpObject) {
        return newDateObj(this, dtOf(src).clone());
      },
    },
    handlers: dateHandlers(),
    createNative: withArrayCast,
  };
  const dti: ClassDecl = {
    name: 'DateTimeImmutable',
    interfaces: ['DateTimeInterface'],
    nativeMethods: {
      ...commonMethods('DateTimeImmutable', false),
      'public static createFromMutable(DateTime $object): static': function (this: PhpClass, src: PhpObject) {
        return newDateObj(this, dtOf(src).clone());
      },
    },
    handlers: dateHandlers(),
    createNative: withArrayCast,
  };
  const tz: ClassDecl = {
    name: 'DateTimeZone',
    consts: [['AFRICA', 1], ['AMERICA', 2], ['ANTARCTICA', 4], ['ARCTIC', 8], ['ASIA', 16], ['ATLANTIC', 32], ['AUSTRALIA', 64], ['EUROPE', 128],
      ['INDIAN', 256], ['PACIFIC', 512], ['UTC', 1024], ['ALL', 2047], ['ALL_WITH_BC', 4095], ['PER_COUNTRY', 4096]].map(([n, v]) => ({ name: n as string, flags: 1, init: () => v })),
    nativeMethods: {
      'public __construct(string $timezone)': function (this: PhpObject, s: string) {
        if (s.includes('\0')) rt.throwError('ValueError', 'DateTimeZone::__construct(): Argument #1 ($timezone) must not contain any null bytes');
        const z = zoneFromString(s);
        if (!z) rt.throwError('Exception', `DateTimeZone::__construct(): Unknown or bad timezone (${s})`);
        this.native = { z };
      },
      'public getName()': function (this: PhpObject) {
        return zoneName(zoneOf(this));
      },
      'public getOffset(DateTimeInterface $datetime)': function (this: PhpObject, d: PhpObject) {
        return zoneOffset(zoneOf(this), dtOf(d).sse);
      },
      'public getTransitions(int $timestampBegin = PHP_INT_MIN, int $timestampEnd = PHP_INT_MAX)': function (this: PhpObject, a: any, b: any) {
        return zoneTransitions(zoneOf(this), a, b);
      },
      'public getLocation()': function (this: PhpObject) {
        const z = zoneOf(this);
        if (z.type !== 3) return false;
        return PhpArray.fromEntries([['country_code', '??'], ['latitude', mkFloat(0)], ['longitude', mkFloat(0)], ['comments', '']] as any);
      },
      'public static listAbbreviations()': () => abbreviationsList(),
      'public static listIdentifiers(int $timezoneGroup = DateTimeZone::ALL, ?string $countryCode = null)': (what: number, cc: string | null) => identifiersList(what, cc),
      'public __wakeup(): void': function (this: PhpObject) {
        const a = PhpArray.fromEntries(Object.keys(this.p).map((k) => [k, this.p[k]]) as any);
        if (!restoreZone(this, a)) rt.throwError('Error', 'Invalid serialization data for DateTimeZone object');
      },
      'public __serialize(): array': function (this: PhpObject) {
        return arrOf([...zoneProps(zoneOf(this)), ...userProps(this)]);
      },
      'public __unserialize(array $data): void': function (this: PhpObject, a: PhpArray) {
        if (!restoreZone(this, a)) rt.throwError('Error', 'Invalid serialization data for DateTimeZone object');
        for (const [k, v] of a.entries()) if (k !== 'timezone_type' && k !== 'timezone') this.p[String(k)] = v;
      },
      'public static __set_state(array $array)': function (this: PhpClass, a: PhpArray) {
        const o = instantiate(this);
        if (!restoreZone(o, a)) rt.throwError('Error', 'Timezone initialization failed');
        return o;
      },
    },
    createNative: withArrayCast,
    handlers: {
      debugInfo(o: PhpObject) {
        const z = o.native?.z as Zone | undefined;
        return z ? [...userProps(o), ...zoneProps(z)] : userProps(o);
      },
      compare(a: PhpObject, b: any) {
        if (!(b instanceof PhpObject) || !b.native?.z) return 1;
        const x = zoneOf(a), y = zoneOf(b);
        if (x.type !== y.type) {
          rt.throwError('Exception', 'Cannot compare two different kinds of DateTimeZone objects');
        }
        return zoneName(x) === zoneName(y) && x.offset === y.offset ? 0 : 1;
      },
    },
  };
  const di: ClassDecl = {
    name: 'DateInterval',
    allowDynamic: true,
    nativeMethods: {
      'public __construct(string $duration)': function (this: PhpObject, spec: string) {
        const iv = parseDuration(spec);
        if (!iv) rt.throwError('Exception', `Unknown or bad format (${spec})`);
        setIntervalProps(this, iv!, null);
      },
      'public static createFromDateString(string $datetime)': (s: string) => intervalFromString(s),
      'public format(string $format)': function (this: PhpObject, f: string) {
        return formatInterval(intervalOf(this), f);
      },
      'public __wakeup(): void': function () {},
      'public __serialize(): array': function (this: PhpObject) {
        return arrOf(userProps(this));
      },
      'public __unserialize(array $data): void': function (this: PhpObject, a: PhpArray) {
        setIntervalProps(this, { y: 0, m: 0, d: 0, h: 0, i: 0, s: 0, us: 0, invert: 0, days: false }, null);
        for (const [k, v] of a.entries()) this.p[String(k)] = v;
      },
      'public static __set_state(array $array)': function (this: PhpClass, a: PhpArray) {
        const o = instantiate(this);
        setIntervalProps(o, { y: 0, m: 0, d: 0, h: 0, i: 0, s: 0, us: 0, invert: 0, days: false }, null);
        for (const [k, v] of a.entries()) o.p[String(k)] = v;
        return o;
      },
    },
  };
  const dp: ClassDecl = {
    name: 'DatePeriod',
    interfaces: ['IteratorAggregate'],
    consts: [{ name: 'EXCLUDE_START_DATE', flags: 1, init: () => 1 }, { name: 'INCLUDE_END_DATE', flags: 1, init: () => 2 }],
    nativeMethods: {
      'public __construct($start = UNKNOWN, $interval = UNKNOWN, $end = UNKNOWN, $options = UNKNOWN)': function (this: PhpObject, ...args: any[]) {
        periodInit(this, args);
      },
      'public getStartDate(): DateTimeInterface': function (this: PhpObject) {
        return this.native.start ? cloneDate(this.native.start) : null;
      },
      'public getEndDate(): ?DateTimeInterface': function (this: PhpObject) {
        return this.native.end ? cloneDate(this.native.end) : null;
      },
      'public getDateInterval(): DateInterval': function (this: PhpObject) {
        return newIntervalObj(intervalOf(this.native.interval));
      },
      'public getRecurrences(): ?int': function (this: PhpObject) {
        return this.native.recurrencesGiven ? this.native.recurrences - (this.native.includeStart ? 0 : 0) : null;
      },
      'public getIterator(): Iterator': function (this: PhpObject) {
        const list = periodDates(this);
        const it = instantiate(cls('ArrayIterator'));
        const ctor = it.cls.ctor!;
        ctor.fn.call(it, PhpArray.fromList(list));
        return it;
      },
      'public __wakeup(): void': function () {},
      'public __serialize(): array': function (this: PhpObject) {
        return arrOf(periodProps(this));
      },
      'public __unserialize(array $data): void': function () {},
      'public static __set_state(array $array)': function (this: PhpClass) {
        return instantiate(this);
      },
    },
    createNative: withArrayCast,
    handlers: {
      debugInfo(o: PhpObject) {
        return userProps(o);
      },
    },
  };
  return [iface, dt, dti, tz, di, dp];
}

function zoneOf(o: PhpObject): Zone {
  const z = o.native?.z as Zone | undefined;
  if (!z) rt.throwError('Error', 'The DateTimeZone object has not been correctly initialized by its constructor');
  return z!;
}

function cloneDate(o: PhpObject): PhpObject {
  return newDateObj(o.cls, dtOf(o).clone());
}

function periodProps(o: PhpObject): [string, any][] {
  const n = o.native;
  return [
    ['start', n.start ? cloneDate(n.start) : null],
    ['current', n.current ? cloneDate(n.current) : null],
    ['end', n.end ? cloneDate(n.end) : null],
    ['interval', n.interval ? newIntervalObj(intervalOf(n.interval)) : null],
    ['recurrences', n.recurrences],
    ['include_start_date', n.includeStart],
    ['include_end_date', n.includeEnd],
  ];
}

function periodInit(o: PhpObject, args: any[]): void {
  const isDate = (v: any) => v instanceof PhpObject && v.native?.t;
  let start: PhpObject | null = null, interval: PhpObject | null = null, end: PhpObject | null = null, recurrences = 0, options = 0, recGiven = false;
  if (typeof args[0] === 'string') {
    const parts = args[0].split('/');
    options = n(args[1]);
    for (const part of parts) {
      if (/^R\d+$/.test(part)) { recurrences = Number(part.slice(1)); recGiven = true; }
      else if (part.startsWith('P')) {
        const iv = parseDuration(part);
        if (!iv) rt.throwError('Exception', `Unknown or bad format (${args[0]})`);
        interval = newIntervalObj(iv!);
      } else {
        const d = instantiate(cls('DateTime'));
        if (!initDate(d, part, null, null)) rt.throwError('Exception', `Unknown or bad format (${args[0]})`);
        if (!start) start = d;
        else end = d;
      }
    }
    if (!start) rt.throwError('Exception', `DatePeriod::__construct(): ISO interval must contain a start date, "${args[0]}" given`);
    if (!interval) rt.throwError('Exception', `DatePeriod::__construct(): ISO interval must contain an interval, "${args[0]}" given`);
    if (!end && !recGiven) rt.throwError('Exception', `DatePeriod::__construct(): ISO interval must contain an end date or a recurrence count, "${args[0]}" given`);
  } else {
    start = args[0];
    interval = args[1];
    if (!isDate(start) || !(interval instanceof PhpObject)) {
      rt.throwError('TypeError', 'DatePeriod::__construct() accepts (DateTimeInterface, DateInterval, int [, int]), or (DateTimeInterface, DateInterval, DateTime [, int]), or (string [, int]) as arguments');
    }
    if (isDate(args[2])) end = args[2];
    else if (typeof args[2] === 'number') { recurrences = args[2]; recGiven = true; }
    else rt.throwError('TypeError', 'DatePeriod::__construct() accepts (DateTimeInterface, DateInterval, int [, int]), or (DateTimeInterface, DateInterval, DateTime [, int]), or (string [, int]) as arguments');
    options = n(args[3]);
    if (recGiven && recurrences < 1) rt.throwError('Exception', 'DatePeriod::__construct(): Recurrence count must be greater than 0');
  }
  const includeStart = !(options & 1);
  o.native = { start, interval, end, recurrences: recGiven ? recurrences + (includeStart ? 0 : 0) : 1, recurrencesGiven: recGiven, includeStart, includeEnd: !!(options & 2), current: null };
  if (!recGiven) o.native.recurrences = 1;
  o.native.recurrences = recGiven ? recurrences + (includeStart ? 1 : 0) : 1 ;
  if (!recGiven) o.native.recurrences = 1;
  o.native.recShown = recGiven ? recurrences + 1 : 1;
  // PHP 8.2 shows the period's state as public properties ($period->start, var_dump, (array))
  for (const [k, v] of periodProps(o)) o.p[k] = v;
}

function periodDates(o: PhpObject): PhpObject[] {
  const n = o.native;
  const out: PhpObject[] = [];
  const iv = intervalOf(n.interval);
  let t = dtOf(n.start).clone();
  const endT: DT | null = n.end ? dtOf(n.end) : null;
  const c = n.start.cls;
  let idx = 0;
  const max = n.recurrencesGiven ? n.recurrences - (n.includeStart ? 1 : 0) : Infinity;
  if (!n.includeStart) {
    t = addInterval(t, iv, 1, n.interval.native);
  }
  for (let guard = 0; guard < 100000; guard++) {
    if (endT) {
      const before = t.sse < endT.sse || (t.sse === endT.sse && (t.us < endT.us || (n.includeEnd && t.us === endT.us)));
      if (!before) break;
    } else if (idx > max) break;
    out.push(newDateObj(c, t.clone()));
    n.current = out[out.length - 1];
    idx++;
    t = addInterval(t, iv, 1, n.interval.native);
  }
  return out;
}

export function zoneTransitions(z: Zone, begin: any, end: any): PhpArray | false {
  if (z.type !== 3) return false;
  const b = typeof begin === 'bigint' ? -(2 ** 62) : Number(begin);
  const e = typeof end === 'bigint' ? 2 ** 62 : Number(end);
  const from = Math.max(b, -2147483648), to = Math.min(e, 2147483647);
  const out = new PhpArray();
  const entry = (ts: number, at: number) => {
    const off = zoneOffset(z, at);
    return PhpArray.fromEntries([
      ['ts', ts], ['time', formatDate('Y-m-d\\TH:i:sO', fromSse(ts, 0, offsetZone(0)))], ['offset', off],
      ['isdst', ianaIsDst(z.name, at)], ['abbr', zoneAbbr(z, at)],
    ] as any);
  };
  const startTs = typeof begin === 'bigint' ? -9223372036854775808n : b;
  out.append(entry(startTs as any, from));
  const lo = Math.max(from, -(2 ** 31)), hi = Math.min(to, 2 ** 31 + 86400 * 365 * 30);
  if (z.name !== 'UTC') for (const ts of transitions(z.name, lo, hi)) out.append(entry(ts, ts));
  return out;
}

export function abbreviationsList(): PhpArray {
  const out = new PhpArray();
  for (const [abbr, [off, dst, id]] of Object.entries(ABBR_OFFSETS)) {
    const e = PhpArray.fromEntries([['dst', dst], ['offset', off], ['timezone_id', id || null]] as any);
    out.set(abbr, PhpArray.fromList([e]));
  }
  return out;
}

const GROUPS: [number, string][] = [[1, 'Africa/'], [2, 'America/'], [4, 'Antarctica/'], [8, 'Arctic/'], [16, 'Asia/'], [32, 'Atlantic/'], [64, 'Australia/'], [128, 'Europe/'], [256, 'Indian/'], [512, 'Pacific/']];

export function identifiersList(what: number, cc: string | null, fname = 'DateTimeZone::listIdentifiers'): PhpArray | false {
  if (what === 4096) {
    if (!cc || cc.length !== 2) {
      rt.throwError('ValueError', `${fname}(): Argument #2 ($countryCode) must be a two-letter ISO 3166-1 compatible country code when argument #1 ($timezoneGroup) is DateTimeZone::PER_COUNTRY`);
    }
    return new PhpArray();
  }
  if (what < 0 || what > 4095) {
    rt.throwError('ValueError', `${fname}(): Argument #1 ($timezoneGroup) must be one of the DateTimeZone group constants`);
  }
  const list = allZoneIds().filter((id) => {
    if (id === 'UTC') return (what & 1024) !== 0;
    for (const [bit, prefix] of GROUPS) if (id.startsWith(prefix)) return (what & bit) !== 0;
    return (what & 2048) !== 0;
  });
  return PhpArray.fromList(list);
}

export { toStr, offsetString, floorDiv, daysInMonth };
