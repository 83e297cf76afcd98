// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notifications } from '../../src/renderer/src/components/frame/Notifications';
import { StatusBar } from '../../src/renderer/src/components/frame/StatusBar';
import { LoadModelButton } from '../../src/renderer/src/components/running/LoadModelButton';
import { formatProcessor, unloadTime } from '../../src/renderer/src/models/running-format';
import type { RunningModel } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { model, snapshot } from './support/fixtures';
import { readyClient } from './support/ready-client';
import { renderWithStore } from './support/render';

afterEach(() => {
  vi.useRealTimers();
});

const NOW = Date.parse('2025-08-08T21:00:00.000Z');
const registry = snapshot([model('peteollama:property-manager-v1', { display_name: 'PM v1' }), model('tiny', { display_name: 'Tiny' })]);

function loaded(name: string, fields: Partial<RunningModel> = {}): RunningModel {
  // Relative to the clock now (a fake one in some tests): a past expiry makes the bar ask /api/ps again.
  return { name, size: 5_100_000_000, sizeVram: 5_100_000_000, digest: 'sha256:' + 'a'.repeat(64), expiresAt: new Date(Date.now() + 272_000).toISOString(), ...fields };
}

function useClock() {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(NOW);
}

describe('running models in the status bar', () => {
  it('shows each loaded model with its display name, memory, and a live countdown to unload', async () => {
    useClock();
    renderWithStore(<StatusBar />, { snapshot: registry, running: [loaded('peteollama:property-manager-v1')] });
    expect(screen.getByTestId('running-models').textContent).toBe('1 model in memory');
    const chip = screen.getByTestId('running-chip');
    expect(chip.textContent).toContain('PM v1');
    expect(chip.textContent).toContain('5.1 GB · 100% GPU');
    expect(chip.dataset.modelName).toBe('peteollama:property-manager-v1');
    await waitFor(() => expect(within(chip).getByTestId('running-countdown').textContent).toBe('4:32'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(within(chip).getByTestId('running-countdown').textContent).toBe('4:30');
  });

  it('matches an Ollama name to its registry entry the way Ollama does (tiny = tiny:latest)', () => {
    renderWithStore(<StatusBar />, { snapshot: registry, running: [loaded('tiny:latest')] });
    expect(screen.getByTestId('running-chip').textContent).toContain('Tiny');
  });

  it('says "stays loaded" for a model kept forever (an expiry centuries away)', async () => {
    const user = userEvent.setup();
    renderWithStore(<StatusBar />, { snapshot: registry, running: [loaded('llama3:latest', { expiresAt: '2318-08-08T21:00:00.000Z' })] });
    expect(screen.getByTestId('running-countdown').textContent).toBe('∞');
    await user.click(screen.getByTestId('running-models'));
    expect(within(screen.getByTestId('running-row')).getByTestId('running-countdown').textContent).toBe('Stays loaded');
  });

  it('Unload sends keep_alive 0 through the client and shows the new list', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<StatusBar />, { snapshot: registry, running: [loaded('llama3:latest')] });
    client.handlers['ollama.unload'] = () => ({ running: [] });
    await user.click(screen.getByRole('button', { name: 'Unload llama3:latest' }));
    expect(client.callsTo('ollama.unload')).toEqual([{ model: 'llama3:latest' }]);
    await waitFor(() => expect(screen.getByTestId('running-models').textContent).toBe('No models in memory'));
    expect(screen.queryByTestId('running-chip')).toBeNull();
  });

  it('opens the full list from the count; Esc closes it and returns focus', async () => {
    const user = userEvent.setup();
    const running = [loaded('a:latest'), loaded('b:latest', { sizeVram: 2_550_000_000 }), loaded('c:latest', { sizeVram: 0 })];
    renderWithStore(<StatusBar />, { snapshot: registry, running });
    expect(screen.getAllByTestId('running-chip')).toHaveLength(2);
    expect(screen.getByText('+1')).toBeTruthy();
    const toggle = screen.getByTestId('running-models');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('dialog', { name: 'Models in memory' });
    const rows = within(panel).getAllByTestId('running-row');
    expect(rows.map((r) => within(r).getByTestId('running-memory').textContent)).toEqual(['5.1 GB · 100% GPU', '5.1 GB · 50%/50% CPU/GPU', '5.1 GB · 100% CPU']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('follows running.changed events once the app subscribed', async () => {
    const client = readyClient([], { 'preload.list': () => [] });
    const { store } = renderWithStore(<StatusBar />, { snapshot: registry, running: [] }, client);
    let stop: () => void = () => undefined;
    await act(async () => {
      stop = store.getState().init();
    });
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    act(() => client.emit('running.changed', [loaded('llama3:latest')]));
    expect(screen.getByTestId('running-models').textContent).toBe('1 model in memory');
    stop();
  });

  it('asks /api/ps again every 10 s while visible', async () => {
    useClock();
    const { client } = renderWithStore(<StatusBar />, { snapshot: registry, running: [] });
    client.handlers['ollama.running'] = () => [loaded('llama3:latest')];
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(client.callsTo('ollama.running')).toHaveLength(1);
    expect(screen.getByTestId('running-models').textContent).toBe('1 model in memory');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(client.callsTo('ollama.running')).toHaveLength(2);
  });
});

describe('Load button', () => {
  it('loads for the default time in one click, the other durations from its menu, and then offers Unload', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<LoadModelButton model="llama3:latest" title="Llama 3" available />, { running: [] });
    client.handlers['ollama.load'] = ({ model: name }) => ({ running: [loaded(name)] });
    await user.click(screen.getByTestId('load-button'));
    expect(client.callsTo('ollama.load')).toEqual([{ model: 'llama3:latest' }]);
    await waitFor(() => expect(screen.getByTestId('unload-button').textContent).toBe('Unload'));
    await user.click(screen.getByRole('button', { name: 'Load options for Llama 3' }));
    await user.click(screen.getByRole('menuitem', { name: 'Keep loaded until unloaded' }));
    expect(client.callsTo('ollama.load')[1]).toEqual({ model: 'llama3:latest', keepAlive: -1 });
    expect(store.getState().running?.map((m) => m.name)).toEqual(['llama3:latest']);
  });

  it('is disabled, saying why, for a model Ollama does not have', () => {
    renderWithStore(<LoadModelButton model="pm:v3" title="PM v3" available={false} />, { running: [] });
    const button = screen.getByTestId('load-button') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Ollama does not have this model yet');
  });

  it("a failed load is shown with Ollama's reason", async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(
      <>
        <LoadModelButton model="llama3:latest" title="Llama 3" available />
        <Notifications />
      </>,
      { running: [] },
    );
    client.handlers['ollama.load'] = () => {
      throw new AppError('ollama', 'Ollama returned an error (HTTP 500): model requires more system memory');
    };
    await user.click(screen.getByTestId('load-button'));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Could not load llama3:latest');
    expect(notice.textContent).toContain('model requires more system memory');
  });
});

describe('preload outcomes', () => {
  it('a failed preload is announced with its reason; a successful one quietly', () => {
    const { store } = renderWithStore(<Notifications />, { snapshot: registry });
    const base = { trigger: 'startup' as const, at: new Date().toISOString() };
    act(() => store.getState().receivePreload({ ...base, id: '1', model: 'llama3:latest', state: 'loaded', reason: null }, 'event'));
    expect(screen.queryByTestId('notification')).toBeNull();
    act(() => store.getState().receivePreload({ ...base, id: '2', model: 'peteollama:property-manager-v1', state: 'failed', reason: 'model requires more system memory' }, 'event'));
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('Could not preload PM v1');
    expect(notice.textContent).toContain('model requires more system memory');
  });

  it('the list loaded at start announces only recent failures, once', async () => {
    const { store, client } = renderWithStore(<Notifications />, { snapshot: registry });
    const old = { id: 'old', model: 'a', trigger: 'startup' as const, state: 'failed' as const, reason: 'long ago', at: '2020-01-01T00:00:00.000Z' };
    const fresh = { id: 'new', model: 'b', trigger: 'create' as const, state: 'failed' as const, reason: 'just now', at: new Date().toISOString() };
    client.handlers['preload.list'] = () => [fresh, old];
    await act(() => store.getState().loadPreloadOutcomes());
    await act(() => store.getState().loadPreloadOutcomes());
    expect(screen.getAllByTestId('notification').map((n) => n.textContent)).toEqual([expect.stringContaining('just now')]);
  });
});

describe('running-format', () => {
  it('reads far-future expiries as forever and splits CPU/GPU like ollama ps', () => {
    expect(unloadTime('2318-01-01T00:00:00Z', NOW)).toEqual({ kind: 'forever' });
    expect(unloadTime(new Date(NOW + 60_000).toISOString(), NOW)).toEqual({ kind: 'in', ms: 60_000 });
    expect(formatProcessor({ size: 100, sizeVram: 48 })).toBe('52%/48% CPU/GPU');
  });
});
