// The broken-down time (timelib_time): local fields + the instant + the zone, and the steps that turn a
// parsed string with relative parts into an instant (timelib_fill_holes, timelib_update_ts).

import { Zone, zoneOffset, daysFromCivil, civilFromDays, floorDiv, mod, dayOfWeek, localToUtc, daysInMonth, UTC_ZONE } from './timezone.js';

export const SPECIAL_WEEKDAY = 1, SPECIAL_DOW_IN_MONTH = 2, SPECIAL_LAST_DOW_IN_MONTH = 3;

export interface Rel {
  y: number; m: number; d: number; h: number; i: number; s: number; us: number;
  weekday: number;
  weekdayBehavior: number;
  haveWeekdayRel: boolean;
  /** 1 first day of, 2 last day of */
  firstLast: number;
  specialType: number;
  specialAmount: number;
  haveSpecial: boolean;
}

export function newRel(): Rel {
  return { y: 0, m: 0, d: 0, h: 0, i: 0, s: 0, us: 0, weekday: 0, weekdayBehavior: 0, haveWeekdayRel: false, firstLast: 0, specialType: 0, specialAmount: 0, haveSpecial: false };
}

export interface ParseError {
  pos: number;
  ch: string;
  msg: string;
}

/** What the parser found: unset fields are null. */
export interface Parsed {
  y: number | null; m: number | null; d: number | null;
  h: number | null; i: number | null; s: number | null; us: number | null;
  zone: Zone | null;
  rel: Rel;
  haveRelative: boolean;
  haveTime: boolean;
  haveDate: boolean;
  haveZone: boolean;
  /** "@ts": the result is UTC */
  errors: ParseError[];
  warnings: ParseError[];
}

export function newParsed(): Parsed {
  return { y: null, m: null, d: null, h: null, i: null, s: null, us: null, zone: null, rel: newRel(), haveRelative: false, haveTime: false, haveDate: false, haveZone: false, errors: [], warnings: [] };
}

/** A point in time with its zone and local fields (always consistent). */
export class DT {
  y = 1970; m = 1; d = 1; h = 0; i = 0; s = 0;
  us = 0;
  sse = 0;
  zone: Zone = UTC_ZONE;

  clone(): DT {
    const t = new DT();
    t.y = this.y; t.m = this.m; t.d = this.d; t.h = this.h; t.i = this.i; t.s = this.s; t.us = this.us; t.sse = this.sse; t.zone = this.zone;
    return t;
  }
  get offset(): number {
    return zoneOffset(this.zone, this.sse);
  }
}

export function fromSse(sse: number, us: number, zone: Zone): DT {
  const t = new DT();
  t.zone = zone;
  t.sse = sse;
  t.us = us;
  const local = sse + zoneOffset(zone, sse);
  const days = floorDiv(local, 86400);
  const secs = local - days * 86400;
  [t.y, t.m, t.d] = civilFromDays(days);
  t.h = Math.floor(secs / 3600);
  t.i = Math.floor((secs % 3600) / 60);
  t.s = secs % 60;
  return t;
}

/** Local wall fields (any range) in `zone` → DT. */
export function fromLocal(y: number, m: number, d: number, h: number, i: number, s: number, us: number, zone: Zone): DT {
  const n = normalize(y, m, d, h, i, s, us);
  const local = daysFromCivil(n[0], n[1], n[2]) * 86400 + n[3] * 3600 + n[4] * 60 + n[5];
  return fromSse(localToUtc(zone, local), n[6], zone);
}

/** timelib_do_normalize: carries us→s→i→h→d and m→y, then days into months. */
export function normalize(y: number, m: number, d: number, h: number, i: number, s: number, us: number): number[] {
  s += floorDiv(us, 1000000); us = mod(us, 1000000);
  i += floorDiv(s, 60); s = mod(s, 60);
  h += floorDiv(i, 60); i = mod(i, 60);
  d += floorDiv(h, 24); h = mod(h, 24);
  y += floorDiv(m - 1, 12); m = mod(m - 1, 12) + 1;
  const [yy, mm, dd] = civilFromDays(daysFromCivil(y, m, 1) + d - 1);
  return [yy, mm, dd, h, i, s, us];
}

/** Working fields during update (timelib_time before timelib_update_ts). */
export interface Fields {
  y: number; m: number; d: number; h: number; i: number; s: number; us: number;
}

function norm(f: Fields): void {
  const n = normalize(f.y, f.m, f.d, f.h, f.i, f.s, f.us);
  f.y = n[0]; f.m = n[1]; f.d = n[2]; f.h = n[3]; f.i = n[4]; f.s = n[5]; f.us = n[6];
}

function adjustForWeekday(f: Fields, rel: Rel): void {
  const dow = dayOfWeek(f.y, f.m, f.d);
  let wd = rel.weekday;
  if (rel.weekdayBehavior === 2) {
    if (dow === 0 && wd !== 0) wd -= 7;
    if (wd === 0 && dow !== 0) wd = 7;
    f.d -= dow;
    f.d += wd;
    return;
  }
  let diff = wd - dow;
  if ((rel.d < 0 && diff < 0) || (rel.d >= 0 && diff <= -rel.weekdayBehavior)) diff += 7;
  if (wd >= 0) f.d += diff;
  else f.d -= 7 - (Math.abs(wd) - dow);
}

function adjustSpecialWeekday(f: Fields, rel: Rel): void {
  let count = rel.specialAmount;
  let dow = dayOfWeek(f.y, f.m, f.d);
  if (count === 0) {
    if (dow === 6) f.d += 2;
    else if (dow === 0) f.d += 1;
    return;
  }
  if (count > 0) {
    // from a weekend day, the first weekday counts as the next one
    if (dow === 6) { f.d += 1; dow = 0; }
    if (dow === 0) { f.d += 0; }
    const rem = count % 5;
    f.d += Math.floor(count / 5) * 7;
    let d2 = dow;
    let r = rem;
    while (r > 0) {
      f.d++;
      d2 = (d2 + 1) % 7;
      if (d2 !== 0 && d2 !== 6) r--;
    }
    if (rem === 0 && (d2 === 0 || d2 === 6)) {
      // landed on a weekend after whole weeks: move back to Friday
      f.d -= d2 === 6 ? 1 : 2;
    }
  } else {
    count = -count;
    if (dow === 0) { f.d -= 1; dow = 6; }
    const rem = count % 5;
    f.d -= Math.floor(count / 5) * 7;
    let d2 = dow;
    let r = rem;
    while (r > 0) {
      f.d--;
      d2 = (d2 + 6) % 7;
      if (d2 !== 0 && d2 !== 6) r--;
    }
    if (rem === 0 && (d2 === 0 || d2 === 6)) f.d += d2 === 6 ? 2 : 1;
  }
}

/** timelib_update_ts: applies the relative parts to the fields, then finds the instant in `zone`. */
export function updateTs(f: Fields, rel: Rel, haveRelative: boolean, zone: Zone): DT {
  if (rel.haveSpecial) {
    if (rel.specialType === SPECIAL_DOW_IN_MONTH) { f.d = 1; f.m += rel.m; rel.m = 0; }
    else if (rel.specialType === SPECIAL_LAST_DOW_IN_MONTH) { f.d = 1; f.m += rel.m + 1; rel.m = 0; }
  }
  norm(f);
  if (rel.haveWeekdayRel) adjustForWeekday(f, rel);
  norm(f);
  if (haveRelative) {
    f.d += rel.d; f.m += rel.m; f.y += rel.y;
  }
  if (rel.firstLast === 1) f.d = 1;
  else if (rel.firstLast === 2) { f.d = 0; f.m++; }
  norm(f);
  if (rel.haveSpecial && rel.specialType === SPECIAL_WEEKDAY) {
    adjustSpecialWeekday(f, rel);
    norm(f);
  }
  const t = fromLocal(f.y, f.m, f.d, f.h, f.i, f.s, f.us, zone);
  if (haveRelative && (rel.h || rel.i || rel.s || rel.us)) {
    // hours, minutes and seconds are elapsed time (they cross DST changes as durations)
    const us = t.us + rel.us;
    return fromSse(t.sse + rel.h * 3600 + rel.i * 60 + rel.s + floorDiv(us, 1000000), mod(us, 1000000), zone);
  }
  return t;
}

export { daysInMonth };
