/**
 * Where to cut a long model name so that truncation keeps what tells names apart. Versions and
 * tags live at the end ("… Manager v2", "…-manager-v2", ":30b"), so the name is split into a head
 * that may shrink behind an ellipsis and a tail that always shows: the last words, up to
 * TAIL_MAX characters, starting at a separator. Short names are not split.
 */
const TAIL_MAX = 12;
const SHORT = 16;
const SEPARATORS = new Set([' ', ':', '-', '/', '_', '.', '(']);

export function splitForMiddle(text: string): [head: string, tail: string] {
  if (text.length <= SHORT) return [text, ''];
  for (let i = Math.max(1, text.length - TAIL_MAX); i < text.length - 1; i++) {
    if (SEPARATORS.has(text[i]!)) return [text.slice(0, i), text.slice(i)];
  }
  // One long last word: keep its end.
  const cut = text.length - Math.min(8, Math.floor(text.length / 3));
  return [text.slice(0, cut), text.slice(cut)];
}

/**
 * `text` in at most `max` characters, cut in the middle where only plain text can be shown (a
 * native <option>): the head, an ellipsis, then the tail splitForMiddle keeps (at most half the
 * room). Unchanged when it fits.
 */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const [, tail] = splitForMiddle(text);
  const end = tail.slice(Math.max(0, tail.length - Math.floor(max / 2)));
  return `${text.slice(0, Math.max(1, max - 1 - end.length)).trimEnd()}…${end}`;
}
