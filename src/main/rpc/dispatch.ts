import { calls, isCallName, type Envelope, type Handlers } from '../../shared/contract';
import { AppError, toAppError, validationError } from '../../shared/errors';

/**
 * One call through the contract, for every transport: validate the input, run the handler,
 * check the output, and answer with an envelope so an error keeps its kind and fields.
 */
export async function dispatchCall(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  onInternalError?: (error: unknown) => void,
): Promise<Envelope> {
  try {
    if (!isCallName(name)) throw new AppError('not_found', `Unknown call "${name}"`);
    const spec = calls[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(`input for ${name}`, parsed.error);
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    // A handler that returns the wrong shape is a bug: report it, never pass bad data on.
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      throw new AppError('internal', `The app produced an invalid answer for ${name}: ${checked.error.issues[0]?.message ?? 'unknown'}`);
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'internal') onInternalError?.(error);
    return { ok: false, error: appError.toData() };
  }
}
