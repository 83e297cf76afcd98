/** A message cut into plain text and `code` spans, so a backtick never reaches the screen. */
export type MessagePart = { code: boolean; text: string };

/**
 * Messages from the main side mark commands and names with backticks (`ollama serve`), as in
 * Markdown. Paired backticks become code spans; an unpaired one is dropped rather than shown.
 */
export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (let match = pattern.exec(message); match; match = pattern.exec(message)) {
    if (match.index > last) parts.push({ code: false, text: message.slice(last, match.index) });
    parts.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < message.length) parts.push({ code: false, text: message.slice(last) });
  return parts.map((part) => (part.code ? part : { code: false, text: part.text.replaceAll('`', '') })).filter((part) => part.text !== '');
}
