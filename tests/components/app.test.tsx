// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/App';
import { TOKEN_REQUIRED_MESSAGE } from '../../src/renderer/src/api/http-client';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { StoreProvider } from '../../src/renderer/src/store/store-context';
import { AppError } from '../../src/shared/errors';
import { FakeClient } from './support/fake-client';
import { appInfo, connection, model, settings, snapshot, syncState } from './support/fixtures';
import { useFakeLayout } from './support/layout';
import './support/render';

useFakeLayout({ width: 1200, height: 800 });

function client(overrides: Partial<FakeClient['handlers']> = {}) {
  return new FakeClient({
    'app.info': () => appInfo,
    'registry.get': () =>
      snapshot([model('pm-v1', { display_name: 'Property Manager v1', base_model: 'llama3:latest' })], {
        baseModels: { 'llama3:latest': { display_name: 'Llama 3', description: 'Meta', size: '4.7 GB', status: 'available' } },
      }),
    'sync.get': () => syncState(),
    'settings.get': () => settings(),
    'sync.now': () => syncState(),
    'ollama.running': () => [],
    ...overrides,
  });
}

function renderApp(fake: FakeClient) {
  const store = createAppStore(fake, { storage: null });
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  return store;
}

describe('App', () => {
  it('starts on the Models page with the workspace name in the sidebar', async () => {
    renderApp(client());
    expect(await screen.findByRole('article', { name: 'Property Manager v1' })).toBeTruthy();
    expect(screen.getByTestId('workspace-name').textContent).toContain('models-ws');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Workspacemodels-ws', 'Models1', 'Base models', 'Hosts', 'Chat', 'Evaluate', 'Jobs', 'Settings']);
    expect(within(nav).getByRole('button', { name: 'Models' }).getAttribute('aria-current')).toBe('page');
  });

  it('navigates to Base models and Settings from the sidebar', async () => {
    const user = userEvent.setup();
    renderApp(client());
    await screen.findByRole('article', { name: 'Property Manager v1' });
    await user.click(screen.getByRole('button', { name: 'Base models' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Base models' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('shows the registry problem on every page', async () => {
    const user = userEvent.setup();
    renderApp(
      client({
        'registry.get': () =>
          snapshot([model('a')], {
            problem: { message: 'Bad JSON', file: '/ws/model_settings.json', line: 3, column: 9, backupPath: '/ws/backup.json', issues: [] },
          }),
      }),
    );
    expect((await screen.findByTestId('registry-problem')).textContent).toContain('line 3, column 9');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByTestId('registry-problem')).toBeTruthy();
  });

  it('shows the offline strip after the start-up sync finds Ollama down', async () => {
    renderApp(client({ 'sync.now': () => syncState({ connection: connection({ status: 'offline', host: 'http://127.0.0.1:11434' }) }) }));
    await waitFor(() => expect(screen.getByTestId('connection-strip').dataset.status).toBe('offline'));
    expect(screen.getByTestId('connection-strip').textContent).toContain('Ollama is not reachable at http://127.0.0.1:11434');
  });

  it('explains a missing access token instead of starting', async () => {
    const forbidden = () => {
      throw new AppError('forbidden', TOKEN_REQUIRED_MESSAGE);
    };
    renderApp(client({ 'app.info': forbidden, 'registry.get': forbidden, 'sync.get': forbidden, 'settings.get': forbidden }));
    const card = await screen.findByTestId('startup-error');
    expect(within(card).getByRole('heading', { name: 'This page needs its access token' })).toBeTruthy();
    expect(card.textContent).toContain('?token=');
  });

  it('offers Try again when the registry cannot be loaded', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderApp(
      client({
        'registry.get': () => {
          if (fail) throw new AppError('internal', 'Could not read /ws/model_settings.json: EACCES');
          return snapshot([model('pm-v1', { display_name: 'Property Manager v1' })]);
        },
      }),
    );
    const card = await screen.findByTestId('startup-error');
    expect(card.textContent).toContain('EACCES');
    fail = false;
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Property Manager v1' })).toBeTruthy();
  });
});
