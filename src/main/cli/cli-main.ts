import { AppError } from '../../shared/errors';
import type { CliCommand } from './cli-command';
import { EXIT, type CliIo } from './cli-io';
import { UsageError } from './command-args';
import { createCommand } from './create-command';
import { applyCommand, planCommand } from './deploy-command';
import { evalCommand } from './eval-entry';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { listCommand } from './list-command';
import { pullCommand } from './pull-command';
import { releaseCommand } from './release-command';
import { serveCommand } from './serve-command';
import { statusCommand } from './status-command';

/**
 * The command line's dispatch: one table entry per command, each in its own module. Returns the
 * exit status rather than exiting, so tests call it in-process. Errors are printed as their
 * words, never a stack, except for a bug (not an AppError), whose stack helps a report.
 */

// A new command is a module and one entry here; a command's own statuses, such as
// plan --exit-code's 3, pass through as it returns them.
export const COMMANDS: readonly CliCommand[] = [
  listCommand,
  statusCommand,
  createCommand,
  pullCommand,
  releaseCommand,
  exportCommand,
  importCommand,
  evalCommand,
  planCommand,
  applyCommand,
  serveCommand,
];

export function cliUsage(commands: readonly CliCommand[] = COMMANDS): string {
  const heads = commands.map((c) => `${c.name} ${c.synopsis}`.trim());
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return [
    'Usage: modelwright <command> [options]',
    '',
    'Commands:',
    ...commands.map((c, i) => `  ${(heads[i] ?? '').padEnd(width)}${c.summary}`),
    '',
    'Every command takes --workspace DIR, --host HOST (a host named in Settings or an Ollama address;',
    'serve: --ollama URL, as its --host is the address it listens on), --json and --help.',
    'Exit status: 0 done or nothing to do, 1 failed, 2 bad input.',
    'Run "modelwright <command> --help" for its options.',
  ].join('\n');
}

export async function cliMain(argv: string[], io: CliIo, cwd = process.cwd(), commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(`${cliUsage(commands)}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const hint = name.startsWith('-') ? `Name a command before its options (got "${name}").` : `Unknown command "${name}".`;
    io.err(`modelwright: ${hint}\n\n${cliUsage(commands)}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io, cwd);
  } catch (error) {
    io.onInterrupt?.(null);
    if (error instanceof UsageError) {
      io.err(`modelwright ${name}: ${error.message}\n\n${error.usage}\n`);
      return EXIT.usage;
    }
    const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`modelwright ${name}: ${message}\n`);
    if (error instanceof AppError && error.kind === 'validation') return EXIT.usage;
    return command.failureExit ?? EXIT.failed;
  }
}
