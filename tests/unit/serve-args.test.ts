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

describe('serve options: more Ollama hosts', () => {
  it('--add-ollama NAME=URL (repeatable) and MODELWRIGHT_OLLAMA_HOSTS add hosts, the environment first', () => {
    expect(parse(['--add-ollama', 'gpu=gpu-box:11434', '--add-ollama', 'ci=http://10.0.0.5'], { MODELWRIGHT_OLLAMA_HOSTS: 'lab=lab-box, mac=mac.local' }).extraHosts).toEqual([
      { name: 'lab', url: 'lab-box' },
      { name: 'mac', url: 'mac.local' },
      { name: 'gpu', url: 'gpu-box:11434' },
      { name: 'ci', url: 'http://10.0.0.5' },
    ]);
    expect(parse([]).extraHosts).toEqual([]);
  });

  it('stops on a malformed entry, naming the flag and the reason', () => {
    expect(() => parse(['--add-ollama', 'gpu-box:11434'])).toThrow(/--add-ollama takes NAME=URL/);
    expect(() => parse(['--add-ollama', 'gpu=ftp://x'])).toThrow(/--add-ollama: the URL of "gpu": .*http:\/\//);
    expect(() => parse([], { MODELWRIGHT_OLLAMA_HOSTS: 'bad name=x' })).toThrow(/MODELWRIGHT_OLLAMA_HOSTS: host name "bad name"/);
  });
});
