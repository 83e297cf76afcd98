import type { FakeModel } from './model-store';

/**
 * Model.Capabilities() (server/images.go): what the model file declares (the seed's
 * `capabilities`, the fake's stand-in for GGUF keys and the config), then what the template
 * implies: `tools` when it uses `.Tools`, `insert` for `.Suffix`, and `thinking` when it renders
 * `.Thinking` inside a `range` over `.Messages` (thinking.InferTags) or the family is gpt-oss.
 * The template test is a textual heuristic, not Go's parser.
 */

const RANGE_MESSAGES = /\{\{-?\s*range\b[^}]*\.Messages\b/;

function usesVar(template: string, name: string): boolean {
  return new RegExp(`\\{\\{[^}]*\\.${name}\\b[^}]*\\}\\}`).test(template);
}

function templateThinks(template: string): boolean {
  const range = RANGE_MESSAGES.exec(template);
  return range !== null && usesVar(template.slice(range.index), 'Thinking');
}

export function capabilitiesOf(model: FakeModel): string[] {
  const out = [...model.capabilities];
  const add = (capability: string): void => {
    if (!out.includes(capability)) out.push(capability);
  };
  if (usesVar(model.template, 'Tools')) add('tools');
  if (usesVar(model.template, 'Suffix')) add('insert');
  if (templateThinks(model.template) || model.family === 'gptoss' || model.family === 'gpt-oss') add('thinking');
  return out;
}
