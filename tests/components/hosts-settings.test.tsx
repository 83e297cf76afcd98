// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Notifications } from '../../src/renderer/src/components/frame/Notifications';
import { HostsSetting } from '../../src/renderer/src/components/hosts-settings/HostsSetting';
import { AppError } from '../../src/shared/errors';
import type { HostView } from '../../src/shared/hosts/host-config';
import { FakeClient, type Handlers } from './support/fake-client';
import { host, HOSTS, OFFLINE_REASON } from './support/hosts-fixtures';
import { renderWithStore } from './support/render';

const TOKEN = 's3cret-proxy-token';

function renderSetting(handlers: Handlers = {}, hosts: HostView[] = HOSTS) {
  const client = new FakeClient(handlers);
  return renderWithStore(
    <>
      <HostsSetting />
      <Notifications />
    </>,
    { hosts },
    client,
  );
}

const rowOf = (name: string) => screen.getAllByTestId('host-row').find((r) => r.dataset.host === name)!;

describe('Settings → Hosts', () => {
  it('lists the hosts with their URL, connection (online with the Ollama version, offline with the reason) and whether a token is set', () => {
    renderSetting();
    expect(screen.getAllByTestId('host-row').map((r) => r.dataset.host)).toEqual(['local', 'gpu-box', 'ci-runner']);
    expect(within(rowOf('local')).getByText('Primary')).toBeTruthy();
    expect(within(rowOf('gpu-box')).getByTestId('host-connection').textContent).toBe('Online · Ollama 0.12.6');
    expect(within(rowOf('ci-runner')).getByTestId('host-connection').textContent).toBe(`Offline: ${OFFLINE_REASON}`);
    expect(within(rowOf('gpu-box')).getByTestId('host-token-set').textContent).toBe('Token set');
    expect(within(rowOf('ci-runner')).queryByTestId('host-token-set')).toBeNull();
    // The primary cannot be removed or made primary again.
    expect(within(rowOf('local')).queryByRole('button', { name: 'Remove local' })).toBeNull();
    expect(within(rowOf('gpu-box')).getByRole('button', { name: 'Remove gpu-box' })).toBeTruthy();
  });

  it('adds a host with a token typed into a password field; the token is sent once and never shown back', async () => {
    const user = userEvent.setup();
    const added = [...HOSTS, host('studio', { hasToken: true })];
    const { client } = renderSetting({ 'hosts.add': () => added });
    await user.click(screen.getByTestId('add-host'));
    const dialog = await screen.findByTestId('host-dialog');
    expect(within(dialog).getByText('OLLAMA_HOST').tagName).toBe('CODE');
    await user.type(within(dialog).getByTestId('host-name'), 'studio');
    await user.type(within(dialog).getByTestId('host-url'), 'studio:11434');
    const token = within(dialog).getByTestId('host-token') as HTMLInputElement;
    expect(token.type).toBe('password');
    await user.type(token, TOKEN);
    await user.click(within(dialog).getByTestId('host-save'));
    expect(client.callsTo('hosts.add')).toEqual([{ name: 'studio', url: 'studio:11434', token: TOKEN }]);
    await waitFor(() => expect(screen.queryByTestId('host-dialog')).toBeNull());
    expect(within(rowOf('studio')).getByTestId('host-token-set')).toBeTruthy();
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it("shows the call's field issues beside their fields, and clears one when its field changes", async () => {
    const user = userEvent.setup();
    const { client } = renderSetting({
      'hosts.add': () => {
        throw new AppError('validation', 'The host is not valid.', [
          { path: 'name', message: 'a host named gpu-box exists already' },
          { path: 'url', message: '"http://gpu-box:99999" has a port above 65535; use 1–65535, e.g. gpu-box:11434' },
        ]);
      },
    });
    await user.click(screen.getByTestId('add-host'));
    const dialog = await screen.findByTestId('host-dialog');
    await user.type(within(dialog).getByTestId('host-name'), 'gpu-box');
    await user.type(within(dialog).getByTestId('host-url'), 'http://gpu-box:99999');
    await user.click(within(dialog).getByTestId('host-save'));
    expect(client.callsTo('hosts.add')).toEqual([{ name: 'gpu-box', url: 'http://gpu-box:99999' }]);
    expect((await within(dialog).findByTestId('name-error')).textContent).toBe('a host named gpu-box exists already');
    expect(within(dialog).getByTestId('url-error').textContent).toContain('use 1–65535');
    expect(within(dialog).getByTestId('host-url').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).queryByTestId('host-error')).toBeNull();
    await user.type(within(dialog).getByTestId('host-name'), '-2');
    expect(within(dialog).queryByTestId('name-error')).toBeNull();
    expect(within(dialog).getByTestId('url-error')).toBeTruthy();
  });

  it('edits a host: rename and a new URL are sent, the stored token shows only as "Token set" with Replace and Remove', async () => {
    const user = userEvent.setup();
    const { client } = renderSetting({ 'hosts.update': () => HOSTS });
    await user.click(screen.getByRole('button', { name: 'Edit gpu-box' }));
    const dialog = await screen.findByTestId('host-dialog');
    expect(within(dialog).getByTestId('token-state').textContent).toBe('Token set');
    expect(within(dialog).queryByTestId('host-token')).toBeNull();
    await user.clear(within(dialog).getByTestId('host-name'));
    await user.type(within(dialog).getByTestId('host-name'), 'gpu-1');
    await user.clear(within(dialog).getByTestId('host-url'));
    await user.type(within(dialog).getByTestId('host-url'), 'gpu-1.lan');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(within(dialog).getByTestId('token-state').textContent).toBe('The token will be removed when you save.');
    // Focus moved to what replaced the pressed button.
    expect(document.activeElement?.textContent).toBe('Keep it');
    await user.click(within(dialog).getByTestId('host-save'));
    expect(client.callsTo('hosts.update')).toEqual([{ name: 'gpu-box', rename: 'gpu-1', url: 'gpu-1.lan', token: null }]);
  });

  it('replaces a token: Replace opens an empty password field with focus; only what changed is sent', async () => {
    const user = userEvent.setup();
    const { client } = renderSetting({ 'hosts.update': () => HOSTS });
    await user.click(screen.getByRole('button', { name: 'Edit gpu-box' }));
    const dialog = await screen.findByTestId('host-dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    const field = within(dialog).getByTestId('host-token') as HTMLInputElement;
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    await user.type(field, TOKEN);
    await user.click(within(dialog).getByTestId('host-save'));
    expect(client.callsTo('hosts.update')).toEqual([{ name: 'gpu-box', token: TOKEN }]);
  });

  it('removes a host after a confirmation that says its models stay on it', async () => {
    const user = userEvent.setup();
    const { client } = renderSetting({ 'hosts.remove': () => HOSTS.filter((h) => h.name !== 'ci-runner') });
    await user.click(screen.getByRole('button', { name: 'Remove ci-runner' }));
    const dialog = await screen.findByTestId('remove-host-dialog');
    expect(dialog.textContent).toContain('The models on ci-runner stay there: nothing is deleted from the host.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.click(within(dialog).getByTestId('remove-host-confirm'));
    expect(client.callsTo('hosts.remove')).toEqual([{ name: 'ci-runner' }]);
    await waitFor(() => expect(screen.getAllByTestId('host-row').map((r) => r.dataset.host)).toEqual(['local', 'gpu-box']));
  });

  it('makes a host the primary, and says why when it cannot', async () => {
    const user = userEvent.setup();
    let fail = false;
    const swapped = [host('gpu-box', { primary: true, hasToken: true }), host('local', { primary: false }), HOSTS[2]!];
    const { client } = renderSetting({
      'hosts.setPrimary': () => {
        if (fail) throw new AppError('offline', 'ci-runner does not answer: start Ollama there first, then make it the primary.');
        return swapped;
      },
    });
    await user.click(screen.getByRole('button', { name: 'Make gpu-box the primary host' }));
    expect(client.callsTo('hosts.setPrimary')).toEqual([{ name: 'gpu-box' }]);
    await waitFor(() => expect(within(rowOf('gpu-box')).getByText('Primary')).toBeTruthy());
    fail = true;
    await user.click(screen.getByRole('button', { name: 'Make ci-runner the primary host' }));
    const notice = await screen.findByTestId('notification');
    expect(notice.textContent).toContain('Could not make ci-runner the primary host');
    expect(notice.textContent).toContain('start Ollama there first');
  });
});
