import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { fileErrorReason } from '../../shared/file-error-reason';
import { checkToken, hostTokenEnvName, tokenKey, type HostTokens } from './host-tokens';

/**
 * Host tokens in headless mode and on the command line: from the environment
 * (`MODELWRIGHT_HOST_TOKEN_<NAME>`, what a CI job has), else from `host-tokens.json` in the app
 * data folder, `{"<host name>": "<token>"}`, which must be readable by the user alone (mode 0600,
 * as ssh insists for its keys). A file others can read is refused, not read. Setting a token
 * writes that file with mode 0600.
 */

export const HOST_TOKENS_FILE = 'host-tokens.json';

export interface FileTokensOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
  /** Test seam; default process.platform (Windows has no POSIX modes to check). */
  platform?: NodeJS.Platform;
}

export function fileHostTokens(options: FileTokensOptions): HostTokens {
  const file = path.join(options.dataDir, HOST_TOKENS_FILE);
  const log = options.log ?? ((message: string) => console.warn(`[hosts] ${message}`));
  const checksModes = (options.platform ?? process.platform) !== 'win32';
  let warned: string | null = null;

  const fromEnv = (name: string): string | null => {
    const value = options.env[hostTokenEnvName(name)];
    return value === undefined || value === '' ? null : value;
  };

  /** The file's tokens; throws an AppError saying what to do when it must not be read. */
  const readFile = (): Record<string, string> => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new AppError('validation', `Cannot read ${file}: ${fileErrorReason(error)}. Check the file's permissions, or remove it and set the tokens again.`);
    }
    if (!stat.isFile()) throw new AppError('validation', `${file} must be a plain file (not a link or a folder).`);
    if (checksModes && (stat.mode & 0o077) !== 0) {
      throw new AppError(
        'validation',
        `${file} can be read by other users of this computer, so its host tokens are not used. Run: chmod 600 ${file}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      // Never the parser's message: it quotes the text, which holds tokens.
      throw new AppError('validation', `${file} is not valid JSON; it should look like {"gpu-box": "<token>"}.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new AppError('validation', `${file} must hold one object, like {"gpu-box": "<token>"}.`);
    }
    const tokens: Record<string, string> = {};
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value === 'string' && value !== '') tokens[tokenKey(name)] = value;
      else log(`ignoring the token for "${name}" in ${file}: it must be a non-empty string.`);
    }
    return tokens;
  };

  /** For reading: a refused file is reported once in the log and counts as empty. */
  const readOrWarn = (): Record<string, string> => {
    try {
      const tokens = readFile();
      warned = null;
      return tokens;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (warned !== message) log(message);
      warned = message;
      return {};
    }
  };

  const writeFile = (tokens: Record<string, string>): void => {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    // Created 0600 from the first byte (never readable by others, not even briefly), then swapped in.
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeSync(fd, `${JSON.stringify(tokens, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (checksModes) fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  };

  const refuseEnvOwned = (name: string): void => {
    if (fromEnv(name) !== null) {
      throw new AppError(
        'validation',
        `The token for host "${name}" comes from the environment variable ${hostTokenEnvName(name)}; change or unset it there.`,
      );
    }
  };

  return {
    where: `the environment (${hostTokenEnvName('<name>')}) or ${file}`,
    get(name) {
      return fromEnv(name) ?? readOrWarn()[tokenKey(name)] ?? null;
    },
    has(name) {
      return this.get(name) !== null;
    },
    set(name, token) {
      refuseEnvOwned(name);
      const tokens = readFile();
      if (token === null) {
        if (!(tokenKey(name) in tokens)) return;
        delete tokens[tokenKey(name)];
      } else {
        tokens[tokenKey(name)] = checkToken(name, token);
      }
      writeFile(tokens);
    },
    rename(from, to) {
      if (tokenKey(from) === tokenKey(to)) return;
      const tokens = readOrWarn();
      const token = tokens[tokenKey(from)];
      if (token === undefined) return;
      delete tokens[tokenKey(from)];
      tokens[tokenKey(to)] = token;
      writeFile(tokens);
    },
  };
}
