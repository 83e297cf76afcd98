// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Notifications } from '../../src/renderer/src/components/frame/Notifications';
import { JobsPage } from '../../src/renderer/src/components/jobs/JobsPage';
import type { Job } from '../../src/shared/jobs';
import { job } from './support/fixtures';
import { renderWithStore } from './support/render';

const byId = (...list: Job[]) => Object.fromEntries(list.map((j) => [j.id, j]));
const ended = { endedAt: '2025-08-08T21:02:00.000Z' };

const jobs = byId(
  job({ id: 'create-ok', kind: 'create', target: 'pm-v1', state: 'succeeded', createdAt: '2025-08-08T20:00:00.000Z', ...ended, log: ['reading models/Modelfile', 'success', 'Succeeded.'] }),
  job({ id: 'pull-bad', kind: 'pull', target: 'qwen3:30b', state: 'failed', createdAt: '2025-08-08T20:10:00.000Z', ...ended, error: 'The connection to Ollama was lost', log: ['pulling manifest', 'Failed: The connection to Ollama was lost'] }),
  job({ id: 'delete-ok', kind: 'delete', target: 'llama3:latest', state: 'succeeded', createdAt: '2025-08-08T20:20:00.000Z', ...ended, log: ['deleting llama3:latest', 'Ollama deleted llama3:latest and the layers no other model uses.', 'Succeeded.'] }),
  job({ id: 'pull-cut', kind: 'pull', target: 'mistral:7b', state: 'interrupted', createdAt: '2025-08-08T20:30:00.000Z', ...ended, error: 'The app stopped while this job was running, so it did not finish. Start it again.' }),
  job({ id: 'running', kind: 'create', target: 'pm-v2', state: 'running', createdAt: '2025-08-08T20:40:00.000Z' }),
);

const shownIds = () => screen.getAllByTestId('job-panel').map((p) => p.dataset.jobId);

describe('Jobs page history', () => {
  it('filters by kind and by state', async () => {
    const user = userEvent.setup();
    renderWithStore(<JobsPage />, { jobs, jobsStatus: 'ready' });
    expect(shownIds()).toEqual(['running', 'pull-cut', 'delete-ok', 'pull-bad', 'create-ok']);
    await user.selectOptions(screen.getByTestId('jobs-filter-kind'), 'pull');
    expect(shownIds()).toEqual(['pull-cut', 'pull-bad']);
    expect(screen.getByTestId('jobs-summary').textContent).toBe('2 recent · 2 of 5 jobs match the filters');
    await user.selectOptions(screen.getByTestId('jobs-filter-state'), 'interrupted');
    expect(shownIds()).toEqual(['pull-cut']);
    await user.selectOptions(screen.getByTestId('jobs-filter-kind'), 'all');
    await user.selectOptions(screen.getByTestId('jobs-filter-state'), 'active');
    expect(shownIds()).toEqual(['running']);
    expect(within(screen.getByTestId('jobs-recent')).getByText('No finished job matches the filters.')).toBeTruthy();
  });

  it('shows how create, pull and delete jobs ended, with their log lines on demand', async () => {
    const user = userEvent.setup();
    renderWithStore(<JobsPage />, { jobs, jobsStatus: 'ready' });
    const panel = (id: string) => screen.getAllByTestId('job-panel').find((p) => p.dataset.jobId === id)!;
    expect(within(panel('delete-ok')).getByTestId('job-state').textContent).toBe('Succeeded');
    expect(panel('delete-ok').dataset.jobKind).toBe('delete');
    const log = within(panel('delete-ok')).getByText('Log (3 lines)');
    await user.click(log);
    expect(within(panel('delete-ok')).getByText(/Ollama deleted llama3:latest/)).toBeTruthy();
    expect(within(panel('pull-bad')).getByTestId('job-error').textContent).toContain('The connection to Ollama was lost');
  });

  it('an interrupted job shows its reason and a Retry that starts it again', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<JobsPage />, { jobs, jobsStatus: 'ready' });
    const cut = screen.getAllByTestId('job-panel').find((p) => p.dataset.jobId === 'pull-cut')!;
    expect(within(cut).getByTestId('job-error').textContent).toContain('ReasonThe app stopped while this job was running');
    client.handlers['models.pull'] = ({ model }) => job({ id: 'again', kind: 'pull', target: model, state: 'queued' });
    await user.click(within(cut).getByTestId('job-retry'));
    expect(client.callsTo('models.pull')).toEqual([{ model: 'mistral:7b' }]);
  });

  it('Clear finished asks, then forgets the finished jobs here and in main; the running one stays', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<JobsPage />, { jobs, jobsStatus: 'ready' });
    client.handlers['jobs.clearFinished'] = () => ({ removed: 4 });
    await user.click(screen.getByTestId('jobs-clear'));
    expect(within(screen.getByTestId('jobs-clear-dialog')).getByRole('heading').textContent).toBe('Clear 4 finished jobs?');
    await user.click(screen.getByTestId('jobs-clear-confirm'));
    expect(client.callsTo('jobs.clearFinished')).toEqual([{}]);
    await waitFor(() => expect(shownIds()).toEqual(['running']));
    expect((screen.getByTestId('jobs-clear') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a delete job that ends is announced as such, success or failure', () => {
    const { store } = renderWithStore(<Notifications />, {});
    const running = job({ id: 'd', kind: 'delete', target: 'llama3:latest', state: 'running' });
    act(() => store.getState().receiveJob(running, 'event'));
    act(() => store.getState().receiveJob({ ...running, state: 'succeeded', ...ended }, 'event'));
    expect(screen.getByTestId('notification').textContent).toContain('Deleted llama3:latest from Ollama');
    const other = job({ id: 'e', kind: 'delete', target: 'qwen3:30b', state: 'running' });
    act(() => store.getState().receiveJob(other, 'event'));
    act(() => store.getState().receiveJob({ ...other, state: 'failed', ...ended, error: 'Ollama is not reachable' }, 'event'));
    expect(screen.getByRole('alert').textContent).toContain('Delete failed: qwen3:30b');
  });
});
