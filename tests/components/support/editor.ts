import { currentCompletions, startCompletion } from '@codemirror/autocomplete';
import { EditorView } from '@codemirror/view';
import { act, waitFor } from '@testing-library/react';

// jsdom does no layout and has no Range rects; CodeMirror measures text with them (cursor, scrolling).
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const empty = () => new DOMRect(0, 0, 0, 0);
  Range.prototype.getBoundingClientRect = empty;
  Range.prototype.getClientRects = () => Object.assign([] as DOMRect[], { item: () => null }) as unknown as DOMRectList;
}

/** The CodeMirror view on the page (there is one editor at a time in these tests). */
export async function findEditor(): Promise<EditorView> {
  let view: EditorView | null = null;
  // The editor is a lazily loaded chunk: its first import in a test file takes a while on a busy machine.
  await waitFor(
    () => {
      const dom = document.querySelector<HTMLElement>('.cm-editor');
      view = dom ? EditorView.findFromDOM(dom) : null;
      if (!view) throw new Error('no editor yet');
    },
    { timeout: 10_000 },
  );
  return view!;
}

/** Replaces text as typing would (through a transaction, so listeners see a user edit). */
export function replaceText(view: EditorView, from: number, to: number, insert: string): void {
  act(() => view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, userEvent: 'input.type' }));
}

export function setText(view: EditorView, text: string): void {
  replaceText(view, 0, view.state.doc.length, text);
}

/** Opens completion at the end of the text and returns the labels offered. */
export async function completionsAtEnd(view: EditorView): Promise<{ label: string; detail?: string }[]> {
  act(() => {
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    startCompletion(view);
  });
  let found: { label: string; detail?: string }[] = [];
  await waitFor(() => {
    found = currentCompletions(view.state).map((c) => ({ label: c.label, ...(c.detail ? { detail: c.detail } : {}) }));
    if (found.length === 0) throw new Error('no completions yet');
  });
  return found;
}
