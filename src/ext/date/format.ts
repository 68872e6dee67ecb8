// date() / DateTimeInterface::format() format characters (php_date.c date_format).

import { DT } from './time.js';
import { dayOfWeek, dayOfYear, isoWeek, isLeap, daysInMonth, zoneAbbr, zoneName, zoneIsDst, offsetString, mod } from './timezone.js';

export const DAY_FULL = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const DAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MON_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MON_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, w: number): string {
  const s = String(Math.abs(n)).padStart(w, '0');
  return n < 0 ? '-' + s : s;
}

export function englishSuffix(d: number): string {
  if (d >= 10 && d <= 19) return 'th';
  switch (d % 10) {
    case 1: return 'st';
    case 2: return 'nd';
    case 3: return 'rd';
  }
  return 'th';
}

function yearY(y: number): string {
  return y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
}

export function formatDate(fmt: string, t: DT): string {
  let out = '';
  const off = t.offset;
  for (let k = 0; k < fmt.length; k++) {
    const c = fmt[k];
    switch (c) {
      case 'd': out += pad(t.d, 2); break;
      case 'D': out += DAY_SHORT[dayOfWeek(t.y, t.m, t.d)]; break;
      case 'j': out += t.d; break;
      case 'l': out += DAY_FULL[dayOfWeek(t.y, t.m, t.d)]; break;
      case 'N': out += dayOfWeek(t.y, t.m, t.d) || 7; break;
      case 'S': out += englishSuffix(t.d); break;
      case 'w': out += dayOfWeek(t.y, t.m, t.d); break;
      case 'z': out += dayOfYear(t.y, t.m, t.d); break;
      case 'W': out += pad(isoWeek(t.y, t.m, t.d)[1], 2); break;
      case 'o': out += isoWeek(t.y, t.m, t.d)[0]; break;
      case 'F': out += MON_FULL[t.m - 1]; break;
      case 'm': out += pad(t.m, 2); break;
      case 'M': out += MON_SHORT[t.m - 1]; break;
      case 'n': out += t.m; break;
      case 't': out += daysInMonth(t.y, t.m); break;
      case 'L': out += isLeap(t.y) ? '1' : '0'; break;
      case 'y': out += pad(mod(t.y, 100), 2); break;
      case 'Y': out += yearY(t.y); break;
      case 'x': out += t.y >= 10000 ? '+' + t.y : yearY(t.y); break;
      case 'X': out += t.y >= 0 ? '+' + String(t.y).padStart(4, '0') : yearY(t.y); break;
      case 'a': out += t.h >= 12 ? 'pm' : 'am'; break;
      case 'A': out += t.h >= 12 ? 'PM' : 'AM'; break;
      case 'B': {
        let b = (mod(t.sse, 86400) + 3600) * 10;
        if (b < 0) b += 864000;
        out += pad(Math.floor(b / 864) % 1000, 3);
        break;
      }
      case 'g': out += t.h % 12 || 12; break;
      case 'G': out += t.h; break;
      case 'h': out += pad(t.h % 12 || 12, 2); break;
      case 'H': out += pad(t.h, 2); break;
      case 'i': out += pad(t.i, 2); break;
      case 's': out += pad(t.s, 2); break;
      case 'u': out += pad(t.us, 6); break;
      case 'v': out += pad(Math.floor(t.us / 1000), 3); break;
      case 'e': out += zoneName(t.zone); break;
      case 'I': out += zoneIsDst(t.zone, t.sse) ? '1' : '0'; break;
      case 'O': out += offsetString(off, false, true); break;
      case 'P': out += offsetString(off, true, true); break;
      case 'p': out += off === 0 ? 'Z' : offsetString(off, true, true); break;
      case 'T': out += t.zone.type === 1 ? 'GMT' + offsetString(off, false, true) : zoneAbbr(t.zone, t.sse); break;
      case 'Z': out += off; break;
      case 'c': out += formatDate('Y-m-d\\TH:i:sP', t); break;
      case 'r': out += formatDate('D, d M Y H:i:s O', t); break;
      case 'U': out += t.sse; break;
      case '\\':
        if (k + 1 < fmt.length) out += fmt[++k];
        break;
      default: out += c;
    }
  }
  return out;
}
