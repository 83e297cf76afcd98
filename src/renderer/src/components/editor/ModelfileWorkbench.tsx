import { useRef, useState } from 'react';
import type { Diagnostic } from '../../../../shared/modelfile';
import type { ModelEntry } from '../../../../shared/registry';
import { useBuildState } from '../../hooks/use-build-state';
import { displayNameOf } from '../../models/model-labels';
import { selectBaseSuggestions, selectValidationContext } from '../../store/modelfile-selectors';
import { isDirty, type ModelfileDoc } from '../../store/modelfile-slice';
import { selectReadOnly } from '../../store/selectors';
import { selectOllamaUnavailable } from '../../store/ollama-usable';
import { useAppStore } from '../../store/store-context';
import { ConflictDialog } from './ConflictDialog';
import { EditorToolbar } from './EditorToolbar';
import type { FormatResult } from './format-text';
import { ModelfileEditor, type ModelfileEditorHandle } from './ModelfileEditor';
import { ProblemsPanel } from './ProblemsPanel';
import { RequestPreview } from './RequestPreview';

/** Matches the stylesheet's breakpoint where the preview moves from beside the editor to below it. */
const WIDE_ENOUGH_FOR_PREVIEW = '(min-width: 1101px)';

interface ModelfileWorkbenchProps {
  model: ModelEntry;
  doc: ModelfileDoc;
  /** False while another tab shows: the request preview (which may hash weights files) is not asked for then. */
  active: boolean;
}

/** The Modelfile tab: toolbar, editor with problems below, and the request preview beside it. */
export function ModelfileWorkbench({ model, doc, active }: ModelfileWorkbenchProps) {
  const editorRef = useRef<ModelfileEditorHandle>(null);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[] | null>(null);
  // Beside the editor in a wide window; in a narrow one it would sit below and squeeze the
  // editor to a few lines, so it starts closed there (the toolbar's Request preview opens it).
  const [previewOpen, setPreviewOpen] = useState(() => typeof window === 'undefined' || !window.matchMedia || window.matchMedia(WIDE_ENOUGH_FOR_PREVIEW).matches);
  const editDocument = useAppStore((s) => s.editDocument);
  const saveDocument = useAppStore((s) => s.saveDocument);
  const requestCreate = useAppStore((s) => s.requestCreate);
  const notify = useAppStore((s) => s.notify);
  const reveal = useAppStore((s) => (s.detail?.name === model.name ? s.reveal : null));
  const clearReveal = useAppStore((s) => s.clearReveal);
  const context = useAppStore(selectValidationContext);
  const baseNames = useAppStore(selectBaseSuggestions);
  const readOnly = useAppStore(selectReadOnly);
  const checking = useAppStore((s) => s.createFlow?.name === model.name && s.createFlow.step === 'checking');
  const tooOld = useAppStore((s) => s.sync?.connection.status === 'online' && !s.sync.connection.canCreate);
  const build = useBuildState(model);
  const ollamaUnavailable = useAppStore(selectOllamaUnavailable);

  const path = doc.path;
  const dirty = isDirty(doc);
  const save = () => void saveDocument(path);

  const onFormatResult = (result: FormatResult) => {
    if (!result.ok) notify({ tone: 'error', title: 'Cannot format the Modelfile', message: result.message, key: `format:${path}` });
  };

  const create = async () => {
    const text = editorRef.current?.text() ?? doc.text;
    // Create builds from the file on disk: what the editor shows must be what gets built.
    if (dirty || !doc.exists) {
      const saved = await saveDocument(path);
      if (!saved.ok) return;
    }
    await requestCreate(model.name, text);
  };

  const creating = build.status === 'creating';
  const createLabel = model.status === 'available' || model.build ? 'Rebuild' : 'Create';
  const blocked = readOnly
    ? 'Read-only until model_settings.json is fixed'
    : ollamaUnavailable
      ? ollamaUnavailable
      : tooOld
        ? 'This Ollama is too old to create models from the app; update Ollama'
        : creating
          ? `${build.label ?? 'Creating'}: see the job above`
          : null;

  return (
    <div className="workbench" data-testid="modelfile-workbench">
      <EditorToolbar
        path={path}
        dirty={dirty}
        saving={doc.saving}
        exists={doc.exists}
        previewOpen={previewOpen}
        createLabel={createLabel}
        createBlocked={blocked}
        createBusy={checking}
        onSave={save}
        onFormat={() => onFormatResult(editorRef.current?.format() ?? { ok: false, message: 'The editor is not ready.' })}
        onCreate={() => void create()}
        onTogglePreview={() => setPreviewOpen((open) => !open)}
      />
      <div className={`workbench__panes${previewOpen && active ? '' : ' workbench__panes--single'}`}>
        <div className="workbench__main">
          <ModelfileEditor
            ref={editorRef}
            text={doc.text}
            revision={doc.revision}
            label={`Modelfile of ${displayNameOf(model)}`}
            context={context}
            baseNames={baseNames}
            reveal={reveal}
            onChange={(text) => editDocument(path, text)}
            onSave={save}
            onFormatResult={onFormatResult}
            onDiagnostics={setDiagnostics}
            onRevealed={clearReveal}
          />
          <ProblemsPanel
            diagnostics={diagnostics}
            onSelect={(line, column) => editorRef.current?.goTo(line, column)}
            onFix={(found, text) => editorRef.current?.replace(found, text)}
          />
        </div>
        {previewOpen && active && <RequestPreview name={model.name} text={doc.text} />}
      </div>
      {doc.conflict && <ConflictDialog path={path} conflict={doc.conflict} />}
    </div>
  );
}
