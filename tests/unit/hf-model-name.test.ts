import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseModelProblem, parseBaseModelName } from '../../src/shared/base-model-name';
import { huggingFaceQuant, isHuggingFaceName, parseHuggingFaceName } from '../../src/shared/hf-model-name';
import { modelNameProblem } from '../../src/shared/model-name';
import { ollamaModelNameSchema } from '../../src/shared/model-name-schema';
import { checkBaseModelName } from '../../src/main/base-models/base-model-ops';

describe('Hugging Face model names', () => {
  it.each([
    ['hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF', { host: 'hf.co', user: 'bartowski', repo: 'Llama-3.2-1B-Instruct-GGUF', quant: null }],
    ['hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M', { user: 'bartowski', quant: 'Q4_K_M' }],
    ['hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:iq3_m', { quant: 'iq3_m' }],
    ['huggingface.co/mlabonne/Meta-Llama-3.1-8B-Instruct-abliterated-GGUF', { host: 'huggingface.co', user: 'mlabonne' }],
    ['HF.CO/arcee-ai/SuperNova-Medius-GGUF:latest', { host: 'hf.co', user: 'arcee-ai', quant: 'latest' }],
    ['hf.co/_under/repo.with.dots', { user: '_under', repo: 'repo.with.dots' }],
    ['hf.co/u/r:F16', { user: 'u', repo: 'r', quant: 'F16' }],
    [`hf.co/${'u'.repeat(80)}/${'r'.repeat(80)}:${'t'.repeat(80)}`, { quant: 't'.repeat(80) }],
  ])('accepts %s', (input, expected) => {
    const parsed = parseHuggingFaceName(input);
    expect(parsed).toMatchObject({ ok: true, value: expected });
    // Whatever is accepted is a name Ollama itself accepts (types/model/name.go).
    if (parsed.ok) expect(modelNameProblem(parsed.value.name)).toBeNull();
  });

  it('takes a pasted https:// address as Ollama does, without the scheme', () => {
    expect(parseBaseModelName('https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF')).toEqual({
      ok: true,
      name: 'huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF',
    });
    expect(parseBaseModelName('https://hf.co/u/r:Q8_0')).toEqual({ ok: true, name: 'hf.co/u/r:Q8_0' });
  });

  it.each([
    ['hf.co', /needs a user and a repository/],
    ['hf.co/bartowski', /needs a user and a repository/],
    ['hf.co/bartowski/', /needs a user and a repository/],
    ['hf.co//repo', /needs a user and a repository/],
    ['http://hf.co/u/r', /only over https/],
    ['ftp://hf.co/u/r', /only over https/],
    ['www.huggingface.co/u/r', /write hf\.co instead/],
    ['hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF/blob/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf', /page or file address.*hf\.co\/bartowski\/Llama-3\.2-1B-Instruct-GGUF/],
    ['https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/tree/main', /page or file address/],
    ['hf.co/some.user/repo', /user "some\.user" contains a dot/],
    ['hf.co/-user/repo', /user "-user" may use only/],
    ['hf.co/us er/repo', /user "us er" may use only/],
    [`hf.co/${'u'.repeat(81)}/repo`, /longer than Ollama's 80/],
    [`hf.co/u/${'r'.repeat(81)}`, /has 81 characters; Ollama takes at most 80/],
    ['hf.co/u/.repo', /repository ".repo" may use only/],
    ['hf.co/u/re po', /repository "re po"/],
    ['hf.co/u/repo:', /nothing follows ":"/],
    ['hf.co/u/repo:Q4 K M', /quantization tag "Q4 K M"/],
    ['hf.co/u/repo:-Q4', /quantization tag "-Q4"/],
    [`hf.co/u/repo:${'q'.repeat(81)}`, /quantization tag/],
    [' hf.co/u/repo', /spaces/],
  ])('refuses %s with a message that says what is wrong', (input, message) => {
    const parsed = parseHuggingFaceName(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(message);
  });

  it('names a non-Hugging-Face name as such', () => {
    expect(isHuggingFaceName('llama3.1:8b')).toBe(false);
    expect(isHuggingFaceName('registry.ollama.ai/library/llama3')).toBe(false);
    expect(parseHuggingFaceName('llama3')).toEqual({ ok: false, problem: '"llama3" is not on hf.co or huggingface.co' });
  });

  it('reads the quantization a name asks for, with Hugging Face’s Q4_K_M for none or latest', () => {
    expect(huggingFaceQuant('hf.co/u/r')).toBe('Q4_K_M');
    expect(huggingFaceQuant('hf.co/u/r:latest')).toBe('Q4_K_M');
    expect(huggingFaceQuant('hf.co/u/r:f16')).toBe('F16');
    expect(huggingFaceQuant('hf.co/u/r:bf16')).toBe('BF16');
    expect(huggingFaceQuant('hf.co/u')).toBeNull();
  });
});

describe('base model names', () => {
  it.each([
    ['llama3.1:8b', null],
    ['team/assistant-v1', null],
    ['./weights/model.gguf', null],
    ['/abs/folder', null],
    ['hf.co/u/r:Q4_K_M', null],
    ['', /choose a base model/],
    ['   ', /choose a base model/],
    ['llama 3', /model part/],
    ['hf.co/u', /needs a user and a repository/],
  ])('%s', (input, problem) => {
    const found = baseModelProblem(input);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_');
  const rest = (extra: string) => fc.constantFrom(...`abcXYZ019_-${extra}`);
  const part = (extra: string, max: number) =>
    fc.tuple(alnum, fc.array(rest(extra), { maxLength: max - 1 })).map(([first, tail]) => first + tail.join(''));

  it('accepts every well-formed hf.co/{user}/{repo}[:quant] and keeps it as written', () => {
    fc.assert(
      fc.property(fc.constantFrom('hf.co', 'huggingface.co', 'HF.co'), part('', 80), part('.', 80), fc.option(part('.', 80)), (host, user, repo, tag) => {
        const name = `${host}/${user}/${repo}${tag === null ? '' : `:${tag}`}`;
        expect(parseBaseModelName(name)).toEqual({ ok: true, name });
        expect(modelNameProblem(name)).toBeNull();
      }),
    );
  });

  it('never accepts a Hugging Face name Ollama would refuse, and never throws', () => {
    const chars = fc.constantFrom(...'hf.co/ugingface:_-aZ9 .@+%/:'.split(''));
    const noisy = fc.oneof(
      fc.string(),
      fc.array(chars, { maxLength: 40 }).map((c) => c.join('')),
      fc.array(chars, { maxLength: 30 }).map((c) => `hf.co/${c.join('')}`),
      fc.array(chars, { maxLength: 30 }).map((c) => `https://huggingface.co/${c.join('')}`),
    );
    fc.assert(
      fc.property(noisy, (input) => {
        const parsed = parseBaseModelName(input);
        if (parsed.ok && isHuggingFaceName(parsed.name)) expect(modelNameProblem(parsed.name)).toBeNull();
        if (!parsed.ok) expect(parsed.problem.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a user with a dot wherever the dot is', () => {
    fc.assert(
      fc.property(part('', 20), part('', 20), part('.', 20), (a, b, repo) => {
        expect(parseBaseModelName(`hf.co/${a}.${b}/${repo}`).ok).toBe(false);
      }),
    );
  });
});

describe('names sent to Ollama as they are (pull, add a base model)', () => {
  it('say what is wrong with a Hugging Face name in its own words', () => {
    expect(ollamaModelNameSchema.safeParse('hf.co/bartowski').error?.issues[0]?.message).toMatch(/^is not a valid Ollama model name: it needs a user and a repository/);
    expect(ollamaModelNameSchema.safeParse('hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M').success).toBe(true);
    // Sent as is, so the scheme Ollama would cut is refused here.
    expect(ollamaModelNameSchema.safeParse('https://hf.co/u/r').success).toBe(false);
    expect(() => checkBaseModelName('hf.co/a.b/repo')).toThrow('contains a dot');
    expect(() => checkBaseModelName('hf.co/u/repo:Q8_0')).not.toThrow();
  });
});
