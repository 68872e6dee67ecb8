// ext/standard/string.c: strip_tags() — the tag-stripping state machine (php_strip_tags_ex):
// state 0 text, 1 inside an HTML tag, 2 inside a PHP tag (<? ... ?>), 3 inside <! ... >, 4 in a comment.

import { PhpArray } from '../../runtime/array.js';
import { toStr } from '../../runtime/convert.js';
import { asciiLower, isCSpace } from './string.js';

/** php_tag_find: is the tag collected in `tag` (e.g. "<a href=x>") in the allowed set ("<a><b>")? */
function tagFind(tag: string, set: string): boolean {
  if (!tag) return false;
  const n: string[] = [];
  let state = 0;
  let t = 0;
  let c = asciiLower(tag[0]);
  for (;;) {
    if (c === '<') n.push(c);
    else if (c === '>' || c === '') break;
    else if (!isCSpace(c.charCodeAt(0))) {
      if (state === 0) state = 1;
      if (c !== '/' || (tag[t - 1] !== '<' && tag[t + 1] !== '>')) n.push(c);
    } else if (state === 1) break;
    t++;
    c = t < tag.length ? asciiLower(tag[t]) : '';
  }
  n.push('>');
  return set.includes(n.join(''));
}

export function stripTags(s: string, allowArg: string | PhpArray | null): string {
  let allow: string | null = null;
  if (allowArg instanceof PhpArray) {
    const parts: string[] = [];
    for (const v of allowArg.values()) parts.push('<', toStr(v), '>');
    allow = parts.length ? parts.join('') : null;
  } else if (allowArg !== null) allow = allowArg;
  if (allow !== null) allow = asciiLower(allow);
  const len = s.length;
  const out: string[] = [];
  let tbuf: string[] = [];
  let lc = '';
  let br = 0, depth = 0;
  let inQ = '';
  let state = 0;
  let isXml = false;
  let p = 0;
  const at = (i: number) => (i >= 0 && i < len ? s[i] : '\0');
  let textStart = -1; // run of plain text in state 0 being copied
  const flushText = (end: number) => {
    if (textStart >= 0) {
      out.push(s.slice(textStart, end));
      textStart = -1;
    }
  };
  while (p < len) {
    const c = s[p];
    if (state === 0) {
      if (c === '<') {
        if (inQ) {
          flushText(p);
        } else if (isCSpace(at(p + 1).charCodeAt(0))) {
          if (textStart < 0) textStart = p;
        } else {
          flushText(p);
          lc = '<';
          state = 1;
          if (allow !== null) tbuf.push('<');
        }
      } else if (c === '\0') {
        flushText(p);
      } else if (c === '>') {
        if (depth) {
          flushText(p);
          depth--;
        } else if (inQ) {
          flushText(p);
        } else if (textStart < 0) textStart = p;
      } else if (textStart < 0) textStart = p;
      p++;
      continue;
    }
    if (state === 1) {
      let reg = false;
      switch (c) {
        case '\0':
          break;
        case '<':
          if (inQ) break;
          if (isCSpace(at(p + 1).charCodeAt(0))) {
            reg = true;
            break;
          }
          depth++;
          break;
        case '>':
          if (depth) {
            depth--;
            break;
          }
          if (inQ) break;
          lc = '>';
          if (isXml && at(p - 1) === '-') break;
          inQ = '';
          state = 0;
          isXml = false;
          if (allow !== null) {
            tbuf.push('>');
            const tag = tbuf.join('');
            if (tagFind(tag, allow)) out.push(tag);
            tbuf = [];
          }
          break;
        case '"':
        case "'":
          if (p !== 0 && (!inQ || c === inQ)) inQ = inQ ? '' : c;
          reg = true;
          break;
        case '!':
          if (at(p - 1) === '<' && p >= 1) {
            state = 3;
            lc = c;
          } else reg = true;
          break;
        case '?':
          if (at(p - 1) === '<' && p >= 1) {
            br = 0;
            state = 2;
          } else reg = true;
          break;
        default:
          reg = true;
      }
      if (reg && allow !== null) tbuf.push(c);
      p++;
      continue;
    }
    if (state === 2) {
      switch (c) {
        case '(':
          if (lc !== '"' && lc !== "'") {
            lc = '(';
            br++;
          }
          break;
        case ')':
          if (lc !== '"' && lc !== "'") {
            lc = ')';
            br--;
          }
          break;
        case '>':
          if (depth) {
            depth--;
            break;
          }
          if (inQ) break;
          if (!br && p >= 1 && lc !== '"' && at(p - 1) === '?') {
            inQ = '';
            state = 0;
            tbuf = [];
          }
          break;
        case '"':
        case "'":
          if (p >= 1 && at(p - 1) !== '\\') {
            if (lc === c) lc = '';
            else if (lc !== '\\') lc = c;
            if (p !== 0 && (!inQ || c === inQ)) inQ = inQ ? '' : c;
          }
          break;
        case 'l':
        case 'L':
          if (p > 4 && (at(p - 1) === 'm' || at(p - 1) === 'M') && (at(p - 2) === 'x' || at(p - 2) === 'X') && at(p - 3) === '?' && at(p - 4) === '<') {
            state = 1;
            isXml = true;
          }
          break;
      }
      p++;
      continue;
    }
    if (state === 3) {
      switch (c) {
        case '>':
          if (depth) {
            depth--;
            break;
          }
          if (inQ) break;
          inQ = '';
          state = 0;
          tbuf = [];
          break;
        case '"':
        case "'":
          if (p !== 0 && at(p - 1) !== '\\' && (!inQ || c === inQ)) inQ = inQ ? '' : c;
          break;
        case '-':
          if (p >= 2 && at(p - 1) === '-' && at(p - 2) === '!') state = 4;
          break;
        case 'E':
        case 'e':
          if (p > 6 && /^doctyp$/i.test(s.slice(p - 6, p))) state = 1;
          break;
      }
      p++;
      continue;
    }
    // state 4: inside <!-- -->
    if (c === '>' && !inQ && p >= 2 && at(p - 1) === '-' && at(p - 2) === '-') {
      inQ = '';
      state = 0;
      tbuf = [];
    }
    p++;
  }
  flushText(p);
  return out.join('');
}
