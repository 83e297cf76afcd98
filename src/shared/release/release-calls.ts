import { z } from 'zod';
import { call } from '../contract-call';

/**
 * The release area of the contract (spread into `calls` in `contract.ts`): a registered version
 * copied in Ollama under a stable name such as `family:latest`, recorded in the registry's
 * `aliases` (see `alias-schema.ts`), and moved by the next release.
 */

export const releaseInputSchema = z.strictObject({
  /** The version to release (a registry model). */
  name: z.string().min(1).max(500),
  /** The stable name; checked by Ollama's rules in the service, so the error can propose one. */
  alias: z.string().trim().min(1, 'give the name to release under').max(500),
});
export type ReleaseInput = z.input<typeof releaseInputSchema>;

export const releaseResultSchema = z.object({
  /** As recorded (Ollama's shortest form: `family` → `family:latest`). */
  alias: z.string(),
  /** The version's registry key. */
  model: z.string(),
  /** The version the alias pointed at before, if another. */
  previous: z.string().nullable(),
  notes: z.array(z.string()),
});
export type ReleaseResult = z.infer<typeof releaseResultSchema>;

export const unreleaseResultSchema = z.object({
  /** The alias as it was recorded. */
  alias: z.string(),
  /** Whether Ollama had the copy (it is deleted there). */
  ollama: z.enum(['deleted', 'not-in-ollama']),
});
export type UnreleaseResult = z.infer<typeof unreleaseResultSchema>;

export const releaseCalls = {
  'models.release': call({
    input: releaseInputSchema,
    output: releaseResultSchema,
    summary: 'Release a version under an alias: /api/copy on the primary host, recorded in the registry; the next release moves it',
  }),
  'models.unrelease': call({
    input: z.strictObject({ alias: z.string().trim().min(1).max(500) }),
    output: unreleaseResultSchema,
    summary: 'Remove a released name: deleted from Ollama on the primary host, and from the registry; its version stays',
  }),
} as const;
