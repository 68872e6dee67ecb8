// ext/standard/crypt.c: crypt() picks the algorithm from the salt's prefix. Every format is built in
// (php's own crypt_r implementations, not the system's), so all CRYPT_* constants are 1.

import type { Registry } from '../../engine/extension.js';
import { cryptDes } from './crypt_freesec.js';
import { cryptMd5, cryptSha } from './crypt_sha.js';
import { cryptBlowfish } from './crypt_blowfish.js';

/** sha512 crypt's longest salt. */
const PHP_MAX_SALT_LEN = 123;

/** Characters a standard DES salt may use. */
function isDesSaltChar(c: number): boolean {
  return (c >= 46 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** C strings: the algorithms see the password and salt up to their first NUL byte. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** php_crypt: the hash, or null when the salt is unusable. */
export function phpCrypt(password: string, salt: string): string | null {
  const pw = cString(password);
  if (salt.startsWith('$1$')) return cryptMd5(pw, salt);
  if (salt.startsWith('$6$')) return cryptSha('sha512', pw, salt);
  if (salt.startsWith('$5$')) return cryptSha('sha256', pw, salt);
  if (salt[0] === '$' && salt[1] === '2' && salt[3] === '$') return cryptBlowfish(pw, salt);
  if (salt[0] === '*' && (salt[1] === '0' || salt[1] === '1')) return null;
  if (salt[0] !== '_' && (salt.length < 2 || !isDesSaltChar(salt.charCodeAt(0)) || !isDesSaltChar(salt.charCodeAt(1)))) return null;
  return cryptDes(pw, salt);
}

export function registerCrypt(r: Registry): void {
  r.constant('CRYPT_SALT_LENGTH', PHP_MAX_SALT_LEN);
  for (const name of ['CRYPT_STD_DES', 'CRYPT_EXT_DES', 'CRYPT_MD5', 'CRYPT_BLOWFISH', 'CRYPT_SHA256', 'CRYPT_SHA512']) r.constant(name, 1);
  r.function('crypt(string $string, string $salt): string', (str: string, saltIn: string) => {
    const salt = cString(saltIn.slice(0, PHP_MAX_SALT_LEN));
    const result = phpCrypt(str, salt);
    if (result !== null) return result;
    return salt[0] === '*' && salt[1] === '0' ? '*1' : '*0';
  });
}
