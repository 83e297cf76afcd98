import {
  snippetCompletion,
  startCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { MESSAGE_ROLES, parameterCatalog, parameterInfo, parse } from '../../../../shared/modelfile';

export interface BaseName {
  name: string;
  detail: string;
  info?: string;
}

/**
 * A completion ends with the space that must follow its word, and a space typed right after it
 * steps over that space instead of adding a second one: `PARAMETER  temperature` (two spaces) is
 * an empty parameter name to Ollama. This field holds the position just after such a space.
 */
const setTypeOver = StateEffect.define<number | null>();
const typeOverField = StateField.define<number | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setTypeOver)) return effect.value;
    return tr.docChanged || tr.selection ? null : value;
  },
});

/** The space a completion inserted is not doubled by the space the user types next. */
export const completionTypeOver: Extension = [
  typeOverField,
  EditorView.inputHandler.of((view, from, to, text) => {
    const at = view.state.field(typeOverField, false);
    if (text !== ' ' || from !== to || at !== from) return false;
    view.dispatch({ effects: setTypeOver.of(null) });
    return true;
  }),
];

/** Inserts the word and a space, then offers what may follow it (parameter names, roles, models). */
function thenComplete(text: string) {
  return (view: EditorView, _completion: Completion, from: number, to: number) => {
    const end = from + text.length;
    view.dispatch({
      changes: { from, to, insert: text },
      selection: { anchor: end },
      userEvent: 'input.complete',
      effects: setTypeOver.of(text.endsWith(' ') ? end : null),
    });
    startCompletion(view);
  };
}

const INSTRUCTIONS: Completion[] = [
  { label: 'FROM', apply: thenComplete('FROM '), detail: 'required', info: 'The base model, or a GGUF file or safetensors folder beside the Modelfile, to build on.' },
  { label: 'PARAMETER', apply: thenComplete('PARAMETER '), info: 'A default run option: PARAMETER name value.' },
  snippetCompletion('SYSTEM """\n${}\n"""', { label: 'SYSTEM', info: 'The system prompt the model starts every conversation with.' }),
  snippetCompletion('TEMPLATE """\n${}\n"""', { label: 'TEMPLATE', info: 'The full prompt template, in Go template syntax ({{ .System }}, {{ .Prompt }}, …).' }),
  { label: 'MESSAGE', apply: thenComplete('MESSAGE '), info: 'A turn of example conversation: MESSAGE system|user|assistant text.' },
  { label: 'ADAPTER', apply: thenComplete('ADAPTER '), info: 'A LoRA adapter (GGUF file or safetensors folder) applied on top of the base model.' },
  snippetCompletion('LICENSE """\n${}\n"""', { label: 'LICENSE', info: 'The license the model is shared under.' }),
  { label: 'REQUIRES', apply: thenComplete('REQUIRES '), info: 'The oldest Ollama version that can run this model (semver, e.g. 0.14.0).' },
  { label: 'DRAFT', apply: thenComplete('DRAFT '), info: 'A smaller draft model for speculative decoding.' },
  { label: 'RENDERER', apply: thenComplete('RENDERER '), info: "One of Ollama's built-in prompt renderers, used instead of TEMPLATE." },
  { label: 'PARSER', apply: thenComplete('PARSER '), info: "One of Ollama's built-in output parsers (tool calls, thinking)." },
].map((c) => ({ ...c, type: 'keyword' }));

const PARAMETERS: Completion[] = parameterCatalog.map((p) => ({
  label: p.name,
  type: 'property',
  detail: p.type === 'string-list' ? 'text, repeatable' : p.type,
  info: p.help,
  apply: thenComplete(`${p.name} `),
}));

const ROLES: Completion[] = MESSAGE_ROLES.map((role) => ({ label: role, type: 'enum', apply: thenComplete(`${role} `) }));

const BOOLEANS: Completion[] = ['true', 'false'].map((label) => ({ label, type: 'constant' }));

/** True when `pos` is inside a value that began on an earlier line (a """ block): nothing to complete there. */
function insideOpenValue(context: CompletionContext, lineStart: number): boolean {
  const head = parse(context.state.sliceDoc(0, lineStart));
  return !head.ok && head.error.code === 'unexpected-eof';
}

/** Completion for instructions at a line's start, parameter names, message roles, booleans, and FROM models. */
export function modelfileCompletion(baseNames: () => readonly BaseName[]): CompletionSource {
  return (context): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    if (/^\s*#/.test(before)) return null;

    const instruction = /^\s*([A-Za-z]*)$/.exec(before);
    if (instruction) {
      if (!context.explicit && instruction[1] === '') return null;
      if (insideOpenValue(context, line.from)) return null;
      return { from: context.pos - instruction[1]!.length, options: INSTRUCTIONS, validFor: /^[A-Za-z]*$/ };
    }
    const parameter = /^\s*parameter\s+(\w*)$/i.exec(before);
    if (parameter && !insideOpenValue(context, line.from)) {
      return { from: context.pos - parameter[1]!.length, options: PARAMETERS, validFor: /^\w*$/ };
    }
    const boolValue = /^\s*parameter\s+(\w+)\s+(\w*)$/i.exec(before);
    if (boolValue && parameterInfo(boolValue[1]!)?.type === 'bool' && !insideOpenValue(context, line.from)) {
      return { from: context.pos - boolValue[2]!.length, options: BOOLEANS, validFor: /^\w*$/ };
    }
    const role = /^\s*message\s+(\w*)$/i.exec(before);
    if (role && !insideOpenValue(context, line.from)) {
      return { from: context.pos - role[1]!.length, options: ROLES, validFor: /^\w*$/ };
    }
    const from = /^\s*(?:from|draft)\s+(\S*)$/i.exec(before);
    if (from && !insideOpenValue(context, line.from)) {
      const options = baseNames().map((b): Completion => ({ label: b.name, type: 'variable', detail: b.detail, ...(b.info ? { info: b.info } : {}) }));
      return { from: context.pos - from[1]!.length, options, validFor: /^[\w.:/-]*$/ };
    }
    return null;
  };
}
