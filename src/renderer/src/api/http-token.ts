const STORAGE_KEY = 'modelwright.token';

/**
 * The headless server prints a URL ending in `?token=…`. The token is moved to sessionStorage (so a
 * reload keeps working) and removed from the address bar, where it would be shown, bookmarked and
 * sent on in copied links.
 */
export function takeAccessToken(win: Window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page's lifetime.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
