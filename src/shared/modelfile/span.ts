/**
 * Where something is in a Modelfile's text. Lines and columns are 1-based; the end is exclusive.
 * Offsets and columns count UTF-16 code units, as JavaScript strings and CodeMirror do.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  from: number;
  to: number;
}

/** The span at the very start of a text, for findings that belong to no line. */
export const START_SPAN: Span = { line: 1, column: 1, endLine: 1, endColumn: 1, from: 0, to: 0 };

/** Turns offsets into lines and columns. Line breaks are `\r\n`, `\r` and `\n`, as CodeMirror splits lines. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  span(from: number, to: number): Span {
    const start = this.position(from);
    const end = this.position(to);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, from, to };
  }
}
