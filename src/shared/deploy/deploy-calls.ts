import { z } from 'zod';
import { call, none } from '../contract-call';
import { jobSchema } from '../jobs';
import { addHostInputSchema, hostNameSchema, hostRefInputSchema, hostViewSchema, updateHostInputSchema } from '../hosts/host-config';
import { applyResultSchema, matrixSchema, planSchema } from './plan-schema';

/**
 * The hosts and deploy area of the contract (spread into `calls` in `contract.ts`): the hosts in
 * settings, where each model is, deploying a version to a host, plan and apply.
 */

const planInputSchema = z.strictObject({
  /** Hosts to plan for; absent: every host. */
  hosts: z.array(hostNameSchema).min(1).max(50).optional(),
  /** Also remove models the registry owns on a host but no longer lists. */
  prune: z.boolean().default(false),
});

export const deployCalls = {
  'hosts.list': call({ input: none, output: z.array(hostViewSchema), summary: 'The Ollama hosts, the primary first, each with its connection' }),
  'hosts.add': call({ input: addHostInputSchema, output: z.array(hostViewSchema), summary: 'Add an Ollama host (name, URL, optional bearer token)' }),
  'hosts.update': call({
    input: updateHostInputSchema,
    output: z.array(hostViewSchema),
    summary: "Rename a host, change its URL, or set or clear its token",
  }),
  'hosts.remove': call({ input: hostRefInputSchema, output: z.array(hostViewSchema), summary: 'Remove a host (not the primary); its models stay on it' }),
  'hosts.setPrimary': call({ input: hostRefInputSchema, output: z.array(hostViewSchema), summary: 'Make a host the primary' }),
  'hosts.matrix': call({ input: none, output: matrixSchema, summary: "Every registry model's and base model's state on every host" }),
  'deploy.version': call({
    input: z.strictObject({ name: z.string().min(1), host: hostNameSchema }),
    output: jobSchema,
    summary: 'Build a version on a host with the same /api/create body as everywhere, as a job',
  }),
  'deploy.plan': call({ input: planInputSchema, output: planSchema, summary: 'What apply would do on each host, without doing it' }),
  'deploy.apply': call({ input: planInputSchema, output: applyResultSchema, summary: 'Make hosts match the registry: a fresh plan, run as a job' }),
} as const;

export const deployEvents = {
  'hosts.changed': z.array(hostViewSchema),
  /** A host's listing or connection changed: the matrix is stale. */
  'hosts.stateChanged': z.object({ host: z.string() }),
} as const;
