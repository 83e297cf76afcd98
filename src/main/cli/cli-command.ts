import type { CliIo } from './cli-io';

/** One entry of the command table: `modelwright NAME …`. */
export interface CliCommand {
  name: string;
  /** Its arguments, for the list of commands: `NAME [--pull-base]`. */
  synopsis: string;
  /** One line saying what it does. */
  summary: string;
  /** What `--help` prints, and what follows a usage error. */
  usage: string;
  /** The exit status of an error that is not bad input (default 1; eval keeps its 2). */
  failureExit?: number;
  /** Runs it; resolves with the exit status. Throws UsageError or AppError for what went wrong. */
  run(argv: string[], io: CliIo, cwd: string): Promise<number>;
}
