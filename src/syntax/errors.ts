// Errors found while reading source: PHP reports them as "Parse error: <message> in <file> on line <n>"
// (ParseError, a catchable \ParseError when raised by eval/include) or, for the few checks PHP makes
// while compiling, "Fatal error: <message> ..." (CompileError).

export class PhpSyntaxError extends Error {
  constructor(
    message: string,
    public readonly line: number,
    /** 'parse' → "Parse error: ..." (class ParseError); 'compile' → "Fatal error: ..." (class CompileError) */
    public readonly type: 'parse' | 'compile' = 'parse',
    /** raised by a grammar action as a thrown CompileError (catchable around eval/include) */
    public readonly thrown = false,
  ) {
    super(message);
  }
}
