import { useEffect, useId, useState } from 'react';
import type { LocalApiState } from '../../../../shared/chat';
import { useAppStore } from '../../store/store-context';
import { ApiKeyDetails } from '../settings/ApiKeyDetails';

/** Headless: the API is always served here, at the address this page came from. */
function HeadlessNote({ apiKey }: { apiKey: string | null }) {
  const baseUrl = `${window.location.origin}/v1`;
  return (
    <div className="local-api" data-testid="local-api">
      <p className="field-hint" data-testid="local-api-headless">
        This server also answers OpenAI-compatible requests at <code>{baseUrl}</code> (<code>POST /v1/chat/completions</code>,{' '}
        <code>GET /v1/models</code>) and the admin API under <code>/admin</code>, for programs that send the API key below. Only your
        registry’s available models are served. To use another key, restart the server with <code>--token</code>.
      </p>
      {apiKey && <ApiKeyDetails apiKey={apiKey} baseUrl={baseUrl} />}
    </div>
  );
}

function desktopBaseUrl(state: LocalApiState): string {
  return state.baseUrl ?? `http://127.0.0.1:${state.port}/v1`;
}

/**
 * Settings › Local API: lets other programs on this computer use the registry's models through the
 * OpenAI API shape. Off by default; it listens on 127.0.0.1 only and needs its API key.
 */
export function LocalApiSetting() {
  const state = useAppStore((s) => s.chat.localApi);
  const loadLocalApi = useAppStore((s) => s.loadLocalApi);
  const updateLocalApi = useAppStore((s) => s.updateLocalApi);
  const [port, setPort] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    void loadLocalApi();
  }, [loadLocalApi]);

  if (state === null) return <p className="muted">Reading the local API setting…</p>;
  if (!state.configurable) return <HeadlessNote apiKey={state.token} />;

  const apply = async (change: Parameters<typeof updateLocalApi>[0]) => {
    setBusy(true);
    const result = await updateLocalApi(change);
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    if (result.ok) setPort(null);
  };
  const savePort = () => {
    if (port === null || Number(port) === state.port) return;
    const value = Number(port);
    if (!Number.isInteger(value) || value < 1024 || value > 65535) {
      setError('Give a port from 1024 to 65535.');
      return;
    }
    void apply({ port: value });
  };

  return (
    <div className="local-api" data-testid="local-api">
      <label className="chat-toggle">
        <input type="checkbox" data-testid="local-api-toggle" checked={state.enabled} disabled={busy} onChange={(e) => void apply({ enabled: e.target.checked })} />
        Serve an OpenAI-compatible API to programs on this computer
      </label>
      <p className="field-hint">
        Off by default. When on, programs can chat with your registry’s available models at <code>http://127.0.0.1:{state.port}/v1</code>,
        with the API key below.
      </p>
      <div className="form-row">
        <label htmlFor={`${id}-port`}>Port</label>
        <div className="form-row__control">
          <input
            id={`${id}-port`}
            type="text"
            inputMode="numeric"
            data-testid="local-api-port"
            value={port ?? String(state.port)}
            onChange={(e) => setPort(e.target.value)}
            onBlur={savePort}
            onKeyDown={(e) => {
              if (e.key === 'Enter') savePort();
            }}
          />
        </div>
      </div>
      {(error ?? state.error) && (
        <p className="field-error" role="alert" data-testid="local-api-error">
          {error ?? state.error}
        </p>
      )}
      {state.running && state.baseUrl && (
        <p className="field-success" role="status" data-testid="local-api-running">
          Running at <code>{state.baseUrl}</code>
        </p>
      )}
      {state.token && (
        <ApiKeyDetails apiKey={state.token} baseUrl={desktopBaseUrl(state)} busy={busy} onNewKey={() => void apply({ newToken: true })} />
      )}
    </div>
  );
}
