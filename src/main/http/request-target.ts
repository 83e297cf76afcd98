import { HttpError } from './http-error';

export interface RequestTarget {
  /** The path exactly as sent (still percent-encoded), so `%2F` inside a name stays distinguishable. */
  readonly path: string;
  readonly query: URLSearchParams;
}

/** Only origin-form targets (`/path?query`); proxies' absolute form and `*` are not for us. */
export function parseRequestTarget(url: string | undefined): RequestTarget {
  if (!url?.startsWith('/')) throw new HttpError(400, 'Bad request target');
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return { path, query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)) };
}

/** Decodes one percent-encoded piece of a path; malformed escapes and NUL are refused outright. */
export function decodePathPart(raw: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'Malformed percent-encoding in the path');
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'NUL in the path');
  return decoded;
}
