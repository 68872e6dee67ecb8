// The procedural date functions: date(), mktime(), strtotime(), getdate(), strftime(), date_parse(),
// the date_* / timezone_* aliases of the classes' methods.

import { rt } from '../../runtime/request.js';
import { PhpObject } from '../../runtime/object.js';
import { PhpArray } from '../../runtime/array.js';
import { mkFloat } from '../../runtime/values.js';
import type { Registry } from '../../engine/extension.js';
import { DT, fromSse, fromLocal, Parsed } from './time.js';
import { formatDate, DAY_FULL, DAY_SHORT, MON_FULL, MON_SHORT } from './format.js';
import { parseDate } from './parse.js';
import { parseFromFormat } from './fromformat.js';
import { isoWeek, dayOfWeek, dayOfYear, daysInMonth, isLeap, offsetZone, idZone, zoneIsDst, zoneAbbr, zoneName, findZoneId, ABBR_OFFSETS, ianaOffset, allZoneIds, mod, Zone } from './timezone.js';
import {
  state, defaultZone, nowDT, resolveParsed, cls, dtOf, newDateObj, initDate, modifyDate, createFromFormat, lastErrorsArray,
  newZoneObj, zoneFromString, intervalOf, addInterval, diff, newIntervalObj, formatInterval, intervalFromString, zoneTransitions,
  abbreviationsList, identifiersList, DATE_FORMATS,
} from './datetime.js';
import { instantiate } from '../../runtime/classdecl.js';

function at(ts: number | null | undefined, zone: Zone): DT {
  if (ts === null || ts === undefined) return nowDT(zone);
  return fromSse(Number(ts), 0, zone);
}

function strtotime(s: string, now: number | null): number | false {
  const p = parseDate(s);
  if (p.errors.length || s.trim() === '' && s.length === 0) return false;
  const base = at(now, defaultZone());
  const t = resolveParsed(p, base);
  return t.sse;
}

function mktime(gmt: boolean, h: number, i: number | null, s: number | null, mo: number | null, d: number | null, y: number | null): number | false {
  const zone = gmt ? idZone('UTC') : defaultZone();
  const now = nowDT(zone);
  let yy = y ?? now.y;
  if (y !== null && y >= 0 && y < 70) yy = y + 2000;
  else if (y !== null && y >= 70 && y <= 100) yy = y + 1900;
  const t = fromLocal(yy, mo ?? now.m, d ?? now.d, h, i ?? now.i, s ?? now.s, 0, zone);
  return t.sse;
}

function idate(f: string, ts: number | null): number | false {
  if (f.length !== 1) {
    rt.warn('idate(): idate format is one char');
    return false;
  }
  const t = at(ts, defaultZone());
  switch (f) {
    case 'B': return Number(formatDate('B', t));
    case 'd': case 'j': return t.d;
    case 'h': case 'g': return t.h % 12 || 12;
    case 'H': case 'G': return t.h;
    case 'i': return t.i;
    case 'I': return zoneIsDst(t.zone, t.sse) ? 1 : 0;
    case 'L': return isLeap(t.y) ? 1 : 0;
    case 'm': case 'n': return t.m;
    case 'N': return dayOfWeek(t.y, t.m, t.d) || 7;
    case 'o': return isoWeek(t.y, t.m, t.d)[0];
    case 's': return t.s;
    case 't': return daysInMonth(t.y, t.m);
    case 'U': return t.sse;
    case 'w': return dayOfWeek(t.y, t.m, t.d);
    case 'W': return isoWeek(t.y, t.m, t.d)[1];
    case 'y': return t.y % 100;
    case 'Y': return t.y;
    case 'z': return dayOfYear(t.y, t.m, t.d);
    case 'Z': return t.offset;
  }
  rt.warn('idate(): Unrecognized date format token');
  return false;
}

function getdate(ts: number | null): PhpArray {
  const t = at(ts, defaultZone());
  const wd = dayOfWeek(t.y, t.m, t.d);
  return PhpArray.fromEntries([
    ['seconds', t.s], ['minutes', t.i], ['hours', t.h], ['mday', t.d], ['wday', wd], ['mon', t.m], ['year', t.y],
    ['yday', dayOfYear(t.y, t.m, t.d)], ['weekday', DAY_FULL[wd]], ['month', MON_FULL[t.m - 1]], [0, t.sse],
  ] as any);
}

function localtime(ts: number | null, assoc: boolean): PhpArray {
  const t = at(ts, defaultZone());
  const vals = [t.s, t.i, t.h, t.d, t.m - 1, t.y - 1900, dayOfWeek(t.y, t.m, t.d), dayOfYear(t.y, t.m, t.d), zoneIsDst(t.zone, t.sse) ? 1 : 0];
  if (!assoc) return PhpArray.fromList(vals);
  const names = ['tm_sec', 'tm_min', 'tm_hour', 'tm_mday', 'tm_mon', 'tm_year', 'tm_wday', 'tm_yday', 'tm_isdst'];
  return PhpArray.fromEntries(names.map((n, k) => [n, vals[k]]) as any);
}

function strftime(f: string, t: DT): string {
  let out = '';
  const p = (n: number, w = 2, c = '0') => String(n).padStart(w, c);
  for (let k = 0; k < f.length; k++) {
    if (f[k] !== '%' || k + 1 >= f.length) { out += f[k]; continue; }
    const c = f[++k];
    const wd = dayOfWeek(t.y, t.m, t.d);
    switch (c) {
      case 'a': out += DAY_SHORT[wd]; break;
      case 'A': out += DAY_FULL[wd]; break;
      case 'd': out += p(t.d); break;
      case 'e': out += p(t.d, 2, ' '); break;
      case 'j': out += p(dayOfYear(t.y, t.m, t.d) + 1, 3); break;
      case 'u': out += wd || 7; break;
      case 'w': out += wd; break;
      case 'U': out += p(Math.floor((dayOfYear(t.y, t.m, t.d) + 7 - wd) / 7)); break;
      case 'W': out += p(Math.floor((dayOfYear(t.y, t.m, t.d) + 7 - ((wd + 6) % 7)) / 7)); break;
      case 'V': out += p(isoWeek(t.y, t.m, t.d)[1]); break;
      case 'b': case 'h': out += MON_SHORT[t.m - 1]; break;
      case 'B': out += MON_FULL[t.m - 1]; break;
      case 'm': out += p(t.m); break;
      case 'y': out += p(mod(t.y, 100)); break;
      case 'Y': out += t.y; break;
      case 'C': out += p(Math.floor(t.y / 100)); break;
      case 'g': out += p(mod(isoWeek(t.y, t.m, t.d)[0], 100)); break;
      case 'G': out += isoWeek(t.y, t.m, t.d)[0]; break;
      case 'H': out += p(t.h); break;
      case 'k': out += p(t.h, 2, ' '); break;
      case 'I': out += p(t.h % 12 || 12); break;
      case 'l': out += p(t.h % 12 || 12, 2, ' '); break;
      case 'M': out += p(t.i); break;
      case 'p': out += t.h >= 12 ? 'PM' : 'AM'; break;
      case 'P': out += t.h >= 12 ? 'pm' : 'am'; break;
      case 'r': out += strftime('%I:%M:%S %p', t); break;
      case 'R': out += strftime('%H:%M', t); break;
      case 'S': out += p(t.s); break;
      case 'T': out += strftime('%H:%M:%S', t); break;
      case 'X': out += strftime('%H:%M:%S', t); break;
      case 'z': out += formatDate('O', t); break;
      case 'Z': out += zoneAbbr(t.zone, t.sse); break;
      case 'c': out += strftime('%a %b %e %H:%M:%S %Y', t); break;
      case 'D': out += strftime('%m/%d/%y', t); break;
      case 'F': out += strftime('%Y-%m-%d', t); break;
      case 's': out += t.sse; break;
      case 'x': out += strftime('%m/%d/%y', t); break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '%': out += '%'; break;
      default: out += '%' + c;
    }
  }
  return out;
}

function parsedArray(p: Parsed, withZone: boolean): PhpArray {
  const a = new PhpArray();
  const f = (v: number | null) => (v === null ? false : v);
  a.set('year', f(p.y)); a.set('month', f(p.m)); a.set('day', f(p.d));
  a.set('hour', f(p.h)); a.set('minute', f(p.i)); a.set('second', f(p.s));
  a.set('fraction', p.us === null ? false : mkFloat(p.us / 1e6));
  const w = new PhpArray();
  for (const e of p.warnings) w.set(e.pos, e.msg);
  const er = new PhpArray();
  for (const e of p.errors) er.set(e.pos, e.msg);
  a.set('warning_count', p.warnings.length); a.set('warnings', w);
  a.set('error_count', p.errors.length); a.set('errors', er);
  a.set('is_localtime', !!p.zone);
  if (p.zone && withZone) {
    const z = p.zone;
    a.set('zone_type', z.type);
    if (z.type === 1) { a.set('zone', z.offset); a.set('is_dst', false); }
    else if (z.type === 2) { a.set('zone', z.offset - (z.dst ? 3600 : 0)); a.set('is_dst', z.dst); a.set('tz_abbr', z.name); }
    else a.set('tz_id', z.name);
  }
  if (p.haveRelative) {
    const r = p.rel;
    const rel = PhpArray.fromEntries([['year', r.y], ['month', r.m], ['day', r.d], ['hour', r.h], ['minute', r.i], ['second', r.s]] as any);
    if (r.haveWeekdayRel) rel.set('weekday', r.weekday);
    if (r.haveSpecial && r.specialType === 1) rel.set('weekdays', r.specialAmount);
    if (r.firstLast === 1) rel.set('first_day_of_month', true);
    if (r.firstLast === 2) rel.set('last_day_of_month', true);
    a.set('relative', rel);
  }
  return a;
}

function requireDate(o: PhpObject): PhpObject {
  return o;
}

export function registerFunctions(r: Registry): void {
  r.functions({
    'strtotime(string $datetime, ?int $baseTimestamp = null): int|false': (s: string, now: number | null) => strtotime(s, now),
    'date(string $format, ?int $timestamp = null): string': (f: string, ts: number | null) => formatDate(f, at(ts, defaultZone())),
    'gmdate(string $format, ?int $timestamp = null): string': (f: string, ts: number | null) => formatDate(f, at(ts, { type: 3, name: 'UTC', offset: 0, dst: false, gmt: true })),
    'idate(string $format, ?int $timestamp = null): int|false': idate,
    'mktime(int $hour, ?int $minute = null, ?int $second = null, ?int $month = null, ?int $day = null, ?int $year = null): int|false': (...a: any[]) => mktime(false, a[0], a[1], a[2], a[3], a[4], a[5]),
    'gmmktime(int $hour, ?int $minute = null, ?int $second = null, ?int $month = null, ?int $day = null, ?int $year = null): int|false': (...a: any[]) => mktime(true, a[0], a[1], a[2], a[3], a[4], a[5]),
    'checkdate(int $month, int $day, int $year): bool': (m: number, d: number, y: number) => m >= 1 && m <= 12 && d >= 1 && y >= 1 && y <= 32767 && d <= daysInMonth(y, m),
    'strftime(string $format, ?int $timestamp = null): string|false': (f: string, ts: number | null) => {
      rt.deprecated('Function strftime() is deprecated');
      if (f === '') return false;
      return strftime(f, at(ts, defaultZone()));
    },
    'gmstrftime(string $format, ?int $timestamp = null): string|false': (f: string, ts: number | null) => {
      rt.deprecated('Function gmstrftime() is deprecated');
      if (f === '') return false;
      const t = at(ts, idZone('UTC'));
      return strftime(f, fromSse(t.sse, 0, { type: 2, name: 'GMT', offset: 0, dst: false }));
    },
    'localtime(?int $timestamp = null, bool $associative = false): array': localtime,
    'getdate(?int $timestamp = null): array': getdate,
    'date_create(string $datetime = "now", ?DateTimeZone $timezone = null): DateTime|false': (s: string, tz: PhpObject | null) => {
      const o = instantiate(cls('DateTime'));
      return initDate(o, s, tz, null) ? o : false;
    },
    'date_create_immutable(string $datetime = "now", ?DateTimeZone $timezone = null): DateTimeImmutable|false': (s: string, tz: PhpObject | null) => {
      const o = instantiate(cls('DateTimeImmutable'));
      return initDate(o, s, tz, null) ? o : false;
    },
    'date_create_from_format(string $format, string $datetime, ?DateTimeZone $timezone = null): DateTime|false': (f: string, s: string, tz: PhpObject | null) => createFromFormat(cls('DateTime'), f, s, tz),
    'date_create_immutable_from_format(string $format, string $datetime, ?DateTimeZone $timezone = null): DateTimeImmutable|false': (f: string, s: string, tz: PhpObject | null) => createFromFormat(cls('DateTimeImmutable'), f, s, tz),
    'date_parse(string $datetime): array': (s: string) => parsedArray(parseDate(s), true),
    'date_parse_from_format(string $format, string $datetime): array': (f: string, s: string) => parsedArray(parseFromFormat(f, s), true),
    'date_get_last_errors(): array|false': () => lastErrorsArray(),
    'date_format(DateTimeInterface $object, string $format): string': (o: PhpObject, f: string) => formatDate(f, dtOf(o)),
    'date_modify(DateTime $object, string $modifier): DateTime|false': (o: PhpObject, s: string) => (modifyDate(o, s, 'date_modify') ? o : false),
    'date_add(DateTime $object, DateInterval $interval): DateTime': (o: PhpObject, iv: PhpObject) => {
      o.native = { t: addInterval(dtOf(o), intervalOf(iv), 1, iv.native) };
      return o;
    },
    'date_sub(DateTime $object, DateInterval $interval): DateTime': (o: PhpObject, iv: PhpObject) => {
      o.native = { t: addInterval(dtOf(o), intervalOf(iv), -1, iv.native) };
      return o;
    },
    'date_timezone_get(DateTimeInterface $object): DateTimeZone|false': (o: PhpObject) => newZoneObj(dtOf(o).zone),
    'date_timezone_set(DateTime $object, DateTimeZone $timezone): DateTime': (o: PhpObject, tz: PhpObject) => {
      const t = dtOf(o);
      o.native = { t: fromSse(t.sse, t.us, tz.native.z) };
      return o;
    },
    'date_offset_get(DateTimeInterface $object): int': (o: PhpObject) => dtOf(o).offset,
    'date_diff(DateTimeInterface $baseObject, DateTimeInterface $targetObject, bool $absolute = false): DateInterval': (a: PhpObject, b: PhpObject, abs: boolean) => newIntervalObj(diff(dtOf(a), dtOf(b), abs)),
    'date_time_set(DateTime $object, int $hour, int $minute, int $second = 0, int $microsecond = 0): DateTime': (o: PhpObject, h: number, i: number, s: number, us: number) => {
      const t = dtOf(o);
      o.native = { t: fromLocal(t.y, t.m, t.d, h, i, s, us, t.zone) };
      return o;
    },
    'date_date_set(DateTime $object, int $year, int $month, int $day): DateTime': (o: PhpObject, y: number, m: number, d: number) => {
      const t = dtOf(o);
      o.native = { t: fromLocal(y, m, d, t.h, t.i, t.s, t.us, t.zone) };
      return o;
    },
    'date_isodate_set(DateTime $object, int $year, int $week, int $dayOfWeek = 1): DateTime': (o: PhpObject, y: number, w: number, d: number) => {
      (o.cls.findMethod('setisodate')!.fn as any).call(o, y, w, d);
      return o;
    },
    'date_timestamp_set(DateTime $object, int $timestamp): DateTime': (o: PhpObject, ts: number) => {
      o.native = { t: fromSse(ts, 0, dtOf(o).zone) };
      return o;
    },
    'date_timestamp_get(DateTimeInterface $object): int': (o: PhpObject) => dtOf(o).sse,
    'timezone_open(string $timezone): DateTimeZone|false': (s: string) => {
      if (s.includes('\0')) rt.throwError('ValueError', 'timezone_open(): Argument #1 ($timezone) must not contain any null bytes');
      const z = zoneFromString(s);
      if (!z) {
        rt.warn(`timezone_open(): Unknown or bad timezone (${s})`);
        return false;
      }
      return newZoneObj(z);
    },
    'timezone_name_get(DateTimeZone $object): string': (o: PhpObject) => zoneName(o.native.z),
    'timezone_name_from_abbr(string $abbr, int $utcOffset = -1, int $isDST = -1): string|false': (abbr: string, off: number, dst: number) => {
      const a = ABBR_OFFSETS[abbr.toLowerCase()];
      if (a && a[2] && abbr.length > 1) return a[2];
      if (off === -1) return false;
      for (const [, [o2, d2, id]] of Object.entries(ABBR_OFFSETS)) {
        if (id && o2 === off && (dst === -1 || d2 === !!dst)) return id;
      }
      for (const id of allZoneIds()) if (ianaOffset(id, Math.floor(Date.now() / 1000)) === off) return id;
      return false;
    },
    'timezone_offset_get(DateTimeZone $object, DateTimeInterface $datetime): int': (z: PhpObject, d: PhpObject) => {
      const zz = z.native.z as Zone;
      return zz.type === 3 ? ianaOffset(zz.name, dtOf(d).sse) : zz.offset;
    },
    'timezone_transitions_get(DateTimeZone $object, int $timestampBegin = PHP_INT_MIN, int $timestampEnd = PHP_INT_MAX): array|false': (z: PhpObject, a: any, b: any) => zoneTransitions(z.native.z, a, b),
    'timezone_location_get(DateTimeZone $object): array|false': (z: PhpObject) => (z.cls.findMethod('getlocation')!.fn as any).call(z),
    'timezone_identifiers_list(int $timezoneGroup = DateTimeZone::ALL, ?string $countryCode = null): array': (w: number, cc: string | null) => identifiersList(w, cc, 'timezone_identifiers_list'),
    'timezone_abbreviations_list(): array': () => abbreviationsList(),
    'timezone_version_get(): string': () => '2024.1',
    'date_interval_create_from_date_string(string $datetime): DateInterval|false': (s: string) => intervalFromString(s, 'date_interval_create_from_date_string'),
    'date_interval_format(DateInterval $object, string $format): string': (o: PhpObject, f: string) => formatInterval(intervalOf(o), f),
    'date_default_timezone_set(string $timezoneId): bool': (s: string) => {
      const id = /^utc$/i.test(s) ? 'UTC' : findZoneId(s);
      if (!id) {
        rt.notice(`date_default_timezone_set(): Timezone ID '${s}' is invalid`);
        return false;
      }
      state.defaultTz = id;
      return true;
    },
    'date_default_timezone_get(): string': () => state.defaultTz,
  });
  void requireDate; void offsetZone; void newDateObj; void DATE_FORMATS;
}
