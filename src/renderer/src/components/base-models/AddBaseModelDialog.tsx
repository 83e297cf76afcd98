import { useId, useState, type FormEvent } from 'react';
import { modelKey, modelNameProblem } from '../../../../shared/model-name';
import { selectBaseModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

interface AddBaseModelDialogProps {
  /** Prefilled name (adding a base a model uses but the list lacks). */
  initialName?: string;
  onClose(): void;
}

/** Adds a base model by its Ollama name, checked as Ollama checks it, with an optional display name and description. */
export function AddBaseModelDialog({ initialName = '', onClose }: AddBaseModelDialogProps) {
  const addBaseModel = useAppStore((s) => s.addBaseModel);
  const bases = useAppStore(selectBaseModels);
  const ollamaModels = useAppStore((s) => s.sync?.ollamaModels);
  const [name, setName] = useState(initialName);
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(initialName !== '');
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const trimmed = name.trim();
  const listed = Object.keys(bases).find((key) => trimmed !== '' && modelKey(key) === modelKey(trimmed));
  const nameError = trimmed === '' ? 'Enter the model’s name, e.g. llama3:latest or qwen3:30b.' : listed ? `Already listed as ${listed}.` : modelNameProblem(trimmed);
  const error = (touched && nameError) || serverError;
  const suggestions = (ollamaModels ?? []).filter((m) => !Object.keys(bases).some((key) => modelKey(key) === modelKey(m.name)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (nameError) return;
    setSaving(true);
    const result = await addBaseModel({ name: trimmed, display_name: displayName, description });
    setSaving(false);
    if (result.ok) onClose();
    else setServerError(result.error.message);
  };

  return (
    <Dialog
      title="Add a base model"
      testId="add-base-dialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={saving} aria-busy={saving}>
            {saving ? 'Adding…' : 'Add'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="dialog-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="form-row">
          <label htmlFor={`${id}-name`}>Name in Ollama</label>
          <input
            id={`${id}-name`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            list={`${id}-suggestions`}
            value={name}
            data-autofocus
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setName(event.target.value);
              setServerError(null);
            }}
            onBlur={() => setTouched(true)}
          />
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((m) => (
              <option key={m.name} value={m.name} />
            ))}
          </datalist>
          {error ? (
            <p id={`${id}-error`} className="field-error" role="alert" data-testid="add-base-error">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="field-hint">
              <code>[namespace/]model[:tag]</code> as on ollama.com; without a tag it is <code>latest</code>. Pull it afterwards if Ollama does not have it.
            </p>
          )}
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-display`}>Display name (optional)</label>
          <input id={`${id}-display`} type="text" maxLength={200} value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-description`}>Description (optional)</label>
          <input id={`${id}-description`} type="text" maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
        </div>
      </form>
    </Dialog>
  );
}
