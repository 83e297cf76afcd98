/**
 * Where a JSON text goes wrong, in terms a person can act on (line, column, what was found).
 * JSON.parse's messages differ between engines and some carry no position at all, so this scans
 * the text itself with the grammar of RFC 8259, the same grammar JSON.parse accepts.
 */

export interface JsonPosition {
  /** Offset in UTF-16 code units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters (UTF-16 code units) from the start of the line. */
  column: number;
}

export interface JsonSyntaxProblem extends JsonPosition {
  /** `found "}" where a property name in double quotes was expected (…)`. */
  message: string;
}

export function positionAt(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The first syntax error in `text`, or null when JSON.parse would accept it. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  return inspectJson(text).problem;
}

export interface JsonInspectOptions {
  /**
   * Deepest nesting accepted (the top-level value is level 1). Also bounds this scanner's own
   * recursion, so a hostile text cannot overflow the stack.
   */
  maxDepth?: number;
  /** Report a key that appears twice in one object (JSON.parse silently keeps the last). */
  duplicateKeys?: boolean;
}

export interface JsonInspection {
  problem: (JsonSyntaxProblem & { kind: 'syntax' | 'depth' | 'duplicate' }) | null;
  /** Some number would change through JSON.parse (too many digits, out of range). */
  exactNumbers: boolean;
}

const SCANNER_MAX_DEPTH = 1000;

/** One pass over `text`: syntax, nesting depth, duplicate keys, and numbers JSON.parse would change. */
export function inspectJson(text: string, options: JsonInspectOptions = {}): JsonInspection {
  const scanner = new Scanner(text, null, options);
  try {
    scanner.document();
    return { problem: null, exactNumbers: scanner.exactNumbers };
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { problem: { ...positionAt(text, error.offset), message: error.message, kind: error.kind }, exactNumbers: scanner.exactNumbers };
  }
}

/**
 * Where the value at `path` starts in a valid JSON text; when the path does not exist (a missing
 * field), where its deepest existing parent starts. Null for an invalid text.
 */
export function locateJsonPath(text: string, path: ReadonlyArray<PropertyKey>): JsonPosition | null {
  const scanner = new Scanner(text, path.map((part) => String(part)), {});
  try {
    scanner.document();
  } catch (error) {
    if (error instanceof ScanError) return null;
    throw error;
  }
  return positionAt(text, scanner.bestOffset);
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly kind: 'syntax' | 'depth' | 'duplicate' = 'syntax',
  ) {
    super(message);
  }
}

const TRAILING_COMMA = ' (a trailing comma is not allowed in JSON)';

class Scanner {
  private pos = 0;
  /** Offset of the deepest value found along the target path. */
  bestOffset = 0;
  private bestDepth = -1;
  exactNumbers = false;
  private depth = 0;
  private readonly maxDepth: number;
  private readonly duplicateKeys: boolean;

  constructor(
    private readonly text: string,
    private readonly target: string[] | null,
    options: JsonInspectOptions,
  ) {
    this.maxDepth = Math.min(options.maxDepth ?? SCANNER_MAX_DEPTH, SCANNER_MAX_DEPTH);
    this.duplicateKeys = options.duplicateKeys ?? false;
  }

  document(): void {
    this.skipSpace();
    this.value(this.target ? [] : null);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('the end of the file (the JSON value is already complete)');
  }

  private value(path: string[] | null): void {
    if (path) this.track(path);
    const ch = this.text[this.pos];
    if (ch === '{' || ch === '[') {
      if (++this.depth > this.maxDepth) {
        throw new ScanError(this.pos, `found a value nested more than ${this.maxDepth} levels deep (the limit is ${this.maxDepth})`, 'depth');
      }
      if (ch === '{') this.object(path);
      else this.array(path);
      this.depth--;
      return;
    }
    if (ch === '"') {
      this.string();
      return;
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    this.fail('a value', ch === "'" ? ' (strings need double quotes)' : '');
  }

  private object(path: string[] | null): void {
    this.pos++; // {
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    const seen = this.duplicateKeys ? new Map<string, number>() : null;
    for (;;) {
      if (this.text[this.pos] !== '"') {
        const ch = this.text[this.pos];
        const hint = ch === "'" ? ' (names need double quotes)' : ch === '}' ? TRAILING_COMMA : '';
        this.fail('a property name in double quotes', hint);
      }
      const keyOffset = this.pos;
      const key = this.string();
      if (seen) {
        const first = seen.get(key);
        if (first !== undefined) {
          const line = positionAt(this.text, first).line;
          throw new ScanError(keyOffset, `found the key ${JSON.stringify(key)} a second time in the same object (first on line ${line}); JSON keeps only one of them, so remove or rename one`, 'duplicate');
        }
        seen.set(key, keyOffset);
      }
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('":" after the property name');
      this.pos++;
      this.skipSpace();
      this.value(path && [...path, key]);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === '}') {
        this.pos++;
        return;
      }
      if (next !== ',') this.fail('"," or "}"', next === '"' ? ' (is a comma missing before it?)' : '');
      this.pos++;
      this.skipSpace();
    }
  }

  private array(path: string[] | null): void {
    this.pos++; // [
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      if (index > 0 && this.text[this.pos] === ']') this.fail('a value', TRAILING_COMMA);
      this.value(path && [...path, String(index)]);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ']') {
        this.pos++;
        return;
      }
      if (next !== ',') this.fail('"," or "]"', next === '"' ? ' (is a comma missing before it?)' : '');
      this.pos++;
      this.skipSpace();
    }
  }

  /** Returns the decoded string, used as a property name. */
  private string(): string {
    const start = ++this.pos; // opening quote
    let out = '';
    let chunkStart = start;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('a closing double quote');
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) this.fail('the rest of the string (control characters such as line breaks must be escaped)');
      if (code === 0x5c) {
        out += this.text.slice(chunkStart, this.pos);
        out += this.escape();
        chunkStart = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private escape(): string {
    const escapeStart = this.pos;
    const ch = this.text[this.pos + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (ch !== undefined && ch in simple) {
      this.pos += 2;
      return simple[ch] ?? '';
    }
    if (ch === 'u') {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (/^[0-9A-Fa-f]{4}$/.test(hex)) {
        this.pos += 6;
        return String.fromCharCode(parseInt(hex, 16));
      }
    }
    this.pos = escapeStart;
    const shown = this.text.slice(escapeStart, escapeStart + (ch === 'u' ? 6 : 2));
    throw new ScanError(escapeStart, `found ${JSON.stringify(shown)}, which is not a valid escape (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)`);
  }

  private number(): void {
    const start = this.pos;
    this.numberToken();
    if (!this.exactNumbers) {
      const token = this.text.slice(start, this.pos);
      const value = Number(token);
      // JSON.parse keeps it exactly when the number prints back as written (or is a safe integer).
      this.exactNumbers = /^-?\d+$/.test(token) ? !Number.isSafeInteger(value) : String(value) !== token;
    }
  }

  private numberToken(): void {
    if (this.text[this.pos] === '-') this.pos++;
    if (this.text[this.pos] === '0') this.pos++;
    else if (!this.digits()) this.fail('a digit');
    if (this.text[this.pos] === '.') {
      this.pos++;
      if (!this.digits()) this.fail('a digit after the decimal point');
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++;
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++;
      if (!this.digits()) this.fail('a digit in the exponent');
    }
  }

  private digits(): boolean {
    const start = this.pos;
    for (let code = this.text.charCodeAt(this.pos); code >= 0x30 && code <= 0x39; code = this.text.charCodeAt(this.pos)) {
      this.pos++;
    }
    return this.pos > start;
  }

  private skipSpace(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else return;
    }
  }

  private track(path: string[]): void {
    const target = this.target;
    if (!target || path.length <= this.bestDepth || path.length > target.length) return;
    for (let i = 0; i < path.length; i++) if (path[i] !== target[i]) return;
    this.bestDepth = path.length;
    this.bestOffset = this.pos;
  }

  private fail(expected: string, hint = ''): never {
    if (this.pos >= this.text.length) {
      throw new ScanError(this.pos, `the file ends where ${expected} was expected`);
    }
    const comment = this.text.startsWith('//', this.pos) || this.text.startsWith('/*', this.pos);
    const extra = hint || (comment ? ' (comments are not allowed in JSON)' : '');
    throw new ScanError(this.pos, `found ${this.describe()} where ${expected} was expected${extra}`);
  }

  /** The token at the current position as a user would recognise it. */
  private describe(): string {
    const word = /^[A-Za-z0-9_$]{1,24}/.exec(this.text.slice(this.pos, this.pos + 24));
    if (word) return JSON.stringify(word[0]);
    const code = this.text.codePointAt(this.pos) ?? 0;
    if (code === 0x22) return 'a double quote (")';
    if (code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff || (code >= 0x2000 && code <= 0x200f)) {
      return `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return JSON.stringify(String.fromCodePoint(code));
  }
}
