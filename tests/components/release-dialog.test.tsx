// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { V1, V2, renderLifecycle, seedBases, seedModels } from './lifecycle-support';
import { snapshot } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const ALIAS = 'peteollama:property-manager';
const released = () => {
  const snap = snapshot(seedModels, { defaultModel: V1, baseModels: seedBases });
  return { ...snap, registry: { ...snap.registry, aliases: { [ALIAS]: { model: V2, released_at: '2026-12-03T12:00:00Z' } } } };
};

async function openFromMenu(user: ReturnType<typeof userEvent.setup>, display: string, item: string) {
  const card = screen.getByRole('article', { name: display });
  await user.click(within(card).getByRole('button', { name: /Actions for/ }));
  await user.click(screen.getByRole('menuitem', { name: item }));
  return screen.getByRole('dialog');
}

describe('Release dialog', () => {
  it("proposes the family's name, refuses a registered version's name as typed, and sends the release", async () => {
    const user = userEvent.setup();
    const { client } = renderLifecycle({}, {
      'models.release': ({ name, alias }) => ({ alias, model: name, previous: null, notes: [] }),
    });
    const dialog = await openFromMenu(user, 'PeteOllama Property Manager v1', 'Release as…');
    const input = within(dialog).getByTestId('release-alias') as HTMLInputElement;
    expect(input.value).toBe(ALIAS);
    await user.clear(input);
    await user.type(input, V2);
    expect(within(dialog).getByText(/is a registered version's own name/)).toBeTruthy();
    expect((within(dialog).getByTestId('release-submit') as HTMLButtonElement).disabled).toBe(true);
    await user.clear(input);
    await user.type(input, `${ALIAS}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsTo('models.release')).toEqual([{ name: V1, alias: ALIAS }]);
    expect(within(screen.getByRole('article', { name: 'PeteOllama Property Manager v1' })).getByTestId('alias-chip').textContent).toContain(ALIAS);
  });

  it('is not offered for a version that is not built', async () => {
    const user = userEvent.setup();
    renderLifecycle({}, {}, seedModels.map((m) => (m.name === V2 ? { ...m, status: 'pending' } : m)));
    const card = screen.getByRole('article', { name: 'PeteOllama Property Manager v2' });
    await user.click(within(card).getByRole('button', { name: /Actions for/ }));
    expect((screen.getByRole('menuitem', { name: 'Release as…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Delete dialog of a released version', () => {
  it('keeps Delete disabled until the user agrees to remove the released name, then sends removeAliases', async () => {
    const user = userEvent.setup();
    const { client } = renderLifecycle({ snapshot: released() }, {
      'models.delete': ({ name }) => ({ name, ollama: 'deleted', modelfile: 'kept', defaultModel: V1, notes: [] }),
    });
    const dialog = await openFromMenu(user, 'PeteOllama Property Manager v2', 'Delete…');
    await user.click(within(dialog).getByTestId('delete-scope-ollama'));
    const confirm = within(dialog).getByTestId('delete-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.click(within(dialog).getByTestId('delete-aliases'));
    expect(within(dialog).getByTestId('delete-summary').textContent).toContain(`Delete its released name ${ALIAS} from Ollama and the registry.`);
    await user.click(confirm);
    await waitFor(() => expect(client.callsTo('models.delete')).toEqual([{ name: V2, fromOllama: true, deleteModelfile: false, removeAliases: true }]));
  });
});

describe('Versions tab of a released family', () => {
  it('shows where the released name points, on the family and on its version, and removes it by its button', async () => {
    const user = userEvent.setup();
    const { client, store } = renderLifecycle({ snapshot: released(), detail: { name: V1, tab: 'versions' } }, {
      'models.unrelease': ({ alias }) => ({ alias, ollama: 'deleted' }),
    });
    const versions = screen.getByTestId('versions');
    const chip = within(versions).getByTestId('family-alias');
    expect(chip.dataset.modelName).toBe(V2);
    expect(chip.textContent).toContain(`${ALIAS}→`);
    const row = screen.getAllByTestId('version-row').find((r) => r.dataset.modelName === V2)!;
    expect(within(row).getByTestId('alias-chip').textContent).toContain(ALIAS);
    await user.click(screen.getByRole('button', { name: `Remove the released name ${ALIAS}` }));
    await waitFor(() => expect(client.callsTo('models.unrelease')).toEqual([{ alias: ALIAS }]));
    await waitFor(() => expect(within(versions).queryByTestId('family-alias')).toBeNull());
    expect(store.getState().snapshot?.registry.aliases).toBeUndefined();
  });
});
