import type { HostState } from '../../shared/deploy/model-state';
import type { HostSnapshot } from '../hosts/host-pool';

/** A host's snapshot as the plan and the matrix read it: only a host that answers has a listing. */
export function toHostState(snapshot: HostSnapshot): HostState {
  const online = snapshot.connection.status === 'online' && snapshot.models !== null;
  return {
    name: snapshot.name,
    primary: snapshot.primary,
    online,
    message: online ? null : (snapshot.connection.message ?? `${snapshot.name} has not answered yet.`),
    models: online ? snapshot.models : null,
    running: online && snapshot.running ? snapshot.running.map((m) => m.name) : null,
  };
}
