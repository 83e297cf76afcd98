import { commandsOf, type ParameterCommand } from './ast';
import { format } from './format';
import { parse } from './parse';
import { writeValue } from './write-value';

/**
 * Setting one PARAMETER as a precise edit, like `rewriteFrom`: the value of the last
 * `PARAMETER name` (the one Ollama keeps) is replaced, written as the parser reads it back;
 * without one, a line made by the formatter is added after the last PARAMETER, else at the end.
 * Every other byte stays as it was.
 */

export type SetParameterResult = { ok: true; text: string; changed: boolean; previous: string | null } | { ok: false; reason: string };

function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

export function setParameter(text: string, name: string, value: string): SetParameterResult {
  if (writeValue(value) === undefined) return { ok: false, reason: `"${value}" cannot be written as a PARAMETER value` };
  const parsed = parse(text);
  if (!parsed.ok && parsed.error.code !== 'no-from') {
    return { ok: false, reason: `line ${parsed.error.line}: ${parsed.error.message}` };
  }
  const parameters = commandsOf(parsed.modelfile).filter((node): node is ParameterCommand => node.command === 'parameter');
  const target = parameters.filter((node) => node.name === name).at(-1);
  if (target) {
    if (target.value === value) return { ok: true, text, changed: false, previous: target.value };
    const { from, to } = target.valueSpan;
    const gap = from === to && !/[ \t]$/.test(text.slice(0, from)) ? ' ' : '';
    return { ok: true, text: `${text.slice(0, from)}${gap}${writeValue(value)}${text.slice(to)}`, changed: true, previous: target.value };
  }
  const eol = lineBreakOf(text);
  const line = format({ nodes: [{ kind: 'command', command: 'parameter', name, value }] }).replace(/\n$/, '');
  const after = parameters.at(-1);
  if (after) {
    // After the end of the last PARAMETER's line.
    const lineEnd = text.indexOf('\n', after.valueSpan.to);
    const at = lineEnd === -1 ? text.length : lineEnd + 1;
    const head = text.slice(0, at);
    return { ok: true, text: `${head}${lineEnd === -1 ? eol : ''}${line}${eol}${text.slice(at)}`, changed: true, previous: null };
  }
  const body = text === '' || /(\r\n|\r|\n)$/.test(text) ? text : `${text}${eol}`;
  return { ok: true, text: `${body}${line}${eol}`, changed: true, previous: null };
}
