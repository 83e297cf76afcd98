import { commandsOf, isMessageRole } from './ast';
import type { CommandNode, Modelfile, ParameterCommand } from './ast';
import { diagnostic } from './diagnostic';
import type { Diagnostic } from './diagnostic';
import { looksLikePath } from './looks-like-path';
import { modelKey, modelNameProblem } from '../model-name';
import { closestName } from './closest-name';
import { parameterCatalog } from './parameter-catalog';
import { typeParameter } from './parameter-value';
import { NO_FROM_MESSAGE } from './parse';
import { isRequiresVersion } from './semver';
import { LineIndex, START_SPAN } from './span';
import { findUnbalancedBraces } from './template-braces';
import { valueIndexToOffset } from './value-offsets';

export interface ValidationContext {
  /** Names of the registry's `base_models`. */
  baseModels?: readonly string[];
  /** Names Ollama has (`/api/tags`); leave out when Ollama is offline. */
  ollamaModels?: readonly string[];
}

const PARAMETER_NAMES = parameterCatalog.map((p) => p.name);

/** Commands of which Ollama keeps only the last (parser.go `CreateRequest`). */
const LAST_WINS = new Set(['template', 'system', 'adapter', 'renderer', 'parser', 'requires']);

/**
 * What Ollama would reject in a parsed Modelfile (errors), and what a user wants to know before
 * creating (warnings, info), each with its position. Sorted by position.
 */
export function validate(modelfile: Modelfile, context: ValidationContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const commands = commandsOf(modelfile);
  const lines = new LineIndex(modelfile.source);

  if (!commands.some((c) => c.command === 'from')) {
    out.push(diagnostic('error', 'no-from', START_SPAN, NO_FROM_MESSAGE, 'add a FROM line naming the base model or a weights file'));
  }

  const known = knownModels(context);
  const fromNames = commands.filter((c) => c.command === 'from' && c.value !== '' && !looksLikePath(c.value));
  for (const node of commands) {
    switch (node.command) {
      case 'from':
        checkFrom(node, known, out);
        break;
      case 'parameter':
        checkParameter(node, out);
        break;
      case 'message':
        if (!isMessageRole(node.role)) {
          out.push(diagnostic('error', 'invalid-role', node.roleSpan, 'message role must be one of "system", "user", or "assistant"'));
        }
        break;
      case 'template':
        for (const problem of findUnbalancedBraces(node.value)) {
          const from = valueIndexToOffset(modelfile.source, node, problem.index);
          out.push(diagnostic('warning', 'unbalanced-template', lines.span(from, from + problem.length), problem.message, 'Ollama rejects a template whose {{ }} do not pair up'));
        }
        if (node.value === '') out.push(emptyIgnored(node, 'TEMPLATE', "the base model's template stays"));
        break;
      case 'system':
        if (node.value === '') out.push(emptyIgnored(node, 'SYSTEM', "the base model's system prompt stays"));
        break;
      case 'requires':
        if (!isRequiresVersion(node.value)) {
          out.push(diagnostic('error', 'invalid-requires', node.valueSpan, 'requires must be a valid semver (e.g. 0.14.0)'));
        }
        break;
      default:
        break;
    }
  }

  for (const [i, node] of commands.entries()) {
    const later = commands.slice(i + 1);
    if (LAST_WINS.has(node.command)) {
      const next = later.find((c) => c.command === node.command);
      if (next) out.push(repeated(node, `${node.command.toUpperCase()} is given again on line ${next.line}; only the last one is used`));
    } else if (node.command === 'parameter' && node.name !== 'stop') {
      const next = later.find((c): c is ParameterCommand => c.command === 'parameter' && c.name === node.name);
      if (next) out.push(repeated(node, `${node.name} is set again on line ${next.line}; only the last value is used`));
    } else if (node.command === 'from' && fromNames.includes(node)) {
      const next = later.find((c) => fromNames.includes(c));
      if (next) out.push(repeated(node, `FROM names another model on line ${next.line}; only the last name is used`));
    }
  }

  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

function knownModels(context: ValidationContext): Set<string> | undefined {
  if (context.baseModels === undefined && context.ollamaModels === undefined) return undefined;
  return new Set([...(context.baseModels ?? []), ...(context.ollamaModels ?? [])].map(modelKey));
}

function checkFrom(node: CommandNode, known: Set<string> | undefined, out: Diagnostic[]): void {
  const name = node.value;
  if (name === '' || looksLikePath(name)) return;
  const problem = modelNameProblem(name);
  if (problem) {
    out.push(diagnostic('warning', 'invalid-model-name', node.valueSpan, `"${name}" is not a valid model name: ${problem}`, 'unless it is a path to weights, Ollama cannot pull it'));
    return;
  }
  if (known && !known.has(modelKey(name))) {
    out.push(
      diagnostic('warning', 'unknown-base-model', node.valueSpan, `base model "${name}" is neither a registry base model nor installed in Ollama`, 'Ollama will try to pull it when the model is created'),
    );
  }
}

function checkParameter(node: ParameterCommand, out: Diagnostic[]): void {
  const typed = typeParameter(node.name, node.value);
  switch (typed.kind) {
    case 'deprecated':
      out.push(diagnostic('warning', 'deprecated-parameter', node.nameSpan, typed.message, 'Ollama ignores it; remove the line'));
      break;
    case 'unknown-name': {
      if (node.name.trim() === '') {
        // Two spaces after PARAMETER: Ollama reads an empty name. Say that, not "unknown parameter ''".
        out.push(
          diagnostic('error', 'empty-parameter-name', node.keywordSpan, typed.message, 'put exactly one space between PARAMETER and the name, e.g. PARAMETER temperature 0.7'),
        );
        break;
      }
      const likely = closestName(node.name, PARAMETER_NAMES);
      const found = diagnostic(
        'error',
        'unknown-parameter',
        node.nameSpan,
        typed.message,
        likely ? `did you mean \`${likely}\`? Names are case-sensitive` : 'see the list of parameters Ollama knows (names are case-sensitive)',
      );
      out.push(likely ? { ...found, fix: likely } : found);
      break;
    }
    case 'invalid-value':
      out.push(diagnostic('error', 'invalid-value', node.valueSpan, typed.message, typed.hint));
      break;
    case 'value':
      if (typed.hint) out.push(diagnostic('warning', 'imprecise-number', node.valueSpan, typed.hint));
      break;
  }
}

function emptyIgnored(node: CommandNode, keyword: string, consequence: string): Diagnostic {
  return diagnostic('info', 'empty-value', node.keywordSpan, `an empty ${keyword} is not sent to Ollama`, consequence);
}

function repeated(node: CommandNode, message: string): Diagnostic {
  return diagnostic('warning', 'repeated-command', node.keywordSpan, message);
}
