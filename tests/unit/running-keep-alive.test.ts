import { describe, expect, it } from 'vitest';
import { goDurationMs, keepAliveMs, keepAliveSchema } from '../../src/shared/keep-alive';
import { resumedFrom } from '../../src/main/jobs/pull-job';

describe('keep_alive', () => {
  it('reads Go durations and seconds as Ollama does', () => {
    expect(goDurationMs('30m')).toBe(1_800_000);
    expect(goDurationMs('1h30m')).toBe(5_400_000);
    expect(goDurationMs('1.5h')).toBe(5_400_000);
    expect(goDurationMs('-1s')).toBe(-1000);
    expect(goDurationMs('0')).toBe(0);
    expect(goDurationMs('30')).toBeNull();
    expect(goDurationMs('5 minutes')).toBeNull();
    expect(keepAliveMs(300)).toBe(300_000);
    expect(keepAliveMs(-1)).toBe(-1000);
  });

  it('accepts what loads a model and refuses 0 (that unloads) and nonsense', () => {
    expect(keepAliveSchema.parse('30m')).toBe('30m');
    expect(keepAliveSchema.parse(-1)).toBe(-1);
    expect(keepAliveSchema.parse(600)).toBe(600);
    expect(keepAliveSchema.safeParse(0).success).toBe(false);
    expect(keepAliveSchema.safeParse('0s').success).toBe(false);
    expect(keepAliveSchema.safeParse('soon').error?.issues[0]?.message).toBe('must be seconds or a duration such as "30m" or "1h"');
  });
});

describe('a resumed pull', () => {
  it('is told by a layer whose first line already has bytes, but not by a finished or a fresh one', () => {
    expect(resumedFrom({ status: 'pulling 6a0746a1ec1a', digest: 'sha256:x', total: 18_000_000_000, completed: 4_600_000_000 })).toBe(
      'Resuming pulling 6a0746a1ec1a: 4.6 GB of 18 GB were already downloaded.',
    );
    expect(resumedFrom({ status: 'pulling a', digest: 'sha256:x', total: 10 })).toBeNull();
    expect(resumedFrom({ status: 'pulling a', digest: 'sha256:x', total: 10, completed: 10 })).toBeNull();
  });
});
