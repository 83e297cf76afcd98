import { z } from 'zod';
import { call, none } from './contract-call';

/** The command-line area of the contract: putting the installed app's `modelwright` on the PATH. */

export const cliPathOutcomeSchema = z.object({
  /** Whether the command was put on the PATH; false: `message` says what to do instead. */
  done: z.boolean(),
  /** Where the command is (or would go). */
  path: z.string().nullable(),
  message: z.string(),
});
export type CliPathOutcome = z.infer<typeof cliPathOutcomeSchema>;

export const cliPathCalls = {
  'cli.addToPath': call({
    input: none,
    output: cliPathOutcomeSchema,
    summary: 'Put the installed app’s modelwright command on the PATH (Linux, macOS), or say how (Windows, a source build)',
  }),
} as const;
