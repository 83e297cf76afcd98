import { z } from 'zod';
import { ownRecordSchema } from '../own-record-schema';

/**
 * Released names: which registered version an alias such as `family:latest` points at, under the
 * registry's top-level `aliases` key: `aliases[alias] = { model, released_at }`.
 *
 * Why one top-level key (as `deployments`): the seed's Python tools keep an unknown top-level key
 * as they read it, and leave entries exactly as they wrote them. Those tools do not know aliases,
 * so they may delete or rename a version an alias points at: a dangling alias is therefore data,
 * never an invalid file. It is shown, and not served, until it is released again or removed.
 */

export const aliasRecordSchema = z.looseObject({
  /** The registry key of the version the alias points at. */
  model: z.string().min(1, 'must name a registry model'),
  released_at: z.string(),
});
export type AliasRecord = z.infer<typeof aliasRecordSchema>;

/** alias name → record. */
export const aliasesSchema = ownRecordSchema(aliasRecordSchema);
export type Aliases = z.infer<typeof aliasesSchema>;
