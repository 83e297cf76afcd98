import { unexpectedReplyError } from './errors';

/**
 * One status object of a create or pull stream (api.ProgressResponse). `digest`, `total` and
 * `completed` are omitted by Ollama when empty or zero, so they are optional here too.
 */
export interface ProgressLine {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

/**
 * Checks a streamed object by hand rather than with zod: a pull can stream tens of thousands of
 * lines, and this runs for each one.
 */
export function toProgressLine(value: Record<string, unknown>, endpoint: string): ProgressLine {
  const { status, digest, total, completed } = value;
  if (typeof status !== 'string') throw unexpectedReplyError(endpoint, `a progress line has no "status": ${preview(value)}`);
  const line: ProgressLine = { status };
  if (typeof digest === 'string' && digest !== '') line.digest = digest;
  if (typeof total === 'number' && Number.isFinite(total)) line.total = total;
  if (typeof completed === 'number' && Number.isFinite(completed)) line.completed = completed;
  return line;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
