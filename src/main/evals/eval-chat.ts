import type { RunResult } from '../../shared/eval/run-record';
import { unexpectedReplyError } from '../ollama/errors';
import { cancelledError } from '../ollama/ndjson';
import { stallOptionsOf, type OllamaLink } from '../ollama/ollama-link';
import { postNdjson } from '../ollama/stream-request';

/**
 * One evaluation request: a streamed POST /api/chat over the app's Ollama link (its connection
 * limits, its stall watchdog, its error words), with `think` and `format` beside the options as
 * Ollama takes them, timed as it streams. Chat's own streamer carries neither field nor the
 * thinking text, so this reads the same NDJSON stream with its own small line reader.
 */

const ENDPOINT = '/api/chat';
const NS_PER_MS = 1_000_000;

export interface EvalChatRequest {
  model: string;
  request: RunResult['request'];
  /** A JSON schema the answer must follow (the judge's grade). */
  format?: Record<string, unknown>;
}

export interface EvalAnswer {
  output: string;
  thinking: string | null;
  doneReason: string | null;
  promptTokens: number | null;
  outputTokens: number | null;
  /** From sending the request to the first content or thinking token (measured here). */
  timeToFirstTokenMs: number | null;
  /** Ollama's eval_count over eval_duration. */
  tokensPerSecond: number | null;
  /** From sending the request to the final chunk (measured here: what "answered within N s" means). */
  totalMs: number;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

export async function evalChat(
  link: OllamaLink,
  input: EvalChatRequest,
  signal: AbortSignal,
  onWaiting?: (silentSeconds: number | null) => void,
  now: () => number = () => performance.now(),
): Promise<EvalAnswer> {
  const body = {
    model: input.model,
    messages: input.request.messages,
    options: input.request.options,
    think: input.request.think,
    ...(input.format ? { format: input.format } : {}),
    stream: true,
  };
  const started = now();
  let firstAt: number | null = null;
  const output: string[] = [];
  const thinking: string[] = [];
  const options = { signal, fetch: link.fetch, stall: stallOptionsOf(link.timeouts, onWaiting) };
  let answer: EvalAnswer | null = null;
  try {
    for await (const line of postNdjson(link.host, ENDPOINT, body, options)) {
      // Ollama ends the body right after the final chunk. Reading on to that end, rather than
      // cancelling the body, keeps the connection for the next case (a cancel closes it).
      if (answer !== null) continue;
      const message = line.message as { content?: unknown; thinking?: unknown } | undefined;
      const content = typeof message?.content === 'string' ? message.content : '';
      const thought = typeof message?.thinking === 'string' ? message.thinking : '';
      if (firstAt === null && (content !== '' || thought !== '')) firstAt = now();
      if (content !== '') output.push(content);
      if (thought !== '') thinking.push(thought);
      if (line.done !== true) continue;
      const evalCount = count(line.eval_count);
      const evalDuration = count(line.eval_duration);
      answer = {
        output: output.join(''),
        thinking: thinking.length > 0 ? thinking.join('') : null,
        doneReason: typeof line.done_reason === 'string' ? line.done_reason : null,
        promptTokens: count(line.prompt_eval_count),
        outputTokens: evalCount,
        timeToFirstTokenMs: firstAt === null ? null : firstAt - started,
        tokensPerSecond: evalCount !== null && evalDuration !== null && evalDuration > 0 ? evalCount / (evalDuration / NS_PER_MS / 1000) : null,
        totalMs: now() - started,
      };
    }
  } catch (error) {
    // The answer was whole: what happens to the connection after it is not a failure.
    if (answer === null) throw error;
  }
  if (answer !== null) return answer;
  if (signal.aborted) throw cancelledError({ host: link.host, endpoint: ENDPOINT });
  throw unexpectedReplyError(ENDPOINT, 'the stream ended before the final chunk');
}
