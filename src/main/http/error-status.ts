import type { ErrorKind } from '../../shared/errors';

/**
 * The HTTP status for each error kind. The app's RPC and the seed's FastAPI routes agree on all
 * but validation, where FastAPI answers 422. `cancelled` has no standard status (nginx's 499 is
 * not one), so it is the conflict it is: the work was stopped by something else.
 */
const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  read_only: 409,
  busy: 503,
  forbidden: 403,
  offline: 503,
  ollama: 502,
  stalled: 504,
  cancelled: 409,
  internal: 500,
};

export type ErrorStyle = 'rpc' | 'fastapi';

export function statusForKind(kind: ErrorKind, style: ErrorStyle): number {
  if (kind === 'validation' && style === 'fastapi') return 422;
  return STATUS_BY_KIND[kind];
}
