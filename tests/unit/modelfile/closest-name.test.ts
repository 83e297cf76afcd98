import { describe, expect, it } from 'vitest';
import { diagnose, parameterCatalog } from '../../../src/shared/modelfile';
import { closestName, editDistance } from '../../../src/shared/modelfile/closest-name';

const NAMES = parameterCatalog.map((p) => p.name);

describe('closestName', () => {
  it.each([
    ['temprature', 'temperature'],
    ['temperture', 'temperature'],
    ['Temperature', 'temperature'],
    ['top-k', 'top_k'],
    ['num_ctxx', 'num_ctx'],
    ['rpeeat_penalty', 'repeat_penalty'],
  ])('%s → %s', (typo, meant) => {
    expect(closestName(typo, NAMES)).toBe(meant);
  });

  it('suggests nothing for a name far from every known one', () => {
    expect(closestName('banana', NAMES)).toBeNull();
    expect(closestName('', NAMES)).toBeNull();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('PARAMETER diagnostics that help', () => {
  it('an unknown name says which known one was meant, and carries it as the fix', () => {
    const [found] = diagnose('FROM llama3\nPARAMETER temprature 0.5\n').diagnostics;
    expect(found).toMatchObject({ code: 'unknown-parameter', message: "unknown parameter 'temprature'", fix: 'temperature', line: 2, column: 11 });
    expect(found?.hint).toContain('did you mean `temperature`?');
  });

  it('an unknown name with nothing close points to the list instead', () => {
    const [found] = diagnose('FROM llama3\nPARAMETER banana 1\n').diagnostics;
    expect(found?.fix).toBeUndefined();
    expect(found?.hint).toContain('the list of parameters Ollama knows');
  });

  it("two spaces after PARAMETER are explained, not reported as unknown parameter ''", () => {
    const [found] = diagnose('FROM llama3\nPARAMETER  temperature 0.5\n').diagnostics;
    expect(found?.code).toBe('empty-parameter-name');
    expect(found?.message).not.toContain("''");
    expect(found?.message).toContain('more than one space');
    expect(found?.hint).toContain('exactly one space');
  });
});
