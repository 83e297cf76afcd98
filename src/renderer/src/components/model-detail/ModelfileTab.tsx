import { Suspense, useEffect } from 'react';
import type { ModelEntry } from '../../../../shared/registry';
import { normalizeModelfilePath } from '../../store/modelfile-path';
import { selectDocument } from '../../store/modelfile-selectors';
import { useAppStore } from '../../store/store-context';
import { ModelfileWorkbench } from '../../lazy-parts';

/** Loads the model's Modelfile (a draft already open is kept) and shows the editor for it. */
export function ModelfileTab({ model, active }: { model: ModelEntry; active: boolean }) {
  const path = normalizeModelfilePath(model.modelfile);
  const doc = useAppStore(selectDocument(path));
  const openDocument = useAppStore((s) => s.openDocument);
  useEffect(() => {
    if (path) void openDocument(path);
  }, [path, openDocument]);

  if (!path) {
    return <p className="detail__message">This model names no Modelfile in model_settings.json, so there is nothing to edit.</p>;
  }
  const opening = (
    <p className="detail__message" role="status">
      <span className="spinner" aria-hidden="true" /> Opening <code className="path">{path}</code>…
    </p>
  );
  if (!doc || doc.status === 'loading') return opening;
  if (doc.status === 'failed') {
    return (
      <div className="detail__message" role="alert">
        <p>
          <code className="path">{path}</code> could not be opened: {doc.loadError}
        </p>
        <button type="button" className="button" onClick={() => void openDocument(path)}>
          Try again
        </button>
      </div>
    );
  }
  // Keyed by path: another file is another editor (its own undo history).
  // The editor's code (CodeMirror) is its own chunk: the first time, it may still be on its way.
  return (
    <Suspense fallback={opening}>
      <ModelfileWorkbench key={path} model={model} doc={doc} active={active} />
    </Suspense>
  );
}
