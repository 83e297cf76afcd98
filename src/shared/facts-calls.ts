import { z } from 'zod';
import { call } from './contract-call';
import { ollamaModelNameSchema } from './model-name-schema';
import { modelFactsSchema } from './model-facts';

/**
 * The model-facts area of the contract (spread into `calls` in `contract.ts`): what Ollama says of
 * a model, gathered once per digest (see src/main/facts).
 */
export const factsCalls = {
  'models.facts': call({
    input: z.strictObject({ model: ollamaModelNameSchema }),
    output: modelFactsSchema,
    summary: "A model's facts: architecture, size, quantization, trained and effective context, capabilities, cloud",
  }),
} as const;
