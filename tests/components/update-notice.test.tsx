// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../src/renderer/src/components/frame/StatusBar';
import { SettingsPage } from '../../src/renderer/src/components/settings/SettingsPage';
import { AppError } from '../../src/shared/errors';
import type { Job } from '../../src/shared/jobs';
import type { UpdatesStatus } from '../../src/shared/updates';
import { job } from './support/fixtures';
import { renderWithStore } from './support/render';

const ready: UpdatesStatus = {
  enabled: true,
  inactiveReason: null,
  state: { kind: 'ready', version: '0.2.0', notes: 'Creates show the layer being written.\n\nFaster sync.' },
  lastCheckAt: '2026-12-03T10:00:00.000Z',
};
const byId = (...list: Job[]) => Object.fromEntries(list.map((j) => [j.id, j]));

describe('the update notice in the status bar', () => {
  it('shows nothing while a new version is only found, then "Restart to update" once the downloaded event arrives', () => {
    const { client, store } = renderWithStore(<StatusBar />, { updates: { ...ready, state: { kind: 'available', version: '0.2.0', notes: '' } } });
    // Subscribes as the app's startup does (init also loads; those calls are left unanswered).
    for (const name of ['app.info', 'registry.get', 'sync.get', 'settings.get'] as const) client.handlers[name] = (() => new Promise(() => undefined)) as never;
    const stop = store.getState().init();
    expect(screen.queryByTestId('update-notice')).toBeNull();
    act(() => client.emit('updates.changed', ready));
    expect(screen.getByTestId('update-notice').textContent).toContain('Modelwright 0.2.0 is ready');
    expect(screen.getByRole('button', { name: 'Restart to update' })).toBeTruthy();
    stop();
  });

  it('restarts on click when no job runs', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<StatusBar />, { updates: ready, jobs: byId(job({ state: 'succeeded', endedAt: '2025-08-08T21:00:02.000Z' })) });
    client.handlers['updates.restart'] = () => ({ restarting: true });
    const notice = screen.getByTestId('update-notice');
    expect(notice.textContent).toContain('Modelwright 0.2.0 is ready');
    const restart = within(notice).getByRole('button', { name: 'Restart to update' });
    expect(restart.getAttribute('aria-disabled')).toBe('false');
    await user.click(restart);
    expect(client.callsTo('updates.restart')).toHaveLength(1);
  });

  it('refuses while a create runs: the button is disabled and its tooltip says why', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<StatusBar />, { updates: ready, jobs: byId(job({ kind: 'create', target: 'pm-v2', state: 'running' })) });
    client.handlers['updates.restart'] = () => ({ restarting: true });
    const restart = screen.getByRole('button', { name: 'Restart to update' });
    expect(restart.getAttribute('aria-disabled')).toBe('true');
    expect(restart.getAttribute('title')).toBe('Restart after Modelwright finishes creating pm-v2.');
    // Screen readers get the same reason.
    expect(document.getElementById(restart.getAttribute('aria-describedby')!)?.textContent).toBe('Restart after Modelwright finishes creating pm-v2.');
    await user.click(restart);
    expect(client.callsTo('updates.restart')).toHaveLength(0);
  });

  it('refuses while a pull is queued, too', () => {
    renderWithStore(<StatusBar />, { updates: ready, jobs: byId(job({ kind: 'pull', target: 'llama3.2:latest', state: 'queued', startedAt: null })) });
    expect(screen.getByRole('button', { name: 'Restart to update' }).getAttribute('title')).toBe('Restart after Modelwright finishes downloading llama3.2:latest.');
  });

  it('shows the release notes in a dialog, with the restart there too', async () => {
    const user = userEvent.setup();
    renderWithStore(<StatusBar />, { updates: ready, jobs: {} });
    await user.click(screen.getByTestId('update-notes-open'));
    const dialog = screen.getByTestId('update-notes');
    expect(within(dialog).getByRole('heading').textContent).toBe('What’s new in Modelwright 0.2.0');
    expect(within(dialog).getByTestId('update-notes-text').textContent).toBe('Creates show the layer being written.\n\nFaster sync.');
    expect(within(dialog).getByRole('button', { name: 'Restart to update' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Later' }));
    expect(screen.queryByTestId('update-notes')).toBeNull();
  });

  it('a refusal from main (a job started meanwhile) is shown as a notice with the reason', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<StatusBar />, { updates: ready, jobs: {} });
    client.handlers['updates.restart'] = () => {
      throw new AppError('conflict', 'Restart after Modelwright finishes creating pm-v3.');
    };
    await user.click(screen.getByRole('button', { name: 'Restart to update' }));
    await waitFor(() => expect(store.getState().notifications.some((n) => n.title === 'Modelwright cannot restart yet' && n.message.includes('pm-v3'))).toBe(true));
  });
});

describe('Settings › Updates', () => {
  it('turns the check off with one checkbox, through the contract', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SettingsPage />, { updates: ready });
    client.handlers['updates.setEnabled'] = ({ enabled }) => ({ ...ready, enabled });
    for (const name of ['localApi.get', 'hosts.list'] as const) client.handlers[name] = (() => new Promise(() => undefined)) as never;
    const toggle = screen.getByTestId('updates-toggle') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    await user.click(toggle);
    expect(client.callsTo('updates.setEnabled')).toEqual([{ enabled: false }]);
    await waitFor(() => expect((screen.getByTestId('updates-toggle') as HTMLInputElement).checked).toBe(false));
  });

  it('in headless mode says why there is nothing to set', () => {
    const { client } = renderWithStore(<SettingsPage />, { updates: { ...ready, state: { kind: 'none' }, inactiveReason: 'The headless server never updates itself.' } });
    for (const name of ['localApi.get', 'hosts.list'] as const) client.handlers[name] = (() => new Promise(() => undefined)) as never;
    expect(screen.queryByTestId('updates-toggle')).toBeNull();
    expect(screen.getByTestId('updates-inactive').textContent).toBe('The headless server never updates itself.');
  });
});
