// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LiveReplyView } from '../../src/renderer/src/components/chat/LiveReplyView';
import { JobPanel } from '../../src/renderer/src/components/jobs/JobPanel';
import { SettingsPage } from '../../src/renderer/src/components/settings/SettingsPage';
import { DEFAULT_OLLAMA_TIMEOUT_SETTINGS } from '../../src/shared/ollama-timeouts';
import { job, settings } from './support/fixtures';
import { renderWithStore } from './support/render';

/** Issue 9.9 in the UI: a silent Ollama's wait is shown, and its limits can be set. */

describe('waiting on a silent Ollama', () => {
  it('a running job says how long Ollama has not answered', () => {
    renderWithStore(<JobPanel job={job({ state: 'running', waitingSeconds: 42 })} />);
    expect(screen.getByTestId('job-waiting').textContent).toMatch(/^No answer from Ollama for 42 s\. .*Cancel stops waiting/);
  });

  it('says nothing while Ollama answers, or once the job ended', () => {
    renderWithStore(<JobPanel job={job({ state: 'running' })} />);
    expect(screen.queryByTestId('job-waiting')).toBeNull();
  });

  it('a live reply shows the wait from its deltas, and drops it when text comes', () => {
    const { store } = renderWithStore(<LiveReplyView reply={{ messageId: 'm1', lane: 'a', model: 'llama3' }} showModel={false} />);
    const base = { conversationId: 'c1', messageId: 'm1', lane: 'a' as const, model: 'llama3' };
    act(() => store.getState().receiveChatDelta({ ...base, text: '', waitingSeconds: 125 }));
    expect(screen.getByTestId('reply-waiting').textContent).toMatch(/^No answer from Ollama for 2 min 5 s\. .*Stop ends the wait/);
    act(() => store.getState().receiveChatDelta({ ...base, text: 'Hello', waitingSeconds: null }));
    expect(screen.queryByTestId('reply-waiting')).toBeNull();
    expect(screen.getByTestId('reply-content').textContent).toContain('Hello');
  });
});

describe('Ollama time limits in Settings', () => {
  it('shows the limits in effect and saves a new stall limit', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SettingsPage />);
    const stall = screen.getByRole('spinbutton', { name: 'Ollama stall timeout' }) as HTMLInputElement;
    expect(stall.value).toBe('600');
    client.handlers['settings.update'] = () => settings({ ollamaTimeouts: { ...DEFAULT_OLLAMA_TIMEOUT_SETTINGS, stallSeconds: 1800 } });
    await user.clear(stall);
    await user.type(stall, '1800');
    await user.click(screen.getByRole('button', { name: 'Save time limits' }));
    expect(await screen.findByText(/Saved\. New requests to Ollama use these limits\./)).toBeTruthy();
    expect(client.callsTo('settings.update')).toEqual([{ ollamaTimeouts: { ...DEFAULT_OLLAMA_TIMEOUT_SETTINGS, stallSeconds: 1800 } }]);
    expect((screen.getByRole('spinbutton', { name: 'Ollama stall timeout' }) as HTMLInputElement).value).toBe('1800');
  });

  it('refuses a limit out of range before sending it, saying which and why', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SettingsPage />);
    const connect = screen.getByRole('spinbutton', { name: 'Connect timeout' });
    await user.clear(connect);
    await user.type(connect, '0');
    await user.click(screen.getByRole('button', { name: 'Save time limits' }));
    expect(screen.getByTestId('timeouts-error').textContent).toBe('Connect timeout must be a number of seconds from 0.1 to 300.');
    expect(client.callsTo('settings.update')).toEqual([]);
  });
});
