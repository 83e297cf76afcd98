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
}
