import { commandsOf } from './ast';
import type { ModelfileNode } from './ast';

/** A command as Ollama's parser represents it (parser.go `Command`): what conformance is checked on. */
export interface OllamaCommand {
  /** `model` for FROM, the parameter's own name for PARAMETER, else the command in lower case. */
  name: string;
  /** The value; for MESSAGE, `role: text`. */
  args: string;
}

export function toOllamaCommands(modelfile: { nodes: readonly ModelfileNode[] }): OllamaCommand[] {
  return commandsOf(modelfile).map((node) => {
    switch (node.command) {
      case 'from':
        return { name: 'model', args: node.value };
      case 'parameter':
        return { name: node.name, args: node.value };
      case 'message':
        return { name: 'message', args: `${node.role}: ${node.value}` };
      default:
        return { name: node.command, args: node.value };
    }
  });
}
