import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePromptSet, PROMPT_SET_MAX_BYTES } from '../../../src/shared/eval/prompt-set-parse';

const GOOD = `family: support-bot
description: Greets and answers
options:
  num_ctx: 4096
cases:
  - id: greets
    prompt: "Say hello: to a new customer."
    checks:
      - contains: hello
        ignore_case: true
      - max_tokens: 60
  - id: json
    prompt: Give me JSON
    system: Answer only JSON.
    history:
      - role: user
        content: hi
      - role: assistant
        content: hello
    options: { temperature: 0.5, think: low }
    checks:
      - json_schema: { type: object, required: [name], properties: { name: { type: string } } }
    rubric: Is it polite?
`;

function problemsOf(text: string) {
  const { set, problems } = parsePromptSet(text);
  expect(set).toBeNull();
  return problems;
}

describe('parsePromptSet', () => {
  it('reads a valid set with defaults filled in', () => {
    const { set, problems } = parsePromptSet(GOOD);
    expect(problems).toEqual([]);
    expect(set?.family).toBe('support-bot');
    expect(set?.cases.map((c) => c.id)).toEqual(['greets', 'json']);
    expect(set?.cases[0]?.prompt).toBe('Say hello: to a new customer.');
    expect(set?.cases[1]?.history).toHaveLength(2);
    expect(set?.cases[1]?.options).toEqual({ temperature: 0.5, think: 'low' });
  });

  it('gives YAML syntax errors their line and column', () => {
    const [problem] = problemsOf('family: x\ncases:\n  - id: [a\n');
    expect(problem?.line).toBe(4);
    expect(problem?.column).toBe(1);
    expect(problem?.message).toMatch(/^not valid YAML: /);
  });

  it('reports a duplicate key where it repeats', () => {
    expect(problemsOf('family: x\nfamily: y\ncases: []\n')).toEqual([
      { message: 'the key "family" appears twice in one map; keep one', path: '', line: 2, column: 1 },
    ]);
  });

  it('names an unknown check, suggests the near one and points at it', () => {
    const problems = problemsOf('family: x\ncases:\n  - id: a\n    prompt: p\n    checks:\n      - max_tokens: 5\n      - containz: hi\n');
    expect(problems).toEqual([
      {
        message: 'cases[0].checks[1]: unknown check "containz" (did you mean "contains"?); use one of contains, not_contains, matches, valid_json, json_schema, max_tokens, max_seconds',
        path: 'cases[0].checks[1]',
        line: 7,
        column: 9,
      },
    ]);
  });

  it('asks to split a check map holding two kinds', () => {
    const [problem] = problemsOf('family: x\ncases:\n  - id: a\n    prompt: p\n    checks:\n      - contains: a\n        matches: b\n');
    expect(problem?.message).toBe('cases[0].checks[0]: holds 2 checks (contains, matches); split them, one list item ("- contains: …") per check');
    expect([problem?.line, problem?.column]).toEqual([6, 9]);
  });

  it('maps each schema issue to the node at its path', () => {
    const problems = problemsOf(
      ['family: x', 'cass: 1', 'options:', '  seed: 1.5', 'cases:', '  - id: a', '    prompt: ""', '    checks:', '      - max_tokens: 0', '      - contains: a', '        ignore_cas: true', '  - id: b'].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 1, 'unknown key "cass" (did you mean "cases"?); use one of family, description, options, judge, cases'],
      [4, 9, 'options.seed: must be a whole number, not the number 1.5'],
      [7, 13, 'cases[0].prompt: must not be empty'],
      [9, 21, 'cases[0].checks[0].max_tokens: must be at least 1'],
      [11, 9, 'cases[0].checks[1]: unknown key "ignore_cas" in a contains check (did you mean "ignore_case"?); use one of contains, ignore_case'],
      [12, 5, "cases[1].prompt: is missing (the user's message); add it"],
    ]);
  });

  it('judges a broken check by the kind it names, not by the one zod tried', () => {
    const problems = problemsOf('family: x\ncases:\n  - id: a\n    prompt: p\n    checks:\n      - not_contains: 3\n        other: 1\n');
    expect(problems.map((p) => p.message)).toEqual([
      'cases[0].checks[0].not_contains: must be text, not the number 3',
      'cases[0].checks[0]: unknown key "other" in a not_contains check; use one of not_contains, ignore_case',
    ]);
  });

  it('refuses a regular expression that does not compile, with its flags', () => {
    const [problem] = problemsOf('family: x\ncases:\n  - id: a\n    prompt: p\n    checks:\n      - matches: "a(b"\n');
    expect(problem?.path).toBe('cases[0].checks[0].matches');
    expect(problem?.message).toBe('cases[0].checks[0].matches: is not a valid regular expression: Unterminated group');
    expect([problem?.line, problem?.column]).toEqual([6, 18]);
    expect(problemsOf('family: x\ncases:\n  - id: a\n    prompt: p\n    checks:\n      - matches: a\n        flags: ii\n')[0]?.message).toBe(
      'cases[0].checks[0].matches: is not a valid regular expression: the flags "ii" are not valid (each of i, m, s, u at most once)',
    );
  });

  it('refuses a JSON schema that cannot be used', () => {
    const base = 'family: x\ncases:\n  - id: a\n    prompt: p\n    checks:\n      - json_schema: ';
    expect(problemsOf(`${base}{ type: strin }\n`)[0]?.message).toContain('$.type: "strin" is not a JSON type');
    expect(problemsOf(`${base}{ properties: { a: { pattern: "(" } } }\n`)[0]?.message).toContain('$.properties.a.pattern: is not a valid regular expression');
    expect(problemsOf(`${base}{ $ref: "#/$defs/missing" }\n`)[0]?.message).toContain('points nowhere in this schema');
    expect(problemsOf(`${base}{ items: [{ type: string }] }\n`)[0]?.message).toContain('$.items: a list of schemas is prefixItems in JSON Schema 2020-12; use prefixItems');
    expect(parsePromptSet(`${base}{ $defs: { n: { type: string } }, $ref: "#/$defs/n" }\n`).problems).toEqual([]);
  });

  it('reports repeated case ids, whatever their case', () => {
    const [problem] = problemsOf('family: x\ncases:\n  - id: a\n    prompt: p\n  - id: A\n    prompt: q\n');
    expect(problem).toMatchObject({ path: 'cases[1].id', line: 5, column: 9 });
    expect(problem?.message).toContain('repeats the case id "A"');
  });

  it('refuses an alias bomb and a self-containing alias, quickly', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const started = Date.now();
    expect(problemsOf(bomb)[0]?.message).toMatch(/expands its aliases/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(problemsOf('family: &f [*f]\n')[0]).toMatchObject({ line: 1, column: 13 });
  });

  it('says the file itself must be a map', () => {
    expect(problemsOf('- a\n')).toEqual([{ message: 'the file must be a map with "family" and "cases", not a list', path: '', line: 1, column: 1 }]);
  });

  it('says a too deeply nested file is too deep, in words', () => {
    const problems = problemsOf(`family: x\ncases: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe('values nest too deeply here (lists or maps inside one another); a prompt set needs only a few levels');
    expect(problems[0]?.line).toBe(2);
  });

  it('refuses thousands of aliases quickly, and allows a few', () => {
    const cases = Array.from({ length: 1000 }, (_, i) => `  - { id: c${i}, prompt: p, checks: *checks }`).join('\n');
    const problems = problemsOf(`family: x\nx-checks: &checks [{ max_tokens: 5 }]\ncases:\n${cases}\n`);
    expect(problems).toEqual([{ message: 'the file uses more than 100 aliases (*name); write the values out instead', path: '', line: 104, column: 36 }]);
    const few = parsePromptSet('family: x\ncases:\n  - { id: a, prompt: &p hello, checks: &c [{ max_tokens: 5 }] }\n  - { id: b, prompt: *p, checks: *c }\n');
    expect(few.problems).toEqual([]);
    expect(few.set?.cases[1]).toEqual({ id: 'b', prompt: 'hello', checks: [{ max_tokens: 5 }] });
  });

  it('refuses empty files, several documents and files over 8 MiB', () => {
    expect(problemsOf('')[0]?.message).toBe('the file is empty; a prompt set needs "family" and a list of "cases" (start from the template)');
    expect(problemsOf('family: x\n---\nfamily: y\n')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/more than one YAML document/) });
    expect(problemsOf('#'.repeat(PROMPT_SET_MAX_BYTES + 1))[0]?.message).toMatch(/larger than 8 MiB/);
    // 3-byte characters: under 8 Mi characters but over 8 MiB.
    expect(problemsOf(`# ${'€'.repeat(PROMPT_SET_MAX_BYTES / 3 + 1)}`)[0]?.message).toMatch(/larger than 8 MiB/);
  });

  it('keeps a __proto__ key from touching prototypes and reports it', () => {
    const [problem] = problemsOf('family: x\n__proto__: { polluted: true }\ncases: [{ id: a, prompt: p }]\n');
    expect(problem?.message).toMatch(/unknown key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what the value of a wrong check field is', () => {
    const base = 'family: x\ncases:\n  - id: a\n    prompt: p\n    checks:\n';
    expect(problemsOf(`${base}      - max_tokens: 1e400\n`)[0]?.message).toBe('cases[0].checks[0].max_tokens: must be a number, not Infinity (not a usable number)');
    expect(problemsOf(`${base}      - max_seconds: soon\n`)[0]?.message).toBe('cases[0].checks[0].max_seconds: must be a number, not the text "soon"');
  });

  it('lists the first hundred problems of a badly broken file and counts the rest, in good time', () => {
    const cases = Array.from({ length: 2000 }, (_, i) => `  - id: c${i}\n    prompt: p\n    checks:\n      - max_tokenz: 4\n`).join('');
    const problems = problemsOf(`family: x\ncases:\n${cases}`);
    expect(problems).toHaveLength(101);
    expect(problems[0]).toMatchObject({ line: 6, column: 9 });
    expect(problems[100]?.message).toBe('and 1900 more problems; fix these first');
  });

  it('never throws and always positions its problems, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'ab:-[]{}&*!|>\'"\n #'), maxLength: 120 })), (text) => {
        const { set, problems } = parsePromptSet(text);
        expect(set === null).toBe(problems.length > 0);
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('words and positions every problem of near-valid sets, whatever is wrong in them', () => {
    const check = fc.oneof(
      fc.record({ contains: fc.string() }),
      fc.record({ matches: fc.string(), flags: fc.string({ maxLength: 3 }) }),
      fc.record({ max_tokens: fc.oneof(fc.integer(), fc.double()) }),
      fc.record({ json_schema: fc.jsonValue({ maxDepth: 2 }) }),
      fc.dictionary(fc.constantFrom('contains', 'not_contains', 'valid_json', 'max_seconds', 'ignore_case', 'other'), fc.jsonValue({ maxDepth: 1 })),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const promptCase = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'A'), fc.string()),
        prompt: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        history: fc.array(fc.record({ role: fc.constantFrom('user', 'assistant', 'bot'), content: fc.oneof(fc.string(), fc.integer()) }), { maxLength: 2 }),
        options: fc.dictionary(fc.constantFrom('temperature', 'seed', 'think', 'num_ctx', 'tempature'), fc.jsonValue({ maxDepth: 0 })),
        checks: fc.array(check, { maxLength: 3 }),
      },
      { requiredKeys: ['id'] },
    );
    const set = fc.record({ family: fc.oneof(fc.string(), fc.integer()), cases: fc.array(fc.oneof(promptCase, fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }), extra: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(set, (value) => {
        const { set: parsed, problems } = parsePromptSet(stringify(value));
        expect(parsed === null).toBe(problems.length > 0);
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message).not.toMatch(/Invalid input|Too (small|big)|expected .*, received/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
