import { setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { StateEffect, type Text } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';
import { diagnose, type Diagnostic, type ValidationContext } from '../../../../shared/modelfile';
import { messageParts } from '../text/message-parts';

/** Dispatch this when what diagnostics depend on (the base models Ollama has) changed. */
export const refreshDiagnostics = StateEffect.define<null>();

export interface DiagnosticsOptions {
  /** Quiet time after typing before checking again. */
  delayMs: number;
  context(): ValidationContext;
  onResult(diagnostics: Diagnostic[]): void;
}

/** A line and column (1-based) as a document position, kept inside the document. */
export function positionOf(doc: Text, line: number, column: number): number {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(at.from + Math.max(column, 1) - 1, at.to);
}

/** A hint ("add a FROM line") as a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`.replace(/([^.!?])$/, '$1.');
}

/**
 * Positions by line and column rather than offset: the document may use CRLF, where CodeMirror
 * counts a line break as one position and the text as two characters.
 */
export function toCmDiagnostic(doc: Text, d: Diagnostic): CmDiagnostic {
  const from = positionOf(doc, d.line, d.column);
  const to = Math.max(from, positionOf(doc, d.endLine, d.endColumn));
  const message = d.hint ? `${d.message}\n${sentence(d.hint)}` : d.message;
  const fix = d.fix;
  return {
    from,
    to,
    severity: d.severity,
    message: message.replaceAll('`', ''),
    // Backticked names show as code, never as backticks.
    renderMessage: () => messageElement(message),
    source: `Line ${d.line}, column ${d.column}`,
    ...(fix ? { actions: [{ name: `Use ${fix}`, apply: (view: EditorView, start: number, end: number) => view.dispatch({ changes: { from: start, to: end, insert: fix } }) }] } : {}),
  };
}

function messageElement(text: string): HTMLElement {
  const root = document.createElement('span');
  root.className = 'cm-diagnosticText-body';
  for (const part of messageParts(text)) {
    const node = part.code ? document.createElement('code') : document.createElement('span');
    node.textContent = part.text;
    root.append(node);
  }
  return root;
}

/** Runs `diagnose` shortly after each change (and at once on open), underlining and reporting what it finds. */
export function modelfileDiagnostics(options: DiagnosticsOptions) {
  return ViewPlugin.fromClass(
    class {
      private timer: ReturnType<typeof setTimeout> | undefined;

      constructor(private readonly view: EditorView) {
        this.schedule(0);
      }

      update(update: ViewUpdate) {
        const refresh = update.transactions.some((tr) => tr.effects.some((e) => e.is(refreshDiagnostics)));
        if (update.docChanged || refresh) this.schedule(options.delayMs);
      }

      private schedule(ms: number) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.run(), ms);
      }

      private run() {
        const { state } = this.view;
        const { diagnostics } = diagnose(state.doc.toString(), options.context());
        this.view.dispatch(setDiagnostics(state, diagnostics.map((d) => toCmDiagnostic(state.doc, d))));
        options.onResult(diagnostics);
      }

      destroy() {
        clearTimeout(this.timer);
      }
    },
  );
}
