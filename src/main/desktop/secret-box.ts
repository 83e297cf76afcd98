import type { SecretBox } from '../hosts/encrypted-tokens';

/** The part of Electron's safeStorage the app uses (passed in, so this file never imports electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** Host tokens sealed by the OS keychain through safeStorage, as base64 for the settings file. */
export function safeStorageBox(safeStorage: SafeStorageLike): SecretBox {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
