// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/shared/eval/run-record';
import { FAMILY, renderEvaluate, result, runRecord, V1, V2 } from './support/eval-fixtures';
import { job, progress } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1280, height: 700 });

const NEW_RUN = '2026-12-03T14-00-00-000Z-cccc';

/** A run being written: no results yet, then more as the test adds them. */
function liveRun(results: RunRecord['results']): RunRecord {
  return runRecord({ id: NEW_RUN, state: 'running', finishedAt: null, results });
}

describe('Evaluate: running', () => {
  it('Run sends the two newest versions, oldest first, with the judge chosen; base models are optional', async () => {
    const user = userEvent.setup();
    const { client } = renderEvaluate({ 'evals.start': () => ({ jobId: 'job-e', runId: NEW_RUN }), 'jobs.get': () => job({ id: 'job-e', kind: 'eval', target: FAMILY, state: 'queued' }) }, {}, []);
    const panel = await screen.findByTestId('run-panel');
    const boxes = within(panel).getAllByRole('checkbox') as HTMLInputElement[];
    // v2, v1, then the bases (llama3:latest, qwen3:8b): the versions chosen, the bases not.
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false, false]);
    await user.selectOptions(within(panel).getByRole('combobox', { name: /Judge/ }), 'other-v1');
    await user.click(within(panel).getByTestId('eval-run'));
    expect(client.callsTo('evals.start')).toEqual([{ family: FAMILY, models: [V1, V2], judge: 'other-v1' }]);
  });

  it('shows "case k of n · model" with a bar while the job runs, Cancel cancels the job, and results fill in as the run changes', async () => {
    const user = userEvent.setup();
    // The job's target is the run here: a run started from this window is followed by its job id alone.
    let record = liveRun([]);
    const { client, store } = renderEvaluate(
      {
        'evals.start': () => ({ jobId: 'job-e', runId: NEW_RUN }),
        'jobs.get': () => job({ id: 'job-e', kind: 'eval', target: NEW_RUN, state: 'queued' }),
        'evals.readRun': () => record,
        'jobs.cancel': () => job({ id: 'job-e', kind: 'eval', target: NEW_RUN, state: 'cancelled', endedAt: '2026-12-03T14:01:00.000Z' }),
      },
      {},
      [],
    );
    // Subscribes to the client's events, as the app does at start.
    act(() => void store.getState().init());
    await user.click(await screen.findByTestId('eval-run'));
    await screen.findByTestId('eval-progress');
    expect(store.getState().evalView).toEqual({ family: FAMILY, runId: NEW_RUN });

    act(() => client.emit('job.updated', job({ id: 'job-e', kind: 'eval', target: NEW_RUN, progress: progress({ status: 'case 2 of 3 · bot-v1', total: 6, completed: 1 }) })));
    const bar = within(screen.getByTestId('eval-progress')).getByRole('progressbar');
    expect(screen.getByTestId('eval-progress').textContent).toContain('case 2 of 3 · bot-v1');
    expect(bar.getAttribute('aria-valuenow')).toBe('16');

    record = liveRun([result('greet', V1, false)]);
    act(() => client.emit('evals.runChanged', { family: FAMILY, runId: NEW_RUN, state: 'running', done: 1, total: 6 }));
    await waitFor(() => expect(screen.getAllByTestId('result-cell')).toHaveLength(1));
    expect(screen.getByTestId('run-facts').textContent).toContain('1 of 6 answers');

    await user.click(within(screen.getByTestId('eval-progress')).getByRole('button', { name: 'Cancel' }));
    expect(client.callsTo('jobs.cancel')).toEqual([{ id: 'job-e' }]);
    await waitFor(() => expect(screen.queryByTestId('eval-progress')).toBeNull());
    expect(screen.getByTestId('eval-run')).toBeTruthy();
  });

  it('a run that cannot start says why, in words', async () => {
    const user = userEvent.setup();
    const { AppError } = await import('../../src/shared/errors');
    renderEvaluate({ 'evals.start': () => { throw new AppError('conflict', 'An evaluation of bot is already running.'); } }, {}, []);
    await user.click(await screen.findByTestId('eval-run'));
    expect((await screen.findByRole('alert')).textContent).toBe('An evaluation of bot is already running.');
  });
});
