import fs from 'node:fs';
import path from 'node:path';
import type { CliPathOutcome } from '../../shared/cli-path';

/**
 * Settings › Command line › "Add modelwright to PATH": puts the packaged app's `modelwright`
 * launcher (resources/bin, see resources/bin/modelwright) where a terminal finds it. Linux and
 * macOS: a link in ~/.local/bin, or /usr/local/bin when that is on the PATH and writable; an
 * AppImage (whose files vanish when it exits) gets a two-line script that runs the AppImage with
 * --cli instead. Only a `modelwright` this app put there is ever replaced. Windows: the folder to
 * add to PATH, said rather than done (changing the user's environment is theirs to do).
 */

export interface CliPathContext {
  mode: 'desktop' | 'headless';
  platform: NodeJS.Platform;
  /** Electron's resources folder in a packaged app; null: a build from the source. */
  resources: string | null;
  home: string;
  env: NodeJS.ProcessEnv;
}

/** The first line after the shebang of a script this app writes: how it knows its own. */
export const SCRIPT_MARK = '# modelwright: the command line of the Modelwright app (written by Settings)';
const OUR_LINK = /[/\\][Rr]esources[/\\]bin[/\\]modelwright$/;

function isOnPath(dir: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((entry) => entry !== '' && path.resolve(entry) === path.resolve(dir));
}

function isWritableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the `modelwright` at `target` is one this app made (so it may be replaced), or absent. */
function ours(target: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return true;
  }
  if (stat.isSymbolicLink()) return OUR_LINK.test(fs.readlinkSync(target));
  if (!stat.isFile() || stat.size > 4096) return false;
  return fs.readFileSync(target, 'utf8').includes(SCRIPT_MARK);
}

export function addCliToPath(context: CliPathContext): CliPathOutcome {
  if (context.mode === 'headless' || context.resources === null) {
    return {
      done: false,
      path: null,
      message: 'This copy runs from the source code: in its folder, run "npm link" once to get the modelwright command (or "npx modelwright …" there). The button is for the installed app.',
    };
  }
  const launcherDir = path.join(context.resources, 'bin');
  if (context.platform === 'win32') {
    return {
      done: false,
      path: null,
      message: `Add this folder to your Path: ${launcherDir} (Start › "Edit environment variables for your account" › Path › Edit › New). Then, in a new terminal: modelwright list`,
    };
  }
  const appImage = context.env.APPIMAGE;
  const launcher = path.join(launcherDir, 'modelwright');
  if (!appImage && !fs.existsSync(launcher)) {
    return { done: false, path: null, message: `The launcher ${launcher} is missing from this installation: reinstall Modelwright, then try again.` };
  }

  const local = path.join(context.home, '.local', 'bin');
  const system = '/usr/local/bin';
  const dir = isOnPath(local, context.env) ? local : isOnPath(system, context.env) && isWritableDir(system) ? system : local;
  const target = path.join(dir, 'modelwright');
  if (!ours(target)) {
    return { done: false, path: target, message: `${target} exists and is not this app's: rename or remove it, then try again.` };
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Made beside the target and renamed over it, so a failure never leaves half a command.
    const temp = path.join(dir, `.modelwright-${process.pid}-${Date.now()}`);
    if (appImage) {
      fs.writeFileSync(temp, `#!/bin/sh\n${SCRIPT_MARK}\nexec "${appImage.replaceAll('"', '\\"')}" --cli "$@"\n`, { mode: 0o755 });
    } else {
      fs.symlinkSync(launcher, temp);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    return { done: false, path: target, message: `Could not write ${target}: ${(error as Error).message}. Link ${appImage ?? launcher} there yourself.` };
  }
  const onPath = isOnPath(dir, context.env);
  return {
    done: true,
    path: target,
    message: onPath
      ? `Added ${target}. In a new terminal: modelwright list`
      : `Added ${target}, but ${dir} is not on your PATH: add the line export PATH="${dir}:$PATH" to your shell's profile (~/.profile, ~/.zshrc), then in a new terminal: modelwright list`,
  };
}
