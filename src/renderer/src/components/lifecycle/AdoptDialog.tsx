import { useId, useState, type FormEvent } from 'react';
import type { AdoptionProposal } from '../../../../shared/model-ops';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { BaseModelPicker } from './BaseModelPicker';
import { formErrorsOf, NO_ERRORS, withoutField, type FormErrors } from './field-errors';
import { DescriptionField, DisplayNameField } from './EntryFields';
import { describedBy, FormField } from './FormField';
import { ProposalPending, useProposal } from './ProposalPending';

const FIELDS = ['display_name', 'description', 'version', 'base_model'] as const;

/** Adopting a model Ollama has: its Modelfile comes from Ollama, the user names it for the UI. */
export function AdoptDialog({ name }: { name: string }) {
  const proposeAdoption = useAppStore((s) => s.proposeAdoption);
  const close = useAppStore((s) => s.closeModelOpsDialog);
  const { proposal, loadError } = useProposal(proposeAdoption, name);

  if (proposal) return <AdoptForm proposal={proposal} onCancel={close} />;
  return (
    <ProposalPending
      title={`Adopt ${name}`}
      testId="adopt-dialog"
      pendingText="Asking Ollama for its Modelfile…"
      loadError={loadError}
      onClose={close}
    />
  );
}

function AdoptForm({ proposal, onCancel }: { proposal: AdoptionProposal; onCancel(): void }) {
  const id = useId();
  const adoptModel = useAppStore((s) => s.adoptModel);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const [display, setDisplay] = useState(proposal.display_name);
  const [description, setDescription] = useState(proposal.description);
  const [version, setVersion] = useState(proposal.version);
  const [base, setBase] = useState(proposal.base_model);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const canSubmit = display.trim() !== '' && !busy && !readOnly;
  const clear = (field: (typeof FIELDS)[number]) => setErrors((current) => withoutField(current, field));
  const displayError = errors.fields.display_name ?? (display.trim() === '' ? 'Enter the name people see.' : null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    const result = await adoptModel({ name: proposal.name, display_name: display.trim(), description, version: version.trim(), base_model: base.trim() });
    setBusy(false);
    if (!result.ok) setErrors(formErrorsOf(result.error, FIELDS));
  };

  return (
    <Dialog
      title={`Adopt ${proposal.name}`}
      testId="adopt-dialog"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="adopt-submit">
            {busy ? 'Adopting…' : 'Adopt'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="form-field">
          <span className="form-field__label" id={`${id}-name-label`}>
            Ollama name
          </span>
          <code className="mono" aria-labelledby={`${id}-name-label`} data-testid="adopt-name">
            {proposal.name}
          </code>
        </div>
        <DisplayNameField
          id={`${id}-display`}
          value={display}
          error={displayError}
          testId="adopt-display"
          autoFocus
          onChange={(value) => {
            setDisplay(value);
            clear('display_name');
          }}
        />
        <DescriptionField id={`${id}-description`} value={description} error={errors.fields.description} onChange={setDescription} />
        <FormField id={`${id}-version`} name="version" label="Version" error={errors.fields.version} hint={proposal.version ? 'From the name’s -vN.' : 'Optional, e.g. v1.'}>
          <input id={`${id}-version`} type="text" value={version} aria-describedby={describedBy(`${id}-version`, errors.fields.version)} onChange={(event) => setVersion(event.target.value)} />
        </FormField>
        <FormField
          id={`${id}-base`}
          name="base_model"
          label="Base model"
          error={errors.fields.base_model}
          hint={proposal.base_model ? 'From what Ollama says it was built on. The Modelfile’s FROM names it.' : 'Ollama does not say what it was built on; without one, the Modelfile builds FROM the model itself.'}
        >
          <BaseModelPicker
            id={`${id}-base`}
            value={base}
            emptyLabel="None (build from the model itself)"
            describedBy={describedBy(`${id}-base`, errors.fields.base_model)}
            onChange={(value) => {
              setBase(value);
              clear('base_model');
            }}
          />
        </FormField>
        <p className="field-hint" data-testid="adopt-modelfile">
          Its Modelfile, from Ollama, is written to <code className="path">{proposal.modelfile}</code>; no existing file is replaced.
        </p>
        <details className="adopt-preview">
          <summary>Ollama’s Modelfile for it</summary>
          <pre className="mono">{proposal.ollamaModelfile}</pre>
        </details>
        {readOnly && <p className="field-error">The registry file is invalid; fix it before adopting models.</p>}
        {errors.general && (
          <p className="field-error" role="alert" data-testid="adopt-error">
            {errors.general}
          </p>
        )}
      </form>
    </Dialog>
  );
}
