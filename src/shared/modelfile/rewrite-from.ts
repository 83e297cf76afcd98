import { commandsOf, type CommandNode } from './ast';
import { looksLikePath } from './looks-like-path';
import { parse } from './parse';
import { writeValue } from './write-value';

/**
 * Pointing a Modelfile at another base model as a precise edit: only the value of the FROM that
 * decides the base is replaced (written as Ollama's parser reads it back), every other byte of the
 * file stays as it was: comments, blank lines, quoting, line endings.
 */

export type RewriteFromResult =
  | {
      ok: true;
      text: string;
      /** False when the FROM already named `base`. */
      changed: boolean;
      /** The FROM value replaced; null when the file had no FROM and one was added at the top. */
      previous: string | null;
    }
  /** The file does not parse: where its FROM is cannot be told for sure, so nothing is changed. */
  | { ok: false; reason: string };

/** The FROM that decides the base: the last one naming a model, else the last one. */
function deciding(froms: CommandNode[]): CommandNode | undefined {
  return froms.filter((node) => !looksLikePath(node.value.trim())).at(-1) ?? froms.at(-1);
}

/** The line break the file uses, for a FROM added at the top. */
function lineBreakOf(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match?.[0] ?? '\n';
}

export function rewriteFrom(text: string, base: string): RewriteFromResult {
  const value = writeValue(base);
  if (value === undefined) return { ok: false, reason: `"${base}" cannot be written as a FROM value` };
  const parsed = parse(text);
  if (!parsed.ok && parsed.error.code !== 'no-from') {
    return { ok: false, reason: `line ${parsed.error.line}: ${parsed.error.message}` };
  }
  const target = deciding(commandsOf(parsed.modelfile).filter((node) => node.command === 'from'));
  if (!target) return { ok: true, text: `FROM ${value}${lineBreakOf(text)}${text}`, changed: true, previous: null };
  if (target.value === base) return { ok: true, text, changed: false, previous: target.value };
  const { from, to } = target.valueSpan;
  // A FROM with no value has an empty span right after the keyword: keep one blank between them.
  const gap = from === to && !/[ \t]$/.test(text.slice(0, from)) ? ' ' : '';
  return { ok: true, text: `${text.slice(0, from)}${gap}${value}${text.slice(to)}`, changed: true, previous: target.value };
}
