import { AppError } from '../../shared/errors';
import { runApplyCommand, type ApplyIo } from './apply-command';
import { APPLY_USAGE, parseDeployArgs, PLAN_USAGE } from './deploy-args';
import { DEPLOY_EXIT, runPlanCommand } from './plan-command';

/**
 * `plan` and `apply` for the command table: usage errors and bad input (an unknown host, a
 * workspace that is not one) are exit 2; anything else that stops them is exit 1.
 */
export async function runDeployCommand(command: 'plan' | 'apply', argv: string[], io: ApplyIo, cwd: string): Promise<number> {
  try {
    const options = parseDeployArgs(command, argv, io.env);
    if (options === 'help') {
      io.out(`${command === 'plan' ? PLAN_USAGE : APPLY_USAGE}\n`);
      return DEPLOY_EXIT.ok;
    }
    return command === 'plan' ? await runPlanCommand(options, io, cwd) : await runApplyCommand(options, io, cwd);
  } catch (error) {
    const usage = error instanceof AppError && (error.kind === 'validation' || error.kind === 'not_found');
    const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`modelwright ${command}: ${message}\n`);
    return usage ? DEPLOY_EXIT.usage : DEPLOY_EXIT.failed;
  }
}
