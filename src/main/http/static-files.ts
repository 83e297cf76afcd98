import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HttpError } from './http-error';
import type { FirstPageWriter } from './first-page';
import { mimeTypeFor } from './mime-types';
import { decodePathPart } from './request-target';
import { sendDetail, sendHtml, setHtmlHeaders } from './responses';

/**
 * Serves the built renderer (index.html + assets/) to the browser, without the token: the page
 * is public code, and it reads the token from its own URL to call the API. Opened with the
 * session token, the page comes with its first screen rendered (and that screen's data) when a
 * first-page writer is given; without it, never.
 */
export interface StaticFiles {
  /**
   * Answers a GET or HEAD for a non-API path (`rawPath` still percent-encoded). `session`: the
   * request's address carries the session token.
   */
  serve(req: IncomingMessage, res: ServerResponse, rawPath: string, access?: { session: boolean }): Promise<void>;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Modelwright</title></head>
<body>
<h1>Modelwright: the UI is not built</h1>
<p>The server is running, but it has no user interface to show. Build it with
<code>npm run build</code>, then start the server again.</p>
</body>
</html>
`;

/** Hashed by Vite, so a name never changes content; a missing one must not fall back to HTML. */
const ASSETS_PREFIX = '/assets/';

/** Decoded path segments; traversal (`..`, `%2e%2e`, `%2f`, backslashes, NUL) is refused, not normalized. */
function safeSegments(rawPath: string): string[] {
  const segments = rawPath
    .split('/')
    .filter((raw) => raw !== '')
    .map(decodePathPart);
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\\')) {
      throw new HttpError(400, 'Path not allowed');
    }
  }
  return segments;
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

async function regularFile(file: string): Promise<{ size: number } | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size } : null;
  } catch {
    return null;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, size: number, cacheControl: string): void {
  res.statusCode = 200;
  if (file.endsWith('.html')) setHtmlHeaders(res);
  else res.setHeader('Content-Type', mimeTypeFor(file));
  res.setHeader('Content-Length', size);
  res.setHeader('Cache-Control', cacheControl);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .once('error', () => res.destroy())
    .pipe(res);
}

/** The page with its data in it: per session and per moment, so never stored by a cache. */
async function sendFirstPage(req: IncomingMessage, res: ServerResponse, indexFile: string, write: FirstPageWriter): Promise<boolean> {
  const template = await readFile(indexFile, 'utf8').catch(() => null);
  const page = template === null ? null : await write(template);
  if (page === null) return false;
  sendHtml(res, 200, page, req.method ?? 'GET');
  return true;
}

export function staticFiles(staticDir: string | null, firstPage: FirstPageWriter | null = null): StaticFiles {
  return {
    async serve(req, res, rawPath, access = { session: false }) {
      const method = req.method ?? 'GET';
      let segments: string[];
      try {
        segments = safeSegments(rawPath);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        sendDetail(res, error.status, error.message);
        return;
      }

      const root = staticDir === null ? null : await realpath(staticDir).catch(() => null);
      const index = root === null ? null : await regularFile(join(root, 'index.html'));
      if (root === null || index === null) {
        sendHtml(res, 503, NOT_BUILT_PAGE, method);
        return;
      }

      if (segments.length > 0) {
        // Dotfiles are never part of a build; treat them as absent rather than serve them.
        if (segments.some((segment) => segment.startsWith('.'))) {
          sendDetail(res, 404, 'Not found');
          return;
        }
        const file = resolve(root, ...segments);
        if (!isInside(root, file)) {
          sendDetail(res, 400, 'Path not allowed');
          return;
        }
        const found = await regularFile(file);
        // A symlink inside the build must not lead outside it either.
        const real = found ? await realpath(file).catch(() => null) : null;
        if (found && real !== null && isInside(root, real)) {
          const cache = rawPath.startsWith(ASSETS_PREFIX) ? 'public, max-age=31536000, immutable' : 'no-cache';
          sendFile(req, res, real, found.size, cache);
          return;
        }
        if (rawPath.startsWith(ASSETS_PREFIX)) {
          sendDetail(res, 404, 'Not found');
          return;
        }
      }
      // `/` and client-side routes get the app's page.
      if (firstPage && access.session && req.method === 'GET' && (await sendFirstPage(req, res, join(root, 'index.html'), firstPage))) return;
      sendFile(req, res, join(root, 'index.html'), index.size, 'no-store');
    },
  };
}
