import { type CaseOptions, type PromptCase, type PromptSet, RUN_DEFAULT_OPTIONS, type Think } from './prompt-set';
import type { RunResult } from './run-record';

/**
 * The exact chat request of one case: what is sent and what the run file records. Options layer
 * run defaults ← the set's options ← the case's options; `think` travels in its own field, since
 * Ollama takes it beside `options`, not inside them.
 */
/** The options every case of the set starts from (the run file's `options`): defaults ← the set's. */
export function setOptions(set: PromptSet): CaseOptions {
  return layer([RUN_DEFAULT_OPTIONS, set.options]) as CaseOptions;
}

export function caseRequest(set: PromptSet, promptCase: PromptCase): RunResult['request'] {
  const merged = layer([RUN_DEFAULT_OPTIONS, set.options, promptCase.options]);
  const think = (merged.think ?? false) as Think;
  delete merged.think;

  const messages: RunResult['request']['messages'] = [];
  // Present, even empty, it replaces the model's SYSTEM (as in chat); absent, the model's own applies.
  if (promptCase.system !== undefined) messages.push({ role: 'system', content: promptCase.system });
  for (const turn of promptCase.history ?? []) messages.push({ role: turn.role, content: turn.content });
  messages.push({ role: 'user', content: promptCase.prompt });
  return { messages, options: merged, think };
}

function layer(layers: readonly (CaseOptions | undefined)[]): Record<string, number | boolean | string> {
  const merged: Record<string, number | boolean | string> = {};
  for (const options of layers) {
    for (const [key, value] of Object.entries(options ?? {})) {
      // An explicit undefined must not erase a lower layer's value.
      if (value !== undefined) merged[key] = value;
    }
  }
  return merged;
}
