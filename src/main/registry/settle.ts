import type { ParsedRegistry } from './parse';
import { sameRead, type RegistryText } from './read-file';

/**
 * How long a file that fails to parse right after a change is given to settle: an editor that
 * saves in place truncates the file and then writes it, and a reader can land in between. Only a
 * file still invalid after these waits is declared invalid (and copied aside).
 */
export interface SettleOptions {
  tries: number;
  delayMs: number;
}

export const DEFAULT_SETTLE: SettleOptions = { tries: 25, delayMs: 20 };

export interface Settled {
  read: RegistryText;
  parsed: ParsedRegistry | null;
}

/** Not worth trusting yet: it does not parse, or it changed while being read. */
function unsettled(read: RegistryText, parsed: ParsedRegistry | null): boolean {
  return (parsed !== null && !parsed.ok) || (read.kind === 'text' && read.settled === false);
}

/**
 * The settle loop, once for both callers: starting from `first`, re-reads while the file is
 * unsettled, up to `options.tries` times. It yields each wait (in ms) to its runner, so the
 * constructor can block (`settleSync`) and everything else can await (`settleAsync`).
 * Returns null when a re-read fails (`read` reported that already).
 */
export function* settleSteps(
  first: RegistryText,
  read: () => RegistryText | null,
  parse: (read: RegistryText) => ParsedRegistry | null,
  options: SettleOptions,
): Generator<number, Settled | null, void> {
  let current = first;
  let parsed = parse(current);
  for (let i = 0; unsettled(current, parsed) && i < options.tries; i++) {
    yield options.delayMs;
    const again = read();
    if (!again) return null;
    if (!sameRead(again, current)) parsed = parse(again);
    current = again;
  }
  return { read: current, parsed };
}

export function settleSync<R>(steps: Generator<number, R, void>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    sleepSync(step.value);
  }
}

export async function settleAsync<R>(steps: Generator<number, R, void>): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setTimeout(resolve, step.value));
  }
}

/** Blocks the thread: only for the store's constructor, which cannot await. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
