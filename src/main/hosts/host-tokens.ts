import { AppError } from '../../shared/errors';
import { hostTokenSchema } from '../../shared/hosts/host-config';

/**
 * The bearer tokens of the hosts (for a reverse proxy in front of Ollama), by host name. Where
 * they are kept depends on the entry: encrypted with the OS keychain in the desktop app
 * (./encrypted-tokens.ts), the environment or a file only the user can read in headless mode
 * and on the command line (./file-tokens.ts). A token never leaves this module except as the
 * header a host's link sends; errors and log lines name the host, never the token.
 */
export interface HostTokens {
  get(name: string): string | null;
  has(name: string): boolean;
  /** Keeps a token for the host, or forgets it (null); a clear AppError when it cannot be kept. */
  set(name: string, token: string | null): void;
  /** The host was renamed: its token follows it. */
  rename(from: string, to: string): void;
  /** Where tokens are kept, for the README-style hint in messages. */
  readonly where: string;
}

/** Token maps are keyed by the lower-cased name: host names are case-insensitive. */
export function tokenKey(name: string): string {
  return name.toLowerCase();
}

/** `MODELWRIGHT_HOST_TOKEN_<NAME>`: upper-cased, every character but a letter or digit as `_`. */
export function hostTokenEnvName(name: string): string {
  return `MODELWRIGHT_HOST_TOKEN_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** A token that is not one (spaces, control characters): refused, without echoing it. */
export function checkToken(name: string, token: string): string {
  if (!hostTokenSchema.safeParse(token).success) {
    throw new AppError('validation', `The token for host "${name}" must be 1–4096 printable characters without spaces.`, [
      { path: 'token', message: 'must be printable characters without spaces' },
    ]);
  }
  return token;
}

/** No tokens at all (tests, or a caller that needs none). */
export const noHostTokens: HostTokens = {
  get: () => null,
  has: () => false,
  set: () => {
    throw new AppError('validation', 'This app cannot keep host tokens.');
  },
  rename: () => undefined,
  where: 'nowhere',
};
