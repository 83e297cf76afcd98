import { AppError } from '../../shared/errors';
import { CLI_USAGE, EVAL_USAGE, parseEvalArgs } from './eval-args';
import { EXIT, runEvalCommand } from './eval-command';
import type { ApplyIo } from './apply-command';
import { runDeployCommand } from './deploy-command';

/**
 * The command line's dispatch: `modelwright eval …`, `--help`. Returns the exit status rather than
 * exiting, so tests call it in-process. Errors are printed as their words, never a stack, except
 * for a bug (not an AppError), whose stack helps a report.
 */
export async function cliMain(argv: string[], io: ApplyIo, cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.err : io.out)(`${CLI_USAGE}\n`);
      return command === undefined ? EXIT.error : EXIT.ok;
    }
    if (command === 'plan' || command === 'apply') return await runDeployCommand(command, rest, io, cwd);
    if (command !== 'eval') throw new AppError('validation', `Unknown command "${command}".\n\n${CLI_USAGE}`);
    const options = parseEvalArgs(rest, io.env);
    if (options === 'help') {
      io.out(`${EVAL_USAGE}\n`);
      return EXIT.ok;
    }
    return await runEvalCommand(options, io, cwd);
  } catch (error) {
    const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`modelwright ${command ?? ''}: ${message}\n`.replace('modelwright : ', 'modelwright: '));
    return EXIT.error;
  }
}
