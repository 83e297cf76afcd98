import type { MessageRole, PlainCommandName } from './ast';
import { writeValue } from './write-value';

interface Lines {
  /** Where the node was; a gap between one node's endLine and the next's line keeps one blank line. */
  line?: number;
  endLine?: number;
}

/** What format needs of a node: parsed nodes qualify, and so do hand-built ones without positions. */
export type FormatNode = Lines &
  (
    | { kind: 'comment'; text: string }
    | { kind: 'command'; command: PlainCommandName; value: string }
    | { kind: 'command'; command: 'parameter'; name: string; value: string }
    | { kind: 'command'; command: 'message'; role: MessageRole; value: string }
  );

/** Thrown by `format` for a value no quoting can write (never for a value that came from `parse`). */
export class UnwritableValueError extends Error {
  override readonly name = 'UnwritableValueError';
  constructor(
    readonly node: FormatNode,
    readonly value: string,
  ) {
    super(`the value of ${describe(node)} cannot be written so that Ollama reads it back unchanged`);
  }
}

/**
 * Canonical text, as Ollama's formatter writes it (parser.go `Modelfile.String`): one command per
 * line, command words upper-case, values quoted only when needed. Unlike Ollama's, it keeps
 * comments and one blank line where the source had any, and it also quotes FROM when needed, so
 * that `parse(format(m))` always gives the commands of `m`.
 */
export function format(modelfile: { nodes: readonly FormatNode[] }): string {
  const out: string[] = [];
  let previousEnd: number | undefined;
  for (const node of modelfile.nodes) {
    if (previousEnd !== undefined && node.line !== undefined && node.line > previousEnd + 1) out.push('');
    out.push(node.kind === 'comment' ? formatComment(node.text) : formatCommand(node));
    previousEnd = node.endLine ?? node.line;
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function formatComment(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .map((line) => (line.trimStart().startsWith('#') ? line.trimStart() : `# ${line}`.trimEnd()))
    .join('\n');
}

function formatCommand(node: Exclude<FormatNode, { kind: 'comment' }>): string {
  const value = writeValue(node.value);
  if (value === undefined) throw new UnwritableValueError(node, node.value);
  switch (node.command) {
    case 'parameter':
      return `PARAMETER ${node.name} ${value}`;
    case 'message':
      return `MESSAGE ${node.role} ${value}`;
    default:
      return `${node.command.toUpperCase()} ${value}`;
  }
}

function describe(node: FormatNode): string {
  const where = node.line === undefined ? '' : ` on line ${node.line}`;
  if (node.kind === 'comment') return `a comment${where}`;
  if (node.command === 'parameter') return `PARAMETER ${node.name}${where}`;
  if (node.command === 'message') return `MESSAGE ${node.role}${where}`;
  return `${node.command.toUpperCase()}${where}`;
}
