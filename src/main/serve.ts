import { join } from 'node:path';
import { AppError } from '../shared/errors';
import { appVersion } from './app-version';
import { parseServeArgs, SERVE_USAGE } from './headless/args';
import { installLastResortHandlers } from './headless/last-resort';
import { startServe } from './headless/run-serve';

/** The headless entry (`npm run serve`); `modelwright serve` runs the same server. */
async function main(): Promise<void> {
  const options = parseServeArgs(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(SERVE_USAGE);
    return;
  }

  installLastResortHandlers((line) => console.error(line));
  const server = await startServe(options, {
    env: process.env,
    appVersion: appVersion(import.meta.dirname),
    staticDir: join(import.meta.dirname, '../renderer'),
    print: (line) => console.log(line),
    log: (line) => console.error(line),
  });

  const shutdown = (): void => {
    void server.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`modelwright serve: ${message}`);
  process.exit(error instanceof AppError ? 2 : 1);
});
