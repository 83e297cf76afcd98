// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { JobPanel } from '../../src/renderer/src/components/jobs/JobPanel';
import type { Job } from '../../src/shared/jobs';
import { job, model, ollamaModel, progress, snapshot, step, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

function renderJob(j: Job, models = [model('pm-v2', { status: 'pending' })]) {
  return renderWithStore(<JobPanel job={j} showTarget />, {
    snapshot: snapshot(models),
    sync: syncState({ ollamaModels: [ollamaModel('llama3:latest')] }),
    jobs: { [j.id]: j },
  });
}

const pulling = job({
  steps: [
    step('pulling manifest', { endedAt: '2025-08-08T21:00:02.000Z' }),
    step('pulling 6a0746a1ec1a', { digest: 'sha256:6a07', total: 4_700_000_000, completed: 1_200_000_000 }),
  ],
  progress: progress({
    status: 'pulling 6a0746a1ec1a',
    digest: 'sha256:6a07',
    total: 4_700_000_000,
    completed: 1_200_000_000,
    percent: 25.53,
    bytesPerSecond: 45_300_000,
    etaSeconds: 77,
  }),
});

describe('JobPanel', () => {
  it('shows the line in progress as a bar with bytes, percent, speed and time left', () => {
    renderJob(pulling);
    const box = screen.getByTestId('job-progress');
    expect(within(box).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect(within(box).getByTestId('job-bytes').textContent).toBe('1.2 GB of 4.7 GB');
    expect(within(box).getByTestId('job-percent').textContent).toBe('25%');
    expect(within(box).getByTestId('job-speed').textContent).toBe('45.3 MB/s');
    expect(within(box).getByTestId('job-eta').textContent).toBe('1 min 17 s left');
  });

  it('lists every status line as a step: done ones ticked, the last one in progress with its size', () => {
    renderJob(pulling);
    const steps = within(screen.getByTestId('job-steps')).getAllByTestId('job-step');
    expect(steps.map((s) => s.dataset.state)).toEqual(['done', 'current']);
    expect(steps[0]!.textContent).toContain('pulling manifest');
    expect(steps[1]!.textContent).toContain('1.2 GB / 4.7 GB');
  });

  it('shows an indeterminate bar and no figures for a line without totals', () => {
    renderJob(job({ steps: [step('writing manifest')], progress: progress({ status: 'writing manifest' }) }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    expect(screen.queryByTestId('job-percent')).toBeNull();
  });

  it('shows the elapsed time of a finished job', () => {
    renderJob(job({ state: 'succeeded', startedAt: '2025-08-08T21:00:00.000Z', endedAt: '2025-08-08T21:01:05.000Z' }));
    expect(screen.getByTestId('job-elapsed').textContent).toBe('took 1:05');
  });

  it('Cancel calls jobs.cancel with the job id', async () => {
    const user = userEvent.setup();
    const { client, store } = renderJob(pulling);
    client.handlers['jobs.cancel'] = ({ id }) => job({ id, state: 'cancelled', endedAt: '2025-08-08T21:00:09.000Z' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(client.callsTo('jobs.cancel')).toEqual([{ id: 'job-1' }]);
    expect(store.getState().jobs['job-1']?.state).toBe('cancelled');
  });

  it("a failed create shows Ollama's message in full, marks the failing step, and Create again goes through the create checks", async () => {
    const user = userEvent.setup();
    const message = 'pull model manifest: file does not exist\n(the base model qwen3:300b is not on registry.ollama.ai)';
    const failed = job({ state: 'failed', endedAt: '2025-08-08T21:00:09.000Z', error: message, steps: [step('pulling manifest')] });
    const { client } = renderJob(failed);
    expect(screen.getByTestId('job-error').querySelector('.job-panel__error-text')?.textContent).toBe(message);
    // The heading claims nothing about who wrote the message (it may be the app's own words).
    expect(screen.getByTestId('job-error').textContent).toContain('Why it failed');
    expect(screen.getByTestId('job-step').dataset.state).toBe('failed');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    client.handlers['modelfile.read'] = ({ path }) => ({ path, content: 'FROM llama3\n', sha256: 'a'.repeat(64), exists: true });
    client.handlers['models.create'] = ({ name }) => job({ id: 'job-2', target: name, state: 'queued' });
    await user.click(screen.getByRole('button', { name: 'Create again' }));
    await vi.waitFor(() => expect(client.callsTo('models.create')).toEqual([{ name: 'pm-v2', pullBase: false }]));
  });

  it('offers no Retry for a create whose model left the registry', () => {
    renderJob(job({ state: 'failed', endedAt: '2025-08-08T21:00:09.000Z', error: 'boom' }), []);
    expect(screen.queryByRole('button', { name: 'Create again' })).toBeNull();
  });

  it('a failed pull can be pulled again, unless the name was not found', () => {
    renderJob(job({ kind: 'pull', target: 'qwen3:30b', state: 'failed', endedAt: '2025-08-08T21:00:09.000Z', error: 'The connection was lost.' }));
    expect(screen.getByRole('button', { name: 'Pull again' })).toBeTruthy();
    cleanup();
    renderJob(job({ kind: 'pull', target: 'nosuch', state: 'failed', endedAt: '2025-08-08T21:00:09.000Z', error: 'nosuch was not found in the Ollama library.', errorKind: 'not_found' }));
    expect(screen.getByTestId('job-error').textContent).toContain('was not found in the Ollama library');
    expect(screen.queryByRole('button', { name: /again/ })).toBeNull();
  });

  it('an interrupted job says why and can be retried', () => {
    renderJob(job({ state: 'interrupted', endedAt: '2025-08-08T21:00:09.000Z', error: 'The app stopped while this job was running.' }));
    expect(screen.getByTestId('job-state').textContent).toBe('Interrupted');
    expect(screen.getByTestId('job-error').textContent).toContain('The app stopped while this job was running.');
    expect(screen.getByRole('button', { name: 'Create again' })).toBeTruthy();
  });
});
