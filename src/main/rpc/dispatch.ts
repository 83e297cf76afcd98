import { isCallName, type Envelope, type Handlers } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import { invokeCall } from './invoke-call';

/**
 * One call as an envelope, for transports that cannot carry an error's kind and fields on their
 * own (IPC: Electron keeps only an error's message). The checks are invokeCall's, shared with HTTP.
 */
export async function dispatchCall(handlers: Handlers, name: string, rawInput: unknown, log: (line: string) => void): Promise<Envelope> {
  try {
    if (!isCallName(name)) throw new AppError('not_found', `Unknown call "${name}"`);
    return { ok: true, value: await invokeCall(handlers, name, rawInput ?? {}, log) };
  } catch (error) {
    return { ok: false, error: toAppError(error).toData() };
  }
}
