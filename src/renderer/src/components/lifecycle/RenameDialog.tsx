import { useId, useState, type FormEvent } from 'react';
import { modelKey, sameModel } from '../../../../shared/model-name';
import type { ModelEntry } from '../../../../shared/registry';
import { displayNameOf } from '../../models/model-labels';
import { newNameProblem } from '../../models/name-check';
import { selectOllamaNames } from '../../store/modelfile-selectors';
import { selectKnownOllamaModels } from '../../store/model-ops-selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { formErrorsOf, NO_ERRORS, type FormErrors } from './field-errors';
import { ModelNameField } from './EntryFields';

/** Renaming a model: the name Ollama knows it by, checked as typed; Ollama is renamed too when it has it. */
export function RenameDialog({ model }: { model: ModelEntry }) {
  const id = useId();
  const renameModel = useAppStore((s) => s.renameModel);
  const close = useAppStore((s) => s.closeModelOpsDialog);
  const registry = useAppStore((s) => s.snapshot?.registry ?? null);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const known = useAppStore(selectKnownOllamaModels);
  const online = useAppStore(selectOllamaNames);
  const [name, setName] = useState(model.name);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const trimmed = name.trim();
  const unchanged = trimmed === model.name;
  const problem = unchanged ? null : newNameProblem(name, registry, known, model.name);
  const nameError = errors.fields.newName ?? problem;
  const inOllama = online === null ? null : online.some((m) => modelKey(m.name) === modelKey(model.name));
  const caseOnly = !unchanged && sameModel(trimmed, model.name);
  const canSubmit = !unchanged && problem === null && !busy && !readOnly;

  const what = caseOnly
    ? 'Only the spelling changes: Ollama names ignore case, so only the registry is changed.'
    : inOllama === true
      ? `Ollama has this model: it is copied to the new name, then the old name is deleted.`
      : inOllama === false
        ? 'Ollama does not have this model: only the registry changes.'
        : 'Ollama is not connected: it must be, to rename a model it has.';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    const result = await renameModel(model.name, trimmed);
    setBusy(false);
    if (!result.ok) setErrors(formErrorsOf(result.error, ['newName']));
  };

  return (
    <Dialog
      title={`Rename ${displayNameOf(model)}`}
      testId="rename-dialog"
      onCancel={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="rename-submit">
            {busy ? 'Renaming…' : 'Rename'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ModelNameField
          id={`${id}-name`}
          name="newName"
          label="New Ollama name"
          value={name}
          error={nameError}
          hint={what}
          testId="rename-name"
          onChange={(value) => {
            setName(value);
            setErrors(NO_ERRORS);
          }}
        />
        <p className="field-hint">The default model, if it is this one, follows the new name. The Modelfile stays where it is.</p>
        {errors.general && (
          <p className="field-error" role="alert" data-testid="rename-error">
            {errors.general}
          </p>
        )}
      </form>
    </Dialog>
  );
}
