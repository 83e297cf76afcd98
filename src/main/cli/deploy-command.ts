import { AppError } from '../../shared/errors';
import { runApplyCommand } from './apply-command';
import type { CliCommand } from './cli-command';
import type { CliIo } from './cli-io';
import { APPLY_USAGE, parseDeployArgs, PLAN_USAGE } from './deploy-args';
import { DEPLOY_EXIT, runPlanCommand } from './plan-command';

/**
 * `plan` and `apply` for the command table: usage errors and bad input (an unknown host, a
 * workspace that is not one) are exit 2; anything else that stops them is exit 1.
 */
export async function runDeployCommand(command: 'plan' | 'apply', argv: string[], io: CliIo, cwd: string): Promise<number> {
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

export const planCommand: CliCommand = {
  name: 'plan',
  synopsis: '[--host HOST]... [--all] [--prune] [--exit-code]',
  summary: 'what apply would do on each host (--exit-code: 3 when changes are pending)',
  usage: PLAN_USAGE,
  run: (argv, io, cwd) => runDeployCommand('plan', argv, io, cwd),
};

export const applyCommand: CliCommand = {
  name: 'apply',
  synopsis: '(--host HOST... | --all) [--prune] [--yes]',
  summary: 'make hosts match the registry, as jobs with progress',
  usage: APPLY_USAGE,
  run: (argv, io, cwd) => runDeployCommand('apply', argv, io, cwd),
};
