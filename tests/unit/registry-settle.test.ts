import { describe, expect, it } from 'vitest';
import type { ParsedRegistry } from '../../src/main/registry/parse';
import type { RegistryText } from '../../src/main/registry/read-file';
import { settleAsync, settleSteps, settleSync } from '../../src/main/registry/settle';

const text = (t: string, settled = true): RegistryText => ({ kind: 'text', text: t, settled });
const parse = (read: RegistryText): ParsedRegistry | null =>
  read.kind !== 'text'
    ? null
    : read.text === 'whole'
      ? { ok: true, registry: {} as never, raw: {} }
      : { ok: false, message: 'half', line: 1, column: 1, issues: [], empty: false };

/** A file that reads as the given texts in turn, then as the last one. */
function reads(...texts: RegistryText[]): { read: () => RegistryText; count: () => number } {
  let n = 0;
  return { read: () => texts[Math.min(n++, texts.length - 1)]!, count: () => n };
}

describe('settling a read (the one loop behind the first read and every refresh)', () => {
  it('re-reads a file that does not parse until it does, waiting between reads', () => {
    const file = reads(text('half'), text('whole'));
    const waits: number[] = [];
    const steps = settleSteps(file.read(), file.read, parse, { tries: 5, delayMs: 7 });
    let step = steps.next();
    while (!step.done) {
      waits.push(step.value);
      step = steps.next();
    }
    expect(waits).toEqual([7]);
    expect(step.value).toMatchObject({ read: { text: 'whole' }, parsed: { ok: true } });
  });

  it('re-reads a file that parses but changed while it was read', () => {
    const file = reads(text('whole', false), text('whole'));
    const settled = settleSync(settleSteps(file.read(), file.read, parse, { tries: 5, delayMs: 1 }));
    expect(file.count()).toBe(2);
    expect(settled).toMatchObject({ read: { settled: true }, parsed: { ok: true } });
  });

  it('gives up after the tries and returns what it has, still invalid', async () => {
    const file = reads(text('half'));
    const settled = await settleAsync(settleSteps(file.read(), file.read, parse, { tries: 3, delayMs: 1 }));
    expect(file.count()).toBe(4);
    expect(settled).toMatchObject({ read: { text: 'half' }, parsed: { ok: false } });
  });

  it('does not wait at all for a whole, steady file, nor for a missing one', () => {
    for (const first of [text('whole'), { kind: 'missing' } as const]) {
      const steps = settleSteps(first, () => {
        throw new Error('not re-read');
      }, parse, { tries: 5, delayMs: 1 });
      expect(steps.next().done).toBe(true);
    }
  });

  it('stops when a re-read fails', () => {
    const steps = settleSteps(text('half'), () => null, parse, { tries: 5, delayMs: 1 });
    expect(settleSync(steps)).toBeNull();
  });

  it('blocks for the waits when run synchronously (the constructor cannot await)', () => {
    const file = reads(text('half'), text('half'), text('whole'));
    const started = Date.now();
    settleSync(settleSteps(file.read(), file.read, parse, { tries: 5, delayMs: 30 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});
