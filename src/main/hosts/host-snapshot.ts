import type { ConnectionState } from '../../shared/connection-state';
import type { OllamaModel, RunningModel, SyncState } from '../../shared/contract';
import { toAppError } from '../../shared/errors';
import { versionAdvice } from '../../shared/ollama-version';
import { timestamp } from '../../shared/registry';
import type { HostSnapshot } from './host-pool';

/**
 * Building and comparing host snapshots. A host that did not answer has no listing (models null),
 * never an empty one: an empty list would read as "every model missing".
 */

export function unknownSnapshot(name: string, primary: boolean, host: string): HostSnapshot {
  return {
    name,
    primary,
    connection: { status: 'unknown', host, version: null, canCreate: false, warnings: [], message: null, checkedAt: null },
    models: null,
    running: null,
    checkedAt: null,
  };
}

export function answeredSnapshot(
  base: HostSnapshot,
  host: string,
  answer: { version: string; models: OllamaModel[]; running: RunningModel[] | null },
  now: Date,
): HostSnapshot {
  const advice = versionAdvice(answer.version);
  const checkedAt = timestamp(now);
  return {
    ...base,
    connection: { status: 'online', host, version: answer.version, canCreate: advice.canCreate, warnings: advice.warnings, message: null, checkedAt },
    models: answer.models,
    running: answer.running,
    checkedAt,
  };
}

/** Offline (unreachable) or error (it answered with one): what it has is unknown. */
export function failedSnapshot(base: HostSnapshot, host: string, error: unknown, now: Date): HostSnapshot {
  const appError = toAppError(error);
  const checkedAt = timestamp(now);
  const connection: ConnectionState = {
    status: appError.kind === 'offline' ? 'offline' : 'error',
    host,
    version: null,
    canCreate: false,
    warnings: [],
    message: appError.message,
    checkedAt,
  };
  return { ...base, connection, models: null, running: null, checkedAt };
}

/** The primary's view, from the workspace sync (which also writes the registry's statuses). */
export function primarySnapshot(name: string, sync: SyncState, running: RunningModel[] | null): HostSnapshot {
  const online = sync.connection.status === 'online';
  return {
    name,
    primary: true,
    connection: sync.connection,
    models: online ? sync.ollamaModels : null,
    running: online ? running : null,
    checkedAt: sync.connection.checkedAt,
  };
}

/** What a listener cares about: connection, listing and loaded models (not the check time). */
export function snapshotFingerprint(snapshot: HostSnapshot): string {
  const c = snapshot.connection;
  return JSON.stringify([
    snapshot.name,
    snapshot.primary,
    c.status,
    c.host,
    c.version,
    c.message,
    snapshot.models?.map((m) => [m.name, m.digest]) ?? null,
    snapshot.running?.map((m) => m.name) ?? null,
  ]);
}
