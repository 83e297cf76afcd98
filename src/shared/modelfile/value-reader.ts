import type { ValueQuote } from './ast';

/**
 * Collects a command's value the way Ollama's parser does (parser/parser.go, stateValue and
 * `unquote`): the text is trimmed, and at each line break the value ends if the trimmed text is
 * bare, or starts and ends with the same quote (`"` or `"""`). Only the outer quotes are removed;
 * there are no escapes.
 *
 * Only the first and last three code units and the lengths are tracked while reading, so that a
 * long multi-line value stays linear to read (Go re-trims the whole buffer at every line break).
 */
export class ValueReader {
  private readonly chunks: string[] = [];
  private length = 0;
  /** Index of the first visible character, -1 while there is none. */
  private first = -1;
  /** Index just past the last visible character. */
  private lastEnd = 0;
  /** The first code units from the first visible character on. */
  private head = '';
  /** The last three code units up to and including the last visible character. */
  private tail = '';
  private recent = '';
  /** Source offsets of the first visible character and just past the last one, when given. */
  firstAt = -1;
  lastEndAt = -1;

  /** Spaces, tabs or line breaks inside the value. */
  pushBlank(blanks: string): void {
    this.push(blanks);
  }

  /** Printable characters other than spaces, starting at source offset `at`. */
  pushVisible(text: string, at = -1): void {
    if (this.first < 0) {
      this.first = this.length;
      this.firstAt = at;
    }
    this.push(text);
    this.lastEnd = this.length;
    this.lastEndAt = at + text.length;
    this.tail = this.recent;
  }

  get isEmpty(): boolean {
    return this.first < 0;
  }

  /** Whether a line break here ends the value (Go: `unquote(strings.TrimSpace(b))` is ok). */
  closed(): boolean {
    const n = this.lastEnd - this.first;
    switch (this.quote()) {
      case '"""':
        return n >= 6 && this.tail.endsWith('"""');
      case '"':
        return n >= 2 && this.tail.endsWith('"');
      default:
        return true;
    }
  }

  quote(): ValueQuote {
    if (this.head.startsWith('"""')) return '"""';
    if (this.head.startsWith('"')) return '"';
    return '';
  }

  /** The value with its outer quotes removed. Call once the value is closed. */
  value(): string {
    if (this.first < 0) return '';
    const trimmed = this.chunks.join('').slice(this.first, this.lastEnd);
    const q = this.quote().length;
    return trimmed.slice(q, trimmed.length - q);
  }

  private push(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
    if (this.first >= 0 && this.head.length < 3) this.head = (this.head + text.slice(0, 3)).slice(0, 3);
    this.recent = (this.recent + text.slice(-3)).slice(-3);
  }
}
