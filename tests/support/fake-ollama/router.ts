import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange, FakeContext } from './exchange';
import { isAllowedHostHeader } from './host-check';
import { JSON_CONTENT_TYPE, NDJSON_CONTENT_TYPE, pause, readBody, sendError, sendHugeLine, sendJson, sendRaw, sendText, untilAborted } from './http-io';
import { STREAMING_PATHS } from './faults';
import { handleCreateBlob, handleHeadBlob } from './routes-blobs';
import { handleCreate } from './routes-create';
import { handleChat, handleGenerate } from './routes-inference';
import { handleCopy, handleDelete, handlePs, handleShow, handleTags } from './routes-models';
import { handlePull } from './routes-pull';

/**
 * The API port's request pipeline, in Ollama's order: (artificial latency), the Host check that
 * runs for every request, gin's 404/405, then the route. Every request is recorded; queued
 * faults are applied before the handler (fail, hang, drop) or handed to the stream writer.
 */

type Handler = (ex: Exchange, raw: string, param: string) => void | Promise<void>;

interface Route {
  method: string;
  path: string | RegExp;
  handler: Handler;
  /** The handler reads the body itself (blob uploads are streamed, not buffered). */
  streamsBody?: boolean;
}

const running: Handler = (ex) => sendText(ex.res, 200, 'Ollama is running');
const version: Handler = (ex) => sendJson(ex.res, 200, { version: ex.ctx.settings.version });
const BLOB_PATH = /^\/api\/blobs\/([^/]+)$/;

const routes: Route[] = [
  { method: 'GET', path: '/', handler: running },
  { method: 'HEAD', path: '/', handler: running },
  { method: 'GET', path: '/api/version', handler: version },
  { method: 'HEAD', path: '/api/version', handler: version },
  { method: 'GET', path: '/api/tags', handler: handleTags },
  { method: 'HEAD', path: '/api/tags', handler: handleTags },
  { method: 'GET', path: '/api/ps', handler: handlePs },
  { method: 'POST', path: '/api/show', handler: handleShow },
  { method: 'DELETE', path: '/api/delete', handler: handleDelete },
  { method: 'POST', path: '/api/copy', handler: handleCopy },
  { method: 'POST', path: '/api/create', handler: handleCreate },
  { method: 'POST', path: '/api/pull', handler: handlePull },
  { method: 'POST', path: '/api/chat', handler: handleChat },
  { method: 'POST', path: '/api/generate', handler: handleGenerate },
  { method: 'HEAD', path: BLOB_PATH, handler: (ex, _raw, digest) => handleHeadBlob(ex, digest) },
  { method: 'POST', path: BLOB_PATH, handler: (ex, _raw, digest) => handleCreateBlob(ex, digest), streamsBody: true },
];

function matchPath(route: Route, path: string): string | null {
  if (typeof route.path === 'string') return route.path === path ? '' : null;
  const match = route.path.exec(path);
  return match ? decodeURIComponent(match[1] ?? '') : null;
}

function parseRecordedBody(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function modelOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const b = body as Record<string, unknown>;
  return String(b.model ?? b.name ?? '');
}

export async function handleApiRequest(ctx: FakeContext, req: IncomingMessage, res: ServerResponse, shutdown: AbortSignal): Promise<void> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://fake').pathname;
  const record = ctx.log.start(method, path, req.headers.host ?? null, req.headers.authorization ?? null);
  const controller = new AbortController();
  const ex: Exchange = { ctx, req, res, path, record, signal: controller.signal, fault: undefined, closedByServer: false };
  const onShutdown = (): void => {
    ex.closedByServer = true;
    controller.abort();
  };
  shutdown.addEventListener('abort', onShutdown, { once: true });
  res.on('close', () => {
    shutdown.removeEventListener('abort', onShutdown);
    if (res.headersSent) record.status = res.statusCode;
    if (!res.writableFinished && !ex.closedByServer) {
      record.cancelled = true;
      ctx.log.cancellations.push({ path, model: modelOf(record.body), lines: record.lines, at: new Date().toISOString() });
    }
    controller.abort();
  });

  try {
    await pause(ctx.settings.latencyMs, controller.signal);
    if (controller.signal.aborted) return;

    if (ctx.settings.bearerToken !== null && req.headers.authorization !== `Bearer ${ctx.settings.bearerToken}`) {
      // The reverse proxy's answer (nginx's shape), not Ollama's: Ollama never sees the request.
      req.resume();
      res.writeHead(401, { 'Content-Type': 'text/html', 'WWW-Authenticate': 'Bearer' });
      res.end('<html><head><title>401 Authorization Required</title></head></html>\n');
      return;
    }

    if (!isAllowedHostHeader(req.headers.host)) {
      req.resume();
      res.writeHead(403, { 'Content-Length': 0 });
      res.end();
      return;
    }

    const candidates = routes.filter((route) => matchPath(route, path) !== null);
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      req.resume();
      return candidates.length > 0 ? sendText(res, 405, '405 method not allowed') : sendText(res, 404, '404 page not found');
    }
    const param = matchPath(route, path) ?? '';

    let raw = '';
    if (!route.streamsBody) {
      const body = await readBody(req);
      record.bytes = body.length;
      raw = body.toString('utf8');
      record.raw = raw;
      record.body = parseRecordedBody(raw);
    }

    const fault = ctx.faults.take(path, method);
    if (fault?.kind === 'fail') {
      if (route.streamsBody) req.resume();
      return sendError(res, fault.status, fault.error);
    }
    if ((fault?.kind === 'hang' || fault?.kind === 'drop') && fault.afterLines === undefined) {
      if (fault.kind === 'drop') {
        ex.closedByServer = true;
        req.socket.destroy();
      } else {
        if (fault.drainBody && route.streamsBody) record.bytes = (await readBody(req)).length;
        await untilAborted(controller.signal);
      }
      return;
    }
    if (fault?.kind === 'reply') {
      if (route.streamsBody) req.resume();
      return sendRaw(res, fault.status ?? 200, fault.body, fault.contentType ?? JSON_CONTENT_TYPE);
    }
    if (fault?.kind === 'huge-line') {
      if (route.streamsBody) req.resume();
      return await sendHugeLine(res, fault.bytes, STREAMING_PATHS.has(path) ? NDJSON_CONTENT_TYPE : JSON_CONTENT_TYPE, controller.signal);
    }
    ex.fault = fault;

    await route.handler(ex, raw, param);
  } catch (error) {
    // A handler bug must show up as Ollama's generic 500, not as a hung request.
    if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : String(error));
    else res.destroy();
  }
}
