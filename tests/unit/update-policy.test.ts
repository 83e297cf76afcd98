import { describe, expect, it } from 'vitest';
import type { JobKind, JobState } from '../../src/shared/jobs';
import { msUntilUpdateCheck, restartVerdict, UPDATE_CHECK_INTERVAL_MS } from '../../src/shared/update-policy';

const desktop = { mode: 'desktop' as const, packaged: true, enabled: true, lastCheckAt: null, now: 1_000_000 };
const job = (kind: JobKind, state: JobState, target = 'peteollama:property-manager-v2') => ({ kind, state, target });

describe('when to look for updates', () => {
  it('checks at start, then once a day', () => {
    expect(msUntilUpdateCheck(desktop)).toBe(0);
    expect(msUntilUpdateCheck({ ...desktop, lastCheckAt: desktop.now })).toBe(UPDATE_CHECK_INTERVAL_MS);
    expect(msUntilUpdateCheck({ ...desktop, lastCheckAt: desktop.now - UPDATE_CHECK_INTERVAL_MS + 5 })).toBe(5);
    expect(msUntilUpdateCheck({ ...desktop, lastCheckAt: desktop.now - 2 * UPDATE_CHECK_INTERVAL_MS })).toBe(0);
  });

  it('never checks in headless mode, from an unpackaged build, or when turned off', () => {
    expect(msUntilUpdateCheck({ ...desktop, mode: 'headless' })).toBeNull();
    expect(msUntilUpdateCheck({ ...desktop, packaged: false })).toBeNull();
    expect(msUntilUpdateCheck({ ...desktop, enabled: false })).toBeNull();
  });
});

describe('restarting into a downloaded update', () => {
  it('is allowed when every job has ended, however it ended', () => {
    expect(restartVerdict([])).toEqual({ allowed: true });
    expect(restartVerdict([job('create', 'succeeded'), job('pull', 'failed'), job('pull', 'cancelled'), job('create', 'interrupted')])).toEqual({ allowed: true });
  });

  it('waits while a create or pull runs or is queued, and says for what', () => {
    expect(restartVerdict([job('create', 'running')])).toEqual({
      allowed: false,
      reason: 'Restart after Modelwright finishes creating peteollama:property-manager-v2.',
    });
    expect(restartVerdict([job('pull', 'queued', 'llama3.2:latest'), job('create', 'running'), job('pull', 'succeeded')])).toEqual({
      allowed: false,
      reason: 'Restart after Modelwright finishes downloading llama3.2:latest and 1 other job.',
    });
  });
});
