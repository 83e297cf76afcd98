// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { VersionProposal } from '../../src/shared/model-ops';
import { V1, V2, renderLifecycle, seedModels } from './lifecycle-support';
import { model } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const V3 = 'peteollama:property-manager-v3';

const proposal: VersionProposal = {
  from: V2,
  name: V3,
  version: 'v3',
  fromVersion: 2,
  display_name: 'PeteOllama Property Manager v3',
  description: 'Property management model v3 trained on qwen3',
  base_model: 'qwen3:30b',
  sourceModelfile: 'models/Modelfile.qwen-enhanced',
  sourceModelfileExists: true,
  modelfile: 'models/Modelfile.peteollama-property-manager-v3',
};

const added = model(V3, { display_name: 'PeteOllama Property Manager v3', status: 'pending', base_model: 'llama3:latest', modelfile: proposal.modelfile });

function render(handlers: Parameters<typeof renderLifecycle>[1] = {}) {
  return renderLifecycle({}, { 'models.versionProposal': () => proposal, 'models.newVersion': () => ({ entry: added, modelfile: proposal.modelfile, notes: [] }), ...handlers });
}

async function openFromCardMenu(user: ReturnType<typeof userEvent.setup>) {
  const card = screen.getByRole('article', { name: 'PeteOllama Property Manager v2' });
  await user.click(within(card).getByRole('button', { name: /Actions for/ }));
  await user.click(screen.getByRole('menuitem', { name: 'New version…' }));
  return screen.findByRole('dialog', { name: 'New version of PeteOllama Property Manager v2' });
}

describe('New version dialog', () => {
  it("opens from a card's menu with the proposal: next name, carried-over names, current base, where the copy goes", async () => {
    const user = userEvent.setup();
    const { client } = render();
    const dialog = await openFromCardMenu(user);
    const name = await within(dialog).findByTestId('new-version-name');
    expect(client.callsTo('models.versionProposal')).toEqual([{ name: V2 }]);
    expect((name as HTMLInputElement).value).toBe(V3);
    expect(document.activeElement).toBe(name);
    expect((within(dialog).getByTestId('new-version-display') as HTMLInputElement).value).toBe('PeteOllama Property Manager v3');
    expect((within(dialog).getByTestId('base-model-select') as HTMLSelectElement).value).toBe('qwen3:30b');
    expect(within(dialog).getByTestId('new-version-modelfile').textContent).toBe(
      'models/Modelfile.qwen-enhanced is copied to models/Modelfile.peteollama-property-manager-v3; the editor opens on it.',
    );
  });

  it('lists the base models with their sizes, the registry’s first, then the rest of Ollama', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await openFromCardMenu(user);
    const select = await within(dialog).findByTestId('base-model-select');
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ['Base models in the registry', ['llama3:latest — Llama 3 (Latest) · 4.7 GB', 'qwen3:30b — Qwen 3 (30B) · 18 GB · not in Ollama yet']],
      ['Other models in Ollama', ['mistral:7b — 4.1 GB · 8.0B Q4_0', `${V1} — 4.7 GB · 8.0B Q4_0`]],
    ]);
  });

  it('picking another base updates the carried-over description until the user edits it', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await openFromCardMenu(user);
    await user.selectOptions(await within(dialog).findByTestId('base-model-select'), 'llama3:latest');
    const description = within(dialog).getByTestId('new-version-description') as HTMLTextAreaElement;
    expect(description.value).toBe('Property management model v3 trained on llama3');
    await user.clear(description);
    await user.type(description, 'Mine');
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'qwen3:30b');
    expect(description.value).toBe('Mine');
  });

  it('checks the name as typed: rules, and names taken in the registry or Ollama; Add is disabled meanwhile', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await openFromCardMenu(user);
    const name = await within(dialog).findByTestId('new-version-name');
    await user.clear(name);
    await user.type(name, 'bad name');
    expect(within(dialog).getByTestId('name-error').textContent).toContain('Not a valid Ollama name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((within(dialog).getByTestId('new-version-submit') as HTMLButtonElement).disabled).toBe(true);
    await user.clear(name);
    await user.type(name, 'PeteOllama:Property-Manager-V1');
    expect(within(dialog).getByTestId('name-error').textContent).toBe(`The registry already has ${V1}.`);
    await user.clear(name);
    await user.type(name, 'mistral:7b');
    expect(within(dialog).getByTestId('name-error').textContent).toContain('Ollama already has a model named mistral:7b');
  });

  it('a name with another -vN updates the display name and the version in the button', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await openFromCardMenu(user);
    const name = await within(dialog).findByTestId('new-version-name');
    await user.clear(name);
    await user.type(name, 'peteollama:property-manager-v9');
    expect((within(dialog).getByTestId('new-version-display') as HTMLInputElement).value).toBe('PeteOllama Property Manager v9');
    expect(within(dialog).getByTestId('new-version-submit').textContent).toBe('Add v9');
  });

  it('Add sends the choices, then opens the new model on its Modelfile', async () => {
    const user = userEvent.setup();
    const { client, store } = render();
    const dialog = await openFromCardMenu(user);
    await user.selectOptions(await within(dialog).findByTestId('base-model-select'), 'llama3:latest');
    await user.click(within(dialog).getByTestId('new-version-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsTo('models.newVersion')).toEqual([
      {
        from: V2,
        name: V3,
        display_name: 'PeteOllama Property Manager v3',
        description: 'Property management model v3 trained on llama3',
        base_model: 'llama3:latest',
      },
    ]);
    expect(store.getState().detail).toEqual({ name: V3, tab: 'modelfile' });
    expect(store.getState().snapshot?.registry.models[V3]?.status).toBe('pending');
  });

  it("shows the server's field error beside the field and keeps the dialog open", async () => {
    const user = userEvent.setup();
    render({
      'models.newVersion': () => {
        throw new AppError('conflict', 'Ollama already has a model named x.', [{ path: 'name', message: 'Ollama already has "x"' }]);
      },
    });
    const dialog = await openFromCardMenu(user);
    await user.click(await within(dialog).findByTestId('new-version-submit'));
    expect((await within(dialog).findByTestId('name-error')).textContent).toBe('Ollama already has "x"');
    expect(within(dialog).getByTestId('new-version-error').textContent).toBe('Ollama already has a model named x.');
  });

  it('also opens from the detail header', async () => {
    const user = userEvent.setup();
    const { client } = renderLifecycle({ detail: { name: V1, tab: 'overview' } }, { 'models.versionProposal': () => ({ ...proposal, from: V1 }) }, seedModels);
    await user.click(screen.getByTestId('detail-new-version'));
    await screen.findByRole('dialog', { name: 'New version of PeteOllama Property Manager v1' });
    expect(client.callsTo('models.versionProposal')).toEqual([{ name: V1 }]);
  });
});
