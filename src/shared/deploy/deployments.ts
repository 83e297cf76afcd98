import { z } from 'zod';
import { ownRecordSchema } from '../own-record-schema';

/**
 * What Modelwright built on each host, under the registry's top-level `deployments` key:
 * `deployments[host][model] = { request_sha256, digest, deployed_at }`.
 *
 * Why one top-level key rather than a key per entry or a second file: a record outlives its
 * entry, so after a model is deleted or renamed the registry still knows it owns that model on
 * the host (what `apply --prune` may remove, and nothing else); it is written through the same
 * locked store as every other registry change; and the seed's tools keep an unknown top-level
 * key as they read it. Entries stay exactly as the seed wrote them.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest');

export const deploymentRecordSchema = z.looseObject({
  /** sha256 of the exact /api/create body sent (canonical JSON, see `create-request-hash.ts`). */
  request_sha256: sha256Hex,
  /** The digest the host reported for the model right after the create (differs per host). */
  digest: z.string(),
  deployed_at: z.string(),
});
export type DeploymentRecord = z.infer<typeof deploymentRecordSchema>;

/** host name → model name → record. */
export const deploymentsSchema = ownRecordSchema(ownRecordSchema(deploymentRecordSchema));
export type Deployments = z.infer<typeof deploymentsSchema>;
