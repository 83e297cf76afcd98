import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, parse, toOllamaCommands } from '../../../src/shared/modelfile';

/** Line and column of an offset, counted independently of the parser's own index. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const KNOWN_MESSAGES = [
  /^command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"$/,
  /^message role must be one of "system", "user", or "assistant"$/,
  /^unexpected EOF(: [A-Za-z0-9_]*)?$/,
  /^no FROM line$/,
];

const token = fc.oneof(
  fc.constantFrom(
    'FROM', 'from', 'From', 'PARAMETER', 'parameter', 'MESSAGE', 'SYSTEM', 'TEMPLATE', 'LICENSE', 'ADAPTER', 'REQUIRES',
    'DRAFT', 'RENDERER', 'PARSER', 'system', 'user', 'assistant', 'stop', 'temperature', 'num_ctx',
    '"', '"""', "'", '#', ' ', '  ', '\t', '\n', '\r\n', '\r', '{{', '}}', '\ufeff', '\u00a0', '\u200d', '\u2028', '\0',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), // lone surrogates
);
const noise = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''));
// Text shaped like a Modelfile, so that many inputs parse and the rest fail late, inside values.
const head = fc.oneof(
  fc.constantFrom('FROM', 'from', 'SYSTEM', 'TEMPLATE', 'LICENSE', 'ADAPTER', 'REQUIRES', 'DRAFT', 'RENDERER', 'PARSER', '#'),
  fc.constantFrom('stop', 'temperature', 'num_ctx', 'x_1', '', 'bad-name').map((name) => `PARAMETER ${name}`),
  fc.constantFrom('system', 'user', 'assistant', 'System', '').map((role) => `MESSAGE ${role}`),
);
const line = fc.tuple(fc.constantFrom('', ' ', '\t'), head, fc.constantFrom(' ', '\t', '  '), fc.array(token, { maxLength: 8 })).map(
  ([indent, word, gap, rest]) => `${indent}${word}${gap}${rest.join('')}`,
);
const shaped = fc
  .tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, from]) => (from ? ['FROM base', ...lines] : lines).join(eol));
const text = fc.oneof(noise, shaped);

describe('parse on arbitrary text', () => {
  it('never throws, and every failure is a positioned Modelfile error', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parse(input);
        if (result.ok) return;
        const { error } = result;
        expect(error.severity).toBe('error');
        expect(KNOWN_MESSAGES.some((re) => re.test(error.message))).toBe(true);
        expect(Number.isInteger(error.from) && Number.isInteger(error.to)).toBe(true);
        expect(0 <= error.from && error.from <= error.to && error.to <= input.length).toBe(true);
        expect({ line: error.line, column: error.column }).toEqual(position(input, error.from));
        expect({ line: error.endLine, column: error.endColumn }).toEqual(position(input, error.to));
      }),
      { numRuns: 10_000 },
    );
  });

  it('gives nodes in order within the text, and a FROM whenever it succeeds', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parse(input);
        let previousEnd = 0;
        for (const node of result.modelfile.nodes) {
          expect(node.from >= previousEnd && node.from <= node.to && node.to <= input.length).toBe(true);
          expect({ line: node.line, column: node.column }).toEqual(position(input, node.from));
          if (node.kind === 'command') expect(node.valueSpan.from >= node.keywordSpan.to && node.valueSpan.to <= node.to).toBe(true);
          previousEnd = node.to;
        }
        if (result.ok) expect(toOllamaCommands(result.modelfile).some((c) => c.name === 'model')).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('formats whatever it parses into text that parses back to the same commands', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parse(input);
        if (!result.ok) return;
        const again = parse(format(result.modelfile));
        expect(again.ok).toBe(true);
        expect(toOllamaCommands(again.modelfile)).toEqual(toOllamaCommands(result.modelfile));
      }),
      { numRuns: 10_000 },
    );
  });
});
