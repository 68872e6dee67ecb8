// The free-form date/time parser (timelib's parse_date.re): absolute dates and times, time zones and
// relative expressions ("next monday", "+1 week 2 days", "last day of next month", "@1234567890").
// The string is cut into tokens (numbers, words, punctuation, spaces), then formats are recognised
// from each position, as timelib's scanner does.

import { Parsed, newParsed, SPECIAL_WEEKDAY, SPECIAL_DOW_IN_MONTH, SPECIAL_LAST_DOW_IN_MONTH } from './time.js';
import { ABBR_OFFSETS, findZoneId, idZone, abbrZone, offsetZone, Zone } from './timezone.js';

interface Tok {
  t: 'n' | 'w' | 'p' | 's';
  v: string;
  pos: number;
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let k = 0;
  while (k < s.length) {
    const c = s.charCodeAt(k);
    const start = k;
    if (c >= 48 && c <= 57) {
      while (k < s.length && /[0-9]/.test(s[k])) k++;
      out.push({ t: 'n', v: s.slice(start, k), pos: start });
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      while (k < s.length && /[A-Za-z]/.test(s[k])) k++;
      // zone identifiers: Europe/Amsterdam, America/Port-au-Prince, Etc/GMT+5
      if (s[k] === '/' && /[A-Za-z]/.test(s[k + 1] ?? '')) {
        while (k < s.length && /[A-Za-z0-9_\/+\-]/.test(s[k])) k++;
      } else if (s[k] === '_') {
        while (k < s.length && /[A-Za-z_]/.test(s[k])) k++;
      }
      out.push({ t: 'w', v: s.slice(start, k), pos: start });
    } else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) {
      while (k < s.length && /[ \t\n\r\v\f]/.test(s[k])) k++;
      out.push({ t: 's', v: ' ', pos: start });
    } else {
      out.push({ t: 'p', v: s[k], pos: start });
      k++;
    }
  }
  return out;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12,
};
const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']);
const DAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednes: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6,
};
const RELTEXT: Record<string, [number, number]> = {
  last: [-1, 0], previous: [-1, 0], this: [0, 1], next: [1, 0], first: [1, 0], second: [2, 0], third: [3, 0], fourth: [4, 0], fifth: [5, 0],
  sixth: [6, 0], seventh: [7, 0], eight: [8, 0], eighth: [8, 0], ninth: [9, 0], tenth: [10, 0], eleventh: [11, 0], twelfth: [12, 0],
};
type Unit = ['us' | 's' | 'i' | 'h' | 'd' | 'm' | 'y' | 'wd' | 'weekday', number];
const UNITS: Record<string, Unit> = {
  ms: ['us', 1000], msec: ['us', 1000], msecs: ['us', 1000], millisecond: ['us', 1000], milliseconds: ['us', 1000],
  usec: ['us', 1], usecs: ['us', 1], microsecond: ['us', 1], microseconds: ['us', 1], 'µs': ['us', 1], 'µsec': ['us', 1],
  sec: ['s', 1], secs: ['s', 1], second: ['s', 1], seconds: ['s', 1],
  min: ['i', 1], mins: ['i', 1], minute: ['i', 1], minutes: ['i', 1],
  hour: ['h', 1], hours: ['h', 1], day: ['d', 1], days: ['d', 1], week: ['d', 7], weeks: ['d', 7],
  fortnight: ['d', 14], fortnights: ['d', 14], forthnight: ['d', 14], forthnights: ['d', 14],
  month: ['m', 1], months: ['m', 1], year: ['y', 1], years: ['y', 1],
  weekday: ['weekday', 1], weekdays: ['weekday', 1],
};
function unitOf(w: string): Unit | null {
  const lw = w.toLowerCase();
  if (UNITS[lw]) return UNITS[lw];
  if (lw in DAYS) return ['wd', DAYS[lw]];
  return null;
}

export class DateParser {
  toks: Tok[];
  k = 0;
  r: Parsed = newParsed();
  lastTime = false;

  constructor(public src: string) {
    this.toks = tokenize(src);
  }

  peek(o = 0): Tok | undefined {
    return this.toks[this.k + o];
  }
  /** the token at offset o, skipping one optional space */
  isP(o: number, ch: string): boolean {
    const t = this.toks[this.k + o];
    return !!t && t.t === 'p' && t.v === ch;
  }
  err(pos: number, msg: string): void {
    this.r.errors.push({ pos, ch: this.src[pos] ?? '', msg });
  }
  warn(pos: number, msg: string): void {
    this.r.warnings.push({ pos, ch: this.src[pos] ?? '', msg });
  }

  haveTime(pos: number): boolean {
    if (this.r.haveTime) {
      this.err(pos, 'Double time specification');
      return false;
    }
    this.r.haveTime = true;
    this.r.h = this.r.i = this.r.s = this.r.us = 0;
    return true;
  }
  unhaveTime(): void {
    this.r.haveTime = false;
    this.r.h = this.r.i = this.r.s = this.r.us = 0;
  }
  haveDate(pos: number): boolean {
    if (this.r.haveDate) {
      this.err(pos, 'Double date specification');
      return false;
    }
    this.r.haveDate = true;
    return true;
  }
  setZone(z: Zone, pos: number): void {
    if (this.r.haveZone) {
      this.err(pos, 'Double timezone specification');
      return;
    }
    this.r.haveZone = true;
    this.r.zone = z;
  }

  parse(): Parsed {
    const toks = this.toks;
    while (this.k < toks.length) {
      const t = toks[this.k];
      if (t.t === 's' || (t.t === 'p' && (t.v === ',' || t.v === '\0'))) {
        this.k++;
        continue;
      }
      const before = this.k;
      const wasTime = this.lastTime;
      this.lastTime = false;
      if (!this.step(t, wasTime)) {
        if (this.k === before) {
          if (t.t === 'w') this.err(t.pos, 'The timezone could not be found in the database');
          else this.err(t.pos, 'Unexpected character');
          this.k++;
        }
      }
    }
    return this.r;
  }

  /** tries the formats that may start at token t */
  step(t: Tok, afterTime: boolean): boolean {
    if (t.t === 'p') return this.punct(t, afterTime);
    if (t.t === 'n') return this.number(t);
    return this.word(t, afterTime);
  }

  punct(t: Tok, afterTime: boolean): boolean {
    const r = this.r;
    if (t.v === '@') {
      let k = this.k + 1;
      let sign = 1;
      if (this.toks[k]?.t === 'p' && (this.toks[k].v === '-' || this.toks[k].v === '+')) {
        sign = this.toks[k].v === '-' ? -1 : 1;
        k++;
      }
      const n = this.toks[k];
      if (!n || n.t !== 'n') return false;
      k++;
      let us = 0;
      if (this.toks[k]?.t === 'p' && this.toks[k].v === '.' && this.toks[k + 1]?.t === 'n') {
        us = Math.round(Number('0.' + this.toks[k + 1].v.slice(0, 6)) * 1e6);
        k += 2;
      }
      this.haveDate(t.pos);
      this.haveTime(t.pos);
      r.haveRelative = true;
      r.y = 1970; r.m = 1; r.d = 1; r.h = r.i = r.s = 0; r.us = 0;
      r.rel.s += sign * Number(n.v);
      r.rel.us += sign * us;
      this.setZone(offsetZone(0), t.pos);
      this.k = k;
      return true;
    }
    if (t.v === '+' || t.v === '-') {
      const sign = t.v === '-' ? -1 : 1;
      let k = this.k + 1;
      // repeated signs
      let sg = sign;
      while (this.toks[k]?.t === 'p' && (this.toks[k].v === '+' || this.toks[k].v === '-')) {
        if (this.toks[k].v === '-') sg = -sg;
        k++;
      }
      if (this.toks[k]?.t === 's' && this.toks[k + 1]?.t === 'n') k++;
      const n = this.toks[k];
      if (n?.t === 'n') {
        // relative: +1 day, -2 weeks
        let k2 = k + 1;
        if (this.toks[k2]?.t === 's') k2++;
        const u = this.toks[k2];
        if (u?.t === 'w' && unitOf(u.v)) {
          this.k = k2;
          this.relUnit(sg * Number(n.v), 0, true);
          return true;
        }
        // a UTC offset: +0100, +01:00, +1
        if (afterTime || this.r.haveTime || this.r.haveDate || true) {
          const z = this.offsetAt(k, sign);
          if (z) {
            this.setZone(z[0], t.pos);
            this.k = z[1];
            return true;
          }
        }
      }
      return false;
    }
    if (t.v === '(' || t.v === ')') {
      this.k++;
      return true;
    }
    if (t.v === '.' && this.toks[this.k + 1]?.t !== 'n') {
      this.k++;
      return true;
    }
    return false;
  }

  /** hh, hhmm, hh:mm, hh:mm:ss offsets starting at number token k; returns [zone, next k] */
  offsetAt(k: number, sign: number): [Zone, number] | null {
    const n = this.toks[k];
    if (!n || n.t !== 'n') return null;
    let h = 0, m = 0, s = 0;
    let next = k + 1;
    if (this.toks[k + 1]?.t === 'p' && this.toks[k + 1].v === ':' && this.toks[k + 2]?.t === 'n') {
      h = Number(n.v);
      m = Number(this.toks[k + 2].v);
      next = k + 3;
      if (this.toks[next]?.t === 'p' && this.toks[next].v === ':' && this.toks[next + 1]?.t === 'n') {
        s = Number(this.toks[next + 1].v);
        next += 2;
      }
    } else if (n.v.length <= 2) {
      h = Number(n.v);
    } else if (n.v.length === 3) {
      h = Number(n.v.slice(0, 1));
      m = Number(n.v.slice(1));
    } else if (n.v.length === 4) {
      h = Number(n.v.slice(0, 2));
      m = Number(n.v.slice(2));
    } else if (n.v.length === 6) {
      h = Number(n.v.slice(0, 2));
      m = Number(n.v.slice(2, 4));
      s = Number(n.v.slice(4));
    } else return null;
    return [offsetZone(sign * (h * 3600 + m * 60 + s)), next];
  }

  /** amount + unit at the current token (a word) */
  relUnit(amount: number, behavior: number, keepTime: boolean): boolean {
    const u = this.toks[this.k];
    const unit = unitOf(u.v)!;
    const rel = this.r.rel;
    this.r.haveRelative = true;
    this.k++;
    switch (unit[0]) {
      case 'us': rel.us += amount * unit[1]; break;
      case 's': rel.s += amount * unit[1]; break;
      case 'i': rel.i += amount * unit[1]; break;
      case 'h': rel.h += amount * unit[1]; break;
      case 'd': rel.d += amount * unit[1]; break;
      case 'm': rel.m += amount * unit[1]; break;
      case 'y': rel.y += amount * unit[1]; break;
      case 'wd':
        rel.haveWeekdayRel = true;
        if (!keepTime) this.unhaveTime();
        rel.d += (amount > 0 ? amount - 1 : amount) * 7;
        rel.weekday = unit[1];
        rel.weekdayBehavior = behavior;
        break;
      case 'weekday':
        rel.haveSpecial = true;
        if (!keepTime) this.unhaveTime();
        rel.specialType = SPECIAL_WEEKDAY;
        rel.specialAmount += amount;
        break;
    }
    return true;
  }

  nextNonSpace(k: number): number {
    while (this.toks[k]?.t === 's') k++;
    return k;
  }

  /** hh:mm[:ss[.frac]] [am|pm] starting at number token k */
  time(k: number): boolean {
    const toks = this.toks;
    const h = toks[k];
    if (!(toks[k + 1]?.t === 'p' && (toks[k + 1].v === ':' || toks[k + 1].v === '.') && toks[k + 2]?.t === 'n' && toks[k + 2].v.length <= 2)) return false;
    if (toks[k + 1].v === '.' && toks[k + 2].v.length !== 2) return false;
    if (h.v.length > 2) return false;
    const sep = toks[k + 1].v;
    let hh = Number(h.v), mm = Number(toks[k + 2].v), ss = 0, us = 0;
    let next = k + 3;
    if (toks[next]?.t === 'p' && toks[next].v === sep && toks[next + 1]?.t === 'n' && toks[next + 1].v.length <= 2) {
      ss = Number(toks[next + 1].v);
      next += 2;
      if (toks[next]?.t === 'p' && (toks[next].v === '.' || toks[next].v === ',' || toks[next].v === ':') && toks[next + 1]?.t === 'n') {
        us = Math.round(Number('0.' + toks[next + 1].v.slice(0, 6).padEnd(6, '0')) * 1e6);
        next += 2;
      }
    } else if (sep === '.' && hh > 12 && false) {
      return false;
    }
    // am/pm
    const a = this.meridian(next);
    if (a) {
      if (hh < 1 || hh > 12) return false;
      hh = (hh % 12) + (a[0] === 'p' ? 12 : 0);
      next = a[1];
    } else if (hh > 24 || mm > 59 || ss > 60) {
      return false;
    }
    if (!this.haveTime(h.pos)) {
      this.k = next;
      return true;
    }
    this.r.h = hh; this.r.i = mm; this.r.s = ss; this.r.us = us;
    this.k = next;
    this.lastTime = true;
    return true;
  }

  /** am/pm (a.m., p.m.) at k, possibly after a space */
  meridian(k: number): [string, number] | null {
    const toks = this.toks;
    let j = k;
    if (toks[j]?.t === 's') j++;
    const w = toks[j];
    if (!w || w.t !== 'w') return null;
    const lw = w.v.toLowerCase();
    if (lw === 'am' || lw === 'pm') return [lw[0], j + 1];
    if ((lw === 'a' || lw === 'p') && toks[j + 1]?.v === '.' && toks[j + 2]?.t === 'w' && toks[j + 2].v.toLowerCase() === 'm') {
      return [lw, toks[j + 3]?.v === '.' ? j + 4 : j + 3];
    }
    return null;
  }

  setDate(pos: number, y: number | null, m: number | null, d: number | null, yLen = 4): void {
    if (!this.haveDate(pos)) return;
    if (y !== null) this.r.y = yLen <= 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
    if (m !== null) this.r.m = m;
    if (d !== null) this.r.d = d;
  }

  number(t: Tok): boolean {
    const toks = this.toks;
    const k = this.k;
    const p1 = toks[k + 1], n2 = toks[k + 2], p3 = toks[k + 3], n4 = toks[k + 4];
    const isP = (x: Tok | undefined, c: string) => !!x && x.t === 'p' && x.v === c;
    const isN = (x: Tok | undefined) => !!x && x.t === 'n';
    const L = t.v.length;

    // times
    if (L <= 2 && this.time(k)) return true;
    // ISO 8601 / GNU dates: yyyy-mm-dd, yyyy-mm, yyyy/mm/dd
    if (L === 4 && (isP(p1, '-') || isP(p1, '/')) && isN(n2) && n2!.v.length <= 2) {
      const sep = p1!.v;
      if (isP(p3, sep) && isN(n4) && n4!.v.length <= 2) {
        this.setDate(t.pos, Number(t.v), Number(n2!.v), Number(n4!.v));
        this.k = k + 5;
        this.afterDateT();
        return true;
      }
      if (sep === '-') {
        this.setDate(t.pos, Number(t.v), Number(n2!.v), 1);
        this.k = k + 3;
        return true;
      }
    }
    // ISO week: 2008W27, 2008-W27-3, 2008W273
    if (L === 4 || L === 8 || L === 7) {
      let j = k + 1;
      if (isP(toks[j], '-')) j++;
      const w = toks[j];
      if (L === 4 && w?.t === 'w' && w.v.toLowerCase() === 'w' && isN(toks[j + 1])) {
        const wn = toks[j + 1].v;
        let week = Number(wn.slice(0, 2)), day = 1;
        let next = j + 2;
        if (wn.length === 3) day = Number(wn[2]);
        else if (isP(toks[next], '-') && isN(toks[next + 1])) { day = Number(toks[next + 1].v); next += 2; }
        if (!this.haveDate(t.pos)) { this.k = next; return true; }
        // as timelib: the date is Jan 1 plus relative days
        const y = Number(t.v);
        this.r.y = y; this.r.m = 1; this.r.d = 1;
        const jan1 = isoDayOffset(y, week, day);
        this.r.rel.d += jan1;
        this.r.haveRelative = true;
        this.k = next;
        return true;
      }
    }
    // american: mm/dd[/yy[yy]]
    if (L <= 2 && isP(p1, '/') && isN(n2) && n2!.v.length <= 2) {
      if (isP(p3, '/') && isN(n4)) {
        this.setDate(t.pos, Number(n4!.v), Number(t.v), Number(n2!.v), n4!.v.length);
        this.k = k + 5;
      } else {
        this.setDate(t.pos, null, Number(t.v), Number(n2!.v));
        this.k = k + 3;
      }
      return true;
    }
    // dd-mm-yyyy, dd.mm.yyyy, dd.mm.yy, yy-mm-dd
    if (L <= 2 && (isP(p1, '-') || isP(p1, '.')) && isN(n2) && n2!.v.length <= 2 && isP(p3, p1!.v) && isN(n4)) {
      if (n4!.v.length === 4) {
        this.setDate(t.pos, Number(n4!.v), Number(n2!.v), Number(t.v));
        this.k = k + 5;
        this.afterDateT();
        return true;
      }
      if (n4!.v.length === 2) {
        if (p1!.v === '.') this.setDate(t.pos, Number(n4!.v), Number(n2!.v), Number(t.v), 2);
        else this.setDate(t.pos, Number(t.v), Number(n2!.v), Number(n4!.v), 2);
        this.k = k + 5;
        this.afterDateT();
        return true;
      }
    }
    // day [suffix] [-./ ] month [-./ ] [year]
    {
      let j = k + 1;
      if (toks[j]?.t === 'w' && /^(st|nd|rd|th)$/i.test(toks[j].v) && L <= 2) j++;
      if (toks[j]?.t === 's' || isP(toks[j], '-') || isP(toks[j], '.') || isP(toks[j], '/')) j++;
      const mw = toks[j];
      if (L <= 2 && mw?.t === 'w' && MONTHS[mw.v.toLowerCase()] && !(ROMAN.has(mw.v.toLowerCase()) && toks[j - 1]?.t === 's')) {
        let next = j + 1;
        let y: number | null = null;
        let yl = 4;
        let jj = next;
        if (toks[jj]?.t === 's' || isP(toks[jj], '-') || isP(toks[jj], '.') || isP(toks[jj], '/') || isP(toks[jj], ',')) jj++;
        if (toks[jj]?.t === 's') jj++;
        if (isN(toks[jj]) && toks[jj].v.length === 4 && !(isP(toks[jj + 1], ':'))) {
          y = Number(toks[jj].v);
          next = jj + 1;
        } else if (isN(toks[jj]) && toks[jj].v.length <= 2 && !isP(toks[jj + 1], ':') && !isP(toks[jj + 1], '.') && jj !== next) {
          y = Number(toks[jj].v);
          yl = 2;
          next = jj + 1;
        }
        this.setDate(t.pos, y, MONTHS[mw.v.toLowerCase()], Number(t.v), yl);
        this.k = next;
        return true;
      }
    }
    // number + unit: "3 days", "2weeks"
    {
      let j = k + 1;
      if (toks[j]?.t === 's') j++;
      const u = toks[j];
      if (u?.t === 'w' && unitOf(u.v) && !(L <= 2 && this.meridian(k + 1))) {
        this.k = j;
        this.relUnit(Number(t.v), 0, true);
        return true;
      }
    }
    // hour + am/pm
    if (L <= 2) {
      const a = this.meridian(k + 1);
      if (a) {
        let hh = Number(t.v);
        if (hh < 1 || hh > 12) return false;
        hh = (hh % 12) + (a[0] === 'p' ? 12 : 0);
        this.k = a[1];
        if (this.haveTime(t.pos)) this.r.h = hh;
        this.lastTime = true;
        return true;
      }
    }
    // pgydotd: yyyy.ddd / yyyy-ddd
    if (L === 4 && (isP(p1, '.') || isP(p1, '-')) && isN(n2) && n2!.v.length === 3) {
      if (this.haveDate(t.pos)) {
        this.r.y = Number(t.v); this.r.m = 1; this.r.d = Number(n2!.v);
      }
      this.k = k + 3;
      return true;
    }
    // compact forms
    if (L === 8 || L === 14 || (L === 12)) {
      // yyyymmdd[hhmmss]
      if (!this.haveDate(t.pos)) { this.k++; return true; }
      this.r.y = Number(t.v.slice(0, 4)); this.r.m = Number(t.v.slice(4, 6)); this.r.d = Number(t.v.slice(6, 8));
      this.k++;
      if (L >= 12) {
        if (this.haveTime(t.pos)) {
          this.r.h = Number(t.v.slice(8, 10)); this.r.i = Number(t.v.slice(10, 12)); this.r.s = L === 14 ? Number(t.v.slice(12, 14)) : 0;
        }
      } else this.afterDateT();
      return true;
    }
    if (L === 4) {
      const j = this.nextNonSpace(k + 1);
      const mw = toks[j];
      if (mw?.t === 'w' && MONTHS[mw.v.toLowerCase()] && !ROMAN.has(mw.v.toLowerCase()) && !isN(toks[this.nextNonSpace(j + 1)])) {
        // "2001 Oct"
        this.setDate(t.pos, Number(t.v), MONTHS[mw.v.toLowerCase()], 1);
        this.k = j + 1;
        return true;
      }
      // a year after a month/day, else hhmm
      if (this.r.haveTime || (this.r.haveDate && this.r.y === null)) {
        this.r.y = Number(t.v);
        this.k++;
        return true;
      }
      const hh = Number(t.v.slice(0, 2)), mm = Number(t.v.slice(2));
      if (hh <= 24 && mm <= 59) {
        this.haveTime(t.pos);
        this.r.h = hh; this.r.i = mm;
        this.k++;
        this.lastTime = true;
        return true;
      }
      this.r.y = Number(t.v);
      this.k++;
      return true;
    }
    if (L === 6 && !this.r.haveTime) {
      // hhmmss
      this.haveTime(t.pos);
      this.r.h = Number(t.v.slice(0, 2)); this.r.i = Number(t.v.slice(2, 4)); this.r.s = Number(t.v.slice(4));
      this.k++;
      this.lastTime = true;
      return true;
    }
    if (L === 5 && !this.r.haveDate) {
      // yyddd? treat as year + day of year
      return false;
    }
    if (L >= 5 && this.r.haveDate && this.r.y === null) {
      this.r.y = Number(t.v);
      this.k++;
      return true;
    }
    return false;
  }

  /** after a date: 'T' and a time */
  afterDateT(): void {
    const w = this.toks[this.k];
    if (w?.t === 'w' && w.v.toLowerCase() === 't' && this.toks[this.k + 1]?.t === 'n') {
      this.k++;
      const n = this.toks[this.k];
      if (!this.time(this.k)) {
        if (n.v.length === 4 || n.v.length === 6) {
          if (this.haveTime(n.pos)) {
            this.r.h = Number(n.v.slice(0, 2)); this.r.i = Number(n.v.slice(2, 4)); this.r.s = n.v.length === 6 ? Number(n.v.slice(4)) : 0;
          }
          this.k++;
          this.lastTime = true;
        } else if (n.v.length <= 2) {
          if (this.haveTime(n.pos)) this.r.h = Number(n.v);
          this.k++;
        }
      }
    }
  }

  word(t: Tok, afterTime: boolean): boolean {
    const lw = t.v.toLowerCase();
    const r = this.r;
    const toks = this.toks;
    const k = this.k;
    switch (lw) {
      case 'now':
        this.k++;
        return true;
      case 'today':
      case 'midnight':
        this.unhaveTime();
        this.k++;
        return true;
      case 'noon':
        this.unhaveTime();
        this.haveTime(t.pos);
        r.h = 12;
        this.k++;
        return true;
      case 'tomorrow':
      case 'yesterday':
        r.haveRelative = true;
        this.unhaveTime();
        r.rel.d = lw === 'tomorrow' ? 1 : -1;
        this.k++;
        return true;
      case 'ago': {
        const rel = r.rel;
        rel.y = -rel.y; rel.m = -rel.m; rel.d = -rel.d; rel.h = -rel.h; rel.i = -rel.i; rel.s = -rel.s; rel.us = -rel.us;
        rel.weekday = -rel.weekday;
        if (rel.weekday === 0) rel.weekday = -7;
        if (rel.haveSpecial && rel.specialType === SPECIAL_WEEKDAY) rel.specialAmount = -rel.specialAmount;
        this.k++;
        return true;
      }
      case 't':
        if (toks[k + 1]?.t === 'n') {
          this.k++;
          const n = toks[this.k];
          if (this.time(this.k)) return true;
          if (n.v.length === 4 || n.v.length === 6) {
            if (this.haveTime(n.pos)) {
              r.h = Number(n.v.slice(0, 2)); r.i = Number(n.v.slice(2, 4)); r.s = n.v.length === 6 ? Number(n.v.slice(4)) : 0;
            }
            this.k++;
            return true;
          }
          this.k--;
        }
        break;
      case 'back':
      case 'front': {
        // back of 7pm = 19:15, front of 7pm = 18:45
        let j = this.nextNonSpace(k + 1);
        if (toks[j]?.v.toLowerCase() === 'of') {
          j = this.nextNonSpace(j + 1);
          const n = toks[j];
          if (n?.t === 'n') {
            let hh = Number(n.v);
            const a = this.meridian(j + 1);
            let next = j + 1;
            if (a) { hh = (hh % 12) + (a[0] === 'p' ? 12 : 0); next = a[1]; }
            this.unhaveTime();
            this.haveTime(t.pos);
            if (lw === 'back') { r.h = hh; r.i = 15; } else { r.h = hh - 1; r.i = 45; }
            this.k = next;
            return true;
          }
        }
        break;
      }
    }
    // first/last day of
    if (lw === 'first' || lw === 'last') {
      const j = this.nextNonSpace(k + 1);
      if (toks[j]?.t === 'w' && toks[j].v.toLowerCase() === 'day') {
        const j2 = this.nextNonSpace(j + 1);
        if (toks[j2]?.t === 'w' && toks[j2].v.toLowerCase() === 'of') {
          r.haveRelative = true;
          r.rel.firstLast = lw === 'first' ? 1 : 2;
          this.k = j2 + 1;
          return true;
        }
      }
    }
    // relative text: next week, last monday, first monday of, this week
    if (RELTEXT[lw]) {
      const j = this.nextNonSpace(k + 1);
      const u = toks[j];
      if (u?.t === 'w' && unitOf(u.v)) {
        const [amount, behavior] = RELTEXT[lw];
        const unit = unitOf(u.v)!;
        // weekday "of": first monday of
        if (unit[0] === 'wd') {
          const j2 = this.nextNonSpace(j + 1);
          if (toks[j2]?.t === 'w' && toks[j2].v.toLowerCase() === 'of') {
            r.haveRelative = true;
            this.k = j;
            if (amount > 0) {
              r.rel.haveSpecial = true;
              r.rel.specialType = SPECIAL_DOW_IN_MONTH;
              this.relUnit(amount, 1, false);
            } else {
              r.rel.haveSpecial = true;
              r.rel.specialType = SPECIAL_LAST_DOW_IN_MONTH;
              this.relUnit(amount, behavior, false);
            }
            this.k = j2 + 1;
            return true;
          }
        }
        this.k = j;
        if (u.v.toLowerCase() === 'week' || u.v.toLowerCase() === 'weeks') {
          r.haveRelative = true;
          r.rel.d += amount * 7;
          r.rel.weekdayBehavior = 2;
          if (!r.rel.haveWeekdayRel) {
            r.rel.haveWeekdayRel = true;
            r.rel.weekday = 1;
          }
          this.k = j + 1;
          return true;
        }
        this.relUnit(amount, behavior, false);
        return true;
      }
    }
    // weekday names
    if (lw in DAYS) {
      r.haveRelative = true;
      r.rel.haveWeekdayRel = true;
      this.unhaveTime();
      r.rel.weekday = DAYS[lw];
      if (r.rel.weekdayBehavior !== 2) r.rel.weekdayBehavior = 1;
      this.k++;
      if (toks[this.k]?.v === '.' ) this.k++;
      return true;
    }
    // month names: "January 1, 2008", "Jan 2008", "January"
    if (MONTHS[lw] && !(ROMAN.has(lw) && lw !== 'x' && false)) {
      if (ROMAN.has(lw) && !this.looksLikeDateAround(k)) {
        // single letters are zone abbreviations
        if (lw.length === 1) return this.zoneWord(t);
      }
      const m = MONTHS[lw];
      let j = k + 1;
      if (toks[j]?.t === 's' || toks[j]?.v === '-' || toks[j]?.v === '.' || toks[j]?.v === '/') j++;
      if (toks[j]?.t === 's') j++;
      const n = toks[j];
      if (n?.t === 'n' && !(toks[j + 1]?.v === ':') && n.v.length <= 2) {
        let d = Number(n.v);
        let next = j + 1;
        if (toks[next]?.t === 'w' && /^(st|nd|rd|th)$/i.test(toks[next].v)) next++;
        let y: number | null = null;
        let jj = next;
        if (toks[jj]?.v === ',' || toks[jj]?.v === '-' || toks[jj]?.v === '.' || toks[jj]?.v === '/') jj++;
        if (toks[jj]?.t === 's') jj++;
        if (toks[jj]?.t === 'n' && toks[jj].v.length === 4 && toks[jj + 1]?.v !== ':') {
          y = Number(toks[jj].v);
          next = jj + 1;
        }
        this.setDate(t.pos, y, m, d);
        this.k = next;
        return true;
      }
      if (n?.t === 'n' && n.v.length === 4 && toks[j + 1]?.v !== ':') {
        this.setDate(t.pos, Number(n.v), m, 1);
        this.k = j + 1;
        return true;
      }
      if (!this.haveDate(t.pos)) { this.k++; return true; }
      r.m = m;
      this.k++;
      return true;
    }
    return this.zoneWord(t);
  }

  looksLikeDateAround(k: number): boolean {
    const prev = this.toks[k - 1], next = this.toks[k + 1];
    return (!!prev && (prev.v === '-' || prev.v === '.' || prev.v === '/')) || (!!next && (next.v === '-' || next.v === '.' || next.v === '/'));
  }

  zoneWord(t: Tok): boolean {
    const lw = t.v.toLowerCase();
    const toks = this.toks;
    // GMT+1, UTC-05:00
    if ((lw === 'gmt' || lw === 'utc') && (toks[this.k + 1]?.v === '+' || toks[this.k + 1]?.v === '-')) {
      const z = this.offsetAt(this.k + 2, toks[this.k + 1].v === '-' ? -1 : 1);
      if (z) {
        this.setZone(z[0], t.pos);
        this.k = z[1];
        return true;
      }
    }
    if (lw === 'utc') {
      this.setZone(idZone('UTC'), t.pos);
      this.k++;
      return true;
    }
    if (lw === 'gmt' || lw === 'z' || lw === 'ut') {
      this.setZone(lw === 'z' || lw === 'ut' ? abbrZone(t.v, 0, false) : abbrZone(t.v.toUpperCase(), 0, false), t.pos);
      this.k++;
      return true;
    }
    const a = ABBR_OFFSETS[lw];
    if (a) {
      this.setZone(abbrZone(t.v, a[0], a[1]), t.pos);
      this.k++;
      return true;
    }
    const id = findZoneId(t.v);
    if (id) {
      this.setZone(idZone(id), t.pos);
      this.k++;
      return true;
    }
    return false;
  }
}

/** days from Jan 1 of y to ISO week w, day d */
function isoDayOffset(y: number, w: number, d: number): number {
  // weekday of Jan 1 (0 = Sunday)
  const jan1 = new Date(Date.UTC(2000, 0, 1));
  jan1.setUTCFullYear(y, 0, 1);
  const dow = jan1.getUTCDay();
  const first = dow <= 4 ? 1 - (dow === 0 ? 6 : dow - 1) : 8 - (dow - 1);
  return first - 1 + (w - 1) * 7 + (d - 1);
}

export function parseDate(s: string): Parsed {
  const p = new DateParser(s);
  const r = p.parse();
  if (s.length === 0) r.errors.push({ pos: 0, ch: '\0', msg: 'Empty string' });
  return r;
}
