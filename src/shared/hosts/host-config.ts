import { z } from 'zod';
import { connectionStateSchema } from '../connection-state';

/**
 * The Ollama hosts the app deploys to. One is the primary: its state is each registry entry's
 * `status` (the seed's format, so the seed's own tools keep working); the others' state is kept
 * beside it under the registry's top-level `deployments` key (see `deploy/deployments.ts`).
 */

/** The primary's name until the user names it (the host on this computer, or OLLAMA_HOST). */
export const DEFAULT_PRIMARY_HOST_NAME = 'local';

/** Short, typed on a command line (`--host gpu-box`) and used as a key in the registry file. */
export const hostNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'use 1–40 letters, digits, dots, dashes or underscores, starting with a letter or digit');
export type HostName = z.infer<typeof hostNameSchema>;

/** A host URL as the user typed it; read with Ollama's OLLAMA_HOST rules (see `ollama-host.ts`). */
export const hostUrlSchema = z.string().trim().min(1, 'give the host, e.g. gpu-box:11434').max(500);

/**
 * A bearer token for a reverse proxy in front of a host. Never written to the registry, the
 * settings in clear text, or a log; the contract only ever says whether one is set.
 */
export const hostTokenSchema = z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces');

/** A host as the UI and the command line see it. */
export const hostViewSchema = z.object({
  name: z.string(),
  /** As the user set it (null for a primary that follows OLLAMA_HOST or the default). */
  url: z.string().nullable(),
  /** The base URL actually used. */
  effectiveUrl: z.string(),
  primary: z.boolean(),
  hasToken: z.boolean(),
  connection: connectionStateSchema,
});
export type HostView = z.infer<typeof hostViewSchema>;

export const addHostInputSchema = z.strictObject({
  name: hostNameSchema,
  url: hostUrlSchema,
  token: hostTokenSchema.optional(),
});

export const updateHostInputSchema = z.strictObject({
  name: hostNameSchema,
  rename: hostNameSchema.optional(),
  url: hostUrlSchema.optional(),
  /** A new token; null removes it; absent keeps it. */
  token: hostTokenSchema.nullable().optional(),
});

export const hostRefInputSchema = z.strictObject({ name: hostNameSchema });
