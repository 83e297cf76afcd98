import { calls, type CallName, type CallOutput, type Handlers } from '../../shared/contract';
import { AppError, issuesOf, toAppError, validationError } from '../../shared/errors';

/**
 * Runs one contract call the way every HTTP route must: input parsed by the contract, output
 * parsed too (a handler bug becomes an internal error, never bad data on the wire), and every
 * failure turned into an AppError. Internal errors are logged with their stack here, once.
 */
export async function invokeCall<K extends CallName>(
  handlers: Handlers,
  name: K,
  rawInput: unknown,
  log: (line: string) => void,
): Promise<CallOutput<K>> {
  const spec = calls[name];
  const input = spec.input.safeParse(rawInput);
  if (!input.success) throw validationError('input', input.error);

  // The handler table is correlated with `name`, which TypeScript cannot follow through a union.
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  let value: unknown;
  try {
    value = await handler(input.data);
  } catch (error) {
    throw publicError(name, toAppError(error), error, log);
  }

  const output = spec.output.safeParse(value);
  if (!output.success) {
    const summary = issuesOf(output.error)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    const bug = new AppError('internal', `The answer to ${name} did not match the contract (${summary})`);
    throw publicError(name, bug, bug, log);
  }
  return output.data as CallOutput<K>;
}

function publicError(name: CallName, appError: AppError, original: unknown, log: (line: string) => void): AppError {
  if (appError.kind !== 'internal') return appError;
  const stack = original instanceof Error ? (original.stack ?? original.message) : String(original);
  log(`${name} failed: ${stack}`);
  return new AppError('internal', `Something went wrong inside Modelwright (${appError.message}). The log has the details.`);
}
