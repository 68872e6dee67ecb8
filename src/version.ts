// The PHP version phpts implements, as PHP_VERSION and friends report it.
export const PHP_VERSION = '8.2.36';
export const PHP_MAJOR_VERSION = 8;
export const PHP_MINOR_VERSION = 2;
export const PHP_RELEASE_VERSION = 36;
export const PHP_VERSION_ID = 80236;
export const PHPTS_VERSION = '0.1.0';
