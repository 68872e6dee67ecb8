// The Core extension: the engine's own classes and functions, registered like any other extension.

import type { Extension, ExtensionInfo, Registry } from '../../engine/extension.js';
import { registerCoreClasses } from './classes.js';
import { registerExceptions } from './exceptions.js';
import { registerCoreFunctions } from './functions.js';
import { registerFibers } from './fibers.js';
import { PHP_VERSION } from '../../version.js';

export class CoreExtension implements Extension {
  info(): ExtensionInfo {
    return { name: 'Core', version: PHP_VERSION };
  }
  moduleInit(r: Registry): void {
    registerCoreClasses(r);
    registerExceptions(r);
    registerFibers(r);
    registerCoreFunctions(r);
    r.ini('display_errors', '1');
    r.ini('error_reporting', null);
    r.ini('html_errors', '0');
    r.ini('log_errors', '0');
    r.ini('precision', '14');
    r.ini('serialize_precision', '-1');
    r.ini('memory_limit', '128M');
    r.ini('max_execution_time', '0');
    r.ini('short_open_tag', '1');
    // OnUpdateAssertions: compiled-out assertions (-1) can't be switched on or off at runtime
    r.ini('zend.assertions', '1', (v, req) => {
      if (req === null) return true;
      const old = parseInt(req.iniGet('zend.assertions') ?? '1', 10) || 0;
      const val = parseInt(v, 10) || 0;
      if (old !== val && (old < 0 || val < 0)) {
        req.warn('zend.assertions may be completely enabled or disabled only in php.ini');
        return false;
      }
      return true;
    });
    r.ini('zend.exception_ignore_args', '0');
    r.ini('zend.exception_string_param_max_len', '15');
    r.ini('include_path', '.:/usr/share/php', (v) => v !== ''); // OnUpdateStringUnempty
    r.ini('error_log', null);
    r.ini('display_startup_errors', '1');
    r.ini('report_memleaks', '1');
    r.ini('assert.active', '1');
    r.ini('assert.exception', '1');
    r.ini('assert.warning', '1');
    r.ini('assert.bail', '0');
    r.ini('assert.callback', null);
    r.ini('default_charset', 'UTF-8');
    r.ini('output_buffering', '0');
    r.ini('implicit_flush', '1');
    r.ini('max_input_time', '-1');
    r.ini('arg_separator.output', '&');
    r.ini('arg_separator.input', '&');
    r.ini('auto_detect_line_endings', '0');
    r.ini('user_agent', null);
    r.ini('default_socket_timeout', '60');
    r.ini('allow_url_fopen', '1');
    r.ini('open_basedir', null);
    r.ini('error_prepend_string', null);
    r.ini('error_append_string', null);
    r.ini('docref_root', '');
    r.ini('docref_ext', '');
    r.ini('ignore_repeated_errors', '0');
    r.ini('ignore_repeated_source', '0');
    r.ini('track_errors', '0');
    r.ini('xmlrpc_errors', '0');
    r.ini('register_argc_argv', '1');
    r.ini('auto_globals_jit', '1');
    r.ini('variables_order', 'EGPCS');
    r.ini('request_order', '');
    r.ini('date.timezone', 'UTC');
    r.ini('sys_temp_dir', null);
    r.ini('enable_dl', '1');
    r.ini('hard_timeout', '2');
    r.ini('zend.enable_gc', '1');
    r.ini('opcache.enable', '0');
    r.ini('opcache.enable_cli', '0');
    r.ini('opcache.jit', 'disable');
    r.ini('unserialize_callback_func', null);
    r.ini('unserialize_max_depth', '4096');
  }
}
