import { z } from 'zod';
import { call, none } from './contract-call';

/**
 * The updates area of the contract (spread into `calls` and `events` in `contract.ts`): what the
 * desktop app found and downloaded, the one setting that turns checks off, and the restart into a
 * downloaded version (refused while a job would be cut short: src/shared/update-policy.ts).
 */

export const updateStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** Found in the feed and downloading in the background. */
  z.object({ kind: z.literal('available'), version: z.string(), notes: z.string() }),
  /** Downloaded: "Restart to update" installs it. */
  z.object({ kind: z.literal('ready'), version: z.string(), notes: z.string() }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updatesStatusSchema = z.object({
  /** The setting "Check for updates" (on unless the user turned it off). */
  enabled: z.boolean(),
  /** Why this app never checks whatever the setting (headless, a build from the repository); null: it does. */
  inactiveReason: z.string().nullable(),
  state: updateStateSchema,
  /** When the feed was last asked, in this run. */
  lastCheckAt: z.string().nullable(),
});
export type UpdatesStatus = z.infer<typeof updatesStatusSchema>;

export const updatesCalls = {
  'updates.get': call({ input: none, output: updatesStatusSchema, summary: 'Whether updates are checked, and any new version found or downloaded' }),
  'updates.setEnabled': call({
    input: z.strictObject({ enabled: z.boolean() }),
    output: updatesStatusSchema,
    summary: 'Turn the daily check for new versions on or off (remembered); on checks at once when due',
  }),
  'updates.restart': call({
    input: none,
    output: z.object({ restarting: z.literal(true) }),
    summary: 'Quit and install the downloaded version; refused while a job is queued or running',
  }),
} as const;

export const updatesEvents = {
  /** A version was found or downloaded, or the setting changed. */
  'updates.changed': updatesStatusSchema,
} as const;
