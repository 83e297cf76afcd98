// @vitest-environment jsdom
import { acceptCompletion, currentCompletions, selectedCompletion } from '@codemirror/autocomplete';
import { EditorView } from '@codemirror/view';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import { FakeClient } from './support/fake-client';
import { completionsAtEnd, findEditor, setText } from './support/editor';
import { model, modelfileDoc, ollamaModel, snapshot, syncState } from './support/fixtures';
import { useFakeLayout } from './support/layout';
import { renderWithStore } from './support/render';

/**
 * The editor helps instead of trapping: a completion inserts exactly what is needed (the space
 * after PARAMETER, which a typed space then steps over), an unknown name gets "did you mean",
 * and the list of parameters Ollama knows is one click away.
 */

useFakeLayout({ width: 1200, height: 800 });

const PATH = 'models/pm.Modelfile';

function renderEditor(content: string) {
  const client = new FakeClient({
    'modelfile.read': () => modelfileDoc(PATH, content, 'a'.repeat(64)),
    'modelfile.preview': () => ({ request: null, uploads: [], errors: [], warnings: [] }),
  });
  return renderWithStore(
    <ModelsPage />,
    {
      snapshot: snapshot([model('pm-v2', { status: 'available', display_name: 'PM v2', modelfile: PATH })]),
      sync: syncState({ ollamaModels: [ollamaModel('llama3:latest')] }),
      detail: { name: 'pm-v2', tab: 'modelfile' },
    },
    client,
  );
}

/** Types text the way the browser's input does: through the editor's input handlers first. */
function type(view: EditorView, text: string): void {
  act(() => {
    const { from, to } = view.state.selection.main;
    const handled = view.state.facet(EditorView.inputHandler).some((handler) => handler(view, from, to, text, () => view.state.update({ changes: { from, to, insert: text } })));
    if (!handled) view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, userEvent: 'input.type' });
  });
}

/** Accepts the selected completion; CodeMirror ignores an accept within its interaction delay (75 ms) of opening. */
async function accept(view: EditorView): Promise<void> {
  await waitFor(() => {
    let accepted = false;
    act(() => void (accepted = acceptCompletion(view)));
    expect(accepted).toBe(true);
  });
}

describe('Modelfile editor: completion inserts exactly what is needed', () => {
  it('accepting PARAMETER then typing a space leaves one space, and the names are offered', async () => {
    renderEditor('FROM llama3\n');
    const view = await findEditor();
    setText(view, 'FROM llama3\nPARA');
    await completionsAtEnd(view);
    await waitFor(() => expect(selectedCompletion(view.state)?.label).toBe('PARAMETER'));
    await accept(view);
    expect(view.state.doc.toString()).toBe('FROM llama3\nPARAMETER ');
    type(view, ' ');
    expect(view.state.doc.toString()).toBe('FROM llama3\nPARAMETER ');
    await waitFor(() => expect(currentCompletions(view.state).map((c) => c.label)).toContain('temperature'));
    // A second space, typed on purpose, is a space.
    type(view, ' ');
    expect(view.state.doc.toString()).toBe('FROM llama3\nPARAMETER  ');
  });

  it('accepting a parameter name then typing a space does not double it either', async () => {
    renderEditor('FROM llama3\n');
    const view = await findEditor();
    setText(view, 'FROM llama3\nPARAMETER temp');
    await completionsAtEnd(view);
    await accept(view);
    type(view, ' ');
    type(view, '0');
    expect(view.state.doc.toString()).toBe('FROM llama3\nPARAMETER temperature 0');
  });
});

describe('Modelfile editor: unknown parameters', () => {
  it('says "did you mean temperature?" and Use temperature fixes the line', async () => {
    const user = userEvent.setup();
    renderEditor('FROM llama3\nPARAMETER temprature 0.5\n');
    const view = await findEditor();
    const problem = await screen.findByTestId('diagnostic');
    expect(problem.textContent).toContain('Did you mean temperature?');
    expect(problem.textContent).not.toContain('`');
    await user.click(within(problem).getByTestId('diagnostic-fix'));
    expect(view.state.doc.toString()).toBe('FROM llama3\nPARAMETER temperature 0.5\n');
    await waitFor(() => expect(screen.getByTestId('problems-summary').textContent).toBe('✓ No problems'));
  });

  it('"The parameters Ollama knows" opens that list, and a name from it replaces the unknown one', async () => {
    const user = userEvent.setup();
    renderEditor('FROM llama3\nPARAMETER banana 1\n');
    const view = await findEditor();
    const problem = await screen.findByTestId('diagnostic');
    const toggle = within(problem).getByTestId('show-parameters');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    const list = screen.getByRole('region', { name: 'Parameters Ollama knows' });
    expect(toggle.getAttribute('aria-controls')).toBe(list.id);
    expect(within(list).getByText('Context window in tokens: how much text the model sees at once.')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'num_ctx' }));
    expect(view.state.doc.toString()).toBe('FROM llama3\nPARAMETER num_ctx 1\n');
  });
});
