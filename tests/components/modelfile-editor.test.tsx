// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreateDialogs } from '../../src/renderer/src/components/create/CreateDialogs';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import { AppError } from '../../src/shared/errors';
import type { CreatePreview } from '../../src/shared/modelfile-files';
import { FakeClient, type Handlers } from './support/fake-client';
import { completionsAtEnd, findEditor, replaceText, setText } from './support/editor';
import { job, model, modelfileDoc, ollamaModel, snapshot, syncState } from './support/fixtures';
import { useFakeLayout } from './support/layout';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

const PATH = 'models/pm.Modelfile';
const SHA = 'a'.repeat(64);
const GOOD = 'FROM llama3:latest\nPARAMETER temperature 0.7\n';
const entry = model('pm-v2', { status: 'available', display_name: 'PM v2', modelfile: PATH });

function preview(request: Record<string, unknown> | null, extra: Partial<CreatePreview> = {}): CreatePreview {
  return { request, uploads: [], errors: [], warnings: [], ...extra };
}

function renderEditor(content = GOOD, handlers: Handlers = {}) {
  // Answers are set before rendering: the Modelfile tab reads the file as it mounts.
  const client = new FakeClient({
    'modelfile.read': () => modelfileDoc(PATH, content, SHA),
    'modelfile.preview': () => preview({ model: 'pm-v2', from: 'llama3:latest', parameters: { temperature: 0.7 } }),
    ...handlers,
  });
  return renderWithStore(
    <>
      <ModelsPage />
      <CreateDialogs />
    </>,
    {
      snapshot: snapshot([entry], { baseModels: { 'llama3:latest': { display_name: 'Llama 3', description: '', status: 'available' } } }),
      sync: syncState({ ollamaModels: [ollamaModel('llama3:latest'), ollamaModel('qwen3:30b')] }),
      detail: { name: 'pm-v2', tab: 'modelfile' },
    },
    client,
  );
}

const diagnosticLines = () => screen.queryAllByTestId('diagnostic').map((d) => `${d.dataset.severity}@${d.dataset.line}:${d.dataset.column}`);

describe('Modelfile editor: diagnostics', () => {
  it('marks a bad PARAMETER at its line as you type, and clears it when fixed', async () => {
    renderEditor();
    const view = await findEditor();
    // The first check waits for the editor's debounce and a cold start; a loaded machine needs more than 1 s.
    await waitFor(() => expect(screen.getByTestId('problems-summary').textContent).toBe('✓ No problems'), { timeout: 5000 });

    const line2 = view.state.doc.line(2);
    replaceText(view, line2.from + 'PARAMETER '.length, line2.from + 'PARAMETER temperature'.length, 'temprature');
    await waitFor(() => expect(diagnosticLines()).toEqual(['error@2:11']), { timeout: 5000 });
    expect(screen.getByTestId('diagnostic').textContent).toContain('temprature');
    // Underlined at the exact range, with a gutter marker.
    await waitFor(() => expect(document.querySelector('.cm-lintRange-error')?.textContent).toBe('temprature'));
    expect(document.querySelector('.cm-lint-marker-error')).not.toBeNull();

    replaceText(view, line2.from + 'PARAMETER '.length, line2.from + 'PARAMETER temprature'.length, 'temperature');
    await waitFor(() => expect(diagnosticLines()).toEqual([]));
    expect(document.querySelector('.cm-lintRange-error')).toBeNull();
  });

  it('warns about a base model neither the registry nor Ollama has', async () => {
    renderEditor('FROM mistral:7b\n');
    await findEditor();
    await waitFor(() => expect(screen.getAllByTestId('diagnostic').map((d) => `${d.dataset.code}@${d.dataset.line}`)).toEqual(['unknown-base-model@1']));
  });
});

describe('Modelfile editor: completion', () => {
  it('offers parameter names with their types after PARAMETER', async () => {
    renderEditor();
    const view = await findEditor();
    setText(view, 'FROM llama3\nPARAMETER ');
    const options = await completionsAtEnd(view);
    expect(options).toEqual(
      expect.arrayContaining([
        { label: 'temperature', detail: 'float' },
        { label: 'num_ctx', detail: 'int' },
        { label: 'stop', detail: 'text, repeatable' },
      ]),
    );
    setText(view, 'FROM llama3\nPARAMETER temp');
    expect((await completionsAtEnd(view)).map((o) => o.label)).toEqual(['temperature']);
  });

  it('offers instructions at the start of a line, and base models after FROM', async () => {
    renderEditor();
    const view = await findEditor();
    setText(view, 'FROM llama3\nSY');
    expect((await completionsAtEnd(view)).map((o) => o.label)).toContain('SYSTEM');
    setText(view, 'FROM ');
    const models = (await completionsAtEnd(view)).map((o) => o.label);
    expect(models).toEqual(expect.arrayContaining(['llama3:latest', 'qwen3:30b']));
  });

  it('offers nothing inside a multi-line value', async () => {
    renderEditor();
    const view = await findEditor();
    setText(view, 'FROM llama3\nSYSTEM """\nYou are\nPA');
    act(() => view.dispatch({ selection: { anchor: view.state.doc.length } }));
    const { startCompletion, completionStatus } = await import('@codemirror/autocomplete');
    act(() => void startCompletion(view));
    await new Promise((r) => setTimeout(r, 80));
    expect(completionStatus(view.state)).not.toBe('active');
  });
});

describe('Modelfile editor: saving', () => {
  it('Ctrl+S saves with the sha it loaded, and the dirty marks go away', async () => {
    const { client } = renderEditor();
    client.handlers['modelfile.write'] = ({ path, content }) => modelfileDoc(path, content, 'b'.repeat(64));
    const view = await findEditor();
    replaceText(view, view.state.doc.length, view.state.doc.length, 'PARAMETER num_ctx 4096\n');
    await waitFor(() => expect(screen.getByTestId('dirty-marker')).toBeTruthy());
    expect(screen.getByTestId('detail-tab-modelfile').dataset.dirty).toBe('true');
    expect(screen.getByTestId('detail-dirty')).toBeTruthy();

    fireEvent.keyDown(view.contentDOM, { key: 's', code: 'KeyS', keyCode: 83, ctrlKey: true });
    await waitFor(() => expect(client.callsTo('modelfile.write')).toHaveLength(1));
    expect(client.callsTo('modelfile.write')[0]).toEqual({ path: PATH, content: `${GOOD}PARAMETER num_ctx 4096\n`, expectedSha256: SHA });
    await waitFor(() => expect(screen.queryByTestId('dirty-marker')).toBeNull());
    expect(screen.queryByTestId('detail-dirty')).toBeNull();
  });

  it('the next save sends the sha the last save returned', async () => {
    const user = userEvent.setup();
    const { client } = renderEditor();
    client.handlers['modelfile.write'] = ({ path, content }) => modelfileDoc(path, content, content.length.toString(16).padStart(64, '0'));
    const view = await findEditor();
    replaceText(view, 0, 0, '# one\n');
    await user.click(screen.getByTestId('editor-save'));
    replaceText(view, 0, 0, '# two\n');
    await user.click(await screen.findByTestId('editor-save'));
    await waitFor(() => expect(client.callsTo('modelfile.write')).toHaveLength(2));
    const [first, second] = client.callsTo('modelfile.write') as { expectedSha256: string; content: string }[];
    expect(second!.expectedSha256).toBe(first!.content.length.toString(16).padStart(64, '0'));
  });

  it('a conflict asks "The file changed on disk": Overwrite re-reads the sha and saves mine', async () => {
    const user = userEvent.setup();
    let writes = 0;
    const { client } = renderEditor(GOOD, {
      'modelfile.write': ({ path, content, expectedSha256 }) => {
        writes++;
        if (expectedSha256 === SHA) throw new AppError('conflict', 'models/pm.Modelfile changed on disk since it was read');
        return modelfileDoc(path, content, 'c'.repeat(64));
      },
    });
    const view = await findEditor();
    replaceText(view, 0, 0, '# mine\n');
    await user.click(screen.getByTestId('editor-save'));
    const dialog = await screen.findByRole('dialog', { name: 'The file changed on disk' });
    expect(within(dialog).getByRole('button', { name: 'Reload (discard mine)' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeTruthy();

    client.handlers['modelfile.read'] = () => modelfileDoc(PATH, '# theirs\n', 'd'.repeat(64));
    await user.click(within(dialog).getByRole('button', { name: 'Overwrite (save anyway)' }));
    await waitFor(() => expect(writes).toBe(2));
    expect(client.callsTo('modelfile.write')[1]).toEqual({ path: PATH, content: `# mine\n${GOOD}`, expectedSha256: 'd'.repeat(64) });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(view.state.doc.toString()).toBe(`# mine\n${GOOD}`);
  });

  it('Reload (discard mine) takes the file from disk', async () => {
    const user = userEvent.setup();
    renderEditor(GOOD, {
      'modelfile.write': () => {
        throw new AppError('conflict', 'changed on disk');
      },
    });
    const view = await findEditor();
    replaceText(view, 0, 0, '# mine\n');
    await user.click(screen.getByTestId('editor-save'));
    const dialog = await screen.findByRole('dialog', { name: 'The file changed on disk' });
    await user.click(within(dialog).getByRole('button', { name: 'Reload (discard mine)' }));
    await waitFor(() => expect(view.state.doc.toString()).toBe(GOOD));
    expect(screen.queryByTestId('dirty-marker')).toBeNull();
  });
});

describe('Modelfile editor: changes on disk', () => {
  it('reloads silently when there are no unsaved edits', async () => {
    const { client, store } = renderEditor();
    const view = await findEditor();
    client.handlers['modelfile.read'] = () => modelfileDoc(PATH, '# from git\nFROM llama3\n', 'e'.repeat(64));
    act(() => store.getState().receiveModelfileChange({ path: PATH, sha256: 'e'.repeat(64) }));
    await waitFor(() => expect(view.state.doc.toString()).toBe('# from git\nFROM llama3\n'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks when the file changes under unsaved edits, and ignores the echo of its own save', async () => {
    const { store } = renderEditor();
    const view = await findEditor();
    replaceText(view, 0, 0, '# mine\n');
    act(() => store.getState().receiveModelfileChange({ path: PATH, sha256: SHA }));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => store.getState().receiveModelfileChange({ path: `./${PATH}`, sha256: 'f'.repeat(64) }));
    expect(await screen.findByRole('dialog', { name: 'The file changed on disk' })).toBeTruthy();
  });
});

describe('Modelfile editor: format and preview', () => {
  it('Format rewrites the text in canonical layout', async () => {
    const user = userEvent.setup();
    renderEditor('from   llama3\nparameter temperature 0.7\n');
    const view = await findEditor();
    await user.click(screen.getByTestId('editor-format'));
    expect(view.state.doc.toString()).toBe('FROM llama3\nPARAMETER temperature 0.7\n');
  });

  it('shows the exact create request as JSON, asked with the editor text', async () => {
    const { client } = renderEditor();
    const json = await screen.findByTestId('request-preview-json');
    expect(JSON.parse(json.textContent ?? '')).toEqual({ model: 'pm-v2', from: 'llama3:latest', parameters: { temperature: 0.7 } });
    expect(client.callsTo('modelfile.preview')[0]).toEqual({ name: 'pm-v2', content: GOOD });
  });

  it('shows preview errors with line:column, and uploads', async () => {
    renderEditor(GOOD, {
      'modelfile.preview': () =>
        preview(null, { errors: [{ message: 'no such file ./lora.gguf', line: 3, column: 9 }], uploads: [{ kind: 'adapter', path: 'lora.gguf', key: 'lora.gguf' }] }),
    });
    expect((await screen.findByTestId('preview-error')).textContent).toBe('3:9 no such file ./lora.gguf');
    expect(screen.getByTestId('preview-uploads').textContent).toContain('lora.gguf');
  });
});

describe('Modelfile editor: create', () => {
  it('Rebuild saves unsaved edits first, then calls models.create', async () => {
    const user = userEvent.setup();
    const { client } = renderEditor(GOOD, {
      'modelfile.write': ({ path, content }) => modelfileDoc(path, content, 'b'.repeat(64)),
      'models.create': ({ name }) => job({ target: name, state: 'queued', startedAt: null }),
    });
    const view = await findEditor();
    replaceText(view, view.state.doc.length, view.state.doc.length, 'PARAMETER top_k 40\n');
    await user.click(screen.getByTestId('editor-create'));
    await waitFor(() => expect(client.callsTo('models.create')).toEqual([{ name: 'pm-v2', pullBase: false }]));
    const order = client.log.map((e) => e.name).filter((n) => n === 'modelfile.write' || n === 'models.create');
    expect(order).toEqual(['modelfile.write', 'models.create']);
    expect(screen.getByTestId('editor-create').textContent).toBe('Rebuild');
  });

  it('refuses to create while the text has errors, naming their positions', async () => {
    const user = userEvent.setup();
    const { client } = renderEditor(GOOD, { 'modelfile.write': ({ path, content }) => modelfileDoc(path, content, 'b'.repeat(64)) });
    const view = await findEditor();
    setText(view, 'PARAMETER temperature warm\n');
    await user.click(screen.getByTestId('editor-create'));
    const dialog = await screen.findByRole('dialog', { name: 'PM v2 cannot be created yet' });
    expect(within(dialog).getAllByTestId('create-blocked-error').map((e) => e.dataset.line)).toEqual(['1', '1']);
    expect(client.callsTo('models.create')).toEqual([]);
  });
});
