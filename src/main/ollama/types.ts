import type { OllamaModel, RunningModel, ShowResult } from '../../shared/contract';

/**
 * Everything the services need from Ollama. Failures are thrown as `AppError` with kind
 * `offline` (unreachable, timed out), `not_found` (404) or `ollama` (Ollama's own message kept).
 */
export interface OllamaGateway {
  /** The base URL used, e.g. `http://127.0.0.1:11434`. */
  readonly host: string;
  version(): Promise<string>;
  list(): Promise<OllamaModel[]>;
  running(): Promise<RunningModel[]>;
  show(model: string): Promise<ShowResult>;
  // ---------- lifecycle: load, unload, delete ----------
  /** Loads a model into memory (`/api/generate` without a prompt); `keepAlive` absent means Ollama's default. */
  load(model: string, keepAlive?: KeepAlive): Promise<void>;
  /** Unloads a model from memory at once (`keep_alive: 0`). */
  unload(model: string): Promise<void>;
  /** Deletes a model from Ollama (`/api/delete`); `not_found` when Ollama does not have it. */
  delete(model: string, options?: { signal?: AbortSignal }): Promise<void>;
  // ---------- lifecycle: versions, edit, delete, adopt ----------
  /** Copies a model under another name (`/api/copy`); `not_found` when Ollama does not have the source. */
  copy(source: string, destination: string): Promise<void>;
}

/** Ollama's keep_alive: seconds, or a Go duration ("30m"); negative keeps the model loaded until unloaded. */
export type KeepAlive = number | string;
