// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BaseModelsPage } from '../../src/renderer/src/components/base-models/BaseModelsPage';
import { AppError } from '../../src/shared/errors';
import type { BaseModelEntry } from '../../src/shared/registry';
import { job, model, ollamaModel, progress, snapshot, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

const LLAMA: BaseModelEntry = { display_name: 'Llama 3 (Latest)', description: "Meta's Llama 3", size: '4.7 GB', status: 'available' };
const QWEN: BaseModelEntry = { display_name: 'Qwen 3 (30B)', description: 'Big', size: '18 GB', status: 'missing' };

const registry = snapshot(
  [
    model('pm-v1', { base_model: 'llama3:latest', display_name: 'PM v1' }),
    model('pm-v2', { base_model: 'qwen3:30b', display_name: 'PM v2' }),
    model('pm-v3', { base_model: 'qwen3:30b', display_name: 'PM v3' }),
    model('chat', { base_model: 'mistral:7b', display_name: 'Chat' }),
  ],
  { baseModels: { 'llama3:latest': LLAMA, 'qwen3:30b': QWEN } },
);
const online = syncState({ ollamaModels: [ollamaModel('llama3:latest'), ollamaModel('mistral:7b', { size: 4_100_000_000 })] });

function render(state: Parameters<typeof renderWithStore>[1] = {}) {
  return renderWithStore(<BaseModelsPage />, { snapshot: registry, sync: online, ...state });
}
const row = (name: string) => screen.getAllByTestId('base-model-row').find((r) => r.dataset.modelName === name)!;

describe('Base models page: pull', () => {
  it('offers Pull for a base Ollama lacks and starts the pull job', async () => {
    const user = userEvent.setup();
    const { client, store } = render();
    expect(within(row('llama3:latest')).queryByTestId('base-pull')).toBeNull();
    client.handlers['models.pull'] = ({ model: name }) => job({ id: 'p1', kind: 'pull', target: name, state: 'queued', startedAt: null });
    await user.click(within(row('qwen3:30b')).getByTestId('base-pull'));
    expect(client.callsTo('models.pull')).toEqual([{ model: 'qwen3:30b' }]);
    expect(store.getState().jobs.p1?.target).toBe('qwen3:30b');
  });

  it('shows a running pull with bytes, percent, speed and time left, and Cancel aborts it', async () => {
    const user = userEvent.setup();
    const pulling = job({
      id: 'p1',
      kind: 'pull',
      target: 'qwen3:30b',
      progress: progress({ total: 18_000_000_000, completed: 4_500_000_000, percent: 25, bytesPerSecond: 50_000_000, etaSeconds: 270 }),
    });
    const { client } = render({ jobs: { p1: pulling } });
    const detail = row('qwen3:30b').nextElementSibling as HTMLElement;
    expect(detail.dataset.testid).toBe('base-model-detail');
    expect(within(detail).getByTestId('job-bytes').textContent).toBe('4.5 GB of 18 GB');
    expect(within(detail).getByTestId('job-percent').textContent).toBe('25%');
    expect(within(detail).getByTestId('job-speed').textContent).toBe('50 MB/s');
    expect(within(detail).getByTestId('job-eta').textContent).toBe('4 min 30 s left');
    expect(within(row('qwen3:30b')).getByTestId('status-chip').textContent).toBe('Pulling');
    client.handlers['jobs.cancel'] = () => ({ ...pulling, state: 'cancelled', endedAt: '2025-08-08T21:01:00.000Z' });
    await user.click(within(row('qwen3:30b')).getByTestId('base-cancel'));
    expect(client.callsTo('jobs.cancel')).toEqual([{ id: 'p1' }]);
    // Cancelled: the next pull resumes.
    expect(within(row('qwen3:30b')).getByTestId('base-resume').textContent).toBe('Resume pull');
  });

  it('after a failed pull shows the reason and Resume pull, which pulls again', async () => {
    const user = userEvent.setup();
    const failed = job({ id: 'p1', kind: 'pull', target: 'qwen3:30b', state: 'failed', endedAt: '2025-08-08T21:01:00.000Z', error: 'The connection to Ollama was lost' });
    const { client } = render({ jobs: { p1: failed } });
    expect(screen.getByTestId('base-pull-error').textContent).toContain('The connection to Ollama was lost');
    client.handlers['models.pull'] = () => job({ id: 'p2', kind: 'pull', target: 'qwen3:30b', state: 'queued' });
    await user.click(within(row('qwen3:30b')).getByTestId('base-resume'));
    expect(client.callsTo('models.pull')).toEqual([{ model: 'qwen3:30b' }]);
  });

  it('a name the library lacks says so once, offers no resume and no retry', () => {
    const message = 'qwen3:30b was not found in the Ollama library. Check the name and tag (as listed on ollama.com/library, e.g. llama3.2 or qwen3:8b), then pull it under its right name.';
    const failed = job({ id: 'p1', kind: 'pull', target: 'qwen3:30b', state: 'failed', endedAt: '2025-08-08T21:01:00.000Z', error: message, errorKind: 'not_found' });
    render({ jobs: { p1: failed } });
    const problem = screen.getByTestId('base-pull-error');
    expect(problem.textContent).toContain('Not found');
    expect(problem.textContent).toContain('was not found in the Ollama library');
    expect(problem.textContent).not.toContain('Resume');
    expect(within(row('qwen3:30b')).queryByTestId('base-resume')).toBeNull();
    expect(screen.queryByRole('button', { name: /resume|again/i })).toBeNull();
  });

  it('offers no Pull while Ollama is offline, since whether it has the model is unknown', () => {
    render({ sync: syncState({ connection: { ...online.connection, status: 'offline' } }) });
    expect(screen.queryByTestId('base-pull')).toBeNull();
  });
});

describe('Base models page: who uses a base', () => {
  it('says how many models are built on each base and lists them on demand; a name opens the model', async () => {
    const user = userEvent.setup();
    const { store } = render();
    const usedBy = within(row('qwen3:30b')).getByTestId('base-used-by');
    expect(usedBy.textContent).toBe('2 models ▾');
    expect(usedBy.getAttribute('aria-expanded')).toBe('false');
    await user.click(usedBy);
    expect(usedBy.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByTestId('base-dependents');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['PM v2 pm-v2', 'PM v3 pm-v3']);
    await user.click(within(list).getByRole('button', { name: 'PM v3' }));
    expect(store.getState().page).toBe('models');
    expect(store.getState().detail?.name).toBe('pm-v3');
  });

  it('lists bases the models use but the list lacks, and prefills the add dialog from there', async () => {
    const user = userEvent.setup();
    render();
    const unlisted = screen.getByTestId('unlisted-bases');
    const entry = within(unlisted).getByTestId('unlisted-base');
    expect(entry.dataset.modelName).toBe('mistral:7b');
    expect(entry.textContent).toContain('Yes');
    expect(entry.textContent).toContain('4.1 GB');
    expect(entry.textContent).toContain('chat');
    await user.click(within(entry).getByTestId('unlisted-add'));
    const dialog = screen.getByTestId('add-base-dialog');
    expect(within(dialog).getByLabelText('Name in Ollama')).toHaveProperty('value', 'mistral:7b');
  });
});

describe('Base models page: add', () => {
  it("checks the name as Ollama does and against the list, before asking main", async () => {
    const user = userEvent.setup();
    const { client } = render();
    await user.click(screen.getByTestId('add-base-model'));
    const dialog = screen.getByTestId('add-base-dialog');
    const name = within(dialog).getByLabelText('Name in Ollama');
    expect(document.activeElement).toBe(name);
    await user.type(name, 'bad name');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByTestId('add-base-error').textContent).toContain('must start with a letter, digit or _');
    await user.clear(name);
    await user.type(name, 'LLAMA3');
    expect(within(dialog).getByTestId('add-base-error').textContent).toBe('Already listed as llama3:latest.');
    expect(client.callsTo('baseModels.add')).toEqual([]);
  });

  it('adds with display name and description, and closes', async () => {
    const user = userEvent.setup();
    const { client } = render();
    client.handlers['baseModels.add'] = ({ entry }) => ({ display_name: entry.display_name ?? '', description: entry.description ?? '', status: 'pending' });
    await user.click(screen.getByTestId('add-base-model'));
    const dialog = screen.getByTestId('add-base-dialog');
    await user.type(within(dialog).getByLabelText('Name in Ollama'), 'gemma3:4b');
    await user.type(within(dialog).getByLabelText('Display name (optional)'), 'Gemma 3 4B');
    await user.type(within(dialog).getByLabelText('Description (optional)'), "Google's small one");
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(client.callsTo('baseModels.add')).toEqual([{ entry: { name: 'gemma3:4b', display_name: 'Gemma 3 4B', description: "Google's small one" } }]);
    await waitFor(() => expect(screen.queryByTestId('add-base-dialog')).toBeNull());
  });

  it("shows main's refusal inside the dialog", async () => {
    const user = userEvent.setup();
    const { client } = render();
    client.handlers['baseModels.add'] = () => {
      throw new AppError('read_only', 'The registry file is invalid');
    };
    await user.click(screen.getByTestId('add-base-model'));
    await user.type(screen.getByLabelText('Name in Ollama'), 'gemma3');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByTestId('add-base-error')).textContent).toBe('The registry file is invalid');
  });
});

describe('Base models page: delete and remove', () => {
  it('delete from Ollama lists the registry models built on it and confirms them', async () => {
    const user = userEvent.setup();
    const { client } = render({ sync: syncState({ ollamaModels: [ollamaModel('llama3:latest'), ollamaModel('qwen3:30b')] }) });
    client.handlers['baseModels.delete'] = ({ name }) => job({ id: 'd1', kind: 'delete', target: name, state: 'queued' });
    await user.click(within(row('qwen3:30b')).getByRole('button', { name: 'Actions for Qwen 3 (30B)' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete from Ollama…' }));
    const dialog = screen.getByTestId('delete-base-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Delete qwen3:30b from Ollama?');
    expect(within(screen.getByTestId('delete-base-dependents')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['PM v2 pm-v2', 'PM v3 pm-v3']);
    // The safe choice has the focus.
    expect(document.activeElement?.textContent).toBe('Keep it');
    await user.click(within(dialog).getByTestId('delete-base-confirm'));
    expect(client.callsTo('baseModels.delete')).toEqual([{ name: 'qwen3:30b', confirmDependents: true }]);
    await waitFor(() => expect(screen.queryByTestId('delete-base-dialog')).toBeNull());
    expect(within(row('qwen3:30b')).getByTestId('base-deleting')).toBeTruthy();
  });

  it('a base no model needs is deleted without confirming dependents; a refusal shows in the dialog', async () => {
    const user = userEvent.setup();
    const lonely = snapshot([model('a', { base_model: 'qwen3:30b' })], { baseModels: { 'llama3:latest': LLAMA, 'qwen3:30b': QWEN } });
    const { client } = render({ snapshot: lonely });
    client.handlers['baseModels.delete'] = () => {
      throw new AppError('conflict', 'llama3:latest is being pulled. Cancel the pull first, then delete it.');
    };
    await user.click(within(row('llama3:latest')).getByRole('button', { name: 'Actions for Llama 3 (Latest)' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete from Ollama…' }));
    expect(screen.getByTestId('delete-base-dialog').textContent).toContain('No registry model is built on it.');
    await user.click(screen.getByTestId('delete-base-confirm'));
    expect(client.callsTo('baseModels.delete')).toEqual([{ name: 'llama3:latest', confirmDependents: false }]);
    expect((await screen.findByTestId('delete-base-error')).textContent).toContain('is being pulled');
  });

  it('remove from list asks, then takes only the entry away', async () => {
    const user = userEvent.setup();
    const { client, store } = render();
    const { 'qwen3:30b': _gone, ...rest } = registry.registry.base_models ?? {};
    client.handlers['baseModels.remove'] = () => ({ ...registry, registry: { ...registry.registry, base_models: rest } });
    await user.click(within(row('qwen3:30b')).getByRole('button', { name: 'Actions for Qwen 3 (30B)' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove from list…' }));
    expect(screen.getByTestId('remove-base-dialog').textContent).toContain('Ollama keeps the model');
    await user.click(screen.getByTestId('remove-base-confirm'));
    expect(client.callsTo('baseModels.remove')).toEqual([{ name: 'qwen3:30b' }]);
    await waitFor(() => expect(store.getState().snapshot?.registry.base_models).not.toHaveProperty('qwen3:30b'));
    expect(screen.getAllByTestId('base-model-row').map((r) => r.dataset.modelName)).toEqual(['llama3:latest']);
  });

  it('remove from list that fails says why in the dialog, which stays open', async () => {
    const user = userEvent.setup();
    const { client } = render();
    client.handlers['baseModels.remove'] = () => {
      throw new AppError('conflict', 'model_settings.json changed on disk meanwhile. Try again.');
    };
    await user.click(within(row('qwen3:30b')).getByRole('button', { name: 'Actions for Qwen 3 (30B)' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove from list…' }));
    await user.click(screen.getByTestId('remove-base-confirm'));
    expect((await screen.findByTestId('remove-base-error')).textContent).toContain('changed on disk meanwhile');
    expect(screen.getByTestId('remove-base-dialog')).toBeTruthy();
    expect(screen.getAllByTestId('base-model-row').map((r) => r.dataset.modelName)).toContain('qwen3:30b');
  });

  it('Load into memory from the row menu of a base Ollama has', async () => {
    const user = userEvent.setup();
    const { client } = render();
    client.handlers['ollama.load'] = () => ({ running: [{ name: 'llama3:latest', size: 5e9, sizeVram: 5e9, digest: 'd', expiresAt: '2099-01-01T00:00:00Z' }] });
    await user.click(within(row('llama3:latest')).getByRole('button', { name: 'Actions for Llama 3 (Latest)' }));
    await user.click(screen.getByRole('menuitem', { name: 'Load for 30 minutes' }));
    expect(client.callsTo('ollama.load')).toEqual([{ model: 'llama3:latest', keepAlive: '30m' }]);
    await act(async () => undefined);
  });
});
