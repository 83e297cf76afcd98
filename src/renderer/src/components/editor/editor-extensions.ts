import { autocompletion, closeCompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
  tooltips,
} from '@codemirror/view';
import type { Diagnostic, ValidationContext } from '../../../../shared/modelfile';
import { completionTypeOver, modelfileCompletion, type BaseName } from './modelfile-completion';
import { modelfileDiagnostics } from './modelfile-diagnostics';
import { modelfileLanguage } from './modelfile-language';
import { modelfileTheme } from './modelfile-theme';

/** Marks a change that came from outside (a reload), which the store already holds. */
export const external = Annotation.define<boolean>();

export interface EditorHooks {
  label: string;
  onChange(text: string): void;
  onSave(): void;
  onFormat(): void;
  onDiagnostics(diagnostics: Diagnostic[]): void;
  context(): ValidationContext;
  baseNames(): readonly BaseName[];
  /**
   * Where completion and lint tooltips are drawn (see TopLayer's topLayerHost): outside the
   * editor's scroller and every card, so nothing clips or covers them. CodeMirror gives that
   * container the editor's theme classes, so they look the same there.
   */
  tooltipParent?: HTMLElement;
}

/** Lines break as the file does when it uses CRLF throughout; otherwise as CodeMirror's default (LF). */
export function lineSeparatorOf(text: string): string | undefined {
  return text.includes('\r\n') && !/(^|[^\r])\n/.test(text) && !/\r(?!\n)/.test(text) ? '\r\n' : undefined;
}

export function editorExtensions(text: string, hooks: EditorHooks): Extension[] {
  const separator = lineSeparatorOf(text);
  return [
    separator ? EditorState.lineSeparator.of(separator) : [],
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    hooks.tooltipParent ? tooltips({ parent: hooks.tooltipParent }) : [],
    modelfileLanguage,
    modelfileTheme,
    lintGutter(),
    autocompletion({ override: [modelfileCompletion(hooks.baseNames)], icons: false }),
    completionTypeOver,
    modelfileDiagnostics({ delayMs: 250, context: hooks.context, onResult: hooks.onDiagnostics }),
    keymap.of([
      {
        key: 'Mod-s',
        preventDefault: true,
        run: (view) => {
          closeCompletion(view);
          hooks.onSave();
          return true;
        },
      },
      {
        key: 'Shift-Alt-f',
        preventDefault: true,
        run: () => {
          hooks.onFormat();
          return true;
        },
      },
      ...completionKeymap,
      ...lintKeymap,
      ...historyKeymap,
      // Ctrl/Cmd+Enter is the app's Create (handled by the model's detail), not "insert a blank line".
      ...defaultKeymap.filter((binding) => binding.key !== 'Mod-Enter'),
    ]),
        // An explicit tab stop: the editable area is then the keyboard's way into the scrolling editor.
    EditorView.contentAttributes.of({ 'aria-label': hooks.label, 'data-testid': 'modelfile-editor-content', tabindex: '0' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !update.transactions.some((tr) => tr.annotation(external))) {
        hooks.onChange(update.state.doc.toString());
      }
    }),
  ];
}
