import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { Registry } from '../../shared/registry';
import type { EventBus } from '../events';
import { createLocalApi, headlessLocalApi, type KeyValueSettings } from '../http/local-api';
import { ChatService } from './chat-service';
import { ConversationStore } from './conversation-store';
import { chatHandlers } from './handlers';
import { stallOptionsOf, type OllamaLink } from '../ollama/ollama-link';
import type { CapabilityLookup } from '../facts/capability-lookup';
import { streamOllamaChat } from './ollama-chat';
import { thinkGated } from './think-gated';
import type { ChatProxyBackend } from './proxy-backend';

/**
 * Chat as one piece for the services composition: the conversation service, its handlers, the
 * backend of the OpenAI-compatible routes, and (desktop only) the local API server switch.
 */

export interface ChatFeatureOptions {
  mode: 'desktop' | 'headless';
  /** App data folder: conversations live in `<dataDir>/conversations`. */
  dataDir: string;
  bus: EventBus;
  /** The Ollama host, fetch and time limits in use now (they follow the Settings). */
  ollamaLink: () => OllamaLink;
  /** With several hosts: which one answers for a model (see ChatHosts); absent: always `ollamaLink`. */
  hosts?: ChatHosts;
  registry: () => Registry | null;
  settings: KeyValueSettings;
  /** What a model can do; absent or unknown: it is never sent `think: true`. */
  capabilities?: CapabilityLookup;
  log?: (line: string) => void;
}

export interface ChatFeature {
  handlers: ReturnType<typeof chatHandlers>;
  service: ChatService;
  chatProxy: ChatProxyBackend;
  /** Starts the desktop local API if the user turned it on; call once the handler table is whole. */
  attach(handlers: Handlers): Promise<void>;
  /** Headless: tells Settings where `serve` listens and its API key (no-op on the desktop). */
  announceHeadlessApi(address: { url: string; port: number; apiKey: string }): void;
  /** Stops replies (saving what they wrote) and the local API. */
  stop(): Promise<void>;
}

/** Where a chat goes when there are several Ollama hosts. */
export interface ChatHosts {
  /** The host that has the model, the primary first; the primary when none is known to have it. */
  route(model: string): { name: string; link: OllamaLink };
  /** A host known to have the model, or null. */
  having(model: string): string | null;
}

export const CONVERSATIONS_DIR = 'conversations';

export function createChatFeature(options: ChatFeatureOptions): ChatFeature {
  const log = options.log ?? ((line: string) => console.error(line));
  const stream: ChatProxyBackend['stream'] = (request, signal, onWaiting, onHost) => {
    const routed = options.hosts?.route(request.model) ?? null;
    const link = routed?.link ?? options.ollamaLink();
    if (routed) onHost?.(routed.name);
    const lookup = options.capabilities ?? (async () => null);
    // Chat and the proxy both come through here: the one place `think` is checked before it goes out.
    return thinkGated(request, () => lookup(request.model, routed?.name), (gated) =>
      streamOllamaChat(link.host, gated, { signal, fetch: link.fetch, stall: stallOptionsOf(link.timeouts, onWaiting) }),
    );
  };
  const capabilities = options.capabilities;
  const hosts = options.hosts;
  const chatProxy: ChatProxyBackend = {
    registry: options.registry,
    stream,
    capabilities: (model) => capabilities?.(model, options.hosts?.route(model).name) ?? Promise.resolve(null),
    ...(hosts ? { having: (model: string) => hosts.having(model) } : {}),
  };
  const service = new ChatService({
    store: new ConversationStore(join(options.dataDir, CONVERSATIONS_DIR), log),
    bus: options.bus,
    stream,
    registry: options.registry,
    log,
  });
  const headless = options.mode === 'desktop' ? null : headlessLocalApi();
  const localApi = headless ?? createLocalApi({ settings: options.settings, bus: options.bus, chatProxy, log });
  return {
    handlers: chatHandlers({ service, localApi }),
    announceHeadlessApi: (address) => headless?.announce(address),
    service,
    chatProxy,
    attach: (handlers) => localApi.start(handlers),
    async stop() {
      await Promise.all([service.stopAll(), localApi.stop()]);
    },
  };
}
