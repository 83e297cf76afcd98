// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import type { AppState } from '../../src/renderer/src/store/app-state';
import type { ModelEntry } from '../../src/shared/registry';
import { FakeClient } from './support/fake-client';
import { findEditor, replaceText } from './support/editor';
import { job, model, modelfileDoc, progress, snapshot, step } from './support/fixtures';
import { useFakeLayout } from './support/layout';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

const built = model('pm-v1', {
  display_name: 'PM v1',
  status: 'available',
  modelfile: 'models/v1.Modelfile',
  is_jamie_model: true,
  build: { modelfile_sha256: 'b'.repeat(64), digest: 'sha256:' + 'd'.repeat(64), built_at: '2025-08-08T21:00:00.000Z', base_model: 'llama3:latest' },
} as Partial<ModelEntry>);
const failed = model('pm-v2', { display_name: 'PM v2', status: 'failed', failure_reason: 'template error: template: :3: unexpected "}" in operand\nat line 3' });

function renderPage(state: Partial<AppState> = {}, models: ModelEntry[] = [built, failed]) {
  const client = new FakeClient({ 'modelfile.read': ({ path }) => modelfileDoc(path, 'FROM llama3\n'), 'modelfile.preview': () => ({ request: {}, uploads: [], errors: [], warnings: [] }) });
  return renderWithStore(<ModelsPage />, { snapshot: snapshot(models), ...state }, client);
}

const openButton = (name: string) => within(screen.getByRole('article', { name })).getByTestId('model-card-open');

describe('opening a model', () => {
  it('a click on the card opens its detail on Overview; Esc closes it and focus returns to the card', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    await user.click(openButton('PM v1'));
    const detail = screen.getByTestId('model-detail');
    expect(within(detail).getByRole('heading', { level: 1, name: 'PM v1' })).toBeTruthy();
    expect(within(detail).getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('model-detail')).toBeNull();
    expect(store.getState().detail).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(openButton('PM v1')));
  });

  it('Enter on a focused card opens it', async () => {
    const user = userEvent.setup();
    renderPage();
    openButton('PM v2').focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('model-detail').dataset.modelName).toBe('pm-v2');
  });

  it('the list under the detail is inert, and the back button closes the detail', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(openButton('PM v1'));
    expect(document.querySelector('.page__layer')?.hasAttribute('inert')).toBe(true);
    await user.click(screen.getByTestId('detail-close'));
    expect(screen.queryByTestId('model-detail')).toBeNull();
  });

  it('arrow keys move between tabs', async () => {
    const user = userEvent.setup();
    renderPage({ detail: { name: 'pm-v1', tab: 'overview' } });
    screen.getByRole('tab', { name: 'Overview' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Modelfile' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Modelfile' }));
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: /History/ }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Overview', () => {
  it('shows the entry and its build provenance', () => {
    renderPage({ detail: { name: 'pm-v1', tab: 'overview' } });
    const overview = screen.getByTestId('overview');
    expect(within(overview).getByText('pm-v1')).toBeTruthy();
    expect(screen.getByTestId('build-digest').textContent).toBe('sha256:' + 'd'.repeat(64));
    expect(screen.getByTestId('build-modelfile-sha').textContent).toBe('b'.repeat(64));
    expect(overview.textContent).toContain('is_jamie_model');
  });

  it("shows a failed model's reason in full", () => {
    renderPage({ detail: { name: 'pm-v2', tab: 'overview' } });
    expect(screen.getByTestId('failure-reason').querySelector('pre')?.textContent).toBe(failed.failure_reason);
    expect(screen.getByTestId('build-facts').textContent).toContain('Not built by Modelwright yet');
  });

  it('says so when the model left the registry', () => {
    renderPage({ detail: { name: 'gone', tab: 'overview' } });
    expect(screen.getByRole('alert').textContent).toContain('gone is no longer in the registry');
  });
});

describe('History and the job strip', () => {
  it("History lists this model's jobs only, newest first", async () => {
    const user = userEvent.setup();
    renderPage({
      detail: { name: 'pm-v1', tab: 'overview' },
      jobs: {
        a: job({ id: 'a', target: 'pm-v1', state: 'succeeded', createdAt: '2025-08-08T20:00:00.000Z', endedAt: '2025-08-08T20:01:00.000Z' }),
        b: job({ id: 'b', target: 'pm-v1:latest', state: 'failed', createdAt: '2025-08-08T21:00:00.000Z', endedAt: '2025-08-08T21:01:00.000Z', error: 'x' }),
        c: job({ id: 'c', target: 'pm-v2', state: 'succeeded', endedAt: '2025-08-08T21:01:00.000Z' }),
      },
    });
    await user.click(screen.getByRole('tab', { name: /History/ }));
    const history = screen.getByTestId('history');
    expect(within(history).getAllByTestId('job-panel').map((p) => p.dataset.jobId)).toEqual(['b', 'a']);
  });

  it('shows the running job above the tabs with its progress, steps and Cancel', () => {
    renderPage({
      detail: { name: 'pm-v1', tab: 'modelfile' },
      jobs: { r: job({ id: 'r', target: 'pm-v1', steps: [step('parsing GGUF')], progress: progress({ status: 'parsing GGUF' }) }) },
    });
    const detail = screen.getByTestId('model-detail');
    const panel = within(detail).getAllByTestId('job-panel')[0]!;
    expect(within(panel).getByTestId('job-steps').textContent).toContain('parsing GGUF');
    expect(within(panel).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(within(detail).getByTestId('status-chip').textContent).toBe('Creating');
  });
});

describe('Escape in the Modelfile editor', () => {
  it('stays in the editor: the model page does not close', async () => {
    const user = userEvent.setup();
    const { store } = renderPage({ detail: { name: 'pm-v1', tab: 'modelfile' } });
    const view = await findEditor();
    act(() => view.focus());
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('model-detail')).toBeTruthy();
    expect(store.getState().detail).toEqual({ name: 'pm-v1', tab: 'modelfile' });
  });
});

describe('closing with unsaved edits', () => {
  async function editAndEscape() {
    const user = userEvent.setup();
    const rendered = renderPage({ detail: { name: 'pm-v1', tab: 'modelfile' } });
    const view = await findEditor();
    replaceText(view, 0, 0, '# draft\n');
    await waitFor(() => expect(screen.getByTestId('detail-dirty')).toBeTruthy());
    act(() => view.contentDOM.blur());
    await user.keyboard('{Escape}');
    return { ...rendered, user, dialog: await screen.findByRole('dialog', { name: 'Save your changes?' }) };
  }

  it("asks first; Don't save drops the draft and closes", async () => {
    const { user, dialog, store } = await editAndEscape();
    await user.click(within(dialog).getByRole('button', { name: 'Don’t save' }));
    expect(screen.queryByTestId('model-detail')).toBeNull();
    expect(store.getState().documents['models/v1.Modelfile']?.text).toBe('FROM llama3\n');
  });

  it('Save saves, then closes', async () => {
    const { user, dialog, client } = await editAndEscape();
    client.handlers['modelfile.write'] = ({ path, content }) => modelfileDoc(path, content, 'c'.repeat(64));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByTestId('model-detail')).toBeNull());
    expect(client.callsTo('modelfile.write')).toHaveLength(1);
  });

  it('Cancel keeps the detail and the draft', async () => {
    const { user, dialog } = await editAndEscape();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('model-detail')).toBeTruthy();
    expect(screen.getByTestId('dirty-marker')).toBeTruthy();
  });
});

describe('keyboard and create from the detail', () => {
  it('Ctrl+S saves the Modelfile with focus anywhere in the detail', async () => {
    const user = userEvent.setup();
    const { client } = renderPage({ detail: { name: 'pm-v1', tab: 'modelfile' } });
    client.handlers['modelfile.write'] = ({ path, content }) => modelfileDoc(path, content, 'c'.repeat(64));
    const view = await findEditor();
    replaceText(view, 0, 0, '# draft\n');
    screen.getByRole('tab', { name: 'Modelfile' }).focus();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(client.callsTo('modelfile.write')).toEqual([{ path: 'models/v1.Modelfile', content: '# draft\nFROM llama3\n', expectedSha256: 'a'.repeat(64) }]));
  });

  it("the header's Create (on another tab) saves unsaved edits first and checks the edited text", async () => {
    const user = userEvent.setup();
    const pending = model('pm-v3', { display_name: 'PM v3', status: 'pending', modelfile: 'models/v3.Modelfile' });
    const rendered = renderPage({ detail: { name: 'pm-v3', tab: 'modelfile' } }, [pending]);
    const { client } = rendered;
    client.handlers['modelfile.write'] = ({ path, content }) => modelfileDoc(path, content, 'c'.repeat(64));
    client.handlers['models.create'] = ({ name }) => job({ target: name, state: 'queued', startedAt: null });
    const view = await findEditor();
    replaceText(view, view.state.doc.length, view.state.doc.length, 'PARAMETER temperature hot\n');
    // On the Modelfile tab the one Create is the editor's, beside Save; the header's shows on the other tabs.
    const header = screen.getByTestId('model-detail').querySelector('.detail__head') as HTMLElement;
    expect(within(header).queryByRole('button', { name: 'Create' })).toBeNull();
    await user.click(screen.getByTestId('detail-tab-overview'));
    await user.click(within(header).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(client.callsTo('modelfile.write')).toHaveLength(1));
    // The saved text has an error: creating is refused (the dialog shows where).
    await waitFor(() => expect(rendered.store.getState().createFlow).toMatchObject({ step: 'blocked', name: 'pm-v3' }));
    expect(client.callsTo('models.create')).toEqual([]);
  });
});

describe('menu commands and Ctrl/Cmd+Enter', () => {
  it('Ctrl+Enter in the editor saves the draft, then creates (it inserts no blank line)', async () => {
    const user = userEvent.setup();
    const { client, store } = renderPage({ detail: { name: 'pm-v1', tab: 'modelfile' } });
    client.handlers['modelfile.write'] = ({ path, content }) => modelfileDoc(path, content, 'c'.repeat(64));
    const view = await findEditor();
    replaceText(view, 0, 0, '# draft\n');
    act(() => view.focus());
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(client.callsTo('modelfile.write')).toEqual([{ path: 'models/v1.Modelfile', content: '# draft\nFROM llama3\n', expectedSha256: 'a'.repeat(64) }]));
    // The fixture's Ollama lacks llama3: the create flow goes on to ask about the base.
    await waitFor(() => expect(store.getState().createFlow).toMatchObject({ step: 'base-missing', name: 'pm-v1' }));
    expect(view.state.doc.toString()).toBe('# draft\nFROM llama3\n');
  });

  it("the menu's Save and Create reach the open detail; a command sent before it opened is not replayed", async () => {
    const { client, store } = renderPage({ detail: { name: 'pm-v1', tab: 'overview' }, commandRequest: { command: 'model.create', seq: 4 } });
    client.handlers['modelfile.write'] = ({ path, content }) => modelfileDoc(path, content, 'c'.repeat(64));
    await waitFor(() => expect(client.callsTo('modelfile.read')).toHaveLength(1));
    expect(store.getState().createFlow).toBeNull();
    act(() => store.getState().editDocument('models/v1.Modelfile', 'FROM llama3:8b\n'));
    act(() => store.getState().runCommand('editor.save'));
    await waitFor(() => expect(client.callsTo('modelfile.write')).toEqual([{ path: 'models/v1.Modelfile', content: 'FROM llama3:8b\n', expectedSha256: 'a'.repeat(64) }]));
    act(() => store.getState().runCommand('model.create'));
    await waitFor(() => expect(store.getState().createFlow).toMatchObject({ step: 'base-missing', name: 'pm-v1' }));
  });

  it("the menu's Create says why it cannot create while Ollama is away, and starts nothing", async () => {
    const { store } = renderPage({ detail: { name: 'pm-v1', tab: 'overview' }, sync: null });
    act(() => store.getState().runCommand('model.create'));
    await waitFor(() => expect(store.getState().notifications.map((n) => n.title)).toContain('Cannot create pm-v1 now'));
    expect(store.getState().createFlow).toBeNull();
  });

  it("the menu's New model opens the New model dialog, but not while the registry is read-only", () => {
    const { store } = renderPage();
    act(() => store.getState().runCommand('model.new'));
    expect(store.getState().modelOpsDialog).toEqual({ kind: 'new-model' });
    act(() => store.getState().closeModelOpsDialog());
    act(() => store.setState({ snapshot: { ...snapshot([built]), readOnly: true } }));
    act(() => store.getState().runCommand('model.new'));
    expect(store.getState().modelOpsDialog).toBeNull();
  });
});

describe('request preview only where it is seen', () => {
  it('is not asked for while another tab shows, and is once the Modelfile tab opens', async () => {
    const user = userEvent.setup();
    const { client } = renderPage({ detail: { name: 'pm-v1', tab: 'overview' } });
    await waitFor(() => expect(client.callsTo('modelfile.read')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(client.callsTo('modelfile.preview')).toEqual([]);
    await user.click(screen.getByRole('tab', { name: 'Modelfile' }));
    await waitFor(() => expect(client.callsTo('modelfile.preview')).toEqual([{ name: 'pm-v1', content: 'FROM llama3\n' }]));
  });
});
