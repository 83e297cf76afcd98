import { describe, expect, it } from 'vitest';
import { commandsOf, parse } from '../../../src/shared/modelfile';
import { setParameter } from '../../../src/shared/modelfile/set-parameter';

function numCtxOf(text: string): string[] {
  const parsed = parse(text);
  return commandsOf(parsed.modelfile).flatMap((node) => (node.command === 'parameter' && node.name === 'num_ctx' ? [node.value] : []));
}

describe('setParameter', () => {
  it('replaces the value of the last PARAMETER of that name and keeps every other byte', () => {
    const text = '# mine\r\nFROM llama3\r\nPARAMETER num_ctx 2048\r\nPARAMETER temperature 0.7\r\nPARAMETER num_ctx 4096  \r\n';
    const result = setParameter(text, 'num_ctx', '8192');
    expect(result).toEqual({ ok: true, changed: true, previous: '4096', text: text.replace('4096', '8192') });
  });

  it('adds the line after the last PARAMETER, with the file’s line breaks', () => {
    const result = setParameter('FROM llama3\r\nPARAMETER temperature 0.7\r\nSYSTEM hi\r\n', 'num_ctx', '16384');
    expect(result.ok && result.text).toBe('FROM llama3\r\nPARAMETER temperature 0.7\r\nPARAMETER num_ctx 16384\r\nSYSTEM hi\r\n');
  });

  it('adds it at the end when there is no PARAMETER, even without a final newline', () => {
    const result = setParameter('FROM llama3\nSYSTEM """a\nb"""', 'num_ctx', '8192');
    expect(result.ok && result.text).toBe('FROM llama3\nSYSTEM """a\nb"""\nPARAMETER num_ctx 8192\n');
    expect(result.ok && numCtxOf(result.text)).toEqual(['8192']);
  });

  it('changes nothing when the value is already set', () => {
    const text = 'FROM x\nPARAMETER num_ctx 8192\n';
    expect(setParameter(text, 'num_ctx', '8192')).toEqual({ ok: true, text, changed: false, previous: '8192' });
  });

  it('refuses a file that does not parse, saying where', () => {
    const result = setParameter('FROM x\nBOGUS y\n', 'num_ctx', '8192');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^line 2: /) });
  });
});
