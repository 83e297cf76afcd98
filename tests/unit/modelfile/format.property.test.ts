import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, parse, toOllamaCommands, UnwritableValueError } from '../../../src/shared/modelfile';
import type { FormatNode, OllamaCommand } from '../../../src/shared/modelfile';

// Values the parser can hold: printable characters (Go's strconv.IsPrint), spaces, tabs, line breaks.
const printable = fc.string({ unit: 'binary', maxLength: 8 }).map((s) => [...s].filter((ch) => /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)).join(''));
const piece = fc.oneof(
  printable,
  fc.constantFrom('"', '""', '"""', "'", ' ', '  ', '\t', '\n', '\r\n', '\r', '#', '# x', 'FROM x', 'PARAMETER', '{{ .Prompt }}', '你好👋'),
);
const value = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));
const plain = fc.constantFrom('from', 'license', 'template', 'system', 'adapter', 'draft', 'renderer', 'parser', 'requires' as const);

const command: fc.Arbitrary<FormatNode> = fc.oneof(
  fc.record({ kind: fc.constant('command' as const), command: plain, value }),
  fc.record({ kind: fc.constant('command' as const), command: fc.constant('parameter' as const), name: fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), value }),
  fc.record({ kind: fc.constant('command' as const), command: fc.constant('message' as const), role: fc.constantFrom('system', 'user', 'assistant' as const), value }),
  fc.record({ kind: fc.constant('comment' as const), text: fc.stringMatching(/^#[^\r\n]{0,20}$/) }),
);
const modelfile = fc
  .tuple(value, fc.array(command, { maxLength: 12 }), fc.nat())
  .map(([from, rest, at]): FormatNode[] => {
    const nodes = [...rest];
    nodes.splice(at % (rest.length + 1), 0, { kind: 'command', command: 'from', value: from });
    return nodes;
  });

function expectedCommands(nodes: readonly FormatNode[]): OllamaCommand[] {
  return nodes.flatMap((node): OllamaCommand[] => {
    if (node.kind === 'comment') return [];
    if (node.command === 'parameter') return [{ name: node.name, args: node.value }];
    if (node.command === 'message') return [{ name: 'message', args: `${node.role}: ${node.value}` }];
    return [{ name: node.command === 'from' ? 'model' : node.command, args: node.value }];
  });
}

// The one shape no quoting can write: a line inside the value that ends (after blanks) in """,
// which closes a """ value early, and then " quoting fails as well.
const UNWRITABLE = /"""[ \t\r\n]*[\r\n]/;

describe('format', () => {
  it('writes generated Modelfiles so that parse gives back their commands', () => {
    fc.assert(
      fc.property(modelfile, (nodes) => {
        let text: string;
        try {
          text = format({ nodes });
        } catch (error) {
          expect(error).toBeInstanceOf(UnwritableValueError);
          expect((error as UnwritableValueError).value).toMatch(UNWRITABLE);
          return;
        }
        const result = parse(text);
        expect(result.ok ? toOllamaCommands(result.modelfile) : result.error).toEqual(expectedCommands(nodes));
        if (result.ok) expect(format(result.modelfile)).toBe(text);
      }),
      { numRuns: 10_000 },
    );
  });
});
