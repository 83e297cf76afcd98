import { describe, expect, it } from 'vitest';
import { decodeModelfile, format, parse, toCreateRequest, toOllamaCommands } from '../../../src/shared/modelfile';
import { createRequestCases, filesForModelCases, formatRoundTripCases, parseCases } from './fixtures/ollama-parser-cases';
import { encode, fakeFileSystem } from './fake-file-system';

describe("Ollama's parser_test.go cases", () => {
  it.each(parseCases)('$test', ({ input, encoding, commands, error }) => {
    const text = encoding ? decodeModelfile(encode(input, encoding)) : input;
    const result = parse(text);
    if (error) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toBe(error.message);
      if (error.line !== undefined) expect(result.error.line).toBe(error.line);
    } else {
      expect(result.ok ? toOllamaCommands(result.modelfile) : result.error).toEqual(commands);
    }
  });

  it.each(formatRoundTripCases)('$test: parse(format(m)) has the commands of m', ({ input, contains }) => {
    const first = parse(input);
    if (!first.ok) throw new Error(first.error.message);
    const text = format(first.modelfile);
    if (contains) expect(text).toContain(contains);
    const second = parse(text);
    if (!second.ok) throw new Error(second.error.message);
    expect(toOllamaCommands(second.modelfile)).toEqual(toOllamaCommands(first.modelfile));
  });

  it.each(createRequestCases)('$test', async ({ input, modelfileDir, tree, request, uploads, error }) => {
    const parsed = parse(input);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const fs = fakeFileSystem(tree?.root ?? '/nowhere', tree?.files ?? []);
    const result = await toCreateRequest(parsed.modelfile, { model: 'test:latest', modelfileDir, probe: fs.probe, list: fs.list });
    if (error) {
      expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([error]);
      return;
    }
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    expect(result.request).toEqual({ model: 'test:latest', ...request });
    expect(result.uploads.map((u) => `${u.field}/${u.key}`).sort()).toEqual([...(uploads ?? [])].sort());
  });

  it.each(filesForModelCases)('TestFilesForModel: $test', async ({ files, want, error }) => {
    const parsed = parse('FROM .');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const fs = fakeFileSystem('/models/m', files);
    const result = await toCreateRequest(parsed.modelfile, { model: 'm', modelfileDir: '/models/m', probe: fs.probe, list: fs.list });
    if (error) {
      expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([error]);
      return;
    }
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    expect(result.uploads.map((u) => u.key).sort()).toEqual([...(want ?? [])].sort());
    expect(result.uploads.every((u) => u.kind === 'model' && u.field === 'files' && u.path === `/models/m/${u.key}`)).toBe(true);
  });
});
