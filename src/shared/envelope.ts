import { z } from 'zod';
import { appErrorDataSchema } from './errors';

/** Every call answers with this envelope on both transports, so an error keeps its kind and fields. */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorDataSchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;
