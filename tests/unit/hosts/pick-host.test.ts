import { describe, expect, it } from 'vitest';
import { pickHost } from '../../../src/shared/hosts/pick-host';

const listing = (name: string, primary: boolean, models: string[] | null) => ({ name, primary, models: models?.map((n) => ({ name: n })) ?? null });

describe('pickHost', () => {
  it('prefers the primary when it has the model, matching names as Ollama does', () => {
    expect(pickHost([listing('gpu', false, ['bot:latest']), listing('local', true, ['Bot:latest'])], 'bot')).toBe('local');
  });

  it('takes the first other host that has it when the primary does not', () => {
    expect(pickHost([listing('local', true, ['x:latest']), listing('gpu', false, []), listing('ci', false, ['bot:latest'])], 'bot:latest')).toBe('ci');
  });

  it('skips hosts whose listing is unknown (offline), and answers null when nobody has it', () => {
    expect(pickHost([listing('local', true, null), listing('gpu', false, ['bot:latest'])], 'bot')).toBe('gpu');
    expect(pickHost([listing('local', true, null), listing('gpu', false, ['x:latest'])], 'bot')).toBeNull();
  });
});
