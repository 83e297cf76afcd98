/**
 * What a command sees of the terminal: output streams, whether they are terminals, the
 * environment, and the hooks the entry (cli.ts) wires to the process. Tests pass their own.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress is redrawn in place on a terminal, printed as plain lines otherwise. */
  errIsTty: boolean;
  /** The terminal behind `err`, for progress bars (only used when errIsTty). */
  errStream?: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  appVersion: string;
  /**
   * Called with what the first Ctrl-C (or SIGTERM) should do while a command runs: cancel its job,
   * stop its server. Null when there is nothing to cancel (a Ctrl-C then quits at once).
   */
  onInterrupt?: (cancel: (() => void) | null) => void;
  /** Whether a person can answer a question (stdin is a terminal). */
  stdinIsTty?: boolean;
  /** Asks on the terminal and resolves with the line typed (only called when stdinIsTty). */
  prompt?: (question: string) => Promise<string>;
  /** The folder of the built entry (out/main): `serve` finds the built UI next to it. */
  entryDir?: string;
  /**
   * Electron's resources folder when the packaged app runs the command line (`Modelwright --cli`):
   * the first-run workspace's template is there. Absent: beside the build (`node out/main/cli.js`).
   */
  packagedResources?: string | null;
  /** For a server: an escaped bug is logged and the process keeps serving instead of exiting. */
  keepRunningOnBugs?: () => void;
}

/** Exit statuses a CI job can read: done (or nothing to do), failed, bad input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
