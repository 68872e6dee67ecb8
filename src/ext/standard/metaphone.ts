// ext/standard/metaphone.c: the metaphone phonetic key.

export function metaphone(s: string, max: number): string {
  void max;
  return s;
}
