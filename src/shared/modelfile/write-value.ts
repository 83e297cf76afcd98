import { isBlank, isNewline, isPrint } from './characters';
import { ValueReader } from './value-reader';

/**
 * A value as it must be written after its command so that Ollama's parser reads it back unchanged,
 * or undefined when no writing can (there are no escapes: e.g. a line ending in `"""` inside a
 * multi-line value that also ends a line elsewhere in `"`).
 *
 * Follows Ollama's formatter (parser.go `quote`): bare unless the value has a line break or
 * leading/trailing space, then `"…"`, or `"""…"""` when it contains `"`. Ollama's rule misses a few
 * values that would not read back (leading/trailing tab, a lone `\r`, a leading `"`, an empty
 * value, characters the parser drops); those are quoted too, and every result is checked by
 * reading it back.
 */
export function writeValue(value: string): string | undefined {
  if (value === '') return '""';
  if (!needsQuotes(value)) return readsBackAs(value, value) ? value : undefined;
  const quotes = value.includes('"') ? ['"""', '"'] : ['"', '"""'];
  for (const q of quotes) {
    const written = q + value + q;
    if (readsBackAs(written, value)) return written;
  }
  return undefined;
}

function needsQuotes(value: string): boolean {
  return /[\r\n]/.test(value) || /^[ \t]/.test(value) || /[ \t]$/.test(value) || value.startsWith('"');
}

/** Reads `written` as the parser reads a value that fills the rest of a command. */
function readsBackAs(written: string, expected: string): boolean {
  const reader = new ValueReader();
  for (const ch of written) {
    if (isNewline(ch)) {
      if (reader.closed()) return false; // the value would end here and the rest become new lines
      reader.pushBlank(ch);
    } else if (isBlank(ch)) reader.pushBlank(ch);
    else if (isPrint(ch)) reader.pushVisible(ch);
  }
  return reader.closed() && reader.value() === expected;
}
