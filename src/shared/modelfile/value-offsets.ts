import type { CommandNode } from './ast';
import { isBlank, isNewline, isPrint } from './characters';

/**
 * The source offset of `index` in a command's value. The value is the source text between its
 * quotes minus the characters the parser drops, so the walk skips those.
 */
export function valueIndexToOffset(source: string, node: CommandNode, index: number): number {
  const start = node.valueSpan.from + node.quote.length;
  if (source.startsWith(node.value, start)) return start + index;
  let kept = 0;
  let offset = start;
  while (offset < source.length) {
    const width = (source.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
    const ch = source.slice(offset, offset + width);
    if (isPrint(ch) || isBlank(ch) || isNewline(ch)) {
      if (kept >= index) return offset;
      kept += width;
    }
    offset += width;
  }
  return offset;
}
