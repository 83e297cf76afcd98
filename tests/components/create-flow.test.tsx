// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreateDialogs } from '../../src/renderer/src/components/create/CreateDialogs';
import { ModelCard } from '../../src/renderer/src/components/models/ModelCard';
import { connection, job, model, ollamaModel, snapshot, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

const entry = model('pm-v2', { status: 'pending', display_name: 'PM v2', modelfile: 'models/pm.Modelfile' });

function renderFlow(content: string, ollama = [ollamaModel('llama3:latest')], online = true) {
  const rendered = renderWithStore(
    <>
      <ModelCard model={entry} isDefault={false} readOnly={false} />
      <CreateDialogs />
    </>,
    {
      snapshot: snapshot([entry]),
      sync: syncState({ ollamaModels: ollama, connection: connection({ status: online ? 'online' : 'offline' }) }),
    },
  );
  rendered.client.handlers['modelfile.read'] = ({ path }) => ({ path, content, sha256: 'a'.repeat(64), exists: true });
  rendered.client.handlers['models.create'] = ({ name }) => job({ target: name, state: 'queued', startedAt: null });
  return rendered;
}

describe('create: base model missing', () => {
  it('offers to pull the base first, and then creates with pullBase', async () => {
    const user = userEvent.setup();
    const { client } = renderFlow('FROM qwen3:30b\n');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ollama does not have qwen3:30b' });
    expect(within(dialog).getByRole('button', { name: 'Pull qwen3:30b first' })).toBe(document.activeElement);
    await user.click(within(dialog).getByRole('button', { name: 'Pull qwen3:30b first' }));
    expect(client.callsTo('models.create')).toEqual([{ name: 'pm-v2', pullBase: true }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('"Create anyway" lets Ollama pull it (pullBase false)', async () => {
    const user = userEvent.setup();
    const { client } = renderFlow('FROM qwen3:30b\n');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.click(await screen.findByRole('button', { name: 'Create anyway (Ollama pulls it)' }));
    expect(client.callsTo('models.create')).toEqual([{ name: 'pm-v2', pullBase: false }]);
  });

  it('Cancel and Esc create nothing', async () => {
    const user = userEvent.setup();
    const { client } = renderFlow('FROM qwen3:30b\n');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.callsTo('models.create')).toEqual([]);
  });

  it('does not ask when Ollama has the base under another spelling of its name', async () => {
    const user = userEvent.setup();
    const { client } = renderFlow('FROM llama3\n');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(client.callsTo('models.create')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not ask about a weights file', async () => {
    const user = userEvent.setup();
    const { client } = renderFlow('FROM ./model.gguf\n');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(client.callsTo('models.create')).toHaveLength(1));
  });
});

describe('create: errors block', () => {
  it('lists each error with its line and column, and creates nothing', async () => {
    const user = userEvent.setup();
    const { client } = renderFlow('FROM llama3\nPARAMETER temprature 0.7\nMESSAGE robot hi\n');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog', { name: 'PM v2 cannot be created yet' });
    const errors = within(dialog).getAllByTestId('create-blocked-error');
    expect(errors.map((e) => e.dataset.line)).toEqual(['2', '3']);
    expect(errors[0]!.textContent).toContain('Line 2, column 11');
    expect(client.callsTo('models.create')).toEqual([]);
  });

  it('"Open Modelfile" opens the detail at the Modelfile tab, at the first error', async () => {
    const user = userEvent.setup();
    const { store } = renderFlow('FROM llama3\nPARAMETER temprature 0.7\n');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.click(await screen.findByRole('button', { name: 'Open Modelfile' }));
    expect(store.getState().detail).toEqual({ name: 'pm-v2', tab: 'modelfile' });
    expect(store.getState().reveal).toMatchObject({ line: 2, column: 11 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('blocks with a clear message when the Modelfile does not exist', async () => {
    const user = userEvent.setup();
    const { client } = renderFlow('');
    client.handlers['modelfile.read'] = ({ path }) => ({ path, content: '', sha256: '', exists: false });
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('The Modelfile models/pm.Modelfile does not exist.');
  });
});
