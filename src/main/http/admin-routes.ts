import type { ServerResponse } from 'node:http';
import type { Handlers } from '../../shared/contract';
import { toAppError, type AppError } from '../../shared/errors';
import type { EventBus } from '../events';
import { adminCreateRoute } from './admin-create-route';
import { statusForKind } from './error-status';
import { HttpError } from './http-error';
import { invokeCall } from '../rpc/invoke-call';
import { readJsonBody } from './json-body';
import { pathPattern } from './path-pattern';
import { sendDetail, sendJson } from './responses';
import type { Route, RouteContext } from './route';

/**
 * The seed's FastAPI admin API, same paths and shapes (`{"status":"success",…}` on success,
 * `{"detail": "…"}` on failure, 422 for invalid input), served by the contract's handlers.
 */

/** `patch.show_in_ui` → `show_in_ui`: the admin caller sent the body, not our wrapper object. */
function bodyPath(path: string, wrapper: string): string {
  if (path === wrapper) return '(body)';
  if (path.startsWith(`${wrapper}.`)) return path.slice(wrapper.length + 1);
  if (path.startsWith(`${wrapper}[`)) return path.slice(wrapper.length);
  return path;
}

function sendAppError(res: ServerResponse, error: AppError, wrapper: string): void {
  const status = statusForKind(error.kind, 'fastapi');
  if (error.kind === 'validation' && error.issues?.length) {
    const fields = error.issues.map((issue) => `${bodyPath(issue.path, wrapper)}: ${issue.message}`).join('; ');
    sendDetail(res, status, `Invalid request body: ${fields}`);
    return;
  }
  sendDetail(res, status, error.message);
}

/** The body of PUT and POST: a JSON value, or a FastAPI-like 422/400/413 already sent. */
async function readBody({ req, res }: RouteContext): Promise<{ body: unknown } | null> {
  try {
    const body = await readJsonBody(req);
    if (body !== undefined) return { body };
    sendDetail(res, 422, 'Request body is required: send a JSON object');
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendDetail(res, error.status, error.message);
  }
  return null;
}

export function adminRoutes(handlers: Handlers, bus: EventBus): Route[] {
  return [
    adminCreateRoute(handlers, bus),
    {
      method: 'GET',
      path: pathPattern('/admin/models'),
      auth: 'token',
      async handle({ res, log }) {
        try {
          await invokeCall(handlers, 'sync.now', {}, log);
        } catch (error) {
          // Like the seed, listing syncs first; unlike it, an unreachable Ollama changes nothing.
          log(`[http] sync before GET /admin/models failed: ${toAppError(error).message}`);
        }
        try {
          const snapshot = await invokeCall(handlers, 'registry.get', {}, log);
          sendJson(res, 200, snapshot.registry);
        } catch (error) {
          sendAppError(res, toAppError(error), '');
        }
      },
    },
    {
      method: 'POST',
      path: pathPattern('/admin/models/add'),
      auth: 'token',
      async handle(context) {
        const read = await readBody(context);
        if (!read) return;
        try {
          const entry = await invokeCall(handlers, 'models.add', { entry: read.body }, context.log);
          sendJson(context.res, 200, { status: 'success', message: `Model ${entry.name} added to configuration` });
        } catch (error) {
          sendAppError(context.res, toAppError(error), 'entry');
        }
      },
    },
    {
      method: 'PUT',
      path: pathPattern('/admin/models/{name...}'),
      auth: 'token',
      async handle(context) {
        const name = context.params.name ?? '';
        const read = await readBody(context);
        if (!read) return;
        try {
          await invokeCall(handlers, 'models.update', { name, patch: read.body }, context.log);
          sendJson(context.res, 200, { status: 'success', message: `Model ${name} updated` });
        } catch (error) {
          const appError = toAppError(error);
          if (appError.kind === 'not_found') sendDetail(context.res, 404, `Model ${name} not found`);
          else sendAppError(context.res, appError, 'patch');
        }
      },
    },
  ];
}
