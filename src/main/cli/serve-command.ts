import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { parseServeArgs, SERVE_USAGE } from '../headless/args';
import { installLastResortHandlers } from '../headless/last-resort';
import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';

/**
 * `modelwright serve`: the headless server of `npm run serve`, in this process, with the same
 * flags (so here `--host` is the address to bind and `--ollama` is Ollama's). Runs until Ctrl-C
 * or SIGTERM, then stops cleanly (running jobs end as interrupted) and exits 0.
 */

const USAGE = SERVE_USAGE.replace('Usage: npm run serve -- [options]', 'Usage: modelwright serve [options]   (the same server and flags as npm run serve)');

export const serveCommand: CliCommand = {
  name: 'serve',
  synopsis: '[serve flags]',
  summary: 'run the headless server (the UI in a browser, the local API), as npm run serve',
  usage: USAGE,
  async run(argv, io) {
    const options = parseServeArgs(argv, io.env);
    if (options === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (!io.entryDir) throw new AppError('internal', 'serve runs from the built command (out/main/cli.js): run "npm run build" first.');
    // A server outlives one failed request: a bug is logged, and serving goes on (as npm run serve).
    io.keepRunningOnBugs?.();
    installLastResortHandlers((line) => io.err(`${line}\n`));
    const { startServe } = await import('../headless/run-serve');
    const server = await startServe(options, {
      env: io.env,
      appVersion: io.appVersion,
      staticDir: join(io.entryDir, '../renderer'),
      print: (line) => io.out(`${line}\n`),
      log: (line) => io.err(`${line}\n`),
    });
    await new Promise<void>((resolve) => io.onInterrupt?.(() => resolve()));
    io.onInterrupt?.(null);
    await server.stop();
    return EXIT.ok;
  },
};
