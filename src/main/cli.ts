import { runCliProcess } from './cli/cli-process';

/**
 * The command-line entry (`modelwright`, built to out/main/cli.js): the same services as the
 * desktop app and `serve`, called in-process, printing to the terminal.
 */
process.exit(await runCliProcess(process.argv.slice(2), import.meta.dirname));
