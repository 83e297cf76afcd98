import { Fragment } from 'react';
import { selectConnection } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';

/** An address in a warning, without the sentence's closing punctuation. */
const URL_PATTERN = /https:\/\/[^\s)]+[^\s).,;:]/g;

/** The warning's text with its addresses as links (opened in the user's browser). */
function WarningText({ text }: { text: string }) {
  const parts: (string | { url: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    parts.push(text.slice(last, match.index), { url: match[0] });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return (
    <span className="conn__warning-text">
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <a key={i} href={part.url} target="_blank" rel="noopener noreferrer">
            {part.url.replace(/^https:\/\//, '')}
          </a>
        ),
      )}
    </span>
  );
}

/**
 * What Ollama's version means for the user (too old to create, a known flaw). Each can be
 * dismissed; the text names the version, so dismissing holds until Ollama changes, and is remembered.
 */
export function ConnectionWarnings() {
  const warnings = useAppStore((s) => selectConnection(s)?.warnings);
  const dismissed = useAppStore((s) => s.dismissedWarnings);
  const dismissWarning = useAppStore((s) => s.dismissWarning);
  const shown = (warnings ?? []).filter((warning) => !dismissed.includes(warning));
  return shown.map((warning) => (
    <div key={warning} className="conn conn--warning" role="status" data-testid="connection-warning">
      <span className="conn__warning-icon" aria-hidden="true">
        ⚠
      </span>
      <WarningText text={warning} />
      <button type="button" className="icon-button conn__warning-close" aria-label="Dismiss this warning for this Ollama version" title="Dismiss for this Ollama version" onClick={() => dismissWarning(warning)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  ));
}
