import { describe, expect, it } from 'vitest';
import { importSelection } from '../../src/main/cli/import-command';
import { PassThrough } from 'node:stream';
import { barView, jsonView, lineView } from '../../src/main/cli/job-views';
import type { SyncState } from '../../src/shared/contract';
import { planImport } from '../../src/shared/import-plan';
import type { Job, JobProgress } from '../../src/shared/jobs';
import { transferFigures } from '../../src/shared/progress-format';
import { registrySchema } from '../../src/shared/registry';
import { statusReport } from '../../src/shared/status-report';

/** What the command line prints: status report, progress figures and views, the import selection. */

const registry = registrySchema.parse({
  default_model: 'a-v1',
  models: {
    'a-v1': { name: 'a-v1', display_name: 'A', version: 'v1', base_model: 'llama3', modelfile: 'm', status: 'available' },
    'a-v2': { name: 'a-v2', display_name: 'A', version: 'v2', base_model: 'llama3', modelfile: 'm', status: 'pending' },
  },
  base_models: { 'llama3:latest': { status: 'available' } },
});

function sync(status: 'online' | 'offline', models: string[]): SyncState {
  const ollamaModels: SyncState['ollamaModels'] = models.map((name) => ({ name, size: 1, digest: 'd', modifiedAt: '2026-01-01T00:00:00Z', details: {} }));
  return {
    connection: { status, host: 'http://h:11434', version: status === 'online' ? '0.18.0' : null, canCreate: true, warnings: [], message: status === 'online' ? null : 'Ollama is not reachable at http://h:11434 (connection refused).', checkedAt: null },
    discovered: [],
    ollamaModels,
    lastSyncAt: null,
    changed: [],
    outdated: status === 'online' ? ['a-v1'] : [],
  };
}

describe('statusReport', () => {
  it('groups models by what Ollama says now, and notes where the file is behind', () => {
    const report = statusReport(registry, sync('online', ['llama3:latest']), '/ws', new Date());
    expect(report).toMatchObject({ online: true, version: '0.18.0', reason: null, outdated: ['a-v1'] });
    expect(report.models).toMatchObject({ available: [], missing: ['a-v1'], pending: ['a-v2'] });
    expect(report.unrecorded).toEqual([{ kind: 'model', name: 'a-v1', file: 'available', now: 'missing' }]);
  });

  it('offline: the file statuses as they are (never missing), and the reason', () => {
    const report = statusReport(registry, sync('offline', []), '/ws', new Date());
    expect(report).toMatchObject({ online: false, connection: 'offline', reason: expect.stringContaining('connection refused'), unrecorded: [] });
    expect(report.models).toMatchObject({ available: ['a-v1'], missing: [] });
  });
});

const progress = (p: Partial<JobProgress>): JobProgress => ({ status: 'pulling 6a0746a1ec1a', digest: 'sha256:6a', total: null, completed: null, percent: null, bytesPerSecond: null, etaSeconds: null, ...p });

describe('transferFigures', () => {
  it('reads like the job panel: bytes as ollama prints them, whole percent, speed, time left', () => {
    expect(transferFigures(progress({ total: 4_700_000_000, completed: 1_200_000_000, percent: 25.5, bytesPerSecond: 52_000_000, etaSeconds: 67 }))).toBe(
      '1.2 GB of 4.7 GB · 25% · 52 MB/s · 1 min 07 s left',
    );
    expect(transferFigures(progress({ total: 100, completed: 100, percent: 100 }))).toBe('100 B of 100 B · 100%');
    expect(transferFigures(progress({ status: 'writing manifest' }))).toBeNull();
  });
});

const job = (p: Partial<Job>): Job => ({
  id: 'j1', kind: 'pull', target: 'llama3', state: 'running', createdAt: '', startedAt: null, endedAt: null, steps: [], progress: null, error: null, log: [], ...p,
});

describe('job views', () => {
  it('lineView prints each log line once, transfer figures at most once a second, and not the closing line', () => {
    let now = 0;
    const err: string[] = [];
    const view = lineView({ out: () => undefined, err: (t) => void err.push(t), errIsTty: false, env: {}, appVersion: '0' }, () => now);
    const at = (completed: number) => progress({ total: 1000, completed, percent: completed / 10 });
    view.update(job({ log: ['pulling manifest'], progress: at(0) }));
    now = 400;
    view.update(job({ log: ['pulling manifest'], progress: at(300) }));
    now = 1_100;
    view.update(job({ log: ['pulling manifest', 'verifying sha256 digest'], progress: at(600) }));
    view.end(job({ state: 'failed', log: ['pulling manifest', 'verifying sha256 digest', 'Failed: boom'] }));
    expect(err).toEqual(['pulling manifest\n', '  pulling 6a0746a1ec1a: 0 B of 1 KB · 0%\n', 'verifying sha256 digest\n', '  pulling 6a0746a1ec1a: 600 B of 1 KB · 60%\n']);
  });

  it('barView draws a bar with the job panel figures on a terminal, log lines above it, and clears it at the end', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 });
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const view = barView(stream as unknown as NodeJS.WriteStream);
    view.update(job({ log: ['pulling manifest'], progress: progress({ total: 1000, completed: 500, percent: 50, bytesPerSecond: 100, etaSeconds: 5 }) }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    view.end(job({ state: 'succeeded', log: ['pulling manifest', 'success', 'Succeeded.'] }));
    expect(written).toContain('pulling manifest\n');
    expect(written).toMatch(/pulling 6a0746a1ec1a █+░+ 500 B of 1 KB · 50% · 100 B\/s · 5 s left/);
    expect(written).toContain('success\n');
    expect(written).not.toContain('Succeeded.');
  });

  it('lineView says a silent Ollama once, then every 10 s of silence', () => {
    const err: string[] = [];
    const view = lineView({ out: () => undefined, err: (t) => void err.push(t), errIsTty: false, env: {}, appVersion: '0' });
    for (const waitingSeconds of [3, 4, 5, 12, 13, 14, 15, 0, 3]) view.update(job({ waitingSeconds }));
    expect(err).toEqual(['  no answer from Ollama for 3 s\n', '  no answer from Ollama for 13 s\n', '  no answer from Ollama for 3 s\n']);
  });

  it('jsonView writes one JSON object per line: log lines and changed progress', () => {
    const out: string[] = [];
    const view = jsonView({ out: (t) => void out.push(t), err: () => undefined, errIsTty: false, env: {}, appVersion: '0' });
    view.update(job({ log: ['pulling manifest'], progress: progress({ total: 10, completed: 5, percent: 50 }) }));
    view.update(job({ log: ['pulling manifest'], progress: progress({ total: 10, completed: 5, percent: 50 }) }));
    view.end(job({ state: 'succeeded', log: ['pulling manifest', 'Succeeded.'], progress: progress({ status: 'success' }) }));
    const events = out.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toEqual([
      { event: 'log', job: 'j1', message: 'pulling manifest' },
      expect.objectContaining({ event: 'progress', state: 'running', completed: 5, total: 10, percent: 50 }),
      expect.objectContaining({ event: 'progress', state: 'succeeded', status: 'success' }),
    ]);
  });
});

describe('importSelection', () => {
  const source = {
    default_model: 'new-v1',
    models: {
      'new-v1': { name: 'new-v1', display_name: 'New', version: 'v1', base_model: 'llama3', modelfile: 'm' },
      'a-v1': { name: 'a-v1', display_name: 'Changed A', version: 'v1', base_model: 'llama3', modelfile: 'm' },
    },
    base_models: {},
  };
  const plan = planImport(registry, source);

  it('takes new entries only, as the app dialog ticks them', () => {
    expect(importSelection(plan, registry, { overwrite: false, makeDefault: false })).toEqual({ models: [{ name: 'new-v1', action: 'add' }], baseModels: [], defaultModel: false });
  });

  it('takes changes with --overwrite and the default with --make-default', () => {
    expect(importSelection(plan, registry, { overwrite: true, makeDefault: true })).toEqual({
      models: [
        { name: 'new-v1', action: 'add' },
        { name: 'a-v1', action: 'change' },
      ],
      baseModels: [],
      defaultModel: true,
    });
  });
});
