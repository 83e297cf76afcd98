import type { ServerResponse } from 'node:http';
import { HTTP_RPC_PREFIX, isCallName, type Envelope, type Handlers } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import { statusForKind } from './error-status';
import { HttpError } from './http-error';
import { invokeCall } from '../rpc/invoke-call';
import { readJsonBody } from './json-body';
import { pathPattern } from './path-pattern';
import { sendJson } from './responses';
import type { Route } from './route';

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope): void {
  sendJson(res, status, envelope);
}

function sendError(res: ServerResponse, error: AppError, status = statusForKind(error.kind, 'rpc')): void {
  sendEnvelope(res, status, { ok: false, error: error.toData() });
}

export interface RpcRoutesOptions {
  /**
   * Whether `workspace.open` may switch the served folder. Off unless `serve` was started with
   * `--allow-workspace-switch`: over HTTP it would let a session open any folder and then read and
   * write files there through the Modelfile calls.
   */
  allowWorkspaceSwitch: boolean;
}

export const WORKSPACE_SWITCH_REFUSED =
  'This server keeps the workspace it was started with. To serve another folder, restart it with --workspace <folder>; to allow switching here, start it with --allow-workspace-switch.';

/**
 * `POST /rpc/<call>` for every call in the contract, answered with the envelope. One generic
 * route, not one per call, so a call added to the contract is reachable without touching HTTP.
 */
export function rpcRoutes(handlers: Handlers, options: RpcRoutesOptions): Route[] {
  return [
    {
      method: 'POST',
      path: pathPattern(`${HTTP_RPC_PREFIX}{call}`),
      auth: 'session',
      async handle({ req, res, params, log }) {
        const name = params.call ?? '';
        if (!isCallName(name)) {
          req.resume();
          sendError(res, new AppError('not_found', `Unknown call "${name}"`));
          return;
        }
        if (name === 'workspace.open' && !options.allowWorkspaceSwitch) {
          req.resume();
          sendError(res, new AppError('forbidden', WORKSPACE_SWITCH_REFUSED));
          return;
        }
        let body: unknown;
        try {
          body = await readJsonBody(req);
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          sendError(res, new AppError('validation', error.message), error.status);
          return;
        }
        try {
          const value = await invokeCall(handlers, name, body ?? {}, log);
          sendEnvelope(res, 200, { ok: true, value });
        } catch (error) {
          sendError(res, toAppError(error));
        }
      },
    },
  ];
}
