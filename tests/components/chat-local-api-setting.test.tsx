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
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByTestId('local-api-token').textContent).toBe('tok-0123456789abcdefghij');
  });

  it('says why it is not running when the port is taken', async () => {
    const client = new FakeClient({ 'localApi.get': () => ({ ...off, enabled: true, token: 'tok-0123456789abcdefghij', error: 'Port 11480 is already used by another program. Choose another port.' }) });
    renderWithStore(<LocalApiSetting />, {}, client);
    expect((await screen.findByTestId('local-api-error')).textContent).toBe('Port 11480 is already used by another program. Choose another port.');
  });

  it('in the headless server, explains that the API is already served here', async () => {
    const client = new FakeClient({ 'localApi.get': () => ({ ...off, configurable: false, enabled: true, running: true }) });
    renderWithStore(<LocalApiSetting />, {}, client);
    expect((await screen.findByTestId('local-api-headless')).textContent).toContain('/v1');
  });
});
