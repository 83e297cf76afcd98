import { describe, expect, it } from 'vitest';
import { parseServeArgs, type ServeOptions } from '../../src/main/headless/args';

function parse(argv: string[], env: NodeJS.ProcessEnv = {}): ServeOptions {
  const options = parseServeArgs(argv, env);
  if (options === 'help') throw new Error('unexpected help');
  return options;
}

describe('serve options: the API key and the workspace switch', () => {
  it('--token sets the API key, which is then not printed', () => {
    expect(parse(['--token', 'my-api-key-0123456789'])).toMatchObject({ apiKey: 'my-api-key-0123456789', apiKeyGenerated: false });
  });

  it('MODELWRIGHT_TOKEN sets it when --token is absent', () => {
    expect(parse([], { MODELWRIGHT_TOKEN: 'env-api-key-0123456789' })).toMatchObject({ apiKey: 'env-api-key-0123456789', apiKeyGenerated: false });
  });

  it('without either, a random 256-bit key is made and must be printed', () => {
    const options = parse([]);
    expect(options.apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(options.apiKeyGenerated).toBe(true);
  });

  it('refuses a short key, saying how long it must be', () => {
    expect(() => parse(['--token', 'short'])).toThrow(/at least 16 characters/);
  });

  it('keeps the workspace unless --allow-workspace-switch is given', () => {
    expect(parse([]).allowWorkspaceSwitch).toBe(false);
    expect(parse(['--allow-workspace-switch']).allowWorkspaceSwitch).toBe(true);
  });
});
