import type { CallName, CallOutput } from '../../../shared/contract';
import { envelopeSchema } from '../../../shared/envelope';
import { AppError } from '../../../shared/errors';

/**
 * Both transports answer every call with the same envelope; this turns one into the call's typed
 * value or throws the AppError it carries, so an error keeps its kind and field issues.
 *
 * The value is not parsed again here: the main side parses every answer with the contract before
 * it leaves (`invokeCall`), and the renderer trusts its own main process. Parsing twice meant
 * building every schema of the contract before the first card could show (about 50 ms of zod at
 * start-up); the renderer's trust boundary runs the other way (main checks what the page sends).
 */
export function unwrapEnvelope<K extends CallName>(name: K, raw: unknown): CallOutput<K> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new AppError('internal', `The app answered "${name}" with something that is not a result. Restart Modelwright and try again.`);
  }
  if (!envelope.data.ok) throw AppError.from(envelope.data.error);
  return envelope.data.value as CallOutput<K>;
}
