// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HostsPage } from '../../src/renderer/src/components/hosts/HostsPage';
import type { Matrix } from '../../src/shared/deploy/plan-schema';
import type { Handlers } from './support/fake-client';
import { job, progress, snapshot } from './support/fixtures';
import { bigMatrix, HOSTS, host, MATRIX, MODELS, MORE_STATES, OFFLINE_REASON } from './support/hosts-fixtures';
import { useFakeLayout } from './support/layout';
import { readyClient } from './support/ready-client';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

function renderHosts(matrix: Matrix = MATRIX, handlers: Handlers = {}, hosts = HOSTS, models = MODELS) {
  const client = readyClient(models, { 'hosts.list': () => hosts, 'hosts.matrix': () => matrix, ...handlers });
  return renderWithStore(<HostsPage />, { snapshot: snapshot(models), page: 'hosts', hosts }, client);
}

const cellOf = (model: string, hostName: string) => screen.getAllByTestId('host-cell').find((c) => c.dataset.model === model && c.dataset.host === hostName)!;
const chipOf = (model: string, hostName: string) => within(cellOf(model, hostName)).getByTestId('cell-chip');

describe('the Hosts page', () => {
  it('shows each model on each host as a chip with its word, and the detail and digest as its tooltip', async () => {
    renderHosts();
    await screen.findByTestId('hosts-matrix');
    expect(chipOf('support-bot-v1', 'gpu-box').textContent).toBe('Available');
    expect(chipOf('support-bot-v1', 'gpu-box').title).toContain('Digest: 6a0746a1ec1a');
    expect(chipOf('support-bot-v2', 'gpu-box').textContent).toBe('Outdated');
    expect(chipOf('support-bot-v2', 'gpu-box').title).toContain('its Modelfile changed since it was built there');
    expect(chipOf('pm-v1', 'gpu-box').textContent).toBe('Missing');
    expect(chipOf('pm-v2', 'gpu-box').textContent).toBe('Building 42%');
    const bar = within(cellOf('pm-v2', 'gpu-box')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(chipOf('broken-v1', 'local').textContent).toBe('Failed');
    expect(chipOf('broken-v1', 'gpu-box').textContent).toBe('Blocked');
    expect(chipOf('broken-v1', 'gpu-box').title).toBe('its Modelfile has 2 problems');
    expect(chipOf('pm-v1', 'ci-runner').textContent).toBe('Offline');
  });

  it('shows unverified and queued too, each with its own shape (an icon) besides its colour', async () => {
    renderHosts(MORE_STATES);
    await screen.findByTestId('hosts-matrix');
    expect(chipOf('support-bot-v1', 'gpu-box').textContent).toBe('Unverified');
    expect(chipOf('support-bot-v2', 'gpu-box').textContent).toBe('Queued');
    expect(chipOf('support-bot-v2', 'gpu-box').dataset.cellState).toBe('queued');
    const shapes = new Set(['support-bot-v1', 'support-bot-v2'].map((m) => chipOf(m, 'gpu-box').querySelector('svg')!.innerHTML));
    expect(shapes.size).toBe(2);
  });

  it("heads each column with the host's name, the primary badge and its connection; an offline column is greyed with the reason", async () => {
    renderHosts();
    await screen.findByTestId('hosts-matrix');
    const headers = screen.getAllByTestId('host-header');
    expect(headers.map((h) => h.dataset.host)).toEqual(['local', 'gpu-box', 'ci-runner']);
    expect(within(headers[0]!).getByText('Primary')).toBeTruthy();
    expect(within(headers[1]!).queryByText('Primary')).toBeNull();
    expect(within(headers[1]!).getByTestId('host-state').textContent).toBe('Online · Ollama 0.12.6');
    expect(within(headers[2]!).getByTestId('host-state').textContent).toBe(`Offline: ${OFFLINE_REASON}`);
    expect(cellOf('pm-v1', 'ci-runner').dataset.offline).toBe('true');
    expect(cellOf('pm-v1', 'gpu-box').dataset.offline).toBeUndefined();
  });

  it('lists the base models in their own section below', async () => {
    renderHosts();
    const section = await screen.findByTestId('matrix-base-models');
    expect(within(section).getByRole('heading', { name: 'Base models' })).toBeTruthy();
    const row = within(section).getAllByTestId('matrix-row')[0]!;
    expect(row.dataset.model).toBe('llama3:latest');
    expect(within(row).getAllByTestId('cell-chip').map((c) => c.textContent)).toEqual(['Available', 'Missing', 'Offline']);
    // Base models are pulled by a plan, not deployed one by one.
    expect(within(row).queryAllByRole('button')).toEqual([]);
  });

  it('deploys from a cell by keyboard: its menu, "Deploy to gpu-box", then the cell shows the job and its progress', async () => {
    const user = userEvent.setup();
    const started = job({ id: 'job-d', kind: 'create', target: 'pm-v1', host: 'gpu-box', state: 'queued' });
    const { client, store } = renderHosts(MATRIX, { 'deploy.version': () => started });
    await screen.findByTestId('hosts-matrix');
    const menuButton = within(cellOf('pm-v1', 'gpu-box')).getByRole('button', { name: 'pm-v1 on gpu-box' });
    menuButton.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('Not on this host yet')).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('Deploy to gpu-box');
    await user.keyboard('{Enter}');
    expect(client.callsTo('deploy.version')).toEqual([{ name: 'pm-v1', host: 'gpu-box' }]);
    await waitFor(() => expect(chipOf('pm-v1', 'gpu-box').textContent).toBe('Queued'));
    store.getState().receiveJob({ ...started, state: 'running', progress: progress({ status: 'creating model layer', total: 100, completed: 64, percent: 64 }) }, 'event');
    await waitFor(() => expect(chipOf('pm-v1', 'gpu-box').textContent).toBe('Building 64%'));
    expect(document.activeElement).toBe(menuButton);
  });

  it('offers no deploy where it cannot start (an offline host, a blocked model, a build under way)', async () => {
    const user = userEvent.setup();
    renderHosts();
    await screen.findByTestId('hosts-matrix');
    for (const [model, hostName] of [
      ['pm-v1', 'ci-runner'],
      ['broken-v1', 'gpu-box'],
      ['pm-v2', 'gpu-box'],
    ] as const) {
      await user.click(within(cellOf(model, hostName)).getByRole('button', { name: `${model} on ${hostName}` }));
      const item = within(await screen.findByRole('menu')).getByRole('menuitem', { name: `Deploy to ${hostName}` });
      expect((item as HTMLButtonElement).disabled).toBe(true);
      await user.keyboard('{Escape}');
    }
  });

  it('with one host, says how to add another, with a button to Settings', async () => {
    const user = userEvent.setup();
    const { store, client } = renderHosts(MATRIX, {}, [host('local')]);
    const empty = screen.getByTestId('hosts-empty');
    expect(empty.textContent).toContain('Add a host in Settings to deploy to another machine');
    expect(screen.queryByTestId('plan-all')).toBeNull();
    // Nothing to compare with one host: the matrix is not asked for.
    expect(client.callsTo('hosts.matrix')).toEqual([]);
    await user.click(within(empty).getByRole('button', { name: 'Add a host in Settings' }));
    expect(store.getState().page).toBe('settings');
  });

  it('says what went wrong when the matrix cannot be read, and reads it again on Try again', async () => {
    const user = userEvent.setup();
    let fail = true;
    const { client } = renderHosts(MATRIX, {
      'hosts.matrix': () => {
        if (fail) throw new Error('Several hosts are not available in this version yet.');
        return MATRIX;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read where each model is');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('hosts-matrix');
    expect(client.callsTo('hosts.matrix')).toHaveLength(2);
  });

  it('keeps 1,000 models × 5 hosts to a window of rows in the DOM, the full height scrollable', async () => {
    const hostNames = ['local', 'gpu-1', 'gpu-2', 'gpu-3', 'ci'];
    const { models, matrix } = bigMatrix(1000, hostNames);
    renderHosts(matrix, {}, hostNames.map((h, i) => host(h, { primary: i === 0 })), models);
    await screen.findByTestId('hosts-matrix');
    const rows = within(screen.getByTestId('matrix-models')).getAllByTestId('matrix-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.dataset.model).toBe('model-0000-v1');
    expect(screen.getAllByTestId('host-cell').length).toBe(rows.length * 5);
    const body = screen.getByTestId('matrix-models');
    const height = parseInt(body.style.paddingBottom, 10) + rows.length * 52;
    expect(height).toBe(1000 * 52);
  });
});
