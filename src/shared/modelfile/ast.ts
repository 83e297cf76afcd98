import type { Span } from './span';

/** Commands in the order Ollama's parser lists them in its error message (parser/parser.go). */
export const COMMAND_NAMES = [
  'from',
  'license',
  'template',
  'system',
  'adapter',
  'draft',
  'renderer',
  'parser',
  'parameter',
  'message',
  'requires',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
/** Commands whose whole argument is one value. */
export type PlainCommandName = Exclude<CommandName, 'parameter' | 'message'>;

export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export function isCommandName(word: string): word is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(word);
}

export function isMessageRole(word: string): word is MessageRole {
  return (MESSAGE_ROLES as readonly string[]).includes(word);
}

/** How a value was written: bare, `"…"` or `"""…"""`. */
export type ValueQuote = '' | '"' | '"""';

interface CommandBase extends Span {
  kind: 'command';
  /** The command word as written (any case). */
  keywordSpan: Span;
  /** The value with its outer quotes removed: what Ollama uses. */
  value: string;
  /** The value as written, quotes included; an empty span where the command word or name ends when there is none. */
  valueSpan: Span;
  quote: ValueQuote;
}

export interface PlainCommand extends CommandBase {
  command: PlainCommandName;
}

export interface ParameterCommand extends CommandBase {
  command: 'parameter';
  /** Case-sensitive, as written; may be empty (`PARAMETER  x`), which Ollama's parser accepts. */
  name: string;
  nameSpan: Span;
}

export interface MessageCommand extends CommandBase {
  command: 'message';
  role: MessageRole;
  roleSpan: Span;
}

export type CommandNode = PlainCommand | ParameterCommand | MessageCommand;

/** A `#` line, kept so that formatting does not lose it. Ollama itself drops comments. */
export interface CommentNode extends Span {
  kind: 'comment';
  /** From `#` to the end of the line. */
  text: string;
}

export type ModelfileNode = CommandNode | CommentNode;

export interface Modelfile {
  /** The text that was parsed; positions refer to it. */
  source: string;
  /** Commands and comments in source order. Blank lines are the gaps between their lines. */
  nodes: ModelfileNode[];
}

export function commandsOf(modelfile: { nodes: readonly ModelfileNode[] }): CommandNode[] {
  return modelfile.nodes.filter((node): node is CommandNode => node.kind === 'command');
}
