/**
 * Links in model replies are untrusted text: a click may reach the user's browser only for a web or
 * mail address, and only after the user has seen the exact address and said yes. Everything else
 * (file:, javascript:, custom schemes that launch programs) is refused without asking.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The address to open, normalized, or null when it may not leave the app. */
export function externalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null;
  // `https://bank.example@evil.example` reads as one site and goes to another.
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

export interface ExternalLinkDeps {
  showMessageBox(options: {
    type: 'question';
    buttons: string[];
    defaultId: number;
    cancelId: number;
    noLink: boolean;
    title: string;
    message: string;
    detail: string;
  }): Promise<{ response: number }>;
  openExternal(url: string): Promise<void>;
}

export type ExternalLinkOutcome = 'opened' | 'cancelled' | 'refused' | 'busy';

/**
 * Asks, then opens. One question at a time: a reply that fires many links (or a page that
 * retries) gets one dialog, not a stack of them.
 */
export function externalLinkOpener(deps: ExternalLinkDeps): (url: string) => Promise<ExternalLinkOutcome> {
  let asking = false;
  return async (url) => {
    const safe = externalUrl(url);
    if (safe === null) return 'refused';
    if (asking) return 'busy';
    asking = true;
    try {
      const { response } = await deps.showMessageBox({
        type: 'question',
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
        title: 'Open link',
        message: 'Open this address in your browser?',
        detail: safe,
      });
      if (response !== 0) return 'cancelled';
      await deps.openExternal(safe);
      return 'opened';
    } finally {
      asking = false;
    }
  };
}
