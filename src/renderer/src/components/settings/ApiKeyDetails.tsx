import { useState } from 'react';
import { curlListModels, maskApiKey } from '../../../../shared/api-key-curl';
import { CopyButton } from '../chat/CopyButton';

interface ApiKeyDetailsProps {
  apiKey: string;
  /** The OpenAI base URL programs use, e.g. `http://127.0.0.1:11480/v1`. */
  baseUrl: string;
  /** Desktop only: issue a new key (programs using the old one stop working). */
  onNewKey?: () => void;
  busy?: boolean;
}

/**
 * The API key other programs use, masked until revealed, with Copy, and a `curl` line that lists
 * the served models with it: enough to configure a program or check the API from a terminal.
 */
export function ApiKeyDetails({ apiKey, baseUrl, onNewKey, busy = false }: ApiKeyDetailsProps) {
  const [revealed, setRevealed] = useState(false);
  const shown = revealed ? apiKey : maskApiKey(apiKey);
  return (
    <div className="api-key" data-testid="api-key">
      <div className="form-row">
        <span>API key</span>
        <div className="form-row__control local-api__token">
          <code data-testid="local-api-token" aria-label={revealed ? 'API key' : 'API key, hidden'}>
            {shown}
          </code>
          <button type="button" className="button button--small" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
            {revealed ? 'Hide' : 'Reveal'}
          </button>
          <CopyButton text={apiKey} label="Copy API key" testId="copy-api-key" />
          {onNewKey && (
            <button type="button" className="button button--small" disabled={busy} onClick={onNewKey}>
              New API key
            </button>
          )}
        </div>
      </div>
      <div className="form-row">
        <span>Try it</span>
        <div className="form-row__control local-api__token">
          <code className="api-key__curl" data-testid="local-api-curl">
            {curlListModels(baseUrl, shown)}
          </code>
          <CopyButton text={curlListModels(baseUrl, apiKey)} label="Copy curl command" testId="copy-curl" />
        </div>
      </div>
      <p className="field-hint">
        Send it as <code>Authorization: Bearer &lt;key&gt;</code>. It opens <code>/v1</code> (OpenAI-compatible) and <code>/admin</code>, never
        the app’s own calls.
      </p>
    </div>
  );
}
