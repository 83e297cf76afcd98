import { z } from 'zod';
import type { SyncState } from './contract';
import { BASE_MODEL_STATUSES, MODEL_STATUSES, type Registry } from './registry';
import { reconcile } from './sync-rules';

/**
 * What `modelwright status` reports: the connection, the registry's models grouped by status, the
 * out-of-date ones, and where the file is behind Ollama (a status the app's next sync would
 * write). Statuses are what is true now: the file's, corrected by Ollama's list when it answered.
 */

const byStatus = <T extends readonly [string, ...string[]]>(statuses: T) =>
  z.object(Object.fromEntries(statuses.map((s) => [s, z.array(z.string())])) as Record<T[number], z.ZodArray<z.ZodString>>);

export const statusReportSchema = z.object({
  host: z.string(),
  online: z.boolean(),
  /** `error`: Ollama answered with an HTTP error; `offline`: it could not be reached. */
  connection: z.enum(['unknown', 'online', 'offline', 'error']),
  version: z.string().nullable(),
  /** Why it is not online, in words. */
  reason: z.string().nullable(),
  warnings: z.array(z.string()),
  workspace: z.string(),
  models: byStatus(MODEL_STATUSES),
  baseModels: byStatus(BASE_MODEL_STATUSES),
  outdated: z.array(z.string()),
  /** Statuses the file records differently from what Ollama says now. */
  unrecorded: z.array(z.object({ kind: z.enum(['model', 'base_model']), name: z.string(), file: z.string(), now: z.string() })),
  /** Models Ollama has that the registry does not name. */
  discovered: z.array(z.string()),
});
export type StatusReport = z.infer<typeof statusReportSchema>;

function group<S extends string>(statuses: readonly S[], entries: Array<[string, S]>): Record<S, string[]> {
  const out = Object.fromEntries(statuses.map((s) => [s, [] as string[]])) as Record<S, string[]>;
  for (const [name, status] of entries) out[status].push(name);
  return out;
}

export function statusReport(registry: Registry, sync: SyncState, workspace: string, now: Date): StatusReport {
  const online = sync.connection.status === 'online';
  // Only a real answer from Ollama may say a model went missing (see sync-rules).
  const current = online ? reconcile(registry, sync.ollamaModels, now) : null;
  const seen = current?.registry ?? registry;
  return {
    host: sync.connection.host,
    online,
    connection: sync.connection.status,
    version: sync.connection.version,
    reason: online ? null : sync.connection.message,
    warnings: sync.connection.warnings,
    workspace,
    models: group(MODEL_STATUSES, Object.entries(seen.models).map(([name, e]) => [name, e.status])),
    baseModels: group(BASE_MODEL_STATUSES, Object.entries(seen.base_models).map(([name, e]) => [name, e.status])),
    outdated: sync.outdated,
    unrecorded: (current?.changes ?? []).map((c) => ({ kind: c.kind, name: c.name, file: c.from, now: c.to })),
    discovered: sync.discovered.map((m) => m.name),
  };
}
