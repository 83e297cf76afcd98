import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';

/** The FROM model is not in Ollama: pulling it as its own step shows the download; Ollama can also pull it itself. */
export function BaseMissingDialog({ title, base }: { title: string; base: string }) {
  const cancel = useAppStore((s) => s.cancelCreate);
  const confirm = useAppStore((s) => s.confirmCreate);
  return (
    <Dialog
      title={`Ollama does not have ${base}`}
      tone="warning"
      testId="base-missing"
      onCancel={cancel}
      actions={
        <>
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="button" className="button" onClick={() => void confirm(false)}>
            Create anyway (Ollama pulls it)
          </button>
          <button type="button" className="button button--primary" data-autofocus onClick={() => void confirm(true)}>
            Pull {base} first
          </button>
        </>
      }
    >
      <p>
        {title} is built on <code>{base}</code>, which is not in Ollama yet. Pull it first to follow the download as its own step,
        or let Ollama pull it during the create.
      </p>
      <p className="muted">Base models are often several gigabytes.</p>
    </Dialog>
  );
}
