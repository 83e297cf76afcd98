import type { CliPathOutcome } from '../../../shared/cli-path';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

export interface CliPathSlice {
  /** Settings › Command line: puts the installed app's `modelwright` on the PATH, or says how. */
  addCliToPath(): Promise<ActionResult<CliPathOutcome>>;
}

export const createCliPathSlice: SliceCreator<CliPathSlice> = ({ client }) => () => ({
  addCliToPath: () => attempt(() => client.call('cli.addToPath', {})),
});
