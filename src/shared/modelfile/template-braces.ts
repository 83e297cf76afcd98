/** A `{{` or `}}` without its partner in a TEMPLATE, by index into the template text. */
export interface BraceProblem {
  index: number;
  length: number;
  message: string;
}

/**
 * Go template actions are `{{ … }}`; an unclosed or stray delimiter makes Ollama reject the
 * template at create time (`template error: …`). This checks only the pairing, not the syntax.
 */
export function findUnbalancedBraces(template: string): BraceProblem[] {
  const problems: BraceProblem[] = [];
  let open = -1;
  for (let i = 0; i < template.length - 1; i++) {
    if (template.startsWith('{{', i)) {
      if (open >= 0) problems.push({ index: open, length: 2, message: '"{{" is not closed before the next "{{"' });
      open = i;
      i++;
    } else if (template.startsWith('}}', i)) {
      if (open < 0) problems.push({ index: i, length: 2, message: '"}}" has no "{{" before it' });
      open = -1;
      i++;
    }
  }
  if (open >= 0) problems.push({ index: open, length: 2, message: '"{{" is never closed with "}}"' });
  return problems;
}
