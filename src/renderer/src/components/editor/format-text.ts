import { format, parse, UnwritableValueError } from '../../../../shared/modelfile';

export type FormatResult = { ok: true; text: string } | { ok: false; message: string };

/** The canonical layout of a Modelfile, or why it cannot be had (a syntax error stops formatting). */
export function formatModelfileText(text: string, lineBreak = '\n'): FormatResult {
  const parsed = parse(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { ok: false, message: `Fix line ${line}, column ${column} first: ${message}` };
  }
  try {
    return { ok: true, text: format(parsed.modelfile).split(/\r\n|\r|\n/).join(lineBreak) };
  } catch (error) {
    if (error instanceof UnwritableValueError) return { ok: false, message: error.message };
    throw error;
  }
}
