import { describe, expect, it } from 'vitest';
import { parseServeArgs, SERVE_USAGE } from '../../src/main/headless/args';

/** The Ollama time limits as `serve` flags: seconds, checked against the same bounds as Settings. */

const TOKEN = ['--token', 'a-token-of-16-chars-or-more'];

describe('serve --ollama-*-timeout flags', () => {
  it('takes the stall, connect and call limits in seconds', () => {
    const options = parseServeArgs([...TOKEN, '--ollama-stall-timeout', '1200', '--ollama-connect-timeout', '2.5', '--ollama-call-timeout', '8'], {});
    expect(options).toMatchObject({ ollamaTimeouts: { stallSeconds: 1200, connectSeconds: 2.5, callSeconds: 8 } });
  });

  it('leaves the limits alone when no flag is given', () => {
    expect(parseServeArgs(TOKEN, {})).toMatchObject({ ollamaTimeouts: {} });
  });

  it('refuses a value that is not a number of seconds in range, naming the flag', () => {
    expect(() => parseServeArgs([...TOKEN, '--ollama-stall-timeout', 'soon'], {})).toThrow(/--ollama-stall-timeout must be a number of seconds from 0\.1 to 86400 \(got "soon"\)/);
    expect(() => parseServeArgs([...TOKEN, '--ollama-connect-timeout', '0'], {})).toThrow(/--ollama-connect-timeout must be a number of seconds/);
    expect(() => parseServeArgs([...TOKEN, '--ollama-call-timeout', ''], {})).toThrow(/--ollama-call-timeout/);
  });

  it('documents the flags in the usage text', () => {
    expect(SERVE_USAGE).toMatch(/--ollama-stall-timeout S/);
  });
});
