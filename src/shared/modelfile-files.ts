import { z } from 'zod';

/** A Modelfile as the editor sees it: content plus what is needed to notice a change on disk. */
export const modelfileDocumentSchema = z.object({
  /** Relative to the workspace, as the registry names it. */
  path: z.string(),
  content: z.string(),
  /** sha256 of the content on disk when read or written; a save sends it back to detect conflicts. */
  sha256: z.string(),
  exists: z.boolean(),
});
export type ModelfileDocument = z.infer<typeof modelfileDocumentSchema>;

/** The exact /api/create body a create would send, or why it cannot be built. */
export const createPreviewSchema = z.object({
  request: z.record(z.string(), z.unknown()).nullable(),
  /** Local files that would be hashed and uploaded first. */
  uploads: z.array(z.object({ kind: z.string(), path: z.string(), key: z.string() })),
  errors: z.array(z.object({ message: z.string(), line: z.number(), column: z.number() })),
  warnings: z.array(z.string()),
});
export type CreatePreview = z.infer<typeof createPreviewSchema>;
