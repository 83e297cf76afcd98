import { useEffect, useState } from 'react';
import type { CreatePreview } from '../../../../shared/modelfile-files';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useAppStore } from '../../store/store-context';
import { JsonView } from './JsonView';

interface RequestPreviewProps {
  name: string;
  text: string;
}

type Answer = { text: string; preview: CreatePreview } | { text: string; error: string };

/** The exact /api/create body the main process would send for the editor's text, re-asked shortly after typing stops. */
export function RequestPreview({ name, text }: RequestPreviewProps) {
  const previewModelfile = useAppStore((s) => s.previewModelfile);
  const settled = useDebouncedValue(text, 400);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let current = true;
    void previewModelfile(name, settled).then((result) => {
      // A slower answer for older text must not replace a newer one.
      if (!current) return;
      setAnswer(result.ok ? { text: settled, preview: result.value } : { text: settled, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [name, settled, previewModelfile]);

  const updating = answer === null || answer.text !== text;
  const preview = answer && 'preview' in answer ? answer.preview : null;

  const copy = async () => {
    if (!preview?.request) return;
    try {
      await navigator.clipboard.writeText(JSON.stringify(preview.request, null, 2));
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      // The clipboard can be refused; the JSON stays selectable.
    }
  };

  return (
    <section className="request-preview" aria-labelledby="request-preview-title" data-testid="request-preview" aria-busy={updating}>
      <header className="request-preview__head">
        <h2 id="request-preview-title">Request preview</h2>
        <span className="request-preview__route mono">POST /api/create</span>
        {updating && <span className="spinner" aria-label="Updating" />}
        <button type="button" className="button button--small request-preview__copy" disabled={!preview?.request} onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </header>
      <div className="request-preview__body">
        {answer && 'error' in answer && (
          <p className="field-error" data-testid="request-preview-failure">
            The preview could not be made: {answer.error}
          </p>
        )}
        {preview && preview.errors.length > 0 && (
          <ul className="preview-notes preview-notes--error" aria-label="Errors">
            {preview.errors.map((e) => (
              <li key={`${e.line}:${e.column}:${e.message}`} data-testid="preview-error">
                <span className="mono">
                  {e.line}:{e.column}
                </span>{' '}
                {e.message}
              </li>
            ))}
          </ul>
        )}
        {preview && preview.warnings.length > 0 && (
          <ul className="preview-notes preview-notes--warning" aria-label="Warnings">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {preview && preview.uploads.length > 0 && (
          <div className="preview-uploads" data-testid="preview-uploads">
            <h3>Uploaded first</h3>
            <ul>
              {preview.uploads.map((u) => (
                <li key={`${u.kind}:${u.key}`}>
                  <span className="preview-uploads__kind">{u.kind}</span> <code className="path">{u.path}</code> →{' '}
                  <code>{u.key}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        {preview?.request ? (
          <JsonView value={preview.request} testId="request-preview-json" />
        ) : (
          preview && <p className="muted">No request can be sent until the errors above are fixed.</p>
        )}
      </div>
    </section>
  );
}
