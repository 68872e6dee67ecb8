// DateTime::createFromFormat() / date_parse_from_format() (timelib_parse_from_format).

import { Parsed, newParsed } from './time.js';
import { ABBR_OFFSETS, findZoneId, idZone, abbrZone, offsetZone, daysInMonth } from './timezone.js';
import { MON_FULL, MON_SHORT, DAY_FULL, DAY_SHORT } from './format.js';

export function parseFromFormat(fmt: string, s: string): Parsed {
  const r = newParsed();
  let p = 0;
  const err = (msg: string, pos = p) => r.errors.push({ pos, ch: s[pos] ?? '', msg });
  const warn = (msg: string, pos = p) => r.warnings.push({ pos, ch: s[pos] ?? '', msg });
  const num = (max: number, min = 1): number | null => {
    let k = p;
    if (s[k] === '-' || s[k] === '+') return null;
    while (k < s.length && k - p < max && s[k] >= '0' && s[k] <= '9') k++;
    if (k - p < min) return null;
    const v = Number(s.slice(p, k));
    p = k;
    return v;
  };
  let meridian: string | null = null;
  let resetAll = false, resetUnset = false;
  let ts: number | null = null;
  let doy: number | null = null;
  for (let f = 0; f < fmt.length; f++) {
    const c = fmt[f];
    if (r.errors.length) break;
    switch (c) {
      case 'd': case 'j': {
        const v = num(2);
        if (v === null) { err('A two digit day could not be found'); break; }
        r.d = v; r.haveDate = true;
        break;
      }
      case 'S': {
        if (/^(st|nd|rd|th)/i.test(s.slice(p, p + 2))) p += 2;
        else err('A textual day could not be found');
        break;
      }
      case 'z': {
        const v = num(3);
        if (v === null) { err('A three digit day-of-year could not be found'); break; }
        doy = v; r.haveDate = true;
        break;
      }
      case 'D': case 'l': {
        const m = /^[a-z]+/i.exec(s.slice(p));
        const w = m ? m[0].toLowerCase() : '';
        if (!m || !(DAY_FULL.some((d) => d.toLowerCase() === w) || DAY_SHORT.some((d) => d.toLowerCase() === w))) { err('A textual day could not be found'); break; }
        p += m[0].length;
        break;
      }
      case 'm': case 'n': {
        const v = num(2);
        if (v === null) { err('A two digit month could not be found'); break; }
        r.m = v; r.haveDate = true;
        break;
      }
      case 'M': case 'F': {
        const m = /^[a-z]+/i.exec(s.slice(p));
        const w = m ? m[0].toLowerCase() : '';
        let idx = MON_FULL.findIndex((x) => x.toLowerCase() === w);
        if (idx < 0) idx = MON_SHORT.findIndex((x) => x.toLowerCase() === w);
        if (idx < 0 && w === 'sept') idx = 8;
        if (idx < 0) { err('A textual month could not be found'); break; }
        p += m![0].length;
        r.m = idx + 1; r.haveDate = true;
        break;
      }
      case 'y': {
        const v = num(2, 2);
        if (v === null) { err('A two digit year could not be found'); break; }
        r.y = v < 70 ? 2000 + v : 1900 + v; r.haveDate = true;
        break;
      }
      case 'Y': {
        let neg = false;
        if (s[p] === '-') { neg = true; p++; }
        const v = num(4, 1);
        if (v === null) { err('A four digit year could not be found'); break; }
        r.y = neg ? -v : v; r.haveDate = true;
        break;
      }
      case 'a': case 'A': {
        const w = s.slice(p, p + 2).toLowerCase();
        if (w !== 'am' && w !== 'pm') { err('A meridian could not be found'); break; }
        if (r.h === null) { err('Meridian can only come after an hour has been found'); break; }
        meridian = w;
        p += 2;
        break;
      }
      case 'g': case 'h': case 'G': case 'H': {
        const v = num(2);
        if (v === null) { err('A two digit hour could not be found'); break; }
        if ((c === 'g' || c === 'h') && v > 12) { err('Hour cannot be higher than 12'); break; }
        r.h = v; r.haveTime = true;
        break;
      }
      case 'i': {
        const v = num(2, 2);
        if (v === null) { err('A two digit minute could not be found'); break; }
        r.i = v; r.haveTime = true;
        break;
      }
      case 's': {
        const v = num(2, 2);
        if (v === null) { err('A two digit second could not be found'); break; }
        r.s = v; r.haveTime = true;
        break;
      }
      case 'v': {
        const st = p;
        const v = num(3, 3);
        if (v === null) { err('A three digit millisecond could not be found'); break; }
        void st;
        r.us = v * 1000;
        break;
      }
      case 'u': {
        const st = p;
        const v = num(6, 1);
        if (v === null) { err('A six digit microsecond could not be found'); break; }
        r.us = Math.round(Number('0.' + s.slice(st, p)) * 1e6);
        break;
      }
      case 'U': {
        let neg = false;
        if (s[p] === '-') { neg = true; p++; }
        const v = num(20);
        if (v === null) { err('A unix timestamp could not be found'); break; }
        ts = neg ? -v : v;
        r.haveDate = r.haveTime = true;
        break;
      }
      case 'e': case 'T': case 'O': case 'P': case 'p': {
        const rest = s.slice(p);
        let m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?/i.exec(rest);
        if (m) {
          r.zone = offsetZone((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60));
          p += m[0].length;
        } else if (rest[0] === 'Z' || rest[0] === 'z') {
          r.zone = abbrZone('Z', 0, false);
          p++;
        } else {
          m = /^[A-Za-z][A-Za-z0-9_\/+\-]*/.exec(rest);
          const w = m ? m[0] : '';
          const id = w ? findZoneId(w) : null;
          const ab = ABBR_OFFSETS[w.toLowerCase()];
          if (w.toLowerCase() === 'utc') { r.zone = idZone('UTC'); p += 3; }
          else if (id) { r.zone = idZone(id); p += w.length; }
          else if (ab) { r.zone = abbrZone(w, ab[0], ab[1]); p += w.length; }
          else { err('The timezone could not be found in the database'); break; }
        }
        r.haveZone = true;
        break;
      }
      case '#': {
        if (';:/.,-()'.includes(s[p] ?? '\0') && p < s.length) p++;
        else err('The separation symbol ([;:/.,-]) could not be found');
        break;
      }
      case ';': case ':': case '/': case '.': case ',': case '-': case '(': case ')': {
        if (s[p] === c) p++;
        else err('The separation symbol could not be found');
        break;
      }
      case ' ': {
        if (p < s.length && !/[ \t]/.test(s[p])) { err('The separation symbol could not be found'); break; }
        while (p < s.length && /[ \t]/.test(s[p])) p++;
        break;
      }
      case '!': resetAll = true; r.y = 1970; r.m = 1; r.d = 1; r.h = 0; r.i = 0; r.s = 0; r.us = 0; r.zone = null; break;
      case '|': resetUnset = true; break;
      case '?': {
        if (p >= s.length) err('Unexpected data found.');
        else p++;
        break;
      }
      case '*': {
        while (p < s.length && !/[ ,;:\/.\-()]/.test(s[p])) p++;
        break;
      }
      case '+': {
        if (p < s.length) warn('Trailing data');
        p = s.length;
        break;
      }
      case '\\': {
        f++;
        if (s[p] === fmt[f]) p++;
        else err('The escaped character could not be found');
        break;
      }
      default:
        if (s[p] === c) p++;
        else err('The format separator does not match');
    }
  }
  if (!r.errors.length) {
    if (p < s.length) err('Trailing data');
    else if (fmt.length && !r.errors.length) {
      // format characters left without data
    }
  }
  if (r.errors.length === 0 && p >= s.length) {
    // check whether the format was fully consumed: done in the loop
  }
  if (meridian && r.h !== null) r.h = (r.h % 12) + (meridian === 'pm' ? 12 : 0);
  if (resetUnset || resetAll) {
    if (r.y === null) r.y = 1970;
    if (r.m === null) r.m = 1;
    if (r.d === null) r.d = 1;
    if (r.h === null) r.h = 0;
    if (r.i === null) r.i = 0;
    if (r.s === null) r.s = 0;
    if (r.us === null) r.us = 0;
  }
  if (doy !== null) {
    r.m = 1;
    r.d = doy + 1;
  }
  if (ts !== null) {
    r.y = 1970; r.m = 1; r.d = 1; r.h = 0; r.i = 0; r.s = 0;
    r.rel.s = ts;
    r.haveRelative = true;
    if (!r.zone) r.zone = offsetZone(0);
  }
  if (r.s !== null && r.s > 59 || r.i !== null && r.i > 59 || r.h !== null && r.h > 24) warn('The parsed time was invalid', s.length);
  if (r.d !== null && r.m !== null && r.y !== null && (r.d > daysInMonth(r.y, r.m) || r.m > 12)) warn('The parsed date was invalid', s.length);
  return r;
}
