import { useId, useState } from 'react';
import { modelKey } from '../../../../shared/model-name';
import type { ModelEntry } from '../../../../shared/registry';
import { displayNameOf } from '../../models/model-labels';
import { normalizeModelfilePath } from '../../store/modelfile-path';
import { selectOllamaNames } from '../../store/modelfile-selectors';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { formErrorsOf, NO_ERRORS, type FormErrors } from './field-errors';
import { useAliasesOf } from '../release/AliasChips';

type Scope = 'registry' | 'ollama';
const NO_DEFAULT = '\u0000none';

/**
 * Deleting a model: the user picks "registry only" or "registry and Ollama" (nothing is
 * preselected), may also delete the Modelfile, and must say what follows a default model. The
 * list under the choices says exactly what will happen.
 */
export function DeleteDialog({ model }: { model: ModelEntry }) {
  const id = useId();
  const deleteModel = useAppStore((s) => s.deleteModel);
  const close = useAppStore((s) => s.closeModelOpsDialog);
  const models = useAppStore(selectModels);
  const isDefault = useAppStore((s) => s.snapshot?.registry.default_model === model.name);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const ollamaNames = useAppStore(selectOllamaNames);
  const [scope, setScope] = useState<Scope | null>(null);
  const [deleteFile, setDeleteFile] = useState(false);
  const aliases = useAliasesOf(model.name);
  const [removeAliases, setRemoveAliases] = useState(false);
  const [nextDefault, setNextDefault] = useState<string>('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const display = displayNameOf(model);
  const inOllama = ollamaNames === null ? null : ollamaNames.some((m) => modelKey(m.name) === modelKey(model.name));
  const path = normalizeModelfilePath(model.modelfile);
  const sharedWith = Object.values(models).filter((m) => m.name !== model.name && m.modelfile !== '' && normalizeModelfilePath(m.modelfile) === path);
  const others = Object.values(models)
    .filter((m) => m.name !== model.name)
    .sort((a, b) => displayNameOf(a).localeCompare(displayNameOf(b)));
  const defaultChosen = !isDefault || nextDefault !== '';
  // A released version goes only when the user agrees that its released names go with it.
  const aliasesAgreed = aliases.length === 0 || removeAliases;
  const canDelete = scope !== null && defaultChosen && aliasesAgreed && !busy && !readOnly;
  const newDefault = nextDefault === NO_DEFAULT ? null : nextDefault;

  const onDelete = async () => {
    if (!canDelete) return;
    setBusy(true);
    const result = await deleteModel({
      name: model.name,
      fromOllama: scope === 'ollama',
      deleteModelfile: deleteFile,
      ...(aliases.length > 0 ? { removeAliases } : {}),
      ...(isDefault ? { newDefault } : {}),
    });
    setBusy(false);
    if (!result.ok) setErrors(formErrorsOf(result.error, ['newDefault', 'deleteModelfile']));
  };

  const steps = [
    `Remove ${model.name} from model_settings.json.`,
    scope === 'ollama' ? `Delete ${model.name} from Ollama (its layers that no other model uses are freed).` : null,
    scope === 'registry' && inOllama ? `Ollama keeps ${model.name}; it will be listed under "In Ollama, not in the registry".` : null,
    aliases.length > 0 && removeAliases
      ? scope === 'ollama'
        ? `Delete its released name ${aliases.join(', ')} from Ollama and the registry.`
        : `Forget its released name ${aliases.join(', ')} in the registry (Ollama keeps the copy).`
      : null,
    deleteFile ? `Delete the file ${model.modelfile}.` : model.modelfile ? `Keep the file ${model.modelfile}.` : null,
    isDefault && nextDefault !== '' ? (newDefault === null ? 'Leave the registry without a default model.' : `Make ${newDefault} the default model.`) : null,
  ].filter((s): s is string => s !== null);

  return (
    <Dialog
      title={`Delete ${display}?`}
      tone="danger"
      testId="delete-dialog"
      onCancel={close}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={close}>
            Cancel
          </button>
          <button type="button" className="button button--danger" disabled={!canDelete} aria-busy={busy} data-testid="delete-confirm" onClick={() => void onDelete()}>
            {busy ? 'Deleting…' : scope === 'ollama' ? 'Delete from registry and Ollama' : 'Remove from registry'}
          </button>
        </>
      }
    >
      <fieldset className="choice-group" disabled={busy || readOnly}>
        <legend>What should be deleted?</legend>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={scope === 'registry'} data-testid="delete-scope-registry" onChange={() => setScope('registry')} />
          <span>
            <strong>Remove from the registry only</strong>
            <span className="choice__hint">{inOllama === false ? 'Ollama does not have it.' : `Ollama keeps ${model.name}.`}</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={scope === 'ollama'} data-testid="delete-scope-ollama" onChange={() => setScope('ollama')} />
          <span>
            <strong>Remove from the registry and delete from Ollama</strong>
            <span className="choice__hint">
              {inOllama === false ? 'Ollama does not have it, so only the registry changes.' : inOllama === null ? 'Ollama is not connected now; the delete fails unless it is.' : 'This cannot be undone; building it again needs its Modelfile.'}
            </span>
          </span>
        </label>
      </fieldset>

      {model.modelfile && (
        <label className="choice">
          <input
            type="checkbox"
            checked={deleteFile}
            disabled={sharedWith.length > 0 || busy || readOnly}
            aria-describedby={sharedWith.length > 0 ? `${id}-shared` : undefined}
            data-testid="delete-modelfile"
            onChange={(event) => setDeleteFile(event.target.checked)}
          />
          <span>
            Also delete the Modelfile <code className="path">{model.modelfile}</code>
            {sharedWith.length > 0 && (
              <span id={`${id}-shared`} className="choice__hint">
                It is also the Modelfile of {sharedWith.map((m) => m.name).join(', ')}, so it stays.
              </span>
            )}
          </span>
        </label>
      )}

      {aliases.length > 0 && (
        <label className="choice">
          <input type="checkbox" checked={removeAliases} disabled={busy || readOnly} data-testid="delete-aliases" onChange={(event) => setRemoveAliases(event.target.checked)} />
          <span>
            Also remove its released name <code className="path">{aliases.join(', ')}</code>
            <span className="choice__hint">Programs and chats that use it will no longer reach a model. To keep it, release another version under it first.</span>
          </span>
        </label>
      )}

      {isDefault && (
        <div className="form-field">
          <label htmlFor={`${id}-default`}>{display} is the default model. The new default:</label>
          <select id={`${id}-default`} value={nextDefault} data-testid="delete-new-default" disabled={busy || readOnly} onChange={(event) => setNextDefault(event.target.value)}>
            <option value="" disabled>
              Choose…
            </option>
            <option value={NO_DEFAULT}>No default model</option>
            {others.map((m) => (
              <option key={m.name} value={m.name}>
                {displayNameOf(m)} ({m.name})
              </option>
            ))}
          </select>
          {errors.fields.newDefault && <p className="field-error">{errors.fields.newDefault}</p>}
        </div>
      )}

      {scope !== null && (
        <div className="delete-summary" data-testid="delete-summary">
          <p>This will:</p>
          <ul>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </div>
      )}
      {readOnly && <p className="field-error">The registry file is invalid; fix it before deleting models.</p>}
      {(errors.general ?? errors.fields.deleteModelfile) && (
        <p className="field-error" role="alert" data-testid="delete-error">
          {errors.general ?? errors.fields.deleteModelfile}
        </p>
      )}
    </Dialog>
  );
}
