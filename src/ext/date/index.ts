// The date extension (ext/date): date(), strtotime(), DateTime and friends, on Intl time zones.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import type { Request } from '../../runtime/request.js';
import { PHP_VERSION } from '../../version.js';
import { registerFunctions } from './functions.js';
import { registerAstro } from './astro.js';
import { dateClasses, state, DATE_FORMATS } from './datetime.js';
import { findZoneId } from './timezone.js';

export class DateExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'date', version: PHP_VERSION, dependencies: ['standard'] };
  }
  moduleInit(r: Registry): void {
    for (const c of dateClasses()) r.class(c);
    registerFunctions(r);
    registerAstro(r);
    for (const [n, v] of DATE_FORMATS) r.constant('DATE_' + n, v);
    r.ini('date.timezone', 'UTC', (v: string) => {
      const id = v === '' ? 'UTC' : findZoneId(v);
      if (!id && v !== '') return false;
      state.defaultTz = id ?? 'UTC';
      return true;
    });
    r.ini('date.default_latitude', '31.7667');
    r.ini('date.default_longitude', '35.2333');
    r.ini('date.sunset_zenith', '90.833333');
    r.ini('date.sunrise_zenith', '90.833333');
  }
  requestInit(req: Request): void {
    const v = req.iniGet('date.timezone');
    state.defaultTz = (v && findZoneId(v)) || 'UTC';
    state.lastErrors = null;
  }
}
