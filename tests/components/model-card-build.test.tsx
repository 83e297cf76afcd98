// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModelCard } from '../../src/renderer/src/components/models/ModelCard';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { StoreProvider } from '../../src/renderer/src/store/store-context';
import type { ModelEntry } from '../../src/shared/registry';
import { job, model, ollamaModel, progress, snapshot, syncState } from './support/fixtures';
import { useFakeLayout } from './support/layout';
import { readyClient } from './support/ready-client';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

function renderCard(entry: ModelEntry, state: Parameters<typeof renderWithStore>[1] = {}) {
  return renderWithStore(<ModelCard model={entry} isDefault={false} readOnly={false} />, { snapshot: snapshot([entry]), ...state });
}

describe('card primary action', () => {
  it.each([
    ['pending', 'Create'],
    ['missing', 'Create'],
    ['failed', 'Create again'],
  ] as const)('a %s model offers %s', (status, label) => {
    renderCard(model('m', { status }));
    expect(screen.getByTestId('model-primary-action').textContent).toBe(label);
  });

  it('an available model that is out of date says so and offers Rebuild', () => {
    renderCard(model('m', { status: 'available' }), { sync: syncState({ outdated: ['m'] }) });
    expect(screen.getByTestId('outdated-marker').textContent).toBe('Out of date');
    expect(screen.getByTestId('model-primary-action').textContent).toBe('Rebuild');
    expect(screen.getByTestId('status-chip').dataset.status).toBe('available');
  });

  it('an available, current model has no primary action and no marker', () => {
    renderCard(model('m', { status: 'available' }));
    expect(screen.queryByTestId('model-primary-action')).toBeNull();
    expect(screen.queryByTestId('outdated-marker')).toBeNull();
  });

  it('Create reads the Modelfile, checks it and calls models.create', async () => {
    const user = userEvent.setup();
    const entry = model('pm-v2', { status: 'pending', modelfile: 'models/pm.Modelfile' });
    const { client } = renderCard(entry, { sync: syncState({ ollamaModels: [ollamaModel('llama3:latest')] }) });
    client.handlers['modelfile.read'] = ({ path }) => ({ path, content: 'FROM llama3\nPARAMETER temperature 0.7\n', sha256: 'a'.repeat(64), exists: true });
    client.handlers['models.create'] = ({ name }) => job({ target: name, state: 'queued', startedAt: null });
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(client.callsTo('models.create')).toEqual([{ name: 'pm-v2', pullBase: false }]));
    expect(client.callsTo('modelfile.read')).toEqual([{ path: 'models/pm.Modelfile' }]);
  });

  it('shows "Creating N%" with a thin bar while a create job runs, and no button', () => {
    renderCard(model('pm-v2', { status: 'pending' }), {
      jobs: { 'job-1': job({ target: 'pm-v2', progress: progress({ total: 1000, completed: 420, percent: 42 }) }) },
    });
    const chip = screen.getByTestId('status-chip');
    expect(chip.textContent).toBe('Creating 42%');
    expect(chip.dataset.status).toBe('creating');
    expect(screen.getByTestId('model-card-progress').getAttribute('aria-valuenow')).toBe('42');
    expect(screen.queryByTestId('model-primary-action')).toBeNull();
  });

  it("a failed model's card shows the job's message when the registry has none yet, and Retry", () => {
    renderCard(model('pm-v2', { status: 'failed' }), {
      jobs: { 'job-1': job({ target: 'pm-v2', state: 'failed', endedAt: '2025-08-08T21:01:00.000Z', error: 'pull model manifest: file does not exist' }) },
    });
    expect(screen.getByTestId('model-card-failure').textContent).toBe('Last build failed: pull model manifest: file does not exist');
    expect(screen.getByTestId('model-primary-action').textContent).toBe('Create again');
  });
});

describe('job.updated events reach the card', () => {
  it('a stream of updates moves the chip from Pending to "Creating N%", then Available from the registry', async () => {
    const entry = model('pm-v2', { status: 'pending', display_name: 'PM v2' });
    const client = readyClient([entry]);
    const store = createAppStore(client, { storage: null });
    const dispose = store.getState().init();
    render(
      <StoreProvider store={store}>
        <ModelsPage />
      </StoreProvider>,
    );
    const chip = () => within(screen.getByRole('article', { name: 'PM v2' })).getByTestId('status-chip');
    await waitFor(() => expect(chip().textContent).toBe('Pending'));

    act(() => client.emit('job.updated', job({ target: 'pm-v2', state: 'queued', startedAt: null })));
    expect(chip().textContent).toBe('Creating');
    for (const percent of [5, 42, 97]) {
      act(() => client.emit('job.updated', job({ target: 'pm-v2', progress: progress({ total: 100, completed: percent, percent }) })));
      expect(chip().textContent).toBe(`Creating ${percent}%`);
      expect(chip().dataset.status).toBe('creating');
    }
    act(() => {
      client.emit('job.updated', job({ target: 'pm-v2', state: 'succeeded', endedAt: new Date().toISOString() }));
      client.emit('registry.changed', snapshot([model('pm-v2', { status: 'available', display_name: 'PM v2' })]));
    });
    expect(chip().textContent).toBe('Available');
    const notice = store.getState().notifications.find((n) => n.title === 'Created PM v2');
    expect(notice?.action?.label).toBe('Open');
    dispose();
  });
});
