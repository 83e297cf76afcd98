import { useId, useState, type FormEvent } from 'react';
import { selectWorkspace } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';

function WorkspaceForm({ current, onOpened }: { current: string; onOpened(name: string): void }) {
  const openWorkspace = useAppStore((s) => s.openWorkspace);
  const [draft, setDraft] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const id = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const path = draft.trim();
    if (path === '') {
      setError('Enter the path of a folder.');
      return;
    }
    setOpening(true);
    const result = await openWorkspace(path);
    setOpening(false);
    if (result.ok) {
      setError(null);
      onOpened(result.value.workspace.name || result.value.workspace.path);
    } else {
      setError(result.error.message);
    }
  };

  return (
    <form className="form-row" onSubmit={(event) => void onSubmit(event)} noValidate>
      <label htmlFor={`${id}-path`}>Workspace folder</label>
      <div className="form-row__control">
        <input
          id={`${id}-path`}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="button" disabled={opening} aria-busy={opening}>
          Open
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert" data-testid="workspace-error">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          A folder with <code>model_settings.json</code> and its Modelfiles. An empty folder is set up with the examples.
        </p>
      )}
    </form>
  );
}

export function WorkspaceSetting() {
  const workspace = useAppStore(selectWorkspace);
  const settingsPath = useAppStore((s) => s.settings?.workspace ?? null);
  const [opened, setOpened] = useState<string | null>(null);
  const current = workspace?.path ?? settingsPath ?? '';
  return (
    <>
      <WorkspaceForm key={current} current={current} onOpened={setOpened} />
      {workspace && (
        <p className="field-hint">
          Registry file: <code className="path">{workspace.registryPath}</code>
        </p>
      )}
      {opened && (
        <p className="field-success" role="status">
          Opened {opened}.
        </p>
      )}
    </>
  );
}
