/**
 * The desktop binary runs the command line when started with `--cli` (`Modelwright --cli list`):
 * the packaged app has Electron's run-as-Node fuse off, so its own main entry is the only way to
 * run the CLI with the Node inside it. Everything after `--cli` is the command line; what comes
 * before it (the app path in development, Chromium switches) is Electron's.
 */
export const CLI_SWITCH = '--cli';

/** The command line's arguments, or null when the app was started as the desktop app. */
export function cliArgvOf(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_SWITCH);
  return at < 0 ? null : argv.slice(at + 1);
}
