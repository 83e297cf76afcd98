import { z } from 'zod';

/** Whether an Ollama host answers, and what to do when it does not (one per host). */
export const connectionStateSchema = z.object({
  status: z.enum(['unknown', 'online', 'offline', 'error']),
  host: z.string(),
  version: z.string().nullable(),
  /** False below Ollama 0.5.5, whose /api/create has no `from`/`files`. */
  canCreate: z.boolean(),
  /** Things the user should know even though Ollama answers (an old, vulnerable version). */
  warnings: z.array(z.string()),
  /** What went wrong and what to do, when not online. */
  message: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;
