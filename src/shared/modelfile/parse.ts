import { isCommandName, isMessageRole } from './ast';
import type { CommandName, Modelfile, ModelfileNode, MessageRole } from './ast';
import { asciiLower, isAsciiDigit, isAsciiLetter, isBlank, isNewline, isPrint } from './characters';
import { modelfileError } from './diagnostic';
import type { DiagnosticCode, ModelfileError } from './diagnostic';
import { LineIndex } from './span';
import type { Span } from './span';
import { ValueReader } from './value-reader';

/**
 * The Modelfile grammar exactly as Ollama's parser implements it: a port of the state machine of
 * `ParseFile` in ollama/ollama parser/parser.go (read at fb30760996871fa9460115c753afd2c60d4ab0f7),
 * rewritten in TypeScript, with positions and comments added. Messages are Ollama's, without its
 * `(line N): ` prefix: the position says where.
 */

export const INVALID_COMMAND_MESSAGE =
  'command must be one of "from", "license", "template", "system", "adapter", "draft", "renderer", "parser", "parameter", "message", or "requires"';
export const INVALID_ROLE_MESSAGE = 'message role must be one of "system", "user", or "assistant"';
export const UNEXPECTED_EOF_MESSAGE = 'unexpected EOF';
export const NO_FROM_MESSAGE = 'no FROM line';

export type ParseResult =
  | { ok: true; modelfile: Modelfile }
  /** `modelfile` holds what was read before the error, so an editor can still highlight it. */
  | { ok: false; error: ModelfileError; modelfile: Modelfile };

type State = 'nil' | 'name' | 'parameter' | 'message' | 'value' | 'comment';

/** Parses Modelfile text. Never throws: every failure is a positioned error. */
export function parse(text: string): ParseResult {
  const lines = new LineIndex(text);
  const nodes: ModelfileNode[] = [];
  const modelfile: Modelfile = { source: text, nodes };
  const fail = (code: DiagnosticCode, message: string, from: number, to: number, hint?: string): ParseResult => ({
    ok: false,
    error: modelfileError(code, lines.span(from, to), message, hint),
    modelfile,
  });

  let state: State = 'nil';
  let word = ''; // Go's buffer while reading a command word, parameter name or role
  let start = 0; // where the current command or comment begins
  let wordStart = 0;
  let headEnd = 0; // the blank that separates the value from what precedes it
  let command: CommandName = 'from';
  let keywordSpan: Span = lines.span(0, 0);
  let name = '';
  let nameSpan: Span = keywordSpan;
  let role: MessageRole = 'system';
  let roleSpan: Span = keywordSpan;
  let value = new ValueReader();

  const emitCommand = (): void => {
    const valueSpan = value.isEmpty ? lines.span(headEnd, headEnd) : lines.span(value.firstAt, value.lastEndAt);
    const base = {
      kind: 'command' as const,
      ...lines.span(start, value.isEmpty ? headEnd : value.lastEndAt),
      keywordSpan,
      value: value.value(),
      valueSpan,
      quote: value.quote(),
    };
    if (command === 'parameter') nodes.push({ ...base, command, name, nameSpan });
    else if (command === 'message') nodes.push({ ...base, command, role, roleSpan });
    else nodes.push({ ...base, command });
  };

  const startValue = (at: number): void => {
    headEnd = at;
    value = new ValueReader();
  };

  // A leading byte-order mark is not text (Go decodes with unicode.BOMOverride).
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    if (state === 'value') {
      // Fast path for runs of plain ASCII, which need no per-character decision.
      const run = readRun(text, i);
      if (run > i) {
        if (text.charCodeAt(i) <= 32) value.pushBlank(text.slice(i, run));
        else value.pushVisible(text.slice(i, run), i);
        i = run;
        continue;
      }
    }
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    const end = i + width;

    switch (state) {
      case 'nil':
        if (ch === '#') {
          start = i;
          state = 'comment';
        } else if (!isBlank(ch) && !isNewline(ch)) {
          // Any other character starts a command word; Go keeps it only if printable.
          start = i;
          word = isPrint(ch) ? ch : '';
          state = 'name';
        }
        break;

      case 'comment':
        if (isNewline(ch)) {
          nodes.push({ kind: 'comment', ...lines.span(start, i), text: text.slice(start, i) });
          state = 'nil';
        }
        break;

      case 'name':
        if (isAsciiLetter(ch)) {
          word += ch;
        } else if (isBlank(ch)) {
          const lower = asciiLower(word);
          if (!isCommandName(lower)) {
            return fail('invalid-command', INVALID_COMMAND_MESSAGE, start, i, `"${word}" is not a Modelfile command`);
          }
          command = lower;
          keywordSpan = lines.span(start, i);
          if (command === 'parameter' || command === 'message') {
            word = '';
            wordStart = end;
            state = command;
          } else {
            startValue(i);
            state = 'value';
          }
        } else {
          const lower = asciiLower(word);
          const hint =
            isNewline(ch) && isCommandName(lower)
              ? `${word} needs a value after a space on the same line`
              : 'a command is a word of letters only, followed by a space or a tab';
          return fail('invalid-command', INVALID_COMMAND_MESSAGE, start, isNewline(ch) ? i : end, hint);
        }
        break;

      case 'parameter':
        if (isAsciiLetter(ch) || isAsciiDigit(ch) || ch === '_') {
          word += ch;
        } else if (isBlank(ch)) {
          name = word;
          nameSpan = lines.span(wordStart, i);
          startValue(i);
          state = 'value';
        } else {
          const hint = isNewline(ch)
            ? 'PARAMETER needs a name, a space, then a value'
            : 'a parameter name is letters, digits and _ only, followed by a space and the value';
          return fail('unexpected-eof', word ? `${UNEXPECTED_EOF_MESSAGE}: ${word}` : UNEXPECTED_EOF_MESSAGE, word ? wordStart : start, isNewline(ch) ? i : end, hint);
        }
        break;

      case 'message':
        if (isAsciiLetter(ch)) {
          word += ch;
        } else if (isBlank(ch)) {
          if (!isMessageRole(word)) {
            return fail('invalid-role', INVALID_ROLE_MESSAGE, word ? wordStart : start, i, 'write MESSAGE system, MESSAGE user or MESSAGE assistant, then the text');
          }
          role = word;
          roleSpan = lines.span(wordStart, i);
          startValue(i);
          state = 'value';
        } else {
          const hint = isNewline(ch)
            ? 'MESSAGE needs a role (system, user or assistant), a space, then the text'
            : 'a message role is system, user or assistant, followed by a space and the text';
          return fail('unexpected-eof', word ? `${UNEXPECTED_EOF_MESSAGE}: ${word}` : UNEXPECTED_EOF_MESSAGE, word ? wordStart : start, isNewline(ch) ? i : end, hint);
        }
        break;

      case 'value':
        if (isNewline(ch) && value.closed()) {
          emitCommand();
          state = 'nil';
        } else if (isBlank(ch) || isNewline(ch)) {
          value.pushBlank(ch);
        } else if (isPrint(ch)) {
          value.pushVisible(ch, i);
        }
        break;
    }
    i = end;
  }

  // End of input: what Go does when it flushes its buffer.
  switch (state) {
    case 'comment':
      nodes.push({ kind: 'comment', ...lines.span(start, text.length), text: text.slice(start) });
      break;
    case 'value':
      if (!value.closed()) {
        const q = value.quote();
        return fail('unexpected-eof', UNEXPECTED_EOF_MESSAGE, value.firstAt, text.length, `the value opened with ${q} is never closed: a line must end with ${q}`);
      }
      emitCommand();
      break;
    case 'name':
    case 'parameter':
    case 'message':
      return fail('unexpected-eof', UNEXPECTED_EOF_MESSAGE, start, text.length, 'the last command has no value');
    case 'nil':
      break;
  }

  if (!nodes.some((node) => node.kind === 'command' && node.command === 'from')) {
    return fail('no-from', NO_FROM_MESSAGE, 0, 0, 'add a FROM line naming the base model or a weights file');
  }
  return { ok: true, modelfile };
}

const VISIBLE_RUN = /[!-~]+/y;
const BLANK_RUN = /[ \t]+/y;

/** The end of the run of ASCII visible characters, or of spaces and tabs, that starts at `i`. */
function readRun(text: string, i: number): number {
  const re = text.charCodeAt(i) <= 32 ? BLANK_RUN : VISIBLE_RUN;
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : i;
}
