import { z } from 'zod';
import { setOwn } from './own-key';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A record keyed by user-chosen names (`models`, `base_models`). zod's own `z.record` drops a
 * `__proto__` key without a word, so a model of that name would vanish at the next write; this
 * one keeps every own key as data and validates its value like any other.
 */
export function ownRecordSchema<T extends z.ZodType>(value: T) {
  return z
    .custom<Record<string, z.input<T>>>(isPlainObject, { message: 'expected an object (name → entry)' })
    .transform((input, ctx) => {
      const out: Record<string, z.output<T>> = {};
      for (const key of Object.keys(input)) {
        const parsed = value.safeParse(input[key]);
        if (parsed.success) {
          setOwn(out, key, parsed.data);
          continue;
        }
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path], input: input[key] });
        }
      }
      return out;
    });
}
