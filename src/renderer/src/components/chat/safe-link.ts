/** Schemes a reply's link may use: web pages and mail. Everything else could run or read something. */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link in model output may open, or null. Only absolute http(s) and mailto
 * addresses pass; `javascript:`, `data:`, `file:` and relative paths (which would load into the
 * app itself) do not, however they are spelt (case, whitespace, entities are decoded earlier).
 */
export function safeLinkHref(href: string | undefined | null): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return ALLOWED.has(url.protocol) ? url.href : null;
}
