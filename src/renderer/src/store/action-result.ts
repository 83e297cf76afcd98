import { toAppError, type AppError } from '../../../shared/errors';

/** What every store action resolves to, so a caller can show an error inline or ignore it knowing it was shown. */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

export async function attempt<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
