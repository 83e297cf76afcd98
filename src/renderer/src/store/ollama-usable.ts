import type { AppState } from './app-state';

/**
 * The one answer to "can an action that needs Ollama run now?", for every such button (Create,
 * Rebuild, Retry, Pull, Load, Send, Sync now): null when it can, else why not, in words for a
 * tooltip. It follows the connection the main side reports, which knows of a stop within seconds.
 */
export function selectOllamaUnavailable(s: AppState): string | null {
  const connection = s.sync?.connection;
  if (!connection || connection.status === 'unknown') {
    return `Checking whether Ollama answers${connection ? ` at ${connection.host}` : ''}…`;
  }
  if (connection.status === 'offline') return `Ollama is not reachable at ${connection.host}; start it with “ollama serve”.`;
  if (connection.status === 'error') return `Ollama at ${connection.host} answered with an error; see the message at the top of the window.`;
  return null;
}

export const selectOllamaUsable = (s: AppState): boolean => selectOllamaUnavailable(s) === null;
