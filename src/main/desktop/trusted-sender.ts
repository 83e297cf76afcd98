/**
 * IPC is answered only for frames showing our own page: `app://modelwright/`, or the dev server
 * in development. Anything else (a navigated or injected frame) is refused.
 */
export function isTrustedRendererUrl(url: string, pageUrl: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(pageUrl);
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    // Custom schemes (app://) have an opaque origin ("null") in URL, equal for every such URL:
    // compare the scheme and host instead.
    return actual.protocol === expected.protocol && actual.host.toLowerCase() === expected.host.toLowerCase();
  } catch {
    return false;
  }
}
