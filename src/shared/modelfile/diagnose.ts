import type { Modelfile } from './ast';
import type { Diagnostic } from './diagnostic';
import { parse } from './parse';
import { validate } from './validate';
import type { ValidationContext } from './validate';

/**
 * Everything the editor shows for a text: the parse error if any, plus validation of what could be
 * read (before the error), sorted by position.
 */
export function diagnose(text: string, context: ValidationContext = {}): { modelfile: Modelfile; diagnostics: Diagnostic[] } {
  const result = parse(text);
  const found = validate(result.modelfile, context);
  if (result.ok) return { modelfile: result.modelfile, diagnostics: found };
  // A syntax error cuts the file short: a FROM may well follow it.
  const rest = found.filter((d) => d.code !== 'no-from');
  const diagnostics = [result.error, ...rest].sort((a, b) => a.from - b.from || a.to - b.to);
  return { modelfile: result.modelfile, diagnostics };
}
