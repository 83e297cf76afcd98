import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';
import { EVAL_USAGE, parseEvalArgs } from './eval-args';
import { EVAL_EXIT } from './eval-exit';

/** `modelwright eval` in the command table; its arguments and exit statuses are its own. */
export const evalCommand: CliCommand = {
  name: 'eval',
  synopsis: 'FAMILY',
  summary: "run a family's prompt set against its versions; 1 when the newest regressed",
  usage: EVAL_USAGE,
  failureExit: EVAL_EXIT.error,
  async run(argv, io, cwd) {
    const options = parseEvalArgs(argv, io.env);
    if (options === 'help') {
      io.out(`${EVAL_USAGE}\n`);
      return EXIT.ok;
    }
    const { runEvalCommand } = await import('./eval-command');
    return runEvalCommand(options, io, cwd);
  },
};
