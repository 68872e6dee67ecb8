// Sunrise, sunset and twilight times (timelib's astro.c, after Paul Schlyter's sunriset.c) and the
// functions built on them: date_sunrise(), date_sunset(), date_sun_info().

import type { Registry } from '../../engine/extension.js';
import { PhpArray } from '../../runtime/array.js';
import { rt } from '../../runtime/request.js';
import { mkFloat } from '../../runtime/values.js';
import { toFloat } from '../../runtime/convert.js';
import { fromSse } from './time.js';
import { daysFromCivil, zoneOffset, localToUtc } from './timezone.js';
import { defaultZone } from './datetime.js';

const RADEG = 180 / Math.PI;
const DEGRAD = Math.PI / 180;
const sind = (x: number) => Math.sin(x * DEGRAD);
const cosd = (x: number) => Math.cos(x * DEGRAD);
const atan2d = (y: number, x: number) => RADEG * Math.atan2(y, x);
const acosd = (x: number) => RADEG * Math.acos(x);
const INV360 = 1 / 360;

function revolution(x: number): number {
  return x - 360 * Math.floor(x * INV360);
}
function rev180(x: number): number {
  return x - 360 * Math.floor(x * INV360 + 0.5);
}
function gmst0(d: number): number {
  return revolution(180 + 356.047 + 282.9404 + (0.9856002585 + 4.70935e-5) * d);
}

/** The Sun's ecliptic longitude and distance (AU) d days after 2000 Jan 0.0. */
function sunPos(d: number): [number, number] {
  const M = revolution(356.047 + 0.9856002585 * d);
  const w = 282.9404 + 4.70935e-5 * d;
  const e = 0.016709 - 1.151e-9 * d;
  const E = M + e * RADEG * sind(M) * (1 + e * cosd(M));
  const x = cosd(E) - e;
  const y = Math.sqrt(1 - e * e) * sind(E);
  const r = Math.sqrt(x * x + y * y);
  let lon = atan2d(y, x) + w;
  if (lon >= 360) lon -= 360;
  return [lon, r];
}

/** The Sun's right ascension, declination and distance. */
function sunRaDec(d: number): [number, number, number] {
  const [lon, r] = sunPos(d);
  let x = r * cosd(lon);
  let y = r * sind(lon);
  const obl = 23.4393 - 3.563e-7 * d;
  const z = y * sind(obl);
  y = y * cosd(obl);
  return [atan2d(y, x), atan2d(z, Math.sqrt(x * x + y * y)), r];
}

export interface RiseSet {
  /** -1: the Sun stays below the altitude, 1: above, 0: it crosses it */
  rc: number;
  hRise: number;
  hSet: number;
  rise: number;
  set: number;
  transit: number;
}

/**
 * timelib_astro_rise_set_altitude: when the Sun crosses `altit` degrees on the local day of `ts`
 * (in the default time zone), as hours UT and as timestamps.
 */
export function riseSetAltitude(ts: number, lon: number, lat: number, altit: number, upperLimb: boolean): RiseSet {
  const zone = defaultZone();
  const local = fromSse(ts, 0, zone);
  // the local day's noon, and 00:00 UTC of the same calendar day
  const noonSse = localToUtc(zone, daysFromCivil(local.y, local.m, local.d) * 86400 + 12 * 3600);
  const utcMidnight = daysFromCivil(local.y, local.m, local.d) * 86400;
  const d = utcMidnight / 86400 + 2440587.5 - 2451545 + 2 - lon / 360;
  const sidtime = revolution(gmst0(d) + 180 + lon);
  const [sRA, sdec, sr] = sunRaDec(d);
  const tsouth = 12 - rev180(sidtime - sRA) / 15;
  const sradius = 0.2666 / sr;
  if (upperLimb) altit -= sradius;
  const cost = (sind(altit) - sind(lat) * sind(sdec)) / (cosd(lat) * cosd(sdec));
  const transit = Math.trunc(utcMidnight + tsouth * 3600);
  let t: number, rc = 0, rise: number, set: number;
  if (cost >= 1) {
    rc = -1;
    t = 0;
    rise = set = transit;
  } else if (cost <= -1) {
    rc = 1;
    t = 12;
    rise = noonSse - 12 * 3600;
    set = noonSse + 12 * 3600;
  } else {
    t = acosd(cost) / 15;
    rise = Math.trunc((tsouth - t) * 3600 + utcMidnight);
    set = Math.trunc((tsouth + t) * 3600 + utcMidnight);
  }
  return { rc, hRise: tsouth - t, hSet: tsouth + t, rise, set, transit };
}

const RET_TIMESTAMP = 0, RET_STRING = 1, RET_DOUBLE = 2;

function iniFloat(name: string): number {
  return parseFloat(rt.iniGet(name) ?? '0') || 0;
}

/** A ?float argument: null, or a JS number (an integral float arrives boxed). */
function optFloat(v: any): number | null {
  return v === null || v === undefined ? null : toFloat(v);
}

function sunriseSunset(fname: string, sunset: boolean, ts: number, format: number, latArg: any, lonArg: any, zenithArg: any, offsetArg: any): any {
  rt.deprecated(`Function ${fname}() is deprecated`);
  let lat = optFloat(latArg), lon = optFloat(lonArg), zenith = optFloat(zenithArg), gmtOffset = optFloat(offsetArg);
  lat ??= iniFloat('date.default_latitude');
  lon ??= iniFloat('date.default_longitude');
  zenith ??= iniFloat(sunset ? 'date.sunset_zenith' : 'date.sunrise_zenith');
  if (format !== RET_TIMESTAMP && format !== RET_STRING && format !== RET_DOUBLE) {
    rt.throwError('ValueError', `${fname}(): Argument #2 ($returnFormat) must be one of SUNFUNCS_RET_TIMESTAMP, SUNFUNCS_RET_STRING, or SUNFUNCS_RET_DOUBLE`);
  }
  // timelib_get_current_offset() of a fresh time (the epoch), in whole hours
  gmtOffset ??= Math.trunc(zoneOffset(defaultZone(), 0) / 3600);
  const r = riseSetAltitude(ts, lon, lat, 90 - zenith, true);
  if (r.rc !== 0) return false;
  if (format === RET_TIMESTAMP) return sunset ? r.set : r.rise;
  let N = (sunset ? r.hSet : r.hRise) + gmtOffset;
  if (N > 24 || N < 0) {
    N -= Math.floor(N / 24) * 24;
    if (N > 24 || N < 0 || !Number.isFinite(N)) return false;
  }
  if (format === RET_STRING) {
    const h = Math.trunc(N), m = Math.trunc(60 * (N - h));
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
  return mkFloat(N);
}

function sunInfo(ts: number, lat: number, lon: number): PhpArray {
  const out = new PhpArray();
  const pair = (alt: number, upper: boolean, begin: string, end: string) => {
    const r = riseSetAltitude(ts, lon, lat, alt, upper);
    if (r.rc === -1) {
      out.set(begin, false);
      out.set(end, false);
    } else if (r.rc === 1) {
      out.set(begin, true);
      out.set(end, true);
    } else {
      out.set(begin, r.rise);
      out.set(end, r.set);
    }
    return r;
  };
  const sun = pair(-50 / 60, true, 'sunrise', 'sunset');
  out.set('transit', sun.transit);
  pair(-6, false, 'civil_twilight_begin', 'civil_twilight_end');
  pair(-12, false, 'nautical_twilight_begin', 'nautical_twilight_end');
  pair(-18, false, 'astronomical_twilight_begin', 'astronomical_twilight_end');
  return out;
}

export function registerAstro(r: Registry): void {
  r.constants({ SUNFUNCS_RET_TIMESTAMP: RET_TIMESTAMP, SUNFUNCS_RET_STRING: RET_STRING, SUNFUNCS_RET_DOUBLE: RET_DOUBLE });
  r.functions({
    'date_sunrise(int $timestamp, int $returnFormat = SUNFUNCS_RET_STRING, ?float $latitude = null, ?float $longitude = null, ?float $zenith = null, ?float $utcOffset = null): string|int|float|false':
      (ts: number, f: number, lat: number | null, lon: number | null, z: number | null, off: number | null) => sunriseSunset('date_sunrise', false, ts, f, lat, lon, z, off),
    'date_sunset(int $timestamp, int $returnFormat = SUNFUNCS_RET_STRING, ?float $latitude = null, ?float $longitude = null, ?float $zenith = null, ?float $utcOffset = null): string|int|float|false':
      (ts: number, f: number, lat: number | null, lon: number | null, z: number | null, off: number | null) => sunriseSunset('date_sunset', true, ts, f, lat, lon, z, off),
    'date_sun_info(int $timestamp, float $latitude, float $longitude): array': (ts: number, lat: number, lon: number) => sunInfo(ts, lat, lon),
  });
}
