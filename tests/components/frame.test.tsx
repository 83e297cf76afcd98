// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectionStrip } from '../../src/renderer/src/components/frame/ConnectionStrip';
import { Notifications } from '../../src/renderer/src/components/frame/Notifications';
import { RegistryProblemPanel } from '../../src/renderer/src/components/frame/RegistryProblemPanel';
import { StatusBar } from '../../src/renderer/src/components/frame/StatusBar';
import { AppError } from '../../src/shared/errors';
import { connection, model, snapshot, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

describe('Connection strip', () => {
  it('is quiet when online: a green dot, "Connected", the host and the Ollama version', () => {
    renderWithStore(<ConnectionStrip />, { sync: syncState({ connection: connection({ host: 'http://127.0.0.1:11434', version: '0.12.3' }) }) });
    const strip = screen.getByTestId('connection-strip');
    expect(strip.getAttribute('role')).toBe('status');
    expect(strip.textContent).toContain('Connected');
    expect(strip.textContent).toContain('http://127.0.0.1:11434');
    expect(strip.textContent).toContain('Ollama 0.12.3');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is loud when offline: what is wrong, what to do, and Retry', () => {
    renderWithStore(<ConnectionStrip />, {
      sync: syncState({ connection: connection({ status: 'offline', host: 'http://127.0.0.1:11434', version: null, message: 'connect ECONNREFUSED 127.0.0.1:11434' }) }),
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Ollama is not reachable at http://127.0.0.1:11434');
    expect(alert.textContent).toContain('Start Ollama (ollama serve) or change the host in Settings');
    expect(alert.textContent).toContain('ECONNREFUSED');
    expect(within(alert).getByRole('button', { name: 'Check again' })).toBeTruthy();
  });

  it('Check again calls sync.now and shows the new state', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ConnectionStrip />, { sync: syncState({ connection: connection({ status: 'offline' }) }) });
    client.handlers['sync.now'] = () => syncState({ connection: connection({ status: 'online' }) });
    client.handlers['ollama.running'] = () => [];
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(client.callsTo('sync.now')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('connection-strip').dataset.status).toBe('online'));
  });

  it('shows an Ollama error with its message', () => {
    renderWithStore(<ConnectionStrip />, { sync: syncState({ connection: connection({ status: 'error', message: 'HTTP 500 from /api/tags' }) }) });
    expect(screen.getByRole('alert').textContent).toContain('HTTP 500 from /api/tags');
  });

  it('shows version warnings as a warning strip', () => {
    renderWithStore(<ConnectionStrip />, {
      sync: syncState({ connection: connection({ version: '0.1.0', warnings: ['Ollama 0.1.0 is older than 0.5.5: update it to create models.'] }) }),
    });
    expect(screen.getByTestId('connection-warning').textContent).toContain('Ollama 0.1.0 is older than 0.5.5');
  });

  it('says it is checking before the first answer', () => {
    renderWithStore(<ConnectionStrip />, { sync: null });
    expect(screen.getByTestId('connection-strip').textContent).toContain('Checking Ollama');
  });
});

describe('Registry problem panel', () => {
  it('shows the message, file with line and column, the backup path and that the app is read-only', () => {
    renderWithStore(<RegistryProblemPanel />, {
      snapshot: snapshot([model('a')], {
        problem: {
          message: 'model_settings.json is not valid JSON: Unexpected token } in JSON',
          file: '/home/ada/models-ws/model_settings.json',
          line: 12,
          column: 5,
          backupPath: '/home/ada/models-ws/model_settings.invalid-2025-08-08.json',
          issues: [{ path: 'models["a"].status', message: 'Invalid option' }],
        },
      }),
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('model_settings.json is not valid JSON: Unexpected token } in JSON');
    expect(alert.textContent).toContain('/home/ada/models-ws/model_settings.json');
    expect(within(alert).getByTestId('registry-problem-position').textContent).toContain('line 12, column 5');
    expect(alert.textContent).toContain('/home/ada/models-ws/model_settings.invalid-2025-08-08.json');
    expect(alert.textContent).toContain('models["a"].status');
    expect(alert.textContent).toContain('The app is read-only until the file is fixed; it will reload automatically.');
  });

  it('is absent when the file is fine', () => {
    renderWithStore(<RegistryProblemPanel />, { snapshot: snapshot([]) });
    expect(screen.queryByTestId('registry-problem')).toBeNull();
  });
});

describe('Status bar', () => {
  it('shows the last sync time and how many models are in memory', () => {
    renderWithStore(<StatusBar />, {
      sync: syncState({ lastSyncAt: '2025-08-08T21:00:00.000Z' }),
      running: [{ name: 'a', size: 1, sizeVram: 1, digest: 'd', expiresAt: '2025-08-08T21:05:00Z' }],
    });
    expect(screen.getByTestId('last-sync').querySelector('time')?.getAttribute('datetime')).toBe('2025-08-08T21:00:00.000Z');
    expect(screen.getByTestId('running-models').textContent).toBe('1 model in memory');
  });

  it('says so before the first sync', () => {
    renderWithStore(<StatusBar />, { sync: syncState({ lastSyncAt: null }) });
    expect(screen.getByTestId('last-sync').textContent).toBe('Not synced yet');
  });
});

describe('Notifications', () => {
  it('shows an action error with its field issues until dismissed', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Notifications />);
    store.getState().notifyError('Could not update Alpha', new AppError('validation', 'Invalid patch', [{ path: 'display_name', message: 'cannot be empty' }]));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not update Alpha');
    expect(alert.textContent).toContain('display_name: cannot be empty');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss: Could not update Alpha' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
