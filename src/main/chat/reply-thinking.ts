import type { ChatMessage } from '../../shared/chat';
import { DeltaBatcher } from './delta-batcher';

/**
 * A reply's thinking while it streams: batched into `chat.delta` events like its text, kept
 * whole for the saved message, and timed from the first thought to the last ("Thought for N s").
 */
export class ReplyThinking {
  private text = '';
  private firstAt: number | null = null;
  private lastAt: number | null = null;
  private readonly batcher: DeltaBatcher;

  constructor(
    emit: (thinking: string) => void,
    frameMs: number,
    private readonly clock: () => number,
  ) {
    this.batcher = new DeltaBatcher(emit, frameMs);
  }

  push(text: string): void {
    const now = this.clock();
    this.firstAt ??= now;
    this.lastAt = now;
    this.text += text;
    this.batcher.push(text);
  }

  flush(): void {
    this.batcher.flush();
  }

  /** The saved message's fields: none when the model did not think. */
  fields(): Pick<ChatMessage, 'thinking' | 'thinkingMs'> {
    if (this.text === '' || this.firstAt === null || this.lastAt === null) return {};
    return { thinking: this.text, thinkingMs: Math.max(0, this.lastAt - this.firstAt) };
  }
}
