import type { RegistryExport } from '../../../shared/lifecycle';

/**
 * Saves a file the main side built, as a download through a Blob link: the same path in a
 * browser (headless mode) and in the desktop window, with no native dialog and no file access
 * for the page.
 */

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Long enough for the browser to start reading the Blob, short enough not to hold it all session. */
const REVOKE_AFTER_MS = 60_000;

export function saveFile(page: Window, file: Pick<RegistryExport, 'fileName' | 'mimeType' | 'encoding' | 'data'>): void {
  // The store's window (a test's jsdom one) rather than the global, so Blob and URL come from it.
  const win = page as Window & typeof globalThis;
  const part = file.encoding === 'base64' ? base64ToBytes(file.data) : file.data;
  const blob = new win.Blob([part], { type: file.mimeType });
  const url = win.URL.createObjectURL(blob);
  const link = win.document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.hidden = true;
  win.document.body.append(link);
  link.click();
  link.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
