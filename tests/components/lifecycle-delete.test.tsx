// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { ModelEntry } from '../../src/shared/registry';
import { V1, V2, renderLifecycle, seedModels } from './lifecycle-support';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

async function openDelete(user: ReturnType<typeof userEvent.setup>, display: string) {
  const card = screen.getByRole('article', { name: display });
  await user.click(within(card).getByRole('button', { name: /Actions for/ }));
  await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
  return screen.getByRole('dialog', { name: `Delete ${display}?` });
}

const confirmButton = (dialog: HTMLElement) => within(dialog).getByTestId('delete-confirm') as HTMLButtonElement;

describe('Delete dialog', () => {
  it('preselects nothing: Delete stays disabled until registry-only or registry-and-Ollama is chosen; Cancel has focus', async () => {
    const user = userEvent.setup();
    renderLifecycle();
    const dialog = await openDelete(user, 'PeteOllama Property Manager v2');
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect((within(dialog).getByTestId('delete-scope-registry') as HTMLInputElement).checked).toBe(false);
    expect((within(dialog).getByTestId('delete-scope-ollama') as HTMLInputElement).checked).toBe(false);
    expect(confirmButton(dialog).disabled).toBe(true);
    await user.click(within(dialog).getByTestId('delete-scope-registry'));
    expect(confirmButton(dialog).disabled).toBe(false);
    expect(confirmButton(dialog).textContent).toBe('Remove from registry');
  });

  it('says exactly what will happen, following the choices', async () => {
    const user = userEvent.setup();
    renderLifecycle();
    const dialog = await openDelete(user, 'PeteOllama Property Manager v2');
    await user.click(within(dialog).getByTestId('delete-scope-ollama'));
    await user.click(within(dialog).getByTestId('delete-modelfile'));
    const steps = [...within(dialog).getByTestId('delete-summary').querySelectorAll('li')].map((li) => li.textContent);
    expect(steps).toEqual([
      `Remove ${V2} from model_settings.json.`,
      `Delete ${V2} from Ollama (its layers that no other model uses are freed).`,
      'Delete the file models/Modelfile.qwen-enhanced.',
    ]);
    expect(confirmButton(dialog).textContent).toBe('Delete from registry and Ollama');
  });

  it('sends the explicit choice; the Modelfile stays unless ticked', async () => {
    const user = userEvent.setup();
    const { client, store } = renderLifecycle({}, {
      'models.delete': ({ name }) => ({ name, ollama: 'kept', modelfile: 'kept', defaultModel: V1, notes: [] }),
    });
    const dialog = await openDelete(user, 'PeteOllama Property Manager v2');
    await user.click(within(dialog).getByTestId('delete-scope-registry'));
    await user.click(confirmButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsTo('models.delete')).toEqual([{ name: V2, fromOllama: false, deleteModelfile: false }]);
    expect(store.getState().snapshot?.registry.models[V2]).toBeUndefined();
  });

  it('the default model needs a new default (or none) chosen in the same dialog', async () => {
    const user = userEvent.setup();
    const { client } = renderLifecycle({}, {
      'models.delete': ({ name }) => ({ name, ollama: 'deleted', modelfile: 'kept', defaultModel: null, notes: [] }),
    });
    const dialog = await openDelete(user, 'PeteOllama Property Manager v1');
    await user.click(within(dialog).getByTestId('delete-scope-ollama'));
    expect(confirmButton(dialog).disabled).toBe(true);
    await user.selectOptions(within(dialog).getByTestId('delete-new-default'), 'No default model');
    expect(within(dialog).getByTestId('delete-summary').textContent).toContain('Leave the registry without a default model.');
    await user.click(confirmButton(dialog));
    await waitFor(() => expect(client.callsTo('models.delete')).toEqual([{ name: V1, fromOllama: true, deleteModelfile: false, newDefault: null }]));
  });

  it('cannot delete a Modelfile another entry uses, and says which', async () => {
    const user = userEvent.setup();
    const shared: ModelEntry[] = seedModels.map((m) => (m.name === V2 ? { ...m, modelfile: 'models/Modelfile.enhanced' } : m));
    renderLifecycle({}, {}, shared);
    const dialog = await openDelete(user, 'PeteOllama Property Manager v2');
    const box = within(dialog).getByTestId('delete-modelfile') as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(dialog.textContent).toContain(`It is also the Modelfile of ${V1}, so it stays.`);
  });

  it("an Ollama failure keeps the dialog open with Ollama's reason, and the model stays", async () => {
    const user = userEvent.setup();
    const { store } = renderLifecycle({}, {
      'models.delete': () => {
        throw new AppError('ollama', `Nothing was deleted: Ollama could not delete ${V2}. Ollama returned an error (HTTP 500): permission denied`);
      },
    });
    const dialog = await openDelete(user, 'PeteOllama Property Manager v2');
    await user.click(within(dialog).getByTestId('delete-scope-ollama'));
    await user.click(confirmButton(dialog));
    expect((await within(dialog).findByTestId('delete-error')).textContent).toContain('permission denied');
    expect(store.getState().snapshot?.registry.models[V2]).toBeDefined();
  });
});
