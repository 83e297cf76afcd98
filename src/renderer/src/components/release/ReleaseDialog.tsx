import { useId, useState, type FormEvent } from 'react';
import { toAppError } from '../../../../shared/errors';
import type { ModelEntry } from '../../../../shared/registry';
import { aliasesOf, checkRelease, findAliasKey, suggestedAlias } from '../../../../shared/release/aliases';
import { ownValue } from '../../../../shared/own-key';
import { displayNameOf } from '../../models/model-labels';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { ModelNameField } from '../lifecycle/EntryFields';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../lifecycle/field-errors';
import { familyAliases } from './family-aliases';

/**
 * "Release as…": copies a built version to a stable name in Ollama (`family:latest` by default,
 * or the name the family is already released under, so releasing the next version moves it).
 * The name is checked as typed by the same rules the app applies.
 */
export function ReleaseDialog({ model }: { model: ModelEntry }) {
  const id = useId();
  const releaseVersion = useAppStore((s) => s.releaseVersion);
  const close = useAppStore((s) => s.closeModelOpsDialog);
  const registry = useAppStore((s) => s.snapshot?.registry ?? null);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const [alias, setAlias] = useState(() => (registry ? familyAliases(registry, model.name)[0]?.alias : undefined) ?? suggestedAlias(model.name));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  let problem: string | null = null;
  if (registry) {
    try {
      checkRelease(registry, model.name, alias);
    } catch (error) {
      problem = toAppError(error).message;
    }
  }
  const existing = registry ? findAliasKey(registry, alias.trim()) : undefined;
  const current = existing === undefined ? null : (ownValue(registry?.aliases, existing)?.model ?? null);
  const already = registry ? aliasesOf(registry, model.name) : [];
  const canSubmit = problem === null && !busy && !readOnly;
  const display = displayNameOf(model);

  const hint =
    current === null
      ? `Ollama copies ${model.name} to this name; programs and chats that use it get this version.`
      : current === model.name
        ? `It already points at this version; releasing copies it again (after a rebuild, the alias gets the new build).`
        : `It points at ${current} now; releasing moves it to ${model.name}.`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    const result = await releaseVersion(model.name, alias.trim());
    setBusy(false);
    if (!result.ok) setErrors(formErrorsOf(result.error, ['alias']));
  };

  return (
    <Dialog
      title={`Release ${display}`}
      testId="release-dialog"
      onCancel={close}
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="release-submit">
            {busy ? 'Releasing…' : 'Release'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ModelNameField
          id={`${id}-alias`}
          name="alias"
          label="Release as"
          value={alias}
          error={errors.fields.alias ?? problem}
          hint={hint}
          testId="release-alias"
          onChange={(value) => {
            setAlias(value);
            setErrors(NO_ERRORS);
          }}
        />
        {already.length > 0 && <p className="field-hint">Already released as {already.join(', ')}.</p>}
        {errors.general && (
          <p className="field-error" role="alert" data-testid="release-error">
            {errors.general}
          </p>
        )}
      </form>
    </Dialog>
  );
}
