// Error levels and the control-flow signals the runtime throws through compiled code.

export const E_ERROR = 1;
export const E_WARNING = 2;
export const E_PARSE = 4;
export const E_NOTICE = 8;
export const E_CORE_ERROR = 16;
export const E_CORE_WARNING = 32;
export const E_COMPILE_ERROR = 64;
export const E_COMPILE_WARNING = 128;
export const E_USER_ERROR = 256;
export const E_USER_WARNING = 512;
export const E_USER_NOTICE = 1024;
export const E_STRICT = 2048;
export const E_RECOVERABLE_ERROR = 4096;
export const E_DEPRECATED = 8192;
export const E_USER_DEPRECATED = 16384;
export const E_ALL = 32767;

/** The label PHP prints before a message of this level. */
export function errorLabel(level: number): string {
  switch (level) {
    case E_ERROR:
    case E_CORE_ERROR:
    case E_COMPILE_ERROR:
    case E_USER_ERROR:
      return 'Fatal error';
    case E_RECOVERABLE_ERROR:
      return 'Recoverable fatal error';
    case E_WARNING:
    case E_CORE_WARNING:
    case E_COMPILE_WARNING:
    case E_USER_WARNING:
      return 'Warning';
    case E_PARSE:
      return 'Parse error';
    case E_NOTICE:
    case E_USER_NOTICE:
      return 'Notice';
    case E_STRICT:
      return 'Strict Standards';
    case E_DEPRECATED:
    case E_USER_DEPRECATED:
      return 'Deprecated';
  }
  return 'Unknown error';
}

/** exit()/die(): unwinds everything; shutdown functions and destructors still run. */
export class ExitSignal {
  constructor(public readonly status: number) {}
}

/** A fatal error (E_ERROR and friends): printed where it happens, then the request ends with 255. */
export class FatalSignal {
  constructor(
    public readonly message: string,
    public readonly file: string,
    public readonly line: number,
    public readonly label = 'Fatal error',
  ) {}
}
