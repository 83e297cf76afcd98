import { createHash } from 'node:crypto';

/** Hex sha256 of bytes or text (as UTF-8): how Modelfile versions are told apart. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
