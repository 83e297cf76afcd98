import { afterEach, describe, expect, it } from 'vitest';
import { RegexSandbox } from '../../../src/main/evals/regex-sandbox';

let sandbox: RegexSandbox;
afterEach(() => sandbox.close());

describe('RegexSandbox', () => {
  it('answers a pattern with its first match, or null', async () => {
    sandbox = new RegexSandbox(2_000);
    await expect(sandbox.exec('ref(und)s?', 'i', 'A REFUND takes three days')).resolves.toEqual({ kind: 'done', match: { index: 2, text: 'REFUND' } });
    await expect(sandbox.exec('^x$', 'm', 'a\nb')).resolves.toEqual({ kind: 'done', match: null });
  });

  it('stops a pattern that backtracks for ever, at the limit, and keeps working afterwards', async () => {
    sandbox = new RegexSandbox(300);
    const started = performance.now();
    // Without the limit this takes longer than the age of the universe on 60 characters.
    const outcome = await sandbox.exec('^(a+)+$', '', `${'a'.repeat(60)}!`);
    const took = performance.now() - started;
    expect(outcome).toEqual({ kind: 'timed-out', limitMs: 300 });
    expect(took).toBeLessThan(5_000);
    // A back-reference defeats V8's linear-time fallback too: still stopped.
    await expect(sandbox.exec('^(a+)+\\1$', 'i', `${'a'.repeat(60)}!`)).resolves.toMatchObject({ kind: 'timed-out' });
    await expect(sandbox.exec('a+', '', 'baa')).resolves.toEqual({ kind: 'done', match: { index: 1, text: 'aa' } });
  });

  it('says why a pattern cannot run', async () => {
    sandbox = new RegexSandbox(2_000);
    await expect(sandbox.exec('(', '', 'x')).resolves.toMatchObject({ kind: 'invalid', problem: expect.stringContaining('Unterminated group') as unknown });
  });
});
