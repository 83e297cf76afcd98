import { AppError } from '../../shared/errors';
import { checkToken, tokenKey, type HostTokens } from './host-tokens';

/**
 * Host tokens in the desktop app: encrypted by the OS (Electron's safeStorage: Keychain, DPAPI,
 * libsecret) and kept, encrypted and base64-encoded, under one key of the app's settings file.
 * The Electron side is injected as a SecretBox, so this runs and is tested without Electron.
 */

export interface SecretBox {
  /** False when the OS offers no secure store (a Linux session without a keyring). */
  available(): boolean;
  /** Base64 of the encrypted text. */
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** Where the sealed tokens are kept (the settings file's `hostTokens` key). */
export interface SealedTokenStore {
  read(): unknown;
  write(value: Record<string, string>): void;
}

export const SEALED_TOKENS_KEY = 'hostTokens';

export function encryptedHostTokens(box: SecretBox, store: SealedTokenStore, log: (message: string) => void = (m) => console.warn(`[hosts] ${m}`)): HostTokens {
  const sealed = (): Record<string, string> => {
    const raw = store.read();
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  };
  const unsealable = new Set<string>();

  return {
    where: "the app's settings, encrypted with the system keychain",
    get(name) {
      const value = sealed()[tokenKey(name)];
      if (value === undefined) return null;
      try {
        return box.decrypt(value);
      } catch {
        // The keychain changed (another user profile, a reset): the host works without its token.
        if (!unsealable.has(tokenKey(name))) log(`could not decrypt the token of host "${name}"; set it again in Settings → Hosts.`);
        unsealable.add(tokenKey(name));
        return null;
      }
    },
    has(name) {
      return sealed()[tokenKey(name)] !== undefined;
    },
    set(name, token) {
      const next = sealed();
      if (token === null) {
        if (!(tokenKey(name) in next)) return;
        delete next[tokenKey(name)];
      } else {
        checkToken(name, token);
        if (!box.available()) {
          throw new AppError(
            'validation',
            'This system offers no secure store for secrets (on Linux: a keyring such as GNOME Keyring or KWallet), so Modelwright will not keep a host token. Start a keyring, or run headless with MODELWRIGHT_HOST_TOKEN_<NAME>.',
          );
        }
        next[tokenKey(name)] = box.encrypt(token);
      }
      unsealable.delete(tokenKey(name));
      store.write(next);
    },
    rename(from, to) {
      if (tokenKey(from) === tokenKey(to)) return;
      const next = sealed();
      const value = next[tokenKey(from)];
      if (value === undefined) return;
      delete next[tokenKey(from)];
      next[tokenKey(to)] = value;
      store.write(next);
    },
  };
}
