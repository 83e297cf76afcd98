/**
 * A small stand-in for Go's text/template parser, enough to reject what Ollama's create rejects
 * with "template error: …" in everyday mistakes: an action left open, an `end` or `else` with no
 * block, a block never closed. Error texts follow Go's `template: :<line>: …` form.
 */

const BLOCK_OPENERS = new Set(['if', 'range', 'with', 'block', 'define']);

export function templateProblem(template: string): string | null {
  const stack: number[] = [];
  let index = 0;
  const lineAt = (at: number): number => template.slice(0, at).split('\n').length;
  for (;;) {
    const open = template.indexOf('{{', index);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return `template: :${lineAt(open)}: unclosed action`;
    const action = template
      .slice(open + 2, close)
      .replace(/^-\s|\s-$/g, '')
      .trim();
    const word = /^[a-z]+/.exec(action)?.[0] ?? '';
    if (action.startsWith('/*')) {
      // a comment
    } else if (BLOCK_OPENERS.has(word)) {
      stack.push(lineAt(open));
    } else if (word === 'end') {
      if (stack.pop() === undefined) return `template: :${lineAt(open)}: unexpected {{end}}`;
    } else if (word === 'else') {
      if (stack.length === 0) return `template: :${lineAt(open)}: unexpected {{else}}`;
    }
    index = close + 2;
  }
  if (stack.length > 0) return `template: :${lineAt(template.length)}: unexpected EOF`;
  return null;
}
