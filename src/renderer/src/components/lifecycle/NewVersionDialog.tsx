import { useId, useState, type FormEvent } from 'react';
import { baseModelProblem } from '../../../../shared/base-model-name';
import type { VersionProposal } from '../../../../shared/model-ops';
import { quantizeTypeOf } from '../../../../shared/quantize';
import type { ModelEntry } from '../../../../shared/registry';
import { carryOver, modelfilePathFor } from '../../../../shared/version-proposal';
import { parseVersionedName } from '../../../../shared/versions';
import { displayNameOf } from '../../models/model-labels';
import { newNameProblem } from '../../models/name-check';
import { selectKnownOllamaModels } from '../../store/model-ops-selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { BaseModelPicker } from './BaseModelPicker';
import { formErrorsOf, NO_ERRORS, withoutField, type FormErrors } from './field-errors';
import { DescriptionField, DisplayNameField, ModelNameField } from './EntryFields';
import { describedBy, FormField } from './FormField';
import { QuantizeField, useQuantizeGate } from './QuantizeField';
import { ProposalPending, useProposal } from './ProposalPending';
import { ownValue } from '../../../../shared/own-key';

const FIELDS = ['name', 'display_name', 'description', 'base_model', 'quantize'] as const;

/** "New version" of a model: asks the server for a proposal, then lets the user adjust it. */
export function NewVersionDialog({ from }: { from: string }) {
  const proposeVersion = useAppStore((s) => s.proposeVersion);
  const close = useAppStore((s) => s.closeModelOpsDialog);
  const source = useAppStore((s) => ownValue(s.snapshot?.registry.models, from));
  const { proposal, loadError } = useProposal(proposeVersion, from);

  const title = `New version of ${source ? displayNameOf(source) : from}`;
  if (proposal && source) return <NewVersionForm title={title} proposal={proposal} source={source} onCancel={close} />;
  return (
    <ProposalPending title={title} testId="new-version-dialog" pendingText="Finding the next free version…" loadError={loadError} onClose={close} />
  );
}

interface FormProps {
  title: string;
  proposal: VersionProposal;
  source: ModelEntry;
  onCancel(): void;
}

function NewVersionForm({ title, proposal, source, onCancel }: FormProps) {
  const id = useId();
  const createVersion = useAppStore((s) => s.createVersion);
  const registry = useAppStore((s) => s.snapshot?.registry ?? null);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const ollama = useAppStore(selectKnownOllamaModels);
  const [name, setName] = useState(proposal.name);
  const [base, setBase] = useState(proposal.base_model);
  const [quantize, setQuantize] = useState(proposal.quantize ?? '');
  // Carried-over texts follow the name and base until the user types in them.
  const [display, setDisplay] = useState<string | null>(null);
  const [description, setDescription] = useState<string | null>(null);
  const [nameEdited, setNameEdited] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const nameVersion = parseVersionedName(name.trim()).version;
  const toVersion = nameVersion ?? Number(proposal.version.slice(1));
  const carried = carryOver({ ...source, fromVersion: proposal.fromVersion, toVersion, fromBase: proposal.base_model, toBase: base });
  const displayValue = display ?? carried.display_name;
  const descriptionValue = description ?? carried.description;
  const nameProblem = nameEdited ? newNameProblem(name, registry, ollama) : null;
  const nameError = errors.fields.name ?? nameProblem;
  const baseProblem = base.trim() === '' ? null : baseModelProblem(base);
  const baseError = errors.fields.base_model ?? (baseProblem ? `Not a base Ollama can use: ${baseProblem}.` : null);
  const gate = useQuantizeGate(base);
  // The source's quantize carries over only while the chosen base can be quantized.
  const quantizeType = gate.allowed ? quantizeTypeOf(quantize) : null;
  const displayError = errors.fields.display_name ?? null;
  const target = name.trim() === proposal.name ? proposal.modelfile : modelfilePathFor(name.trim() || proposal.name, proposal.sourceModelfile || null);
  const canSubmit = !busy && !readOnly && newNameProblem(name, registry, ollama) === null && base.trim() !== '' && baseProblem === null && displayValue.trim() !== '';

  const clear = (field: (typeof FIELDS)[number]) => setErrors((current) => withoutField(current, field));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNameEdited(true);
    if (!canSubmit) return;
    setBusy(true);
    const result = await createVersion({
      from: proposal.from,
      name: name.trim(),
      display_name: displayValue.trim(),
      description: descriptionValue,
      base_model: base.trim(),
      ...(quantizeType ? { quantize: quantizeType } : {}),
    });
    setBusy(false);
    if (!result.ok) setErrors(formErrorsOf(result.error, FIELDS));
  };

  return (
    <Dialog
      title={title}
      testId="new-version-dialog"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="new-version-submit">
            {busy ? 'Adding…' : nameVersion === null ? 'Add version' : `Add v${nameVersion}`}
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
          hint={`Version ${proposal.version} is the next free one in this family.`}
          testId="new-version-name"
          onChange={(value) => {
            setName(value);
            setNameEdited(true);
            clear('name');
          }}
        />
        <FormField
          id={`${id}-base`}
          name="base_model"
          label="Base model"
          error={baseError}
          hint={proposal.sourceModelfileExists ? `FROM in the copy is set to this. ${source.name} is built on ${proposal.base_model || 'nothing named'}.` : 'The new Modelfile starts with FROM this.'}
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
        <DisplayNameField
          id={`${id}-display`}
          value={displayValue}
          error={displayError}
          testId="new-version-display"
          onChange={(value) => {
            setDisplay(value);
            clear('display_name');
          }}
        />
        <DescriptionField
          id={`${id}-description`}
          value={descriptionValue}
          error={errors.fields.description}
          testId="new-version-description"
          onChange={(value) => {
            setDescription(value);
            clear('description');
          }}
        />
        <p className="field-hint" data-testid="new-version-modelfile">
          {proposal.sourceModelfileExists ? (
            <>
              <code className="path">{proposal.sourceModelfile}</code> is copied to <code className="path">{target}</code>; the editor opens on it.
            </>
          ) : (
            <>
              {proposal.sourceModelfile ? (
                <>
                  <code className="path">{proposal.sourceModelfile}</code> does not exist, so{' '}
                </>
              ) : null}
              a new Modelfile is written to <code className="path">{target}</code>; the editor opens on it.
            </>
          )}
        </p>
        {errors.general && (
          <p className="field-error" role="alert" data-testid="new-version-error">
            {errors.general}
          </p>
        )}
      </form>
    </Dialog>
  );
}
