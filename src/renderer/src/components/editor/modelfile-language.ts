import { StreamLanguage, type StringStream } from '@codemirror/language';
import { isCommandName } from '../../../../shared/modelfile';

/** What the next token on a line is; a quoted value may carry over to the following lines. */
interface LineState {
  expect: 'command' | 'name' | 'role' | 'value' | 'rest';
  command: string;
  /** The open quote of a value that has not ended yet. */
  quote: '' | '"' | '"""';
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;
const BOOL = /^(true|false)\s*$/i;

/** Inside a quoted value: template actions (`{{ … }}`) stand out from the text around them. */
function readQuoted(stream: StringStream, state: LineState): string {
  if (stream.match('{{')) {
    if (!stream.match(/^.*?\}\}/)) stream.skipToEnd();
    return 'meta';
  }
  while (!stream.eol()) {
    if (stream.match(state.quote)) {
      state.quote = '';
      state.expect = 'rest';
      break;
    }
    if (stream.match('{{', false)) break;
    stream.next();
  }
  return 'string';
}

function readValue(stream: StringStream, state: LineState): string {
  state.expect = 'rest';
  if (stream.match('"""')) state.quote = '"""';
  else if (stream.match('"')) state.quote = '"';
  if (state.quote) return stream.eol() ? 'string' : readQuoted(stream, state);
  if (state.command === 'parameter') {
    if (stream.match(NUMBER)) return 'number';
    if (stream.match(BOOL)) return 'bool';
  }
  stream.skipToEnd();
  // FROM and ADAPTER name a model or a file: shown apart from prose values.
  return state.command === 'from' || state.command === 'adapter' || state.command === 'draft' ? 'string.special' : 'string';
}

/**
 * Highlighting for Modelfiles, token by token as Ollama's parser reads them: a command word at the
 * start of a line, `#` comments only there, PARAMETER names, MESSAGE roles, and values bare,
 * quoted or triple-quoted across lines. Checking is `diagnose`'s job, not this one's.
 */
export const modelfileLanguage = StreamLanguage.define<LineState>({
  name: 'modelfile',
  startState: () => ({ expect: 'command', command: '', quote: '' }),
  copyState: (state) => ({ ...state }),
  token(stream, state) {
    if (state.quote) return readQuoted(stream, state);
    if (stream.sol()) {
      state.expect = 'command';
      state.command = '';
    }
    if (stream.eatSpace()) return null;
    switch (state.expect) {
      case 'command': {
        if (stream.peek() === '#') {
          stream.skipToEnd();
          return 'comment';
        }
        const word = stream.match(/^[A-Za-z]+/);
        if (!word || word === true) {
          stream.skipToEnd();
          return 'invalid';
        }
        const command = word[0].toLowerCase();
        state.command = command;
        state.expect = command === 'parameter' ? 'name' : command === 'message' ? 'role' : 'value';
        return isCommandName(command) ? 'keyword' : 'invalid';
      }
      case 'name':
        stream.match(/^\S+/);
        state.expect = 'value';
        return 'propertyName';
      case 'role':
        stream.match(/^\S+/);
        state.expect = 'value';
        return 'labelName';
      case 'value':
        return readValue(stream, state);
      case 'rest':
        stream.skipToEnd();
        return 'string';
    }
  },
  languageData: { commentTokens: { line: '#' } },
});
