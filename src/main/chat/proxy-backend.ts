import type { Registry } from '../../shared/registry';
import type { ChatStreamer } from './ollama-chat';

/**
 * What the OpenAI-compatible routes need: the registry (only its configured, available models
 * are served) and a way to stream a chat from Ollama. No conversations: programs keep their own.
 */
export interface ChatProxyBackend {
  /** The open workspace's registry; null when none could be read. */
  registry(): Registry | null;
  stream: ChatStreamer;
  /** A host known to have the model now (another host may serve what the primary lacks); null: none. */
  having?(model: string): string | null;
  /** The model's capabilities on the host that would answer; null when unknown. */
  capabilities?(model: string): Promise<string[] | null>;
}
