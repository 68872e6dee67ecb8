// Time zones (timelib's tzinfo, without a tz database): offsets and DST of IANA zones are read from
// Intl.DateTimeFormat by formatting an instant into parts; abbreviations come from a small table or,
// failing that, from the "+03" style PHP uses for zones without one.
// Three kinds of zone, as timelib has them: 1 = a UTC offset ("+02:00"), 2 = an abbreviation ("EST"),
// 3 = an identifier ("Europe/Amsterdam").

export interface Zone {
  type: 1 | 2 | 3;
  /** type 1: "+02:00"; type 2: the abbreviation as given (upper case); type 3: the identifier */
  name: string;
  /** type 1 and 2: total offset from UTC in seconds (DST included) */
  offset: number;
  /** type 2: the abbreviation is a DST one */
  dst: boolean;
  /** gmdate()'s UTC, whose abbreviation is GMT */
  gmt?: boolean;
}

export const UTC_ZONE: Zone = { type: 3, name: 'UTC', offset: 0, dst: false };

// ───────────── days and civil dates (proleptic Gregorian) ─────────────

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
export function mod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}

/** Days since 1970-01-01 of y-m-d (m 1..12, d any). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = floorDiv(153 * mp + 2, 5) + d - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const d = doy - floorDiv(153 * mp + 2, 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}
/** 0 = Sunday */
export function dayOfWeek(y: number, m: number, d: number): number {
  return mod(daysFromCivil(y, m, d) + 4, 7);
}
export function dayOfYear(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, d) - daysFromCivil(y, 1, 1);
}
/** ISO 8601 [year, week, weekday 1..7] */
export function isoWeek(y: number, m: number, d: number): [number, number, number] {
  const days = daysFromCivil(y, m, d);
  const wd = mod(days + 3, 7) + 1; // Monday = 1
  const thursday = days - wd + 4;
  const [ty] = civilFromDays(thursday);
  const week = floorDiv(thursday - daysFromCivil(ty, 1, 1), 7) + 1;
  return [ty, week, wd];
}
export function daysFromIso(y: number, w: number, wd: number): number {
  const jan4 = daysFromCivil(y, 1, 4);
  const jan4wd = mod(jan4 + 3, 7) + 1;
  return jan4 - (jan4wd - 1) + (w - 1) * 7 + (wd - 1);
}

// ───────────── IANA zones through Intl ─────────────

let idMap: Map<string, string> | null = null;
const EXTRA_IDS = ['UTC', 'GMT', 'Etc/UTC', 'Etc/GMT', 'US/Eastern', 'US/Central', 'US/Mountain', 'US/Pacific', 'US/Alaska', 'US/Hawaii',
  'Europe/Kiev', 'Asia/Calcutta', 'Asia/Katmandu', 'Asia/Saigon', 'America/Buenos_Aires', 'Asia/Rangoon', 'Europe/Belfast',
  'America/Indianapolis', 'Pacific/Truk', 'Atlantic/Faeroe', 'Asia/Ulaanbaatar', 'Europe/Kyiv', 'Asia/Kolkata', 'Asia/Kathmandu',
  'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'Etc/GMT-1', 'Universal', 'Zulu', 'GB', 'Singapore',
  'Japan', 'Israel', 'Egypt', 'Iran', 'Turkey', 'Poland', 'Portugal', 'NZ', 'Cuba', 'Eire', 'Hongkong', 'Iceland', 'Jamaica', 'Libya', 'PRC', 'ROC', 'ROK',
  'Europe/Uzhgorod', 'America/Montreal', 'Australia/ACT', 'Australia/NSW', 'Canada/Eastern', 'Canada/Pacific', 'Brazil/East', 'Chile/Continental',
  'Mexico/General', 'America/Nuuk', 'America/Godthab', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Istanbul', 'Europe/Nicosia', 'Asia/Tel_Aviv',
  'Etc/Universal', 'Etc/Zulu', 'Etc/Greenwich', 'Greenwich', 'UCT', 'Etc/UCT', 'CET', 'EET', 'MET', 'WET', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT', 'EST', 'MST', 'HST'];

/**
 * Lower-case identifier → canonical spelling. Intl's own list needs no check; the aliases in EXTRA_IDS
 * and the Etc/GMT±h zones are checked with Intl only when looked up (each check costs ~0.1 ms, and
 * start-up must not pay for hundreds of them).
 */
function ids(): Map<string, string> {
  if (!idMap) {
    idMap = new Map();
    for (const id of ((Intl as any).supportedValuesOf?.('timeZone') ?? []) as string[]) idMap.set(id.toLowerCase(), id);
    for (const id of ['GMT0', 'GMT+0', 'GMT-0', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Greenwich', 'UCT', 'Universal', 'Zulu']) {
      if (!idMap.has(id.toLowerCase())) idMap.set(id.toLowerCase(), id);
    }
  }
  return idMap;
}

let uncheckedIds: Map<string, string> | null = null;

/** Aliases Intl may know without listing them: lower-case → spelling, checked on first lookup. */
function uncheckedAliases(): Map<string, string> {
  if (!uncheckedIds) {
    const all = [...EXTRA_IDS];
    for (let h = 1; h <= 14; h++) {
      all.push('Etc/GMT-' + h);
      if (h <= 12) all.push('Etc/GMT+' + h);
    }
    uncheckedIds = new Map();
    for (const id of all) if (!uncheckedIds.has(id.toLowerCase())) uncheckedIds.set(id.toLowerCase(), id);
  }
  return uncheckedIds;
}

function intlOk(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a zone identifier PHP accepts, or null. */
export function findZoneId(name: string): string | null {
  const lc = name.toLowerCase();
  // the default: every request (and thread) starts with it, without building the whole table
  if (lc === 'utc') return 'UTC';
  const m = ids();
  const hit = m.get(lc);
  if (hit) return hit;
  const alias = uncheckedAliases().get(lc);
  if (alias !== undefined) {
    uncheckedIds!.delete(lc);
    if (intlOk(alias)) {
      m.set(lc, alias);
      return alias;
    }
  }
  if (/^[a-z]+(\/[a-z0-9_+\-]+)+$/i.test(name) && intlOk(name)) {
    m.set(lc, name);
    return name;
  }
  return null;
}

export function allZoneIds(): string[] {
  const list = ((Intl as any).supportedValuesOf?.('timeZone') ?? []) as string[];
  const s = new Set(list);
  s.add('UTC');
  return [...s].sort();
}

const okCache = new Map<string, boolean>();
function intlOkCached(id: string): boolean {
  let r = okCache.get(id);
  if (r === undefined) okCache.set(id, (r = intlOk(id)));
  return r;
}

const fmts = new Map<string, Intl.DateTimeFormat>();
function fmtFor(id: string): Intl.DateTimeFormat {
  let f = fmts.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: id, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    fmts.set(id, f);
  }
  return f;
}

const offCache = new Map<string, Map<number, number>>();
const MAX_MS = 8.64e15;

/** Offset from UTC in seconds of zone `id` at unix time `t` (seconds). */
export function ianaOffset(id: string, t: number): number {
  if (id === 'UTC' || !intlOkCached(id)) return 0;
  const hour = Math.floor(t / 900);
  let c = offCache.get(id);
  if (!c) offCache.set(id, (c = new Map()));
  const hit = c.get(hour);
  if (hit !== undefined) return hit;
  let ms = hour * 900 * 1000;
  if (ms > MAX_MS) ms = MAX_MS - 86400000 * 400;
  if (ms < -MAX_MS) ms = -MAX_MS + 86400000 * 400;
  let r = 0;
  try {
    const parts = fmtFor(id).formatToParts(new Date(ms));
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, bc = false;
    for (const p of parts) {
      switch (p.type) {
        case 'year': y = +p.value; break;
        case 'month': mo = +p.value; break;
        case 'day': d = +p.value; break;
        case 'hour': h = +p.value; break;
        case 'minute': mi = +p.value; break;
        case 'second': s = +p.value; break;
        case 'era': bc = p.value.startsWith('B'); break;
      }
    }
    if (bc) y = 1 - y;
    const local = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    r = local - Math.floor(ms / 1000);
  } catch {
    r = 0;
  }
  c.set(hour, r);
  return r;
}

function stdOffset(id: string, t: number): number {
  const y = civilFromDays(floorDiv(t, 86400))[0];
  const a = ianaOffset(id, daysFromCivil(y, 1, 1) * 86400);
  const b = ianaOffset(id, daysFromCivil(y, 7, 1) * 86400);
  return Math.min(a, b);
}

export function ianaIsDst(id: string, t: number): boolean {
  const o = ianaOffset(id, t);
  return o > stdOffset(id, t);
}

// abbreviations: [prefix of zone ids, std, dst]
const ABBR_RULES: [RegExp, string, string][] = [
  [/^(America\/(New_York|Detroit|Toronto|Montreal|Nassau|Indiana|Kentucky|Indianapolis|Louisville|Iqaluit|Nipigon|Thunder_Bay|Port-au-Prince)|US\/Eastern|EST5EDT|Canada\/Eastern|EST$)/, 'EST', 'EDT'],
  [/^(America\/(Chicago|Winnipeg|Matamoros|Menominee|North_Dakota|Rainy_River|Rankin_Inlet|Resolute|Indiana\/(Knox|Tell_City)|Mexico_City|Monterrey|Merida|Bahia_Banderas|Costa_Rica|El_Salvador|Guatemala|Tegucigalpa|Managua|Belize|Regina|Swift_Current)|US\/Central|CST6CDT|Mexico\/General)/, 'CST', 'CDT'],
  [/^(America\/(Denver|Boise|Edmonton|Cambridge_Bay|Inuvik|Yellowknife|Ojinaga|Phoenix|Ciudad_Juarez|Creston|Dawson_Creek|Fort_Nelson|Hermosillo|Mazatlan|Chihuahua)|US\/Mountain|MST7MDT|MST$)/, 'MST', 'MDT'],
  [/^(America\/(Los_Angeles|Vancouver|Tijuana|Ensenada)|US\/Pacific|PST8PDT|Canada\/Pacific)/, 'PST', 'PDT'],
  [/^(America\/(Anchorage|Juneau|Nome|Sitka|Yakutat|Metlakatla)|US\/Alaska)/, 'AKST', 'AKDT'],
  [/^(Pacific\/Honolulu|US\/Hawaii|HST$)/, 'HST', 'HDT'],
  [/^(America\/(Halifax|Glace_Bay|Moncton|Goose_Bay|Thule)|Atlantic\/Bermuda|America\/(Puerto_Rico|Santo_Domingo|Barbados|Martinique|Port_of_Spain|Aruba|Curacao))/, 'AST', 'ADT'],
  [/^America\/St_Johns/, 'NST', 'NDT'],
  [/^(Europe\/(London|Belfast|Guernsey|Isle_of_Man|Jersey)|GB)/, 'GMT', 'BST'],
  [/^(Europe\/Dublin|Eire)/, 'GMT', 'IST'],
  [/^(Europe\/(Lisbon)|Atlantic\/(Canary|Faroe|Faeroe|Madeira)|WET$|Portugal)/, 'WET', 'WEST'],
  [/^(Europe\/(Amsterdam|Andorra|Belgrade|Berlin|Bratislava|Brussels|Budapest|Busingen|Copenhagen|Gibraltar|Ljubljana|Luxembourg|Madrid|Malta|Monaco|Oslo|Paris|Podgorica|Prague|Rome|San_Marino|Sarajevo|Skopje|Stockholm|Tirane|Vaduz|Vatican|Vienna|Warsaw|Zagreb|Zurich)|Africa\/(Algiers|Tunis|Ceuta)|Arctic\/Longyearbyen|CET$|MET$|Poland)/, 'CET', 'CEST'],
  [/^(Europe\/(Athens|Bucharest|Chisinau|Helsinki|Kiev|Kyiv|Mariehamn|Riga|Sofia|Tallinn|Uzhgorod|Vilnius|Zaporozhye|Kaliningrad|Nicosia)|Asia\/(Beirut|Famagusta|Nicosia|Gaza|Hebron)|Africa\/(Cairo|Tripoli)|EET$|Egypt|Libya)/, 'EET', 'EEST'],
  [/^(Europe\/(Moscow|Simferopol|Kirov|Volgograd)|W-SU)/, 'MSK', 'MSD'],
  [/^(Asia\/(Tokyo)|Japan)/, 'JST', 'JDT'],
  [/^(Asia\/(Seoul)|ROK)/, 'KST', 'KDT'],
  [/^(Asia\/(Shanghai|Chongqing|Harbin|Taipei|Macau)|PRC|ROC)/, 'CST', 'CDT'],
  [/^(Asia\/(Hong_Kong)|Hongkong)/, 'HKT', 'HKST'],
  [/^(Asia\/(Kolkata|Calcutta))/, 'IST', 'IST'],
  [/^(Asia\/(Jerusalem|Tel_Aviv)|Israel)/, 'IST', 'IDT'],
  [/^(Asia\/(Karachi))/, 'PKT', 'PKST'],
  [/^(Asia\/(Manila))/, 'PST', 'PDT'],
  [/^(Asia\/(Jakarta|Pontianak))/, 'WIB', 'WIB'],
  [/^(Australia\/(Sydney|Melbourne|Hobart|Canberra|ACT|NSW|Victoria|Tasmania|Currie|Brisbane|Lindeman|Queensland))/, 'AEST', 'AEDT'],
  [/^(Australia\/(Adelaide|Broken_Hill|Darwin|South|North|Yancowinna))/, 'ACST', 'ACDT'],
  [/^(Australia\/(Perth|West))/, 'AWST', 'AWDT'],
  [/^(Pacific\/Auckland|NZ$|Antarctica\/(McMurdo|South_Pole))/, 'NZST', 'NZDT'],
  [/^(Africa\/(Johannesburg|Maseru|Mbabane))/, 'SAST', 'SAST'],
  [/^(Africa\/(Lagos|Kinshasa|Luanda|Douala|Libreville|Malabo|Niamey|Porto-Novo|Bangui|Brazzaville|Ndjamena))/, 'WAT', 'WAST'],
  [/^(Africa\/(Maputo|Harare|Lusaka|Lubumbashi|Blantyre|Bujumbura|Gaborone|Kigali|Khartoum|Juba|Windhoek))/, 'CAT', 'CAST'],
  [/^(Africa\/(Nairobi|Addis_Ababa|Asmara|Asmera|Dar_es_Salaam|Djibouti|Kampala|Mogadishu)|Indian\/(Comoro|Mayotte|Antananarivo))/, 'EAT', 'EAT'],
  [/^(UTC|Etc\/(UTC|UCT|Universal|Zulu)|Universal|Zulu|UCT)$/, 'UTC', 'UTC'],
  [/^(GMT|Etc\/(GMT|Greenwich|GMT[+-]0)|Greenwich|Iceland|Africa\/(Abidjan|Accra|Bamako|Banjul|Bissau|Conakry|Dakar|Freetown|Lome|Monrovia|Nouakchott|Ouagadougou|Sao_Tome)|Atlantic\/(Reykjavik|St_Helena))$/, 'GMT', 'GMT'],
];

export function offsetString(off: number, colon: boolean, withSeconds = false): string {
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const h = Math.floor(a / 3600), m = Math.floor((a % 3600) / 60), s = a % 60;
  const p = (n: number) => String(n).padStart(2, '0');
  return sign + p(h) + (colon ? ':' : '') + p(m) + (withSeconds && s ? (colon ? ':' : '') + p(s) : '');
}

/** The abbreviation of an IANA zone at instant t ("CEST", "+03"). */
export function ianaAbbr(id: string, t: number): string {
  const off = ianaOffset(id, t);
  const dst = ianaIsDst(id, t);
  for (const [re, std, d] of ABBR_RULES) {
    if (re.test(id)) {
      const name = dst ? d : std;
      const base = ABBR_OFFSETS[name.toLowerCase()];
      if (base === undefined || base[0] === off || (name === 'GMT' && off === 0)) return name;
      break;
    }
  }
  if (off % 3600 === 0) return (off < 0 ? '-' : '+') + String(Math.abs(off / 3600)).padStart(2, '0');
  return offsetString(off, false);
}

// ───────────── abbreviations (timelib's fallback map, a subset) ─────────────

/** abbreviation → [total offset seconds, dst, an identifier] */
export const ABBR_OFFSETS: Record<string, [number, boolean, string]> = {
  utc: [0, false, 'UTC'], gmt: [0, false, 'Europe/London'], z: [0, false, 'UTC'], ut: [0, false, 'UTC'], wet: [0, false, 'Europe/Lisbon'],
  west: [3600, true, 'Europe/Lisbon'], bst: [3600, true, 'Europe/London'], cet: [3600, false, 'Europe/Berlin'], met: [3600, false, 'MET'],
  cest: [7200, true, 'Europe/Berlin'], mest: [7200, true, 'MET'], eet: [7200, false, 'Europe/Helsinki'], eest: [10800, true, 'Europe/Helsinki'],
  msk: [10800, false, 'Europe/Moscow'], msd: [14400, true, 'Europe/Moscow'], ist: [7200, false, 'Asia/Jerusalem'], idt: [10800, true, 'Asia/Jerusalem'],
  est: [-18000, false, 'America/New_York'], edt: [-14400, true, 'America/New_York'], cst: [-21600, false, 'America/Chicago'],
  cdt: [-18000, true, 'America/Chicago'], mst: [-25200, false, 'America/Denver'], mdt: [-21600, true, 'America/Denver'],
  pst: [-28800, false, 'America/Los_Angeles'], pdt: [-25200, true, 'America/Los_Angeles'], akst: [-32400, false, 'America/Anchorage'],
  akdt: [-28800, true, 'America/Anchorage'], hst: [-36000, false, 'Pacific/Honolulu'], ast: [-14400, false, 'America/Halifax'],
  adt: [-10800, true, 'America/Halifax'], nst: [-12600, false, 'America/St_Johns'], ndt: [-9000, true, 'America/St_Johns'],
  jst: [32400, false, 'Asia/Tokyo'], kst: [32400, false, 'Asia/Seoul'], hkt: [28800, false, 'Asia/Hong_Kong'], awst: [28800, false, 'Australia/Perth'],
  acst: [34200, false, 'Australia/Adelaide'], acdt: [37800, true, 'Australia/Adelaide'], aest: [36000, false, 'Australia/Sydney'],
  aedt: [39600, true, 'Australia/Sydney'], nzst: [43200, false, 'Pacific/Auckland'], nzdt: [46800, true, 'Pacific/Auckland'],
  sast: [7200, false, 'Africa/Johannesburg'], wat: [3600, false, 'Africa/Lagos'], cat: [7200, false, 'Africa/Maputo'], eat: [10800, false, 'Africa/Nairobi'],
  pkt: [18000, false, 'Asia/Karachi'], wib: [25200, false, 'Asia/Jakarta'], sgt: [28800, false, 'Asia/Singapore'],
  a: [3600, false, ''], b: [7200, false, ''], c: [10800, false, ''], d: [14400, false, ''], e: [18000, false, ''], f: [21600, false, ''],
  g: [25200, false, ''], h: [28800, false, ''], i: [32400, false, ''], k: [36000, false, ''], l: [39600, false, ''], m: [43200, false, ''],
  n: [-3600, false, ''], o: [-7200, false, ''], p: [-10800, false, ''], q: [-14400, false, ''], r: [-18000, false, ''], s: [-21600, false, ''],
  t: [-25200, false, ''], u: [-28800, false, ''], v: [-32400, false, ''], w: [-36000, false, ''], x: [-39600, false, ''], y: [-43200, false, ''],
};

// ───────────── zone objects ─────────────

export function zoneOffset(z: Zone, t: number): number {
  return z.type === 3 ? ianaOffset(z.name, t) : z.offset;
}
export function zoneIsDst(z: Zone, t: number): boolean {
  return z.type === 3 ? ianaIsDst(z.name, t) : z.type === 2 ? z.dst : false;
}
export function zoneAbbr(z: Zone, t: number): string {
  if (z.gmt) return 'GMT';
  if (z.type === 3) return ianaAbbr(z.name, t);
  if (z.type === 2) return z.name.toUpperCase();
  return offsetString(z.offset, true);
}
/** The name PHP shows (var_dump's "timezone", format 'e'). */
export function zoneName(z: Zone): string {
  if (z.type === 1) return offsetString(z.offset, true, true);
  return z.name;
}

export function offsetZone(off: number): Zone {
  return { type: 1, name: offsetString(off, true), offset: off, dst: false };
}
export function abbrZone(abbr: string, off: number, dst: boolean): Zone {
  return { type: 2, name: abbr.toUpperCase(), offset: off, dst };
}
export function idZone(id: string): Zone {
  return { type: 3, name: id, offset: 0, dst: false };
}

/** The UTC instant of local wall time `local` (seconds since epoch as if UTC) in zone z (gaps go forward, overlaps take the first). */
export function localToUtc(z: Zone, local: number): number {
  if (z.type !== 3) return local - z.offset;
  const before = ianaOffset(z.name, local - 86400);
  const after = ianaOffset(z.name, local + 86400);
  const cands = before === after ? [before] : [before, after].sort((a, b) => b - a);
  for (const o of cands) {
    if (ianaOffset(z.name, local - o) === o) return local - o;
  }
  const o2 = ianaOffset(z.name, local);
  if (ianaOffset(z.name, local - o2) === o2) return local - o2;
  return local - Math.min(before, after);
}

/** Transitions of an IANA zone between two instants (found by scanning and bisecting). */
export function transitions(id: string, from: number, to: number): number[] {
  const out: number[] = [];
  const step = 7 * 86400;
  let prev = ianaOffset(id, from);
  for (let t = from; t < to; t += step) {
    const end = Math.min(t + step, to);
    const o = ianaOffset(id, end);
    if (o !== prev) {
      let lo = t, hi = end;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (ianaOffset(id, mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push(hi);
      prev = o;
    }
  }
  return out;
}
