// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionWarnings } from '../../src/renderer/src/components/frame/ConnectionWarnings';
import { Notifications } from '../../src/renderer/src/components/frame/Notifications';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { AppError } from '../../src/shared/errors';
import { FakeClient } from './support/fake-client';
import { connection, job, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

afterEach(() => {
  vi.useRealTimers();
});

const offline = () => {
  throw new AppError('offline', 'Ollama is not reachable at http://127.0.0.1:11434 (connection refused)');
};

describe('notifications', () => {
  it('an error notice goes away when the retry of what failed succeeds', async () => {
    const { store, client } = renderWithStore(<Notifications />);
    client.handlers['sync.now'] = offline;
    await act(() => store.getState().syncNow());
    expect(screen.getByRole('alert').textContent).toContain('Could not sync with Ollama');
    client.handlers['sync.now'] = () => syncState();
    await act(() => store.getState().syncNow());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failed sync’s notice goes when Ollama is reported back (the connection event)', async () => {
    const { store, client } = renderWithStore(<Notifications />);
    client.handlers['sync.now'] = offline;
    await act(() => store.getState().syncNow());
    expect(screen.getAllByTestId('notification')).toHaveLength(1);
    act(() => store.getState().receiveSync(syncState({ connection: connection({ status: 'online' }) })));
    expect(screen.queryByTestId('notification')).toBeNull();
  });

  it('a failed load goes away when loading that model works', async () => {
    const { store, client } = renderWithStore(<Notifications />);
    client.handlers['ollama.load'] = () => {
      throw new AppError('ollama', 'model requires more system memory');
    };
    await act(() => store.getState().loadModel('llama3:latest', null));
    expect(screen.getByRole('alert').textContent).toContain('more system memory');
    client.handlers['ollama.load'] = () => ({ running: [] });
    await act(() => store.getState().loadModel('llama3:latest', null));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failed job’s notice goes when its retry starts, and the retry’s success replaces it', () => {
    const { store } = renderWithStore(<Notifications />);
    act(() => {
      store.getState().receiveJob(job({ id: 'j1', kind: 'pull', target: 'qwen3:30b', state: 'running' }), 'event');
      store.getState().receiveJob(job({ id: 'j1', kind: 'pull', target: 'qwen3:30b', state: 'failed', error: 'connection reset', endedAt: new Date().toISOString() }), 'event');
    });
    expect(screen.getByRole('alert').textContent).toContain('Pull failed');
    act(() => store.getState().receiveJob(job({ id: 'j2', kind: 'pull', target: 'qwen3:30b', state: 'running' }), 'event'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('other notices leave on their own; errors stay', () => {
    vi.useFakeTimers();
    const { store } = renderWithStore(<Notifications />);
    act(() => {
      store.getState().notify({ tone: 'success', title: 'Created PM v2' });
      store.getState().notify({ tone: 'error', title: 'Could not save models/a.Modelfile' });
    });
    expect(screen.getAllByTestId('notification')).toHaveLength(2);
    act(() => vi.advanceTimersByTime(7000));
    expect(screen.getAllByTestId('notification').map((n) => n.textContent)).toEqual([expect.stringContaining('Could not save')]);
  });

  it('stays while the pointer is on it and leaves on its own after the pointer goes', () => {
    vi.useFakeTimers();
    const { store } = renderWithStore(<Notifications />);
    act(() => store.getState().notify({ tone: 'success', title: 'Created PM v2' }));
    fireEvent.mouseEnter(screen.getByTestId('notification'));
    act(() => vi.advanceTimersByTime(20_000));
    expect(screen.getByTestId('notification').textContent).toContain('Created PM v2');
    fireEvent.mouseLeave(screen.getByTestId('notification'));
    act(() => vi.advanceTimersByTime(7000));
    expect(screen.queryByTestId('notification')).toBeNull();
  });

  it('can be dismissed with its button or with Esc, and Esc goes no further', async () => {
    const user = userEvent.setup();
    const pageEscape = vi.fn();
    const { store } = renderWithStore(<Notifications />);
    act(() => {
      store.getState().notify({ tone: 'error', title: 'First' });
      store.getState().notify({ tone: 'error', title: 'Second' });
    });
    await user.click(screen.getByRole('button', { name: 'Dismiss: First' }));
    expect(screen.getAllByTestId('notification').map((n) => n.textContent)).toEqual([expect.stringContaining('Second')]);
    document.addEventListener('keydown', pageEscape);
    screen.getByRole('button', { name: 'Dismiss: Second' }).focus();
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', pageEscape);
    expect(screen.queryByTestId('notification')).toBeNull();
    expect(pageEscape).not.toHaveBeenCalled();
  });

  it('shows the newest three and counts the rest, with Dismiss all', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Notifications />);
    act(() => {
      for (const n of [1, 2, 3, 4, 5]) store.getState().notify({ tone: 'error', title: `Problem ${n}` });
    });
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(within(region).getAllByTestId('notification').map((n) => n.querySelector('strong')?.textContent)).toEqual(['Problem 3', 'Problem 4', 'Problem 5']);
    expect(region.textContent).toContain('2 earlier notices');
    await user.click(within(region).getByRole('button', { name: 'Dismiss all' }));
    expect(screen.queryByTestId('notification')).toBeNull();
  });
});

describe('the Ollama version warning', () => {
  const OLD = 'Ollama 0.17.0 has a known security flaw (CVE-2026-7482), fixed in 0.17.1. Update Ollama from https://ollama.com/download.';
  const NEWER = 'Ollama 0.17.1-rc0 has a known security flaw (CVE-2026-7482), fixed in 0.17.1. Update Ollama from https://ollama.com/download.';

  it('makes its address a link that opens outside the app', () => {
    renderWithStore(<ConnectionWarnings />, { sync: syncState({ connection: connection({ version: '0.17.0', warnings: [OLD] }) }) });
    const link = within(screen.getByTestId('connection-warning')).getByRole('link', { name: 'ollama.com/download' });
    expect(link.getAttribute('href')).toBe('https://ollama.com/download');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByTestId('connection-warning').textContent).toContain('ollama.com/download.');
  });

  it('can be dismissed for this version, remembered across runs; another version warns again', async () => {
    const user = userEvent.setup();
    const storage = new Map<string, string>();
    const fakeStorage = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    } as unknown as Storage;
    const store = createAppStore(new FakeClient(), { storage: fakeStorage });
    store.getState().dismissWarning(OLD);
    const again = createAppStore(new FakeClient(), { storage: fakeStorage });
    expect(again.getState().dismissedWarnings).toEqual([OLD]);

    const { store: shown } = renderWithStore(<ConnectionWarnings />, { sync: syncState({ connection: connection({ warnings: [OLD] }) }) });
    await user.click(screen.getByRole('button', { name: 'Dismiss this warning for this Ollama version' }));
    expect(screen.queryByTestId('connection-warning')).toBeNull();
    act(() => shown.setState({ sync: syncState({ connection: connection({ warnings: [NEWER] }) }) }));
    expect(screen.getByTestId('connection-warning').textContent).toContain('0.17.1-rc0');
  });
});
