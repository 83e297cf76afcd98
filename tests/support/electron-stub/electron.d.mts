// Types for the parts of the stand-in electron module that unit tests import directly.
export declare const safeStorage: {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
};
