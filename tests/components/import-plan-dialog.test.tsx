// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notifications } from '../../src/renderer/src/components/frame/Notifications';
import { RegistryTransferSetting } from '../../src/renderer/src/components/transfer/RegistryTransferSetting';
import { AppError } from '../../src/shared/errors';
import type { ImportPlan } from '../../src/shared/import-plan';
import { model, snapshot } from './support/fixtures';
import { renderWithStore } from './support/render';

afterEach(() => {
  vi.restoreAllMocks();
});

const here = snapshot([model('pm-v1', { display_name: 'PM v1' }), model('mine', { display_name: 'Mine' })], { defaultModel: 'mine' });

const PLAN: ImportPlan = {
  fileName: 'seed.json',
  models: [
    { kind: 'model', name: 'pm-v2', existing: null, action: 'add', label: 'PM v2', changes: [], problem: null, warnings: ['models/Modelfile.qwen is not in this workspace yet'] },
    {
      kind: 'model',
      name: 'pm-v1',
      existing: 'pm-v1',
      action: 'change',
      label: 'PeteOllama v1',
      changes: [
        { field: 'display_name', before: 'PM v1', after: 'PeteOllama v1' },
        { field: 'is_jamie_model', before: null, after: true },
      ],
      problem: null,
      warnings: [],
    },
    { kind: 'model', name: 'mine', existing: 'mine', action: 'same', label: 'Mine', changes: [], problem: null, warnings: [] },
    { kind: 'model', name: 'bad name', existing: null, action: 'invalid', label: 'Bad', changes: [], problem: '"bad name" is not a valid Ollama model name', warnings: [] },
  ],
  baseModels: [{ kind: 'base_model', name: 'qwen3:30b', existing: null, action: 'add', label: 'Qwen 3', changes: [], problem: null, warnings: [] }],
  defaultModel: { current: 'mine', imported: 'pm-v2', action: 'change' },
  counts: { add: 2, change: 1, same: 1, invalid: 1 },
};

async function pick(user: ReturnType<typeof userEvent.setup>, text: string, name = 'seed.json') {
  await user.upload(screen.getByTestId('import-file'), new File([text], name, { type: 'application/json' }));
}

describe('import a registry file', () => {
  it('sends the file to main and shows the plan: adds ticked, changes unticked with their fields, same folded, invalid disabled', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<RegistryTransferSetting />, { snapshot: here });
    client.handlers['registry.importPreview'] = () => PLAN;
    await pick(user, '{"models":{}}');
    expect(client.callsTo('registry.importPreview')).toEqual([{ content: '{"models":{}}', fileName: 'seed.json' }]);
    const dialog = await screen.findByTestId('import-dialog');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Import seed.json');
    expect(within(dialog).getByTestId('import-summary').textContent).toBe('2 new · 1 changed · 1 the same · 1 cannot be imported');
    const items = Object.fromEntries(within(dialog).getAllByTestId('import-item').map((el) => [`${el.dataset.kind}:${el.dataset.name}`, el]));
    const box = (key: string) => within(items[key]!).getByRole('checkbox') as HTMLInputElement;
    expect(box('model:pm-v2').checked).toBe(true);
    expect(box('base_model:qwen3:30b').checked).toBe(true);
    expect(box('model:pm-v1').checked).toBe(false);
    expect(box('model:bad name').disabled).toBe(true);
    expect(items['model:bad name']!.textContent).toContain('is not a valid Ollama model name');
    expect(items['model:pm-v2']!.textContent).toContain('models/Modelfile.qwen is not in this workspace yet');
    const changes = within(items['model:pm-v1']!).getByTestId('import-changes');
    expect([...changes.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['display_name“PM v1”“PeteOllama v1”', 'is_jamie_model(not set)yes']);
    expect(within(dialog).getByText('1 already the same here')).toBeTruthy();
    expect((within(dialog).getByTestId('import-default') as HTMLInputElement).checked).toBe(false);
    expect(within(dialog).getByTestId('import-apply').textContent).toBe('Import 2 entries');
  });

  it('applies only what is ticked; the default changes only when ticked (and only once its model comes too)', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(
      <>
        <RegistryTransferSetting />
        <Notifications />
      </>,
      { snapshot: here },
    );
    client.handlers['registry.importPreview'] = () => PLAN;
    client.handlers['registry.importApply'] = () => ({
      added: ['pm-v2'],
      changed: ['pm-v1'],
      skipped: [],
      defaultModel: 'pm-v2',
      defaultChanged: true,
      snapshot: snapshot([model('pm-v1'), model('pm-v2'), model('mine')], { defaultModel: 'pm-v2' }),
    });
    await pick(user, '{}');
    const dialog = await screen.findByTestId('import-dialog');
    const item = (name: string) => within(dialog).getAllByTestId('import-item').find((el) => el.dataset.name === name)!;
    await user.click(within(item('qwen3:30b')).getByRole('checkbox'));
    await user.click(within(item('pm-v1')).getByRole('checkbox'));
    // Unticking the model the default names makes the default box unavailable.
    await user.click(within(item('pm-v2')).getByRole('checkbox'));
    expect((within(dialog).getByTestId('import-default') as HTMLInputElement).disabled).toBe(true);
    await user.click(within(item('pm-v2')).getByRole('checkbox'));
    await user.click(within(dialog).getByTestId('import-default'));
    await user.click(within(dialog).getByTestId('import-apply'));
    expect(client.callsTo('registry.importApply')).toEqual([
      {
        content: '{}',
        fileName: 'seed.json',
        selection: {
          models: [
            { name: 'pm-v2', action: 'add' },
            { name: 'pm-v1', action: 'change' },
          ],
          baseModels: [],
          defaultModel: true,
        },
      },
    ]);
    expect((await screen.findByTestId('import-done')).textContent).toContain('Added 1, changed 1; pm-v2 is now the default.');
    expect(store.getState().snapshot?.registry.default_model).toBe('pm-v2');
    expect(screen.getByText('Imported 2 entries from seed.json')).toBeTruthy();
  });

  it("shows a bad file's positioned error and imports nothing", async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<RegistryTransferSetting />, { snapshot: here });
    client.handlers['registry.importPreview'] = () => {
      throw new AppError('validation', 'broken.json is not valid JSON: line 3, column 25: found "}" where a property name was expected.');
    };
    await pick(user, '{', 'broken.json');
    const error = await screen.findByTestId('import-error');
    // Said once: what is wrong and where, then that nothing was imported.
    expect(error.textContent?.split('line 3, column 25')).toHaveLength(2);
    expect(error.textContent?.split('Nothing was imported')).toHaveLength(2);
    expect(client.callsTo('registry.importApply')).toEqual([]);
    await user.click(within(screen.getByTestId('import-dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('import-dialog')).toBeNull();
  });
});

describe('export', () => {
  it('saves the registry JSON from main as a download', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    const downloads: string[] = [];
    Object.assign(window.URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        created.push(blob);
        return 'blob:test/1';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    const { client } = renderWithStore(<RegistryTransferSetting />, { snapshot: here });
    const text = '{\n  "models": {}\n}\n';
    client.handlers['registry.export'] = () => ({
      fileName: 'ws-model_settings-2025-08-08.json',
      mimeType: 'application/json',
      encoding: 'utf8',
      data: text,
      bytes: text.length,
      modelfiles: { included: [], skipped: [] },
    });
    await user.click(screen.getByTestId('export-json'));
    expect(client.callsTo('registry.export')).toEqual([{ format: 'json' }]);
    await waitFor(() => expect(downloads).toEqual(['ws-model_settings-2025-08-08.json blob:test/1']));
    expect(await created[0]?.text()).toBe(text);
    expect(created[0]?.type).toBe('application/json');
  });

  it('decodes the zip from base64 into the saved bytes', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    Object.assign(window.URL, { createObjectURL: vi.fn((blob: Blob) => (created.push(blob), 'blob:test/2')), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { client } = renderWithStore(<RegistryTransferSetting />, { snapshot: here });
    client.handlers['registry.export'] = () => ({
      fileName: 'ws.zip',
      mimeType: 'application/zip',
      encoding: 'base64',
      data: btoa('PK\u0003\u0004rest'),
      bytes: 8,
      modelfiles: { included: ['models/Modelfile.a'], skipped: [] },
    });
    await user.click(screen.getByTestId('export-zip'));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(new Uint8Array(await created[0]!.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4, ...new TextEncoder().encode('rest')]));
  });
});
