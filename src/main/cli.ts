import { appVersion } from './app-version';
import { createInterface } from 'node:readline/promises';
import { cliMain } from './cli/cli-main';

/** A yes/no question on the terminal (apply without --yes); anything but y or yes is no. */
async function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/**
 * The command-line entry (`modelwright`, built to out/main/cli.js): the same services as the
 * desktop app and `serve`, called in-process, printing to the terminal.
 */
// A bug that escapes is exit status 2 (an error), never 1, which CI reads as a regression.
const crash = (error: unknown): void => {
  console.error(`modelwright: an unexpected error (a bug): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

let cancelRun: (() => void) | null = null;
process.on('SIGINT', () => {
  // The first Ctrl-C cancels the run or apply (what finished is kept); a second one quits at once.
  if (cancelRun) {
    process.stderr.write('\nCancelling; what has finished is kept…\n');
    const cancel = cancelRun;
    cancelRun = null;
    cancel();
    return;
  }
  process.exit(130);
});

const status = await cliMain(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY,
  inIsTty: process.stdin.isTTY === true,
  confirm: askYesNo,
  env: process.env,
  appVersion: appVersion(import.meta.dirname),
  onInterrupt: (cancel) => {
    cancelRun = cancel;
  },
});
// Exit once the output is flushed: Ollama's pooled connections would otherwise hold the process open.
process.stdout.write('', () => process.exit(status));
