import { events, type ApiClient, type CallName, type PreloadApi } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import { unwrapEnvelope } from './unwrap-envelope';

/** The desktop transport: the preload's `window.api`, with every answer and event checked against the contract. */
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
      return api.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (!parsed.success) {
          console.error(`Ignored a malformed "${event}" event`, parsed.error);
          return;
        }
        listener(parsed.data as Parameters<typeof listener>[0]);
      });
    },
  };
}
