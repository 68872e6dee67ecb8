// The runtime's low layers (conversions, operators, arrays) raise PHP diagnostics without importing
// the request layer above them: the request installs these functions when it starts.

export const hooks = {
  /** E_WARNING */
  warn(message: string): void {
    throw new Error('no request: ' + message);
  },
  /** E_NOTICE */
  notice(message: string): void {
    throw new Error('no request: ' + message);
  },
  /** E_DEPRECATED */
  deprecated(message: string): void {
    throw new Error('no request: ' + message);
  },
  /** Throws a new instance of a built-in Throwable class (TypeError, ValueError, Error, ...). */
  throwError(className: string, message: string): never {
    throw new Error(className + ': ' + message);
  },
};
