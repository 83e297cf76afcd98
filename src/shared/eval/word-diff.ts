import { type Change, diffLines, diffWordsWithSpace } from 'diff';

/**
 * Two outputs as a word-level diff for the side-by-side view. Diffing is worst-case quadratic, so
 * the work is capped: long or very different texts fall back to a line diff, and past that to
 * "all of it changed", so the UI never hangs on a runaway output.
 */

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Per side; beyond it words are too many to diff in a frame or two. */
export const WORD_DIFF_MAX_CHARS = 50_000;
/** Edits beyond these mean the texts barely relate: a finer diff would not help the reader. */
const MAX_WORD_EDITS = 2_000;
const MAX_LINE_EDITS = 5_000;
/** A last guard against slow machines: give up on a finer diff after this long. */
const TIMEOUT_MS = 300;

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const small = before.length <= WORD_DIFF_MAX_CHARS && after.length <= WORD_DIFF_MAX_CHARS;
  const changes =
    (small ? diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS, timeout: TIMEOUT_MS }) : undefined) ??
    diffLines(before, after, { maxEditLength: MAX_LINE_EDITS, timeout: TIMEOUT_MS }) ??
    wholesale(before, after);
  return merge(changes);
}

function wholesale(before: string, after: string): Change[] {
  return [
    { value: before, removed: true, added: false, count: 1 },
    { value: after, removed: false, added: true, count: 1 },
  ];
}

/** Adjacent parts of one kind become one; empty parts go. Removals stay before additions. */
function merge(changes: readonly Change[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of changes) {
    if (change.value === '') continue;
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}
