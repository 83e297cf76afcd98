/**
 * IPC is answered only for frames showing our own page: the built renderer file, or the
 * dev server in development. Anything else (a navigated or injected frame) is refused.
 */
export function isTrustedRendererUrl(url: string, pageUrl: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(pageUrl);
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  } catch {
    return false;
  }
}
