import type { HostView } from '../../../../shared/hosts/host-config';

/** "Online · Ollama 0.12.6", or "Offline: <why, and what to do>": a dot that differs in shape too. */
export function hostConnectionText(host: HostView): string {
  const { connection } = host;
  switch (connection.status) {
    case 'online':
      return connection.version ? `Online · Ollama ${connection.version}` : 'Online';
    case 'unknown':
      return 'Checking…';
    case 'offline':
      return `Offline: ${connection.message ?? 'it does not answer'}`;
    case 'error':
      return `Answered with an error: ${connection.message ?? 'no message'}`;
  }
}

export function HostConnection({ host }: { host: HostView }) {
  const status = host.connection.status;
  return (
    <span className="host-row__state" data-testid="host-connection" data-status={status}>
      <span className={`conn-dot conn-dot--${status === 'online' ? 'ok' : status === 'unknown' ? 'unknown' : 'bad'}`} aria-hidden="true" />
      {hostConnectionText(host)}
    </span>
  );
}
