/**
 * Character classes of Ollama's parser (parser/parser.go: isAlpha, isNumber, isSpace, isNewline)
 * and of Go's strconv.IsPrint, which decides which characters the parser keeps at all.
 */

export function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

export function isNewline(ch: string): boolean {
  return ch === '\r' || ch === '\n';
}

export function isAsciiLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

export function isAsciiDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 48 && c <= 57;
}

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * Whether Ollama's parser keeps this character (one code point). It silently drops the others:
 * control characters, U+00A0, zero-width joiners, U+FEFF, private-use and unassigned code points.
 */
export function isPrint(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c < 0xa0) return c >= 0x20 && c < 0x7f;
  return PRINTABLE.test(ch);
}

/** ASCII-only lower case: command words are ASCII, and Go's ToLower maps nothing else onto them. */
export function asciiLower(word: string): string {
  return word.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
