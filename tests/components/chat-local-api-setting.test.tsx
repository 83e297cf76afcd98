// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LocalApiSetting } from '../../src/renderer/src/components/chat/LocalApiSetting';
import type { LocalApiState } from '../../src/shared/chat';
import { FakeClient } from './support/fake-client';
import { renderWithStore } from './support/render';

const off: LocalApiState = { configurable: true, enabled: false, port: 11480, token: null, running: false, baseUrl: null, error: null };

describe('Settings › Local API', () => {
  it('is off by default; turning it on shows where it runs and a hidden token', async () => {
    const client = new FakeClient({
      'localApi.get': () => off,
      'localApi.update': (input) => ({ ...off, enabled: input.enabled ?? false, running: true, token: 'tok-0123456789abcdefghij', baseUrl: 'http://127.0.0.1:11480/v1' }),
    });
    renderWithStore(<LocalApiSetting />, {}, client);
    const toggle = (await screen.findByTestId('local-api-toggle')) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await userEvent.setup().click(toggle);
    expect(client.callsTo('localApi.update')).toEqual([{ enabled: true }]);
    await waitFor(() => expect(screen.getByTestId('local-api-running').textContent).toBe('Running at http://127.0.0.1:11480/v1'));
    expect(screen.getByTestId('local-api-token').textContent).not.toContain('tok-');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reveal' }));
    expect(screen.getByTestId('local-api-token').textContent).toBe('tok-0123456789abcdefghij');
  });

  it('shows the API key masked, reveals and copies it, and gives a ready curl line for the running server', async () => {
    const key = 'tok-0123456789abcdefghij';
    const client = new FakeClient({
      'localApi.get': () => ({ ...off, enabled: true, running: true, port: 12345, token: key, baseUrl: 'http://127.0.0.1:12345/v1' }),
    });
    const user = userEvent.setup();
    renderWithStore(<LocalApiSetting />, {}, client);
    const token = await screen.findByTestId('local-api-token');
    // Masked: the key itself nowhere on the page, only its last four characters to tell keys apart.
    expect(token.textContent).toBe(`${'•'.repeat(20)}ghij`);
    expect(document.body.textContent).not.toContain(key);
    expect(screen.getByTestId('local-api-curl').textContent).toBe(
      `curl -H 'Authorization: Bearer ${'•'.repeat(20)}ghij' 'http://127.0.0.1:12345/v1/models'`,
    );

    await user.click(screen.getByRole('button', { name: 'Copy API key' }));
    expect(await navigator.clipboard.readText()).toBe(key);
    await user.click(screen.getByRole('button', { name: 'Copy curl command' }));
    expect(await navigator.clipboard.readText()).toBe(`curl -H 'Authorization: Bearer ${key}' 'http://127.0.0.1:12345/v1/models'`);

    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(screen.getByRole('button', { name: 'Hide' }).getAttribute('aria-pressed')).toBe('true');
    expect(token.textContent).toBe(key);
    expect(screen.getByTestId('local-api-curl').textContent).toContain(`Bearer ${key}'`);
  });

  it('says why it is not running when the port is taken', async () => {
    const client = new FakeClient({ 'localApi.get': () => ({ ...off, enabled: true, token: 'tok-0123456789abcdefghij', error: 'Port 11480 is already used by another program. Choose another port.' }) });
    renderWithStore(<LocalApiSetting />, {}, client);
    expect((await screen.findByTestId('local-api-error')).textContent).toBe('Port 11480 is already used by another program. Choose another port.');
  });

  it('in the headless server, explains that the API is already served here, with its key and a curl line for this address', async () => {
    const client = new FakeClient({
      'localApi.get': () => ({ ...off, configurable: false, enabled: true, running: true, token: 'serve-key-0123456789' }),
    });
    renderWithStore(<LocalApiSetting />, {}, client);
    expect((await screen.findByTestId('local-api-headless')).textContent).toContain('/v1');
    expect(screen.queryByText(/the token this page was opened with/)).toBeNull();
    expect(screen.getByTestId('local-api-token').textContent).toMatch(/•+6789$/);
    expect(screen.getByTestId('local-api-curl').textContent).toContain(`'${window.location.origin}/v1/models'`);
    expect(screen.queryByRole('button', { name: 'New API key' })).toBeNull();
  });
});
