import { createInterface } from 'node:readline/promises';
import { appVersion } from './app-version';
import { cliMain } from './cli/cli-main';

/**
 * The command-line entry (`modelwright`, built to out/main/cli.js): the same services as the
 * desktop app and `serve`, called in-process, printing to the terminal.
 */
let bugsEndTheProcess = true;
// A bug that escapes ends a command with status 2 (eval's "could not run"; never 1, a regression
// to CI). A server (`serve`) logs it instead and keeps serving.
const crash = (error: unknown): void => {
  if (!bugsEndTheProcess) return;
  console.error(`modelwright: an unexpected error (a bug): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// What the first Ctrl-C (or SIGTERM) does while a command runs: cancel its job, stop its server.
let interrupt: (() => void) | null = null;
const onSignal = (code: number) => (): void => {
  if (interrupt) {
    const run = interrupt;
    interrupt = null;
    run();
    return;
  }
  // Nothing to cancel, or a second Ctrl-C: quit at once.
  process.exit(code);
};
process.on('SIGINT', onSignal(130));
process.on('SIGTERM', onSignal(143));

const status = await cliMain(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY,
  errStream: process.stderr,
  stdinIsTty: process.stdin.isTTY,
  prompt: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
  env: process.env,
  appVersion: appVersion(import.meta.dirname),
  entryDir: import.meta.dirname,
  onInterrupt: (cancel) => {
    interrupt = cancel;
  },
  keepRunningOnBugs: () => {
    bugsEndTheProcess = false;
  },
});
// Exit once the output is flushed: Ollama's pooled connections would otherwise hold the process open.
process.stdout.write('', () => process.exit(status));
