import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';

export const TEMP_SUFFIX = '.tmp';

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside it, is flushed to disk,
 * then renamed over the target, so a crash leaves either the old file or the new one.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
