import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Diagnostic, ValidationContext } from '../../../../shared/modelfile';
import type { Reveal } from '../../store/detail-slice';
import { editorExtensions, external } from './editor-extensions';
import { formatModelfileText, type FormatResult } from './format-text';
import type { BaseName } from './modelfile-completion';
import { positionOf, refreshDiagnostics } from './modelfile-diagnostics';

/** What the toolbar can ask of the editor. */
export interface ModelfileEditorHandle {
  format(): FormatResult;
  focus(): void;
  /** The text as the editor holds it now (the store's copy may be a render behind). */
  text(): string;
  /** Moves the cursor to a line and column (1-based) and focuses the editor. */
  goTo(line: number, column: number): void;
  /** Replaces a finding's span with `text` (one undoable edit) and puts the cursor after it. */
  replace(span: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>, text: string): void;
}

interface ModelfileEditorProps {
  /** The text to show; taken when the editor mounts and whenever `revision` changes (a reload). */
  text: string;
  revision: number;
  label: string;
  context: ValidationContext;
  baseNames: readonly BaseName[];
  reveal: Reveal | null;
  onChange(text: string): void;
  onSave(): void;
  onFormatResult(result: FormatResult): void;
  onDiagnostics(diagnostics: Diagnostic[]): void;
  onRevealed(): void;
  ref?: Ref<ModelfileEditorHandle>;
}

function goTo(view: EditorView, lineNumber: number, column: number): void {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(lineNumber, 1), doc.lines));
  const pos = Math.min(line.from + Math.max(column, 1) - 1, line.to);
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}

function formatView(view: EditorView): FormatResult {
  const result = formatModelfileText(view.state.doc.toString(), view.state.lineBreak);
  if (result.ok && result.text !== view.state.doc.toString()) {
    // One undoable change.
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: result.text }, userEvent: 'format' });
  }
  return result;
}

/**
 * Where the editor's tooltips go, as for menus (TopLayer): the dialog it sits in (a modal dialog is
 * itself in the top layer; it may not be open yet when the editor mounts), else <body>.
 */
function tooltipParentFor(host: HTMLElement): HTMLElement {
  return host.closest('dialog') ?? host.ownerDocument.body;
}

/** CodeMirror 6 with the Modelfile mode, live diagnostics, completion, Format and Ctrl/Cmd+S. */
export function ModelfileEditor(props: ModelfileEditorProps) {
  const { text, revision, context, reveal, ref } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const appliedRevision = useRef(revision);
  // CodeMirror is set up once; its callbacks read the latest props through this.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const initial = latest.current.text;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initial,
        extensions: editorExtensions(initial, {
          label: latest.current.label,
          onChange: (value) => latest.current.onChange(value),
          onSave: () => latest.current.onSave(),
          onFormat: () => latest.current.onFormatResult(formatView(view)),
          onDiagnostics: (found) => latest.current.onDiagnostics(found),
          context: () => latest.current.context,
          baseNames: () => latest.current.baseNames,
          tooltipParent: tooltipParentFor(host),
        }),
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      format: () => (viewRef.current ? formatView(viewRef.current) : { ok: false, message: 'The editor is not ready.' }),
      focus: () => viewRef.current?.focus(),
      text: () => viewRef.current?.state.doc.toString() ?? '',
      goTo: (line, column) => {
        if (viewRef.current) goTo(viewRef.current, line, column);
      },
      replace: (span, insert) => {
        const view = viewRef.current;
        if (!view) return;
        const from = positionOf(view.state.doc, span.line, span.column);
        const to = Math.max(from, positionOf(view.state.doc, span.endLine, span.endColumn));
        view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, userEvent: 'input.fix' });
        view.focus();
      },
    }),
    [],
  );

  // A reload replaces the text; typing never comes back this way (the store copy may lag the editor).
  useEffect(() => {
    const view = viewRef.current;
    if (!view || appliedRevision.current === revision) return;
    appliedRevision.current = revision;
    if (view.state.doc.toString() !== text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: external.of(true) });
    }
  }, [revision, text]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: refreshDiagnostics.of(null) });
  }, [context]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || !reveal) return;
    goTo(view, reveal.line, reveal.column);
    latest.current.onRevealed();
  }, [reveal]);

  return <div ref={hostRef} className="modelfile-editor" data-testid="modelfile-editor" />;
}
