import type { ApiClient, CallName, EventPayload, PreloadApi } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import { unwrapEnvelope } from './unwrap-envelope';

/** The desktop transport: the preload's `window.api` (main checks every answer against the contract before sending it). */
export function createIpcClient(api: PreloadApi): ApiClient {
  return {
    async call(name, input) {
      let raw: unknown;
      try {
        raw = await api.calls[name as CallName](input);
      } catch (error) {
        // An IPC failure (handler missing, channel closed) has no envelope: keep its message.
        throw toAppError(error);
      }
      return unwrapEnvelope(name, raw);
    },
    on(event, listener) {
      // Events come from main's typed bus, like answers: trusted, not parsed again.
      return api.subscribe(event, (payload) => listener(payload as EventPayload<typeof event>));
    },
  };
}
