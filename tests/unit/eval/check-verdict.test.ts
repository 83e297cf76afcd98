import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKind, checkLabel, judgeChecks, readJson, type Answer } from '../../../src/shared/eval/check-verdict';
import type { Check } from '../../../src/shared/eval/prompt-set';

const answer = (output: string, more: Partial<Answer> = {}): Answer => ({ output, outputTokens: 10, totalMs: 1000, failed: false, ...more });
const one = (check: Check, a: Answer) => {
  const [verdict] = judgeChecks([check], a);
  return verdict;
};

describe('checkLabel and checkKind', () => {
  it('says each check in words', () => {
    const cases: [Check, string, string][] = [
      [{ contains: 'hello', ignore_case: true }, 'contains', 'contains "hello" (any case)'],
      [{ not_contains: 'sorry' }, 'not_contains', 'does not contain "sorry"'],
      [{ matches: '^Hi', flags: 'i' }, 'matches', 'matches /^Hi/i'],
      [{ valid_json: true }, 'valid_json', 'valid JSON'],
      [{ json_schema: { type: 'object' } }, 'json_schema', 'matches the JSON schema'],
      [{ max_tokens: 60 }, 'max_tokens', 'at most 60 tokens'],
      [{ max_seconds: 10 }, 'max_seconds', 'answered within 10 s'],
    ];
    for (const [check, kind, label] of cases) {
      expect(checkKind(check)).toBe(kind);
      expect(checkLabel(check)).toBe(label);
    }
  });
});

describe('judgeChecks', () => {
  it('contains: passes with where, fails with not found, honours ignore_case', () => {
    expect(one({ contains: 'hello' }, answer('Oh hello there'))).toEqual({ kind: 'contains', label: 'contains "hello"', passed: true, detail: 'found at character 4' });
    expect(one({ contains: 'hello' }, answer('Oh HELLO there'))).toMatchObject({ passed: false, detail: 'not found' });
    expect(one({ contains: 'hello', ignore_case: true }, answer('Oh HELLO there'))).toMatchObject({ passed: true, detail: 'found at character 4' });
    expect(one({ contains: 'a.b', ignore_case: true }, answer('axb'))).toMatchObject({ passed: false });
  });

  it('not_contains: fails saying what it found and where', () => {
    expect(one({ not_contains: 'sorry' }, answer('I am so sorry.'))).toMatchObject({ passed: false, detail: 'found "sorry" at character 9' });
    expect(one({ not_contains: 'sorry', ignore_case: true }, answer('Well… SORRY'))).toMatchObject({ passed: false, detail: 'found "SORRY" at character 7' });
    expect(one({ not_contains: 'sorry' }, answer('Fine.'))).toMatchObject({ passed: true, detail: null });
  });

  it('matches: uses the flags and says what matched', () => {
    expect(one({ matches: '^hi', flags: 'i' }, answer('Hi there'))).toMatchObject({ passed: true, detail: 'matched "Hi" at character 1' });
    expect(one({ matches: '^hi' }, answer('Hi there'))).toMatchObject({ passed: false, detail: 'no match' });
    expect(one({ matches: '(' }, answer('x'))).toMatchObject({ passed: false, detail: expect.stringMatching(/^the pattern is not a valid regular expression/) });
  });

  it('valid_json: says where the JSON breaks', () => {
    expect(one({ valid_json: true }, answer(' {"a": [1, 2]} '))).toMatchObject({ passed: true, detail: null });
    expect(one({ valid_json: true }, answer('{"a": }'))).toMatchObject({ passed: false, detail: 'is not JSON: found "}" where a value was expected (line 1, column 7)' });
    expect(one({ valid_json: true }, answer('   '))).toMatchObject({ passed: false, detail: 'is empty, not JSON' });
  });

  it('accepts JSON in one fence, says so, and refuses prose around it', () => {
    expect(one({ valid_json: true }, answer('```json\n{"a": 1}\n```\n'))).toMatchObject({ passed: true, detail: 'JSON inside a ``` fence' });
    expect(one({ valid_json: true }, answer('```\n[1]\n```'))).toMatchObject({ passed: true });
    expect(one({ valid_json: true }, answer('Here it is:\n```json\n{"a": 1}\n```'))).toMatchObject({ passed: false });
    expect(readJson('```json\n```')).toEqual({ ok: false, detail: 'the fenced block is empty, not JSON' });
  });

  it('json_schema: names the deepest failing place', () => {
    const schema = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } };
    expect(one({ json_schema: schema }, answer('{"name": "Ada", "tags": ["x"]}'))).toMatchObject({ passed: true });
    expect(one({ json_schema: schema }, answer('{"name": 3}'))).toMatchObject({ passed: false, detail: '$.name: expected string, found number' });
    expect(one({ json_schema: schema }, answer('{"name": "a", "tags": ["x", 2]}'))).toMatchObject({ detail: '$.tags[1]: expected string, found number' });
    expect(one({ json_schema: schema }, answer('{}'))).toMatchObject({ detail: '$: missing the property "name"' });
    expect(one({ json_schema: schema }, answer('nope'))).toMatchObject({ passed: false, detail: expect.stringMatching(/^is not JSON: /) });
    expect(one({ json_schema: { $ref: '#/nowhere' } }, answer('{}'))).toMatchObject({ passed: false, detail: expect.stringMatching(/^the schema cannot be used/) });
  });

  it('max_tokens: counts, and fails when the count is unknown', () => {
    expect(one({ max_tokens: 60 }, answer('x', { outputTokens: 60 }))).toMatchObject({ passed: true, detail: 'used 60 tokens' });
    expect(one({ max_tokens: 60 }, answer('x', { outputTokens: 81 }))).toMatchObject({ passed: false, detail: 'used 81 tokens' });
    expect(one({ max_tokens: 60 }, answer('x', { outputTokens: null }))).toMatchObject({ passed: false, detail: 'the token count is unknown (Ollama did not report it)' });
  });

  it('max_seconds: compares the total time', () => {
    expect(one({ max_seconds: 10 }, answer('x', { totalMs: 12_400 }))).toMatchObject({ passed: false, detail: 'took 12.4 s' });
    expect(one({ max_seconds: 10 }, answer('x', { totalMs: 10_000 }))).toMatchObject({ passed: true, detail: 'took 10.0 s' });
  });

  it('fails every check of a failed answer with "no answer"', () => {
    const verdicts = judgeChecks([{ not_contains: 'x' }, { max_seconds: 100 }], answer('', { failed: true }));
    expect(verdicts.map((v) => [v.passed, v.detail])).toEqual([
      [false, 'no answer'],
      [false, 'no answer'],
    ]);
  });

  it('never throws, and gives one verdict per check, whatever the checks and the output', () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 });
    const check: fc.Arbitrary<Check> = fc.oneof(
      fc.record({ contains: text, ignore_case: fc.boolean() }),
      fc.record({ not_contains: text, ignore_case: fc.boolean() }),
      fc.record({ matches: text, flags: fc.constantFrom('', 'i', 'ms', 'u', 'ii') }),
      fc.constant({ valid_json: true as const }),
      fc.record({ json_schema: fc.dictionary(fc.constantFrom('type', 'required', 'pattern', '$ref', 'properties', 'items'), fc.jsonValue({ maxDepth: 2 })) }),
      fc.record({ max_tokens: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ max_seconds: fc.double({ min: 0.1, max: 100, noNaN: true }) }),
    );
    const output = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)));
    fc.assert(
      fc.property(fc.array(check, { maxLength: 4 }), output, fc.option(fc.nat(200)), (checks, out, tokens) => {
        const verdicts = judgeChecks(checks, answer(out, { outputTokens: tokens }));
        expect(verdicts).toHaveLength(checks.length);
        for (const v of verdicts) expect(v.label).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });
});
