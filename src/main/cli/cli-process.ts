import { createInterface } from 'node:readline/promises';
import { appVersion } from '../app-version';
import { cliMain } from './cli-main';

/**
 * Runs one command line in this process, wired to the real terminal: the `modelwright` entry
 * (cli.ts, under Node) and the desktop app started with `--cli` (index.ts, the packaged app's own
 * binary, since its run-as-Node fuse is off) both come here. Resolves with the exit status once
 * the output is flushed; the caller exits with it.
 */
export async function runCliProcess(argv: string[], entryDir: string, packagedResources: string | null = null): Promise<number> {
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

  const status = await cliMain(argv, {
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
    appVersion: appVersion(entryDir),
    entryDir,
    packagedResources,
    onInterrupt: (cancel) => {
      interrupt = cancel;
    },
    keepRunningOnBugs: () => {
      bugsEndTheProcess = false;
    },
  });
  // Flushed first: Ollama's pooled connections would otherwise hold the process open past exit.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  return status;
}
