// ext/standard/metaphone.c: Lawrence Philips' metaphone key ("traditional" rules, as PHP applies
// them). Letters are ASCII only (C's isalpha/toupper); the word ends at a NUL byte like a C string.

const SH = 'X';
const TH = '0';

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isVowel = (c: number) => c === 65 || c === 69 || c === 73 || c === 79 || c === 85;
/** C, G, P, S, T: form diphthongs before H */
const affectsH = (c: number) => c === 67 || c === 71 || c === 80 || c === 83 || c === 84;
/** E, I, Y: make C and G soft */
const makesSoft = (c: number) => c === 69 || c === 73 || c === 89;
/** B, D, H: keep GH from becoming F */
const noGhToF = (c: number) => c === 66 || c === 68 || c === 72;

export function metaphone(s: string, max: number): string {
  const nul = s.indexOf('\0');
  const word = nul < 0 ? s : s.slice(0, nul);
  const n = word.length;
  /** the letter at i, uppercased; 0 past the end */
  const at = (i: number): number => {
    if (i < 0 || i >= n) return 0;
    const c = word.charCodeAt(i);
    return c >= 97 && c <= 122 ? c - 32 : c;
  };
  let out = '';
  let w = 0;
  while (!isAlpha(at(w))) {
    if (at(w) === 0) return '';
    w++;
  }
  // the first letter has rules of its own
  const first = at(w), second = at(w + 1);
  switch (first) {
    case 65: // AE -> E, else A is kept
      if (second === 69) { out += 'E'; w += 2; } else { out += 'A'; w++; }
      break;
    case 71: case 75: case 80: // [GKP]N -> N
      if (second === 78) { out += 'N'; w += 2; }
      break;
    case 87: // WR -> R, WH and W+vowel -> W
      if (second === 82) { out += 'R'; w += 2; } else if (second === 72 || isVowel(second)) { out += 'W'; w += 2; }
      break;
    case 88: // X -> S
      out += 'S';
      w++;
      break;
    case 69: case 73: case 79: case 85:
      out += String.fromCharCode(first);
      w++;
      break;
  }
  for (; at(w) !== 0 && (max === 0 || out.length < max); w++) {
    const cur = at(w);
    if (!isAlpha(cur)) continue;
    const prev = at(w - 1), next = at(w + 1), afterNext = next !== 0 ? at(w + 2) : 0;
    if (cur === prev && cur !== 67) continue; // duplicates, except CC
    let skip = 0;
    switch (cur) {
      case 66: // B, silent in -MB
        if (prev !== 77) out += 'B';
        break;
      case 67: // C
        if (makesSoft(next)) {
          if (next === 73 && afterNext === 65) out += SH; // CIA
          else if (prev !== 83) out += 'S'; // SC[IEY] is dropped
        } else if (next === 72) {
          out += SH;
          skip++;
        } else out += 'K';
        break;
      case 68: // D: J in -DG[EIY]-
        if (next === 71 && makesSoft(afterNext)) {
          out += 'J';
          skip++;
        } else out += 'T';
        break;
      case 71: // G
        if (next === 72) {
          if (!(noGhToF(at(w - 3)) || at(w - 4) === 72)) {
            out += 'F';
            skip++;
          }
        } else if (next === 78) {
          if (!(!isAlpha(afterNext) || (afterNext === 69 && lookAhead(word, w, 3) === 68))) out += 'K';
        } else if (makesSoft(next) && prev !== 71) out += 'J';
        else out += 'K';
        break;
      case 72: // H before a vowel, not after C G P S T
        if (isVowel(next) && !affectsH(prev)) out += 'H';
        break;
      case 75:
        if (prev !== 67) out += 'K';
        break;
      case 80:
        out += next === 72 ? 'F' : 'P';
        break;
      case 81:
        out += 'K';
        break;
      case 83: // S
        if (next === 73 && (afterNext === 79 || afterNext === 65)) out += SH;
        else if (next === 72) {
          out += SH;
          skip++;
        } else out += 'S';
        break;
      case 84: // T
        if (next === 73 && (afterNext === 79 || afterNext === 65)) out += SH;
        else if (next === 72) {
          out += TH;
          skip++;
        } else if (!(next === 67 && afterNext === 72)) out += 'T';
        break;
      case 86:
        out += 'F';
        break;
      case 87:
        if (isVowel(next)) out += 'W';
        break;
      case 88:
        out += 'KS';
        break;
      case 89:
        if (isVowel(next)) out += 'Y';
        break;
      case 90:
        out += 'S';
        break;
      case 70: case 74: case 76: case 77: case 78: case 82:
        out += String.fromCharCode(cur);
        break;
    }
    w += skip;
  }
  return out;
}

/** Lookahead(): the letter `far` places on, or the end of the word if that comes first. */
function lookAhead(word: string, w: number, far: number): number {
  const i = Math.min(w + far, word.length);
  if (i >= word.length) return 0;
  const c = word.charCodeAt(i);
  return c >= 97 && c <= 122 ? c - 32 : c;
}
