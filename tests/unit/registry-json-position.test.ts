import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, locateJsonPath, positionAt } from '../../src/shared/json-position';

function acceptedByJsonParse(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('returns null for valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "b": {}}')).toBeNull();
  });

  it.each<[string, string, number, number, RegExp]>([
    ['trailing comma in an object', '{\n  "a": 1,\n}', 3, 1, /found "}" where a property name in double quotes was expected \(a trailing comma/],
    ['trailing comma in an array', '[1,\n 2,\n]', 3, 1, /a trailing comma is not allowed/],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /found a double quote \("\) where "," or "}" was expected \(is a comma missing/],
    ['single-quoted name', "{'a': 1}", 1, 2, /names need double quotes/],
    ['a comment', '{\n  // note\n  "a": 1\n}', 2, 3, /comments are not allowed/],
    ['a bare word', '{"a": tru}', 1, 7, /found "tru" where a value was expected/],
    ['a missing colon', '{"a" 1}', 1, 6, /found "1" where ":" after the property name was expected/],
    ['a line break inside a string', '{"a": "x\ny"}', 1, 9, /control characters such as line breaks must be escaped/],
    ['a bad escape', '{"a": "\\x"}', 1, 8, /"\\\\x", which is not a valid escape/],
    ['the end of the file', '{"a": [1, 2', 1, 12, /the file ends where "," or "]" was expected/],
    ['something after the value', '{}\n{}', 2, 1, /the JSON value is already complete/],
    ['a leading zero', '[01]', 1, 3, /found "1" where "," or "]" was expected/],
    ['a non-breaking space', '{\u00a0"a": 1}', 1, 2, /invisible character U\+00A0/],
  ])('reports %s with line and column', (_name, text, line, column, message) => {
    expect(acceptedByJsonParse(text)).toBe(false);
    const problem = findJsonSyntaxError(text);
    expect(problem).toMatchObject({ line, column });
    expect(problem?.message).toMatch(message);
  });

  it('agrees with JSON.parse on valid JSON and on damaged JSON', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('delete', 'insert'), fc.constantFrom(',', '}', ']', '"', ':', 'x', '0', ' ', '\n', '\\', '-', '.'))
      .map(([text, at, op, ch]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return op === 'delete' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged), (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(acceptedByJsonParse(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('positionAt', () => {
  it('counts lines across \\n, \\r\\n and \\r', () => {
    const text = 'a\nb\r\nc\rd';
    expect(positionAt(text, text.indexOf('d'))).toMatchObject({ line: 4, column: 1 });
    expect(positionAt(text, text.indexOf('c'))).toMatchObject({ line: 3, column: 1 });
  });
});

describe('locateJsonPath', () => {
  const text = '{\n  "models": {\n    "a.b:v1": {\n      "show_in_ui": "yes"\n    }\n  }\n}\n';

  it('finds where the value at a path starts', () => {
    expect(locateJsonPath(text, ['models', 'a.b:v1', 'show_in_ui'])).toMatchObject({ line: 4, column: 21 });
  });

  it('falls back to the deepest existing parent for a missing field', () => {
    expect(locateJsonPath(text, ['models', 'a.b:v1', 'display_name'])).toMatchObject({ line: 3, column: 15 });
  });

  it('returns null for invalid JSON', () => {
    expect(locateJsonPath('{', ['a'])).toBeNull();
  });
});
