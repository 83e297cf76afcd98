import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, decodeModelfile, parse, toOllamaCommands } from '../../../src/shared/modelfile';
import type { CommandNode, Modelfile, ParseResult } from '../../../src/shared/modelfile';

function parsed(text: string): Modelfile {
  const result = parse(text);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.modelfile;
}

function failure(text: string): Extract<ParseResult, { ok: false }> {
  const result = parse(text);
  if (result.ok) throw new Error('expected a parse error');
  return result;
}

function commands(text: string) {
  return toOllamaCommands(parsed(text));
}

const at = (s: { line: number; column: number; endLine: number; endColumn: number }) => [s.line, s.column, s.endLine, s.endColumn];

describe('parse: positions', () => {
  const m = parsed('FROM llama3\n  PARAMETER temperature 0.7\nMESSAGE user "hi there"\n');
  const [from, parameter, message] = m.nodes as CommandNode[];

  it('puts the whole command, its keyword and its value at their lines and columns', () => {
    expect(from).toMatchObject({ command: 'from', value: 'llama3', from: 0, to: 11 });
    expect(at(from!)).toEqual([1, 1, 1, 12]);
    expect(at(from!.keywordSpan)).toEqual([1, 1, 1, 5]);
    expect(at(from!.valueSpan)).toEqual([1, 6, 1, 12]);
  });

  it('places a parameter name and value, after leading indentation', () => {
    expect(parameter).toMatchObject({ command: 'parameter', name: 'temperature', value: '0.7' });
    expect(at(parameter!)).toEqual([2, 3, 2, 28]);
    if (parameter?.command !== 'parameter') throw new Error('not a parameter');
    expect(at(parameter.nameSpan)).toEqual([2, 13, 2, 24]);
    expect(at(parameter.valueSpan)).toEqual([2, 25, 2, 28]);
  });

  it('places a message role, and a quoted value with its quotes', () => {
    if (message?.command !== 'message') throw new Error('not a message');
    expect(message).toMatchObject({ role: 'user', value: 'hi there', quote: '"' });
    expect(at(message.roleSpan)).toEqual([3, 9, 3, 13]);
    expect(at(message.valueSpan)).toEqual([3, 14, 3, 24]);
    expect(m.source.slice(message.valueSpan.from, message.valueSpan.to)).toBe('"hi there"');
  });

  it('spans a multi-line value to its closing quote', () => {
    const [, system] = parsed('FROM a\nSYSTEM """\nline one\nline two"""\n').nodes as CommandNode[];
    expect(system).toMatchObject({ value: '\nline one\nline two', quote: '"""' });
    expect(at(system!)).toEqual([2, 1, 4, 12]);
  });

  it('counts \\r\\n as one line break', () => {
    const [, system] = parsed('FROM a\r\nSYSTEM b\r\n').nodes as CommandNode[];
    expect(system).toMatchObject({ value: 'b', line: 2, column: 1 });
  });
});

describe('parse: comments and blank lines', () => {
  it('keeps # lines as comment nodes, with their position', () => {
    const m = parsed('# top\nFROM a\n   # indented\n\nSYSTEM s');
    expect(m.nodes.map((n) => n.kind)).toEqual(['comment', 'command', 'comment', 'command']);
    expect(m.nodes[2]).toMatchObject({ kind: 'comment', text: '# indented', line: 3, column: 4, endColumn: 14 });
    expect(m.nodes[3]).toMatchObject({ line: 5 });
  });

  it('treats # after a command as part of its value', () => {
    expect(commands('FROM foo # x')).toEqual([{ name: 'model', args: 'foo # x' }]);
  });

  it('keeps a comment at the very end without a line break', () => {
    expect(parsed('FROM a\n# last').nodes[1]).toMatchObject({ kind: 'comment', text: '# last' });
  });
});

describe('parse: the grammar as Ollama reads it', () => {
  it('accepts every command, in any case, followed by a space or a tab', () => {
    for (const name of COMMAND_NAMES) {
      const line = name === 'parameter' ? 'Parameter\tstop x' : name === 'message' ? 'mEsSaGe\tuser x' : `${name.toUpperCase()}\tx`;
      expect(parse(`FROM a\n${line}\n`).ok, line).toBe(true);
    }
  });

  it('lets the last FROM come anywhere', () => {
    expect(commands('SYSTEM s\nFROM a\nFROM b')).toEqual([
      { name: 'system', args: 's' },
      { name: 'model', args: 'a' },
      { name: 'model', args: 'b' },
    ]);
  });

  it('removes only the outermost quotes and knows no escapes', () => {
    expect(commands('FROM a\nSYSTEM ""a""')[1]?.args).toBe('"a"');
    expect(commands('FROM a\nSYSTEM "a\\nb"')[1]?.args).toBe('a\\nb');
    expect(commands("FROM a\nSYSTEM 'single'")[1]?.args).toBe("'single'");
  });

  it('keeps reading a quoted value when text follows the closing quote on its line', () => {
    expect(commands('FROM a\nSYSTEM "one" two\nthree"\n')[1]?.args).toBe('one" two\nthree');
  });

  it('keeps \\r\\n inside a quoted value, as Ollama does', () => {
    expect(commands('FROM a\r\nSYSTEM "x\r\ny"\r\n')[1]?.args).toBe('x\r\ny');
  });

  it('drops characters Go does not print (NBSP, zero-width joiner, controls) as Ollama does', () => {
    expect(commands('FROM a\u00a0b\u200dc\u0007d')[0]?.args).toBe('abcd');
    expect(commands('\u00a0FROM x')[0]?.args).toBe('x');
  });

  it('ignores a leading byte-order mark, given as text or as bytes', () => {
    expect(commands('\ufeffFROM x')).toEqual([{ name: 'model', args: 'x' }]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('FROM y')]);
    expect(commands(decodeModelfile(bytes))).toEqual([{ name: 'model', args: 'y' }]);
  });

  it('accepts an empty value after a trailing space, and an empty parameter name after two spaces', () => {
    expect(commands('FROM a\nSYSTEM \n')[1]).toEqual({ name: 'system', args: '' });
    expect(commands('FROM a\nPARAMETER  v')[1]).toEqual({ name: '', args: 'v' });
  });
});

describe('parse: errors, with Ollama messages and positions', () => {
  it('rejects an unknown command on its word', () => {
    const { error } = failure('FROM a\n\nBADCOMMAND x');
    expect(error).toMatchObject({ severity: 'error', code: 'invalid-command', line: 3, column: 1, endLine: 3, endColumn: 11 });
    expect(error.message).toMatch(/^command must be one of "from", /);
    expect(error.hint).toContain('BADCOMMAND');
  });

  it('rejects a command followed directly by a line break, with a hint to add a value', () => {
    const { error } = failure('FROM a\nSYSTEM\nx');
    expect(error).toMatchObject({ code: 'invalid-command', line: 2, column: 1, endColumn: 7 });
    expect(error.hint).toMatch(/SYSTEM needs a value/);
  });

  it('rejects a command word with other characters in it', () => {
    expect(failure('FROM:a').error).toMatchObject({ code: 'invalid-command', line: 1, column: 1, endColumn: 6 });
  });

  it('rejects a message role that is not exactly system, user or assistant, on the role', () => {
    const { error } = failure('FROM a\nMESSAGE User hi');
    expect(error).toMatchObject({ code: 'invalid-role', message: 'message role must be one of "system", "user", or "assistant"', line: 2, column: 9, endColumn: 13 });
  });

  it('reports a cut-short parameter name as Go does (unexpected EOF: <name>)', () => {
    expect(failure('FROM a\nPARAMETER num-ctx 1').error).toMatchObject({ message: 'unexpected EOF: num', line: 2, column: 11, endColumn: 15 });
  });

  it('reports an unterminated quote from the opening quote to the end of the text', () => {
    const text = 'FROM a\nSYSTEM """never\nclosed\n';
    const { error } = failure(text);
    expect(error).toMatchObject({ code: 'unexpected-eof', message: 'unexpected EOF', line: 2, column: 8, from: 14, to: text.length });
  });

  it('reports a missing FROM at the start, keeping what was parsed', () => {
    const result = failure('SYSTEM s\n');
    expect(result.error).toMatchObject({ code: 'no-from', message: 'no FROM line', line: 1, column: 1, from: 0, to: 0 });
    expect(toOllamaCommands(result.modelfile)).toEqual([{ name: 'system', args: 's' }]);
  });

  it('keeps the nodes read before a syntax error', () => {
    expect(toOllamaCommands(failure('FROM a\nSYSTEM s\nOOPS x').modelfile)).toEqual([
      { name: 'model', args: 'a' },
      { name: 'system', args: 's' },
    ]);
  });
});

describe('parse: size', () => {
  it('reads a long multi-line value in linear time', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `line ${i} with "quotes" in it`).join('\n');
    const started = Date.now();
    const m = parsed(`FROM a\nTEMPLATE """${body}"""\n`);
    expect((m.nodes[1] as CommandNode).value).toBe(body);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
