import { useId, useState, type FormEvent } from 'react';
import { displayNameFromModelName, versionFromModelName } from '../../../../shared/adopt-defaults';
import { baseModelProblem } from '../../../../shared/base-model-name';
import { quantizeTypeOf } from '../../../../shared/quantize';
import { modelfilePathFor } from '../../../../shared/version-proposal';
import { newNameProblem } from '../../models/name-check';
import { selectKnownOllamaModels } from '../../store/model-ops-selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { BaseModelPicker } from './BaseModelPicker';
import { formErrorsOf, NO_ERRORS, withoutField, type FormErrors } from './field-errors';
import { DescriptionField, DisplayNameField, ModelNameField } from './EntryFields';
import { describedBy, FormField } from './FormField';
import { QuantizeField, useQuantizeGate } from './QuantizeField';

const FIELDS = ['name', 'display_name', 'description', 'base_model', 'quantize'] as const;

/** "New model": a name, the names people see, and a base; the server writes a starter Modelfile. */
export function NewModelDialog() {
  const id = useId();
  const close = useAppStore((s) => s.closeModelOpsDialog);
  const addNewModel = useAppStore((s) => s.addNewModel);
  const registry = useAppStore((s) => s.snapshot?.registry ?? null);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const ollama = useAppStore(selectKnownOllamaModels);
  const [name, setName] = useState('');
  const [base, setBase] = useState('');
  // The display name follows the name until the user types in it.
  const [display, setDisplay] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [quantize, setQuantize] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const trimmed = name.trim();
  const liveProblem = newNameProblem(name, registry, ollama);
  const nameError = errors.fields.name ?? (nameEdited ? liveProblem : null);
  const baseProblem = base.trim() === '' ? null : baseModelProblem(base);
  const baseError = errors.fields.base_model ?? (baseProblem ? `Not a base Ollama can use: ${baseProblem}.` : null);
  const gate = useQuantizeGate(base);
  // A choice made for an earlier base is not sent for one that cannot be quantized.
  const quantizeType = gate.allowed ? quantizeTypeOf(quantize) : null;
  const displayError = errors.fields.display_name ?? null;
  const displayValue = display ?? (trimmed === '' ? '' : displayNameFromModelName(trimmed));
  const version = trimmed === '' ? '' : versionFromModelName(trimmed);
  const target = modelfilePathFor(trimmed || 'name', null);
  const canSubmit = !busy && !readOnly && liveProblem === null && base.trim() !== '' && baseProblem === null && displayValue.trim() !== '';

  const clear = (field: (typeof FIELDS)[number]) => setErrors((current) => withoutField(current, field));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNameEdited(true);
    if (!canSubmit) return;
    setBusy(true);
    const result = await addNewModel({
      name: trimmed,
      display_name: displayValue.trim(),
      description,
      base_model: base.trim(),
      ...(quantizeType ? { quantize: quantizeType } : {}),
    });
    setBusy(false);
    if (!result.ok) setErrors(formErrorsOf(result.error, FIELDS));
  };

  return (
    <Dialog
      title="New model"
      testId="new-model-dialog"
      onCancel={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="new-model-submit">
            {busy ? 'Adding…' : 'Add model'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        {readOnly && <p className="field-error">The registry file is invalid; fix it before adding models.</p>}
        <ModelNameField
          id={`${id}-name`}
          value={name}
          error={nameError}
          hint={version ? `Version ${version}, from the name.` : 'End it with -v1 to start a family of versions.'}
          placeholder="e.g. team/assistant-v1"
          testId="new-model-name"
          onChange={(value) => {
            setName(value);
            setNameEdited(true);
            clear('name');
          }}
        />
        <DisplayNameField
          id={`${id}-display`}
          value={displayValue}
          error={displayError}
          testId="new-model-display"
          onChange={(value) => {
            setDisplay(value);
            clear('display_name');
          }}
        />
        <DescriptionField
          id={`${id}-description`}
          value={description}
          error={errors.fields.description}
          testId="new-model-description"
          onChange={(value) => {
            setDescription(value);
            clear('description');
          }}
        />
        <FormField
          id={`${id}-base`}
          name="base_model"
          label="Base model"
          error={baseError}
          hint="The new Modelfile starts with FROM this. Any model Ollama can pull, including hf.co/{user}/{repo}:{quantization} from Hugging Face."
        >
          <BaseModelPicker
            id={`${id}-base`}
            value={base}
            invalid={baseError !== null}
            describedBy={describedBy(`${id}-base`, baseError)}
            onChange={(value) => {
              setBase(value);
              clear('base_model');
              clear('quantize');
            }}
          />
        </FormField>
        <QuantizeField
          id={`${id}-quantize`}
          gate={gate}
          value={quantize}
          error={errors.fields.quantize}
          onChange={(value) => {
            setQuantize(value);
            clear('quantize');
          }}
        />
        <p className="field-hint" data-testid="new-model-modelfile">
          A starter Modelfile is written to <code className="path">{target}</code>; the editor opens on it.
        </p>
        {errors.general && (
          <p className="field-error" role="alert" data-testid="new-model-error">
            {errors.general}
          </p>
        )}
      </form>
    </Dialog>
  );
}
