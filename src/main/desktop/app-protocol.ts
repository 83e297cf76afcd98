import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FirstPageWriter } from '../http/first-page';
import { mimeTypeFor } from '../http/mime-types';

/**
 * The window's page comes from `app://modelwright/`, a privileged standard scheme served from the
 * built renderer folder, rather than `file://`: a page on file:// may read other local files, and
 * every file:// page shares one origin. Only files inside the build are served; `/` is index.html
 * (routes live in the hash, so no other path needs the page). No Electron import: the handler is
 * a plain `Request → Response` function, so tests run it without Electron.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'modelwright';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: real origins and relative URLs; secure: a secure context like https.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function decodeSegment(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/** The file an `app://modelwright/…` URL names inside `rendererDir`, or null (never outside it). */
export async function resolveAppFile(rendererDir: string, url: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;

  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    const segment = decodeSegment(raw);
    // Encoded separators and dot segments are refused, not normalized; dotfiles are never built.
    if (segment === null || segment.startsWith('.') || segment.includes('/') || segment.includes('\\')) return null;
    segments.push(segment);
  }

  const root = await realpath(rendererDir).catch(() => null);
  if (root === null) return null;
  const file = segments.length === 0 ? join(root, 'index.html') : resolve(root, ...segments);
  if (!isInside(root, file)) return null;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  // A symlink inside the build must not lead outside it either.
  const real = await realpath(file).catch(() => null);
  return real !== null && isInside(root, real) ? real : null;
}

/** Whether the URL names the page itself (routes live in the hash), not one of its files. */
function isPage(url: string): boolean {
  const path = new URL(url).pathname;
  return path === '/' || path === '/index.html';
}

/**
 * The `protocol.handle` handler: the file with its type and the CSP, or a plain 404/405. The page
 * comes with its first screen rendered when `firstPage` gives a writer (once the services exist),
 * as the headless server's does: only this window loads app://, so no token is involved.
 */
export function appProtocolHandler(
  rendererDir: string,
  contentSecurityPolicy: string,
  firstPage: () => FirstPageWriter | null = () => null,
): (request: Request) => Promise<Response> {
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = await resolveAppFile(rendererDir, request.url);
    if (file === null) return plain(404, 'Not found');
    const write = request.method === 'GET' && isPage(request.url) ? firstPage() : null;
    const page = write ? await write(await readFile(file, 'utf8')) : null;
    if (page !== null) {
      return new Response(page, {
        status: 200,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    }
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
