import { useId, useState, type FormEvent } from 'react';
import type { HostView } from '../../../../shared/hosts/host-config';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { formErrorsOf, NO_ERRORS, withoutField, type FormErrors } from '../lifecycle/field-errors';
import { describedBy, FormField } from '../lifecycle/FormField';
import { TokenField, type TokenChoice } from './TokenField';

const FIELDS = ['name', 'rename', 'url', 'token'] as const;

/** Adding a host (host null) or editing one: its name, its URL (read like OLLAMA_HOST) and an optional token. */
export function HostDialog({ host, onClose }: { host: HostView | null; onClose(): void }) {
  const id = useId();
  const addHost = useAppStore((s) => s.addHost);
  const updateHost = useAppStore((s) => s.updateHost);
  const [name, setName] = useState(host?.name ?? '');
  const [url, setUrl] = useState(host?.url ?? (host ? host.effectiveUrl : ''));
  const [token, setToken] = useState<TokenChoice>({ kind: 'keep' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = host
      ? await updateHost({
          name: host.name,
          ...(name.trim() !== host.name ? { rename: name.trim() } : {}),
          ...(url.trim() !== (host.url ?? host.effectiveUrl) ? { url: url.trim() } : {}),
          ...(token.kind === 'set' ? { token: token.value } : token.kind === 'remove' ? { token: null } : {}),
        })
      : await addHost({ name: name.trim(), url: url.trim(), ...(token.kind === 'set' ? { token: token.value } : {}) });
    setBusy(false);
    if (result.ok) onClose();
    else setErrors(formErrorsOf(result.error, FIELDS));
  };

  const nameError = errors.fields.name ?? errors.fields.rename;
  const change = (field: string) => setErrors((was) => withoutField(withoutField(was, field), field === 'name' ? 'rename' : field));

  return (
    <Dialog
      title={host ? `Edit ${host.name}` : 'Add a host'}
      testId="host-dialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={busy} aria-busy={busy} data-testid="host-save">
            {busy ? 'Saving…' : host ? 'Save' : 'Add host'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form-stack host-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormField id={`${id}-name`} name="name" label="Name" error={nameError} hint="A short name, as in --host gpu-box on the command line: letters, digits, dots, dashes.">
          <input
            id={`${id}-name`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            data-autofocus
            value={name}
            placeholder="gpu-box"
            aria-invalid={!!nameError}
            aria-describedby={describedBy(`${id}-name`, nameError)}
            data-testid="host-name"
            onChange={(event) => {
              setName(event.target.value);
              change('name');
            }}
          />
        </FormField>
        <FormField
          id={`${id}-url`}
          name="url"
          label="URL"
          error={errors.fields.url}
          hint={
            <>
              Read like <code>OLLAMA_HOST</code>: <code>gpu-box</code> means <code>http://gpu-box:11434</code>.
            </>
          }
        >
          <input
            id={`${id}-url`}
            type="text"
            inputMode="url"
            className="mono"
            spellCheck={false}
            autoComplete="off"
            value={url}
            placeholder="gpu-box:11434"
            aria-invalid={!!errors.fields.url}
            aria-describedby={describedBy(`${id}-url`, errors.fields.url)}
            data-testid="host-url"
            onChange={(event) => {
              setUrl(event.target.value);
              change('url');
            }}
          />
        </FormField>
        <TokenField
          id={`${id}-token`}
          hasToken={host?.hasToken ?? false}
          choice={token}
          error={errors.fields.token}
          onChange={(choice) => {
            setToken(choice);
            change('token');
          }}
        />
        {errors.general && (
          <p className="field-error" role="alert" data-testid="host-error">
            {errors.general}
          </p>
        )}
      </form>
    </Dialog>
  );
}
