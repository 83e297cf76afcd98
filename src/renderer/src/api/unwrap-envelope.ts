import { calls, envelopeSchema, type CallName, type CallOutput } from '../../../shared/contract';
import { AppError, issuesOf } from '../../../shared/errors';

/**
 * Both transports answer every call with the same envelope; this turns one into the call's typed
 * value or throws the AppError it carries, so an error keeps its kind and field issues.
 */
export function unwrapEnvelope<K extends CallName>(name: K, raw: unknown): CallOutput<K> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new AppError('internal', `The app answered "${name}" with something that is not a result. Restart Modelwright and try again.`);
  }
  if (!envelope.data.ok) throw AppError.from(envelope.data.error);
  const value = calls[name].output.safeParse(envelope.data.value);
  if (!value.success) {
    // Not 'validation': that kind tells the user to fix their input, and this is the app's fault.
    const detail = issuesOf(value.error)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    throw new AppError('internal', `The app's answer to "${name}" did not have the expected shape (${detail}).`);
  }
  return value.data as CallOutput<K>;
}
