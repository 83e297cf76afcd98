export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'space';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

// Strings (a key when a colon follows), numbers, true/false/null, punctuation, whitespace.
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)/gy;

/** Splits JSON.stringify output into tokens for colouring; anything unexpected is kept as punctuation. */
export function jsonTokens(json: string): JsonToken[] {
  const out: JsonToken[] = [];
  TOKEN.lastIndex = 0;
  let index = 0;
  while (index < json.length) {
    TOKEN.lastIndex = index;
    const m = TOKEN.exec(json);
    if (!m) {
      out.push({ kind: 'punct', text: json[index]! });
      index++;
      continue;
    }
    if (m[1] !== undefined) {
      out.push({ kind: m[2] === undefined ? 'string' : 'key', text: m[1] });
      if (m[2] !== undefined) out.push({ kind: 'punct', text: m[2] });
    } else if (m[3] !== undefined) out.push({ kind: 'number', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'literal', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'punct', text: m[5] });
    else out.push({ kind: 'space', text: m[6] ?? '' });
    index = TOKEN.lastIndex;
  }
  return out;
}
