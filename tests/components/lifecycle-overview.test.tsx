// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { ModelEntry } from '../../src/shared/registry';
import { V1, V2, renderLifecycle, seedBases, seedModels } from './lifecycle-support';
import { snapshot } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const update = ({ name, patch }: { name: string; patch: Record<string, unknown> }): ModelEntry => ({ ...seedModels.find((m) => m.name === name)!, ...patch }) as ModelEntry;

function renderOverview(handlers: Parameters<typeof renderLifecycle>[1] = {}, state: Parameters<typeof renderLifecycle>[0] = {}) {
  return renderLifecycle({ detail: { name: V2, tab: 'overview' }, ...state }, { 'models.update': update, ...handlers });
}

describe('Overview fields edited in place', () => {
  it('saves the display name when focus leaves it, and the header follows', async () => {
    const user = userEvent.setup();
    const { client } = renderOverview();
    const field = screen.getByTestId('field-display_name');
    await user.clear(field);
    await user.type(field, 'PM two');
    await user.tab();
    await waitFor(() => expect(client.callsTo('models.update')).toEqual([{ name: V2, patch: { display_name: 'PM two' } }]));
    expect(within(screen.getByTestId('model-detail')).getByRole('heading', { level: 1 }).textContent).toBe('PM two');
  });

  it('Enter saves a one-line field; Esc puts the saved value back and keeps the detail open', async () => {
    const user = userEvent.setup();
    const { client } = renderOverview();
    const version = screen.getByTestId('field-version') as HTMLInputElement;
    await user.clear(version);
    await user.type(version, 'v2b{Enter}');
    await waitFor(() => expect(client.callsTo('models.update')).toEqual([{ name: V2, patch: { version: 'v2b' } }]));
    const description = screen.getByTestId('field-description') as HTMLTextAreaElement;
    await user.type(description, ' draft');
    await user.keyboard('{Escape}');
    expect(description.value).toBe('Property management model v2 trained on qwen3');
    expect(screen.getByTestId('model-detail')).toBeTruthy();
  });

  it("shows the server's field error under the field and keeps the draft", async () => {
    const user = userEvent.setup();
    renderOverview({
      'models.update': () => {
        throw new AppError('validation', 'Invalid change: description: Too big', [{ path: 'description', message: 'Too big: expected at most 2000 characters' }]);
      },
    });
    const description = screen.getByTestId('field-description') as HTMLTextAreaElement;
    await user.type(description, ' more');
    await user.tab();
    expect((await screen.findByTestId('field-description-error')).textContent).toBe('Too big: expected at most 2000 characters');
    expect(description.value).toContain(' more');
    expect(description.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses an empty display name before asking the server', async () => {
    const user = userEvent.setup();
    const { client } = renderOverview();
    await user.clear(screen.getByTestId('field-display_name'));
    await user.tab();
    expect(screen.getByTestId('field-display_name-error').textContent).toBe('The display name cannot be empty.');
    expect(client.callsTo('models.update')).toEqual([]);
  });

  it('flips show in UI and preload at once; the base model is information, with what FROM says', async () => {
    const user = userEvent.setup();
    const { client } = renderOverview();
    await user.click(screen.getByTestId('field-auto_preload'));
    await waitFor(() => expect(client.callsTo('models.update')).toEqual([{ name: V2, patch: { auto_preload: true } }]));
    const base = screen.getByTestId('field-base_model').closest('.inline-field') as HTMLElement;
    await waitFor(() => expect(base.textContent).toContain('For information: the Modelfile’s FROM decides what it is built on, and it says llama3:latest.'));
    expect(base.textContent).toContain('Qwen 3 (30B) · not in Ollama');
  });

  it('shows the file’s own boolean flags (is_jamie_model) as editable', async () => {
    const user = userEvent.setup();
    const { client } = renderOverview();
    const extras = screen.getByTestId('overview-extras');
    const flag = within(extras).getByRole('checkbox', { name: 'is_jamie_model' });
    expect((flag as HTMLInputElement).checked).toBe(true);
    await user.click(flag);
    await waitFor(() => expect(client.callsTo('models.update')).toEqual([{ name: V2, patch: { is_jamie_model: false } }]));
  });

  it('keeps other kinds of own fields read-only', () => {
    const odd = seedModels.map((m) => (m.name === V2 ? ({ ...m, tags: ['a', 'b'] } as ModelEntry) : m));
    renderLifecycle({ detail: { name: V2, tab: 'overview' } }, {}, odd);
    const tags = screen.getByTestId('field-tags');
    expect(tags.tagName).toBe('DIV');
    expect(tags.textContent).toBe('["a","b"]');
  });

  it('the default model: exactly one or none, set from here', async () => {
    const user = userEvent.setup();
    const { client } = renderOverview({ 'models.setDefault': ({ name }) => snapshot(seedModels, { defaultModel: name, baseModels: seedBases }) });
    const toggle = screen.getByTestId('field-default_model') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByText(`Now ${V1}; this replaces it.`)).toBeTruthy();
    await user.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(client.callsTo('models.setDefault')).toEqual([{ name: V2 }]);
  });

  it('is disabled with the reason while the registry file is invalid', () => {
    const problem = { message: 'model_settings.json is not valid JSON: line 3', file: '/ws/model_settings.json', line: 3, column: 1, backupPath: null, issues: [] };
    renderOverview({}, { snapshot: snapshot(seedModels, { defaultModel: V1, problem }) });
    expect(screen.getByTestId('overview-readonly').textContent).toContain('Read-only: model_settings.json is invalid (model_settings.json is not valid JSON: line 3)');
    for (const id of ['field-display_name', 'field-description', 'field-show_in_ui', 'field-default_model', 'overview-rename']) {
      expect((screen.getByTestId(id) as HTMLInputElement).disabled).toBe(true);
    }
  });
});
