/**
 * A user's regular expression, compiled, or why it does not compile in words. The engine's own
 * message repeats the whole pattern ("Invalid regular expression: /(/: Unterminated group");
 * the caller already says which pattern, so only the reason is kept.
 */
export function compileRegex(pattern: string, flags: string): { regex: RegExp; problem: null } | { regex: null; problem: string } {
  try {
    return { regex: new RegExp(pattern, flags), problem: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '').replace(/^Invalid flags supplied to RegExp constructor '([^']*)'$/, 'the flags "$1" are not valid (each of i, m, s, u at most once)');
    return { regex: null, problem: `is not a valid regular expression: ${reason}` };
  }
}
