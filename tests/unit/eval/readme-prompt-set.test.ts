import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePromptSet } from '../../../src/shared/eval/prompt-set-parse';

describe('the README prompt-set example', () => {
  it('parses with no problems, so the documented format is the real one', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Prompt sets'));
    const example = /```yaml\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const { set, problems } = parsePromptSet(example ?? '');
    expect(problems).toEqual([]);
    expect(set?.cases.flatMap((c) => c.checks.map((check) => Object.keys(check)[0])).sort()).toEqual(
      ['contains', 'json_schema', 'matches', 'max_seconds', 'max_tokens', 'not_contains', 'valid_json'],
    );
  });
});
