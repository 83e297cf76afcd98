import { z } from 'zod';

/** How one call of the contract is declared; each area's table (`eval/eval-calls.ts`, …) uses it. */
export interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

export function call<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}

/** The input of a call that takes nothing. */
export const none = z.strictObject({});
