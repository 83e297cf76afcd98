import { useId } from 'react';

interface EditorToolbarProps {
  path: string;
  dirty: boolean;
  saving: boolean;
  exists: boolean;
  previewOpen: boolean;
  /** "Create" or "Rebuild"; null hides the button (nothing to build from here). */
  createLabel: string | null;
  /** Why Create cannot be pressed now, or a progress label while building. */
  createBlocked: string | null;
  createBusy: boolean;
  onSave(): void;
  onFormat(): void;
  onCreate(): void;
  onTogglePreview(): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const SAVE_KEYS = isMac ? '⌘S' : 'Ctrl+S';
const FORMAT_KEYS = isMac ? '⇧⌥F' : 'Shift+Alt+F';

export function EditorToolbar(props: EditorToolbarProps) {
  const { path, dirty, saving, exists, previewOpen, createLabel, createBlocked, createBusy } = props;
  const blockedId = useId();
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Modelfile">
      <button
        type="button"
        className="button button--small"
        data-testid="editor-save"
        disabled={saving || (!dirty && exists)}
        aria-busy={saving}
        title={`Save (${SAVE_KEYS})`}
        onClick={props.onSave}
      >
        {saving && <span className="spinner" aria-hidden="true" />}
        Save
      </button>
      <button type="button" className="button button--small" data-testid="editor-format" title={`Format (${FORMAT_KEYS})`} onClick={props.onFormat}>
        Format
      </button>
      <span className="editor-toolbar__file">
        <code className="path" title={path}>
          {path}
        </code>
        {saving ? (
          <span className="editor-toolbar__state">Saving…</span>
        ) : dirty ? (
          <span className="editor-toolbar__state editor-toolbar__state--dirty" data-testid="dirty-marker">
            <span aria-hidden="true">●</span> Unsaved changes
          </span>
        ) : !exists ? (
          <span className="editor-toolbar__state">New file: saving creates it</span>
        ) : (
          <span className="editor-toolbar__state editor-toolbar__state--saved">Saved</span>
        )}
      </span>
      <span className="editor-toolbar__spacer" />
      <button type="button" className="button button--small" aria-pressed={previewOpen} data-testid="editor-preview-toggle" onClick={props.onTogglePreview}>
        Request preview
      </button>
      {createLabel && (
        <button
          type="button"
          className="button button--small button--primary"
          data-testid="editor-create"
          disabled={createBlocked !== null || createBusy}
          aria-busy={createBusy}
          title={createBlocked ?? (dirty ? `Save, then ${createLabel.toLowerCase()}` : undefined)}
          aria-describedby={createBlocked === null ? undefined : blockedId}
          onClick={props.onCreate}
        >
          {createBusy && <span className="spinner" aria-hidden="true" />}
          {createLabel}
        </button>
      )}
      {createLabel && createBlocked !== null && (
        <span id={blockedId} hidden>
          {createBlocked}
        </span>
      )}
    </div>
  );
}
