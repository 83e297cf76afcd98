import type { WebContents } from 'electron';

/**
 * The window shows one page and never goes anywhere else: no navigation away (the hash routes of
 * the page itself excepted), no redirects, no frames navigating, no webviews, no new windows. A
 * link meant for the user's browser (target=_blank, or a plain link the page failed to handle)
 * is handed to `openLink`, which asks before opening anything.
 */

type Guarded = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

/** Same page, only the hash differs (a route change or a reload). */
export function isSameDocument(url: string, current: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(current);
    // Compared field by field: custom schemes have an opaque ("null") origin in URL.
    return a.protocol === b.protocol && a.host.toLowerCase() === b.host.toLowerCase() && a.pathname === b.pathname && a.search === b.search;
  } catch {
    return false;
  }
}

export function guardNavigation(contents: Guarded, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (isSameDocument(url, contents.getURL())) return;
    event.preventDefault();
    openLink(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame && isSameDocument(event.url, contents.getURL())) return;
    event.preventDefault();
  });
  // Our page never redirects; a redirect means something else is being loaded.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
}
