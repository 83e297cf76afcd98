// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../src/renderer/src/components/frame/StatusBar';
import { Sidebar } from '../../src/renderer/src/components/frame/Sidebar';
import { JobsPage } from '../../src/renderer/src/components/jobs/JobsPage';
import type { Job } from '../../src/shared/jobs';
import { job, model, progress, snapshot } from './support/fixtures';
import { renderWithStore } from './support/render';

const byId = (...list: Job[]) => Object.fromEntries(list.map((j) => [j.id, j]));

const jobs = byId(
  job({ id: 'old', target: 'a', state: 'succeeded', createdAt: '2025-08-08T20:00:00.000Z', endedAt: '2025-08-08T20:01:00.000Z' }),
  job({ id: 'run', target: 'b', state: 'running', createdAt: '2025-08-08T21:00:00.000Z', progress: progress({ total: 10, completed: 3, percent: 30 }) }),
  job({ id: 'new', target: 'c', state: 'failed', createdAt: '2025-08-08T20:30:00.000Z', endedAt: '2025-08-08T20:31:00.000Z', error: 'boom' }),
  job({ id: 'wait', target: 'd', state: 'queued', createdAt: '2025-08-08T21:05:00.000Z', startedAt: null }),
);

describe('Jobs page', () => {
  it('lists active jobs first (in the order they started), then recent ones, newest first', () => {
    renderWithStore(<JobsPage />, { jobs, jobsStatus: 'ready' });
    const active = within(screen.getByTestId('jobs-active')).getAllByTestId('job-panel');
    const recent = within(screen.getByTestId('jobs-recent')).getAllByTestId('job-panel');
    expect(active.map((p) => p.dataset.jobId)).toEqual(['run', 'wait']);
    expect(recent.map((p) => p.dataset.jobId)).toEqual(['new', 'old']);
    expect(screen.getByTestId('jobs-summary').textContent).toBe('2 active · 2 recent');
    expect(within(active[0]!).getByTestId('job-state').textContent).toBe('Running');
    expect(within(active[1]!).getByTestId('job-state').textContent).toBe('Queued');
  });

  it('merges job.updated events by id', () => {
    const { store } = renderWithStore(<JobsPage />, { jobs, jobsStatus: 'ready' });
    act(() => store.getState().receiveJob(job({ id: 'run', target: 'b', state: 'succeeded', createdAt: '2025-08-08T21:00:00.000Z', endedAt: '2025-08-08T21:02:00.000Z' }), 'event'));
    const active = within(screen.getByTestId('jobs-active')).getAllByTestId('job-panel');
    expect(active.map((p) => p.dataset.jobId)).toEqual(['wait']);
    expect(within(screen.getByTestId('jobs-recent')).getAllByTestId('job-panel').map((p) => p.dataset.jobId)).toEqual(['run', 'new', 'old']);
  });

  it('says so when the history could not be loaded, and tries again', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<JobsPage />, { jobsStatus: 'failed', jobsError: 'server gone' });
    client.handlers['jobs.list'] = () => [job({ id: 'x', state: 'succeeded', endedAt: '2025-08-08T21:00:02.000Z' })];
    expect(screen.getByRole('alert').textContent).toContain('server gone');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(within(screen.getByTestId('jobs-recent')).getAllByTestId('job-panel')).toHaveLength(1);
  });
});

describe('jobs in the frame', () => {
  it('the status bar shows active jobs with a bar, and a click opens the Jobs page', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<StatusBar />, { jobs });
    const entries = screen.getAllByTestId('status-job');
    expect(entries.map((e) => e.textContent)).toEqual(['Creating b 30%', 'Creating d']);
    expect(within(entries[0]!).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30');
    await user.click(screen.getByTestId('status-jobs'));
    expect(store.getState().page).toBe('jobs');
  });

  it('the status bar shows no jobs entry when nothing runs', () => {
    renderWithStore(<StatusBar />, { jobs: byId(job({ state: 'succeeded', endedAt: '2025-08-08T21:00:02.000Z' })) });
    expect(screen.queryByTestId('status-jobs')).toBeNull();
  });

  it('the sidebar has Jobs with a running-count badge', () => {
    renderWithStore(<Sidebar />, { jobs, snapshot: snapshot([model('a')]) });
    const link = screen.getByRole('button', { name: /^Jobs/ });
    expect(within(link).getByTestId('jobs-badge').textContent).toBe('2 running');
  });
});
