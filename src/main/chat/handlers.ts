import type { Handlers } from '../../shared/contract';
import type { LocalApiControl } from '../http/local-api';
import type { ChatService } from './chat-service';

export type ChatCallName =
  | 'chat.list'
  | 'chat.get'
  | 'chat.send'
  | 'chat.regenerate'
  | 'chat.resend'
  | 'chat.stop'
  | 'chat.update'
  | 'chat.rename'
  | 'chat.delete'
  | 'localApi.get'
  | 'localApi.update';

/** The contract's chat and local-API calls, spread into the app's handler table. */
export function chatHandlers(deps: { service: ChatService; localApi: LocalApiControl }): Pick<Handlers, ChatCallName> {
  const { service, localApi } = deps;
  return {
    'chat.list': ({ query }) => service.list(query),
    'chat.get': ({ id }) => service.get(id),
    'chat.send': (input) => service.send(input),
    'chat.regenerate': ({ conversationId, lane }) => service.regenerate(conversationId, lane),
    'chat.resend': ({ conversationId, messageId, content }) => service.resend(conversationId, messageId, content),
    'chat.stop': async ({ conversationId }) => ({ stopped: await service.stop(conversationId) }),
    'chat.update': ({ id, patch }) => service.update(id, patch),
    'chat.rename': ({ id, title }) => service.rename(id, title),
    'chat.delete': async ({ id }) => {
      await service.delete(id);
      return { id };
    },
    'localApi.get': async () => localApi.state(),
    'localApi.update': (patch) => localApi.update(patch),
  };
}
